#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (never a downloaded browser),
# with the fonts a hall's screen has: Chinese (Noto CJK) and colour emoji for the flags. Without
# them every Chinese line is drawn as boxes, and the board's fit would be measured on the wrong glyphs.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
for pkg in fonts-noto-cjk fonts-noto-color-emoji; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing Debian's ${missing[*]} for the browser tests"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
/usr/bin/chromium --version
