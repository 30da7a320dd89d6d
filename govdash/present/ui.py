"""Streamlit rendering of the Trình chiếu page: one slide at a time in large type, the slide
number in the URL (`?slide=3`), Next / Previous (also the arrow keys), the presenter's order and
choice of slides, and one-click downloads (PowerPoint, PDF, each chart as PNG or SVG).

What the slides say comes from `govdash.deck` and `govdash.takeaways`; images from
`govdash.render`. A rerun draws only the slide shown, as an interactive chart drawn by the
browser: the slide list is read without drawing, and nothing is rendered to an image on a plain
rerun. The downloads are deferred: the click starts the build (every chart drawn and rendered)
in Streamlit's download thread and reruns this script, which follows the build's progress in a
progress bar.
"""
from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from govdash import db, ui
from govdash.i18n import pick, t, t_md
from govdash.present import deck, pdf, powerpoint, render
from govdash.state import url_value
from govdash.text import md_escape

K_SLIDE = "slide"                      # URL query parameter: 1 = title slide
K_FOCUS = "present_focus"
K_TOKEN = "present_token"
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
# Page look, no data inside: the takeaway large enough for the back of a hall, the chart no
# taller than the screen leaves room for it, the source small.
CSS = """<style>
.st-key-present_slide h1 { font-size: 3.4rem; line-height: 1.15; }
.st-key-present_slide h2 { font-size: 2.35rem; line-height: 1.25; font-weight: 650; }
.st-key-present_slide h3 { font-size: 1.9rem; font-weight: 500; }
.st-key-present_source p { font-size: 0.95rem; }
.st-key-present_nav p { font-size: 1.25rem; text-align: center; }
</style>"""
FOCUS_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] { display: none; }
[data-testid="stMainBlockContainer"] { padding-top: 1.2rem; max-width: 100%; }
</style>"""
EMPTY_OFFERS = ui.EMPTY_OFFERS  # localities offered when the chosen one has no figures at all


def parse_slide(raw: str | None, total: int) -> tuple[int, str | None]:
    """The 1-based slide number from the URL; (1, the bad value) when it is not one of 1..total."""
    if raw is None:
        return 1, None
    text = str(raw).strip()
    # ASCII digits only: `isdigit` also accepts "²" or "١", which `int` refuses or reads
    if text.isascii() and text.isdigit() and len(text) <= 6 and 1 <= int(text) <= total:
        return int(text), None
    return 1, text[:20]


# ---------------------------------------------------------------- build jobs (progress)

@dataclass
class Job:
    """The progress of one export build, shared between the download thread and the page."""
    generation: int
    fraction: float = 0.0
    step: str = ""
    finished: bool = False
    error: str = ""
    started: float = 0.0
    seconds: float = 0.0


_JOBS: dict[str, Job] = {}
_JOBS_LOCK = threading.Lock()
_GENERATION = [0]


def _start_job(key: str) -> Job:
    with _JOBS_LOCK:
        _GENERATION[0] += 1
        job = Job(_GENERATION[0], started=time.perf_counter())
        _JOBS[key] = job
        if len(_JOBS) > 200:  # old sessions' jobs
            for old in sorted(_JOBS, key=lambda k: _JOBS[k].generation)[:100]:
                _JOBS.pop(old, None)
        return job


def _generation(key: str) -> int:
    with _JOBS_LOCK:
        job = _JOBS.get(key)
        return job.generation if job else 0


def _builder(key: str, make: Callable[[Callable[[float, str], None]], bytes]) -> Callable[[], bytes]:
    """A download callable: runs `make(progress)` and records its progress and outcome."""
    def build() -> bytes:
        job = _start_job(key)

        def progress(fraction: float, step: str) -> None:
            job.fraction, job.step = max(0.0, min(1.0, fraction)), step

        try:
            data = make(progress)
        except Exception as exc:  # noqa: BLE001 - shown to the user by the page, then re-raised
            job.error = str(exc) or type(exc).__name__
            job.finished = True
            raise
        job.seconds = time.perf_counter() - job.started
        job.fraction, job.finished = 1.0, True
        return data
    return build


def _follow(key: str, since: int, what: str, lang: str) -> None:
    """After a download click: a progress bar following the build to its end."""
    bar = st.progress(0.0, text=t("pres_building", lang, what=what, step=t("pres_step_data", lang)))
    wait_start, give_up = time.time() + 20, time.time() + 300
    while time.time() < give_up:
        with _JOBS_LOCK:
            job = _JOBS.get(key)
            job = Job(**vars(job)) if job else None
        if job is None or job.generation <= since:
            if time.time() > wait_start:
                bar.empty()
                st.warning(t("pres_build_wait", lang))
                return
        else:
            bar.progress(job.fraction, text=t("pres_building", lang, what=what, step=job.step or "…"))
            if job.finished:
                bar.empty()
                if job.error:
                    st.error(t("pres_build_failed", lang, what=what, error=job.error))
                else:
                    st.success(t("pres_built", lang, what=what, seconds=f"{job.seconds:.0f}"))
                return
        time.sleep(0.25)


# ---------------------------------------------------------------- data

@st.cache_resource(max_entries=16, show_spinner=False)
def _slides(code: str, year: int, lang: str, level: str, store: int) -> list[deck.Slide]:
    """Every chart slide of a locality and year, listed without drawing; each draws its chart
    once, when first shown or exported (shared by sessions, keyed by plain values)."""
    return deck.slide_list(code, year, lang, fetch=ui.query, level=level)


def _chosen(slides: list[deck.Slide], code: str, year: int, lang: str, show_controls: bool) -> list[deck.Slide]:
    """The presenter's slides in their order (default: the most telling eight, page order)."""
    by_key = {s.key: s for s in slides}
    key = f"present_arrange_{code}_{year}"
    if show_controls:
        with st.expander(t("pres_arrange", lang), expanded=False):
            st.caption(t("pres_arrange_help", lang))
            st.multiselect(t("pres_arrange_label", lang), options=list(by_key), default=deck.default_keys(slides),
                           format_func=lambda k: f"{by_key[k].section} — {by_key[k].label}",
                           key=key, persist_state="session")
    keys = st.session_state.get(key, deck.default_keys(slides))
    return [by_key[k] for k in keys if k in by_key]


