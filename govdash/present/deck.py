"""The slide list of a presentation (the Deck): which charts of a locality and year make slides, in which order, with their takeaways and images."""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from govdash import db, fmt
from govdash.db import Fetch
from govdash.domains import build, charts, pages
from govdash.i18n import pick, t
from govdash.maps import slide as map_slide
from govdash.present import takeaways

Progress = Callable[[float, str], None]
DEFAULT_SLIDES = 8
CONTEXT_YEARS = 2
# Most telling first; `_periods` variants stand in for a chart with no full-year figure.
RANKING = [
    "sessions/sessions_by_kind", "budget/revenue", "supervision/supervision", "voters/petition_status",
    "budget/grdp", "supervision/interpellation", "budget/revenue_vs_estimate", "budget/targets",
    "sessions/resolutions_sessions", "sessions/all_councils", "voters/reception", "voters/letters_pct",
    "supervision/referrals", "budget/disbursement_pct", "budget/revenue_parts", "voters/petitions",
    "voters/letters", "sessions/committee_meetings", "sessions/resolutions", "budget/investment_money",
    "budget/sector_growth", "budget/sipas", "budget/admin_rates",
]
PAGE_ORDER = ("sessions", "supervision", "voters", "budget")
MAP_PAGE = "map"   # the map slide's page: after the domain pages, ranked among the most telling
MAP_RANK = 2


class DeckError(ValueError):
    """No deck can be made (unknown locality, a year without data); the message says what exists."""


@dataclass(eq=False)
class Slide:
    """One chart slide: key (`page/chart`), domain page, section, the chart's title (`label`) and
    rank; its chart, takeaway (`title`), source line and notes are made on first use by `draw`
    (chart and takeaway), once, even when several sessions ask at the same time."""
    key: str
    page: str
    section: str
    label: str
    rank: int
    lang: str
    draw: Callable[[], tuple[charts.Chart, str]] = field(repr=False)
    _made: tuple[charts.Chart, str] | None = field(default=None, init=False, repr=False)
    _notes: str | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def _get(self) -> tuple[charts.Chart, str]:
        with self._lock:
            if self._made is None:
                self._made = self.draw()
            return self._made

    @property
    def chart(self) -> charts.Chart:
        """The chart, drawn alone at full width."""
        return self._get()[0]

    @property
    def title(self) -> str:
        """The takeaway: one sentence written from the figures."""
        return self._get()[1]

    @property
    def source(self) -> str:
        """The chart's (shortened) source line."""
        return self.chart.source_line

    @property
    def notes(self) -> str:
        """Speaker notes: the takeaway and every figure of the chart with its quote."""
        if self._notes is None:
            self._notes = notes_text(self.chart, self.title, self.lang)
        return self._notes


@dataclass(eq=False)
class Deck:
    """A locality's deck for one year: the title slide's facts and the chart slides in order."""
    locality: str
    name: str
    level: str
    year: int
    lang: str
    made: dt.date
    slides: list[Slide] = field(default_factory=list)

    def title_lines(self) -> dict[str, str]:
        """The title slide's texts."""
        lang = self.lang
        return {"kicker": t("pres_title_kicker", lang), "name": t("pres_title_main", lang, locality=self.name),
                "year": t("pres_title_year", lang, year=self.year), "sub": t("pres_title_sub", lang),
                "date": t("pres_title_date", lang, date=fmt.date(self.made, lang)),
                "count": t("pres_title_count", lang, n=len(self.slides))}


# ---------------------------------------------------------------- the slide list

def locality_info(code: str, fetch: Fetch) -> pd.Series:
    """The `localities` row of a code; DeckError naming the localities with data if unknown."""
    locs = fetch("localities")
    hit = locs[locs["code"] == code]
    if hit.empty:
        with_data = locs[locs["figure_count"] > 0]
        names = "; ".join(f"{r.code} {r.name_vi}" for r in with_data.itertuples())
        raise DeckError(f"unknown locality {code!r}. Localities with data: {names}")
    return hit.iloc[0]


def data_years(code: str, fetch: Fetch) -> list[int]:
    """The years in which the locality has figures."""
    return [int(y) for y in fetch("data_years", locality=code)["year"]]


def _rank(key: str) -> int:
    """A slide key's place in RANKING; a `_periods` variant takes its full-year chart's place
    (it only exists when that chart does not); anything else comes last."""
    page, chart = key.split("/", 1)
    if key in RANKING:
        return RANKING.index(key)
    base = f"{page}/{takeaways.base_key(chart)}"
    if takeaways.variant(chart) == "periods" and base in RANKING:
        return RANKING.index(base)
    return len(RANKING)


def _spec_rows(spec: pages.ChartSpec, rows: pd.DataFrame) -> pd.DataFrame:
    mine = rows[rows["indicator"].isin(spec.indicators)]
    return mine if spec.bodies is None else mine[mine["body"].isin(spec.bodies)]


