// Hash routes: #/articles?filters, #/article/ID, #/network?filters, #/actors, #/actor/ID.

import { facets } from "./api.js";
import { el } from "./dom.js";
import { showList } from "./list.js";
import { showArticle } from "./article.js";
import { showNetwork } from "./network.js";
import { showActors, showActor } from "./actor.js";

const ROUTES = {
  articles: showList,
  article: showArticle,
  network: showNetwork,
  actors: showActors,
  actor: showActor,
};

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, "");
  const cut = hash.indexOf("?");
  const path = cut < 0 ? hash : hash.slice(0, cut);
  const query = cut < 0 ? "" : hash.slice(cut + 1);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { name: parts[0] || "articles", arg: parts[1] || null, params: new URLSearchParams(query) };
}

let current = 0;

async function render() {
  const token = ++current;
  const route = parseHash();
  const view = document.getElementById("view");
  const page = el("div", { class: `page page-${route.name}` }, el("p", { class: "muted" }, "Loading…"));
  view.removeAttribute("data-ready");
  view.replaceChildren(page);
  for (const a of document.querySelectorAll("[data-nav]")) {
    a.classList.toggle("active", a.dataset.nav === route.name || a.dataset.nav + "s" === route.name
      || (route.name === "article" && a.dataset.nav === "articles")
      || (route.name === "actor" && a.dataset.nav === "actors"));
  }
  const show = ROUTES[route.name];
  try {
    if (!show) throw new Error(`no page ${route.name}`);
    await show(page, route, () => token === current);
  } catch (err) {
    if (token !== current) return;
    page.replaceChildren(el("p", { class: "error" }, `Error: ${err.message}`));
  }
  if (token === current) view.dataset.ready = route.name;
}

async function corpusInfo() {
  try {
    const f = await facets();
    const span = f.first && f.last ? `, ${f.first} – ${f.last}` : "";
    document.getElementById("corpus-info").textContent = `${f.articles} articles${span}`;
  } catch {
    /* the views say what is wrong */
  }
}

window.addEventListener("hashchange", render);
corpusInfo();
render();
