/* test-report-cli.c: tadamon-cli report …, run as a user runs it on a
 * demo database: the PDF written, its pages and words, the language asked
 * for whatever the interface's, and the refusals that write nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "tdm-fairs.h"
#include "tdm-test-util.h"

/* One demo database for every test: building it is the slow part. */
static char *dir;
static char *db;
static char *fair_title;
static char *cooperative_id;

/* pdftotext breaks long lines and spaces out letters of a kicker: runs of
 * white space become one space. */
static char *
pdf_words (const char *path)
{
  g_autofree char *text = tdm_test_pdf_text (path, 0);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static char *
out_path (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* "Saved PATH (N pages)": the page count must be pdfinfo's. */
static void
assert_saved (TdmTestRun *run,
              const char *path)
{
  g_autofree char *pages = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  pages = g_strdup_printf ("(%u ", tdm_test_pdf_page_count (path));
  g_assert_nonnull (strstr (run->out, pages));
}

static void
test_fair_french (void)
{
  g_autofree char *path = out_path ("fair-fr.pdf");
  g_autofree char *words = NULL;
  g_autofree char *partners = tdm_test_translate ("fr", NULL, "Partners");
  TdmTestRun run = { 0 };

  if (!tdm_test_have_poppler ())
    return;

  tdm_test_cli (&run, db, "report", "fair", "1", "--lang", "fr", "-o", path, NULL);
  assert_saved (&run, path);
  g_assert_cmpuint (tdm_test_pdf_page_count (path), >, 1);

  words = pdf_words (path);
  g_assert_nonnull (strstr (words, fair_title));
  g_assert_cmpstr (partners, !=, "Partners");
  g_assert_nonnull (strstr (words, partners));
  tdm_test_run_clear (&run);
}

static void
test_fair_arabic (void)
{
  g_autofree char *path = out_path ("fair-ar.pdf");
  g_autofree char *words = NULL;
  g_autofree char *partners = tdm_test_translate ("ar", NULL, "Partners");
  g_autofree char *exhibitors = tdm_test_translate ("ar", NULL, "Exhibitors");
  TdmTestRun run = { 0 };

  if (!tdm_test_have_poppler ())
    return;

  /* The interface speaks English (tests/meson.build sets LANGUAGE=en). */
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
  tdm_test_cli (&run, db, "report", "fair", "1", "--lang", "ar", "-o", path, NULL);
  assert_saved (&run, path);
  g_assert_cmpuint (tdm_test_pdf_page_count (path), >, 1);

  words = pdf_words (path);
  g_assert_cmpstr (partners, ==, "الشركاء");
  g_assert_nonnull (strstr (words, partners));
  g_assert_nonnull (strstr (words, exhibitors));
  g_assert_null (strstr (words, "Exhibitors"));
  tdm_test_run_clear (&run);
}

/* Without --lang and -o: the interface's language, a name from the
 * report's title in the current folder. */
static void
check_defaults (const char *ui_language,
                const char *report_language)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *sub = g_build_filename (dir, ui_language, NULL);
  g_autofree char *partners = tdm_test_translate (report_language, NULL, "Partners");
  g_autofree char *title_format = tdm_test_translate (report_language, NULL, "Summary report — %s");
  g_autofree char *words = NULL;
  char *title_start;
  g_autofree char *path = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *name;
  TdmTestRun run = { 0 };

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (g_chdir (sub), ==, 0);
  g_setenv ("LANGUAGE", ui_language, TRUE);
  tdm_test_cli (&run, db, "report", "fair", "1", NULL);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_cmpint (run.status, ==, 0);

  folder = g_dir_open (sub, 0, NULL);
  g_assert_nonnull (folder);
  name = g_dir_read_name (folder);
  g_assert_nonnull (name);
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  g_assert_null (g_dir_read_name (folder));
  g_assert_nonnull (strstr (run.out, name));
  /* The name is the report's title, letters intact ("Summary report —
   * TITLE.pdf" in the report's language). */
  title_start = strstr (title_format, "%s");
  g_assert_nonnull (title_start);
  *title_start = '\0';
  g_assert_true (g_str_has_prefix (name, title_format));

  path = g_build_filename (sub, name, NULL);
  words = pdf_words (path);
  g_assert_nonnull (strstr (words, partners));
  tdm_test_run_clear (&run);
}

static void
test_fair_defaults (void)
{
  if (!tdm_test_have_poppler ())
    return;

  check_defaults ("ar", "ar");
  check_defaults ("fr", "fr");
  /* Reports are written in Arabic or French only. */
  check_defaults ("en", "fr");
}

static void
assert_refused (TdmTestRun *run,
                const char *mentions)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "tadamon-cli: "));
  if (mentions != NULL)
    g_assert_nonnull (strstr (run->err, mentions));
  g_assert_cmpstr (run->out, ==, "");
}

