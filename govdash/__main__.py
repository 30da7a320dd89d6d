"""Command line: `python -m govdash validate | facts | import | rollback | imports | editor | deck | report | extract`.

The root parser only; each room adds its own subcommands (`govdash.cli` for the core's,
`govdash.imports.cli`, `govdash.present.cli`, `govdash.extract.cli`).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

NO_DATA_COMMANDS = ("editor",)  # commands that never read the data folder
EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 2, 130, 141  # as the shell reports signals


def data_problem(data: str | None) -> str | None:
    """Why the data folder given (`--data`, else `$GOVDASH_DATA_DIR` or data/) cannot be used."""
    from govdash.paths import data_dir
    folder = Path(data) if data else data_dir()
    if not folder.is_dir():
        return f"error: no data folder {str(folder)!r}"
    if not (folder / "datapackage.json").is_file():
        return f"error: {str(folder)!r} is not a govdash data folder (it has no datapackage.json)"
    return None


def main(argv: list[str] | None = None) -> int:
    from govdash import cli
    from govdash.extract import cli as extract_cli
    from govdash.imports import cli as imports_cli
    from govdash.present import cli as present_cli
    parser = argparse.ArgumentParser(prog="python -m govdash", description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="data folder (default: data/ or $GOVDASH_DATA_DIR)")
    sub = parser.add_subparsers(dest="command", required=True)
    handlers = {}
    for room in (cli, imports_cli, present_cli, extract_cli):
        handlers.update(room.add_subcommands(sub))
    args = parser.parse_args(argv)
    if args.command not in NO_DATA_COMMANDS:
        problem = data_problem(args.data)
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_USAGE
    code = handlers[args.command](args)
    if "govdash.db" in sys.modules:
        from govdash import db
        reason = db.take_rebuild_notice(Path(args.data) if args.data else None)
        if reason:
            print(f"note: the data store was damaged ({reason}); it was rebuilt from the CSVs.",
                  file=sys.stderr)
    return code


def run(argv: list[str] | None = None) -> int:
    """`main`, ending quietly when the reader of the output goes away (`facts | head -1`) or on
    Ctrl-C, with the shell's exit codes for those signals, never with a traceback."""
    try:
        code = main(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at /dev/null so that cannot fail too
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(run())
