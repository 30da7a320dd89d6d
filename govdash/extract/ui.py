"""The "Từ văn bản" part of the Nhập dữ liệu page (signed-in editors only): paste a text or
upload a document, choose the default locality and year, review the candidates in an editable
table beside the sentence each number comes from, accept the confident ones in one click, and
import the accepted rows through the existing validation → preview → commit → audit path, with
the document kept as a source (`seeds/<source_id>.txt`). The logic is in `review` and
`template`; this module only lays it out."""
from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from govdash import fmt, imports
from govdash.extract import extract, read, review, template
from govdash.i18n import t
from govdash.imports import ui as import_ui
from govdash.imports.current import IMPORT_STATUSES
from govdash.paths import data_dir

K_ROWS, K_VER, K_CHECK, K_FILE_N = "extract_rows", "extract_editor_n", "extract_check", "extract_file_n"
UPLOAD_TYPES = ["txt", "docx", "pdf"]
BODIES = ["council", "standing_committee", "council_committees", "delegate_groups", "people_committee",
          "all_councils", "commune_standing_committees", "locality"]
QUALIFIERS = ["exact", "over", "about", "under"]


@st.cache_data(max_entries=16, show_spinner=False)
def _candidates(text: str, locality: str | None, year: int | None, folder: str) -> list[dict]:
    return [c.as_json() for c in extract(text, locality=locality, year=year, folder=folder)]


