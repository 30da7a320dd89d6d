"""The map room: boundary assets, the era crosswalk, geometry and the CDN-free map figure.

Pure tests: they read the committed assets and data/ only (the shared TopoJSON is read by one
optional test that checks the assets are what scripts/make_geo.py makes from it).
"""
from __future__ import annotations

import csv
import importlib.util
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from govdash.maps import MapText, archipelagos, charts, geometry, map_figure

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
ASSETS = ROOT / "govdash" / "maps" / "assets"
SHARED_GEO = ROOT.parent / "shared" / "geo"
PROVINCIAL = {"province", "central_city"}
PALETTE = ["#DCE9F5", "#A9CBE6", "#6AA5D3", "#2F74B5", "#17467A"]
TEXT = MapText(lang="vi", title="Bản đồ thử", no_data="chưa có số", legend_missing="chưa có số",
               legend_estimated="ước tính", footer=["Nguồn: thử"],
               scale=[(c, f"mức {i}") for i, c in enumerate(PALETTE)])


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file as dictionaries."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def crosswalk_rows(era: str) -> list[dict[str, str]]:
    return [r for r in read_csv(geometry.CROSSWALK) if r["era"] == era]


def asset_names(era: str) -> list[str]:
    asset = json.loads((ASSETS / f"provinces-{era}.json").read_text(encoding="utf-8"))
    return [u["name"] for u in asset["units"]]


def provincial_codes(era: str) -> set[str]:
    """Era 63: provincial units that existed before 2025-07-01; era 34: the current ones."""
    rows = [r for r in read_csv(DATA_DIR / "localities.csv") if r["level"] in PROVINCIAL]
    if era == "63":
        return {r["code"] for r in rows if (r["valid_from"] or "0000") < "2025-07-01"
                and (r["valid_to"] or "9999") >= "2025-06-30"}
    return {r["code"] for r in rows if not r["valid_to"]}


def fake_values(era: str, skip: set[str] = frozenset(), estimated: set[str] = frozenset()) -> list[dict]:
    """A prepared row for every province of the era except `skip`."""
    return [{"code": s.code, "value": i * 1.5, "tier": i % len(PALETTE),
             "status": "estimated" if s.code in estimated else "reported",
             "label": f"{i * 1.5:.1f}", "hover": f"{s.geo_name}<br>{i * 1.5:.1f} tỷ đồng"}
            for i, s in enumerate(geometry.shapes(era)) if s.code not in skip]


# --- crosswalk ---------------------------------------------------------------------------------

@pytest.mark.parametrize("era,count", [("63", 63), ("34", 34)])
def test_every_map_unit_has_exactly_one_code_and_every_code_once(era, count):
    rows = crosswalk_rows(era)
    names = asset_names(era)
    assert len(names) == count == len(set(names))
    assert Counter(r["geo_name"] for r in rows) == Counter(names)  # each unit exactly one row
    codes = [r["locality_code"] for r in rows]
    assert len(codes) == len(set(codes)) == count                 # each code once per era


@pytest.mark.parametrize("era", ["63", "34"])
def test_crosswalk_codes_are_the_eras_provincial_units(era):
    assert {r["locality_code"] for r in crosswalk_rows(era)} == provincial_codes(era)
    assert len(provincial_codes(era)) == int(era)


def _plain(name: str) -> str:
    """A boundary-file or locality name compared loosely: NFC, no 'TP ' prefix, new-style tones."""
    name = unicodedata.normalize("NFC", name)
    name = {"TP HCM": "Hồ Chí Minh"}.get(name, name).removeprefix("TP ")
    for old, new in (("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa")):
        name = name.replace(old, new)
    return name


