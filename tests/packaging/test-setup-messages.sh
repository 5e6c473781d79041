#!/usr/bin/env bash
# scripts/setup.sh in a fresh copy of the repository, with the npm registry
# unreachable (a closed port): each step that cannot finish must say what
# failed, show npm's own error and say what to do, and a run after the fix
# must go on from where the last one stopped.
#   1. The Node.js fetch is forced (TAD_SETUP_FETCH_NODE=1) and fails.
#   2. "The fix": a Node.js >= 20 where setup looks for its own. The next run
#      takes it, goes on to npm ci, and that fails with its own message.
# Debian packages are left alone (TAD_SETUP_SKIP_DEBIAN=1): a test installs nothing.
set -euo pipefail
: "${TAD_SOURCE_DIR:?}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect() { # expect WHAT TEXT OUTPUT
    grep -qF -- "$2" <<<"$3" || fail "$1: the output does not say \"$2\""
}

mkdir -p "$WORK/repo/scripts" "$WORK/repo/tests/interop"
cp "$TAD_SOURCE_DIR/scripts/setup.sh" "$WORK/repo/scripts/"
cp "$TAD_SOURCE_DIR/tests/interop/package.json" "$TAD_SOURCE_DIR/tests/interop/package-lock.json" \
   "$WORK/repo/tests/interop/"
offline=(env TAD_SETUP_SKIP_DEBIAN=1 npm_config_registry=http://127.0.0.1:9
         npm_config_cache="$WORK/npm-cache" npm_config_fetch_retries=0 npm_config_update_notifier=false)

status=0
out="$("${offline[@]}" TAD_SETUP_FETCH_NODE=1 "$WORK/repo/scripts/setup.sh" 2>&1)" || status=$?
[ "$status" -ne 0 ] || fail "node step: setup.sh succeeded with no registry"
expect "node step" "Fetching Node.js" "$out"
expect "node step" "npm could not fetch Node.js" "$out"
expect "node step" "ECONNREFUSED" "$out"        # npm's own error, not hidden
expect "node step" "https://nodejs.org/dist/v" "$out"
expect "node step" "npm config get registry" "$out"
expect "node step" "run scripts/setup.sh again" "$out"
[ -e "$WORK/repo/.cache/node/bin/node" ] && fail "node step: a node link was left after the failure"
echo "--- first run (status $status):"
sed 's/^/    /' <<<"$out"

node="$(command -v node || true)"
if [ -z "$node" ] || [ "$("$node" -e 'process.stdout.write(process.versions.node.split(".")[0])')" -lt 20 ]; then
    node="$TAD_SOURCE_DIR/.cache/node/bin/node"
fi
[ -x "$node" ] || { echo "FAIL: no Node.js >= 20 here to stand for the fix; run scripts/setup.sh" >&2; exit 1; }
mkdir -p "$WORK/repo/.cache/node/bin"
ln -s "$node" "$WORK/repo/.cache/node/bin/node"

status=0
out="$("${offline[@]}" "$WORK/repo/scripts/setup.sh" 2>&1)" || status=$?
[ "$status" -ne 0 ] || fail "npm ci step: setup.sh succeeded with no registry"
expect "re-run" "Node.js: $WORK/repo/.cache/node/bin/node" "$out"
grep -q "Fetching Node.js" <<<"$out" && fail "re-run: Node.js was fetched again"
expect "npm ci step" "npm ci could not install" "$out"
expect "npm ci step" "ECONNREFUSED" "$out"
expect "npm ci step" "tests/interop/package-lock.json" "$out"
[ -e "$WORK/repo/tests/interop/node_modules/.tad-lock-hash" ] && fail "npm ci step: marked done after failing"
echo "--- after the fix (status $status):"
sed 's/^/    /' <<<"$out"

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "ok: both failing steps say what failed, npm's error and what to do; the re-run goes on"
