#!/usr/bin/env bash
# Install Debian's PostgreSQL server binaries for the store tests (tests/store), which
# start a throwaway cluster of their own (initdb + pg_ctl in a temporary folder, on
# 127.0.0.1) and remove it. Only when no initdb is there yet; no service is started.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq postgresql >/dev/null
fi
ls -d /usr/lib/postgresql/*/bin/initdb
