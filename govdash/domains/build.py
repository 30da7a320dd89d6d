"""Build a domain page from its spec: load its figures, split them into chart parts, draw the open section, cards, comparisons and coverage."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

import pandas as pd

from govdash import db, fmt, tables
from govdash.db import Fetch
from govdash.domains import charts, kpi
from govdash.domains.pages import PAGES, ChartSpec, PageSpec
from govdash.i18n import t
from govdash.localities import unique_labels


@dataclass(eq=False)
class PageData:
    """Query results a page is built from; `hidden`: figures left out because their source's
    reliability is low (when the reader asked to hide those)."""
    rows: pd.DataFrame
    register: pd.DataFrame
    hidden: int = 0


@dataclass(eq=False)
class SectionView:
    """A section as shown: its title, charts and the figure rows shown as cards (`card_records`,
    as plain dicts in card order; `cards`, the same as a frame). `parts` are its charts still to
    be drawn; `charts` is None until they are (see `build(render=…)`)."""
    key: str
    title: str
    charts: list[charts.Chart] | None
    card_records: list[dict]
    parts: list = field(default_factory=list)
    source: _Rows | None = None
    card_positions: list[int] = field(default_factory=list)

    @property
    def cards(self) -> pd.DataFrame:
        """The card rows as a frame (taken when first asked for)."""
        made = self.__dict__.get("_cards")
        if made is None:
            made = self.__dict__["_cards"] = self.source.take(self.card_positions)
        return made

    def has_content(self) -> bool:
        """Whether the section shows anything: a chart to draw or a card."""
        return bool(self.parts) or bool(self.card_records)


@dataclass(eq=False)
class PageView:
    """Everything a domain page shows, built from `PageData` for one selection."""
    sections: list[SectionView]
    kpi_rows: pd.DataFrame
    kpi_year: int | None
    other_cards: pd.DataFrame
    all_rows: pd.DataFrame
    shown_ids: set[str] = field(default_factory=set)
    other_records: list[dict] = field(default_factory=list)  # `other_cards` as plain dicts


def page_spec(page: str) -> PageSpec:
    """The spec of a page by key (`sessions`, `supervision`, `voters`, `budget`)."""
    try:
        return PAGES[page]
    except KeyError:
        raise KeyError(f"unknown domain page {page!r}; known: {sorted(PAGES)}") from None


def load(page: str, localities: tuple[str, ...], year_from: int, year_to: int,
         fetch: Fetch | None = None, con=None, hide_low: bool = False) -> PageData:
    """The figures (and, for the sessions page, the session register) a page needs; with
    `hide_low`, none from a source of low reliability (a forum, a reposting site)."""
    spec, get = page_spec(page), db.fetcher(fetch, con)
    codes = tuple(localities)
    rows = get("domain_figures", domains=spec.domains, localities=codes, year_from=year_from, year_to=year_to)
    hidden = 0
    if hide_low and len(rows):
        low = rows["source_reliability"] == "low"
        hidden, rows = int(low.sum()), rows[~low].reset_index(drop=True)
    has_register = any(c.kind == "register" for s in spec.sections for c in s.charts)
    register = (get("session_register_rows", localities=codes, year_from=year_from, year_to=year_to)
                if has_register else pd.DataFrame())
    return PageData(rows, register, hidden)


def range_label(year_from: int, year_to: int) -> str:
    """`2023` or `2021–2023` (joined so a line never breaks inside it)."""
    return str(year_to) if year_from == year_to else f"{year_from}\u2060–\u2060{year_to}"


def _spec_rows(spec: ChartSpec, preferred: pd.DataFrame) -> pd.DataFrame:
    rows = preferred[preferred["indicator"].isin(spec.indicators)]
    if spec.bodies is not None:
        rows = rows[rows["body"].isin(spec.bodies)]
    return rows


class _Rows:
    """A page's figure rows read once as plain dicts, so planning the page (which rows go to
    which chart or card) is done on positions, and a DataFrame is taken only for what is kept:
    a boolean mask over a frame of Arrow strings costs a `take` per column, for every chart."""

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self.records = tables.records(frame)

    def take(self, positions: list[int]) -> pd.DataFrame:
        """The rows at these positions (in this order), keeping their index as a mask would."""
        return self.frame.iloc[positions]

    def ids(self, positions) -> set[str]:
        return {self.records[i]["figure_id"] for i in positions}


@dataclass(eq=False)
class _Part:
    """A chart to be drawn: its spec, period family ("annual", "sessions", "periods", "register"),
    key, title and rows (the register's frame, or positions in the page's `_Rows`: `records` as
    plain dicts, `rows` as a frame taken when first asked for); `wide` says whether it takes
    the full page width."""
    spec: ChartSpec
    variant: str
    key: str
    title: str
    source: _Rows | pd.DataFrame
    wide: bool
    positions: list[int] = field(default_factory=list)

    @property
    def rows(self) -> pd.DataFrame:
        if isinstance(self.source, pd.DataFrame):
            return self.source
        made = self.__dict__.get("_rows")
        if made is None:
            made = self.__dict__["_rows"] = self.source.take(self.positions)
        return made

    @property
    def records(self) -> list[dict]:
        if isinstance(self.source, pd.DataFrame):
            return tables.records(self.source)
        return [self.source.records[i] for i in self.positions]


def _parts(spec: ChartSpec, preferred: pd.DataFrame | _Rows, register: pd.DataFrame | None,
           year_from: int, year_to: int, lang: str, pool: list[int] | None = None) -> list[_Part]:
    """The charts one spec yields: full years, single sessions and other periods each get their own.
    `pool`: positions of the preferred rows in `preferred` (a `_Rows`); all rows when None."""
    span = range_label(year_from, year_to)
    title = f"{t(spec.title, lang)} · {span}"
    if spec.kind == "register":
        if register is None or register.empty:
            return []
        return [_Part(spec, "register", spec.key, title, register, True)]
    rows = preferred if isinstance(preferred, _Rows) else _Rows(preferred)
    recs = rows.records
    indicators, bodies = set(spec.indicators), spec.bodies
    mine = [i for i in (range(len(recs)) if pool is None else pool)
            if recs[i]["indicator"] in indicators and (bodies is None or recs[i]["body"] in bodies)]
    groups = {"annual": [], "sessions": [], "periods": []}
    for i in mine:
        kind = recs[i]["period_kind"]
        groups["annual" if kind == charts.ANNUAL else "sessions" if kind == charts.SESSION else "periods"].append(i)
    parts = []
    for suffix, variant in (("", "annual"), ("_sessions", "sessions"), ("_periods", "periods")):
        positions = groups[variant]
        if not positions:
            continue
        name = title if variant == "annual" else f"{t(spec.title, lang)} — {t('dom_variant_' + variant, lang)} · {span}"
        parts.append(_Part(spec, variant, spec.key + suffix, name, rows,
                           _is_wide(spec, variant, [recs[i] for i in positions]), positions))
    return parts


def layout_rows(items: list) -> list[list]:
    """Rows of a section: two narrow charts side by side, a wide one alone (order kept)."""
    rows, i = [], 0
    while i < len(items):
        if not items[i].wide and i + 1 < len(items) and not items[i + 1].wide:
            rows.append([items[i], items[i + 1]])
            i += 2
        else:
            rows.append([items[i]])
            i += 1
    return rows


def _render(part: _Part, lang: str, year_from: int, year_to: int, order: list[str]) -> charts.Chart:
    width = charts.WIDE if part.wide else charts.NARROW
    if part.variant == "register":
        fig = charts.register_timeline(part.rows, lang, part.title, year_from, year_to, series_order=order,
                                       width=width)
        note = "" if fig is not None else _undated_note(part.rows, lang)
        return charts.Chart(part.key, part.title, fig, charts.source_line(part.rows, lang), part.rows,
                            note=note, kind="register", wide=True)
    years = list(range(year_from, year_to + 1))
    records = part.records  # the builders read dicts: no second reading of a frame
    fig = _figure(part.spec, part.variant, records, lang, part.title, years, order, width)
    return charts.Chart(part.key, part.title, fig, charts.source_line(records, lang), part.rows,
                        wide=part.wide)


def section_parts(specs: tuple[ChartSpec, ...], preferred: pd.DataFrame | _Rows, register: pd.DataFrame | None,
                  year_from: int, year_to: int, lang: str, pool: list[int] | None = None) -> list[_Part]:
    """The charts some specs yield, in order, not yet drawn; a narrow chart with no narrow
    neighbour is made wide."""
    rows = preferred if isinstance(preferred, _Rows) else _Rows(preferred)
    parts = [p for spec in specs for p in _parts(spec, rows, register, year_from, year_to, lang, pool)]
    for row in layout_rows(parts):
        if len(row) == 1:
            row[0].wide = True
    return parts


def draw(parts: list[_Part], localities: tuple[str, ...], year_from: int, year_to: int,
         lang: str) -> list[charts.Chart]:
    """Draw charts planned by `section_parts` (the costly step: Plotly figures)."""
    return [_render(p, lang, year_from, year_to, list(localities)) for p in parts]


def section_charts(specs: tuple[ChartSpec, ...], preferred: pd.DataFrame, register: pd.DataFrame | None,
                   localities: tuple[str, ...], year_from: int, year_to: int, lang: str) -> list[charts.Chart]:
    """The charts of some specs, in order; a narrow chart with no narrow neighbour is drawn wide."""
    return draw(section_parts(specs, preferred, register, year_from, year_to, lang), localities,
                year_from, year_to, lang)


def _undated_note(register: pd.DataFrame, lang: str) -> str:
    items = [f"{charts.locality_name(r, lang)}: {charts.register_name(r, lang)}" for _, r in register.iterrows()]
    return t("dom_reg_undated", lang, sessions="; ".join(items))


def _figure(spec: ChartSpec, variant: str, rows: pd.DataFrame, lang: str, title: str,
            years: list[int], order: list[str], width: int):
    if spec.kind == "shares":
        return charts.shares_chart(rows, lang, title, order=list(spec.indicators), series_order=order,
                                   width=width)
    if spec.kind in ("breakdown", "estimates"):
        reference = 100.0 if spec.kind == "estimates" else None
        return charts.breakdown_chart(rows, lang, title, order=list(spec.indicators), reference=reference,
                                      series_order=order, width=width)
    if variant == "annual":
        return charts.years_chart(rows, lang, title, years, series_order=order, width=width)
    if variant == "sessions":
        return charts.sessions_chart(rows, lang, title, series_order=order, width=width)
    return charts.periods_chart(rows, lang, title, series_order=order, width=width)


def _is_wide(spec: ChartSpec, variant: str, records: list[dict]) -> bool:
    """Full page width for side-by-side indicators, and for time charts with many bars."""
    if spec.kind in ("breakdown", "estimates", "shares"):
        return True
    series = len({(r["locality_code"], r["indicator"], r["body"]) for r in records})
    categories = len({r["year" if variant == "annual" else "period_end"] for r in records})
    if variant != "annual" and categories > 3:
        return True
    return series * max(categories, 1) > 8


def kpi_rows(rows: pd.DataFrame | _Rows, locality: str) -> tuple[pd.DataFrame, int | None]:
    """Headline result figures of the main locality for the latest year with results in the range:
    full-year figures when there are any, otherwise the latest other periods (quarters…)."""
    rows = rows if isinstance(rows, _Rows) else _Rows(rows)
    recs = rows.records
    own = [i for i, r in enumerate(recs)
           if r["locality_code"] == locality and r["preferred"] and r["status"] != "planned"]
    if not own:
        return rows.take([]), None
    annual = [i for i in own if recs[i]["period_kind"] == charts.ANNUAL]
    pool = annual or own
    year = int(max(recs[i]["year"] for i in pool))
    latest = [i for i in pool if recs[i]["year"] == year]
    return rows.take(kpi.headline_positions(recs, latest, minimum=3, maximum=6)), year


def build(page: str, data: PageData, localities: tuple[str, ...], year_from: int, year_to: int,
          lang: str, render: Collection[int] | None = None) -> PageView:
    """A page's content: sections with charts and cards, KPI rows, and every figure of the page.

    `render` names the sections (by position) whose charts are drawn; None draws all. The others
    keep their planned `parts` (what is drawn where is decided for all, so cards are the same)."""
    spec = page_spec(page)
    rows = _Rows(data.rows)
    recs = rows.records
    preferred = [i for i, r in enumerate(recs) if r["preferred"]]
    sections, shown = [], set()
    for index, section in enumerate(spec.sections):
        parts = section_parts(section.charts, rows, data.register, year_from, year_to, lang, pool=preferred)
        for part in parts:
            if part.variant != "register":
                shown |= rows.ids(part.positions)
        made = (draw(parts, localities, year_from, year_to, lang)
                if render is None or index in render else None)
        sections.append(SectionView(section.title, t(section.title, lang), made, [], parts, rows))
    leftovers = [i for i in preferred if recs[i]["figure_id"] not in shown]
    placed: set[str] = set()
    for view, section in zip(sections, spec.sections):
        indicators = section.indicators()
        mine = [i for i in leftovers if recs[i]["indicator"] in indicators and recs[i]["figure_id"] not in placed]
        view.card_positions = _card_order(recs, mine, localities)
        view.card_records = [recs[i] for i in view.card_positions]
        placed |= rows.ids(mine)
    other = _card_order(recs, [i for i in leftovers if recs[i]["figure_id"] not in placed], localities)
    head, year = kpi_rows(rows, localities[0]) if localities else (rows.take([]), None)
    return PageView(sections, head, year, rows.take(other), data.rows, shown | placed | rows.ids(other),
                    other_records=[recs[i] for i in other])


def _card_order(recs: list[dict], positions: list[int], localities: tuple[str, ...]) -> list[int]:
    """Positions of card rows in page order: the localities' order, then period, indicator, body."""
    rank = {c: i for i, c in enumerate(localities)}
    return sorted(positions, key=lambda i: (rank.get(recs[i]["locality_code"], 10_000), recs[i]["period_end"],
                                            recs[i]["sort_order"], recs[i]["body"]))


