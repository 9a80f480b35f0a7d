/* tdm-registry.c: reading and writing cooperatives, partners and the
 * reference places through a TdmStore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tdm-cooperative-private.h"
#include "tdm-fold.h"
#include "tdm-partner-private.h"
#include "tdm-registry.h"
#include "tdm-store-private.h"
#include "tdm-validate.h"

/* ---- small helpers ----------------------------------------------------- */

/* Joins the non-empty parts with a space. */
static char *
join_parts (const char * const *parts,
            guint                n_parts)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, parts[i]);
    }

  return g_string_free (joined, FALSE);
}

static char *
fold_or_empty (const char *text)
{
  char *folded = tdm_text_is_blank (text) ? NULL : tdm_fold (text);

  return folded != NULL ? folded : g_strdup ("");
}

void
tdm_store_cooperative_keys (const char  *name_ar,
                            const char  *name_fr,
                            const char  *registration_number,
                            const char  *commune,
                            char       **name_key,
                            char       **search_text)
{
  /* Each part is folded once: this runs for every row of an import. */
  g_autofree char *ar = fold_or_empty (name_ar);
  g_autofree char *fr = fold_or_empty (name_fr);
  g_autofree char *number = fold_or_empty (registration_number);
  g_autofree char *place = fold_or_empty (commune);
  const char *parts[] = { ar, fr, number, place };

  /* Folding turns every white space into ' ', so '\n' cannot occur in
   * either name and keeps "A" + "B C" apart from "A B" + "C". */
  if (name_key != NULL)
    *name_key = g_strconcat (ar, "\n", fr, NULL);
  if (search_text != NULL)
    *search_text = join_parts (parts, G_N_ELEMENTS (parts));
}

/* Keeps the first message given for each field; the first message of all
 * is what a failed save reports. */
typedef struct {
  GHashTable *messages;
  char       *first;
} Report;

static void
report_add (Report     *report,
            const char *property,
            char       *message)
{
  if (g_hash_table_contains (report->messages, property))
    {
      g_free (message);
      return;
    }
  if (report->first == NULL)
    report->first = g_strdup (message);
  g_hash_table_insert (report->messages, (gpointer) g_intern_string (property), message);
}

static void
report_init (Report *report)
{
  report->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  report->first = NULL;
}

static void
report_clear (Report *report)
{
  g_clear_pointer (&report->messages, g_hash_table_unref);
  g_clear_pointer (&report->first, g_free);
}

/* Steps a one-row, one-column query; *VALUE is left alone when there is no
 * row. Returns FALSE on an SQLite error. */
