/* tdm-article-segment.h: find the title and the body of a saved web page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char  *title;    /* the headline, or NULL */
  char  *body;     /* the article's paragraphs joined by "\n\n"; "" if none */
  GStrv  header;   /* short lines between the title and the body
                    * (dateline, source, byline), in order */
} TdmArticleSegments;

/* Folds every run of white space inside a line (U+00A0 included) to one
 * space and trims the line; keeps line breaks; drops invalid UTF-8. */
char               *tdm_article_normalize       (const char         *text);

/* Keeps the article body and its title; drops page furniture (tickers,
 * share buttons, comment boxes, related news), what follows the body
 * (other articles) and repeated paragraphs. */
TdmArticleSegments *tdm_article_segment         (const char         *text);
void                tdm_article_segments_free   (TdmArticleSegments *segments);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmArticleSegments, tdm_article_segments_free)

G_END_DECLS
