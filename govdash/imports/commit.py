"""Outcome, commit, audit and rollback: all rows or none under the data folder's lock, an audit record per import, and exact undo."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import tempfile
from pathlib import Path

from govdash.db import journal
from govdash.imports.current import AUDIT_DIR, IMPORT_ID, Current, ImportPlan, Outcome, Result, load_current
from govdash.imports.plan import prepare
from govdash.imports.stage import _copy_folder, _csv_bytes, rule_reason
from govdash.paths import data_dir
from govdash.validate import validate

# ---------------------------------------------------------------- outcome, commit, audit

def plan_counts(plan: ImportPlan) -> dict[str, int]:
    """What an import does, counted once for every message and table: new figures (`added`,
    those kept beside an existing figure among them: `beside`), replaced, unchanged, skipped,
    new indicators."""
    return {"added": len(plan.added), "beside": sum(1 for c in plan.added if c.beside),
            "replaced": len(plan.replaced), "unchanged": len(plan.unchanged),
            "skipped": len(plan.skipped), "indicators": len(plan.new_indicators)}


def record_counts(record: dict) -> dict[str, int]:
    """The same counts from an audit record (the history table), as the commit message gave."""
    if "counts" in record:
        return record["counts"]
    added = [a for a in record["added"] if not a["replaces"]]  # records before the counts
    return {"added": len(added), "beside": 0, "replaced": len(record["added"]) - len(added),
            "unchanged": len(record.get("unchanged_rows", [])),
            "skipped": len(record.get("skipped_rows", [])), "indicators": 0}


def check(plan: ImportPlan) -> Result:
    """The outcome of a plan without writing (the dry run's answer)."""
    counts = plan_counts(plan)
    if plan.errors:
        return Result(Outcome.ERRORS, "imp_outcome_errors", {"count": len(plan.errors)}, plan=plan)
    if plan.unresolved:
        return Result(Outcome.CONFLICTS, "imp_outcome_conflicts", {"count": len(plan.unresolved)},
                      plan=plan)
    if not plan.ready:
        return Result(Outcome.OK, "imp_outcome_nothing", counts, plan=plan)
    return Result(Outcome.OK, "imp_outcome_ready", counts, plan=plan)


def commit(data: bytes, file_name: str, editor: str, decisions: dict[int, str] | None = None,
           on_conflict: str | None = None, expected_digest: str | None = None,
           folder: Path | None = None, lang: str = "vi", document: bytes | None = None) -> Result:
    """Import for real: re-plan under the lock, refuse unless ready, write everything at once.
    `document`: the text the rows were extracted from (see `prepare`)."""
    folder = folder or data_dir()
    try:
        with journal.locked(folder):
            journal.recover(folder)
            plan = prepare(data, file_name, folder, decisions, on_conflict, lang, locked=True,
                           document=document)
            result = check(plan)
            if result.outcome != Outcome.OK or not plan.ready:
                return result
            if expected_digest and plan.digest != expected_digest:
                return Result(Outcome.CHANGED, "imp_outcome_changed", plan=plan)
            import_id = _new_import_id()
            record = _audit_record(plan, import_id, editor)
            files = dict(plan.files)
            files[f"{AUDIT_DIR}/{import_id}.json"] = _json_bytes(record)
            journal.write_files(folder, files)
    except journal.Busy:
        return Result(Outcome.BUSY, "imp_outcome_busy")
    except OSError as exc:
        return _write_failed(exc)
    values = {**plan_counts(plan), "id": import_id}
    return Result(Outcome.OK, "imp_outcome_committed", values, import_id, plan)


def _write_failed(exc: OSError) -> Result:
    """A read-only folder or a full disk: the journal leaves the old data (or, past its commit
    point, the new data once the folder can be written again), never a mix."""
    return Result(Outcome.WRITE_FAILED, "imp_outcome_write_failed",
                  {"error": exc.strerror or type(exc).__name__})


def _new_import_id() -> str:
    now = dt.datetime.now(dt.UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(4)}"


def _json_bytes(record: dict) -> bytes:
    return (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _clean(row: dict) -> dict:
    return {k: v for k, v in row.items() if not k.startswith("_")}


def _audit_record(plan: ImportPlan, import_id: str, editor: str) -> dict:
    paths = plan.paths
    return {
        "import_id": import_id, "kind": "import", "editor": editor,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "file_name": plan.file_name, "file_sha256": plan.sha256, "file_size": plan.size,
        "rows_in_file": plan.rows_read,
        "added": [{"file": paths[c.resource], "upload_row": c.row,
                   "row": c.figure, "replaces": [o["figure_id"] for o in c.replaces]}
                  for c in plan.added + plan.replaced],
        "replaced": [{"file": paths[o["_resource"]], "index": o["_index"], "row": _clean(o),
                      "replaced_by": c.figure["figure_id"]}
                     for c in plan.replaced for o in c.replaces],
        "demoted": [{"file": paths[d.resource], "index": d.old["_index"], "row": _clean(d.old),
                     "now": d.new, "by_upload_row": d.row} for d in plan.demoted],
        "sources_added": [_clean(s) for s in plan.new_sources],
        "sources_removed": [{"index": s["_index"], "row": _clean(s)} for s in plan.retired_sources],
        "indicators_added": [_clean(i) for i in plan.new_indicators],
        "counts": plan_counts(plan),
        "unchanged_rows": plan.unchanged, "skipped_rows": plan.skipped,
        "files_before": plan.before,
        "files_after": {p: hashlib.sha256(b).hexdigest() for p, b in plan.files.items()},
    }


def recover(folder: Path | None = None) -> bool:
    """Finish (or clean up after) an import that was interrupted; True if there was one."""
    folder = folder or data_dir()
    # a read-only folder or a writer holding the lock: left for the next open, never a traceback
    return journal.finish_interrupted(folder) == "finished"


def history(folder: Path | None = None) -> list[dict]:
    """Every import recorded in the folder, newest first, with whether it was rolled back."""
    folder = folder or data_dir()
    audit = folder / AUDIT_DIR
    if not audit.is_dir():
        return []
    records = []
    for path in audit.glob("*.json"):
        if path.name.endswith(".rollback.json") or not IMPORT_ID.match(path.stem):
            continue
        record = json.loads(path.read_text(encoding="utf-8"))
        undo = audit / f"{path.stem}.rollback.json"
        record["rolled_back"] = json.loads(undo.read_text(encoding="utf-8")) if undo.exists() else None
        records.append(record)
    return sorted(records, key=lambda r: r["at"] + r["import_id"], reverse=True)


def rollback(import_id: str, editor: str, folder: Path | None = None, lang: str = "vi") -> Result:
    """Undo one import exactly: its rows removed, the rows it replaced put back where they were."""
    folder = folder or data_dir()
    if not IMPORT_ID.match(import_id or ""):
        return Result(Outcome.ERRORS, "imp_rb_unknown", {"id": str(import_id)[:40]})
    try:
        with journal.locked(folder):
            journal.recover(folder)
            record_path = folder / AUDIT_DIR / f"{import_id}.json"
            if not record_path.is_file():
                return Result(Outcome.ERRORS, "imp_rb_unknown", {"id": import_id})
            if (folder / AUDIT_DIR / f"{import_id}.rollback.json").exists():
                return Result(Outcome.ERRORS, "imp_rb_already", {"id": import_id})
            record = json.loads(record_path.read_text(encoding="utf-8"))
            cur = load_current(folder)
            files, refusal = _reverted_files(record, cur, lang)
            refusal = refusal or _check_reverted(record, cur, files, lang)
            if refusal:
                return refusal
            by_path = {res["path"]: name for name, res in cur.resources.items()}
            undo = {"import_id": import_id, "kind": "rollback", "editor": editor,
                    "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "files_before": {p: hashlib.sha256(cur.raw[by_path[p]]).hexdigest()
                                     for p in files},
                    "files_after": {p: hashlib.sha256(b).hexdigest() for p, b in files.items()}}
            files[f"{AUDIT_DIR}/{import_id}.rollback.json"] = _json_bytes(undo)
            journal.write_files(folder, files)
    except journal.Busy:
        return Result(Outcome.BUSY, "imp_outcome_busy")
    except OSError as exc:
        return _write_failed(exc)
    return Result(Outcome.OK, "imp_rb_done", {"id": import_id, "count": len(record["added"])},
                  import_id)


def _check_reverted(record: dict, cur: Current, files: dict[str, bytes], lang: str) -> Result | None:
    """Refuse a rollback whose result would break a rule, or would not be the exact old files."""
    by_path = {res["path"]: name for name, res in cur.resources.items()}
    staged = {by_path[p]: b for p, b in files.items()}
    with tempfile.TemporaryDirectory(prefix="govdash-stage-") as tmp:
        _copy_folder(cur, Path(tmp), staged)
        problems, _ = validate(Path(tmp))
    known = {(p.file, p.column, p.reason) for p in cur.problems}
    fresh = [p for p in problems if (p.file, p.column, p.reason) not in known]
    if fresh:
        reason = f"{fresh[0]} ({rule_reason(fresh[0].reason, lang)})"
        return Result(Outcome.ERRORS, "imp_rb_invalid", {"reason": reason})
    untouched_since = all(hashlib.sha256(cur.raw[by_path[p]]).hexdigest() == h
                          for p, h in record["files_after"].items() if p in by_path)
    exact = all(hashlib.sha256(b).hexdigest() == record["files_before"].get(p)
                for p, b in files.items())
    if untouched_since and not exact:
        return Result(Outcome.ERRORS, "imp_rb_invalid", {"reason": "not byte-identical"})
    return None


def _later_imports_touching(record: dict, cur: Current, figure_id: str) -> list[str]:
    """The active imports after `record` that added or replaced `figure_id`."""
    later = [r for r in history(cur.folder) if r["import_id"] > record["import_id"]
             and not r["rolled_back"]]
    return [r["import_id"] for r in later
            if any(c["row"]["figure_id"] == figure_id for c in r["added"] + r["replaced"])]


def _changed_since(record: dict, cur: Current, added: dict, now: dict | None) -> Result:
    """Why an added row is not as the import wrote it: a later import, or a hand edit (what)."""
    figure = added["row"]["figure_id"]
    if _later_imports_touching(record, cur, figure):
        return Result(Outcome.ERRORS, "imp_rb_changed", {"figure": figure})
    if now is None:
        return Result(Outcome.ERRORS, "imp_rb_removed",
                      {"figure": figure, "file": added["file"], "id": record["import_id"]})
    columns = [k for k in added["row"] if now.get(k) != added["row"][k]]
    return Result(Outcome.ERRORS, "imp_rb_edited",
                  {"figure": figure, "file": added["file"], "columns": ", ".join(columns)})


def _reverted_files(record: dict, cur: Current, lang: str) -> tuple[dict[str, bytes], Result | None]:
    """The files without the import's rows; a refusal when later changes stand in the way."""
    by_path = {res["path"]: name for name, res in cur.resources.items()}
    demoted = record.get("demoted", [])
    rows = {p: [dict(r) for r in cur.tables[by_path[p]].rows]
            for p in {a["file"] for a in record["added"]} | {r["file"] for r in record["replaced"]}
            | {d["file"] for d in demoted}}
    for d in demoted:  # figures the import made non-preferred get their preference back
        table = rows[d["file"]]
        at = next((i for i, r in enumerate(table) if r["figure_id"] == d["row"]["figure_id"]), None)
        if at is None or table[at] != d["now"]:
            return {}, Result(Outcome.ERRORS, "imp_rb_changed", {"figure": d["row"]["figure_id"]})
        table[at] = dict(d["row"])
    for a in record["added"]:
        table = rows[a["file"]]
        at = next((i for i, r in enumerate(table) if r["figure_id"] == a["row"]["figure_id"]), None)
        if at is None or table[at] != a["row"]:
            return {}, _changed_since(record, cur, a, None if at is None else table[at])
        del table[at]
    untouched = [r for res, _, r in cur.figure_rows() if cur.resources[res]["path"] not in rows]
    present = {r["figure_id"] for r in untouched}
    present |= {r["figure_id"] for table in rows.values() for r in table}
    for r in sorted(record["replaced"], key=lambda r: r["index"]):
        if r["row"]["figure_id"] in present:
            figure = r["row"]["figure_id"]
            if _later_imports_touching(record, cur, figure):
                return {}, Result(Outcome.ERRORS, "imp_rb_changed", {"figure": figure})
            return {}, Result(Outcome.ERRORS, "imp_rb_back", {"figure": figure, "file": r["file"]})
        table = rows[r["file"]]
        table.insert(min(r["index"], len(table)), r["row"])
    files = {}
    for path, table in rows.items():
        header = [f["name"] for f in cur.resources[by_path[path]]["schema"]["fields"]]
        files[path], _ = _csv_bytes(header, table)
    removed = record.get("sources_removed", [])
    if record["sources_added"] or removed:
        gone = {s["source_id"] for s in record["sources_added"]}
        users = {r["source_id"] for r in untouched}
        users |= {r["source_id"] for table in rows.values() for r in table}
        if gone & users:
            return {}, Result(Outcome.ERRORS, "imp_rb_source_in_use",
                              {"sources": ", ".join(sorted(gone & users))})
        header = [f["name"] for f in cur.resources["sources"]["schema"]["fields"]]
        kept = [r for r in cur.tables["sources"].rows if r["source_id"] not in gone]
        for r in sorted(removed, key=lambda r: r["index"]):  # sources the import retired
            if any(k["source_id"] == r["row"]["source_id"] for k in kept):
                return {}, Result(Outcome.ERRORS, "imp_rb_changed", {"figure": r["row"]["source_id"]})
            kept.insert(min(r["index"], len(kept)), r["row"])
        files[cur.resources["sources"]["path"]], _ = _csv_bytes(header, kept)
    if record.get("indicators_added"):
        gone = {i["indicator"] for i in record["indicators_added"]}
        users = {r["indicator"] for r in untouched}
        users |= {r["indicator"] for table in rows.values() for r in table}
        if gone & users:
            return {}, Result(Outcome.ERRORS, "imp_rb_indicator_in_use",
                              {"indicators": ", ".join(sorted(gone & users))})
        header = [f["name"] for f in cur.resources["indicators"]["schema"]["fields"]]
        kept = [r for r in cur.tables["indicators"].rows if r["indicator"] not in gone]
        files[cur.resources["indicators"]["path"]], _ = _csv_bytes(header, kept)
    return files, None
