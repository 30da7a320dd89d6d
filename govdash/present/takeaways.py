"""One-sentence takeaways written from the figures by templates, in Vietnamese and English.

A template names a subject (the body that acted, e.g. "HĐND thành phố") and clauses; each clause
is a wording from the catalogue (`pres_tk_<wording>`, with `_est` and `_plan` forms) with a
`{value}` slot that only ever receives a figure of the data: its number formatted the house way,
its qualifier as a word ("trên 103.600 tỷ đồng"), its unit from metadata. So a takeaway cannot
state a number the data does not hold. Estimated figures take the estimate wording ("ước đạt"),
plans the plan wording ("dự kiến", "kế hoạch"), derived figures a "số suy ra" mark, and a clause
whose indicator has no figure says so ("chưa có số liệu về …"), never 0.

No Streamlit here. `takeaway(chart_key, rows, year, lang, names)` is what callers use.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from govdash import fmt
from govdash.domains import charts
from govdash.i18n import t

ANNUAL, SESSION, PLANNED = "year", "session", "planned"
LEVEL_GROUP = {"central_city": "city", "provincial_city": "city", "province": "province",
               "district": "district", "commune": "commune"}


@dataclass(frozen=True)
class Clause:
    """One indicator's part of a sentence: the catalogue wording, the bodies whose figures it
    reads (None: any), parts listed in brackets as (indicator, part key), and whether it is left
    out (rather than said to be missing) when the indicator has no figure."""
    indicator: str
    wording: str
    bodies: tuple[str, ...] | None = None
    parts: tuple[tuple[str, str], ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class Template:
    """A sentence: an optional subject body ("council" → "HĐND thành phố") and its clauses;
    at most `limit` clauses with figures are said (the optional ones are dropped first)."""
    subject: str | None
    clauses: tuple[Clause, ...]
    limit: int = 3


C = Clause
_COUNCIL, _COMMITTEE = ("council",), ("people_committee",)
_SESSION_PARTS = (("council_sessions_regular", "regular"), ("council_sessions_thematic", "thematic"),
                  ("council_sessions_extraordinary", "extraordinary"))

# Keyed by the domain chart key (`govdash.domains` ChartSpec.key); a chart without a template
# gets no slide. The order of clauses is the order they are said.
TEMPLATES: dict[str, Template] = {
    "sessions_by_kind": Template("council", (
        C("council_sessions", "held", _COUNCIL, _SESSION_PARTS),
        C("resolutions_passed", "passed", _COUNCIL))),
    "resolutions": Template("council", (C("resolutions_passed", "passed", _COUNCIL),)),
    "all_councils": Template("all_councils", (
        C("council_sessions_thematic", "thematic", ("all_councils",)),
        C("resolutions_passed", "issued", ("all_councils",)))),
    "committee_meetings": Template("people_committee", (C("committee_meetings", "held"),)),
    "supervision": Template("council", (
        C("supervision_missions", "supervised"),
        C("supervision_and_survey_missions", "supervised_surveyed", optional=True),
        C("supervision_resolutions_covered", "covered", optional=True))),
    "interpellation": Template("people_committee", (
        C("interpellation_questions", "answered", None,
          (("interpellation_questions_written", "written"), ("interpellation_questions_oral", "oral"))),)),
    "referrals": Template("people_committee", (C("standing_committee_referrals", "referred"),)),
    "petitions": Template("people_committee", (C("voter_petitions", "handled_petitions"),)),
    "petition_status": Template(None, (
        C("voter_petitions_resolved_pct", "resolved_pct"),
        C("voter_petitions_partly_resolved_pct", "partly_pct"),
        C("voter_petitions_pending_pct", "pending_pct"))),
    "reception": Template(None, (
        C("reception_sessions", "reception_sessions"),
        C("reception_people", "reception_people", optional=True),
        C("reception_cases", "reception_cases", optional=True))),
    "letters": Template(None, (C("letters_handled", "letters"),)),
    "letters_pct": Template(None, (C("letters_resolved_pct", "letters_resolved"),)),
    "revenue": Template(None, (C("budget_revenue", "revenue"),)),
    "revenue_vs_estimate": Template(None, (
        C("budget_revenue_pct_of_central_estimate", "revenue_pct_central", optional=True),
        C("budget_revenue_pct_of_council_estimate", "revenue_pct_council", optional=True),
        C("budget_revenue_pct_of_province_estimate", "revenue_pct_province", optional=True),
        C("budget_revenue_pct_of_estimate", "revenue_pct", optional=True),
        C("domestic_revenue_pct_of_central_estimate", "domestic_pct_central", optional=True),
        C("domestic_revenue_pct_of_council_estimate", "domestic_pct_council", optional=True)), limit=2),
    "revenue_parts": Template(None, (
        C("domestic_revenue", "domestic", optional=True),
        C("import_export_revenue", "import_export", optional=True),
        C("land_use_revenue", "land_use", optional=True)), limit=2),
    "disbursement_pct": Template(None, (
        C("public_investment_disbursed_pct_of_plan", "disbursed_pct", optional=True),
        C("public_investment_disbursed_pct_of_central_plan", "disbursed_pct_central", optional=True),
        C("public_investment_disbursed_pct_of_council_plan", "disbursed_pct_council", optional=True)), limit=2),
    "investment_money": Template(None, (C("public_investment_disbursed", "disbursed"),)),
    "grdp": Template(None, (
        C("grdp_growth", "grdp"),
        C("grdp_growth_ratio_to_national", "grdp_ratio", optional=True))),
    "targets": Template(None, (C("targets_met", "targets_met"), C("targets_set", "targets_set"))),
    "sector_growth": Template(None, (
        C("industry_output_growth", "industry", optional=True),
        C("agriculture_output_growth", "agriculture", optional=True),
        C("trade_services_output_growth", "trade", optional=True)), limit=2),
    "sipas": Template(None, (C("sipas_satisfaction_pct", "sipas"),)),
    "admin_rates": Template(None, (
        C("admin_procedures_on_time_pct", "on_time", optional=True),
        C("admin_procedures_online_pct", "online", optional=True)), limit=2),
}


def has_template(chart_key: str) -> bool:
    """True when the chart (domain chart key, variant suffix allowed) has a takeaway template."""
    return base_key(chart_key) in TEMPLATES


def base_key(chart_key: str) -> str:
    """The spec key of a chart key: `revenue_periods` → `revenue`."""
    for suffix in ("_sessions", "_periods"):
        if chart_key.endswith(suffix) and chart_key.removesuffix(suffix) in TEMPLATES:
            return chart_key.removesuffix(suffix)
    return chart_key


def variant(chart_key: str) -> str:
    """`annual`, `sessions` or `periods`, from a domain chart key."""
    if chart_key.endswith("_sessions") and base_key(chart_key) != chart_key:
        return "sessions"
    if chart_key.endswith("_periods") and base_key(chart_key) != chart_key:
        return "periods"
    return "annual"


# ---------------------------------------------------------------- values in words

def value_words(row: pd.Series, lang: str) -> str:
    """A figure as a sentence says it: qualifier word, number, unit (`trên 103.600 tỷ đồng`)."""
    kind, decimals = row["unit_kind"], int(row["decimals"])
    if kind == "percent":
        body = fmt.percent(row["value"], lang, decimals)
    else:
        unit = charts.unit(row, lang)
        number = (fmt.signed if kind == "change" else fmt.number)(row["value"], lang, decimals)
        body = f"{number} {unit}".strip()
    qualifier = row.get("qualifier") or "exact"
    word = t("qualifier_" + qualifier, lang) if qualifier != "exact" else ""
    return f"{word} {body}".strip()


def _number_words(row: pd.Series, lang: str) -> str:
    """A part's count without its unit (`2` in "2 thường lệ"), qualifier word kept."""
    qualifier = row.get("qualifier") or "exact"
    word = t("qualifier_" + qualifier, lang) if qualifier != "exact" else ""
    return f"{word} {fmt.number(row['value'], lang, int(row['decimals']))}".strip()


