/* test-registry.c: places, cooperatives and partners through TdmStore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdm-fold.h"
#include "tdm-registry.h"
#include "tdm-test-util.h"

/* A valid cooperative of Tiznit, with one label. */
static TdmCooperative *
make_cooperative (const char *registration_number)
{
  TdmCooperative *coop = tdm_cooperative_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_label_free);

  g_object_set (coop,
                "name-ar", "تعاونية أركان النساء بتزنيت",
                "name-fr", "Coopérative Argan des Femmes de Tiznit",
                "registration-number", registration_number,
                "legal-form", "cooperative",
                "sector-id", (gint64) 3,
                "province-id", (gint64) 9581,
                "commune", "Tiznit",
                "founded-on", "2016-04-12",
                "members", 40,
                "women", 38,
                "youth", 12,
                "capital", 20000.0,
                "president", "Fatima Ouchen",
                "phone", "0612345678",
                "email", "argan.tiznit@example.org",
                "products", "Huile d’argan, amlou",
                NULL);
  g_ptr_array_add (labels, tdm_label_new ("IG Argane", "2019-05-01", "2024-05-01"));
  g_ptr_array_add (labels, tdm_label_new ("Autorisation sanitaire ONSSA", "2020-01-15", NULL));
  tdm_cooperative_set_labels (coop, labels);

  return coop;
}

static gint64
count_matches (TdmStore   *store,
               const char *query)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = tdm_store_prepare (store,
                                          "SELECT count(*) FROM cooperative_fts "
                                          "WHERE cooperative_fts MATCH '\"' || tdm_fold(?1) || '\"'",
                                          &error);
  gint64 count;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* ---- places ------------------------------------------------------------ */

static void
test_places (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(GListModel) regions = tdm_store_list_regions (store);
  g_autoptr(GListModel) provinces = tdm_store_list_provinces (store, 0);
  g_autoptr(GListModel) casablanca_settat = tdm_store_list_provinces (store, 6);
  g_autoptr(GListModel) sectors = tdm_store_list_sectors (store);
  g_autoptr(TdmPlace) tiznit = NULL;
  g_autoptr(TdmPlace) missing = NULL;
  g_autoptr(TdmPlace) last_sector = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (provinces), ==, 75);
  g_assert_cmpuint (g_list_model_get_n_items (casablanca_settat), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (sectors), ==, 15);

  /* Ordered by name, accents ignored ("Béni Mellal" among the Bs, not
   * after "Tanger"). */
  for (guint i = 1; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(TdmPlace) before = g_list_model_get_item (regions, i - 1);
      g_autoptr(TdmPlace) place = g_list_model_get_item (regions, i);
      g_autofree char *a = g_utf8_casefold (tdm_place_get_name_fr (before), -1);
      g_autofree char *b = g_utf8_casefold (tdm_place_get_name_fr (place), -1);

      g_assert_cmpint (tdm_place_get_kind (place), ==, TDM_PLACE_REGION);
      if (i == 1)
        g_assert_cmpstr (tdm_place_get_name_fr (before), ==, "Béni Mellal-Khénifra");
      g_assert_cmpint (a[0], <=, b[0]);
    }

  for (guint i = 0; i < g_list_model_get_n_items (casablanca_settat); i++)
    {
      g_autoptr(TdmPlace) place = g_list_model_get_item (casablanca_settat, i);

      g_assert_cmpint (tdm_place_get_parent_id (place), ==, 6);
    }

  /* "Other" comes last whatever its name. */
  last_sector = g_list_model_get_item (sectors, 14);
  g_assert_cmpstr (tdm_place_get_code (last_sector), ==, "other");

  tiznit = tdm_store_get_place (store, TDM_PLACE_PROVINCE, 9581);
  g_assert_nonnull (tiznit);
  g_assert_cmpstr (tdm_place_get_code (tiznit), ==, "09.581");
  g_assert_cmpstr (tdm_place_get_name_fr (tiznit), ==, "Tiznit");
  g_assert_cmpstr (tdm_place_get_name_ar (tiznit), ==, "تيزنيت");
  g_assert_cmpint (tdm_place_get_parent_id (tiznit), ==, 9);

  missing = tdm_store_get_place (store, TDM_PLACE_REGION, 13);
  g_assert_null (missing);
}

