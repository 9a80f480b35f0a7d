/* test-demo.c: the demo data generator.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdm-demo.h"
#include "tdm-registry.h"
#include "tdm-test-util.h"

/* Everything the demo wrote, timestamps aside. */
static char *
dump_checksum (TdmStore *store)
{
  static const char * const queries[] = {
    "SELECT id, name_ar, name_fr, registration_number, legal_form, sector_id, region_id, province_id, "
    "commune, address, founded_on, members, women, youth, capital, president, phone, email, products, "
    "name_key, search_text FROM cooperative ORDER BY id",
    "SELECT * FROM cooperative_label ORDER BY id",
    "SELECT id, name, acronym, kind, country, website FROM partner ORDER BY id",
  };

  return tdm_test_checksum_rows (tdm_store_get_db (store), queries, G_N_ELEMENTS (queries));
}

static void
count_change (TdmStore   *store,
              const char *table,
              guint      *count)
{
  (*count)++;
}

static void
test_demo_fills_the_country (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *future = g_strdup_printf ("SELECT count(*) FROM cooperative WHERE founded_on > '%s'", today);
  guint changes = 0;
  gint64 n_casablanca, n_aousserd;

  g_signal_connect (store, "changed::cooperative", G_CALLBACK (count_change), &changes);

  g_assert_true (tdm_demo_populate (store, 3000, 2025, &error));
  g_assert_no_error (error);

  g_assert_cmpint (tdm_store_count_cooperatives (store), ==, 3000);
  /* Every province has some. */
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(DISTINCT province_id) FROM cooperative"), ==, 75);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(DISTINCT region_id) FROM cooperative"), ==, 12);
  /* Regions agree with provinces. */
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative c JOIN province p ON p.id = c.province_id "
                                     "WHERE p.region_id <> c.region_id"), ==, 0);
  /* More where more people live. */
  n_casablanca = tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE province_id = 6141");
  n_aousserd = tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE province_id = 12066");
  g_assert_cmpint (n_casablanca, >, 10 * n_aousserd);

  /* Both names, as people write them. */
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE name_ar IS NULL OR name_fr IS NULL"), ==, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE name_ar LIKE 'تعاونية %' "
                                     "OR name_ar LIKE 'اتحاد تعاونيات %'"), ==, 3000);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE name_fr LIKE 'Coopérative %' "
                                     "OR name_fr LIKE 'Union des Coopératives %'"), ==, 3000);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE name_fr LIKE '% de Tiznit%'"), >, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE name_ar LIKE '% بتيزنيت%'"), >, 0);
  /* No two cooperatives of a province share a name. */
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM (SELECT 1 FROM cooperative "
                                     "GROUP BY province_id, name_key HAVING count(*) > 1)"), ==, 0);

  /* Plausible figures. */
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE legal_form = 'cooperative' "
                                     "AND (members < 5 OR members > 300)"), ==, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE women = members"), >, 300);
  g_assert_cmpint (tdm_test_query_int (store, future), ==, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE founded_on IS NULL"), ==, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE founded_on >= '2015-01-01'"), >,
                   tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE founded_on < '2015-01-01'"));
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(DISTINCT sector_id) FROM cooperative"), >=, 12);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE sector_id = 1"), >, 1000);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE sector_id = 3 "
                                     "AND region_id NOT IN (7, 9, 10)"), ==, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative_label"), >, 50);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative_label l JOIN cooperative c "
                                     "ON c.id = l.cooperative_id WHERE l.issued_on <= c.founded_on"), ==, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE email IS NOT NULL"), >, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE phone IS NOT NULL"), >, 0);

  /* Partners of every kind that organizes or funds a fair. */
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM partner"), >=, 30);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(DISTINCT kind) FROM partner"), >=, 8);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(DISTINCT country) FROM partner"), >=, 5);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM partner WHERE acronym IN ('ODCO', 'INDH', 'ADS', 'REMESS', 'GIZ', 'ACCD')"), ==, 6);

  /* The search index knows every row. */
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative_fts WHERE cooperative_fts MATCH 'cooperative'"), ==,
                   tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE search_text LIKE '%cooperative%'"));
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM cooperative_fts WHERE cooperative_fts MATCH 'تيزنيت'"), ==,
                   tdm_test_query_int (store, "SELECT count(*) FROM cooperative WHERE search_text LIKE '%تيزنيت%'"));

  /* One notification for the whole batch. */
  g_assert_cmpuint (changes, ==, 1);
}

