"""Nguồn dữ liệu (sources page): every document and web page the figures come from, with its
title, publisher, date and reliability and all the figures taken from it with their quotes;
searchable with or without diacritics; and the links any page uses to point at a source.

URL scheme of the sources page (its url path is `sources`):
    sources?src=<source_id>                     that source first and open
    sources?src=<source_id>&fig=<figure_id>     … with that figure highlighted
    sources?q=<text>                            the search box filled in
`lang=vi|en` may be added so the link opens in the reader's language. Build links with
`source_link()`; bad values in the address are dropped with a notice.
"""
from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from govdash import fmt, tables
from govdash.i18n import t
from govdash.state import Notice
from govdash.text import matches

SOURCES_PAGE = "sources"
HIGHLIGHT = "background-color: #FFF1C2"


def source_link(source_id: str, figure_id: str | None = None, lang: str | None = None) -> str:
    """A relative link that opens the sources page on `source_id`, highlighting `figure_id`.

    Relative (no leading slash) so it also works when the app is served under a base path.
    """
    params = {"src": source_id}
    if figure_id:
        params["fig"] = figure_id
    if lang:
        params["lang"] = lang
    return f"{SOURCES_PAGE}?{urlencode(params)}"


def _first(value: object) -> str | None:
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    return None if value is None or str(value) == "" else str(value)


def parse_link(params: dict, sources: pd.DataFrame, facts: pd.DataFrame) -> tuple[str | None, str | None, list[Notice]]:
    """The source and figure a link points at; unknown ones are dropped with a notice.

    A figure given without its source opens the figure's own source.
    """
    notices: list[Notice] = []
    src, fig = _first(params.get("src")), _first(params.get("fig"))
    if src is not None and src not in set(sources["source_id"]):
        notices.append(Notice("srcv_notice_bad_source", {"value": src[:60]}))
        src = None
    if fig is not None:
        own = facts[facts["figure_id"] == fig]
        if own.empty or (src is not None and own.iloc[0]["source"] != src):
            notices.append(Notice("srcv_notice_bad_figure", {"value": fig[:60]}))
            fig = None
        elif src is None:
            src = own.iloc[0]["source"]
    return src, fig, notices


def filter_sources(sources: pd.DataFrame, facts: pd.DataFrame, text: str | None) -> pd.DataFrame:
    """The sources whose title, publisher, id, figures' localities, indicators or quotes match
    `text` (every word, diacritics and case ignored); all of them when `text` is empty."""
    if not text or not text.strip():
        return sources
    keep = []
    for _, s in sources.iterrows():
        own = facts[facts["source"] == s["source_id"]]
        keep.append(matches(text, s["title"], s["publisher"], s["source_id"],
                            " ".join(own["quote"]), " ".join(own["locality_name"]),
                            " ".join(own["locality_name_en"]), " ".join(own["indicator_name"]),
                            " ".join(own["indicator_name_en"])))
    return sources[keep]


def ordered(sources: pd.DataFrame, first: str | None) -> pd.DataFrame:
    """The linked source first, the others in their usual order."""
    if first is None:
        return sources
    return pd.concat([sources[sources["source_id"] == first], sources[sources["source_id"] != first]])


_present = fmt.is_present  # shared with the other modules


def _document_text(file: str) -> str | None:
    """The full text of a document held under data/seeds/ (no other path is ever read)."""
    from govdash.paths import data_dir
    seeds = (data_dir() / "seeds").resolve()
    path = (data_dir() / file).resolve()
    if path.parent != seeds or not path.is_file():
        return None
    return path.read_text(encoding="utf-8")


