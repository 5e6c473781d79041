#!/usr/bin/env bash
# Builds the Debian package and tries it as a user of a fresh Debian 12
# would: a clean bookworm root made with debootstrap, the .deb installed
# there with apt (so its dependencies come from Debian's archive, as
# dpkg-shlibdeps named them), both programs started from it as an ordinary
# user, then the package removed again.
#
#   sudo packaging/test-deb-in-chroot.sh [--fresh-root]
#
# Needs root (debootstrap, chroot, mount), the packages debootstrap, dpkg-dev,
# cmake and ninja-build, and Debian's mirror. The clean root is made once and
# kept in .cache/debian12-minbase (--fresh-root makes it again); each run
# works on a copy of it. Not part of the test suite: it takes minutes.
#   TAD_DEB_BUILD_DIR  the build folder for the package (default build-deb)
#   TAD_DEBIAN_MIRROR  default http://deb.debian.org/debian
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${TAD_DEB_BUILD_DIR:-$ROOT/build-deb}"
MIRROR="${TAD_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
PRISTINE="$ROOT/.cache/debian12-minbase"
USER_NAME=tester

step() { printf '\n==> %s\n' "$*"; }
die() {
    echo "test-deb-in-chroot.sh: $*" >&2
    exit 1
}

[ "$(id -u)" -eq 0 ] || die "needs root for debootstrap, mount and chroot; run it with sudo."
for tool in debootstrap dpkg-shlibdeps cmake ninja cpack chroot strings; do
    command -v "$tool" >/dev/null ||
        die "$tool is missing; install it with: apt-get install debootstrap dpkg-dev cmake ninja-build binutils"
done
fresh=0
[ "${1:-}" = --fresh-root ] && fresh=1

step "1. Build the package (-O2, stripped, prefix /usr), TAD_BUILD_TESTS=OFF, Qt6Test made unfindable"
LAUNCHER=()
if command -v ccache >/dev/null 2>&1; then
    LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}"
fi
# Qt6Test is installed here; disabling it makes any find_package of it fail,
# so a configure that succeeds shows that nothing asked for it.
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
      -DTAD_BUILD_TESTS=OFF -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Test=ON "${LAUNCHER[@]}" \
      >"$BUILD.configure.log" 2>&1 || { cat "$BUILD.configure.log" >&2; die "configuring failed"; }
rm -f "$BUILD.configure.log"
# The control: with the tests on, the same switch must make configuring fail.
control="$(mktemp -d)"
if cmake -S "$ROOT" -B "$control" -G Ninja -DTAD_BUILD_TESTS=ON \
         -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Test=ON >/dev/null 2>&1; then
    rm -rf "$control"
    die "configuring with the tests on did not need Qt6Test, so the check above proves nothing"
fi
rm -rf "$control"
echo "configured without Qt6Test (and, as a control, configuring with the tests on fails without it)"
cmake --build "$BUILD" --parallel "$(nproc)" | tail -n 1
rm -f "$BUILD"/tad-settings_*.deb
(cd "$BUILD" && cpack -G DEB | grep -v '^CPack: - ')
deb="$(ls "$BUILD"/tad-settings_*.deb)"
dpkg-deb --field "$deb" Package Version Architecture Installed-Size Depends Suggests
echo "files: $(dpkg-deb --contents "$deb" | grep -vc '/$')"
dpkg-deb --contents "$deb" | awk '$6 !~ /\/$/ {print "  " $6}'
if command -v lintian >/dev/null 2>&1; then
    echo "lintian (for information; this package is not meant for Debian's archive):"
    lintian --tag-display-limit 0 "$deb" 2>&1 | grep -v 'running with root privileges' | sed 's/^/  /' || true
fi

step "2. A clean Debian 12 (bookworm, minbase) from $MIRROR"
if [ "$fresh" = 1 ] || [ ! -f "$PRISTINE/.tad-complete" ]; then
    rm -rf "$PRISTINE" "$PRISTINE.partial"
    mkdir -p "$(dirname "$PRISTINE")"
    debootstrap --variant=minbase bookworm "$PRISTINE.partial" "$MIRROR" >"$ROOT/.cache/debootstrap.log" 2>&1 ||
        { tail -n 20 "$ROOT/.cache/debootstrap.log" >&2; die "debootstrap failed (log: $ROOT/.cache/debootstrap.log)"; }
    mv "$PRISTINE.partial" "$PRISTINE"
    touch "$PRISTINE/.tad-complete"
    echo "made $PRISTINE"
else
    echo "using $PRISTINE (made $(date -r "$PRISTINE/.tad-complete" '+%F %T'); --fresh-root makes it again)"
fi
TARGET="$(mktemp -d /var/tmp/tad-deb-root.XXXXXX)"
cleanup() {
    for mount in "$TARGET/dev/pts" "$TARGET/dev" "$TARGET/proc"; do
        mountpoint -q "$mount" && umount "$mount"
    done
    rm -rf "$TARGET"
}
trap cleanup EXIT
cp -a "$PRISTINE/." "$TARGET/"
rm -f "$TARGET/.tad-complete"
mount -t proc proc "$TARGET/proc"
mount --bind /dev "$TARGET/dev"
mount --bind /dev/pts "$TARGET/dev/pts"
cp /etc/resolv.conf "$TARGET/etc/resolv.conf"
cp "$deb" "$TARGET/tmp/"
in_root() { chroot "$TARGET" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }
as_user() { chroot --userspec="$USER_NAME:$USER_NAME" "$TARGET" env -i PATH=/usr/bin:/bin HOME="/home/$USER_NAME" LANG=C.UTF-8 "$@"; }
echo "Debian $(cat "$TARGET/etc/debian_version"), $(in_root dpkg-query -W | wc -l) packages; tad-settings: $(in_root dpkg-query -W tad-settings 2>&1 | head -1)"
in_root useradd --create-home --shell /bin/bash "$USER_NAME"

