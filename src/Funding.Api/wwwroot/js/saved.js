// Saved plans: the workspace's key typed once (kept in this tab's session storage, never in local storage or a link),
// versions, comparison and signature.
import { toJson } from './decimal-json.js';
import { $, element, setStatus } from './dom.js';
import { readForm, renderForm } from './plan-form.js';

const saved = { id: null, etag: null, signing: null };
const savedKey = () => sessionStorage.getItem('funding.key');
let recompute = async () => {};

async function savedFetch(url, options = {}) {
  const headers = { 'Accept-Language': 'fr', Authorization: `Bearer ${savedKey()}`, ...(options.body ? { 'Content-Type': 'application/json' } : {}), ...(options.headers ?? {}) };
  const response = await fetch(url, { ...options, headers });
  $('#saved-errors').replaceChildren();
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ title: `Erreur ${response.status}` }));
    const messages = Object.entries(problem.errors ?? {}).map(([path, m]) => `${path} : ${m.join(' ')}`);
    $('#saved-errors').replaceChildren(element('ul', {}, ...[problem.detail ?? problem.title, ...messages].filter(Boolean).map(m => element('li', { class: 'error', text: m }))));
    return null;
  }
  return response;
}
const dateTime = value => new Date(value).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
const frenchDate = iso => iso.split('-').reverse().join('/');

async function savedList() {
  const search = $('#saved-search').value.trim();
  const response = await savedFetch(`/v1/saved-plans?search=${encodeURIComponent(search)}`);
  if (!response) return false;
  const list = await response.json();
  $('#saved-list').replaceChildren(...list.plans.map(p => element('option', { value: p.id, text: `${p.name} — version ${p.latestVersion}, ${dateTime(p.updatedAt)}` })));
  if (saved.id) $('#saved-list').value = saved.id;
  return true;
}

function savedShow(version, etag) {
  saved.id = version.planId;
  saved.etag = etag;
  $('#saved-version').disabled = false;
  $('#saved-current').textContent = `Plan ouvert : « ${version.plan.name} », version ${version.number}${version.signature ? ` (signée : ${version.signature.reference} du ${frenchDate(version.signature.votedOn)})` : ''}.`;
}

async function savedHistory() {
  const response = await savedFetch(`/v1/saved-plans/${saved.id}/versions`);
  if (!response) return;
  const versions = await response.json();
  $('#saved-history').hidden = false;
  $('#saved-history tbody').replaceChildren(...versions.map(v => {
    const actions = element('td', {});
    const open = element('button', { type: 'button', text: 'Ouvrir', 'data-version': v.number });
    open.addEventListener('click', () => savedOpen(saved.id, v.number));
    actions.append(open);
    if (v.number > 1) {
      const compare = element('button', { type: 'button', text: `Comparer avec la ${v.number - 1}`, 'data-compare': v.number });
      compare.addEventListener('click', () => savedCompare(v.number - 1, v.number));
      actions.append(compare);
    }
    if (!v.signature) {
      const sign = element('button', { type: 'button', text: 'Signer…', 'data-sign': v.number });
      sign.addEventListener('click', () => { saved.signing = v.number; $('#saved-sign').hidden = false; $('#sign-date').focus(); });
      actions.append(sign);
    }
    return element('tr', { 'data-version': v.number },
      element('td', { text: String(v.number) }), element('td', { text: dateTime(v.createdAt) }), element('td', { text: v.author }),
      element('td', { text: v.comment }), element('td', { class: 'signature', text: v.signature ? `${v.signature.reference} (vote du ${frenchDate(v.signature.votedOn)})` : '—' }), actions);
  }));
}

export async function savedOpen(id, number) {
  const response = await savedFetch(number ? `/v1/saved-plans/${id}/versions/${number}` : `/v1/saved-plans/${id}`);
  if (!response) return;
  const version = await response.json();
  const latest = await savedFetch(`/v1/saved-plans/${id}`, { method: 'GET' });
  savedShow(version, latest?.headers.get('ETag') ?? response.headers.get('ETag'));
  renderForm(version.plan);
  await recompute();
  await savedHistory();
}

async function savedCompare(a, b) {
  const response = await savedFetch(`/v1/saved-plans/${saved.id}/versions/${a}/compare/${b}`);
  if (!response) return;
  const comparison = await response.json();
  // A funder whose total is the same but whose budget years moved is « rescheduled »: it is shown, with what moved.
  const changed = comparison.funders.filter(f => f.status !== 'unchanged');
  $('#saved-compare').replaceChildren(element('h4', { text: `Version ${a} → version ${b}` }),
    changed.length === 0 ? element('p', { text: 'Aucun montant ne change, ni au total ni par exercice.' }) : element('ul', {}, ...changed.map(f => element('li', { text: f.sentence }))));
}

async function savedSave(asNew) {
  // The plan as the page writes it (exact digits), inside the save request.
  const body = `{"plan": ${toJson(readForm())}, "comment": ${JSON.stringify($('#saved-comment').value)}}`;
  const response = asNew
    ? await savedFetch('/v1/saved-plans', { method: 'POST', body })
    : await savedFetch(`/v1/saved-plans/${saved.id}`, { method: 'PUT', body, headers: { 'If-Match': saved.etag } });
  if (!response) return;
  const version = await response.json();
  savedShow(version, response.headers.get('ETag'));
  $('#saved-comment').value = '';
  setStatus(`Version ${version.number} enregistrée.`);
  await savedList();
  await savedHistory();
}

/** Wires the saved-plans panel; <paramref name="compute"/> recomputes the page once a plan is opened. */
export function wireSaved(compute) {
  recompute = compute;
  $('#saved-connect').addEventListener('click', async () => {
    sessionStorage.setItem('funding.key', $('#saved-key').value.trim());
    $('#saved-key').value = '';
    $('#saved-panel').hidden = !(await savedList());
  });
  $('#saved-search').addEventListener('input', () => savedList());
  $('#saved-open').addEventListener('click', () => { if ($('#saved-list').value) savedOpen($('#saved-list').value); });
  $('#saved-new').addEventListener('click', () => savedSave(true));
  $('#saved-version').addEventListener('click', () => savedSave(false));
  $('#sign-confirm').addEventListener('click', async () => {
    const body = JSON.stringify({ votedOn: $('#sign-date').value, reference: $('#sign-reference').value });
    const response = await savedFetch(`/v1/saved-plans/${saved.id}/versions/${saved.signing}/sign`, { method: 'POST', body });
    if (!response) return;
    $('#saved-sign').hidden = true;
    setStatus(`Version ${saved.signing} signée : ses chiffres sont figés.`);
    await savedHistory();
  });
  if (savedKey()) savedList().then(ok => { $('#saved-panel').hidden = !ok; });
}
