"""Command line of the import area: `import FILE [--dry-run]`, `rollback ID`, `imports`, `editor`.

`python -m govdash import FILE` says exactly what the Nhập dữ liệu page says (the same
catalogue messages) and exits with `imports.Outcome`: 0 written / valid / nothing to do,
1 errors in the file (nothing written), 3 duplicates needing `--on-conflict replace|skip`,
4 sign-in needed or failed, 5 another editor is writing, 6 the data changed meanwhile.
Writing needs `--editor NAME`; the password is read with getpass (or one line of stdin).
"""
from __future__ import annotations

import argparse
import getpass
import sys
import time
from pathlib import Path

from govdash.i18n import t


def add_subcommands(sub: argparse._SubParsersAction) -> dict:
    """Register the import-area subcommands; return their handlers by name."""
    imp = sub.add_parser("import", help="check and import a spreadsheet of figures (CSV/XLSX)")
    imp.add_argument("file", help="the .csv, .txt or .xlsx file (made from the template)")
    imp.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    imp.add_argument("--editor", help="editor name (needed to write); password asked")
    imp.add_argument("--on-conflict", choices=["replace", "skip"],
                     help="what to do with rows that duplicate existing figures")
    imp.add_argument("--lang", choices=["vi", "en"], default="vi")
    undo = sub.add_parser("rollback", help="undo one import exactly")
    undo.add_argument("import_id")
    undo.add_argument("--editor", required=True)
    undo.add_argument("--lang", choices=["vi", "en"], default="vi")
    listing = sub.add_parser("imports", help="list the imports recorded in the data folder")
    listing.add_argument("--lang", choices=["vi", "en"], default="vi")
    editor = sub.add_parser("editor", help="manage editor accounts (administrator)")
    actions = editor.add_subparsers(dest="editor_command", required=True)
    add = actions.add_parser("add", help="add an editor or set a new password")
    add.add_argument("name")
    add.add_argument("--display-name", default="")
    add.add_argument("--lang", choices=["vi", "en"], default="vi")
    remove = actions.add_parser("remove", help="remove an editor")
    remove.add_argument("name")
    remove.add_argument("--lang", choices=["vi", "en"], default="vi")
    actions.add_parser("list", help="list editor names")
    return {"import": cmd_import, "rollback": cmd_rollback, "imports": cmd_imports,
            "editor": cmd_editor}


def _folder(args: argparse.Namespace) -> Path | None:
    return Path(args.data) if getattr(args, "data", None) else None


def _password(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def _sign_in(name: str | None, lang: str):
    """The editor, or None after printing why (and waiting out a failure)."""
    from govdash.imports import auth
    if not name:
        print(t("imp_auth_required", lang), file=sys.stderr)
        return None
    answer = auth.sign_in(name, _password(t("imp_password", lang) + ": "), session="cli")
    if answer.editor is None:
        key = {"no_editors": "imp_auth_no_editors", "throttled": "imp_auth_throttled",
               "broken_file": "imp_auth_broken_file"}.get(
            answer.reason, "imp_auth_wrong")
        print(t(key, lang, seconds=int(answer.wait + 0.999)), file=sys.stderr)
        time.sleep(min(answer.wait, 5.0))  # a script retrying in a loop is slowed down too
        return None
    return answer.editor


def print_plan(plan, lang: str) -> None:
    """Errors, notes and undecided duplicates of a plan, one per line."""
    for p in plan.errors:
        print(p, file=sys.stderr)
    for p in plan.warnings:
        print(f"({p})")
    for c in plan.unresolved:
        old = c.existing[0]
        print(f"{plan.file_name}:{c.row}: {old['figure_id']} {old['value']} → {c.figure['value']}",
              file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    """Check (and unless --dry-run, write) a spreadsheet of figures."""
    from govdash import imports
    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    data, lang = path.read_bytes(), args.lang
    if args.dry_run:
        plan = imports.prepare(data, path.name, _folder(args), on_conflict=args.on_conflict, lang=lang)
        result = imports.check(plan)
    else:
        editor = _sign_in(args.editor, lang)
        if editor is None:
            return int(imports.Outcome.SIGN_IN)
        result = imports.commit(data, path.name, editor.name, on_conflict=args.on_conflict,
                                 folder=_folder(args), lang=lang)
    if result.plan is not None:
        print_plan(result.plan, lang)
    print(result.message(lang), file=sys.stdout if result.outcome == 0 else sys.stderr)
    return int(result.outcome)


def cmd_rollback(args: argparse.Namespace) -> int:
    """Undo one import."""
    from govdash import imports
    editor = _sign_in(args.editor, args.lang)
    if editor is None:
        return int(imports.Outcome.SIGN_IN)
    result = imports.rollback(args.import_id, editor.name, _folder(args), args.lang)
    print(result.message(args.lang), file=sys.stdout if result.outcome == 0 else sys.stderr)
    return int(result.outcome)


def cmd_imports(args: argparse.Namespace) -> int:
    """List recorded imports, newest first."""
    from govdash import imports
    from govdash.cli import report_interrupted
    from govdash.paths import data_dir
    lang = getattr(args, "lang", "vi")
    if report_interrupted(_folder(args) or data_dir()):
        return 1
    for r in imports.history(_folder(args)):
        undo = r["rolled_back"]
        state = (t("imp_state_undone", lang, editor=undo["editor"], at=undo["at"]) if undo
                 else t("imp_state_active", lang))
        print(f"{r['import_id']}  {r['at']}  {r['editor']}  {r['file_name']}  "
              f"sha256={r['file_sha256'][:12]}  +{len(r['added'])} ~{len(r['replaced'])}  {state}")
    return 0


def cmd_editor(args: argparse.Namespace) -> int:
    """Add, remove or list editors in the editors file."""
    from govdash.imports import auth
    path = auth.editors_file()
    try:
        return _editor_command(args, path)
    except auth.EditorsFileError as exc:
        print(f"error: {t('imp_auth_broken_file', getattr(args, 'lang', 'vi'))} ({exc})", file=sys.stderr)
        return 1


def _editor_command(args: argparse.Namespace, path: Path) -> int:
    from govdash.imports import auth
    if args.editor_command == "list":
        for name, entry in sorted(auth.load_editors(path).items()):
            print(f"{name}  {entry.get('display_name', '')}  {entry.get('added', '')}")
        return 0
    lang = args.lang
    if args.editor_command == "remove":
        done = auth.remove_editor(args.name, path)
        print(t("imp_auth_removed" if done else "imp_auth_not_found", lang, name=args.name))
        return 0 if done else 1
    password = _password(t("imp_password", lang) + ": ")
    if sys.stdin.isatty() and getpass.getpass(t("imp_password", lang) + " (2): ") != password:
        print(t("imp_auth_mismatch", lang), file=sys.stderr)
        return 1
    problem = auth.check_new(args.name, password, args.display_name)
    if problem:
        print(t(problem, lang), file=sys.stderr)
        return 1
    auth.add_editor(args.name, password, args.display_name, path)
    print(t("imp_auth_added", lang, name=args.name, path=path))
    return 0
