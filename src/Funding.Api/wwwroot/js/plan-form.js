// The plan <-> the form. The form edits the API's own JSON; what it does not show (a description, named weights,
// options it has no field for) is carried over untouched.
import { lines, num, shown, slug, text } from './decimal-json.js';
import { $, $$, element, field, input, nextId, select } from './dom.js';
import { ruleType, ruleTypes } from './api.js';
import { readRule, ruleFields } from './rule-form.js';

export const state = { plan: null };

export function renderForm(source) {
  const plan = state.plan = source;
  $('#plan-name').value = plan.name ?? '';
  const cost = plan.cost ?? { type: 'annual' };
  $$('input[name="cost-type"]').forEach(radio => { radio.checked = radio.value === cost.type; });
  $('#cost-annual').hidden = cost.type !== 'annual';
  $('#cost-per-year').hidden = cost.type !== 'perBudgetYear';
  $('#cost-annual-amount').value = shown(cost.annualAmount);
  $('#cost-start').value = cost.type === 'annual' ? (cost.start ?? '') : '';
  $('#cost-months').value = cost.months ?? '';
  $('#cost-prorata').value = cost.prorata ?? '';
  $('#cost-growth').value = shown(cost.growthPercent);
  $('#cost-years').value = (cost.years ?? []).map(y => `${y.year}\t${shown(y.amount)}`).join('\n');
  $('#cost-years-start').value = cost.type === 'perBudgetYear' ? (cost.start ?? '') : '';
  $('#funders').replaceChildren(...(plan.funders ?? []).map(renderFunder));
  const options = plan.options ?? {};
  $('#opt-rounding').value = options.rounding && options.rounding !== 'half-away-from-zero' ? options.rounding : '';
  $('#opt-ceiling').value = shown(options.publicAidCeilingPercent);
  $('#opt-minimum').value = shown(options.localAuthorityMinimumSharePercent);
  $('#opt-own-share').value = options.checkLocalAuthorityOwnShare === undefined ? '' : String(options.checkLocalAuthorityOwnShare);
  $('#opt-de-minimis').value = shown(options.deMinimisAlreadyReceived);
  $('#shared-ceilings').value = (plan.sharedCeilings ?? []).map(c => [c.name, c.funderIds.join(', '), shown(c.ratePercent), shown(c.amount),
    c.per === 'budgetYear' ? 'par exercice' : 'sur la période', c.sharing === 'proRata' ? 'prorata' : 'ordre'].join(' ; ')).join('\n');
}

/**
 * The shared ceilings box, one ceiling a line: « nom ; ids ; % ; montant ; par exercice|sur la période ; prorata|ordre ».
 * Ids are kept from the loaded plan by name, so that an edited line still names the same ceiling.
 */
function readCeilings(textValue) {
  const before = new Map((state.plan?.sharedCeilings ?? []).map(c => [c.name, c]));
  return textValue.split(/\r?\n/).map(line => line.trim()).filter(Boolean).map(line => {
    const [name = '', ids = '', percent, amount, per = '', sharing = ''] = line.split(';').map(cell => cell.trim());
    return {
      id: before.get(name)?.id ?? slug(name),
      name,
      funderIds: ids.split(',').map(id => id.trim()).filter(Boolean),
      ratePercent: num(percent ?? ''),
      amount: num(amount ?? ''),
      per: /exercice|an/i.test(per) ? 'budgetYear' : undefined,
      sharing: /prorata/i.test(sharing) ? 'proRata' : undefined,
    };
  });
}

function renderFunder(funder, index) {
  const item = $('#funder-template').content.firstElementChild.cloneNode(true);
  item.funder = funder;
  const p = `funders[${index}]`;
  item.setAttribute('data-path', p);
  const type = ruleType(funder.rule?.type) ? funder.rule.type : ruleTypes()[0]?.type;
  $('[data-field="ruleType"]', item).replaceChildren(...ruleTypes().map(r => element('option', { value: r.type, text: r.label, title: r.help })));
  for (const control of $$('[data-field]', item)) {
    const name = control.getAttribute('data-field');
    const label = control.previousElementSibling;
    control.id = nextId('f');
    if (label?.tagName === 'LABEL') label.setAttribute('for', control.id);
    if (name === 'name') { control.value = funder.name ?? ''; control.setAttribute('data-path', `${p}.name`); }
    if (name === 'id') { control.value = funder.id ?? ''; control.setAttribute('data-path', `${p}.id`); }
    if (name === 'kind') { control.value = funder.kind ?? 'epci'; control.setAttribute('data-path', `${p}.kind`); }
    if (name === 'ruleType') { control.value = type; control.setAttribute('data-path', `${p}.rule.type`); }
    if (name === 'paymentType') { control.value = funder.payment?.type ?? ''; control.setAttribute('data-path', `${p}.payment.type`); }
    if (name === 'executionTerms') {
      const terms = funder.execution;
      control.value = !terms ? '' : terms.proRata ? 'proRata' : terms.capAtGrant ? 'capAtGrant' : 'asPromised';
      control.setAttribute('data-path', `${p}.execution`);
    }
  }
  item.setAttribute('aria-label', funder.name || `Financeur ${index + 1}`);
  $('.rule-fields', item).replaceChildren(...ruleFields(funder.rule?.type === type ? funder.rule : { type }, `${p}.rule`, ruleType(type)));
  $('.payment-fields', item).replaceChildren(...paymentFields(funder.payment, `${p}.payment`));
  return item;
}

