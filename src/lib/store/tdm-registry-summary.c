/* tdm-registry-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tdm-fold.h"
#include "tdm-registry-summary.h"
#include "tdm-store-private.h"


/* Resets STMT after its last step RC; FALSE with ERROR on a failure. */
static gboolean
finish (TdmStore     *store,
        sqlite3_stmt *stmt,
        int           rc,
        GError      **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tdm_store_set_error (store, error, rc, _("reading the registry"));
  return TRUE;
}

/* ---- registry summary ---------------------------------------------------- */

static void
registry_count_free (TdmRegistryCount *count)
{
  g_free (count->name);
  g_free (count);
}

void
tdm_registry_summary_free (TdmRegistrySummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->last_change);
  g_clear_pointer (&summary->by_region, g_ptr_array_unref);
  g_clear_pointer (&summary->by_province, g_ptr_array_unref);
  g_clear_pointer (&summary->by_sector, g_ptr_array_unref);
  g_free (summary);
}

static TdmRegistryCount *
count_new (GPtrArray  *array,
           GHashTable *by_id,
           gint64      id,
           gint64      region_id,
           const char *name)
{
  TdmRegistryCount *count = g_new0 (TdmRegistryCount, 1);

  count->id = id;
  count->region_id = region_id;
  count->name = g_strdup (name);
  g_ptr_array_add (array, count);
  if (by_id != NULL)
    g_hash_table_insert (by_id, g_memdup2 (&count->id, sizeof count->id), count);
  return count;
}

static void
count_add (TdmRegistryCount *count,
           sqlite3_stmt     *stmt,
           int               first)
{
  count->cooperatives += sqlite3_column_int64 (stmt, first);
  count->members += sqlite3_column_int64 (stmt, first + 1);
  count->women += sqlite3_column_int64 (stmt, first + 2);
  count->youth += sqlite3_column_int64 (stmt, first + 3);
}

