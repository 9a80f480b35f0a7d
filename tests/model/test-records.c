/* test-records.c: TdmCooperative, TdmPartner, TdmPlace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdm-cooperative.h"
#include "tdm-partner.h"
#include "tdm-place.h"
#include "tdm-store.h"

typedef struct {
  GHashTable *counts;
} NotifyLog;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, pspec->name));

  g_hash_table_insert (log->counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
notified (NotifyLog  *log,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static void
notify_log_reset (NotifyLog *log)
{
  g_hash_table_remove_all (log->counts);
}

static void
test_cooperative_defaults (void)
{
  g_autoptr(TdmCooperative) coop = tdm_cooperative_new ();
  g_autofree char *legal_form = NULL;
  double capital;

  g_object_get (coop, "legal-form", &legal_form, "capital", &capital, NULL);
  g_assert_cmpstr (legal_form, ==, "cooperative");
  g_assert_cmpfloat (capital, ==, -1.0);
  g_assert_cmpint (tdm_cooperative_get_id (coop), ==, 0);
  g_assert_cmpfloat (tdm_cooperative_get_women_share (coop), ==, -1.0);
  g_assert_cmpint (tdm_cooperative_get_founded_year (coop), ==, 0);
  g_assert_null (tdm_cooperative_get_display_name (coop));
  g_assert_cmpuint (tdm_cooperative_get_labels (coop)->len, ==, 0);
}

static void
test_cooperative_pspecs (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (TDM_TYPE_COOPERATIVE);
  const char *counts[] = { "members", "women", "youth" };
  const char *ids[] = { "id", "sector-id", "region-id", "province-id" };
  const char *read_only[] = { "display-name", "women-share", "founded-year",
                              "sector-name", "province-name", "region-name" };
  GParamSpec *pspec;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), counts[i]);
      g_assert_true (G_IS_PARAM_SPEC_INT (pspec));
      g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->minimum, ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), ids[i]);
      g_assert_true (G_IS_PARAM_SPEC_INT64 (pspec));
      g_assert_cmpint (G_PARAM_SPEC_INT64 (pspec)->minimum, ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (read_only); i++)
    {
      pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), read_only[i]);
      g_assert_nonnull (pspec);
      g_assert_false (pspec->flags & G_PARAM_WRITABLE);
    }

  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "capital");
  g_assert_cmpfloat (G_PARAM_SPEC_DOUBLE (pspec)->minimum, ==, -1.0);
  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "labels");
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_PTR_ARRAY);
}

static void
test_cooperative_women_share (void)
{
  g_autoptr(TdmCooperative) coop = tdm_cooperative_new ();
  NotifyLog log = { g_hash_table_new (g_str_hash, g_str_equal) };
  double share;

  g_signal_connect (coop, "notify", G_CALLBACK (on_notify), &log);

  g_object_set (coop, "members", 10, NULL);
  /* 0 women of 10 members: the share went from unknown to 0. */
  g_assert_cmpfloat (tdm_cooperative_get_women_share (coop), ==, 0.0);
  g_assert_cmpuint (notified (&log, "members"), ==, 1);
  g_assert_cmpuint (notified (&log, "women-share"), ==, 1);

  notify_log_reset (&log);
  g_object_set (coop, "women", 4, NULL);
  g_object_get (coop, "women-share", &share, NULL);
  g_assert_cmpfloat_with_epsilon (share, 0.4, 1e-9);
  g_assert_cmpuint (notified (&log, "women-share"), ==, 1);

  /* youth does not change the share; the same value notifies nothing. */
  notify_log_reset (&log);
  g_object_set (coop, "youth", 3, "women", 4, NULL);
  g_assert_cmpuint (notified (&log, "youth"), ==, 1);
  g_assert_cmpuint (notified (&log, "women"), ==, 0);
  g_assert_cmpuint (notified (&log, "women-share"), ==, 0);

  notify_log_reset (&log);
  g_object_set (coop, "members", 0, "women", 0, "youth", 0, NULL);
  g_assert_cmpfloat (tdm_cooperative_get_women_share (coop), ==, -1.0);
  g_assert_cmpuint (notified (&log, "women-share"), ==, 1);

  g_hash_table_unref (log.counts);
}

static void
test_cooperative_founded_year (void)
{
  g_autoptr(TdmCooperative) coop = tdm_cooperative_new ();
  NotifyLog log = { g_hash_table_new (g_str_hash, g_str_equal) };
  gint year;

  g_signal_connect (coop, "notify", G_CALLBACK (on_notify), &log);

  g_object_set (coop, "founded-on", "2015-03-02", NULL);
  g_object_get (coop, "founded-year", &year, NULL);
  g_assert_cmpint (year, ==, 2015);
  g_assert_cmpuint (notified (&log, "founded-year"), ==, 1);

  /* Another day of the same year: the year did not change. */
  notify_log_reset (&log);
  g_object_set (coop, "founded-on", "2015-11-30", NULL);
  g_assert_cmpuint (notified (&log, "founded-on"), ==, 1);
  g_assert_cmpuint (notified (&log, "founded-year"), ==, 0);

  notify_log_reset (&log);
  g_object_set (coop, "founded-on", NULL, NULL);
  g_assert_cmpint (tdm_cooperative_get_founded_year (coop), ==, 0);
  g_assert_cmpuint (notified (&log, "founded-year"), ==, 1);

  g_hash_table_unref (log.counts);
}

