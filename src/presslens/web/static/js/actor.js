// Actors: a searchable list (by any form of a name, in either script), and one actor's page:
// its English name with its names in the other script and the forms the articles write it with,
// who mentions it, how each speaker and outlet stands toward it, over time, and its relations
// over time with another actor.

import { getJSON } from "./api.js";
import { actorHash, articleHash, el, fill, fmtScore, langOf, link, nameLabel, nameWithAlso, scoreBar, table, truncate } from "./dom.js";

const FORMS_SHOWN = 40; // the most used forms of a name, in both scripts, on an actor's page

export async function showActors(page, route, live) {
  const q = route.params.get("q") || "";
  const data = await getJSON("api/actors", { q, limit: 500 });
  if (!live()) return;
  const form = el("form", { class: "filters", id: "actor-search" },
    el("label", {}, "Search ", el("input", { name: "q", id: "actor-q", value: q, placeholder: "any name, either script" })),
    el("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = new FormData(form).get("q");
    location.hash = `#/actors?${new URLSearchParams(value ? { q: value } : {})}`;
  });
  fill(page,
    el("h1", {}, "Actors"), form,
    el("p", { class: "muted" }, `${data.total} actors`),
    table(["Actor", "Kind", "Mentions", "Articles", "Quotes", "Stances", "Mean stance toward"],
      data.items.map((a) => [
        el("span", { class: "actor-cell", dataset: { actor: a.id } },
          link(actorHash(a.id), nameWithAlso(a.name, a.also), { title: nameLabel(a.name, a.also) }),
          a.matched ? el("span", { class: "muted small matched" }, " · as ", el("q", { lang: langOf(a.matched) }, a.matched)) : null),
        el("mark", { class: `ent kind-${a.kind}` }, a.kind),
        String(a.mentions), String(a.articles), String(a.quotes), String(a.stances),
        el("span", {}, scoreBar(a.mean_stance), " ", fmtScore(a.mean_stance)),
      ])),
  );
}

function section(title, id, ...content) {
  return el("section", { class: "block", id }, el("h2", {}, title), ...content);
}

function none(items, build) {
  return items.length ? build(items) : el("p", { class: "muted" }, "none");
}

function quoteList(items, showSpeaker) {
  return el("ol", { class: "quotes" }, items.map((q) =>
    el("li", {},
      showSpeaker ? el("strong", {}, q.speaker_name || "unattributed", ": ") : null,
      el("q", { lang: q.language }, truncate(q.text, 220)), " ",
      el("span", { class: "muted small" }, link(articleHash(q.article_id), q.title || q.article_id), ` · ${[q.outlet, q.published].filter(Boolean).join(", ")}`))));
}

function stanceTable(rows, key, label, nameKey) {
  return table([label, "Stances", "Mean", "", "+", "−"], rows.map((r) => [
    nameKey && r[key] !== "outlet" ? link(actorHash(r[key]), r[nameKey]) : (r[key] === "outlet" ? "the outlet (narration)" : r[key]),
    String(r.stances), fmtScore(r.mean), scoreBar(r.mean), String(r.positive), String(r.negative),
  ]));
}

async function showTimeline(box, a, b, by) {
  box.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  const data = await getJSON("api/timeline", { a, b, by });
  if (!data.rows.length) {
    box.replaceChildren(el("p", { class: "muted" }, `No dated relations between ${data.a.name} and ${data.b.name}.`));
    return;
  }
  const names = { [data.a.id]: data.a.name, [data.b.id]: data.b.name };
  box.replaceChildren(table([by, "Direction", "Relations", "Mean polarity", "", "Types"], data.rows.map((r) => [
    r.bucket, `${names[r.source]} → ${names[r.target]}`, String(r.relations), fmtScore(r.mean_polarity),
    scoreBar(r.mean_polarity), Object.entries(r.types).map(([t, n]) => `${t} ${n}`).join(", "),
  ])));
}