/* Every generated record passes the checks of the form. */
static void
test_demo_records_are_valid (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(GError) error = NULL;

  g_assert_true (tdm_demo_populate (store, 400, 9, &error));
  g_assert_no_error (error);

  for (gint64 id = 1; id <= 400; id++)
    {
      g_autoptr(TdmCooperative) coop = tdm_store_get_cooperative (store, id, &error);
      g_autoptr(GHashTable) messages = NULL;

      g_assert_no_error (error);
      messages = tdm_store_validate_cooperative (store, coop);
      if (g_hash_table_size (messages) > 0)
        {
          GList *keys = g_hash_table_get_keys (messages);

          g_error ("cooperative %" G_GINT64_FORMAT " (%s): %s: %s", id,
                   tdm_cooperative_get_name_fr (coop), (char *) keys->data,
                   (char *) g_hash_table_lookup (messages, keys->data));
        }
    }

  for (gint64 id = 1; id <= tdm_test_query_int (store, "SELECT max(id) FROM partner"); id++)
    {
      g_autoptr(TdmPartner) partner = tdm_store_get_partner (store, id, &error);
      g_autoptr(GHashTable) messages = NULL;

      g_assert_no_error (error);
      messages = tdm_store_validate_partner (store, partner);
      g_assert_cmpuint (g_hash_table_size (messages), ==, 0);
    }
}

static void
test_demo_deterministic (void)
{
  g_autoptr(TdmStore) a = tdm_test_open_memory_store ();
  g_autoptr(TdmStore) b = tdm_test_open_memory_store ();
  g_autoptr(TdmStore) c = tdm_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sum_a = NULL;
  g_autofree char *sum_b = NULL;
  g_autofree char *sum_c = NULL;

  g_assert_true (tdm_demo_populate (a, 500, 42, &error));
  g_assert_true (tdm_demo_populate (b, 500, 42, &error));
  g_assert_true (tdm_demo_populate (c, 500, 43, &error));
  g_assert_no_error (error);

  sum_a = dump_checksum (a);
  sum_b = dump_checksum (b);
  sum_c = dump_checksum (c);
  g_assert_cmpstr (sum_a, ==, sum_b);
  g_assert_cmpstr (sum_a, !=, sum_c);
}

static void
test_demo_refuses_a_registry (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  gint64 partners;

  /* Fewer than 75: still spread, one per province at most. */
  g_assert_true (tdm_demo_populate (store, 20, 1, &error));
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(DISTINCT province_id) FROM cooperative"), ==, 20);
  partners = tdm_test_query_int (store, "SELECT count(*) FROM partner");

  g_assert_false (tdm_demo_populate (store, 10, 2, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already holds 20 cooperatives"));
  g_assert_cmpint (tdm_store_count_cooperatives (store), ==, 20);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM partner"), ==, partners);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM sqlite_master WHERE name = 'cooperative_fts_insert'"), ==, 1);
}

static void
test_demo_keeps_partners (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmPartner) odco = tdm_partner_new ();

  /* A partner the user recorded under a name the demo also uses. */
  g_object_set (odco, "name", "OFFICE DU DEVELOPPEMENT DE LA COOPERATION", "kind", "public_agency",
                "country", "MA", "acronym", "ODCO", NULL);
  g_assert_true (tdm_store_save_partner (store, odco, &error));

  g_assert_true (tdm_demo_populate (store, 10, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM partner WHERE acronym = 'ODCO'"), ==, 1);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM partner WHERE name = 'OFFICE DU DEVELOPPEMENT DE LA COOPERATION'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/fills-the-country", test_demo_fills_the_country);
  g_test_add_func ("/demo/records-are-valid", test_demo_records_are_valid);
  g_test_add_func ("/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/demo/refuses-a-registry", test_demo_refuses_a_registry);
  g_test_add_func ("/demo/keeps-partners", test_demo_keeps_partners);

  return g_test_run ();
}
