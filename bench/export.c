/* bench/export.c: exporting the registry as an Excel workbook against
 * exporting it as CSV, the same rows from the same database: wall clock,
 * CPU time and peak RSS of `tadamon-cli export cooperatives -o FILE.xlsx`
 * and `... -o FILE.csv` (each measured on its own process with wait4()),
 * medians of several runs after a warm-up, file sizes, and the ratios.
 *
 *   BUILDDIR/bench/export [-n 100000] [--runs 3] [--dir DIR]
 *
 * With --dir, a database of N demo cooperatives already there is reused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "tdm-bench-util.h"
#include "tdm-registry.h"

typedef struct {
  double wall;     /* ms */
  double cpu;      /* ms, user + system */
  double rss;      /* MiB */
} Sample;

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("export: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* Runs ARGV and measures that one process. */
static Sample
run_measured (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  Sample sample;
  GPid pid;
  gint64 start;
  int status;

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    die (argv[0], error);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    die (argv[0], NULL);

  sample.wall = (g_get_monotonic_time () - start) / 1000.0;
  sample.cpu = usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0
             + usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
  sample.rss = usage.ru_maxrss / 1024.0;
  return sample;
}

static Sample
measure_export (const char *db,
                const char *output,
                guint       runs)
{
  const char *argv[] = { TADAMON_CLI_PATH, "--database", db, "export", "cooperatives", "-o", output, NULL };
  g_autofree double *wall = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  g_autofree double *rss = g_new (double, runs);
  Sample result;

  /* The warm-up reads the database into the page cache. */
  run_measured (argv);
  for (guint i = 0; i < runs; i++)
    {
      Sample sample = run_measured (argv);

      wall[i] = sample.wall;
      cpu[i] = sample.cpu;
      rss[i] = sample.rss;
    }
  result.wall = tdm_bench_median (wall, runs);
  result.cpu = tdm_bench_median (cpu, runs);
  result.rss = tdm_bench_median (rss, runs);
  return result;
}

static gint64
count_cooperatives (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = tdm_store_open (db, &error);

  if (store == NULL)
    die ("database", error);
  return tdm_store_count_cooperatives (store);
}

static double
size_mib (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / (1024.0 * 1024.0) : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *count = NULL;
  gint n = 100000;
  gint runs = 3;
  GOptionEntry entries[] = {
    { "cooperatives", 'n', 0, G_OPTION_ARG_INT, &n, "Cooperatives in the registry (100000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs of each export, after a warm-up (3)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Keep (and reuse) the database and the files in DIR", "DIR" },
    { NULL }
  };
  gboolean keep;
  Sample c, x;

  context = g_option_context_new ("— XLSX export against CSV export");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  runs = MAX (runs, 1);

  keep = dir != NULL;
  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("tdm-bench-export-XXXXXX", &error);
      if (dir == NULL)
        die ("temporary folder", error);
    }
  g_mkdir_with_parents (dir, 0700);
  count = g_strdup_printf ("%d", n);
  db = g_build_filename (dir, "registry.db", NULL);
  csv = g_build_filename (dir, "cooperatives.csv", NULL);
  xlsx = g_build_filename (dir, "cooperatives.xlsx", NULL);

  if (!g_file_test (db, G_FILE_TEST_EXISTS) || count_cooperatives (db) != n)
    {
      const char *demo[] = { TADAMON_CLI_PATH, "--database", db, "demo", "--cooperatives", count, NULL };

      g_unlink (db);
      printf ("Generating %d demo cooperatives (a few minutes for 100,000)…\n", n);
      fflush (stdout);
      run_measured (demo);
    }

  c = measure_export (db, csv, (guint) runs);
  x = measure_export (db, xlsx, (guint) runs);

  printf ("Exporting %d cooperatives (19 columns), median of %d runs after a warm-up:\n", n, runs);
  printf ("  CSV:   %7.0f ms (%6.0f ms CPU)  peak RSS %6.1f MiB  file %6.1f MiB\n",
          c.wall, c.cpu, c.rss, size_mib (csv));
  printf ("  XLSX:  %7.0f ms (%6.0f ms CPU)  peak RSS %6.1f MiB  file %6.1f MiB\n",
          x.wall, x.cpu, x.rss, size_mib (xlsx));
  printf ("  XLSX / CSV: time %.2f (CPU %.2f), peak RSS %.2f\n",
          x.wall / c.wall, x.cpu / c.cpu, x.rss / c.rss);
  printf ("  XLSX rows/s: %.0f\n", n / (x.wall / 1000.0));

  if (keep)
    printf ("Files kept in %s\n", dir);
  else
    {
      static const char * const names[] = {
        "registry.db", "registry.db-wal", "registry.db-shm", "cooperatives.csv", "cooperatives.xlsx",
      };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (dir, names[i], NULL);

          g_unlink (path);
        }
      g_rmdir (dir);
    }
  return 0;
}