def lower_first(text: str) -> str:
    """`Số kỳ họp HĐND` → `số kỳ họp HĐND`; acronyms (`GRDP …`) are left alone."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def subject(body: str, level: str, lang: str) -> str:
    """`HĐND thành phố`, `UBND tỉnh`, `HĐND các cấp` from the body and the locality's level."""
    return t("pres_subj_" + body, lang, level=t("pres_lvl_" + LEVEL_GROUP.get(level, "other"), lang))


# ---------------------------------------------------------------- picking figures

def _own(rows: pd.DataFrame, clause: Clause) -> pd.DataFrame:
    mine = rows[rows["indicator"] == clause.indicator]
    if clause.bodies is not None:
        mine = mine[mine["body"].isin(clause.bodies)]
    return mine


def _family(rows: pd.DataFrame, which: str) -> pd.DataFrame:
    """The rows of one period family; for "periods", only the latest period (the freshest news)."""
    if which == "annual":
        return rows[rows["period_kind"] == ANNUAL]
    if which == "sessions":
        return rows[rows["period_kind"] == SESSION]
    other = rows[~rows["period_kind"].isin({ANNUAL, SESSION})]
    if other.empty:
        return other
    results = other[other["status"] != PLANNED]
    latest = (results if not results.empty else other).sort_values(["period_end", "period_start"]).iloc[-1]
    return other[(other["period_start"] == latest["period_start"]) & (other["period_end"] == latest["period_end"])]


