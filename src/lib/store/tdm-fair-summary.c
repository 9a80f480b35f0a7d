/* tdm-fair-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tdm-articles.h"
#include "tdm-fair-summary.h"
#include "tdm-fold.h"
#include "tdm-store-private.h"

/* Steps STMT (FAIR_ID bound as ?1) to its one row; the caller reads it,
 * then resets STMT. */
static gboolean
step_row (TdmStore      *self,
          sqlite3_stmt  *stmt,
          gint64         fair_id,
          GError       **error)
{
  int rc;

  sqlite3_bind_int64 (stmt, 1, fair_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  sqlite3_reset (stmt);
  return tdm_store_set_error (self, error, rc, _("computing the fair’s figures"));
}

gboolean
tdm_store_get_fair_summary (TdmStore        *self,
                            gint64           fair_id,
                            TdmFairSummary  *summary,
                            GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  if (!tdm_store_check_fair (self, fair_id, error))
    return FALSE;

  stmt = tdm_store_prepare (self,
                            "SELECT count(*),"
                            " coalesce(sum(status IN ('accepted', 'confirmed')), 0),"
                            " coalesce(sum(status = 'applied'), 0),"
                            " coalesce(sum(status = 'waitlisted'), 0),"
                            " coalesce(sum(status = 'rejected'), 0),"
                            " coalesce(sum(status = 'withdrawn'), 0)"
                            " FROM exhibitor WHERE fair_id = ?1",
                            error);
  if (stmt == NULL || !step_row (self, stmt, fair_id, error))
    return FALSE;
  summary->applications = sqlite3_column_int64 (stmt, 0);
  summary->exhibitors = sqlite3_column_int64 (stmt, 1);
  summary->applied = sqlite3_column_int64 (stmt, 2);
  summary->waitlisted = sqlite3_column_int64 (stmt, 3);
  summary->rejected = sqlite3_column_int64 (stmt, 4);
  summary->withdrawn = sqlite3_column_int64 (stmt, 5);
  sqlite3_reset (stmt);

  /* Women-led: women are more than half of the members. A cooperative
   * that recorded no member says nothing either way. */
  stmt = tdm_store_prepare (self,
                            "SELECT count(*),"
                            " coalesce(sum(c.members > 0), 0),"
                            " coalesce(sum(c.members > 0 AND c.women * 2 > c.members), 0),"
                            " count(DISTINCT c.province_id),"
                            " count(DISTINCT p.region_id)"
                            " FROM exhibitor ex"
                            " JOIN cooperative c ON c.id = ex.cooperative_id"
                            " LEFT JOIN province p ON p.id = c.province_id"
                            " WHERE ex.fair_id = ?1 AND ex.status IN ('accepted', 'confirmed')",
                            error);
  if (stmt == NULL || !step_row (self, stmt, fair_id, error))
    return FALSE;
  summary->cooperatives = sqlite3_column_int64 (stmt, 0);
  summary->with_members = sqlite3_column_int64 (stmt, 1);
  summary->women_led = sqlite3_column_int64 (stmt, 2);
  summary->provinces = sqlite3_column_int64 (stmt, 3);
  summary->regions = sqlite3_column_int64 (stmt, 4);
  sqlite3_reset (stmt);

  stmt = tdm_store_prepare (self,
                            "SELECT count(visitors), coalesce(sum(visitors), 0),"
                            " count(sales), coalesce(sum(sales), 0)"
                            " FROM fair_day WHERE fair_id = ?1",
                            error);
  if (stmt == NULL || !step_row (self, stmt, fair_id, error))
    return FALSE;
  summary->visitor_days = sqlite3_column_int64 (stmt, 0);
  summary->visitors = sqlite3_column_int64 (stmt, 1);
  summary->sales_days = sqlite3_column_int64 (stmt, 2);
  summary->sales = sqlite3_column_double (stmt, 3);
  sqlite3_reset (stmt);

  return TRUE;
}

void
tdm_fair_summary_exhibitor_free (TdmFairSummaryExhibitor *exhibitor)
{
  if (exhibitor == NULL)
    return;
  g_free (exhibitor->stand_code);
  g_free (exhibitor->name);
  g_free (exhibitor->province);
  g_free (exhibitor->sector);
  g_free (exhibitor->status);
  g_free (exhibitor);
}

typedef struct {
  guint                    group;  /* rank of its group in SQL order */
  char                    *code_key;
  TdmFairSummaryExhibitor *exhibitor;
} SortEntry;

/* Within a group, stand codes in natural order ("A-9" before "A-10");
 * the sort is stable, so equal codes keep SQL's order by name. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *x = a;
  const SortEntry *y = b;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  return g_strcmp0 (x->code_key, y->code_key);
}

GPtrArray *
tdm_store_list_fair_summary_exhibitors (TdmStore  *self,
                                        gint64     fair_id,
                                        GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) entries = NULL;
  GPtrArray *result;
  sqlite3_stmt *stmt;
  gint64 last_pole = -1;
  int last_kind = -1;
  guint group = 0;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  if (!tdm_store_check_fair (self, fair_id, error))
    return NULL;

  /* ?2: the UI is in Arabic. Group order: stands of a pole (by the
   * pole's position), stands without pole, no stand. */
  stmt = tdm_store_prepare (self,
                            "SELECT CASE WHEN s.id IS NULL THEN 2 WHEN po.id IS NULL THEN 1 ELSE 0 END,"
                            " coalesce(po.id, 0), s.code,"
                            " CASE WHEN ?2"
                            "  THEN coalesce(nullif(c.name_ar, ''), nullif(c.name_fr, ''), ex.organization_name)"
                            "  ELSE coalesce(nullif(c.name_fr, ''), nullif(c.name_ar, ''), ex.organization_name) END"
                            " AS name,"
                            " CASE WHEN ?2 THEN p.name_ar ELSE p.name_fr END,"
                            " CASE WHEN ?2 THEN coalesce(nullif(se.name_ar, ''), se.name_fr)"
                            "  ELSE coalesce(nullif(se.name_fr, ''), se.name_ar) END,"
                            " ex.status"
                            " FROM exhibitor ex"
                            " LEFT JOIN stand s ON s.id = ex.stand_id"
                            " LEFT JOIN pole po ON po.id = s.pole_id"
                            " LEFT JOIN cooperative c ON c.id = ex.cooperative_id"
                            " LEFT JOIN province p ON p.id = c.province_id"
                            " LEFT JOIN sector se ON se.id = c.sector_id"
                            " WHERE ex.fair_id = ?1 AND ex.status IN ('accepted', 'confirmed')"
                            " ORDER BY 1, po.position, po.id, name COLLATE NOCASE, ex.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fair_id);
  sqlite3_bind_int (stmt, 2, tdm_locale_is_arabic ());

  entries = g_array_new (FALSE, FALSE, sizeof (SortEntry));
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_fair_summary_exhibitor_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdmFairSummaryExhibitor *exhibitor = g_new0 (TdmFairSummaryExhibitor, 1);
      int kind = sqlite3_column_int (stmt, 0);
      SortEntry entry;

      exhibitor->pole_id = sqlite3_column_int64 (stmt, 1);
      exhibitor->stand_code = tdm_store_column_dup (stmt, 2);
      exhibitor->name = tdm_store_column_dup (stmt, 3);
      exhibitor->province = tdm_store_column_dup (stmt, 4);
      exhibitor->sector = tdm_store_column_dup (stmt, 5);
      exhibitor->status = tdm_store_column_dup (stmt, 6);
      g_ptr_array_add (rows, exhibitor);

      if (kind != last_kind || exhibitor->pole_id != last_pole)
        group++;
      last_kind = kind;
      last_pole = exhibitor->pole_id;

      entry.group = group;
      entry.code_key = exhibitor->stand_code != NULL
                       ? g_utf8_collate_key_for_filename (exhibitor->stand_code, -1)
                       : NULL;
      entry.exhibitor = exhibitor;
      g_array_append_val (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < entries->len; i++)
        g_free (g_array_index (entries, SortEntry, i).code_key);
      tdm_store_set_error (self, error, rc, _("reading the exhibitors"));
      return NULL;
    }

  /* g_array_sort() is a stable merge sort (g_qsort_with_data). */
  g_array_sort (entries, compare_entries);

  result = g_ptr_array_new_full (entries->len, (GDestroyNotify) tdm_fair_summary_exhibitor_free);
  for (guint i = 0; i < entries->len; i++)
    {
      SortEntry *entry = &g_array_index (entries, SortEntry, i);

      g_ptr_array_add (result, entry->exhibitor);
      g_free (entry->code_key);
    }
  /* RESULT owns the rows now. */
  g_ptr_array_set_free_func (rows, NULL);
  return result;
}

GPtrArray *
tdm_store_list_fair_articles (TdmStore  *self,
                              gint64     fair_id,
                              GError   **error)
{
  g_autoptr(GPtrArray) articles = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  if (!tdm_store_check_fair (self, fair_id, error))
    return NULL;

  stmt = tdm_store_prepare (self,
                            "SELECT " TDM_STORE_ARTICLE_COLUMNS
                            " FROM article a"
                            " WHERE a.fair_id = ?1"
                            " OR a.id IN (SELECT f.article_id FROM article_fact f"
                            "  WHERE f.status = 'accepted' AND f.linked_table = 'fair'"
                            "  AND f.linked_id = ?1)"
                            " ORDER BY a.published_on IS NULL, a.published_on, a.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fair_id);

  articles = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_stored_article_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (articles, tdm_store_article_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (self, error, rc, _("reading the articles"));
      return NULL;
    }
  return g_steal_pointer (&articles);
}
