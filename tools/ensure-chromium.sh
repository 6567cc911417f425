#!/usr/bin/env bash
# Make sure Debian's Chromium is installed (the browser tests drive /usr/bin/chromium).
# Installs it with apt-get when it is missing; needs root (CI runs as root).
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromium ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-chromium: /usr/bin/chromium is missing and this is not root;" >&2
    echo "ensure-chromium: install it with: sudo apt-get install -y chromium" >&2
    exit 1
fi

echo "ensure-chromium: installing Debian's chromium with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null

if [ ! -x /usr/bin/chromium ]; then
    echo "ensure-chromium: apt-get finished but /usr/bin/chromium is still missing" >&2
    exit 1
fi
/usr/bin/chromium --version >&2 || true
