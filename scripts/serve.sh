#!/usr/bin/env bash
# Serve the dashboard from several processes: WORKERS `streamlit run` workers on loopback ports
# behind nginx (Debian's package, installed when missing; run in the foreground with its own
# generated configuration, never the system service), on http://localhost:PORT. Ctrl-C or
# SIGTERM stops every process it started. Usage: scripts/serve.sh [PORT [WORKERS]]
# (defaults: 8501, one worker per core). For one person or a small team, scripts/run.sh is enough.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nginx
fi
bash scripts/setup.sh requirements.txt
exec .venv/bin/python -m govdash.serve "$@"
