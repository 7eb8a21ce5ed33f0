// The explorer's router: the view and its filters live in the URL hash ("#/events?actor=eln"),
// so every view can be bookmarked, shared and reached with the browser's back button.

import { renderArticle, renderDocument } from "./article.js";
import { renderCluster, renderClusters } from "./clusters.js";
import { renderEvents } from "./events.js";
import { renderMap } from "./map.js";
import { renderNetwork } from "./network.js";
import { renderQuotes } from "./quotes.js";
import { renderTimeline } from "./timeline.js";
import { api, esc, FILTERS, filtersOf, link, plural, TYPES } from "./util.js";

const VIEWS = {
  events: renderEvents, clusters: renderClusters, timeline: renderTimeline, map: renderMap,
  network: renderNetwork, quotes: renderQuotes, event: renderArticle, document: renderDocument,
  cluster: renderCluster,
};
// The views reached from a tab's view, shown with that tab active.
const TAB_OF = { event: "events", document: "events", cluster: "clusters" };
// The views that show events take the shared filters; each keeps them when you switch tabs.
const FILTERED = new Set(["events", "clusters", "timeline", "map", "network"]);

/** {view, path: [...], params: {...}} of the current hash. */
function route() {
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const [view, ...rest] = path.split("/").map(decodePart);
  return { view: VIEWS[view] ? view : "events", path: rest, params: Object.fromEntries(new URLSearchParams(query)) };
}

/** A part of the path, decoded; a badly encoded one is taken as it is. */
function decodePart(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

let navigations = 0;  // counts the views asked for, so that only the latest is shown

async function show() {
  const { view, path, params } = route();
  const main = document.getElementById("view");
  const form = document.getElementById("filters");
  form.hidden = !FILTERED.has(view);
  fillForm(form, params);
  for (const tab of document.querySelectorAll("#tabs a[data-view]")) {
    const active = tab.dataset.view === (TAB_OF[view] || view);
    tab.classList.toggle("active", active);
    if (active) tab.setAttribute("aria-current", "page"); else tab.removeAttribute("aria-current");
    if (FILTERED.has(tab.dataset.view)) tab.href = link(tab.dataset.view, FILTERED.has(view) ? filtersOf(params) : {});
  }
  // A view draws off-screen and is shown only if no later navigation has started meanwhile, so
  // a slow answer never overwrites a newer view.
  const shown = ++navigations;
  const target = document.createElement("div");
  let after;
  main.setAttribute("aria-busy", "true");
  try {
    after = await VIEWS[view](target, params, path);
  } catch (error) {
    target.innerHTML = `<p class="error" role="alert">${esc(error.message)}</p>`;
  }
  if (shown !== navigations) return;
  main.replaceChildren(...target.childNodes);
  main.removeAttribute("aria-busy");
  if (typeof after === "function") after();
}

function fillForm(form, params) {
  for (const name of FILTERS) {
    const input = form.elements[name];
    if (input.type === "checkbox") input.checked = params[name] === "true";
    else input.value = params[name] || "";
  }
}

function setUpForm() {
  const form = document.getElementById("filters");
  form.elements.type.insertAdjacentHTML("beforeend",
    TYPES.map((t) => `<option value="${t}">${t}</option>`).join(""));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const { view, params } = route();
    const next = {};
    for (const name of FILTERS) {
      const input = form.elements[name];
      next[name] = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
    }
    // the view's own settings (e.g. the timeline's day/month) stay; the page starts over
    const own = Object.fromEntries(Object.entries(params).filter(([k]) => !FILTERS.includes(k) && k !== "offset"));
    location.hash = link(view, { ...own, ...next });
  });
  form.addEventListener("reset", () => setTimeout(() => form.requestSubmit()));
}

async function showSummary() {
  const s = await api("/api/summary");
  const dates = s.date_first ? `, ${s.date_first} to ${s.date_last}` : "";
  document.getElementById("summary").textContent =
    `${plural(s.documents, "article")}, ${plural(s.events, "event")}, ${plural(s.quotes, "quote")}${dates}`;
}

setUpForm();
window.addEventListener("hashchange", show);
show();
showSummary().catch(() => {});
