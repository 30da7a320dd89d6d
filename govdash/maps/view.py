"""The map page without Streamlit: its view state and URL form, the colour scales, the province
values the map draws, the ranking beside it, the bump chart's ranks and the download frame.

Rows come from the `compare_figures` query (the reorganisation logic Compare has: on today's
boundaries a merged unit's figure is the sum over its predecessors, `complete = false` when
one lacks it), run for the codes of the map's era. Nothing here computes a figure: it selects,
ranks, colours and words what the query returned.

URL keys follow Compare's conventions (`ind`, `body`, `bounds`, `year`, `locs`) plus `scale`;
a bad value is dropped with a notice, never raised.
"""
from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from govdash import fmt, tables
from govdash.i18n import pick, t
from govdash.maps import charts, geometry
from govdash.state import Notice, url_value
from govdash.text import fold

BOUNDS = ("published", "current")
SCALES = ("tiers", "steps")   # PAPI-style quartile groups, or equal steps of a colour scale
URL_KEYS = ("ind", "body", "bounds", "year", "scale", "locs")
MAX_BUMP = 8                  # provinces on the bump chart
DEFAULT_BUMP = 5              # the best-ranked of the map's year, when none are chosen
RANK_SUFFIX = "_rank_national"  # a published rank is the indicator `<indicator>_rank_national`
_YEAR = re.compile(r"^\d{4}$")

# Colours: darkest = best (or highest when an indicator has no direction). Blues for a good
# direction, purples for none; the diverging scale is orange below its midpoint, blue above.
BLUES = ("#DCEAF4", "#A9CBE3", "#6BA3CC", "#3478AE", "#12497A")
PURPLES = ("#E7E1EF", "#C3B4D8", "#9A84BF", "#6E55A0", "#45307A")
TIERS_BLUE = ("#C6DBEF", "#7FB0D6", "#3A7DB5", "#12497A")
TIERS_PURPLE = ("#DAD2E8", "#A894C9", "#7A61AC", "#45307A")
BELOW, ABOVE = ("#B35806", "#F5B56B"), ("#9CC8E2", "#2166AC")  # far → near the midpoint


@dataclass(frozen=True)
class View:
    """Everything the map page shows besides the shared selection (years for the bump chart)."""
    indicator: str
    body: str | None
    year: int
    bounds: str = "published"
    scale: str = "tiers"
    localities: tuple[str, ...] = ()   # the bump chart's provinces ('' = the best of the year)

    def to_query(self) -> dict[str, str]:
        """The query-string form (`locs` only when provinces were chosen)."""
        query = {"ind": self.indicator, "year": str(self.year), "bounds": self.bounds,
                 "scale": self.scale}
        if self.body:
            query["body"] = self.body
        if self.localities:
            query["locs"] = ",".join(self.localities)
        return query


# ---------------------------------------------------------------- indicators and URL

def indicator_years(coverage: pd.DataFrame, indicator: str, body: str | None = None) -> list[int]:
    """The years in which some province has a full-year result of the indicator (and body)."""
    mine = coverage[coverage["indicator"] == indicator]
    if body is not None:
        mine = mine[mine["body"] == body]
    return sorted({int(y) for y in mine["year"]})


def bodies_of(coverage: pd.DataFrame, indicator: str) -> list[str]:
    """The bodies an indicator has province figures for, the best covered first."""
    mine = coverage[coverage["indicator"] == indicator]
    totals = mine.groupby("body")["province_count"].sum().sort_values(ascending=False, kind="stable")
    return [str(b) for b in totals.index]


def map_indicators(coverage: pd.DataFrame, indicators: pd.DataFrame) -> list[str]:
    """Indicators a map can show (some province has a full-year result), best covered first;
    published ranks are not offered (they are shown beside their indicator)."""
    best = coverage.groupby("indicator")["province_count"].max()
    order = dict(zip(indicators["indicator"], indicators["sort_order"]))
    names = [i for i in best.index if i in order and "_rank_" not in i]
    return sorted(names, key=lambda i: (-int(best[i]), order[i], i))


