/* tdm-article-page.h: the Articles section: the list of imported press
 * articles, import (files, drop, paste) and the review of one article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_ARTICLE_PAGE (tdm_article_page_get_type ())
G_DECLARE_FINAL_TYPE (TdmArticlePage, tdm_article_page, TDM, ARTICLE_PAGE, AdwBin)

/* Property "store" (TdmStore, may be NULL), as every page of the window.
 * Actions: articles.import (Ctrl+Shift+O, a file chooser), articles.paste
 * (Ctrl+V outside text fields: the clipboard's text as an article),
 * articles.back (Alt+Left, from an article to the list). */
TdmStore   *tdm_article_page_get_store     (TdmArticlePage *self);
void        tdm_article_page_set_store     (TdmArticlePage *self,
                                            TdmStore       *store);
/* The articles listed (TdmArticleItem), newest first. */
GListModel *tdm_article_page_get_model     (TdmArticlePage *self);

/* Imports FILES (GFile) or TEXT, reports in a toast, and opens the last
 * article imported. Return the number of files that failed. */
guint       tdm_article_page_import_files  (TdmArticlePage *self,
                                            GListModel     *files);
gboolean    tdm_article_page_import_text   (TdmArticlePage *self,
                                            const char     *text);

/* Shows the review of ARTICLE_ID (0: back to the list). */
void        tdm_article_page_open_article  (TdmArticlePage *self,
                                            gint64          article_id);
GtkWidget  *tdm_article_page_get_view      (TdmArticlePage *self);

G_END_DECLS
