"""Streamlit glue of the Nhập dữ liệu page: template downloads, editor sign-in, upload, errors,
conflicts, preview, commit, history and undo. The frames shown are built by plain functions
(`errors_frame`, `figures_frame`, …) that tests call without Streamlit."""
from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

import pandas as pd
import streamlit as st

from govdash import db, export, fmt, imports, ui
from govdash.i18n import pick, t, t_md
from govdash.imports import auth, read, template
from govdash.localities import Resolver
from govdash.paths import PAGES_DIR, data_dir
from govdash.text import md_escape

K_EDITOR, K_SESSION, K_UPLOAD_N = "import_editor", "import_session", "import_upload_n"
K_RESULT, K_GO, K_UNDO_N = "import_result", "import_go_overview", "import_undo_n"
K_SEEN = "import_seen_digest"  # the digest of the preview the editor last saw
K_PLAN = "import_plan"  # (what it was made from, the plan) of the file in the uploader
PAGES = PAGES_DIR
UPLOAD_TYPES = ["csv", "txt", "tsv", "xlsx", "xls", "ods"]
TABLE_ROWS = 200  # errors shown as a plain table up to this many, then as a data grid


# ---------------------------------------------------------------- frames (no Streamlit)

def errors_frame(problems: list, lang: str) -> pd.DataFrame:
    """Row, column, value, reason of each problem, as shown and downloaded."""
    return pd.DataFrame([{t("imp_col_row", lang): "" if p.row is None else str(p.row),
                          t("imp_col_column", lang): p.column or "",
                          t("imp_col_value", lang): p.value or "",
                          t("imp_col_reason", lang): p.reason} for p in problems],
                        columns=[t(k, lang) for k in ("imp_col_row", "imp_col_column",
                                                      "imp_col_value", "imp_col_reason")])


class Meta:
    """Names, units and decimals of localities and indicators, read from the data folder."""

    def __init__(self, folder: Path):
        cur = imports.load_current(folder, check=False)
        self.localities = {r["code"]: r for r in cur.tables["localities"].rows}
        self.indicators = {r["indicator"]: r for r in cur.tables["indicators"].rows}
        names = cur.tables.get("locality_names")
        self.names = Resolver(self.localities.values(), names.rows if names else [])

    def with_plan(self, plan: imports.ImportPlan) -> Meta:
        """Also the indicators the import adds (the preview names them before they exist)."""
        self.indicators.update({i["indicator"]: i for i in plan.new_indicators})
        return self

    def locality(self, code: str, lang: str, day: str | None = None) -> str:
        """The locality's name on `day` (code 24 is Bắc Giang on 2023-12-31)."""
        return self.names.name_at(code, day, lang) if code in self.localities else code

    def indicator(self, ind: str, lang: str) -> str:
        r = self.indicators.get(ind)
        return (pick(r, "name", lang)) if r else ind

    def value(self, figure: dict, lang: str) -> str:
        """A figure's value as the dashboard shows it (qualifier, number, unit)."""
        r = self.indicators[figure["indicator"]]
        unit = pick(r, "unit", lang)
        return fmt.value_with_unit(float(figure["value"]), r["unit_kind"], unit, lang,
                                   int(r["decimals"] or 0), figure["qualifier"])


def _figure_cells(meta: Meta, f: dict, lang: str) -> dict:
    return {t("sidebar_locality", lang): meta.locality(f["locality_code"], lang, f["period_end"]),
            t("indicator_label", lang): meta.indicator(f["indicator"], lang),
            t("body_label", lang): t("body_" + f["body"], lang),
            t("period_label", lang): fmt.period(f["period_start"], f["period_end"], f["period_kind"], lang),
            t("status_label", lang): t("status_" + f["status"], lang)}