def best_year(coverage: pd.DataFrame, indicator: str, body: str | None) -> int | None:
    """The latest of the years in which most provinces have the figure."""
    mine = coverage[coverage["indicator"] == indicator]
    if body is not None:
        mine = mine[mine["body"] == body]
    if mine.empty:
        return None
    counts = mine.groupby("year")["province_count"].max()
    return int(counts[counts == counts.max()].index.max())


def parse_query(params: dict, coverage: pd.DataFrame, indicators: pd.DataFrame,
                codes: set[str]) -> tuple[View | None, list[Notice]]:
    """The map view from URL parameters (None when no indicator has province figures)."""
    notices: list[Notice] = []
    offered = map_indicators(coverage, indicators)
    if not offered:
        return None, notices
    indicator = url_value(params, "ind") or offered[0]
    if indicator not in offered:
        notices.append(Notice("map_notice_bad_indicator", {"value": indicator[:40], "indicator": offered[0]}))
        indicator = offered[0]
    bodies = bodies_of(coverage, indicator)
    body = url_value(params, "body")
    if body is not None and body not in bodies:
        notices.append(Notice("map_notice_bad_body", {"value": body[:40]}))
        body = None
    body = body or bodies[0]
    years = indicator_years(coverage, indicator, body)
    raw_year, year = url_value(params, "year"), best_year(coverage, indicator, body)
    if raw_year is not None:
        if _YEAR.match(raw_year) and int(raw_year) in years:
            year = int(raw_year)
        else:
            notices.append(Notice("map_notice_bad_year", {"value": raw_year[:20], "year": year}))
    bounds = _choice(params, "bounds", BOUNDS, notices)
    scale = _choice(params, "scale", SCALES, notices)
    locs = []
    for code in query_codes(params.get("locs")):
        if code in codes and code not in locs:
            locs.append(code)
        else:
            notices.append(Notice("map_notice_bad_locality", {"value": code[:40]}))
    return View(indicator, body, int(year), bounds, scale, tuple(locs[:MAX_BUMP])), notices


def _choice(params: dict, key: str, allowed: tuple[str, ...], notices: list[Notice]) -> str:
    value = url_value(params, key) or allowed[0]
    if value not in allowed:
        notices.append(Notice(f"map_notice_bad_{key}", {"value": value[:40]}))
        value = allowed[0]
    return value


def query_codes(raw: object) -> list[str]:
    """The locality codes written in the address (`locs`), unchecked."""
    if raw is None:
        return []
    text = ",".join(raw) if isinstance(raw, (list, tuple)) else str(raw)
    return [c for c in (c.strip() for c in text.split(",")) if c]


# ---------------------------------------------------------------- eras and names

def era_of(year: int, bounds: str) -> str:
    """The provinces a map of `year` shows: those of the year as published (63 before 1 July
    2025, 34 from then on, by the date a full year ends), today's 34 on today's boundaries."""
    return "34" if bounds == "current" else geometry.era_on(dt.date(year, 12, 31))


def current_allowed(meta: pd.Series | dict) -> bool:
    """"On today's boundaries" adds predecessors' figures, so only summable indicators have it."""
    return bool(meta["summable"])


def names_at(localities: pd.DataFrame, day: dt.date, lang: str) -> dict[str, str]:
    """Each province's name as it was on `day` (24 is Bắc Giang before 1 July 2025, Bắc Ninh
    after), from the `map_localities` rows (one per code and name era)."""
    out = {}
    for r in localities.to_dict("records"):
        if _date(r["valid_from"]) <= day <= _date(r["valid_to"]):
            out[r["code"]] = pick(r, "name", lang)
    return out


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else pd.Timestamp(value).date()


# ---------------------------------------------------------------- the values of a year

def scale_kind(meta: pd.Series | dict) -> str:
    """`diverging_100` for a share of an estimate or plan (100 % = met), `diverging_0` for a
    growth or change (0 = no change), else `sequential` (read from the indicator's id and unit)."""
    name = str(meta["indicator"])
    if "_pct_of_" in name:
        return "diverging_100"
    if (name.endswith(("_growth", "_change", "_change_pct", "_pct_change")) or "_over_" in name
            or meta["unit_kind"] == "change"):
        return "diverging_0"
    return "sequential"


