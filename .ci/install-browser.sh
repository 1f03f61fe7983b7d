#!/usr/bin/env bash
# Install Debian's Chromium for the browser end-to-end test
# (tests/server/test_e2e_browser.py) when /usr/bin/chromium is missing. Playwright's
# Python package comes from the `test` extra; `playwright install` is never run: the
# test drives the system Chromium by path, so no browser build is downloaded.
set -euo pipefail
if [[ ! -x /usr/bin/chromium ]]; then
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
