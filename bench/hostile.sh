#!/usr/bin/env bash
# The release binary against damaged and hostile files, as a careless IT script, a broken
# export or a compromised kiosk on the share would make them: for each case, the wall time, the
# peak resident memory (GNU time's maximum RSS), what the binary said (its size, its first
# line) and its exit code. The figures go in the issue notes; nothing here is a pass/fail test
# (the tests are in tests/).
#
# Usage: bench/hostile.sh [path/to/release/huddle]   (default: target/release/huddle)
# Needs: GNU time (/usr/bin/time), python3, coreutils. Build first: cargo build --release
set -u
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-target/release/huddle}")
boards=$(realpath boards)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One case: a name, then the command. Prints time, peak memory, output size and exit code.
measure() {
  local name=$1
  shift
  /usr/bin/time -f '%e %M' -o "$tmp/time" timeout 900 "$@" >"$tmp/out" 2>&1
  local rc=$?
  read -r secs kb <"$tmp/time" 2>/dev/null || { secs=?; kb=0; }
  # GNU time's first line is "Command exited with non-zero status N" when it is not 0.
  if [ "$(wc -l <"$tmp/time")" -gt 1 ]; then read -r secs kb < <(tail -1 "$tmp/time"); fi
  printf '%-52s %7ss %7s MB  out %9s bytes  exit %s  | %s\n' "$name" "$secs" \
    "$((kb / 1024))" "$(wc -c <"$tmp/out")" "$rc" "$(head -c 110 "$tmp/out" | head -1)"
}

# The binary with this run's boards and no config file (a function would not run under timeout).
H=("$bin" --boards "$boards" --config "$tmp/none.toml")
huddle() { "${H[@]}" "$@"; }

# --- Feeds -------------------------------------------------------------------------------
python3 - "$tmp" <<'EOF'
import sys, datetime
tmp = sys.argv[1]
with open(f"{tmp}/long-line.csv", "w") as f:
    f.write("2026-11-20;12\n2026-11-21;" + "9" * (100 << 20) + "\n2026-11-22;14\n")
start = datetime.date(1990, 1, 1)
with open(f"{tmp}/five-million.csv", "w") as f:
    f.write("date;valeur\n")
    # Five million rows: one value a day over 13,700 years would not fit a date, so the value
    # changes too (each row is its own change).
    day = start
    for i in range(5_000_000):
        f.write(f"{(start + datetime.timedelta(days=i % 20000)).isoformat()};{i}\n")
EOF
mkfifo "$tmp/fifo.csv" "$tmp/fifo.toml"
measure "import: one 100 MB line" "${H[@]}" --data-dir "$tmp/d1" import --board accueil-jeunesse --indicator liste-attente "$tmp/long-line.csv"
measure "import: 5,000,000 rows" "${H[@]}" --data-dir "$tmp/d2" import --board accueil-jeunesse --indicator liste-attente "$tmp/five-million.csv"
measure "import: a named pipe" "${H[@]}" --data-dir "$tmp/d1" import --board accueil-jeunesse --indicator liste-attente "$tmp/fifo.csv"
printf '\xff\xfe' >"$tmp/utf16.csv"
printf 'date\tvaleur\r\n2026-11-20;12\r\n' | iconv -f utf-8 -t utf-16le >>"$tmp/utf16.csv"
measure "import: Excel Unicode text (UTF-16)" "${H[@]}" --data-dir "$tmp/d1" import --board accueil-jeunesse --indicator liste-attente "$tmp/utf16.csv"

