"""Stage and validate: the data folder copied with the rows merged in as they would be written, the project's validator run on it, and each problem mapped back to the uploaded row and column."""
from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import tempfile
from pathlib import Path

from govdash.i18n import t
from govdash.imports.current import Change, Current, ImportPlan
from govdash.validate import Problem, validate

# ---------------------------------------------------------------- staging and validation

def _csv_bytes(header: list[str], rows: list[dict]) -> tuple[bytes, list[int]]:
    """The file as the data folder writes it, and the line number each row ends on."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    lines, line = [], out.getvalue().count("\n")
    for row in rows:
        start = out.tell()
        writer.writerow([row[c] for c in header])
        line += out.getvalue()[start:].count("\n")
        lines.append(line)
    return out.getvalue().encode("utf-8"), lines


def merged_tables(plan: ImportPlan, cur: Current, staging: bool) -> dict[str, list[tuple[dict, tuple]]]:
    """Each changed resource's rows after the import, with their origin ("old", i) or ("new", row).

    For staging, undecided conflicts count as replacements (so the new rows are checked too).
    """
    changes = list(plan.added) + list(plan.replaced)
    if staging:
        decided = {c.row for c in plan.replaced}
        changes += [Change(c.row, c.resource, c.figure, c.existing) for c in plan.unresolved
                    if c.row not in decided and not c.blocked_by]
    out: dict[str, list[tuple[dict, tuple]]] = {}
    for resource in sorted({c.resource for c in changes} | {d.resource for d in plan.demoted}):
        rows = cur.tables[resource].rows
        first: dict[int, Change] = {}
        dropped: set[int] = set()
        for ch in (c for c in changes if c.resource == resource and c.replaces):
            idx = sorted(o["_index"] for o in ch.replaces)
            first[idx[0]] = ch
            dropped |= set(idx[1:])
        demoted = {d.old["_index"]: d for d in plan.demoted if d.resource == resource}
        merged = []
        for i, row in enumerate(rows):
            if i in first:
                merged.append((first[i].figure, ("new", first[i].row)))
            elif i in demoted:  # an existing figure that is no longer preferred, in its place
                merged.append((demoted[i].new, ("new", demoted[i].row)))
            elif i not in dropped:
                merged.append((row, ("old", i)))
        merged += [(c.figure, ("new", c.row)) for c in changes
                   if c.resource == resource and not c.replaces]
        out[resource] = merged
    retired = {s["_index"] for s in plan.retired_sources}
    for table, created in (("sources", plan.new_sources), ("indicators", plan.new_indicators)):
        gone = retired if table == "sources" else set()
        if created or gone:
            rows = [(r, ("old", i)) for i, r in enumerate(cur.tables[table].rows) if i not in gone]
            rows += [({k: v for k, v in s.items() if not k.startswith("_")}, ("new", s["_row"]))
                     for s in created]
            out[table] = rows
    return out


def _stage(plan: ImportPlan, cur: Current) -> None:
    """Validate the data as it would be after the import; map problems back to the upload."""
    merged = merged_tables(plan, cur, staging=True)
    if not merged:
        return
    origins: dict[str, dict[int, tuple]] = {}
    staged_bytes: dict[str, bytes] = {}
    for resource, rows in merged.items():
        res = cur.resources[resource]
        header = [f["name"] for f in res["schema"]["fields"]]
        content, lines = _csv_bytes(header, [r for r, _ in rows])
        staged_bytes[resource] = content
        origins[res["path"]] = {line: (origin, row) for line, (row, origin) in zip(lines, rows)}
    with tempfile.TemporaryDirectory(prefix="govdash-stage-") as tmp:
        staged = Path(tmp)
        _copy_folder(cur, staged, staged_bytes, plan.documents)
        problems, _ = validate(staged)
    base = _identities(cur.problems, cur)
    for p in problems:
        _map_problem(plan, p, origins, base, cur)
    if not plan.errors and not plan.unresolved:
        _finish(plan, cur)


def _copy_folder(cur: Current, staged: Path, replaced: dict[str, bytes],
                 documents: dict[str, bytes] | None = None) -> None:
    shutil.copy2(cur.folder / "datapackage.json", staged / "datapackage.json")
    for name, res in cur.resources.items():
        if name in replaced or (cur.folder / res["path"]).is_file():
            (staged / res["path"]).write_bytes(replaced.get(name, cur.raw[name]))
    if documents:  # new document texts join a copy of the seeds (the real folder stays untouched)
        if (cur.folder / "seeds").is_dir():
            shutil.copytree(cur.folder / "seeds", staged / "seeds")
        for path, content in documents.items():
            (staged / path).parent.mkdir(parents=True, exist_ok=True)
            (staged / path).write_bytes(content)
    elif (cur.folder / "seeds").is_dir():
        os.symlink(cur.folder / "seeds", staged / "seeds")


def _identities(problems: list[Problem], cur: Current) -> set[tuple]:
    """Problems of the current data, named by row key (lines move when rows are added)."""
    keyed = set()
    by_path = {res["path"]: name for name, res in cur.resources.items()}
    for p in problems:
        table = cur.tables.get(by_path.get(p.file, ""))
        pk = None
        if table is not None and p.row in table.lines:
            pk = _pk(cur.resources[table.name], table.rows[table.lines.index(p.row)])
        keyed.add((p.file, pk or p.row, p.column, p.reason))
    return keyed


def _pk(resource: dict, row: dict) -> tuple:
    return tuple(row[c] for c in resource["schema"].get("primaryKey", []))


_UPLOAD_COLUMN = {"locality_code": "locality", "title": "source_title",
                  "publisher": "source_publisher", "url": "source_url",
                  "published": "source_published", "reliability": "source_reliability"}


def _map_problem(plan: ImportPlan, p: Problem, origins: dict, base: set, cur: Current) -> None:
    """One staged problem as an upload problem, unless the data already had it."""
    origin = origins.get(p.file, {}).get(p.row)
    reason = rule_reason(p.reason, plan.lang)
    if origin and origin[0][0] == "new":
        column = _UPLOAD_COLUMN.get(p.column, p.column)
        plan.errors.append(Problem(plan.file_name, origin[0][1], column, p.value, reason))
        return
    if origin:
        res = next(r for r in cur.package["resources"] if r["path"] == p.file)
        ident = (p.file, _pk(res, origin[1]), p.column, p.reason)
    else:
        ident = (p.file, p.row, p.column, p.reason)
    if ident in base or (p.file, p.row, p.column, p.reason) in base:
        return
    where = f"{p.file}:{p.row}" if p.row else p.file
    plan.errors.append(Problem(plan.file_name, None, p.column, p.value,
                               t("imp_err_existing", plan.lang, where=where, reason=reason)))


def _finish(plan: ImportPlan, cur: Current) -> None:
    """The exact bytes the commit will write, their hashes before, and the digest of it all."""
    for resource, rows in merged_tables(plan, cur, staging=False).items():
        res = cur.resources[resource]
        header = [f["name"] for f in res["schema"]["fields"]]
        plan.files[res["path"]], _ = _csv_bytes(header, [r for r, _ in rows])
        plan.before[res["path"]] = hashlib.sha256(cur.raw[resource]).hexdigest()
    plan.files.update(plan.documents)
    digest = hashlib.sha256()
    for path in sorted(plan.files):
        digest.update(path.encode() + b"\0" + plan.files[path] + b"\0")
    plan.digest = digest.hexdigest()


_RULES = [  # validate's English reasons → catalogue keys (named groups become values)
    (r"^the value (?P<value>\S+) does not appear in the quote as written$", "imp_rule_quote_number"),
    (r"^above (?P<limit>\S+), the limit for (?P<indicator>\S+)$", "imp_rule_above_limit"),
    (r"^a count must be a non-negative whole number$", "imp_rule_count"),
    (r"^a (?P<kind>\w+) figure cannot be negative$", "imp_rule_negative"),
    (r"^a share cannot be negative$", "imp_rule_negative_share"),
    (r"^not found verbatim in (?P<file>\S+)$", "imp_rule_verbatim"),
    (r"^shares of (?P<group>\S+) add up to (?P<total>\S+), not 100$", "imp_rule_shares"),
    (r"^required value is empty$", "imp_rule_required"),
    (r"^duplicate key", "imp_rule_duplicate"),
    (r"^several figures .* are all preferred", "imp_rule_preferred"),
    (r"^not an allowed value", "imp_rule_allowed"),
    (r"^does not match", "imp_rule_pattern"),
]


def rule_reason(reason: str, lang: str) -> str:
    """A validation reason in the editor's language (the English text when not translated)."""
    for pattern, key in _RULES:
        m = re.match(pattern, reason)
        if m:
            return t(key, lang, **m.groupdict())
    return reason


