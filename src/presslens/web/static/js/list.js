// The article list: filters (outlet, language, dates, words, actor, technique), per-article
// counts, paging. The actor box takes an id, a QID, or any form of a name in either script.

import { facets, getJSON } from "./api.js";
import { articleHash, el, fill, link, nameLabel } from "./dom.js";

const PAGE = 50;
const COUNTS = [
  ["actors", "Actors"],
  ["quotes", "Quotes"],
  ["relations", "Relations"],
  ["stances", "Stances"],
  ["techniques", "Techniques"],
  ["claims", "Claims"],
];

export function selectOf(name, label, options, chosen, allLabel = "(all)") {
  const select = el("select", { name, id: `f-${name}` }, el("option", { value: "" }, allLabel));
  for (const o of options) {
    const option = el("option", { value: o.value }, o.label ?? o.value);
    if (o.value === chosen) option.selected = true;
    select.append(option);
  }
  return el("label", {}, label, " ", select);
}

export function dateInput(name, label, value) {
  return el("label", {}, label, " ", el("input", { type: "date", name, id: `f-${name}`, value: value || "" }));
}

export function formParams(form) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (String(value).trim()) params.append(key, String(value).trim());
  return params;
}

export async function showList(page, route, live) {
  const p = route.params;
  const offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
  const query = {
    outlet: p.get("outlet"), since: p.get("since"), until: p.get("until"),
    actor: p.get("actor"), technique: p.get("technique"), language: p.get("language"),
    q: p.get("q"), limit: PAGE, offset,
  };
  const [f, actors, data] = await Promise.all([
    facets(),
    getJSON("api/actors", { limit: 500 }),
    getJSON("api/articles", query),
  ]);
  if (!live()) return;

  const actorList = el("datalist", { id: "actor-options" },
    actors.items.map((a) => el("option", { value: a.id }, `${nameLabel(a.name, a.also)} (${a.kind})`)));
  const form = el(
    "form", { class: "filters", id: "article-filters" },
    selectOf("outlet", "Outlet", f.outlets.map((o) => ({ value: o.value, label: `${o.value} (${o.count})` })), query.outlet),
    selectOf("language", "Language", (f.languages || []).map((l) => ({ value: l.value, label: `${l.value} (${l.count})` })), query.language),
    dateInput("since", "From", query.since),
    dateInput("until", "To", query.until),
    el("label", {}, "Words ", el("input", { type: "search", name: "q", id: "f-q", value: query.q || "", placeholder: "in title or text" })),
    el("label", {}, "Actor ", el("input", { name: "actor", id: "f-actor", list: "actor-options", value: query.actor || "", placeholder: "id, QID or name, any script" })),
    actorList,
    selectOf("technique", "Technique", f.techniques.map((t) => ({ value: t.value, label: `${t.value.replaceAll("_", " ")} (${t.count})` })), query.technique),
    el("button", { type: "submit" }, "Filter"),
    link("#/articles", "Clear", { class: "clear" }),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/articles?${formParams(form)}`;
  });

  const rows = data.items.map((a) =>
    el("tr", { dataset: { id: a.id } },
      el("td", { class: "date" }, a.published || "–"),
      el("td", {}, a.outlet || "–"),
      el("td", { class: "title", lang: a.language }, link(articleHash(a.id), a.title || a.id, { class: "article-link" })),
      COUNTS.map(([key]) => el("td", { class: `num count-${key}` + (a.counts[key] ? "" : " zero") }, String(a.counts[key]))),
    ));
  const shown = data.items.length
    ? `${data.offset + 1}–${data.offset + data.items.length} of ${data.total}`
    : `none of ${data.total}`;
  const pager = el("div", { class: "pager" }, el("span", { class: "muted" }, `Articles ${shown}`));
  const step = (to) => {
    const q = new URLSearchParams(p);
    q.set("offset", String(to));
    return `#/articles?${q}`;
  };
  if (offset > 0) pager.append(" ", link(step(Math.max(0, offset - PAGE)), "← newer"));
  if (offset + data.items.length < data.total) pager.append(" ", link(step(offset + PAGE), "older →"));

  fill(page,
    el("h1", {}, "Articles"),
    form,
    pager,
    el("table", { class: "grid articles", id: "article-list" },
      el("thead", {}, el("tr", {},
        el("th", {}, "Published"), el("th", {}, "Outlet"), el("th", {}, "Title"),
        COUNTS.map(([, label]) => el("th", { class: "num" }, label)))),
      el("tbody", {}, rows)),
    data.items.length ? null : el("p", { class: "muted" }, "No article matches these filters."),
  );
}
