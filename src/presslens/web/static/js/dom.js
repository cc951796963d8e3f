// Building the page: every piece of corpus text goes in through textContent or a text node,
// never through an HTML parser, so an article containing markup shows it as text.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "style") for (const [p, v] of Object.entries(value)) node.style.setProperty(p, v);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// The language of a name by its script: the page marks Cyrillic as Russian (fonts, hyphens).
export function langOf(text) {
  return /[\u0400-\u04ff]/.test(String(text ?? "")) ? "ru" : null;
}

// Search as the API does (web/forms.py): case-folded, ё read as е, each Cyrillic word without
// its case ending ("России" is found by "Россия"); every word of the query must occur.
const ENDINGS = ["иями", "ами", "ями", "ией", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей",
  "ом", "ем", "ам", "ям", "ах", "ях", "ию", "ия", "ии", "ые", "ый", "ий", "ая", "яя", "ую", "юю",
  "ых", "их", "ым", "им", "а", "я", "у", "ю", "е", "ы", "и", "о", "ь", "й"];

export function fold(text) {
  return String(text ?? "").toLowerCase().replaceAll("ё", "е");
}

export function searchTerms(query) {
  const out = [];
  for (const word of fold(query).match(/[\p{L}\p{N}_'’-]+/gu) || []) {
    let term = word;
    if (/[\u0400-\u04ff]/.test(word)) {
      const ending = ENDINGS.find((e) => word.endsWith(e) && word.length - e.length >= 3);
      if (ending) term = word.slice(0, -ending.length);
    }
    if (!out.includes(term)) out.push(term);
  }
  return out;
}

export function matchesTerms(text, terms) {
  const folded = fold(text);
  return terms.length > 0 && terms.every((t) => folded.includes(t));
}

// An actor's label, its English canonical name, then its names in the other script.
export function nameLabel(name, also) {
  return [name, ...(also || [])].join(" · ");
}

export function nameWithAlso(name, also) {
  return [name, (also || []).map((a) => el("span", { class: "also", lang: langOf(a) }, ` · ${a}`))];
}

export function link(hash, text, attrs = {}) {
  return el("a", { href: hash, ...attrs }, text);
}

export function articleHash(id, params = {}) {
  const query = new URLSearchParams(params).toString();
  return `#/article/${encodeURIComponent(id)}${query ? "?" + query : ""}`;
}

export function actorHash(id) {
  return `#/actor/${encodeURIComponent(id)}`;
}

export function fmtScore(value) {
  if (value === null || value === undefined) return "–";
  return (value > 0 ? "+" : "") + Number(value).toFixed(2);
}

export function truncate(text, n = 160) {
  const t = String(text ?? "").replace(/\s+/g, " ").trim();
  return t.length > n ? t.slice(0, n - 1) + "…" : t;
}

// A bar for a score in [-1, 1]: green to the right of the middle, red to the left.
export function scoreBar(value) {
  const bar = el("span", { class: "scorebar", title: fmtScore(value) });
  if (value === null || value === undefined) return bar;
  const v = Math.max(-1, Math.min(1, Number(value)));
  const fill = el("span", { class: v >= 0 ? "fill pos" : "fill neg" });
  fill.style.width = `${Math.abs(v) * 50}%`;
  fill.style.left = v >= 0 ? "50%" : `${50 - Math.abs(v) * 50}%`;
  bar.append(fill);
  return bar;
}

// A deterministic pastel colour for the n-th item of a list.
const TINTS = ["#ffe0a3", "#c9e7ff", "#e3d4ff", "#c8f2d4", "#ffd1dc", "#f0f0b8", "#d0f0f0", "#f5d9c4"];
export function tint(n) {
  return TINTS[n % TINTS.length];
}

export function table(headers, rows) {
  return el(
    "table",
    { class: "grid" },
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", {}, h)))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((c) => el("td", {}, c))))),
  );
}

// replaceChildren that skips null, undefined and false (which replaceChildren would print).
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}
