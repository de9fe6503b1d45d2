#!/usr/bin/env bash
# The browser tests drive Debian's Chromium, never a browser downloaded by playwright, so what is
# tested is what the distribution ships and patches. Installs it when missing, with the Noto fonts
# that the Urdu (Nastaliq/Naskh) and Chinese pages and their screenshots need to show real glyphs.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
PACKAGES=(chromium fonts-noto-core fonts-noto-cjk)

if [ -x "$CHROMIUM" ]; then
  if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=ur family)" ]; then
    echo "note: no Urdu font is installed; Urdu screenshots will show boxes (apt-get install -y fonts-noto-core)" >&2
  fi
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "The browser tests need Debian's Chromium at $CHROMIUM, which is missing." >&2
  echo "Install it as root:  apt-get update && apt-get install -y ${PACKAGES[*]}" >&2
  exit 1
fi

echo "== installing Debian's Chromium for the browser tests (once)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${PACKAGES[@]}" >/dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
