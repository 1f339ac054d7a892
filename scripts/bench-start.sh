#!/usr/bin/env bash
# Start-up benchmark: whole processes, as a user runs them, side by side in one run (each round runs
# every command once, in turn, so load changes hit them alike). Prints per command the median wall
# time with min-max, the median CPU time (user + system) and the load average.
#   scripts/bench-start.sh [RUNS]     (default 5)
# Commands: a JVM that only starts and exits; ./prodml --version; the small weather audit; the same
# with --model forest; one course note run headless (its exercise checks grade); the interpreter
# opened with every rule ready (OpenBenchmark open, in-process figures too; with the launcher's
# class-data archive and C1, and as a plain JVM such as Zeppelin starts); the audit of
# flights-3m next to ./prodml profile of the same file (datasets/bench, made by
# scripts/bench-data.sh when missing). PRODML_CDS=off measures without the class-data archive.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
cd "$home"

[ -f datasets/bench/flights-3m.csv ] || scripts/bench-data.sh
./prodml --version >/dev/null # builds target/prodml.jar (and its class-data archive) when needed
[ -d target/test-classes/org/prodml/zeppelin ] || mvn -B -q -o test-compile
out="target/bench-start"
mkdir -p "$out"

spans=datasets/seattle-weather/spans
small=(audit --train "$spans/train-2012-2013.csv" --serving "$spans/serving-2015.csv"
  --label weather --time date --out "$out/audit")
forest=("${small[@]}" --test "$spans/test-2014.csv" --model forest)
note="notebooks/1 Static vs dynamic training"
cp_open="target/prodml.jar:target/lib-zeppelin/*:target/test-classes"
cds=()
if [ "${PRODML_CDS:-on}" != off ] && [ -f target/prodml.jsa ]; then
  cds=(-XX:SharedArchiveFile=target/prodml.jsa -Xlog:cds=off -Xlog:cds+dynamic=off)
fi

names=("JVM start and exit" "./prodml --version" "audit, weather spans" "audit, weather, --model forest"
  "run, note 1 (exercise checks)" "interpreter open, rules ready" "audit, flights-3m"
  "profile, flights-3m" "interpreter open, plain JVM")
commands=(
  "java -XX:+UseSerialGC -version"
  "./prodml --version"
  "./prodml ${small[*]@Q}"
  "./prodml ${forest[*]@Q}"
  "./prodml run --out $out/notes ${note@Q}"
  "java ${cds[*]+${cds[*]}} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dprodml.home=$home -cp '$cp_open' org.prodml.zeppelin.OpenBenchmark open"
  "./prodml audit --train datasets/bench/flights-3m.csv --label delay --time date --out $out/flights"
  "./prodml profile datasets/bench/flights-3m.csv --out $out/profile"
  "java -Dprodml.home=$home -cp '$cp_open' org.prodml.zeppelin.OpenBenchmark open"
)

declare -A wall cpu
opened=()
loads=("$(cut -d' ' -f1 /proc/loadavg)")
for ((r = 0; r < runs; r++)); do
  for i in "${!commands[@]}"; do
    stats=$(mktemp)
    # Exit 1 is an audit's CRITICAL verdict, or an unsolved exercise: measured all the same.
    /usr/bin/time -o "$stats" -f "%e %U %S" bash -c "${commands[$i]}" >"$out/last.out" 2>&1 || true
    read -r e u s < <(tail -n 1 "$stats")
    rm -f "$stats"
    wall[$i]+="$e "
    cpu[$i]+="$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }') "
    if [ "$i" = 5 ] || [ "$i" = 8 ]; then
      opened+=("${names[$i]}: $(grep -m1 '^open ' "$out/last.out" || echo '?')")
    fi
  done
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
done

stat() { # median (min-max) of the numbers given
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {
    m = (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2); printf "%6.2f s (%.2f-%.2f)", m, a[1], a[NR] }'
}
printf '%-34s %-24s %s\n' command "wall, median (min-max)" "cpu, median"
for i in "${!commands[@]}"; do
  # shellcheck disable=SC2086
  printf '%-34s %-24s %s\n' "${names[$i]}" "$(stat ${wall[$i]})" "$(stat ${cpu[$i]} | cut -d' ' -f1-2)"
done
echo "interpreter open, in-process ms (open, rules ready, since JVM start), per run:"
printf '  %s\n' "${opened[@]}"
# shellcheck disable=SC2086
echo "flights-3m audit / profile, ratio of medians: $(awk -v a="$(stat ${wall[6]} | awk '{print $1}')" \
  -v p="$(stat ${wall[7]} | awk '{print $1}')" 'BEGIN { printf "%.2f", a / p }')"
echo "($runs runs each, in turn; 1-minute load average at the start and after each round: ${loads[*]}; $(nproc) cores)"
