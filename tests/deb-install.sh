#!/usr/bin/env bash
# The Debian package as IT installs it. Packs the binary given (the debug build CI already made:
# nothing is built again) with cargo-deb, checks the .deb with Debian's own checker, lintian
# (no error, no warning), installs it with apt-get, checks what it put where (the units pass
# `systemd-analyze verify`, the desktop entries `desktop-file-validate`; the manual pages, the
# changelog, the copyright file, and the board schema beside the boards are there), then
# starts the installed /usr/bin/huddle as an ordinary user, from a folder with no boards/,
# under its own X server: it must find the installed example boards and draw a frame that is
# not blank. Started with a stand-in for systemd's notify socket, it must say READY=1 once and
# ping the watchdog in time; the same again with the kiosk session's own command line under
# cage (headless), when cage is installed. Purges the package at the end, pass or fail.
# Usage: bash tests/deb-install.sh [path/to/<target>/debug/huddle]   (as root, or with sudo)
set -uo pipefail
cd "$(dirname "$0")/.."

cargo_deb_version=3.8.0
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   - $*"; }
bad() { failed=$((failed + 1)); echo "FAIL - $*"; }
check() { # name, command…
  local name=$1; shift
  if "$@"; then ok "$name"; else bad "$name"; fi
}
quiet() { "$@" >/dev/null 2>&1; }
die() { echo "FAIL - $*"; echo "deb install test: $passed passed, $((failed + 1)) failed"; exit 1; }

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "run as root, or install sudo"
  sudo="sudo"
fi
apt() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }
if dpkg-query -W -f='${Status}' huddle 2>/dev/null | grep -q "install ok installed"; then
  die "huddle is already installed here; this test installs and purges its own (apt-get purge huddle first)"
fi

# --- The binary under test: <target>/<profile folder>/huddle.
bin="${1:-${CARGO_TARGET_DIR:-target}/debug/huddle}"
if [ ! -x "$bin" ] && [ -z "${1:-}" ]; then
  cargo build --quiet || die "cargo build"
fi
[ -x "$bin" ] || die "no binary at $bin"
bin=$(realpath "$bin")
target=$(dirname "$(dirname "$bin")")
case "$(basename "$(dirname "$bin")")" in
  debug) profile=dev ;;
  *) profile=$(basename "$(dirname "$bin")") ;;
esac

# --- cargo-deb, pinned.
if [ "$(cargo deb --version 2>/dev/null)" != "cargo-deb $cargo_deb_version" ]; then
  echo "installing cargo-deb $cargo_deb_version (a few minutes)…"
  env -u CARGO_TARGET_DIR cargo install cargo-deb --version "$cargo_deb_version" --locked --quiet \
    || die "cargo install cargo-deb"
fi