static gboolean
query_int64 (TdmStore     *self,
             sqlite3_stmt *stmt,
             gint64       *value,
             gboolean     *found)
{
  int rc = sqlite3_step (stmt);

  if (found != NULL)
    *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* ---- places ------------------------------------------------------------ */

static GListModel *
list_places (TdmStore     *self,
             TdmPlaceKind  kind,
             const char   *sql_fr,
             const char   *sql_ar,
             gint64        parent)
{
  GListStore *places = g_list_store_new (TDM_TYPE_PLACE);
  sqlite3_stmt *stmt;

  stmt = tdm_store_prepare (self, tdm_locale_is_arabic () ? sql_ar : sql_fr, NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (places);

  if (parent > 0)
    sqlite3_bind_int64 (stmt, 1, parent);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(TdmPlace) place =
        tdm_place_new (kind,
                       sqlite3_column_int64 (stmt, 0),
                       (const char *) sqlite3_column_text (stmt, 1),
                       (const char *) sqlite3_column_text (stmt, 2),
                       (const char *) sqlite3_column_text (stmt, 3),
                       sqlite3_column_int64 (stmt, 4));

      g_list_store_append (places, place);
    }
  sqlite3_reset (stmt);

  return G_LIST_MODEL (places);
}

/* Sorted on the folded name, so that accents, case and hamza forms do not
 * throw a name to the end of the list whatever the C locale says. */
GListModel *
tdm_store_list_regions (TdmStore *self)
{
  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  return list_places (self, TDM_PLACE_REGION,
                      "SELECT id, code, name_fr, name_ar, 0 FROM region "
                      "ORDER BY tdm_fold(name_fr), name_fr",
                      "SELECT id, code, name_fr, name_ar, 0 FROM region "
                      "ORDER BY tdm_fold(name_ar), name_ar",
                      0);
}

GListModel *
tdm_store_list_provinces (TdmStore *self,
                          gint64    region_id)
{
  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  if (region_id > 0)
    return list_places (self, TDM_PLACE_PROVINCE,
                        "SELECT id, code, name_fr, name_ar, region_id FROM province "
                        "WHERE region_id = ?1 ORDER BY tdm_fold(name_fr), name_fr",
                        "SELECT id, code, name_fr, name_ar, region_id FROM province "
                        "WHERE region_id = ?1 ORDER BY tdm_fold(name_ar), name_ar",
                        region_id);

  return list_places (self, TDM_PLACE_PROVINCE,
                      "SELECT id, code, name_fr, name_ar, region_id FROM province "
                      "ORDER BY tdm_fold(name_fr), name_fr",
                      "SELECT id, code, name_fr, name_ar, region_id FROM province "
                      "ORDER BY tdm_fold(name_ar), name_ar",
                      0);
}

GListModel *
tdm_store_list_sectors (TdmStore *self)
{
  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  /* "Other" stays last: it is the answer when nothing else fits. */
  return list_places (self, TDM_PLACE_SECTOR,
                      "SELECT id, code, name_fr, name_ar, 0 FROM sector "
                      "ORDER BY code = 'other', tdm_fold(name_fr), name_fr",
                      "SELECT id, code, name_fr, name_ar, 0 FROM sector "
                      "ORDER BY code = 'other', tdm_fold(name_ar), name_ar",
                      0);
}

TdmPlace *
tdm_store_get_place (TdmStore     *self,
                     TdmPlaceKind  kind,
                     gint64        id)
{
  const char *sql = NULL;
  sqlite3_stmt *stmt;
  TdmPlace *place = NULL;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  switch (kind)
    {
    case TDM_PLACE_REGION:
      sql = "SELECT id, code, name_fr, name_ar, 0 FROM region WHERE id = ?1";
      break;
    case TDM_PLACE_PROVINCE:
      sql = "SELECT id, code, name_fr, name_ar, region_id FROM province WHERE id = ?1";
      break;
    case TDM_PLACE_SECTOR:
      sql = "SELECT id, code, name_fr, name_ar, 0 FROM sector WHERE id = ?1";
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  stmt = tdm_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    place = tdm_place_new (kind,
                           sqlite3_column_int64 (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1),
                           (const char *) sqlite3_column_text (stmt, 2),
                           (const char *) sqlite3_column_text (stmt, 3),
                           sqlite3_column_int64 (stmt, 4));
  sqlite3_reset (stmt);

  return place;
}

/* ---- cooperatives: validation ------------------------------------------ */

static void
check_date (Report     *report,
            const char *property,
            const char *date,
            gboolean    past_only)
{
  g_autofree char *trimmed = tdm_store_dup_trimmed (date);

  if (trimmed == NULL)
    return;

  if (!tdm_validate_iso_date (trimmed))
    report_add (report, property,
                g_strdup (_("This is not a valid date. Write it as YYYY-MM-DD, for example 2019-03-25.")));
  else if (past_only && tdm_date_is_future (trimmed, NULL))
    report_add (report, property, g_strdup (_("This date is in the future.")));
}

static void
check_labels (Report    *report,
              GPtrArray *labels)
{
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    {
      TdmLabel *label = g_ptr_array_index (labels, i);
      g_autofree char *issued = tdm_store_dup_trimmed (label->issued_on);
      g_autofree char *expires = tdm_store_dup_trimmed (label->expires_on);

      if (tdm_text_is_blank (label->name))
        {
          report_add (report, "labels", g_strdup (_("Every label needs a name.")));
          return;
        }
      if ((issued != NULL && !tdm_validate_iso_date (issued)) ||
          (expires != NULL && !tdm_validate_iso_date (expires)))
        {
          report_add (report, "labels",
                      g_strdup_printf (_("The dates of the label “%s” are not valid. Write them as YYYY-MM-DD."),
                                       label->name));
          return;
        }
      if (issued != NULL && tdm_date_is_future (issued, NULL))
        {
          report_add (report, "labels",
                      g_strdup_printf (_("The label “%s” cannot be issued in the future."), label->name));
          return;
        }
      if (issued != NULL && expires != NULL && strcmp (expires, issued) < 0)
        {
          report_add (report, "labels",
                      g_strdup_printf (_("The label “%s” expires before it was issued."), label->name));
          return;
        }
    }
}

/* The region of PROVINCE_ID, 0 when there is no such province. */
static gint64
province_region (TdmStore *self,
                 gint64    province_id)
{
  sqlite3_stmt *stmt;
  gint64 region = 0;

  stmt = tdm_store_prepare (self, "SELECT region_id FROM province WHERE id = ?1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, province_id);
  query_int64 (self, stmt, &region, NULL);
  return region;
}

static gboolean
row_exists (TdmStore   *self,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = tdm_store_prepare (self, sql, NULL);
  gboolean found = FALSE;
  gint64 ignored;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  query_int64 (self, stmt, &ignored, &found);
  return found;
}

static void
validate_cooperative (TdmStore       *self,
                      TdmCooperative *coop,
                      Report         *report)
{
  const char *legal_form = tdm_cooperative_get_legal_form (coop);
  const char *email = tdm_cooperative_get_email (coop);
  const char *phone = tdm_cooperative_get_phone (coop);
  g_autofree char *registration = tdm_store_dup_trimmed (tdm_cooperative_get_registration_number (coop));
  gint64 sector_id = tdm_cooperative_get_sector_id (coop);
  gint64 region_id = tdm_cooperative_get_region_id (coop);
  gint64 province_id = tdm_cooperative_get_province_id (coop);
  int members = tdm_cooperative_get_members (coop);
  int women = tdm_cooperative_get_women (coop);
  int youth = tdm_cooperative_get_youth (coop);
  double capital = tdm_cooperative_get_capital (coop);

  if (tdm_text_is_blank (tdm_cooperative_get_name_ar (coop)) && tdm_text_is_blank (tdm_cooperative_get_name_fr (coop)))
    {
      report_add (report, "name-ar", g_strdup (_("Give the name in Arabic or in French.")));
      report_add (report, "name-fr", g_strdup (_("Give the name in Arabic or in French.")));
    }

  if (registration != NULL)
    {
      sqlite3_stmt *stmt =
        tdm_store_prepare (self,
                           "SELECT id FROM cooperative WHERE registration_number = ?1 AND id <> ?2",
                           NULL);

      if (stmt != NULL)
        {
          gboolean taken = FALSE;
          gint64 other = 0;

          sqlite3_bind_text (stmt, 1, registration, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, tdm_cooperative_get_id (coop));
          query_int64 (self, stmt, &other, &taken);
          if (taken)
            report_add (report, "registration-number",
                        g_strdup (_("Another cooperative already has this registration number.")));
        }
    }

  if (legal_form != NULL &&
      !g_str_equal (legal_form, "cooperative") &&
      !g_str_equal (legal_form, "union") &&
      !g_str_equal (legal_form, "federation"))
    report_add (report, "legal-form",
                g_strdup (_("Choose cooperative, union or federation.")));

  if (sector_id > 0 && !row_exists (self, "SELECT 1 FROM sector WHERE id = ?1", sector_id))
    report_add (report, "sector-id", g_strdup (_("This sector does not exist.")));

  if (region_id > 0 && !row_exists (self, "SELECT 1 FROM region WHERE id = ?1", region_id))
    report_add (report, "region-id", g_strdup (_("This region does not exist.")));

  if (province_id > 0)
    {
      gint64 of_region = province_region (self, province_id);

      if (of_region == 0)
        report_add (report, "province-id", g_strdup (_("This province does not exist.")));
      else if (region_id > 0 && of_region != region_id)
        report_add (report, "province-id",
                    g_strdup (_("This province is not in the chosen region.")));
    }

  check_date (report, "founded-on", tdm_cooperative_get_founded_on (coop), TRUE);

  if (members < 0)
    report_add (report, "members", g_strdup (_("The number of members cannot be negative.")));
  if (women < 0)
    report_add (report, "women", g_strdup (_("The number of women cannot be negative.")));
  else if (women > members)
    report_add (report, "women",
                g_strdup (_("There cannot be more women than members.")));
  if (youth < 0)
    report_add (report, "youth", g_strdup (_("The number of young members cannot be negative.")));
  else if (youth > members)
    report_add (report, "youth",
                g_strdup (_("There cannot be more young members than members.")));

  /* -1 means "not known"; any other negative amount is a typing error. */
  if (capital < 0 && capital != -1)
    report_add (report, "capital", g_strdup (_("The capital cannot be negative.")));

  if (!tdm_text_is_blank (phone) && !tdm_validate_phone (phone))
    report_add (report, "phone",
                g_strdup (_("This is not a phone number. Write it as 0612345678 or +212 612 345 678.")));
  if (!tdm_text_is_blank (email) && !tdm_validate_email (email))
    report_add (report, "email",
                g_strdup (_("This is not an e-mail address. Write it as name@example.ma.")));

  check_labels (report, tdm_cooperative_get_labels (coop));
}

GHashTable *
tdm_store_validate_cooperative (TdmStore       *self,
                                TdmCooperative *coop)
{
  Report report;
  GHashTable *messages;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);
  g_return_val_if_fail (TDM_IS_COOPERATIVE (coop), NULL);

  report_init (&report);
  validate_cooperative (self, coop, &report);
  messages = g_steal_pointer (&report.messages);
  report_clear (&report);

  return messages;
}

/* ---- cooperatives: reading --------------------------------------------- */

static gboolean
load_labels (TdmStore        *self,
             gint64           id,
             TdmCooperative  *coop,
             GError         **error)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_label_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tdm_store_prepare (self,
                            "SELECT name, issued_on, expires_on FROM cooperative_label "
                            "WHERE cooperative_id = ?1 ORDER BY id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (labels,
                     tdm_label_new ((const char *) sqlite3_column_text (stmt, 0),
                                    (const char *) sqlite3_column_text (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 2)));
  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (self, error, rc, _("reading the cooperative"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  tdm_cooperative_set_labels (coop, labels);
  return TRUE;
}

TdmCooperative *
tdm_store_get_cooperative (TdmStore  *self,
                           gint64     id,
                           GError   **error)
{
  g_autoptr(TdmCooperative) coop = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = tdm_store_prepare (self,
                            "SELECT " TDM_COOPERATIVE_COLUMNS " FROM " TDM_COOPERATIVE_FROM
                            " WHERE c.id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      coop = tdm_cooperative_new ();
      tdm_cooperative_update_from_row (coop, stmt, 0);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                 _("This cooperative no longer exists."));
  else
    tdm_store_set_error (self, error, rc, _("reading the cooperative"));
  sqlite3_reset (stmt);

  if (coop == NULL)
    return NULL;

  if (!load_labels (self, id, coop, error))
    return NULL;

  return g_steal_pointer (&coop);
}

gint64
tdm_store_count_cooperatives (TdmStore *self)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (TDM_IS_STORE (self), 0);

  stmt = tdm_store_prepare (self, "SELECT count(*) FROM cooperative", NULL);
  if (stmt != NULL)
    query_int64 (self, stmt, &count, NULL);
  return count;
}

/* ---- cooperatives: writing --------------------------------------------- */

typedef enum {
  WRITE_INSERT,        /* a new record, SQLite picks the id */
  WRITE_UPDATE,        /* an existing record */
  WRITE_RESTORE,       /* a deleted record, back with its old id */
} WriteMode;

static gboolean
write_labels (TdmStore        *self,
              gint64           id,
              GPtrArray       *labels,
              gboolean         replace,
              GError         **error)
{
  sqlite3_stmt *stmt;

  if (replace)
    {
      stmt = tdm_store_prepare (self, "DELETE FROM cooperative_label WHERE cooperative_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!tdm_store_step_done (self, stmt, _("saving the labels"), error))
        return FALSE;
    }

  if (labels == NULL || labels->len == 0)
    return TRUE;

  stmt = tdm_store_prepare (self,
                            "INSERT INTO cooperative_label (cooperative_id, name, issued_on, expires_on) "
                            "VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < labels->len; i++)
    {
      TdmLabel *label = g_ptr_array_index (labels, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      tdm_store_bind_text_trimmed (stmt, 2, label->name);
      tdm_store_bind_text_trimmed (stmt, 3, label->issued_on);
      tdm_store_bind_text_trimmed (stmt, 4, label->expires_on);
      if (!tdm_store_step_done (self, stmt, _("saving the labels"), error))
        return FALSE;
    }

  return TRUE;
}

#define COOPERATIVE_VALUES \
  "name_ar, name_fr, registration_number, legal_form, sector_id, region_id, " \
  "province_id, commune, address, founded_on, members, women, youth, capital, " \
  "president, phone, email, products, name_key, search_text"

static gboolean
write_cooperative (TdmStore        *self,
                   TdmCooperative  *coop,
                   WriteMode        mode,
                   gint64           region_id,
                   GError         **error)
{
  const char *name_ar = tdm_cooperative_get_name_ar (coop);
  const char *name_fr = tdm_cooperative_get_name_fr (coop);
  const char *legal_form = tdm_cooperative_get_legal_form (coop);
  double capital = tdm_cooperative_get_capital (coop);
  gint64 id = tdm_cooperative_get_id (coop);
  char *name_key = NULL;
  char *search_text = NULL;
  sqlite3_stmt *stmt;
  const char *sql;
  const char *what = mode == WRITE_RESTORE ? _("restoring the cooperative") : _("saving the cooperative");

  switch (mode)
    {
    case WRITE_INSERT:
    case WRITE_RESTORE:
      sql = "INSERT INTO cooperative (id, " COOPERATIVE_VALUES ") VALUES "
            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)";
      break;
    case WRITE_UPDATE:
      sql = "UPDATE cooperative SET (" COOPERATIVE_VALUES ", updated_at) = "
            "(?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
            "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) WHERE id = ?1";
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  stmt = tdm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  tdm_store_bind_id (stmt, 1, mode == WRITE_INSERT ? 0 : id);
  tdm_store_bind_text_trimmed (stmt, 2, name_ar);
  tdm_store_bind_text_trimmed (stmt, 3, name_fr);
  tdm_store_bind_text_trimmed (stmt, 4, tdm_cooperative_get_registration_number (coop));
  sqlite3_bind_text (stmt, 5, legal_form != NULL ? legal_form : "cooperative", -1, SQLITE_TRANSIENT);
  tdm_store_bind_id (stmt, 6, tdm_cooperative_get_sector_id (coop));
  tdm_store_bind_id (stmt, 7, region_id);
  tdm_store_bind_id (stmt, 8, tdm_cooperative_get_province_id (coop));
  tdm_store_bind_text_trimmed (stmt, 9, tdm_cooperative_get_commune (coop));
  tdm_store_bind_text_trimmed (stmt, 10, tdm_cooperative_get_address (coop));
  tdm_store_bind_text_trimmed (stmt, 11, tdm_cooperative_get_founded_on (coop));
  sqlite3_bind_int (stmt, 12, tdm_cooperative_get_members (coop));
  sqlite3_bind_int (stmt, 13, tdm_cooperative_get_women (coop));
  sqlite3_bind_int (stmt, 14, tdm_cooperative_get_youth (coop));
  if (capital == -1)
    sqlite3_bind_null (stmt, 15);
  else
    sqlite3_bind_double (stmt, 15, capital);
  tdm_store_bind_text_trimmed (stmt, 16, tdm_cooperative_get_president (coop));
  tdm_store_bind_text_trimmed (stmt, 17, tdm_cooperative_get_phone (coop));
  tdm_store_bind_text_trimmed (stmt, 18, tdm_cooperative_get_email (coop));
  tdm_store_bind_text_trimmed (stmt, 19, tdm_cooperative_get_products (coop));
  tdm_store_cooperative_keys (name_ar, name_fr,
                              tdm_cooperative_get_registration_number (coop),
                              tdm_cooperative_get_commune (coop),
                              &name_key, &search_text);
  sqlite3_bind_text (stmt, 20, name_key, -1, g_free);
  sqlite3_bind_text (stmt, 21, search_text, -1, g_free);

  if (!tdm_store_step_done (self, stmt, what, error))
    return FALSE;

  if (mode == WRITE_UPDATE && sqlite3_changes (tdm_store_get_db (self)) == 0)
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                   _("This cooperative no longer exists."));
      return FALSE;
    }
  if (mode == WRITE_INSERT)
    id = sqlite3_last_insert_rowid (tdm_store_get_db (self));

  if (!write_labels (self, id, tdm_cooperative_get_labels (coop), mode == WRITE_UPDATE, error))
    return FALSE;

  if (mode == WRITE_INSERT)
    tdm_cooperative_set_id (coop, id);

  tdm_store_notify_changed (self, "cooperative");
  return TRUE;
}

/* The region the record is saved with: the province's when only the
 * province is given. */
static gint64
effective_region (TdmStore       *self,
                  TdmCooperative *coop)
{
  gint64 region_id = tdm_cooperative_get_region_id (coop);
  gint64 province_id = tdm_cooperative_get_province_id (coop);

  if (region_id <= 0 && province_id > 0)
    region_id = province_region (self, province_id);
  return region_id;
}

gboolean
tdm_store_save_cooperative (TdmStore        *self,
                            TdmCooperative  *coop,
                            GError         **error)
{
  Report report;
  gint64 old_id;
  gint64 region_id;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TDM_IS_COOPERATIVE (coop), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_id = tdm_cooperative_get_id (coop);

  if (!tdm_store_begin (self, error))
    return FALSE;

  /* Inside the transaction, so that the uniqueness checked is the one
   * that is written. */
  report_init (&report);
  validate_cooperative (self, coop, &report);
  if (report.first != NULL)
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID, report.first);
      report_clear (&report);
      tdm_store_rollback (self);
      return FALSE;
    }
  report_clear (&report);

  region_id = effective_region (self, coop);

  if (!write_cooperative (self, coop, old_id > 0 ? WRITE_UPDATE : WRITE_INSERT, region_id, error))
    {
      tdm_store_rollback (self);
      if (old_id == 0)
        tdm_cooperative_set_id (coop, 0);
      return FALSE;
    }

  if (!tdm_store_commit (self, error))
    {
      if (old_id == 0)
        tdm_cooperative_set_id (coop, 0);
      return FALSE;
    }

  if (region_id != tdm_cooperative_get_region_id (coop))
    g_object_set (coop, "region-id", region_id, NULL);

  return TRUE;
}

gboolean
tdm_store_delete_cooperative (TdmStore        *self,
                              gint64           id,
                              TdmCooperative **deleted,
                              GError         **error)
{
  g_autoptr(TdmCooperative) coop = NULL;
  sqlite3_stmt *stmt;
  gint64 n_fairs = 0;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tdm_store_begin (self, error))
    return FALSE;

  coop = tdm_store_get_cooperative (self, id, error);
  if (coop == NULL)
    goto fail;

  /* Said before SQLite's foreign key refuses it, in words that help. */
  stmt = tdm_store_prepare (self, "SELECT count(*) FROM exhibitor WHERE cooperative_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  query_int64 (self, stmt, &n_fairs, NULL);
  if (n_fairs > 0)
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This cooperative takes part in %d fair. Remove it from the fair first.",
                                "This cooperative takes part in %d fairs. Remove it from the fairs first.",
                                n_fairs),
                   (int) n_fairs);
      goto fail;
    }

  stmt = tdm_store_prepare (self, "DELETE FROM cooperative WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tdm_store_step_done (self, stmt, _("deleting the cooperative"), error))
    goto fail;

  tdm_store_notify_changed (self, "cooperative");

  if (!tdm_store_commit (self, error))
    return FALSE;

  if (deleted != NULL)
    *deleted = g_steal_pointer (&coop);
  return TRUE;

fail:
  tdm_store_rollback (self);
  return FALSE;
}

