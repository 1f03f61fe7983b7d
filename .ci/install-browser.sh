#!/usr/bin/env bash
# Install what the browser end-to-end test (tests/server/test_e2e_browser.py) needs:
# Debian's chromium (when /usr/bin/chromium is missing) and the pinned playwright
# Python package. Never runs `playwright install`: the test drives the system
# Chromium by path, so no browser build is downloaded.
# Usage: bash .ci/install-browser.sh [PYTHON]   (default: .venv/bin/python, else python3)
set -euo pipefail

PYTHON="${1:-}"
if [[ -z "$PYTHON" ]]; then
  if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi

if [[ ! -x /usr/bin/chromium ]]; then
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null || true

if ! "$PYTHON" -c "import playwright, fastapi, uvicorn, httpx" 2>/dev/null; then
  "$PYTHON" -m pip install -q "playwright==1.65.2" "fastapi==0.163.2" "uvicorn==0.54.0" "httpx==0.28.1"
fi
"$PYTHON" -c "from importlib.metadata import version; print('playwright', version('playwright'))"
