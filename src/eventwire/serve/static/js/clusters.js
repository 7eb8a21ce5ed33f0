// Clusters: real-world events, each made of the events of every article that reports it, most
// reported first. A row opens (and closes) its reports: each article with the sentence it was read
// from, a link to that event in its article. "#/cluster/ID" shows one cluster with its reports open.

import { api, clusterLink, esc, eventLink, filtersOf, link, pager, plural, typeBadge } from "./util.js";

const PAGE = 50;
const NAMES_SHOWN = 2;  // the names an actor goes by most; the rest are in a tooltip

export async function renderClusters(main, params) {
  const offset = Math.max(0, parseInt(params.offset, 10) || 0);
  const data = await api("/api/clusters", { ...filtersOf(params), limit: PAGE, offset });
  main.innerHTML = pager("clusters", "real-world events", { ...data, count: data.clusters.length }, params, PAGE) +
    (data.clusters.length ? table(data.clusters) : `<p class="empty">No clusters match these filters.</p>`) +
    notes(params);
  setUpRows(main);
}

export async function renderCluster(main, params, [clusterId]) {
  const data = await api(`/api/clusters/${encodeURIComponent(clusterId)}`);
  main.innerHTML = `<p class="muted small"><a href="${link("clusters")}">← Clusters</a> · ${esc(clusterId)}</p>` +
    table([data.cluster]) + notes(params);
  setUpRows(main);
  const row = main.querySelector("tr.cluster");
  await open(row, data.events);
}

function table(clusters) {
  const rows = clusters.map((c) => `
    <tr class="cluster" data-cluster="${esc(c.cluster_id)}">
      <td class="date"><button type="button" class="expand" aria-expanded="false"
        aria-controls="members-${esc(c.cluster_id)}" title="Show the reports">▸</button> ${dates(c.date_first, c.date_last)}</td>
      <td>${typeBadge(c.type)}<div class="muted small">${cameo(c)}</div></td>
      <td class="who">${actors(c.source_names, c.source_codes)}
        ${c.target_names?.length || c.target_codes?.length ? `<div class="arrow">→ ${actors(c.target_names, c.target_codes)}</div>` : ""}</td>
      <td class="place">${esc(c.place_name)}${c.country ? ` <span class="muted">${esc(c.country)}</span>` : ""}</td>
      <td class="reports"><span class="articles">${plural(c.num_articles, "article")}</span> ·
        <span class="outlets">${plural(c.num_sources, "outlet")}</span>
        ${c.num_events > c.num_articles ? `<div class="muted small">${plural(c.num_events, "event")}</div>` : ""}</td>
      <td class="date seen">${dates(c.first_seen, c.last_seen)}</td>
    </tr>`).join("");
  return `<table class="clusters">
    <thead><tr><th>Date</th><th>Type</th><th>Source → target</th><th>Place</th><th>Reported in</th><th>First–last seen</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}

/** "2025-03-09" or "2025-03-09 – 2025-03-10". */
function dates(first, last) {
  if (!first) return `<span class="muted">undated</span>`;
  return first === last || !last ? esc(first) : `${esc(first)} –<br>${esc(last)}`;
}

/** "CAMEO 195", "Goldstein −10.0" on two lines. */
function cameo(c) {
  const parts = [];
  if (c.cameo) parts.push(`CAMEO ${esc(c.cameo)}`);
  if (c.goldstein != null) {
    const value = (c.goldstein > 0 ? "+" : c.goldstein < 0 ? "−" : "") + Math.abs(c.goldstein).toFixed(1);
    parts.push(`<span title="Goldstein scale: −10 most conflictual to +10 most cooperative">Goldstein ${value}</span>`);
  }
  return parts.join("<br>");
}

/** The names the reports use, most used first (the rest in a tooltip), then the actor codes. */
function actors(names, codes) {
  const shown = (names || []).filter(Boolean);
  const more = shown.length > NAMES_SHOWN
    ? ` <span class="muted small" title="${esc(shown.slice(NAMES_SHOWN).join("\n"))}">+${shown.length - NAMES_SHOWN} more</span>` : "";
  const text = shown.slice(0, NAMES_SHOWN).map((n) => `<span class="name">${esc(n)}</span>`).join(", ") + more;
  const coded = (codes || []).filter(Boolean).map((c) => `<code>${esc(c)}</code>`).join(" ");
  return (text || `<span class="muted">unnamed</span>`) + (coded ? ` ${coded}` : "");
}

function notes(params) {
  const negated = params.include_negated === "true" ? " Negated and hypothetical events are in no cluster." : "";
  return `<div class="notes small muted"><p>A cluster is one real-world event: the events of all articles with the
    same type and actors, close dates and, for acts done at a place, the same place.${negated}
    Click a row for its reports.</p></div>`;
}

/** A click on a row (or its button) opens or closes the reports under it. */
function setUpRows(main) {
  for (const row of main.querySelectorAll("tr.cluster")) {
    row.addEventListener("click", (e) => {
      if (e.target.closest("a")) return;
      const shown = row.nextElementSibling?.classList.contains("members") ? row.nextElementSibling : null;
      if (shown) {
        const hide = !shown.hidden;
        shown.hidden = hide;
        row.querySelector("button.expand").setAttribute("aria-expanded", String(!hide));
        row.classList.toggle("open", !hide);
      } else {
        open(row).catch((error) => {
          row.nextElementSibling.querySelector("td").innerHTML = `<p class="error" role="alert">${esc(error.message)}</p>`;
        });
      }
    });
  }
}

/** Put the cluster's reports under its row; fetches them unless given. */
async function open(row, events) {
  const id = row.dataset.cluster;
  const members = document.createElement("tr");
  members.className = "members";
  members.id = `members-${id}`;
  members.innerHTML = `<td colspan="6"><p class="muted small">Loading the reports…</p></td>`;
  row.after(members);
  row.classList.add("open");
  row.querySelector("button.expand").setAttribute("aria-expanded", "true");
  events ??= (await api(`/api/clusters/${encodeURIComponent(id)}`)).events;
  members.querySelector("td").innerHTML = reports(events, id);
}

/** The member events grouped by article, in the order the articles were published. */
function reports(events, id) {
  const byDoc = new Map();
  for (const e of events) {
    if (!byDoc.has(e.doc_id)) byDoc.set(e.doc_id, []);
    byDoc.get(e.doc_id).push(e);
  }
  const items = [...byDoc.values()].map((list) => {
    const doc = list[0];
    const meta = [doc.publisher, doc.published].filter(Boolean).map(esc).join(" · ");
    // two events read from one sentence (other actors named) show it once, linking to the first
    const seen = new Set();
    const unique = list.filter((e) => !seen.has(e.evidence) && seen.add(e.evidence));
    const sentences = unique.map((e) => `<li><a class="evidence" href="${eventLink(e.doc_id, e.event_id)}">${esc(e.evidence)}</a>` +
      (e.date && e.date !== doc.published ? ` <span class="muted small date" title="the event's date in this article">(${esc(e.date)})</span>` : "") + `</li>`).join("");
    return `<li class="report"><div class="small"><strong>${meta || esc(doc.doc_id)}</strong> ·
      <span class="title">${esc(doc.title || doc.doc_id)}</span></div><ul>${sentences}</ul></li>`;
  }).join("");
  return `<ol class="reports">${items}</ol>
    <p class="small muted">${plural(events.length, "event")} in ${plural(byDoc.size, "article")} ·
      <a href="${clusterLink(id)}">link to this cluster</a></p>`;
}
