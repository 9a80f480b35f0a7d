/* test-fair-summary.c: the figures and lists of the fair report's store
 * queries on a small database whose answers are known.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tdm-articles.h"
#include "tdm-fair-summary.h"
#include "tdm-test-util.h"

/* Fair 1: two poles (B at position 1, A at 0), a stand without pole;
 * eight applications; cooperatives 1 (women 6 of 10: women-led), 2 (5 of
 * 10: not more than half), 3 (no member recorded), 4 (rejected, women-led
 * but not an exhibitor); days with a missing figure each. Fair 2: empty.
 * Articles: 1 applied to fair 1, 2 with an accepted fact linked to it, 3
 * with only a rejected fact linked, 4 about fair 2. */
static const char known_data[] =
  "INSERT INTO cooperative (id, name_fr, name_ar, province_id, sector_id, members, women) VALUES"
  " (1, 'Coop Un', 'تعاونية واحد', 2411, 1, 10, 6),"
  " (2, 'Coop Deux', NULL, 2411, 1, 10, 5),"
  " (3, NULL, 'تعاونية ثلاثة', 3231, NULL, 0, 0),"
  " (4, 'Coop Quatre', NULL, 1051, 1, 4, 4);"
  "INSERT INTO fair (id, title, edition) VALUES (1, 'Salon', 2), (2, 'Vide', NULL);"
  "INSERT INTO pole (id, fair_id, name_fr, position) VALUES (1, 1, 'Pôle B', 1), (2, 1, 'Pôle A', 0);"
  "INSERT INTO stand (id, fair_id, pole_id, code, capacity) VALUES"
  " (1, 1, 1, 'B-10', 2), (2, 1, 1, 'B-9', 2), (3, 1, 2, 'A-01', 2), (4, 1, NULL, 'N-1', 2);"
  "INSERT INTO exhibitor (fair_id, cooperative_id, organization_name, status, stand_id) VALUES"
  " (1, 1, NULL, 'confirmed', 1), (1, 2, NULL, 'accepted', 2), (1, 3, NULL, 'confirmed', 3),"
  " (1, 4, NULL, 'rejected', NULL), (1, NULL, 'ONG Zed', 'accepted', 4),"
  " (1, NULL, 'Assoc Alpha', 'accepted', NULL), (1, NULL, 'W', 'withdrawn', NULL),"
  " (1, NULL, 'P', 'applied', NULL);"
  "INSERT INTO fair_day (fair_id, day, visitors, sales) VALUES"
  " (1, '2024-05-01', 100, NULL), (1, '2024-05-02', 250, 5000.5), (1, '2024-05-03', NULL, 20);"
  "INSERT INTO article (id, title, published_on, raw_text, body, content_hash, fair_id) VALUES"
  " (1, 'Un', '2024-05-03', 'a', 'a', 'h1', 1), (2, 'Deux', '2024-04-01', 'b', 'b', 'h2', NULL),"
  " (3, 'Trois', '2024-04-02', 'c', 'c', 'h3', NULL), (4, 'Quatre', NULL, 'd', 'd', 'h4', 2),"
  " (5, 'Cinq', NULL, 'e', 'e', 'h5', 1);"
  "INSERT INTO article_fact (article_id, kind, value, status, linked_table, linked_id) VALUES"
  " (2, 'title', 'Salon', 'accepted', 'fair', 1), (3, 'title', 'Salon', 'rejected', 'fair', 1),"
  " (3, 'region', 'Oriental', 'accepted', 'region', 1);";

static TdmStore *
open_known_store (void)
{
  TdmStore *store = tdm_test_open_memory_store ();

  tdm_test_exec_sql (store, known_data);
  return store;
}

