"""The presenter kit's commands: `python -m govdash deck|report --locality … --year … --out …`.

An unknown locality or a year without data is an error naming what exists (exit 1) and leaves
no file; the file is written to a temporary name beside `--out` and renamed into place only
when complete. Progress goes to standard error, the summary to standard output.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from govdash.present import deck, powerpoint


def add_subcommands(sub) -> dict:
    """Add `deck` and `report` to the CLI's subparsers; their handlers by name."""
    for name, suffix, text in (("deck", ".pptx", "build the PowerPoint deck of a locality and year"),
                               ("report", ".pdf", "build the printable A4 PDF report of a locality and year")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--locality", required=True, help="code or name, e.g. 31 or 'Hải Phòng' or 'hai phong'")
        p.add_argument("--year", type=int, required=True, help="the year to present")
        p.add_argument("--out", required=True, help=f"output file ({suffix})")
        p.add_argument("--lang", choices=("vi", "en"), default="vi", help="language (default vi)")
    return {"deck": cmd_deck, "report": cmd_report}


def _progress(fraction: float, step: str) -> None:
    print(f"\r[{int(fraction * 100):3d} %] {step[:60]:<60}", end="", file=sys.stderr, flush=True)


def _run(args: argparse.Namespace, kind: str) -> int:
    from govdash import db
    from govdash.cli import resolve_locality
    from govdash.present import pdf, render
    started = time.perf_counter()
    out = Path(args.out)
    if not out.parent.is_dir():
        print(f"error: folder {str(out.parent)!r} does not exist", file=sys.stderr)
        return 1
    try:
        powerpoint.refuse_irregular(out)  # before minutes of work; write_atomic checks again
    except powerpoint.NotRegularFile as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    con = db.open_store(Path(args.data)) if args.data else db.connection()
    code = resolve_locality(args.locality, con)
    try:
        made = deck.make_deck(code, args.year, args.lang, con=con)
    except deck.DeckError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not render.available():
        print(f"error: {render.unavailable_message(args.lang)}", file=sys.stderr)
        return 1
    if kind == "deck":
        build = lambda: powerpoint.build_pptx(made, _progress)  # noqa: E731
    else:
        sources = db.run_query("sources_list", con)
        build = lambda: pdf.build_pdf(made, sources, _progress)  # noqa: E731
    try:
        size = powerpoint.write_atomic(out, build)
    except (render.RendererUnavailable, powerpoint.NotRegularFile, OSError) as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    print(file=sys.stderr)
    print(f"wrote {out} ({size // 1024} KiB, {len(made.slides) + 1} slides: title + "
          f"{len(made.slides)} charts) in {seconds:.1f} s")
    return 0


def cmd_deck(args: argparse.Namespace) -> int:
    """Build the .pptx deck."""
    return _run(args, "deck")


def cmd_report(args: argparse.Namespace) -> int:
    """Build the .pdf pdf."""
    return _run(args, "report")
