#!/usr/bin/env bash
# Packs the built tree into one release artifact:
#   release/plenary-<version>-<platform>-<arch>-node<abi>.tar.gz  (+ .sha256)
# holding the built server with its production dependencies only (pnpm deploy --prod;
# better-sqlite3's native binding as compiled here), the built client, a launcher and a
# README. It runs with plain `node` (the same major version: the binding is built for ABI
# <abi>) on a machine with no pnpm, no compiler and no internet.
#
# `pnpm release` builds first, then runs this. Alone, it packs what `pnpm build` left.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# If better-sqlite3 has to be built again (a cold pnpm store), node-gyp needs Node's headers.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"

for built in shared/dist/index.js server/dist/main.js client/dist/index.html; do
  [ -f "$built" ] || { echo "release: $built is missing; run \`pnpm build\` first (or \`pnpm release\`)." >&2; exit 1; }
done

version=$(node -p 'require("./package.json").version')
node_major=$(node -p 'process.versions.node.split(".")[0]')
abi=$(node -p 'process.versions.modules')
target=$(node -p '`${process.platform}-${process.arch}`')
name="plenary-${version}-${target}-node${abi}"
out="$root/release"
stage="$out/$name"
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit+changes"; fi

rm -rf "$stage" "$out/$name.tar.gz" "$out/$name.tar.gz.sha256"
mkdir -p "$stage"

# The server and its production dependencies (@plenary/shared is copied in, built).
pnpm --filter @plenary/server deploy --prod --prefer-offline "$stage/server" >"$out/deploy.log" 2>&1 \
  || { cat "$out/deploy.log" >&2; echo "release: pnpm deploy failed" >&2; exit 1; }
rm -f "$out/deploy.log"

# What a running server does not need: sources (the source maps keep their names and
# lines), tests, tool configs, the intermediate objects of the native build.
( cd "$stage/server"
  rm -rf src test tsconfig*.json vitest.config.ts pnpm-workspace.yaml
  for shared in node_modules/.pnpm/@plenary+shared@*/node_modules/@plenary/shared; do
    rm -rf "$shared/src" "$shared"/tsconfig*.json "$shared/vitest.config.ts"
    find "$shared/dist" -name '*.tsbuildinfo' -delete
  done
  for sqlite in node_modules/.pnpm/better-sqlite3@*/node_modules/better-sqlite3; do
    [ -f "$sqlite/build/Release/better_sqlite3.node" ] \
      || { echo "release: $sqlite has no compiled binding (build/Release/better_sqlite3.node)" >&2; exit 1; }
    find "$sqlite/build" -mindepth 1 -maxdepth 1 ! -name Release -exec rm -rf {} +
    find "$sqlite/build/Release" -mindepth 1 -maxdepth 1 ! -name better_sqlite3.node -exec rm -rf {} +
    rm -rf "$sqlite/deps" "$sqlite/src" "$sqlite/binding.gyp"
  done
)

# Every link must stay inside the release (pnpm's layout is relative links).
bad_links=$(find "$stage" -type l -exec sh -c 'top=$1; shift; for l; do t=$(readlink -f "$l") && case "$t" in "$top"/*) ;; *) echo "$l -> $(readlink "$l")";; esac; done' sh "$stage" {} + | head -5)
[ -z "$bad_links" ] || { echo "release: links that leave the release:" >&2; echo "$bad_links" >&2; exit 1; }

# The web app: the server serves ../../client/dist from server/dist (its default CLIENT_DIR).
mkdir -p "$stage/client"
cp -R client/dist "$stage/client/dist"
find "$stage/client/dist" -name '*.tsbuildinfo' -delete

cp LICENSE CHANGELOG.md "$stage/"
mkdir -p "$stage/bin" "$stage/deploy"
cp docs/deploy/plenary.service docs/deploy/plenary.sysusers docs/deploy/nginx.conf "$stage/deploy/"

cat >"$stage/bin/plenary" <<LAUNCHER
#!/bin/sh
# Plenary ${version} launcher. Runs the server with plain Node.js ${node_major} (no pnpm, no compiler).
#   bin/plenary                                 start the server
#   bin/plenary facilitator-link [workshopId]   print a new facilitator link (the old one stops working)
# Configuration is by environment variables: see README.md beside bin/.
# Only shell built-ins and node are used, so PATH needs nothing but node (or set NODE).
set -eu
if [ -n "\${PLENARY_HOME:-}" ]; then home=\$PLENARY_HOME; else
  case "\$0" in */*) bin=\${0%/*} ;; *) bin=. ;; esac
  home=\$(cd "\$bin/.." && pwd)
fi
: "\${DATA_DIR:=\$home/data}"
# The server's hints name the command that started it (bin/plenary facilitator-link, not pnpm).
PLENARY_LAUNCHER=\$0
export DATA_DIR PLENARY_LAUNCHER
node=\${NODE:-node}
case "\${1:-start}" in
  start) [ \$# -gt 0 ] && shift; exec "\$node" --enable-source-maps "\$home/server/dist/main.js" "\$@" ;;
  facilitator-link) shift; exec "\$node" --enable-source-maps "\$home/server/dist/cli/facilitatorLink.js" "\$@" ;;
  *) echo "usage: \$0 [start | facilitator-link [workshopId]]" >&2; exit 2 ;;
esac
LAUNCHER
chmod 0755 "$stage/bin/plenary"

sed -e "s/@VERSION@/${version}/g" -e "s/@NAME@/${name}/g" -e "s/@NODE_MAJOR@/${node_major}/g" -e "s/@ABI@/${abi}/g" \
  scripts/release-README.md >"$stage/README.md"

# The newest C library symbols the native bindings use: the oldest system they load on.
needs=$(find "$stage/server/node_modules/.pnpm" -name '*.node' -exec objdump -T {} + 2>/dev/null \
  | grep -o 'GLIBC_[0-9.]*\|GLIBCXX_[0-9.]*' | sort -u -V | awk -F_ '{ v[$1] = $0 } END { printf "%s %s", v["GLIBC"], v["GLIBCXX"] }' || true)
node -e '
const [name, version, abi, target, commit] = process.argv.slice(1);
const [glibc = null, glibcxx = null] = (process.argv[7] || "").split(" ").filter(Boolean);
const fs = require("node:fs");
const store = process.argv[6] + "/server/node_modules/.pnpm";
const native = fs.readdirSync(store, { withFileTypes: true }).filter((d) => d.isDirectory())
  .map((d) => d.name).filter((d) => fs.readdirSync(store + "/" + d, { recursive: true }).some((f) => String(f).endsWith(".node")));
fs.writeFileSync(process.argv[6] + "/release.json", JSON.stringify({
  name, version, commit, platform: target, node: process.versions.node, nodeAbi: Number(abi),
  builtOnGlibc: process.report.getReport().header.glibcVersionRuntime ?? null,
  nativeBindingsNeed: { glibc, libstdcxx: glibcxx }, nativeModules: native,
  builtAt: new Date().toISOString(),
}, null, 2) + "\n");
' "$name" "$version" "$abi" "$target" "$commit" "$stage" "$needs"

# One archive; ownership and order do not depend on who packed it where.
mtime=$(git log -1 --format=%ct 2>/dev/null || date +%s)
tar -C "$out" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" -cf - "$name" | gzip -n >"$out/$name.tar.gz"
( cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256" )
rm -rf "$stage"
echo "$name.tar.gz" >"$out/LATEST"
size=$(du -h "$out/$name.tar.gz" | cut -f1)
echo "release: $out/$name.tar.gz ($size)"
