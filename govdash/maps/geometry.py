"""Province shapes for the map, by era, keyed by locality code.

The assets (`assets/provinces-63.json`, `assets/provinces-34.json`) hold each map unit's name as
the source file spells it and its simplified outer rings in longitude/latitude. `crosswalk.csv`
turns those names into locality codes, explicitly and per era (codes are reused across eras: 24
is Bắc Giang in era 63 and the new Bắc Ninh in era 34). Nothing is matched fuzzily here.

The projection is equirectangular with a standard parallel at 16° N (the middle of the country):
x = (lon − 102) · cos 16°, y = lat, so one unit of x and one of y are the same distance on the
ground and a chart with a 1:1 aspect ratio shows the country undistorted.
"""
from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ASSETS = HERE / "assets"
CROSSWALK = HERE / "crosswalk.csv"
ERAS = ("63", "34")
REORGANISATION = date(2025, 7, 1)  # Resolution 202/2025/QH15: 63 provincial units became 34

LON0 = 102.0                       # west of the country, to keep projected numbers short
KX = math.cos(math.radians(16.0))  # standard parallel of the equirectangular projection
OPEN_SEA_LON = 110.5               # rings wholly east of this are islets of the archipelagos

Point = tuple[float, float]
Ring = tuple[Point, ...]


@dataclass(frozen=True)
class Shape:
    """One map unit: its locality code, the source's name, rings (lon/lat) and a label point."""
    code: str
    geo_name: str
    rings: tuple[Ring, ...]
    label_lonlat: Point

    @property
    def mainland(self) -> tuple[Ring, ...]:
        """Rings on or near the mainland (everything but the open-sea archipelago islets)."""
        return tuple(r for r in self.rings if not _open_sea(r))

    @property
    def open_sea(self) -> tuple[Ring, ...]:
        """Islets of the Hoàng Sa or Trường Sa archipelago (empty for other provinces)."""
        return tuple(r for r in self.rings if _open_sea(r))


@dataclass(frozen=True)
class Archipelago:
    """An island group drawn and labelled on every map: key, owning locality code, position."""
    key: str
    code: str
    name_vi: str
    lonlat: Point       # centre of its islets' bounding box
    bounds: tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max


# The archipelagos and the province whose shapes hold them (the same code in both eras).
ARCHIPELAGO_CODES = {"hoang_sa": ("48", "Quần đảo Hoàng Sa"), "truong_sa": ("56", "Quần đảo Trường Sa")}


def era_on(day: date) -> str:
    """The map era in force on a day: "63" before 1 July 2025, "34" from then on."""
    return "63" if day < REORGANISATION else "34"


def codes(era: str) -> tuple[str, ...]:
    """The locality codes on an era's map, in order."""
    return tuple(s.code for s in shapes(era))


def project(lon: float, lat: float) -> Point:
    """Longitude/latitude to drawing coordinates (see the module docstring), 3 decimals."""
    return round((lon - LON0) * KX, 3), round(lat, 3)


def _open_sea(ring: Ring) -> bool:
    return min(lon for lon, _ in ring) > OPEN_SEA_LON


def _check_era(era: str) -> str:
    era = str(era)
    if era not in ERAS:
        raise ValueError(f"unknown map era {era!r}; expected one of {ERAS}")
    return era


@lru_cache(maxsize=len(ERAS))
def crosswalk(era: str) -> dict[str, str]:
    """The source file's unit name → locality code, for one era."""
    era = _check_era(era)
    with CROSSWALK.open(encoding="utf-8", newline="") as f:
        return {r["geo_name"]: r["locality_code"] for r in csv.DictReader(f) if r["era"] == era}


@lru_cache(maxsize=len(ERAS))
def shapes(era: str) -> tuple[Shape, ...]:
    """Every map unit of an era with its locality code, in code order (cached)."""
    era = _check_era(era)
    asset = json.loads((ASSETS / f"provinces-{era}.json").read_text(encoding="utf-8"))
    codes = crosswalk(era)
    out = []
    for unit in asset["units"]:
        if unit["name"] not in codes:
            raise KeyError(f"map unit {unit['name']!r} (era {era}) is missing from {CROSSWALK.name}")
        rings = tuple(tuple((p[0], p[1]) for p in ring) for ring in unit["rings"])
        out.append(Shape(codes[unit["name"]], unit["name"], rings, label_point(rings[0])))
    return tuple(sorted(out, key=lambda s: s.code))


def by_code(era: str) -> dict[str, Shape]:
    """An era's shapes keyed by locality code."""
    return {s.code: s for s in shapes(era)}


def ring_area(ring: Ring) -> float:
    """Unsigned area of a ring in square degrees (to rank provinces by size)."""
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def _centroid_lat(ring: Ring) -> float:
    """Latitude of the ring's area centroid (shoelace), falling back to the mean."""
    a = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        a += cross
        cy += (y1 + y2) * cross
    return cy / (3 * a) if a else sum(y for _, y in ring) / len(ring)


def label_point(ring: Ring) -> Point:
    """A point inside the ring for its label: the middle of the widest stretch of the ring along
    the parallel through its centroid (a centroid alone can fall outside a curved province)."""
    lat = _centroid_lat(ring)
    xs = sorted(x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
                for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])
                if (y1 <= lat < y2) or (y2 <= lat < y1))
    spans = list(zip(xs[0::2], xs[1::2]))
    if not spans:
        return ring[0]
    west, east = max(spans, key=lambda s: s[1] - s[0])
    return round((west + east) / 2, 3), round(lat, 3)


@lru_cache(maxsize=len(ERAS))
def archipelagos(era: str) -> tuple[Archipelago, ...]:
    """Hoàng Sa (in Đà Nẵng, code 48) and Trường Sa (in Khánh Hòa, code 56), from their islets."""
    shape = by_code(era)
    out = []
    for key, (code, name) in ARCHIPELAGO_CODES.items():
        points = [p for ring in shape[code].open_sea for p in ring]
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        bounds = (min(lons), min(lats), max(lons), max(lats))
        centre = (round((bounds[0] + bounds[2]) / 2, 3), round((bounds[1] + bounds[3]) / 2, 3))
        out.append(Archipelago(key, code, name, centre, bounds))
    return tuple(out)


@lru_cache(maxsize=len(ERAS))
def bounds(era: str) -> tuple[float, float, float, float]:
    """lon_min, lat_min, lon_max, lat_max over every ring of an era, archipelagos included."""
    points = [p for s in shapes(era) for ring in s.rings for p in ring]
    return (min(p[0] for p in points), min(p[1] for p in points),
            max(p[0] for p in points), max(p[1] for p in points))