/* In an Arabic UI, places come in Arabic and in Arabic order. */
static void
test_places_in_arabic (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(TdmCooperative) coop = tdm_cooperative_new ();
  g_autoptr(TdmCooperative) read = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(TdmPlace) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *province_name = NULL;
  g_autofree char *region_name = NULL;

  g_setenv ("LANGUAGE", "ar", TRUE);

  regions = tdm_store_list_regions (store);
  /* Sorted on the folded Arabic name: الداخلة-وادي الذهب comes first. */
  first = g_list_model_get_item (regions, 0);
  g_assert_cmpint (tdm_place_get_id (first), ==, 12);
  for (guint i = 1; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(TdmPlace) before = g_list_model_get_item (regions, i - 1);
      g_autoptr(TdmPlace) place = g_list_model_get_item (regions, i);
      g_autofree char *a = tdm_fold (tdm_place_get_name_ar (before));
      g_autofree char *b = tdm_fold (tdm_place_get_name_ar (place));

      g_assert_cmpint (strcmp (a, b), <, 0);
    }

  g_object_set (coop, "name-fr", "Coopérative Tifawin", "province-id", (gint64) 9581, NULL);
  g_assert_true (tdm_store_save_cooperative (store, coop, &error));
  g_assert_no_error (error);
  read = tdm_store_get_cooperative (store, tdm_cooperative_get_id (coop), &error);
  g_assert_no_error (error);
  g_object_get (read, "province-name", &province_name, "region-name", &region_name, NULL);
  g_assert_cmpstr (province_name, ==, "تيزنيت");
  g_assert_cmpstr (region_name, ==, "سوس-ماسة");

  g_setenv ("LANGUAGE", "en", TRUE);
}

/* ---- validation -------------------------------------------------------- */