function paymentFields(payment, p) {
  switch (payment?.type) {
    case 'once': return [field('Date', input('date', `${p}.date`, payment.date, { type: 'date' }))];
    case 'perBudgetYear': return [
      field('Prorata', select('prorata', `${p}.prorata`, [['', 'par mois'], ['days', 'par jours']], payment.prorata ?? '')),
      field('Jour de versement (JJ/MM)', input('payOn', `${p}.payOn`, dayMonth(payment.payOn), { placeholder: '30/06' })),
    ];
    case 'advanceAndBalance': return [
      field('Avance (%)', input('advancePercent', `${p}.advancePercent`, shown(payment.advancePercent), { inputmode: 'decimal' })),
      field('Solde le', input('balanceDate', `${p}.balanceDate`, payment.balanceDate, { type: 'date' })),
      field('Acomptes : une ligne par acompte — date, tabulation, %',
        element('textarea', { 'data-field': 'installments', 'data-path': `${p}.installments`, rows: 2,
          text: (payment.installments ?? []).map(i => `${i.date}\t${shown(i.percent)}`).join('\n') }), { wide: true }),
      field('Avance garantie (plafond légal 60 %)', element('input', { type: 'checkbox', 'data-field': 'advanceGuaranteed', 'data-path': `${p}.advanceGuaranteed`, checked: payment.advanceGuaranteed === true })),
    ];
    default: return [];
  }
}

/** Reads the form into a plan, keeping what the form does not edit. */
export function readForm() {
  const plan = state.plan;
  const costType = $('input[name="cost-type"]:checked')?.value ?? 'annual';
  const cost = costType === 'annual'
    ? { type: 'annual', annualAmount: num($('#cost-annual-amount').value), start: text($('#cost-start').value), months: num($('#cost-months').value), prorata: text($('#cost-prorata').value), growthPercent: num($('#cost-growth').value) }
    : { type: 'perBudgetYear', years: lines($('#cost-years').value).map(([year, amount]) => ({ year: num(year), amount: num(amount) })), start: text($('#cost-years-start').value) };
  const options = {
    rounding: text($('#opt-rounding').value),
    publicAidCeilingPercent: num($('#opt-ceiling').value),
    localAuthorityMinimumSharePercent: num($('#opt-minimum').value),
    checkLocalAuthorityOwnShare: $('#opt-own-share').value === '' ? undefined : $('#opt-own-share').value === 'true',
    deMinimisAlreadyReceived: num($('#opt-de-minimis').value),
  };
  const carried = { ...(plan?.options ?? {}) };
  for (const key of Object.keys(options)) delete carried[key];
  const merged = { ...carried, ...options };
  return {
    name: $('#plan-name').value,
    description: plan?.description,
    cost,
    funders: $$('#funders > li').map(readFunder),
    sharedCeilings: (ceilings => ceilings.length ? ceilings : undefined)(readCeilings($('#shared-ceilings').value)),
    options: Object.values(merged).some(v => v !== undefined) ? merged : undefined,
    // The programme a plan follows (written by the API from a programme): kept, so that its check goes on.
    programme: plan?.programme,
  };
}

function readFunder(item) {
  const get = name => $(`[data-field="${name}"]`, item);
  const value = name => get(name)?.value;
  const original = item.funder ?? {};
  const type = value('ruleType');
  const previous = original.rule?.type === type ? original.rule : { type };
  const rule = readRule(item, ruleType(type), previous);
  let payment;
  switch (value('paymentType')) {
    case 'once': payment = { type: 'once', date: text(value('date')) }; break;
    case 'perBudgetYear': payment = { type: 'perBudgetYear', prorata: text(value('prorata')), payOn: monthDay(text(value('payOn'))) }; break;
    case 'advanceAndBalance': payment = {
      type: 'advanceAndBalance', advancePercent: num(value('advancePercent')), balanceDate: text(value('balanceDate')),
      installments: lines(value('installments') ?? '').map(([date, percent]) => ({ date: text(date), percent: num(percent) })),
      advanceGuaranteed: get('advanceGuaranteed')?.checked ? true : undefined,
    }; break;
    case 'monthly': payment = { type: 'monthly' }; break;
    default: payment = undefined;
  }
  const terms = value('executionTerms');
  const execution = terms === 'proRata' ? { proRata: true } : terms === 'capAtGrant' ? { capAtGrant: true } : terms === 'asPromised' ? { proRata: false, capAtGrant: false } : undefined;
  return { id: value('id'), name: value('name'), kind: value('kind'), rule, payment, execution };
}

/** A payment day as the API writes it (MM-JJ, « 06-30 ») shown the French way (« 30/06 »). */
const dayMonth = payOn => (/^(\d{2})-(\d{2})$/.exec(payOn ?? '') ?? []).length ? `${payOn.slice(3)}/${payOn.slice(0, 2)}` : payOn;

/** A payment day typed the French way (« 30/06 », « 1/7 ») as the API reads it (« 06-30 »); anything else goes as typed, for the API to name. */
function monthDay(typed) {
  const match = /^(\d{1,2})\s*[/.]\s*(\d{1,2})$/.exec(typed ?? '');
  return match ? `${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}` : typed;
}
