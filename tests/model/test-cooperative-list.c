/* test-cooperative-list.c: the registry's lazy GListModel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdm-cooperative-list.h"
#include "tdm-cooperative-private.h"
#include "tdm-registry.h"
#include "tdm-test-util.h"

typedef struct {
  TdmStore *store;
  gint64    oujda;      /* province Oujda-Angad */
  gint64    agadir;     /* prefecture Agadir-Ida-Ou-Tanane */
  gint64    fes;        /* prefecture Fès */
  gint64    oriental;   /* region of Oujda */
  gint64    sector_a;
  gint64    sector_b;
  gint64    ids[5];     /* the four cooperatives of the small set, from 1 */
} Fixture;

typedef struct {
  guint position;
  guint removed;
  guint added;
} Change;

static gint64
query_id (TdmStore   *store,
          const char *sql)
{
  sqlite3_stmt *stmt = tdm_store_prepare (store, sql, NULL);
  gint64 id;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* Straight SQL, so that these tests depend on the schema and not on the
 * store's validation; search_text is built the way the store builds it
 * (folded names, registration number). */
static gint64
add_cooperative (Fixture    *fixture,
                 const char *name_ar,
                 const char *name_fr,
                 gint64      province_id,
                 gint64      sector_id,
                 gint        members,
                 gint        women,
                 const char *founded_on)
{
  sqlite3_stmt *stmt;

  stmt = tdm_store_prepare (fixture->store,
                            "INSERT INTO cooperative (name_ar, name_fr, province_id, region_id, "
                            "  sector_id, members, women, founded_on, name_key, search_text) "
                            "VALUES (?1, ?2, ?3, (SELECT region_id FROM province WHERE id = ?3), "
                            "  ?4, ?5, ?6, ?7, tdm_fold(coalesce(?1, '') || ' ' || coalesce(?2, '')), "
                            "  tdm_fold(coalesce(?1, '') || char(10) || coalesce(?2, '')))",
                            NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, name_ar, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name_fr, -1, SQLITE_STATIC);
  if (province_id != 0)
    sqlite3_bind_int64 (stmt, 3, province_id);
  if (sector_id != 0)
    sqlite3_bind_int64 (stmt, 4, sector_id);
  sqlite3_bind_int (stmt, 5, members);
  sqlite3_bind_int (stmt, 6, women);
  sqlite3_bind_text (stmt, 7, founded_on, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);

  return sqlite3_last_insert_rowid (tdm_store_get_db (fixture->store));
}

static void
exec_sql (Fixture    *fixture,
          const char *sql,
          gint64      id)
{
  sqlite3_stmt *stmt = tdm_store_prepare (fixture->store, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_setenv ("LANGUAGE", "en", TRUE);

  fixture->store = tdm_test_open_memory_store ();

  fixture->oujda = query_id (fixture->store, "SELECT id FROM province WHERE name_fr = 'Oujda-Angad'");
  fixture->agadir = query_id (fixture->store, "SELECT id FROM province WHERE name_fr LIKE 'Agadir%'");
  fixture->fes = query_id (fixture->store, "SELECT id FROM province WHERE name_fr = 'Fès'");
  fixture->oriental = query_id (fixture->store, "SELECT region_id FROM province WHERE name_fr = 'Oujda-Angad'");
  fixture->sector_a = query_id (fixture->store, "SELECT min(id) FROM sector");
  fixture->sector_b = query_id (fixture->store, "SELECT max(id) FROM sector");

  fixture->ids[1] = add_cooperative (fixture, "تعاونية النور بوجدة", "Coopérative Annour d'Oujda",
                                     fixture->oujda, fixture->sector_a, 20, 10, "2010-05-01");
  fixture->ids[2] = add_cooperative (fixture, "تعاونية أكادير للأركان", NULL,
                                     fixture->agadir, fixture->sector_b, 10, 9, "2001-01-01");
  fixture->ids[3] = add_cooperative (fixture, NULL, "Coopérative Fès Tissage",
                                     fixture->fes, fixture->sector_a, 0, 0, NULL);
  fixture->ids[4] = add_cooperative (fixture, "تعاونيه الصفاء 2023", "Assafa",
                                     fixture->fes, fixture->sector_b, 30, 3, "2019-06-30");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_clear_object (&fixture->store);
}

/* The ids the list shows, as small-set numbers "4 1 3 2" when possible. */
static char *
list_ids (Fixture    *fixture,
          GListModel *model)
{
  return tdm_test_list_ids (model, fixture->ids, G_N_ELEMENTS (fixture->ids));
}

static void
assert_search (Fixture            *fixture,
               TdmCooperativeList *list,
               const char         *query,
               const char         *expected)
{
  g_autofree char *ids = NULL;

  tdm_cooperative_list_set_search (list, query);
  ids = list_ids (fixture, G_LIST_MODEL (list));
  if (g_strcmp0 (ids, expected) != 0)
    g_error ("search “%s”: got “%s”, expected “%s”", query, ids, expected);
}

static void
test_search_folding (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TdmCooperativeList) list = tdm_cooperative_list_new (fixture->store);

  /* Sorted by name in English: Assafa, Coopérative A..., Coopérative F...,
   * then the one with only an Arabic name. */
  assert_search (fixture, list, "", "4 1 3 2");
  /* Substring inside a word: وجدة in بوجدة. */
  assert_search (fixture, list, "وجدة", "1");
  /* Another hamza form of alef. */
  assert_search (fixture, list, "اكادير", "2");
  assert_search (fixture, list, "أكادير", "2");
  /* Accents and case. */
  assert_search (fixture, list, "cooperative", "1 3");
  assert_search (fixture, list, "COOPÉRATIVE FÈS", "3");
  /* ة and ه are one letter for search, both ways. */
  assert_search (fixture, list, "تعاونيه", "4 1 2");
  assert_search (fixture, list, "تعاونية الصفاء", "4");
  /* Eastern Arabic digits find Western ones. */
  assert_search (fixture, list, "٢٠٢٣", "4");
  /* One and two letters: instr(), not trigrams. */
  assert_search (fixture, list, "ف", "4");
  assert_search (fixture, list, "sa", "4 3");
  assert_search (fixture, list, "o", "1 3");
  /* What FTS5 would read as syntax is plain text here. */
  assert_search (fixture, list, "\"coop", "");
  assert_search (fixture, list, "oujda\" OR \"fes", "");
  assert_search (fixture, list, "d'oujda", "1");
  assert_search (fixture, list, "nothing like this", "");
  assert_search (fixture, list, "   ", "4 1 3 2");
}

/* Typing letter by letter gives, at each step, what a fresh list gives
 * for the same text, whichever way each step was searched (trigrams, a
 * scan when the previous step matched most rows, a remembered result). */
static void
test_search_typing (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *words[] = { "Coopérative Fès", "تعاونية النور", "coop", "تعا", NULL };
  g_autoptr(TdmCooperativeList) typing = tdm_cooperative_list_new (fixture->store);

  for (guint w = 0; words[w] != NULL; w++)
    {
      glong n = g_utf8_strlen (words[w], -1);

      for (glong k = 1; k <= n; k++)
        {
          g_autofree char *prefix = g_utf8_substring (words[w], 0, k);
          g_autoptr(TdmCooperativeList) fresh = tdm_cooperative_list_new (fixture->store);
          g_autofree char *got = NULL;
          g_autofree char *expected = NULL;

          tdm_cooperative_list_set_search (typing, prefix);
          tdm_cooperative_list_set_search (fresh, prefix);
          got = list_ids (fixture, G_LIST_MODEL (typing));
          expected = list_ids (fixture, G_LIST_MODEL (fresh));
          if (g_strcmp0 (got, expected) != 0)
            g_error ("typing “%s”: got “%s”, expected “%s”", prefix, got, expected);
        }
      /* Erasing back to the start, through remembered results. */
      for (glong k = n - 1; k >= 1; k--)
        {
          g_autofree char *prefix = g_utf8_substring (words[w], 0, k);
          g_autoptr(TdmCooperativeList) fresh = tdm_cooperative_list_new (fixture->store);
          g_autofree char *got = NULL;
          g_autofree char *expected = NULL;

          tdm_cooperative_list_set_search (typing, prefix);
          tdm_cooperative_list_set_search (fresh, prefix);
          got = list_ids (fixture, G_LIST_MODEL (typing));
          expected = list_ids (fixture, G_LIST_MODEL (fresh));
          g_assert_cmpstr (got, ==, expected);
        }
    }

  assert_search (fixture, typing, "cooperative f", "3");
  assert_search (fixture, typing, "تعاونيه ال", "4 1");
}

/* A remembered search result does not outlive a change of the data. */
static void
test_search_after_change (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TdmCooperativeList) list = tdm_cooperative_list_new (fixture->store);
  g_autofree char *tiznit = NULL;
  g_autofree char *all = NULL;
  g_autofree char *with_ti = NULL;
  gint64 id;

  assert_search (fixture, list, "tiznit", "");
  /* "ti" is in "cooperative" and in "tissage" */
  assert_search (fixture, list, "ti", "1 3");
  id = add_cooperative (fixture, NULL, "Coopérative Tiznit", fixture->agadir, 0, 3, 0, NULL);
  tdm_store_notify_changed (fixture->store, "cooperative");
  g_assert_cmpint (tdm_cooperative_list_find (list, id), ==, 2);

  tiznit = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  with_ti = g_strdup_printf ("1 3 #%" G_GINT64_FORMAT, id);
  all = g_strdup_printf ("4 1 3 #%" G_GINT64_FORMAT " 2", id);
  assert_search (fixture, list, "tiznit", tiznit);
  assert_search (fixture, list, "ti", with_ti);
  assert_search (fixture, list, "", all);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TdmCooperativeList) list = tdm_cooperative_list_new (fixture->store);
  g_autofree char *ids = NULL;

  tdm_cooperative_list_set_filter (list, fixture->oriental, 0, 0);
  ids = list_ids (fixture, G_LIST_MODEL (list));
  g_assert_cmpstr (ids, ==, "1");
  g_clear_pointer (&ids, g_free);

  tdm_cooperative_list_set_filter (list, 0, fixture->fes, 0);
  ids = list_ids (fixture, G_LIST_MODEL (list));
  g_assert_cmpstr (ids, ==, "4 3");
  g_clear_pointer (&ids, g_free);

  tdm_cooperative_list_set_filter (list, 0, 0, fixture->sector_a);
  ids = list_ids (fixture, G_LIST_MODEL (list));
  g_assert_cmpstr (ids, ==, "1 3");
  g_clear_pointer (&ids, g_free);

  g_object_set (list, "province-id", fixture->fes, NULL);
  ids = list_ids (fixture, G_LIST_MODEL (list));
  g_assert_cmpstr (ids, ==, "3");
  g_clear_pointer (&ids, g_free);

  /* A filter and a search together. */
  tdm_cooperative_list_set_filter (list, 0, 0, fixture->sector_b);
  tdm_cooperative_list_set_search (list, "تعاونيه");
  ids = list_ids (fixture, G_LIST_MODEL (list));
  g_assert_cmpstr (ids, ==, "4 2");
  g_clear_pointer (&ids, g_free);

  tdm_cooperative_list_set_search (list, NULL);

  /* A sort by place within a filter: Fès before Oujda-Angad. */
  tdm_cooperative_list_set_filter (list, 0, 0, fixture->sector_a);
  tdm_cooperative_list_set_sort (list, TDM_COOPERATIVE_SORT_PROVINCE, FALSE);
  ids = list_ids (fixture, G_LIST_MODEL (list));
  g_assert_cmpstr (ids, ==, "3 1");
  g_clear_pointer (&ids, g_free);
  tdm_cooperative_list_set_sort (list, TDM_COOPERATIVE_SORT_PROVINCE, TRUE);
  ids = list_ids (fixture, G_LIST_MODEL (list));
  g_assert_cmpstr (ids, ==, "1 3");
  g_clear_pointer (&ids, g_free);

  tdm_cooperative_list_set_sort (list, TDM_COOPERATIVE_SORT_NAME, FALSE);
  tdm_cooperative_list_set_filter (list, 0, 0, 0);
  ids = list_ids (fixture, G_LIST_MODEL (list));
  g_assert_cmpstr (ids, ==, "4 1 3 2");
}

