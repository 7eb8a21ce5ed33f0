// Network: actors as circles (sized by their events), arrows source → target (as thick as the
// number of events between them), laid out by a deterministic force layout so the same data
// always gives the same picture (see layout.js). A circle links to the events of that actor.

import { layoutGraph } from "./layout.js";
import { api, filtersOf, link, plural, svg, tooltip } from "./util.js";

const SIZE = { width: 960, margin: 70 };

export async function renderNetwork(main, params) {
  const minWeight = Math.max(1, parseInt(params.min_weight, 10) || 1);
  const data = await api("/api/network", { ...filtersOf(params), min_weight: minWeight });
  const options = [1, 2, 3, 5].map((w) => w === minWeight ? `<strong>${w}+</strong>` :
    `<a href="${link("network", { ...filtersOf(params), min_weight: w })}">${w}+</a>`).join(" · ");
  main.innerHTML = `<div class="pager"><span class="count">${plural(data.nodes.length, "actor")},
    ${plural(data.edges.length, "link")}</span><span>events per link: ${options}</span></div><div class="chart"></div>
    <p class="small muted">Actors are grouped by their code (a bare sector code like GOV or MIL is not enough:
    those are grouped by name). Arrows go from source to target; hover for counts, click an actor for its events.</p>`;
  if (!data.edges.length) {
    main.querySelector(".chart").innerHTML = `<p class="empty">No actor acts on another in the matching events.</p>`;
    return;
  }
  main.querySelector(".chart").append(draw(data, params));
}

function draw({ nodes, edges }, params) {
  const { at, height } = fit(nodes, edges);
  const r = (node) => 5 + 3 * Math.sqrt(node.events);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const root = svg("svg", { viewBox: `0 0 ${SIZE.width} ${height.toFixed(0)}`, class: "network", role: "img",
    "aria-label": "Network of actors: who acts on whom" });
  const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9,
    markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" });
  marker.append(svg("path", { d: "M0,0L10,5L0,10z", class: "arrowhead" }));
  const defs = svg("defs");
  defs.append(marker);
  root.append(defs);
  for (const e of edges) {
    const [s, t] = [at.get(e.source), at.get(e.target)];
    root.append(tooltip(svg("path", { d: curve(s, t, r(byId.get(e.target)) + 2), class: "edge",
      "stroke-width": Math.min(1 + 1.5 * (e.weight - 1), 8), "marker-end": "url(#arrow)",
      "data-source": e.source, "data-target": e.target, "data-weight": e.weight }),
    `${byId.get(e.source).label} → ${byId.get(e.target).label}: ${plural(e.weight, "event")}`));
  }
  for (const node of nodes) {
    const { x, y } = at.get(node.id);
    const a = svg("a", { href: link("events", { ...filtersOf(params), actor: node.id }), class: "node" });
    const names = node.names.filter((n) => n !== node.label);
    a.append(tooltip(svg("circle", { cx: x, cy: y, r: r(node), "data-id": node.id }),
      `${node.label}${node.code ? ` (${node.code})` : ""}: ${plural(node.events, "event")}` +
      (names.length ? `\nalso: ${names.join(", ")}` : "")));
    root.append(a);
  }
  // labels go on top of every circle, under a node or, where another node sits just below, above it
  const labels = svg("g", { class: "labels" });
  for (const node of nodes) {
    const { x, y } = at.get(node.id);
    const crowded = nodes.some((o) => o !== node && Math.abs(at.get(o.id).x - x) < 70 &&
      at.get(o.id).y > y && at.get(o.id).y - y < 30);
    const labelY = crowded ? y - r(node) - 5 : y + r(node) + 12;
    labels.append(svg("text", { x, y: labelY, "text-anchor": "middle", class: "label" }, short(node.label)));
  }
  root.append(labels);
  return root;
}

/** A label cut to 20 characters, so neighbours' labels overlap less (hover shows it whole). */
function short(label) {
  return label.length > 20 ? label.slice(0, 19) + "…" : label;
}

/** A slightly bent path from s to t, stopping `gap` short of t; A→B and B→A bend apart. */
function curve(s, t, gap) {
  const dx = t.x - s.x, dy = t.y - s.y, d = Math.hypot(dx, dy) || 1;
  const cx = (s.x + t.x) / 2 - dy * 0.12, cy = (s.y + t.y) / 2 + dx * 0.12;
  const ex = t.x - cx, ey = t.y - cy, ed = Math.hypot(ex, ey) || 1;
  return `M${s.x.toFixed(1)},${s.y.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ` +
    `${(t.x - ex / ed * gap).toFixed(1)},${(t.y - ey / ed * gap).toFixed(1)}`;
}

/** Positions scaled into the drawing (at most 1.6 px per layout unit), and its height. */
function fit(nodes, edges) {
  const { at, width, height } = layoutGraph(nodes, edges);
  const scale = Math.min((SIZE.width - 2 * SIZE.margin) / (width || 1), 1.6);
  const offset = (SIZE.width - width * scale) / 2;
  const placed = new Map([...at].map(([id, p]) => [id, { x: offset + p.x * scale, y: SIZE.margin / 2 + p.y * scale }]));
  return { at: placed, height: height * scale + 1.5 * SIZE.margin };
}
