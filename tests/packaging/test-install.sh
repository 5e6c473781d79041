#!/usr/bin/env bash
# Installs the build as a package would (prefix /usr, into a staging
# DESTDIR), checks what lands there with the real validators
# (desktop-file-validate, appstreamcli), renders both man pages with groff's
# warnings on, and runs the installed programs: the CLI on a real file, the
# window's --help and --version with no display at all.
# Usage: test-install.sh BUILD_DIR   (TAD_VERSION, TAD_APP_ID, TAD_SOURCE_DIR from ctest)
set -euo pipefail
BUILD="$1"
: "${TAD_VERSION:?}" "${TAD_APP_ID:?}" "${TAD_SOURCE_DIR:?}"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
# Runs a check; its output, if any, counts as a failure too (validators that
# only warn still exit 0).
quiet() {
    local what="$1" out status=0
    shift
    out="$("$@" 2>&1)" || status=$?
    if [ "$status" -ne 0 ] || [ -n "$out" ]; then
        fail "$what (status $status):"
        printf '%s\n' "$out" | sed 's/^/    /' >&2
    else
        pass "$what"
    fi
}

for tool in desktop-file-validate appstreamcli groff man; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing; scripts/setup.sh installs it" >&2; exit 1; }
done

DESTDIR="$STAGE" cmake --install "$BUILD" --prefix /usr >"$STAGE.log" 2>&1 ||
    { cat "$STAGE.log" >&2; rm -f "$STAGE.log"; echo "FAIL: cmake --install" >&2; exit 1; }
rm -f "$STAGE.log"
usr="$STAGE/usr"

# Everything in its place.
expected=(
    bin/tad-settings bin/tad-settings-cli
    "share/applications/$TAD_APP_ID.desktop" "share/metainfo/$TAD_APP_ID.metainfo.xml"
    "share/icons/hicolor/scalable/apps/$TAD_APP_ID.svg"
    share/man/man1/tad-settings.1.gz share/man/man1/tad-settings-cli.1.gz
    share/bash-completion/completions/tad-settings-cli
    share/zsh/vendor-completions/_tad-settings-cli
    share/fish/vendor_completions.d/tad-settings-cli.fish
    share/doc/tad-settings/LICENSE share/doc/tad-settings/README.md
    share/doc/tad-settings/CHANGELOG.md share/doc/tad-settings/copyright
)
for size in 16 24 32 48 64 128 256 512; do
    expected+=("share/icons/hicolor/${size}x$size/apps/$TAD_APP_ID.png")
done
for file in "${expected[@]}"; do
    [ -f "$usr/$file" ] || fail "not installed: /usr/$file"
done
pass "${#expected[@]} files installed"

# Each PNG is as large as its folder says (width and height from the IHDR chunk).
for png in "$usr"/share/icons/hicolor/*x*/apps/"$TAD_APP_ID.png"; do
    size="$(basename "$(dirname "$(dirname "$png")")")"
    read -r w h < <(od -An -tu1 -j16 -N8 "$png" |
                        awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [ "${w}x$h" = "$size" ] || fail "$png is ${w}x$h, not $size"
done
pass "icon sizes match their folders"

# The desktop entry and the metainfo, with the real validators.
desktop="$usr/share/applications/$TAD_APP_ID.desktop"
metainfo="$usr/share/metainfo/$TAD_APP_ID.metainfo.xml"
quiet "desktop-file-validate $TAD_APP_ID.desktop" desktop-file-validate "$desktop"
# appstreamcli always prints a verdict; errors, warnings and infos are lines
# "E: ...", "W: ...", "I: ..." (pedantic notes "P:" are shown, not failed).
status=0
out="$(appstreamcli validate --no-net --pedantic --no-color "$metainfo" 2>&1)" || status=$?
printf '%s\n' "$out" | sed 's/^/    /'
if [ "$status" -ne 0 ] || grep -qE '^[EWI]: ' <<<"$out"; then
    fail "appstreamcli validate --no-net $TAD_APP_ID.metainfo.xml (status $status)"
else
    pass "appstreamcli validate --no-net $TAD_APP_ID.metainfo.xml"
fi
grep -qx "Icon=$TAD_APP_ID" "$desktop" || fail "the desktop entry's Icon is not $TAD_APP_ID"
grep -q "<release version=\"$TAD_VERSION\"" "$metainfo" || fail "the metainfo has no release $TAD_VERSION"
grep -q "<launchable type=\"desktop-id\">$TAD_APP_ID.desktop</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $TAD_APP_ID.desktop"
shots=0
while read -r shot; do
    shots=$((shots + 1))
    [ -f "$TAD_SOURCE_DIR/docs/screenshots/$shot" ] || fail "the metainfo shows $shot, which is not in docs/screenshots"
done < <(sed -n 's|.*<image>.*/docs/screenshots/\([^<]*\)</image>.*|\1|p' "$metainfo")
[ "$shots" -gt 0 ] && pass "$shots metainfo screenshots are in docs/screenshots" || fail "no screenshots in the metainfo"

# Both man pages: groff with every warning on must say nothing, and man renders them.
for page in tad-settings tad-settings-cli; do
    gz="$usr/share/man/man1/$page.1.gz"
    quiet "groff -man -ww $page.1" sh -c "zcat '$gz' | groff -man -Tutf8 -ww -z"
    text="$(MANWIDTH=80 man -l "$gz" 2>&1)" || fail "man -l $page.1.gz"
    grep -q "TAD Settings $TAD_VERSION" <<<"$text" || fail "$page.1 does not carry version $TAD_VERSION"
    grep -q '@[A-Z_]\+@' <<<"$text" && fail "$page.1 has a placeholder left: $(grep -o '@[A-Z_]\+@' <<<"$text" | head -1)"
done
pass "man pages render"

# The installed CLI, on a real file.
cli="$usr/bin/tad-settings-cli"
[ "$("$cli" --version)" = "tad-settings-cli $TAD_VERSION" ] || fail "tad-settings-cli --version: $("$cli" --version)"
config="$STAGE/home/tad-config.json"
mkdir -p "$(dirname "$config")"
"$cli" --config "$config" set settings.fontSize 16 || fail "installed tad-settings-cli set"
[ "$("$cli" --config "$config" get settings.fontSize)" = 16 ] || fail "installed tad-settings-cli get"
pass "installed tad-settings-cli runs: $("$cli" --version)"

# The installed window, with no display at all.
window=(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$STAGE/home"
        XDG_CONFIG_HOME="$STAGE/home/.config" XDG_DATA_HOME="$STAGE/home/.local/share"
        "$usr/bin/tad-settings")
out="$("${window[@]}" --version 2>&1)" || fail "tad-settings --version without a display: $out"
[ "$out" = "tad-settings $TAD_VERSION" ] || fail "tad-settings --version printed: $out"
out="$("${window[@]}" --help 2>&1)" || fail "tad-settings --help without a display: $out"
grep -q -- "--config <FILE>" <<<"$out" || fail "tad-settings --help does not list --config: $out"
status=0
out="$("${window[@]}" 2>&1)" || status=$?
[ "$status" -eq 1 ] && grep -q "xvfb-run" <<<"$out" ||
    fail "tad-settings with no display should say so and exit 1; status $status: $out"
status=0
out="$("${window[@]}" --no-such-option 2>&1)" || status=$?
[ "$status" -eq 1 ] && grep -q "no-such-option" <<<"$out" ||
    fail "tad-settings --no-such-option should name it and exit 1; status $status: $out"
pass "installed tad-settings without a display: --version, --help, a clear refusal"

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all install checks passed"
