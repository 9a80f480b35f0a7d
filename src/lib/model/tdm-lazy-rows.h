/* tdm-lazy-rows.h: the mechanism shared by TdmCooperativeList and
 * TdmPartnerList. Private to src/lib/model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "tdm-store.h"

G_BEGIN_DECLS

/* What a list tells the helper about its rows. */
typedef struct {
  /* The table written by the store ("cooperative"): the helper re-runs
   * its queries on TdmStore::changed::TABLE. */
  const char *table;
  /* The FTS5 trigram table over TABLE.search_text, or NULL when there is
   * none (then every search scans search_text). */
  const char *fts_table;
  /* One row for one id: "SELECT <columns> ... WHERE <id> = ?1". */
  const char *item_sql;
  GType       item_type;
  void      (*update_from_row) (gpointer      item,
                                sqlite3_stmt *stmt,
                                int           first);
} TdmLazyRowsInfo;

/* Returns the statement of part PART (from 0) of the ordered ids
 * (column 0) of the rows that pass the list's filters, in its sort order,
 * bound and ready to step. The parts are read one after the other and put
 * end to end; NULL without ERROR set ends them, NULL with ERROR set is a
 * failure. */
typedef sqlite3_stmt *(*TdmLazyRowsOrderFunc) (gpointer   owner,
                                               guint      part,
                                               GError   **error);

typedef struct _TdmLazyRows TdmLazyRows;

/* MODEL is the GListModel that emits items-changed (the owner). */
TdmLazyRows *tdm_lazy_rows_new            (GListModel            *model,
                                           TdmStore              *store,
                                           const TdmLazyRowsInfo *info,
                                           TdmLazyRowsOrderFunc   order_func);
void         tdm_lazy_rows_free           (TdmLazyRows           *self);

guint        tdm_lazy_rows_get_n_items    (TdmLazyRows           *self);
gpointer     tdm_lazy_rows_get_item       (TdmLazyRows           *self,
                                           guint                  position);
gint         tdm_lazy_rows_find           (TdmLazyRows           *self,
                                           gint64                 id);

/* Folds TEXT and, when it differs from the current search, re-runs it.
 * Returns TRUE when the search changed. */
gboolean     tdm_lazy_rows_set_search     (TdmLazyRows           *self,
                                           const char            *text);
/* Re-runs the order query (filters or sort changed). */
void         tdm_lazy_rows_reload_order   (TdmLazyRows           *self);

G_END_DECLS
