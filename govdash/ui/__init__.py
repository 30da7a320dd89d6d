"""Streamlit glue shared by every page: the selection in the sidebar and URL, cached queries,
KPI cards and figure tables. Pages stay thin by calling these."""
from __future__ import annotations

import threading
import weakref
from collections.abc import Callable

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from govdash import db, fmt, paths, state
from govdash.i18n import LANG_LABELS, LANGS, pick, t, t_md
from govdash.localities import unique_labels
from govdash.text import fold, md_escape

# Widget keys; the selection itself lives under plain keys (SELECTION) that Streamlit never
# cleans up, and each widget copies its value there when the user changes it.
K_LOC, K_YEARS, K_LANG = "sel_locality", "sel_years", "sel_lang"
SELECTION = {K_LOC: "selection_locality", K_YEARS: "selection_years", K_LANG: "selection_lang"}
K_NOTICES, K_INIT = "sel_notices", "sel_initialised"


# Cache bounds are memory bounds (issue 16: < 1.5 GB in all at 25 sessions on 2 workers).
# Measured at national scale after 320 random locality visits in one process, full caches held
# ~480 MB: page views 3.6 MB each (64), picker choices 0.45 MB (256), query results 0.2 MB (512),
# drawn tabs 0.3 MB (128). A hall opens the same few localities: a few dozen entries serve it.
@st.cache_resource(max_entries=256, show_spinner=False)
def _shared_result(name: str, **params) -> pd.DataFrame:
    return db.run_query(name, **params)


def query(name: str, **params) -> pd.DataFrame:
    """A query result, cached by its name and plain parameter values and shared by every
    session of the process. Each caller gets a shallow copy: under pandas' copy-on-write a
    change to it (a new column, a sort in place) copies what it changes and never reaches the
    shared frame, while a read costs nothing (an `st.cache_data` copy was unpickled on every
    read: ~15,000 localities on every rerun at national scale)."""
    return _shared_result(name, **params).copy(deep=False)


def reload_data() -> None:
    """Drop every cached store and result, so changed files on disk show without a restart."""
    db.reset()
    _drop_cached_results()


def _drop_cached_results() -> None:
    # every `st.cache_data` of the app holds results derived from the data (cheap to remake);
    # resources are cleared one by one, as some (the chart renderer) are not data
    st.cache_data.clear()
    _shared_result.clear()
    _locality_labels.clear()
    _locality_names.clear()
    _coverage_index.clear()
    _localities_by_code.clear()
    _areas.clear()


# Streamlit's upload endpoint takes files for any open session, whatever its page shows, and
# keeps them in memory until the session ends. Only sessions where an editor signed in may
# leave files there, at most `UPLOADS_KEPT` at a time.
UPLOADS_KEPT = 2
_UPLOADERS: set[str] = set()  # session ids allowed to upload (an editor is signed in)
_GATE_LOCK = threading.Lock()


def _session_id() -> str | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx else None


def allow_uploads(allowed: bool) -> None:
    """Let this browser session upload files (an editor signed in) or not; drop what it holds."""
    session = _session_id()
    if session is None:
        return
    with _GATE_LOCK:
        (_UPLOADERS.add if allowed else _UPLOADERS.discard)(session)
    if not allowed:
        manager = _upload_manager()
        if manager is not None and manager.file_storage.get(session):
            manager.remove_session_files(session)


def _upload_manager():
    from streamlit.runtime import Runtime
    return Runtime.instance().uploaded_file_mgr if Runtime.exists() else None


def gate_uploads() -> None:
    """Once per process: the server keeps an uploaded file only for a session allowed to
    upload (`allow_uploads`), and only its `UPLOADS_KEPT` latest files."""
    manager = _upload_manager()
    if manager is None or getattr(manager, "govdash_gated", False):
        return
    with _GATE_LOCK:
        if getattr(manager, "govdash_gated", False):
            return
        add_file = manager.add_file

        def gated_add_file(session_id, file):
            with _GATE_LOCK:
                allowed = session_id in _UPLOADERS
            if not allowed:
                return  # not signed in: the bytes are dropped at once
            add_file(session_id, file)
            for old in list(manager.file_storage.get(session_id, {}))[:-UPLOADS_KEPT]:
                manager.remove_file(session_id, old)
        manager.add_file = gated_add_file
        manager.govdash_gated = True


