/* tdm-test-util.h: helpers the tests of every area share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "tdm-store.h"

G_BEGIN_DECLS

TdmStore *tdm_test_open_memory_store (void);
void      tdm_test_exec_sql          (TdmStore           *store,
                                      const char         *sql);
gint64    tdm_test_db_query_int      (sqlite3            *db,
                                      const char         *sql);
gint64    tdm_test_query_int         (TdmStore           *store,
                                      const char         *sql);
char     *tdm_test_checksum_rows     (sqlite3            *db,
                                      const char * const *queries,
                                      guint               n_queries);
char     *tdm_test_list_ids          (GListModel         *model,
                                      const gint64       *ids,
                                      guint               n_ids);
char     *tdm_test_file_sha256       (const char         *path);
void      tdm_test_remove_dir        (const char         *dir);
int       tdm_test_run_cli_valist    (const char         *database,
                                      char              **out,
                                      char              **err,
                                      const char         *first,
                                      va_list             args);
int       tdm_test_run_cli           (const char         *database,
                                      char              **out,
                                      char              **err,
                                      const char         *first,
                                      ...) G_GNUC_NULL_TERMINATED;

/* Poppler's tools on a PDF: FALSE (and the test skipped with a message,
 * or failed under CI=true) when pdfinfo/pdftotext are not installed. */
gboolean  tdm_test_have_poppler      (void);
/* The "Pages:" line of pdfinfo. */
guint     tdm_test_pdf_page_count    (const char         *path);
/* pdftotext -layout of page PAGE (1-based; 0: every page), UTF-8. */
char     *tdm_test_pdf_text          (const char         *path,
                                      guint               page);
/* How many times NEEDLE occurs in HAYSTACK. */
guint     tdm_test_count_substrings  (const char         *haystack,
                                      const char         *needle);

G_END_DECLS