def direction(meta: pd.Series | dict) -> int:
    """+1 when higher is better, −1 when lower is, 0 when the indicator says neither."""
    value = meta["higher_is_better"]
    if not fmt.is_present(value):
        return 0
    return 1 if bool(value) else -1


def records(rows: pd.DataFrame | list[dict]) -> list[dict]:
    """Query rows as plain dicts (filtering a few hundred rows in Python costs less than one
    pandas step over Arrow-backed text)."""
    return rows.to_dict("records") if isinstance(rows, pd.DataFrame) else rows


def year_values(rows: pd.DataFrame | list[dict], year: int, codes: tuple[str, ...]) -> list[dict]:
    """One row per province of the map with a full-year result in `year` (or, on today's
    boundaries, an incomplete sum), in code order: the first preferred result of each, reported
    before estimated, with its `map_status`. Predecessor series (non-summable figures kept
    apart) are not map units."""
    wanted, best = set(codes), {}
    for r in records(rows):
        if r["year"] != year or r["series_code"] not in wanted or r["series_role"] == "predecessor":
            continue
        gap = not r["complete"] and r["period_kind"] == "year" and r["status"] != "planned"
        if not (r["chartable"] or gap):
            continue
        order = (0 if r["complete"] else 2) + (1 if r["status"] == "estimated" else 0)
        if r["series_code"] not in best or order < best[r["series_code"]][0]:
            best[r["series_code"]] = (order, r)
    out = []
    for code in sorted(best):
        r = best[code][1]
        status = ("incomplete" if not r["complete"] else
                  "estimated" if r["status"] == "estimated" or bool(r["includes_estimate"]) else "reported")
        out.append({**r, "map_status": status})
    return out


def ranks(values: pd.Series | list[float], sign: int) -> list[int]:
    """Competition ranks (1, 2, 2, 4): largest first, smallest first when lower is better."""
    values = [float(v) for v in values]
    ordered = sorted(values, reverse=sign >= 0)
    first = {}
    for i, v in enumerate(ordered):
        first.setdefault(v, i + 1)
    return [first[v] for v in values]


# ---------------------------------------------------------------- colour scales

@dataclass(frozen=True)
class Scale:
    """Classes of a colour scale: their colours, lower and upper cut points, and legend labels
    (best first); `assign(value)` gives a value's class."""
    colours: tuple[str, ...]
    lows: tuple[float, ...]
    highs: tuple[float, ...]
    labels: tuple[str, ...]
    kind: str
    short: tuple[str, ...] = ()   # the classes' names without their ranges (the table's group column)

    def assign(self, value: float) -> int:
        """The class of a value (classes are ordered from low values to high)."""
        for i, high in enumerate(self.highs[:-1]):
            if value < high:
                return i
        return len(self.highs) - 1

    def legend(self, sign: int, values: list[float] | None = None) -> list[tuple[str, str]]:
        """(colour, label) of each class, the best first (the highest when no direction); with
        `values`, only the classes some value falls in (few values leave some tiers empty)."""
        used = {self.assign(v) for v in values} if values is not None else set(range(len(self.colours)))
        pairs = [(c, label) for i, (c, label) in enumerate(zip(self.colours, self.labels)) if i in used]
        return pairs if sign < 0 and self.kind == "tiers" else pairs[::-1]


def make_scale(values: list[float], meta: pd.Series | dict, scale: str, lang: str) -> Scale | None:
    """The colour scale of a map's values (None when there are none): quartile tiers, or equal
    steps of a sequential scale, or a diverging one around 100 % or 0."""
    if not values:
        return None
    sign = direction(meta)
    kind = scale_kind(meta)
    unit = _fmt_unit(meta, lang)
    if scale == "tiers":
        return _tiers(values, sign, unit, lang)
    if kind == "sequential":
        return _steps(values, sign, unit)
    return _diverging(values, 100.0 if kind == "diverging_100" else 0.0, sign, unit)


