#!/usr/bin/env bash
# Regenerates the committed teaching datasets under datasets/ from the npm package
# vega-datasets@3.2.1. Runnable from any directory; idempotent (unchanged files are
# not rewritten, and two runs give byte-identical output).
#
#   scripts/datasets.sh
#
# Needs node (>= 18.3; tested with 20) and npm with access to the npm registry. The package is fetched
# with `npm pack` into a temporary directory, never into the repository. To use an
# already unpacked copy instead, set VEGA_DATASETS_DIR=/path/to/package.
set -euo pipefail

PACKAGE="vega-datasets@3.2.1"
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/.." && pwd)"

command -v node >/dev/null || { echo "datasets.sh: node is required" >&2; exit 1; }

if [[ -n "${VEGA_DATASETS_DIR:-}" ]]; then
  src="$(cd "${VEGA_DATASETS_DIR}" && pwd)"
  echo "Using unpacked package in ${src}"
else
  command -v npm >/dev/null || { echo "datasets.sh: npm is required" >&2; exit 1; }
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/prodml-datasets.XXXXXX")"
  trap 'rm -rf "${tmp}"' EXIT
  echo "Fetching ${PACKAGE} with npm pack into ${tmp}"
  tarball="$(cd "${tmp}" && npm pack --silent "${PACKAGE}" | tail -n 1)"
  tar -xzf "${tmp}/${tarball}" -C "${tmp}"
  src="${tmp}/package"
fi

node "${script_dir}/datasets.mjs" --src "${src}" --out "${repo_root}/datasets"
