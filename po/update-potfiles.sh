#!/bin/sh
# Regenerates po/POTFILES.in from the tree: every source, template and data
# file that holds a translatable string, sorted to keep diffs small.
# With --check, changes nothing and fails if POTFILES.in is out of date.
set -eu
cd "$(dirname "$0")/.."

list_files () {
  {
    grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|g_dpgettext2?|ngettext)[[:space:]]*\(' \
      --include='*.c' --include='*.h' src 2>/dev/null || true
    grep -rl 'translatable="yes"' --include='*.ui' ui src 2>/dev/null || true
    ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true
  } | LC_ALL=C sort -u
}

if [ "${1:-}" = "--check" ]; then
  if ! list_files | diff -u po/POTFILES.in - ; then
    echo "po/POTFILES.in is out of date: run po/update-potfiles.sh" >&2
    exit 1
  fi
  exit 0
fi
list_files > po/POTFILES.in
