// « Portefeuille »: every funder across the workspace's saved plans, by budget year (GET /v1/portfolio), with the
// workspace's key typed in « Plans enregistrés ». Which statuses and formats exist is read from the API's own OpenAPI
// document; the figures, totals and drill-down are the API's. A funder's line opens its plans.
import { $, element, euros, download } from './dom.js';
import { savedOpen } from './saved.js';

const ns = 'http://www.w3.org/2000/svg';
const key = () => sessionStorage.getItem('funding.key');
const STATUS_LABELS = { active: 'plans en cours (non archivés)', signed: 'plans votés', draft: 'plans non votés', archived: 'plans archivés' };
const SERIES = [
  { name: 'Engagé (versements votés)', colour: '#1f5fa8', value: y => y.committed.payment },
  { name: 'Prévu (dernières versions)', colour: '#7f9cc4', value: y => y.planned.payment },
  { name: 'Reçu', colour: '#2e8b57', value: y => y.received },
];
const axisEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

async function fetchPortfolio(query, accept) {
  const response = await fetch(`/v1/portfolio?${query}`, { headers: { 'Accept-Language': 'fr', Authorization: `Bearer ${key()}`, ...(accept ? { Accept: accept } : {}) } });
  $('#portfolio-errors').replaceChildren();
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ title: `Erreur ${response.status}` }));
    const messages = Object.entries(problem.errors ?? {}).map(([path, m]) => `${path} : ${m.join(' ')}`);
    $('#portfolio-errors').replaceChildren(element('ul', {}, ...[problem.detail ?? problem.title, ...messages].filter(Boolean).map(m => element('li', { class: 'error', text: m }))));
    return null;
  }
  return response;
}

function query(extra = {}) {
  const parameters = new URLSearchParams();
  const values = { funder: $('#portfolio-funder').value.trim(), from: $('#portfolio-from').value, to: $('#portfolio-to').value, status: $('#portfolio-status').value, ...extra };
  for (const [name, value] of Object.entries(values)) if (value) parameters.set(name, value);
  return parameters.toString();
}