tmp=$(mktemp -d)
chmod 755 "$tmp" # apt reads the .deb as its own user
run="$tmp/run"    # pid files and the notify socket, shared with the test user
mkdir -m 777 "$run"
user=""
manager=""
installed=0
stop() { # the processes started as the test user, by their pid files
  local f
  for f in "$run"/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; rm -f "$f"; done
  sleep 0.5
}
cleanup() {
  stop
  [ -n "$manager" ] && kill "$manager" 2>/dev/null
  wait 2>/dev/null
  if [ -n "$user" ] && [ "$user" != "$(id -un)" ]; then userdel -r "$user" >/dev/null 2>&1; fi
  if [ "$installed" -eq 1 ]; then apt purge -y -qq huddle >/dev/null 2>&1; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- Pack: the binary as built, the profile given by its folder.
packed=$(CARGO_TARGET_DIR="$target" cargo deb --no-build --profile "$profile" --output "$tmp/" 2>&1) \
  || { echo "$packed"; die "cargo deb"; }
deb=$(ls "$tmp"/huddle_*.deb 2>/dev/null | head -n 1)
[ -f "$deb" ] || { echo "$packed"; die "cargo deb made no .deb"; }
chmod 644 "$deb"
ok "cargo deb packed $(basename "$deb") ($(($(stat -c %s "$deb") / 1024)) KiB) from $bin"
echo "     Depends: $(dpkg-deb -f "$deb" Depends)"
echo "     Recommends: $(dpkg-deb -f "$deb" Recommends)"

# --- Debian's own checker: no error (E:) and no warning (W:). The few tags the package
# overrides are in packaging/debian/lintian-overrides, each with its reason.
if command -v lintian >/dev/null 2>&1; then
  said=$(lintian "$deb" 2>&1 | grep -E '^[EW]: ')
  [ -n "$said" ] && echo "$said" | sed 's/^/     /'
  check "lintian finds no error or warning in the .deb ($(lintian --version))" test -z "$said"
else
  bad "lintian is not installed (apt-get install lintian): the package is not checked"
fi

# --- Install as IT would (Recommends left out: cage is not needed for this test).
if ! apt install -y -qq --no-install-recommends "$deb" >"$tmp/apt.log" 2>&1; then
  apt update -qq >/dev/null 2>&1
  apt install -y -qq --no-install-recommends "$deb" >"$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log"; die "apt-get install $deb"; }
fi
installed=1
version=$(dpkg-query -W -f='${Version}' huddle)
ok "apt-get installed huddle $version: $(dpkg -L huddle | wc -l) paths, $(dpkg-query -W -f='${Installed-Size}' huddle) KiB"