# ---------------------------------------------------------------- slides

def _go(n: int) -> None:
    st.query_params[K_SLIDE] = str(n)


def _nav(n: int, total: int, lang: str) -> None:
    with st.container(key="present_nav"):
        left, mid, right = st.columns([1, 1, 1], vertical_alignment="center")
        left.button(t("pres_prev", lang), key="present_prev", on_click=_go, args=(n - 1,), disabled=n <= 1,
                    shortcut="Left", help=t("pres_prev_help", lang), width="stretch")
        mid.markdown(t("pres_counter", lang, n=n, total=total))
        right.button(t("pres_next", lang), key="present_next", on_click=_go, args=(n + 1,), disabled=n >= total,
                     shortcut="Right", help=t("pres_next_help", lang), width="stretch", type="primary")


def _title_slide(the_deck: deck.Deck) -> None:
    lines = the_deck.title_lines()
    with st.container(key="present_slide"):
        st.markdown(f"### {md_escape(lines['kicker'])}")
        st.markdown(f"# {md_escape(lines['name'])}")
        st.markdown(f"## {md_escape(lines['year'])}")
        st.markdown(f"### {md_escape(lines['sub'])}")
    with st.container(key="present_source"):
        st.caption(md_escape(f"{lines['date']} · {lines['count']}"))


def _chart_slide(slide: deck.Slide) -> None:
    """The chart drawn by the browser (an image is only rendered when one is downloaded)."""
    with st.container(key="present_slide"):
        st.caption(md_escape(slide.section.upper()))
        st.plotly_chart(slide.chart.figure, theme=None, key="present_chart",
                        config={"displaylogo": False, "responsive": True})
        st.markdown(f"## {md_escape(slide.title)}")
    with st.container(key="present_source"):
        st.caption(md_escape(powerpoint.full_sources(slide.chart, slide.lang)))


def _image_downloads(slide: deck.Slide, stem: str, lang: str, can_render: bool) -> None:
    fig, name = slide.chart.figure, f"{stem}-{slide.chart.key}"
    cols = st.columns([1, 1, 4])
    cols[0].download_button(t("pres_png", lang), data=lambda: render.png(fig), file_name=f"{name}.png",
                            mime="image/png", key="present_png", on_click="ignore", disabled=not can_render,
                            help=t("pres_image_help", lang), icon=":material/image:")
    cols[1].download_button(t("pres_svg", lang), data=lambda: render.svg(fig), file_name=f"{name}.svg",
                            mime="image/svg+xml", key="present_svg", on_click="ignore", disabled=not can_render,
                            help=t("pres_image_help", lang), icon=":material/image:")