def cards(rows: pd.DataFrame | list[dict], lang: str, name_locality: bool) -> list[kpi.Card]:
    """KPI-style cards for figure rows, naming the locality in the caption when several are shown."""
    from dataclasses import replace
    out = []
    records = tables.records(rows) if isinstance(rows, pd.DataFrame) else rows  # a Series per row costs more than the card
    bodies: dict[tuple[str, str], set[str]] = {}
    for r in records:
        bodies.setdefault((r["locality_code"], r["indicator"]), set()).add(r["body"])
    several_bodies = {indicator for (_, indicator), b in bodies.items() if len(b) > 1}
    for row in records:
        # the body is in the caption; it joins the label only where one indicator has several bodies
        card = kpi.card(row, lang, show_body=row["indicator"] in several_bodies)
        if row["unit_kind"] == "money":  # "1,484.75 billion VND" does not fit a card: unit to the label
            number = fmt.value_with_unit(row["value"], "count", "", lang, int(row["decimals"]), row["qualifier"])
            card = replace(card, value=number, label=f"{card.label} ({charts.unit(row, lang)})")
        elif row["unit_kind"] == "ratio":  # "2" alone says nothing: "2 lần", the label without it
            unit = charts.unit(row, lang)
            card = replace(card, value=f"{card.value} {unit}", label=card.label.removesuffix(f" ({unit})"))
        card = replace(card, help=f"**{card.label}**\n\n{card.help}")  # a long label is cut on screen
        if name_locality:
            card = replace(card, caption=f"{charts.locality_name(row, lang)} · {card.caption}")
        out.append(card)
    return out


