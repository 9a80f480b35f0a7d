/* tdm-article-view.h: one article under review: its text with every fact
 * highlighted in a colour per kind, and the facts panel to accept, reject
 * or correct them and apply them to the records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_ARTICLE_VIEW (tdm_article_view_get_type ())
G_DECLARE_FINAL_TYPE (TdmArticleView, tdm_article_view, TDM, ARTICLE_VIEW, AdwBin)

/* Properties "store" (TdmStore) and "article-id" (gint64, 0 for none).
 * Actions: view.accept and view.reject (the selected fact, then select
 * the next one; Ctrl+Return and Ctrl+Delete), view.accept-all and
 * view.apply (Ctrl+S). */
GtkWidget     *tdm_article_view_new             (void);
void           tdm_article_view_set_store       (TdmArticleView *self,
                                                 TdmStore       *store);
void           tdm_article_view_set_article_id  (TdmArticleView *self,
                                                 gint64          article_id);
gint64         tdm_article_view_get_article_id  (TdmArticleView *self);
/* The title of the article shown, or NULL. */
const char    *tdm_article_view_get_title       (TdmArticleView *self);

/* For the UI tests: the widgets a user works with. */
GtkListBox    *tdm_article_view_get_facts_list  (TdmArticleView *self);
GtkTextView   *tdm_article_view_get_text_view   (TdmArticleView *self);

G_END_DECLS