def _figures(own: pd.DataFrame, fig: str | None, key: str, lang: str) -> None:
    """The source's figures with quotes, the linked one highlighted; CSV of exactly them."""
    from govdash import export
    table = tables.display_frame(own, lang)
    shown = table.drop(columns=["value_number", "unit", t("source_label", lang)])  # one source here
    styled = shown.style.apply(
        lambda row: [HIGHLIGHT if row["figure_id"] == fig else "" for _ in row], axis=1)
    st.dataframe(styled, hide_index=True, width="stretch", key=f"{key}_table",
                 column_config={t("quote_label", lang): st.column_config.TextColumn(width="large")})
    download = table.drop(columns=[t("value_label", lang)]).rename(
        columns={"value_number": t("value_label", lang)})
    st.download_button(t("download_csv", lang), export.to_csv_bytes(download),
                       file_name=f"govdash-{key}.csv", mime="text/csv", key=f"{key}_csv")


def _highlight(row: pd.Series, lang: str) -> None:
    value = fmt.value_with_unit(row["value"], row["unit_kind"],
                                row["unit_en"] if lang == "en" else row["unit_vi"], lang,
                                int(row["decimals"]), row["qualifier"])
    st.info(t("srcv_highlight", lang,
              locality=row["locality_name_en"] if lang == "en" else row["locality_name"],
              indicator=row["indicator_name_en"] if lang == "en" else row["indicator_name"],
              period=fmt.period(row["period_start"], row["period_end"], row["period_kind"], lang),
              value=value, status=t("status_" + row["status"], lang)) + f"\n\n“{row['quote']}”",
            icon=":material/push_pin:")


def source_block(s: pd.Series, own: pd.DataFrame, lang: str, key: str, opened: bool,
                 fig: str | None) -> None:
    """One source: an expander with its metadata, figures, quotes and (for seeds) full text."""
    label = f"{s['title']} — {s['publisher']} · {t('srcv_figures', lang, n=int(s['figure_count']))}"
    with st.expander(label, expanded=opened, key=f"{key}_exp_{s['source_id']}"):
        published = s["published"] if _present(s["published"]) else t("srcv_unknown_date", lang)
        st.markdown(
            f"**{t('srcv_published', lang)}:** {published} · **{t('srcv_reliability', lang)}:** "
            f"{t('reliability_' + s['reliability'], lang)} · {t('srcv_kind_' + s['kind'], lang)} · "
            f"`{s['source_id']}`")
        if _present(s["url"]):
            st.link_button(t("srcv_open_web", lang), s["url"])
        if _present(s["note"]):
            st.caption(s["note"])
        if fig is not None and fig in set(own["figure_id"]):
            _highlight(own[own["figure_id"] == fig].iloc[0], lang)
        if not own.empty:
            _figures(own, fig, f"{key}_{s['source_id']}", lang)
        text = _document_text(s["file"]) if _present(s["file"]) else None
        if text:
            st.text_area(t("show_document", lang), text, height=300, disabled=True,
                         key=f"{key}_doc_{s['source_id']}")


def render(key: str, lang: str, sources: pd.DataFrame, facts: pd.DataFrame) -> None:
    """The whole list: notices about the address, search (mirrored in the URL as `q`), the
    linked source first and open, every other source closed."""
    src, fig, notices = parse_link(st.query_params.to_dict(), sources, facts)
    for notice in notices:
        st.warning(t(notice.key, lang, **notice.values), icon="⚠️")
    for key_, kept in (("src", src), ("fig", fig)):
        if key_ in st.query_params and kept is None:
            del st.query_params[key_]  # a bad value is dropped, so the notice shows once
    search_key = f"{key}_search"
    if search_key not in st.session_state:
        st.session_state[search_key] = _first(st.query_params.get("q")) or ""
    search = st.text_input(t("sources_search", lang), key=search_key, help=t("srcv_search_help", lang))
    if search:
        st.query_params["q"] = search
    elif "q" in st.query_params:
        del st.query_params["q"]
    shown = ordered(filter_sources(sources, facts, search), src)
    st.caption(t("srcv_count", lang, shown=len(shown), total=len(sources)))
    if shown.empty:
        st.info(t("srcv_none", lang, text=search), icon="🔎")
    for _, s in shown.iterrows():
        own = facts[facts["source"] == s["source_id"]]
        source_block(s, own, lang, key, opened=s["source_id"] == src, fig=fig)