def _fmt_unit(meta, lang: str):
    """A formatter of cut points: three significant digits at most (a legend is read, not
    added up), in the indicator's unit; `unit=False` leaves the unit off (the first of a range)."""
    decimals = int(meta["decimals"])
    kind = "number" if meta["unit_kind"] == "change" else meta["unit_kind"]
    unit_word = pick(meta, "unit", lang) if kind != "percent" else ""

    def cut(v: float, unit: bool = True) -> str:
        v = float(v)
        digits = 0 if v == 0 else max(0, min(decimals, 2 - int(math.floor(math.log10(abs(v))))))
        v = round(v, digits) if digits else round(v, 2 - int(math.floor(math.log10(abs(v))))) if v else 0.0
        return _value_text(v, "exact", "number" if not unit else kind, unit_word if unit else "", lang, digits)
    return cut


def _tiers(values: list[float], sign: int, unit, lang: str) -> Scale:
    """Four groups cut at the quartiles (PAPI's presentation): colours darken towards the best."""
    q1, q2, q3 = (float(np.quantile(values, q)) for q in (0.25, 0.5, 0.75))
    lo, hi = min(values), max(values)
    lows, highs = (lo, q1, q2, q3), (q1, q2, q3, hi)
    colours = TIERS_BLUE if sign else TIERS_PURPLE
    if sign < 0:
        colours = colours[::-1]   # the lowest values are the best: darkest
    names = ("map_tier_low", "map_tier_low_mid", "map_tier_high_mid", "map_tier_high")
    labels = tuple(t(n, lang, range=_range(a, b, unit, i, 4)) for i, (n, a, b) in enumerate(zip(names, lows, highs)))
    return Scale(colours, lows, highs, labels, "tiers", tuple(t(n + "_short", lang) for n in names))


def _range(low: float, high: float, unit, i: int, n: int) -> str:
    """A class's range in words: `< 6,1 %`, `6,1 – 7,2 %`, `≥ 8,5 %`."""
    if n == 1 or low == high:
        return unit(low)
    if i == 0:
        return f"< {unit(high)}"
    if i == n - 1:
        return f"≥ {unit(low)}"
    return f"{unit(low, False)} – {unit(high)}"


def _steps(values: list[float], sign: int, unit, n: int = 5) -> Scale:
    """Equal steps from the smallest to the largest value, a sequential palette."""
    lo, hi = min(values), max(values)
    if lo == hi:
        n = 1
    edges = [lo + (hi - lo) * i / n for i in range(n + 1)]
    palette = BLUES if sign else PURPLES
    colours = palette[:: -1] if sign < 0 else palette
    colours = colours[len(colours) - n:] if sign >= 0 else colours[:n]
    labels = tuple(_range(a, b, unit, i, n) for i, (a, b) in enumerate(zip(edges, edges[1:])))
    return Scale(tuple(colours), tuple(edges[:-1]), tuple(edges[1:]), labels, "steps")


def _diverging(values: list[float], mid: float, sign: int, unit) -> Scale:
    """Two steps below the midpoint (orange) and two above (blue), each side spanning only its
    own values; when lower is better the hues swap, so blue still means good."""
    lo, hi = min(values), max(values)
    below, above = BELOW, ABOVE
    if sign < 0:
        below, above = ABOVE[::-1], BELOW[::-1]
    lows, highs, colours = [], [], []
    if lo < mid:
        half = (lo + mid) / 2
        lows += [lo, half]
        highs += [half, mid]
        colours += list(below)
    if hi >= mid:
        half = (mid + hi) / 2 if hi > mid else mid
        lows += [mid, half]
        highs += [half, hi]
        colours += list(above)
        if hi == mid:
            lows, highs, colours = lows[:-1], highs[:-1], colours[:-1]
    n = len(lows)
    labels = [_range(a, b, unit, i, n) for i, (a, b) in enumerate(zip(lows, highs))]
    return Scale(tuple(colours), tuple(lows), tuple(highs), tuple(labels), "diverging")


# ---------------------------------------------------------------- what the map and table show