def domain_charts(page: str, localities: tuple[str, ...] | list[str], year_from: int, year_to: int,
                  lang: str = "vi", fetch: Fetch | None = None, con=None) -> list[charts.Chart]:
    """Every chart of a domain page for these localities (the first is the main one) and years,
    in page order; each carries its figure, title, source line and the rows it shows."""
    codes = tuple(localities)
    data = load(page, codes, year_from, year_to, fetch, con)
    view = build(page, data, codes, year_from, year_to, lang)
    return [c for s in view.sections for c in s.charts]


# ---------------------------------------------------------------- comparison and coverage

def compare_options(coverage: pd.DataFrame, main: str, limit: int | None = None) -> tuple[list[str], bool]:
    """Other localities with figures of the page's domains in the range, in list order, and
    whether the list was narrowed: above `limit` of them (a national list offers ~1,000, which
    costs the browser more than the rest of the page), only the `near` ones, of the main
    locality's own tier and province, and its province (the Compare page compares any)."""
    codes = [c for c in dict.fromkeys(coverage["locality_code"].tolist()) if c != main]
    if limit is None or len(codes) <= limit:
        return codes, False
    near = set(coverage.loc[coverage["near"], "locality_code"].tolist())
    return [c for c in codes if c in near], True


MAX_DEFAULT_COMPARE = 4  # lanes beside the main locality that a page draws unasked


