// The results column: the financing table, the budget-year tables, the shared ceilings, the checks.
import { $, checkItem, element, euros } from './dom.js';
import { renderTreasury } from './charts.js';

export function renderResults(result, comparison) {
  renderDeliberationChoice(result);
  const deltas = new Map((comparison?.funders ?? []).map(f => [f.id, f]));
  const showDelta = comparison !== null;
  $('#financing-caption').textContent = `Plan de financement — ${result.name}`;
  // The rounding rule, said once for the plan: each explanation says « arrondi à … » without repeating it.
  $('#rounding-note').textContent = result.roundingSentence ?? '';
  const head = element('tr', {}, element('th', { scope: 'col', text: 'Financeur' }), element('th', { scope: 'col', text: 'Montant' }),
    element('th', { scope: 'col', text: 'Part du coût' }), showDelta ? element('th', { scope: 'col', text: 'Écart / référence' }) : null);
  $('#financing-table thead').replaceChildren(head);
  const body = [];
  const groups = new Map(result.groups.map(g => [g.id, g]));
  const announced = new Set();
  const columns = showDelta ? 4 : 3;
  for (const funder of result.funders) {
    if (funder.groupId && !announced.has(funder.groupId)) {
      announced.add(funder.groupId);
      const group = groups.get(funder.groupId);
      body.push(element('tr', { class: 'group' }, element('th', { scope: 'row', colspan: columns, text: `${group.name} — enveloppe de ${euros.format(group.pool)}` })));
    }
    const explain = element('button', { type: 'button', class: 'explain', 'aria-expanded': 'false', text: '?', 'aria-label': `Explication pour ${funder.name}` });
    const row = element('tr', { class: funder.groupId ? 'group-member' : '', 'data-funder': funder.id },
      element('th', { scope: 'row' }, funder.name, explain),
      element('td', { class: 'amount', text: funder.formatted.total }),
      element('td', { text: funder.formatted.shareOfCost }),
      showDelta ? deltaCell(deltas.get(funder.id)) : null);
    const details = element('tr', { class: 'explanation', hidden: true },
      element('td', { colspan: columns }, element('p', { text: funder.explanation.sentence }),
        element('ul', {}, ...funder.schedule.payments.map(p => element('li', { text: p.sentence })))));
    explain.addEventListener('click', () => {
      details.hidden = !details.hidden;
      explain.setAttribute('aria-expanded', String(!details.hidden));
    });
    body.push(row, details);
  }
  $('#financing-table tbody').replaceChildren(...body);
  const totals = result.totals;
  const foot = [
    element('tr', {}, element('th', { scope: 'row', text: 'Total financé' }), element('td', { text: euros.format(totals.totalFunded) }), element('td', { text: '' }),
      showDelta ? deltaCell({ delta: comparison.totals.totalFunded.delta }) : null),
    element('tr', {}, element('th', { scope: 'row', text: 'Coût total' }), element('td', { text: euros.format(totals.totalCost) }), element('td', { text: '100,00 %' }),
      showDelta ? deltaCell({ delta: comparison.totals.totalCost.delta }) : null),
  ];
  if (totals.unfunded > 0) foot.push(element('tr', { class: 'bad' }, element('th', { scope: 'row', text: 'Reste non financé' }), element('td', { text: euros.format(totals.unfunded) })));
  if (totals.overFunding > 0) foot.push(element('tr', { class: 'bad' }, element('th', { scope: 'row', text: 'Surfinancement' }), element('td', { text: euros.format(totals.overFunding) })));
  $('#financing-table tfoot').replaceChildren(...foot);

  renderYearTable(result.budgetYearTable);
  renderContributionTable(result.budgetYearTable);
  $('#ceiling-results').replaceChildren(...result.sharedCeilings.map(c => element('li', { 'data-ceiling': c.id, text: c.explanation.sentence })));
  $('#checks').replaceChildren(...result.checks.map(checkItem));
  renderTreasury(result.treasury);
}

function deltaCell(delta) {
  if (!delta) return element('td', { text: '' });
  const value = typeof delta.delta === 'number' ? delta.delta : 0;
  const label = delta.status === 'added' ? 'nouveau' : delta.status === 'removed' ? 'retiré' : (value > 0 ? '+' : '') + euros.format(value);
  return element('td', { class: value > 0 ? 'delta-up' : value < 0 ? 'delta-down' : '', title: delta.sentence ?? '', text: value === 0 && !delta.status?.match(/added|removed/) ? '=' : label });
}

const yearHead = years => element('tr', {}, element('th', { scope: 'col', text: 'Financeur' }),
  ...years.map(y => element('th', { scope: 'col', text: String(y) })), element('th', { scope: 'col', text: 'Total' }));
const amountsRow = (label, amounts, total, attributes = {}) => element('tr', attributes, element('th', { scope: 'row', text: label }),
  ...amounts.map(a => element('td', { text: euros.format(a.amount) })), element('td', { text: total === undefined ? '' : euros.format(total) }));

/** The payment view: what each funder pays in each budget year. */
function renderYearTable(table) {
  $('#year-table thead').replaceChildren(yearHead(table.years));
  $('#year-table tbody').replaceChildren(...table.rows.map(row => amountsRow(row.name, row.amounts, row.total)));
  $('#year-table tfoot').replaceChildren(
    amountsRow('Total versé', table.yearTotals, table.grandTotal),
    amountsRow('Coût de l\'exercice', table.costByYear));
}

/** The contribution view: what each funder funds of each year's cost, reconciled with the cost year by year. */
function renderContributionTable(table) {
  $('#contribution-table thead').replaceChildren(yearHead(table.years));
  $('#contribution-table tbody').replaceChildren(...table.rows.map(row => amountsRow(row.name, row.contributions, row.total, { 'data-funder': row.funderId })));
  const foot = [amountsRow('Total des contributions', table.contributionTotals, table.grandTotal), amountsRow('Coût de l\'exercice', table.costByYear)];
  if (table.overFundingByYear.some(a => a.amount > 0)) foot.push(amountsRow('Surfinancement de l\'exercice', table.overFundingByYear, undefined, { class: 'bad' }));
  if (table.unfundedByYear.some(a => a.amount > 0)) foot.push(amountsRow('Non financé de l\'exercice', table.unfundedByYear, undefined, { class: 'bad' }));
  $('#contribution-table tfoot').replaceChildren(...foot);
}

/** Who a deliberation draft can be written for: each funder, and each group (a zip of its members' drafts). */
function renderDeliberationChoice(result) {
  const list = $('#deliberation-funder');
  const current = list.value;
  const options = [];
  const announced = new Set();
  for (const funder of result.funders) {
    if (funder.groupId && !announced.has(funder.groupId)) {
      announced.add(funder.groupId);
      const group = result.groups.find(g => g.id === funder.groupId);
      options.push(element('option', { value: group.id, text: `${group.name} (un projet par membre)` }));
    }
    options.push(element('option', { value: funder.id, text: funder.groupId ? `— ${funder.name}` : funder.name }));
  }
  list.replaceChildren(...options);
  if (options.some(o => o.value === current)) list.value = current;
}