def follow_data() -> None:
    """At the start of every rerun: when another session, worker or the command line changed
    the data folder (checked at most once a second, per process), drop this process's store
    and cached results, so every session shows the new data from this rerun on."""
    gate_uploads()
    if db.data_changed():
        _drop_cached_results()
    db.connection()  # opened (or, when its file is damaged, rebuilt) before anything is drawn
    if db.take_rebuild_notice():
        _drop_cached_results()
        # the selection may not be read yet (first run of a session): its language, or the default
        language = st.session_state.get(SELECTION[K_LANG], state.DEFAULT_LANG)
        st.info(t("store_rebuilt", language if language in LANGS else state.DEFAULT_LANG), icon="🛠️")


def localities() -> pd.DataFrame:
    """All localities in display order."""
    return query("localities")


def data_years() -> list[int]:
    """Every year that has figures."""
    return [int(y) for y in query("data_years", locality=None)["year"]]


def _require_entry() -> None:
    """Rerun through dashboard.py when a page runs without it.

    On a fresh server Streamlit treats an app with a `pages/` folder as a legacy multipage app
    until some session has called `st.navigation`, so the first visitor of a deep link such as
    `/compare?...` would run the page alone, without the selection. Switch the legacy mode off
    and rerun: the entry then sets everything up and shows the same page and query string.
    """
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    if st.session_state.get(K_INIT) or get_script_run_ctx() is None:
        return
    from streamlit.runtime.pages_manager import PagesManager
    PagesManager.uses_pages_directory = False
    st.rerun()


def lang() -> str:
    """The active language."""
    _require_entry()
    value = st.session_state.get(SELECTION[K_LANG], state.DEFAULT_LANG)
    return value if value in LANGS else state.DEFAULT_LANG


def init_selection() -> None:
    """Once per session: read the selection from the URL, falling back with notices."""
    if st.session_state.get(K_INIT):
        return
    locs = localities()
    years = data_years()
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    def default_to(code: str) -> int | None:  # the chosen locality's most complete year
        return state.most_complete_year(query("result_years", locality=code).to_dict("records"))

    sel, notices = state.parse_query(params, list(locs["code"]), years, default_to=default_to)
    set_selection(locality=sel.locality, years=(sel.year_from, sel.year_to), language=sel.lang)
    st.session_state[K_NOTICES] = notices
    st.session_state[K_INIT] = True


K_SYNC = "selection_widgets_to_sync"


def set_selection(locality: str | None = None, years: tuple[int, int] | None = None,
                  language: str | None = None) -> None:
    """Change the selection (and the widgets showing it). Called from a page's body, after the
    sidebar's widgets exist in this run, a widget cannot take the value now: it takes it when
    it is next drawn (`_bind`), before it exists in that run."""
    for key, value in ((K_LOC, locality), (K_YEARS, years), (K_LANG, language)):
        if value is not None:
            st.session_state[SELECTION[key]] = value
            try:
                st.session_state[key] = value
            except StreamlitAPIException:  # the widget is already on the page in this run
                st.session_state[K_SYNC] = {*st.session_state.get(K_SYNC, ()), key}


def _widget_changed(key: str) -> None:
    st.session_state[SELECTION[key]] = st.session_state[key]


def _bind(key: str) -> dict:
    """Widget arguments keeping `key` in step with the stored selection."""
    pending = st.session_state.get(K_SYNC) or set()
    if key not in st.session_state or key in pending:
        st.session_state[key] = st.session_state[SELECTION[key]]
        st.session_state[K_SYNC] = pending - {key}
    return {"key": key, "on_change": _widget_changed, "args": (key,)}


def selection() -> state.Selection:
    """The current selection."""
    _require_entry()
    y_from, y_to = st.session_state[SELECTION[K_YEARS]]
    return state.Selection(st.session_state[SELECTION[K_LOC]], int(y_from), int(y_to), lang())