def _context_from(result_years: set[int], year: int) -> int:
    """The first year (at most CONTEXT_YEARS before `year`) from which every year has results."""
    start = year
    while start - 1 >= year - CONTEXT_YEARS and start - 1 in result_years:
        start -= 1
    return start


@dataclass(frozen=True)
class _Planned:
    """A chart slide to be: its spec, chart key, first year shown and chart title."""
    spec: pages.ChartSpec
    key: str
    start: int
    title: str


def _page_plan(page: str, facts: list[tuple], year: int, lang: str) -> list[_Planned]:
    """The page's charts with a template and results in `year`, in page order, without drawing
    them: `facts` are (indicator, body, year, status, period_kind) of the page's preferred
    figures. Full years get a chart (with context years); sessions always get their own; other
    periods only stand in for missing full years."""
    out = []
    for section in build.page_spec(page).sections:
        for spec in section.charts:
            if not takeaways.has_template(spec.key):
                continue
            mine = [f for f in facts if f[0] in spec.indicators and (spec.bodies is None or f[1] in spec.bodies)]
            results = [f for f in mine if f[3] != takeaways.PLANNED]
            of_year = {(f[0], f[1], takeaways.family_of(f[4])) for f in results if f[2] == year}
            name = t(spec.title, lang)
            if takeaways.has_result_in(spec.key, of_year):
                start = year
                if spec.kind == "years":
                    start = _context_from({f[2] for f in results if f[4] == takeaways.ANNUAL}, year)
                out.append(_Planned(spec, spec.key, start, f"{name} · {build.range_label(start, year)}"))
                variants = ("sessions",)
            else:
                variants = ("sessions", "periods")
            for variant in variants:
                key = f"{spec.key}_{variant}"
                if takeaways.has_result_in(key, of_year):
                    label = f"{name} — {t('dom_variant_' + variant, lang)} · {build.range_label(year, year)}"
                    out.append(_Planned(spec, key, year, label))
    return out


def _chart(planned: _Planned, rows: pd.DataFrame, code: str, year: int, lang: str) -> charts.Chart:
    """One planned chart drawn alone at full width from the page's preferred figures: full years
    from its first year on, or the year's sessions, or the year's other periods."""
    spec_rows = _spec_rows(planned.spec, rows)
    kinds = spec_rows["period_kind"]
    family = takeaways.variant(planned.key)
    if family == "annual":
        part = spec_rows[(kinds == takeaways.ANNUAL) & (spec_rows["year"] >= planned.start)]
    elif family == "sessions":
        part = spec_rows[(kinds == takeaways.SESSION) & (spec_rows["year"] == year)]
    else:
        part = spec_rows[~kinds.isin({takeaways.ANNUAL, takeaways.SESSION}) & (spec_rows["year"] == year)]
    made = build.section_charts((planned.spec,), part, None, (code,), planned.start, year, lang)
    return next(c for c in made if c.key == planned.key)


def _once(make: Callable[[], pd.DataFrame]) -> Callable[[], pd.DataFrame]:
    """`make()`, computed on the first call only (thread-safe)."""
    made: list[pd.DataFrame] = []
    lock = threading.Lock()

    def get() -> pd.DataFrame:
        with lock:
            if not made:
                made.append(make())
            return made[0]
    return get


def _drawer(planned: _Planned, page_rows: Callable[[], pd.DataFrame], code: str, year: int, lang: str,
            names: dict[str, tuple[str, str]], level: str) -> Callable[[], tuple[charts.Chart, str]]:
    """What makes a slide's chart and takeaway when first asked (the takeaway reads the page's
    figures of the year, so a missing clause can be named)."""
    def draw() -> tuple[charts.Chart, str]:
        rows = page_rows()
        chart = _chart(planned, rows, code, year, lang)
        of_year = rows[rows["year"] == year]
        return chart, takeaways.takeaway(chart.key, of_year, year, lang, names, level=level)
    return draw


def notes_text(chart: charts.Chart, takeaway: str, lang: str) -> str:
    """Speaker notes: the takeaway, then every figure of the chart with status, source and quote."""
    lines = [t("pres_notes_takeaway", lang, text=takeaway), "", t("pres_notes_figures", lang)]
    rows = chart.rows.sort_values(["period_end", "sort_order", "body"], kind="stable")
    for _, row in rows.iterrows():
        lines.append(t("pres_notes_line", lang, indicator=charts.indicator_name(row, lang),
                       body=t("body_" + row["body"], lang), period=charts.period_label(row, lang),
                       value=charts.full_value(row, lang), status=charts.status_text(row, lang),
                       source=f"{row['source_title']} ({charts.source_name(row)})"))
        if charts.present(row.get("quote")):
            lines.append(t("pres_notes_quote", lang, quote=row["quote"]))
    return "\n".join(lines)


