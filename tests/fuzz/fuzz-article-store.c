/* fuzz-article-store.c: libFuzzer target for importing an article into a
 * database and applying all its facts: tdm_store_import_article_data(),
 * then every fact accepted (the first byte chooses which are rejected)
 * and tdm_store_apply_article(). Whatever the input, the store either
 * says why it refuses or writes records that keep the schema's rules.
 *
 * Build and run: see README.md in this folder (build.sh).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdm-articles.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static TdmStore *store;
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GError) error = NULL;
  TdmArticleApplyReport report;
  TdmArticleImportResult result;
  guint8 reject_mask = size > 0 ? data[0] : 0;
  gint64 id = 0;
  sqlite3_stmt *stmt;

  if (store == NULL)
    store = tdm_store_open (":memory:", NULL);
  g_assert_nonnull (store);

  if (!tdm_store_import_article_data (store, (const char *) data, size,
                                      size > 1 && (data[1] & 1) ? "page.html" : "article.txt",
                                      &result, &id, NULL, &error))
    {
      g_assert_nonnull (error);
      return 0;
    }

  facts = tdm_store_list_article_facts (store, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < facts->len; i++)
    {
      TdmStoredFact *fact = g_ptr_array_index (facts, i);
      gboolean ok = (reject_mask >> (i % 8)) & 1 ? tdm_store_reject_fact (store, fact->id, &error)
                                                 : tdm_store_accept_fact (store, fact->id, &error);

      g_assert_no_error (error);
      g_assert_true (ok);
    }

  /* May refuse (nothing accepted, a partner name the registry refuses,
   * dates out of order): then with a message and nothing written. */
  if (!tdm_store_apply_article (store, id, &report, &error))
    g_assert_nonnull (error);
  g_clear_error (&error);

  /* The database stays small and consistent: start afresh every input. */
  stmt = tdm_store_prepare (store, "PRAGMA foreign_key_check", NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  g_assert_true (sqlite3_exec (tdm_store_get_db (store),
                               "DELETE FROM article; DELETE FROM fair_partner; DELETE FROM fair; "
                               "DELETE FROM partner;", NULL, NULL, NULL) == SQLITE_OK);
  return 0;
}
