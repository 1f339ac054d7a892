#!/usr/bin/env bash
# Profile benchmark: `./prodml profile` (a whole JVM process, -Xmx256m) beside a compiled minimal
# single-pass CSV scan (bench/scan.c: count/min/max/mean/missing per column) on the same file, in
# the same run, alternating, on flights 200k / 1M / 3M rows. Prints wall time, rows/s, peak
# memory and the profile/scan ratio (median of the runs).
#   scripts/bench-profile.sh [RUNS]     (default 3)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
cd "$home"

[ -f datasets/bench/flights-3m.csv ] || scripts/bench-data.sh
./prodml --version >/dev/null                       # builds target/prodml.jar when needed
mkdir -p target/bench
gcc -O2 -o target/bench/scan bench/scan.c

measure() { # prints "seconds peakKB" of one run of the command
  local stats
  stats=$(mktemp)
  /usr/bin/time -o "$stats" -f "%e %M" "$@" >/dev/null 2>&1
  tail -n 1 "$stats"
  rm -f "$stats"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-12s %9s %8s %12s %10s %10s %14s %10s %7s\n' file rows "scan s" "scan rows/s" "scan MB" \
  "profile s" "profile rows/s" "profile MB" ratio
for name in flights-200k flights-1m flights-3m; do
  file="datasets/bench/$name.csv"
  rows=$(( $(wc -l < "$file") - 1 ))
  scan_t=(); scan_m=(); prof_t=(); prof_m=()
  for ((i = 0; i < runs; i++)); do
    read -r t m < <(measure target/bench/scan "$file"); scan_t+=("$t"); scan_m+=("$m")
    read -r t m < <(measure env PRODML_JAVA_OPTS=-Xmx256m ./prodml profile "$file" --out target/bench/profile)
    prof_t+=("$t"); prof_m+=("$m")
  done
  st=$(printf '%s\n' "${scan_t[@]}" | median); sm=$(printf '%s\n' "${scan_m[@]}" | median)
  pt=$(printf '%s\n' "${prof_t[@]}" | median); pm=$(printf '%s\n' "${prof_m[@]}" | median)
  awk -v n="$name" -v r="$rows" -v st="$st" -v sm="$sm" -v pt="$pt" -v pm="$pm" 'BEGIN {
    printf "%-12s %9d %8.2f %12.0f %10.1f %10.2f %14.0f %10.1f %6.2fx\n", n, r, st, r/st, sm/1024, pt, r/pt, pm/1024, pt/st }'
done
echo "(median of $runs runs each, alternating; profile = ./prodml profile as a user runs it, whole process, with -Xmx256m; load: $(cut -d' ' -f1-3 /proc/loadavg))"