def test_crosswalk_names_agree_with_localities_and_lineage():
    """Era 34 names are today's names; era 63 names are today's names except where a code was
    given a new name on 2025-07-01 (24 Bắc Giang → Bắc Ninh, 15 Yên Bái → Lào Cai, ...), where
    they are the old name recorded in the lineage. Guards the hand-written crosswalk."""
    current = {r["code"]: r["name_vi"] for r in read_csv(DATA_DIR / "localities.csv")}
    renamed = {}
    for r in read_csv(DATA_DIR / "locality_lineage.csv"):
        m = re.match(r"Code \d+: (.+?) -> ", r["note"])
        if r["kind"] == "renamed" and r["effective_date"] == "2025-07-01" and m:
            renamed[r["from_code"]] = m.group(1)
    assert {"24": "Bắc Giang", "15": "Yên Bái"}.items() <= renamed.items()
    for r in crosswalk_rows("34"):
        assert _plain(r["geo_name"]) == _plain(current[r["locality_code"]]), r
    for r in crosswalk_rows("63"):
        expected = renamed.get(r["locality_code"], current[r["locality_code"]])
        assert _plain(r["geo_name"]) == _plain(expected), r


def test_codes_reused_across_eras_point_to_different_units():
    by_name = {era: {r["geo_name"]: r["locality_code"] for r in crosswalk_rows(era)} for era in ("63", "34")}
    assert by_name["63"]["Bắc Giang"] == "24" and by_name["63"]["Bắc Ninh"] == "27"
    assert by_name["34"]["Bắc Ninh"] == "24"
    assert by_name["63"]["Yên Bái"] == "15" and by_name["63"]["Lào Cai"] == "10"
    assert by_name["34"]["Lào Cai"] == "15"


# --- assets and geometry -----------------------------------------------------------------------

