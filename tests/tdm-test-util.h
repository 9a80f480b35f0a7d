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
/* A new database in memory with the demo registry of N_COOPERATIVES and
 * the demo fairs, both from SEED. */
TdmStore *tdm_test_open_demo_store   (guint               n_cooperatives,
                                      guint32             seed);
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

/* One run of tadamon-cli: its exit status and what it wrote. */
typedef struct {
  int   status;
  char *out;
  char *err;
} TdmTestRun;

void      tdm_test_run_clear         (TdmTestRun         *run);
/* Clears RUN, then runs tadamon-cli (on DATABASE unless NULL) with the
 * NULL-terminated arguments into it (FIRST NULL: no argument; hence no
 * G_GNUC_NULL_TERMINATED). */
void      tdm_test_cli               (TdmTestRun         *run,
                                      const char         *database,
                                      const char         *first,
                                      ...);

/* The locale of the environment and the build's catalogues
 * (TDM_LOCALEDIR, set to the build's when unset), as the reports use
 * them: call before g_test_init(). */
void      tdm_test_init_catalogues   (void);
/* MSGID (in CONTEXT unless NULL) as the catalogue of LANGUAGE
 * translates it. */
char     *tdm_test_translate         (const char         *language,
                                      const char         *context,
                                      const char         *msgid);

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
/* TEXT reduced to what survives pdftotext in both scripts, to compare
 * a PDF's text with what it should say (see the definition). */
char     *tdm_test_pdf_skeleton      (const char         *text);

G_END_DECLS
