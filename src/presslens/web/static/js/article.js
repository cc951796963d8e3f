// One article, displaCy style: the text with actor, quote, technique and claim highlights, the
// quote speakers in the margin, and side lists of relations, claims, quotes and stances.
// The text is cut into segments at every span boundary; each segment is one text node wrapped
// in one element per layer that covers it. No article text is ever parsed as HTML.

import { getJSON } from "./api.js";
import { actorHash, el, fill, fmtScore, link, nameLabel, nameWithAlso, tint, truncate } from "./dom.js";

const LAYERS = [
  ["ents", "Actors"],
  ["quotes", "Quotes"],
  ["techs", "Techniques"],
  ["claims", "Claims"],
];

function paragraphs(text) {
  const out = [];
  const re = /\n[ \t]*\n\s*/g;
  let start = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m.index > start) out.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

// The claims underlined by default, as the default profile lists them: best first, at most
// MAX_CLAIMS, covering at most CLAIM_SHARE of the text (a short text keeps its best claim). A
// default-profile document's claims are already such a list; the fast profile's rule claims
// (about 26 an article, three quarters of its text) are cut here, the rest shown on demand.
const MAX_CLAIMS = 8;
const CLAIM_SHARE = 0.15;
const SHORT_TEXT = 400;

export function topClaims(doc) {
  const budget = CLAIM_SHARE * doc.text.length;
  const ranked = doc.claims.map((c, i) => [c, i]).sort((x, y) => y[0].score - x[0].score || x[0].start - y[0].start || x[0].end - y[0].end);
  const top = new Set();
  let used = 0;
  for (const [c, i] of ranked) {
    if (top.size === MAX_CLAIMS) break;
    const length = c.end - c.start;
    if (used + length > budget && (top.size || doc.text.length >= SHORT_TEXT)) continue;
    top.add(i);
    used += length;
  }
  return top;
}

function spansOf(doc, names) {
  const spans = [];
  for (const actor of doc.actors) {
    for (const m of actor.mentions) {
      if (m.end > m.start) spans.push({ layer: "ent", start: m.start, end: m.end, actor, role: m.role });
    }
  }
  doc.quotes.forEach((q, i) => {
    if (q.end > q.start) spans.push({ layer: "quote", start: q.start, end: q.end, index: i, quote: q });
  });
  doc.techniques.forEach((t, i) => {
    if (t.end > t.start) spans.push({ layer: "tech", start: t.start, end: t.end, index: i, tech: t });
  });
  const top = topClaims(doc);
  doc.claims.forEach((c, i) => {
    if (c.end > c.start) spans.push({ layer: "claim", start: c.start, end: c.end, index: i, claim: c, top: top.has(i) });
  });
  doc.relations.forEach((r, i) => {
    if (r.end > r.start) spans.push({ layer: "rel", start: r.start, end: r.end, index: i });
  });
  doc.stances.forEach((s, i) => {
    for (const e of s.evidence) if (e.end > e.start) spans.push({ layer: "stance", start: e.start, end: e.end, index: i });
  });
  return spans;
}

// "all N claims": underlines (and lists) the claims beyond the top ones.
function allClaimsToggle(doc, page, body) {
  const more = doc.claims.length - topClaims(doc).size;
  if (more <= 0) return null;
  const box = el("input", { type: "checkbox", id: "all-claims" });
  box.addEventListener("change", () => {
    page.classList.toggle("all-claims", box.checked);
    placeSpeakers(body);
  });
  return el("label", { class: "toggle toggle-all-claims", title: `${more} more claims, of lower scores` },
    box, ` all ${doc.claims.length} claims`);
}

function speakerColours(doc) {
  const colours = new Map();
  for (const q of doc.quotes) {
    const key = q.speaker || "";
    if (!colours.has(key)) colours.set(key, key ? tint(colours.size) : "#e6e6e6");
  }
  return colours;
}

function renderSegment(text, start, end, covering, ctx) {
  let node = document.createTextNode(text.slice(start, end));
  const by = (layer) => covering.filter((s) => s.layer === layer);
  const ents = by("ent");
  if (ents.length) {
    const s = ents[0];
    const a = s.actor;
    const mark = el("mark", {
      class: `ent kind-${a.kind}`,
      title: [nameLabel(a.name, ctx.also[a.id]), a.kind, s.role, a.wikidata].filter(Boolean).join(" · "),
      dataset: { actor: a.id },
    }, node);
    if (end === s.end) mark.append(el("span", { class: "ent-label" }, a.kind));
    mark.addEventListener("click", () => { location.hash = actorHash(a.id); });
    node = mark;
  }
  const techs = by("tech");
  if (techs.length) {
    const labels = techs.map((s) => `${s.tech.label.replaceAll("_", " ")} (${s.tech.confidence.toFixed(2)})`);
    node = el("span", { class: "tech", title: labels.join("; "), dataset: { label: techs.map((s) => s.tech.label).join(" ") } }, node);
  }
  const claims = by("claim");
  if (claims.length) {
    const best = claims.find((s) => s.top) || claims[0];
    node = el("span", { class: best.top ? "claim" : "claim claim-more", title: `check-worthy claim, score ${best.claim.score.toFixed(2)}` }, node);
  }
  const quotes = by("quote");
  if (quotes.length) {
    const q = quotes[0].quote;
    const who = q.speaker ? nameLabel(ctx.names[q.speaker] || q.speaker, ctx.also[q.speaker]) : "unattributed";
    node = el("span", {
      class: `quote quote-${q.kind}`,
      title: `${q.kind} quote · ${who}`,
      dataset: { speaker: q.speaker || "" },
      style: { "--tint": ctx.colours.get(q.speaker || "") },
    }, node);
  }
  const seg = el("span", { class: "seg" }, node);
  const ids = (layer) => [...new Set(by(layer).map((s) => s.index))].join(" ");
  for (const [layer, key] of [["rel", "rels"], ["claim", "claims"], ["quote", "quotes"], ["stance", "stances"], ["tech", "techs"]]) {
    const value = ids(layer);
    if (value) seg.dataset[key] = value;
  }
  return seg;
}

