// Drawing the network with cytoscape (vendored) for up to a few thousand actors: one node per
// id, a seeded fCoSE force layout stretched to the canvas, node and label sizes by importance
// (weighted degree) and zoom, focus on an actor's neighbourhood, edge filters by type and sign.
//
// Sizes are set in screen pixels at the first view: the layout is fitted to the canvas, and a
// node's font size is its label's pixel size divided by that zoom. Cytoscape hides a label under
// MIN_LABEL_PX on screen, so the most important actors are labelled at first and the others
// appear as one zooms in.

const KIND_COLOURS = {
  country: "#4a90d9", person: "#e08a2e", alliance: "#8e6bd1", organization: "#3aa36b",
  party: "#c9a227", institution: "#7d7d7d", media: "#d35d9c", group: "#2aa5a5",
};
export const SIGN_COLOURS = { 1: "#2e9d4f", "-1": "#d0342c", 0: "#9a9a9a" };
export const MIN_LABEL_PX = 9;
const SEED = 20250601;

// One node per id (a repeated id is merged into its first node), each edge's ends known.
export function graphData(data) {
  const nodes = new Map();
  for (const n of data.nodes) if (!nodes.has(n.id)) nodes.set(n.id, { ...n, importance: 0, degree: 0 });
  const edges = [];
  for (const e of data.edges) {
    const a = nodes.get(e.source);
    const b = nodes.get(e.target);
    if (!a || !b) continue;
    a.importance += e.weight;
    b.importance += e.weight;
    a.degree += 1;
    b.degree += 1;
    edges.push(e);
  }
  const ranked = [...nodes.values()].sort((x, y) => y.importance - x.importance
    || (y.mentions || 0) - (x.mentions || 0) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  ranked.forEach((n, i) => { n.rank = i; });
  // Two actors of one name are told apart by their ids.
  const byName = new Map();
  for (const n of ranked) {
    const name = n.name || n.label || n.id;
    byName.set(name, (byName.get(name) || 0) + 1);
  }
  for (const n of ranked) {
    const name = n.name || n.label || n.id;
    n.display = byName.get(name) > 1 && name !== n.id ? `${name} (${n.id})` : name;
  }
  return { nodes: ranked, edges };
}

function elements(g) {
  const maxImportance = Math.max(1, ...g.nodes.map((n) => n.importance));
  const nodes = g.nodes.map((n) => ({
    group: "nodes",
    data: {
      id: n.id, label: n.display, name: n.name || n.id, kind: n.kind || "", rank: n.rank,
      also: n.also || [], forms: n.forms || [],
      importance: n.importance, share: Math.sqrt(n.importance / maxImportance),
      colour: KIND_COLOURS[n.kind] || "#999999", size: 10, font: 10,
    },
  }));
  const edges = g.edges.map((e, i) => ({
    group: "edges",
    data: {
      id: `e${i}`, source: e.source, target: e.target, weight: e.weight, sign: e.sign,
      polarity: e.polarity, types: e.types, width: 1,
      colour: SIGN_COLOURS[String(e.sign)] || SIGN_COLOURS[0],
      typeList: e.types.split(";").map((t) => t.split(":")[0]),
    },
  }));
  return [...nodes, ...edges];
}

const STYLE = [
  { selector: "node", style: {
    "background-color": "data(colour)", label: "data(label)", width: "data(size)", height: "data(size)",
    "font-size": "data(font)", "min-zoomed-font-size": MIN_LABEL_PX, "text-valign": "center",
    "text-halign": "right", "text-margin-x": 2, color: "#1d1d1d", "text-outline-color": "#fff",
    "text-outline-width": 1.5, "text-outline-opacity": 0.9, "z-index": "data(importance)" } },
  { selector: "edge", style: {
    "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
    width: "data(width)", "curve-style": "bezier", opacity: 0.55, "arrow-scale": 0.6 } },
  { selector: ".off", style: { display: "none" } },
  { selector: ".faded", style: { opacity: 0.08, label: "" } },
  { selector: "node.crowded", style: { label: "" } },
  { selector: "node.near", style: { "min-zoomed-font-size": 0, "z-index": 100000 } },
  { selector: "edge.near", style: { opacity: 0.95 } },
  { selector: "edge:selected", style: { opacity: 1, "overlay-color": "#ffd400", "overlay-opacity": 0.35, "overlay-padding": 4 } },
  { selector: "node:selected", style: { "border-width": 3, "border-color": "#ffd400" } },
];

// A seeded Math.random for the layout's random start, so that a corpus draws the same each time.
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function runLayout(cy) {
  const n = cy.nodes().length;
  const random = Math.random;
  Math.random = seeded(SEED);
  try {
    cy.layout({
      name: "fcose", quality: n > 400 ? "default" : "proof", randomize: true, animate: false,
      fit: false, nodeDimensionsIncludeLabels: false, packComponents: false,
      nodeRepulsion: () => 20000, idealEdgeLength: () => 80, edgeElasticity: () => 0.45,
      gravity: 0.15, gravityRange: 3.0, numIter: 2500, tile: true,
      tilingPaddingVertical: 8, tilingPaddingHorizontal: 8,
    }).run();
  } finally {
    Math.random = random;
  }
}

// Stretch the layout to the canvas's proportions (within a factor of 2.5), so that it fills a
// wide canvas rather than a circle in its middle.
function stretchToCanvas(cy) {
  const box = cy.nodes().boundingBox();
  const w = Math.max(1, box.w);
  const h = Math.max(1, box.h);
  const target = cy.width() / Math.max(1, cy.height());
  const ratio = Math.min(2.5, Math.max(0.4, target / (w / h)));
  if (Math.abs(ratio - 1) < 0.02) return;
  const [cx, cyy] = [box.x1 + w / 2, box.y1 + h / 2];
  const sx = Math.sqrt(ratio);
  const sy = 1 / Math.sqrt(ratio);
  cy.nodes().positions((node) => {
    const p = node.position();
    return { x: cx + (p.x - cx) * sx, y: cyy + (p.y - cyy) * sy };
  });
}

// Pixel sizes at the first view: the first LABELLED actors (by importance) get labels of 11 to
// 18 px, the others a size under MIN_LABEL_PX that reaches it as one zooms in.
function sizeByImportance(cy) {
  const zoom = cy.zoom();
  const n = cy.nodes().length;
  const labelled = Math.max(8, Math.min(60, Math.round((cy.width() * cy.height()) / 14000)));
  const dense = Math.min(1, 60 / Math.sqrt(Math.max(1, n)));
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const rank = node.data("rank");
      const share = node.data("share");
      const px = rank < labelled ? 11 + 7 * (1 - rank / labelled) : (MIN_LABEL_PX - 1) * Math.sqrt(labelled / rank);
      node.data({ font: px / zoom, font0: px / zoom, size: (4 + 20 * share * dense + 4 * dense) / zoom });
    });
    cy.edges().forEach((edge) => {
      edge.data("width", (0.5 + 1.2 * Math.log2(1 + edge.data("weight")) * dense) / zoom);
    });
  });
}

