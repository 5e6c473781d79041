#!/usr/bin/env bash
# Sets everything up, builds, and starts the TAD Settings window on your
# tad-config.json (--config FILE, $TAD_CONFIG, or ~/.config/TAD/tad-config.json);
# where none exists it opens a copy of the bundled demo config and says so.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TAD_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: starting the window under Xvfb (a virtual screen)." >&2
    exec xvfb-run -a "$BUILD/app/gui/tad-settings" "$@"
fi
exec "$BUILD/app/gui/tad-settings" "$@"