def figures_frame(changes: list, meta: Meta, lang: str) -> pd.DataFrame:
    """The figures an import adds: row, what, value, source, quote."""
    return pd.DataFrame([{t("imp_col_row", lang): str(c.row), **_figure_cells(meta, c.figure, lang),
                          t("value_label", lang): meta.value(c.figure, lang),
                          t("source_label", lang): c.figure["source_id"],
                          t("quote_label", lang): c.figure["quote"]} for c in changes])


def replaced_frame(changes: list, meta: Meta, lang: str) -> pd.DataFrame:
    """The figures an import replaces: old value(s) beside the new one."""
    return pd.DataFrame([{t("imp_col_row", lang): str(c.row), **_figure_cells(meta, c.figure, lang),
                          t("imp_old_value", lang): "; ".join(meta.value(o, lang) for o in c.replaces),
                          t("imp_new_value", lang): meta.value(c.figure, lang)} for c in changes])


def beside_frame(changes: list, demoted: list, meta: Meta, lang: str) -> pd.DataFrame:
    """Figures kept beside existing ones for the same key: both sides, and which is preferred
    after the import."""
    losing = {(d.resource, d.old["figure_id"]) for d in demoted}

    def said(f: dict, preferred: bool) -> str:
        return f"{meta.value(f, lang)} — {f['source_id']} ({t('status_' + f['status'], lang)}"\
               f"{', ' + t('imp_preferred_label', lang).lower() if preferred else ''})"
    return pd.DataFrame([{
        t("imp_col_row", lang): str(c.row), **_figure_cells(meta, c.figure, lang),
        t("imp_new_value", lang): said(c.figure, c.figure["preferred"] == "true"),
        t("imp_beside_existing", lang): "; ".join(
            said(o, o["preferred"] == "true" and (c.resource, o["figure_id"]) not in losing)
            for o in c.beside)} for c in changes])


def affected(plan: imports.ImportPlan, meta: Meta, lang: str) -> tuple[str, str]:
    """The pages, and the indicators/localities/years, an import changes."""
    changes = plan.added + plan.replaced
    keys = []
    if any(meta.indicators[c.figure["indicator"]]["headline"] == "true" for c in changes):
        keys.append("page_overview")
    keys += [imports.DOMAIN_PAGES[c.resource] for c in changes if c.resource in imports.DOMAIN_PAGES]
    keys += ["page_compare", "page_sources"]
    files = {"page_overview": "overview", "page_sessions": "sessions", "page_supervision": "supervision",
             "page_voters": "voters", "page_budget": "budget", "page_compare": "compare",
             "page_sources": "sources"}
    pages = [t(k, lang) for k in dict.fromkeys(keys) if (PAGES / f"{files[k]}.py").is_file()]
    indicators = ", ".join(dict.fromkeys(meta.indicator(c.figure["indicator"], lang) for c in changes))
    localities = ", ".join(dict.fromkeys(meta.locality(c.figure["locality_code"], lang, c.figure["period_end"])
                                         for c in changes))
    years = ", ".join(sorted({c.figure["period_end"][:4] for c in changes}))
    charts = t("imp_affects_charts", lang, indicators=indicators, localities=localities, years=years)
    return t("imp_affects", lang, pages=", ".join(pages) or "—"), charts


def history_frame(records: list[dict], lang: str) -> pd.DataFrame:
    """The import history as a table."""
    rows = []
    for r in records:
        counts = imports.record_counts(r)  # what the commit's message said it did
        undo = r["rolled_back"]
        state = (t("imp_state_undone", lang, editor=undo["editor"], at=undo["at"][:16])
                 if undo else t("imp_state_active", lang))
        rows.append({t("imp_col_id", lang): r["import_id"], t("imp_col_when", lang): r["at"][:16],
                     t("imp_col_editor", lang): r["editor"], t("imp_col_file", lang): r["file_name"],
                     "SHA-256": r["file_sha256"][:16], t("imp_col_added", lang): counts["added"],
                     t("imp_col_replaced", lang): counts["replaced"], t("imp_col_state", lang): state})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- page parts

