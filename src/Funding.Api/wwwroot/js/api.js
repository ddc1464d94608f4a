// The API, asked in French. What the page knows of the contract comes from the API itself (GET /v1/rules).
// With the workspace's key typed (« Plans enregistrés »), every call sends it: the workspace's own programmes are then
// listed, and the plans that name them computed.

/** French, and the workspace's key when one was typed in this tab. */
export function apiHeaders(extra = {}) {
  const key = sessionStorage.getItem('funding.key');
  return { 'Accept-Language': 'fr', ...(key ? { Authorization: `Bearer ${key}` } : {}), ...extra };
}

export const post = (url, body) => fetch(url, { method: 'POST', headers: apiHeaders({ 'Content-Type': 'application/json' }), body });

export async function getJson(url) {
  const response = await fetch(url, { headers: apiHeaders() });
  if (!response.ok) throw new Error(`${url} : ${response.status}`);
  return response.json();
}

let catalog = null;
/** The rule types the API knows, each with its fields: the plan form is built from them. */
export async function loadRules() {
  catalog ??= (await getJson('/v1/rules')).rules;
  return catalog;
}

/** The descriptor of a rule type, once loaded. */
export const ruleType = type => catalog?.find(r => r.type === type) ?? null;

/** Every rule type, once loaded. */
export const ruleTypes = () => catalog ?? [];