static void
test_sort_small (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct {
    TdmCooperativeSort sort;
    const char *ascending;
    const char *descending;
  } cases[] = {
    { TDM_COOPERATIVE_SORT_NAME, "4 1 3 2", "2 3 1 4" },
    /* Agadir-Ida-Ou-Tanane < Fès < Oujda-Angad; ties by id. */
    { TDM_COOPERATIVE_SORT_PROVINCE, "2 3 4 1", "1 4 3 2" },
    /* Fès-Meknès < Oriental < Souss-Massa */
    { TDM_COOPERATIVE_SORT_REGION, "3 4 1 2", "2 1 4 3" },
    { TDM_COOPERATIVE_SORT_MEMBERS, "3 2 1 4", "4 1 2 3" },
    /* no members (unknown share) first, then 10%, 50%, 90% */
    { TDM_COOPERATIVE_SORT_WOMEN_SHARE, "3 4 1 2", "2 1 4 3" },
    /* unknown date first */
    { TDM_COOPERATIVE_SORT_FOUNDED, "3 2 1 4", "4 1 2 3" },
  };
  g_autoptr(TdmCooperativeList) list = tdm_cooperative_list_new (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *up = NULL;
      g_autofree char *down = NULL;

      tdm_cooperative_list_set_sort (list, cases[i].sort, FALSE);
      up = list_ids (fixture, G_LIST_MODEL (list));
      g_object_set (list, "descending", TRUE, NULL);
      down = list_ids (fixture, G_LIST_MODEL (list));

      g_assert_cmpstr (up, ==, cases[i].ascending);
      g_assert_cmpstr (down, ==, cases[i].descending);
      g_object_set (list, "descending", FALSE, NULL);
    }
}