step "3. apt-get install ./$(basename "$deb")"
in_root apt-get update -qq
before="$(in_root dpkg-query -W | wc -l)"
in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" >"$TARGET/tmp/apt.log" 2>&1 ||
    { tail -n 30 "$TARGET/tmp/apt.log" >&2; die "apt-get could not install the package"; }
echo "apt installed $(( $(in_root dpkg-query -W | wc -l) - before )) packages; the Qt ones among them:" \
     "$(in_root dpkg-query -W -f '${Package} ' 'libqt6*')"
echo "tad-settings $(in_root dpkg-query -W -f '${Version}' tad-settings), its files:"
in_root dpkg -L tad-settings | while read -r file; do
    [ -f "$TARGET$file" ] && echo "  $file"
done

# The files the programs and pages name are where the package put them.
# (QStringLiteral keeps it as UTF-16, hence strings -el.)
licence="$(strings -el "$TARGET/usr/bin/tad-settings" | grep -o '/[^ ]*/LICENSE' | head -n 1)"
[ -f "$TARGET$licence" ] || die "the About box names $licence, which the package did not install"
echo "the About box names $licence: installed"
zcat "$TARGET/usr/share/man/man1/tad-settings.1.gz" | grep -q '/usr/share/doc/tad-settings' ||
    die "tad-settings(1) does not name /usr/share/doc/tad-settings"

step "4. The CLI, as user $USER_NAME"
as_user tad-settings-cli --version
as_user mkdir -p /tmp/t
as_user tad-settings-cli --config /tmp/t/tad-config.json set settings.fontSize 18
echo "get settings.fontSize -> $(as_user tad-settings-cli --config /tmp/t/tad-config.json get settings.fontSize)"
[ "$(as_user tad-settings-cli --config /tmp/t/tad-config.json get settings.fontSize)" = 18 ] || die "set/get did not round-trip"
as_user tad-settings-cli --config /tmp/t/tad-config.json set user.name Ada
echo "get user -> $(as_user tad-settings-cli --config /tmp/t/tad-config.json get user)"
status=0
as_user tad-settings-cli --config /tmp/t/tad-config.json set settings.fontSize 400 || status=$?
echo "set settings.fontSize 400 -> exit $status (2: refused by the schema)"
[ "$status" -eq 2 ] || die "an out-of-range value was not refused"
echo "backups: $(as_user tad-settings-cli --config /tmp/t/tad-config.json backup list | wc -l), history entries: $(as_user tad-settings-cli --config /tmp/t/tad-config.json history list | wc -l)"

step "5. The window, as user $USER_NAME"
echo "--version with no display: $(as_user tad-settings --version)"
as_user tad-settings --help | head -n 4
status=0
as_user tad-settings 2>"$TARGET/tmp/nodisplay.txt" || status=$?
echo "no display, no --version -> exit $status: $(cat "$TARGET/tmp/nodisplay.txt")"
[ "$status" -eq 1 ] || die "the window without a display did not exit 1"

demo="/home/$USER_NAME/.local/share/tad-settings/tad-settings/demo"
run_window() { # run_window LABEL COMMAND...: the window for 5 s; still running then = it opened and did not crash
    local label="$1" status=0
    shift
    as_user "$@" >"$TARGET/tmp/window.txt" 2>&1 || status=$?
    echo "$label: exit $status after 5 s (124: still running when stopped)"
    sed 's/^/  | /' "$TARGET/tmp/window.txt"
    [ "$status" -eq 124 ] || die "the window ($label) ended early or crashed (status $status)"
}
run_window "QT_QPA_PLATFORM=offscreen" env QT_QPA_PLATFORM=offscreen timeout 5 tad-settings
[ -f "$TARGET$demo/tad-config.json" ] || die "the window made no demo copy at $demo"
echo "demo copy: $demo/tad-config.json ($(stat -c %s "$TARGET$demo/tad-config.json") bytes); beside it: $(ls "$TARGET$demo" | tr '\n' ' ')"
ls "$TARGET$demo/backups" | grep -q '^backup-' || die "the window took no start-up backup of the demo copy"
echo "start-up backup: $(ls "$TARGET$demo/backups" | grep -v meta)"

echo "Now on X11 (xcb) under Xvfb: apt-get install xvfb xauth"
in_root apt-get install -y -q --no-install-recommends xvfb xauth >"$TARGET/tmp/apt-xvfb.log" 2>&1 ||
    { tail -n 20 "$TARGET/tmp/apt-xvfb.log" >&2; die "xvfb could not be installed"; }
run_window "xvfb-run (xcb)" xvfb-run -a timeout 5 tad-settings
[ -d "$TARGET/home/$USER_NAME/.config/TAD" ] && die "the window made ~/.config/TAD, the Electron app's folder"
echo "nothing was made in ~/.config/TAD, the Electron app's folder"

step "6. apt-get remove tad-settings"
in_root apt-get remove -y -q tad-settings >/dev/null 2>&1
[ ! -e "$TARGET/usr/bin/tad-settings" ] && [ ! -e "$TARGET/usr/bin/tad-settings-cli" ] ||
    die "the programs are still there after removal"
echo "removed; /usr/bin/tad-settings and /usr/bin/tad-settings-cli are gone"

step "All done: $(basename "$deb") installs on a clean Debian 12 with apt and both programs run from it"
