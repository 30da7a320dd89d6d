"""Command line: `python -m govdash extract FILE [--locality L] [--year Y] [--date D]
[--json | --out template.csv|.xlsx]`.

Without `--json` or `--out`, a readable list (value, unit, indicator, status, period, quote).
`--json` prints one JSON array, one object per candidate (`Candidate.as_json`). `--out` writes
the import template with the document as the source, ready for `python -m govdash import`
(which creates the source; the page's "Từ văn bản" import also keeps the document's text under
`data/seeds/`). Exit codes: 0 done, 1 the file cannot be read (the reason and what to do are
printed), 2 wrong arguments.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

from govdash.i18n import t
from govdash.paths import data_dir
from govdash.text import fold


def add_subcommands(sub: argparse._SubParsersAction) -> dict:
    """Register `extract`; return its handler."""
    ext = sub.add_parser("extract", help="propose the figures of a document (.txt, .docx, .pdf)")
    ext.add_argument("file", help="the document")
    ext.add_argument("--locality", help="default locality: code or name")
    ext.add_argument("--year", type=int, help="default year when the text names none")
    ext.add_argument("--date", help="the document's date (YYYY-MM-DD) when the text has none")
    ext.add_argument("--publisher", default="", help="publisher written into the template's source")
    out = ext.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the candidates as a JSON array")
    out.add_argument("--out", help="write the import template (.csv or .xlsx)")
    ext.add_argument("--lang", choices=["vi", "en"], default="vi")
    return {"extract": cmd_extract}


def locality_code(value: str | None, folder: Path) -> str | None:
    """A locality code from a code or a name (diacritics optional); None when unknown."""
    if not value:
        return None
    with (folder / "localities.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        if value == r["code"] or fold(value) in (fold(r["name_vi"]), fold(r["name_en"])):
            return r["code"]
    return None


def cmd_extract(args: argparse.Namespace) -> int:
    """Read the document, extract, print or write."""
    from govdash.extract import extract, read, template
    lang = args.lang
    folder = Path(args.data) if getattr(args, "data", None) else data_dir()
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as e:
        print(t("ext_err_open", lang, file=str(path), reason=e.strerror or str(e)), file=sys.stderr)
        return 1
    try:
        doc = read.read_document(data, path.name)
    except read.ExtractError as e:
        print(f"{path}: {t(e.key, lang, **e.values)}", file=sys.stderr)
        return 1
    locality = locality_code(args.locality, folder)
    if args.locality and locality is None:
        print(t("ext_err_locality", lang, value=args.locality), file=sys.stderr)
        return 2
    try:
        day = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        print(t("ext_err_date", lang, value=args.date), file=sys.stderr)
        return 2
    found = extract(doc.text, locality=locality, year=args.year, doc_date=day, folder=folder)
    if args.json:
        json.dump([c.as_json() for c in found], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if args.out:
        source = template.source_columns(template.title_of(doc.text, path.stem), args.publisher,
                                         day.isoformat() if day else "")
        table = template.rows([c.as_json() for c in found], source)
        out = Path(args.out)
        out.write_bytes(template.xlsx_bytes(table) if out.suffix.lower() == ".xlsx"
                        else template.csv_bytes(table))
        print(t("ext_cli_written", lang, count=len(table), file=str(out)))
        return 0
    for c in found:
        period = f"{c.period_start or '?'}..{c.period_end or '?'}"
        print(f"{c.text:>22} {c.unit:<12} {c.indicator or '—':<40} {c.status:<9} {c.qualifier:<6} "
              f"{period:<23} {c.confidence:.2f}  {c.quote[:80]}")
    print(t("ext_cli_count", lang, count=len(found)))
    return 0