/* In Arabic, names sort by the Arabic name, else the French one. */
static void
test_sort_arabic (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TdmCooperativeList) list = NULL;
  g_autoptr(TdmCooperative) first = NULL;
  g_autofree char *ids = NULL;

  g_setenv ("LANGUAGE", "ar", TRUE);
  list = tdm_cooperative_list_new (fixture->store);

  /* Latin first, then تعاونية أكادير (U+0623) < تعاونية النور (U+0627),
   * then تعاونيه (ه U+0647 after ة U+0629). */
  ids = list_ids (fixture, G_LIST_MODEL (list));
  g_assert_cmpstr (ids, ==, "3 2 1 4");

  first = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_cmpstr (tdm_cooperative_get_display_name (first), ==, "تعاونية النور بوجدة");
  g_assert_cmpstr (tdm_cooperative_get_province_name (first), ==, "وجدة-أنجاد");
  g_assert_cmpstr (tdm_cooperative_get_region_name (first), ==, "الشرق");
}

typedef gint (*KeyCompare) (TdmCooperative *a, TdmCooperative *b);

static gint
compare_strings (const char *a,
                 const char *b)
{
  /* SQLite: NULL first; NOCASE folds ASCII only, like g_ascii_strcasecmp. */
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return g_ascii_strcasecmp (a, b);
}

