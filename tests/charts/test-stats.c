/* test-stats.c: the dashboards' figures on a small known database, the
 * charts built from them, and `tadamon-cli chart` writing real files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tdm-board.h"
#include "tdm-stats.h"
#include "tdm-test-util.h"

typedef struct {
  char     *dir;
  char     *path;
  TdmStore *store;
} Fixture;

/* Region 2 (Oriental): 3 cooperatives, 15 members, 9 women; region 1: one
 * of 10 members, 1 woman. A fair (1) and an earlier edition (2), seven
 * applications, stands in two poles and one without a pole; four
 * articles with facts, one of each kind rejected. */
static const char known_data[] =
  "INSERT INTO cooperative (id, name_fr, region_id, province_id, sector_id, members, women, founded_on) VALUES"
  " (1, 'Coop A', 2, (SELECT min(id) FROM province WHERE region_id = 2), 1, 10, 4, '2019-05-01'),"
  " (2, 'Coop B', 2, (SELECT min(id) FROM province WHERE region_id = 2), 1, 5, 5, '2021-01-01'),"
  " (3, 'Coop C', 2, (SELECT max(id) FROM province WHERE region_id = 2), 2, 0, 0, '2021-06-01'),"
  " (4, 'Coop D', 1, 1051, 1, 10, 1, NULL);"
  "INSERT INTO fair (id, title, edition, region_id, start_date) VALUES"
  " (1, 'Salon', 2, 2, '2024-05-01'), (2, 'Salon', 1, 2, '2023-05-01');"
  "INSERT INTO pole (id, fair_id, name_fr, position) VALUES (1, 1, 'Pôle A', 0), (2, 1, 'Pôle B', 1);"
  "INSERT INTO stand (id, fair_id, pole_id, kind, code, capacity) VALUES"
  " (1, 1, 1, 'stand', 'A1', 2), (2, 1, 1, 'stand', 'A2', 2), (3, 1, 2, 'stand', 'B1', 3),"
  " (4, 1, 1, 'stage', 'S', 9), (5, 1, NULL, 'stand', 'N1', 1);"
  "INSERT INTO exhibitor (fair_id, cooperative_id, organization_name, status, stand_id) VALUES"
  " (1, 1, NULL, 'accepted', 1), (1, 2, NULL, 'confirmed', 1), (1, 3, NULL, 'applied', NULL),"
  " (1, 4, NULL, 'rejected', NULL), (1, NULL, 'ONG X', 'waitlisted', NULL),"
  " (1, NULL, 'Y', 'withdrawn', NULL), (1, NULL, 'Z', 'confirmed', 3);"
  "INSERT INTO fair_day (fair_id, day, visitors, sales) VALUES"
  " (1, '2024-05-01', 100, NULL), (1, '2024-05-02', 250, 5000);"
  "INSERT INTO article (id, published_on, raw_text, body, content_hash, fair_id) VALUES"
  " (1, '2024-01-10', 'a', 'a', 'h1', 2), (2, '2024-03-05', 'b', 'b', 'h2', 1),"
  " (3, '2024-03-20', 'c', 'c', 'h3', 1), (4, NULL, 'd', 'd', 'h4', NULL);"
  "INSERT INTO article_fact (article_id, kind, value, corrected_value, status) VALUES"
  " (1, 'region', 'Oriental', NULL, 'accepted'), (2, 'region', 'oriental', NULL, 'proposed'),"
  " (3, 'region', 'Oriental', NULL, 'rejected'), (3, 'region', 'Souss', 'Souss-Massa', 'accepted'),"
  " (1, 'event_type', 'fair', NULL, 'accepted'), (2, 'event_type', 'fair', NULL, 'proposed'),"
  " (3, 'event_type', 'meeting', NULL, 'accepted'), (4, 'event_type', 'fair', NULL, 'rejected'),"
  " (1, 'organization', 'INDH', NULL, 'accepted'), (2, 'partner', 'INDH', NULL, 'proposed'),"
  " (3, 'organization', 'ADS', NULL, 'rejected'), (2, 'organization', 'ADS', NULL, 'accepted'),"
  " (1, 'exhibitors', '80', NULL, 'accepted'), (1, 'exhibitors', '999', NULL, 'proposed'),"
  " (1, 'stands', '40', NULL, 'accepted'),"
  " (2, 'edition', '2', NULL, 'accepted'), (2, 'exhibitors', '120', NULL, 'accepted'),"
  " (3, 'exhibitors', '100', NULL, 'accepted');";

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tdm-stats-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = tdm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  if (data != NULL)
    tdm_test_exec_sql (fixture->store, data);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  tdm_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