@st.cache_resource(max_entries=1, show_spinner=False)
def _localities_by_code() -> pd.DataFrame:
    """Localities indexed by code, shared read-only (a national list has ~15,000 rows: looking
    one up must not copy them all, as every call of `localities()` does)."""
    return localities().set_index("code", drop=False)


def locality_row(code: str) -> pd.Series:
    """The localities row of `code`."""
    by_code = _localities_by_code()
    if code in by_code.index:
        return by_code.loc[code].copy()
    locs = localities()
    return locs[locs["code"] == code].iloc[0]


@st.cache_resource(max_entries=2, show_spinner=False)
def _locality_names(language: str) -> dict[str, str]:
    """Every locality's name in `language`, by code (shared read-only: a name is looked up many
    times a rerun, and a row lookup builds a Series each time)."""
    rows = localities()[["code", "name_vi", "name_en"]].to_dict("records")
    return {r["code"]: pick(r, "name", language) for r in rows}


def locality_name(code: str, language: str | None = None) -> str:
    """A locality's name in the active language (Vietnamese names keep their diacritics)."""
    language = language or lang()
    name = _locality_names(language).get(code)
    return name if name is not None else pick(locality_row(code), "name", language)


def locality_label(row: pd.Series, language: str) -> str:
    """Selectbox label: name, folded name for diacritic-free search, level, validity, data."""
    name = pick(row, "name", language)
    label = f"{name} · {t('level_' + row['level'], language)}"
    if pd.notna(row["valid_to"]):
        label += " · " + t("former_suffix", language, date=fmt.date(row["valid_to"], language))
    if row.get("other_names_vi"):  # code 24, Bắc Ninh today, was Bắc Giang: both find it
        label += " · " + t("formerly_named", language, names=pick(row, "other_names", language))
    if row["figure_count"] == 0:
        label += " · " + t("no_data_suffix", language)
    # The other spelling last, so typing without (or with) diacritics finds the locality.
    other = fold(row["name_vi"]) if language == "vi" else row["name_vi"]
    if row.get("other_names_vi"):
        other += " " + fold(row["other_names_vi"])
    return label if fold(other) == other and other == name else f"{label} · {other}"


@st.cache_resource(max_entries=4, show_spinner=False)
def _locality_labels(language: str) -> dict[str, str]:
    """Every locality's selectbox label, in display order (built once per language and shared
    read-only: ~15,000 labels at national scale would otherwise be rebuilt, or unpickled, on
    every rerun)."""
    rows = localities().to_dict("records")  # plain dicts: iterrows would build 15,000 Series
    return unique_labels({r["code"]: locality_label(r, language) for r in rows})


PICKER_LIMIT = paths.picker_limit()  # above this many localities the sidebar lists one area at a time
K_AREA = "sel_area"


@st.cache_resource(max_entries=1, show_spinner=False)
def _areas() -> tuple[dict[str, str], dict[str, list[str]]]:
    """Each locality's area (province-level unit) and each area's localities in display order,
    the area itself first (shared, read-only)."""
    area_of = dict(query("sidebar_areas")[["code", "area_code"]].itertuples(index=False))
    members: dict[str, list[str]] = {}
    for code in localities()["code"]:
        area = area_of.get(code, code)
        members.setdefault(area, [area])
        if code != area:
            members[area].append(code)
    return area_of, members


def _area_changed() -> None:
    # a new area opens on the area itself, which is always among its localities
    set_selection(locality=st.session_state[K_AREA])


def _locality_options(labels: dict[str, str], language: str) -> list[str]:
    """The locality picker's options: every locality, or at national scale (more than
    PICKER_LIMIT: ~15,000 options cost the browser hundreds of milliseconds per change) those
    of one area, chosen in a picker of its own that follows the selection."""
    if len(labels) <= PICKER_LIMIT:
        return list(labels)
    area_of, members = _areas()
    current = st.session_state[SELECTION[K_LOC]]
    area = area_of.get(current, current)
    if st.session_state.get(K_AREA) != area:  # the selection moved (URL, a button): follow it
        st.session_state[K_AREA] = area
    areas = [a for a in members if a in labels]
    st.selectbox(t("sidebar_area", language), options=areas, key=K_AREA, on_change=_area_changed,
                 format_func=labels.get, help=t("sidebar_area_help", language))
    options = members.get(area, [current])
    if st.session_state.get(K_LOC) not in options:  # the widget still shows another area's
        st.session_state[K_LOC] = current
    return options


