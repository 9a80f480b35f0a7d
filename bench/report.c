/* bench/report.c: the fair's summary report for 540 exhibitors, with its
 * cover and charts, from the store to a PDF file: median wall clock and
 * CPU time over several runs (goal < 1 s), the file's size and pages, in
 * French and in Arabic.
 *
 * Beside it, in the same run and on the same data, a baseline: a plain
 * document of the same exhibitor table (grouped by pole, same columns but
 * the sector) with no cover, no key figures and no charts, built from the
 * store and written the same way. The ratio says what the cover, the
 * figures and the charts cost on top of paginating the table.
 *
 *   BUILDDIR/bench/report [--runs N] [--dir DIR]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tdm-bench-util.h"
#include "tdm-demo.h"
#include "tdm-fairs.h"
#include "tdm-report.h"
#include "tdm-report-language.h"
#include "tdm-test-util.h"

#define N_COOPERATIVES  2000
#define N_POLES            6
#define ROWS_PER_POLE      3
#define STANDS_PER_ROW    30      /* 6 × 3 × 30 = 540 stands */
#define STAND_SIZE       3.0      /* metres */
#define AISLE            2.0

static const struct {
  const char *name_fr;
  const char *name_ar;
  const char *color;
} poles[N_POLES] = {
  { "Produits du terroir", "المنتجات المجالية", "#c0392b" },
  { "Artisanat", "الصناعة التقليدية", "#2471a3" },
  { "Cosmétiques naturels", "مستحضرات التجميل الطبيعية", "#1e8449" },
  { "Textile et couture", "النسيج والخياطة", "#b9770e" },
  { "Services et innovation", "الخدمات والابتكار", "#7d3c98" },
  { "Agroalimentaire", "الصناعات الغذائية", "#117a65" },
};

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("report: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the process: on a shared machine the wall clock also
 * counts the time other programs had the processors. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* A closed fair of 540 accepted exhibitors, one to a stand, across six
 * poles; partners in every role; visitors and sales for each day. */
static gint64
make_fair (TdmStore *store)
{
  g_autoptr(TdmFair) fair = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stands = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) cooperatives = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char * const *roles = tdm_fair_partner_roles ();
  sqlite3_stmt *stmt;
  gint64 fair_id;

  if (!tdm_demo_populate (store, N_COOPERATIVES, 1, &error))
    die ("demo cooperatives", error);

  fair = g_object_new (TDM_TYPE_FAIR,
                       "title", "Salon national de l’économie sociale et solidaire",
                       "edition", 12,
                       "city", "Rabat",
                       "venue", "Parc des expositions OLM Souissi",
                       "slogan", "L’économie sociale et solidaire, levier d’un développement inclusif",
                       "start-date", "2025-04-10",
                       "end-date", "2025-04-19",
                       "status", "closed",
                       "floor-width", STANDS_PER_ROW * STAND_SIZE + 10.0,
                       "floor-depth", N_POLES * ROWS_PER_POLE * (STAND_SIZE + AISLE) + 10.0,
                       NULL);
  if (!tdm_store_save_fair (store, fair, &error))
    die ("fair", error);
  fair_id = tdm_fair_get_id (fair);

  for (guint p = 0; p < N_POLES; p++)
    {
      g_autoptr(TdmPole) pole = g_object_new (TDM_TYPE_POLE,
                                              "fair-id", fair_id,
                                              "name-fr", poles[p].name_fr,
                                              "name-ar", poles[p].name_ar,
                                              "color", poles[p].color,
                                              NULL);

      if (!tdm_store_save_pole (store, pole, &error))
        die ("pole", error);
      for (guint r = 0; r < ROWS_PER_POLE; r++)
        {
          double y = 5.0 + (p * ROWS_PER_POLE + r) * (STAND_SIZE + AISLE);
          g_autoptr(GPtrArray) row = tdm_store_add_stand_row (store, fair_id, tdm_pole_get_id (pole),
                                                              5.0, y, STANDS_PER_ROW,
                                                              STAND_SIZE, STAND_SIZE, FALSE, 1,
                                                              &error);

          if (row == NULL)
            die ("stands", error);
          for (guint i = 0; i < row->len; i++)
            g_ptr_array_add (stands, g_object_ref (g_ptr_array_index (row, i)));
        }
    }

  /* Cooperatives from every province, not the first 540 ids only. */
  stmt = tdm_store_prepare (store, "SELECT id FROM cooperative ORDER BY (id * 7919) % 2003", &error);
  if (stmt == NULL)
    die ("cooperatives", error);
  while (sqlite3_step (stmt) == SQLITE_ROW && cooperatives->len < stands->len)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (cooperatives, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < stands->len && i < cooperatives->len; i++)
    {
      g_autoptr(TdmExhibitor) exhibitor = g_object_new (TDM_TYPE_EXHIBITOR,
                                                        "fair-id", fair_id,
                                                        "cooperative-id", g_array_index (cooperatives, gint64, i),
                                                        "applied-on", "2025-02-01",
                                                        NULL);

      gint64 id;

      if (!tdm_store_add_exhibitor (store, exhibitor, &error))
        die ("exhibitor", error);
      id = tdm_exhibitor_get_id (exhibitor);
      /* A third have confirmed since. */
      if (!tdm_store_set_exhibitor_status (store, id, "accepted", "2025-03-01", &error) ||
          (i % 3 == 0 && !tdm_store_set_exhibitor_status (store, id, "confirmed", "2025-03-20", &error)) ||
          !tdm_store_assign_stand (store, id, tdm_stand_get_id (g_ptr_array_index (stands, i)), NULL, &error))
        die ("exhibitor", error);
    }

  /* Two partners in each role. */
  stmt = tdm_store_prepare (store, "SELECT id FROM partner ORDER BY id", &error);
  if (stmt == NULL)
    die ("partners", error);
  for (guint i = 0; sqlite3_step (stmt) == SQLITE_ROW && roles[i / 2] != NULL; i++)
    {
      gint64 partner_id = sqlite3_column_int64 (stmt, 0);

      if (!tdm_store_set_fair_partner (store, fair_id, partner_id, roles[i / 2],
                                       i % 2 == 0 ? 250000.0 : -1.0, &error))
        die ("fair partner", error);
    }
  sqlite3_reset (stmt);

  for (int d = 10; d <= 19; d++)
    {
      g_autofree char *day = g_strdup_printf ("2025-04-%02d", d);

      if (!tdm_store_set_fair_day (store, fair_id, day, 3000 + 250 * (d % 4), 180000.0 + 9000.0 * d, &error))
        die ("fair day", error);
    }

  return fair_id;
}