function renderText(doc, names, also, lang) {
  const text = doc.text;
  const spans = spansOf(doc, names);
  const colours = speakerColours(doc);
  const ctx = { names, colours, also };
  const body = el("div", { class: "doc-text", id: "doc-text", lang });
  for (const [ps, pe] of paragraphs(text)) {
    const cuts = new Set([ps, pe]);
    const inside = spans.filter((s) => s.start < pe && s.end > ps);
    for (const s of inside) {
      if (s.start > ps) cuts.add(s.start);
      if (s.end < pe) cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const para = el("p", { class: "para", dataset: { start: ps, end: pe } });
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const covering = inside.filter((s) => s.start <= a && s.end >= b);
      para.append(covering.length ? renderSegment(text, a, b, covering, ctx) : document.createTextNode(text.slice(a, b)));
    }
    const margin = el("div", { class: "margin" });
    doc.quotes.forEach((q, i) => {
      if (q.start >= ps && q.start < pe) {
        const who = q.speaker ? names[q.speaker] || q.speaker : "unattributed";
        const tag = el("div", { class: "speaker", style: { "--tint": colours.get(q.speaker || "") }, title: [q.speaker ? nameLabel(who, also[q.speaker]) : null, `${q.kind} quote`].filter(Boolean).join(" · "), dataset: { quote: i } },
          q.speaker ? link(actorHash(q.speaker), who) : who);
        margin.append(tag);
      }
    });
    body.append(el("div", { class: "row" }, margin, para));
  }
  return body;
}

// Each speaker tag stands level with the first line of its quote, wherever that line falls in
// the paragraph: wire copy often has one "paragraph" of single-newline lines, and tags stacked
// at its top would sit far from their quotes. A tag that would overlap the one above moves
// down just enough; the margin grows when the tags need more height than the paragraph.
// Run after the text is laid out, and again whenever its size changes (the text reflows).
export function placeSpeakers(body) {
  for (const margin of body.querySelectorAll(".margin")) {
    const para = margin.parentElement.querySelector(".para");
    const origin = margin.getBoundingClientRect().top;
    let floor = 0;
    for (const tag of margin.querySelectorAll(".speaker")) {
      const anchor = para.querySelector(`.seg[data-quotes~="${tag.dataset.quote}"]`);
      const wanted = anchor ? anchor.getBoundingClientRect().top - origin : floor;
      const top = Math.max(wanted, floor);
      tag.style.top = `${top}px`;
      floor = top + tag.offsetHeight + 3;
    }
    margin.style.minHeight = `${floor}px`;
  }
}

function highlight(root, key, index) {
  for (const node of root.querySelectorAll(".seg.hl")) node.classList.remove("hl");
  for (const item of document.querySelectorAll(".side li.selected")) item.classList.remove("selected");
  const hits = root.querySelectorAll(`.seg[data-${key}~="${index}"]`);
  for (const node of hits) node.classList.add("hl");
  if (hits.length) hits[0].scrollIntoView({ block: "center", behavior: "instant" });
  return hits.length;
}

function sideList(title, id, items) {
  return el("section", { class: "side-section", id },
    el("h3", {}, `${title} (${items.length})`),
    items.length ? el("ol", {}, items) : el("p", { class: "muted" }, "none"));
}

