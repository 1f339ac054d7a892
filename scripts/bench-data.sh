#!/usr/bin/env bash
# Produces the large benchmark CSV files in datasets/bench/ (git-ignored):
#   flights-200k.csv, flights-1m.csv, flights-3m.csv
# from flights-3m.parquet of the npm package vega-datasets@3.2.1, and flights-30m.csv
# (flights-3m.csv's rows ten times over, one header: a file far past any in-memory limit).
#
#   scripts/bench-data.sh [--force]
#
# Runnable from any directory and idempotent: files that already exist and are complete
# are kept unless --force is given. Downloads go to a cache directory outside the
# repository, ${XDG_CACHE_HOME:-$HOME/.cache}/prodml:
#   node-bench/                  npm packages hyparquet + hyparquet-compressors (pure JS)
#   vega-datasets-3.2.1/         flights-3m.parquet and datapackage.json from `npm pack`
# Needs node (>= 18.3; tested with 20) and npm with access to the npm registry.
set -euo pipefail

PACKAGE="vega-datasets@3.2.1"
DEPS=("hyparquet@1.33.0" "hyparquet-compressors@1.1.2")

force=()
for arg in "$@"; do
  case "${arg}" in
    --force) force=(--force) ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-data.sh: unknown argument ${arg} (use --force or --help)" >&2; exit 2 ;;
  esac
done

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/.." && pwd)"
cache="${XDG_CACHE_HOME:-${HOME}/.cache}/prodml"
deps_dir="${cache}/node-bench"
pkg_dir="${cache}/vega-datasets-3.2.1"
out_dir="${repo_root}/datasets/bench"

command -v node >/dev/null || { echo "bench-data.sh: node is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "bench-data.sh: npm is required" >&2; exit 1; }
case "${cache}/" in
  "${repo_root}/"*) echo "bench-data.sh: cache dir ${cache} must be outside the repository" >&2; exit 1 ;;
esac

# 1. Parquet reader (pinned versions), installed once into the cache.
installed_ok() {
  local spec name version
  for spec in "${DEPS[@]}"; do
    name="${spec%@*}"; version="${spec##*@}"
    [[ -f "${deps_dir}/node_modules/${name}/package.json" ]] || return 1
    [[ "$(node -p "require('${deps_dir}/node_modules/${name}/package.json').version")" == "${version}" ]] || return 1
  done
}
if ! installed_ok; then
  echo "Installing ${DEPS[*]} into ${deps_dir}"
  mkdir -p "${deps_dir}"
  [[ -f "${deps_dir}/package.json" ]] || echo '{"name":"prodml-bench-deps","private":true}' > "${deps_dir}/package.json"
  npm install --prefix "${deps_dir}" --no-audit --no-fund --loglevel=error "${DEPS[@]}"
fi

# 2. The parquet file, fetched once with npm pack into a temporary dir, kept in the cache.
if [[ ! -f "${pkg_dir}/flights-3m.parquet" || ! -f "${pkg_dir}/datapackage.json" ]]; then
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/prodml-bench.XXXXXX")"
  trap 'rm -rf "${tmp}"' EXIT
  echo "Fetching ${PACKAGE} with npm pack into ${tmp}"
  tarball="$(cd "${tmp}" && npm pack --silent "${PACKAGE}" | tail -n 1)"
  tar -xzf "${tmp}/${tarball}" -C "${tmp}" package/data/flights-3m.parquet package/datapackage.json
  mkdir -p "${pkg_dir}"
  mv "${tmp}/package/datapackage.json" "${pkg_dir}/datapackage.json.tmp"
  mv "${tmp}/package/data/flights-3m.parquet" "${pkg_dir}/flights-3m.parquet.tmp"
  mv "${pkg_dir}/datapackage.json.tmp" "${pkg_dir}/datapackage.json"
  mv "${pkg_dir}/flights-3m.parquet.tmp" "${pkg_dir}/flights-3m.parquet"
fi

# 3. Convert (the Node script verifies the parquet hash against datapackage.json).
node "${script_dir}/bench-data.mjs" \
  --parquet "${pkg_dir}/flights-3m.parquet" \
  --datapackage "${pkg_dir}/datapackage.json" \
  --deps "${deps_dir}" \
  --out "${out_dir}" \
  "${force[@]+"${force[@]}"}"

# 4. flights-30m.csv: the 3M rows ten times, written to a temporary name and renamed when complete.
three="${out_dir}/flights-3m.csv"
thirty="${out_dir}/flights-30m.csv"
header_bytes=$(head -n 1 "${three}" | wc -c)
want=$(( header_bytes + 10 * ($(stat -c %s "${three}") - header_bytes) ))
if [[ ${#force[@]} -gt 0 || ! -f "${thirty}" || $(stat -c %s "${thirty}") -ne ${want} ]]; then
  tmp30="${out_dir}/.flights-30m.csv.$$.tmp"
  {
    cat "${three}"
    for _ in 2 3 4 5 6 7 8 9 10; do tail -n +2 "${three}"; done
  } > "${tmp30}"
  mv "${tmp30}" "${thirty}"
  echo "written  ${thirty}  30,000,000 rows  $(stat -c %s "${thirty}") bytes"
else
  echo "kept     ${thirty}"
fi