gboolean
tdm_store_restore_cooperative (TdmStore        *self,
                               TdmCooperative  *coop,
                               GError         **error)
{
  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TDM_IS_COOPERATIVE (coop), FALSE);
  g_return_val_if_fail (tdm_cooperative_get_id (coop) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tdm_store_begin (self, error))
    return FALSE;

  /* No validation: the record was valid when it was deleted, and the
   * schema still refuses what became a conflict since (a registration
   * number taken in between). */
  if (!write_cooperative (self, coop, WRITE_RESTORE, effective_region (self, coop), error))
    {
      tdm_store_rollback (self);
      return FALSE;
    }

  return tdm_store_commit (self, error);
}

/* ---- partners ---------------------------------------------------------- */

/* The ISO 3166-1 alpha-2 codes of countries and territories (from the
 * iso-codes project), concatenated in order: "AD" "AE" … "ZW". */
static const char iso_3166_codes[] =
  "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBW"
  "BYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFI"
  "FJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMIN"
  "IOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDME"
  "MFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPF"
  "PGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSV"
  "SXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYE"
  "YTZAZMZW";

static gboolean
country_code_is_valid (const char *country)
{
  if (country == NULL || strlen (country) != 2 ||
      !g_ascii_isupper (country[0]) || !g_ascii_isupper (country[1]))
    return FALSE;

  for (gsize i = 0; i + 1 < sizeof iso_3166_codes; i += 2)
    if (iso_3166_codes[i] == country[0] && iso_3166_codes[i + 1] == country[1])
      return TRUE;
  return FALSE;
}