def templates(lang: str) -> None:
    """Download buttons for the CSV and .xlsx templates (built only when clicked)."""
    st.subheader(t("imp_template_heading", lang))
    st.caption(t("imp_template_help", lang))
    left, right = st.columns(2)
    left.download_button(t("imp_template_csv", lang), data=template.template_csv,
                         file_name="govdash-mau-nhap-lieu.csv", mime="text/csv",
                         key="import_template_csv", on_click="ignore")
    right.download_button(t("imp_template_xlsx", lang), data=lambda: template.template_xlsx(lang=lang),
                          file_name="govdash-mau-nhap-lieu.xlsx", key="import_template_xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          on_click="ignore")


K_COOKIE = "import_cookie"  # the sign-in cookie to write (a token) or clear ("") on this run


def editor() -> auth.Editor | None:
    """The signed-in editor of this browser session, if any: signed in here, or in this browser
    before (its sign-in cookie), so opening a page by its address keeps the editor signed in."""
    value = st.session_state.get(K_EDITOR)
    if value is None and st.session_state.get(K_COOKIE) != "":
        found = auth.editor_from_token(st.context.cookies.get(auth.COOKIE))
        if found:
            value = st.session_state[K_EDITOR] = {"name": found.name, "display_name": found.display_name}
    return auth.Editor(**value) if value else None


def _sign_out() -> None:
    st.session_state.pop(K_EDITOR, None)
    st.session_state[K_COOKIE] = ""
    ui.allow_uploads(False)


def write_cookie() -> None:
    """Write (or clear) the sign-in cookie in the browser: a token of our own, checked against
    its pattern before it is written into the page's script (never text from a request)."""
    token = st.session_state.get(K_COOKIE)
    if token is None:
        return
    if token == "":
        script = f"document.cookie = '{auth.COOKIE}=; Max-Age=0; Path=/; SameSite=Strict';"
    elif auth._TOKEN.match(token):
        script = (f"document.cookie = '{auth.COOKIE}={token}; Max-Age={auth.SESSION_SECONDS}; "
                  "Path=/; SameSite=Strict';")
    else:
        return
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)
    if token:
        st.session_state.pop(K_COOKIE, None)


def sign_in(lang: str) -> auth.Editor | None:
    """The sign-in form, or who is signed in with a sign-out button."""
    st.subheader(t("imp_signin_heading", lang))
    write_cookie()
    current = editor()
    ui.allow_uploads(current is not None)  # no file reaches the server's memory before sign-in
    if current:
        left, right = st.columns([3, 1])
        left.success(t_md("imp_signed_in", lang, name=current.display_name), icon=":material/person:")
        right.button(t("imp_signout_button", lang), key="import_signout", on_click=_sign_out)
        return current
    st.caption(t("imp_signin_intro", lang))
    session = st.session_state.setdefault(K_SESSION, secrets.token_hex(8))
    with st.form("import_signin"):
        name = st.text_input(t("imp_user", lang), key="import_user", max_chars=auth.MAX_NAME)
        password = st.text_input(t("imp_password", lang), type="password", key="import_password",
                                 max_chars=1024)
        submitted = st.form_submit_button(t("imp_signin_button", lang), key="import_signin_submit")
    if submitted:
        # throttled per name and client address, so a stranger cannot lock an editor out
        answer = auth.sign_in(name, password, session, client=st.context.ip_address)
        if answer.editor:
            st.session_state[K_EDITOR] = {"name": answer.editor.name,
                                          "display_name": answer.editor.display_name}
            st.session_state[K_COOKIE] = auth.session_token(answer.editor) or ""
            st.rerun()
        key = {"throttled": "imp_auth_throttled", "no_editors": "imp_auth_no_editors",
               "broken_file": "imp_auth_broken_file"}.get(
            answer.reason, "imp_auth_wrong")
        st.error(t(key, lang, seconds=int(answer.wait + 0.999)), icon=":material/lock:")
    return None