def _document(lang: str) -> read.Document | None:
    """The pasted text or the uploaded file (the file wins), or None after saying why not."""
    n = st.session_state.setdefault(K_FILE_N, 0)
    pasted = st.text_area(t("ext_paste", lang), key=f"extract_text_{n}", height=160)
    file = st.file_uploader(t("ext_upload", lang), type=UPLOAD_TYPES, key=f"extract_file_{n}",
                            max_upload_size=read.MAX_BYTES // 1024 // 1024)
    try:
        if file is not None:
            return read.read_document(file.getvalue(), file.name)
        if pasted.strip():
            return read.from_text(pasted)
    except read.ExtractError as e:
        st.error(t(e.key, lang, **e.values), icon=":material/block:")
    return None


def _defaults(meta: import_ui.Meta, lang: str) -> tuple[str | None, int | None, str]:
    left, middle, right = st.columns(3)
    codes = [""] + sorted(meta.localities, key=lambda c: meta.locality(c, lang))
    locality = left.selectbox(t("ext_locality", lang), codes, key="extract_locality",
                              format_func=lambda c: meta.locality(c, lang) if c else t("ext_from_text", lang))
    years = [0] + list(range(2030, 2009, -1))
    year = middle.selectbox(t("ext_year", lang), years, key="extract_year",
                            format_func=lambda y: str(y) if y else t("ext_from_text", lang))
    publisher = right.text_input(t("ext_publisher", lang), key="extract_publisher")
    return locality or None, year or None, publisher


def _rows(doc: read.Document, locality, year) -> list[dict]:
    """The review rows of this document (kept while the editor works on them)."""
    key = hashlib.sha256(f"{doc.text}\0{locality}\0{year}".encode()).hexdigest()[:16]
    stored = st.session_state.get(K_ROWS)
    if not stored or stored["key"] != key:
        found = _candidates(doc.text, locality, year, str(data_dir()))
        stored = {"key": key, "rows": review.rows_of(found)}
        st.session_state[K_ROWS] = stored
        st.session_state.pop(K_CHECK, None)
    return stored["rows"]


def _save(rows: list[dict]) -> None:
    st.session_state[K_ROWS]["rows"] = rows
    st.session_state[K_VER] = st.session_state.get(K_VER, 0) + 1  # the editor restarts from the rows


def _merge(editor_key: str) -> None:
    _save(review.apply_edits(st.session_state[K_ROWS]["rows"], st.session_state[editor_key]["edited_rows"]))


def _accept_all() -> None:
    _save(review.accept_confident(st.session_state[K_ROWS]["rows"]))


def _table(rows: list[dict], meta: import_ui.Meta, lang: str) -> None:
    frame = pd.DataFrame(rows, columns=review.SHOWN)
    editor_key = f"extract_editor_{st.session_state.get(K_VER, 0)}"
    c = st.column_config
    st.data_editor(
        frame, key=editor_key, hide_index=True, width="stretch", on_change=_merge, args=(editor_key,),
        disabled=[col for col in review.SHOWN if col not in review.EDITABLE],
        column_config={
            "include": c.CheckboxColumn(t("ext_col_include", lang)),
            "value": c.TextColumn(t("value_label", lang)),
            "unit": c.TextColumn(t("ext_col_unit", lang)),
            "indicator": c.SelectboxColumn(t("indicator_label", lang), options=sorted(meta.indicators)),
            "suggestions": c.TextColumn(t("ext_col_suggestions", lang)),
            "period_start": c.TextColumn(t("ext_col_start", lang)),
            "period_end": c.TextColumn(t("ext_col_end", lang)),
            "period_kind": c.SelectboxColumn(t("ext_col_kind", lang), options=review.PERIOD_KINDS),
            "status": c.SelectboxColumn(t("status_label", lang), options=list(IMPORT_STATUSES)),
            "qualifier": c.SelectboxColumn(t("ext_col_qualifier", lang), options=QUALIFIERS),
            "body": c.SelectboxColumn(t("body_label", lang), options=BODIES),
            "locality": c.SelectboxColumn(t("sidebar_locality", lang), options=sorted(meta.localities)),
            "confidence": c.NumberColumn(t("ext_col_confidence", lang), format="%.2f"),
            "missing": c.TextColumn(t("ext_col_missing", lang)),
            "quote": c.TextColumn(t("quote_label", lang)),
            "why": c.TextColumn(t("ext_col_why", lang)),
        })


def _set_indicator(row_id: int, key: str) -> None:
    _save(review.set_field(st.session_state[K_ROWS]["rows"], row_id, "indicator", st.session_state[key] or ""))


def _detail(doc: read.Document, rows: list[dict], meta: import_ui.Meta, lang: str) -> None:
    """One row's number marked in its sentence, the words that decided each field, and its
    indicator chosen from the catalogue with the closest matches first."""
    labels = {r["id"]: f"{r['id'] + 1}. {r['value']} {r['unit']}" for r in rows}
    chosen = st.selectbox(t("ext_detail_pick", lang), list(labels), format_func=labels.get,
                          key="extract_detail")
    row = next(r for r in rows if r["id"] == chosen)
    st.markdown(review.highlighted(row))
    key = f"extract_indicator_{st.session_state.get(K_VER, 0)}_{row['id']}"
    st.selectbox(t("indicator_label", lang), review.indicator_options(row, list(meta.indicators)), key=key,
                 format_func=lambda i: f"{meta.indicator(i, lang)} ({i})" if i else "—",
                 on_change=_set_indicator, args=(row["id"], key))
    st.caption(review.escape_markdown(row["why"]))
    with st.expander(t("ext_document", lang, pages=fmt.number(doc.pages, lang, 0))):
        st.text(doc.text)


def from_document(current, lang: str) -> None:
    """The whole "Từ văn bản" path."""
    st.caption(t("ext_intro", lang))
    meta = import_ui.Meta(data_dir())
    doc = _document(lang)
    locality, year, publisher = _defaults(meta, lang)
    if doc is None:
        return
    rows = _rows(doc, locality, year)
    if not rows:
        st.info(t("ext_none", lang))
        return
    confident = sum(1 for r in rows if r["confidence"] >= review.HIGH_CONFIDENCE and not r["missing"])
    st.caption(t("ext_summary", lang, count=fmt.number(len(rows), lang, 0),
                 confident=fmt.number(confident, lang, 0)))
    st.button(t("ext_accept_all", lang), key="extract_accept_all", on_click=_accept_all,
              disabled=not confident)
    left, right = st.columns([3, 2])
    with left:
        _table(rows, meta, lang)
    with right:
        _detail(doc, rows, meta, lang)
    _import(doc, rows, publisher, current, lang)


def _import(doc: read.Document, rows: list[dict], publisher: str, current, lang: str) -> None:
    """Check, preview and commit the accepted rows (the same path as a spreadsheet)."""
    held = review.blocked(rows)
    if held:
        st.warning(t("ext_blocked", lang, rows=", ".join(str(r["id"] + 1) for r in held)))
    ready = review.accepted(rows)
    digest = review.digest(rows)
    if st.button(t("ext_check", lang, count=fmt.number(len(ready), lang, 0)), key="extract_check_button",
                 disabled=not ready or bool(held)):
        st.session_state[K_CHECK] = digest
    if st.session_state.get(K_CHECK) != digest or not ready or held:
        return
    title = template.title_of(doc.text, doc.name)
    data = review.import_file(rows, template.source_columns(title, publisher))
    name, text = review.file_name(title), doc.text.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    plan = imports.prepare(data, name, decisions=import_ui._decisions(sha), lang=lang, document=text)
    result = imports.check(plan)
    show = {imports.Outcome.OK: st.info, imports.Outcome.CONFLICTS: st.warning}.get(result.outcome, st.error)
    show(result.message(lang))
    import_ui.problems(plan, lang)
    import_ui.conflicts(plan, sha, lang)
    if not plan.errors:
        import_ui.preview(plan, lang)
    if st.button(t("imp_commit_button", lang), type="primary", disabled=not plan.ready,
                 key="extract_commit"):
        done = imports.commit(data, name, current.name, decisions=import_ui._decisions(sha),
                              expected_digest=plan.digest, lang=lang, document=text)
        if done.outcome == imports.Outcome.OK:
            for key in (K_ROWS, K_CHECK):
                st.session_state.pop(key, None)
            st.session_state[K_FILE_N] = st.session_state.get(K_FILE_N, 0) + 1  # fresh, empty inputs
        import_ui.finish(done, sha, lang)