def _python_strings(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with their text columns held as Python strings: drawing a chart and writing its
    takeaway filter these few hundred rows many times, and each filter of Arrow-backed text
    costs several times more than of Python objects (the values are the same)."""
    text = [c for c in rows.columns if isinstance(rows[c].dtype, pd.StringDtype)]
    return rows.astype({c: object for c in text})


def _domains() -> tuple[str, ...]:
    """Every data domain of the presenter's pages."""
    return tuple(dict.fromkeys(d for page in PAGE_ORDER for d in build.page_spec(page).domains))


def slide_list(code: str, year: int, lang: str = "vi", fetch: Fetch | None = None, con=None,
               level: str | None = None) -> list[Slide]:
    """Every chart slide the locality has for the year, in page order, each with its rank.

    Nothing is drawn here (see `Slide`). `level` is the locality's level when the caller knows
    it (otherwise it is looked up, and an unknown locality is a DeckError)."""
    get = db.fetcher(fetch, con)
    level = level or locality_info(code, get)["level"]
    rows = get("domain_figures", localities=[code], domains=_domains(), year_from=year - CONTEXT_YEARS,
               year_to=year)
    rows = rows[rows["preferred"]]  # slides draw only preferred figures
    if rows.empty:
        return []
    meta = get("present_indicators")
    names = dict(zip(meta["indicator"].tolist(), zip(meta["name_vi"].tolist(), meta["name_en"].tolist())))
    facts = list(zip(rows["domain"], rows["indicator"], rows["body"], rows["year"], rows["status"],
                     rows["period_kind"]))
    slides = []
    for page in PAGE_ORDER:
        spec = build.page_spec(page)
        own = set(spec.domains)
        planned = _page_plan(page, [f[1:] for f in facts if f[0] in own], year, lang)
        if not planned:
            continue
        page_rows = _once(lambda own=own: _python_strings(rows[rows["domain"].isin(own)]))
        section = t(spec.title, lang)
        for plan in planned:
            key = f"{page}/{plan.key}"
            slides.append(Slide(key, page, section, plan.title, _rank(key), lang,
                                _drawer(plan, page_rows, code, year, lang, names, level)))
    mapped = map_slide.plan(year, get) if slides else None  # a deck of a map alone says nothing of the locality
    if mapped:
        label = map_slide.label(mapped, get, lang)
        slides.append(Slide(f"{MAP_PAGE}/{mapped.indicator}", MAP_PAGE, t("pres_map_section", lang), label,
                            MAP_RANK, lang, _map_drawer(mapped, label, code, lang, get)))
    return slides


def _map_drawer(mapped: map_slide.MapPlan, label: str, code: str, lang: str,
                get: Fetch) -> Callable[[], tuple[charts.Chart, str]]:
    """What makes the map slide's chart and takeaway when first asked."""
    def draw() -> tuple[charts.Chart, str]:
        figure, takeaway, source, rows = map_slide.draw(mapped, code, lang, get)
        return charts.Chart(mapped.indicator, label, figure, source, rows, wide=True,
                            section=t("pres_map_section", lang)), takeaway
    return draw


def default_keys(slides: list[Slide], limit: int = DEFAULT_SLIDES) -> list[str]:
    """The `limit` most telling slides, in page order."""
    best = {s.key for s in sorted(slides, key=lambda s: s.rank)[:limit]}
    return [s.key for s in slides if s.key in best]


def make_deck(code: str, year: int, lang: str = "vi", keys: list[str] | None = None,
              fetch: Fetch | None = None, con=None, today: dt.date | None = None) -> Deck:
    """The deck for a locality and year: the slides named by `keys` in that order (unknown keys
    are skipped), or the default selection. DeckError when there is nothing to show."""
    get = db.fetcher(fetch, con)
    info = locality_info(code, get)
    name = pick(info, "name", lang)
    years = data_years(code, get)
    listed = ", ".join(map(str, years)) or t("pres_cli_none", lang)
    if year not in years:
        raise DeckError(t("pres_cli_no_year", lang, locality=name, year=year, years=listed))
    slides = slide_list(code, year, lang, get, level=info["level"])
    if not slides:
        raise DeckError(t("pres_cli_no_chart", lang, locality=name, year=year, years=listed))
    by_key = {s.key: s for s in slides}
    chosen = [by_key[k] for k in (keys if keys is not None else default_keys(slides)) if k in by_key]
    return Deck(code, name, info["level"], year, lang, today or dt.date.today(), chosen)


# ---------------------------------------------------------------- images

def chart_images(deck: Deck, progress: Progress | None = None) -> list[bytes]:
    """The 2× PNG of every chart slide, drawn in one go by the long-lived renderer."""
    from govdash.present import render
    total = len(deck.slides)
    figures = []
    for i, slide in enumerate(deck.slides):  # slides not shown yet are drawn now
        if progress:
            progress(0.1 * i / max(total, 1), t("pres_step_data", deck.lang))
        figures.append(slide.chart.figure)

    def tick(done: int, _total: int) -> None:
        if progress:
            progress(0.1 + 0.8 * done / max(total, 1),
                     t("pres_step_render", deck.lang, n=min(done + 1, total), total=total))

    return render.images(figures, "png", progress=tick)


