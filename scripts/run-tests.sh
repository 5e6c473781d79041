#!/usr/bin/env bash
# Sets everything up, builds, and runs every test suite with ctest; then
# runs the core suites again in an AddressSanitizer + UBSan build, where bad
# input must not crash either.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TAD_BUILD_DIR:-$ROOT/build}"
ASAN_BUILD="${TAD_ASAN_BUILD_DIR:-$ROOT/build-asan}"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
status=0
ctest --test-dir "$BUILD" --output-on-failure --timeout 600 -j "$(nproc)" "$@" || status=$?

if [ "${TAD_SKIP_SANITIZERS:-0}" != 1 ]; then
    echo "==> Core suites under AddressSanitizer + UndefinedBehaviorSanitizer"
    LAUNCHER=()
    if command -v ccache >/dev/null 2>&1; then
        LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
        export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}"
    fi
    cmake -S "$ROOT" -B "$ASAN_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DTAD_SANITIZE=ON \
          -DTAD_BUILD_BENCH=OFF "${LAUNCHER[@]}" >/dev/null
    SANITIZED_TESTS=(tst_cli tst_cli_schema tst_store tst_jsontext tst_keypath tst_keyoperations
                     tst_atomicfile tst_restore tst_rollback tst_historyrecorder tst_settingsfile)
    cmake --build "$ASAN_BUILD" --parallel "$(nproc)" --target tad-settings-cli "${SANITIZED_TESTS[@]}"
    regex="^($(IFS='|'; echo "${SANITIZED_TESTS[*]}"))\$"
    ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --test-dir "$ASAN_BUILD" --output-on-failure --timeout 900 -R "$regex" || status=$?
fi
exit $status