assert_row (const TdmStatsTable *table,
            guint                category,
            const char          *label,
            double               value0,
            double               value1)
{
  g_assert_cmpuint (category, <, table->n_categories);
  g_assert_cmpstr (table->labels[category], ==, label);
  if (isnan (value0))
    g_assert_true (isnan (tdm_stats_table_get (table, category, 0)));
  else
    g_assert_cmpfloat_with_epsilon (tdm_stats_table_get (table, category, 0), value0, 1e-9);
  if (table->n_series > 1)
    {
      if (isnan (value1))
        g_assert_true (isnan (tdm_stats_table_get (table, category, 1)));
      else
        g_assert_cmpfloat_with_epsilon (tdm_stats_table_get (table, category, 1), value1, 1e-9);
    }
}

/* Registry ------------------------------------------------------------------ */

static void
test_registry (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStatsTable) regions = tdm_stats_cooperatives_per_region (fixture->store, &error);
  g_autoptr(TdmStatsTable) women = tdm_stats_women_share_per_region (fixture->store, &error);
  g_autoptr(TdmStatsTable) years = tdm_stats_foundations_per_year (fixture->store, &error);
  g_autoptr(TdmStatsTable) sectors = tdm_stats_cooperatives_per_sector (fixture->store, &error);
  g_autoptr(TdmStatsTable) provinces = tdm_stats_top_provinces (fixture->store, 1, &error);

  g_assert_no_error (error);

  /* Most first; the ids are what a click filters on. */
  g_assert_cmpuint (regions->n_categories, ==, 2);
  assert_row (regions, 0, "Oriental", 3, NAN);
  assert_row (regions, 1, "Tanger-Tétouan-Al Hoceima", 1, NAN);
  g_assert_cmpint (regions->ids[0], ==, 2);
  g_assert_cmpint (regions->ids[1], ==, 1);

  /* Sum of women over sum of members, not a mean of shares. */
  g_assert_cmpuint (women->n_categories, ==, 2);
  assert_row (women, 0, "Oriental", 9.0 / 15.0, NAN);
  assert_row (women, 1, "Tanger-Tétouan-Al Hoceima", 0.1, NAN);

  /* 2020 had none: zero, not missing. */
  g_assert_cmpuint (years->n_categories, ==, 3);
  assert_row (years, 0, "2019", 1, NAN);
  assert_row (years, 1, "2020", 0, NAN);
  assert_row (years, 2, "2021", 2, NAN);

  g_assert_cmpuint (sectors->n_categories, ==, 2);
  g_assert_cmpint (sectors->ids[0], ==, 1);
  g_assert_cmpfloat (tdm_stats_table_get (sectors, 0, 0), ==, 3);

  g_assert_cmpuint (provinces->n_categories, ==, 1);
  g_assert_cmpfloat (tdm_stats_table_get (provinces, 0, 0), ==, 2);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  guint n;
  const TdmBoardChart *charts = tdm_board_get_charts (&n);

  /* No data: empty tables, and charts that say so instead of an axis. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdmStatsTable) table = NULL;
      g_autoptr(TdmChart) chart = tdm_board_chart_new (&charts[i]);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
      cairo_t *cr = cairo_create (surface);

      if (charts[i].needs_fair)
        {
          /* No such fair: an error that says so. */
          table = tdm_board_chart_compute (&charts[i], fixture->store, 7, &error);
          g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
          g_assert_null (table);
        }
      else
        {
          table = tdm_board_chart_compute (&charts[i], fixture->store, 0, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (table->n_categories, ==, 0);
        }
      tdm_board_chart_fill (&charts[i], chart, table);
      tdm_chart_draw (chart, cr, 0, 0, 400, 300);
      g_assert_true (tdm_chart_get_layout (chart)->empty);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* Fair ------------------------------------------------------------------------ */

static void
test_fair (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStatsTable) places = tdm_stats_fair_places_per_pole (fixture->store, 1, &error);
  g_autoptr(TdmStatsTable) funnel = tdm_stats_fair_funnel (fixture->store, 1, &error);
  g_autoptr(TdmStatsTable) provinces = tdm_stats_fair_exhibitors_per_province (fixture->store, 1, &error);
  g_autoptr(TdmStatsTable) sectors = tdm_stats_fair_sectors (fixture->store, 1, &error);
  g_autoptr(TdmStatsTable) days = tdm_stats_fair_days (fixture->store, 1, &error);
  g_autoptr(TdmStatsTable) other = tdm_stats_fair_funnel (fixture->store, 2, &error);

  g_assert_no_error (error);

  /* Capacities of stands only (not the stage), then those of no pole. */
  g_assert_cmpuint (places->n_categories, ==, 3);
  assert_row (places, 0, "Pôle A", 2, 2);
  assert_row (places, 1, "Pôle B", 1, 2);
  assert_row (places, 2, "No pole", 0, 1);

  g_assert_cmpuint (funnel->n_categories, ==, 6);
  assert_row (funnel, 0, "Applications", 7, NAN);
  assert_row (funnel, 1, "Accepted", 3, NAN);
  assert_row (funnel, 2, "Confirmed", 2, NAN);
  assert_row (funnel, 3, "Waitlisted", 1, NAN);
  assert_row (funnel, 4, "Rejected", 1, NAN);
  assert_row (funnel, 5, "Withdrawn", 1, NAN);

  /* Only accepted and confirmed cooperatives: A and B, one province. */
  g_assert_cmpuint (provinces->n_categories, ==, 1);
  g_assert_cmpfloat (tdm_stats_table_get (provinces, 0, 0), ==, 2);
  g_assert_cmpuint (sectors->n_categories, ==, 1);
  g_assert_cmpint (sectors->ids[0], ==, 1);

  g_assert_cmpuint (days->n_categories, ==, 2);
  g_assert_cmpstr (days->labels[1], ==, "2 May");
  g_assert_cmpfloat (tdm_stats_table_get (days, 0, 0), ==, 100);
  g_assert_true (isnan (tdm_stats_table_get (days, 0, 1)));
  g_assert_cmpfloat (tdm_stats_table_get (days, 1, 1), ==, 5000);

  /* A fair without applications has nothing to show. */
  g_assert_cmpuint (other->n_categories, ==, 0);
}