@dataclass(frozen=True)
class MapData:
    """Everything a map of one year shows: a row per province of the era (ranked, coloured or
    missing), the scale, and the words that go with them."""
    era: str
    table: pd.DataFrame     # one row per province of the era; see `province_table`
    scale: Scale | None
    coverage: str           # "32/63 tỉnh có số năm 2023"
    with_figure: int
    total: int


def value_text(value: object, qualifier: str, meta, lang: str, unit: bool = True) -> str:
    """A value as shown: qualifier mark, number, unit (`> 103.600 tỷ đồng`)."""
    return _value_text(None if not fmt.is_present(value) else float(value), qualifier, meta["unit_kind"],
                       pick(meta, "unit", lang) if unit else "", lang, int(meta["decimals"]))


@lru_cache(maxsize=4096)
def _value_text(value: float | None, qualifier: str, kind: str, unit: str, lang: str, decimals: int) -> str:
    # a map words the same few hundred values on every view: Babel's formatting is the cost
    return fmt.value_with_unit(value, kind, unit, lang, decimals, qualifier)


def status_words(row: dict, lang: str) -> str:
    """A map value's status: reported, estimated, a sum over merged units (with an estimate in
    it), or an incomplete sum; not-preferred and flag marks as everywhere."""
    if row["map_status"] == "incomplete":
        return t("map_status_incomplete", lang)
    if row["derived"]:
        return t("map_status_sum_estimated" if row["includes_estimate"] else "map_status_sum", lang)
    return tables.status_text(row, lang)