def _exports(the_deck: deck.Deck, sources: pd.DataFrame, lang: str, can_render: bool) -> None:
    """"Tải PowerPoint" and "Tải báo cáo PDF": one click builds and downloads, with progress."""
    st.subheader(t("pres_downloads", lang))
    if not can_render:
        st.warning(render.unavailable_message(lang), icon="⚠️")
    token = st.session_state.setdefault(K_TOKEN, uuid.uuid4().hex)
    stem = powerpoint.file_stem(the_deck)
    specs = [
        ("pptx", t("pres_pptx", lang), t("pres_pptx_help", lang), t("pres_what_pptx", lang), PPTX_MIME,
         lambda progress: powerpoint.build_pptx(the_deck, progress)),
        ("pdf", t("pres_pdf", lang), t("pres_pdf_help", lang), t("pres_what_pdf", lang), "application/pdf",
         lambda progress: pdf.build_pdf(the_deck, sources, progress)),
    ]
    cols = st.columns(len(specs))
    clicked = []
    for col, (kind, label, help_text, what, mime, make) in zip(cols, specs):
        job_key = f"{token}:{kind}"
        since = st.session_state.get(f"present_gen_{kind}", 0)
        with col:
            if st.download_button(label, data=_builder(job_key, make), file_name=f"{stem}.{kind}", mime=mime,
                                  key=f"present_{kind}", help=help_text, disabled=not can_render,
                                  type="primary", icon=":material/download:", width="stretch"):
                clicked.append((job_key, since, what))
        st.session_state[f"present_gen_{kind}"] = _generation(job_key)
    for job_key, since, what in clicked:
        _follow(job_key, since, what, lang)
        st.session_state[f"present_gen_{job_key.rsplit(':', 1)[1]}"] = _generation(job_key)


# ---------------------------------------------------------------- no slides

def _choose(locality: str | None = None, year: int | None = None) -> None:
    """Switch the shared selection to another locality or year (an empty state's way out)."""
    years = (min(ui.selection().year_from, year), year) if year else None
    ui.set_selection(locality=locality, years=years)


def _empty_state(code: str, name: str, year: int, lang: str) -> None:
    """No chart for the locality that year: the years it has figures in, or (none at all) a few
    localities that have figures. Reads the locality's own years, not every locality's."""
    st.info(t_md("pres_no_slides", lang, locality=name, year=year), icon="ℹ️")
    own = [int(y) for y in ui.query("data_years", locality=code)["year"]]
    if own:
        st.write(t("no_data_elsewhere", lang, years=", ".join(map(str, own))))
        for col, y in zip(st.columns(min(len(own), 6)), own[-6:]):
            col.button(t("go_to_year", lang, year=y), key=f"present_go_year_{y}", on_click=_choose,
                       kwargs={"year": y})
        return
    locs = ui.localities()
    others = locs[locs["figure_count"] > 0].head(EMPTY_OFFERS)
    names = [pick(row._asdict(), "name", lang) for row in others.itertuples()]
    more = len(names) < int((locs["figure_count"] > 0).sum())
    st.write(t_md("no_data_none", lang, names=", ".join(names) + (", …" if more else "")))
    for col, row, label in zip(st.columns(max(len(names), 1)), others.itertuples(), names):
        col.button(f"{md_escape(label)} ({int(row.last_year)})", key=f"present_go_loc_{row.code}", on_click=_choose,
                   kwargs={"locality": row.code, "year": int(row.last_year)})


# ---------------------------------------------------------------- the page

def render_page() -> None:
    """Draw the Trình chiếu page for the current selection."""
    sel = ui.selection()
    lang, code, year = sel.lang, sel.locality, sel.year_to
    name = ui.locality_name(code, lang)
    focus = st.session_state.get(K_FOCUS, False)
    st.html(CSS + (FOCUS_CSS if focus else ""))
    if not focus:
        st.title(t_md("pres_heading", lang, locality=name, year=year))
        ui.show_notices()
        st.caption(t("pres_intro", lang))
    st.toggle(t("pres_focus", lang), key=K_FOCUS, help=t("pres_focus_help", lang), persist_state="session")
    level = ui.locality_row(code)["level"]
    slides = _slides(code, year, lang, level, db.generation())
    if not slides:
        _empty_state(code, name, year, lang)
        return
    chosen = _chosen(slides, code, year, lang, show_controls=not focus)
    the_deck = deck.Deck(code, name, level, year, lang, pd.Timestamp.today().date(), chosen)
    if not chosen:
        st.info(t("pres_none_selected", lang))
    total = len(chosen) + 1
    n, bad = parse_slide(url_value(st.query_params, K_SLIDE), total)
    if bad is not None:
        st.warning(t_md("pres_bad_slide", lang, value=bad), icon="⚠️")
        st.query_params[K_SLIDE] = "1"
    can_render = render.available()
    _nav(n, total, lang)
    if n == 1:
        _title_slide(the_deck)
    else:
        _chart_slide(chosen[n - 2])
    if not focus:
        if n > 1:
            _image_downloads(chosen[n - 2], powerpoint.file_stem(the_deck), lang, can_render)
        st.divider()
        _exports(the_deck, ui.query("sources_list"), lang, can_render)