@pytest.mark.parametrize("era", ["63", "34"])
def test_assets_are_small_and_carry_provenance(era):
    assert (ASSETS / f"provinces-{era}.json").stat().st_size < 250_000
    readme = (ASSETS / "README.md").read_text(encoding="utf-8")
    for words in ("TaliaCao/Vietnam-Shape-Map", "35f693a", "MIT", "Open Development Vietnam", "Douglas"):
        assert words in readme
    assert "MIT License" in (ASSETS / "LICENSE-Vietnam-Shape-Map.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("era", ["63", "34"])
@pytest.mark.parametrize("code,name", [("48", "Hoàng Sa"), ("56", "Trường Sa")])
def test_archipelagos_are_in_the_shapes(era, code, name):
    shape = geometry.by_code(era)[code]
    east = [ring for ring in shape.rings if max(lon for lon, _ in ring) > 111.5]
    assert len(east) >= 10, f"{name} islets missing from {code} in era {era}"
    assert all(len(ring) >= 4 for ring in east)  # every islet still a closed polygon
    if code == "56":
        assert max(lon for ring in east for lon, _ in ring) > 116.5  # the far east of Trường Sa
    others = [s for s in geometry.shapes(era) if s.code not in {"48", "56"}]
    assert not any(max(lon for lon, _ in r) > 111.5 for s in others for r in s.rings)


@pytest.mark.parametrize("era", ["63", "34"])
def test_shapes_are_cached_keyed_by_code_and_labelled_inside(era):
    assert geometry.shapes(era) is geometry.shapes(era)
    shapes = geometry.shapes(era)
    assert [s.code for s in shapes] == sorted(provincial_codes(era))
    for s in shapes:
        assert s.rings and all(r[0] == r[-1] for r in s.rings)
        assert _inside(s.label_lonlat, s.rings[0]), s.geo_name
    keys = {a.key: a for a in archipelagos(era)}
    assert keys["hoang_sa"].code == "48" and keys["truong_sa"].code == "56"
    assert 111 < keys["hoang_sa"].lonlat[0] < 113 and 15.5 < keys["hoang_sa"].lonlat[1] < 17.5
    assert 111.5 < keys["truong_sa"].lonlat[0] < 117 and 7 < keys["truong_sa"].lonlat[1] < 12


def _inside(point, ring) -> bool:
    """Even-odd point-in-polygon."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in pairwise(ring):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def test_projection_scales_longitude_by_cos_16():
    x0, y0 = geometry.project(105.0, 16.0)
    x1, y1 = geometry.project(106.0, 17.0)
    assert y1 - y0 == pytest.approx(1.0)
    assert x1 - x0 == pytest.approx(0.9613, abs=1e-3)


def test_era_on_a_day():
    from datetime import date
    assert geometry.era_on(date(2025, 6, 30)) == "63"
    assert geometry.era_on(date(2025, 7, 1)) == "34"
    assert set(geometry.codes("34")) == provincial_codes("34")


def test_unknown_era_is_refused():
    with pytest.raises(ValueError):
        geometry.shapes("64")


def test_maps_package_does_not_import_streamlit():
    code = "import sys, govdash.maps; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(not SHARED_GEO.is_dir(), reason="shared boundary files not present")
def test_assets_are_what_make_geo_writes():
    spec = importlib.util.spec_from_file_location("make_geo", ROOT / "scripts" / "make_geo.py")
    make_geo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_geo)
    for era, name in make_geo.SOURCES.items():
        committed = json.loads((ASSETS / f"provinces-{era}.json").read_text(encoding="utf-8"))
        assert make_geo.convert(SHARED_GEO / name, era) == committed


# --- the figure --------------------------------------------------------------------------------

@pytest.mark.parametrize("era", ["63", "34"])
def test_map_figure_is_small_and_uses_no_geo_or_map_modules(era):
    fig = map_figure(fake_values(era, estimated={"01"}), era, TEXT, palette=PALETTE)
    assert len(fig.to_json()) < 400_000
    layout = fig.layout.to_plotly_json()
    assert not {"geo", "map", "mapbox"} & set(layout)
    assert not any(k.startswith(("geo", "map")) for k in layout)
    assert {t.type for t in fig.data} == {"scatter"}
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.yaxis.scaleratio == 1
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False


def _province_traces(fig, code):
    return [t for t in fig.data if t.legendgroup == code]


def test_every_province_is_one_hoverable_fill_named_in_its_hover():
    fig = map_figure(fake_values("63"), "63", TEXT, palette=PALETTE)
    for s in geometry.shapes("63"):
        traces = _province_traces(fig, s.code)
        assert 1 <= len(traces) <= 2  # mainland, plus the archipelago islets for 48 and 56
        for t in traces:
            assert t.fill == "toself" and t.hoveron == "fills" and t.hoverinfo == "text"
            assert isinstance(t.text, str) and t.text.startswith(s.geo_name)
    assert len(_province_traces(fig, "48")) == len(_province_traces(fig, "56")) == 2


def test_missing_provinces_are_grey_hatched_and_never_a_scale_colour():
    skip = {"01", "79", "48"}
    values = fake_values("63", skip=skip)
    values.append({"code": "56", "value": None, "colour": PALETTE[4], "status": "reported"})
    values.append({"code": "22", "value": 3.0, "colour": PALETTE[2], "status": "missing"})
    names = {"01": "Hà Nội", "79": "TP. Hồ Chí Minh"}
    fig = map_figure(values, "63", TEXT, palette=PALETTE, names=names)
    for code in skip | {"56", "22"}:
        for t in _province_traces(fig, code):
            assert t.fillcolor == charts.MISSING_FILL and t.fillcolor not in PALETTE
            assert t.fillpattern.shape == charts.MISSING_PATTERN["shape"]
            assert t.line.color not in PALETTE
            assert t.text.endswith("chưa có số")
    assert _province_traces(fig, "01")[0].text == "Hà Nội<br>chưa có số"
    shown = {t.legendgroup for t in fig.data if t.fillcolor in PALETTE}
    assert not shown & (skip | {"56", "22"})
    assert "chưa có số" in [t.name for t in fig.data if t.showlegend is not False]


def test_estimated_provinces_keep_their_colour_under_a_different_pattern():
    fig = map_figure(fake_values("63", estimated={"01"}), "63", TEXT, palette=PALETTE)
    (trace,) = _province_traces(fig, "01")
    assert trace.fillcolor in PALETTE
    assert trace.fillpattern.shape and trace.fillpattern.shape != charts.MISSING_PATTERN["shape"]
    assert trace.fillpattern.bgcolor == trace.fillcolor
    (reported,) = _province_traces(fig, "02")
    assert not reported.fillpattern.shape


def test_archipelagos_are_drawn_and_labelled_even_with_no_values():
    fig = map_figure([], "34", MapText(lang="vi", no_data="chưa có số"))
    texts = [a.text for a in fig.layout.annotations]
    assert "Quần đảo Hoàng Sa" in texts and "Quần đảo Trường Sa" in texts
    x0, x1 = fig.layout.xaxis.range
    assert x1 > geometry.project(116.9, 10)[0] and x0 < geometry.project(102.2, 10)[0]
    en = MapText(lang="en", archipelagos={"hoang_sa": "Hoàng Sa (Paracel) Islands",
                                          "truong_sa": "Trường Sa (Spratly) Islands"})
    texts = [a.text for a in map_figure([], "63", en).layout.annotations]
    assert "Trường Sa (Spratly) Islands" in texts


def test_labels_do_not_overlap_and_take_contrasting_colours():
    fig = map_figure(fake_values("63"), "63", TEXT, palette=PALETTE)
    (labels,) = [t for t in fig.data if t.mode == "text"]
    assert 10 < len(labels.text) < 63  # small delta provinces leave their label to the hover
    assert charts.label_colour(PALETTE[4]) == charts.LABEL_LIGHT
    assert charts.label_colour(PALETTE[0]) == charts.LABEL_DARK


def test_unknown_status_is_refused():
    with pytest.raises(ValueError):
        map_figure([{"code": "01", "value": 1, "colour": "#000000", "status": "guessed"}], "63", TEXT)


@pytest.mark.parametrize("era", ["63", "34"])
def test_every_province_has_an_invisible_click_target_at_its_label_point(era):
    """Plotly sends no click for a filled area: one invisible marker per province, at its label
    point, carries its code (the page opens that province's Overview) and its own hover."""
    fig = map_figure(fake_values(era, skip={"01"}), era, TEXT, palette=PALETTE)
    (targets,) = [t for t in fig.data if t.mode == "markers"]
    codes = geometry.codes(era)
    assert list(targets.customdata) == list(codes)
    assert [(x, y) for x, y in zip(targets.x, targets.y)] == [
        geometry.project(*geometry.by_code(era)[c].label_lonlat) for c in codes]
    fills = {t.legendgroup: t.text for t in fig.data if t.legendgroup}
    assert list(targets.text) == [fills[c] for c in codes]
    assert targets.hoverinfo == "text" and targets.showlegend is False
    assert targets.marker.color == "rgba(0,0,0,0)" and targets.selected.marker.opacity == 0
    assert targets.unselected.marker.opacity == 0
    static = map_figure(fake_values(era), era, TEXT, palette=PALETTE, static=True)
    assert not [t for t in static.data if t.mode == "markers"]      # a picture has nothing to click


def test_a_shared_map_sends_the_same_figure_and_copies_it_once():
    fig = map_figure(fake_values("63", estimated={"01"}), "63", TEXT, palette=PALETTE)
    shared = map_figure(fake_values("63", estimated={"01"}), "63", TEXT, palette=PALETTE, shared=True)
    assert isinstance(shared, charts.SharedFigure) and not isinstance(fig, charts.SharedFigure)
    assert shared.to_dict() == fig.to_dict()
    first, again = shared.to_dict(), shared.to_dict()
    assert first == again and first is not again and first["data"] is not again["data"]
    first["layout"]["height"] = 1    # a caller changing its copy at the top changes nothing shared
    assert shared.to_dict()["layout"]["height"] == fig.layout.height
