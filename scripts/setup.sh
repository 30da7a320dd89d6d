#!/usr/bin/env bash
# Shared set-up: a virtual environment at .venv with the locked dependency tree. Idempotent and
# quick when already done (re-installs only when a requirements or lock file changed).
# `setup.sh requirements-dev.txt` installs requirements-dev.lock: every package of the tree
# pinned, each file checked against its SHA-256 (`pip install --require-hashes`), from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
REQS="${1:-requirements.txt}"
LOCK="${REQS%.txt}.lock"
PY="${PYTHON:-python3}"
[ -f "$LOCK" ] || { echo "no lock file $LOCK for $REQS (see README: Dependencies)" >&2; exit 1; }
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=".venv/.installed-$(cat requirements*.txt requirements*.lock | sha256sum | cut -c1-16)-$(basename "$LOCK")"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$LOCK"
  touch "$stamp"
fi
