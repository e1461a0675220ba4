#!/usr/bin/env bash
# Debian packages the test suite uses: chromium (view tests, driven by Playwright with
# executable_path=/usr/bin/chromium; never Playwright's own browser download) and
# virtuoso-opensource (remote SPARQL store tests). Installed only when missing and when we may
# (root, or passwordless sudo); otherwise the tests that need them skip with a message.
set -u
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v virtuoso-t >/dev/null 2>&1 || [ -x /usr/bin/virtuoso-t ] || need+=(virtuoso-opensource)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
  echo "note: ${need[*]} not installed and no root: browser/server tests will be skipped" >&2; exit 0; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null || true
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null || echo "note: could not install ${need[*]}" >&2
exit 0
