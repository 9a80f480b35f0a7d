/* tdm-fairs.c: fairs, their poles, stands, exhibitors, partners and days.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tdm-csv.h"
#include "tdm-csv-table.h"
#include "tdm-fair-records-private.h"
#include "tdm-fairs.h"
#include "tdm-fold.h"
#include "tdm-plan-geometry.h"
#include "tdm-store-private.h"
#include "tdm-validate.h"

/* Stands a row may add at once: more is a typing error. */
#define MAX_ROW_STANDS 500

/* ---- small helpers ----------------------------------------------------- */

static gboolean
is_blank (const char *text)
{
  g_autofree char *trimmed = tdm_store_dup_trimmed (text);

  return trimmed == NULL;
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Steps a one-row query and returns its first column as an integer;
 * FALLBACK when there is no row. */
static gint64
query_int64 (sqlite3_stmt *stmt,
             gint64        fallback)
{
  gint64 value = fallback;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gboolean
fail (TdmStore *self)
{
  tdm_store_rollback (self);
  return FALSE;
}

/* Deletes one row by id in its own transaction.  @gone says the row no
 * longer exists; @tables (NULL-terminated) are the tables to notify. */
static gboolean
delete_row (TdmStore           *self,
            const char         *sql,
            gint64              id,
            const char         *doing,
            const char         *gone,
            const char * const *tables,
            GError            **error)
{
  sqlite3_stmt *stmt;

  if (!tdm_store_begin (self, error))
    return FALSE;
  stmt = tdm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tdm_store_step_done (self, stmt, doing, error))
    return fail (self);
  if (sqlite3_changes (tdm_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND, gone);
      return fail (self);
    }
  for (guint i = 0; tables[i] != NULL; i++)
    tdm_store_notify_changed (self, tables[i]);
  return tdm_store_commit (self, error);
}

/* "A-01, A-02 and 3 more": at most four codes. */
static char *
join_codes (GPtrArray *codes)
{
  GString *text = g_string_new (NULL);
  guint shown = MIN (codes->len, 4);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (codes, i));
    }
  if (codes->len > shown)
    {
      g_string_append (text, " ");
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                           codes->len - shown),
                              codes->len - shown);
    }
  return g_string_free (text, FALSE);
}

/* ---- fairs ------------------------------------------------------------- */

static void
set_no_fair (GError **error,
             gint64   id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
               _("There is no fair number %s."), number);
}

static const char fair_select[] =
  "SELECT " TDM_FAIR_COLUMNS " FROM " TDM_FAIR_FROM " WHERE f.id = ?1";

GListModel *
tdm_store_list_fairs (TdmStore  *self,
                      GError   **error)
{
  GListStore *fairs;
  sqlite3_stmt *stmt;
  gboolean arabic = tdm_locale_is_arabic ();
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  stmt = tdm_store_prepare (self,
                            "SELECT " TDM_FAIR_COLUMNS " FROM " TDM_FAIR_FROM
                            " ORDER BY f.start_date IS NULL, f.start_date DESC, f.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  fairs = g_list_store_new (TDM_TYPE_FAIR);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TdmFair) fair = tdm_fair_new ();

      tdm_fair_update_from_row (fair, stmt, 0, arabic);
      g_list_store_append (fairs, fair);
    }
  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (self, error, rc, _("reading the fairs"));
      sqlite3_reset (stmt);
      g_object_unref (fairs);
      return NULL;
    }
  sqlite3_reset (stmt);

  return G_LIST_MODEL (fairs);
}

TdmFair *
tdm_store_get_fair (TdmStore  *self,
                    gint64     id,
                    GError   **error)
{
  sqlite3_stmt *stmt;
  TdmFair *fair = NULL;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  stmt = tdm_store_prepare (self, fair_select, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      fair = tdm_fair_new ();
      tdm_fair_update_from_row (fair, stmt, 0, tdm_locale_is_arabic ());
    }
  else if (rc == SQLITE_DONE)
    set_no_fair (error, id);
  else
    tdm_store_set_error (self, error, rc, _("reading the fair"));
  sqlite3_reset (stmt);

  return fair;
}

static void
add_message (GHashTable *messages,
             const char *property,
             char       *message)
{
  if (g_hash_table_contains (messages, property))
    g_free (message);
  else
    g_hash_table_insert (messages, (gpointer) g_intern_string (property), message);
}

static char *
format_metres (double metres)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Plans are drawn to the decimetre. */
  g_ascii_formatd (buffer, sizeof buffer, "%.1f", metres);
  if (g_str_has_suffix (buffer, ".0"))
    buffer[strlen (buffer) - 2] = '\0';
  return g_strdup (buffer);
}

GHashTable *
tdm_store_validate_fair (TdmStore *self,
                         TdmFair  *fair)
{
  GHashTable *messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *start = tdm_fair_get_start_date (fair);
  const char *end = tdm_fair_get_end_date (fair);
  const char *status = tdm_fair_get_status (fair);
  gboolean known_status = FALSE;

  g_return_val_if_fail (TDM_IS_STORE (self), messages);
  g_return_val_if_fail (TDM_IS_FAIR (fair), messages);

  if (is_blank (tdm_fair_get_title (fair)))
    add_message (messages, "title", g_strdup (_("A fair needs a title.")));

  if (!is_blank (start) && !tdm_validate_iso_date (start))
    add_message (messages, "start-date", g_strdup (_("This is not a date: write it as YYYY-MM-DD.")));
  if (!is_blank (end) && !tdm_validate_iso_date (end))
    add_message (messages, "end-date", g_strdup (_("This is not a date: write it as YYYY-MM-DD.")));
  if (!is_blank (start) && !is_blank (end) && tdm_validate_iso_date (start) &&
      tdm_validate_iso_date (end) && strcmp (end, start) < 0)
    add_message (messages, "end-date", g_strdup (_("The fair cannot end before it starts.")));

  for (const char * const *s = tdm_fair_statuses (); *s != NULL; s++)
    known_status |= g_strcmp0 (status, *s) == 0;
  if (!known_status)
    add_message (messages, "status", g_strdup (_("This status is not one a fair can have.")));

  if (tdm_fair_get_floor_width (fair) <= 0)
    add_message (messages, "floor-width", g_strdup (_("The floor must be wider than zero.")));
  if (tdm_fair_get_floor_depth (fair) <= 0)
    add_message (messages, "floor-depth", g_strdup (_("The floor must be deeper than zero.")));

  if (tdm_fair_get_id (fair) > 0)
    {
      sqlite3_stmt *stmt =
        tdm_store_prepare (self,
                           "SELECT max(x + width), max(y + depth) FROM stand WHERE fair_id = ?1",
                           NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, tdm_fair_get_id (fair));
          if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
            {
              double reach_x = sqlite3_column_double (stmt, 0);
              double reach_y = sqlite3_column_double (stmt, 1);

              if (tdm_fair_get_floor_width (fair) > 0 &&
                  tdm_fair_get_floor_width (fair) + TDM_PLAN_EPSILON < reach_x)
                {
                  g_autofree char *metres = format_metres (reach_x);

                  add_message (messages, "floor-width",
                               g_strdup_printf (_("The floor must be at least %s m wide: stands reach that far."), metres));
                }
              if (tdm_fair_get_floor_depth (fair) > 0 &&
                  tdm_fair_get_floor_depth (fair) + TDM_PLAN_EPSILON < reach_y)
                {
                  g_autofree char *metres = format_metres (reach_y);

                  add_message (messages, "floor-depth",
                               g_strdup_printf (_("The floor must be at least %s m deep: stands reach that far."), metres));
                }
            }
          sqlite3_reset (stmt);
        }
    }

  return messages;
}

