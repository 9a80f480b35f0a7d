/* dashboard.c: how fast the dashboards are on a national registry.
 *
 * With N cooperatives (demo data) and M articles with their facts
 * (inserted with SQL: months, regions, event types, organizations),
 * prints:
 * - the registry board's redraw: its five charts drawn on one
 *   1280×800 image surface, as the window lays them out; median and p95
 *   over 100 redraws (goal < 8 ms), and the first draw (text shaped);
 * - the registry board's recompute: all its aggregates; median and p95
 *   over 20 (goal < 150 ms); and what the page's worker does for the
 *   three boards (opening its own connection included);
 * - one bar chart (12 regions, Arabic names, from one CSV written here)
 *   rendered to PNG by `tadamon-cli chart --from-csv` and by matplotlib
 *   (bench/chart-matplotlib.py): wall clock of each command, median of 5,
 *   and the ratio. Both PNGs are kept in the work folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>

#include "tdm-board.h"
#include "tdm-demo.h"
#include "tdm-registry.h"

#define WIDTH 1280
#define HEIGHT 800
#define REDRAWS 100
#define RECOMPUTES 20
#define COMMAND_RUNS 5

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts TIMES in place. */
static double
percentile (GArray *times,
            double  p)
{
  guint i;

  g_array_sort (times, compare_doubles);
  i = (guint) (p * (times->len - 1) + 0.5);
  return g_array_index (times, double, i);
}

