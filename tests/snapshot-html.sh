#!/usr/bin/env bash
# The snapshot page in a real browser: seeds a board through the real command line, exports a
# snapshot, then opens the HTML page in headless Chromium (no network) and checks what it shows:
# the DOM holds the indicator and its latest value, the screenshot is a full non-blank PNG, and
# the page prints to PDF.
# Usage: bash tests/snapshot-html.sh [BINARY]   (as root on Debian, Chromium is installed if missing)
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "FAIL - $*" >&2; exit 1; }
ok() { echo "ok   - $*"; }

if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing chromium…"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || fail "cannot install chromium (run apt-get update first?)"
fi
command -v python3 >/dev/null 2>&1 || fail "python3 is needed to read the screenshot"

# The binary under test: the one given (CI passes the one its tests built, so that nothing is
# built again with other features), else a debug build.
bin="${1:-}"
if [ -z "$bin" ]; then
  cargo build --quiet
  bin="${CARGO_TARGET_DIR:-target}/debug/huddle"
fi
[ -x "$bin" ] || fail "no binary at $bin"

tmp=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$tmp" "$profile"' EXIT
huddle() { # runs the real command line; on failure, shows what it said
  local said
  said=$("$bin" --boards boards --data-dir "$tmp/data" "$@" 2>&1) || { echo "$said" >&2; fail "huddle $*"; }
  printf '%s\n' "$said"
}
board=accueil-jeunesse

# 20 values of the waiting list over the last 20 working days (today's included when it is
# one), through a CSV feed: a rise, then a long run above the median.
values=(24 22 25 23 21 24 26 25 27 29 28 31 30 32 33 31 34 35 33 36)
csv="$tmp/liste-attente.csv"
echo "date,value" >"$csv"
dates=()
d=$(date +%F)
while [ "${#dates[@]}" -lt "${#values[@]}" ]; do
  [ "$(date -d "$d" +%u)" -le 5 ] && dates=("$d" "${dates[@]}")
  d=$(date -d "$d - 1 day" +%F)
done
for i in "${!values[@]}"; do echo "${dates[$i]},${values[$i]}" >>"$csv"; done
huddle import --board "$board" --indicator liste-attente "$csv" >/dev/null || fail "import"
latest=${values[-1]}

# Weekly indicators, a value per week.
for w in 6 5 4 3 2 1 0; do
  monday=$(date -d "$(date +%F) - $(( $(date +%u) - 1 )) days - $w weeks" +%F)
  huddle value set --board "$board" --indicator delai-evaluation --date "$monday" $((11 + (w * 7) % 5)) >/dev/null
  huddle value set --board "$board" --indicator premier-contact --date "$monday" "$((78 + w * 2)),5" >/dev/null
done

# An overdue action, one on time, and an escalation.
past=$(date -d "$(date +%F) - 5 days" +%F)
soon=$(date -d "$(date +%F) + 9 days" +%F)
huddle action add --board "$board" --title "Rappeler les familles en attente depuis plus de 30 jours" --owner "Amélie R." --due "$past" >/dev/null
huddle action add --board "$board" --title "Revoir le tri des demandes <urgentes> & semi-urgentes" --owner "Farid K." --due "$soon" >/dev/null
huddle escalation raise --board "$board" --title "Manque de places en évaluation" --why "La liste d'attente dépasse la cible depuis 3 semaines" >/dev/null
ok "seeded $board through the command line"

out=$(huddle export --board "$board" --out "$tmp/out") || fail "export"
json=$(sed -n 1p <<<"$out")
html=$(sed -n 2p <<<"$out")
[ -f "$json" ] || fail "export printed no JSON file ($out)"
[ -f "$html" ] || fail "export printed no HTML file ($out)"
ok "exported $(basename "$json") and $(basename "$html")"
python3 - "$json" <<'PY' || fail "the JSON file is not the snapshot of the seeded board"
import json, sys

s = json.load(open(sys.argv[1], encoding="utf-8"))
assert (s["format"], s["version"]) == ("huddle-snapshot", 1), (s["format"], s["version"])
waiting = next(i for i in s["indicators"] if i["section"] == "liste-attente")
assert len(waiting["values"]) == 20, len(waiting["values"])
assert s["actions"]["open"] == 2 and s["actions"]["overdue"] == 1, s["actions"]
assert len(s["escalations"]) == 1, s["escalations"]
PY
ok "the JSON file holds 20 values, 2 open actions (1 overdue) and the escalation"
if grep -Eq 'https?://' "$html"; then fail "the page refers to the network"; fi
echo "     HTML page: $(stat -c %s "$html") bytes"

