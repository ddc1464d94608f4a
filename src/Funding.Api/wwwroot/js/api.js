// The API, asked in French. What the page knows of the contract comes from the API itself (GET /v1/rules).

export const post = (url, body) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'fr' }, body });

export async function getJson(url) {
  const response = await fetch(url, { headers: { 'Accept-Language': 'fr' } });
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