static gboolean
first_message (GHashTable  *messages,
               GError     **error)
{
  /* A fixed order, so that the message a save reports does not depend on
   * the hash table. */
  static const char * const order[] = {
    "title", "start-date", "end-date", "status", "floor-width", "floor-depth",
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *message = g_hash_table_lookup (messages, order[i]);

      if (message != NULL)
        {
          g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID, message);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
tdm_store_save_fair (TdmStore  *self,
                     TdmFair   *fair,
                     GError   **error)
{
  g_autoptr(GHashTable) messages = NULL;
  sqlite3_stmt *stmt;
  gint64 id, region_id, province_id;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TDM_IS_FAIR (fair), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = tdm_fair_get_id (fair);
  if (!tdm_store_begin (self, error))
    return FALSE;

  messages = tdm_store_validate_fair (self, fair);
  if (!first_message (messages, error))
    return fail (self);

  region_id = tdm_fair_get_region_id (fair);
  province_id = tdm_fair_get_province_id (fair);
  if (region_id <= 0 && province_id > 0)
    {
      stmt = tdm_store_prepare (self, "SELECT region_id FROM province WHERE id = ?1", error);
      if (stmt == NULL)
        return fail (self);
      sqlite3_bind_int64 (stmt, 1, province_id);
      region_id = query_int64 (stmt, 0);
    }

  if (id > 0)
    stmt = tdm_store_prepare (self,
                              "UPDATE fair SET title = ?2, edition = ?3, region_id = ?4, "
                              "province_id = ?5, city = ?6, venue = ?7, start_date = ?8, "
                              "end_date = ?9, slogan = ?10, status = ?11, floor_width = ?12, "
                              "floor_depth = ?13 WHERE id = ?1",
                              error);
  else
    stmt = tdm_store_prepare (self,
                              "INSERT INTO fair (title, edition, region_id, province_id, city, "
                              "venue, start_date, end_date, slogan, status, floor_width, floor_depth) "
                              "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                              error);
  if (stmt == NULL)
    return fail (self);

  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  tdm_store_bind_text_trimmed (stmt, 2, tdm_fair_get_title (fair));
  if (tdm_fair_get_edition (fair) > 0)
    sqlite3_bind_int (stmt, 3, tdm_fair_get_edition (fair));
  tdm_store_bind_id (stmt, 4, region_id);
  tdm_store_bind_id (stmt, 5, province_id);
  tdm_store_bind_text_trimmed (stmt, 6, tdm_fair_get_city (fair));
  tdm_store_bind_text_trimmed (stmt, 7, tdm_fair_get_venue (fair));
  tdm_store_bind_text_trimmed (stmt, 8, tdm_fair_get_start_date (fair));
  tdm_store_bind_text_trimmed (stmt, 9, tdm_fair_get_end_date (fair));
  tdm_store_bind_text_trimmed (stmt, 10, tdm_fair_get_slogan (fair));
  sqlite3_bind_text (stmt, 11, tdm_fair_get_status (fair), -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 12, tdm_fair_get_floor_width (fair));
  sqlite3_bind_double (stmt, 13, tdm_fair_get_floor_depth (fair));

  if (!tdm_store_step_done (self, stmt, _("saving the fair"), error))
    return fail (self);

  if (id > 0 && sqlite3_changes (tdm_store_get_db (self)) == 0)
    {
      set_no_fair (error, id);
      return fail (self);
    }

  if (id <= 0)
    id = sqlite3_last_insert_rowid (tdm_store_get_db (self));

  /* Read back: derived region, trimmed text, the region's name. */
  stmt = tdm_store_prepare (self, fair_select, error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    tdm_fair_update_from_row (fair, stmt, 0, tdm_locale_is_arabic ());
  sqlite3_reset (stmt);

  tdm_store_notify_changed (self, "fair");
  return tdm_store_commit (self, error);
}

gboolean
tdm_store_delete_fair (TdmStore  *self,
                       gint64     id,
                       GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  if (!tdm_store_begin (self, error))
    return FALSE;

  stmt = tdm_store_prepare (self, "DELETE FROM fair WHERE id = ?1", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tdm_store_step_done (self, stmt, _("deleting the fair"), error))
    return fail (self);
  if (sqlite3_changes (tdm_store_get_db (self)) == 0)
    {
      set_no_fair (error, id);
      return fail (self);
    }

  tdm_store_notify_changed (self, "fair");
  tdm_store_notify_changed (self, "pole");
  tdm_store_notify_changed (self, "stand");
  tdm_store_notify_changed (self, "exhibitor");
  tdm_store_notify_changed (self, "fair_partner");
  tdm_store_notify_changed (self, "fair_day");
  return tdm_store_commit (self, error);
}

gboolean
tdm_store_get_fair_counts (TdmStore       *self,
                           gint64          fair_id,
                           TdmFairCounts  *counts,
                           GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);

  stmt = tdm_store_prepare (self,
    "SELECT "
    " (SELECT count(*) FROM pole WHERE fair_id = ?1),"
    " (SELECT count(*) FROM stand WHERE fair_id = ?1 AND kind = 'stand'),"
    " (SELECT coalesce(sum(capacity), 0) FROM stand WHERE fair_id = ?1 AND kind = 'stand'),"
    " (SELECT count(*) FROM exhibitor WHERE fair_id = ?1 AND stand_id IS NOT NULL),"
    " (SELECT count(*) FROM stand s WHERE s.fair_id = ?1 AND s.kind = 'stand'"
    "    AND NOT EXISTS (SELECT 1 FROM exhibitor e WHERE e.stand_id = s.id)),"
    " (SELECT count(*) FROM exhibitor WHERE fair_id = ?1),"
    " (SELECT count(*) FROM exhibitor WHERE fair_id = ?1 AND status IN ('accepted', 'confirmed')),"
    " (SELECT count(*) FROM exhibitor WHERE fair_id = ?1 AND status = 'confirmed'),"
    " (SELECT count(*) FROM exhibitor WHERE fair_id = ?1 AND status = 'waitlisted'),"
    " (SELECT count(DISTINCT partner_id) FROM fair_partner WHERE fair_id = ?1),"
    " (SELECT coalesce(sum(visitors), 0) FROM fair_day WHERE fair_id = ?1),"
    " (SELECT coalesce(sum(sales), 0) FROM fair_day WHERE fair_id = ?1),"
    " EXISTS (SELECT 1 FROM fair WHERE id = ?1)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fair_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tdm_store_set_error (self, error, rc, _("counting the fair’s records"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (!sqlite3_column_int (stmt, 12))
    {
      sqlite3_reset (stmt);
      set_no_fair (error, fair_id);
      return FALSE;
    }

  counts->poles = sqlite3_column_int64 (stmt, 0);
  counts->stands = sqlite3_column_int64 (stmt, 1);
  counts->places = sqlite3_column_int64 (stmt, 2);
  counts->places_taken = sqlite3_column_int64 (stmt, 3);
  counts->free_stands = sqlite3_column_int64 (stmt, 4);
  counts->exhibitors = sqlite3_column_int64 (stmt, 5);
  counts->accepted = sqlite3_column_int64 (stmt, 6);
  counts->confirmed = sqlite3_column_int64 (stmt, 7);
  counts->waitlisted = sqlite3_column_int64 (stmt, 8);
  counts->partners = sqlite3_column_int64 (stmt, 9);
  counts->visitors = sqlite3_column_int64 (stmt, 10);
  counts->sales = sqlite3_column_double (stmt, 11);
  sqlite3_reset (stmt);
  return TRUE;
}

/* ---- poles ------------------------------------------------------------- */

GListModel *
tdm_store_list_poles (TdmStore  *self,
                      gint64     fair_id,
                      GError   **error)
{
  GListStore *poles;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  stmt = tdm_store_prepare (self,
                            "SELECT " TDM_POLE_COLUMNS " FROM pole po WHERE po.fair_id = ?1 "
                            "ORDER BY po.position, po.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fair_id);

  poles = g_list_store_new (TDM_TYPE_POLE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(TdmPole) pole = tdm_pole_new ();

      tdm_pole_update_from_row (pole, stmt, 0);
      g_list_store_append (poles, pole);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (poles);
}

gboolean
tdm_store_save_pole (TdmStore  *self,
                     TdmPole   *pole,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  double r, g, b;
  gint64 id;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TDM_IS_POLE (pole), FALSE);

  if (is_blank (tdm_pole_get_name_ar (pole)) && is_blank (tdm_pole_get_name_fr (pole)))
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                           _("A pole needs a name, in Arabic or in French."));
      return FALSE;
    }
  if (!tdm_parse_hex_color (tdm_pole_get_color (pole), &r, &g, &b))
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                           _("A pole’s colour is written #rrggbb, for example #3584e4."));
      return FALSE;
    }

  id = tdm_pole_get_id (pole);
  if (!tdm_store_begin (self, error))
    return FALSE;
  if (!tdm_store_check_fair (self, tdm_pole_get_fair_id (pole), error))
    return fail (self);

  if (id > 0)
    stmt = tdm_store_prepare (self,
                              "UPDATE pole SET name_ar = ?2, name_fr = ?3, color = ?4, position = ?5 "
                              "WHERE id = ?1 AND fair_id = ?6",
                              error);
  else
    stmt = tdm_store_prepare (self,
                              "INSERT INTO pole (fair_id, name_ar, name_fr, color, position) "
                              "VALUES (?6, ?2, ?3, ?4, "
                              " (SELECT coalesce(max(position) + 1, 0) FROM pole WHERE fair_id = ?6))",
                              error);
  if (stmt == NULL)
    return fail (self);
  if (id > 0)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 5, tdm_pole_get_position (pole));
    }
  tdm_store_bind_text_trimmed (stmt, 2, tdm_pole_get_name_ar (pole));
  tdm_store_bind_text_trimmed (stmt, 3, tdm_pole_get_name_fr (pole));
  sqlite3_bind_text (stmt, 4, tdm_pole_get_color (pole), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, tdm_pole_get_fair_id (pole));
  if (!tdm_store_step_done (self, stmt, _("saving the pole"), error))
    return fail (self);
  if (id > 0 && sqlite3_changes (tdm_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                           _("This pole does not exist any more."));
      return fail (self);
    }
  if (id <= 0)
    id = sqlite3_last_insert_rowid (tdm_store_get_db (self));

  stmt = tdm_store_prepare (self, "SELECT " TDM_POLE_COLUMNS " FROM pole po WHERE po.id = ?1", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    tdm_pole_update_from_row (pole, stmt, 0);
  sqlite3_reset (stmt);

  tdm_store_notify_changed (self, "pole");
  return tdm_store_commit (self, error);
}

gboolean
tdm_store_delete_pole (TdmStore  *self,
                       gint64     id,
                       GError   **error)
{
  static const char * const tables[] = { "pole", "stand", NULL };

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM pole WHERE id = ?1", id,
                     _("deleting the pole"),
                     _("This pole does not exist any more."),
                     tables, error);
}

/* ---- stands: reading --------------------------------------------------- */

/* Areas first so that stands are drawn over them. */
static const char stands_of_fair[] =
  "SELECT " TDM_STAND_COLUMNS " FROM stand st WHERE st.fair_id = ?1 "
  "ORDER BY st.kind = 'stand', st.code";

static GPtrArray *
load_stands (TdmStore  *self,
             gint64     fair_id,
             GError   **error)
{
  GPtrArray *stands;
  sqlite3_stmt *stmt;
  int rc;

  stmt = tdm_store_prepare (self, stands_of_fair, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fair_id);

  stands = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdmStand *stand = tdm_stand_new ();

      tdm_stand_update_from_row (stand, stmt, 0);
      g_ptr_array_add (stands, stand);
    }
  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (self, error, rc, _("reading the stands"));
      g_clear_pointer (&stands, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return stands;
}

GListModel *
tdm_store_list_stands (TdmStore  *self,
                       gint64     fair_id,
                       GError   **error)
{
  g_autoptr(GPtrArray) stands = NULL;
  GListStore *model;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  stands = load_stands (self, fair_id, error);
  if (stands == NULL)
    return NULL;

  model = g_list_store_new (TDM_TYPE_STAND);
  g_list_store_splice (model, 0, 0, stands->pdata, stands->len);
  return G_LIST_MODEL (model);
}

TdmStand *
tdm_store_get_stand (TdmStore  *self,
                     gint64     id,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  TdmStand *stand = NULL;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  stmt = tdm_store_prepare (self, "SELECT " TDM_STAND_COLUMNS " FROM stand st WHERE st.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stand = tdm_stand_new ();
      tdm_stand_update_from_row (stand, stmt, 0);
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                         _("This stand does not exist any more."));
  else
    tdm_store_set_error (self, error, rc, _("reading the stand"));
  sqlite3_reset (stmt);
  return stand;
}

/* ---- stands: codes ----------------------------------------------------- */

/* Prefixes of the automatic codes of areas: codes are data, not
 * translated, and stay ASCII so they can be typed on any keyboard. */
static const struct {
  const char *kind;
  const char *prefix;
} area_prefixes[] = {
  { "stage", "SC" },
  { "entrance", "E" },
  { "aisle", "AL" },
  { "lounge", "L" },
  { "other", "X" },
};