# --- What it put where.
check "/usr/bin/huddle runs ($(/usr/bin/huddle --version 2>&1))" quiet /usr/bin/huddle --version
boards=$(ls boards/*.toml | wc -l)
installed_boards=$(ls /usr/share/huddle/boards/*.toml 2>/dev/null | wc -l)
check "the $boards example boards are in /usr/share/huddle/boards ($installed_boards there)" test "$installed_boards" -eq "$boards"
check "huddle check finds them valid" quiet /usr/bin/huddle check /usr/share/huddle/boards
check "the icon is an SVG" grep -q '<svg' /usr/share/icons/hicolor/scalable/apps/huddle.svg
check "the board schema beside the installed boards is the program's" \
  cmp -s /usr/share/huddle/boards/huddle-board.schema.json <(/usr/bin/huddle schema)
pages=$(ls packaging/man/*.1 | wc -l)
installed_pages=$(ls /usr/share/man/man1/huddle*.1.gz 2>/dev/null | wc -l)
check "the $pages manual pages are in /usr/share/man/man1 ($installed_pages there)" test "$installed_pages" -eq "$pages"
check "man huddle is the page of huddle $(/usr/bin/huddle --version | cut -d' ' -f2)" \
  sh -c "zcat /usr/share/man/man1/huddle.1.gz | grep -q '^.TH huddle 1 .*\"huddle $(/usr/bin/huddle --version | cut -d' ' -f2)\"'"
check "the changelog's latest entry is this version ($version)" \
  sh -c "zcat /usr/share/doc/huddle/changelog.Debian.gz | head -n 1 | grep -qF 'huddle ($version)'"
check "the copyright file is machine-readable" \
  grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' /usr/share/doc/huddle/copyright
check "the kiosk session's unit, PAM stack and docs are in /usr/share/doc/huddle" test \
  -f /usr/share/doc/huddle/kiosk/huddle-kiosk.service -a -f /usr/share/doc/huddle/kiosk/pam.d-huddle-kiosk \
  -a -f /usr/share/doc/huddle/kiosk-session.md -a -f /usr/share/doc/huddle/README.md
for entry in /usr/share/applications/huddle.desktop /etc/xdg/autostart/huddle.desktop; do
  if command -v desktop-file-validate >/dev/null 2>&1; then
    check "$entry passes desktop-file-validate" desktop-file-validate "$entry"
  else
    check "$entry is there (desktop-file-validate not installed)" test -f "$entry"
  fi
done
check "the autostart entry starts the user unit" grep -q 'systemctl --user start huddle.service' /etc/xdg/autostart/huddle.desktop
if command -v systemd-analyze >/dev/null 2>&1; then
  runtime=$(mktemp -d)
  said=$(XDG_RUNTIME_DIR=$runtime systemd-analyze verify --user /usr/lib/systemd/user/huddle.service 2>&1)
  check "huddle.service passes systemd-analyze verify --user${said:+: $said}" test -z "$said"
  for key in Type=notify NotifyAccess=main WatchdogSec=60 Restart=always ExecStart=/usr/bin/huddle WantedBy=graphical-session.target; do
    grep -qx "$key" /usr/lib/systemd/user/huddle.service || bad "huddle.service has no $key"
  done
  # cage is only recommended: its absence is the one thing the system unit may be told.
  said=$(XDG_RUNTIME_DIR=$runtime systemd-analyze verify /usr/share/doc/huddle/kiosk/huddle-kiosk.service 2>&1 \
    | grep -v 'Command /usr/bin/cage is not executable')
  check "huddle-kiosk.service passes systemd-analyze verify${said:+: $said}" test -z "$said"
  rm -rf "$runtime"
else
  echo "     (systemd-analyze not installed: units not verified)"
fi

# --- The installed kiosk, run as an ordinary user from a folder with no boards/.
if [ "$(id -u)" -eq 0 ]; then
  user=huddle-deb-test
  userdel -r "$user" >/dev/null 2>&1
  useradd --create-home --shell /bin/sh "$user" || die "useradd $user"
  home=$(getent passwd "$user" | cut -d: -f6)
  as_user() { runuser -u "$user" -- "$@"; }
else
  user=$(id -un)
  home="$tmp/home"
  mkdir -p "$home"
  as_user() { "$@"; }
fi
work="$home/elsewhere"
as_user mkdir -p "$work"
start() { # name, command… : runs it as the test user in the background, its pid in run/name.pid
  local name=$1; shift
  as_user sh -c 'echo $$ >"$0"; exec "$@"' "$run/$name.pid" "$@" &
}
shot="$tmp/frame.png"

# Xvfb takes a display number nobody uses (another X server on the machine must not answer
# in its place) and writes it to fd 3.
numfile="$tmp/display"
start xvfb Xvfb -displayfd 3 -screen 0 1600x900x24 -nolisten tcp 3>"$numfile" >/dev/null 2>&1
for _ in $(seq 50); do [ -s "$numfile" ] && break; sleep 0.1; done
display=":$(head -n 1 "$numfile")"
for _ in $(seq 50); do DISPLAY=$display as_user xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

# A stand-in for systemd's notify socket: records each notice with its time.
python3 - "$run/notify" "$tmp/notices" <<'PY' &
import os, socket, sys, time
path, out = sys.argv[1], sys.argv[2]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
os.chmod(path, 0o666)
with open(out, "a", buffering=1) as f:
    while True:
        data = s.recv(4096).decode()
        for line in data.splitlines():
            f.write(f"{time.monotonic():.3f} {line}\n")
PY
manager=$!
for _ in $(seq 50); do [ -S "$run/notify" ] && break; sleep 0.1; done

# Half of WATCHDOG_USEC between pings: 2 s here, so that a few seconds show several.
start kiosk env -i HOME="$home" USER="$user" PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY=$display \
  NOTIFY_SOCKET="$run/notify" WATCHDOG_USEC=4000000 \
  sh -c 'cd "$1" && exec /usr/bin/huddle --windowed' sh "$work" >>"$tmp/kiosk.log" 2>&1

window=$(DISPLAY=$display timeout 30 xdotool search --sync --name '^Huddle$' 2>/dev/null | head -n 1)
check "the installed kiosk opens a window named Huddle" test -n "$window"
sleep 8
check "the kiosk is still running" kill -0 "$(cat "$run/kiosk.pid" 2>/dev/null || echo 0)"
check "it reads the installed example boards" grep -Eq 'boards ?= ?/usr/share/huddle/boards' "$tmp/kiosk.log"
DISPLAY=$display import -window "${window:-root}" "$shot" 2>/dev/null
colours=$(identify -format %k "$shot" 2>/dev/null || echo 0)
size=$(identify -format %wx%h "$shot" 2>/dev/null || echo none)
check "a frame is drawn: a ${size} screenshot with $colours colours (more than 100)" test "$colours" -gt 100

notices() { # what, from line: READY=1 once, then WATCHDOG=1 at most 2.5 s apart
  local what=$1 said readies pings count
  said=$(tail -n +"$2" "$tmp/notices" 2>/dev/null)
  readies=$(grep -c ' READY=1$' <<<"$said")
  pings=$(grep ' WATCHDOG=1$' <<<"$said" | cut -d' ' -f1)
  count=$(grep -c . <<<"$pings")
  check "$what: READY=1 said once ($readies)" test "$readies" -eq 1
  check "$what: WATCHDOG=1 pinged in time ($count pings, at most 2.5 s apart)" \
    awk -v n="$count" 'NR > 1 && $1 - last > 2.5 { late = 1 } { last = $1 } END { exit !(n >= 3 && !late) }' <<<"$pings"
}
notices "the installed kiosk" 1

failed_before=$failed
if [ "$failed" -gt 0 ]; then
  [ -f "$shot" ] && cp "$shot" "${TMPDIR:-/tmp}/huddle-deb-install-frame.png" \
    && echo "--- the frame: ${TMPDIR:-/tmp}/huddle-deb-install-frame.png"
  echo "--- kiosk log"; tail -n 30 "$tmp/kiosk.log"
  echo "--- notices"; cat "$tmp/notices"
fi
stop

# --- The kiosk session's own command line (the unit's ExecStart) under cage, on cage's
# headless backend, when cage and Xwayland are installed: Huddle opens in cage (on Wayland) on
# the installed boards, and pings the watchdog although WATCHDOG_PID names another process
# (cage's, under systemd): the unit drops it for Huddle.
if command -v cage >/dev/null 2>&1 && [ -x /usr/bin/Xwayland ]; then
  exec_start=$(sed -n 's/^ExecStart=//p' /usr/share/doc/huddle/kiosk/huddle-kiosk.service)
  runtime="$home/.runtime"
  as_user mkdir -m 700 -p "$runtime"
  from=$(($(wc -l <"$tmp/notices") + 1))
  start cage env -i HOME="$home" USER="$user" PATH=/usr/bin:/bin LANG=C.UTF-8 \
    XDG_RUNTIME_DIR="$runtime" WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
    NOTIFY_SOCKET="$run/notify" WATCHDOG_USEC=4000000 WATCHDOG_PID=1 \
    sh -c 'cd "$HOME" && exec '"$exec_start" >"$tmp/cage.log" 2>&1
  sleep 10
  check "the kiosk session's command line runs: $exec_start" kill -0 "$(cat "$run/cage.pid" 2>/dev/null || echo 0)"
  notices "under cage" "$from"
  if [ "$failed" -gt "$failed_before" ]; then
    echo "--- cage log"; grep -v 'Basic output test failed' "$tmp/cage.log" | tail -n 30
  fi
  stop
else
  echo "     (cage or Xwayland not installed: the kiosk session's command line not run)"
fi

# --- Leave the machine as it was.
apt purge -y -qq huddle >"$tmp/apt.log" 2>&1 || cat "$tmp/apt.log"
installed=0
check "apt-get purge removes it (no /usr/bin/huddle, no autostart entry)" \
  test ! -e /usr/bin/huddle -a ! -e /etc/xdg/autostart/huddle.desktop -a ! -e /usr/share/huddle
echo "deb install test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
