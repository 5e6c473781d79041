#!/usr/bin/env bash
# Sets everything up, builds, and runs every test suite with ctest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TAD_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
ctest --test-dir "$BUILD" --output-on-failure --timeout 600 -j "$(nproc)" "$@"
