// Scenario sweeps: one parameter over a range or a few keys, as a chart. The parameters offered are those the rules'
// descriptors declare (GET /v1/rules), for the fields each funder's rule has: the page never offers one the API refuses.
import { num, toJson } from './decimal-json.js';
import { $, download, element, euros } from './dom.js';
import { post, ruleType } from './api.js';
import { readForm } from './plan-form.js';
import { SWEEP_COLOURS, renderSweepChart } from './charts.js';

const SWEEP_KEYS = [
  { name: 'population', key: { type: 'weight' } },
  { name: 'parts égales', key: { type: 'equal' } },
  { name: '50 % population + 50 % parts égales', key: { type: 'mixed', components: [{ percent: 50, key: { type: 'weight' } }, { percent: 50, key: { type: 'equal' } }] } },
];

/** The value at a path of a rule's JSON (« pool.percent »), or undefined. */
const at = (rule, path) => path.split('.').reduce((value, key) => value?.[key], rule);

/** The parameters the current plan offers, each with its current value (to centre the range on it). */
function sweepChoices() {
  const choices = [];
  const current = readForm();
  if (current.cost?.type === 'annual' && current.cost.annualAmount !== undefined) {
    choices.push({ id: 'cost', label: 'Coût annuel', parameter: 'cost', value: current.cost.annualAmount });
  }
  for (const f of current.funders) {
    const rule = f.rule ?? {};
    const descriptor = ruleType(rule.type);
    for (const sweep of descriptor?.sweeps ?? []) {
      const fieldName = sweep.field.split('.')[0];
      const declared = descriptor.fields.find(d => d.name === fieldName);
      const value = at(rule, sweep.field) ?? (declared?.default ? JSON.parse(declared.default) : undefined);
      if (value === undefined || (sweep.requires && at(rule, sweep.requires) === undefined)) continue;
      const rate = sweep.parameter === 'rate';
      if (sweep.perItem) {
        value.forEach((item, k) => choices.push({ id: `${sweep.parameter}:${f.id}:${k + 1}`, label: `${f.name} — ${sweep.label} de l'année ${k + 1} (%)`,
          parameter: sweep.parameter, funderId: f.id, year: k + 1, value: item, rate }));
      } else if (sweep.parameter === 'key') {
        choices.push({ id: `key:${f.id}`, label: `${f.name} — ${sweep.label} (population, parts égales, mixte)`, parameter: 'key', funderId: f.id });
      } else {
        choices.push({ id: `${sweep.parameter}:${f.id}`, label: `${f.name} — ${sweep.label}${rate ? ' (%)' : ''}`, parameter: sweep.parameter, funderId: f.id, value, rate });
      }
    }
  }
  return choices;
}

export function renderSweepChoices() {
  const list = $('#sweep-parameter');
  const previous = list.value;
  const choices = sweepChoices();
  list.replaceChildren(...choices.map(c => element('option', { value: c.id, text: c.label })));
  if (choices.some(c => c.id === previous)) list.value = previous;
  sweepDefaults(false);
}

/** A range around the current value: ± 25 % in 10 steps (a rate: 0 to 100 % by 10). */
export function sweepDefaults(force) {
  const choice = sweepChoices().find(c => c.id === $('#sweep-parameter').value);
  $('#sweep-range').hidden = !choice || choice.parameter === 'key';
  if (!choice || choice.parameter === 'key' || (!force && $('#sweep-from').value)) return;
  const round = x => String(Math.round(x));
  if (choice.rate) {
    [$('#sweep-from').value, $('#sweep-to').value, $('#sweep-step').value] = ['0', '100', '10'];
  } else {
    const v = Number(choice.value ?? 0);
    [$('#sweep-from').value, $('#sweep-to').value, $('#sweep-step').value] = [round(v * 0.75), round(v * 1.25), round(Math.max(v / 20, 1))];
  }
}

function sweepRequest() {
  const choice = sweepChoices().find(c => c.id === $('#sweep-parameter').value);
  if (!choice) return null;
  const parameter = { parameter: choice.parameter, funderId: choice.funderId, year: choice.year };
  if (choice.parameter === 'key') {
    parameter.keys = SWEEP_KEYS;
  } else {
    parameter.range = { from: num($('#sweep-from').value), to: num($('#sweep-to').value), step: num($('#sweep-step').value) };
  }
  return { plan: readForm(), parameters: [parameter] };
}

function showSweepError(problem) {
  $('#sweep-error').textContent = Object.entries(problem.errors ?? {}).map(([path, messages]) => `${path} : ${messages.join(' ')}`).join(' ') || problem.detail || problem.title;
  $('#sweep-error').hidden = false;
}

export async function runSweep() {
  const request = sweepRequest();
  if (!request) return;
  $('#sweep-error').hidden = true;
  const response = await post('/v1/plans/sweep', toJson(request));
  const result = await response.json();
  if (!response.ok) {
    showSweepError(result);
    $('#sweep-figure').hidden = true;
    $('#sweep-table').hidden = true;
    return;
  }
  renderSweep(result);
}

function renderSweep(result) {
  const labels = result.parameters[0].labels;
  const moving = result.funders.map((f, i) => ({ ...f, i })).filter(f => f.min !== f.max).slice(0, SWEEP_COLOURS.length);
  const categorical = result.parameters[0].parameter === 'key';
  renderSweepChart(result, moving, categorical);
  const name = result.parameters[0].name;
  const current = result.planScenario ?? null;
  const capital = name.charAt(0).toUpperCase() + name.slice(1);
  $('#sweep-caption').textContent = `${capital} : ${result.count} scénarios (${labels[0]} à ${labels[labels.length - 1]}) ; `
    + (moving.length ? `${moving.length} financeurs changent, chacun sa couleur dans la légende (cliquez un nom pour masquer sa courbe)` : 'aucun financeur ne change')
    + (current !== null ? ` ; le trait pointillé marque le plan actuel (${labels[current]}).` : ' ; le plan actuel n\'est pas parmi les scénarios.');
  $('#sweep-table tbody').replaceChildren(...result.funders.map((f, i) => element('tr', { 'data-funder': f.id },
    element('th', { scope: 'row', text: f.name }),
    element('td', { class: 'num', text: euros.format(Number(f.min)) }),
    element('td', { class: 'num', text: euros.format(Number(f.max)) }),
    element('td', { class: 'num', text: current !== null ? euros.format(Number(result.scenarios[current].totals[i])) : '—' }))));
  $('#sweep-figure').hidden = false;
  $('#sweep-table').hidden = false;
}

export async function downloadSweepCsv() {
  const request = sweepRequest();
  if (!request) return;
  const response = await post('/v1/plans/sweep?format=csv', toJson(request));
  if (!response.ok) {
    showSweepError(await response.json());
    return;
  }
  download(await response.blob(), 'scenarios.csv');
}