static gint
by_name (TdmCooperative *a, TdmCooperative *b)
{
  return compare_strings (tdm_cooperative_get_display_name (a), tdm_cooperative_get_display_name (b));
}

static gint
by_province (TdmCooperative *a, TdmCooperative *b)
{
  return compare_strings (tdm_cooperative_get_province_name (a), tdm_cooperative_get_province_name (b));
}

static gint
by_region (TdmCooperative *a, TdmCooperative *b)
{
  return compare_strings (tdm_cooperative_get_region_name (a), tdm_cooperative_get_region_name (b));
}

static gint
by_sector (TdmCooperative *a, TdmCooperative *b)
{
  return compare_strings (tdm_cooperative_get_sector_name (a), tdm_cooperative_get_sector_name (b));
}

static gint
by_members (TdmCooperative *a, TdmCooperative *b)
{
  return (tdm_cooperative_get_members (a) > tdm_cooperative_get_members (b))
       - (tdm_cooperative_get_members (a) < tdm_cooperative_get_members (b));
}

static gint
by_share (TdmCooperative *a, TdmCooperative *b)
{
  double x = tdm_cooperative_get_women_share (a);
  double y = tdm_cooperative_get_women_share (b);

  return (x > y) - (x < y);
}

static gint
by_founded (TdmCooperative *a, TdmCooperative *b)
{
  return compare_strings (tdm_cooperative_get_founded_on (a), tdm_cooperative_get_founded_on (b));
}

