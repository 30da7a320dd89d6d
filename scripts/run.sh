#!/usr/bin/env bash
# Install what the dashboard needs (.venv, pinned requirements) and start it on the bundled
# data, headless, on localhost. Usage: scripts/run.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
PORT="${1:-8501}"
exec .venv/bin/python -m streamlit run dashboard.py --server.headless true \
  --server.address localhost --server.port "$PORT"
