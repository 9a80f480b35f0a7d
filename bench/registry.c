/* registry.c: figures for the registry at national scale.
 *
 * Generates N cooperatives (demo data), exports them to CSV, then prints
 * from this one run: the CSV import rate into a fresh database, the raw
 * SQLite prepared-INSERT rate of the same rows into another fresh
 * database and their ratio; the search latency through the window's
 * model; the window's launch to first frame and peak RSS. Figures only:
 * nothing here asserts a time.
 *
 *   ninja -C BUILDDIR bench/registry && BUILDDIR/bench/registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "tdm-cooperative-list.h"
#include "tdm-csv.h"
#include "tdm-demo.h"
#include "tdm-registry.h"

#define N_SEARCH_QUERIES 200
#define VISIBLE_ROWS 30

/* Words people search the registry for, typed one letter at a time:
 * every prefix is one query. */
static const char * const search_words[] = {
  "تعاونية", "Agadir", "وجدة", "coopérative", "أركان", "Essaouira",
  "النسوية", "tissage", "الصويرة", "Tiznit", "couscous", "اكادير",
  "Al Amal", "الأمل", "argane", "فاس", "Chefchaouen", "التضامن",
  "miel", "الخير", "Taroudannt", "زيت الزيتون", "safran", "النور",
  "Oujda", "الحسيمة", "poterie", "Meknès", "الفلاحية", "Ouarzazate",
};

typedef struct {
  char   *values[20];
  gint64  ints[6];     /* sector, region, province, members, women, youth */
  double  capital;
  gboolean has_capital;
} RawRow;

static double
now_seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* The machine is shared: CPU time of this process, beside wall time,
 * says what a step costs when others compete for the cores. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct {
  double wall;
  double cpu;
} Span;

static Span
span_start (void)
{
  Span span = { now_seconds (), cpu_seconds () };

  return span;
}

static Span
span_end (Span start)
{
  Span span = { now_seconds () - start.wall, cpu_seconds () - start.cpu };

  return span;
}

static TdmStore *
open_store (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  TdmStore *store = tdm_store_open (path, &error);

  if (store == NULL)
    g_error ("Cannot open %s: %s", path, error->message);
  return store;
}

/* Writes back what the previous step left dirty, so that its disk writes
 * are not charged to the next one. */
static void
settle (void)
{
  sync ();
  g_usleep (G_USEC_PER_SEC / 2);
}

/* ---- raw insert --------------------------------------------------------- */

#define RAW_COLUMNS \
  "name_ar, name_fr, registration_number, legal_form, commune, address, " \
  "founded_on, president, phone, email, products, name_key, search_text, " \
  "sector_id, region_id, province_id, members, women, youth, capital"

static void
raw_row_free (RawRow *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (row->values); i++)
    g_free (row->values[i]);
  g_free (row);
}

/* The rows as they are stored, read into memory: what an import has once
 * it has parsed and checked them. */
