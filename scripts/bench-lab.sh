#!/usr/bin/env bash
# Lab benchmark: the time from `./prodml lab` to its first page served (a fresh JVM each time, on a
# workspace made beforehand), and from Run to result for a warm %prodml.profile paragraph on
# seattle-weather (POST run, then GET the result with ?wait=true, as the page does; measured by curl
# in one process, so no process start is counted), beside that paragraph's own run time from the
# note (dateStarted → dateFinished), so the lab's overhead shows. Targets: < 3 s and < 100 ms.
#   scripts/bench-lab.sh [STARTS] [RUNS]     (default 5 and 30)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
starts="${1:-5}"
runs="${2:-30}"
cd "$home"
./prodml --version >/dev/null                       # builds target/prodml.jar when needed
work=$(mktemp -d)
lab_pid=""
cleanup() { [ -n "$lab_pid" ] && kill "$lab_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
./prodml course start "$work/ws" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int((NR-1)*p/100)+1; print a[i]}'; }
now_ms() { date +%s%3N; }

start_lab() { # starts the lab; sets url, base, token and elapsed (ms from spawn to the first page)
  local t0 log=$work/lab.log
  t0=$(now_ms)
  ./prodml lab --port 0 --no-browser --workspace "$work/ws" >"$log" 2>&1 &
  lab_pid=$!
  until grep -q '^ProdML Lab: http' "$log"; do sleep 0.01; done
  url=$(grep -o 'http://127.0.0.1:[0-9]*/?token=[0-9a-f]*' "$log")
  base=${url%/?token=*}
  token=${url#*token=}
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: token $token" "$base/")" = 200 ]; do
    sleep 0.01
  done
  elapsed=$(( $(now_ms) - t0 ))
}

stop_lab() { kill "$lab_pid"; wait "$lab_pid" 2>/dev/null || true; lab_pid=""; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
first_page=()
for ((i = 0; i < starts; i++)); do
  start_lab
  first_page+=("$elapsed")
  [ "$i" -lt $((starts - 1)) ] && stop_lab
done

auth=(-H "Authorization: token $token" -H "Content-Type: application/json")
note=$(curl -s "${auth[@]}" -X POST -d '{"name":"Bench"}' "$base/api/notes" | sed 's/.*"id":"\([^"]*\)".*/\1/')
ids=($(curl -s "${auth[@]}" "$base/api/notes/$note" | grep -o '"id":"paragraph_[^"]*"' | cut -d'"' -f4))
load=${ids[1]}; profile=${ids[2]}
curl -s -o /dev/null "${auth[@]}" -X POST -d '{"text":"%prodml.load(file=seattle-weather/data.csv)"}' "$base/api/notes/$note/paragraphs/$load/run"
curl -s -o /dev/null "${auth[@]}" "$base/api/notes/$note/paragraphs/$load?wait=true"

run_profile() { # prints the ms from Run to result as the page sees them
  curl -s "${auth[@]}" -o /dev/null -w '%{time_total}\n' -X POST -d '{}' \
    "$base/api/notes/$note/paragraphs/$profile/run" \
    --next -s "${auth[@]}" -o /dev/null -w '%{time_total}\n' \
    "$base/api/notes/$note/paragraphs/$profile?wait=true" | awk '{s+=$1} END {printf "%.1f\n", s*1000}'
}
paragraph_ms() { # the paragraph's own run time, from the note
  curl -s "${auth[@]}" "$base/api/notes/$note/export" | python3 -c '
import json, sys, datetime
p = [p for p in json.load(sys.stdin)["paragraphs"] if p["id"] == sys.argv[1]][0]
f = "%Y-%m-%d %H:%M:%S.%f"
d = datetime.datetime.strptime(p["dateFinished"], f) - datetime.datetime.strptime(p["dateStarted"], f)
print(round(d.total_seconds() * 1000, 1))' "$profile"
}

cold=$(run_profile)
for ((i = 0; i < 5; i++)); do run_profile >/dev/null; done   # warm-up
total=(); own=()
for ((i = 0; i < runs; i++)); do
  total+=("$(run_profile)")
  own+=("$(paragraph_ms)")
done
stop_lab

echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
printf '%-44s %10s %10s %10s %8s\n' measure median p90 max target
printf '%-44s %10s %10s %10s %8s\n' "./prodml lab → first page (ms, $starts starts)" \
  "$(printf '%s\n' "${first_page[@]}" | median)" "$(printf '%s\n' "${first_page[@]}" | pct 90)" \
  "$(printf '%s\n' "${first_page[@]}" | sort -n | tail -1)" "< 3000"
printf '%-44s %10s %10s %10s %8s\n' "Run → result, warm %prodml.profile (ms, $runs)" \
  "$(printf '%s\n' "${total[@]}" | median)" "$(printf '%s\n' "${total[@]}" | pct 90)" \
  "$(printf '%s\n' "${total[@]}" | sort -n | tail -1)" "< 100"
printf '%-44s %10s %10s %10s %8s\n' "  of which the paragraph itself (ms)" \
  "$(printf '%s\n' "${own[@]}" | median)" "$(printf '%s\n' "${own[@]}" | pct 90)" \
  "$(printf '%s\n' "${own[@]}" | sort -n | tail -1)" ""
printf '%-44s %10s\n' "Run → result, first %prodml.profile (ms)" "$cold"
