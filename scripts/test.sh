#!/usr/bin/env bash
# Install what the tests need (.venv with test requirements; Debian's chromium, a font with
# Vietnamese glyphs, poppler-utils and nginx when missing) and run every test. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)  # tests/test_serve.py
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
bash scripts/setup.sh requirements-dev.txt
export PYTHONDONTWRITEBYTECODE=1
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ $rc -eq 5 ]; then
  echo "No tests were collected: treating as a failure." >&2
  exit 1
fi
exit $rc