static gboolean
website_is_valid (const char *website)
{
  g_autofree char *trimmed = tdm_store_dup_trimmed (website);

  if (trimmed == NULL)
    return TRUE;

  /* "www.odco.gov.ma" is what people type; a full URL is fine too. */
  for (const char *p = trimmed; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      return FALSE;
  return strchr (trimmed, '.') != NULL;
}

static void
validate_partner (TdmStore   *self,
                  TdmPartner *partner,
                  Report     *report)
{
  const char *name = tdm_partner_get_name (partner);
  const char *kind = tdm_partner_get_kind (partner);
  const char *country = tdm_partner_get_country (partner);
  const char *phone = tdm_partner_get_phone (partner);
  const char *email = tdm_partner_get_email (partner);

  if (tdm_text_is_blank (name))
    report_add (report, "name", g_strdup (_("Give the partner’s name.")));
  else
    {
      sqlite3_stmt *stmt =
        tdm_store_prepare (self, "SELECT id FROM partner WHERE name_key = tdm_fold(?1) AND id <> ?2", NULL);

      if (stmt != NULL)
        {
          gboolean taken = FALSE;
          gint64 other = 0;

          sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, tdm_partner_get_id (partner));
          query_int64 (self, stmt, &other, &taken);
          if (taken)
            report_add (report, "name",
                        g_strdup (_("Another partner already has this name (or the same name with other accents or case).")));
        }
    }

  if (kind == NULL || !g_strv_contains ((const char * const *) tdm_partner_kinds (), kind))
    report_add (report, "kind", g_strdup (_("Choose the kind of partner.")));

  if (!country_code_is_valid (country))
    report_add (report, "country",
                g_strdup (_("Choose the country (a two-letter code such as MA or FR).")));

  if (!tdm_text_is_blank (phone) && !tdm_validate_phone (phone))
    report_add (report, "phone",
                g_strdup (_("This is not a phone number. Write it as 0537123456 or +33 1 23 45 67 89.")));
  if (!tdm_text_is_blank (email) && !tdm_validate_email (email))
    report_add (report, "email",
                g_strdup (_("This is not an e-mail address. Write it as name@example.ma.")));
  if (!website_is_valid (tdm_partner_get_website (partner)))
    report_add (report, "website",
                g_strdup (_("This is not a web address. Write it as www.example.ma.")));
}

