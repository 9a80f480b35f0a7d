#!/bin/sh
# Builds the libFuzzer target fuzz-articles with clang and makes its seed
# corpus from the sample articles. Usage, from anywhere:
#   tests/fuzz/build.sh BUILDDIR [OUTDIR]
# BUILDDIR is a configured meson build directory (for config.h); OUTDIR
# (default BUILDDIR/fuzz) receives the binary and corpus/. Then:
#   nice -n 10 OUTDIR/fuzz-articles -max_total_time=600 -max_len=65536 \
#     -artifact_prefix=tests/fuzz/crashes/ OUTDIR/corpus
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?give a meson build directory}" && pwd)
out=${2:-$build/fuzz}
lib=$top/src/lib

mkdir -p "$out/corpus"
# shellcheck disable=SC2046
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$build" -I"$lib/text" -I"$lib/importer" \
  $(pkg-config --cflags glib-2.0 gobject-2.0 gio-2.0 libxml-2.0) \
  "$lib/text/tdm-fold.c" "$lib/text/tdm-validate.c" "$lib/text/tdm-gazetteer.c" \
  "$lib/text/tdm-article.c" "$lib/text/tdm-article-segment.c" \
  "$lib/text/tdm-article-extractor.c" "$lib/importer/tdm-article-reader.c" \
  "$top/tests/fuzz/fuzz-articles.c" -o "$out/fuzz-articles" \
  $(pkg-config --libs glib-2.0 gobject-2.0 gio-2.0 libxml-2.0)

# The store target: the same pipeline, then the database (import, review,
# apply). It needs the whole library and its generated resources.
# shellcheck disable=SC2046
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$build" -I"$build/src/lib" -I"$lib" -I"$lib/text" -I"$lib/importer" -I"$lib/store" \
  -I"$lib/model" -I"$lib/charts" -I"$lib/plan" \
  $(pkg-config --cflags glib-2.0 gobject-2.0 gio-2.0 libxml-2.0 sqlite3 json-glib-1.0 pangocairo) \
  "$lib"/text/*.c "$lib"/importer/*.c "$lib"/store/*.c "$lib"/model/*.c "$lib"/plan/tdm-plan-geometry.c \
  "$build/src/lib/tdm-lib-resources.c" \
  "$top/tests/fuzz/fuzz-article-store.c" -o "$out/fuzz-article-store" \
  $(pkg-config --libs glib-2.0 gobject-2.0 gio-2.0 libxml-2.0 sqlite3 json-glib-1.0 pangocairo) -lcsv -lm

cp "$top"/tests/data/articles/*.txt "$top"/tests/data/articles/*.html "$out/corpus/"
if [ -d "$top/../shared/fixtures/articles" ]; then
  cp "$top"/../shared/fixtures/articles/*.txt "$out/corpus/"
fi
echo "built $out/fuzz-articles and $out/fuzz-article-store, seed corpus in $out/corpus"