static GPtrArray *
read_raw_rows (TdmStore   *store,
               GPtrArray **labels)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_row_free);
  sqlite3_stmt *stmt;

  stmt = tdm_store_prepare (store, "SELECT id, " RAW_COLUMNS " FROM cooperative ORDER BY id", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RawRow *row = g_new0 (RawRow, 1);

      for (int i = 0; i < 13; i++)
        row->values[i] = g_strdup ((const char *) sqlite3_column_text (stmt, 1 + i));
      for (int i = 0; i < 6; i++)
        row->ints[i] = sqlite3_column_int64 (stmt, 14 + i);
      row->has_capital = sqlite3_column_type (stmt, 20) != SQLITE_NULL;
      row->capital = sqlite3_column_double (stmt, 20);
      /* The id, to attach the labels in the same order. */
      row->values[19] = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);

  *labels = g_ptr_array_new_with_free_func (g_free);
  stmt = tdm_store_prepare (store,
                            "SELECT cooperative_id, name, issued_on, expires_on "
                            "FROM cooperative_label ORDER BY id", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (*labels, g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0)));
      g_ptr_array_add (*labels, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (*labels, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      g_ptr_array_add (*labels, g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
    }
  sqlite3_reset (stmt);

  return rows;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* One transaction, one prepared statement: bind, step, reset. BULK: the
 * same, between tdm_store_begin_bulk_insert() and _end_ (the search index
 * filled once at the end), as the CSV import does. */
static Span
raw_insert (TdmStore  *store,
            GPtrArray *rows,
            GPtrArray *labels,
            gboolean   bulk)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = tdm_store_get_db (store);
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *insert_label = NULL;
  Span start;
  guint next_label = 0;

  start = span_start ();
  if (bulk)
    {
      if (!tdm_store_begin_bulk_insert (store, &error))
        g_error ("raw insert: %s", error->message);
    }
  else
    sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO cooperative (" RAW_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                      "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                      -1, &insert, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO cooperative_label (cooperative_id, name, issued_on, expires_on) "
                      "VALUES (?1, ?2, ?3, ?4)",
                      -1, &insert_label, NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      RawRow *row = g_ptr_array_index (rows, r);
      gint64 id;

      for (int i = 0; i < 13; i++)
        bind_text_or_null (insert, 1 + i, row->values[i]);
      bind_id_or_null (insert, 14, row->ints[0]);
      bind_id_or_null (insert, 15, row->ints[1]);
      bind_id_or_null (insert, 16, row->ints[2]);
      sqlite3_bind_int64 (insert, 17, row->ints[3]);
      sqlite3_bind_int64 (insert, 18, row->ints[4]);
      sqlite3_bind_int64 (insert, 19, row->ints[5]);
      if (row->has_capital)
        sqlite3_bind_double (insert, 20, row->capital);
      else
        sqlite3_bind_null (insert, 20);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("raw insert: %s", sqlite3_errmsg (db));
      sqlite3_reset (insert);
      id = sqlite3_last_insert_rowid (db);

      while (next_label < labels->len
             && g_str_equal (g_ptr_array_index (labels, next_label), row->values[19]))
        {
          sqlite3_bind_int64 (insert_label, 1, id);
          for (int i = 1; i <= 3; i++)
            bind_text_or_null (insert_label, 1 + i, g_ptr_array_index (labels, next_label + i));
          if (sqlite3_step (insert_label) != SQLITE_DONE)
            g_error ("raw insert: %s", sqlite3_errmsg (db));
          sqlite3_reset (insert_label);
          next_label += 4;
        }
    }

  sqlite3_finalize (insert);
  sqlite3_finalize (insert_label);
  if (bulk)
    {
      if (!tdm_store_end_bulk_insert (store, &error))
        g_error ("raw insert: %s", error->message);
    }
  else if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("raw insert: %s", sqlite3_errmsg (db));

  return span_end (start);
}

/* ---- search ------------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
bench_search (TdmStore *store)
{
  g_autoptr(TdmCooperativeList) list = tdm_cooperative_list_new (store);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint word = 0;
  double p50, p95, worst;

  while (times->len < N_SEARCH_QUERIES)
    {
      const char *text = search_words[word++ % G_N_ELEMENTS (search_words)];
      const char *end = text;

      /* Clearing the entry between words, as a user does. */
      tdm_cooperative_list_set_search (list, "");

      while (*end != '\0' && times->len < N_SEARCH_QUERIES)
        {
          g_autofree char *prefix = NULL;
          double start, elapsed;
          guint n;

          end = g_utf8_next_char (end);
          prefix = g_strndup (text, end - text);

          start = now_seconds ();
          tdm_cooperative_list_set_search (list, prefix);
          n = g_list_model_get_n_items (G_LIST_MODEL (list));
          for (guint i = 0; i < MIN (n, VISIBLE_ROWS); i++)
            g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
          elapsed = (now_seconds () - start) * 1000;

          g_array_append_val (times, elapsed);
        }
    }

  g_array_sort (times, compare_doubles);
  p50 = g_array_index (times, double, times->len / 2);
  p95 = g_array_index (times, double, (times->len * 95) / 100);
  worst = g_array_index (times, double, times->len - 1);
  printf ("search: %u queries typed one letter at a time, p50 %.1f ms, p95 %.1f ms, max %.1f ms "
          "(goal p95 < 20 ms)\n", times->len, p50, p95, worst);
}