/* Press ------------------------------------------------------------------------- */

static void
test_press (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStatsTable) months = tdm_stats_articles_per_month (fixture->store, &error);
  g_autoptr(TdmStatsTable) regions = tdm_stats_articles_per_region (fixture->store, &error);
  g_autoptr(TdmStatsTable) events = tdm_stats_articles_per_event_type (fixture->store, &error);
  g_autoptr(TdmStatsTable) partners = tdm_stats_partners_cited (fixture->store, 15, &error);
  g_autoptr(TdmStatsTable) editions = tdm_stats_fair_editions (fixture->store, 1, &error);

  g_assert_no_error (error);

  /* January, an empty February, March. */
  g_assert_cmpuint (months->n_categories, ==, 3);
  assert_row (months, 0, "Jan 2024", 1, NAN);
  assert_row (months, 1, "Feb 2024", 0, NAN);
  assert_row (months, 2, "Mar 2024", 2, NAN);

  /* Rejected facts do not count; corrected values do. */
  g_assert_cmpuint (regions->n_categories, ==, 2);
  assert_row (regions, 0, "Oriental", 2, NAN);
  assert_row (regions, 1, "Souss-Massa", 1, NAN);

  g_assert_cmpuint (events->n_categories, ==, 2);
  assert_row (events, 0, "Fair", 2, NAN);
  assert_row (events, 1, "Meeting", 1, NAN);

  g_assert_cmpuint (partners->n_categories, ==, 2);
  assert_row (partners, 0, "INDH", 2, NAN);
  assert_row (partners, 1, "ADS", 1, NAN);

  /* The chooser isolates each title: a French title in an Arabic window
   * keeps "(edition 1, 2023)" after it. */
  {
    g_autoptr(TdmStatsTable) fairs = tdm_stats_list_fairs (fixture->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (fairs->n_categories, >, 0);
    for (guint i = 0; i < fairs->n_categories; i++)
      {
        g_assert_true (g_str_has_prefix (fairs->labels[i], "\u2068"));
        g_assert_nonnull (strstr (fairs->labels[i], "\u2069"));
      }
  }

  /* Accepted figures only, the largest per edition. */
  g_assert_cmpuint (editions->n_categories, ==, 2);
  assert_row (editions, 0, "Edition 1", 80, 40);
  assert_row (editions, 1, "Edition 2", 120, NAN);
}