function chart(years) {
  const width = 640, height = 220, left = 86, right = 8, top = 14, bottom = 24;
  const max = Math.max(1, ...years.flatMap(y => SERIES.map(s => s.value(y))));
  const band = (width - left - right) / Math.max(1, years.length);
  const bar = band / (SERIES.length + 1);
  const y = v => top + (max - v) * (height - top - bottom) / max;
  const shape = (tag, attributes, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const parts = [];
  for (const tick of [0, max / 2, max]) {
    parts.push(shape('line', { x1: left, x2: width - right, y1: y(tick), y2: y(tick), stroke: '#c9ced6', 'stroke-dasharray': '2 4' }));
    parts.push(shape('text', { class: 'y-tick', x: left - 6, y: y(tick) + 4, 'font-size': 11, fill: '#4a5360', 'text-anchor': 'end' }, axisEuros.format(tick)));
  }
  years.forEach((year, i) => {
    SERIES.forEach((series, s) => {
      const value = series.value(year);
      const rect = shape('rect', { x: left + i * band + (s + 0.5) * bar, y: y(value), width: bar * 0.9, height: Math.max(0, y(0) - y(value)), fill: series.colour, 'data-year': year.year });
      rect.append(shape('title', {}, `${year.year} — ${series.name} : ${euros.format(value)}`));
      parts.push(rect);
    });
    parts.push(shape('text', { class: 'x-tick', x: left + (i + 0.5) * band, y: height - 6, 'font-size': 11, fill: '#4a5360', 'text-anchor': 'middle' }, String(year.year)));
  });
  $('#portfolio-chart').replaceChildren(...parts);
  // The page's policy forbids inline style attributes: each swatch's colour is set through the CSSOM.
  $('#portfolio-legend').replaceChildren(...SERIES.map(s => {
    const swatch = element('span', { class: 'swatch', 'data-colour': s.colour });
    swatch.style.backgroundColor = s.colour;
    return element('li', {}, swatch, s.name);
  }));
}

const cell = (value, strong = false) => element('td', { class: 'num', text: euros.format(value), ...(strong ? { 'data-total': '' } : {}) });

function table(portfolio) {
  const rows = [];
  for (const funder of portfolio.funders) {
    const name = element('th', { scope: 'row' });
    const open = element('button', { type: 'button', class: 'link', text: funder.name, 'data-funder': funder.id });
    open.addEventListener('click', () => drill(funder.siren ?? funder.id));
    name.append(open, funder.siren ? ` (SIREN ${funder.siren})` : '');
    for (const year of [...funder.years, funder.total]) {
      rows.push(element('tr', {}, year === funder.years[0] ? name : element('td', {}), element('td', { text: year.year ?? 'Total' }),
        cell(year.committed.contribution), cell(year.committed.payment), cell(year.planned.contribution), cell(year.planned.payment),
        cell(year.received), cell(year.remainingToPay), cell(year.owedToIt)));
    }
  }
  $('#portfolio-table tbody').replaceChildren(...rows);
  $('#portfolio-table tfoot').replaceChildren(...portfolio.years.concat([portfolio.total]).map(year => element('tr', {},
    element('th', { scope: 'row', text: year.year ? 'Tous les financeurs' : 'Total général' }), element('td', { text: year.year ?? '' }),
    cell(year.committed.contribution, true), cell(year.committed.payment, true), cell(year.planned.contribution, true), cell(year.planned.payment, true),
    cell(year.received, true), cell(year.remainingToPay, true), cell(year.owedToIt, true))));
}

async function show() {
  const response = await fetchPortfolio(query());
  if (!response) return;
  const portfolio = await response.json();
  $('#portfolio-body').hidden = false;
  chart(portfolio.years);
  table(portfolio);
  $('#portfolio-plans').replaceChildren();
  $('#portfolio-sentence').textContent = portfolio.funders.length === 0
    ? 'Aucun plan enregistré ne répond à ces critères.'
    : `${portfolio.funders.length} financeur(s) ; engagé au total : ${euros.format(portfolio.total.committed.payment)} de versements, dont ${euros.format(portfolio.total.received)} reçus.`;
}

/** One funder's plans: each plan and version its figures come from, opened in the editor on a click. */
async function drill(funder) {
  const response = await fetchPortfolio(query({ funder }));
  if (!response) return;
  const one = (await response.json()).funders[0];
  if (!one) return;
  const views = { committed: 'engagé (version votée)', planned: 'prévu (dernière version)' };
  const statuses = { signed: 'signée', draft: 'non signée', archived: 'plan archivé' };
  $('#portfolio-plans').replaceChildren(element('h3', { text: `Plans de ${one.name}` }), element('ul', {}, ...(one.plans ?? []).map(p => {
    const open = element('button', { type: 'button', text: 'Ouvrir', 'data-plan': p.planId, 'data-version': p.version });
    open.addEventListener('click', () => savedOpen(p.planId, p.version));
    return element('li', {}, `${p.name} — version ${p.version} (${statuses[p.status] ?? p.status}), ${views[p.view] ?? p.view} `, open);
  })));
}

async function exportAs(format, name) {
  const response = await fetchPortfolio(query({ format }));
  if (response) download(await response.blob(), name);
}

/** Wires the « Portefeuille » tab: its statuses from the OpenAPI document, its queries on demand. */
export async function wirePortfolio() {
  const document = await (await fetch('/openapi/v1.json')).json();
  const parameters = document.paths['/v1/portfolio'].get.parameters;
  const statuses = parameters.find(p => p.name === 'status')?.schema?.enum ?? [];
  $('#portfolio-status').replaceChildren(...statuses.map(s => element('option', { value: s, text: STATUS_LABELS[s] ?? s })));
  $('#portfolio-show').addEventListener('click', () => { if (!key()) { $('#portfolio-errors').replaceChildren(element('p', { class: 'error', text: 'Saisissez d\'abord la clé de votre espace de travail dans « Plans enregistrés ».' })); return; } show(); });
  $('#portfolio-csv').addEventListener('click', () => exportAs('csv', 'portefeuille.csv'));
  $('#portfolio-xlsx').addEventListener('click', () => exportAs('xlsx', 'portefeuille.xlsx'));
}

export const showPortfolio = () => { if (key()) show(); };