/* ---- window ------------------------------------------------------------- */

/* Times `tadamon --screenshot` under xvfb-run; only the application is
 * inside the clock, not the X server's start. */
static void
bench_window (const char *app,
              const char *database,
              const char *dir)
{
  g_autofree char *xvfb = g_find_program_in_path ("xvfb-run");
  g_autofree char *png = g_build_filename (dir, "window.png", NULL);
  g_autofree char *rss_file = g_build_filename (dir, "rss.txt", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 peak_kib = 0;

  if (app == NULL || !g_file_test (app, G_FILE_TEST_IS_EXECUTABLE) || xvfb == NULL
      || !g_file_test ("/usr/bin/time", G_FILE_TEST_IS_EXECUTABLE))
    {
      printf ("window: not measured (needs the tadamon binary, xvfb-run and /usr/bin/time)\n");
      return;
    }

  /* The first run fills the page cache; the figure is the median of the
   * next three. */
  for (int run = 0; run < 4; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *rss = NULL;
      const char *script =
        "start=$(date +%s%N); "
        "/usr/bin/time -f %M -o \"$1\" \"$2\" --database \"$3\" --page cooperatives --screenshot \"$4\" "
        ">/dev/null 2>&1; status=$?; "
        "end=$(date +%s%N); echo $(( (end - start) / 1000 )); exit $status";
      const char *argv[] = {
        xvfb, "-a", "-s", "-screen 0 1280x800x24", "sh", "-c", script, "sh",
        rss_file, app, database, png, NULL
      };
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, &err, &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        {
          printf ("window: not measured (%s)\n", error->message);
          return;
        }
      if (run > 0)
        {
          double ms = g_ascii_strtod (out, NULL) / 1000;
          g_array_append_val (times, ms);
        }
      if (g_file_get_contents (rss_file, &rss, NULL, NULL))
        peak_kib = MAX (peak_kib, g_ascii_strtoll (rss, NULL, 10));
    }

  g_array_sort (times, compare_doubles);
  printf ("window: launch to first frame (screenshot written) %.0f ms, peak RSS %.1f MB "
          "(goals < 400 ms, < 150 MB)\n",
          g_array_index (times, double, times->len / 2), peak_kib / 1024.0);
}

/* ---- main --------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  int n_cooperatives = 100000;
  g_autofree char *keep = NULL;
  g_autofree char *app = g_strdup (TADAMON_APP_PATH);
  GOptionEntry entries[] = {
    { "cooperatives", 'n', 0, G_OPTION_ARG_INT, &n_cooperatives,
      "Cooperatives to generate (100000)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &keep,
      "Work in DIR and keep the databases and the CSV (default: a temporary folder, removed)", "DIR" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app,
      "The tadamon binary to time (default: the one of this build)", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) demo = NULL;
  g_autoptr(TdmStore) imported = NULL;
  g_autoptr(TdmStore) raw = NULL;
  g_autoptr(TdmCsvReport) report = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *demo_path = NULL;
  g_autofree char *import_path = NULL;
  g_autofree char *raw_path = NULL;
  g_autofree char *bulk_path = NULL;
  double start, demo_time;
  Span span, import_time, raw_time, bulk_time;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context,
                                "Generates N cooperatives and prints: CSV import rows/s, the raw SQLite "
                                "prepared-insert rate of the same rows and their ratio (goal >= 0.4); "
                                "search latency p50/p95 over 200 queries typed one letter at a time "
                                "(goal p95 < 20 ms); the window's launch to first frame and peak RSS "
                                "(goals < 400 ms, < 150 MB), under xvfb-run.");
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

  csv = g_build_filename (dir, "cooperatives.csv", NULL);
  demo_path = g_build_filename (dir, "demo.db", NULL);
  printf ("cooperatives: %d, in %s\n", n_cooperatives, dir);

  /* 1. Data */
  demo = open_store (dir, "demo.db");
  if (tdm_store_count_cooperatives (demo) == 0)
    {
      start = now_seconds ();
      if (!tdm_demo_populate (demo, n_cooperatives, 1, &error))
        g_error ("demo: %s", error->message);
      demo_time = now_seconds () - start;
      printf ("demo data: %.1f s\n", demo_time);
    }
  if (!tdm_csv_export (demo, TDM_CSV_COOPERATIVES, csv, &error))
    g_error ("export: %s", error->message);

  /* 2. CSV import into a fresh database (opened and migrated first: the
   * clock covers only the import). */
  import_path = g_build_filename (dir, "import.db", NULL);
  g_remove (import_path);
  imported = open_store (dir, "import.db");
  settle ();
  span = span_start ();
  report = tdm_csv_import (imported, TDM_CSV_COOPERATIVES, csv, FALSE, NULL, NULL, NULL, &error);
  import_time = span_end (span);
  if (report == NULL)
    g_error ("import: %s", error->message);
  printf ("CSV import: %u rows read, %u inserted, %u problems, in %.2f s = %.0f rows/s "
          "(CPU %.2f s = %.0f rows/s)\n",
          report->rows_read, report->rows_inserted, report->problems->len,
          import_time.wall, report->rows_inserted / import_time.wall,
          import_time.cpu, report->rows_inserted / import_time.cpu);

  /* 3. The same rows, already parsed, with a plain prepared INSERT:
   * row by row under the schema's triggers, and as a bulk insert like
   * the import's. The ratio is to the faster of the two. */
  rows = read_raw_rows (demo, &labels);
  raw_path = g_build_filename (dir, "raw.db", NULL);
  g_remove (raw_path);
  raw = open_store (dir, "raw.db");
  settle ();
  raw_time = raw_insert (raw, rows, labels, FALSE);
  printf ("raw SQLite prepared INSERT, row by row: %u rows (and %u labels) in %.2f s = %.0f rows/s "
          "(CPU %.2f s = %.0f rows/s)\n",
          rows->len, labels->len / 4, raw_time.wall, rows->len / raw_time.wall,
          raw_time.cpu, rows->len / raw_time.cpu);
  g_clear_object (&raw);

  bulk_path = g_build_filename (dir, "raw-bulk.db", NULL);
  g_remove (bulk_path);
  raw = open_store (dir, "raw-bulk.db");
  settle ();
  bulk_time = raw_insert (raw, rows, labels, TRUE);
  printf ("raw SQLite prepared INSERT, bulk (search index filled at the end): %.2f s = %.0f rows/s "
          "(CPU %.2f s = %.0f rows/s)\n",
          bulk_time.wall, rows->len / bulk_time.wall, bulk_time.cpu, rows->len / bulk_time.cpu);

  /* Same rows: the ratio of rates is the inverse ratio of times. */
  printf ("ratio import / fastest raw: %.2f wall, %.2f CPU (goal >= 0.4); "
          "import / raw row by row: %.2f wall, %.2f CPU\n",
          MIN (raw_time.wall, bulk_time.wall) / import_time.wall,
          MIN (raw_time.cpu, bulk_time.cpu) / import_time.cpu,
          raw_time.wall / import_time.wall, raw_time.cpu / import_time.cpu);
  g_clear_object (&imported);
  g_clear_object (&raw);

  /* 4. Search on the generated registry. */
  bench_search (demo);
  g_clear_object (&demo);

  /* 5. The window on it. */
  bench_window (app, demo_path, dir);

  if (keep == NULL)
    {
      const char *names[] = { "demo.db", "demo.db-wal", "demo.db-shm", "import.db", "import.db-wal",
                              "import.db-shm", "raw.db", "raw.db-wal", "raw.db-shm",
                              "raw-bulk.db", "raw-bulk.db-wal", "raw-bulk.db-shm",
                              "cooperatives.csv", "window.png", "rss.txt" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (dir, names[i], NULL);
          g_remove (path);
        }
      g_rmdir (dir);
    }

  return 0;
}