/* Many rows over every province and sector: each order holds for every
 * neighbouring pair, ties broken by id, in both directions. */
static void
test_sort_all_orders (Fixture       *fixture,
                      gconstpointer  data)
{
  static const KeyCompare compare[] = {
    [TDM_COOPERATIVE_SORT_NAME] = by_name,
    [TDM_COOPERATIVE_SORT_PROVINCE] = by_province,
    [TDM_COOPERATIVE_SORT_REGION] = by_region,
    [TDM_COOPERATIVE_SORT_SECTOR] = by_sector,
    [TDM_COOPERATIVE_SORT_MEMBERS] = by_members,
    [TDM_COOPERATIVE_SORT_WOMEN_SHARE] = by_share,
    [TDM_COOPERATIVE_SORT_FOUNDED] = by_founded,
  };
  g_autoptr(TdmCooperativeList) list = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  sqlite3_stmt *provinces;
  g_autoptr(GArray) province_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  provinces = tdm_store_prepare (fixture->store, "SELECT id FROM province", NULL);
  while (sqlite3_step (provinces) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (provinces, 0);
      g_array_append_val (province_ids, id);
    }
  sqlite3_reset (provinces);

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *name_fr = g_strdup_printf ("Coopérative %c%u", 'A' + g_rand_int_range (rand, 0, 26), i % 37);
      g_autofree char *name_ar = g_strdup_printf ("تعاونية %u", g_rand_int_range (rand, 0, 50));
      g_autofree char *date = g_strdup_printf ("%04d-%02d-15", g_rand_int_range (rand, 1990, 2024),
                                               g_rand_int_range (rand, 1, 13));
      gint members = g_rand_int_range (rand, 0, 40);

      add_cooperative (fixture,
                       i % 5 == 0 ? NULL : name_ar,
                       i % 7 == 0 && i % 5 != 0 ? NULL : name_fr,
                       i % 11 == 0 ? 0 : g_array_index (province_ids, gint64, i % province_ids->len),
                       g_rand_int_range (rand, (gint32) fixture->sector_a, (gint32) fixture->sector_b + 1),
                       members,
                       members > 0 ? g_rand_int_range (rand, 0, members + 1) : 0,
                       i % 13 == 0 ? NULL : date);
    }

  /* DATA is the UI language: keys and place names follow it. */
  g_setenv ("LANGUAGE", data, TRUE);
  list = tdm_cooperative_list_new (fixture->store);

  for (TdmCooperativeSort sort = TDM_COOPERATIVE_SORT_NAME; sort <= TDM_COOPERATIVE_SORT_FOUNDED; sort++)
    {
      for (guint descending = 0; descending < 2; descending++)
        {
          g_autoptr(TdmCooperative) previous = NULL;
          guint n;

          tdm_cooperative_list_set_sort (list, sort, descending);
          n = g_list_model_get_n_items (G_LIST_MODEL (list));
          g_assert_cmpuint (n, ==, 404);

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(TdmCooperative) coop = g_list_model_get_item (G_LIST_MODEL (list), i);

              if (previous != NULL)
                {
                  gint order = compare[sort] (previous, coop);

                  if (order == 0)
                    order = (tdm_cooperative_get_id (previous) > tdm_cooperative_get_id (coop))
                          - (tdm_cooperative_get_id (previous) < tdm_cooperative_get_id (coop));
                  if (descending)
                    order = -order;
                  if (order >= 0)
                    g_error ("sort %d%s: position %u is out of order", sort,
                             descending ? " descending" : "", i);
                }
              g_set_object (&previous, coop);
            }
        }
    }
}

/* Sorts done by SQLite (a temporary b-tree) since the last call, over the
 * list's order statements. */
static gint
order_sorts (TdmStore *store)
{
  sqlite3 *db = tdm_store_get_db (store);
  gint sorts = 0;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    {
      if (g_str_has_prefix (sqlite3_sql (stmt), "SELECT c.id FROM"))
        sorts += sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_SORT, TRUE);
    }

  return sorts;
}

