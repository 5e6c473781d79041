#!/usr/bin/env bash
# Runs the product benchmark (tests/bench/product/bench_product.cpp): the
# time, fsyncs and bytes of a `set` through `tad-settings-cli batch` and
# through the window, beside conf 15 and the disk's floor, and a one-shot
# `get`, at 2 KB, 100 KB, 1 MB and 10 MB. Prints a table; never fails on a
# figure. Needs a build (scripts/build.sh), node with tests/interop's
# node_modules (scripts/setup.sh); the fsyncs and bytes are the processes' own
# counts (TAD_IO_COUNTERS).
# Arguments go to bench_product, e.g. --sizes 2k,1m --sets 40.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TAD_BUILD_DIR:-$ROOT/build}"
cmake --build "$BUILD" --target bench_product bench_floor tad-settings-cli >/dev/null
exec "$BUILD/tests/bench/product/bench_product" "$@"
