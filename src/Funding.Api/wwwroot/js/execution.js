// The execution tab: actual expenses and receipts typed or pasted, what each funder still owes or must be paid back.
import { lines, invalidValues, num, text, toJson } from './decimal-json.js';
import { $, $$, checkItem, element, euros, nextId } from './dom.js';
import { post } from './api.js';
import { readForm } from './plan-form.js';
import { asDate, monthLong } from './charts.js';

const DEBOUNCE_MS = 300;
let sequence = 0;
let timer = null;

/** The execution request from the plan and the two boxes: a first cell « 2023-01 » makes the expenses monthly. */
export function readExecution() {
  const expenseLines = lines($('#actual-expenses').value);
  const monthly = expenseLines.some(([first]) => /^\d{4}-\d{2}$/.test(first));
  const request = { plan: readForm() };
  if (monthly) request.monthlyExpenses = expenseLines.map(([month, amount]) => ({ month, amount: num(amount ?? '') }));
  else request.actualExpenses = expenseLines.map(([year, amount]) => ({ year: num(year), amount: num(amount ?? '') }));
  request.receipts = lines($('#receipts').value).map(([funderId, date, amount, ...reference]) =>
    ({ funderId, date: text(date ?? ''), amount: num(amount ?? ''), reference: text(reference.join(' ; ')) }));
  return request;
}

export function scheduleExecution() {
  clearTimeout(timer);
  timer = setTimeout(computeExecution, DEBOUNCE_MS);
}

export async function computeExecution() {
  const mine = ++sequence;
  const request = readExecution();
  const unreadable = invalidValues(request);
  $('#execution-errors').replaceChildren();
  $$('#execution .error').forEach(node => node.remove());
  if (unreadable.length) {
    showExecutionErrors(Object.fromEntries(unreadable.map(([path, reason]) => [path, [reason]])));
    return;
  }
  $('#execution-status').textContent = 'Calcul en cours…';
  let response, result;
  try {
    response = await post('/v1/plans/execution', toJson(request));
    result = await response.json();
  } catch (error) {
    if (mine === sequence) $('#execution-status').textContent = `Le serveur ne répond pas : ${error.message}`;
    return;
  }
  if (mine !== sequence) return;
  if (!response.ok) {
    showExecutionErrors(result?.errors ?? {});
    $('#execution').classList.add('stale');
    $('#execution-status').textContent = 'Soldes non à jour : corrigez les valeurs signalées.';
    return;
  }
  $('#execution').classList.remove('stale');
  renderExecution(result);
  $('#execution-status').textContent = `Calculé avec les règles de calcul ${result.calculationVersion}.`;
}

/** Errors on the boxes stand under them, with the line they name (receipts[2] → « ligne 3 »); the plan's go to the plan. */
export function showExecutionErrors(errors) {
  const general = [];
  for (const [path, messages] of Object.entries(errors)) {
    const match = path.match(/^(actualExpenses|monthlyExpenses|receipts)(?:\[(\d+)\])?/);
    if (!match) { general.push(`${path.replace(/^plan\./, '')} : ${messages.join(' ')}`); continue; }
    const box = match[1] === 'receipts' ? $('#receipts') : $('#actual-expenses');
    const line = match[2] !== undefined ? `ligne ${Number(match[2]) + 1} : ` : '';
    const message = element('div', { class: 'error', id: nextId('e'), text: line + messages.join(' ') });
    box.after(message);
    box.setAttribute('aria-invalid', 'true');
    box.setAttribute('aria-describedby', message.id);
  }
  $('#execution-errors').replaceChildren(...general.map(t => element('p', { text: t })));
}

const head = labels => element('tr', {}, ...labels.map(label => element('th', { scope: 'col', text: label })));

function renderExecution(result) {
  $('#execution-sentence').textContent = result.sentence;
  $('#execution-table thead').replaceChildren(head(['Financeur', 'Prévu', 'Dû sur le réalisé', 'Reçu', 'Solde à percevoir', 'Trop-perçu à reverser']));
  $('#execution-table tbody').replaceChildren(...result.funders.flatMap(f => {
    const explain = element('button', { type: 'button', class: 'explain', 'aria-expanded': 'false', text: '?', 'aria-label': `Explication pour ${f.name}` });
    const row = element('tr', { 'data-funder': f.id },
      element('th', { scope: 'row' }, f.name, explain),
      element('td', { text: euros.format(f.granted) }),
      element('td', { class: 'due', text: euros.format(f.due) }),
      element('td', { text: euros.format(f.received) }),
      element('td', { class: 'to-claim', text: f.isCarrier ? '—' : euros.format(f.toClaim) }),
      element('td', { class: f.toPayBack > 0 ? 'to-pay-back bad' : 'to-pay-back', text: euros.format(f.toPayBack) }));
    const details = element('tr', { class: 'explanation', hidden: true }, element('td', { colspan: 6 }, element('p', { text: f.sentence }),
      f.explanation ? element('p', { text: f.explanation.sentence }) : null));
    explain.addEventListener('click', () => { details.hidden = !details.hidden; explain.setAttribute('aria-expanded', String(!details.hidden)); });
    return [row, details];
  }));
  const sum = key => result.funders.reduce((total, f) => total + f[key], 0);
  $('#execution-table tfoot').replaceChildren(element('tr', {}, element('th', { scope: 'row', text: 'Total' }),
    element('td', { text: euros.format(sum('granted')) }), element('td', { text: euros.format(sum('due')) }), element('td', { text: euros.format(sum('received')) }),
    element('td', { text: euros.format(result.totalToClaim) }), element('td', { text: euros.format(result.totalToPayBack) })));
  $('#execution-years thead').replaceChildren(head(['Exercice', 'Prévu', 'Réalisé', 'Écart']));
  $('#execution-years tbody').replaceChildren(...result.expensesByBudgetYear.map(y => element('tr', {}, element('th', { scope: 'row', text: String(y.year) }),
    element('td', { text: euros.format(y.planned) }), element('td', { text: euros.format(y.actual) }), element('td', { text: euros.format(y.difference) }))));
  $('#execution-checks').replaceChildren(...result.checks.map(checkItem));
  $('#execution-treasury thead').replaceChildren(head(['Mois', 'Dépensé', 'Reçu', 'Solde réel', 'Solde prévu']));
  $('#execution-treasury tbody').replaceChildren(...result.treasury.map(m => element('tr', {}, element('th', { scope: 'row', text: monthLong.format(asDate(m.month)) }),
    element('td', { text: euros.format(m.spent) }), element('td', { text: euros.format(m.received) }), element('td', { text: euros.format(m.balance) }), element('td', { text: euros.format(m.forecastBalance) }))));
  const chosen = $('#balance-funder').value;
  $('#balance-funder').replaceChildren(...result.funders.filter(f => !f.isCarrier).map(f => element('option', { value: f.id, text: f.name })));
  if (chosen && result.funders.some(f => f.id === chosen && !f.isCarrier)) $('#balance-funder').value = chosen;
}
