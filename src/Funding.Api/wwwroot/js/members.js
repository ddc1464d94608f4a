// A key-share group's members: typed or pasted from a spreadsheet, or imported from a CSV or XLSX table.
import { Invalid, Raw, lines, num, slug } from './decimal-json.js';
import { element, field, setStatus } from './dom.js';
import { post } from './api.js';

/**
 * The members box: one member a line, « nom ; poids ; plafond » typed, or columns pasted from a spreadsheet (tabs).
 * A first line whose weight is not a figure is a header row and is skipped. A line's problem names the line:
 * « ligne 3 : poids manquant ». Ids and kinds are kept from the previous members by name.
 */
export function readMembers(textValue, previous, keyType) {
  const byName = new Map(previous.map(m => [m.name, m]));
  const used = new Set();
  let rows = lines(textValue).map((cells, i) => ({ cells, line: i + 1 }));
  if (rows.length > 1 && rows[0].cells[1] !== undefined && num(rows[0].cells[1]) instanceof Invalid) rows = rows.slice(1);
  const onLine = (line, value) => value instanceof Invalid ? new Invalid(value.text, `ligne ${line} : ${value.reason}`) : value;
  return rows.map(({ cells: [name, weight, cap], line }) => {
    const before = byName.get(name);
    let id = before?.id ?? slug(name);
    while (used.has(id)) id += '-2';
    used.add(id);
    const read = keyType === 'equal'
      ? (num(weight, '213 403 (une population)') ?? new Raw('1'))
      : (num(weight, '213 403 (une population)') ?? new Invalid('', 'poids manquant : écrivez « nom ; poids » (une population, par exemple)'));
    return { id, name, kind: before?.kind ?? 'epci', weight: onLine(line, read), cap: onLine(line, num(cap)) };
  });
}

/** The members as the box shows them: « nom<TAB>poids[<TAB>plafond] ». */
export const membersText = members => (members ?? [])
  .map(m => [m.name, String(m.weight ?? '').replace('.', ','), m.cap !== undefined ? String(m.cap).replace('.', ',') : ''].join('\t').replace(/\t+$/, ''))
  .join('\n');

/**
 * « Importer des poids » : a CSV or XLSX table (INSEE's population table…) sent to /v1/weights/import, which answers
 * its columns; the two chosen, the members replace the box's lines. Problems name their row and column.
 */
export function weightsImport() {
  const file = element('input', { type: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'data-role': 'weights-file' });
  const nameColumn = element('select', { 'data-role': 'name-column' });
  const weightColumn = element('select', { 'data-role': 'weight-column' });
  const apply = element('button', { type: 'button', 'data-role': 'weights-apply', text: 'Importer ces colonnes' });
  const choice = element('div', { class: 'import-columns', hidden: true }, field('Colonne des noms', nameColumn), field('Colonne des poids', weightColumn), apply);
  const problems = element('div', { class: 'import-problems', role: 'alert' });
  const box = element('div', { class: 'wide weights-import' }, field('Importer des poids (CSV ou XLSX)', file), choice, problems);
  let request = null;
  const send = async body => {
    const response = await post('/v1/weights/import', JSON.stringify(body));
    const answer = await response.json();
    problems.replaceChildren(...(response.ok ? [] : Object.values(answer.errors ?? {}).flat().map(m => element('div', { class: 'error', text: m }))));
    return response.ok ? answer : null;
  };
  // Choosing a file is not an edit of the plan: its events stay here.
  file.addEventListener('input', event => event.stopPropagation());
  file.addEventListener('change', async event => {
    event.stopPropagation();
    const chosen = file.files[0];
    if (!chosen) return;
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    request = { format: /\.xlsx$/i.test(chosen.name) ? 'xlsx' : 'csv', content: btoa(binary) };
    const answer = await send(request);
    if (!answer) { choice.hidden = true; return; }
    for (const list of [nameColumn, weightColumn]) list.replaceChildren(...answer.columns.map(c => element('option', { value: c, text: c })));
    nameColumn.value = answer.columns.find(c => /nom|libell/i.test(c)) ?? answer.columns[0];
    weightColumn.value = answer.columns.find(c => /pop|poids|potentiel/i.test(c)) ?? answer.columns[answer.columns.length - 1];
    choice.hidden = false;
  });
  apply.addEventListener('click', async () => {
    const answer = await send({ ...request, nameColumn: nameColumn.value, weightColumn: weightColumn.value });
    if (!answer) return;
    const members = box.closest('li').querySelector('[data-field="members"]');
    members.value = answer.members.map(m => `${m.name}\t${String(m.weight).replace('.', ',')}`).join('\n');
    members.dispatchEvent(new Event('input', { bubbles: true }));
    choice.hidden = true;
    setStatus(`${answer.members.length} membres importés.`);
  });
  for (const list of [nameColumn, weightColumn]) list.addEventListener('change', event => event.stopPropagation());
  return box;
}
