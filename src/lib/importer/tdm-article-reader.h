/* tdm-article-reader.h: a press article's file (text or HTML) to UTF-8
 * text that tdm_article_extractor_extract() reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TDM_ARTICLE_ERROR (tdm_article_error_quark ())

typedef enum {
  TDM_ARTICLE_ERROR_EMPTY,       /* nothing but white space */
  TDM_ARTICLE_ERROR_BINARY,      /* an image, a PDF, an archive, NUL bytes… */
  TDM_ARTICLE_ERROR_ENCODING,    /* text in no encoding we know */
  TDM_ARTICLE_ERROR_TOO_LARGE,   /* above TDM_ARTICLE_MAX_SIZE */
  TDM_ARTICLE_ERROR_NO_TEXT,     /* HTML whose body holds no text */
} TdmArticleError;

/* No press article comes near this; it keeps a wrong file out of memory. */
#define TDM_ARTICLE_MAX_SIZE (8 * 1024 * 1024)

GQuark  tdm_article_error_quark  (void);

/* Reads FILE: .txt in UTF-8 (with or without BOM), UTF-16 with BOM or
 * Windows-1256; .html/.htm (or text that starts like HTML) through
 * libxml2's HTML parser, keeping the title and the text of the page
 * without scripts, styles, navigation, headers, footers, asides and
 * forms. Returns UTF-8 text with one paragraph per line. */
char   *tdm_article_read_file    (GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* The same for DATA already in memory (a paste, a dropped buffer).
 * NAME, if not NULL, is the file name: its extension says HTML. */
char   *tdm_article_read_data    (const char    *data,
                                  gsize          length,
                                  const char    *name,
                                  GError       **error);

G_END_DECLS