/* Without filters, every order walks an index: the registry at national
 * scale stays fast to sort whatever column is clicked, in both UI
 * languages. */
static void
test_sorts_use_indexes (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *languages[] = { "fr", "ar" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(TdmCooperativeList) list = NULL;

      g_setenv ("LANGUAGE", languages[l], TRUE);
      list = tdm_cooperative_list_new (fixture->store);

      for (TdmCooperativeSort sort = TDM_COOPERATIVE_SORT_NAME; sort <= TDM_COOPERATIVE_SORT_FOUNDED; sort++)
        {
          for (guint descending = 0; descending < 2; descending++)
            {
              order_sorts (fixture->store);
              tdm_cooperative_list_set_sort (list, sort, descending);
              g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
              if (order_sorts (fixture->store) != 0)
                g_error ("sort %d%s in “%s” sorts instead of walking an index", sort,
                         descending ? " descending" : "", languages[l]);
            }
          /* Leave the sort for the next one to be a change. */
          tdm_cooperative_list_set_sort (list, sort, FALSE);
        }
    }
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_one_change (GArray *changes,
                   guint   position,
                   guint   removed,
                   guint   added)
{
  Change *change;

  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (changes, 0);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static gboolean
contains_name (GPtrArray  *names,
               const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TdmCooperativeList) list = tdm_cooperative_list_new (fixture->store);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TdmCooperative) annour = NULL;
  g_autoptr(TdmCooperative) again = NULL;
  g_autofree char *ids = NULL;
  gint64 id;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), changes);

  /* "4 1 3 2": a new "Coopérative B..." goes between 1 and 3. */
  id = add_cooperative (fixture, NULL, "Coopérative Bouarfa", fixture->oujda, 0, 5, 1, NULL);
  tdm_store_notify_changed (fixture->store, "cooperative");
  assert_one_change (changes, 2, 0, 1);
  g_assert_cmpint (tdm_cooperative_list_find (list, id), ==, 2);

  /* Another table changing leaves the list alone. */
  tdm_store_notify_changed (fixture->store, "partner");
  g_assert_cmpuint (changes->len, ==, 0);

  exec_sql (fixture, "DELETE FROM cooperative WHERE id = ?1", id);
  tdm_store_notify_changed (fixture->store, "cooperative");
  assert_one_change (changes, 2, 1, 0);
  g_assert_cmpint (tdm_cooperative_list_find (list, id), ==, -1);

  /* An edit that keeps the order: no items-changed, the cached row is
   * updated in place and says so. */
  annour = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpint (tdm_cooperative_get_id (annour), ==, fixture->ids[1]);
  g_signal_connect (annour, "notify", G_CALLBACK (on_notify), names);
  exec_sql (fixture, "UPDATE cooperative SET members = 40 WHERE id = ?1", fixture->ids[1]);
  tdm_store_notify_changed (fixture->store, "cooperative");
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpint (tdm_cooperative_get_members (annour), ==, 40);
  g_assert_true (contains_name (names, "members"));
  g_assert_true (contains_name (names, "women-share"));
  g_assert_false (contains_name (names, "name-fr"));
  again = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (again == annour);
  g_clear_object (&again);

  /* A rename that moves the row from 1 to 2: one change covering
   * positions 1..2 only. */
  exec_sql (fixture, "UPDATE cooperative SET name_fr = 'Zagora Nour', "
            "search_text = tdm_fold(name_ar || char(10) || 'Zagora Nour') WHERE id = ?1",
            fixture->ids[1]);
  tdm_store_notify_changed (fixture->store, "cooperative");
  assert_one_change (changes, 1, 2, 2);
  ids = list_ids (fixture, G_LIST_MODEL (list));
  g_assert_cmpstr (ids, ==, "4 3 1 2");
  g_assert_cmpstr (tdm_cooperative_get_display_name (annour), ==, "Zagora Nour");
  g_assert_true (contains_name (names, "display-name"));

  /* A search narrowing the list: one change, the common prefix kept. */
  tdm_cooperative_list_set_search (list, "zagora");
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_array_set_size (changes, 0);
  /* The same search folded the same way changes nothing. */
  tdm_cooperative_list_set_search (list, "ZAGORA");
  g_assert_cmpuint (changes->len, ==, 0);
}