static char *
code_prefix (TdmStore    *self,
             gint64       fair_id,
             gint64       pole_id,
             const char  *kind,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 position;

  if (kind != NULL && !g_str_equal (kind, "stand"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (area_prefixes); i++)
        if (g_str_equal (kind, area_prefixes[i].kind))
          return g_strdup (area_prefixes[i].prefix);
      return g_strdup ("X");
    }

  if (pole_id <= 0)
    return g_strdup ("S");

  stmt = tdm_store_prepare (self, "SELECT position FROM pole WHERE id = ?1 AND fair_id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, pole_id);
  sqlite3_bind_int64 (stmt, 2, fair_id);
  position = query_int64 (stmt, -1);
  if (position < 0)
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                           _("This pole is not one of the fair’s poles."));
      return NULL;
    }
  return tdm_plan_pole_prefix ((guint) position);
}

static char **
next_codes (TdmStore    *self,
            GPtrArray   *existing,
            gint64       fair_id,
            gint64       pole_id,
            const char  *kind,
            guint        n,
            GError     **error)
{
  g_autofree char *prefix = code_prefix (self, fair_id, pole_id, kind, error);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  if (prefix == NULL)
    return NULL;

  for (guint i = 0; i < existing->len; i++)
    g_ptr_array_add (codes, (gpointer) tdm_stand_get_code (g_ptr_array_index (existing, i)));
  g_ptr_array_add (codes, NULL);

  return tdm_plan_next_stand_codes (prefix, (const char * const *) codes->pdata, n);
}

char *
tdm_store_next_stand_code (TdmStore    *self,
                           gint64       fair_id,
                           gint64       pole_id,
                           const char  *kind,
                           GError     **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_auto(GStrv) codes = NULL;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  existing = load_stands (self, fair_id, error);
  if (existing == NULL)
    return NULL;
  codes = next_codes (self, existing, fair_id, pole_id, kind, 1, error);
  if (codes == NULL)
    return NULL;
  return g_strdup (codes[0]);
}

/* ---- stands: the rules ------------------------------------------------- */

static void
stand_rect (TdmStand    *stand,
            TdmPlanRect *rect)
{
  rect->x = tdm_stand_get_x (stand);
  rect->y = tdm_stand_get_y (stand);
  rect->width = tdm_stand_get_width (stand);
  rect->depth = tdm_stand_get_depth (stand);
}

static gboolean
codes_equal (const char *a,
             const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_str_equal (fa, fb);
}

static gboolean
valid_kind (const char *kind)
{
  for (const char * const *k = tdm_stand_kinds (); *k != NULL; k++)
    if (g_strcmp0 (kind, *k) == 0)
      return TRUE;
  return FALSE;
}

/* A stand may not overlap anything; two areas may (an aisle crossing
 * the entrance). */
static gboolean
may_not_overlap (TdmStand *a,
                 TdmStand *b)
{
  return !tdm_stand_is_area (a) || !tdm_stand_is_area (b);
}

/* Checks CANDIDATES (new stands, or new states of stands of the fair) as
 * they would be with the rest of EXISTING. Codes are trimmed in place. */
static gboolean
check_stands (TdmStore   *self,
              TdmFair    *fair,
              GPtrArray  *existing,
              GPtrArray  *candidates,
              GError    **error)
{
  g_autoptr(GListModel) poles = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  double floor_w = tdm_fair_get_floor_width (fair);
  double floor_d = tdm_fair_get_floor_depth (fair);

  poles = tdm_store_list_poles (self, tdm_fair_get_id (fair), error);
  if (poles == NULL)
    return FALSE;

  /* Existing stands that stay as they are. */
  for (guint i = 0; i < existing->len; i++)
    {
      TdmStand *stand = g_ptr_array_index (existing, i);
      gboolean is_candidate = FALSE;

      for (guint j = 0; j < candidates->len && !is_candidate; j++)
        is_candidate = tdm_stand_get_id (g_ptr_array_index (candidates, j)) == tdm_stand_get_id (stand);
      if (!is_candidate)
        g_ptr_array_add (others, stand);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      TdmStand *stand = g_ptr_array_index (candidates, i);
      g_autofree char *code = tdm_store_dup_trimmed (tdm_stand_get_code (stand));
      g_autoptr(GPtrArray) overlapping = g_ptr_array_new ();
      TdmPlanRect rect;

      if (code == NULL)
        {
          g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                               _("A stand needs a code."));
          return FALSE;
        }
      tdm_stand_set_code (stand, code);

      if (!valid_kind (tdm_stand_get_kind (stand)))
        {
          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                       _("“%s” is not a kind of stand or area."), tdm_stand_get_kind (stand));
          return FALSE;
        }

      stand_rect (stand, &rect);
      if (rect.width <= TDM_PLAN_EPSILON || rect.depth <= TDM_PLAN_EPSILON)
        {
          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                       _("Stand %s must be wider and deeper than zero."), code);
          return FALSE;
        }
      if (!tdm_plan_rect_inside_floor (&rect, floor_w, floor_d))
        {
          g_autofree char *w = format_metres (floor_w);
          g_autofree char *d = format_metres (floor_d);

          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                       _("Stand %s would be outside the floor (%s × %s m)."), code, w, d);
          return FALSE;
        }
      if (tdm_stand_get_capacity (stand) < 0)
        {
          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                       _("The capacity of stand %s cannot be negative."), code);
          return FALSE;
        }

      if (tdm_stand_get_pole_id (stand) > 0)
        {
          gboolean found = FALSE;

          for (guint p = 0; p < g_list_model_get_n_items (poles) && !found; p++)
            {
              g_autoptr(TdmPole) pole = g_list_model_get_item (poles, p);

              found = tdm_pole_get_id (pole) == tdm_stand_get_pole_id (stand);
            }
          if (!found)
            {
              g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                                   _("This pole is not one of the fair’s poles."));
              return FALSE;
            }
        }

      /* The code is unique in the fair, whatever its case. */
      for (guint j = 0; j < others->len; j++)
        if (codes_equal (code, tdm_stand_get_code (g_ptr_array_index (others, j))))
          goto code_taken;
      for (guint j = 0; j < candidates->len; j++)
        if (j != i && codes_equal (code, tdm_stand_get_code (g_ptr_array_index (candidates, j))))
          goto code_taken;

      /* Capacity not below who is already there. */
      for (guint j = 0; j < existing->len; j++)
        {
          TdmStand *before = g_ptr_array_index (existing, j);
          gint occupancy = tdm_stand_get_occupancy (before);

          if (tdm_stand_get_id (before) != tdm_stand_get_id (stand) || tdm_stand_get_id (stand) == 0)
            continue;
          if (tdm_stand_get_capacity (stand) < occupancy)
            {
              g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "Stand %s has %d exhibitor: its capacity cannot be %d.",
                                        "Stand %s has %d exhibitors: its capacity cannot be %d.",
                                        occupancy),
                           code, occupancy, tdm_stand_get_capacity (stand));
              return FALSE;
            }
          if (tdm_stand_is_area (stand) && occupancy > 0)
            {
              g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                           _("Stand %s has exhibitors: move them before making it an area."), code);
              return FALSE;
            }
        }

      for (guint j = 0; j < others->len; j++)
        {
          TdmStand *other = g_ptr_array_index (others, j);
          TdmPlanRect other_rect;

          stand_rect (other, &other_rect);
          if (may_not_overlap (stand, other) && tdm_plan_rect_overlaps (&rect, &other_rect))
            g_ptr_array_add (overlapping, (gpointer) tdm_stand_get_code (other));
        }
      for (guint j = i + 1; j < candidates->len; j++)
        {
          TdmStand *other = g_ptr_array_index (candidates, j);
          TdmPlanRect other_rect;

          stand_rect (other, &other_rect);
          if (may_not_overlap (stand, other) && tdm_plan_rect_overlaps (&rect, &other_rect))
            g_ptr_array_add (overlapping, (gpointer) tdm_stand_get_code (other));
        }
      if (overlapping->len > 0)
        {
          g_autofree char *list = join_codes (overlapping);

          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT,
                       _("Stand %s would overlap %s."), code, list);
          return FALSE;
        }
      continue;

    code_taken:
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT,
                   _("The code %s is already used by another stand of this fair."), code);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_stand (TdmStore  *self,
              TdmStand  *stand,
              gboolean   with_id,
              GError   **error)
{
  sqlite3_stmt *stmt;

  stmt = tdm_store_prepare (self,
                            "INSERT INTO stand (id, fair_id, pole_id, kind, code, x, y, width, depth, capacity) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;
  tdm_store_bind_id (stmt, 1, with_id ? tdm_stand_get_id (stand) : 0);
  sqlite3_bind_int64 (stmt, 2, tdm_stand_get_fair_id (stand));
  tdm_store_bind_id (stmt, 3, tdm_stand_get_pole_id (stand));
  sqlite3_bind_text (stmt, 4, tdm_stand_get_kind (stand), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, tdm_stand_get_code (stand), -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 6, MAX (tdm_stand_get_x (stand), 0));
  sqlite3_bind_double (stmt, 7, MAX (tdm_stand_get_y (stand), 0));
  sqlite3_bind_double (stmt, 8, tdm_stand_get_width (stand));
  sqlite3_bind_double (stmt, 9, tdm_stand_get_depth (stand));
  sqlite3_bind_int (stmt, 10, tdm_stand_get_capacity (stand));
  if (!tdm_store_step_done (self, stmt, _("saving the stand"), error))
    return FALSE;

  if (!with_id)
    g_object_set (stand, "id", sqlite3_last_insert_rowid (tdm_store_get_db (self)), NULL);
  return TRUE;
}

gboolean
tdm_store_add_stand (TdmStore  *self,
                     TdmStand  *stand,
                     GError   **error)
{
  g_autoptr(TdmFair) fair = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *old_code = NULL;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TDM_IS_STAND (stand), FALSE);
  g_return_val_if_fail (tdm_stand_get_id (stand) == 0, FALSE);

  old_code = g_strdup (tdm_stand_get_code (stand));
  if (!tdm_store_begin (self, error))
    return FALSE;

  fair = tdm_store_get_fair (self, tdm_stand_get_fair_id (stand), error);
  if (fair == NULL)
    return fail (self);
  existing = load_stands (self, tdm_fair_get_id (fair), error);
  if (existing == NULL)
    return fail (self);

  if (tdm_stand_is_area (stand))
    tdm_stand_set_capacity (stand, 0);
  if (is_blank (old_code))
    {
      g_auto(GStrv) codes = next_codes (self, existing, tdm_fair_get_id (fair),
                                        tdm_stand_get_pole_id (stand),
                                        tdm_stand_get_kind (stand), 1, error);
      if (codes == NULL)
        return fail (self);
      tdm_stand_set_code (stand, codes[0]);
    }

  candidates = g_ptr_array_new ();
  g_ptr_array_add (candidates, stand);
  if (!check_stands (self, fair, existing, candidates, error) ||
      !insert_stand (self, stand, FALSE, error))
    {
      tdm_stand_set_code (stand, old_code);
      g_object_set (stand, "id", (gint64) 0, NULL);
      return fail (self);
    }

  tdm_stand_set_occupancy (stand, 0);
  tdm_store_notify_changed (self, "stand");
  if (!tdm_store_commit (self, error))
    {
      tdm_stand_set_code (stand, old_code);
      g_object_set (stand, "id", (gint64) 0, NULL);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
tdm_store_add_stand_row (TdmStore  *self,
                         gint64     fair_id,
                         gint64     pole_id,
                         double     x,
                         double     y,
                         guint      n,
                         double     width,
                         double     depth,
                         gboolean   vertical,
                         gint       capacity,
                         GError   **error)
{
  g_autoptr(TdmFair) fair = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GPtrArray) stands = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree TdmPlanRect *rects = NULL;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  if (n == 0 || n > MAX_ROW_STANDS)
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                   _("A row holds from 1 to %d stands."), MAX_ROW_STANDS);
      return NULL;
    }
  if (capacity < 0)
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                           _("A stand’s capacity cannot be negative."));
      return NULL;
    }

  if (!tdm_store_begin (self, error))
    return NULL;

  fair = tdm_store_get_fair (self, fair_id, error);
  if (fair == NULL)
    goto failed;
  existing = load_stands (self, fair_id, error);
  if (existing == NULL)
    goto failed;
  codes = next_codes (self, existing, fair_id, pole_id, "stand", n, error);
  if (codes == NULL)
    goto failed;

  rects = g_new (TdmPlanRect, n);
  tdm_plan_row_layout (x, y, n, width, depth, 0, vertical, rects);
  stands = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (stands, g_object_new (TDM_TYPE_STAND,
                                           "fair-id", fair_id,
                                           "pole-id", MAX (pole_id, 0),
                                           "kind", "stand",
                                           "code", codes[i],
                                           "x", rects[i].x,
                                           "y", rects[i].y,
                                           "width", rects[i].width,
                                           "depth", rects[i].depth,
                                           "capacity", capacity,
                                           NULL));

  if (!check_stands (self, fair, existing, stands, error))
    goto failed;
  for (guint i = 0; i < n; i++)
    if (!insert_stand (self, g_ptr_array_index (stands, i), FALSE, error))
      goto failed;

  tdm_store_notify_changed (self, "stand");
  if (!tdm_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&stands);

