// Small DOM helpers: every input has a visible label, every figure is formatted in French.

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
export const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

export function element(tag, attributes = {}, ...children) {
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

let counter = 0;
/** A fresh id for a field or a message. */
export const nextId = prefix => `${prefix}${++counter}`;

/** A labelled field. */
export function field(label, control, { wide = false, help } = {}) {
  control.id ||= nextId('f');
  if (help) control.title = help;
  return element('div', { class: 'field' + (wide ? ' wide' : '') }, element('label', { for: control.id, text: label }), control);
}

export const input = (fieldName, path, value, attributes = {}) =>
  element('input', { 'data-field': fieldName, 'data-path': path, value: value ?? '', ...attributes });

export function select(fieldName, path, options, value) {
  const node = element('select', { 'data-field': fieldName, 'data-path': path });
  for (const [optionValue, label] of options) node.append(element('option', { value: optionValue, text: label }));
  node.value = value ?? options[0][0];
  return node;
}

export const setStatus = message => { $('#status').textContent = message; };

export function download(blob, name) {
  const link = element('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

export const CHECK_LABELS = { passed: 'Respecté', failed: 'Non respecté', warning: 'Attention', notApplicable: 'Sans objet' };

/** A check as a list item: its outcome, message and source. */
export const checkItem = check => element('li', { class: check.outcome },
  element('strong', { text: `${CHECK_LABELS[check.outcome] ?? check.outcome} — ` }), check.message, element('span', { class: 'source', text: check.source }));
