#!/usr/bin/env bash
# The real kiosk against the web alternative, in one go so that the ratio holds on a noisy
# machine: Huddle's release binary on the intake team's example board, and Debian's Chromium in
# kiosk mode showing the HTML snapshot of the same board, each under the same Xvfb screen.
# For each: time from start to the first frame, proportional set size (PSS, from
# /proc/PID/smaps_rollup, summed over all of Chromium's processes) once it has settled, and CPU
# ticks over 10 s with nothing changing on screen. Chromium runs as a kiosk browser would, with
# no background traffic, a window over the whole screen (there is no window manager) and no
# translation bar.
#
# Usage: bench/kiosk.sh [path/to/release/huddle]   (default: target/release/huddle)
# Then the same idle and memory figures for Huddle under Wayland, in cage's headless session.
# Needs: xvfb, xdotool, chromium, python3, cage, xwayland. Build first: cargo build --release
set -u
cd "$(dirname "$0")/.."
bin=${1:-target/release/huddle}
display=:95
board=accueil-jeunesse
tmp=$(mktemp -d)
kiosk=0 browser_pids=""
cleanup() {
  [ "$kiosk" -gt 0 ] && kill "$kiosk" 2>/dev/null
  [ -n "$browser_pids" ] && kill $browser_pids 2>/dev/null
  pkill -f "user-data-dir=$tmp/chromium" 2>/dev/null
  kill "$xvfb" "$listener" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

# The same board for both: twenty days of its waiting list, two actions, then its snapshot.
huddle() { "$bin" --boards boards --data-dir "$tmp/data" --config "$tmp/none.toml" "$@"; }
for i in $(seq 0 19); do
  day=$(date -d "-$((19 - i)) days" +%F)
  huddle value set --board $board --indicator liste-attente --date "$day" $((30 - i)) >/dev/null
done
huddle action add --board $board --title "Rappeler les familles en attente" --owner "Élise M." >/dev/null
huddle action add --board $board --title "Revoir le formulaire de référence" >/dev/null
html=$(huddle export --board $board --out "$tmp/snap" | grep '\.html$')

# systemd's notify socket, stood in for: the kiosk says READY=1 once its first frame is drawn.
python3 - "$tmp/notify" "$tmp/notices" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "a", buffering=1) as f:
    while True:
        for line in s.recv(4096).decode().splitlines():
            f.write(f"{time.monotonic():.4f} {line}\n")
PY
listener=$!
for _ in $(seq 50); do [ -S "$tmp/notify" ] && break; sleep 0.1; done

now() { python3 -c 'import time; print(f"{time.monotonic():.4f}")'; }
sum_over() { # AWK-PROGRAM FILE-NAME PIDs… → the program's number summed over /proc/PID/FILE
  local program=$1 file=$2 sum=0 p v
  shift 2
  for p in "$@"; do
    v=$(awk "$program" "/proc/$p/$file" 2>/dev/null)
    sum=$((sum + ${v:-0}))
  done
  echo "$sum"
}
# Waits until the next 10 s hold no change of minute: the clock on the top bar changes each
# minute, and what is measured is a screen on which nothing changes.
quiet_window() {
  local s
  s=$(date +%-S)
  if [ "$s" -gt 45 ]; then sleep $((62 - s)); elif [ "$s" -lt 2 ]; then sleep 2; fi
}
pss_of() { sum_over '/^Pss:/ {print $2}' smaps_rollup "$@"; }      # KiB
ticks_of() { sum_over '{print $14 + $15}' stat "$@"; }             # utime + stime, in ticks

# --- Huddle
start=$(now)
NOTIFY_SOCKET="$tmp/notify" DISPLAY=$display \
  "$bin" --boards boards --data-dir "$tmp/data" --config "$tmp/none.toml" --board $board \
  >"$tmp/kiosk.log" 2>&1 &
kiosk=$!
for _ in $(seq 300); do grep -q READY=1 "$tmp/notices" 2>/dev/null && break; sleep 0.01; done
ready=$(awk '/READY=1/ {print $1; exit}' "$tmp/notices")
h_first=$(python3 -c "print(f'{$ready - $start:.3f}')")
sleep 5
h_pss=$(pss_of "$kiosk")
quiet_window
before=$(ticks_of "$kiosk"); sleep 10; after=$(ticks_of "$kiosk")
h_ticks=$((after - before))
DISPLAY=$display import -window root "$tmp/huddle.png" 2>/dev/null
kill "$kiosk"; wait "$kiosk" 2>/dev/null; kiosk=0

# --- Chromium in kiosk mode on the snapshot of the same board
start=$(now)
DISPLAY=$display chromium --kiosk --no-sandbox --disable-gpu --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --window-position=0,0 --window-size=1920,1080 --disable-features=Translate \
  --user-data-dir="$tmp/chromium" "file://$html" >"$tmp/chromium.log" 2>&1 &
window=$(DISPLAY=$display timeout 60 xdotool search --sync --onlyvisible --class '[Cc]hromium' 2>/dev/null | head -n 1)
mapped=$(now)
c_first=$(python3 -c "print(f'{$mapped - $start:.3f}')")
sleep 5
browser_pids=$(pgrep -f "user-data-dir=$tmp/chromium" | tr '\n' ' ')
c_pss=$(pss_of $browser_pids)
quiet_window
before=$(ticks_of $browser_pids); sleep 10; after=$(ticks_of $browser_pids)
c_ticks=$((after - before))
n_procs=$(echo $browser_pids | wc -w)
DISPLAY=$display import -window root "$tmp/chromium.png" 2>/dev/null