failed:
  tdm_store_rollback (self);
  return NULL;
}

gboolean
tdm_store_update_stands (TdmStore   *self,
                         GPtrArray  *stands,
                         GPtrArray **before,
                         GError    **error)
{
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(TdmFair) fair = NULL;
  sqlite3_stmt *stmt;
  gboolean codes_changed = FALSE;
  gint64 fair_id;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (stands != NULL, FALSE);

  if (stands->len == 0)
    {
      if (before != NULL)
        *before = g_ptr_array_new_with_free_func (g_object_unref);
      return TRUE;
    }

  if (!tdm_store_begin (self, error))
    return FALSE;

  fair_id = tdm_stand_get_fair_id (g_ptr_array_index (stands, 0));
  fair = tdm_store_get_fair (self, fair_id, error);
  if (fair == NULL)
    return fail (self);
  existing = load_stands (self, fair_id, error);
  if (existing == NULL)
    return fail (self);

  snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < stands->len; i++)
    {
      TdmStand *stand = g_ptr_array_index (stands, i);
      TdmStand *current = NULL;

      for (guint j = 0; j < existing->len && current == NULL; j++)
        if (tdm_stand_get_id (g_ptr_array_index (existing, j)) == tdm_stand_get_id (stand))
          current = g_ptr_array_index (existing, j);

      if (current == NULL || tdm_stand_get_fair_id (stand) != fair_id)
        {
          g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                               _("This stand does not exist any more."));
          return fail (self);
        }
      g_ptr_array_add (snapshots, tdm_stand_copy (current));
      codes_changed |= g_strcmp0 (tdm_stand_get_code (current), tdm_stand_get_code (stand)) != 0;
    }

  if (!check_stands (self, fair, existing, stands, error))
    return fail (self);

  /* Two stands may swap codes: park the changed ones on codes no user
   * types first, so that UNIQUE (fair_id, code) holds after each row. */
  if (codes_changed)
    {
      stmt = tdm_store_prepare (self, "UPDATE stand SET code = char(1) || id WHERE id = ?1", error);
      if (stmt == NULL)
        return fail (self);
      for (guint i = 0; i < stands->len; i++)
        {
          sqlite3_bind_int64 (stmt, 1, tdm_stand_get_id (g_ptr_array_index (stands, i)));
          if (!tdm_store_step_done (self, stmt, _("saving the stand"), error))
            return fail (self);
        }
    }

  stmt = tdm_store_prepare (self,
                            "UPDATE stand SET pole_id = ?2, kind = ?3, code = ?4, x = ?5, y = ?6, "
                            "width = ?7, depth = ?8, capacity = ?9 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return fail (self);
  for (guint i = 0; i < stands->len; i++)
    {
      TdmStand *stand = g_ptr_array_index (stands, i);

      sqlite3_bind_int64 (stmt, 1, tdm_stand_get_id (stand));
      tdm_store_bind_id (stmt, 2, tdm_stand_get_pole_id (stand));
      sqlite3_bind_text (stmt, 3, tdm_stand_get_kind (stand), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, tdm_stand_get_code (stand), -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 5, MAX (tdm_stand_get_x (stand), 0));
      sqlite3_bind_double (stmt, 6, MAX (tdm_stand_get_y (stand), 0));
      sqlite3_bind_double (stmt, 7, tdm_stand_get_width (stand));
      sqlite3_bind_double (stmt, 8, tdm_stand_get_depth (stand));
      sqlite3_bind_int (stmt, 9, tdm_stand_get_capacity (stand));
      if (!tdm_store_step_done (self, stmt, _("saving the stand"), error))
        return fail (self);
    }

  tdm_store_notify_changed (self, "stand");
  if (codes_changed)
    tdm_store_notify_changed (self, "exhibitor");
  if (!tdm_store_commit (self, error))
    return FALSE;

  if (before != NULL)
    *before = g_steal_pointer (&snapshots);
  return TRUE;
}

static gboolean
update_one_stand (TdmStore  *self,
                  TdmStand  *stand,
                  GError   **error)
{
  g_autoptr(GPtrArray) stands = g_ptr_array_new ();

  g_ptr_array_add (stands, stand);
  return tdm_store_update_stands (self, stands, NULL, error);
}

gboolean
tdm_store_set_stand_code (TdmStore    *self,
                          gint64       stand_id,
                          const char  *code,
                          GError     **error)
{
  g_autoptr(TdmStand) stand = tdm_store_get_stand (self, stand_id, error);

  if (stand == NULL)
    return FALSE;
  tdm_stand_set_code (stand, code);
  return update_one_stand (self, stand, error);
}

gboolean
tdm_store_set_stand_capacity (TdmStore  *self,
                              gint64     stand_id,
                              gint       capacity,
                              GError   **error)
{
  g_autoptr(TdmStand) stand = tdm_store_get_stand (self, stand_id, error);

  if (stand == NULL)
    return FALSE;
  if (capacity < 0)
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                           _("A stand’s capacity cannot be negative."));
      return FALSE;
    }
  tdm_stand_set_capacity (stand, capacity);
  return update_one_stand (self, stand, error);
}

gboolean
tdm_store_move_stand (TdmStore  *self,
                      gint64     stand_id,
                      double     x,
                      double     y,
                      double     width,
                      double     depth,
                      GError   **error)
{
  g_autoptr(TdmStand) stand = tdm_store_get_stand (self, stand_id, error);

  if (stand == NULL)
    return FALSE;
  tdm_stand_set_geometry (stand, x, y, width, depth);
  return update_one_stand (self, stand, error);
}

static GArray *
exhibitors_on_stand (TdmStore  *self,
                     gint64     stand_id,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  GArray *ids;

  stmt = tdm_store_prepare (self, "SELECT id FROM exhibitor WHERE stand_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stand_id);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

gboolean
tdm_store_delete_stands (TdmStore      *self,
                         const gint64  *ids,
                         guint          n_ids,
                         GPtrArray    **deleted,
                         GError       **error)
{
  g_autoptr(GPtrArray) snapshots = NULL;
  sqlite3_stmt *stmt;
  gboolean had_exhibitors = FALSE;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!tdm_store_begin (self, error))
    return FALSE;

  snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GArray) on_stand = NULL;
      TdmStand *stand = tdm_store_get_stand (self, ids[i], error);

      if (stand == NULL)
        return fail (self);
      g_ptr_array_add (snapshots, stand);

      on_stand = exhibitors_on_stand (self, ids[i], error);
      if (on_stand == NULL)
        return fail (self);
      tdm_stand_set_exhibitor_ids (stand, (const gint64 *) on_stand->data, on_stand->len);
      had_exhibitors |= on_stand->len > 0;

      stmt = tdm_store_prepare (self, "DELETE FROM stand WHERE id = ?1", error);
      if (stmt == NULL)
        return fail (self);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      if (!tdm_store_step_done (self, stmt, _("deleting the stand"), error))
        return fail (self);
    }

  tdm_store_notify_changed (self, "stand");
  if (had_exhibitors)
    tdm_store_notify_changed (self, "exhibitor");
  if (!tdm_store_commit (self, error))
    return FALSE;

  if (deleted != NULL)
    *deleted = g_steal_pointer (&snapshots);
  return TRUE;
}