def sidebar() -> None:
    """The shared filters: locality, years, language."""
    language = lang()
    labels = _locality_labels(language)
    years = data_years() or [2023]
    lo, hi = min(years), max(years)
    y_from, y_to = st.session_state[SELECTION[K_YEARS]]
    inside = (min(max(int(y_from), lo), hi), min(max(int(y_to), lo), hi))
    if inside != (y_from, y_to):  # years the data do not have (set by a page or a stale session)
        set_selection(years=inside)
    with st.sidebar:
        options = _locality_options(labels, language)
        st.selectbox(t("sidebar_locality", language), options=options, **_bind(K_LOC),
                     format_func=labels.get, help=t("sidebar_locality_help", language))
        if min(years) < max(years):
            st.slider(t("sidebar_years", language), min_value=min(years), max_value=max(years),
                      step=1, format="%d", **_bind(K_YEARS))
        st.radio(t("sidebar_language", language), options=list(LANGS), **_bind(K_LANG),
                 format_func=LANG_LABELS.get, horizontal=True)


def synthetic_banner() -> None:
    """On the synthetic benchmark data (benchmarks/generate.py), say so on every page."""
    if bool(query("bench_synthetic")["synthetic"].iloc[0]):
        st.warning(t("bench_synthetic_banner", lang()), icon="🧪")


def sync_url() -> None:
    """Mirror the selection in the query string, so a copied address reopens the same view."""
    wanted = selection().to_query()
    current = {k: st.query_params.get(k) for k in wanted}
    if current != wanted:
        st.query_params.update(wanted)


def show_notices() -> None:
    """Tell the user which URL values were replaced, once."""
    language = lang()
    for notice in st.session_state.pop(K_NOTICES, []) or []:
        values = dict(notice.values)
        if "code" in values:
            values["name"] = locality_name(values.pop("code"), language)
        st.warning(t_md(notice.key, language, **values), icon="⚠️")


def kpi_grid(cards: list, per_row: int = 3) -> None:
    """KPI cards in rows: value, delta coloured by whether up is good, period and source."""
    for start in range(0, len(cards), per_row):
        cols = st.columns(per_row)
        for col, c in zip(cols, cards[start:start + per_row]):
            with col:
                # label, help (source title, quote) and caption come from the data
                st.metric(md_escape(c.label), c.value, delta=c.delta, delta_color=c.delta_color,
                          delta_arrow=c.delta_arrow, help=md_escape(c.help), border=True)
                st.caption(md_escape(c.caption))


_TABLES: dict[tuple[int, str], tuple] = {}  # (id of a figures frame, language) -> its tables


