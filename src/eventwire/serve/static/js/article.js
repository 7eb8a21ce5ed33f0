// Article: the text of an article with what was read from it marked, and a side panel.
// "#/event/DOC/EVENT" puts one event in focus: its evidence sentence highlighted, its actors'
// mentions marked by role, the quote it came from underlined boldly. "#/document/DOC?quote=Q3"
// shows the article with one quote in focus. Each returns what to do once it is on screen.

import { api, clusterLink, documentLink, esc, eventLink, link, plural, typeBadge } from "./util.js";

export async function renderArticle(main, params, [docId, eventId]) {
  const data = await api(`/api/events/${encodeURIComponent(docId)}/${encodeURIComponent(eventId)}`);
  const { event, document: doc, highlight } = data;
  const spans = [
    ...doc.spans.mentions.map((m) => mentionSpan(m, "mention")),
    ...highlight.actors.map((m) => mentionSpan(m, `actor ${m.role}`)),
    ...doc.spans.quotes.map((q) => quoteSpan(q, q.quote_id === highlight.quote?.quote_id ? "quote focus" : "quote")),
    ...highlight.also_evidence.map((s) => ({ ...s, cls: "also", title: "the same event, reported again" })),
  ];
  main.innerHTML = layout(doc, articleText(doc.text, spans, highlight.evidence, "evidence"),
    eventPanel(event, highlight) + otherEvents(doc, event.event_id));
  const mark = main.querySelector(".text mark.evidence");
  return () => mark?.scrollIntoView({ block: "center" });
}

export async function renderDocument(main, params, [docId]) {
  const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
  const focus = doc.spans.quotes.find((q) => q.quote_id === params.quote);
  const spans = [
    ...doc.spans.mentions.map((m) => mentionSpan(m, "mention")),
    ...doc.spans.quotes.map((q) => quoteSpan(q, "quote")),
  ];
  const panel = (focus ? quotePanel(focus) : "") + otherEvents(doc);
  main.innerHTML = layout(doc, articleText(doc.text || "", spans, focus, "focus-quote"), panel);
  const mark = main.querySelector(".text mark.focus-quote");
  return () => mark?.scrollIntoView({ block: "center" });
}

function mentionSpan(m, cls) {
  const code = m.code ? ` (${m.code})` : "";
  const role = m.role ? `${m.role}: ` : "";
  return { start: m.start, end: m.end, cls, title: `${role}${m.name}${code}` };
}

function quoteSpan(q, cls) {
  return { start: q.start, end: q.end, cls, title: `quote (${q.kind || "?"}) — ${q.speaker || "unknown speaker"} ${q.cue || ""}` };
}

function layout(doc, textHtml, panelHtml) {
  const meta = [doc.publisher, doc.published, doc.author].filter(Boolean).map(esc).join(" · ");
  const url = doc.url ? ` · <a href="${esc(doc.url)}" rel="noreferrer noopener" target="_blank">original</a>` : "";
  return `<div class="article-view">
    <article class="article">
      <p class="muted small"><a href="#/events">← Events</a> · ${esc(doc.id)}</p>
      <h2>${esc(doc.title || doc.id)}</h2>
      <p class="muted">${meta}${url}</p>
      ${legend()}
      <div class="text">${textHtml}</div>
    </article>
    <aside class="panel">${panelHtml}</aside>
  </div>`;
}

function legend() {
  return `<p class="legend small">
    <mark class="evidence">evidence</mark> <span class="actor source">source</span>
    <span class="actor target">target</span> <span class="mention">other mention</span>
    <span class="quote">quote</span> <span class="quote focus">the event's quote</span></p>`;
}

/**
 * The article text as HTML, each span marked; `focus` (a {start, end}) becomes one <mark> element
 * of class `focusClass`, so its text is the whole sentence even where other spans cut into it.
 * Offsets count Unicode code points (as Python does), not JavaScript's UTF-16 units.
 */
export function articleText(text, spans, focus, focusClass) {
  const at = utf16Offsets(text);
  const piece = (from, to) => segments(text, at, from, to, spans);
  if (!focus) return piece(0, at.length - 1);
  return piece(0, focus.start) + `<mark class="${focusClass}">${piece(focus.start, focus.end)}</mark>` +
    piece(focus.end, at.length - 1);
}