def _periods(rows: pd.DataFrame) -> list[tuple]:
    keys = rows.sort_values(["period_end", "period_start"], kind="stable")[["period_start", "period_end"]]
    return list(dict.fromkeys(map(tuple, keys.itertuples(index=False))))


def _first(rows: pd.DataFrame) -> pd.Series | None:
    if rows.empty:
        return None
    return rows.sort_values(["sort_order", "body"], kind="stable").iloc[0] if "sort_order" in rows else rows.iloc[0]


# ---------------------------------------------------------------- wording

def _item(result: pd.Series | None, plan: pd.Series | None, clause: Clause, parts: pd.DataFrame,
          lang: str, suffix: str) -> str:
    """One figure said: the wording for its status, then in brackets its parts, a derived mark
    and the plan beside the result (`… (2 thường lệ, 2 chuyên đề; kế hoạch: 5 kỳ họp)`)."""
    main = result if result is not None else plan
    form = {"estimated": "_est", PLANNED: "_plan"}.get(main["status"], "")
    text = t(f"pres_tk_{clause.wording}{form}", lang, value=value_words(main, lang))
    listed, marks = [], []
    if result is not None:
        for indicator, part_key in clause.parts:
            part = _first(parts[(parts["indicator"] == indicator) & (parts["status"] != PLANNED)])
            if part is not None:
                number = _number_words(part, lang)
                if part["status"] == "estimated":
                    number = t("pres_part_est", lang, value=number)
                listed.append(t("pres_part_" + part_key, lang, value=number))
        if result["status"] == "derived":
            marks.append(t("pres_derived", lang))
        if plan is not None:
            marks.append(t("pres_with_plan", lang, value=value_words(plan, lang)))
    bracket = "; ".join(x for x in [", ".join(listed)] + marks if x)
    return text + suffix + (f" ({bracket})" if bracket else "")


def _period_suffix(row: pd.Series, family: str, frame_single: bool, lang: str) -> str:
    if family == "annual" or frame_single:
        return ""
    if family == "sessions":
        number = row.get("session_number")
        session = (t("dom_reg_number", lang, n=int(number)) if charts.present(number)
                   else charts.period_label(row, lang))
        return " " + t("pres_at_session", lang, session=session)
    return f" ({charts.period_label(row, lang)})"


def _clause_text(clause: Clause, rows: pd.DataFrame, family: str, frame_single: bool, lang: str) -> str | None:
    """The clause said for its figures, or None when it has none."""
    own = _family(_own(rows, clause), family)
    if own.empty:
        return None
    parts = rows[rows["indicator"].isin([i for i, _ in clause.parts])]
    if clause.bodies is not None:
        parts = parts[parts["body"].isin(clause.bodies)]
    parts = _family(parts, family)
    items = []
    for start, end in _periods(own):
        here = own[(own["period_start"] == start) & (own["period_end"] == end)]
        result = _first(here[here["status"] != PLANNED])
        plan = _first(here[here["status"] == PLANNED])
        part_rows = parts[(parts["period_start"] == start) & (parts["period_end"] == end)]
        items.append(_item(result, plan, clause, part_rows, lang, _period_suffix(here.iloc[0], family, frame_single, lang)))
    return join_items(items, lang)


