#!/usr/bin/env bash
# Renders the action icons' PNGs (16 and 32 px) from their SVGs, with
# rsvg-convert (Debian package librsvg2-bin) or ImageMagick's convert. Run it
# after changing an SVG and commit the result: the build embeds the PNGs, so
# the window needs no SVG plugin. The icons are black on transparent; the
# window tints them with its palette's text colour.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/actions"
mkdir -p "$HERE/png"
for svg in "$HERE"/*.svg; do
    name="$(basename "$svg" .svg)"
    for size in 16 32; do
        out="$HERE/png/$name-$size.png"
        if command -v rsvg-convert >/dev/null 2>&1; then
            rsvg-convert --width "$size" --height "$size" "$svg" -o "$out"
        elif command -v convert >/dev/null 2>&1; then
            # Rendered large and scaled down; the alpha is steepened so that
            # the 1.5 px strokes stay solid at 16 px instead of a grey blur.
            convert -background none -density $((96 * size / 16 * 4)) "$svg" -resize "${size}x${size}" \
                -channel A -level 0%,70% +channel "$out"
        else
            echo "render-action-pngs.sh: install librsvg2-bin (rsvg-convert) or imagemagick" >&2
            exit 1
        fi
    done
done
echo "rendered: $(ls "$HERE/png" | tr '\n' ' ')"
