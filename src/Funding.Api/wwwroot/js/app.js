// Simulateur de plan de financement: edits a plan in the API's own JSON format and asks the API for every figure.
// No arithmetic happens here: amounts typed by the user travel to the API as the JSON numbers they typed, and every
// figure shown comes from the API (its French formats where it gives them). The rules and their fields come from the
// API too (GET /v1/rules).
import { Raw, invalidValues, parseJson, slug, toJson } from './decimal-json.js';
import { $, $$, download, element, setStatus } from './dom.js';
import { loadRules, post } from './api.js';
import { clearErrors, showGeneral, showProblem } from './errors.js';
import { readForm, renderForm } from './plan-form.js';
import { REBUILDING } from './rule-form.js';
import { renderResults } from './results.js';
import { downloadSweepCsv, renderSweepChoices, runSweep, sweepDefaults } from './sweep.js';
import { computeExecution, readExecution, scheduleExecution, showExecutionErrors } from './execution.js';
import { wireSaved } from './saved.js';
import { wirePortfolio, showPortfolio } from './portfolio.js';
import { wireProgrammes } from './programmes.js';

const DEBOUNCE_MS = 300;
let baseline = null;
let sequence = 0;
let timer = null;
let carrierId = null;
// The ids the « Ajouter un financeur » button made: such an id follows the name typed until it is edited by hand.
const derivedIds = new Set();

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(compute, DEBOUNCE_MS);
}

const STALE = 'Résultats non à jour : corrigez les valeurs signalées. Aucun chiffre n\'est affiché tant que le plan n\'est pas valide.';

async function compute() {
  const mine = ++sequence;
  const plan = readForm();
  const unreadable = invalidValues(plan);
  if (unreadable.length) {
    // Refused here, in French, next to each field: nothing is sent that the API could only call "not a number".
    clearErrors();
    showProblem({ errors: Object.fromEntries(unreadable.map(([path, reason]) => [path, [reason]])) });
    $('#results').classList.add('stale');
    setStatus(STALE);
    return;
  }
  const body = toJson(plan);
  setStatus('Calcul en cours…');
  let response, result;
  try {
    response = await post('/v1/plans', body);
    result = await response.json();
  } catch (error) {
    if (mine === sequence) showGeneral([`Le serveur ne répond pas : ${error.message}`]);
    return;
  }
  if (mine !== sequence) return; // a newer computation is under way
  clearErrors();
  if (!response.ok) {
    showProblem(result);
    $('#results').classList.add('stale');
    setStatus(STALE);
    return;
  }
  $('#results').classList.remove('stale');
  let comparison = null;
  if (baseline) {
    const compared = await post('/v1/plans/compare', `{"baseline":${baseline},"variant":${body}}`);
    if (mine !== sequence) return;
    comparison = compared.ok ? await compared.json() : null;
  }
  carrierId = result.totals?.carrierId ?? null;
  renderResults(result, comparison);
  renderSweepChoices();
  setStatus(`Calculé avec les règles de calcul ${result.calculationVersion}.`);
  if (!$('#execution').hidden || $('#actual-expenses').value.trim() || $('#receipts').value.trim()) computeExecution();
}

const TABS = ['results', 'execution', 'portfolio'];

function selectTab(name) {
  for (const [tab, panel] of TABS.map(t => [`#tab-${t}`, `#${t}`])) {
    const selected = tab === `#tab-${name}`;
    $(tab).setAttribute('aria-selected', String(selected));
    $(tab).tabIndex = selected ? 0 : -1;
    $(panel).hidden = !selected;
  }
  if (name === 'execution') computeExecution();
  if (name === 'portfolio') showPortfolio();
}

async function report(format, funderId) {
  const query = funderId ? `&funderId=${encodeURIComponent(funderId)}` : '';
  const response = await post(`/v1/plans/report?format=${format}${query}`, toJson(readForm()));
  if (!response.ok) { clearErrors(); showProblem(await response.json()); return null; }
  return response;
}

