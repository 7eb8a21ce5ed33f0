// A deterministic graph layout: each connected group of nodes is laid out on its own by
// Fruchterman–Reingold forces (starting from a circle, so the same graph gives the same picture),
// then the groups are packed in rows, biggest first, like words in a paragraph.

const EDGE = 60;        // the preferred length of an edge, in layout units
const ROUNDS = 300;
// between packed groups: wide across, for the labels under the nodes
const GAP_X = EDGE * 3, GAP_Y = EDGE;

/**
 * Positions of `nodes` ({id}) joined by `edges` ({source, target}).
 * Returns {at: Map id -> {x, y}, width, height}, in layout units, from (0, 0).
 */
export function layoutGraph(nodes, edges) {
  const boxes = groups(nodes, edges).map((group) => place(group, edges));
  return pack(boxes);
}

/** Connected groups of node ids, biggest first (ties: in the order the nodes came). */
function groups(nodes, edges) {
  const parent = new Map(nodes.map((n) => [n.id, n.id]));
  const root = (id) => (parent.get(id) === id ? id : root(parent.get(id)));
  for (const e of edges) parent.set(root(e.source), root(e.target));
  const byRoot = new Map();
  for (const n of nodes) {
    const r = root(n.id);
    if (!byRoot.has(r)) byRoot.set(r, []);
    byRoot.get(r).push(n.id);
  }
  return [...byRoot.values()].sort((a, b) => b.length - a.length);
}

/** Forces within one group; returns its nodes' positions and the size of its box. */
function place(ids, edges) {
  const n = ids.length, index = new Map(ids.map((id, i) => [id, i]));
  const links = edges.filter((e) => index.has(e.source)).map((e) => [index.get(e.source), index.get(e.target)]);
  const radius = EDGE * Math.sqrt(n) / 2;
  // from the top of the circle, so a pair stands one above the other and their labels keep apart
  const angle = (i) => 2 * Math.PI * i / n - Math.PI / 2;
  const pos = ids.map((_, i) => ({ x: radius * Math.cos(angle(i)), y: radius * Math.sin(angle(i)) }));
  let heat = radius / 2 + 1;
  for (let round = 0; round < ROUNDS && n > 1; round++) {
    const move = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {  // every pair repels: k²/d
        const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y, d2 = Math.max(dx * dx + dy * dy, 1);
        const f = EDGE * EDGE / d2;
        move[i].x += dx * f; move[i].y += dy * f; move[j].x -= dx * f; move[j].y -= dy * f;
      }
    }
    for (const [i, j] of links) {  // linked nodes attract: d²/k
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y, f = Math.hypot(dx, dy) / EDGE;
      move[i].x -= dx * f; move[i].y -= dy * f; move[j].x += dx * f; move[j].y += dy * f;
    }
    pos.forEach((p, i) => {
      const m = move[i], d = Math.hypot(m.x, m.y) || 1, step = Math.min(d, heat);
      p.x += m.x / d * step; p.y += m.y / d * step;
    });
    heat = Math.max(1, heat * 0.98);
  }
  const [x0, y0] = [Math.min(...pos.map((p) => p.x)), Math.min(...pos.map((p) => p.y))];
  const at = new Map(ids.map((id, i) => [id, { x: pos[i].x - x0, y: pos[i].y - y0 }]));
  return { at, width: Math.max(...pos.map((p) => p.x)) - x0, height: Math.max(...pos.map((p) => p.y)) - y0 };
}

/** The groups in rows about as wide as the whole is tall times 1.6, biggest first. */
function pack(boxes) {
  const area = boxes.reduce((a, b) => a + (b.width + GAP_X) * (b.height + GAP_Y), 0);
  const rowWidth = Math.max(Math.sqrt(area * 1.6), ...boxes.map((b) => b.width));
  const at = new Map();
  let [x, y, rowHeight, width] = [0, 0, 0, 0];
  for (const box of boxes) {
    if (x > 0 && x + box.width > rowWidth) [x, y, rowHeight] = [0, y + rowHeight + GAP_Y, 0];
    for (const [id, p] of box.at) at.set(id, { x: x + p.x, y: y + p.y });
    x += box.width + GAP_X;
    rowHeight = Math.max(rowHeight, box.height);
    width = Math.max(width, x - GAP_X);
  }
  return { at, width, height: y + rowHeight };
}