/* COOP must fail validation on PROPERTY only, and saving must fail. */
static void
assert_invalid (TdmStore       *store,
                TdmCooperative *coop,
                const char     *property)
{
  g_autoptr(GHashTable) messages = tdm_store_validate_cooperative (store, coop);
  g_autoptr(GError) error = NULL;
  gint64 before = tdm_store_count_cooperatives (store);
  const char *message = g_hash_table_lookup (messages, property);

  if (message == NULL)
    g_error ("expected a message for “%s”", property);
  g_assert_cmpuint (g_hash_table_size (messages), ==, 1);
  g_assert_cmpstr (message, !=, "");

  g_assert_false (tdm_store_save_cooperative (store, coop, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (tdm_store_count_cooperatives (store), ==, before);
}

static void
assert_valid (TdmStore       *store,
              TdmCooperative *coop)
{
  g_autoptr(GHashTable) messages = tdm_store_validate_cooperative (store, coop);

  if (g_hash_table_size (messages) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, messages);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_printerr ("%s: %s\n", (char *) key, (char *) value);
      g_assert_not_reached ();
    }
}

static void
test_validate_cooperative (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(TdmCooperative) coop = make_cooperative ("9581/2016/000001");
  g_autoptr(TdmCooperative) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) messages = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *tomorrow = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_day = g_date_time_add_days (now, 1);

  assert_valid (store, coop);

  /* At least one name. */
  g_object_set (coop, "name-ar", "  ", "name-fr", NULL, NULL);
  messages = tdm_store_validate_cooperative (store, coop);
  g_assert_true (g_hash_table_contains (messages, "name-ar"));
  g_assert_true (g_hash_table_contains (messages, "name-fr"));
  g_clear_pointer (&messages, g_hash_table_unref);
  g_object_set (coop, "name-fr", "Coopérative Argan des Femmes de Tiznit", NULL);
  assert_valid (store, coop);

  /* Women and youth never above members. */
  g_object_set (coop, "women", 41, NULL);
  assert_invalid (store, coop, "women");
  g_object_set (coop, "women", 40, "youth", 41, NULL);
  assert_invalid (store, coop, "youth");
  g_object_set (coop, "youth", 0, NULL);
  assert_valid (store, coop);

  /* Capital: unknown (-1) is fine, a negative amount is not. */
  g_object_set (coop, "capital", -1.0, NULL);
  assert_valid (store, coop);
  g_object_set (coop, "capital", -0.5, NULL);
  assert_invalid (store, coop, "capital");
  g_object_set (coop, "capital", 0.0, NULL);

  /* Founding date: a real date, not in the future. */
  g_object_set (coop, "founded-on", "2019-02-30", NULL);
  assert_invalid (store, coop, "founded-on");
  g_object_set (coop, "founded-on", "12/04/2016", NULL);
  assert_invalid (store, coop, "founded-on");
  tomorrow = g_date_time_format (next_day, "%Y-%m-%d");
  g_object_set (coop, "founded-on", tomorrow, NULL);
  assert_invalid (store, coop, "founded-on");
  g_object_set (coop, "founded-on", NULL, NULL);
  assert_valid (store, coop);

  /* E-mail and phone well formed. */
  g_object_set (coop, "email", "argan.tiznit@", NULL);
  assert_invalid (store, coop, "email");
  g_object_set (coop, "email", NULL, "phone", "12 34", NULL);
  assert_invalid (store, coop, "phone");
  g_object_set (coop, "phone", "+212 612 345 678", NULL);
  assert_valid (store, coop);

  /* The province must be in the region. */
  g_object_set (coop, "region-id", (gint64) 6, NULL);
  assert_invalid (store, coop, "province-id");
  g_object_set (coop, "region-id", (gint64) 9, NULL);
  assert_valid (store, coop);
  g_object_set (coop, "province-id", (gint64) 99999, NULL);
  assert_invalid (store, coop, "province-id");
  g_object_set (coop, "province-id", (gint64) 9581, "sector-id", (gint64) 999, NULL);
  assert_invalid (store, coop, "sector-id");
  g_object_set (coop, "sector-id", (gint64) 3, NULL);

  /* Labels: a name, valid dates, no expiry before issue. */
  labels = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_label_free);
  g_ptr_array_add (labels, tdm_label_new ("IG Argane", "2022-05-01", "2021-05-01"));
  tdm_cooperative_set_labels (coop, labels);
  assert_invalid (store, coop, "labels");
  g_ptr_array_set_size (labels, 0);
  g_ptr_array_add (labels, tdm_label_new ("IG Argane", "2022-13-01", NULL));
  tdm_cooperative_set_labels (coop, labels);
  assert_invalid (store, coop, "labels");
  g_ptr_array_set_size (labels, 0);
  g_ptr_array_add (labels, tdm_label_new (" ", "2022-01-01", NULL));
  tdm_cooperative_set_labels (coop, labels);
  assert_invalid (store, coop, "labels");
  g_ptr_array_set_size (labels, 0);
  g_ptr_array_add (labels, tdm_label_new ("IG Argane", "2022-01-01", "2027-01-01"));
  tdm_cooperative_set_labels (coop, labels);
  assert_valid (store, coop);

  /* Legal form from the list. */
  g_object_set (coop, "legal-form", "company", NULL);
  assert_invalid (store, coop, "legal-form");
  g_object_set (coop, "legal-form", "union", NULL);
  assert_valid (store, coop);

  /* Registration number unique among the others, not against itself. */
  g_assert_true (tdm_store_save_cooperative (store, coop, &error));
  g_assert_no_error (error);
  assert_valid (store, coop);

  other = make_cooperative (" 9581/2016/000001 ");
  g_object_set (other, "name-fr", "Coopérative Tifawin", NULL);
  assert_invalid (store, other, "registration-number");
  g_object_set (other, "registration-number", "9581/2016/000002", NULL);
  g_assert_true (tdm_store_save_cooperative (store, other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tdm_store_count_cooperatives (store), ==, 2);
}

/* ---- save, read, delete, restore --------------------------------------- */

typedef struct {
  guint n_cooperative;
  guint n_partner;
} Counts;

static void
on_changed (TdmStore   *store,
            const char *table,
            Counts     *counts)
{
  if (g_str_equal (table, "cooperative"))
    counts->n_cooperative++;
  else if (g_str_equal (table, "partner"))
    counts->n_partner++;
}

static void
assert_same_labels (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      TdmLabel *la = g_ptr_array_index (a, i);
      TdmLabel *lb = g_ptr_array_index (b, i);

      g_assert_cmpstr (la->name, ==, lb->name);
      g_assert_cmpstr (la->issued_on, ==, lb->issued_on);
      g_assert_cmpstr (la->expires_on, ==, lb->expires_on);
    }
}

