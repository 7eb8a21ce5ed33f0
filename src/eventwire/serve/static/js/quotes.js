// Quotes: who is quoted, most quoted first; a speaker's quotes with cue, date and article.

import { api, documentLink, esc, link, names, number, plural } from "./util.js";

const QUOTES_SHOWN = 200;

export async function renderQuotes(main, params) {
  const [speakers, quotes] = await Promise.all([
    api("/api/speakers", { limit: 500 }),
    params.speaker ? api("/api/quotes", { speaker: params.speaker, exact: true, limit: QUOTES_SHOWN }) : null,
  ]);
  main.innerHTML = `<div class="quotes-view">
    <nav class="speakers" aria-label="Speakers">
      <input type="search" id="speaker-filter" placeholder="Find a speaker" aria-label="Find a speaker">
      <ol>${speakers.map((s) => speakerItem(s, params.speaker)).join("")}</ol>
    </nav>
    <section class="speaker-quotes">${quotes ? quoteList(params.speaker, quotes) :
      `<p class="empty">Choose a speaker to read what they said.</p>`}</section>
  </div>`;
  const filter = main.querySelector("#speaker-filter");
  filter.addEventListener("input", () => {
    const text = filter.value.toLowerCase();
    for (const item of main.querySelectorAll(".speakers li")) {
      item.hidden = !item.dataset.name.toLowerCase().includes(text);
    }
  });
}

function speakerItem(s, current) {
  const here = s.name === current ? ` aria-current="true" class="current"` : "";
  return `<li data-name="${esc(s.name)}"><a href="${link("quotes", { speaker: s.name })}"${here}>
    <span class="name">${esc(s.name)}</span>${s.code ? ` <code>${esc(s.code)}</code>` : ""}
    <span class="count" title="${plural(s.quotes, "quote")} in ${plural(s.documents, "article")}">${number(s.quotes)}</span></a></li>`;
}

function quoteList(speaker, { total, quotes }) {
  const more = total > quotes.length ? ` (the first ${quotes.length})` : "";
  const items = quotes.map((q) => `<li class="quote-item">
    <blockquote>${esc(q.text)}</blockquote>
    <p class="small muted"><span class="cue">${esc(q.cue || "")}</span> · ${esc(q.kind || "")}
      ${q.cue_kind && q.cue_kind !== "speech" ? ` (${esc(q.cue_kind)})` : ""} · ${esc(q.date || "undated")}
      ${q.via?.filter(Boolean).length ? ` · via ${esc(names(q.via))}` : ""}
      · <a href="${documentLink(q.doc_id, q.quote_id)}">${esc(q.title || q.doc_id)}</a></p></li>`).join("");
  return `<h2>${esc(speaker)}</h2><p class="muted">${plural(total, "quote")}${more}</p><ol class="quote-list">${items}</ol>`;
}
