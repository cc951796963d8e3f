// The JSON API of the same server (relative URLs: the page works under any prefix).

export async function getJSON(path, params = {}) {
  const url = new URL(path, document.baseURI);
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      for (const v of value) if (v !== "" && v !== null && v !== undefined) url.searchParams.append(key, v);
    } else if (value !== "" && value !== null && value !== undefined) {
      url.searchParams.set(key, value);
    }
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = { detail: response.statusText };
  }
  if (!response.ok) throw new Error(body && body.detail ? body.detail : response.statusText);
  return body;
}

let facetCache = null;
export function facets() {
  if (!facetCache) facetCache = getJSON("api/facets");
  return facetCache;
}

// Query parameters of the hash route as a plain object (repeated keys kept as lists).
export function paramsObject(params, multi = []) {
  const out = {};
  for (const key of new Set(params.keys())) {
    out[key] = multi.includes(key) ? params.getAll(key) : params.get(key);
  }
  return out;
}