static void
test_save_and_read (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(TdmCooperative) coop = make_cooperative ("9581/2016/000001");
  g_autoptr(TdmCooperative) read = NULL;
  g_autoptr(TdmCooperative) reread = NULL;
  g_autoptr(GError) error = NULL;
  Counts counts = { 0, 0 };
  gint64 region_id = -1;
  gint64 id;
  g_autofree char *sector_name = NULL;
  g_autofree char *province_name = NULL;
  g_autofree char *region_name = NULL;
  g_autofree char *updated_before = NULL;
  double capital;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &counts);

  /* Only the province given: the region follows from it. */
  g_assert_true (tdm_store_save_cooperative (store, coop, &error));
  g_assert_no_error (error);
  id = tdm_cooperative_get_id (coop);
  g_assert_cmpint (id, >, 0);
  g_object_get (coop, "region-id", &region_id, NULL);
  g_assert_cmpint (region_id, ==, 9);
  g_assert_cmpuint (counts.n_cooperative, ==, 1);

  read = tdm_store_get_cooperative (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tdm_cooperative_get_name_ar (read), ==, "تعاونية أركان النساء بتزنيت");
  g_assert_cmpstr (tdm_cooperative_get_name_fr (read), ==, "Coopérative Argan des Femmes de Tiznit");
  g_assert_cmpstr (tdm_cooperative_get_registration_number (read), ==, "9581/2016/000001");
  g_assert_cmpint (tdm_cooperative_get_members (read), ==, 40);
  g_assert_cmpint (tdm_cooperative_get_women (read), ==, 38);
  g_assert_cmpint (tdm_cooperative_get_youth (read), ==, 12);
  g_object_get (read, "capital", &capital, "sector-name", &sector_name,
                "province-name", &province_name, "region-name", &region_name, NULL);
  g_assert_cmpfloat (capital, ==, 20000.0);
  /* The UI language of the tests is English, so the French names. */
  g_assert_cmpstr (sector_name, ==, "Argane");
  g_assert_cmpstr (province_name, ==, "Tiznit");
  g_assert_cmpstr (region_name, ==, "Souss-Massa");
  assert_same_labels (tdm_cooperative_get_labels (read), tdm_cooperative_get_labels (coop));

  /* Stored with the derived columns the search needs. */
  g_assert_cmpint (count_matches (store, "بتزنيت"), ==, 1);
  g_assert_cmpint (count_matches (store, "cooperative argan"), ==, 1);
  g_assert_cmpint (count_matches (store, "2016/000001"), ==, 1);

  /* Blank values are stored as NULL, not as "". */
  g_object_set (read, "address", "   ", "name-ar", NULL, NULL);
  g_assert_true (tdm_store_save_cooperative (store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE address IS NULL AND name_ar IS NULL"), ==, 1);
  g_assert_cmpint (count_matches (store, "بتزنيت"), ==, 0);

  /* An update replaces the labels and is seen by the next read. */
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (tdm_store_get_db (store), "SELECT updated_at FROM cooperative", -1, &stmt, NULL);
    sqlite3_step (stmt);
    updated_before = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  tdm_cooperative_set_labels (read, NULL);
  g_object_set (read, "name-fr", "Coopérative Tifawin", "members", 50, NULL);
  g_assert_true (tdm_store_save_cooperative (store, read, &error));
  g_assert_cmpint (tdm_cooperative_get_id (read), ==, id);
  reread = tdm_store_get_cooperative (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tdm_cooperative_get_name_fr (reread), ==, "Coopérative Tifawin");
  g_assert_cmpint (tdm_cooperative_get_members (reread), ==, 50);
  g_assert_cmpuint (tdm_cooperative_get_labels (reread)->len, ==, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative_label"), ==, 0);
  g_assert_cmpint (count_matches (store, "tifawin"), ==, 1);
  g_assert_cmpint (count_matches (store, "argan des femmes"), ==, 0);
  g_assert_cmpint (tdm_store_count_cooperatives (store), ==, 1);
  g_assert_cmpuint (counts.n_cooperative, ==, 3);
  g_assert_nonnull (updated_before);

  /* A record that does not exist. */
  g_assert_null (tdm_store_get_cooperative (store, 4242, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_object_set (reread, "id", (gint64) 4242, "registration-number", "R-4242", NULL);
  g_assert_false (tdm_store_save_cooperative (store, reread, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (counts.n_cooperative, ==, 3);
}

static void
test_delete_and_restore (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(TdmCooperative) coop = make_cooperative ("9581/2016/000001");
  g_autoptr(TdmCooperative) deleted = NULL;
  g_autoptr(TdmCooperative) back = NULL;
  g_autoptr(TdmCooperative) newcomer = NULL;
  g_autoptr(GError) error = NULL;
  Counts counts = { 0, 0 };
  gint64 id;

  g_assert_true (tdm_store_save_cooperative (store, coop, &error));
  id = tdm_cooperative_get_id (coop);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &counts);

  g_assert_true (tdm_store_delete_cooperative (store, id, &deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_cooperative, ==, 1);
  g_assert_nonnull (deleted);
  g_assert_cmpint (tdm_cooperative_get_id (deleted), ==, id);
  g_assert_cmpuint (tdm_cooperative_get_labels (deleted)->len, ==, 2);
  g_assert_cmpint (tdm_store_count_cooperatives (store), ==, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative_label"), ==, 0);
  g_assert_cmpint (count_matches (store, "tiznit"), ==, 0);
  g_assert_null (tdm_store_get_cooperative (store, id, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting it twice. */
  g_assert_false (tdm_store_delete_cooperative (store, id, NULL, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo: same id, same labels, found again. */
  g_assert_true (tdm_store_restore_cooperative (store, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_cooperative, ==, 2);
  back = tdm_store_get_cooperative (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tdm_cooperative_get_name_fr (back), ==, "Coopérative Argan des Femmes de Tiznit");
  assert_same_labels (tdm_cooperative_get_labels (back), tdm_cooperative_get_labels (coop));
  g_assert_cmpint (count_matches (store, "tiznit"), ==, 1);

  /* Restoring over a live record is refused. */
  g_assert_false (tdm_store_restore_cooperative (store, deleted, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A registration number taken while it was deleted: refused in words. */
  g_assert_true (tdm_store_delete_cooperative (store, id, NULL, &error));
  newcomer = make_cooperative ("9581/2016/000001");
  g_assert_true (tdm_store_save_cooperative (store, newcomer, &error));
  g_assert_false (tdm_store_restore_cooperative (store, deleted, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "registration number"));
  g_assert_cmpint (tdm_store_count_cooperatives (store), ==, 1);
}

/* The schema holds its rules even for code that skips the validation. */
static void
test_schema_rules (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  sqlite3 *db = tdm_store_get_db (store);
  static const char * const refused[] = {
    "INSERT INTO cooperative (name_fr, members, women) VALUES ('A', 5, 6)",
    "INSERT INTO cooperative (name_fr, members, youth) VALUES ('A', 5, 6)",
    "INSERT INTO cooperative (name_fr, members) VALUES ('A', -1)",
    "INSERT INTO cooperative (name_ar, name_fr) VALUES ('', NULL)",
    "INSERT INTO cooperative (name_fr, founded_on) VALUES ('A', '2019-02-30')",
    "INSERT INTO cooperative (name_fr, legal_form) VALUES ('A', 'sarl')",
    "INSERT INTO cooperative (name_fr, province_id) VALUES ('A', 99999)",
    "INSERT INTO cooperative (name_fr, sector_id) VALUES ('A', 99)",
    "INSERT INTO cooperative (name_fr, capital) VALUES ('A', -5)",
    "INSERT INTO cooperative (name_fr, registration_number) VALUES ('B', 'R-1')",
    "INSERT INTO cooperative_label (cooperative_id, name, issued_on, expires_on) VALUES (1, 'IGP', '2022-01-01', '2021-01-01')",
    "INSERT INTO cooperative_label (cooperative_id, name) VALUES (999, 'IGP')",
    "INSERT INTO partner (name, name_key, kind) VALUES ('X', 'x', 'friend')",
    "INSERT INTO partner (name, name_key, country) VALUES ('Y', 'y', 'MAR')",
    "INSERT INTO partner (name, name_key) VALUES ('ODCO ', 'odco')",
    "DELETE FROM region WHERE id = 9",
  };

  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO cooperative (id, name_fr, registration_number, province_id) "
                                 "VALUES (1, 'A', 'R-1', 9581);"
                                 "INSERT INTO partner (name, name_key) VALUES ('ODCO', 'odco')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      int rc = sqlite3_exec (db, refused[i], NULL, NULL, NULL);

      if ((rc & 0xff) != SQLITE_CONSTRAINT)
        g_error ("accepted: %s", refused[i]);
      tdm_store_set_error (store, &error, rc, NULL);
      g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
      g_test_message ("%s → %s", refused[i], error->message);
    }

  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative"), ==, 1);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative_label"), ==, 0);
}

static void
test_count_by_region (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  const char *numbers[] = { "A-1", "A-2", "A-3" };
  const gint64 provinces[] = { 9581, 9541, 6141 };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(TdmCooperative) coop = make_cooperative (numbers[i]);

      g_object_set (coop, "province-id", provinces[i], NULL);
      g_assert_true (tdm_store_save_cooperative (store, coop, &error));
      g_assert_no_error (error);
    }

  counts = tdm_store_count_by_region (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 12);

  for (guint i = 0; i < counts->len; i++)
    {
      TdmRegionCount *count = g_ptr_array_index (counts, i);

      /* In HCP code order, every region, zeros included. */
      g_assert_cmpint (count->region_id, ==, i + 1);
      g_assert_nonnull (count->name_fr);
      g_assert_nonnull (count->name_ar);
      if (count->region_id == 9)
        {
          g_assert_cmpstr (count->name_fr, ==, "Souss-Massa");
          g_assert_cmpint (count->cooperatives, ==, 2);
          g_assert_cmpint (count->members, ==, 80);
          g_assert_cmpint (count->women, ==, 76);
        }
      else if (count->region_id == 6)
        g_assert_cmpint (count->cooperatives, ==, 1);
      else
        {
          g_assert_cmpint (count->cooperatives, ==, 0);
          g_assert_cmpint (count->members, ==, 0);
        }
    }
}

static void
test_cooperative_in_a_fair (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(TdmCooperative) coop = make_cooperative ("R-1");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (tdm_store_save_cooperative (store, coop, &error));
  sql = g_strdup_printf ("INSERT INTO fair (id, title) VALUES (1, 'Salon');"
                         "INSERT INTO exhibitor (fair_id, cooperative_id) VALUES (1, %" G_GINT64_FORMAT ")",
                         tdm_cooperative_get_id (coop));
  g_assert_cmpint (sqlite3_exec (tdm_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (tdm_store_delete_cooperative (store, tdm_cooperative_get_id (coop), NULL, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "fair"));
  g_assert_cmpint (tdm_store_count_cooperatives (store), ==, 1);
}

/* ---- partners ---------------------------------------------------------- */

static TdmPartner *
make_partner (const char *name,
              const char *kind,
              const char *country)
{
  TdmPartner *partner = tdm_partner_new ();

  g_object_set (partner, "name", name, "kind", kind, "country", country, NULL);
  return partner;
}

static void
test_partners (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(TdmPartner) occitanie = make_partner ("Région Occitanie", "foreign_region", "FR");
  g_autoptr(TdmPartner) twin = make_partner ("REGION  OCCITANIE", "foreign_region", "FR");
  g_autoptr(TdmPartner) odco = make_partner ("Office du Développement de la Coopération", "public_agency", "MA");
  g_autoptr(TdmPartner) read = NULL;
  g_autoptr(TdmPartner) deleted = NULL;
  g_autoptr(GHashTable) messages = NULL;
  g_autoptr(GError) error = NULL;
  Counts counts = { 0, 0 };
  gint64 id;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &counts);

  g_object_set (occitanie, "acronym", NULL, "website", "www.laregion.fr", "email", "contact@example.org", NULL);
  g_assert_true (tdm_store_save_partner (store, occitanie, &error));
  g_assert_no_error (error);
  id = tdm_partner_get_id (occitanie);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (counts.n_partner, ==, 1);

  read = tdm_store_get_partner (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tdm_partner_get_name (read), ==, "Région Occitanie");
  g_assert_cmpstr (tdm_partner_get_kind (read), ==, "foreign_region");
  g_assert_cmpstr (tdm_partner_get_country (read), ==, "FR");
  g_assert_cmpstr (tdm_partner_get_website (read), ==, "www.laregion.fr");

  /* The same name with other case, accents or spaces is the same partner. */
  messages = tdm_store_validate_partner (store, twin);
  g_assert_true (g_hash_table_contains (messages, "name"));
  g_clear_pointer (&messages, g_hash_table_unref);
  g_assert_false (tdm_store_save_partner (store, twin, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already has this name"));
  g_clear_error (&error);
  g_assert_cmpint (tdm_partner_get_id (twin), ==, 0);

  /* ... but saving the partner itself again is fine. */
  g_assert_true (tdm_store_save_partner (store, read, &error));
  g_assert_no_error (error);

  /* Other rules. */
  g_object_set (odco, "kind", "friend", NULL);
  messages = tdm_store_validate_partner (store, odco);
  g_assert_true (g_hash_table_contains (messages, "kind"));
  g_clear_pointer (&messages, g_hash_table_unref);
  g_object_set (odco, "kind", "public_agency", "country", "Maroc", NULL);
  messages = tdm_store_validate_partner (store, odco);
  g_assert_true (g_hash_table_contains (messages, "country"));
  g_clear_pointer (&messages, g_hash_table_unref);
  /* Two capitals are not yet a country: "UK" is "GB" in ISO 3166. */
  g_object_set (odco, "country", "UK", NULL);
  messages = tdm_store_validate_partner (store, odco);
  g_assert_true (g_hash_table_contains (messages, "country"));
  g_clear_pointer (&messages, g_hash_table_unref);
  for (guint i = 0; i < 4; i++)
    {
      const char *known[] = { "AD", "BF", "MA", "ZW" };

      g_object_set (odco, "country", known[i], NULL);
      messages = tdm_store_validate_partner (store, odco);
      g_assert_false (g_hash_table_contains (messages, "country"));
      g_clear_pointer (&messages, g_hash_table_unref);
    }
  g_object_set (odco, "country", "MA", "email", "odco@", "phone", "abc", "website", "odco gov", NULL);
  messages = tdm_store_validate_partner (store, odco);
  g_assert_true (g_hash_table_contains (messages, "email"));
  g_assert_true (g_hash_table_contains (messages, "phone"));
  g_assert_true (g_hash_table_contains (messages, "website"));
  g_assert_cmpuint (g_hash_table_size (messages), ==, 3);
  g_clear_pointer (&messages, g_hash_table_unref);
  g_object_set (odco, "email", NULL, "phone", "0537 77 00 00", "website", "www.odco.gov.ma", "acronym", "ODCO", NULL);
  messages = tdm_store_validate_partner (store, odco);
  g_assert_cmpuint (g_hash_table_size (messages), ==, 0);
  g_assert_true (tdm_store_save_partner (store, odco, &error));
  g_assert_no_error (error);

  /* Delete and Undo. */
  g_assert_true (tdm_store_delete_partner (store, id, &deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM partner"), ==, 1);
  g_assert_null (tdm_store_get_partner (store, id, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (tdm_store_restore_partner (store, deleted, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = tdm_store_get_partner (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tdm_partner_get_name (read), ==, "Région Occitanie");

  /* A partner of a fair cannot go. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO fair (id, title) VALUES (1, 'Salon');"
                                            "INSERT INTO fair_partner (fair_id, partner_id, role) "
                                            "VALUES (1, %" G_GINT64_FORMAT ", 'funder')", id);

    g_assert_cmpint (sqlite3_exec (tdm_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_false (tdm_store_delete_partner (store, id, NULL, &error));
    g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
    g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM partner"), ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/registry/places", test_places);
  g_test_add_func ("/registry/places-in-arabic", test_places_in_arabic);
  g_test_add_func ("/registry/validate-cooperative", test_validate_cooperative);
  g_test_add_func ("/registry/save-and-read", test_save_and_read);
  g_test_add_func ("/registry/delete-and-restore", test_delete_and_restore);
  g_test_add_func ("/registry/schema-rules", test_schema_rules);
  g_test_add_func ("/registry/count-by-region", test_count_by_region);
  g_test_add_func ("/registry/cooperative-in-a-fair", test_cooperative_in_a_fair);
  g_test_add_func ("/registry/partners", test_partners);

  return g_test_run ();
}
