"""Rebuild the web explorer's offline world outline, ``src/eventwire/serve/static/world.json``.

Input: ``countries-110m.json`` from the npm package ``world-atlas`` version 2 (ISC licence, by Mike
Bostock; "Pre-built TopoJSON from Natural Earth": Natural Earth's 1:110m Admin 0 country
boundaries, which are in the public domain). The registry tarball holds the file; no other network
access is needed:

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    # -> /tmp/package/countries-110m.json

Usage (from the repository root):

    python3 bench/make_world_outline.py /tmp/package/countries-110m.json
    python3 bench/make_world_outline.py /tmp/package/countries-110m.json -o out.json --precision 2

Output: a GeoJSON FeatureCollection with one Feature per country of the TopoJSON object
``countries`` (Polygon or MultiPolygon, longitude/latitude in degrees, rounded to ``--precision``
decimals), each with ``properties: {"name": ..., "id": ...}`` where ``id`` is the three-digit ISO
3166-1 numeric code as a string ("250"), or null for the few Natural Earth units that have none
(N. Cyprus, Somaliland, Kosovo). Written compactly, ASCII only, features in the input's order.

How the TopoJSON is decoded (TopoJSON specification 1.0):
- A quantized topology has a ``transform``; each arc is then a list of integer deltas: position k
  is the running sum of deltas 0..k, and lon = x * scale[0] + translate[0], lat = y * scale[1] +
  translate[1]. Without a transform the arc positions are already absolute.
- A geometry's ring is a list of arc indexes; an index i >= 0 is arc i as stored, a negative index
  is ~i (that is -i - 1) reversed. The arcs of a ring are joined end to start, dropping the first
  position of every arc after the first (it repeats the previous arc's last one).
- Polygon ``arcs`` is a list of rings (exterior first, then holes); MultiPolygon is a list of those.

The antimeridian: world-atlas's rings are meant for spherical rendering, so three rings step across
+/-180 (Russia's Chukotka and Wrangel Island, Fiji's Vanua Levu). Drawn flat, such an edge
becomes a line across the whole map. Each of those rings crosses twice and is cut into one ring on
each side, closed along the antimeridian (the feature becomes or stays a MultiPolygon). Antarctica's
ring goes round the pole (it crosses once); flat, its step along the antimeridian runs along the
bottom of the map, which is where it belongs, so it is left as it is.

After the cut, positions are rounded; repeated consecutive positions are dropped, and a ring left
with fewer than four positions (a closed triangle) is dropped; a polygon whose exterior ring is
dropped is dropped whole. Ring winding is kept as in world-atlas (exterior rings clockwise in
lon/lat, holes counter-clockwise: d3-geo's convention, the reverse of RFC 7946's recommendation).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "src" / "eventwire" / "serve" / "static" / "world.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat positions of every arc of ``topology``."""
    transform = topology.get("transform")
    arcs = []
    if transform:
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        for arc in topology["arcs"]:
            x = y = 0
            positions = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                positions.append((x * sx + tx, y * sy + ty))
            arcs.append(positions)
    else:
        for arc in topology["arcs"]:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """The positions of one ring: its arcs joined, reversed ones (~i) backwards."""
    out: list[tuple[float, float]] = []
    for n, i in enumerate(indexes):
        positions = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(positions if n == 0 else positions[1:])
    return out


