// Map: country outlines from static/world.json (GeoJSON) in an equirectangular projection, and a
// dot per place sized by its number of events. A dot links to the events at that place.

import { api, esc, filtersOf, link, number, plural, svg, tooltip } from "./util.js";

// x = longitude, y = -latitude: the projection is the identity, up to the sign of y. The view
// leaves out most of Antarctica, where no one reports events.
const WORLD = { x: -180, y: -84, width: 360, height: 142 };
let outlines;  // the parsed world.json, fetched once

export async function renderMap(main, params) {
  const [data, world] = await Promise.all([api("/api/map", filtersOf(params)), worldOutlines()]);
  const unlocated = data.total - data.located;
  main.innerHTML = `<div class="pager"><span class="count">${plural(data.located, "event")} at
    ${plural(data.points.length, "place")}</span>${unlocated ? `<span class="muted small">${plural(unlocated, "event")}
    without a place are not shown</span>` : ""}<button type="button" class="quiet" id="zoom">Zoom to events</button></div>
    <div class="map-wrap"></div><div class="places"></div>`;
  const map = drawMap(world, data.points, params);
  main.querySelector(".map-wrap").append(map);
  main.querySelector(".places").innerHTML = placeTable(data.points, params);
  const zoom = main.querySelector("#zoom");
  zoom.disabled = !data.points.length;
  zoom.addEventListener("click", () => {
    const zoomed = map.dataset.zoomed === "yes";
    show(map, zoomed ? WORLD : extent(data.points));
    map.dataset.zoomed = zoomed ? "no" : "yes";
    zoom.textContent = zoomed ? "Zoom to events" : "Whole world";
  });
}

/** Show `box` of the map; dots keep their size on screen. */
function show(map, box) {
  map.setAttribute("viewBox", viewBox(box));
  for (const dot of map.querySelectorAll("circle.dot")) {
    dot.setAttribute("r", radius(Number(dot.dataset.count)) * box.width / WORLD.width);
  }
}

async function worldOutlines() {
  if (!outlines) {
    const response = await fetch("/static/world.json");
    outlines = response.ok ? await response.json() : { features: [] };
  }
  return outlines;
}

function drawMap(world, points, params) {
  const root = svg("svg", { viewBox: viewBox(WORLD), class: "map", role: "img",
    "aria-label": "World map of event places", preserveAspectRatio: "xMidYMid meet" });
  root.append(svg("rect", { ...WORLD, class: "sea" }));
  const land = svg("g", { class: "land" });
  for (const feature of world.features) {
    land.append(tooltip(svg("path", { d: pathOf(feature.geometry), class: "country" }), feature.properties?.name || ""));
  }
  root.append(land);
  const dots = svg("g", { class: "dots" });
  for (const p of [...points].sort((a, b) => b.count - a.count)) {  // small dots on top of big ones
    const types = p.types.map((t) => `${t.type} ${t.count}`).join(", ");
    const a = svg("a", { href: link("events", { ...filtersOf(params), place: p.place || "" }) });
    a.append(tooltip(svg("circle", { cx: p.lon, cy: -p.lat, r: radius(p.count), class: "dot",
      "data-place": p.place || "", "data-count": p.count }), `${p.place}, ${p.country || "?"}: ${plural(p.count, "event")} (${types})`));
    dots.append(a);
  }
  root.append(dots);
  return root;
}

/** SVG path data of a GeoJSON Polygon or MultiPolygon. */
function pathOf(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flat().map((ring) =>
    "M" + ring.map(([lon, lat]) => `${lon},${-lat}`).join("L") + "Z").join("");
}

/** In map units (degrees): about 6 px for one event at full width, growing with the square root. */
function radius(count) {
  return 1.2 + 1.1 * Math.sqrt(count);
}

function viewBox({ x, y, width, height }) {
  return `${x} ${y} ${width} ${height}`;
}

/** The box around the points, padded, with the world view's proportions. */
function extent(points) {
  const xs = points.map((p) => p.lon), ys = points.map((p) => -p.lat);
  let [x0, x1, y0, y1] = [Math.min(...xs) - 12, Math.max(...xs) + 12, Math.min(...ys) - 12, Math.max(...ys) + 12];
  const ratio = WORLD.width / WORLD.height;
  if ((x1 - x0) / (y1 - y0) < ratio) {
    const grow = (y1 - y0) * ratio - (x1 - x0);
    [x0, x1] = [x0 - grow / 2, x1 + grow / 2];
  } else {
    const grow = (x1 - x0) / ratio - (y1 - y0);
    [y0, y1] = [y0 - grow / 2, y1 + grow / 2];
  }
  const [width, height] = [Math.min(x1 - x0, WORLD.width), Math.min(y1 - y0, WORLD.height)];
  // kept inside the world, where the sea is drawn
  const x = Math.min(Math.max(x0, WORLD.x), WORLD.x + WORLD.width - width);
  const y = Math.min(Math.max(y0, WORLD.y), WORLD.y + WORLD.height - height);
  return { x, y, width, height };
}

function placeTable(points, params) {
  if (!points.length) return `<p class="empty">No located events match these filters.</p>`;
  const rows = points.map((p) => `<tr><td><a href="${link("events", { ...filtersOf(params), place: p.place || "" })}">${esc(p.place)}</a></td>
    <td>${esc(p.country)}</td><td class="num">${number(p.count)}</td>
    <td class="small">${p.types.map((t) => `${esc(t.type)} ${t.count}`).join(", ")}</td></tr>`).join("");
  return `<table class="compact"><thead><tr><th>Place</th><th>Country</th><th class="num">Events</th><th>Types</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}
