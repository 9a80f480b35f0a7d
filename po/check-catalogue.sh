#!/bin/sh
# Usage: check-catalogue.sh MSGFMT FILE.po
# Fails if msgfmt finds an error, or if any entry is untranslated or fuzzy.
set -u
msgfmt="$1"
po="$2"
stats=$(LC_ALL=C "$msgfmt" -c --check-format --statistics -o /dev/null "$po" 2>&1) || {
  printf '%s\n' "$stats" >&2
  echo "FAIL: msgfmt -c rejected $po" >&2
  exit 1
}
printf '%s: %s\n' "$po" "$stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "FAIL: $po has untranslated or fuzzy entries" >&2
    exit 1
    ;;
esac
exit 0