/** at[i] = the UTF-16 index of code point i; at[n] = text.length. */
function utf16Offsets(text) {
  const at = [];
  let i = 0;
  for (const ch of text) { at.push(i); i += ch.length; }
  at.push(i);
  return at;
}

/** HTML of text[from:to] (code points), cut wherever a span starts or ends. */
function segments(text, at, from, to, spans) {
  const cuts = new Set([from, to]);
  for (const s of spans) {
    for (const p of [s.start, s.end]) if (p > from && p < to) cuts.add(p);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = esc(text.slice(at[a], at[b]));
    const on = spans.filter((s) => s.start <= a && s.end >= b);
    if (!on.length) { html += piece; continue; }
    const classes = [...new Set(on.flatMap((s) => s.cls.split(" ")))].join(" ");
    html += `<span class="${classes}" title="${esc(on.map((s) => s.title).join("\n"))}">${piece}</span>`;
  }
  return html;
}

function eventPanel(e, highlight) {
  const row = (label, value) => value ? `<dt>${label}</dt><dd>${value}</dd>` : "";
  const q = highlight.quote;
  const quote = q ? [q.speaker || "unattributed", q.cue, q.kind].filter(Boolean).map(esc).join(" · ") : "";
  const reported = `${plural(e.num_articles, "article")}, ${plural(e.num_sources, "outlet")}`;
  const cluster = !e.num_articles ? "" : e.num_articles > 1 ? `<a href="${clusterLink(e.cluster_id)}">${reported}</a>` : reported;
  return `<h3>Event ${esc(e.event_id)}</h3>
    <dl class="fields">
      ${row("Type", `${typeBadge(e.type, e.negated)} <span class="muted small">${esc(e.quad_class)}</span>`)}
      ${row("CAMEO", esc(e.cameo))}
      ${row("Date", esc(e.date))}
      ${row("Source", actorLinks(e.source_names, e.source_codes))}
      ${row("Target", actorLinks(e.target_names, e.target_codes))}
      ${row("Place", placeText(e))}
      ${row("Mode", esc(e.mode))}
      ${row("Status", e.negated ? `not counted: ${esc(e.modality || "negated")}` : "")}
      ${row("Quote", quote)}
      ${row("Confidence", e.confidence != null ? e.confidence.toFixed(2) : "")}
      ${row("Pattern", e.pattern ? `<code>${esc(e.pattern)}</code>` : "")}
      ${row("Reported in", cluster)}
    </dl>
    <p class="evidence-text small"><strong>Evidence:</strong> ${esc(e.evidence)}</p>`;
}

/** Each actor a link to its events, with its code. */
function actorLinks(names, codes) {
  return (names || []).map((name, i) => name ? `<a class="name" href="${link("events", { actor: codes[i] || name })}">` +
    `${esc(name)}</a>${codes[i] ? ` <code>${esc(codes[i])}</code>` : ""}` : "").filter(Boolean).join(", ");
}

function placeText(e) {
  if (!e.place_name) return "";
  const at = e.lat != null ? ` <span class="muted small">${e.lat.toFixed(2)}, ${e.lon.toFixed(2)}</span>` : "";
  return `<a href="${link("events", { place: e.place_name })}">${esc(e.place_name)}</a> ${esc(e.country || "")}${at}`;
}

function quotePanel(q) {
  return `<h3>Quote ${esc(q.quote_id)}</h3>
    <dl class="fields"><dt>Speaker</dt><dd>${esc(q.speaker || "unknown")}</dd>
    <dt>Cue</dt><dd>${esc(q.cue)}</dd><dt>Kind</dt><dd>${esc(q.kind)}</dd></dl>`;
}

/** The article's events, each a link to itself in focus. */
function otherEvents(doc, current) {
  const chars = [...(doc.text || "")];  // code points, as the offsets count
  const items = doc.spans.events.map((e) => {
    const sentence = chars.slice(e.start, e.end).join("");
    const label = `${typeBadge(e.type, e.negated)} ${esc(sentence.length > 90 ? sentence.slice(0, 89) + "…" : sentence)}`;
    return e.event_id === current ? `<li class="current">${label}</li>`
      : `<li><a href="${eventLink(doc.id, e.event_id)}">${label}</a></li>`;
  }).join("");
  return `<h3>Events in this article (${doc.spans.events.length})</h3><ol class="article-events small">${items}</ol>
    <p class="small"><a href="${documentLink(doc.id)}">Article without an event in focus</a></p>`;
}
