// The charts: the carrier's treasury month by month, and a sweep's totals scenario by scenario.
import { $, euros } from './dom.js';
import uPlot from '../vendor/uplot-1.6.32/uPlot.esm.js';

const ns = 'http://www.w3.org/2000/svg';
const shape = (tag, attributes, content) => {
  const node = document.createElementNS(ns, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (content !== undefined) node.textContent = content;
  return node;
};

// Months travel as YYYY-MM; the chart names them in French (« avr. 2022 », « mars 2024 »).
const monthShort = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });
export const monthLong = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
export const asDate = month => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
const axisEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

export function renderTreasury(treasury) {
  const months = treasury.months;
  const width = 640, height = 220, left = 86, right = 8, top = 14, bottom = 22;
  const values = months.map(m => m.balance);
  const max = Math.max(0, ...values), min = Math.min(0, ...values);
  const x = i => left + (months.length <= 1 ? 0 : i * (width - left - right) / (months.length - 1));
  const y = v => top + (max === min ? 0 : (max - v) * (height - top - bottom) / (max - min));
  const parts = [];
  // The euro axis: the highest balance, zero and the lowest, each with its line and its label.
  for (const tick of [...new Set([max, 0, min])]) {
    parts.push(shape('line', { x1: left, x2: width - right, y1: y(tick), y2: y(tick), stroke: tick === 0 ? '#4a5360' : '#c9ced6', 'stroke-dasharray': tick === 0 ? '4 3' : '2 4' }));
    parts.push(shape('text', { class: 'y-tick', x: left - 6, y: y(tick) + 4, 'font-size': 11, fill: '#4a5360', 'text-anchor': 'end' }, axisEuros.format(tick)));
  }
  parts.push(shape('polyline', { points: months.map((m, i) => `${x(i)},${y(m.balance)}`).join(' '), fill: 'none', stroke: '#0b5cad', 'stroke-width': 2 }));
  months.forEach((m, i) => {
    const point = shape('circle', { cx: x(i), cy: y(m.balance), r: m.balance < 0 ? 3.5 : 2, fill: m.balance < 0 ? '#b00020' : '#0b5cad', 'data-month': m.month });
    point.append(shape('title', {}, `${monthLong.format(asDate(m.month))} : solde ${euros.format(m.balance)}`));
    parts.push(point);
  });
  const worst = months.reduce((low, m, i) => (m.balance < (low?.balance ?? 0) ? { ...m, index: i } : low), null);
  if (worst) {
    // Above the lowest point, clear of the month labels below the chart.
    parts.push(shape('text', { x: Math.min(x(worst.index), width - right - 4), y: Math.max(y(worst.balance) - 8, top + 10), 'font-size': 12, fill: '#b00020', 'text-anchor': 'end' },
      `besoin maximal ${euros.format(-worst.balance)} (${monthLong.format(asDate(worst.month))})`));
  }
  // French month names: the first and last months, and each January between them far enough from both ends not to
  // overlap their labels.
  months.forEach((m, i) => {
    const edge = i === 0 || i === months.length - 1;
    if (!edge && (!m.month.endsWith('-01') || i < 3 || i > months.length - 4)) return;
    const anchor = i === 0 ? 'start' : i === months.length - 1 ? 'end' : 'middle';
    parts.push(shape('text', { class: 'x-tick', x: x(i), y: height - 6, 'font-size': 11, fill: '#4a5360', 'text-anchor': anchor }, monthShort.format(asDate(m.month))));
  });
  $('#treasury-chart').replaceChildren(...parts);
  $('#treasury-sentence').textContent = treasury.sentence;
}

export const SWEEP_COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#8e44ad', '#d35400', '#16a085', '#7f6000', '#b03060', '#34495e', '#5d8aa8', '#6b8e23', '#a0522d'];

/**
 * A sweep drawn by uPlot (vendored in wwwroot/vendor: a dependency-free ES module): one series per funder whose total
 * moves, with its legend (click a name to hide or show its line; the values follow the cursor), the euro axis with
 * French ticks, the parameter's values on the other axis — categories (keys) as points, not joined by lines — and the
 * plan's own scenario marked by a dashed line and named in its tick.
 */
export function renderSweepChart(result, moving, categorical) {
  const labels = result.parameters[0].labels;
  const plan = result.planScenario ?? null;
  const host = $('#sweep-chart');
  host.uplot?.destroy();
  host.replaceChildren();
  const xs = labels.map((_, k) => k);
  const data = [xs, ...moving.map(f => result.scenarios.map(s => Number(s.totals[f.i])))];
  const width = Math.max(320, Math.min(760, host.clientWidth || 640));
  const plot = new uPlot({
    width,
    height: 300,
    padding: [16, 28, 0, 8],
    scales: { x: { time: false, range: (u, min, max) => [min - (categorical ? 0.5 : 0), max + (categorical ? 0.5 : 0)] } },
    cursor: { points: { size: 7 } },
    legend: { live: true },
    axes: [
      {
        values: (u, ticks) => ticks.map(t => (Number.isInteger(t) && labels[t] !== undefined ? (t === plan ? `${labels[t]} (plan)` : labels[t]) : '')),
        splits: () => xs.filter((_, k) => labels.length <= 8 || k % Math.ceil(labels.length / 8) === 0 || k === plan),
        size: 40,
        gap: 6,
      },
      { values: (u, ticks) => ticks.map(t => axisEuros.format(t)), size: 96, gap: 6 },
    ],
    series: [
      { label: result.parameters[0].name, value: (u, v) => (v === null || v === undefined ? '—' : labels[v] ?? '') },
      ...moving.map((f, n) => ({
        label: f.name,
        stroke: SWEEP_COLOURS[n],
        width: 2,
        points: { show: categorical || labels.length <= 12, size: categorical ? 9 : 5, fill: SWEEP_COLOURS[n] },
        paths: categorical ? () => null : undefined,
        value: (u, v) => (v === null || v === undefined ? '—' : euros.format(v)),
      })),
    ],
    hooks: {
      draw: [u => {
        if (plan === null) return;
        const x = Math.round(u.valToPos(plan, 'x', true));
        const { ctx } = u;
        ctx.save();
        ctx.strokeStyle = '#4a5360';
        ctx.setLineDash([5, 4]);
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.restore();
      }],
    },
  }, data, host);
  host.uplot = plot;
}
