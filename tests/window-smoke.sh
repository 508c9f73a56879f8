#!/usr/bin/env bash
# The real kiosk binary in a real X window: under Xvfb (no window manager, as on a bare
# `xinit` kiosk) it must open, cover the whole screen, keep running, and, syncing with a shared
# folder, rest: no frames and no syncs in a loop while nothing changes.
# Usage: tests/window-smoke.sh [path/to/huddle]
set -u
bin=${1:-target/debug/huddle}
passed=0
failed=0
check() { # name, command…
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   - $name"; else failed=$((failed + 1)); echo "FAIL - $name"; fi
}

# Xvfb takes a display number nobody uses (another X server on the machine must not answer
# in its place) and writes it to fd 3.
numfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 1600x900x24 -nolisten tcp 3>"$numfile" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -s "$numfile" ] && break; sleep 0.1; done
display=":$(head -n 1 "$numfile")"
rm -f "$numfile"
log=$(mktemp)
data=$(mktemp -d)
share=$(mktemp -d)
trap 'kill "$kiosk" "$xvfb" 2>/dev/null; wait 2>/dev/null; rm -rf "$log" "$data" "$share"' EXIT
for _ in $(seq 50); do DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

DISPLAY=$display "$bin" --boards boards --data-dir "$data" --shared "$share" >"$log" 2>&1 &
kiosk=$!

window=$(DISPLAY=$display timeout 30 xdotool search --sync --name '^Huddle$' 2>/dev/null | head -n 1)
check "a window named Huddle opens" test -n "$window"
sleep 2
geometry=$(DISPLAY=$display xdotool getwindowgeometry "${window:-0}" 2>/dev/null | sed -n 's/.*Geometry: //p')
check "the window covers the screen without a window manager (got '${geometry}')" test "$geometry" = "1600x900"
check "the kiosk is still running" kill -0 "$kiosk"
check "the kiosk joined the shared folder" test -f "$share/huddle-sync/FORMAT"
sleep 5
ticks() { awk '{print $14 + $15}' "/proc/$kiosk/stat" 2>/dev/null || echo 0; }
before=$(ticks); sleep 10; after=$(ticks)
# A frame drawn by llvmpipe costs tens of ticks, a sync a few: a loop costs hundreds (about
# 900 in 10 s when the worker's own writes woke it). A busy CI machine gets some slack.
check "at rest: $((after - before)) CPU ticks in 10 s (at most 30)" test $((after - before)) -le 30
if [ "$failed" -gt 0 ]; then echo "--- kiosk log"; cat "$log"; fi
echo "window smoke test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