GHashTable *
tdm_store_validate_partner (TdmStore   *self,
                            TdmPartner *partner)
{
  Report report;
  GHashTable *messages;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);
  g_return_val_if_fail (TDM_IS_PARTNER (partner), NULL);

  report_init (&report);
  validate_partner (self, partner, &report);
  messages = g_steal_pointer (&report.messages);
  report_clear (&report);

  return messages;
}

TdmPartner *
tdm_store_get_partner (TdmStore  *self,
                       gint64     id,
                       GError   **error)
{
  TdmPartner *partner = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = tdm_store_prepare (self, "SELECT " TDM_PARTNER_COLUMNS " FROM partner pa WHERE pa.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      partner = tdm_partner_new ();
      tdm_partner_update_from_row (partner, stmt, 0);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                 _("This partner no longer exists."));
  else
    tdm_store_set_error (self, error, rc, _("reading the partner"));
  sqlite3_reset (stmt);

  return partner;
}

static gboolean
write_partner (TdmStore    *self,
               TdmPartner  *partner,
               WriteMode    mode,
               GError     **error)
{
  const char *name = tdm_partner_get_name (partner);
  const char *acronym = tdm_partner_get_acronym (partner);
  g_autofree char *folded_name = fold_or_empty (name);
  g_autofree char *folded_acronym = fold_or_empty (acronym);
  const char *parts[] = { folded_name, folded_acronym };
  gint64 id = tdm_partner_get_id (partner);
  sqlite3_stmt *stmt;
  const char *sql;

  switch (mode)
    {
    case WRITE_INSERT:
    case WRITE_RESTORE:
      sql = "INSERT INTO partner (id, name, acronym, kind, country, contact_name, phone, email, "
            "website, name_key, search_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
      break;
    case WRITE_UPDATE:
      sql = "UPDATE partner SET (name, acronym, kind, country, contact_name, phone, email, website, "
            "name_key, search_text, updated_at) = (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
            "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) WHERE id = ?1";
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  stmt = tdm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  tdm_store_bind_id (stmt, 1, mode == WRITE_INSERT ? 0 : id);
  tdm_store_bind_text_trimmed (stmt, 2, name);
  tdm_store_bind_text_trimmed (stmt, 3, acronym);
  sqlite3_bind_text (stmt, 4, tdm_partner_get_kind (partner), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, tdm_partner_get_country (partner), -1, SQLITE_TRANSIENT);
  tdm_store_bind_text_trimmed (stmt, 6, tdm_partner_get_contact_name (partner));
  tdm_store_bind_text_trimmed (stmt, 7, tdm_partner_get_phone (partner));
  tdm_store_bind_text_trimmed (stmt, 8, tdm_partner_get_email (partner));
  tdm_store_bind_text_trimmed (stmt, 9, tdm_partner_get_website (partner));
  sqlite3_bind_text (stmt, 10, folded_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, join_parts (parts, G_N_ELEMENTS (parts)), -1, g_free);

  if (!tdm_store_step_done (self, stmt,
                            mode == WRITE_RESTORE ? _("restoring the partner") : _("saving the partner"),
                            error))
    return FALSE;

  if (mode == WRITE_UPDATE && sqlite3_changes (tdm_store_get_db (self)) == 0)
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                   _("This partner no longer exists."));
      return FALSE;
    }
  if (mode == WRITE_INSERT)
    tdm_partner_set_id (partner, sqlite3_last_insert_rowid (tdm_store_get_db (self)));

  tdm_store_notify_changed (self, "partner");
  return TRUE;
}