browse() { # chromium, headless, offline, with a fresh profile
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --no-default-browser-check \
    --user-data-dir="$profile" --hide-scrollbars "$@" 2>>"$tmp/chromium.log"
}

# What the browser makes of the page.
dom=$(browse --dump-dom "file://$html") || { cat "$tmp/chromium.log" >&2; fail "chromium --dump-dom"; }
grep -q "Liste d'attente" <<<"$dom" || fail "the page does not show the indicator title"
grep -q "Délai moyen avant évaluation" <<<"$dom" || fail "the page does not show the second indicator"
grep -q ">$latest<" <<<"$dom" || fail "the page does not show the latest value $latest"
grep -q "Plan d'action" <<<"$dom" || fail "the page has no action plan"
grep -q "Manque de places en évaluation" <<<"$dom" || fail "the page does not show the escalation"
grep -q "&lt;urgentes&gt; &amp;" <<<"$dom" || fail "an action title is not escaped"
[ "$(grep -o '<svg class="chart"' <<<"$dom" | wc -l)" -ge 3 ] || fail "fewer than 3 run charts"
ok "chromium reads the page: titles, latest value ($latest), actions, escalation, charts"

# A screenshot of the page at A4 proportions (1240 × 1754).
shot="$tmp/shot.png"
browse --window-size=1240,1754 --screenshot="$shot" "file://$html" >/dev/null || { cat "$tmp/chromium.log" >&2; fail "chromium --screenshot"; }
[ -s "$shot" ] || fail "no screenshot"
python3 - "$shot" <<'PY' || fail "the screenshot is not the page"
import struct, sys, zlib

data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("not a PNG")
pos, idat, header = 8, b"", None
while pos < len(data):
    size, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + size]
    pos += 12 + size
    if kind == b"IHDR":
        header = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
width, height, depth, colour, _, _, interlace = header
if (width, height) != (1240, 1754):
    sys.exit(f"screenshot is {width}x{height}, not 1240x1754")
if depth != 8 or colour not in (2, 6) or interlace:
    sys.exit(f"unexpected PNG layout: depth {depth}, colour type {colour}")
bpp = 3 if colour == 2 else 4
raw = zlib.decompress(idat)
stride = width * bpp
prev = bytearray(stride)
rows = []
for y in range(height):
    kind = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x]
        c = prev[x - bpp] if x >= bpp else 0
        if kind == 1:
            line[x] = (line[x] + a) & 255
        elif kind == 2:
            line[x] = (line[x] + b) & 255
        elif kind == 3:
            line[x] = (line[x] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line))
    prev = line
colours, inked = set(), 0
for line in rows[::2]:
    for x in range(0, stride, bpp * 2):
        px = line[x:x + 3]
        colours.add(px)
        if max(px) < 200:
            inked += 1
sampled = (height // 2 + height % 2) * ((width + 1) // 2)
print(f"     screenshot: {width}x{height}, {len(colours)} colours, {100 * inked / sampled:.1f}% inked")
if len(colours) < 50 or inked / sampled < 0.01:
    sys.exit("the screenshot looks blank")
PY
cp "$shot" /tmp/snapshot-html-shot.png
cp "$html" /tmp/snapshot-html-page.html
ok "the screenshot is a 1240×1754 PNG with the page drawn on it (kept as /tmp/snapshot-html-shot.png, the page as /tmp/snapshot-html-page.html)"

# Printed: a PDF.
pdf="$tmp/page.pdf"
browse --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" >/dev/null || { cat "$tmp/chromium.log" >&2; fail "chromium --print-to-pdf"; }
[ -s "$pdf" ] && [ "$(head -c 5 "$pdf")" = "%PDF-" ] || fail "no PDF printed"
pages=$(grep -ao '/Type */Pages\?' "$pdf" | grep -c 'Page$' || true)
ok "printed to PDF: $(stat -c %s "$pdf") bytes, ${pages:-?} page(s)"
echo "snapshot page test: passed"