static void
test_board_fill (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const TdmBoardChart *sales = tdm_board_find_chart ("fair-sales");
  const TdmBoardChart *places = tdm_board_find_chart ("fair-places");
  g_autoptr(TdmStatsTable) days = tdm_board_chart_compute (sales, fixture->store, 1, &error);
  g_autoptr(TdmStatsTable) poles = tdm_board_chart_compute (places, fixture->store, 1, &error);
  g_autoptr(TdmChart) sales_chart = tdm_board_chart_new (sales);
  g_autoptr(TdmChart) places_chart = tdm_board_chart_new (places);

  g_assert_no_error (error);
  g_assert_null (tdm_board_find_chart ("no-such-chart"));

  /* The sales chart draws the second series only. */
  tdm_board_chart_fill (sales, sales_chart, days);
  g_assert_cmpuint (tdm_chart_get_n_series (sales_chart), ==, 1);
  g_assert_cmpuint (tdm_chart_get_n_categories (sales_chart), ==, 2);
  g_assert_cmpfloat (tdm_chart_get_value (sales_chart, 1, 0), ==, 5000);

  /* Years are written with the digits of the chart's numbers. */
  {
    const TdmBoardChart *years = tdm_board_find_chart ("registry-foundations");
    g_autoptr(TdmStatsTable) table = tdm_board_chart_compute (years, fixture->store, 0, &error);
    g_autoptr(TdmChart) arabic = tdm_board_chart_new (years);
    g_autoptr(TdmChart) french = tdm_board_chart_new (years);

    g_assert_no_error (error);
    tdm_chart_set_language (arabic, "ar_EG");
    tdm_chart_set_language (french, "fr");
    tdm_board_chart_fill (years, arabic, table);
    tdm_board_chart_fill (years, french, table);
    g_assert_cmpstr (tdm_chart_get_category (arabic, 0), ==, "٢٠١٩");
    g_assert_cmpstr (tdm_chart_get_category (french, 0), ==, "2019");
    g_assert_cmpstr (table->labels[0], ==, "2019");
  }

  /* In an Arabic window the board writes years and values with Western
   * digits, as Moroccan Arabic, the lists and the reports do. */
  {
    const TdmBoardChart *years = tdm_board_find_chart ("registry-foundations");
    g_autoptr(TdmStatsTable) table = tdm_board_chart_compute (years, fixture->store, 0, &error);
    g_autoptr(TdmChart) chart = NULL;
    g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

    g_assert_no_error (error);
    g_setenv ("LANGUAGE", "ar", TRUE);
    chart = tdm_board_chart_new (years);
    tdm_board_chart_fill (years, chart, table);
    g_setenv ("LANGUAGE", language != NULL ? language : "", TRUE);
    g_assert_cmpstr (tdm_chart_get_category (chart, 0), ==, "2019");
    g_assert_cmpstr (tdm_chart_get_language (chart), ==, "ar_MA");
  }

  tdm_board_chart_fill (places, places_chart, poles);
  g_assert_cmpint (tdm_chart_get_kind (places_chart), ==, TDM_CHART_STACKED_BARS);
  g_assert_cmpuint (tdm_chart_get_n_series (places_chart), ==, 2);
  g_assert_cmpstr (tdm_chart_get_category (places_chart, 1), ==, "Pôle B");
}

/* tadamon-cli chart ----------------------------------------------------------------- */

