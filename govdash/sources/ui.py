"""Nguồn dữ liệu (sources page): every document and web page the figures come from, with its figures and quotes, searchable with or without diacritics."""
from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from govdash import db, export, fmt, tables, ui
from govdash.i18n import pick, t, t_md
from govdash.sources import paging
from govdash.sources.links import Link, parse_link
from govdash.sources.paging import _count, _present, filter_sources, ordered, page_count, page_label
from govdash.state import url_value
from govdash.text import fold, md_escape

HIGHLIGHT = "background-color: #FFF1C2"

def _document_text(file: str) -> str | None:
    """The full text of a document held under data/seeds/ (no other path is ever read)."""
    from govdash.paths import data_dir
    seeds = (data_dir() / "seeds").resolve()
    path = (data_dir() / file).resolve()
    if path.parent != seeds or not path.is_file():
        return None
    return path.read_text(encoding="utf-8")


def _pager(key: str, n: int, per_page: int, label: str, lang: str, start: int = 0) -> int:
    """A choice of which `per_page` of `n` items to show, when they need more than one page;
    the page chosen (from 0)."""
    pages = page_count(n, per_page)
    if pages == 1:
        return 0
    if st.session_state.get(key, 0) >= pages:  # fewer items than when it was chosen
        del st.session_state[key]
    return st.selectbox(t(label, lang), list(range(pages)), index=min(start, pages - 1), key=key,
                        format_func=lambda p: page_label(p, n, per_page, lang))


def _figure_page(source_id: str, search: str, page: int, per_page: int) -> tuple[pd.DataFrame, int]:
    """One page of a source's figures, and how many figures the (folded) search keeps in all."""
    rows = ui.query("source_figures", source_id=source_id, search=search, limit=per_page,
                    offset=page * per_page)
    return rows, int(rows["match_count"].iloc[0]) if len(rows) else 0


