#!/usr/bin/env bash
# The test command: installs what the tests need that Maven does not bring (Debian's headless
# Chromium, for the HTML report and notebook page checks), then runs every test with Maven.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Debian's chromium for the headless page checks..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test.sh: chromium is missing and cannot be installed here (needs root and apt-get);" >&2
    echo "         install it, or run: mvn -B verify -Dprodml.skipBrowser=true" >&2
    exit 2
  fi
fi

exec mvn -B verify "$@"
