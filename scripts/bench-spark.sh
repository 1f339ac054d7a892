#!/usr/bin/env bash
# Spark benchmark: on the same file, side by side in one run, alternating: the streaming profile
# (./prodml profile) and the Spark profile on local[2] (./prodml profile --engine spark: the job in
# its own JVM, each partition building the profiler's sketches, merged as bytes). Whole processes:
# wall time and peak memory (the largest process), median of the runs, and the Spark/streaming
# ratio. Deequ is not in it: no Deequ build for Spark 4 (Scala 2.13) is served by the Maven
# repository this project reaches (see README, Benchmarks).
#   scripts/bench-spark.sh [RUNS] [FILE…]   (default 1 run on flights-3m and flights-30m)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-1}"
shift || true
cd "$home"
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  [ -f datasets/bench/flights-30m.csv ] || scripts/bench-data.sh
  files=(datasets/bench/flights-3m.csv datasets/bench/flights-30m.csv)
fi

./prodml --version >/dev/null                       # builds the jars when needed
mkdir -p target/bench

measure() { # prints "seconds peakKB" of one run of the command
  local stats
  stats=$(mktemp)
  /usr/bin/time -o "$stats" -f "%e %M" "$@" >target/bench/last.log 2>&1 || { tail -5 target/bench/last.log >&2; return 1; }
  tail -n 1 "$stats"
  rm -f "$stats"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-14s %10s %11s %9s %10s %9s %15s\n' file rows "stream s" "stream MB" \
  "spark s" "spark MB" "spark/stream"
for file in "${files[@]}"; do
  rows=$(( $(wc -l < "$file") - 1 ))
  st=(); sm=(); kt=(); km=()
  for ((i = 0; i < runs; i++)); do
    read -r t m < <(measure ./prodml profile "$file" --out target/bench/profile); st+=("$t"); sm+=("$m")
    read -r t m < <(measure ./prodml profile "$file" --engine spark --master 'local[2]' --out target/bench/profile-spark)
    kt+=("$t"); km+=("$m")
  done
  a=$(printf '%s\n' "${st[@]}" | median); b=$(printf '%s\n' "${sm[@]}" | median)
  c=$(printf '%s\n' "${kt[@]}" | median); d=$(printf '%s\n' "${km[@]}" | median)
  awk -v n="$(basename "$file" .csv)" -v r="$rows" -v a="$a" -v b="$b" -v c="$c" -v d="$d" 'BEGIN {
    printf "%-14s %10d %11.1f %9.0f %10.1f %9.0f %14.2fx\n", n, r, a, b/1024, c, d/1024, c/a }'
done
echo "(median of $runs run(s) each, alternating; whole processes; Spark 4.1.3 local[2]; load: $(cut -d' ' -f1-3 /proc/loadavg))"