static void
test_cooperative_display_name (void)
{
  g_autoptr(TdmCooperative) coop = tdm_cooperative_new ();
  NotifyLog log = { g_hash_table_new (g_str_hash, g_str_equal) };

  g_signal_connect (coop, "notify", G_CALLBACK (on_notify), &log);

  g_setenv ("LANGUAGE", "fr", TRUE);
  g_object_set (coop, "name-ar", "تعاونية النور", NULL);
  /* No French name: the Arabic one stands in. */
  g_assert_cmpstr (tdm_cooperative_get_display_name (coop), ==, "تعاونية النور");
  g_assert_cmpuint (notified (&log, "display-name"), ==, 1);

  notify_log_reset (&log);
  g_object_set (coop, "name-fr", "Coopérative Annour", NULL);
  g_assert_cmpstr (tdm_cooperative_get_display_name (coop), ==, "Coopérative Annour");
  g_assert_cmpuint (notified (&log, "display-name"), ==, 1);

  /* The Arabic name is not shown in French: no notification. */
  notify_log_reset (&log);
  g_object_set (coop, "name-ar", "تعاونية النور للأركان", NULL);
  g_assert_cmpuint (notified (&log, "name-ar"), ==, 1);
  g_assert_cmpuint (notified (&log, "display-name"), ==, 0);

  g_setenv ("LANGUAGE", "ar", TRUE);
  g_assert_cmpstr (tdm_cooperative_get_display_name (coop), ==, "تعاونية النور للأركان");
  g_object_set (coop, "name-ar", "", NULL);
  g_assert_cmpstr (tdm_cooperative_get_display_name (coop), ==, "Coopérative Annour");

  g_setenv ("LANGUAGE", "en", TRUE);
  g_hash_table_unref (log.counts);
}

static void
test_cooperative_labels_copy (void)
{
  g_autoptr(TdmCooperative) coop = tdm_cooperative_new ();
  g_autoptr(TdmCooperative) copy = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_label_free);
  g_autoptr(GPtrArray) read_back = NULL;
  TdmLabel *label;

  g_ptr_array_add (labels, tdm_label_new ("IGP Argane", "2020-01-15", "2025-01-14"));
  g_ptr_array_add (labels, tdm_label_new ("Bio", NULL, NULL));

  g_object_set (coop, "name-fr", "Coopérative Tifaout", "members", 12, "women", 12,
                "capital", 15000.0, "labels", labels, NULL);

  /* The cooperative keeps its own copy. */
  label = g_ptr_array_index (labels, 0);
  g_free (label->name);
  label->name = g_strdup ("changed");
  g_ptr_array_set_size (labels, 1);
  g_assert_cmpuint (tdm_cooperative_get_labels (coop)->len, ==, 2);
  label = g_ptr_array_index (tdm_cooperative_get_labels (coop), 0);
  g_assert_cmpstr (label->name, ==, "IGP Argane");
  g_assert_cmpstr (label->expires_on, ==, "2025-01-14");

  g_object_get (coop, "labels", &read_back, NULL);
  g_assert_cmpuint (read_back->len, ==, 2);

  copy = tdm_cooperative_copy (coop);
  g_assert_true (copy != coop);
  g_assert_cmpstr (tdm_cooperative_get_name_fr (copy), ==, "Coopérative Tifaout");
  g_assert_cmpint (tdm_cooperative_get_women (copy), ==, 12);
  g_assert_cmpfloat (tdm_cooperative_get_capital (copy), ==, 15000.0);
  g_assert_cmpfloat (tdm_cooperative_get_women_share (copy), ==, 1.0);
  g_assert_cmpuint (tdm_cooperative_get_labels (copy)->len, ==, 2);
  g_assert_true (tdm_cooperative_get_labels (copy) != tdm_cooperative_get_labels (coop));

  /* Deep: changing the copy's label leaves the original alone. */
  label = g_ptr_array_index (tdm_cooperative_get_labels (copy), 1);
  g_assert_true (label != g_ptr_array_index (tdm_cooperative_get_labels (coop), 1));
  g_free (label->name);
  label->name = g_strdup ("Label Maroc");
  label = g_ptr_array_index (tdm_cooperative_get_labels (coop), 1);
  g_assert_cmpstr (label->name, ==, "Bio");

  /* Setting its own array back is safe. */
  tdm_cooperative_set_labels (coop, tdm_cooperative_get_labels (coop));
  g_assert_cmpuint (tdm_cooperative_get_labels (coop)->len, ==, 2);
  tdm_cooperative_set_labels (coop, NULL);
  g_assert_cmpuint (tdm_cooperative_get_labels (coop)->len, ==, 0);
}

