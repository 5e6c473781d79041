#!/usr/bin/env bash
# Renders the committed PNG icons from the SVGs (needs rsvg-convert, Debian
# package librsvg2-bin). Run it after changing either SVG and commit the
# result; the build only copies the PNGs, so it needs no SVG renderer.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v rsvg-convert >/dev/null 2>&1; then
    echo "render-pngs.sh: rsvg-convert is missing; install it with: sudo apt-get install librsvg2-bin" >&2
    exit 1
fi
mkdir -p "$HERE/png"
for size in 16 24 32 48 64 128 256 512; do
    # 16 px has its own drawing on the pixel grid; the others scale the main one.
    source="$HERE/tad-settings.svg"
    [ "$size" -eq 16 ] && source="$HERE/tad-settings-16.svg"
    rsvg-convert --width "$size" --height "$size" "$source" -o "$HERE/png/tad-settings-$size.png"
done
echo "rendered: $(ls "$HERE/png" | tr '\n' ' ')"
