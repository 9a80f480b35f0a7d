/* tdm-store-private.h: helpers shared by the files of src/lib/store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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

G_END_DECLS