def last_result(lang: str) -> None:
    """The message of the last commit or undo (kept across the rerun that follows it)."""
    result = st.session_state.get(K_RESULT)
    if not result:
        return
    pending = st.session_state.get(f"import_file_{st.session_state.get(K_UPLOAD_N, 0)}")
    if pending is not None and hashlib.sha256(pending.getvalue()).hexdigest() != result.get("sha"):
        st.session_state.pop(K_RESULT, None)  # another file is being checked: the news is stale
        return
    (st.success if result["ok"] else st.error)(
        result["message"], icon=":material/check_circle:" if result["ok"] else ":material/block:")
    if result.get("locality"):
        st.button(t("imp_see_overview", lang), key="import_see_overview", on_click=_go_overview,
                  args=(result["locality"], result["year"]))


def _go_overview(locality: str, year: int) -> None:
    ui.set_selection(locality=locality, years=(year, year))
    st.session_state[K_GO] = True


def follow_link() -> None:
    """After "see it on the Overview page": go there (set in a callback, switched here)."""
    if st.session_state.pop(K_GO, False):
        st.session_state.pop(K_RESULT, None)
        st.switch_page("pages/overview.py")


def _decisions(sha: str) -> dict[int, str]:
    prefix = f"import_decide_{sha[:12]}_"
    return {int(k[len(prefix):]): v for k, v in st.session_state.items()
            if isinstance(k, str) and k.startswith(prefix) and v in ("replace", "skip")}


def _decide_all(sha: str, rows: list[int], decision: str) -> None:
    for row in rows:
        st.session_state[f"import_decide_{sha[:12]}_{row}"] = decision


# Streamlit 1.67 writes its uploaders' button and size line in English ("Upload", "5MB per
# file • CSV, …") and offers no parameter for them (streamlit/streamlit#13500): they are hidden
# and the catalogue's words drawn in their place. Static CSS from the catalogue, never data.
_UPLOADER_CSS = """<style>
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p {{ display: none; }}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"]
  [data-testid="stMarkdownContainer"]::after {{ content: "{button}"; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ display: none; }}
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {{ content: "{limit}"; font-size: 0.875rem; }}
</style>"""