/* The rows of a place list (id, [region id,] name) into ARRAY and BY_ID. */
static gboolean
read_places (TdmStore    *store,
             const char  *sql,
             gboolean     with_region,
             GPtrArray   *array,
             GHashTable  *by_id,
             GError     **error)
{
  sqlite3_stmt *stmt = tdm_store_prepare_in_ui_language (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    count_new (array, by_id, sqlite3_column_int64 (stmt, 0),
               with_region ? sqlite3_column_int64 (stmt, 1) : 0,
               (const char *) sqlite3_column_text (stmt, with_region ? 2 : 1));
  return finish (store, stmt, rc, error);
}

/* The count of ID in BY_ID, or the "not given" row at the end of ARRAY
 * (made on first use) when ID is NULL or unknown. */
static TdmRegistryCount *
count_for (GPtrArray   *array,
           GHashTable  *by_id,
           sqlite3_stmt *stmt,
           int           column,
           TdmRegistryCount **missing)
{
  TdmRegistryCount *count = NULL;

  if (sqlite3_column_type (stmt, column) != SQLITE_NULL)
    {
      gint64 id = sqlite3_column_int64 (stmt, column);

      count = g_hash_table_lookup (by_id, &id);
    }
  if (count == NULL)
    {
      if (*missing == NULL)
        *missing = count_new (array, NULL, 0, 0, NULL);
      count = *missing;
    }
  return count;
}

/* Adds the counts from column FIRST, and the latest change after them. */
static void
add_to_totals (TdmRegistrySummary *summary,
               sqlite3_stmt       *stmt,
               int                 first)
{
  const char *updated = (const char *) sqlite3_column_text (stmt, first + 4);

  summary->cooperatives += sqlite3_column_int64 (stmt, first);
  summary->members += sqlite3_column_int64 (stmt, first + 1);
  summary->women += sqlite3_column_int64 (stmt, first + 2);
  summary->youth += sqlite3_column_int64 (stmt, first + 3);
  if (updated != NULL
      && (summary->last_change == NULL || strncmp (updated, summary->last_change, 10) > 0))
    {
      g_free (summary->last_change);
      summary->last_change = g_strndup (updated, 10);
    }
}

static gint
compare_by_cooperatives (gconstpointer a,
                         gconstpointer b)
{
  const TdmRegistryCount *ca = *(TdmRegistryCount * const *) a;
  const TdmRegistryCount *cb = *(TdmRegistryCount * const *) b;

  /* "Not given" last, then most cooperatives first, then by name. */
  if ((ca->id == 0) != (cb->id == 0))
    return ca->id == 0 ? 1 : -1;
  if (ca->cooperatives != cb->cooperatives)
    return ca->cooperatives > cb->cooperatives ? -1 : 1;
  return g_utf8_collate (ca->name != NULL ? ca->name : "", cb->name != NULL ? cb->name : "");
}

TdmRegistrySummary *
tdm_store_get_registry_summary (TdmStore  *self,
                                GError   **error)
{
  g_autoptr(TdmRegistrySummary) summary = NULL;
  g_autoptr(GHashTable) regions = NULL;
  g_autoptr(GHashTable) provinces = NULL;
  g_autoptr(GHashTable) sectors = NULL;
  TdmRegistryCount *no_region = NULL;
  TdmRegistryCount *no_province = NULL;
  TdmRegistryCount *no_sector = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  summary = g_new0 (TdmRegistrySummary, 1);
  summary->by_region = g_ptr_array_new_with_free_func ((GDestroyNotify) registry_count_free);
  summary->by_province = g_ptr_array_new_with_free_func ((GDestroyNotify) registry_count_free);
  summary->by_sector = g_ptr_array_new_with_free_func ((GDestroyNotify) registry_count_free);
  regions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  provinces = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sectors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Every place first, so that a region without a cooperative still has
   * its row (a national report names all twelve). */
  if (!read_places (self, "SELECT r.id, " TDM_STORE_NAME_IN_UI ("r") " FROM region r ORDER BY r.code",
                    FALSE, summary->by_region, regions, error) ||
      !read_places (self, "SELECT p.id, p.region_id, " TDM_STORE_NAME_IN_UI ("p") " FROM province p "
                    "JOIN region r ON r.id = p.region_id ORDER BY r.code, p.code",
                    TRUE, summary->by_province, provinces, error) ||
      !read_places (self, "SELECT s.id, " TDM_STORE_NAME_IN_UI ("s") " FROM sector s",
                    FALSE, summary->by_sector, sectors, error))
    return NULL;

  /* One pass for the provinces. NOT INDEXED: walking the province index
   * reads the rows in random order, a plain scan then a sort of the
   * groups is twice as fast on a national registry. A province's region
   * is the table's, so that the regions add up to their provinces. */
  stmt = tdm_store_prepare_in_ui_language (self,
                                           "SELECT province_id, count(*), sum(members), sum(women), sum(youth), "
                                           "max(updated_at) FROM cooperative NOT INDEXED GROUP BY province_id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdmRegistryCount *province;
      TdmRegistryCount *region = NULL;

      /* Those without a province: the next query, by region. */
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        continue;
      province = count_for (summary->by_province, provinces, stmt, 0, &no_province);
      if (province->id != 0)
        region = g_hash_table_lookup (regions, &province->region_id);
      if (region == NULL)
        {
          if (no_region == NULL)
            no_region = count_new (summary->by_region, NULL, 0, 0, NULL);
          region = no_region;
        }
      count_add (province, stmt, 1);
      count_add (region, stmt, 1);
      add_to_totals (summary, stmt, 1);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  stmt = tdm_store_prepare_in_ui_language (self,
                                           "SELECT region_id, count(*), sum(members), sum(women), sum(youth), "
                                           "max(updated_at) FROM cooperative WHERE province_id IS NULL GROUP BY region_id",
                                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (no_province == NULL)
        no_province = count_new (summary->by_province, NULL, 0, 0, NULL);
      count_add (no_province, stmt, 1);
      count_add (count_for (summary->by_region, regions, stmt, 0, &no_region), stmt, 1);
      add_to_totals (summary, stmt, 1);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  stmt = tdm_store_prepare_in_ui_language (self,
                                           "SELECT sector_id, count(*), sum(members), sum(women), sum(youth) "
                                           "FROM cooperative GROUP BY sector_id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    count_add (count_for (summary->by_sector, sectors, stmt, 0, &no_sector), stmt, 1);
  if (!finish (self, stmt, rc, error))
    return NULL;
  g_ptr_array_sort (summary->by_sector, compare_by_cooperatives);

  for (guint i = 0; i < summary->by_region->len; i++)
    {
      TdmRegistryCount *count = g_ptr_array_index (summary->by_region, i);

      summary->regions += count->id != 0 && count->cooperatives > 0;
    }
  for (guint i = 0; i < summary->by_province->len; i++)
    {
      TdmRegistryCount *count = g_ptr_array_index (summary->by_province, i);

      summary->provinces += count->id != 0 && count->cooperatives > 0;
    }
  for (guint i = 0; i < summary->by_sector->len; i++)
    {
      TdmRegistryCount *count = g_ptr_array_index (summary->by_sector, i);

      summary->sectors += count->id != 0 && count->cooperatives > 0;
    }

  return g_steal_pointer (&summary);
}

/* ---- a cooperative's fairs ------------------------------------------------ */

void
tdm_cooperative_fair_free (TdmCooperativeFair *fair)
{
  if (fair == NULL)
    return;

  g_free (fair->title);
  g_free (fair->city);
  g_free (fair->start_date);
  g_free (fair->end_date);
  g_free (fair->status);
  g_free (fair->stand_code);
  g_free (fair);
}

GPtrArray *
tdm_store_list_cooperative_fairs (TdmStore  *self,
                                  gint64     cooperative_id,
                                  GError   **error)
{
  g_autoptr(GPtrArray) fairs = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = tdm_store_prepare (self,
                  "SELECT f.id, f.title, f.edition, f.city, f.start_date, f.end_date, "
                  "e.status, s.code FROM exhibitor e "
                  "JOIN fair f ON f.id = e.fair_id "
                  "LEFT JOIN stand s ON s.id = e.stand_id "
                  "WHERE e.cooperative_id = ?1 "
                  "ORDER BY f.start_date IS NULL, f.start_date DESC, f.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cooperative_id);

  fairs = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_cooperative_fair_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdmCooperativeFair *fair = g_new0 (TdmCooperativeFair, 1);

      fair->fair_id = sqlite3_column_int64 (stmt, 0);
      fair->title = tdm_store_column_dup (stmt, 1);
      fair->edition = sqlite3_column_int (stmt, 2);
      fair->city = tdm_store_column_dup (stmt, 3);
      fair->start_date = tdm_store_column_dup (stmt, 4);
      fair->end_date = tdm_store_column_dup (stmt, 5);
      fair->status = tdm_store_column_dup (stmt, 6);
      fair->stand_code = tdm_store_column_dup (stmt, 7);
      g_ptr_array_add (fairs, fair);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&fairs);
}

/* ---- stand holders ------------------------------------------------------- */

void
tdm_stand_holder_free (TdmStandHolder *holder)
{
  if (holder == NULL)
    return;

  g_free (holder->name_ar);
  g_free (holder->name_fr);
  g_free (holder->stand_code);
  g_free (holder->pole_name);
  g_free (holder->pole_color);
  g_free (holder);
}

/* TRUE when the first letter of TEXT is Arabic. */
static gboolean
starts_arabic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        return g_unichar_get_script (c) == G_UNICODE_SCRIPT_ARABIC;
    }
  return FALSE;
}

GPtrArray *
tdm_store_list_stand_holders (TdmStore  *self,
                              gint64     fair_id,
                              GError   **error)
{
  g_autoptr(GPtrArray) holders = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!tdm_store_check_fair (self, fair_id, error))
    return NULL;

  stmt = tdm_store_prepare_in_ui_language (self,
                                           "SELECT e.id, nullif(c.name_ar, ''), nullif(c.name_fr, ''), "
                                           "e.organization_name, s.code, " TDM_STORE_NAME_IN_UI ("p") ", p.color "
                                           "FROM exhibitor e "
                                           "JOIN stand s ON s.id = e.stand_id "
                                           "LEFT JOIN pole p ON p.id = s.pole_id "
                                           "LEFT JOIN cooperative c ON c.id = e.cooperative_id "
                                           "WHERE e.fair_id = ?2 AND e.status IN ('accepted', 'confirmed') "
                                           "ORDER BY s.code, e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, fair_id);

  holders = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_stand_holder_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdmStandHolder *holder = g_new0 (TdmStandHolder, 1);

      holder->exhibitor_id = sqlite3_column_int64 (stmt, 0);
      holder->name_ar = tdm_store_column_dup (stmt, 1);
      holder->name_fr = tdm_store_column_dup (stmt, 2);
      if (holder->name_ar == NULL && holder->name_fr == NULL)
        {
          /* An organization outside the registry has one name: it goes
           * where its script says. */
          char *name = tdm_store_column_dup (stmt, 3);

          if (name != NULL && starts_arabic (name))
            holder->name_ar = name;
          else
            holder->name_fr = name;
        }
      holder->stand_code = tdm_store_column_dup (stmt, 4);
      holder->pole_name = tdm_store_column_dup (stmt, 5);
      holder->pole_color = tdm_store_column_dup (stmt, 6);
      g_ptr_array_add (holders, holder);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&holders);
}
