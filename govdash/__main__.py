"""Command line: `python -m govdash validate | facts | import | rollback | imports | editor | deck | report | extract`.

The root parser only; each room adds its own subcommands (`govdash.cli` for the core's,
`govdash.imports.cli`, `govdash.present.cli`, `govdash.extract.cli`).
"""
from __future__ import annotations

import argparse
import sys


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
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
