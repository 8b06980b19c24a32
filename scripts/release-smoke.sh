#!/usr/bin/env bash
# CI check of the release (`pnpm test:release`, part of `pnpm test`, after `pnpm build`):
# packs the built tree into the artifact (scripts/release.sh), checks the systemd unit with
# systemd-analyze, then e2e/scripts/releaseSmoke.ts unpacks the artifact into an empty
# folder, starts it with plain node (PATH: node only) in a network namespace of its own
# (loopback only: no internet, no registry) and checks health, a join, a board edit, a
# restart and that no dev dependency is inside. Fails, never skips.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$(date +%s)

command -v systemd-analyze >/dev/null || { echo "release-smoke: systemd-analyze is missing (Debian package systemd); it checks docs/deploy/plenary.service" >&2; exit 1; }
# Unknown keys, bad values or a missing ExecStart binary are reported on stderr: any output fails.
verify=$(systemd-analyze verify docs/deploy/plenary.service 2>&1) || { echo "$verify" >&2; exit 1; }
[ -z "$verify" ] || { echo "release-smoke: systemd-analyze verify docs/deploy/plenary.service:" >&2; echo "$verify" >&2; exit 1; }
echo "release-smoke: docs/deploy/plenary.service verified ($(systemd-analyze security --offline=yes docs/deploy/plenary.service 2>/dev/null | grep -o 'Overall exposure level.*' || echo 'no exposure score'))"

bash scripts/release.sh
artifact="$root/release/$(cat release/LATEST)"
# unshare (util-linux) with iproute2's ip: a namespace with nothing but loopback. -r maps the
# user to root inside, so this needs no privileges where user namespaces are allowed.
for tool in unshare ip; do
  command -v "$tool" >/dev/null || { echo "release-smoke: $tool is missing (Debian packages util-linux, iproute2)" >&2; exit 1; }
done
unshare --map-root-user --net -- sh -c 'ip link set lo up && exec pnpm --filter @plenary/e2e exec tsx scripts/releaseSmoke.ts "$1"' sh "$artifact"
echo "release-smoke: passed in $(( $(date +%s) - started )) s"
