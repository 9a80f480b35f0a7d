/* test-partner-list.c: partners as a lazy GListModel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdm-partner-list.h"
#include "tdm-partner-private.h"
#include "tdm-test-util.h"

typedef struct {
  TdmStore *store;
  gint64    ids[6];   /* from 1 */
} Fixture;

static gint64
add_partner (Fixture    *fixture,
             const char *name,
             const char *acronym,
             const char *kind,
             const char *country)
{
  sqlite3_stmt *stmt;

  stmt = tdm_store_prepare (fixture->store,
                            "INSERT INTO partner (name, acronym, kind, country, name_key, search_text) "
                            "VALUES (?1, ?2, ?3, ?4, tdm_fold(?1), "
                            "  tdm_fold(?1 || char(10) || coalesce(?2, '')))",
                            NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, acronym, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, country, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);

  return sqlite3_last_insert_rowid (tdm_store_get_db (fixture->store));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = tdm_test_open_memory_store ();

  fixture->ids[1] = add_partner (fixture, "Agence de Développement Social", "ADS", "public_agency", "MA");
  fixture->ids[2] = add_partner (fixture, "Ministère du Tourisme, de l'Artisanat et de l'Économie Sociale et Solidaire",
                                 "MTAESS", "ministry", "MA");
  fixture->ids[3] = add_partner (fixture, "Région Occitanie", NULL, "foreign_region", "FR");
  fixture->ids[4] = add_partner (fixture, "الشبكة المغربية للاقتصاد الاجتماعي والتضامني", "REMESS", "network", "MA");
  fixture->ids[5] = add_partner (fixture, "Agencia Andaluza de Cooperación", "AACID", "foreign_region", "ES");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

static char *
list_ids (Fixture    *fixture,
          GListModel *model)
{
  return tdm_test_list_ids (model, fixture->ids, G_N_ELEMENTS (fixture->ids));
}

#define assert_ids(fixture, list, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = list_ids ((fixture), G_LIST_MODEL (list)); \
    g_assert_cmpstr (ids_, ==, (expected)); \
  } G_STMT_END

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TdmPartnerList) list = tdm_partner_list_new (fixture->store);

  assert_ids (fixture, list, "1 5 2 3 4");

  tdm_partner_list_set_search (list, "agence");
  assert_ids (fixture, list, "1");
  tdm_partner_list_set_search (list, "AGENC");
  assert_ids (fixture, list, "1 5");
  tdm_partner_list_set_search (list, "economie sociale");
  assert_ids (fixture, list, "2");
  tdm_partner_list_set_search (list, "الإجتماعي");
  assert_ids (fixture, list, "4");
  tdm_partner_list_set_search (list, "ads");
  assert_ids (fixture, list, "1");
  tdm_partner_list_set_search (list, "ا");
  assert_ids (fixture, list, "4");
  tdm_partner_list_set_search (list, "\"");
  assert_ids (fixture, list, "");
  tdm_partner_list_set_search (list, "");
  assert_ids (fixture, list, "1 5 2 3 4");
}

static void
test_kind_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TdmPartnerList) list = tdm_partner_list_new (fixture->store);
  g_autofree char *kind = NULL;

  tdm_partner_list_set_kind (list, "foreign_region");
  assert_ids (fixture, list, "5 3");
  g_assert_cmpint (tdm_partner_list_find (list, fixture->ids[3]), ==, 1);
  g_assert_cmpint (tdm_partner_list_find (list, fixture->ids[1]), ==, -1);

  tdm_partner_list_set_search (list, "occitanie");
  assert_ids (fixture, list, "3");
  tdm_partner_list_set_search (list, NULL);

  g_object_set (list, "kind", "ministry", NULL);
  assert_ids (fixture, list, "2");
  g_object_get (list, "kind", &kind, NULL);
  g_assert_cmpstr (kind, ==, "ministry");

  tdm_partner_list_set_kind (list, "company");
  assert_ids (fixture, list, "");

  tdm_partner_list_set_kind (list, NULL);
  assert_ids (fixture, list, "1 5 2 3 4");
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  static const struct {
    TdmPartnerSort sort;
    const char *ascending;
    const char *descending;
  } cases[] = {
    { TDM_PARTNER_SORT_NAME, "1 5 2 3 4", "4 3 2 5 1" },
    /* no acronym first */
    { TDM_PARTNER_SORT_ACRONYM, "3 5 1 2 4", "4 2 1 5 3" },
    /* kinds and countries by their names in the UI language (English
     * here): Foreign region < Ministry < Network < Public agency, and
     * France < Morocco < Spain, not by their codes (ES < FR < MA) */
    { TDM_PARTNER_SORT_KIND, "3 5 2 4 1", "1 4 2 5 3" },
    { TDM_PARTNER_SORT_COUNTRY, "3 1 2 4 5", "5 4 2 1 3" },
  };
  g_autoptr(TdmPartnerList) list = tdm_partner_list_new (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      tdm_partner_list_set_sort (list, cases[i].sort, FALSE);
      assert_ids (fixture, list, cases[i].ascending);
      tdm_partner_list_set_sort (list, cases[i].sort, TRUE);
      assert_ids (fixture, list, cases[i].descending);
    }
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

static void
test_changes_and_laziness (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TdmPartnerList) list = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(TdmPartner) partner = NULL;
  guint alive = tdm_partner_get_n_alive ();
  gint64 id;

  list = tdm_partner_list_new (fixture->store);
  g_assert_cmpuint (tdm_partner_get_n_alive (), ==, alive);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), changes);

  partner = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpuint (tdm_partner_get_n_alive (), ==, alive + 1);
  g_assert_cmpstr (tdm_partner_get_country_name (partner), ==, "Spain");
  g_assert_cmpstr (tdm_partner_get_kind_label (partner), ==, "Foreign region");

  /* Agence, Agencia, then the new Banque. */
  id = add_partner (fixture, "Banque Populaire", "BP", "company", "MA");
  tdm_store_notify_changed (fixture->store, "partner");
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, 1);
  g_assert_cmpint (tdm_partner_list_find (list, id), ==, 2);

  /* The cached partner is updated in place. */
  g_array_set_size (changes, 0);
  {
    sqlite3_stmt *stmt = tdm_store_prepare (fixture->store,
                                            "UPDATE partner SET country = 'PT' WHERE id = ?1", NULL);

    sqlite3_bind_int64 (stmt, 1, fixture->ids[5]);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_reset (stmt);
  }
  tdm_store_notify_changed (fixture->store, "partner");
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpstr (tdm_partner_get_country (partner), ==, "PT");
  g_assert_cmpstr (tdm_partner_get_country_name (partner), ==, "Portugal");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/model/partner-list/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("search", test_search);
  ADD ("kind-filter", test_kind_filter);
  ADD ("sort", test_sort);
  ADD ("changes-and-laziness", test_changes_and_laziness);

#undef ADD

  return g_test_run ();
}
