"""Plan an import: sources reused or created, figure ids, and each row classified as new, unchanged or a conflict with an existing figure."""
from __future__ import annotations

import contextlib
import hashlib
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from govdash import fmt
from govdash.db import journal
from govdash.i18n import t
from govdash.imports import indicators, read
from govdash.imports.current import Change, Conflict, Current, Demotion, ImportPlan, Lookup, load_current
from govdash.imports.normalise import Draft, RowReader, header_score, map_header
from govdash.imports.stage import _stage
from govdash.paths import data_dir
from govdash.text import fold, strip_controls
from govdash.validate import Problem

# ---------------------------------------------------------------- planning
_NAME_MARKS = re.compile(r"[\[\]!*_`$<>{}|~:#\\@^=&\"']")  # Markdown and HTML marks in a file name


def figure_key(figure: dict) -> tuple:
    """Same figure: locality, body, indicator, period, and whether it is a plan or a result."""
    return (figure["locality_code"], figure["body"], figure["indicator"], figure["period_start"],
            figure["period_end"], figure["status"] == "planned")


def _same(a: dict, b: dict) -> bool:
    """True when an uploaded figure says exactly what an existing one says."""
    try:
        equal = Decimal(a["value"]) == Decimal(b["value"])
    except ArithmeticError:
        equal = False
    return equal and all(a[c] == b[c] for c in ("qualifier", "status", "source_id", "quote"))


def prepare(data: bytes, file_name: str, folder: Path | None = None,
            decisions: dict[int, str] | None = None, on_conflict: str | None = None,
            lang: str = "vi", locked: bool = False, document: bytes | None = None) -> ImportPlan:
    """Read, normalise, plan and validate an upload; nothing is written.

    `locked`: the caller already holds the folder's write lock (the commit re-plans under it).
    `document`: the UTF-8 text the rows were extracted from ("Nhập từ văn bản"); a source the
    import creates without a URL keeps it as `seeds/<source_id>.txt`, so its quotes are checked
    against it and the Sources page shows it whole.
    """
    folder = folder or data_dir()
    name = _safe_name(file_name)
    plan = ImportPlan(name, hashlib.sha256(data).hexdigest(), len(data), lang, document=document)
    try:
        sheet = read.read_upload(data, name, header_score)
    except read.ReadError as e:
        values = {k: fmt.number(v, lang, 1, exact=False) if isinstance(v, (int, float)) else v
                  for k, v in e.values.items()}
        plan.errors.append(Problem(name, None, None, None, t(e.key, lang, **values)))
        return plan
    with contextlib.nullcontext() if locked else journal.reading(folder):
        cur = load_current(folder)
    if any(table is None for table in cur.tables.values()):
        plan.errors.append(Problem(name, None, None, None, t("imp_err_data_unreadable", lang)))
        return plan
    if cur.problems:
        plan.warnings.append(Problem(name, None, None, None,
                                     t("imp_warn_data_problems", lang, count=len(cur.problems))))
    plan.paths = {n: r["path"] for n, r in cur.resources.items()}
    look = Lookup(cur, lang)
    indicators.read_new_indicators(plan, data, cur, look)
    drafts = _read_rows(plan, sheet, look)
    if drafts is None:
        return plan
    reader = RowReader(look, name, {}, lang)
    _settle_sources(plan, drafts, cur, look, reader)
    _assign_ids(drafts, cur)
    _find_conflicts(plan, drafts, cur, decisions or {}, on_conflict, reader)
    drop_unused_sources(plan)
    retire_orphaned_sources(plan, cur)
    plan.errors.extend(reader.errors)
    plan.warnings.extend(reader.warnings)
    _stage(plan, cur)
    return plan


def _safe_name(file_name: str) -> str:
    """The uploaded file's own name as plain text: it is stored in a new source's note and the
    audit log, so no folders, control or bidi characters, Markdown or HTML marks."""
    name = strip_controls(file_name.replace("\\", "/").rsplit("/", 1)[-1])
    name = _NAME_MARKS.sub("_", read.clean_text(name))
    return name[:120] or "upload"