static void
test_summary_figures (void)
{
  g_autoptr(TdmStore) store = open_known_store ();
  g_autoptr(GError) error = NULL;
  TdmFairSummary summary;

  g_assert_true (tdm_store_get_fair_summary (store, 1, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.applications, ==, 8);
  g_assert_cmpint (summary.exhibitors, ==, 5);
  g_assert_cmpint (summary.applied, ==, 1);
  g_assert_cmpint (summary.waitlisted, ==, 0);
  g_assert_cmpint (summary.rejected, ==, 1);
  g_assert_cmpint (summary.withdrawn, ==, 1);
  /* Cooperatives 1, 2, 3 exhibit; 4 was rejected. */
  g_assert_cmpint (summary.cooperatives, ==, 3);
  g_assert_cmpint (summary.with_members, ==, 2);
  /* 6 of 10 is a majority, 5 of 10 is not. */
  g_assert_cmpint (summary.women_led, ==, 1);
  g_assert_cmpint (summary.provinces, ==, 2);
  g_assert_cmpint (summary.regions, ==, 2);
  /* A day without a figure is not a zero. */
  g_assert_cmpint (summary.visitor_days, ==, 2);
  g_assert_cmpint (summary.visitors, ==, 350);
  g_assert_cmpint (summary.sales_days, ==, 2);
  g_assert_cmpfloat_with_epsilon (summary.sales, 5020.5, 1e-9);

  g_assert_true (tdm_store_get_fair_summary (store, 2, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.applications, ==, 0);
  g_assert_cmpint (summary.cooperatives, ==, 0);
  g_assert_cmpint (summary.visitor_days, ==, 0);
  g_assert_cmpint (summary.sales_days, ==, 0);

  g_assert_false (tdm_store_get_fair_summary (store, 99, &summary, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
}

static void
test_exhibitor_order (void)
{
  g_autoptr(TdmStore) store = open_known_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  TdmFairSummaryExhibitor *row;

  rows = tdm_store_list_fair_summary_exhibitors (store, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);

  for (guint i = 0; i < rows->len; i++)
    {
      row = g_ptr_array_index (rows, i);
      g_string_append_printf (order, "%s%s", i > 0 ? "," : "",
                              row->stand_code != NULL ? row->stand_code : "-");
    }
  /* Pole A (position 0) before pole B; B-9 before B-10; the stand
   * without pole, then the exhibitor without stand. Rejected, applied
   * and withdrawn applications are not listed. */
  g_assert_cmpstr (order->str, ==, "A-01,B-9,B-10,N-1,-");

  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->pole_id, ==, 2);
  /* No French name: the Arabic one. */
  g_assert_cmpstr (row->name, ==, "تعاونية ثلاثة");
  g_assert_cmpstr (row->status, ==, "confirmed");
  g_assert_null (row->sector);

  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->name, ==, "Coop Un");
  g_assert_nonnull (row->province);
  g_assert_nonnull (row->sector);

  row = g_ptr_array_index (rows, 3);
  g_assert_cmpint (row->pole_id, ==, 0);
  g_assert_cmpstr (row->name, ==, "ONG Zed");
  g_assert_null (row->province);

  row = g_ptr_array_index (rows, 4);
  g_assert_null (row->stand_code);
  g_assert_cmpstr (row->name, ==, "Assoc Alpha");

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = tdm_store_list_fair_summary_exhibitors (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = tdm_store_list_fair_summary_exhibitors (store, 99, &error);
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
  g_assert_null (rows);
}

static void
test_articles (void)
{
  g_autoptr(TdmStore) store = open_known_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GString) titles = g_string_new (NULL);

  articles = tdm_store_list_fair_articles (store, 1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < articles->len; i++)
    {
      TdmStoredArticle *article = g_ptr_array_index (articles, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? "," : "", article->title);
    }
  /* Applied to the fair or naming it in an accepted fact, by date,
   * undated last; a rejected fact links nothing. */
  g_assert_cmpstr (titles->str, ==, "Deux,Un,Cinq");

  g_clear_pointer (&articles, g_ptr_array_unref);
  articles = tdm_store_list_fair_articles (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/fair/summary/figures", test_summary_figures);
  g_test_add_func ("/report/fair/summary/exhibitor-order", test_exhibitor_order);
  g_test_add_func ("/report/fair/summary/articles", test_articles);

  return g_test_run ();
}
