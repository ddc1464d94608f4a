// Problems shown next to the field their JSON path names.
import { $, $$, element, nextId } from './dom.js';

export function clearErrors() {
  // The plan's problems only: a weights import keeps its own until its file changes.
  $$('.error').filter(node => !node.closest('.import-problems')).forEach(node => node.remove());
  $$('[aria-invalid="true"]').forEach(node => { node.removeAttribute('aria-invalid'); node.removeAttribute('aria-describedby'); });
  $('#general-errors').replaceChildren();
}

/** The field a JSON path names, or the closest enclosing one (members[3].weight → the members list). */
export function fieldFor(path) {
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

export function showProblem(problem) {
  const general = [];
  const errors = problem?.errors ?? {};
  for (const [path, messages] of Object.entries(errors)) {
    const target = fieldFor(path);
    if (!target || target.tagName === 'LI' || target.tagName === 'OL') {
      general.push(`${path} : ${messages.join(' ')}`);
      if (target) target.classList.add('has-error');
      continue;
    }
    const message = element('div', { class: 'error', id: nextId('e'), text: messages.join(' ') });
    (target.closest('.field') ?? target.parentElement).append(message);
    target.setAttribute('aria-invalid', 'true');
    target.setAttribute('aria-describedby', message.id);
  }
  if (Object.keys(errors).length === 0) general.push(problem?.detail ?? problem?.title ?? 'Erreur inconnue.');
  if (general.length) showGeneral(general);
}

export function showGeneral(messages) {
  $('#general-errors').replaceChildren(element('ul', {}, ...messages.map(m => element('li', { text: m }))));
}