gboolean
tdm_store_restore_stands (TdmStore   *self,
                          GPtrArray  *stands,
                          GError    **error)
{
  g_autoptr(TdmFair) fair = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  sqlite3_stmt *stmt;
  gboolean moved_exhibitors = FALSE;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (stands != NULL, FALSE);

  if (stands->len == 0)
    return TRUE;

  if (!tdm_store_begin (self, error))
    return FALSE;

  fair = tdm_store_get_fair (self, tdm_stand_get_fair_id (g_ptr_array_index (stands, 0)), error);
  if (fair == NULL)
    return fail (self);
  existing = load_stands (self, tdm_fair_get_id (fair), error);
  if (existing == NULL)
    return fail (self);

  /* Checked as new stands: the others may have moved in between. */
  copies = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < stands->len; i++)
    {
      TdmStand *copy = tdm_stand_copy (g_ptr_array_index (stands, i));

      for (guint j = 0; j < existing->len; j++)
        if (tdm_stand_get_id (g_ptr_array_index (existing, j)) == tdm_stand_get_id (copy))
          {
            g_object_unref (copy);
            g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT,
                         _("Stand %s is already on the plan."),
                         tdm_stand_get_code (g_ptr_array_index (existing, j)));
            return fail (self);
          }
      g_ptr_array_add (copies, copy);
    }
  /* check_stands() matches candidates to existing stands by id; these
   * have none among the existing ones, so their ids can stay. */
  if (!check_stands (self, fair, existing, copies, error))
    return fail (self);

  for (guint i = 0; i < copies->len; i++)
    if (!insert_stand (self, g_ptr_array_index (copies, i), TRUE, error))
      return fail (self);

  stmt = tdm_store_prepare (self,
                            "UPDATE exhibitor SET stand_id = ?1 WHERE id = ?2 AND fair_id = ?3 "
                            "AND stand_id IS NULL AND status IN ('accepted', 'confirmed')",
                            error);
  if (stmt == NULL)
    return fail (self);
  for (guint i = 0; i < copies->len; i++)
    {
      TdmStand *stand = g_ptr_array_index (copies, i);
      const GArray *on_stand = tdm_stand_get_exhibitor_ids (stand);

      for (guint j = 0; on_stand != NULL && j < on_stand->len; j++)
        {
          sqlite3_bind_int64 (stmt, 1, tdm_stand_get_id (stand));
          sqlite3_bind_int64 (stmt, 2, g_array_index (on_stand, gint64, j));
          sqlite3_bind_int64 (stmt, 3, tdm_fair_get_id (fair));
          if (!tdm_store_step_done (self, stmt, _("putting the exhibitors back"), error))
            return fail (self);
          moved_exhibitors |= sqlite3_changes (tdm_store_get_db (self)) > 0;
        }
    }

  tdm_store_notify_changed (self, "stand");
  if (moved_exhibitors)
    tdm_store_notify_changed (self, "exhibitor");
  return tdm_store_commit (self, error);
}

/* ---- exhibitors -------------------------------------------------------- */

static const char exhibitor_select[] =
  "SELECT " TDM_EXHIBITOR_COLUMNS " FROM " TDM_EXHIBITOR_FROM " WHERE ex.id = ?1";

static GListModel *
list_exhibitors (TdmStore    *self,
                 const char  *sql,
                 gint64       key,
                 const char  *status,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  GListStore *list;
  gboolean arabic = tdm_locale_is_arabic ();
  int rc;

  stmt = tdm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  if (status != NULL)
    sqlite3_bind_text (stmt, 2, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, arabic);

  list = g_list_store_new (TDM_TYPE_EXHIBITOR);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TdmExhibitor) exhibitor = tdm_exhibitor_new ();

      tdm_exhibitor_update_from_row (exhibitor, stmt, 0, arabic);
      g_list_store_append (list, exhibitor);
    }
  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (self, error, rc, _("reading the exhibitors"));
      g_clear_object (&list);
    }
  sqlite3_reset (stmt);
  return list != NULL ? G_LIST_MODEL (list) : NULL;
}

GListModel *
tdm_store_list_exhibitors (TdmStore    *self,
                           gint64       fair_id,
                           const char  *status,
                           GError     **error)
{
  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  /* ?3: the UI is in Arabic, so sort on the Arabic names first. */
  return list_exhibitors (self,
                          "SELECT " TDM_EXHIBITOR_COLUMNS " FROM " TDM_EXHIBITOR_FROM
                          " WHERE ex.fair_id = ?1 AND (?2 IS NULL OR ex.status = ?2)"
                          " ORDER BY CASE WHEN ?3 THEN coalesce (c.name_ar, c.name_fr, ex.organization_name)"
                          " ELSE coalesce (c.name_fr, c.name_ar, ex.organization_name) END COLLATE NOCASE, ex.id",
                          fair_id, status, error);
}

GListModel *
tdm_store_list_stand_exhibitors (TdmStore  *self,
                                 gint64     stand_id,
                                 GError   **error)
{
  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  return list_exhibitors (self,
                          "SELECT " TDM_EXHIBITOR_COLUMNS " FROM " TDM_EXHIBITOR_FROM
                          " WHERE ex.stand_id = ?1 ORDER BY ex.id",
                          stand_id, NULL, error);
}

TdmExhibitor *
tdm_store_get_exhibitor (TdmStore  *self,
                         gint64     id,
                         GError   **error)
{
  sqlite3_stmt *stmt;
  TdmExhibitor *exhibitor = NULL;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  stmt = tdm_store_prepare (self, exhibitor_select, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      exhibitor = tdm_exhibitor_new ();
      tdm_exhibitor_update_from_row (exhibitor, stmt, 0, tdm_locale_is_arabic ());
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                         _("This exhibitor does not exist any more."));
  else
    tdm_store_set_error (self, error, rc, _("reading the exhibitor"));
  sqlite3_reset (stmt);
  return exhibitor;
}

static gboolean
valid_status (const char *status)
{
  for (const char * const *s = tdm_exhibitor_statuses (); *s != NULL; s++)
    if (g_strcmp0 (status, *s) == 0)
      return TRUE;
  return FALSE;
}

/* The rules of assign_stand(), without writing. */
static gboolean
check_assign (TdmStore      *self,
              TdmExhibitor  *exhibitor,
              gint64         stand_id,
              GError       **error)
{
  g_autoptr(TdmStand) stand = NULL;
  sqlite3_stmt *stmt;
  const char *name = tdm_exhibitor_get_display_name (exhibitor);

  if (tdm_exhibitor_get_stand_id (exhibitor) == stand_id)
    return TRUE;

  if (stand_id > 0)
    {
      gint64 others;

      stand = tdm_store_get_stand (self, stand_id, error);
      if (stand == NULL)
        return FALSE;
      if (tdm_stand_get_fair_id (stand) != tdm_exhibitor_get_fair_id (exhibitor))
        {
          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                       _("Stand %s belongs to another fair."), tdm_stand_get_code (stand));
          return FALSE;
        }
      if (tdm_stand_is_area (stand))
        {
          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                       _("%s is an area of the plan (%s), not a stand: nobody can be placed there."),
                       tdm_stand_get_code (stand), tdm_stand_get_kind_label (stand));
          return FALSE;
        }
      if (!tdm_exhibitor_status_can_hold_stand (tdm_exhibitor_get_status (exhibitor)))
        {
          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                       _("%s cannot have a stand: the application is “%s”, and only accepted or confirmed exhibitors have one."),
                       name, tdm_exhibitor_get_status_label (exhibitor));
          return FALSE;
        }

      stmt = tdm_store_prepare (self, "SELECT count(*) FROM exhibitor WHERE stand_id = ?1 AND id <> ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, stand_id);
      sqlite3_bind_int64 (stmt, 2, tdm_exhibitor_get_id (exhibitor));
      others = query_int64 (stmt, 0);
      if (others >= tdm_stand_get_capacity (stand))
        {
          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Stand %s is full (%d of %d place).",
                                    "Stand %s is full (%d of %d places).",
                                    tdm_stand_get_capacity (stand)),
                       tdm_stand_get_code (stand), (int) others, tdm_stand_get_capacity (stand));
          return FALSE;
        }
    }

  return TRUE;
}

/* Puts EXHIBITOR (as it is in the database) on STAND_ID, 0 = off its
 * stand; inside a transaction. */