def default_compare(coverage: pd.DataFrame, main: str) -> list[str]:
    """Up to `MAX_DEFAULT_COMPARE` localities of the main one's tier (and province, below the
    province level: `same_tier_near` of `domain_coverage`) with results in the range, the best
    covered first, shown in list order; none when the main locality has no data (its empty state
    comes first)."""
    if main not in set(coverage["locality_code"].tolist()):
        return []
    same = coverage[(coverage["result_count"] > 0) & (coverage["locality_code"] != main)
                    & coverage["same_tier_near"]]
    totals = same.groupby("locality_code", sort=False)["result_count"].sum()
    best = set(totals.sort_values(ascending=False, kind="stable").index[:MAX_DEFAULT_COMPARE].tolist())
    return [c for c in dict.fromkeys(same["locality_code"].tolist()) if c in best]


def option_labels(coverage: pd.DataFrame, lang: str) -> dict[str, str]:
    """`Name · level` for every locality of a coverage table, in its order (one pass, no lookups)."""
    first = coverage.drop_duplicates("locality_code")
    names = first["locality_name_en" if lang == "en" else "locality_name_vi"].fillna(first["locality_name_vi"])
    levels = {lv: t("level_" + lv, lang) for lv in first["level"].unique()}
    return unique_labels({code: f"{name} · {levels[lv]}"
                          for code, name, lv in zip(first["locality_code"].tolist(), names.tolist(),
                                                    first["level"].tolist())})


def coverage_line(coverage: pd.DataFrame, shown: tuple[str, ...], names: dict[str, str],
                  year_from: int, year_to: int, lang: str, narrowed: bool = False) -> str:
    """Which shown localities have data for the page's domains in which years of the range
    (`narrowed`: the picker offers only some of the others, see `compare_options`)."""
    parts = []
    for code in shown:
        years = sorted(int(y) for y in coverage[coverage["locality_code"] == code]["year"].unique())
        listed = ", ".join(map(str, years)) if years else t("dom_coverage_none", lang)
        parts.append(f"{names[code]}: {listed}")
    others = [c for c in dict.fromkeys(coverage["locality_code"]) if c not in shown]
    text = t("dom_coverage", lang, years=range_label(year_from, year_to), localities="; ".join(parts))
    if others:
        text += " " + t("dom_coverage_others_near" if narrowed else "dom_coverage_others", lang, n=len(others))
    return text
