#!/usr/bin/env bash
# Two kiosks synced by two real Syncthing instances on loopback: each kiosk's shared folder is
# its side of one Syncthing folder. Both kiosks make changes while the peers are paused (one
# field changed on both sides), the peers resume, and both kiosks must end with the same
# values, none lost, and no conflict copy anywhere.
#
# Usage: tests/syncthing.sh [path/to/huddle]   (needs syncthing, curl, jq)
set -euo pipefail

HUDDLE=${1:-target/debug/huddle}
BOARDS=$(cd "$(dirname "$0")/.." && pwd)/boards
WORK=$(mktemp -d /tmp/huddle-syncthing.XXXXXX)
KEY=huddle-test-key
export STNODEFAULTFOLDER=1 STNOUPGRADE=1 STNORESTART=1

pids=()
cleanup() {
    for side in a b; do
        curl -s -X POST -H "X-API-Key: $KEY" "http://127.0.0.1:$(gui_port $side)/rest/system/shutdown" >/dev/null 2>&1 || true
    done
    sleep 1
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

gui_port() { [ "$1" = a ] && echo 18384 || echo 18385; }
sync_port() { [ "$1" = a ] && echo 22001 || echo 22002; }
other() { [ "$1" = a ] && echo b || echo a; }
api() { # side method path [json]
    local side=$1 method=$2 path=$3
    curl -sf -X "$method" -H "X-API-Key: $KEY" ${4:+-H "Content-Type: application/json" -d "$4"} \
        "http://127.0.0.1:$(gui_port "$side")$path"
}
kiosk() { # side args…
    local side=$1; shift
    "$HUDDLE" --boards "$BOARDS" --data-dir "$WORK/$side/data" --shared "$WORK/$side/share" "$@"
}
values() { kiosk "$1" value list --board accueil-jeunesse --indicator liste-attente --format json | jq -c '[.[] | {date, value}]'; }

echo "== two Syncthing instances on loopback ($WORK)"
for side in a b; do
    mkdir -p "$WORK/$side/share" "$WORK/$side/data"
    syncthing generate --home="$WORK/$side/home" --no-default-folder >/dev/null 2>&1
    sed -i \
        -e "s|<listenAddress>default</listenAddress>|<listenAddress>tcp://127.0.0.1:$(sync_port $side)</listenAddress>|" \
        -e "s|<globalAnnounceEnabled>true|<globalAnnounceEnabled>false|" \
        -e "s|<localAnnounceEnabled>true|<localAnnounceEnabled>false|" \
        -e "s|<relaysEnabled>true|<relaysEnabled>false|" \
        -e "s|<natEnabled>true|<natEnabled>false|" \
        -e "s|<startBrowser>true|<startBrowser>false|" \
        -e "s|<urAccepted>0|<urAccepted>-1|" \
        -e "s|<crashReportingEnabled>true|<crashReportingEnabled>false|" \
        -e "s|<autoUpgradeIntervalH>12|<autoUpgradeIntervalH>0|" \
        -e "s|<reconnectionIntervalS>60|<reconnectionIntervalS>2|" \
        -e "s|<stunKeepaliveStartS>180|<stunKeepaliveStartS>0|" \
        -e "s|<stunKeepaliveMinS>20|<stunKeepaliveMinS>0|" \
        "$WORK/$side/home/config.xml"
    syncthing serve --home="$WORK/$side/home" --no-browser --no-restart \
        --gui-address="http://127.0.0.1:$(gui_port $side)" --gui-apikey="$KEY" \
        --logfile="$WORK/$side/syncthing.log" --logflags=3 >/dev/null 2>&1 &
    pids+=($!)
done
declare -A ID
for side in a b; do
    for _ in $(seq 100); do
        ID[$side]=$(api "$side" GET /rest/system/status 2>/dev/null | jq -r .myID) && break
        sleep 0.2
    done
    [ -n "${ID[$side]:-}" ] || { echo "syncthing $side did not start"; cat "$WORK/$side/syncthing.log"; exit 1; }
done
for side in a b; do
    o=$(other $side)
    api "$side" POST /rest/config/devices \
        "{\"deviceID\":\"${ID[$o]}\",\"name\":\"$o\",\"addresses\":[\"tcp://127.0.0.1:$(sync_port "$o")\"],\"autoAcceptFolders\":false}" >/dev/null
    api "$side" POST /rest/config/folders \
        "{\"id\":\"kiosk\",\"label\":\"kiosk\",\"path\":\"$WORK/$side/share\",\"type\":\"sendreceive\",\"fsWatcherEnabled\":true,\"fsWatcherDelayS\":1,\"rescanIntervalS\":60,\"devices\":[{\"deviceID\":\"${ID[a]}\"},{\"deviceID\":\"${ID[b]}\"}]}" >/dev/null
done
for _ in $(seq 150); do
    [ "$(api a GET /rest/system/connections | jq -r ".connections[\"${ID[b]}\"].connected")" = true ] && break
    sleep 0.2
done
[ "$(api a GET /rest/system/connections | jq -r ".connections[\"${ID[b]}\"].connected")" = true ] \
    || { echo "the peers did not connect"; tail -20 "$WORK"/*/syncthing.log; exit 1; }
echo "   connected"

echo "== both kiosks publish once, connected"
kiosk a value set --board accueil-jeunesse --indicator liste-attente --date 2026-11-16 20 >/dev/null
kiosk a sync --once
kiosk b sync --once

echo "== paused: changes on both sides, one of them to the same day"
for side in a b; do api "$side" POST "/rest/system/pause?device=${ID[$(other $side)]}" >/dev/null; done
kiosk a value set --board accueil-jeunesse --indicator liste-attente --date 2026-11-20 12 >/dev/null
kiosk a value set --board accueil-jeunesse --indicator liste-attente --date 2026-11-23 30 >/dev/null
kiosk a sync --once
sleep 1.1   # B's correction comes later: it must win on both sides
kiosk b value set --board accueil-jeunesse --indicator liste-attente --date 2026-11-21 13 >/dev/null
kiosk b value set --board accueil-jeunesse --indicator liste-attente --date 2026-11-23 31 >/dev/null
kiosk b sync --once

echo "== resumed: waiting for both kiosks to agree"
for side in a b; do api "$side" POST "/rest/system/resume?device=${ID[$(other $side)]}" >/dev/null; done
expected='[{"date":"2026-11-16","value":20},{"date":"2026-11-20","value":12},{"date":"2026-11-21","value":13},{"date":"2026-11-23","value":31}]'
start=$(date +%s)
while true; do
    for side in a b; do
        api "$side" POST "/rest/db/scan?folder=kiosk" >/dev/null || true
        kiosk "$side" sync --once >/dev/null || true
    done
    va=$(values a); vb=$(values b)
    if [ "$va" = "$expected" ] && [ "$vb" = "$expected" ]; then break; fi
    if [ $(( $(date +%s) - start )) -gt 120 ]; then
        echo "not converged after 120 s"; echo "A: $va"; echo "B: $vb"
        find "$WORK"/*/share -type f | sort
        exit 1
    fi
    sleep 1
done
echo "   converged in $(( $(date +%s) - start )) s: $va"
conflicts=$(find "$WORK"/*/share -name '*sync-conflict*' | wc -l)
[ "$conflicts" -eq 0 ] || { echo "conflict copies appeared:"; find "$WORK"/*/share -name '*sync-conflict*'; exit 1; }
find "$WORK"/*/share -name '*.sqlite*' | grep -q . && { echo "a database in the shared folder"; exit 1; }
kiosk a sync status
echo "syncthing test: ok"
