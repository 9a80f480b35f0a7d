#!/bin/sh
# Regenerates po/POTFILES.in from the tree: every source, template and data
# file that holds a translatable string. Run from anywhere; sorted output
# keeps the diff small.
set -eu
cd "$(dirname "$0")/.."
{
  grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|g_dpgettext2?|ngettext)[[:space:]]*\(' \
    --include='*.c' --include='*.h' src 2>/dev/null || true
  grep -rl 'translatable="yes"' --include='*.ui' ui src 2>/dev/null || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true
} | LC_ALL=C sort -u > po/POTFILES.in