static gboolean
assign_stand (TdmStore      *self,
              TdmExhibitor  *exhibitor,
              gint64         stand_id,
              GError       **error)
{
  sqlite3_stmt *stmt;

  if (tdm_exhibitor_get_stand_id (exhibitor) == stand_id)
    return TRUE;
  if (!check_assign (self, exhibitor, stand_id, error))
    return FALSE;

  stmt = tdm_store_prepare (self, "UPDATE exhibitor SET stand_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tdm_exhibitor_get_id (exhibitor));
  tdm_store_bind_id (stmt, 2, stand_id);
  if (!tdm_store_step_done (self, stmt, _("placing the exhibitor on the stand"), error))
    return FALSE;

  tdm_store_notify_changed (self, "exhibitor");
  tdm_store_notify_changed (self, "stand");
  return TRUE;
}

static gboolean
refresh_exhibitor (TdmStore      *self,
                   TdmExhibitor  *exhibitor,
                   gint64         id,
                   GError       **error)
{
  sqlite3_stmt *stmt = tdm_store_prepare (self, exhibitor_select, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    tdm_exhibitor_update_from_row (exhibitor, stmt, 0, tdm_locale_is_arabic ());
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
cooperative_name (TdmStore *self,
                  gint64    cooperative_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  stmt = tdm_store_prepare (self,
                            "SELECT CASE WHEN ?2 THEN coalesce (name_ar, name_fr) "
                            "ELSE coalesce (name_fr, name_ar) END FROM cooperative WHERE id = ?1",
                            NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cooperative_id);
  sqlite3_bind_int (stmt, 2, tdm_locale_is_arabic ());
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = tdm_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}

/* Inserts EXHIBITOR; inside a transaction. */
static gboolean
insert_exhibitor (TdmStore      *self,
                  TdmExhibitor  *exhibitor,
                  GError       **error)
{
  const char *status = tdm_exhibitor_get_status (exhibitor);
  g_autofree char *now = today ();
  const char *dates[4];
  sqlite3_stmt *stmt;
  gint64 cooperative_id = tdm_exhibitor_get_cooperative_id (exhibitor);
  gint64 stand_id = tdm_exhibitor_get_stand_id (exhibitor);
  gint64 id;

  if (status == NULL)
    status = "applied";
  if (!valid_status (status))
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                   _("“%s” is not an application status."), status);
      return FALSE;
    }

  if (cooperative_id > 0)
    {
      g_autofree char *name = cooperative_name (self, cooperative_id);

      if (name == NULL)
        {
          g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                               _("This cooperative is not in the registry."));
          return FALSE;
        }
      stmt = tdm_store_prepare (self, "SELECT count(*) FROM exhibitor WHERE fair_id = ?1 AND cooperative_id = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, tdm_exhibitor_get_fair_id (exhibitor));
      sqlite3_bind_int64 (stmt, 2, cooperative_id);
      if (query_int64 (stmt, 0) > 0)
        {
          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT,
                       _("%s has already applied to this fair."), name);
          return FALSE;
        }
    }
  else if (is_blank (tdm_exhibitor_get_organization_name (exhibitor)))
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                           _("An exhibitor is a cooperative of the registry or an organization with a name."));
      return FALSE;
    }

  /* The dates of the steps the application went through. */
  dates[0] = tdm_exhibitor_get_applied_on (exhibitor);
  dates[1] = tdm_exhibitor_get_decided_on (exhibitor);
  dates[2] = tdm_exhibitor_get_confirmed_on (exhibitor);
  dates[3] = tdm_exhibitor_get_withdrawn_on (exhibitor);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (!is_blank (dates[i]) && !tdm_validate_iso_date (dates[i]))
      {
        g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                     _("“%s” is not a date: write it as YYYY-MM-DD."), dates[i]);
        return FALSE;
      }
  if (is_blank (dates[0]))
    dates[0] = now;
  if (is_blank (dates[1]) && !g_str_equal (status, "applied"))
    dates[1] = now;
  if (is_blank (dates[2]) && g_str_equal (status, "confirmed"))
    dates[2] = now;
  if (is_blank (dates[3]) && g_str_equal (status, "withdrawn"))
    dates[3] = now;

  stmt = tdm_store_prepare (self,
                            "INSERT INTO exhibitor (fair_id, cooperative_id, organization_name, status, "
                            "applied_on, decided_on, confirmed_on, withdrawn_on, products) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tdm_exhibitor_get_fair_id (exhibitor));
  tdm_store_bind_id (stmt, 2, cooperative_id);
  tdm_store_bind_text_trimmed (stmt, 3, tdm_exhibitor_get_organization_name (exhibitor));
  sqlite3_bind_text (stmt, 4, status, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    tdm_store_bind_text_trimmed (stmt, 5 + (int) i, dates[i]);
  tdm_store_bind_text_trimmed (stmt, 9, tdm_exhibitor_get_products (exhibitor));
  if (!tdm_store_step_done (self, stmt, _("saving the exhibitor"), error))
    return FALSE;

  id = sqlite3_last_insert_rowid (tdm_store_get_db (self));
  if (!refresh_exhibitor (self, exhibitor, id, error))
    return FALSE;

  if (stand_id > 0)
    {
      if (!assign_stand (self, exhibitor, stand_id, error))
        return FALSE;
      if (!refresh_exhibitor (self, exhibitor, id, error))
        return FALSE;
    }

  tdm_store_notify_changed (self, "exhibitor");
  return TRUE;
}

gboolean
tdm_store_add_exhibitor (TdmStore      *self,
                         TdmExhibitor  *exhibitor,
                         GError       **error)
{
  g_autoptr(TdmExhibitor) original = NULL;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TDM_IS_EXHIBITOR (exhibitor), FALSE);
  g_return_val_if_fail (tdm_exhibitor_get_id (exhibitor) == 0, FALSE);

  original = tdm_exhibitor_copy (exhibitor);
  if (!tdm_store_begin (self, error))
    return FALSE;
  if (!tdm_store_check_fair (self, tdm_exhibitor_get_fair_id (exhibitor), error) ||
      !insert_exhibitor (self, exhibitor, error))
    {
      g_object_set (exhibitor, "id", (gint64) 0, "stand-id", tdm_exhibitor_get_stand_id (original), NULL);
      return fail (self);
    }
  if (!tdm_store_commit (self, error))
    {
      g_object_set (exhibitor, "id", (gint64) 0, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
tdm_store_update_exhibitor (TdmStore      *self,
                            TdmExhibitor  *exhibitor,
                            GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TDM_IS_EXHIBITOR (exhibitor), FALSE);

  if (tdm_exhibitor_get_cooperative_id (exhibitor) <= 0 &&
      is_blank (tdm_exhibitor_get_organization_name (exhibitor)))
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                           _("An exhibitor is a cooperative of the registry or an organization with a name."));
      return FALSE;
    }

  if (!tdm_store_begin (self, error))
    return FALSE;
  stmt = tdm_store_prepare (self,
                            "UPDATE exhibitor SET products = ?2, organization_name = ?3 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, tdm_exhibitor_get_id (exhibitor));
  tdm_store_bind_text_trimmed (stmt, 2, tdm_exhibitor_get_products (exhibitor));
  tdm_store_bind_text_trimmed (stmt, 3, tdm_exhibitor_get_organization_name (exhibitor));
  if (!tdm_store_step_done (self, stmt, _("saving the exhibitor"), error))
    return fail (self);
  if (sqlite3_changes (tdm_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                           _("This exhibitor does not exist any more."));
      return fail (self);
    }
  tdm_store_notify_changed (self, "exhibitor");
  return tdm_store_commit (self, error);
}

gboolean
tdm_store_delete_exhibitor (TdmStore  *self,
                            gint64     id,
                            GError   **error)
{
  static const char * const tables[] = { "exhibitor", "stand", NULL };

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM exhibitor WHERE id = ?1", id,
                     _("deleting the exhibitor"),
                     _("This exhibitor does not exist any more."),
                     tables, error);
}

gboolean
tdm_store_set_exhibitor_status (TdmStore    *self,
                                gint64       id,
                                const char  *status,
                                const char  *date,
                                GError     **error)
{
  g_autoptr(TdmExhibitor) exhibitor = NULL;
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;
  gboolean decided, keeps_stand;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  if (!valid_status (status))
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                   _("“%s” is not an application status."), status != NULL ? status : "");
      return FALSE;
    }
  if (date != NULL && !tdm_validate_iso_date (date))
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD."), date);
      return FALSE;
    }
  day = date != NULL ? g_strdup (date) : today ();

  if (!tdm_store_begin (self, error))
    return FALSE;

  exhibitor = tdm_store_get_exhibitor (self, id, error);
  if (exhibitor == NULL)
    return fail (self);

  if (!tdm_exhibitor_status_can_change (tdm_exhibitor_get_status (exhibitor), status))
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                   _("The application of %s cannot go from “%s” to “%s”."),
                   tdm_exhibitor_get_display_name (exhibitor),
                   tdm_exhibitor_get_status_label (exhibitor),
                   tdm_exhibitor_status_label (status));
      return fail (self);
    }

  decided = g_str_equal (status, "accepted") || g_str_equal (status, "waitlisted") ||
            g_str_equal (status, "rejected");
  keeps_stand = tdm_exhibitor_status_can_hold_stand (status);

  stmt = tdm_store_prepare (self,
                            "UPDATE exhibitor SET status = ?2, "
                            "decided_on = CASE WHEN ?3 THEN ?6 ELSE decided_on END, "
                            "confirmed_on = CASE WHEN ?4 THEN ?6 ELSE confirmed_on END, "
                            "withdrawn_on = CASE WHEN ?5 THEN ?6 ELSE withdrawn_on END, "
                            "stand_id = CASE WHEN ?7 THEN stand_id ELSE NULL END "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, decided);
  sqlite3_bind_int (stmt, 4, g_str_equal (status, "confirmed"));
  sqlite3_bind_int (stmt, 5, g_str_equal (status, "withdrawn"));
  sqlite3_bind_text (stmt, 6, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, keeps_stand);
  if (!tdm_store_step_done (self, stmt, _("changing the application’s status"), error))
    return fail (self);

  tdm_store_notify_changed (self, "exhibitor");
  if (!keeps_stand && tdm_exhibitor_get_stand_id (exhibitor) > 0)
    tdm_store_notify_changed (self, "stand");
  return tdm_store_commit (self, error);
}

gboolean
tdm_store_assign_stand (TdmStore  *self,
                        gint64     exhibitor_id,
                        gint64     stand_id,
                        gint64    *previous_stand_id,
                        GError   **error)
{
  g_autoptr(TdmExhibitor) exhibitor = NULL;
  gint64 previous;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  if (!tdm_store_begin (self, error))
    return FALSE;
  exhibitor = tdm_store_get_exhibitor (self, exhibitor_id, error);
  if (exhibitor == NULL)
    return fail (self);
  previous = tdm_exhibitor_get_stand_id (exhibitor);
  if (!assign_stand (self, exhibitor, MAX (stand_id, 0), error))
    return fail (self);
  if (!tdm_store_commit (self, error))
    return FALSE;

  if (previous_stand_id != NULL)
    *previous_stand_id = previous;
  return TRUE;
}

gboolean
tdm_store_check_assign_stand (TdmStore  *self,
                              gint64     exhibitor_id,
                              gint64     stand_id,
                              GError   **error)
{
  g_autoptr(TdmExhibitor) exhibitor = NULL;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  exhibitor = tdm_store_get_exhibitor (self, exhibitor_id, error);
  if (exhibitor == NULL)
    return FALSE;
  return check_assign (self, exhibitor, MAX (stand_id, 0), error);
}

gboolean
tdm_store_unassign_stand (TdmStore  *self,
                          gint64     exhibitor_id,
                          GError   **error)
{
  return tdm_store_assign_stand (self, exhibitor_id, 0, NULL, error);
}

/* ---- partners of a fair ------------------------------------------------ */

static const char * const roles[] = {
  "organizer", "co_organizer", "funder", "sponsor", "guest", "foreign_delegation", NULL
};

static const char * const role_labels[] = {
  NC_("partner role", "Organizer"),
  NC_("partner role", "Co-organizer"),
  NC_("partner role", "Funder"),
  NC_("partner role", "Sponsor"),
  NC_("partner role", "Guest"),
  NC_("partner role", "Foreign delegation"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (roles) == G_N_ELEMENTS (role_labels) + 1);

const char * const *
tdm_fair_partner_roles (void)
{
  return roles;
}

const char *
tdm_fair_partner_role_label (const char *role)
{
  if (role == NULL)
    return "";
  for (guint i = 0; roles[i] != NULL; i++)
    if (g_str_equal (role, roles[i]))
      return g_dpgettext2 (GETTEXT_PACKAGE, "partner role", role_labels[i]);
  return role;
}

void
tdm_fair_partner_free (TdmFairPartner *partner)
{
  if (partner == NULL)
    return;
  g_free (partner->name);
  g_free (partner->kind);
  g_free (partner->role);
  g_free (partner);
}

GPtrArray *
tdm_store_list_fair_partners (TdmStore  *self,
                              gint64     fair_id,
                              GError   **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *partners;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  stmt = tdm_store_prepare (self,
                            "SELECT fp.partner_id, pa.name, pa.acronym, pa.kind, fp.role, fp.amount "
                            "FROM fair_partner fp JOIN partner pa ON pa.id = fp.partner_id "
                            "WHERE fp.fair_id = ?1 ORDER BY CASE fp.role "
                            " WHEN 'organizer' THEN 0 WHEN 'co_organizer' THEN 1 WHEN 'funder' THEN 2 "
                            " WHEN 'sponsor' THEN 3 WHEN 'guest' THEN 4 ELSE 5 END, pa.name COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fair_id);

  partners = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_fair_partner_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TdmFairPartner *partner = g_new0 (TdmFairPartner, 1);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *acronym = (const char *) sqlite3_column_text (stmt, 2);

      partner->partner_id = sqlite3_column_int64 (stmt, 0);
      partner->name = (acronym != NULL && *acronym != '\0')
                      ? g_strdup_printf ("%s (%s)", name, acronym)
                      : g_strdup (name);
      partner->kind = tdm_store_column_dup (stmt, 3);
      partner->role = tdm_store_column_dup (stmt, 4);
      partner->amount = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 5);
      g_ptr_array_add (partners, partner);
    }
  sqlite3_reset (stmt);
  return partners;
}

