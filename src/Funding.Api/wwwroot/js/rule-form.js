// A rule's fields, built from its descriptor (GET /v1/rules): the page offers exactly the rules and fields the API takes.
import { Raw, lines, num, shown, text } from './decimal-json.js';
import { $, element, field, input, select } from './dom.js';
import { membersText, readMembers, weightsImport } from './members.js';

const UNIT = { money: ' (€)', percent: ' (%)', percentList: ' (%, un taux par année, séparés par « ; »)' };
const POOLS = [['percentOfRemaining', '% du reste à financer'], ['fixed', 'montant fixe (€)']];
const KEYS = [['weight', 'pondération (population…)'], ['equal', 'parts égales'], ['mixed', 'mixte : une part au poids, une part égale']];

/** A mixed key the form edits: one component by weight, one in equal parts (others stay as the JSON has them). */
const editableMixed = key => key?.type === 'mixed' && key.components?.length === 2
  && key.components[0].key?.type === 'weight' && !key.components[0].key.weightName && key.components[1].key?.type === 'equal';

/** The form's controls for one field of a rule. */
function control(rule, f, path) {
  const p = `${path}.${f.name}`;
  const value = rule[f.name];
  const label = f.label + (UNIT[f.kind] ?? '');
  switch (f.kind) {
    case 'money':
    case 'percent': {
      const initial = value !== undefined ? shown(value) : f.default && f.kind === 'percent' ? shown(JSON.parse(f.default)) : '';
      return [field(label, input(f.name, p, initial, { inputmode: 'decimal' }), { help: f.help })];
    }
    case 'percentList':
      return [field(label, input(f.name, p, (value ?? []).map(shown).join(' ; '), { inputmode: 'decimal' }), { help: f.help, wide: true })];
    case 'funderId':
      return [field(label, input(f.name, p, value ?? ''), { help: f.help })];
    case 'choice': {
      const chosen = value ?? (f.default ? JSON.parse(f.default) : f.choices[0].value);
      return [field(label, select(f.name, p, f.choices.map(c => [c.value, c.label]), chosen), { help: f.help })];
    }
    case 'yearAmounts':
      return [field(`${label} (une ligne par année : année ; montant)`,
        element('textarea', { 'data-field': f.name, 'data-path': p, rows: 3, text: (value ?? []).map(y => `${y.year} ; ${shown(y.amount)}`).join('\n') }), { wide: true, help: f.help })];
    case 'pool': {
      const pool = value ?? { type: 'percentOfRemaining', percent: new Raw('50') };
      return [
        field(label, select(`${f.name}Type`, `${p}.type`, POOLS, pool.type), { help: f.help }),
        field(pool.type === 'fixed' ? 'Montant de l\'enveloppe (€)' : 'Part du reste à financer (%)',
          input(`${f.name}Value`, pool.type === 'fixed' ? `${p}.amount` : `${p}.percent`, shown(pool.type === 'fixed' ? pool.amount : pool.percent), { inputmode: 'decimal' })),
      ];
    }
    case 'key': {
      const key = value ?? { type: 'weight', label: 'population' };
      if (key.type === 'mixed' && key.components === undefined) {
        key.components = [{ percent: new Raw('50'), key: { type: 'weight', label: 'population' } }, { percent: new Raw('50'), key: { type: 'equal' } }];
      }
      if (key.type === 'mixed' && !editableMixed(key)) {
        return [element('p', { class: 'hint wide', text: 'Clé mixte à plus de deux composantes : modifiez-la dans le fichier JSON du plan (export puis import).' })];
      }
      if (key.type === 'mixed') {
        const [byWeight, equal] = key.components;
        return [
          field(label, select(`${f.name}Type`, `${p}.type`, KEYS, key.type), { help: f.help }),
          field('Part au poids (%)', input(`${f.name}WeightPercent`, `${p}.components[0].percent`, shown(byWeight.percent), { inputmode: 'decimal' })),
          field('Nom du poids', input(`${f.name}Label`, `${p}.components[0].key.label`, byWeight.key.label ?? 'population')),
          field('Part égale (%)', input(`${f.name}EqualPercent`, `${p}.components[1].percent`, shown(equal.percent), { inputmode: 'decimal' })),
        ];
      }
      return [
        field(label, select(`${f.name}Type`, `${p}.type`, KEYS, key.type), { help: f.help }),
        field('Nom de la clé', input(`${f.name}Label`, `${p}.label`, key.label ?? 'population')),
      ];
    }
    case 'members':
      if (rule.key?.type === 'mixed' && !editableMixed(rule.key)) return [];
      return [
        field(`${label} : une ligne par membre — nom ; poids ; plafond en € (facultatif). Ou collez les colonnes d'un tableur, avec ou sans ligne d'en-tête.`,
          element('textarea', { 'data-field': f.name, 'data-path': p, rows: Math.max(3, (value ?? []).length + 1), text: membersText(value) }), { wide: true, help: f.help }),
        weightsImport(),
      ];
    default:
      return [];
  }
}