gboolean
tdm_store_save_partner (TdmStore    *self,
                        TdmPartner  *partner,
                        GError     **error)
{
  Report report;
  gint64 old_id;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TDM_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_id = tdm_partner_get_id (partner);

  if (!tdm_store_begin (self, error))
    return FALSE;

  report_init (&report);
  validate_partner (self, partner, &report);
  if (report.first != NULL)
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID, report.first);
      report_clear (&report);
      tdm_store_rollback (self);
      return FALSE;
    }
  report_clear (&report);

  if (!write_partner (self, partner, old_id > 0 ? WRITE_UPDATE : WRITE_INSERT, error))
    {
      tdm_store_rollback (self);
      if (old_id == 0)
        tdm_partner_set_id (partner, 0);
      return FALSE;
    }

  if (!tdm_store_commit (self, error))
    {
      if (old_id == 0)
        tdm_partner_set_id (partner, 0);
      return FALSE;
    }

  return TRUE;
}

gboolean
tdm_store_delete_partner (TdmStore    *self,
                          gint64       id,
                          TdmPartner **deleted,
                          GError     **error)
{
  g_autoptr(TdmPartner) partner = NULL;
  sqlite3_stmt *stmt;
  gint64 n_fairs = 0;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tdm_store_begin (self, error))
    return FALSE;

  partner = tdm_store_get_partner (self, id, error);
  if (partner == NULL)
    goto fail;

  stmt = tdm_store_prepare (self, "SELECT count(DISTINCT fair_id) FROM fair_partner WHERE partner_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  query_int64 (self, stmt, &n_fairs, NULL);
  if (n_fairs > 0)
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This partner takes part in %d fair. Remove it from the fair first.",
                                "This partner takes part in %d fairs. Remove it from the fairs first.",
                                n_fairs),
                   (int) n_fairs);
      goto fail;
    }

  stmt = tdm_store_prepare (self, "DELETE FROM partner WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tdm_store_step_done (self, stmt, _("deleting the partner"), error))
    goto fail;

  tdm_store_notify_changed (self, "partner");

  if (!tdm_store_commit (self, error))
    return FALSE;

  if (deleted != NULL)
    *deleted = g_steal_pointer (&partner);
  return TRUE;

fail:
  tdm_store_rollback (self);
  return FALSE;
}