def _read_rows(plan: ImportPlan, sheet: read.Sheet, look: Lookup) -> list[Draft] | None:
    """Header and rows to drafts; None (errors recorded) when the header is unusable."""
    columns, header_problems = map_header(sheet.header)
    for cell, key, values in header_problems:
        plan.errors.append(Problem(plan.file_name, sheet.header_row, cell or None, None,
                                   t(key, plan.lang, **values)))
    if header_problems:
        return None
    if not sheet.rows:
        plan.errors.append(Problem(plan.file_name, None, None, None, t("imp_err_no_rows", plan.lang)))
        return None
    reader = RowReader(look, plan.file_name, columns, plan.lang)
    for row, col, text in sheet.formulas:
        name = next((c for c, i in columns.items() if i == col), None)
        reader.error(row, name, text, "imp_err_formula")
    formula_rows = {r for r, _, _ in sheet.formulas}
    reader.set_convention(sheet.rows)
    drafts = []
    seen: dict[tuple, Draft] = {}
    for number, cells in sheet.rows:
        draft = reader.read(number, cells)
        if draft is None or number in formula_rows:
            continue
        key = figure_key(draft.figure)
        other = seen.get(key)
        if other is not None and not _may_stand_beside(other, draft):
            reader.error(number, None, None, "imp_err_duplicate_row", other=other.row)
            continue
        if other is not None and not (other.preferred_given or draft.preferred_given):
            _prefer_final(other, draft)
        seen.setdefault(key, draft)
        drafts.append(draft)
    plan.rows_read = len(sheet.rows)
    plan.errors.extend(reader.errors)
    plan.warnings.extend(reader.warnings)
    return drafts


def _may_stand_beside(a: Draft, b: Draft) -> bool:
    """Two rows of a file for the same figure may both be kept when one says which is preferred,
    or when one is an estimate and the other the final result."""
    return a.preferred_given or b.preferred_given or _estimate_and_final(a.figure, b.figure)


def _estimate_and_final(a: dict, b: dict) -> bool:
    return {a["status"], b["status"]} == {"estimated", "reported"}


def _prefer_final(a: Draft, b: Draft) -> None:
    """An estimate and its final in one file, neither saying which is preferred: the final is."""
    for d in (a, b):
        d.figure["preferred"] = "true" if d.figure["status"] == "reported" else "false"


def _settle_sources(plan: ImportPlan, drafts: list[Draft], cur: Current, look: Lookup,
                    reader: RowReader) -> None:
    """Give every draft a source id: named, an identical existing source, or a new one."""
    created: dict[tuple, dict] = {}
    taken = set(look.sources)
    for d in drafts:
        spec = d.source or {}
        if set(spec) == {"source_id"}:
            d.figure["source_id"] = spec["source_id"]
            continue
        if spec.get("source_id") in look.sources:
            existing = look.sources[spec["source_id"]]
            if fold(existing["title"]) != fold(spec["title"]):
                reader.error(d.row, "source_title", spec["title"], "imp_err_source_mismatch",
                             source=spec["source_id"])
            d.figure["source_id"] = spec["source_id"]
            continue
        same = look.source_keys.get((fold(spec["title"]), fold(spec["publisher"]), spec["url"]))
        if same:
            d.figure["source_id"] = same
            continue
        key = (fold(spec["title"]), fold(spec["publisher"]), spec["url"], spec["published"])
        if key not in created:
            sid = spec["source_id"] or _new_source_id(spec["title"], taken)
            taken.add(sid)
            text_file = f"seeds/{sid}.txt" if plan.document is not None and not spec["url"] else ""
            if text_file:
                plan.documents[text_file] = plan.document
            created[key] = {"source_id": sid, "title": spec["title"], "publisher": spec["publisher"],
                            "published": spec["published"],
                            "kind": "web_page" if spec["url"] else "seed_document",
                            "file": text_file, "url": spec["url"], "reliability": spec["reliability"], "grade": "",
                            "note": f"Added by a staff import of {plan.file_name}.",
                            "_row": d.row}
        d.figure["source_id"] = created[key]["source_id"]
    plan.new_sources = list(created.values())


def _new_source_id(title: str, taken: set[str]) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")
    base = ("imp-" + words)[:48].rstrip("-")
    sid, n = base, 2
    while sid in taken:
        sid, n = f"{base}-{n}", n + 1
    return sid


def _assign_ids(drafts: list[Draft], cur: Current) -> None:
    """`<source_id>-<nn>`, continuing the numbering the source already has."""
    highest: dict[str, int] = defaultdict(int)
    for _, _, row in cur.figure_rows():
        sid, _, tail = row["figure_id"].rpartition("-")
        if tail.isdigit():
            highest[sid] = max(highest[sid], int(tail))
    for d in drafts:
        sid = d.figure["source_id"]
        highest[sid] += 1
        d.figure["figure_id"] = f"{sid}-{highest[sid]:02d}"


