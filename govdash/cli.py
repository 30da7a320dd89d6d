"""The core's commands: `python -m govdash validate` and `python -m govdash facts`."""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

FACT_COLUMNS = ["locality_code", "locality_name_vi", "level", "body", "period_start", "period_end",
                "indicator", "indicator_name_vi", "value", "unit_vi", "qualifier", "status", "source_id",
                "quote", "period_kind", "preferred", "flag", "figure_id", "derived_from",
                "derivation"]


def cmd_validate(args: argparse.Namespace) -> int:
    """Check every file in the data folder; print problems; non-zero exit if any."""
    from govdash.paths import data_dir
    from govdash.validate import validate
    folder = Path(args.data) if args.data else data_dir()
    if report_interrupted(folder):
        return 1
    problems, summary = validate(folder)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(f"OK: {summary['files']} files, {summary['figures']} figures, "
          f"{summary['localities']} localities, {summary['sources']} sources, "
          f"{summary['indicators']} indicators.")
    return 0


def report_interrupted(folder: Path) -> bool:
    """Finish an import interrupted by a crash before reading the folder, and say so on
    standard error; True when one is still unfinished (the files are then not what they say)."""
    from govdash.db import journal
    state = journal.finish_interrupted(folder)
    if state == "finished":
        print("note: finished an import that was interrupted (a crash or kill) before it "
              "completed; its figures are now in the data.", file=sys.stderr)
    elif state == "pending":
        print("error: an import was interrupted (a crash or kill) and cannot be finished now: "
              f"the data folder {str(folder)!r} cannot be written or is locked. Make it writable "
              "and run this command again.", file=sys.stderr)
    return state == "pending"


def resolve_locality(text: str, con) -> str:
    """A locality code from a code or a name (diacritics optional); SystemExit naming choices."""
    from govdash import db
    from govdash.localities import UnknownLocality, resolve
    try:
        return resolve(text, db.run_query("localities", con), db.run_query("locality_name_eras", con))
    except UnknownLocality as e:
        raise SystemExit(f"error: {e}") from None


def cmd_facts(args: argparse.Namespace) -> int:
    """Print every curated figure as CSV on standard output."""
    import pandas as pd

    from govdash import db, export
    con = db.open_store(Path(args.data)) if args.data else db.connection()
    locality = resolve_locality(args.locality, con) if args.locality else None
    df = db.run_query("facts", con, locality=locality, year=args.year)
    # quotes and names a spreadsheet would run as formulas get a leading apostrophe (OWASP)
    df = export.safe_frame(df[FACT_COLUMNS])
    for col in ("period_start", "period_end"):
        df[col] = pd.to_datetime(df[col]).dt.strftime("%Y-%m-%d")
    df["value"] = df["value"].map(lambda v: f"{v:.6f}".rstrip("0").rstrip("."))
    df["preferred"] = df["preferred"].map(lambda b: "true" if b else "false")
    df.to_csv(sys.stdout, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return 0


def add_subcommands(sub) -> dict:
    """Add `validate` and `facts` to the CLI's subparsers; their handlers by name."""
    sub.add_parser("validate", help="check every file in data/ against datapackage.json and the rules")
    facts = sub.add_parser("facts", help="print every curated figure as CSV")
    facts.add_argument("--locality", help="code or name, e.g. 31 or 'Hải Phòng' or 'hai phong'")
    facts.add_argument("--year", type=int, help="year in which the figure's period ends")
    return {"validate": cmd_validate, "facts": cmd_facts}
