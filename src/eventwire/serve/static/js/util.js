// Small helpers shared by the views: escaping, API calls, SVG elements, colours, links.

/** Text made safe to put inside HTML, attributes included: esc('<b>"') === '&lt;b&gt;&quot;' */
export function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
  })[c]);
}

/** "?a=1&b=x" from {a: 1, b: "x", c: ""}: empty and false values are left out. */
export function queryString(params) {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "" && v !== false);
  return pairs.length ? "?" + new URLSearchParams(pairs).toString() : "";
}

/** The JSON of GET /api/PATH?params; an error carries the API's message. */
export async function api(path, params = {}) {
  const response = await fetch(path + queryString(params));
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(errorMessage(response.status, body));
  return body;
}

function errorMessage(status, body) {
  const detail = body.detail;
  if (Array.isArray(detail)) {  // FastAPI's validation errors: [{loc: [..., "since"], msg}]
    return detail.map((d) => `${d.loc.at(-1)}: ${d.msg}`).join("; ");
  }
  return detail || `the server answered ${status}`;
}

/** An SVG element with attributes; text, if given, goes in as text (never as markup). */
export function svg(tag, attrs = {}, text) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A <title> child: the tooltip of an SVG shape. */
export function tooltip(node, text) {
  node.appendChild(svg("title", {}, text));
  return node;
}

// PLOVER types in manual order, coloured by quad class: blues for verbal cooperation, greens for
// material cooperation, ambers for verbal conflict, reds and purples for material conflict.
export const TYPE_COLORS = {
  AGREE: "#1d4f91", CONSULT: "#3a7bd5", SUPPORT: "#79a9e8", CONCEDE: "#b5cff2",
  COOPERATE: "#2d7a3e", AID: "#5fae6b", RETREAT: "#a8d5a2",
  REQUEST: "#9a5b00", ACCUSE: "#d9861c", REJECT: "#f0b45a", THREATEN: "#f7d68a",
  PROTEST: "#6b2a7a", SANCTION: "#a3508f", MOBILIZE: "#e07a7a", COERCE: "#c0392b", ASSAULT: "#7a1010",
};
export const TYPES = Object.keys(TYPE_COLORS);

/** Dark text on the light type colours, white on the dark ones (for contrast). */
export function inkOn(color) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? "#1d232b" : "#fff";
}

/** A coloured badge naming an event type. */
export function typeBadge(type, negated = false) {
  const mark = negated ? " negated" : "";
  const color = TYPE_COLORS[type] || "#666666";
  return `<span class="type${mark}" style="--type-color:${color};--type-ink:${inkOn(color)}"` +
    ` title="${negated ? "negated or hypothetical: not counted" : esc(type)}">${esc(type)}</span>`;
}

/** "a, b" from a list of names, leaving out empty ones. */
export function names(list) {
  return (list || []).filter(Boolean).join(", ");
}

/** The hash link of a view: link("events", {actor: "eln"}) === "#/events?actor=eln" */
export function link(view, params = {}) {
  return `#/${view}${queryString(params)}`;
}

/** The hash link of an event in its article. */
export function eventLink(docId, eventId) {
  return `#/event/${encodeURIComponent(docId)}/${encodeURIComponent(eventId)}`;
}

/** The hash link of a cluster: one real-world event with its reports. */
export function clusterLink(clusterId) {
  return `#/cluster/${encodeURIComponent(clusterId)}`;
}

/** The hash link of an article, optionally with one quote in focus. */
export function documentLink(docId, quoteId) {
  return `#/document/${encodeURIComponent(docId)}${queryString({ quote: quoteId })}`;
}

/** "1,234" */
export function number(n) {
  return Number(n).toLocaleString("en-GB");
}

/** "1 event", "3 events" */
export function plural(n, noun) {
  return `${number(n)} ${noun}${n === 1 ? "" : "s"}`;
}

// The filters the event views share (the query parameters of /api/events).
export const FILTERS = ["actor", "type", "since", "until", "place", "q", "include_negated"];

/** The filters among `params`, for API calls and for links between views. */
export function filtersOf(params) {
  return Object.fromEntries(FILTERS.filter((k) => params[k]).map((k) => [k, params[k]]));
}

/** "1–50 of 105 events" with previous/next links to the pages of `view`, keeping the filters. */
export function pager(view, noun, { total, offset, count }, params, size) {
  const shown = count ? `${number(offset + 1)}–${number(offset + count)} of ${number(total)}` : `0 of ${number(total)}`;
  const to = (o) => link(view, { ...filtersOf(params), offset: o || "" });
  const prev = pageButton("← Previous", "prev", offset > 0 && to(Math.max(0, offset - size)));
  const next = pageButton("Next →", "next", offset + count < total && to(offset + size));
  return `<div class="pager"><span class="count" aria-live="polite">${shown} ${noun}</span>${prev}${next}</div>`;
}

/** A link styled as a button, or a greyed-out label where there is nowhere to go. */
function pageButton(label, rel, href) {
  return href ? `<a class="button" rel="${rel}" href="${href}">${label}</a>` : `<span class="button disabled">${label}</span>`;
}

/** Actor names, each with its code: "Israeli military <code>ISRMIL</code><br>...". */
export function actors(list, codes) {
  return (list || []).map((name, i) => name ? `<span class="name">${esc(name)}</span>` +
    (codes?.[i] ? ` <code>${esc(codes[i])}</code>` : "") : "").filter(Boolean).join("<br>");
}