static void
test_place (void)
{
  g_autoptr(TdmPlace) place = tdm_place_new (TDM_PLACE_PROVINCE, 2411, "02.411",
                                             "Oujda-Angad", "وجدة-أنجاد", 2);
  TdmPlaceKind kind;

  g_object_get (place, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, TDM_PLACE_PROVINCE);
  g_assert_cmpint (tdm_place_get_parent_id (place), ==, 2);
  g_assert_cmpstr (tdm_place_get_code (place), ==, "02.411");

  g_setenv ("LANGUAGE", "ar", TRUE);
  g_assert_cmpstr (tdm_place_get_display_name (place), ==, "وجدة-أنجاد");
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_cmpstr (tdm_place_get_display_name (place), ==, "Oujda-Angad");
  g_setenv ("LANGUAGE", "en", TRUE);
}

/* Every kind tdm_partner_kinds() gives is one the schema accepts, and the
 * schema accepts no other. */
static void
test_partner_kinds_match_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = tdm_store_open (":memory:", &error);
  const char * const *kinds = tdm_partner_kinds ();
  sqlite3_stmt *stmt;
  guint n = 0;

  g_assert_no_error (error);
  stmt = tdm_store_prepare (store, "INSERT INTO partner (name, kind, name_key) VALUES (?1, ?2, ?1)", &error);
  g_assert_no_error (error);

  for (; kinds[n] != NULL; n++)
    {
      sqlite3_bind_text (stmt, 1, kinds[n], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, kinds[n], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);

      g_assert_cmpstr (tdm_partner_kind_label (kinds[n]), !=, "");
      g_assert_cmpstr (tdm_partner_kind_label (kinds[n]), !=, kinds[n]);
    }
  g_assert_cmpuint (n, ==, 11);

  sqlite3_bind_text (stmt, 1, "x", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, "cooperative", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt) & 0xff, ==, SQLITE_CONSTRAINT);
  sqlite3_reset (stmt);

  g_assert_cmpstr (tdm_partner_kind_label ("unknown_kind"), ==, "unknown_kind");
}

static void
test_partner_properties (void)
{
  g_autoptr(TdmPartner) partner = tdm_partner_new ();
  g_autoptr(TdmPartner) copy = NULL;
  NotifyLog log = { g_hash_table_new (g_str_hash, g_str_equal) };
  g_autofree char *country_name = NULL;

  g_assert_cmpstr (tdm_partner_get_kind (partner), ==, "other");
  g_assert_cmpstr (tdm_partner_get_country (partner), ==, "MA");
  g_assert_cmpstr (tdm_partner_get_country_name (partner), ==, "Morocco");

  g_signal_connect (partner, "notify", G_CALLBACK (on_notify), &log);
  g_object_set (partner, "name", "Région Occitanie", "kind", "foreign_region",
                "country", "FR", NULL);
  g_assert_cmpuint (notified (&log, "kind-label"), ==, 1);
  g_assert_cmpuint (notified (&log, "country-name"), ==, 1);
  g_assert_cmpstr (tdm_partner_get_kind_label (partner), ==, "Foreign region");
  g_object_get (partner, "country-name", &country_name, NULL);
  g_assert_cmpstr (country_name, ==, "France");

  /* A country outside the table shows its code. */
  g_object_set (partner, "country", "BR", NULL);
  g_assert_cmpstr (tdm_partner_get_country_name (partner), ==, "BR");

  copy = tdm_partner_copy (partner);
  g_assert_cmpstr (tdm_partner_get_name (copy), ==, "Région Occitanie");
  g_assert_cmpstr (tdm_partner_get_kind (copy), ==, "foreign_region");
  g_assert_cmpstr (tdm_partner_get_country (copy), ==, "BR");

  g_hash_table_unref (log.counts);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/cooperative/defaults", test_cooperative_defaults);
  g_test_add_func ("/model/cooperative/pspecs", test_cooperative_pspecs);
  g_test_add_func ("/model/cooperative/women-share", test_cooperative_women_share);
  g_test_add_func ("/model/cooperative/founded-year", test_cooperative_founded_year);
  g_test_add_func ("/model/cooperative/display-name", test_cooperative_display_name);
  g_test_add_func ("/model/cooperative/labels-copy", test_cooperative_labels_copy);
  g_test_add_func ("/model/place/properties", test_place);
  g_test_add_func ("/model/partner/kinds-match-schema", test_partner_kinds_match_schema);
  g_test_add_func ("/model/partner/properties", test_partner_properties);

  return g_test_run ();
}
