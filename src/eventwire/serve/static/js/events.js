// Events: the table of matching events, a page at a time; a row opens the event in its article.

import { api, esc, eventLink, filtersOf, link, number, typeBadge } from "./util.js";

const PAGE = 50;

export async function renderEvents(main, params) {
  const offset = Math.max(0, parseInt(params.offset, 10) || 0);
  const data = await api("/api/events", { ...filtersOf(params), limit: PAGE, offset });
  main.innerHTML = pager(data, params) + (data.events.length ? table(data.events) :
    `<p class="empty">No events match these filters.</p>`);
  for (const row of main.querySelectorAll("tr[data-href]")) {
    row.addEventListener("click", (e) => { if (!e.target.closest("a")) location.hash = row.dataset.href; });
  }
}

/** "1–50 of 105" with previous/next links that keep the filters. */
function pager({ total, offset, events }, params) {
  const first = events.length ? offset + 1 : 0;
  const shown = `${number(first)}–${number(offset + events.length)} of ${number(total)}`;
  const to = (o) => link("events", { ...filtersOf(params), offset: o || "" });
  const prev = button("← Previous", "prev", offset > 0 && to(Math.max(0, offset - PAGE)));
  const next = button("Next →", "next", offset + events.length < total && to(offset + PAGE));
  return `<div class="pager"><span class="count" aria-live="polite">${events.length ? shown : `0 of ${number(total)}`} events</span>${prev}${next}</div>`;
}

/** A link styled as a button, or a greyed-out label where there is nowhere to go. */
function button(label, rel, href) {
  return href ? `<a class="button" rel="${rel}" href="${href}">${label}</a>` : `<span class="button disabled">${label}</span>`;
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
        <div class="muted small">${esc(e.title || e.doc_id)}${reports(e)}</div></td>
    </tr>`).join("");
  return `<table class="events">
    <thead><tr><th>Date</th><th>Type</th><th>Source</th><th>Target</th><th>Place</th><th>Evidence</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}

function actors(list, codes) {
  return (list || []).map((name, i) => name ? `<span class="name">${esc(name)}</span>` +
    (codes[i] ? ` <code>${esc(codes[i])}</code>` : "") : "").filter(Boolean).join("<br>");
}

/** " · reported by 3 articles from 2 sources" when the event's cluster spans several articles. */
function reports(e) {
  if (!e.num_articles || e.num_articles < 2) return "";
  return ` · reported in ${e.num_articles} articles from ${e.num_sources} sources`;
}