/* The baseline's rows, read once before the timing: the exhibitors'
 * table as the report shows it, by pole and stand. */
typedef struct {
  char *group;     /* the pole, on the first row of each pole */
  char *color;
  char *cells[5];  /* stand, exhibitor, province, sector, status */
} TableRow;

static void
table_row_free (TableRow *row)
{
  g_free (row->group);
  g_free (row->color);
  for (guint i = 0; i < G_N_ELEMENTS (row->cells); i++)
    g_free (row->cells[i]);
  g_free (row);
}

#define TABLE_SQL \
  "SELECT p.id, coalesce(p.name_#, p.name_fr, p.name_ar), p.color, s.code, " \
  "       coalesce(c.name_#, c.name_fr, c.name_ar), pr.name_#, se.name_#, e.status " \
  "FROM exhibitor e JOIN stand s ON s.id = e.stand_id JOIN pole p ON p.id = s.pole_id " \
  "JOIN cooperative c ON c.id = e.cooperative_id " \
  "LEFT JOIN province pr ON pr.id = c.province_id LEFT JOIN sector se ON se.id = c.sector_id " \
  "WHERE e.fair_id = ?1 ORDER BY p.position, p.id, s.code"

static GPtrArray *
read_table (TdmStore   *store,
            gint64      fair_id,
            const char *language)
{
  gboolean arabic = tdm_report_language_is_rtl (language);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) table_row_free);
  g_autoptr(GString) sql = g_string_new (TABLE_SQL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 pole = 0;

  g_string_replace (sql, "#", arabic ? "ar" : "fr", 0);
  stmt = tdm_store_prepare (store, sql->str, &error);
  if (stmt == NULL)
    die ("baseline rows", error);
  sqlite3_bind_int64 (stmt, 1, fair_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TableRow *row = g_new0 (TableRow, 1);
      gboolean confirmed = g_str_equal ((const char *) sqlite3_column_text (stmt, 7), "confirmed");

      if (sqlite3_column_int64 (stmt, 0) != pole)
        {
          pole = sqlite3_column_int64 (stmt, 0);
          row->group = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          row->color = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      for (int i = 0; i < 4; i++)
        row->cells[i] = g_strdup ((const char *) sqlite3_column_text (stmt, 3 + i));
      row->cells[4] = g_strdup (arabic ? (confirmed ? "مؤكد" : "مقبول")
                                       : (confirmed ? "Confirmé" : "Accepté"));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

/* The baseline: a title, a heading and the table, nothing else. */
static TdmDocument *
table_document (GPtrArray  *rows,
                const char *language)
{
  TdmDocument *doc = tdm_document_new (language);
  TdmDocumentTable *table = tdm_document_table_new ();

  tdm_document_set_title (doc, "Exposants");
  tdm_document_set_footer (doc, "Tadamon");
  tdm_document_add_heading (doc, 1, "Exposants par pôle");
  /* The report's columns and weights. */
  tdm_document_table_add_column (table, "Stand", 0.9, TDM_COLUMN_START);
  tdm_document_table_add_column (table, "Exposant", 4, TDM_COLUMN_START);
  tdm_document_table_add_column (table, "Province", 1.8, TDM_COLUMN_START);
  tdm_document_table_add_column (table, "Secteur", 2, TDM_COLUMN_START);
  tdm_document_table_add_column (table, "Statut", 1.2, TDM_COLUMN_START);
  for (guint i = 0; i < rows->len; i++)
    {
      TableRow *row = g_ptr_array_index (rows, i);

      if (row->group != NULL)
        tdm_document_table_add_group (table, row->group, row->color);
      tdm_document_table_add_row (table, (const char * const *) row->cells);
    }
  tdm_document_add_table (doc, table);
  return doc;
}

typedef struct {
  double wall;
  double cpu;
  guint  pages;
  gint64 size;
} Figures;

/* Builds and writes the report (BASELINE: the table of these rows alone)
 * RUNS times after a warm-up; medians. */
static Figures
time_runs (TdmStore   *store,
           gint64      fair_id,
           const char *language,
           GPtrArray  *baseline,
           const char *path,
           guint       runs)
{
  g_autofree double *wall = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  Figures figures = { 0 };
  GStatBuf st;

  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(TdmDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      double t0 = now_ms (), c0 = cpu_ms ();

      doc = baseline != NULL ? table_document (baseline, language)
                             : tdm_fair_report_new (store, fair_id, language, &error);
      if (doc == NULL)
        die ("the fair report", error);
      if (!tdm_document_write_pdf (doc, path, &error))
        die ("writing the PDF", error);

      /* The first run warms the caches (fonts, glyphs, statements). */
      if (i > 0)
        {
          wall[i - 1] = now_ms () - t0;
          cpu[i - 1] = cpu_ms () - c0;
        }
      figures.pages = tdm_document_get_n_pages (doc);
    }

  figures.wall = tdm_bench_median (wall, runs);
  figures.cpu = tdm_bench_median (cpu, runs);
  if (g_stat (path, &st) == 0)
    figures.size = st.st_size;
  return figures;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(TdmStore) store = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const languages[] = { "fr", "ar" };
  gboolean keep;
  gint64 fair_id;
  gint runs = 5;
  GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Timed runs of each document, after a warm-up (5)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Keep the database and the PDFs in DIR", "DIR" },
    { NULL }
  };
  double t0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TDM_LOCALEDIR") != NULL
                                   ? g_getenv ("TDM_LOCALEDIR") : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  tdm_report_language_init ();

  context = g_option_context_new ("— time the fair report of 540 exhibitors");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (runs < 1)
    runs = 1;

  keep = dir != NULL;
  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("tdm-bench-report-XXXXXX", &error);
      if (dir == NULL)
        die ("temporary folder", error);
    }
  else
    g_mkdir_with_parents (dir, 0700);
  db_path = g_build_filename (dir, "report.db", NULL);
  g_unlink (db_path);

  t0 = now_ms ();
  store = tdm_store_open (db_path, &error);
  if (store == NULL)
    die ("database", error);
  fair_id = make_fair (store);
  printf ("Fair of 540 exhibitors on 540 stands in %d poles (%d cooperatives): built in %.1f s\n",
          N_POLES, N_COOPERATIVES, (now_ms () - t0) / 1000.0);
  printf ("median of %d runs after a warm-up; wall clock (CPU time)\n\n", runs);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *report_name = g_strdup_printf ("fair-report-%s.pdf", languages[l]);
      g_autofree char *table_name = g_strdup_printf ("table-only-%s.pdf", languages[l]);
      g_autofree char *report_path = g_build_filename (dir, report_name, NULL);
      g_autofree char *table_path = g_build_filename (dir, table_name, NULL);
      g_autoptr(GPtrArray) rows = read_table (store, fair_id, languages[l]);
      Figures report = time_runs (store, fair_id, languages[l], NULL, report_path, (guint) runs);
      Figures table = time_runs (store, fair_id, languages[l], rows, table_path, (guint) runs);

      printf ("[%s] fair report:      %7.0f ms (%5.0f ms CPU)  %3u pages  %7.1f KiB  goal < 1000 ms: %s\n",
              languages[l], report.wall, report.cpu, report.pages, report.size / 1024.0,
              report.wall < 1000 ? "met" : "NOT met");
      printf ("[%s] table only:       %7.0f ms (%5.0f ms CPU)  %3u pages  %7.1f KiB\n",
              languages[l], table.wall, table.cpu, table.pages, table.size / 1024.0);
      printf ("[%s] report / table:   %7.2f   (CPU %.2f)\n\n",
              languages[l], report.wall / table.wall, report.cpu / table.cpu);
    }

  if (keep)
    printf ("Database and PDFs kept in %s\n", dir);
  else
    {
      g_clear_object (&store);
      tdm_test_remove_dir (dir);
    }
  return 0;
}
