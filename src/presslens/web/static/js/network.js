// The actor network: a signed, weighted, directed graph drawn with cytoscape (netgraph.js).
// Green edges are cooperative, red conflictual, grey neutral; width grows with the number of
// relations. Clicking an edge lists its evidence sentences with links to their articles; finding
// or clicking an actor shows its neighbourhood. At the state level, edges join the states the
// actors act for, and each sentence names its actors.

import { facets, getJSON } from "./api.js";
import { actorHash, articleHash, el, fill, fmtScore, fold, link, matchesTerms, nameLabel, nameWithAlso, searchTerms } from "./dom.js";
import { dateInput, formParams, selectOf } from "./list.js";
import { clearFocus, drawNetwork, filterEdges, focusOn } from "./netgraph.js";

const MODALITIES = [
  { value: "asserted", label: "done (asserted)" },
  { value: "future", label: "threatened or planned" },
  { value: "hypothetical", label: "possible, alleged" },
];

function filterQuery(p) {
  return {
    since: p.get("since"), until: p.get("until"), outlet: p.getAll("outlet"),
    speaker: p.getAll("speaker"), type: p.getAll("type"), min_weight: p.get("min_weight"),
    level: p.get("level"), language: p.get("language"), modality: p.getAll("modality"),
  };
}

async function showEvidence(panel, edge, query, names) {
  panel.replaceChildren(el("p", { class: "muted" }, "Loading evidence…"));
  const d = edge.data();
  const data = await getJSON("api/network/evidence", { ...query, source: d.source, target: d.target });
  const items = data.items.map((r) => {
    const sign = r.polarity > 0 ? "pos" : r.polarity < 0 ? "neg" : "neutral";
    return el("li", { class: `evidence ${sign}` },
      el("blockquote", {}, r.text),
      el("div", { class: "small" },
        el("span", { class: `badge ${sign}` }, r.type), " ",
        r.modality !== "asserted" ? el("span", { class: "badge modality" }, r.modality) : null, " ",
        query.level === "state" ? `${r.source_name} → ${r.target_name} · ` : null,
        `asserted by ${r.asserted_by_name || "the outlet"} · `,
        link(articleHash(r.article_id, { rel: r.relation_no }), r.title || r.article_id, { class: "evidence-link" }),
        ` · ${[r.outlet, r.published].filter(Boolean).join(", ")}`));
  });
  fill(panel,
    el("h3", {}, link(actorHash(d.source), data.source_name), " → ", link(actorHash(d.target), data.target_name)),
    el("p", { class: "muted small" }, `${d.weight} relation${d.weight === 1 ? "" : "s"} · mean polarity ${fmtScore(d.polarity)} · ${d.types.replaceAll(";", ", ")}`),
    el("ol", { class: "evidence-list", id: "evidence-list" }, items),
  );
}