static void
test_errors (void)
{
  g_autofree char *path = out_path ("refused.pdf");
  g_autofree char *kept = out_path ("kept.pdf");
  g_autofree char *missing_db = out_path ("missing.db");
  g_autofree char *png = out_path ("report.png");
  g_autofree char *no_folder = g_build_filename (dir, "no-such-folder", "r.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  TdmTestRun run = { 0 };

  tdm_test_cli (&run, db, "report", "fair", "9999", "-o", path, NULL);
  assert_refused (&run, "9999");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  tdm_test_cli (&run, db, "report", "cooperative", "999999", "-o", path, NULL);
  assert_refused (&run, "999999");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  tdm_test_cli (&run, db, "report", "fair", "1", "--lang", "de", "-o", path, NULL);
  assert_refused (&run, "de");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  tdm_test_cli (&run, db, "report", "fair", "one", "-o", path, NULL);
  assert_refused (&run, "one");
  tdm_test_cli (&run, db, "report", "fair", NULL);
  assert_refused (&run, NULL);
  tdm_test_cli (&run, db, "report", "registry", "1", NULL);
  assert_refused (&run, "1");
  tdm_test_cli (&run, db, "report", "leaflet", NULL);
  assert_refused (&run, "leaflet");

  tdm_test_cli (&run, db, "report", "fair", "1", "-o", png, NULL);
  assert_refused (&run, png);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  tdm_test_cli (&run, db, "report", "fair", "1", "-o", no_folder, NULL);
  assert_refused (&run, no_folder);

  /* Even root cannot write there. */
  tdm_test_cli (&run, db, "report", "fair", "1", "-o", "/proc/tadamon-report.pdf", NULL);
  assert_refused (&run, NULL);
  g_assert_false (g_file_test ("/proc/tadamon-report.pdf", G_FILE_TEST_EXISTS));

  /* A refused report leaves the file it would have replaced alone. */
  g_file_set_contents (kept, "old", -1, &error);
  g_assert_no_error (error);
  tdm_test_cli (&run, db, "report", "fair", "9999", "-o", kept, NULL);
  assert_refused (&run, NULL);
  g_file_get_contents (kept, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "old");

  /* A mistyped database is not created. */
  tdm_test_cli (&run, missing_db, "report", "registry", "-o", path, NULL);
  assert_refused (&run, missing_db);
  g_assert_false (g_file_test (missing_db, G_FILE_TEST_EXISTS));
  tdm_test_run_clear (&run);
}

/* The other reports: written, whole, in the language asked for. */
static void
check_report (const char *kind,
              const char *id,
              const char *language,
              const char *expect)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.pdf", kind, language);
  g_autofree char *path = out_path (name);
  g_autofree char *words = NULL;
  TdmTestRun run = { 0 };

  if (id != NULL)
    tdm_test_cli (&run, db, "report", kind, id, "--lang", language, "-o", path, NULL);
  else
    tdm_test_cli (&run, db, "report", kind, "--lang", language, "-o", path, NULL);
  assert_saved (&run, path);
  g_assert_cmpuint (tdm_test_pdf_page_count (path), >=, 1);
  if (expect != NULL)
    {
      words = pdf_words (path);
      g_assert_nonnull (strstr (words, expect));
    }
  tdm_test_run_clear (&run);
}

static void
test_registry (void)
{
  g_autofree char *cooperatives_ar = tdm_test_translate ("ar", NULL, "Cooperatives");

  if (!tdm_test_have_poppler ())
    return;
  check_report ("registry", NULL, "fr", NULL);
  check_report ("registry", NULL, "ar", cooperatives_ar);
}

static void
test_cooperative (void)
{
  if (!tdm_test_have_poppler ())
    return;
  check_report ("cooperative", cooperative_id, "fr", NULL);
  check_report ("cooperative", cooperative_id, "ar", NULL);
}

static void
test_labels (void)
{
  if (!tdm_test_have_poppler ())
    return;
  check_report ("labels", "1", "fr", NULL);
  check_report ("badges", "1", "ar", NULL);
}

static void
make_demo (void)
{
  g_autoptr(TdmStore) store = NULL;
  g_autoptr(TdmFair) fair = NULL;
  g_autoptr(GError) error = NULL;
  TdmTestRun run = { 0 };

  tdm_test_cli (&run, db, "demo", "--cooperatives", "300", NULL);
  g_assert_cmpint (run.status, ==, 0);
  tdm_test_run_clear (&run);

  store = tdm_store_open (db, &error);
  g_assert_no_error (error);
  fair = tdm_store_get_fair (store, 1, &error);
  g_assert_no_error (error);
  fair_title = g_strdup (tdm_fair_get_title (fair));
  cooperative_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                    tdm_test_query_int (store, "SELECT min(id) FROM cooperative"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tdm_test_init_catalogues ();
  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("tdm-test-report-cli-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "registry.db", NULL);
  make_demo ();

  g_test_add_func ("/report-cli/fair/french", test_fair_french);
  g_test_add_func ("/report-cli/fair/arabic", test_fair_arabic);
  g_test_add_func ("/report-cli/fair/defaults", test_fair_defaults);
  g_test_add_func ("/report-cli/errors", test_errors);
  g_test_add_func ("/report-cli/registry", test_registry);
  g_test_add_func ("/report-cli/cooperative", test_cooperative);
  g_test_add_func ("/report-cli/labels", test_labels);

  status = g_test_run ();

  tdm_test_remove_dir (dir);
  g_free (dir);
  g_free (db);
  g_free (fair_title);
  g_free (cooperative_id);
  return status;
}
