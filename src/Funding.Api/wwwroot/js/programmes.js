// « Nouveau plan à partir d'un dispositif »: the catalogue as the API gives it (GET /v1/programmes), a programme's rules in
// force on the post's start with their sources, and the plan the API writes from it (POST /v1/programmes/{id}/plans).
// What a partner may set (its agreed rate) and who is optional come from the programme itself, never from this page.
import { num, parseJson, toJson, slug } from './decimal-json.js';
import { $, element } from './dom.js';
import { post, apiHeaders } from './api.js';

async function refreshList() {
  const date = $('#programme-start').value;
  const applicant = $('#programme-applicant').value;
  const response = await fetch(`/v1/programmes?date=${encodeURIComponent(date)}&applicant=${encodeURIComponent(applicant)}`, { headers: apiHeaders() });
  const programmes = response.ok ? await response.json() : [];
  const previous = $('#programme').value;
  $('#programme').replaceChildren(...programmes.map(p => element('option', { value: p.id,
    text: `${p.name}${p.local ? ` — dispositif local, version ${p.version}` : ''}${p.inForce ? '' : ' (hors période)'}` })));
  if (programmes.some(p => p.id === previous)) $('#programme').value = previous;
  await showProgramme();
}

async function showProgramme() {
  const id = $('#programme').value;
  $('#programme-partners').replaceChildren();
  if (!id) {
    $('#programme-description').textContent = 'Aucun dispositif pour ce porteur.';
    $('#programme-sources').replaceChildren();
    return;
  }
  const response = await fetch(`/v1/programmes/${encodeURIComponent(id)}?date=${encodeURIComponent($('#programme-start').value)}`, { headers: apiHeaders() });
  const programme = parseJson(await response.text());
  $('#programme-description').textContent = programme.description + (programme.notPublic.length ? ` ${programme.notPublic.join(' ')}` : '');
  $('#programme-sources').replaceChildren(...programme.sources.map(s => element('li', {},
    element('a', { href: s.url, text: s.title, rel: 'noopener', target: '_blank' }), ` (lu le ${s.read})`)));
  // One line per funder of the programme that day: optional ones can be left out, agreed rates typed here.
  $('#programme-partners').replaceChildren(...programme.funders.map(f => {
    const line = element('div', { class: 'toolbar', 'data-partner': f.id });
    if (f.optional) {
      const box = element('input', { type: 'checkbox', id: `partner-${f.id}`, 'data-role': 'include' });
      line.append(box, element('label', { for: box.id, text: `${f.name} (facultatif)` }));
    } else {
      line.append(element('span', { text: f.name }));
    }
    if (f.agreed.includes('ratePercent')) {
      const rate = element('input', { id: `partner-rate-${f.id}`, inputmode: 'decimal', 'data-role': 'rate', value: '25' });
      line.append(element('label', { for: rate.id, text: `taux convenu (%, au plus ${f.rule.ratePercent ?? '…'} %)` }), rate);
    }
    return line;
  }));
}

async function createPlan() {
  const carrierName = $('#programme-carrier').value.trim() || 'Porteur';
  const partners = [...document.querySelectorAll('#programme-partners [data-partner]')]
    .filter(line => !line.querySelector('[data-role="include"]') || line.querySelector('[data-role="include"]').checked)
    .map(line => {
      const rate = line.querySelector('[data-role="rate"]');
      return { id: line.getAttribute('data-partner'), ratePercent: rate ? num(rate.value) : undefined };
    });
  const request = {
    annualCost: num($('#programme-cost').value),
    start: $('#programme-start').value,
    months: num($('#programme-months').value),
    carrier: { id: slug(carrierName, 'porteur'), name: carrierName, kind: $('#programme-applicant').value },
    partners,
  };
  const response = await post(`/v1/programmes/${encodeURIComponent($('#programme').value)}/plans`, toJson(request));
  const text = await response.text();
  if (!response.ok) {
    const problem = parseJson(text);
    $('#programme-error').textContent = Object.entries(problem.errors ?? {}).map(([path, messages]) => `${path} : ${messages.join(' ')}`).join(' ') || problem.detail || problem.title;
    $('#programme-error').hidden = false;
    return null;
  }
  $('#programme-error').hidden = true;
  return parseJson(text);
}

/** Wires the panel; <paramref>onPlan</paramref> receives the plan the API wrote. */
export function wireProgrammes(onPlan) {
  $('#from-programme').addEventListener('toggle', () => { if ($('#from-programme').open && !$('#programme').options.length) refreshList(); });
  $('#programme-applicant').addEventListener('change', refreshList);
  $('#programme-start').addEventListener('change', refreshList);
  $('#programme').addEventListener('change', showProgramme);
  $('#programme-plan').addEventListener('click', async () => {
    const plan = await createPlan();
    if (plan) onPlan(plan);
  });
}
