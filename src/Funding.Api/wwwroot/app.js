'use strict';
// Simulateur de plan de financement: edits a plan in the API's own JSON format and asks the API for every figure.
// No arithmetic happens here: amounts typed by the user travel to the API as the JSON numbers they typed, and every
// figure shown comes from the API (its French formats where it gives them).
(() => {
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
  const DEBOUNCE_MS = 300;
  const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
  const RULE_TYPES = ['rate', 'fixedAnnual', 'fixedPerYear', 'fixedTotal', 'keyShare', 'match', 'remainder'];
  const CHECK_LABELS = { passed: 'Respecté', failed: 'Non respecté', warning: 'Attention', notApplicable: 'Sans objet' };

  /** A number exactly as the user typed it (normalized from French notation), written verbatim into the JSON. */
  class Raw { constructor(text) { this.text = text; } toString() { return this.text; } }

  /** JSON.stringify that writes Raw numbers verbatim, so that nothing is rounded through binary floating point. */
  function toJson(value, indent = '', step = '') {
    if (value instanceof Raw) return value.text;
    if (value instanceof Invalid) return JSON.stringify(value.text); // an export keeps what was typed
    if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
    const inner = indent + step;
    const nl = step ? '\n' : '';
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      return '[' + nl + value.map(v => inner + toJson(v, inner, step)).join(',' + nl) + nl + indent + ']';
    }
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return '{' + nl + entries.map(([k, v]) => inner + JSON.stringify(k) + ':' + (step ? ' ' : '') + toJson(v, inner, step)).join(',' + nl) + nl + indent + '}';
  }

  /** JSON.parse that keeps every number as written (Raw), so that 11593.50 stays 11593.50 and nothing goes through floating point. */
  function parseJson(source) {
    let at = 0;
    const fail = () => { throw new SyntaxError(`JSON invalide à la position ${at}`); };
    const space = () => { while (/\s/.test(source[at] ?? '')) at++; };
    function value() {
      space();
      const c = source[at];
      if (c === '{') {
        at++; const object = {}; space();
        if (source[at] === '}') { at++; return object; }
        for (;;) {
          space(); const key = string(); space();
          if (source[at++] !== ':') fail();
          object[key] = value(); space();
          if (source[at] === ',') { at++; continue; }
          if (source[at++] !== '}') fail();
          return object;
        }
      }
      if (c === '[') {
        at++; const array = []; space();
        if (source[at] === ']') { at++; return array; }
        for (;;) {
          array.push(value()); space();
          if (source[at] === ',') { at++; continue; }
          if (source[at++] !== ']') fail();
          return array;
        }
      }
      if (c === '"') return string();
      const literal = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(source.slice(at));
      if (!literal) fail();
      at += literal[0].length;
      return literal[0] === 'true' ? true : literal[0] === 'false' ? false : literal[0] === 'null' ? null : new Raw(literal[0]);
    }
    function string() {
      const match = /^"(?:[^"\\]|\\.)*"/.exec(source.slice(at));
      if (!match) fail();
      at += match[0].length;
      return JSON.parse(match[0]);
    }
    const result = value(); space();
    if (at !== source.length) fail();
    return result;
  }

  /** A value the page cannot read as a number, with the French reason shown next to its field (nothing is sent). */
  class Invalid { constructor(text, reason) { this.text = text; this.reason = reason; } }

  /**
   * A French figure to a Raw JSON number: « 11 593,50 € », « 11593,5 », « 50 % », « 50,5 % », thousands separated by
   * ordinary, narrow or no-break spaces (in groups of three), a decimal comma, an optional € or % after it. Foreign or
   * ambiguous forms — « 1.234,5 », « 11593.5 », « 1e3 » — are refused with the reason, never guessed.
   */
  function num(text) {
    if (text === undefined || text === null) return undefined;
    const trimmed = String(text).trim();
    if (trimmed === '') return undefined;
    const figure = trimmed.replace(/[\s\u00A0\u202F]*(€|%)$/, '');
    const grouped = /^-?\d{1,3}([ \u00A0\u202F]\d{3})+(,\d+)?$/.test(figure);
    if (grouped || /^-?\d+(,\d+)?$/.test(figure)) return new Raw(figure.replace(/[ \u00A0\u202F]/g, '').replace(',', '.'));
    if (/^-?[\d.,]+[eE][+-]?\d+$/.test(figure)) {
      return new Invalid(trimmed, `« ${trimmed} » : la notation scientifique n'est pas acceptée ; écrivez le nombre en chiffres (1 000 plutôt que 1e3).`);
    }
    if (figure.includes('.')) {
      return new Invalid(trimmed, `« ${trimmed} » : le point n'est pas accepté ; séparez les décimales par une virgule et les milliers par des espaces (11 593,50).`);
    }
    if (/^-?[\d \u00A0\u202F]+(,\d+)?$/.test(figure)) {
      return new Invalid(trimmed, `« ${trimmed} » : les milliers se séparent par groupes de trois chiffres (11 593,50).`);
    }
    return new Invalid(trimmed, `« ${trimmed} » n'est pas un nombre : écrivez par exemple 11 593,50 € ou 50 %.`);
  }

  /** The values the page could not read, with the JSON path the API would name them by. */
  function invalidValues(value, path = '', found = []) {
    if (value instanceof Invalid) found.push([path, value.reason]);
    else if (Array.isArray(value)) value.forEach((item, i) => invalidValues(item, `${path}[${i}]`, found));
    else if (value !== null && typeof value === 'object' && !(value instanceof Raw)) {
      for (const [key, item] of Object.entries(value)) invalidValues(item, path ? `${path}.${key}` : key, found);
    }
    return found;
  }
  const shown = value => value === undefined || value === null ? '' : String(value).replace('.', ',');
  const text = value => (value ?? '').toString().trim() || undefined;

  function slug(name) {
    return (name || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'membre';
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name === 'class') node.className = value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    node.append(...children.filter(c => c !== undefined && c !== null));
    return node;
  }

  let fieldCounter = 0;
  /** A labelled field: every input of the page has a visible label. */
  function field(label, control, { wide = false } = {}) {
    control.id ||= `f${++fieldCounter}`;
    return element('div', { class: 'field' + (wide ? ' wide' : '') }, element('label', { for: control.id, text: label }), control);
  }
  const input = (fieldName, path, value, attributes = {}) => element('input', { 'data-field': fieldName, 'data-path': path, value: value ?? '', ...attributes });
  const select = (fieldName, path, options, value) => {
    const node = element('select', { 'data-field': fieldName, 'data-path': path });
    for (const [optionValue, label] of options) node.append(element('option', { value: optionValue, text: label }));
    node.value = value ?? options[0][0];
    return node;
  };

  // ---- The plan <-> the form -------------------------------------------------------------------------------------

  let plan = null;

  function renderForm(source) {
    plan = source;
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
    const list = $('#funders');
    list.replaceChildren(...(plan.funders ?? []).map(renderFunder));
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
    const before = new Map((plan?.sharedCeilings ?? []).map(c => [c.name, c]));
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
    item.setAttribute('data-path', `funders[${index}]`);
    const p = `funders[${index}]`;
    for (const control of $$('[data-field]', item)) {
      const name = control.getAttribute('data-field');
      const label = control.previousElementSibling;
      control.id = `f${++fieldCounter}`;
      if (label?.tagName === 'LABEL') label.setAttribute('for', control.id);
      if (name === 'name') { control.value = funder.name ?? ''; control.setAttribute('data-path', `${p}.name`); }
      if (name === 'id') { control.value = funder.id ?? ''; control.setAttribute('data-path', `${p}.id`); }
      if (name === 'kind') { control.value = funder.kind ?? 'epci'; control.setAttribute('data-path', `${p}.kind`); }
      if (name === 'ruleType') { control.value = funder.rule?.type ?? 'rate'; control.setAttribute('data-path', `${p}.rule.type`); }
      if (name === 'paymentType') { control.value = funder.payment?.type ?? ''; control.setAttribute('data-path', `${p}.payment.type`); }
      if (name === 'executionTerms') {
        const terms = funder.execution;
        control.value = !terms ? '' : terms.proRata ? 'proRata' : terms.capAtGrant ? 'capAtGrant' : 'asPromised';
        control.setAttribute('data-path', `${p}.execution`);
      }
    }
    item.setAttribute('aria-label', funder.name || `Financeur ${index + 1}`);
    $('.rule-fields', item).replaceChildren(...ruleFields(funder.rule ?? { type: 'rate' }, `${p}.rule`));
    $('.payment-fields', item).replaceChildren(...paymentFields(funder.payment, `${p}.payment`));
    return item;
  }

  function ruleFields(rule, p) {
    const cap = field('Plafond (€)', input('cap', `${p}.cap`, shown(rule.cap), { inputmode: 'decimal' }));
    switch (rule.type) {
      case 'rate': return [
        field('Taux (%)', input('ratePercent', `${p}.ratePercent`, shown(rule.ratePercent), { inputmode: 'decimal' })),
        cap,
        field('Le plafond vaut', select('capPer', `${p}.capPer`, [['', 'sur toute la période'], ['budgetYear', 'par exercice']], rule.capPer ?? '')),
        field('Plancher (€)', input('floor', `${p}.floor`, shown(rule.floor), { inputmode: 'decimal' })),
        field('Assiette éligible (€, sinon le coût total)', input('eligibleBase', `${p}.eligibleBase`, shown(rule.eligibleBase), { inputmode: 'decimal' })),
      ];
      case 'fixedAnnual': return [field('Montant annuel (€)', input('annualAmount', `${p}.annualAmount`, shown(rule.annualAmount), { inputmode: 'decimal' })), cap];
      case 'fixedTotal': return [field('Montant total (€)', input('amount', `${p}.amount`, shown(rule.amount), { inputmode: 'decimal' })), cap];
      case 'fixedPerYear': return [
        field('Montants par exercice (une ligne par année : année ; montant)',
          element('textarea', { 'data-field': 'ruleYears', 'data-path': `${p}.years`, rows: 3, text: (rule.years ?? []).map(y => `${y.year} ; ${shown(y.amount)}`).join('\n') }), { wide: true }),
        cap];
      case 'match': return [
        field('Financeur abondé (identifiant, listé avant)', input('matchFunderId', `${p}.funderId`, rule.funderId ?? '')),
        field('Part de sa participation (%)', input('matchPercent', `${p}.percent`, shown(rule.percent ?? '100'), { inputmode: 'decimal' })),
        cap];
      case 'keyShare': {
        const pool = rule.pool ?? { type: 'percentOfRemaining', percent: 50 };
        const poolValuePath = pool.type === 'fixed' ? `${p}.pool.amount` : `${p}.pool.percent`;
        const key = rule.key ?? { type: 'weight', label: 'population' };
        const fields = [
          field('Enveloppe', select('poolType', `${p}.pool.type`, [['percentOfRemaining', '% du reste à financer'], ['fixed', 'montant fixe (€)']], pool.type)),
          field(pool.type === 'fixed' ? 'Montant de l\'enveloppe (€)' : 'Part du reste à financer (%)',
            input('poolValue', poolValuePath, shown(pool.type === 'fixed' ? pool.amount : pool.percent), { inputmode: 'decimal' })),
        ];
        if (key.type === 'mixed') {
          fields.push(element('p', { class: 'hint wide', text: 'Clé mixte : modifiez-la dans le fichier JSON du plan (export puis import).' }));
        } else {
          fields.push(field('Clé', select('keyType', `${p}.key.type`, [['weight', 'pondération (population…)'], ['equal', 'parts égales']], key.type)));
          fields.push(field('Nom de la clé', input('keyLabel', `${p}.key.label`, key.label ?? 'population')));
          const members = (rule.members ?? []).map(m => [m.name, shown(m.weight), m.cap !== undefined ? shown(m.cap) : ''].join('\t').replace(/\t+$/, '')).join('\n');
          fields.push(field('Membres : une ligne par membre — nom ; poids ; plafond en € (facultatif). Ou collez les colonnes d\'un tableur, avec ou sans ligne d\'en-tête.',
            element('textarea', { 'data-field': 'members', 'data-path': `${p}.members`, rows: Math.max(3, (rule.members ?? []).length + 1), text: members }), { wide: true }));
          fields.push(weightsImport());
        }
        fields.push(cap);
        return fields;
      }
      default: return [cap];
    }
  }

  /**
   * « Importer des poids » : a CSV or XLSX table (INSEE's population table…) sent to /v1/weights/import, which answers
   * its columns; the two chosen, the members replace the box's lines. Problems name their row and column.
   */
  function weightsImport() {
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
      for (const select of [nameColumn, weightColumn]) select.replaceChildren(...answer.columns.map(c => element('option', { value: c, text: c })));
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
    for (const select of [nameColumn, weightColumn]) select.addEventListener('change', event => event.stopPropagation());
    return box;
  }

  function paymentFields(payment, p) {
    switch (payment?.type) {
      case 'once': return [field('Date', input('date', `${p}.date`, payment.date, { type: 'date' }))];
      case 'perBudgetYear': return [
        field('Prorata', select('prorata', `${p}.prorata`, [['', 'par mois'], ['days', 'par jours']], payment.prorata ?? '')),
        field('Jour de versement (MM-JJ)', input('payOn', `${p}.payOn`, payment.payOn, { placeholder: '06-30' })),
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

  /** Reads the form into a plan, keeping what the form does not edit (a mixed key, named weights, member kinds). */
  function readForm() {
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
    delete carried.rounding; delete carried.publicAidCeilingPercent; delete carried.localAuthorityMinimumSharePercent; delete carried.checkLocalAuthorityOwnShare; delete carried.deMinimisAlreadyReceived;
    const merged = { ...carried, ...options };
    return {
      name: $('#plan-name').value,
      description: plan?.description,
      cost,
      funders: $$('#funders > li').map(readFunder),
      sharedCeilings: (ceilings => ceilings.length ? ceilings : undefined)(readCeilings($('#shared-ceilings').value)),
      options: Object.values(merged).some(v => v !== undefined) ? merged : undefined,
    };
  }

  function readFunder(item) {
    const get = name => $(`[data-field="${name}"]`, item);
    const value = name => get(name)?.value;
    const original = item.funder ?? {};
    const ruleType = value('ruleType');
    const previousRule = original.rule?.type === ruleType ? original.rule : { type: ruleType };
    const rule = { type: ruleType };
    const cap = num(value('cap'));
    switch (ruleType) {
      case 'rate': Object.assign(rule, { ratePercent: num(value('ratePercent')), cap, capPer: text(value('capPer')), floor: num(value('floor')), eligibleBase: num(value('eligibleBase')) }); break;
      case 'fixedAnnual': Object.assign(rule, { annualAmount: num(value('annualAmount')), cap }); break;
      case 'fixedTotal': Object.assign(rule, { amount: num(value('amount')), cap }); break;
      case 'fixedPerYear':
        rule.years = (value('ruleYears') ?? '').split('\n').map(line => line.trim()).filter(Boolean).map(line => {
          const [year, amount] = line.split(/\s*[;\t]\s*/);
          return { year: num(year), amount: num(amount) };
        });
        rule.cap = cap;
        break;
      case 'match': Object.assign(rule, { funderId: text(value('matchFunderId')), percent: num(value('matchPercent')), cap }); break;
      case 'keyShare': {
        const poolType = value('poolType') ?? 'percentOfRemaining';
        rule.pool = poolType === 'fixed' ? { type: 'fixed', amount: num(value('poolValue')) } : { type: 'percentOfRemaining', percent: num(value('poolValue')) };
        if (previousRule.key?.type === 'mixed') {
          rule.key = previousRule.key;
          rule.members = previousRule.members;
        } else {
          const keyType = value('keyType') ?? 'weight';
          rule.key = keyType === 'equal' ? { type: 'equal' } : { type: 'weight', label: text(value('keyLabel')) };
          rule.members = readMembers(value('members') ?? '', previousRule.members ?? [], keyType);
        }
        rule.cap = cap;
        break;
      }
      default: rule.cap = cap;
    }
    const paymentType = value('paymentType');
    let payment;
    switch (paymentType) {
      case 'once': payment = { type: 'once', date: text(value('date')) }; break;
      case 'perBudgetYear': payment = { type: 'perBudgetYear', prorata: text(value('prorata')), payOn: text(value('payOn')) }; break;
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

  /** Members pasted from a spreadsheet: "name<TAB>weight[<TAB>cap]" per line (";" works too); ids kept by name. */
  /**
   * The members box: one member a line, « nom ; poids ; plafond » typed, or columns pasted from a spreadsheet (tabs).
   * A first line whose weight is not a figure is a header row and is skipped. A line's problem names the line:
   * « ligne 3 : poids manquant ».
   */
  function readMembers(textValue, previous, keyType) {
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
        ? (num(weight) ?? new Raw('1'))
        : (num(weight) ?? new Invalid('', 'poids manquant : écrivez « nom ; poids » (une population, par exemple)'));
      return { id, name, kind: before?.kind ?? 'epci', weight: onLine(line, read), cap: onLine(line, num(cap)) };
    });
  }

  function lines(value) {
    return value.split(/\r?\n/).map(line => line.trim()).filter(Boolean).map(line => line.split(/\t|;/).map(cell => cell.trim()));
  }

  // ---- Computing --------------------------------------------------------------------------------------------------

  let baseline = null;
  let sequence = 0;
  let timer = null;
  // The page is French: its problems are asked for in French, whatever the browser's own language.
  const post = (url, body) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'fr' }, body });

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(compute, DEBOUNCE_MS);
  }

  async function compute() {
    const mine = ++sequence;
    plan = readForm();
    const unreadable = invalidValues(plan);
    if (unreadable.length) {
      // Refused here, in French, next to each field: nothing is sent that the API could only call "not a number".
      clearErrors();
      showProblem({ errors: Object.fromEntries(unreadable.map(([path, reason]) => [path, [reason]])) });
      $('#results').classList.add('stale');
      setStatus('Résultats non à jour : corrigez les valeurs signalées. Aucun chiffre n\'est affiché tant que le plan n\'est pas valide.');
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
      setStatus('Résultats non à jour : corrigez les valeurs signalées. Aucun chiffre n\'est affiché tant que le plan n\'est pas valide.');
      return;
    }
    $('#results').classList.remove('stale');
    let comparison = null;
    if (baseline) {
      const compared = await post('/v1/plans/compare', `{"baseline":${baseline},"variant":${body}}`);
      if (mine !== sequence) return;
      comparison = compared.ok ? await compared.json() : null;
    }
    renderResults(result, comparison);
    renderSweepChoices();
    setStatus(`Calculé avec les règles de calcul ${result.calculationVersion}.`);
    if (!$('#execution').hidden || $('#actual-expenses').value.trim() || $('#receipts').value.trim()) computeExecution();
  }

  // ---- Scenario sweeps: one parameter over a range or a few keys, as a chart -------------------------------------------

  const SWEEP_COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#8e44ad', '#d35400', '#16a085', '#7f6000', '#b03060', '#34495e', '#5d8aa8', '#6b8e23', '#a0522d'];
  const SWEEP_KEYS = [
    { name: 'population', key: { type: 'weight' } },
    { name: 'parts égales', key: { type: 'equal' } },
    { name: '50 % population + 50 % parts égales', key: { type: 'mixed', components: [{ percent: 50, key: { type: 'weight' } }, { percent: 50, key: { type: 'equal' } }] } },
  ];

  /** The parameters the current plan offers, each with its current value (to centre the range on it). */
  function sweepChoices() {
    const choices = [];
    const current = readForm();
    if (current.cost?.type === 'annual' && current.cost.annualAmount !== undefined) {
      choices.push({ id: 'cost', label: 'Coût annuel', parameter: 'cost', value: current.cost.annualAmount });
    }
    for (const f of current.funders) {
      const rule = f.rule ?? {};
      if (rule.type === 'rate' || rule.type === 'match') {
        if (rule.cap !== undefined) choices.push({ id: `cap:${f.id}`, label: `Plafond de ${f.name}`, parameter: 'cap', funderId: f.id, value: rule.cap });
        choices.push({ id: `rate:${f.id}`, label: `Taux de ${f.name} (%)`, parameter: 'rate', funderId: f.id, value: rule.ratePercent ?? rule.percent, rate: true });
      } else if (rule.type === 'fixedAnnual') {
        choices.push({ id: `annualAmount:${f.id}`, label: `Montant annuel de ${f.name}`, parameter: 'annualAmount', funderId: f.id, value: rule.annualAmount });
      } else if (rule.type === 'keyShare') {
        choices.push({ id: `key:${f.id}`, label: `Clé du groupe ${f.name} (population, parts égales, mixte)`, parameter: 'key', funderId: f.id });
      }
    }
    return choices;
  }

  function renderSweepChoices() {
    const select = $('#sweep-parameter');
    const previous = select.value;
    const choices = sweepChoices();
    select.replaceChildren(...choices.map(c => element('option', { value: c.id, text: c.label })));
    if (choices.some(c => c.id === previous)) select.value = previous;
    sweepDefaults(false);
  }

  /** A range around the current value: ± 25 % in 10 steps (a rate: 0 to 100 % by 10). */
  function sweepDefaults(force) {
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
    const parameter = { parameter: choice.parameter, funderId: choice.funderId };
    if (choice.parameter === 'key') {
      parameter.keys = SWEEP_KEYS;
    } else {
      parameter.range = { from: num($('#sweep-from').value), to: num($('#sweep-to').value), step: num($('#sweep-step').value) };
    }
    return { plan: readForm(), parameters: [parameter] };
  }

  async function runSweep() {
    const request = sweepRequest();
    if (!request) return;
    $('#sweep-error').hidden = true;
    const response = await post('/v1/plans/sweep', toJson(request));
    const result = await response.json();
    if (!response.ok) {
      $('#sweep-error').textContent = Object.entries(result.errors ?? {}).map(([path, messages]) => `${path} : ${messages.join(' ')}`).join(' ') || result.detail || result.title;
      $('#sweep-error').hidden = false;
      $('#sweep-figure').hidden = true;
      $('#sweep-table').hidden = true;
      return;
    }
    renderSweep(result);
  }

  /** One line per funder whose total moves across the scenarios; the plan's own scenario marked. */
  function renderSweep(result) {
    const svg = $('#sweep-chart');
    const ns = 'http://www.w3.org/2000/svg';
    const shape = (tag, attributes, text) => {
      const node = document.createElementNS(ns, tag);
      for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const labels = result.parameters[0].labels;
    const moving = result.funders.map((f, i) => ({ ...f, i })).filter(f => f.min !== f.max).slice(0, SWEEP_COLOURS.length);
    const top = Math.max(1, ...moving.map(f => Number(f.max)));
    const [left, right, upper, lower] = [70, 630, 20, 220];
    const x = k => labels.length === 1 ? (left + right) / 2 : left + (right - left) * k / (labels.length - 1);
    const y = v => lower - (lower - upper) * Number(v) / top;
    const children = [
      shape('line', { x1: left, y1: lower, x2: right, y2: lower, class: 'axis' }),
      shape('text', { x: left - 6, y: upper + 4, 'text-anchor': 'end', class: 'tick' }, euros.format(Number(top))),
      shape('text', { x: left - 6, y: lower, 'text-anchor': 'end', class: 'tick' }, euros.format(Number(0))),
    ];
    labels.forEach((label, k) => {
      if (labels.length <= 12 || k % Math.ceil(labels.length / 12) === 0) children.push(shape('text', { x: x(k), y: lower + 16, 'text-anchor': 'middle', class: 'tick' }, label));
    });
    if (result.planScenario !== undefined && result.planScenario !== null) {
      const px = x(result.planScenario);
      children.push(shape('line', { x1: px, y1: upper, x2: px, y2: lower, class: 'plan-marker' }));
      children.push(shape('text', { x: px + 4, y: upper + 10, class: 'plan-marker-label' }, 'plan actuel'));
    }
    moving.forEach((f, n) => {
      const points = result.scenarios.map((s, k) => `${x(k).toFixed(1)},${y(s.totals[f.i]).toFixed(1)}`).join(' ');
      const line = shape('polyline', { points, fill: 'none', stroke: SWEEP_COLOURS[n], 'stroke-width': 2, 'data-funder': f.id });
      line.appendChild(shape('title', {}, f.name));
      children.push(line);
    });
    svg.replaceChildren(...children);
    const name = result.parameters[0].name;
    const current = result.planScenario ?? null;
    $('#sweep-caption').textContent = `${result.count} scénarios en faisant varier le ${name} (${labels[0]} à ${labels[labels.length - 1]}) ; `
      + (moving.length ? `${moving.length} financeurs changent : ${moving.map((f, n) => `${f.name} (${['bleu', 'rouge', 'vert', 'violet', 'orange', 'turquoise', 'brun', 'framboise', 'ardoise', 'acier', 'olive', 'terre'][n]})`).join(', ')}` : 'aucun financeur ne change')
      + (current !== null ? ` ; le trait vertical marque le plan actuel (${labels[current]}).` : ' ; le plan actuel n\'est pas parmi les scénarios.');
    $('#sweep-table tbody').replaceChildren(...result.funders.map((f, i) => element('tr', { 'data-funder': f.id },
      element('th', { scope: 'row', text: f.name }),
      element('td', { class: 'num', text: euros.format(Number(f.min)) }),
      element('td', { class: 'num', text: euros.format(Number(f.max)) }),
      element('td', { class: 'num', text: current !== null ? euros.format(Number(result.scenarios[current].totals[i])) : '—' }))));
    $('#sweep-figure').hidden = false;
    $('#sweep-table').hidden = false;
  }

  async function downloadSweepCsv() {
    const request = sweepRequest();
    if (!request) return;
    const response = await post('/v1/plans/sweep?format=csv', toJson(request));
    if (!response.ok) {
      const problem = await response.json();
      $('#sweep-error').textContent = Object.values(problem.errors ?? {}).flat().join(' ') || problem.title;
      $('#sweep-error').hidden = false;
      return;
    }
    download(await response.blob(), 'scenarios.csv');
  }

  // ---- Execution: actual expenses, receipts, balances ------------------------------------------------------------------

  let executionSequence = 0;
  let executionTimer = null;

  /** The execution request from the plan and the two boxes: a first cell « 2023-01 » makes the expenses monthly. */
  function readExecution() {
    const expenseLines = lines($('#actual-expenses').value);
    const monthly = expenseLines.some(([first]) => /^\d{4}-\d{2}$/.test(first));
    const request = { plan: readForm() };
    if (monthly) request.monthlyExpenses = expenseLines.map(([month, amount]) => ({ month, amount: num(amount ?? '') }));
    else request.actualExpenses = expenseLines.map(([year, amount]) => ({ year: num(year), amount: num(amount ?? '') }));
    request.receipts = lines($('#receipts').value).map(([funderId, date, amount, ...reference]) =>
      ({ funderId, date: text(date ?? ''), amount: num(amount ?? ''), reference: text(reference.join(' ; ')) }));
    return request;
  }

  function scheduleExecution() {
    clearTimeout(executionTimer);
    executionTimer = setTimeout(computeExecution, DEBOUNCE_MS);
  }

  async function computeExecution() {
    const mine = ++executionSequence;
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
      if (mine === executionSequence) $('#execution-status').textContent = `Le serveur ne répond pas : ${error.message}`;
      return;
    }
    if (mine !== executionSequence) return;
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
  function showExecutionErrors(errors) {
    const general = [];
    for (const [path, messages] of Object.entries(errors)) {
      const match = path.match(/^(actualExpenses|monthlyExpenses|receipts)(?:\[(\d+)\])?/);
      if (!match) { general.push(`${path.replace(/^plan\./, '')} : ${messages.join(' ')}`); continue; }
      const box = match[1] === 'receipts' ? $('#receipts') : $('#actual-expenses');
      const line = match[2] !== undefined ? `ligne ${Number(match[2]) + 1} : ` : '';
      const message = element('div', { class: 'error', id: `e${++fieldCounter}`, text: line + messages.join(' ') });
      box.after(message);
      box.setAttribute('aria-invalid', 'true');
      box.setAttribute('aria-describedby', message.id);
    }
    $('#execution-errors').replaceChildren(...general.map(text => element('p', { text })));
  }

  function renderExecution(result) {
    $('#execution-sentence').textContent = result.sentence;
    $('#execution-table thead').replaceChildren(element('tr', {}, ...['Financeur', 'Prévu', 'Dû sur le réalisé', 'Reçu', 'Solde à percevoir', 'Trop-perçu à reverser']
      .map(label => element('th', { scope: 'col', text: label }))));
    $('#execution-table tbody').replaceChildren(...result.funders.map(f => {
      const explain = element('button', { type: 'button', class: 'explain', 'aria-expanded': 'false', text: '?', 'aria-label': `Explication pour ${f.name}` });
      const row = element('tr', { 'data-funder': f.id },
        element('th', { scope: 'row' }, f.name, explain),
        element('td', { text: euros.format(f.granted) }),
        element('td', { class: 'due', text: euros.format(f.due) }),
        element('td', { text: euros.format(f.received) }),
        element('td', { class: 'to-claim', text: f.isCarrier ? '—' : euros.format(f.toClaim) }),
        element('td', { class: f.toPayBack > 0 ? 'to-pay-back bad' : 'to-pay-back', text: euros.format(f.toPayBack) }));
      return row;
    }).flatMap(row => {
      const funder = result.funders.find(f => f.id === row.getAttribute('data-funder'));
      const details = element('tr', { class: 'explanation', hidden: true }, element('td', { colspan: 6 }, element('p', { text: funder.sentence }),
        funder.explanation ? element('p', { text: funder.explanation.sentence }) : null));
      const button = $('button.explain', row);
      button.addEventListener('click', () => { details.hidden = !details.hidden; button.setAttribute('aria-expanded', String(!details.hidden)); });
      return [row, details];
    }));
    const sum = key => result.funders.reduce((total, f) => total + f[key], 0);
    $('#execution-table tfoot').replaceChildren(element('tr', {}, element('th', { scope: 'row', text: 'Total' }),
      element('td', { text: euros.format(sum('granted')) }), element('td', { text: euros.format(sum('due')) }), element('td', { text: euros.format(sum('received')) }),
      element('td', { text: euros.format(result.totalToClaim) }), element('td', { text: euros.format(result.totalToPayBack) })));
    $('#execution-years thead').replaceChildren(element('tr', {}, ...['Exercice', 'Prévu', 'Réalisé', 'Écart'].map(label => element('th', { scope: 'col', text: label }))));
    $('#execution-years tbody').replaceChildren(...result.expensesByBudgetYear.map(y => element('tr', {}, element('th', { scope: 'row', text: String(y.year) }),
      element('td', { text: euros.format(y.planned) }), element('td', { text: euros.format(y.actual) }), element('td', { text: euros.format(y.difference) }))));
    $('#execution-checks').replaceChildren(...result.checks.map(check => element('li', { class: check.outcome },
      element('strong', { text: `${CHECK_LABELS[check.outcome] ?? check.outcome} — ` }), check.message, element('span', { class: 'source', text: check.source }))));
    $('#execution-treasury thead').replaceChildren(element('tr', {}, ...['Mois', 'Dépensé', 'Reçu', 'Solde réel', 'Solde prévu'].map(label => element('th', { scope: 'col', text: label }))));
    $('#execution-treasury tbody').replaceChildren(...result.treasury.map(m => element('tr', {}, element('th', { scope: 'row', text: monthLong.format(asDate(m.month)) }),
      element('td', { text: euros.format(m.spent) }), element('td', { text: euros.format(m.received) }), element('td', { text: euros.format(m.balance) }), element('td', { text: euros.format(m.forecastBalance) }))));
    const chosen = $('#balance-funder').value;
    $('#balance-funder').replaceChildren(...result.funders.filter(f => !f.isCarrier).map(f => element('option', { value: f.id, text: f.name })));
    if (chosen && result.funders.some(f => f.id === chosen && !f.isCarrier)) $('#balance-funder').value = chosen;
  }

  function selectTab(name) {
    for (const [tab, panel] of [['#tab-results', '#results'], ['#tab-execution', '#execution']]) {
      const selected = tab === `#tab-${name}`;
      $(tab).setAttribute('aria-selected', String(selected));
      $(tab).tabIndex = selected ? 0 : -1;
      $(panel).hidden = !selected;
    }
    if (name === 'execution') computeExecution();
  }

  // ---- Errors -----------------------------------------------------------------------------------------------------

  function clearErrors() {
    $$('.error').forEach(node => node.remove());
    $$('[aria-invalid="true"]').forEach(node => { node.removeAttribute('aria-invalid'); node.removeAttribute('aria-describedby'); });
    $('#general-errors').replaceChildren();
  }

  /** The field a JSON path names, or the closest enclosing one (members[3].weight → the members list). */
  function fieldFor(path) {
    let current = path;
    while (current) {
      const found = $(`[data-path="${CSS.escape(current)}"]`);
      if (found) return found;
      const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
      if (cut <= 0) return null;
      current = current.slice(0, cut);
    }
    return null;
  }

  function showProblem(problem) {
    const general = [];
    const errors = problem?.errors ?? {};
    for (const [path, messages] of Object.entries(errors)) {
      const target = fieldFor(path);
      if (!target || target.tagName === 'LI' || target.tagName === 'OL') {
        general.push(`${path} : ${messages.join(' ')}`);
        if (target) target.classList.add('has-error');
        continue;
      }
      const message = element('div', { class: 'error', id: `e${++fieldCounter}`, text: messages.join(' ') });
      (target.closest('.field') ?? target.parentElement).append(message);
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('aria-describedby', message.id);
    }
    if (Object.keys(errors).length === 0) general.push(problem?.detail ?? problem?.title ?? 'Erreur inconnue.');
    if (general.length) showGeneral(general);
  }

  function showGeneral(messages) {
    $('#general-errors').replaceChildren(element('ul', {}, ...messages.map(m => element('li', { text: m }))));
  }

  const setStatus = message => { $('#status').textContent = message; };

  // ---- Results ----------------------------------------------------------------------------------------------------

  function renderResults(result, comparison) {
    renderDeliberationChoice(result);
    const deltas = new Map((comparison?.funders ?? []).map(f => [f.id, f]));
    const showDelta = comparison !== null;
    $('#financing-caption').textContent = `Plan de financement — ${result.name}`;
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
      const delta = deltas.get(funder.id);
      const explain = element('button', { type: 'button', class: 'explain', 'aria-expanded': 'false', text: '?', 'aria-label': `Explication pour ${funder.name}` });
      const row = element('tr', { class: funder.groupId ? 'group-member' : '', 'data-funder': funder.id },
        element('th', { scope: 'row' }, funder.name, explain),
        element('td', { class: 'amount', text: funder.formatted.total }),
        element('td', { text: funder.formatted.shareOfCost }),
        showDelta ? deltaCell(delta) : null);
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
    $('#checks').replaceChildren(...result.checks.map(check => element('li', { class: check.outcome },
      element('strong', { text: `${CHECK_LABELS[check.outcome] ?? check.outcome} — ` }), check.message, element('span', { class: 'source', text: check.source }))));
    renderTreasury(result.treasury);
  }

  function deltaCell(delta) {
    if (!delta) return element('td', { text: '' });
    const value = typeof delta.delta === 'number' ? delta.delta : 0;
    const label = delta.status === 'added' ? 'nouveau' : delta.status === 'removed' ? 'retiré' : (value > 0 ? '+' : '') + euros.format(value);
    return element('td', { class: value > 0 ? 'delta-up' : value < 0 ? 'delta-down' : '', title: delta.sentence ?? '', text: value === 0 && !delta.status?.match(/added|removed/) ? '=' : label });
  }

  function renderYearTable(table) {
    $('#year-table thead').replaceChildren(element('tr', {}, element('th', { scope: 'col', text: 'Financeur' }),
      ...table.years.map(y => element('th', { scope: 'col', text: String(y) })), element('th', { scope: 'col', text: 'Total' })));
    $('#year-table tbody').replaceChildren(...table.rows.map(row => element('tr', {}, element('th', { scope: 'row', text: row.name }),
      ...row.amounts.map(a => element('td', { text: euros.format(a.amount) })), element('td', { text: euros.format(row.total) }))));
    $('#year-table tfoot').replaceChildren(
      element('tr', {}, element('th', { scope: 'row', text: 'Total versé' }), ...table.yearTotals.map(a => element('td', { text: euros.format(a.amount) })), element('td', { text: euros.format(table.grandTotal) })),
      element('tr', {}, element('th', { scope: 'row', text: 'Coût de l\'exercice' }), ...table.costByYear.map(a => element('td', { text: euros.format(a.amount) })), element('td', { text: '' })));
  }

  /** The contribution view: what each funder funds of each year's cost, reconciled with the cost year by year. */
  function renderContributionTable(table) {
    $('#contribution-table thead').replaceChildren(element('tr', {}, element('th', { scope: 'col', text: 'Financeur' }),
      ...table.years.map(y => element('th', { scope: 'col', text: String(y) })), element('th', { scope: 'col', text: 'Total' })));
    $('#contribution-table tbody').replaceChildren(...table.rows.map(row => element('tr', { 'data-funder': row.funderId }, element('th', { scope: 'row', text: row.name }),
      ...row.contributions.map(a => element('td', { text: euros.format(a.amount) })), element('td', { text: euros.format(row.total) }))));
    const foot = [
      element('tr', {}, element('th', { scope: 'row', text: 'Total des contributions' }), ...table.contributionTotals.map(a => element('td', { text: euros.format(a.amount) })), element('td', { text: euros.format(table.grandTotal) })),
      element('tr', {}, element('th', { scope: 'row', text: 'Coût de l\'exercice' }), ...table.costByYear.map(a => element('td', { text: euros.format(a.amount) })), element('td', { text: '' })),
    ];
    if (table.overFundingByYear.some(a => a.amount > 0)) foot.push(element('tr', { class: 'bad' }, element('th', { scope: 'row', text: 'Surfinancement de l\'exercice' }), ...table.overFundingByYear.map(a => element('td', { text: euros.format(a.amount) })), element('td', { text: '' })));
    if (table.unfundedByYear.some(a => a.amount > 0)) foot.push(element('tr', { class: 'bad' }, element('th', { scope: 'row', text: 'Non financé de l\'exercice' }), ...table.unfundedByYear.map(a => element('td', { text: euros.format(a.amount) })), element('td', { text: '' })));
    $('#contribution-table tfoot').replaceChildren(...foot);
  }

  // Months travel as YYYY-MM; the chart names them in French (« avr. 2022 », « mars 2024 »).
  const monthShort = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthLong = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const asDate = month => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
  const axisEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

  function renderTreasury(treasury) {
    const svg = $('#treasury-chart');
    const ns = 'http://www.w3.org/2000/svg';
    const node = (tag, attributes) => { const n = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attributes)) n.setAttribute(k, v); return n; };
    const months = treasury.months;
    const width = 640, height = 220, left = 86, right = 8, top = 14, bottom = 22;
    const values = months.map(m => m.balance);
    const max = Math.max(0, ...values), min = Math.min(0, ...values);
    const x = i => left + (months.length <= 1 ? 0 : i * (width - left - right) / (months.length - 1));
    const y = v => top + (max === min ? 0 : (max - v) * (height - top - bottom) / (max - min));
    const parts = [];
    // The euro axis: the highest balance, zero and the lowest, each with its line and its label.
    for (const tick of [...new Set([max, 0, min])]) {
      parts.push(node('line', { x1: left, x2: width - right, y1: y(tick), y2: y(tick), stroke: tick === 0 ? '#4a5360' : '#c9ced6', 'stroke-dasharray': tick === 0 ? '4 3' : '2 4' }));
      const label = node('text', { class: 'y-tick', x: left - 6, y: y(tick) + 4, 'font-size': 11, fill: '#4a5360', 'text-anchor': 'end' });
      label.textContent = axisEuros.format(tick);
      parts.push(label);
    }
    parts.push(node('polyline', { points: months.map((m, i) => `${x(i)},${y(m.balance)}`).join(' '), fill: 'none', stroke: '#0b5cad', 'stroke-width': 2 }));
    months.forEach((m, i) => {
      const point = node('circle', { cx: x(i), cy: y(m.balance), r: m.balance < 0 ? 3.5 : 2, fill: m.balance < 0 ? '#b00020' : '#0b5cad', 'data-month': m.month });
      const title = node('title', {}); title.textContent = `${monthLong.format(asDate(m.month))} : solde ${euros.format(m.balance)}`; point.append(title);
      parts.push(point);
    });
    const worst = months.reduce((low, m, i) => (m.balance < (low?.balance ?? 0) ? { ...m, index: i } : low), null);
    if (worst) {
      // Above the lowest point, clear of the month labels below the chart.
      const label = node('text', { x: Math.min(x(worst.index), width - right - 4), y: Math.max(y(worst.balance) - 8, top + 10), 'font-size': 12, fill: '#b00020', 'text-anchor': 'end' });
      label.textContent = `besoin maximal ${euros.format(-worst.balance)} (${monthLong.format(asDate(worst.month))})`;
      parts.push(label);
    }
    if (months.length) {
      // French month names: the first and last months, and each January between them far enough from both ends not to
      // overlap their labels.
      months.forEach((m, i) => {
        const edge = i === 0 || i === months.length - 1;
        if (!edge && (!m.month.endsWith('-01') || i < 3 || i > months.length - 4)) return;
        const anchor = i === 0 ? 'start' : i === months.length - 1 ? 'end' : 'middle';
        const label = node('text', { class: 'x-tick', x: x(i), y: height - 6, 'font-size': 11, fill: '#4a5360', 'text-anchor': anchor });
        label.textContent = monthShort.format(asDate(m.month));
        parts.push(label);
      });
    }
    svg.replaceChildren(...parts);
    $('#treasury-sentence').textContent = treasury.sentence;
  }

  // ---- Comparing and exporting -------------------------------------------------------------------------------------

  /** Who a deliberation draft can be written for: each funder, and each group (a zip of its members' drafts). */
  function renderDeliberationChoice(result) {
    const select = $('#deliberation-funder');
    const current = select.value;
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
    select.replaceChildren(...options);
    if (options.some(o => o.value === current)) select.value = current;
  }

  function download(blob, name) {
    const link = element('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
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

  function wire() {
    $('#sweep-parameter').addEventListener('change', () => sweepDefaults(true));
    $('#sweep-run').addEventListener('click', runSweep);
    $('#sweep-csv').addEventListener('click', downloadSweepCsv);
    const form = $('#plan-form');
    form.addEventListener('input', event => {
      if (event.target.matches('[data-field="name"]')) event.target.closest('li')?.setAttribute('aria-label', event.target.value);
      schedule();
    });
    form.addEventListener('change', event => {
      const target = event.target;
      if (target.name === 'cost-type' || target.matches('[data-field="ruleType"], [data-field="paymentType"], [data-field="poolType"], [data-field="keyType"]')) {
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
      $(`#funders > li:nth-child(${moved + 1}) [data-action="${action === 'remove' ? 'remove' : action}"]`)?.focus();
      schedule();
    });
    $('#add-funder').addEventListener('click', () => {
      const current = readForm();
      const number = current.funders.length + 1;
      current.funders.push({ id: `financeur-${number}`, name: `Financeur ${number}`, kind: 'epci', rule: { type: 'fixedTotal', amount: new Raw('0') } });
      renderForm(current);
      $('#funders > li:last-child [data-field="name"]').focus();
      schedule();
    });
    $('#load-sample').addEventListener('click', () => loadSample($('#sample').value));
    $('#tab-results').addEventListener('click', () => selectTab('results'));
    $('#tab-execution').addEventListener('click', () => selectTab('execution'));
    for (const tab of $$('[role="tab"]')) {
      tab.addEventListener('keydown', event => {
        if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
        const next = tab.id === 'tab-results' ? 'execution' : 'results';
        selectTab(next);
        $(`#tab-${next}`).focus();
      });
    }
    $('#actual-expenses').addEventListener('input', scheduleExecution);
    $('#receipts').addEventListener('input', scheduleExecution);
    $('#import-json').addEventListener('click', () => $('#import-file').click());
    $('#import-file').addEventListener('change', async event => {
      const file = event.target.files[0];
      if (!file) return;
      try { renderForm(parseJson(await file.text())); compute(); }
      catch (error) { showGeneral([`Ce fichier n'est pas un plan JSON lisible : ${error.message}`]); }
      event.target.value = '';
    });
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
    $('#download-csv').addEventListener('click', async () => {
      const response = await report('csv');
      if (response) download(await response.blob(), 'plan-de-financement.csv');
    });
    $('#download-xlsx').addEventListener('click', async () => {
      const response = await report('xlsx');
      if (response) download(await response.blob(), 'plan-de-financement.xlsx');
    });
    $('#download-docx').addEventListener('click', async () => {
      const id = $('#deliberation-funder').value;
      const response = await report('docx', id);
      if (response) download(await response.blob(), /zip/.test(response.headers.get('Content-Type') ?? '') ? `deliberations-${id}.zip` : `deliberation-${id}.docx`);
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
      download(await response.blob(), `solde-${id}.docx`);
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
  }

  // ---- Saved plans ------------------------------------------------------------------------------------------------

  /**
   * Saved plans need the workspace's key: typed once, kept in this tab's session storage (never in local storage, never
   * in a link). The plan opened is remembered with its ETag, so that a new version says which one it amends.
   */
  const saved = { id: null, etag: null, signing: null };
  const savedKey = () => sessionStorage.getItem('funding.key');
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
  const dateTime = text => new Date(text).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
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

  async function savedOpen(id, number) {
    const response = await savedFetch(number ? `/v1/saved-plans/${id}/versions/${number}` : `/v1/saved-plans/${id}`);
    if (!response) return;
    const version = await response.json();
    const latest = await savedFetch(`/v1/saved-plans/${id}`, { method: 'GET' });
    savedShow(version, latest?.headers.get('ETag') ?? response.headers.get('ETag'));
    renderForm(version.plan);
    await compute();
    await savedHistory();
  }

  async function savedCompare(a, b) {
    const response = await savedFetch(`/v1/saved-plans/${saved.id}/versions/${a}/compare/${b}`);
    if (!response) return;
    const comparison = await response.json();
    const changed = comparison.funders.filter(f => f.delta !== 0);
    $('#saved-compare').replaceChildren(element('h4', { text: `Version ${a} → version ${b}` }),
      changed.length === 0 ? element('p', { text: 'Aucun montant ne change.' }) : element('ul', {}, ...changed.map(f => element('li', { text: f.sentence }))));
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

  function wireSaved() {
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

  async function loadSample(id) {
    const response = await fetch(`/v1/samples/${encodeURIComponent(id)}`, { headers: { 'Accept-Language': 'fr' } });
    renderForm(parseJson(await response.text()));
    await compute();
  }

  async function start() {
    wire();
    wireSaved();
    const samples = await (await fetch('/v1/samples')).json();
    $('#sample').replaceChildren(...samples.map(s => element('option', { value: s.id, text: s.title })));
    const shared = location.hash.match(/^#plan=([A-Za-z0-9_-]+)$/);
    if (shared) {
      try { renderForm(decodePlan(shared[1])); await compute(); return; }
      catch { showGeneral(['Le lien de partage est illisible : ouverture de l\'exemple.']); }
    }
    await loadSample('territoire-industrie-finistere');
  }

  document.addEventListener('DOMContentLoaded', () => { start().catch(error => showGeneral([`Impossible de démarrer : ${error.message}`])); });
})();