gboolean
tdm_store_restore_partner (TdmStore    *self,
                           TdmPartner  *partner,
                           GError     **error)
{
  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (TDM_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (tdm_partner_get_id (partner) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tdm_store_begin (self, error))
    return FALSE;

  if (!write_partner (self, partner, WRITE_RESTORE, error))
    {
      tdm_store_rollback (self);
      return FALSE;
    }

  return tdm_store_commit (self, error);
}

/* ---- statistics -------------------------------------------------------- */

void
tdm_region_count_free (TdmRegionCount *count)
{
  if (count == NULL)
    return;

  g_free (count->name_fr);
  g_free (count->name_ar);
  g_free (count);
}

GPtrArray *
tdm_store_count_by_region (TdmStore  *self,
                           GError   **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Aggregate first, then join: one pass over the cooperatives through
   * the region index, and every region even without a cooperative. */
  stmt = tdm_store_prepare (self,
                            "SELECT r.id, r.name_fr, r.name_ar, coalesce(t.n, 0), "
                            "coalesce(t.members, 0), coalesce(t.women, 0) "
                            "FROM region r LEFT JOIN "
                            "(SELECT region_id, count(*) AS n, sum(members) AS members, "
                            "sum(women) AS women FROM cooperative GROUP BY region_id) t "
                            "ON t.region_id = r.id ORDER BY r.code",
                            error);
  if (stmt == NULL)
    return NULL;

  counts = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_region_count_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TdmRegionCount *count = g_new0 (TdmRegionCount, 1);

      count->region_id = sqlite3_column_int64 (stmt, 0);
      count->name_fr = tdm_store_column_dup (stmt, 1);
      count->name_ar = tdm_store_column_dup (stmt, 2);
      count->cooperatives = sqlite3_column_int64 (stmt, 3);
      count->members = sqlite3_column_int64 (stmt, 4);
      count->women = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (counts, count);
    }
  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (self, error, rc, _("counting the cooperatives"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&counts);
}
