/* tdm-article-extractor.h: read the facts of an ESS event out of an
 * article's text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tdm-article.h"

G_BEGIN_DECLS

#define TDM_TYPE_ARTICLE_EXTRACTOR (tdm_article_extractor_get_type ())

G_DECLARE_FINAL_TYPE (TdmArticleExtractor, tdm_article_extractor, TDM, ARTICLE_EXTRACTOR, GObject)

TdmArticleExtractor *tdm_article_extractor_new                    (void);

/* Organizations the user already knows (partners in the database, or
 * accepted in an earlier article): recognized wherever they are written,
 * with or without a lead word such as جمعية or Association. */
void                 tdm_article_extractor_add_known_organization (TdmArticleExtractor *self,
                                                                   const char          *name);

/* Reads TEXT (UTF-8, as read from a file: page furniture included).
 * PUBLISHED_ON (YYYY-MM-DD or NULL) resolves relative dates such as
 * "24 فبراير الجاري"; without it they stay partial (--02-24). Never
 * fails: an article about nothing known gives empty fields. */
TdmArticle          *tdm_article_extractor_extract                (TdmArticleExtractor *self,
                                                                   const char          *text,
                                                                   const char          *published_on);

G_END_DECLS