def _figure_tables(facts: pd.DataFrame, language: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The shown and downloadable tables of `facts`, made once per frame object and language:
    frames shared through a resource cache (the domain pages') are drawn on every rerun, and
    their tables need not be remade each time. An entry goes when its frame does."""
    from govdash import tables
    key = (id(facts), language)
    hit = _TABLES.get(key)
    if hit is not None and hit[0]() is facts:
        return hit[1], hit[2]
    table = tables.display_frame(facts, language)
    shown = table.drop(columns=["value_number", "unit", "figure_id"])
    download = table.drop(columns=[t("value_label", language)]).rename(
        columns={"value_number": t("value_label", language)})
    _TABLES[key] = (weakref.ref(facts), shown, download)
    weakref.finalize(facts, _TABLES.pop, key, None)
    return shown, download


def figure_table(facts: pd.DataFrame | Callable[[], pd.DataFrame], key: str, title: str) -> None:
    """The figures shown, with status, source and quote, and a CSV download of exactly them;
    `facts` may be a function that fetches them, called only when the table is opened."""
    # made and sent only when opened (which reruns): a page has a table under every chart, and
    # building and sending them all cost a first visit more than its charts' data
    with st.expander(title, expanded=False, key=f"{key}_open", on_change="rerun") as box:
        if not box.open:
            return
        figures_grid(facts() if callable(facts) else facts, key)


def has_figures(locality: str, year: int) -> bool:
    """Whether a locality has any figure whose period ends in `year` (without fetching them)."""
    return (locality, int(year)) in _coverage_index((None,), db.generation())[3]


def figures_grid(facts: pd.DataFrame, key: str) -> None:
    """Figures as one table (status, source and quote on every row) and a CSV download of
    exactly them: what `figure_table` shows when opened, and what a domain page shows instead
    of a wall of cards."""
    from govdash import export
    language = lang()
    shown, download = _figure_tables(facts, language)
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={t("quote_label", language): st.column_config.TextColumn(width="large")})
    # the file is made when the button is pressed, not on every rerun
    st.download_button(t("download_csv", language), lambda: export.to_csv_bytes(download),
                       file_name=f"govdash-{key}.csv", mime="text/csv", key=f"{key}_csv")


def _go(locality: str | None = None, year: int | None = None) -> None:
    years = None
    if year:
        y_from = selection().year_from
        years = (min(y_from, year), year)
    set_selection(locality=locality, years=years)


@st.cache_resource(max_entries=16, show_spinner=False)
def _coverage_index(domains: tuple[str | None, ...], store: int
                    ) -> tuple[pd.DataFrame, list[str], dict[str, int], frozenset[tuple[str, int]]]:
    """Which localities have figures of some domains (`None`: any) in which years (the
    `coverage` rows, by locality and year), the localities in that order, each one's last year,
    and the (locality, year) pairs as a set (shared read-only, per store generation)."""
    frames = [query("coverage", domain=d) for d in domains]
    years = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    years = years[["locality_code", "year"]].sort_values(["locality_code", "year"], kind="stable")
    last = years.groupby("locality_code", sort=True)["year"].max()
    pairs = frozenset(zip(years["locality_code"].tolist(), years["year"].astype(int).tolist()))
    return years, list(last.index), {c: int(y) for c, y in last.items()}, pairs


EMPTY_OFFERS = 6  # localities offered when the chosen one has no figures at all


def empty_state(sel: state.Selection, domain: str | tuple[str, ...] | None,
                message: str | None = None) -> None:
    """No data for the selection: say so, and offer the years and localities that do have it.

    `domain` may be a tuple of domains (a page covering several); `message` replaces the
    default first line."""
    language = sel.lang
    name = locality_name(sel.locality, language)
    st.info(message or t_md("no_data", language, locality=name, year=sel.year_to), icon="ℹ️")
    domains = domain if isinstance(domain, tuple) else (domain,)
    domain = "-".join(domains) if isinstance(domain, tuple) else domain
    years, order, last_year, _ = _coverage_index(domains, db.generation())
    own = sorted({int(y) for y in years["year"][years["locality_code"] == sel.locality]})
    if own:
        st.write(t("no_data_elsewhere", language, years=", ".join(map(str, own))))
        cols = st.columns(min(len(own), 6))
        for col, y in zip(cols, own[-6:]):
            col.button(t("go_to_year", language, year=y), key=f"go_year_{domain}_{y}",
                       on_click=_go, kwargs={"year": y})
        return
    # a few of them, as buttons, not every locality with data (~15,000 names at national scale)
    names = [locality_name(c, language) for c in order[:EMPTY_OFFERS]]
    more = ", …" if len(order) > len(names) else ""
    st.write(t_md("no_data_none", language, names=", ".join(names) + more))
    cols = st.columns(min(max(len(names), 1), EMPTY_OFFERS))
    for col, (code, label) in zip(cols, zip(order, names)):
        last = last_year[code]
        col.button(f"{md_escape(label)} ({last})", key=f"go_loc_{domain}_{code}", on_click=_go,
                   kwargs={"locality": code, "year": last})


present = fmt.is_present  # shared with the other modules
