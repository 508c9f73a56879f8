#!/usr/bin/env bash
# The real kiosk in a real X window at each screen size hospitals buy, a screenshot of each:
#   bash bench/screens.sh target/release/huddle [boards-dir] [data-dir] [board] [out-dir]
# Sizes: 1280x800, 1366x768, 1920x1080, 2560x1440, 3840x2160 and 1080x1920 (portrait).
# The screenshots stay in out-dir (default screens/) to be looked at; `tesseract` (if present)
# reads each back as text beside it.
set -euo pipefail
bin=$(realpath "${1:?the huddle binary}")
boards=$(realpath "${2:-boards}")
data=${3:-$(mktemp -d)}
board=${4:-accueil-jeunesse}
out=${5:-screens}
mkdir -p "$out"
export HUDDLE_CONFIG=${HUDDLE_CONFIG:-$(mktemp -d)/huddle.toml}
display=:97
for size in 1280x800 1366x768 1920x1080 2560x1440 3840x2160 1080x1920; do
  Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  DISPLAY=$display "$bin" --boards "$boards" --data-dir "$data" --board "$board" \
    >"$out/$size.log" 2>&1 &
  kiosk=$!
  sleep "${SETTLE:-4}"
  DISPLAY=$display import -window root "$out/$size.png"
  if command -v tesseract >/dev/null; then
    tesseract "$out/$size.png" "$out/$size" -l fra >/dev/null 2>&1 || true
  fi
  kill "$kiosk" 2>/dev/null || true
  wait "$kiosk" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  echo "$size: $out/$size.png ($(grep -o 'drawing at [0-9.]* pixels per point' "$out/$size.log" | tail -1 || echo 'scale not logged'))"
done