def join_items(items: list[str], lang: str) -> str:
    """`a`, `a và b`, `a, b và c` (en: `and`)."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + t("pres_and", lang) + items[-1]


def _frame(rows: pd.DataFrame, family: str, year: int, lang: str) -> tuple[str, bool]:
    """`Năm 2023` for full years; the period itself when every figure said shares one period."""
    if family == "annual":
        return t("pres_frame_year", lang, year=year), False
    periods = _periods(rows)
    if family == "periods" and len(periods) == 1:
        label = charts.period_label(rows.iloc[0], lang)
        return t("pres_frame_period", lang, period=label), True
    return t("pres_frame_year", lang, year=year), False


def takeaway(chart_key: str, rows: pd.DataFrame, year: int, lang: str,
             names: dict[str, tuple[str, str]] | None = None, level: str = "") -> str:
    """The takeaway of a chart for one locality and year.

    `rows` are the locality's preferred figures (shaped like `domain_figures`) for the year;
    `names` maps an indicator to its (name_vi, name_en) so a missing clause can name it;
    `level` is the locality's level (for "HĐND thành phố" / "HĐND tỉnh").
    """
    template = TEMPLATES[base_key(chart_key)]
    family = variant(chart_key)
    rows = rows[rows["year"] == year] if "year" in rows else rows
    wanted = {c.indicator for c in template.clauses}
    said_rows = _family(rows[rows["indicator"].isin(wanted)], family) if family == "periods" else rows
    frame, single = _frame(said_rows if not said_rows.empty else rows, family, year, lang)
    if family == "periods" and single:  # every clause reads that one period
        rows = rows[~rows["period_kind"].isin({ANNUAL, SESSION})]
        start, end = said_rows.iloc[0]["period_start"], said_rows.iloc[0]["period_end"]
        rows = rows[(rows["period_start"] == start) & (rows["period_end"] == end)]
    texts = []
    for clause in template.clauses:
        text = _clause_text(clause, rows, family, single, lang)
        if text is None and not clause.optional:
            text = t("pres_missing", lang, what=_what(clause.indicator, names, lang))
        if text is not None:
            texts.append(text)
    texts = texts[:template.limit]
    level = level or (str(rows.iloc[0]["level"]) if len(rows) else "")
    head = f"{subject(template.subject, level, lang)} " if template.subject else ""
    sentence = f"{frame}, {head}{', '.join(texts)}."
    return sentence[0].upper() + sentence[1:]


def _what(indicator: str, names: dict[str, tuple[str, str]] | None, lang: str) -> str:
    if names and indicator in names:
        vi, en = names[indicator]
        return lower_first(en if lang == "en" else vi)
    return indicator.replace("_", " ")


def family_of(period_kind: str) -> str:
    """The period family a figure's period kind belongs to: `annual`, `sessions` or `periods`."""
    return {ANNUAL: "annual", SESSION: "sessions"}.get(period_kind, "periods")


def result_keys(rows: pd.DataFrame) -> set[tuple[str, str, str]]:
    """(indicator, body, period family) of every result (not a plan) among `rows`."""
    results = rows[rows["status"] != PLANNED]
    return {(i, b, family_of(k)) for i, b, k in zip(results["indicator"], results["body"], results["period_kind"])}


def has_result_in(chart_key: str, results: set[tuple[str, str, str]]) -> bool:
    """True when some clause of the chart's template has one of `results` (see `result_keys`):
    a figure of its indicator, of a body it reads, in the chart's period family."""
    template = TEMPLATES.get(base_key(chart_key))
    if template is None:
        return False
    family = variant(chart_key)
    return any(indicator == c.indicator and fam == family and (c.bodies is None or body in c.bodies)
               for indicator, body, fam in results for c in template.clauses)


def has_result(chart_key: str, rows: pd.DataFrame, year: int) -> bool:
    """True when some clause of the chart's template has a result (not a plan) in `year`."""
    return has_result_in(chart_key, result_keys(rows[rows["year"] == year]))