export async function showNetwork(page, route, live) {
  const p = route.params;
  const query = filterQuery(p);
  const [f, data] = await Promise.all([facets(), getJSON("api/network", query)]);
  if (!live()) return;

  const form = el("form", { class: "filters", id: "network-filters" },
    selectOf("outlet", "Outlet", f.outlets.map((o) => ({ value: o.value })), query.outlet[0] || ""),
    selectOf("language", "Language", (f.languages || []).map((l) => ({ value: l.value, label: `${l.value} (${l.count})` })), query.language || ""),
    selectOf("speaker", "Speaker", f.speakers.map((s) => ({ value: s.value, label: `${s.name} (${s.count})` })), query.speaker[0] || ""),
    selectOf("type", "Type", f.types.map((t) => ({ value: t.value, label: `${t.value} (${t.count})` })), query.type[0] || ""),
    dateInput("since", "From", query.since),
    dateInput("until", "To", query.until),
    selectOf("level", "Between", [{ value: "state", label: "states" }], query.level || "", "actors"),
    // what the text says was done, threatened or planned, or held possible; denied acts never count
    selectOf("modality", "Modality", MODALITIES, query.modality[0] || ""),
    el("label", {}, "Min. relations ", el("input", { type: "number", min: "1", step: "1", name: "min_weight", id: "f-min_weight", value: query.min_weight || "1", class: "narrow" })),
    el("button", { type: "submit" }, "Draw"),
    link("#/network", "Clear", { class: "clear" }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/network?${formParams(form)}`;
  });

  const graph = el("div", { id: "cy", class: "cy" });
  const panel = el("div", { id: "evidence", class: "evidence-panel" },
    el("p", { class: "muted" }, "Click an edge to read the sentences it stands on; click or find an actor to see its neighbours."));
  const signBox = (sign, cls, label) => el("label", { class: "toggle" },
    el("input", { type: "checkbox", checked: true, class: "net-sign", value: sign, id: `net-sign-${cls}` }), " ",
    el("span", { class: `swatch ${cls}` }), ` ${label}`);
  const typeFilter = el("select", { id: "net-type", title: "Show the edges of one type" },
    el("option", { value: "" }, "all types"),
    [...new Set(data.edges.flatMap((e) => e.types.split(";").map((t) => t.split(":")[0])))].sort()
      .map((t) => el("option", { value: t }, t)));
  const legend = el("div", { class: "legend small", id: "network-legend" },
    signBox("1", "pos", "cooperative"), signBox("-1", "neg", "conflictual"), signBox("0", "neutral", "neutral"),
    el("label", {}, "Edges ", typeFilter),
    el("span", { class: "muted" }, "· width: number of relations · arrows: who acts on whom · node size: relations · labels grow with zoom"));
  const search = el("form", { class: "net-search", id: "net-search-form" },
    el("input", { type: "search", id: "net-search", placeholder: "Find an actor…", list: "net-names", autocomplete: "off" }),
    el("datalist", { id: "net-names" }),
    el("button", { type: "submit" }, "Focus"),
    el("button", { type: "button", id: "net-reset" }, "Show all"));
  fill(page,
    el("h1", {}, query.level === "state" ? "State network" : "Actor network"), form, legend, search,
    el("p", { class: "muted small", id: "network-summary" },
      `${new Set(data.nodes.map((n) => n.id)).size} ${query.level === "state" ? "states and actors" : "actors"}, ${data.edges.length} edges`),
    el("div", { class: "network-layout" }, graph, panel));
  if (!data.edges.length) {
    graph.append(el("p", { class: "muted empty" }, "No relation matches these filters."));
    return;
  }
  if (typeof window.cytoscape !== "function") throw new Error("cytoscape did not load");
  if (typeof window.cytoscapeFcose === "function" && !window.cytoscape.__fcose) {
    window.cytoscape.use(window.cytoscapeFcose);
    window.cytoscape.__fcose = true;
  }
  const cy = drawNetwork(graph, data);
  const names = search.querySelector("datalist");
  const byLabel = new Map();
  const ranked = cy.nodes().sort((a, b) => a.data("rank") - b.data("rank"));
  ranked.forEach((n) => {
    byLabel.set(fold(n.data("label")), n.id());
    names.append(el("option", { value: n.data("label") }, nameLabel(n.data("label"), n.data("also"))));
  });
  ranked.forEach((n) => {
    for (const also of n.data("also") || []) {
      if (!byLabel.has(fold(also))) {
        byLabel.set(fold(also), n.id());
        names.append(el("option", { value: also }, n.data("label")));
      }
    }
  });
  const showActor = (node) => {
    focusOn(cy, node.id());
    const neighbours = node.neighborhood("node").sort((a, b) => a.data("rank") - b.data("rank"));
    fill(panel,
      el("h3", {}, link(actorHash(node.id()), nameWithAlso(node.data("label"), node.data("also")))),
      el("p", { class: "muted small" }, `${neighbours.length} neighbour${neighbours.length === 1 ? "" : "s"} · ${node.data("importance")} relations · click an edge for its sentences`),
      el("ol", { class: "neighbours", id: "neighbour-list" }, neighbours.map((n) => el("li", {}, link(actorHash(n.id()), n.data("label"))))));
  };
  search.addEventListener("submit", (event) => {
    event.preventDefault();
    const typed = search.querySelector("#net-search").value.trim();
    const wanted = fold(typed);
    let id = byLabel.get(wanted) || (cy.getElementById(typed).length ? typed : null);
    if (!id && wanted) id = [...byLabel].find(([label]) => label.includes(wanted))?.[1];
    // any form the articles write the actor with, in either script, in any grammatical case
    const terms = searchTerms(typed);
    if (!id && terms.length) id = ranked.filter((n) => (n.data("forms") || []).some((f) => matchesTerms(f, terms)))[0]?.id();
    const node = id ? cy.getElementById(id) : null;
    if (node && node.length) showActor(node);
    else panel.replaceChildren(el("p", { class: "muted" }, `No actor named “${typed}” in this network.`));
  });
  search.querySelector("#net-reset").addEventListener("click", () => {
    clearFocus(cy);
    cy.$(":selected").unselect();
    cy.fit(cy.nodes(":visible"), 24);
  });
  const refilter = () => {
    const signs = new Set([...legend.querySelectorAll(".net-sign")].filter((b) => b.checked).map((b) => b.value));
    filterEdges(cy, signs, typeFilter.value);
  };
  legend.addEventListener("change", refilter);
  cy.on("tap", "edge", (evt) => {
    showEvidence(panel, evt.target, query).catch((err) => {
      panel.replaceChildren(el("p", { class: "error" }, `Error: ${err.message}`));
    });
  });
  cy.on("tap", "node", (evt) => showActor(evt.target));
  cy.on("tap", (evt) => { if (evt.target === cy) clearFocus(cy); });
  window.__cy = cy;
}