/** Every control of a rule, in its descriptor's order. */
export function ruleFields(rule, path, descriptor) {
  return descriptor ? descriptor.fields.flatMap(f => control(rule, f, path)) : [];
}

/** One field of a rule, read back from the form (undefined when left empty). */
function read(item, f, previous, rule) {
  const get = name => $(`[data-field="${name}"]`, item);
  const value = name => get(name)?.value;
  switch (f.kind) {
    case 'money':
    case 'percent':
      return num(value(f.name));
    case 'percentList': {
      const typed = (value(f.name) ?? '').split(';').map(cell => cell.trim()).filter(Boolean);
      return typed.length ? typed.map(cell => num(cell)) : undefined;
    }
    case 'funderId':
      return text(value(f.name));
    case 'choice': {
      const chosen = value(f.name);
      return chosen && (!f.default || JSON.stringify(chosen) !== f.default) ? chosen : undefined;
    }
    case 'yearAmounts':
      return lines(value(f.name) ?? '').map(([year, amount]) => ({ year: num(year), amount: num(amount) }));
    case 'pool': {
      const type = value(`${f.name}Type`) ?? 'percentOfRemaining';
      return type === 'fixed' ? { type, amount: num(value(`${f.name}Value`)) } : { type, percent: num(value(`${f.name}Value`)) };
    }
    case 'key': {
      const type = value(`${f.name}Type`) ?? previous[f.name]?.type ?? 'weight';
      if (type === 'mixed') {
        // A mixed key the form does not show (more components, a named weight) is kept as it is.
        if (get(`${f.name}WeightPercent`) === null) return previous[f.name]?.type === 'mixed' ? previous[f.name] : { type, components: undefined };
        return { type, components: [
          { percent: num(value(`${f.name}WeightPercent`)), key: { type: 'weight', label: text(value(`${f.name}Label`)) } },
          { percent: num(value(`${f.name}EqualPercent`)), key: { type: 'equal' } },
        ] };
      }
      return type === 'equal' ? { type } : { type, label: text(value(`${f.name}Label`)) };
    }
    case 'members':
      if (rule.key?.type === 'mixed' && !editableMixed(rule.key)) return previous[f.name];
      return readMembers(value(f.name) ?? '', previous[f.name] ?? [], rule.key?.type === 'mixed' ? 'weight' : rule.key?.type ?? 'weight');
    default:
      return previous[f.name];
  }
}

/** A rule read back from the form, keeping what the form does not edit (a mixed key, member kinds and named weights). */
export function readRule(item, descriptor, previous) {
  const rule = { type: descriptor.type };
  for (const f of descriptor.fields) rule[f.name] = read(item, f, previous, rule);
  return rule;
}

/** The selects whose change rebuilds the form (the rule's type, a pool's or a key's kind). */
export const REBUILDING = '[data-field="ruleType"], [data-field="paymentType"], [data-field="poolType"], [data-field="keyType"]';