kill $browser_pids 2>/dev/null; browser_pids=""
pkill -f "user-data-dir=$tmp/chromium" 2>/dev/null
sleep 1

# --- Under Wayland, as a kiosk runs it: Huddle alone in cage, on wlroots' headless backend and
# pixman renderer, as an ordinary user (cage refuses root). eframe has had busy loops on
# Wayland when idle: the ticks of Huddle and of cage are both counted.
w_first="-" w_pss=0 w_ticks="-" w_cage="-"
if command -v cage >/dev/null 2>&1 && [ -x /usr/bin/Xwayland ]; then
  if [ "$(id -u)" -eq 0 ]; then
    user=huddle-bench
    userdel -r "$user" >/dev/null 2>&1
    useradd --create-home --shell /bin/sh "$user" >/dev/null 2>&1
    home=$(getent passwd "$user" | cut -d: -f6)
    as_user() { runuser -u "$user" -- "$@"; }
    cleanup_user() { userdel -r "$user" >/dev/null 2>&1; }
  else
    home="$tmp/home"; mkdir -p "$home"
    as_user() { "$@"; }
    cleanup_user() { :; }
  fi
  # Its own copy of the binary, the boards and the data, where that user can read them.
  cp "$bin" "$home/huddle"; cp -r boards "$home/boards"; cp -r "$tmp/data" "$home/data"
  chown -R "$(id -u "${user:-$(id -un)}")" "$home" 2>/dev/null
  chmod 777 "$tmp" 2>/dev/null; chmod 666 "$tmp/notify" 2>/dev/null
  as_user mkdir -m 700 -p "$home/.runtime"
  from=$(($(wc -l <"$tmp/notices" 2>/dev/null || echo 0) + 1))
  start=$(now)
  as_user env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 XDG_RUNTIME_DIR="$home/.runtime" \
    WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman NOTIFY_SOCKET="$tmp/notify" \
    cage -s -- "$home/huddle" --boards "$home/boards" --data-dir "$home/data" \
    --config "$home/none.toml" --board $board >"$tmp/cage.log" 2>&1 &
  for _ in $(seq 500); do tail -n +"$from" "$tmp/notices" 2>/dev/null | grep -q READY=1 && break; sleep 0.01; done
  ready=$(tail -n +"$from" "$tmp/notices" | awk '/READY=1/ {print $1; exit}')
  [ -n "$ready" ] && w_first=$(python3 -c "print(f'{$ready - $start:.3f}')")
  w_kiosk=$(pgrep -f "^$home/huddle" | head -n 1)
  w_cage_pid=$(pgrep -n -x cage)
  if [ -n "$w_kiosk" ] && [ -n "$w_cage_pid" ]; then
    sleep 5
    w_pss=$(pss_of "$w_kiosk")
    quiet_window
    before=$(ticks_of "$w_kiosk"); cb=$(ticks_of "$w_cage_pid")
    sleep 10
    w_ticks=$(($(ticks_of "$w_kiosk") - before)); w_cage=$(($(ticks_of "$w_cage_pid") - cb))
  else
    echo "(Huddle did not start under cage; its log:)"; tail -n 20 "$tmp/cage.log"
  fi
  [ -n "$w_cage_pid" ] && kill "$w_cage_pid" 2>/dev/null
  sleep 1
  cleanup_user
fi

printf '%-34s %14s %14s\n' "" "Huddle" "Chromium"
printf '%-34s %13ss %13ss\n' "start to first frame" "$h_first" "$c_first"
printf '%-34s %11.1f MiB %11.1f MiB\n' "PSS after 5 s" "$(python3 -c "print($h_pss / 1024)")" "$(python3 -c "print($c_pss / 1024)")"
printf '%-34s %14s %14s\n' "CPU ticks over 10 s of idle" "$h_ticks" "$c_ticks"
printf '%-34s %14s %14s\n' "processes" 1 "$n_procs"
printf 'PSS ratio Huddle / Chromium: %.3f (target: at most 0.3)\n' "$(python3 -c "print($h_pss / max($c_pss, 1))")"
printf '\nUnder Wayland (cage %s, headless backend, pixman):\n' "$(cage -v 2>&1 | awk '{print $3}')"
printf '%-34s %14s\n' "" "Huddle"
printf '%-34s %13ss\n' "start to first frame" "$w_first"
printf '%-34s %11.1f MiB\n' "PSS after 5 s" "$(python3 -c "print($w_pss / 1024)")"
printf '%-34s %14s\n' "CPU ticks over 10 s of idle" "$w_ticks"
printf '%-34s %14s\n' "cage's CPU ticks over those 10 s" "$w_cage"
[ -n "$window" ] || echo "(Chromium's window was not seen: its first-frame time is the time-out)"
if [ -n "${KEEP_SHOTS:-}" ]; then cp "$tmp/huddle.png" "$tmp/chromium.png" "$KEEP_SHOTS"/; fi