def _download_frame(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    return table.drop(columns=[t("value_label", lang)]).rename(
        columns={"value_number": t("value_label", lang)})


def _csv_of_all(source_id: str, search: str, lang: str) -> Callable[[], bytes]:
    """The CSV of every figure of the source the search keeps, made only when downloaded."""
    con = db.connection()

    def make() -> bytes:
        rows = db.run_query("source_figures", con, source_id=source_id, search=search,
                            limit=None, offset=0)
        return export.to_csv_bytes(_download_frame(tables.display_frame(rows, lang), lang))
    return make


def _highlighted(table: pd.DataFrame, figure: str | None):
    """The table, with the row of `figure` highlighted when it is there."""
    mask = table["figure_id"] == figure
    if figure is None or not mask.any():
        return table  # a Styler costs tens of milliseconds a page: only when needed
    styles = pd.DataFrame("", index=table.index, columns=table.columns)
    styles.loc[mask, :] = HIGHLIGHT
    return table.style.apply(lambda _: styles, axis=None)


def _figures(s: Mapping, link: Link, key: str, lang: str, text: str) -> None:
    """The source's figures with quotes, a page at a time, the linked one highlighted (its page
    shown first); with a search `text`, those matching it, when some do on their own."""
    sid, total, search, per_page = s["source_id"], int(s["figure_count"]), fold(text), paging.FIGURES_PER_PAGE
    if search and _figure_page(sid, search, 0, per_page)[1] == 0:
        st.caption(t_md("srcv_matching_spread", lang, text=text))
        search = ""
    pkey = f"{key}_page"
    linked_here = link.source == sid and link.figure_row is not None and not search
    start = link.figure_row // per_page if linked_here else 0
    page = st.session_state.get(pkey, start)
    rows, n = _figure_page(sid, search, page, per_page)
    if rows.empty and page > 0:  # fewer figures match than when the page was chosen
        page = 0
        del st.session_state[pkey]
        rows, n = _figure_page(sid, search, 0, per_page)
    if search and n < total:
        st.caption(t_md("srcv_matching", lang, n=fmt.number(n, lang, 0),
                     total=fmt.number(total, lang, 0), text=text))
    _pager(pkey, n, per_page, "srcv_figures_page", lang, page)
    table = tables.display_frame(rows, lang)
    shown = table.drop(columns=["value_number", "unit", t("source_label", lang)])  # one source here
    st.dataframe(_highlighted(shown, link.figure), hide_index=True, width="stretch",
                 key=f"{key}_table",
                 column_config={t("quote_label", lang): st.column_config.TextColumn(width="large")})
    st.download_button(t("srcv_download_all", lang, n=fmt.number(n, lang, 0)),
                       _csv_of_all(sid, search, lang), file_name=f"govdash-{key}.csv",
                       mime="text/csv", key=f"{key}_csv")


def _highlight(row: pd.Series, lang: str) -> None:
    value = fmt.value_with_unit(row["value"], row["unit_kind"],
                                pick(row, "unit", lang), lang,
                                int(row["decimals"]), row["qualifier"])
    st.info(t_md("srcv_highlight", lang,
              locality=pick(row, "locality_name", lang),
              indicator=pick(row, "indicator_name", lang),
              period=fmt.period(row["period_start"], row["period_end"], row["period_kind"], lang),
              value=value, status=t("status_" + row["status"], lang)) + f"\n\n“{md_escape(row['quote'])}”",
            icon=":material/push_pin:")


def _linked_figure(source_id: str, link: Link) -> pd.Series | None:
    """The linked figure's row, when it belongs to `source_id` (one row read, by its place)."""
    if link.figure is None or link.source != source_id or link.figure_row is None:
        return None
    rows = ui.query("source_figures", source_id=source_id, search="", limit=1, offset=link.figure_row)
    return rows.iloc[0] if not rows.empty and rows.iloc[0]["figure_id"] == link.figure else None


def source_block(s: Mapping, lang: str, key: str, link: Link, text: str) -> None:
    """One source: an expander with its metadata, figures, quotes and (for seeds) full text;
    open when linked. Its contents are made only while it is open. `text`: the search box."""
    sid = s["source_id"]
    count = _count(int(s["figure_count"]), lang)
    label = f"{md_escape(s['title'])} — {md_escape(s['publisher'])} · {t('srcv_figures', lang, n=count)}"
    with st.expander(label, expanded=sid == link.source, key=f"{key}_exp_{sid}",
                     on_change="rerun") as box:
        if not box.open:
            return
        published = md_escape(s["published"]) if _present(s["published"]) else t("srcv_unknown_date", lang)
        st.markdown(
            f"**{t('srcv_published', lang)}:** {published} · **{t('srcv_reliability', lang)}:** "
            f"{t('reliability_' + s['reliability'], lang)} · {t('srcv_kind_' + s['kind'], lang)} · "
            + (f"{t('srcv_grade_' + s['grade'], lang)} · " if _present(s.get('grade')) else "") +
            f"{md_escape(sid)}")
        if _present(s["url"]):
            st.link_button(t("srcv_open_web", lang), s["url"])
        if _present(s["note"]):
            st.caption(md_escape(s["note"]))
        linked = _linked_figure(sid, link)
        if linked is not None:
            _highlight(linked, lang)
        if int(s["figure_count"]) > 0:
            _figures(s, link, f"{key}_{sid}", lang, text)
        document = _document_text(s["file"]) if _present(s["file"]) else None
        if document:
            st.text_area(t("show_document", lang), document, height=300, disabled=True,
                         key=f"{key}_doc_{sid}")


def _locate(figure_id: str) -> pd.DataFrame:
    return ui.query("figure_source", figure_id=figure_id)


def _reset_pages(key: str) -> None:
    """A new search shows the first page of the list and of each source's figures."""
    for name in [k for k in st.session_state if k.startswith(f"{key}_") and k.endswith("_page")]:
        del st.session_state[name]


def _search_box(key: str, lang: str) -> str:
    """The search box, filled from the URL's `q` at first and mirrored there."""
    search_key = f"{key}_search"
    if search_key not in st.session_state:
        st.session_state[search_key] = url_value(st.query_params, "q") or ""
    search = st.text_input(t("sources_search", lang), key=search_key, help=t("srcv_search_help", lang),
                           on_change=_reset_pages, args=(key,))
    if search:
        st.query_params["q"] = search
    elif "q" in st.query_params:
        del st.query_params["q"]
    return search


def render(key: str, lang: str, sources: pd.DataFrame) -> None:
    """The whole list: notices about the address, search (mirrored in the URL as `q`), the
    linked source first and open, every other source closed; `paging.SOURCES_PER_PAGE` at a time."""
    link = parse_link(st.query_params.to_dict(), sources, _locate)
    for notice in link.notices:
        st.warning(t_md(notice.key, lang, **notice.values), icon="⚠️")
    for key_, kept in (("src", link.source), ("fig", link.figure)):
        if key_ in st.query_params and kept is None:
            del st.query_params[key_]  # a bad value is dropped, so the notice shows once
    text = _search_box(key, lang)
    search = fold(text)
    matched = set(ui.query("source_matches", search=search)["source_id"]) if search else None
    shown = ordered(filter_sources(sources, matched), link.source)
    st.caption(t("srcv_count", lang, shown=len(shown), total=len(sources)))
    if shown.empty:
        st.info(t_md("srcv_none", lang, text=text), icon="🔎")
        return
    page = _pager(f"{key}_list_page", len(shown), paging.SOURCES_PER_PAGE, "srcv_sources_page", lang)
    for s in shown.iloc[page * paging.SOURCES_PER_PAGE:(page + 1) * paging.SOURCES_PER_PAGE].to_dict("records"):
        source_block(s, lang, key, link, text)