gboolean
tdm_store_set_fair_partner (TdmStore    *self,
                            gint64       fair_id,
                            gint64       partner_id,
                            const char  *role,
                            double       amount,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean known_role = FALSE;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  for (guint i = 0; roles[i] != NULL; i++)
    known_role |= g_strcmp0 (role, roles[i]) == 0;
  if (!known_role)
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                   _("“%s” is not a role a partner can have in a fair."), role != NULL ? role : "");
      return FALSE;
    }
  if (isnan (amount))
    amount = -1;

  if (!tdm_store_begin (self, error))
    return FALSE;
  if (!tdm_store_check_fair (self, fair_id, error))
    return fail (self);
  stmt = tdm_store_prepare (self, "SELECT count(*) FROM partner WHERE id = ?1", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, partner_id);
  if (query_int64 (stmt, 0) == 0)
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                           _("This partner does not exist any more."));
      return fail (self);
    }

  stmt = tdm_store_prepare (self,
                            "INSERT INTO fair_partner (fair_id, partner_id, role, amount) "
                            "VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (fair_id, partner_id, role) DO UPDATE SET amount = excluded.amount",
                            error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, fair_id);
  sqlite3_bind_int64 (stmt, 2, partner_id);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_TRANSIENT);
  if (amount >= 0)
    sqlite3_bind_double (stmt, 4, amount);
  if (!tdm_store_step_done (self, stmt, _("saving the fair’s partner"), error))
    return fail (self);

  tdm_store_notify_changed (self, "fair_partner");
  return tdm_store_commit (self, error);
}

gboolean
tdm_store_remove_fair_partner (TdmStore    *self,
                               gint64       fair_id,
                               gint64       partner_id,
                               const char  *role,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  if (!tdm_store_begin (self, error))
    return FALSE;
  stmt = tdm_store_prepare (self,
                            "DELETE FROM fair_partner WHERE fair_id = ?1 AND partner_id = ?2 AND role = ?3",
                            error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, fair_id);
  sqlite3_bind_int64 (stmt, 2, partner_id);
  sqlite3_bind_text (stmt, 3, role != NULL ? role : "", -1, SQLITE_TRANSIENT);
  if (!tdm_store_step_done (self, stmt, _("removing the fair’s partner"), error))
    return fail (self);
  if (sqlite3_changes (tdm_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                           _("This partner has no such role in this fair."));
      return fail (self);
    }
  tdm_store_notify_changed (self, "fair_partner");
  return tdm_store_commit (self, error);
}

/* ---- days of a fair ---------------------------------------------------- */

void
tdm_fair_day_free (TdmFairDay *day)
{
  if (day == NULL)
    return;
  g_free (day->day);
  g_free (day);
}

GPtrArray *
tdm_store_list_fair_days (TdmStore  *self,
                          gint64     fair_id,
                          GError   **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *days;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  stmt = tdm_store_prepare (self,
                            "SELECT day, visitors, sales FROM fair_day WHERE fair_id = ?1 ORDER BY day",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fair_id);

  days = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_fair_day_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TdmFairDay *day = g_new0 (TdmFairDay, 1);

      day->day = tdm_store_column_dup (stmt, 0);
      day->visitors = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 1);
      day->sales = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 2);
      g_ptr_array_add (days, day);
    }
  sqlite3_reset (stmt);
  return days;
}

gboolean
tdm_store_set_fair_day (TdmStore    *self,
                        gint64       fair_id,
                        const char  *day,
                        gint64       visitors,
                        double       sales,
                        GError     **error)
{
  g_autoptr(TdmFair) fair = NULL;
  sqlite3_stmt *stmt;
  const char *start, *end;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  if (day == NULL || !tdm_validate_iso_date (day))
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD."), day != NULL ? day : "");
      return FALSE;
    }

  if (!tdm_store_begin (self, error))
    return FALSE;
  fair = tdm_store_get_fair (self, fair_id, error);
  if (fair == NULL)
    return fail (self);

  start = tdm_fair_get_start_date (fair);
  end = tdm_fair_get_end_date (fair);
  if ((start != NULL && strcmp (day, start) < 0) || (end != NULL && strcmp (day, end) > 0))
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                   _("%s is not one of the fair’s days (%s to %s)."),
                   day, start != NULL ? start : "…", end != NULL ? end : "…");
      return fail (self);
    }

  stmt = tdm_store_prepare (self,
                            "INSERT INTO fair_day (fair_id, day, visitors, sales) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (fair_id, day) DO UPDATE SET visitors = excluded.visitors, "
                            "sales = excluded.sales",
                            error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, fair_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  if (visitors >= 0)
    sqlite3_bind_int64 (stmt, 3, visitors);
  if (sales >= 0)
    sqlite3_bind_double (stmt, 4, sales);
  if (!tdm_store_step_done (self, stmt, _("saving the day’s figures"), error))
    return fail (self);

  tdm_store_notify_changed (self, "fair_day");
  return tdm_store_commit (self, error);
}

gboolean
tdm_store_delete_fair_day (TdmStore    *self,
                           gint64       fair_id,
                           const char  *day,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  if (!tdm_store_begin (self, error))
    return FALSE;
  stmt = tdm_store_prepare (self, "DELETE FROM fair_day WHERE fair_id = ?1 AND day = ?2", error);
  if (stmt == NULL)
    return fail (self);
  sqlite3_bind_int64 (stmt, 1, fair_id);
  sqlite3_bind_text (stmt, 2, day != NULL ? day : "", -1, SQLITE_TRANSIENT);
  if (!tdm_store_step_done (self, stmt, _("deleting the day’s figures"), error))
    return fail (self);
  tdm_store_notify_changed (self, "fair_day");
  return tdm_store_commit (self, error);
}

/* ---- importing exhibitors ---------------------------------------------- */

/* Header names, "|"-separated, compared after tdm_csv_header_key(): the
 * names the cooperatives' import knows, and a few of a fair's own. */
#define COLUMN_REGISTRATION "registration_number|registration number|registration|registration no|" \
  "numéro d'immatriculation|n° d'immatriculation|immatriculation|numéro d'enregistrement|" \
  "n° d'enregistrement|n° enregistrement|numéro|رقم التسجيل|رقم التقييد|رقم القيد"
#define COLUMN_NAME_FR "name_fr|name|nom|nom fr|nom (fr)|nom français|nom en français|french name|" \
  "raison sociale|dénomination|dénomination sociale|nom de la coopérative|coopérative|" \
  "الاسم بالفرنسية|الاسم بالفرنسي"
#define COLUMN_NAME_AR "name_ar|الاسم|اسم التعاونية|الاسم بالعربية|الاسم بالعربي|التعاونية|nom ar|" \
  "nom (ar)|nom arabe|nom en arabe|arabic name|dénomination en arabe"
#define COLUMN_PROVINCE "province|préfecture|province ou préfecture|province/préfecture|" \
  "préfecture/province|الإقليم|العمالة|العمالة أو الإقليم|العمالة/الإقليم|الإقليم/العمالة|إقليم"
#define COLUMN_ORGANIZATION "organization|organisation|organisme|الهيئة|المنظمة"
#define COLUMN_STATUS "status|statut|état|situation|الحالة|الوضعية"
#define COLUMN_STAND "stand|code stand|stand code|n° stand|الرواق|رواق|رقم الرواق"
#define COLUMN_PRODUCTS "products|produits|productions|المنتجات|المنتوجات"

/* What people write in a status column, folded, in the three languages. */
static const struct {
  const char *word;
  const char *status;
} status_words[] = {
  { "applied", "applied" }, { "candidature", "applied" }, { "candidat", "applied" },
  { "inscrit", "applied" }, { "inscrite", "applied" }, { "مترشح", "applied" },
  { "مترشحه", "applied" }, { "طلب", "applied" },
  { "accepted", "accepted" }, { "accepte", "accepted" }, { "acceptee", "accepted" },
  { "retenu", "accepted" }, { "retenue", "accepted" }, { "مقبول", "accepted" },
  { "مقبوله", "accepted" },
  { "waitlisted", "waitlisted" }, { "en attente", "waitlisted" },
  { "liste d attente", "waitlisted" }, { "liste dattente", "waitlisted" },
  { "لائحه الانتظار", "waitlisted" }, { "قائمه الانتظار", "waitlisted" },
  { "rejected", "rejected" }, { "refuse", "rejected" }, { "refusee", "rejected" },
  { "rejete", "rejected" }, { "rejetee", "rejected" }, { "مرفوض", "rejected" },
  { "مرفوضه", "rejected" },
  { "confirmed", "confirmed" }, { "confirme", "confirmed" }, { "confirmee", "confirmed" },
  { "مؤكد", "confirmed" }, { "مؤكده", "confirmed" }, { "موكد", "confirmed" },
  { "withdrawn", "withdrawn" }, { "desiste", "withdrawn" }, { "desistee", "withdrawn" },
  { "retire", "withdrawn" }, { "retiree", "withdrawn" }, { "منسحب", "withdrawn" },
  { "منسحبه", "withdrawn" },
};

static const char *
parse_status (const char *text)
{
  g_autofree char *key = tdm_csv_header_key (text);

  for (guint i = 0; i < G_N_ELEMENTS (status_words); i++)
    {
      g_autofree char *word = tdm_csv_header_key (status_words[i].word);

      if (g_str_equal (key, word))
        return status_words[i].status;
    }
  return NULL;
}

void
tdm_exhibitor_import_free (TdmExhibitorImport *import)
{
  if (import == NULL)
    return;
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_free (import);
}

static void
problem_free (TdmCsvProblem *problem)
{
  g_free (problem->reason);
  g_free (problem);
}

static void
add_problem (TdmExhibitorImport *import,
             guint               line,
             TdmCsvProblemKind   kind,
             char               *reason)
{
  TdmCsvProblem *problem = g_new0 (TdmCsvProblem, 1);

  problem->line = line;
  problem->kind = kind;
  problem->reason = reason;
  g_ptr_array_add (import->problems, problem);
}

