// The actor network: a signed, weighted, directed graph drawn with cytoscape (vendored).
// Green edges are cooperative, red conflictual, grey neutral; width grows with the number of
// relations. Clicking an edge lists its evidence sentences with links to their articles. At the
// state level, edges join the states the actors act for, and each sentence names its actors.

import { facets, getJSON } from "./api.js";
import { actorHash, articleHash, el, fill, fmtScore, link } from "./dom.js";
import { dateInput, formParams, selectOf } from "./list.js";

const KIND_COLOURS = {
  country: "#4a90d9", person: "#e08a2e", alliance: "#8e6bd1", organization: "#3aa36b",
  party: "#c9a227", institution: "#7d7d7d", media: "#d35d9c", group: "#2aa5a5",
};
const SIGN_COLOURS = { 1: "#2e9d4f", "-1": "#d0342c", 0: "#9a9a9a" };

function filterQuery(p) {
  return {
    since: p.get("since"), until: p.get("until"), outlet: p.getAll("outlet"),
    speaker: p.getAll("speaker"), type: p.getAll("type"), min_weight: p.get("min_weight"),
    level: p.get("level"),
  };
}

function elements(data) {
  const nodes = data.nodes.map((n) => ({
    group: "nodes",
    data: {
      id: n.id, label: n.name || n.id, kind: n.kind || "",
      colour: KIND_COLOURS[n.kind] || "#999999",
      size: 18 + Math.min(30, 4 * Math.sqrt(n.mentions || 0)),
    },
  }));
  const edges = data.edges.map((e, i) => ({
    group: "edges",
    data: {
      id: `e${i}`, source: e.source, target: e.target, weight: e.weight, sign: e.sign,
      polarity: e.polarity, types: e.types,
      colour: SIGN_COLOURS[String(e.sign)] || SIGN_COLOURS[0],
      width: 1.5 + 2.5 * Math.log2(e.weight),
      label: e.types.split(";").map((t) => t.split(":")[0]).join(", "),
    },
  }));
  return [...nodes, ...edges];
}

function startPositions(nodes) {
  // A fixed circle to start from, so that the layout is the same on every load.
  const n = Math.max(1, nodes.length);
  const r = 60 + 30 * n;
  const pos = {};
  nodes.forEach((node, i) => {
    pos[node.data.id] = { x: r * Math.cos((2 * Math.PI * i) / n), y: r * Math.sin((2 * Math.PI * i) / n) };
  });
  return pos;
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
    selectOf("speaker", "Speaker", f.speakers.map((s) => ({ value: s.value, label: `${s.name} (${s.count})` })), query.speaker[0] || ""),
    selectOf("type", "Type", f.types.map((t) => ({ value: t.value, label: `${t.value} (${t.count})` })), query.type[0] || ""),
    dateInput("since", "From", query.since),
    dateInput("until", "To", query.until),
    selectOf("level", "Between", [{ value: "state", label: "states" }], query.level || "", "actors"),
    el("label", {}, "Min. relations ", el("input", { type: "number", min: "1", step: "1", name: "min_weight", id: "f-min_weight", value: query.min_weight || "1", class: "narrow" })),
    el("button", { type: "submit" }, "Draw"),
    link("#/network", "Clear", { class: "clear" }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/network?${formParams(form)}`;
  });

  const graph = el("div", { id: "cy", class: "cy" });
  const panel = el("div", { id: "evidence", class: "evidence-panel" },
    el("p", { class: "muted" }, "Click an edge to read the sentences it stands on; click an actor to open its page."));
  const legend = el("div", { class: "legend small" },
    el("span", { class: "swatch pos" }), " cooperative ",
    el("span", { class: "swatch neg" }), " conflictual ",
    el("span", { class: "swatch neutral" }), " neutral · width: number of relations · arrows: who acts on whom");
  fill(page,
    el("h1", {}, query.level === "state" ? "State network" : "Actor network"), form, legend,
    el("p", { class: "muted small", id: "network-summary" },
      `${data.nodes.length} ${query.level === "state" ? "states and actors" : "actors"}, ${data.edges.length} edges`),
    el("div", { class: "network-layout" }, graph, panel));
  if (!data.edges.length) {
    graph.append(el("p", { class: "muted empty" }, "No relation matches these filters."));
    return;
  }
  if (typeof window.cytoscape !== "function") throw new Error("cytoscape did not load");
  const els = elements(data);
  const positions = startPositions(els.filter((e) => e.group === "nodes"));
  const cy = window.cytoscape({
    container: graph,
    elements: els,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", label: "data(label)", width: "data(size)", height: "data(size)",
        "font-size": 11, "text-valign": "bottom", "text-margin-y": 3, color: "#222",
        "text-outline-color": "#fff", "text-outline-width": 2 } },
      { selector: "edge", style: {
        "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
        width: "data(width)", "curve-style": "bezier", opacity: 0.85, "arrow-scale": 0.9 } },
      { selector: "edge:selected", style: { opacity: 1, "overlay-color": "#ffd400", "overlay-opacity": 0.35, "overlay-padding": 4 } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#ffd400" } },
    ],
    layout: { name: "preset", positions },
  });
  cy.layout({ name: "cose", randomize: false, animate: false, fit: true, padding: 40,
    nodeRepulsion: () => 400000, idealEdgeLength: () => 120, nodeOverlap: 20, gravity: 0.25,
    numIter: 1000 }).run();
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
  cy.on("tap", "edge", (evt) => {
    showEvidence(panel, evt.target, query).catch((err) => {
      panel.replaceChildren(el("p", { class: "error" }, `Error: ${err.message}`));
    });
  });
  cy.on("tap", "node", (evt) => { location.hash = actorHash(evt.target.id()); });
  window.__cy = cy;
}