def crosses(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """True for an edge that jumps across the antimeridian (the short way round is over +/-180)."""
    return abs(b[0] - a[0]) > 180


def crossing_lat(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Latitude where the edge a-b, taken the short way round, meets the antimeridian."""
    edge = 180.0 if a[0] > 0 else -180.0
    bx = b[0] + 360.0 if a[0] > 0 else b[0] - 360.0
    if bx == a[0]:
        return a[1]
    t = (edge - a[0]) / (bx - a[0])
    return a[1] + t * (b[1] - a[1])


def cut_ring(positions: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Cut a ring that crosses the antimeridian twice into one closed ring on each side.

    A ring that does not cross it is returned as is, and so is one that crosses it an odd number of
    times: that ring goes round a pole (Antarctica), and in lon/lat it is already a band whose edge
    along the antimeridian is the map's border. More than two crossings is not handled (there are
    none in world-atlas's countries-110m).
    """
    pts = positions[:-1] if len(positions) > 1 and positions[0] == positions[-1] else list(positions)
    n = len(pts)
    jumps = [i for i in range(n) if crosses(pts[i], pts[(i + 1) % n])]
    if not jumps or len(jumps) % 2:
        return [positions]
    if len(jumps) > 2:
        raise ValueError(f"a ring crosses the antimeridian {len(jumps)} times; only 2 is handled")
    pieces: list[list[tuple[float, float]]] = []
    first = jumps[0]
    a, b = pts[first], pts[(first + 1) % n]
    lat = crossing_lat(a, b)
    piece = [(180.0 if b[0] > 0 else -180.0, lat)]
    for k in range(n):
        a, b = pts[(first + 1 + k) % n], pts[(first + 2 + k) % n]
        piece.append(a)
        if crosses(a, b):
            lat = crossing_lat(a, b)
            piece.append((180.0 if a[0] > 0 else -180.0, lat))
            piece.append(piece[0])
            pieces.append(piece)
            piece = [(180.0 if b[0] > 0 else -180.0, lat)]
    return pieces


def rounded_ring(positions: list[tuple[float, float]], precision: int) -> list[list[float]] | None:
    """Round a ring, drop repeated consecutive positions, keep it closed; None if degenerate."""
    out: list[list[float]] = []
    for lon, lat in positions:
        p = [round(lon, precision), round(lat, precision)]
        if not out or p != out[-1]:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(list(out[0]))
    if len(out) < 4:
        return None
    return out


def polygons(rings: list[list[int]], arcs) -> list[list[list[tuple[float, float]]]]:
    """One TopoJSON polygon as GeoJSON polygons, split in two where it crosses the antimeridian."""
    decoded = [ring(indexes, arcs) for indexes in rings]
    pieces = cut_ring(decoded[0])
    if len(pieces) == 1:
        return [decoded]
    if len(decoded) > 1:
        raise ValueError("a polygon with holes crosses the antimeridian; not handled")
    return [[piece] for piece in pieces]


def feature(geometry: dict, arcs, precision: int) -> dict | None:
    kind = geometry.get("type")
    if kind == "Polygon":
        parts = polygons(geometry["arcs"], arcs)
    elif kind == "MultiPolygon":
        parts = [q for p in geometry["arcs"] for q in polygons(p, arcs)]
    else:
        return None  # null geometries and non-areal types carry no outline
    coords = []
    for part in parts:
        exterior = rounded_ring(part[0], precision)
        if exterior is None:
            continue
        holes = [h for h in (rounded_ring(r, precision) for r in part[1:]) if h]
        coords.append([exterior, *holes])
    if not coords:
        return None
    if len(coords) == 1:
        geom = {"type": "Polygon", "coordinates": coords[0]}
    else:
        geom = {"type": "MultiPolygon", "coordinates": coords}
    props = geometry.get("properties") or {}
    iso = geometry.get("id")
    return {
        "type": "Feature",
        "properties": {"name": props.get("name"), "id": None if iso is None else str(iso)},
        "geometry": geom,
    }


def convert(topology: dict, object_name: str = "countries", precision: int = 2) -> dict:
    if topology.get("type") != "Topology":
        raise ValueError("not a TopoJSON Topology")
    arcs = decode_arcs(topology)
    collection = topology["objects"][object_name]
    geometries = collection["geometries"] if collection.get("type") == "GeometryCollection" else [collection]
    features = [f for f in (feature(g, arcs, precision) for g in geometries) if f]
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("topojson", type=Path, help="path of world-atlas's countries-110m.json")
    ap.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT, help=f"default: {DEFAULT_OUTPUT}")
    ap.add_argument("--object", default="countries", help="TopoJSON object to convert (default: countries)")
    ap.add_argument("--precision", type=int, default=2, help="decimals kept in coordinates (default: 2)")
    args = ap.parse_args(argv)

    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    collection = convert(topology, args.object, args.precision)
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"{args.output}: {len(collection['features'])} features, {len(text) + 1} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