export function drawNetwork(container, data) {
  const g = graphData(data);
  const cy = window.cytoscape({
    container, elements: elements(g), style: STYLE, layout: { name: "preset" },
    minZoom: 0.01, maxZoom: 40,
    hideEdgesOnViewport: g.edges.length > 1500, textureOnViewport: false, pixelRatio: 1,
  });
  if (cy.nodes().length > 1) runLayout(cy);
  stretchToCanvas(cy);
  cy.fit(cy.nodes(), 24);
  if (cy.zoom() > 2.5) {
    cy.zoom(2.5);
    cy.center();
  }
  cy.scratch("firstZoom", cy.zoom());
  sizeByImportance(cy);
  declutter(cy);
  let pending = null;
  cy.on("viewport", () => {
    clearTimeout(pending);
    pending = setTimeout(() => declutter(cy), 60);
  });
  return cy;
}

// Labels under MIN_LABEL_PX on screen, or that would overlap a more important one, are left out
// (until one zooms in), in order of importance, as the view changes.
export function declutter(cy) {
  const zoom = cy.zoom();
  const [width, height] = [cy.width(), cy.height()];
  const placed = [];
  cy.batch(() => cy.nodes().sort((a, b) => a.data("rank") - b.data("rank")).forEach((n) => {
    const px = n.data("font") * zoom;
    if (n.hasClass("off") || n.hasClass("faded") || (px < MIN_LABEL_PX && !n.hasClass("near"))) {
      n.toggleClass("crowded", px < MIN_LABEL_PX); // cytoscape's min-zoomed-font-size leaves some
      return;
    }
    const p = n.renderedPosition();
    const left = p.x + (n.data("size") * zoom) / 2 + 2;
    const box = [left, p.y - 0.6 * px, left + 0.56 * px * n.data("label").length, p.y + 0.6 * px];
    if (box[2] < 0 || box[0] > width || box[3] < 0 || box[1] > height) {
      n.removeClass("crowded");
      return;
    }
    const hit = !n.hasClass("near") && placed.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]);
    n.toggleClass("crowded", hit);
    if (!hit) placed.push(box);
  }));
}

// Show one actor with its neighbours (labelled, whatever their importance) and fade the rest.
export function focusOn(cy, id) {
  const node = cy.getElementById(id);
  if (!node.length) return false;
  clearFocus(cy);
  const near = node.closedNeighborhood().filter((e) => !e.hasClass("off"));
  cy.batch(() => {
    cy.elements().not(near).addClass("faded");
    near.addClass("near");
  });
  cy.$(":selected").unselect();
  node.select();
  cy.fit(near.nodes(), 110); // room for the labels, right of their nodes
  const most = 8 * cy.scratch("firstZoom");
  if (cy.zoom() > most) {
    cy.zoom(most);
    cy.center(near.nodes());
  }
  const zoom = cy.zoom();
  // The neighbours' labels at 12 to 18 px on screen, whatever their importance.
  cy.batch(() => near.nodes().forEach((n) => {
    const px = Math.min(18, Math.max(n.id() === id ? 15 : 12, n.data("font0") * zoom));
    n.data("font", px / zoom);
  }));
  declutter(cy);
  return true;
}

export function clearFocus(cy) {
  cy.batch(() => {
    cy.nodes(".near").forEach((n) => { n.data("font", n.data("font0")); });
    cy.elements().removeClass("faded near");
  });
  declutter(cy);
}

// Keep the edges of the chosen signs and type; hide the actors left without an edge.
export function filterEdges(cy, signs, type) {
  cy.batch(() => {
    cy.edges().forEach((edge) => {
      const keep = signs.has(String(edge.data("sign"))) && (!type || edge.data("typeList").includes(type));
      edge.toggleClass("off", !keep);
    });
    cy.nodes().forEach((node) => {
      node.toggleClass("off", node.connectedEdges().every((e) => e.hasClass("off")));
    });
  });
  declutter(cy);
}