export async function showActor(page, route, live) {
  const data = await getJSON(`api/actors/${encodeURIComponent(route.arg || "")}`);
  if (!live()) return;
  const a = data.actor;
  const qid = /^Q[0-9]+$/.test(a.wikidata || "") ? a.wikidata : null;

  const speakersWhoMention = new Map();
  for (const q of data.quotes_about) {
    const key = q.speaker || "";
    const entry = speakersWhoMention.get(key) || { id: q.speaker, name: q.speaker_name || "unattributed", n: 0 };
    entry.n += 1;
    speakersWhoMention.set(key, entry);
  }
  const maxMentions = Math.max(1, ...data.over_time.map((r) => r.mentions));

  const others = await getJSON("api/actors", { limit: 200 });
  if (!live()) return;
  const pick = el("select", { id: "timeline-other" }, others.items.filter((o) => o.id !== a.id).map((o) => el("option", { value: o.id }, nameLabel(o.name, o.also))));
  const forms = a.forms || [];
  const by = el("select", { id: "timeline-by" }, el("option", { value: "month" }, "month"), el("option", { value: "week" }, "week"));
  const box = el("div", { id: "timeline-box" });
  const go = el("button", { type: "button" }, "Show");
  go.addEventListener("click", () => showTimeline(box, a.id, pick.value, by.value).catch((err) => {
    box.replaceChildren(el("p", { class: "error" }, `Error: ${err.message}`));
  }));

  fill(page,
    el("p", {}, link("#/actors", "← all actors")),
    el("h1", { class: "actor-name", title: nameLabel(a.name, a.also) }, nameWithAlso(a.name, a.also), " ", el("mark", { class: `ent kind-${a.kind}` }, a.kind || "actor")),
    el("p", { class: "muted" }, `${a.id}${qid ? ` · Wikidata ${qid}` : ""} · ${a.mentions} mentions in ${a.articles} articles`),
    forms.length ? el("p", { class: "forms small", id: "actor-forms" }, el("span", { class: "muted" }, "Written as: "),
      forms.slice(0, FORMS_SHOWN).map((f, i) => [i ? ", " : "", el("span", { class: `form role-${f.role}`, lang: langOf(f.text), title: `${f.role} · ${f.count}×` }, f.text),
        el("span", { class: "muted" }, f.role === "name" ? ` ${f.count}` : ` (${f.role}) ${f.count}`)]),
      forms.length > FORMS_SHOWN ? el("span", { class: "muted" }, `, and ${forms.length - FORMS_SHOWN} more`) : null) : null,
    el("div", { class: "actor-grid" },
      section("Who mentions it", "mentioned-by",
        el("h3", {}, "Outlets"),
        none(data.mentioned_by_outlet, (rows) => table(["Outlet", "Articles", "Mentions"], rows.map((r) =>
          [link(`#/articles?${new URLSearchParams({ outlet: r.outlet, actor: a.id })}`, r.outlet), String(r.articles), String(r.mentions)]))),
        el("h3", {}, "Speakers who mention it in quotes"),
        none([...speakersWhoMention.values()].sort((x, y) => y.n - x.n || x.name.localeCompare(y.name)), (rows) =>
          table(["Speaker", "Quotes"], rows.map((r) => [r.id ? link(actorHash(r.id), r.name) : r.name, String(r.n)])))),
      section("How speakers stand toward it", "stance-speakers",
        none(data.stances_by_speaker, (rows) => stanceTable(rows, "holder", "Speaker", "holder_name")),
        el("h3", {}, "By outlet"),
        none(data.stances_by_outlet, (rows) => stanceTable(rows, "outlet", "Outlet", null))),
      section("Over time", "over-time",
        none(data.over_time, (rows) => table(["Month", "Mentions", "", "Articles", "Stances", "Mean stance", ""], rows.map((r) => {
          const bar = el("span", { class: "countbar" });
          bar.style.width = `${Math.round((100 * r.mentions) / maxMentions)}px`;
          return [r.month, String(r.mentions), bar, String(r.articles), String(r.stances), fmtScore(r.mean_stance), scoreBar(r.mean_stance)];
        }))),
        el("h3", {}, "Relations over time with"),
        el("div", { class: "filters" }, pick, " by ", by, " ", go), box),
      section("Stance evidence", "stance-evidence",
        none(data.stances, (rows) => el("ol", {}, rows.map((s) => el("li", { class: s.sign > 0 ? "pos" : "neg" },
          el("strong", {}, s.holder === "outlet" ? "the outlet" : s.holder_name), " ", el("span", { class: `badge ${s.sign > 0 ? "pos" : "neg"}` }, fmtScore(s.score)), " ",
          s.evidence.map((e) => el("q", { lang: s.language }, truncate(e.text, 200))), " ",
          el("span", { class: "muted small" }, link(articleHash(s.article_id), s.title || s.article_id), ` · ${[s.outlet, s.published].filter(Boolean).join(", ")}`)))))),
      section("Quotes by it", "quotes-by", none(data.quotes_by, (rows) => quoteList(rows, false))),
      section("Quotes about it", "quotes-about", none(data.quotes_about, (rows) => quoteList(rows, true))),
      section("Articles", "actor-articles", none(data.articles, (rows) => table(["Published", "Outlet", "Title", "Mentions"], rows.map((r) =>
        [r.published || "–", r.outlet || "–", link(articleHash(r.id), r.title || r.id, { lang: r.language }), String(r.mentions)])))),
    ),
  );
}
