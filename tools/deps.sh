# Sourced by tools/quickstart and tools/run-tests: installs, on Debian 12,
# the packages Tadamon needs to build, test and run, if any is missing.

tadamon_packages="
  build-essential clang libclang-rt-14-dev meson ninja-build pkg-config
  gettext libglib2.0-bin python3 git
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev libxml2-dev
  libcsv-dev libxlsxwriter-dev
  desktop-file-utils appstream
  xvfb xauth dbus librsvg2-common adwaita-icon-theme hicolor-icon-theme
  shared-mime-info fonts-noto-core fonts-dejavu-core
  poppler-utils imagemagick sqlite3 time
"

tadamon_install_deps () {
  local missing="" p
  for p in $tadamon_packages; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
      missing="$missing $p"
    fi
  done
  [ -z "$missing" ] && return 0

  echo "Installing:$missing"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo="sudo"
    else
      echo "Missing packages:$missing; run this script as root to install them." >&2
      return 1
    fi
  fi
  $sudo apt-get update
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends $missing
}

# gettext ignores LANGUAGE (LANGUAGE=ar, LANGUAGE=fr) in the C locale, which
# is what a fresh machine or container has.
case "${LC_ALL:-${LC_MESSAGES:-${LANG:-C}}}" in
  C|POSIX) export LANG=C.UTF-8; unset LC_ALL ;;
esac