def province_table(values: list[dict], era: str, names: dict[str, str], meta, lang: str,
                   published: pd.DataFrame | None = None, titles: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per province of the era in display order (ranked first, then those without a
    figure by name): code, name, value, qualifier, status, rank, published rank, period, source,
    quote, figure id, and `map_status` (reported, estimated, incomplete, missing)."""
    sign = direction(meta) or 1
    by_code = {r["series_code"]: r for r in values}
    ranked = [r for r in values if r["map_status"] != "incomplete"]
    rank_of = dict(zip((r["series_code"] for r in ranked), ranks([r["value"] for r in ranked], sign)))
    pub = _published(published)
    out = []
    for code in geometry.codes(era):
        r = by_code.get(code)
        status = r["map_status"] if r is not None else "missing"
        out.append({
            "code": code, "name": names.get(code, code), "map_status": status,
            "value": float(r["value"]) if r is not None and status != "incomplete" else None,
            "qualifier": r["qualifier"] if r is not None else "exact",
            "rank": rank_of.get(code), "published_rank": pub.get(code, (None, ""))[0],
            "published_source": pub.get(code, (None, ""))[1],
            "status_text": status_words(r, lang) if r is not None else t("map_no_data", lang),
            "period": fmt.period(r["period_start"], r["period_end"], r["period_kind"], lang) if r is not None else "",
            "source": _source(r, titles or {}), "quote": r["quote"] if r is not None and fmt.is_present(r["quote"]) else "",
            "figure_id": _figure_id(r), "missing_codes": _as_list(r["missing_codes"]) if r is not None else [],
        })
    frame = pd.DataFrame(out)
    frame["rank"] = frame["rank"].astype("Int64")
    frame["_missing"] = frame["rank"].isna()
    frame["_name"] = frame["name"].map(fold)
    frame = frame.sort_values(["_missing", "rank", "_name"], kind="stable").drop(columns=["_missing", "_name"])
    return frame.reset_index(drop=True)


def _published(published: pd.DataFrame | None) -> dict[str, tuple[int, str]]:
    """Published national ranks by code: (rank, source title), from the rank indicator's rows."""
    if published is None or published.empty:
        return {}
    mine = published[published["chartable"] & (published["series_role"] != "predecessor")]
    return {r["series_code"]: (int(r["value"]), str(r["source_title"] or "")) for r in mine.to_dict("records")}


def _as_list(value: object) -> list:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return []
    return list(value)


def _source(row: dict | None, titles: dict[str, str]) -> str:
    if row is None:
        return ""
    if row["derived"]:
        return "; ".join(dict.fromkeys(titles.get(str(s), str(s)) for s in _as_list(row["component_sources"])))
    return str(row["source_title"]) if fmt.is_present(row["source_title"]) else ""


def _figure_id(row: dict | None) -> str:
    if row is None:
        return ""
    if fmt.is_present(row["figure_id"]):
        return str(row["figure_id"])
    return " + ".join(_as_list(row["component_ids"]))


def map_data(rows: pd.DataFrame, view: View, meta, names: dict[str, str], lang: str,
             published: pd.DataFrame | None = None, titles: dict[str, str] | None = None) -> MapData:
    """The map of the view's year: values, ranks, scale and coverage line (`titles`: source
    titles by id, for the sums over merged units)."""
    era = era_of(view.year, view.bounds)
    values = year_values(rows, view.year, geometry.codes(era))
    table = province_table(values, era, names, meta, lang, published, titles)
    drawn = table[table["value"].notna()]
    scale = make_scale(drawn["value"].astype(float).tolist(), meta, view.scale, lang)
    total = len(table)
    have = len(drawn)
    key = "map_coverage_current" if view.bounds == "current" else "map_coverage"
    return MapData(era, table, scale, t(key, lang, n=have, total=total, year=view.year), have, total)


def tier_name(data: MapData, value: float | None, sign: int, lang: str) -> str:
    """The scale class of a value in words ("" without one)."""
    if value is None or data.scale is None:
        return ""
    names = data.scale.short or data.scale.labels
    return names[data.scale.assign(value)]


def map_rows(data: MapData, meta, lang: str, names_of: dict[str, str]) -> list[dict]:
    """The rows `map_figure` draws: colour, status, label and an escaped hover per province."""
    out = []
    for r in data.table.to_dict("records"):
        name = html.escape(r["name"])
        if r["map_status"] in ("missing", "incomplete"):
            reason = (t("map_incomplete_hover", lang, missing=", ".join(names_of.get(c, c) for c in r["missing_codes"]))
                      if r["map_status"] == "incomplete" else t("map_no_data", lang))
            out.append({"code": r["code"], "value": None, "status": r["map_status"],
                        "hover": f"<b>{name}</b><br>{html.escape(reason)}"})
            continue
        colour = data.scale.colours[data.scale.assign(r["value"])]
        hover = [f"<b>{name}</b>", html.escape(value_text(r["value"], r["qualifier"], meta, lang)),
                 html.escape(f"{r['status_text']} · {r['period']}")]
        if r["qualifier"] != "exact":
            hover.append(html.escape(t("map_bound_hover", lang)))
        if fmt.is_present(r["rank"]):
            hover.append(html.escape(t("map_rank_hover", lang, rank=int(r["rank"]), n=data.with_figure)))
        if fmt.is_present(r["published_rank"]):
            hover.append(html.escape(t("map_published_rank_hover", lang, rank=int(r["published_rank"]))))
        hover.append(html.escape(t("map_hover_source", lang, source=_shorten(r["source"], 90))))
        out.append({"code": r["code"], "value": r["value"], "colour": colour, "status": r["map_status"],
                    "label": value_text(r["value"], r["qualifier"], meta, lang, unit=False),
                    "hover": "<br>".join(hover)})
    return out


def _shorten(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def source_line(table: pd.DataFrame, lang: str, limit: int = 2) -> str:
    """`Nguồn: A; B và 12 nguồn khác`: the documents behind the values drawn, most used first."""
    counts: dict[str, int] = {}
    for text in table[table["value"].notna()]["source"]:
        for s in str(text).split("; "):
            if s:
                counts[s] = counts.get(s, 0) + 1
    ordered = sorted(counts, key=lambda k: -counts[k])
    if not ordered:
        return ""
    shown = "; ".join(_shorten(s, 60) for s in ordered[:limit])
    if len(ordered) > limit:
        shown += " " + t("map_more_sources", lang, n=len(ordered) - limit)
    return t("map_source_line", lang, sources=shown)


def rows_source_line(rows: pd.DataFrame, years: tuple[int, int], titles: dict[str, str], lang: str) -> str:
    """The source line of the figures of some years (the bump chart's), most used first."""
    plain = [r for r in records(rows) if years[0] <= r["year"] <= years[1] and r["chartable"]]
    table = pd.DataFrame({"value": [r["value"] for r in plain], "source": [_source(r, titles) for r in plain]})
    return source_line(table, lang) if len(table) else ""


def title(meta, view: View, lang: str) -> str:
    """The title printed in the map (a picture sent alone still says what it shows)."""
    key = "map_title_current" if view.bounds == "current" else "map_title"
    return t(key, lang, indicator=pick(meta, "name", lang), unit=pick(meta, "unit", lang), year=view.year)


def scale_note(v: View, meta, data: MapData, lang: str) -> str:
    """One sentence saying how the colours were chosen."""
    sign = direction(meta)
    best = t({1: "map_best_high", -1: "map_best_low", 0: "map_best_none"}[sign], lang)
    if v.scale == "tiers":
        return t("map_scale_note_tiers", lang, n=data.with_figure, best=best)
    kind = scale_kind(meta)
    if kind == "sequential":
        return t("map_scale_note_steps", lang, best=best)
    mid = "100 %" if kind == "diverging_100" else "0"
    return t("map_scale_note_diverging_low" if sign < 0 else "map_scale_note_diverging", lang, mid=mid)


def map_text(v: View, data: MapData, meta, lang: str) -> charts.MapText:
    """The words printed inside the map: title, coverage, source, scale note, boundary credit,
    the legend (only the classes some province falls in) and both archipelagos' names."""
    footer = [data.coverage, source_line(data.table, lang), scale_note(v, meta, data, lang), t("map_credit", lang)]
    drawn = data.table[data.table["value"].notna()]["value"].astype(float).tolist()
    legend = data.scale.legend(direction(meta), drawn) if data.scale else []
    return charts.MapText(lang=lang, title=title(meta, v, lang), footer=footer, no_data=t("map_no_data", lang),
                          legend_missing=t("map_no_data", lang), legend_estimated=t("map_legend_estimated", lang),
                          legend_incomplete=t("map_legend_incomplete", lang), scale=legend,
                          archipelagos={k: t("map_archipelago_" + k, lang) for k in geometry.ARCHIPELAGO_CODES})


def clicked_code(event: object, codes: Iterable[str]) -> str | None:
    """The province a click on the map selected, from `st.plotly_chart`'s selection event: its
    code rides on the point as `customdata` (the invisible marker at its label point); points
    of other traces, and codes not on the map, choose nothing."""
    points = ((event or {}).get("selection") or {}).get("points") or []
    for point in points:
        code = point.get("customdata") if isinstance(point, dict) else None
        code = code[0] if isinstance(code, list) and code else code
        if isinstance(code, str) and code in codes:
            return code
    return None


# ---------------------------------------------------------------- ranking table and downloads

def ranking_frame(data: MapData, meta, lang: str, sign: int) -> pd.DataFrame:
    """The ranking beside the map (provinces with a figure): rank, province, group, value,
    status, the published rank apart."""
    shown = data.table[data.table["rank"].notna()]
    return pd.DataFrame({
        t("map_col_rank", lang): shown["rank"].astype("Int64"),
        t("map_col_province", lang): shown["name"],
        t("map_col_tier", lang): [tier_name(data, v, sign, lang) for v in shown["value"]],
        # the unit once, in the header: the column stays narrow enough to sit beside the map
        f"{t('value_label', lang)} ({pick(meta, 'unit', lang)})":
            [value_text(v, q, meta, lang, unit=False) for v, q in zip(shown["value"], shown["qualifier"])],
        t("status_label", lang): shown["status_text"],
        t("map_col_published_rank", lang): [_published_text(r, lang) for r in shown["published_rank"]],
    })


def _published_text(rank: object, lang: str) -> str:
    return t("map_published_rank_text", lang, rank=int(rank)) if fmt.is_present(rank) else ""


def missing_text(data: MapData, lang: str, names_of: dict[str, str]) -> list[str]:
    """The provinces without a figure (never ranked last), and the incomplete sums with the
    former units they lack (`names_of`: names at the figures' date)."""
    missing = sorted(data.table[data.table["map_status"] == "missing"]["name"], key=fold)
    incomplete = data.table[data.table["map_status"] == "incomplete"]
    out = []
    if missing:
        out.append(t("map_missing_list", lang, n=len(missing), names=", ".join(missing)))
    if len(incomplete):
        items = [t("map_incomplete_item", lang, name=r["name"],
                   missing=", ".join(names_of.get(c, c) for c in r["missing_codes"]))
                 for r in incomplete.to_dict("records")]
        out.append(t("map_incomplete_list", lang, n=len(items), items="; ".join(items)))
    return out


def export_frame(data: MapData, meta, view: View, lang: str, sign: int) -> pd.DataFrame:
    """Exactly what the map and its table show, one row per province of the map (those without
    a figure too): values as plain numbers, qualifier and unit in columns of their own."""
    out = []
    for r in data.table.to_dict("records"):
        out.append({
            t("map_col_rank", lang): r["rank"],
            t("map_col_code", lang): r["code"],
            t("map_col_province", lang): r["name"],
            t("indicator_label", lang): pick(meta, "name", lang),
            t("map_col_year", lang): view.year,
            t("value_label", lang): r["value"],
            t("map_col_qualifier", lang): t("qualifier_" + r["qualifier"], lang) if r["value"] is not None else "",
            t("map_col_unit", lang): pick(meta, "unit", lang),
            t("map_col_tier", lang): tier_name(data, r["value"], sign, lang),
            t("status_label", lang): r["status_text"],
            t("map_col_published_rank", lang): r["published_rank"],
            t("period_label", lang): r["period"],
            t("source_label", lang): r["source"],
            t("quote_label", lang): r["quote"],
            t("map_col_figure_id", lang): r["figure_id"],
        })
    frame = pd.DataFrame(out)
    for col in (t("map_col_rank", lang), t("map_col_published_rank", lang)):
        frame[col] = pd.array([None if not fmt.is_present(v) else int(v) for v in frame[col]], dtype="Int64")
    return frame


# ---------------------------------------------------------------- bump chart

def bump_points(rows: pd.DataFrame, years: tuple[int, int], bounds: str, chosen: tuple[str, ...],
                names: dict[str, str], meta, lang: str) -> tuple[pd.DataFrame, dict[int, int]]:
    """Computed ranks of the chosen provinces in each year of the range (among the provinces
    with a figure that year), and how many had one each year; series named as on the map."""
    sign = direction(meta) or 1
    out, counts = [], {}
    plain = records(rows)
    for year in range(years[0], years[1] + 1):
        values = [r for r in year_values(plain, year, geometry.codes(era_of(year, bounds)))
                  if r["map_status"] != "incomplete"]
        if not values:
            continue
        counts[year] = len(values)
        rank = dict(zip((r["series_code"] for r in values), ranks([r["value"] for r in values], sign)))
        for code in chosen:
            if code in rank:
                name = names.get(code, code)
                hover = (f"<b>{html.escape(name)}</b> · {year}<br>"
                         + html.escape(t("map_rank_hover", lang, rank=int(rank[code]), n=len(values))))
                out.append({"code": code, "series": name, "year": year, "rank": int(rank[code]),
                            "n": len(values), "hover": hover})
    return pd.DataFrame(out, columns=["code", "series", "year", "rank", "n", "hover"]), counts


def default_bump(rows: pd.DataFrame | list[dict], years: tuple[int, int], bounds: str, meta) -> tuple[str, ...]:
    """The provinces of the bump chart when none are chosen: the best ranked in the last year of
    the range that has figures (so changing the map's year or colours keeps the same lines)."""
    plain = records(rows)
    sign = direction(meta) or 1
    for year in range(years[1], years[0] - 1, -1):
        values = [r for r in year_values(plain, year, geometry.codes(era_of(year, bounds)))
                  if r["map_status"] != "incomplete"]
        if values:
            order = sorted(zip(ranks([r["value"] for r in values], sign), (r["series_code"] for r in values)))
            return tuple(code for _, code in order[:DEFAULT_BUMP])
    return ()
