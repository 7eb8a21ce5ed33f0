// Timeline: matching events counted by month (or day) as bars stacked by PLOVER type, in SVG.
// A bar segment links to the events of that date and type.

import { api, esc, filtersOf, link, number, plural, svg, tooltip, TYPE_COLORS, TYPES } from "./util.js";

const SIZE = { width: 960, height: 340, left: 44, right: 12, top: 12, bottom: 44 };
const MAX_FILLED_DAYS = 370;  // beyond a year of days, bars would be slivers: show dated days only

export async function renderTimeline(main, params) {
  const by = params.by === "day" ? "day" : "month";
  const data = await api("/api/timeline", { ...filtersOf(params), by });
  const switcher = ["month", "day"].map((b) => b === by ? `<strong>by ${b}</strong>` :
    `<a href="${link("timeline", { ...filtersOf(params), by: b })}">by ${b}</a>`).join(" · ");
  main.innerHTML = `<div class="pager"><span class="count">${plural(data.total, "event")}</span>
    <span>${switcher}</span></div><div class="chart"></div><div class="notes small muted"></div>`;
  if (!data.buckets.length) {
    main.querySelector(".chart").innerHTML = `<p class="empty">No dated events match these filters.</p>`;
    return;
  }
  const { slots, gapless } = slotsOf(data.buckets, by);
  main.querySelector(".chart").append(chart(slots, data.buckets, params), legend(data.buckets));
  main.querySelector(".notes").innerHTML = notes(data, by, gapless);
}

/** The x axis: every month (or day) from the first to the last, or only dated days. */
function slotsOf(buckets, by) {
  const dates = [...new Set(buckets.map((b) => b.date))].sort();
  const step = by === "month" ? nextMonth : nextDay;
  const all = [];
  for (let d = dates[0]; d <= dates.at(-1) && all.length <= MAX_FILLED_DAYS; d = step(d)) all.push(d);
  return all.length <= MAX_FILLED_DAYS ? { slots: all, gapless: true } : { slots: dates, gapless: false };
}

function nextMonth(ym) {
  const [y, m] = ym.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

function nextDay(ymd) {
  const d = new Date(ymd + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function chart(slots, buckets, params) {
  const { width, height, left, right, top, bottom } = SIZE;
  const plotW = width - left - right, plotH = height - top - bottom;
  const counts = new Map(slots.map((s) => [s, {}]));
  for (const b of buckets) counts.get(b.date)[b.type] = b.count;
  const max = Math.max(...[...counts.values()].map((c) => Object.values(c).reduce((a, n) => a + n, 0)));
  const tick = niceStep(max);
  const ceiling = Math.ceil(max / tick) * tick;
  const y = (n) => top + plotH - (n / ceiling) * plotH;
  const slotW = plotW / slots.length, barW = Math.max(1, slotW * 0.8);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline", role: "img",
    "aria-label": "Events over time, stacked by type" });
  for (let n = 0; n <= ceiling; n += tick) {
    root.append(svg("line", { x1: left, x2: width - right, y1: y(n), y2: y(n), class: "grid" }),
      svg("text", { x: left - 6, y: y(n) + 4, class: "axis", "text-anchor": "end" }, number(n)));
  }
  const labelEvery = Math.ceil(slots.length * 64 / plotW);
  slots.forEach((slot, i) => {
    const x = left + i * slotW + (slotW - barW) / 2;
    let base = 0;
    for (const type of TYPES) {
      const n = counts.get(slot)[type];
      if (!n) continue;
      const a = svg("a", { href: link("events", { ...filtersOf(params), type, since: slot, until: slot }) });
      a.append(tooltip(svg("rect", { x, y: y(base + n), width: barW, height: y(base) - y(base + n),
        fill: TYPE_COLORS[type], class: "bar", "data-type": type, "data-date": slot }), `${slot} ${type}: ${n}`));
      root.append(a);
      base += n;
    }
    if (i % labelEvery === 0) {
      root.append(svg("text", { x: left + (i + 0.5) * slotW, y: height - bottom + 18, class: "axis",
        "text-anchor": "middle" }, slot));
    }
  });
  root.append(svg("line", { x1: left, x2: width - right, y1: y(0), y2: y(0), class: "baseline" }));
  return root;
}

/** 1, 2, 5, 10, 20, 50...: a step that gives about five grid lines up to `max`. */
function niceStep(max) {
  const rough = Math.max(1, max / 5);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough);
}

function legend(buckets) {
  const totals = {};
  for (const b of buckets) totals[b.type] = (totals[b.type] || 0) + b.count;
  const list = document.createElement("ul");
  list.className = "legend-list";
  list.innerHTML = TYPES.filter((t) => totals[t]).map((t) =>
    `<li><span class="swatch" style="background:${TYPE_COLORS[t]}"></span>${esc(t)} <span class="muted">${number(totals[t])}</span></li>`).join("");
  return list;
}

function notes(data, by, gapless) {
  const out = [];
  const imprecise = data.imprecise.reduce((a, t) => a + t.count, 0);
  if (imprecise) {
    out.push(`${plural(imprecise, "event")} dated only to ${by === "day" ? "a month or a year" : "a year"} ` +
      `${imprecise === 1 ? "is" : "are"} not drawn.`);
  }
  if (!gapless) out.push("Days without events are left out of the axis.");
  out.push("An event without a date of its own is dated by its article. Click a bar to list its events.");
  return out.map((s) => `<p>${s}</p>`).join("");
}