static void
exec_sql (TdmStore   *store,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (tdm_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
count_rows (TdmStore   *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = tdm_store_prepare (store, sql, NULL);
  gint64 n;

  sqlite3_step (stmt);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* ---- articles ------------------------------------------------------------ */

static const char * const organizations[] = {
  "المبادرة الوطنية للتنمية البشرية", "Agence de Développement Social", "مكتب تنمية التعاون",
  "Ministère du Tourisme, de l'Artisanat et de l'Économie sociale et solidaire",
  "مجلس جهة الشرق", "Conseil régional de Souss-Massa", "Wilaya de la région de l'Oriental",
  "Office de Développement de la Coopération", "Crédit Agricole du Maroc", "Al Amana Microfinance",
  "GIZ", "Union européenne", "PNUD", "ONU Femmes", "وكالة التنمية الاجتماعية",
  "Réseau marocain de l'économie sociale et solidaire", "الغرفة الفلاحية", "Chambre d'artisanat",
  "Région Occitanie", "Generalitat de Catalunya", "Fondation Mohammed V pour la Solidarité",
  "Maison de l'Artisan", "Banque Populaire", "INDH Oujda", "Agence de l'Oriental",
};

static const char * const event_types[] = {
  "fair", "fair", "fair", "fair", "meeting", "meeting", "study_day", "workshop", "other",
};

static void
add_fact (sqlite3_stmt *stmt,
          gint64        article,
          const char   *kind,
          const char   *value,
          const char   *status)
{
  sqlite3_bind_int64 (stmt, 1, article);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, status, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("fact: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);
}

/* N articles over 2018–2025, more in recent years and in spring and
 * autumn (fair seasons), each with a region, an event type, one to three
 * organizations; a fifth linked to one of eight editions of a fair. */
static void
add_articles (TdmStore *store,
              guint     n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *article, *fact, *names;
  g_autoptr(GError) error = NULL;

  names = tdm_store_prepare (store, "SELECT name_fr FROM region ORDER BY id", NULL);
  while (sqlite3_step (names) == SQLITE_ROW)
    g_ptr_array_add (regions, g_strdup ((const char *) sqlite3_column_text (names, 0)));
  sqlite3_reset (names);

  if (!tdm_store_begin (store, &error))
    g_error ("%s", error->message);
  exec_sql (store,
            "WITH RECURSIVE e(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM e WHERE i < 8) "
            "INSERT INTO fair (title, edition, region_id, city, start_date) "
            "SELECT 'Salon régional de l''ESS de l''Oriental', i, 2, 'Oujda', (2017 + i) || '-05-10' FROM e");
  article = tdm_store_prepare (store,
                               "INSERT INTO article (language, title, published_on, raw_text, body, "
                               "content_hash, fair_id) VALUES (?, ?, ?, 'x', 'x', ?, ?)", NULL);
  fact = tdm_store_prepare (store,
                            "INSERT INTO article_fact (article_id, kind, value, status) "
                            "VALUES (?, ?, ?, ?)", NULL);

  for (guint i = 0; i < n; i++)
    {
      double recent = 8.0 * sqrt (g_rand_double (rand));
      int year = 2018 + (int) MIN (7.0, recent);
      int month = g_rand_boolean (rand) ? g_rand_int_range (rand, 3, 6) : g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29);
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
      g_autofree char *hash = g_strdup_printf ("bench-%u", i);
      gint64 id;
      /* Regions as the press covers them: the big ones more often. */
      double spread = 12.0 * g_rand_double (rand) * g_rand_double (rand) * 1.6;
      guint region = MIN (11u, (guint) spread);
      double roll = g_rand_double (rand);
      const char *status = roll < 0.6 ? "accepted" : roll < 0.9 ? "proposed" : "rejected";
      gint64 edition = g_rand_int_range (rand, 0, 5) == 0 ? MIN (8, year - 2017) : 0;

      sqlite3_bind_text (article, 1, g_rand_boolean (rand) ? "ar" : "fr", -1, SQLITE_STATIC);
      sqlite3_bind_text (article, 2, hash, -1, SQLITE_STATIC);
      sqlite3_bind_text (article, 3, date, -1, SQLITE_STATIC);
      sqlite3_bind_text (article, 4, hash, -1, SQLITE_STATIC);
      if (edition > 0)
        sqlite3_bind_int64 (article, 5, edition);
      else
        sqlite3_bind_null (article, 5);
      if (sqlite3_step (article) != SQLITE_DONE)
        g_error ("article: %s", sqlite3_errmsg (tdm_store_get_db (store)));
      sqlite3_reset (article);
      id = sqlite3_last_insert_rowid (tdm_store_get_db (store));

      add_fact (fact, id, "region", g_ptr_array_index (regions, region), status);
      add_fact (fact, id, "event_type",
                event_types[g_rand_int_range (rand, 0, G_N_ELEMENTS (event_types))], "accepted");
      for (int k = g_rand_int_range (rand, 1, 4); k > 0; k--)
        add_fact (fact, id, g_rand_boolean (rand) ? "organization" : "partner",
                  organizations[(guint) (G_N_ELEMENTS (organizations) * g_rand_double (rand) *
                                         g_rand_double (rand))],
                  roll < 0.95 ? "accepted" : "rejected");
      if (edition > 0)
        {
          g_autofree char *exhibitors = g_strdup_printf ("%" G_GINT64_FORMAT, 60 + 15 * edition + g_rand_int_range (rand, 0, 10));
          g_autofree char *stands = g_strdup_printf ("%" G_GINT64_FORMAT, 40 + 10 * edition);

          add_fact (fact, id, "exhibitors", exhibitors, "accepted");
          add_fact (fact, id, "stands", stands, "accepted");
        }
    }
  if (!tdm_store_commit (store, &error))
    g_error ("%s", error->message);
}

/* ---- registry board --------------------------------------------------------- */

typedef struct {
  const TdmBoardChart *desc;
  TdmChart            *chart;
  TdmStatsTable       *table;
} Card;

static guint
registry_cards (Card *cards,
                guint max)
{
  guint n, k = 0;
  const TdmBoardChart *charts = tdm_board_get_charts (&n);

  for (guint i = 0; i < n && k < max; i++)
    if (charts[i].board == TDM_BOARD_REGISTRY)
      cards[k++].desc = &charts[i];
  return k;
}

/* The window's grid: two cards a line, 12 px apart. */
static void
draw_board (Card    *cards,
            guint    n,
            cairo_t *cr)
{
  double card_width = (WIDTH - 3 * 12) / 2.0;
  double card_height = (HEIGHT - 4 * 12) / 3.0;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);
  for (guint i = 0; i < n; i++)
    tdm_chart_draw (cards[i].chart, cr,
                    12 + (i % 2) * (card_width + 12), 12 + (i / 2) * (card_height + 12),
                    card_width, card_height);
}

static double
run_command (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  double start = now_ms ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, &err, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return now_ms () - start;
}

static double
median_of_runs (const char * const *argv)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  run_command (argv);   /* warm-up: caches, fonts */
  for (guint i = 0; i < COMMAND_RUNS; i++)
    {
      double t = run_command (argv);

      g_array_append_val (times, t);
    }
  return percentile (times, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  int n_cooperatives = 100000;
  int n_articles = 10000;
  g_autofree char *keep = NULL;
  g_autofree char *python = g_strdup ("/usr/bin/python3");
  GOptionEntry entries[] = {
    { "cooperatives", 'n', 0, G_OPTION_ARG_INT, &n_cooperatives, "Cooperatives to generate (100000)", "N" },
    { "articles", 'a', 0, G_OPTION_ARG_INT, &n_articles, "Articles to generate (10000)", "M" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &keep,
      "Work in DIR and keep the database and pictures (default: a temporary folder, removed)", "DIR" },
    { "python", 0, 0, G_OPTION_ARG_FILENAME, &python, "The Python with matplotlib (/usr/bin/python3)", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) csv_text = g_string_new ("region,Cooperatives\n");
  g_autoptr(GPtrArray) regions = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *cli_png = NULL;
  g_autofree char *mpl_png = NULL;
  Card cards[8] = { { 0 } };
  guint n_cards;
  cairo_surface_t *surface;
  cairo_t *cr;
  double start, first_draw, cli_ms, mpl_ms;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context,
                                "Prints the registry board's redraw (goal < 8 ms) and recompute "
                                "(goal < 150 ms) with N cooperatives and M articles, then times one "
                                "bar chart drawn by tadamon-cli and by matplotlib.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (keep != NULL)
    {
      g_mkdir_with_parents (keep, 0755);
      dir = g_strdup (keep);
    }
  else if ((dir = g_dir_make_tmp ("tadamon-bench-XXXXXX", &error)) == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "dashboard.db", NULL);

  /* 1. Data (kept from an earlier run with --dir) */
  store = tdm_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (tdm_store_count_cooperatives (store) == 0)
    {
      start = now_ms ();
      if (!tdm_demo_populate (store, n_cooperatives, 1, &error))
        g_error ("demo: %s", error->message);
      printf ("demo data: %.1f s\n", (now_ms () - start) / 1000);
    }
  if (count_rows (store, "article") == 0)
    {
      start = now_ms ();
      add_articles (store, n_articles);
      printf ("articles: %.1f s\n", (now_ms () - start) / 1000);
    }
  printf ("cooperatives: %" G_GINT64_FORMAT ", articles: %" G_GINT64_FORMAT
          ", facts: %" G_GINT64_FORMAT ", in %s\n",
          count_rows (store, "cooperative"), count_rows (store, "article"),
          count_rows (store, "article_fact"), dir);

  /* 2. Recompute: every aggregate of the registry board */
  n_cards = registry_cards (cards, G_N_ELEMENTS (cards));
  for (guint run = 0; run < RECOMPUTES; run++)
    {
      double t;

      start = now_ms ();
      for (guint i = 0; i < n_cards; i++)
        {
          g_clear_pointer (&cards[i].table, tdm_stats_table_free);
          cards[i].table = tdm_board_chart_compute (cards[i].desc, store, 0, &error);
          if (cards[i].table == NULL)
            g_error ("%s: %s", cards[i].desc->name, error->message);
        }
      t = now_ms () - start;
      g_array_append_val (times, t);
    }
  printf ("registry board recompute (%u charts): median %.1f ms, p95 %.1f ms (goal < 150 ms)\n",
          n_cards, percentile (times, 0.5), percentile (times, 0.95));

  /* What the page's worker does on a change: its own connection, the
   * fairs and the three boards. */
  g_array_set_size (times, 0);
  for (guint run = 0; run < 5; run++)
    {
      guint n;
      const TdmBoardChart *charts = tdm_board_get_charts (&n);
      g_autoptr(TdmStore) worker = NULL;
      g_autoptr(TdmStatsTable) fairs = NULL;
      double t;

      start = now_ms ();
      worker = tdm_store_open (path, &error);
      fairs = tdm_stats_list_fairs (worker, &error);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TdmStatsTable) table =
            tdm_board_chart_compute (&charts[i], worker, fairs->ids[0], &error);

          if (table == NULL)
            g_error ("%s: %s", charts[i].name, error->message);
        }
      t = now_ms () - start;
      g_array_append_val (times, t);
    }
  printf ("all three boards, worker's own connection: median %.1f ms over 5\n",
          percentile (times, 0.5));
  {
    guint n;
    const TdmBoardChart *charts = tdm_board_get_charts (&n);
    g_autoptr(TdmStatsTable) fairs = tdm_stats_list_fairs (store, &error);
    g_autoptr(TdmStore) other = NULL;

    start = now_ms ();
    other = tdm_store_open (path, &error);
    printf ("  opening a connection: %.1f ms; each chart:", now_ms () - start);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(TdmStatsTable) table = NULL;

        start = now_ms ();
        table = tdm_board_chart_compute (&charts[i], store, fairs->ids[0], &error);
        printf (" %s %.1f ms%s", charts[i].name, now_ms () - start, i + 1 < n ? "," : "\n");
      }
  }

  /* 3. Redraw */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_cards; i++)
    {
      cards[i].chart = tdm_board_chart_new (cards[i].desc);
      tdm_board_chart_fill (cards[i].desc, cards[i].chart, cards[i].table);
    }
  start = now_ms ();
  draw_board (cards, n_cards, cr);
  cairo_surface_flush (surface);
  first_draw = now_ms () - start;

  g_array_set_size (times, 0);
  for (guint run = 0; run < REDRAWS; run++)
    {
      double t;

      start = now_ms ();
      draw_board (cards, n_cards, cr);
      cairo_surface_flush (surface);
      t = now_ms () - start;
      g_array_append_val (times, t);
    }
  printf ("registry board drawn again by the chart library (%u charts, %dx%d): median %.2f ms, "
          "p95 %.2f ms; first draw %.1f ms\n",
          n_cards, WIDTH, HEIGHT, percentile (times, 0.5), percentile (times, 0.95), first_draw);
  /* Where the time goes: each chart alone, in its card's size. */
  printf ("  per chart (median of %d):", REDRAWS / 4);
  for (guint i = 0; i < n_cards; i++)
    {
      g_array_set_size (times, 0);
      for (guint run = 0; run < REDRAWS / 4; run++)
        {
          double t;

          start = now_ms ();
          tdm_chart_draw (cards[i].chart, cr, 12, 12, (WIDTH - 36) / 2.0, (HEIGHT - 48) / 3.0);
          cairo_surface_flush (surface);
          t = now_ms () - start;
          g_array_append_val (times, t);
        }
      printf (" %s %.2f ms%s", cards[i].desc->name, percentile (times, 0.5),
              i + 1 < n_cards ? "," : "\n");
    }
  /* What TdmChartWidget does on a redraw when neither the data, the
   * style nor the size changed: it paints the picture it kept. */
  {
    double card_width = (WIDTH - 3 * 12) / 2.0;
    double card_height = (HEIGHT - 4 * 12) / 3.0;
    cairo_surface_t *pictures[G_N_ELEMENTS (cards)] = { NULL };

    for (guint i = 0; i < n_cards; i++)
      {
        cairo_t *pcr;

        pictures[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) card_width,
                                                  (int) card_height);
        pcr = cairo_create (pictures[i]);
        tdm_chart_draw (cards[i].chart, pcr, 0, 0, (int) card_width, (int) card_height);
        cairo_destroy (pcr);
      }
    g_array_set_size (times, 0);
    for (guint run = 0; run < REDRAWS; run++)
      {
        double t;

        start = now_ms ();
        cairo_save (cr);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_paint (cr);
        cairo_restore (cr);
        for (guint i = 0; i < n_cards; i++)
          {
            cairo_set_source_surface (cr, pictures[i], 12 + (i % 2) * (card_width + 12),
                                      12 + (i / 2) * (card_height + 12));
            cairo_paint (cr);
          }
        cairo_surface_flush (surface);
        t = now_ms () - start;
        g_array_append_val (times, t);
      }
    printf ("registry board redraw as the widgets do it (kept pictures): median %.2f ms, "
            "p95 %.2f ms (goal < 8 ms)\n", percentile (times, 0.5), percentile (times, 0.95));
    for (guint i = 0; i < n_cards; i++)
      cairo_surface_destroy (pictures[i]);
  }
  {
    g_autofree char *board_png = g_build_filename (dir, "registry-board.png", NULL);

    cairo_surface_write_to_png (surface, board_png);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* 4. The same bar chart by tadamon-cli and by matplotlib */
  regions = tdm_store_count_by_region (store, &error);
  if (regions == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < regions->len; i++)
    {
      TdmRegionCount *count = g_ptr_array_index (regions, i);

      g_string_append_printf (csv_text, "%s,%" G_GINT64_FORMAT "\n", count->name_ar, count->cooperatives);
    }
  csv = g_build_filename (dir, "regions.csv", NULL);
  if (!g_file_set_contents (csv, csv_text->str, -1, &error))
    g_error ("%s", error->message);
  cli_png = g_build_filename (dir, "regions-tadamon.png", NULL);
  mpl_png = g_build_filename (dir, "regions-matplotlib.png", NULL);

  {
    const char *cli_argv[] = {
      TADAMON_CLI_PATH, "chart", "--from-csv", csv, "--title", "التعاونيات حسب الجهة",
      "--width", "1000", "--height", "600", "-o", cli_png, NULL
    };
    const char *mpl_argv[] = { python, MATPLOTLIB_SCRIPT, csv, mpl_png, NULL };

    cli_ms = median_of_runs (cli_argv);
    if (!g_file_test (python, G_FILE_TEST_IS_EXECUTABLE))
      {
        printf ("bar chart to PNG: tadamon-cli %.0f ms; matplotlib not measured (no %s)\n",
                cli_ms, python);
        return 0;
      }
    mpl_ms = median_of_runs (mpl_argv);
  }
  printf ("bar chart (12 regions, Arabic) to PNG, median of %d: tadamon-cli %.0f ms, "
          "matplotlib %.0f ms, ratio %.1f× (matplotlib / tadamon-cli)\n",
          COMMAND_RUNS, cli_ms, mpl_ms, mpl_ms / cli_ms);
  printf ("pictures: %s, %s\n", cli_png, mpl_png);

  for (guint i = 0; i < n_cards; i++)
    {
      g_clear_object (&cards[i].chart);
      g_clear_pointer (&cards[i].table, tdm_stats_table_free);
    }
  if (keep == NULL)
    g_printerr ("work folder left for the pictures: %s\n", dir);
  return 0;
}
