#!/usr/bin/env bash
# The browser tests drive Debian's Chromium at /usr/bin/chromium (never a downloaded browser), with
# Debian's Noto CJK fonts so that screenshots show Chinese, Japanese and Korean names.
# Installs what is missing with apt-get; says what to do when that is not possible.
set -u
has_fonts() { dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed'; }
if command -v chromium >/dev/null 2>&1 && has_fonts; then exit 0; fi
echo "Installing Debian's chromium and fonts-noto-cjk for the browser tests (apt-get) ..."
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Cannot install chromium without root: run 'apt-get install chromium fonts-noto-cjk' as root, then the tests." >&2
    exit 1
  fi
fi
$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
command -v chromium >/dev/null 2>&1 || { echo "chromium did not install: the browser tests will fail." >&2; exit 1; }
has_fonts || echo "fonts-noto-cjk did not install: screenshots will show boxes for Chinese text." >&2