static void
assert_file_starts_with (const char *path,
                         const char *magic,
                         gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (contents, length, magic, length);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "regions.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "funnel.svg", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "places.pdf", NULL);
  g_autofree char *jpg = g_build_filename (fixture->dir, "regions.jpg", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "bars.csv", NULL);
  g_autofree char *csv_png = g_build_filename (fixture->dir, "bars.png", NULL);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autoptr(GError) error = NULL;
  guint n;
  const TdmBoardChart *charts = tdm_board_get_charts (&n);

  /* The CLI reads the file the fixture wrote. */
  g_clear_object (&fixture->store);

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (tdm_test_run_cli (fixture->path, &out, &err, "chart", "--list", NULL), ==, 0);
    lines = g_strsplit (g_strstrip (out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, n);
    for (guint i = 0; i < n; i++)
      g_assert_true (g_str_has_prefix (lines[i], charts[i].name));
  }

  g_assert_cmpint (tdm_test_run_cli (fixture->path, NULL, NULL, "chart", "registry-regions", "-o", png, NULL), ==, 0);
  assert_file_starts_with (png, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpint (tdm_test_run_cli (fixture->path, NULL, NULL, "chart", "fair-funnel", "--fair", "1", "-o", svg, NULL), ==, 0);
  assert_file_starts_with (svg, "<?xml", 5);
  g_assert_cmpint (tdm_test_run_cli (fixture->path, NULL, NULL, "chart", "fair-places", "--fair", "1", "-o", pdf, NULL), ==, 0);
  assert_file_starts_with (pdf, "%PDF-", 5);
  if (pdfinfo != NULL)
    {
      g_autofree char *info = NULL;
      const char *argv[] = { pdfinfo, pdf, NULL };
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &info, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (info, "Pages:"));
      g_assert_true (g_regex_match_simple ("Pages:\\s+1\\n", info, 0, 0));
    }

  /* Mistakes: a message on stderr and a failure status, no file. */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (tdm_test_run_cli (fixture->path, NULL, &err, "chart", "no-such", "-o", png, NULL), !=, 0);
    g_assert_nonnull (strstr (err, "no-such"));
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (tdm_test_run_cli (fixture->path, NULL, &err, "chart", "fair-funnel", "-o", png, NULL), !=, 0);
    g_assert_nonnull (strstr (err, "--fair"));
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (tdm_test_run_cli (fixture->path, NULL, &err, "chart", "fair-funnel", "--fair", "99", "-o", png, NULL), !=, 0);
    g_assert_nonnull (strstr (err, "99"));
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (tdm_test_run_cli (fixture->path, NULL, &err, "chart", "registry-regions", "-o", jpg, NULL), !=, 0);
    g_assert_nonnull (strstr (err, ".png"));
    g_assert_false (g_file_test (jpg, G_FILE_TEST_EXISTS));
  }

  /* Bars from a CSV: a 120-character Arabic label and a huge outlier. */
  {
    GString *text = g_string_new ("region,Cooperatives\n");
    g_autofree char *err = NULL;

    g_string_append (text, "\"");
    for (guint i = 0; i < 30; i++)
      g_string_append (text, "جهة ");
    g_string_append (text, "\",1\nالشرق,0\nسوس ماسة,1000000\n");
    g_file_set_contents (csv, text->str, -1, &error);
    g_assert_no_error (error);
    g_string_free (text, TRUE);

    g_assert_cmpint (tdm_test_run_cli (fixture->path, NULL, &err, "chart", "--from-csv", csv, "-o", csv_png, NULL), ==, 0);
    assert_file_starts_with (csv_png, "\x89PNG\r\n\x1a\n", 8);

    g_file_set_contents (csv, "region,Cooperatives\nالشرق,beaucoup\n", -1, &error);
    g_assert_no_error (error);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (tdm_test_run_cli (fixture->path, NULL, &err, "chart", "--from-csv", csv, "-o", csv_png, NULL), !=, 0);
    g_assert_nonnull (strstr (err, "beaucoup"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/stats/registry", Fixture, known_data, fixture_setup, test_registry, fixture_teardown);
  g_test_add ("/stats/empty", Fixture, NULL, fixture_setup, test_empty, fixture_teardown);
  g_test_add ("/stats/fair", Fixture, known_data, fixture_setup, test_fair, fixture_teardown);
  g_test_add ("/stats/press", Fixture, known_data, fixture_setup, test_press, fixture_teardown);
  g_test_add ("/stats/board-fill", Fixture, known_data, fixture_setup, test_board_fill, fixture_teardown);
  g_test_add ("/stats/cli", Fixture, known_data, fixture_setup, test_cli, fixture_teardown);

  return g_test_run ();
}
