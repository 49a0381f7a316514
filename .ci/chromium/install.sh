#!/usr/bin/env bash
# Installs what the MindSearch graph page test (GraphPageInBrowserTest) drives: Debian's chromium and
# chromium-driver packages (/usr/bin/chromium, /usr/bin/chromedriver), with apt-get when they are missing (root
# only). Idempotent and quiet: prints nothing and exits 0 when both are there or were installed; otherwise prints
# why and exits 1. The apt-get log goes to $POLIS_CHROMIUM_LOG (default /tmp/polis-chromium-apt.log).
set -euo pipefail

log=${POLIS_CHROMIUM_LOG:-/tmp/polis-chromium-apt.log}

fail() { echo "chromium: $*" >&2; exit 1; }

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
[ "$(id -u)" = 0 ] || fail "chromium and chromium-driver are not installed and this user cannot install them (not root):" \
  "run 'sudo apt-get install chromium chromium-driver', or skip the browser test with -Dpolis.test.browser=false"
command -v apt-get >/dev/null || fail "chromium and chromium-driver are not installed and there is no apt-get here:" \
  "install a Chromium and its chromedriver and pass -Dpolis.test.chromium=<browser> -Dpolis.test.chromedriver=<driver>"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q chromium chromium-driver >"$log" 2>&1; then
  apt-get update -q >>"$log" 2>&1 || true
  apt-get install -y -q chromium chromium-driver >>"$log" 2>&1 \
    || fail "apt-get install chromium chromium-driver failed (see $log)"
fi
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
  || fail "apt-get installed chromium and chromium-driver but /usr/bin/chromium or /usr/bin/chromedriver is missing (see $log)"
