/* tdm-store-private.h: helpers shared by the files of src/lib/store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-articles.h"
#include "tdm-store.h"

G_BEGIN_DECLS

/* Runs SQL without parameters (schema scripts, PRAGMAs, BEGIN/COMMIT). */
gboolean tdm_store_exec      (TdmStore      *self,
                              const char    *sql,
                              GError       **error);

/* Steps STMT once for a write, then resets it. On failure ERROR says why,
 * prefixed by WHAT ("saving the cooperative"). */
gboolean tdm_store_step_done (TdmStore      *self,
                              sqlite3_stmt  *stmt,
                              const char    *what,
                              GError       **error);

/* A copy of TEXT without surrounding white space, NULL when nothing is
 * left: the database keeps NULL, never "", for a value not given. */
char    *tdm_store_dup_trimmed       (const char    *text);

/* Binds TEXT, or NULL when it is NULL or "". */
void     tdm_store_bind_text         (sqlite3_stmt  *stmt,
                                      int            index,
                                      const char    *text);

/* Binds tdm_store_dup_trimmed() of TEXT. */
void     tdm_store_bind_text_trimmed (sqlite3_stmt  *stmt,
                                      int            index,
                                      const char    *text);

/* Binds ID, or NULL when it is not a row id (0 or less). */
void     tdm_store_bind_id           (sqlite3_stmt  *stmt,
                                      int            index,
                                      gint64         id);

/* A copy of the text of COLUMN of the current row, NULL for NULL. */
char    *tdm_store_column_dup        (sqlite3_stmt  *stmt,
                                      int            column);

/* The name of a place, sector or pole (table alias T) in the UI
 * language, the other one when missing: ?1 of the query says whether
 * the UI is Arabic (tdm_store_prepare_in_ui_language() binds it). */
#define TDM_STORE_NAME_IN_UI(t) \
  "CASE WHEN ?1 THEN coalesce(nullif(" t ".name_ar, ''), " t ".name_fr) " \
  "ELSE coalesce(nullif(" t ".name_fr, ''), " t ".name_ar) END"

/* tdm_store_prepare(), binding ?1, when SQL has it, to whether the UI
 * is Arabic. */
sqlite3_stmt *tdm_store_prepare_in_ui_language (TdmStore    *self,
                                                const char  *sql,
                                                GError     **error);

/* TRUE when fair FAIR_ID exists; else FALSE with ERROR: not found
 * ("There is no fair number …"), or why it could not be read. */
gboolean tdm_store_check_fair (TdmStore  *self,
                               gint64     fair_id,
                               GError   **error);

/* The columns tdm_store_article_from_row() reads, from "article a". */
#define TDM_STORE_ARTICLE_COLUMNS \
  "a.id, a.source, a.url, a.file_name, a.language, a.title, a.published_on, a.imported_at, " \
  "a.review_state, coalesce(a.fair_id, 0)"

/* A new TdmStoredArticle from the TDM_STORE_ARTICLE_COLUMNS of the
 * current row of STMT (its event type and fact count left unset). */
TdmStoredArticle *tdm_store_article_from_row (sqlite3_stmt *stmt);

G_END_DECLS