def uploader_words(lang: str) -> None:
    """The uploaders' own words in the page's language (see `_UPLOADER_CSS`)."""
    limit = fmt.number(read.MAX_BYTES // 1024 // 1024, lang, 0)
    words = {"button": t("imp_upload_button", lang), "limit": t("imp_upload_limit", lang, limit=limit)}
    safe = {k: v.replace("\\", "").replace('"', "").replace("<", "").replace("{", "") for k, v in words.items()}
    st.html(_UPLOADER_CSS.format(**safe))


def upload(current: auth.Editor, lang: str) -> None:
    """Upload, check, resolve, preview and commit."""
    st.subheader(t("imp_upload_heading", lang))
    uploader_words(lang)
    n = st.session_state.setdefault(K_UPLOAD_N, 0)
    limit = fmt.number(read.MAX_BYTES // 1024 // 1024, lang, 0) + " MB"
    file = st.file_uploader(t("imp_upload_label", lang, limit=limit), type=UPLOAD_TYPES,
                            key=f"import_file_{n}",
                            max_upload_size=read.MAX_BYTES // 1024 // 1024)
    if file is None:
        st.session_state.pop(K_PLAN, None)
        return
    data = file.getvalue()
    sha = hashlib.sha256(data).hexdigest()
    plan = _plan(data, file.name, sha, lang)
    seen, st.session_state[K_SEEN] = st.session_state.get(K_SEEN), plan.digest
    st.caption(t_md("imp_file_summary", lang, name=plan.file_name, size=fmt.number(len(data), lang, 0) + " B",
                 rows=fmt.number(plan.rows_read, lang, 0), sha=sha[:16]))
    result = imports.check(plan)
    show = {imports.Outcome.OK: st.info, imports.Outcome.CONFLICTS: st.warning}.get(result.outcome, st.error)
    show(result.message(lang, markdown=True))
    problems(plan, lang)
    conflicts(plan, sha, lang)
    if not plan.errors:
        preview(plan, lang)
    disabled = not plan.ready
    if st.button(t("imp_commit_button", lang), type="primary", disabled=disabled, key="import_commit"):
        # What is written must be what the editor saw before clicking, not a newer plan.
        done = imports.commit(data, file.name, current.name, decisions=_decisions(sha),
                               expected_digest=seen or plan.digest, lang=lang)
        finish(done, sha, lang)
    elif disabled and (plan.errors or plan.unresolved):
        st.caption(t("imp_commit_blocked", lang))


def _plan(data: bytes, name: str, sha: str, lang: str) -> imports.ImportPlan:
    """The file's plan, made once per upload: again only when the decisions, the language or
    the data folder changed (a workbook can take seconds to read, and a page reruns often)."""
    decisions = _decisions(sha)
    key = (sha, name, tuple(sorted(decisions.items())), lang, db.files_stamp(data_dir()))
    cached = st.session_state.get(K_PLAN)
    if cached is not None and cached[0] == key:
        return cached[1]
    plan = imports.prepare(data, name, decisions=decisions, lang=lang)
    st.session_state[K_PLAN] = (key, plan)
    return plan


def finish(done: imports.Result, sha: str, lang: str) -> None:
    """After a commit: show the new data everywhere, clear the upload, remember the message."""
    entry = {"ok": done.outcome == imports.Outcome.OK, "message": done.message(lang, markdown=True), "sha": sha}
    if done.import_id and done.plan and (done.plan.added or done.plan.replaced):
        first = (done.plan.added + done.plan.replaced)[0].figure
        entry.update(locality=first["locality_code"], year=int(first["period_end"][:4]))
        ui.reload_data()
        st.session_state[K_UPLOAD_N] = st.session_state.get(K_UPLOAD_N, 0) + 1
    st.session_state[K_RESULT] = entry
    st.rerun()


def _table(frame: pd.DataFrame) -> None:
    """A small table as plain text (readable aloud, selectable, printable); a big one as a grid.
    `st.table` renders Markdown in its cells: every cell (uploaded values, quotes) is escaped."""
    if len(frame) <= TABLE_ROWS:
        shown = frame.map(md_escape).rename(columns=md_escape)
        st.table(shown.set_index(shown.columns[0]))
    else:
        st.dataframe(frame, hide_index=True, width="stretch")


def problems(plan: imports.ImportPlan, lang: str) -> None:
    """Errors (table and CSV download) and notes."""
    if plan.errors:
        st.markdown(f"**{t('imp_errors_heading', lang, count=len(plan.errors))}**")
        frame = errors_frame(plan.errors, lang)
        _table(frame)
        st.download_button(t("imp_download_errors", lang), export.to_csv_bytes(frame),
                           file_name=f"loi-{plan.file_name}.csv", mime="text/csv",
                           key="import_errors_csv", on_click="ignore")
    if plan.warnings:
        with st.expander(t("imp_warnings_heading", lang, count=len(plan.warnings))):
            _table(errors_frame(plan.warnings, lang))


def conflicts(plan: imports.ImportPlan, sha: str, lang: str) -> None:
    """One replace/skip choice per duplicate row, and buttons to decide them all."""
    if not plan.conflicts:
        return
    meta = Meta(data_dir()).with_plan(plan)
    st.markdown(f"**{t('imp_conflicts_heading', lang, count=len(plan.conflicts))}**")
    rows = [c.row for c in plan.conflicts]
    left, right = st.columns(2)
    left.button(t("imp_replace_all", lang), key="import_replace_all", on_click=_decide_all,
                args=(sha, rows, "replace"))
    right.button(t("imp_skip_all", lang), key="import_skip_all", on_click=_decide_all,
                 args=(sha, rows, "skip"))
    for c in plan.conflicts:
        f = c.figure
        st.write(t_md("imp_conflict_line", lang, row=c.row, indicator=meta.indicator(f["indicator"], lang),
                   locality=meta.locality(f["locality_code"], lang, f["period_end"]),
                   period=fmt.period(f["period_start"], f["period_end"], f["period_kind"], lang),
                   old="; ".join(meta.value(o, lang) for o in c.existing), new=meta.value(f, lang)))
        if c.blocked_by:
            st.caption(t_md("imp_conflict_blocked", lang, figures=", ".join(c.blocked_by)))
        labels = {"replace": t("imp_decision_replace", lang), "skip": t("imp_decision_skip", lang)}
        st.radio(t("imp_decision_label", lang, row=c.row), options=list(labels), index=None,
                 format_func=labels.get, horizontal=True, key=f"import_decide_{sha[:12]}_{c.row}")


def preview(plan: imports.ImportPlan, lang: str) -> None:
    """What the import would change, and where it shows."""
    st.subheader(t("imp_preview_heading", lang))
    cols = st.columns(4)
    for col, key, value in zip(cols, ("imp_metric_added", "imp_metric_replaced", "imp_metric_unchanged",
                                      "imp_metric_skipped"),
                               (plan.added, plan.replaced, plan.unchanged, plan.skipped)):
        col.metric(t(key, lang), fmt.number(len(value), lang, 0))
    if not (plan.added or plan.replaced):
        return
    meta = Meta(data_dir()).with_plan(plan)
    if plan.added:
        st.markdown(f"**{t('imp_new_table', lang)}**")
        _table(figures_frame(plan.added, meta, lang))
    beside = [c for c in plan.added if c.beside]
    if beside:
        st.markdown(f"**{t('imp_beside_table', lang)}**")
        _table(beside_frame(beside, plan.demoted, meta, lang))
    if plan.replaced:
        st.markdown(f"**{t('imp_replaced_table', lang)}**")
        _table(replaced_frame(plan.replaced, meta, lang))
    if plan.new_indicators:
        names = "; ".join(f"{i['name_vi']} ({i['indicator']}, {i['unit_vi']})" for i in plan.new_indicators)
        st.caption(t_md("imp_new_indicators", lang, names=names))
    if plan.new_sources:
        names = "; ".join(f"{s['title']} — {s['publisher']} ({s['source_id']})" for s in plan.new_sources)
        st.caption(t_md("imp_new_sources", lang, names=names))
    pages, charts = affected(plan, meta, lang)
    st.caption(md_escape(pages))
    st.caption(md_escape(charts))


def history(current: auth.Editor | None, lang: str) -> None:
    """Every import, and (for an editor) undoing one."""
    st.subheader(t("imp_history_heading", lang))
    records = imports.history()
    if not records:
        st.caption(t("imp_history_empty", lang))
        return
    st.dataframe(history_frame(records, lang), hide_index=True, width="stretch")
    active = {r["import_id"]: f"{r['import_id']} · {r['file_name']} · {r['editor']}"
              for r in records if not r["rolled_back"]}
    if current is None or not active:
        return
    chosen = st.selectbox(t("imp_rollback_pick", lang), options=list(active), format_func=active.get,
                          key="import_rollback_pick")
    n = st.session_state.setdefault(K_UNDO_N, 0)
    sure = st.checkbox(t("imp_rollback_confirm", lang), key=f"import_rollback_sure_{n}")
    if st.button(t("imp_rollback_button", lang), disabled=not sure, key="import_rollback"):
        done = imports.rollback(chosen, current.name, lang=lang)
        if done.outcome == imports.Outcome.OK:
            ui.reload_data()
        st.session_state[K_RESULT] = {"ok": done.outcome == imports.Outcome.OK,
                                      "message": done.message(lang, markdown=True)}
        st.session_state[K_UNDO_N] = n + 1  # a fresh, unticked confirmation next time
        st.rerun()
