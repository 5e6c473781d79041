#!/usr/bin/env bash
# Every translation is complete and up to date with the sources: lupdate,
# run over the window's sources into a copy of each .ts file, finds no new
# text and says no warning, and lrelease leaves nothing unfinished.
# Usage: check-translations.sh LUPDATE LRELEASE SOURCE_DIR
set -euo pipefail
LUPDATE="$1"
LRELEASE="$2"
SRC="$3"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

shopt -s nullglob
files=("$SRC"/ui/translations/*.ts)
[ "${#files[@]}" -ge 1 ] || fail "no translation in $SRC/ui/translations"
for ts in "${files[@]}"; do
    name="$(basename "$ts")"
    cp "$ts" "$WORK/$name"
    out="$("$LUPDATE" "$SRC/ui" -I "$SRC/ui" -I "$SRC/core" -ts "$WORK/$name" \
        -no-obsolete -locations none 2>&1)"
    grep -qiE "warning|error|ignoring" <<<"$out" && fail "$name: lupdate says: $out"
    grep -qE "Found [0-9]+ source text\(s\) \(0 new and" <<<"$out" ||
        fail "$name: the sources have text the translation does not have yet: $out"
    grep -qE "Removed [0-9]+ obsolete" <<<"$out" &&
        fail "$name: it holds text the sources no longer have: $out"
    rel="$("$LRELEASE" "$WORK/$name" -qm "$WORK/${name%.ts}.qm" 2>&1)"
    grep -qE "\(([0-9]+) finished and 0 unfinished\)" <<<"$rel" ||
        fail "$name: not every text is translated: $rel"
    echo "$name: $(grep -oE '[0-9]+ finished' <<<"$rel")"
done
[ "$failures" -eq 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }
