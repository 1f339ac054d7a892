#!/usr/bin/env bash
# Scaling benchmark: how `./prodml audit` grows with the number of columns and of rows. For each
# file it prints the audit's wall time, peak memory (RSS of the whole process) and the size of the
# audit.html it wrote, beside the compiled C scan of the same file (bench/scan.c: split fields, keep
# count/min/max/mean/missing), run alternately in the same run.
#   wide:    columns {10, 100, 1000, 5000} x rows {2,000, 100,000}: seeded files from
#            scripts/bench-wide.mjs, audited with --label label and a 2,000-row serving file of the
#            same width (another seed, every 100th column drifted), so the comparisons run too
#   flights: rows {200k, 1M, 3M, 30M} at flights' 5 columns (scripts/bench-data.sh), audited with
#            --label delay --time date
# The "ms/col" column is the marginal cost of a column: the extra time over the 10-column file with
# the same rows, divided by the extra columns. Generated files go to datasets/bench/ (git-ignored).
#
#   scripts/bench-scale.sh [RUNS] [SET...]    RUNS default 1; SET: wide, flights, or a file name
#                                             (wide-1000x2000, flights-3m); default: all
# Environment: BENCH_TIMEOUT seconds per audit (default 900; a run past it prints "timeout"),
#              PRODML_JAVA_OPTS as for ./prodml (default: none, the JVM's own heap sizing).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
runs=1
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  runs="$1"
  shift
fi
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(wide flights)
timeout_s="${BENCH_TIMEOUT:-900}"

wide_columns=(10 100 1000 5000)
wide_rows=(2000 100000)
serving_rows=2000
names=()
for want in "${sets[@]}"; do
  case "$want" in
    wide)
      for r in "${wide_rows[@]}"; do for c in "${wide_columns[@]}"; do names+=("wide-${c}x${r}"); done; done ;;
    flights) names+=(flights-200k flights-1m flights-3m flights-30m) ;;
    wide-*x* | flights-*) names+=("$want") ;;
    *) echo "bench-scale.sh: unknown set '$want' (wide, flights, wide-CxR, flights-N)" >&2; exit 2 ;;
  esac
done

mkdir -p datasets/bench target/bench/scale
./prodml --version >/dev/null # builds target/prodml.jar when needed
gcc -O2 -o target/bench/scan bench/scan.c

wide_file() { # columns rows seed [-serving] -> path, generated when missing
  local f="datasets/bench/wide-$1x$2${4:-}.csv" drift=()
  [ -z "${4:-}" ] || drift=(--drift)
  [ -f "$f" ] || node scripts/bench-wide.mjs --columns "$1" --rows "$2" --seed "$3" "${drift[@]}" --out "$f"
  echo "$f"
}

measure() { # prints "seconds peakKB exit" of one run of the command
  local stats code=0
  stats=$(mktemp)
  /usr/bin/time -o "$stats" -f "%e %M" timeout "$timeout_s" "$@" >/dev/null 2>"$stats.err" || code=$?
  echo "$(tail -n 1 "$stats") $code"
  rm -f "$stats" "$stats.err"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A audit_s # by "rows": the 10-column time, for the marginal cost per column
printf '%-20s %7s %10s %9s %8s %9s %8s %10s %9s  %s\n' file columns rows "file MB" "scan s" "audit s" "ms/col" \
  "peak MB" "html KB" "audit/scan"
for name in "${names[@]}"; do
  args=()
  if [[ "$name" == wide-* ]]; then
    dims="${name#wide-}"
    cols="${dims%x*}"
    rows="${dims#*x}"
    file=$(wide_file "$cols" "$rows" 15)
    serving=$(wide_file "$cols" "$serving_rows" 16 -serving)
    args=(--train "$file" --serving "$serving" --label label)
  else
    file="datasets/bench/$name.csv"
    [ -f "$file" ] || scripts/bench-data.sh >/dev/null
    cols=5
    rows=$(( $(wc -l < "$file") - 1 ))
    args=(--train "$file" --label delay --time date)
  fi
  out="target/bench/scale/$name"
  scan_t=(); audit_t=(); audit_m=(); codes=()
  for ((i = 0; i < runs; i++)); do
    read -r t _ _ < <(measure target/bench/scan "$file"); scan_t+=("$t")
    rm -rf "$out"
    read -r t m code < <(measure ./prodml audit "${args[@]}" --out "$out")
    audit_t+=("$t"); audit_m+=("$m"); codes+=("$code")
  done
  st=$(printf '%s\n' "${scan_t[@]}" | median)
  at=$(printf '%s\n' "${audit_t[@]}" | median)
  am=$(printf '%s\n' "${audit_m[@]}" | median)
  code="${codes[0]}"
  html=$( [ -f "$out/audit.html" ] && stat -c %s "$out/audit.html" || echo 0)
  note=""
  if [ "$code" = 124 ]; then
    note="timeout after ${timeout_s} s"
  elif [ "$code" != 0 ] && [ "$code" != 1 ]; then
    note="failed (exit $code)"
  fi
  percol="-"
  if [[ "$name" == wide-* ]]; then
    if [ "$cols" = 10 ]; then
      audit_s[$rows]="$at"
    elif [ -n "${audit_s[$rows]:-}" ] && [ -z "$note" ]; then
      percol=$(awk -v a="$at" -v b="${audit_s[$rows]}" -v c="$cols" 'BEGIN { printf "%.2f", (a - b) * 1000 / (c - 10) }')
    fi
  fi
  awk -v n="$name" -v c="$cols" -v r="$rows" -v mb="$(stat -c %s "$file")" -v st="$st" -v at="$at" -v pc="$percol" \
    -v am="$am" -v h="$html" -v note="$note" 'BEGIN {
    printf "%-20s %7d %10d %9.1f %8.2f %9.2f %8s %10.0f %9.0f  %s\n", n, c, r, mb / 1048576, st, at, pc, am / 1024, h / 1024,
      note != "" ? note : sprintf("%.1fx", at / st) }'
done
echo "(median of $runs run(s) each, scan and audit alternating; audit = ./prodml audit, whole process; load: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores)"