/* Through the store's own API, as the window does. */
static void
test_store_save_and_delete (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TdmCooperativeList) list = tdm_cooperative_list_new (fixture->store);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(TdmCooperative) coop = tdm_cooperative_new ();
  g_autoptr(TdmCooperative) deleted = NULL;
  g_autoptr(TdmCooperative) item = NULL;
  g_autoptr(GError) error = NULL;
  gint position;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), changes);

  g_object_set (coop, "name-fr", "Coopérative Argan Tiznit", "name-ar", "تعاونية أركان تزنيت",
                "province-id", fixture->agadir, "members", 8, "women", 8, NULL);
  g_assert_true (tdm_store_save_cooperative (fixture->store, coop, &error));
  g_assert_no_error (error);

  position = tdm_cooperative_list_find (list, tdm_cooperative_get_id (coop));
  /* Assafa, Coopérative Annour, Coopérative Argan ... */
  g_assert_cmpint (position, ==, 2);
  assert_one_change (changes, 2, 0, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_assert_cmpstr (tdm_cooperative_get_province_name (item), ==, "Agadir-Ida-Ou-Tanane");

  tdm_cooperative_list_set_search (list, "اركان");
  g_assert_cmpint (tdm_cooperative_list_find (list, tdm_cooperative_get_id (coop)), >=, 0);
  tdm_cooperative_list_set_search (list, NULL);
  g_array_set_size (changes, 0);

  g_assert_true (tdm_store_delete_cooperative (fixture->store, tdm_cooperative_get_id (coop), &deleted, &error));
  g_assert_no_error (error);
  assert_one_change (changes, 2, 1, 0);
}

/* The model builds only what is asked for, keeps a bounded cache, and
 * gives the same object for the same position while it is cached. */
static void
test_lazy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TdmCooperativeList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmCooperative) a = NULL;
  g_autoptr(TdmCooperative) b = NULL;
  guint alive;

  g_assert_true (tdm_store_begin (fixture->store, &error));
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Coopérative %05u", i);

      add_cooperative (fixture, NULL, name, fixture->fes, fixture->sector_a, 10, 5, NULL);
    }
  g_assert_true (tdm_store_commit (fixture->store, &error));

  alive = tdm_cooperative_get_n_alive ();
  list = tdm_cooperative_list_new (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5004);
  g_assert_cmpuint (tdm_cooperative_get_n_alive (), ==, alive);

  for (guint i = 100; i < 110; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_cmpuint (tdm_cooperative_get_n_alive (), ==, alive + 10);

  a = g_list_model_get_item (G_LIST_MODEL (list), 105);
  b = g_list_model_get_item (G_LIST_MODEL (list), 105);
  g_assert_true (a == b);
  g_assert_cmpuint (tdm_cooperative_get_n_alive (), ==, alive + 10);
  g_clear_object (&b);

  /* Scrolling through everything keeps at most the cache alive. */
  for (guint i = 0; i < 5004; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_cmpuint (tdm_cooperative_get_n_alive (), <=, alive + 256 + 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 5004));

  g_clear_object (&list);
  g_clear_object (&a);
  g_assert_cmpuint (tdm_cooperative_get_n_alive (), ==, alive);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/model/cooperative-list/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("search-folding", test_search_folding);
  ADD ("search-typing", test_search_typing);
  ADD ("search-after-change", test_search_after_change);
  ADD ("filters", test_filters);
  ADD ("sort-small", test_sort_small);
  ADD ("sort-arabic", test_sort_arabic);
  g_test_add ("/model/cooperative-list/sort-all-orders/fr", Fixture, "fr",
              fixture_set_up, test_sort_all_orders, fixture_tear_down);
  g_test_add ("/model/cooperative-list/sort-all-orders/ar", Fixture, "ar",
              fixture_set_up, test_sort_all_orders, fixture_tear_down);
  ADD ("sorts-use-indexes", test_sorts_use_indexes);
  ADD ("items-changed", test_items_changed);
  ADD ("store-save-and-delete", test_store_save_and_delete);
  ADD ("lazy", test_lazy);

#undef ADD

  return g_test_run ();
}
