/* tdm-article-item.h: one article in the Articles list (a GObject over a
 * TdmStoredArticle, for GtkColumnView).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tdm-articles.h"

G_BEGIN_DECLS

#define TDM_TYPE_ARTICLE_ITEM (tdm_article_item_get_type ())
G_DECLARE_FINAL_TYPE (TdmArticleItem, tdm_article_item, TDM, ARTICLE_ITEM, GObject)

/* Read-only string properties, in the UI language: "title", "source"
 * (the source, else the file name), "date" (publication, else import
 * date), "language", "event", "review-state". */
TdmArticleItem         *tdm_article_item_new          (const TdmStoredArticle *article);
gint64                  tdm_article_item_get_id       (TdmArticleItem         *self);
const TdmStoredArticle *tdm_article_item_get_article  (TdmArticleItem         *self);

/* The translated name of an event type (fair, meeting, study_day ...). */
const char             *tdm_event_type_label          (const char             *event_type);

G_END_DECLS