export async function showArticle(page, route, live) {
  const data = await getJSON(`api/articles/${encodeURIComponent(route.arg || "")}`);
  if (!live()) return;
  const { article, document: doc, names } = data;
  const also = data.also || {};
  // The text's language marks it (lang="ru": the browser picks fonts and hyphenation for it);
  // the page around it, and the actors' English names, stay English.
  const lang = doc.meta.language || article.language || null;
  const name = (id) => (id ? names[id] || id : "–");
  const body = renderText(doc, names, also, lang);

  const pick = (key, index, li) => () => {
    highlight(body, key, index);
    li.classList.add("selected");
  };
  const relations = doc.relations.map((r, i) => {
    const sign = r.polarity > 0 ? "pos" : r.polarity < 0 ? "neg" : "neutral";
    const li = el("li", { class: `relation ${sign}`, dataset: { index: i }, title: r.text },
      el("span", { class: "who" }, name(r.source), " → ", name(r.target)), " ",
      el("span", { class: `badge ${sign}` }, r.type),
      r.modality !== "asserted" ? el("span", { class: "badge modality" }, r.modality) : null,
      el("div", { class: "muted small" }, `asserted by ${r.asserted_by ? name(r.asserted_by) : "the outlet"} · ${r.confidence.toFixed(2)}`));
    li.addEventListener("click", pick("rels", i, li));
    return li;
  });
  const ranked = doc.claims.map((c, i) => [c, i]).sort((x, y) => y[0].score - x[0].score || x[0].start - y[0].start);
  const top = topClaims(doc);
  const claims = ranked.map(([c, i]) => {
    const li = el("li", { class: top.has(i) ? "claim-item" : "claim-item claim-more", dataset: { index: i } },
      el("span", { class: "badge score" }, c.score.toFixed(2)), " ", el("span", { lang }, truncate(c.text, 140)),
      c.claimant ? el("div", { class: "muted small" }, `claimant: ${name(c.claimant)}`) : null);
    li.addEventListener("click", pick("claims", i, li));
    return li;
  });
  const quotes = doc.quotes.map((q, i) => {
    const li = el("li", { class: "quote-item", dataset: { index: i } },
      el("strong", {}, q.speaker ? name(q.speaker) : "unattributed"), ": ", el("span", { lang }, truncate(q.text, 120)));
    li.addEventListener("click", pick("quotes", i, li));
    return li;
  });
  const stances = doc.stances.map((s, i) => {
    const li = el("li", { class: `stance-item ${s.sign > 0 ? "pos" : "neg"}` },
      s.holder === "outlet" ? "the outlet" : name(s.holder), " on ",
      link(actorHash(s.target), name(s.target)), " ", el("span", { class: `badge ${s.sign > 0 ? "pos" : "neg"}` }, fmtScore(s.score)));
    li.addEventListener("click", pick("stances", i, li));
    return li;
  });
  const techCounts = new Map();
  doc.techniques.forEach((t, i) => {
    if (!techCounts.has(t.label)) techCounts.set(t.label, []);
    techCounts.get(t.label).push(i);
  });
  const techniques = [...techCounts].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([label, idx]) => {
    const li = el("li", { class: "tech-item" }, label.replaceAll("_", " "), " ", el("span", { class: "muted" }, `×${idx.length}`));
    li.addEventListener("click", pick("techs", idx[0], li));
    return li;
  });
  const actors = [...doc.actors].sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name)).map((a) =>
    el("li", { class: "actor-item", dataset: { actor: a.id } }, el("mark", { class: `ent kind-${a.kind}`, title: nameLabel(a.name, also[a.id]) }, nameWithAlso(a.name, also[a.id])), " ", link(actorHash(a.id), "actor page"),
      el("span", { class: "muted" }, ` ×${a.mentions.length}`)));

  const toggles = el("div", { class: "legend" }, LAYERS.map(([key, label]) => {
    const box = el("input", { type: "checkbox", checked: true, dataset: { layer: key } });
    box.addEventListener("change", () => {
      body.classList.toggle(`no-${key}`, !box.checked);
      placeSpeakers(body); // hiding labels moves the text under the tags
    });
    return el("label", { class: `toggle toggle-${key}` }, box, " ", label);
  }), allClaimsToggle(doc, page, body), el("span", { class: "kinds" }, ["country", "person", "alliance", "organization", "party", "institution", "media", "group"].map((k) => el("mark", { class: `ent kind-${k}` }, k))));

  const meta = doc.meta;
  fill(page,
    el("p", {}, link("#/articles", "← all articles")),
    el("h1", { class: "doc-title", lang }, meta.title || article.title || article.id),
    el("p", { class: "doc-meta muted" }, [meta.outlet, meta.published, meta.authors.length ? `by ${meta.authors.join(", ")}` : null, meta.language].filter(Boolean).join(" · ")),
    meta.url ? el("p", { class: "small muted" }, meta.url) : null,
    toggles,
    el("div", { class: "article-layout" },
      el("article", { class: "doc" }, body),
      el("aside", { class: "side" },
        sideList("Relations", "relations", relations),
        sideList("Check-worthy claims", "claims", claims),
        sideList("Quotes", "quotes", quotes),
        sideList("Stances", "stances", stances),
        sideList("Techniques", "techniques", techniques),
        sideList("Actors", "actors", actors))),
    el("p", { class: "small muted" }, `id ${doc.id}`, doc.source_path ? ` · ${doc.source_path}` : ""),
  );
  placeSpeakers(body);
  new ResizeObserver(() => placeSpeakers(body)).observe(body);
  const rel = route.params.get("rel");
  if (rel !== null && relations[Number(rel)]) relations[Number(rel)].click();
}