function encodePlan(value) {
  const bytes = new TextEncoder().encode(toJson(value));
  let binary = '';
  bytes.forEach(b => { binary += String.fromCharCode(b); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodePlan(encoded) {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return parseJson(new TextDecoder().decode(Uint8Array.from(binary, c => c.charCodeAt(0))));
}

function wireForm() {
  const form = $('#plan-form');
  form.addEventListener('input', event => {
    if (event.target.matches('[data-field="name"]')) {
      const item = event.target.closest('li');
      item?.setAttribute('aria-label', event.target.value);
      const id = item && $('[data-field="id"]', item);
      if (id && derivedIds.has(id.value)) {
        derivedIds.delete(id.value);
        id.value = uniqueId(slug(event.target.value, 'financeur'), id);
        derivedIds.add(id.value);
      }
    }
    if (event.target.matches('[data-field="id"]')) derivedIds.delete(event.target.value);
    schedule();
  });
  form.addEventListener('change', event => {
    const target = event.target;
    if (target.name === 'cost-type' || target.matches(REBUILDING)) {
      const index = $$('#funders > li').indexOf(target.closest('li'));
      renderForm(readForm());
      const focus = index >= 0 ? $(`#funders > li:nth-child(${index + 1}) [data-field="${target.getAttribute('data-field')}"]`) : $(`input[name="cost-type"][value="${target.value}"]`);
      focus?.focus();
    }
    schedule();
  });
  $('#funders').addEventListener('click', event => {
    const action = event.target.closest('button[data-action]')?.getAttribute('data-action');
    if (!action) return;
    const current = readForm();
    const index = $$('#funders > li').indexOf(event.target.closest('li'));
    const funders = current.funders;
    if (action === 'remove') funders.splice(index, 1);
    if (action === 'up' && index > 0) [funders[index - 1], funders[index]] = [funders[index], funders[index - 1]];
    if (action === 'down' && index < funders.length - 1) [funders[index + 1], funders[index]] = [funders[index], funders[index + 1]];
    renderForm(current);
    const moved = action === 'up' ? index - 1 : action === 'down' ? index + 1 : Math.min(index, funders.length - 1);
    $(`#funders > li:nth-child(${moved + 1}) [data-action="${action}"]`)?.focus();
    schedule();
  });
  $('#add-funder').addEventListener('click', () => {
    const current = readForm();
    // Before the carrier (who pays what is left, last), as the API's last answer names it; at the end otherwise.
    const carrier = current.funders.findIndex(f => f.id === carrierId);
    const at = carrier >= 0 ? carrier : current.funders.length;
    const id = uniqueId('nouveau-financeur');
    derivedIds.add(id);
    current.funders.splice(at, 0, { id, name: 'Nouveau financeur', kind: 'epci', rule: { type: 'fixedTotal', amount: new Raw('0') } });
    renderForm(current);
    const name = $(`#funders > li:nth-child(${at + 1}) [data-field="name"]`);
    name.focus();
    name.select();
    schedule();
  });
}

/** An id no other funder of the form has: « nouveau-financeur », « nouveau-financeur-2 »… */
function uniqueId(base, own) {
  const taken = new Set($$('#funders [data-field="id"]').filter(input => input !== own).map(input => input.value));
  let id = base.slice(0, 100);
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 95)}-${n}`;
  return id;
}

function wireExports() {
  $('#set-baseline').addEventListener('click', () => {
    baseline = toJson(readForm());
    $('#clear-baseline').hidden = false;
    setStatus('Plan gardé comme référence : modifiez-le pour voir les écarts.');
    compute();
  });
  $('#clear-baseline').addEventListener('click', () => { baseline = null; $('#clear-baseline').hidden = true; compute(); });
  $('#copy-report').addEventListener('click', async () => {
    const response = await report('html');
    if (!response) return;
    const html = await response.text();
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([html.replace(/<[^>]+>/g, ' ')], { type: 'text/plain' }) })]);
      setStatus('Tableau copié : collez-le dans votre traitement de texte.');
    } catch {
      download(new Blob([html], { type: 'text/html' }), 'plan-de-financement.html');
      setStatus('Copie refusée par le navigateur : le tableau a été téléchargé en HTML.');
    }
  });
  for (const [button, format, name] of [['#download-csv', 'csv', 'plan-de-financement.csv'], ['#download-xlsx', 'xlsx', 'plan-de-financement.xlsx']]) {
    $(button).addEventListener('click', async () => {
      const response = await report(format);
      if (response) download(await response.blob(), name);
    });
  }
  $('#download-docx').addEventListener('click', async () => {
    const id = $('#deliberation-funder').value;
    const response = await report('docx', id);
    if (response) download(await response.blob(), /zip/.test(response.headers.get('Content-Type') ?? '') ? `deliberations-${slug(id)}.zip` : `deliberation-${slug(id)}.docx`);
  });
  $('#download-execution-xlsx').addEventListener('click', async () => {
    const response = await post('/v1/plans/execution/report?format=xlsx', toJson(readExecution()));
    if (!response.ok) { showExecutionErrors((await response.json())?.errors ?? {}); return; }
    download(await response.blob(), 'etat-recapitulatif-des-depenses.xlsx');
  });
  $('#download-balance-docx').addEventListener('click', async () => {
    const id = $('#balance-funder').value;
    const response = await post(`/v1/plans/execution/report?format=docx&funderId=${encodeURIComponent(id)}`, toJson(readExecution()));
    if (!response.ok) { showExecutionErrors((await response.json())?.errors ?? {}); return; }
    download(await response.blob(), `solde-${slug(id)}.docx`);
  });
  $('#download-json').addEventListener('click', () => download(new Blob([toJson(readForm(), '', '  ') + '\n'], { type: 'application/json' }), 'plan.json'));
  $('#share').addEventListener('click', async () => {
    const url = `${location.origin}${location.pathname}#plan=${encodePlan(readForm())}`;
    history.replaceState(null, '', url);
    $('#share-box').hidden = false;
    $('#share-url').value = url;
    $('#share-url').select();
    try { await navigator.clipboard.writeText(url); setStatus('Lien copié.'); } catch { setStatus('Copiez le lien ci-dessus.'); }
  });
  $('#import-json').addEventListener('click', () => $('#import-file').click());
  $('#import-file').addEventListener('change', async event => {
    const file = event.target.files[0];
    if (!file) return;
    try { renderForm(parseJson(await file.text())); compute(); }
    catch (error) { showGeneral([`Ce fichier n'est pas un plan JSON lisible : ${error.message}`]); }
    event.target.value = '';
  });
}

