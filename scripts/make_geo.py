"""Write govdash/maps/assets/provinces-63.json and provinces-34.json from the shared TopoJSON.

Run once (the product never reads the shared folder at run time):

    python scripts/make_geo.py [SOURCE_DIR]

SOURCE_DIR defaults to ../shared/geo beside the repository. What it does, in pure Python:
1. decode the TopoJSON arcs (quantised, delta-encoded) to longitude/latitude;
2. simplify every arc once with Douglas–Peucker, so a border shared by two provinces is
   simplified the same way on both sides (no slivers or gaps between neighbours);
3. assemble each province's outer rings from its simplified arcs, drop holes (only atoll
   lagoons in the archipelagos have any) and drop islets below an area threshold, except in the
   open sea east of 110.5° E (the Hoàng Sa and Trường Sa archipelagos), where every ring is kept;
4. round to 3 decimals (about 100 m; 4 for a reef smaller than that) and write compact JSON:
   {"era": "63", "source": ..., "units": [{"gid", "name", "source_code", "rings": [[[lon, lat], ...], ...]}]}.
"""
from __future__ import annotations

import json
import math
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "govdash" / "maps" / "assets"
SOURCES = {"63": "provinces-63-2024.topo.json", "34": "provinces-34-2025.topo.json"}
LICENCE = "LICENSE-Vietnam-Shape-Map.txt"

TOLERANCE = 0.006       # degrees (~650 m): Douglas–Peucker tolerance on arcs
MIN_AREA = 0.0002      # square degrees (~2.4 km²): smaller islets are dropped outside the open sea
OPEN_SEA_LON = 110.5   # every ring wholly east of this is an archipelago islet and is kept
DECIMALS = 3


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON arcs are quantised and delta-encoded)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _dp(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas–Peucker on an open polyline, iterative (arcs have thousands of points)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            d = (abs(dy * (px - x1) - dx * (py - y1)) / norm) if norm else math.hypot(px - x1, py - y1)
            if d > best:
                best, index = d, i
        if index > 0 and best > tol:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def simplify_arc(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Simplify one arc keeping its end points; a closed arc (an island drawn as one arc) is cut
    at its point farthest from the start so that both halves keep some width."""
    if len(points) <= 2:
        return points
    if points[0] != points[-1]:
        return _dp(points, tol)
    x0, y0 = points[0]
    far = max(range(len(points)), key=lambda i: (points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2)
    if far == 0:
        return points
    return _dp(points[:far + 1], tol) + _dp(points[far:], tol)[1:]


def ring_points(ring_arcs: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Join a ring's arcs (a negative index ~i means arc i reversed), dropping repeated joints."""
    out: list[tuple[float, float]] = []
    for index in ring_arcs:
        pts = arcs[index] if index >= 0 else arcs[~index][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def area(ring: list[tuple[float, float]]) -> float:
    """Unsigned shoelace area in square degrees."""
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def rounded(ring: list[tuple[float, float]], decimals: int = DECIMALS) -> list[list[float]]:
    """Round and drop consecutive duplicates; keep the ring closed."""
    out: list[list[float]] = []
    for x, y in ring:
        p = [round(x, decimals), round(y, decimals)]
        if not out or p != out[-1]:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def province_rings(geometry: dict, raw: list, simple: list) -> list[list[list[float]]]:
    """The outer rings a province keeps, simplified and rounded, largest first."""
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    kept = []
    for polygon in polygons:
        outer = polygon[0]
        full = ring_points(outer, raw)
        open_sea = min(x for x, _ in full) > OPEN_SEA_LON
        if not open_sea and area(full) < MIN_AREA:
            continue
        ring = rounded(ring_points(outer, simple))
        if len({tuple(p) for p in ring}) < 3:
            # an islet narrower than the tolerance: keep its original outline, thinned, and
            # if it is narrower than the rounding too (one reef of Trường Sa), one more decimal
            thinned = full[:: max(1, len(full) // 6)] + full[:1]
            ring = rounded(thinned)
            if len({tuple(p) for p in ring}) < 3:
                ring = rounded(thinned, DECIMALS + 1)
        kept.append((area(full), ring))
    return [ring for _, ring in sorted(kept, key=lambda t: -t[0])]


def convert(path: Path, era: str) -> dict:
    """One era's TopoJSON as the compact asset dict."""
    topo = json.loads(path.read_text(encoding="utf-8"))
    raw = decode_arcs(topo)
    simple = [simplify_arc(a, TOLERANCE) for a in raw]
    (collection,) = topo["objects"].values()
    units = []
    for g in collection["geometries"]:
        props = g["properties"]
        units.append({"gid": props["gid"], "name": props["ten_tinh"], "source_code": props["code"],
                      "rings": province_rings(g, raw, simple)})
    return {"era": era, "source": path.name, "simplification":
            {"method": "Douglas-Peucker on shared arcs", "tolerance_deg": TOLERANCE,
             "min_islet_area_deg2": MIN_AREA, "all_islets_kept_east_of": OPEN_SEA_LON,
             "decimals": DECIMALS},
            "units": units}


def main(source_dir: Path) -> None:
    """Convert both eras and copy the licence next to them."""
    ASSETS.mkdir(parents=True, exist_ok=True)
    for era, name in SOURCES.items():
        asset = convert(source_dir / name, era)
        out = ASSETS / f"provinces-{era}.json"
        out.write_text(json.dumps(asset, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        points = sum(len(r) for u in asset["units"] for r in u["rings"])
        rings = sum(len(u["rings"]) for u in asset["units"])
        print(f"{out.relative_to(ROOT)}: {len(asset['units'])} units, {rings} rings, "
              f"{points} points, {out.stat().st_size:,} bytes")
    shutil.copyfile(source_dir / LICENCE, ASSETS / LICENCE)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "geo")
