/* test-cli.c: tadamon-cli's commands, their output and exit status, run
 * as a user runs them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "tdm-test-util.h"

typedef struct {
  char *dir;
  char *db;
} Fixture;

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tdm-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "registry.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tdm_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static void
make_demo (Fixture    *f,
           TdmTestRun *run)
{
  tdm_test_cli (run, NULL, "--database", f->db, "demo", "--cooperatives", "50", NULL);
  g_assert_cmpint (run->status, ==, 0);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  static const char * const commands[] = { "demo", "import", "export", "search", "stats" };
  TdmTestRun run = { 0 };

  tdm_test_cli (&run, NULL, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (run.out, commands[i]));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("tadamon-cli %s", commands[i]);

      tdm_test_cli (&run, NULL, "--database", f->db, commands[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, usage));
    }
  /* Asking for help creates no database. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  tdm_test_cli (&run, NULL, "--database", f->db, "frobnicate", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "Unknown command “frobnicate”"));

  tdm_test_cli (&run, NULL, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "Usage:"));
  tdm_test_run_clear (&run);
}

static void
test_demo_and_stats (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("Created 50 cooperatives and ");
  g_auto(GStrv) lines = NULL;
  TdmTestRun run = { 0 };
  gint64 total = 0;

  make_demo (f, &run);
  g_assert_true (g_str_has_prefix (run.out, expected));
  g_assert_nonnull (strstr (run.out, f->db));

  /* A second demo would mix synthetic and real records. */
  tdm_test_cli (&run, NULL, "--database", f->db, "demo", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "already holds 50 cooperatives"));

  tdm_test_cli (&run, NULL, "--database", f->db, "demo", "--cooperatives", "0", NULL);
  g_assert_cmpint (run.status, !=, 0);

  tdm_test_cli (&run, NULL, "--database", f->db, "stats", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 12);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "Tanger-Tétouan-Al Hoceima\t"));
  for (guint i = 0; i < 12; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      total += g_ascii_strtoll (fields[1], NULL, 10);
    }
  g_assert_cmpint (total, ==, 50);
  tdm_test_run_clear (&run);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *strict_file = data_path ("coops-strict.csv");
  g_autofree char *french_file = data_path ("coops-semicolon-fr.csv");
  g_autofree char *png_file = data_path ("bad-png.csv");
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TdmTestRun run = { 0 };

  make_demo (f, &run);

  /* --strict first: it must leave the database as it was. */
  tdm_test_cli (&run, NULL, "--database", f->db, "stats", NULL);
  before = g_strdup (run.out);
  tdm_test_cli (&run, NULL, "--database", f->db, "import", "cooperatives", strict_file, "--strict", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "Line 3: Column “women”"));
  g_assert_cmpstr (run.out, ==, "");
  tdm_test_cli (&run, NULL, "--database", f->db, "stats", NULL);
  g_assert_cmpstr (run.out, ==, before);

  tdm_test_cli (&run, NULL, "--database", f->db, "import", "cooperatives", strict_file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Rows read: 5\nRows inserted: 3\nline 3: Column “women”: "));
  g_assert_nonnull (strstr (run.out, "\nline 6: Column “email”: "));
  g_assert_cmpuint (count_lines (run.out), ==, 4);

  tdm_test_cli (&run, NULL, "--database", f->db, "import", "cooperatives", french_file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Rows read: 2\nRows inserted: 2\nColumns ignored: Remarques\n");

  tdm_test_cli (&run, NULL, "--database", f->db, "stats", NULL);
  after = g_strdup (run.out);
  g_assert_cmpstr (before, !=, after);

  /* Errors of the file itself: message on stderr, non-zero status. */
  tdm_test_cli (&run, NULL, "--database", f->db, "import", "cooperatives", png_file, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "PNG image"));

  tdm_test_cli (&run, NULL, "--database", f->db, "import", "cooperatives", missing, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "There is no file"));

  tdm_test_cli (&run, NULL, "--database", f->db, "import", "fairs", strict_file, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "“fairs”"));

  tdm_test_cli (&run, NULL, "--database", f->db, "import", "cooperatives", NULL);
  g_assert_cmpint (run.status, !=, 0);

  tdm_test_cli (&run, NULL, "--database", f->db, "stats", NULL);
  g_assert_cmpstr (run.out, ==, after);
  tdm_test_run_clear (&run);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *coops = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *partners = g_build_filename (f->dir, "partners.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  TdmTestRun run = { 0 };

  make_demo (f, &run);

  tdm_test_cli (&run, NULL, "--database", f->db, "export", "cooperatives", "-o", coops, NULL);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("Exported 50 cooperatives to %s\n", coops);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_true (g_file_get_contents (coops, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "name_fr,name_ar,registration_number,"));
  g_assert_cmpuint (count_lines (contents), >=, 51);

  tdm_test_cli (&run, NULL, "--database", f->db, "export", "partners", "-o", partners, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Exported "));

  /* What was exported imports into an empty database whole. */
  tdm_test_cli (&run, NULL, "--database", copy, "import", "cooperatives", coops, "--strict", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Rows read: 50\nRows inserted: 50\n");

  tdm_test_cli (&run, NULL, "--database", f->db, "export", "cooperatives", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "-o FILE"));

  tdm_test_cli (&run, NULL, "--database", f->db, "export", "cooperatives", "-o", "/nonexistent-dir/out.csv", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.err, !=, "");
  tdm_test_run_clear (&run);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *comma = data_path ("coops-comma.csv");
  g_autofree char *arabic = data_path ("coops-arabic.csv");
  g_auto(GStrv) fields = NULL;
  g_autofree char *id = NULL;
  TdmTestRun run = { 0 };

  /* No demo data here: the names would match it too. Import creates the
   * database. */
  tdm_test_cli (&run, NULL, "--database", f->db, "import", "cooperatives", comma, NULL);
  g_assert_cmpint (run.status, ==, 0);
  tdm_test_cli (&run, NULL, "--database", f->db, "import", "cooperatives", arabic, NULL);
  g_assert_cmpint (run.status, ==, 0);

  tdm_test_cli (&run, NULL, "--database", f->db, "search", "tifawin", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  fields = g_strsplit (g_strchomp (run.out), "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 3);
  g_assert_cmpint (g_ascii_strtoll (fields[0], NULL, 10), >, 0);
  g_assert_cmpstr (fields[1], ==, "Coopérative Tifawin");
  g_assert_cmpstr (fields[2], ==, "Tiznit");
  id = g_strdup (fields[0]);

  /* The Arabic name finds the same record. */
  tdm_test_cli (&run, NULL, "--database", f->db, "search", "تيفاوين", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, id));
  g_assert_cmpuint (count_lines (run.out), ==, 1);

  /* Another hamza form and a substring: "للاركان" finds "للأركان". */
  tdm_test_cli (&run, NULL, "--database", f->db, "search", "للاركان", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  g_assert_nonnull (strstr (run.out, "\tتعاونية النور للأركان\t"));

  tdm_test_cli (&run, NULL, "--database", f->db, "search", "zzzzqqq", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  tdm_test_cli (&run, NULL, "--database", f->db, "search", NULL);
  g_assert_cmpint (run.status, !=, 0);
  tdm_test_run_clear (&run);
}

/* Bad databases: a clear message, a non-zero status, the file untouched. */
static void
test_bad_databases (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *not_db = g_build_filename (f->dir, "notes.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;
  TdmTestRun run = { 0 };

  /* Read-only commands do not create a database behind a typo. */
  tdm_test_cli (&run, NULL, "--database", missing, "search", "argan", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "There is no database"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (not_db, "These are my notes, not a database.\n", -1, NULL));
  before = tdm_test_file_sha256 (not_db);
  tdm_test_cli (&run, NULL, "--database", not_db, "stats", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_true (g_str_has_prefix (run.err, "tadamon-cli: "));
  after = tdm_test_file_sha256 (not_db);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  /* A database from a newer Tadamon. */
  make_demo (f, &run);
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = tdm_test_file_sha256 (f->db);

  tdm_test_cli (&run, NULL, "--database", f->db, "stats", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "newer version of Tadamon"));
  g_assert_cmpstr (run.out, ==, "");

  tdm_test_cli (&run, NULL, "--database", f->db, "demo", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "newer version of Tadamon"));

  after = tdm_test_file_sha256 (f->db);
  g_assert_cmpstr (before, ==, after);
  tdm_test_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/help", test_help);
  ADD ("/cli/demo-and-stats", test_demo_and_stats);
  ADD ("/cli/import", test_import);
  ADD ("/cli/export", test_export);
  ADD ("/cli/search", test_search);
  ADD ("/cli/bad-databases", test_bad_databases);

#undef ADD

  return g_test_run ();
}
