"""Command line: `python -m govdash validate | facts | import | rollback | imports | editor | deck | report`."""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import pandas as pd

FACT_COLUMNS = ["locality_code", "locality_name", "level", "body", "period_start", "period_end",
                "indicator", "indicator_name", "value", "unit", "qualifier", "status", "source",
                "quote", "period_kind", "preferred", "flag", "figure_id", "derived_from",
                "derivation"]


def cmd_validate(args: argparse.Namespace) -> int:
    """Check every file in the data folder; print problems; non-zero exit if any."""
    from govdash.validate import validate
    problems, summary = validate(Path(args.data) if args.data else None)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(f"OK: {summary['files']} files, {summary['figures']} figures, "
          f"{summary['localities']} localities, {summary['sources']} sources, "
          f"{summary['indicators']} indicators.")
    return 0


def resolve_locality(text: str, con) -> str:
    """A locality code from a code or a name (diacritics optional); SystemExit naming choices."""
    from govdash import db
    from govdash.text import fold
    locs = db.run_query("localities", con)
    if text in set(locs["code"]):
        return text
    hits = locs[[fold(n) == fold(text) for n in locs["name_vi"]]]
    if hits.empty:
        hits = locs[[fold(text) in fold(n) for n in locs["name_vi"]]]
    if len(hits) == 1:
        return hits.iloc[0]["code"]
    with_data = locs[locs["figure_count"] > 0]
    names = "; ".join(f"{r.code} {r.name_vi}" for r in with_data.itertuples())
    why = "is ambiguous" if len(hits) > 1 else "is not a known locality"
    raise SystemExit(f"error: {text!r} {why}. Localities with data: {names}")


def cmd_facts(args: argparse.Namespace) -> int:
    """Print every curated figure as CSV on standard output."""
    from govdash import db
    con = db.open_store(Path(args.data)) if args.data else db.connection()
    locality = resolve_locality(args.locality, con) if args.locality else None
    df = db.run_query("facts", con, locality=locality, year=args.year)
    df = df[FACT_COLUMNS].copy()
    for col in ("period_start", "period_end"):
        df[col] = pd.to_datetime(df[col]).dt.strftime("%Y-%m-%d")
    df["value"] = df["value"].map(lambda v: f"{v:.6f}".rstrip("0").rstrip("."))
    df["preferred"] = df["preferred"].map(lambda b: "true" if b else "false")
    df.to_csv(sys.stdout, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m govdash", description=__doc__)
    parser.add_argument("--data", help="data folder (default: data/ or $GOVDASH_DATA_DIR)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check every file in data/ against datapackage.json and the rules")
    facts = sub.add_parser("facts", help="print every curated figure as CSV")
    facts.add_argument("--locality", help="code or name, e.g. 31 or 'Hải Phòng' or 'hai phong'")
    facts.add_argument("--year", type=int, help="year in which the figure's period ends")
    from govdash.import_cli import add_subcommands  # import, rollback, imports, editor
    imports = add_subcommands(sub)
    from govdash.present_cli import add_subcommands as add_present  # deck, report
    imports.update(add_present(sub))
    args = parser.parse_args(argv)
    return {"validate": cmd_validate, "facts": cmd_facts, **imports}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
