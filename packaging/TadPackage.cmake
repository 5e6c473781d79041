# The Debian package: `cpack -G DEB` in the build folder, or
# packaging/test-deb-in-chroot.sh, which also installs it into a clean
# Debian 12 and starts both programs from it. Its dependencies are read from
# the binaries by dpkg-shlibdeps (Debian package dpkg-dev).
set(TAD_PACKAGE_MAINTAINER "The TAD Settings authors <tad-settings@users.noreply.github.com>"
    CACHE STRING "The Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tad-settings)
set(CPACK_PACKAGE_VENDOR "the TAD Settings authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "editor and inspector for the TAD app's settings")
# Lines of at most 80 columns, as Debian wants them.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "TAD Settings reads and writes tad-config.json, the settings file of the"
    "Electron app TAD, exactly as the app's electron-store does, and is safe to"
    "use while the app is running: it notices the app's writes and never writes"
    "over them."
    ""
    "The package has the window (tad-settings), with editors chosen from the"
    "app's JSON Schema, undo, search, backups and a history of changes, and the"
    "command line (tad-settings-cli) for scripts and terminals.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
# The package installs where the build says it will: the About box and the
# man pages name files under CMAKE_INSTALL_PREFIX. Configure a package's
# build with -DCMAKE_INSTALL_PREFIX=/usr.
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${TAD_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, xvfb")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