function wire() {
  wireForm();
  wireExports();
  $('#sweep-parameter').addEventListener('change', () => sweepDefaults(true));
  $('#sweep-run').addEventListener('click', runSweep);
  $('#sweep-csv').addEventListener('click', downloadSweepCsv);
  $('#load-sample').addEventListener('click', () => loadSample($('#sample').value));
  for (const name of TABS) $(`#tab-${name}`).addEventListener('click', () => selectTab(name));
  for (const tab of $$('[role="tab"]')) {
    tab.addEventListener('keydown', event => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      const at = TABS.indexOf(tab.id.slice(4));
      const next = TABS[(at + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
      selectTab(next);
      $(`#tab-${next}`).focus();
    });
  }
  $('#actual-expenses').addEventListener('input', scheduleExecution);
  $('#receipts').addEventListener('input', scheduleExecution);
  wireSaved(compute);
  wirePortfolio().catch(error => showGeneral([`Portefeuille indisponible : ${error.message}`]));
  wireProgrammes(plan => { renderForm(plan); compute(); });
}

async function loadSample(id) {
  const response = await fetch(`/v1/samples/${encodeURIComponent(id)}`, { headers: { 'Accept-Language': 'fr' } });
  renderForm(parseJson(await response.text()));
  await compute();
}

async function start() {
  await loadRules();
  wire();
  const samples = await (await fetch('/v1/samples')).json();
  $('#sample').replaceChildren(...samples.map(s => element('option', { value: s.id, text: s.title })));
  const shared = location.hash.match(/^#plan=([A-Za-z0-9_-]+)$/);
  if (shared) {
    try { renderForm(decodePlan(shared[1])); await compute(); return; }
    catch { showGeneral(['Le lien de partage est illisible : ouverture de l\'exemple.']); }
  }
  await loadSample('territoire-industrie-finistere');
}

start().catch(error => showGeneral([`Impossible de démarrer : ${error.message}`]));
