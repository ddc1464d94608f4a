// Exact decimal JSON: numbers travel as the digits the user typed or the API wrote, never through binary floating point.

/** A number exactly as the user typed it (normalized from French notation), written verbatim into the JSON. */
export class Raw { constructor(text) { this.text = text; } toString() { return this.text; } }

/** A value the page cannot read as a number, with the French reason shown next to its field (nothing is sent). */
export class Invalid { constructor(text, reason) { this.text = text; this.reason = reason; } }

/** JSON.stringify that writes Raw numbers verbatim, so that nothing is rounded through binary floating point. */
export function toJson(value, indent = '', step = '') {
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
export function parseJson(source) {
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

/**
 * A French figure to a Raw JSON number: « 11 593,50 € », « 11593,5 », « 50 % », « 50,5 % », thousands separated by
 * ordinary, narrow or no-break spaces (in groups of three), a decimal comma, an optional € or % after it. Foreign or
 * ambiguous forms — « 1.234,5 », « 11593.5 », « 1e3 » — are refused with the reason, never guessed.
 * `example` is what the refusal suggests writing (« 11 593,50 € » for an amount, « 213 403 » for a population).
 */
export function num(text, example = '11 593,50 € ou 50 %') {
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
  return new Invalid(trimmed, `« ${trimmed} » n'est pas un nombre : écrivez par exemple ${example}.`);
}

/** The values the page could not read, with the JSON path the API would name them by. */
export function invalidValues(value, path = '', found = []) {
  if (value instanceof Invalid) found.push([path, value.reason]);
  else if (Array.isArray(value)) value.forEach((item, i) => invalidValues(item, `${path}[${i}]`, found));
  else if (value !== null && typeof value === 'object' && !(value instanceof Raw)) {
    for (const [key, item] of Object.entries(value)) invalidValues(item, path ? `${path}.${key}` : key, found);
  }
  return found;
}

/** A JSON number as a French form field shows it: 11593.50 → « 11593,50 ». */
export const shown = value => value === undefined || value === null ? '' : String(value).replace('.', ',');

/** A text field's value, or undefined when empty. */
export const text = value => (value ?? '').toString().trim() || undefined;

/** Lines of a box, each split into its cells by tabs or semicolons (pasted from a spreadsheet, or typed). */
export function lines(value) {
  return value.split(/\r?\n/).map(line => line.trim()).filter(Boolean).map(line => line.split(/\t|;/).map(cell => cell.trim()));
}

/** An identifier from a name: « Région Bretagne » → « region-bretagne ». */
export function slug(name, fallback = 'membre') {
  return (name || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || fallback;
}
