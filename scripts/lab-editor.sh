#!/usr/bin/env bash
# Bundles the lab's code editor (src/main/lab/editor.js and the CodeMirror 6 packages pinned in
# src/main/lab/package.json) into one minified file the jar serves:
# src/main/resources/org/prodml/lab/static/editor.js. The bundle is committed, so building and
# running the lab needs no Node.js; run this (needs node and npm) only after changing the editor.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../src/main/lab"
npm install --no-audit --no-fund --silent
out=../resources/org/prodml/lab/static/editor.js
{
  echo "/* ProdML Lab editor: src/main/lab/editor.js bundled by scripts/lab-editor.sh with"
  node -e 'const p=require("./package.json");for(const [n,v] of Object.entries(p.dependencies))console.log(" * "+n+" "+v+" (MIT)")'
  echo " * and their dependencies (MIT). */"
  node_modules/@esbuild/linux-x64/bin/esbuild editor.js --bundle --minify --format=esm \
    --legal-comments=none --target=es2020
} > "$out.tmp"
mv "$out.tmp" "$out"
wc -c "$out"
