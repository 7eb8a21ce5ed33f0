// Events: the table of matching events, a page at a time; a row opens the event in its article.
// An event that other articles report too has a badge ("×4") that opens its cluster.

import { actors, api, clusterLink, esc, eventLink, filtersOf, pager, plural, typeBadge } from "./util.js";

const PAGE = 50;

export async function renderEvents(main, params) {
  const offset = Math.max(0, parseInt(params.offset, 10) || 0);
  const data = await api("/api/events", { ...filtersOf(params), limit: PAGE, offset });
  main.innerHTML = pager("events", "events", { ...data, count: data.events.length }, params, PAGE) +
    (data.events.length ? table(data.events) : `<p class="empty">No events match these filters.</p>`);
  for (const row of main.querySelectorAll("tr[data-href]")) {
    row.addEventListener("click", (e) => { if (!e.target.closest("a")) location.hash = row.dataset.href; });
  }
}

function table(events) {
  const rows = events.map((e) => `
    <tr data-href="${eventLink(e.doc_id, e.event_id)}">
      <td class="date">${esc(e.date)}</td>
      <td>${typeBadge(e.type, e.negated)}<div class="muted small">${esc(e.cameo)}</div></td>
      <td class="who">${actors(e.source_names, e.source_codes)}</td>
      <td class="who">${actors(e.target_names, e.target_codes)}</td>
      <td class="place">${esc(e.place_name)}${e.country ? ` <span class="muted">${esc(e.country)}</span>` : ""}</td>
      <td class="evidence"><a href="${eventLink(e.doc_id, e.event_id)}">${esc(e.evidence)}</a>
        <div class="muted small">${reports(e)}${esc(e.title || e.doc_id)}</div></td>
    </tr>`).join("");
  return `<table class="events">
    <thead><tr><th>Date</th><th>Type</th><th>Source</th><th>Target</th><th>Place</th><th>Evidence</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}

/** A "×3" badge linking to the event's cluster when several articles report it. */
function reports(e) {
  if (!e.cluster_id || !(e.num_articles > 1)) return "";
  const said = `reported in ${plural(e.num_articles, "article")} from ${plural(e.num_sources, "outlet")}`;
  return `<a class="reported" href="${clusterLink(e.cluster_id)}" title="${said}" aria-label="${said}">×${e.num_articles}</a> `;
}