# --- Board files ---------------------------------------------------------------------------
mkdir -p "$tmp/boards"
cp "$boards"/*.toml "$tmp/boards/"
python3 -c "
import sys
with open('$tmp/boards/huge.toml', 'w') as f:
    f.write('# ' + 'x' * (50 << 20) + '\n')
"
measure "check: a 50 MB board file" "$bin" --config "$tmp/none.toml" check "$tmp/boards/huge.toml"
measure "check: a named pipe" "$bin" --config "$tmp/none.toml" check "$tmp/fifo.toml"
measure "check: the boards folder with both" "$bin" --config "$tmp/none.toml" check "$tmp/boards"

# --- The shared folder ---------------------------------------------------------------------
# A peer made by the binary itself, then its segment rewritten by a hostile kiosk.
share=$tmp/share
mkdir -p "$share"
huddle --data-dir "$tmp/peer" action add --board accueil-jeunesse --title "Rappeler" >/dev/null
huddle --data-dir "$tmp/peer" --shared "$share" sync --once >/dev/null 2>&1
peer=$(ls "$share/huddle-sync/devices")
huddle --data-dir "$tmp/me" --shared "$share" sync --once >/dev/null 2>&1
me=$(ls "$share/huddle-sync/devices" | grep -v "^$peer$")
python3 - "$share/huddle-sync/devices/$peer" "$me" <<'EOF'
import json, sys, zlib, glob, copy
folder, me = sys.argv[1], sys.argv[2]
seg = sorted(glob.glob(f"{folder}/seg-*.jsonl"))[0]
line = open(seg).read().splitlines()[0]
change = json.loads(line.split(" ", 1)[1])
def enc(c):
    j = json.dumps(c, ensure_ascii=False, separators=(",", ":"))
    return "%08x %s\n" % (zlib.crc32(j.encode()), j)
lines = []
big = copy.deepcopy(change); big["seq"] = 2; big["change"]["id"] = "0190f3a2-0000-7000-8000-000000000002"
big["change"]["record"] = "0190f3a2-0000-7000-8000-0000000000b2"
big["change"]["op"]["put"]["title"] = "x" * (20 << 20)
lines.append(enc(big))
end = copy.deepcopy(change); end["seq"] = 3; end["change"]["id"] = "0190f3a2-0000-7000-8000-000000000003"
end["stamp"] = "999999999999999999-999999-" + end["stamp"].split("-", 2)[2]
lines.append(enc(end))
us = copy.deepcopy(change); us["seq"] = 1000; us["change"]["id"] = "0190f3a2-0000-7000-8000-000000000004"
us["stamp"] = us["stamp"].rsplit("-", 1)[0] + "-" + me
us["change"]["op"] = "delete"
lines.append(enc(us))
open(f"{folder}/seg-000000000002-000000000004.jsonl", "w").write("".join(lines))
open(f"{folder}/seg-000000000005-000000000005.jsonl", "w").write("0" * (400 << 20))
EOF
mkfifo "$share/huddle-sync/devices/$peer/seg-000000000006-000000000006.jsonl"
measure "sync: 20 MB title, end-of-time stamp, our id, 400 MB line, a pipe" "${H[@]}" --data-dir "$tmp/me" --shared "$share" sync --once
measure "sync: the same again (said once)" "${H[@]}" --data-dir "$tmp/me" --shared "$share" sync --once
huddle --data-dir "$tmp/me" action add --board accueil-jeunesse --title "Après" >/dev/null
measure "sync: our next change after the end-of-time stamp" "${H[@]}" --data-dir "$tmp/me" --shared "$share" sync --once
measure "action list (nothing refused was stored)" "${H[@]}" --data-dir "$tmp/me" action list --board accueil-jeunesse
# Our own newest segment cut short by a sync engine, and a byte-identical conflict copy.
own=$share/huddle-sync/devices/$me
newest=$(ls "$own"/seg-*.jsonl | sort | tail -1)
cp "$newest" "${newest%.jsonl}.sync-conflict-20261202-101010-ABCDEFG.jsonl"
head -c 40 "$newest" >"$tmp/cut" && cat "$tmp/cut" >"$newest"
measure "sync: own segment cut short, plus an identical copy" "${H[@]}" --data-dir "$tmp/me" --shared "$share" sync --once
ls "$own" | sed 's/^/    own folder: /'