def _find_conflicts(plan: ImportPlan, drafts: list[Draft], cur: Current,
                    decisions: dict[int, str], on_conflict: str | None, reader: RowReader) -> None:
    """Sort drafts into added, unchanged and conflicts (with their decisions)."""
    domain = {r["indicator"]: r["domain"] for r in cur.tables["indicators"].rows}
    domain.update({r["indicator"]: r["domain"] for r in plan.new_indicators})
    demoted: set[tuple[str, int]] = set()
    existing: dict[tuple, list[dict]] = defaultdict(list)
    derived_users: dict[str, list[str]] = defaultdict(list)
    for res, i, row in cur.figure_rows():
        existing[figure_key(row)].append({**row, "_index": i, "_resource": res})
        for ref in filter(None, row["derived_from"].split(";")):
            derived_users[ref.strip()].append(row["figure_id"])
    for d in drafts:
        resource = domain[d.figure["indicator"]]
        olds = existing.get(figure_key(d.figure), [])
        if not olds:
            plan.added.append(Change(d.row, resource, d.figure))
            continue
        preferred = next((o for o in olds if o["preferred"] == "true"), olds[0])
        if any(_same(d.figure, o) for o in olds):
            plan.unchanged.append(d.row)
            continue
        final = preferred["status"] == "estimated" and d.figure["status"] == "reported"
        if d.preferred_given or final:
            _keep_beside(plan, d, resource, olds, demoted)
            continue
        decision = decisions.get(d.row, on_conflict)
        blocked = [u for o in olds for u in derived_users.get(o["figure_id"], [])]
        conflict = Conflict(d.row, resource, d.figure, olds, decision, blocked)
        plan.conflicts.append(conflict)
        if decision == "replace" and blocked:
            reader.error(d.row, "value", d.figure["value"], "imp_err_replace_derived",
                         figures=", ".join(blocked))
        elif decision == "replace":
            plan.replaced.append(Change(d.row, resource, d.figure, olds))
        elif decision == "skip":
            plan.skipped.append(d.row)


def _keep_beside(plan: ImportPlan, d: Draft, resource: str, olds: list[dict],
                 demoted: set[tuple[str, int]]) -> None:
    """Add an uploaded figure beside the existing ones for the same key (another publisher's
    figure, or the final after an estimate); when it is preferred, they stop being preferred.
    Validation still demands exactly one preferred figure per key."""
    plan.added.append(Change(d.row, resource, d.figure, beside=olds))
    if d.figure["preferred"] != "true":
        return
    for o in olds:
        if o["preferred"] == "true" and (o["_resource"], o["_index"]) not in demoted:
            demoted.add((o["_resource"], o["_index"]))
            new = {k: v for k, v in o.items() if not k.startswith("_")}
            new["preferred"] = "false"
            plan.demoted.append(Demotion(d.row, o["_resource"], o, new))


def drop_unused_sources(plan: ImportPlan) -> None:
    """New sources no added or replacing figure uses (their rows were skipped, unchanged or
    refused) are not created: an import never leaves a source with 0 figures."""
    used = {c.figure["source_id"] for c in plan.added + plan.replaced + plan.conflicts
            if not (isinstance(c, Conflict) and c.decision == "skip")}
    plan.new_sources = [s for s in plan.new_sources if s["source_id"] in used]


def retire_orphaned_sources(plan: ImportPlan, cur: Current) -> None:
    """A source an earlier import created, every figure of which this import replaces with
    figures of other sources, goes with them (rollback puts it back where it was): a replaced
    row never leaves its source behind with 0 figures. Curated sources are never removed."""
    replaced = {o["figure_id"] for c in plan.replaced for o in c.replaces}
    if not replaced:
        return
    candidates = {o["source_id"] for c in plan.replaced for o in c.replaces}
    used = {c.figure["source_id"] for c in plan.added + plan.replaced}
    used |= {r["source_id"] for _, _, r in cur.figure_rows() if r["figure_id"] not in replaced}
    register = cur.tables.get("session_register")
    used |= {r["source_id"] for r in (register.rows if register else [])}
    for i, s in enumerate(cur.tables["sources"].rows):
        if (s["source_id"] in candidates and s["source_id"] not in used
                and s["note"].startswith("Added by a staff import")):
            plan.retired_sources.append({**s, "_index": i})