static const char *
field (TdmCsvTable *table,
       guint        row,
       int          column)
{
  char **fields = g_ptr_array_index (table->rows, row);

  if (column < 0 || column >= (int) g_strv_length (fields))
    return NULL;
  return *fields[column] != '\0' ? fields[column] : NULL;
}

/* Provinces by folded name (both languages) and HCP code. */
static GHashTable *
load_province_keys (TdmStore  *self,
                    GError   **error)
{
  GHashTable *keys;
  sqlite3_stmt *stmt;

  stmt = tdm_store_prepare (self, "SELECT id, code, name_fr, name_ar FROM province", error);
  if (stmt == NULL)
    return NULL;

  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (int col = 1; col <= 3; col++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, col);

          if (text != NULL)
            g_hash_table_insert (keys, tdm_csv_header_key (text), GINT_TO_POINTER ((int) id));
        }
    }
  sqlite3_reset (stmt);
  return keys;
}

static gint64
find_province (GHashTable *keys,
               const char *text)
{
  /* People write "Province de Taza" or "إقليم تازة" as often as "Taza". */
  static const char * const prefixes[] = {
    "province de ", "province d ", "province ", "prefecture de ", "prefecture d ",
    "prefecture ", "اقليم ", "عماله ",
  };
  g_autofree char *key = tdm_csv_header_key (text);
  gpointer id = g_hash_table_lookup (keys, key);

  for (guint i = 0; id == NULL && i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (key, prefixes[i]))
      id = g_hash_table_lookup (keys, key + strlen (prefixes[i]));
  return GPOINTER_TO_INT (id);
}

/* The cooperative a row names: > 0 its id, 0 none, -1 several. */
static gint64
find_cooperative (TdmStore   *self,
                  const char *registration,
                  const char *name,
                  gint64      province_id)
{
  sqlite3_stmt *stmt;
  gint64 found = 0;

  if (registration != NULL)
    {
      stmt = tdm_store_prepare (self, "SELECT id FROM cooperative WHERE registration_number = ?1", NULL);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, registration, -1, SQLITE_TRANSIENT);
      found = query_int64 (stmt, 0);
      if (found > 0 || name == NULL)
        return found;
    }

  if (name != NULL)
    {
      g_autofree char *folded = tdm_fold (name);

      /* name_key is "<folded Arabic name>\n<folded French name>". */
      stmt = tdm_store_prepare (self,
                                "SELECT id FROM cooperative WHERE (?2 = 0 OR province_id = ?2) AND "
                                "(substr (name_key, 1, instr (name_key, char(10)) - 1) = ?1 OR "
                                " substr (name_key, instr (name_key, char(10)) + 1) = ?1) LIMIT 2",
                                NULL);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, folded, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, province_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          found = sqlite3_column_int64 (stmt, 0);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            found = -1;
        }
      sqlite3_reset (stmt);
    }

  return found;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const TdmCsvProblem *pa = *(TdmCsvProblem * const *) a;
  const TdmCsvProblem *pb = *(TdmCsvProblem * const *) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

typedef struct {
  guint   row;
  guint   line;
  gint64  cooperative_id;   /* 0: an organization */
  char   *label;            /* how the row names the exhibitor */
} Resolved;

static void
resolved_clear (Resolved *resolved)
{
  g_free (resolved->label);
}

TdmExhibitorImport *
tdm_store_import_exhibitors (TdmStore    *self,
                             gint64       fair_id,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(TdmCsvTable) table = NULL;
  g_autoptr(TdmExhibitorImport) import = NULL;
  g_autoptr(GHashTable) provinces = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GArray) resolved = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) stands = NULL;
  int col_reg, col_fr, col_ar, col_province, col_org, col_status, col_stand, col_products;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  table = tdm_csv_table_read (path, error);
  if (table == NULL)
    return NULL;

  col_reg = tdm_csv_table_find_column (table, COLUMN_REGISTRATION);
  col_fr = tdm_csv_table_find_column (table, COLUMN_NAME_FR);
  col_ar = tdm_csv_table_find_column (table, COLUMN_NAME_AR);
  col_province = tdm_csv_table_find_column (table, COLUMN_PROVINCE);
  col_org = tdm_csv_table_find_column (table, COLUMN_ORGANIZATION);
  col_status = tdm_csv_table_find_column (table, COLUMN_STATUS);
  col_stand = tdm_csv_table_find_column (table, COLUMN_STAND);
  col_products = tdm_csv_table_find_column (table, COLUMN_PRODUCTS);

  if (col_reg < 0 && col_fr < 0 && col_ar < 0 && col_org < 0)
    {
      g_set_error_literal (error, TDM_CSV_ERROR, TDM_CSV_ERROR_MISSING_COLUMN,
                           _("The file has no column that names the exhibitors: add a column “registration_number”, “name_fr” (or “nom”), “name_ar” (or “الاسم”) or “organization”."));
      return NULL;
    }

  import = g_new0 (TdmExhibitorImport, 1);
  import->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  import->rows_read = table->rows->len;

  if (!tdm_store_begin (self, error))
    return NULL;
  if (!tdm_store_check_fair (self, fair_id, error))
    goto failed;
  provinces = load_province_keys (self, error);
  if (provinces == NULL)
    goto failed;
  stands = load_stands (self, fair_id, error);
  if (stands == NULL)
    goto failed;

  /* First every row is matched to the registry: one unknown
   * cooperative refuses the whole file. */
  resolved = g_array_new (FALSE, TRUE, sizeof (Resolved));
  g_array_set_clear_func (resolved, (GDestroyNotify) resolved_clear);
  missing = g_ptr_array_new_with_free_func (g_free);
  for (guint row = 0; row < table->rows->len; row++)
    {
      guint line = g_array_index (table->lines, guint, row);
      const char *registration = field (table, row, col_reg);
      const char *name = field (table, row, col_fr);
      const char *province = field (table, row, col_province);
      const char *organization = field (table, row, col_org);
      Resolved r = { row, line, 0, NULL };
      gint64 province_id = 0;

      if (name == NULL)
        name = field (table, row, col_ar);
      else if (field (table, row, col_ar) != NULL &&
               find_cooperative (self, NULL, name, 0) == 0)
        name = field (table, row, col_ar);

      if (registration == NULL && name == NULL)
        {
          if (organization == NULL)
            {
              add_problem (import, line, TDM_CSV_PROBLEM_INVALID,
                           g_strdup (_("This row names no cooperative and no organization.")));
              continue;
            }
          r.label = g_strdup (organization);
          g_array_append_val (resolved, r);
          continue;
        }

      if (province != NULL)
        province_id = find_province (provinces, province);
      r.label = g_strdup (registration != NULL ? registration : name);
      r.cooperative_id = (province != NULL && province_id == 0 && registration == NULL)
                         ? 0 : find_cooperative (self, registration, name, province_id);
      if (r.cooperative_id == 0)
        {
          g_ptr_array_add (missing, g_strdup_printf ("%u (%s)", line, r.label));
          g_free (r.label);
          continue;
        }
      if (r.cooperative_id < 0)
        {
          add_problem (import, line, TDM_CSV_PROBLEM_INVALID,
                       g_strdup_printf (_("Several cooperatives of the registry are called “%s”: give the registration number or the province."),
                                        r.label));
          g_free (r.label);
          continue;
        }
      g_array_append_val (resolved, r);
    }

  if (missing->len > 0)
    {
      g_autofree char *list = join_codes (missing);

      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Line %s names a cooperative that is not in the registry. Nothing was imported.",
                                "Lines %s name cooperatives that are not in the registry. Nothing was imported.",
                                missing->len),
                   list);
      goto failed;
    }

  seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < resolved->len; i++)
    {
      Resolved *r = &g_array_index (resolved, Resolved, i);
      const char *status_text = field (table, r->row, col_status);
      const char *stand_code = field (table, r->row, col_stand);
      const char *status = "applied";
      g_autoptr(TdmExhibitor) exhibitor = NULL;
      g_autoptr(GError) row_error = NULL;
      TdmStand *stand = NULL;

      if (status_text != NULL)
        {
          status = parse_status (status_text);
          if (status == NULL)
            {
              add_problem (import, r->line, TDM_CSV_PROBLEM_INVALID,
                           g_strdup_printf (_("“%s” is not an application status."), status_text));
              continue;
            }
        }
      else if (stand_code != NULL)
        status = "accepted";   /* a stand given means the application was accepted */

      if (r->cooperative_id > 0)
        {
          if (g_hash_table_contains (seen, &r->cooperative_id))
            {
              add_problem (import, r->line, TDM_CSV_PROBLEM_DUPLICATE,
                           g_strdup_printf (_("%s appears twice in the file."), r->label));
              continue;
            }
          g_hash_table_add (seen, &r->cooperative_id);
        }

      if (stand_code != NULL)
        {
          for (guint s = 0; s < stands->len && stand == NULL; s++)
            if (codes_equal (stand_code, tdm_stand_get_code (g_ptr_array_index (stands, s))))
              stand = g_ptr_array_index (stands, s);
          if (stand == NULL)
            add_problem (import, r->line, TDM_CSV_PROBLEM_INVALID,
                         g_strdup_printf (_("There is no stand %s in this fair: the exhibitor was added without a stand."),
                                          stand_code));
        }

      exhibitor = g_object_new (TDM_TYPE_EXHIBITOR,
                                "fair-id", fair_id,
                                "cooperative-id", r->cooperative_id,
                                "organization-name", r->cooperative_id > 0 ? NULL : r->label,
                                "status", status,
                                "products", field (table, r->row, col_products),
                                NULL);
      if (!insert_exhibitor (self, exhibitor, &row_error))
        {
          add_problem (import, r->line,
                       g_error_matches (row_error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT)
                       ? TDM_CSV_PROBLEM_DUPLICATE : TDM_CSV_PROBLEM_INVALID,
                       g_strdup (row_error->message));
          continue;
        }
      import->exhibitors_added++;

      if (stand != NULL)
        {
          if (assign_stand (self, exhibitor, tdm_stand_get_id (stand), &row_error))
            import->stands_assigned++;
          else
            add_problem (import, r->line, TDM_CSV_PROBLEM_INVALID,
                         g_strdup_printf (_("%s The exhibitor was added without a stand."),
                                          row_error->message));
        }
    }

  g_ptr_array_sort (import->problems, compare_problems);
  tdm_store_notify_changed (self, "exhibitor");
  if (!tdm_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&import);

failed:
  tdm_store_rollback (self);
  return NULL;
}
