/* tdm-test-util.c: helpers the tests of every area share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "tdm-demo.h"
#include "tdm-fairs.h"
#include "tdm-report-language.h"
#include "tdm-test-util.h"

/* A new database in memory, with the schema. */
TdmStore *
tdm_test_open_memory_store (void)
{
  g_autoptr(GError) error = NULL;
  TdmStore *store = tdm_store_open (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

TdmStore *
tdm_test_open_demo_store (guint   n_cooperatives,
                          guint32 seed)
{
  g_autoptr(GError) error = NULL;
  TdmStore *store = tdm_test_open_memory_store ();

  g_assert_true (tdm_demo_populate (store, n_cooperatives, seed, &error));
  g_assert_true (tdm_demo_populate_fairs (store, seed, &error));
  g_assert_no_error (error);
  return store;
}

/* Runs SQL (any number of statements); a failure ends the test. */
void
tdm_test_exec_sql (TdmStore   *store,
                   const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (tdm_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The first column of the first row SQL returns (there must be one). */
gint64
tdm_test_db_query_int (sqlite3    *db,
                       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

gint64
tdm_test_query_int (TdmStore   *store,
                    const char *sql)
{
  return tdm_test_db_query_int (tdm_store_get_db (store), sql);
}

/* The SHA-256 of every value of every row the QUERIES return, in order:
 * equal before and after means nothing they see was written. */
char *
tdm_test_checksum_rows (sqlite3            *db,
                        const char * const *queries,
                        guint               n_queries)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint q = 0; q < n_queries; q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              /* NULL apart from any text; unit and record separators so
               * that values cannot run into each other. */
              g_checksum_update (checksum, (const guchar *) (text != NULL ? text : "\x01"), -1);
              g_checksum_update (checksum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (checksum, (const guchar *) "\x1e", 1);
        }
      sqlite3_finalize (stmt);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/* The ids of MODEL's items (their "id" property), separated by spaces:
 * as their index K in IDS ("4 1 3 2") where IDS[K] is the id (index 0
 * unused), as "#id" otherwise. */
char *
tdm_test_list_ids (GListModel   *model,
                   const gint64 *ids,
                   guint         n_ids)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 id = 0;
      guint n = 0;

      g_object_get (item, "id", &id, NULL);
      for (guint k = 1; k < n_ids; k++)
        if (ids[k] == id)
          n = k;

      if (s->len > 0)
        g_string_append_c (s, ' ');
      if (n != 0)
        g_string_append_printf (s, "%u", n);
      else
        g_string_append_printf (s, "#%" G_GINT64_FORMAT, id);
    }

  return g_string_free (s, FALSE);
}

/* The SHA-256 of the file at PATH, which must be readable. */
char *
tdm_test_file_sha256 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Removes DIR and everything in it; a link is removed, never followed. */
void
tdm_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        tdm_test_remove_dir (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

/* Runs tadamon-cli (on DATABASE unless NULL) with FIRST and the
 * NULL-terminated ARGS, as a user runs it; its output in *OUT and *ERR.
 * Returns its exit status. */
int
tdm_test_run_cli_valist (const char  *database,
                         char       **out,
                         char       **err,
                         const char  *first,
                         va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  int status;

  g_ptr_array_add (argv, (char *) TADAMON_CLI_PATH);
  if (database != NULL)
    {
      g_ptr_array_add (argv, (char *) "--database");
      g_ptr_array_add (argv, (char *) database);
    }
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  status = WEXITSTATUS (wait_status);
  g_test_message ("status %d\nstdout:\n%s\nstderr:\n%s", status,
                  out != NULL ? *out : "", err != NULL ? *err : "");
  return status;
}

int
tdm_test_run_cli (const char  *database,
                  char       **out,
                  char       **err,
                  const char  *first,
                  ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = tdm_test_run_cli_valist (database, out, err, first, args);
  va_end (args);
  return status;
}

void
tdm_test_run_clear (TdmTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
tdm_test_cli (TdmTestRun *run,
              const char *database,
              const char *first,
              ...)
{
  va_list args;

  tdm_test_run_clear (run);
  va_start (args, first);
  run->status = tdm_test_run_cli_valist (database, &run->out, &run->err, first, args);
  va_end (args);
}

void
tdm_test_init_catalogues (void)
{
  /* Exported: the tadamon-cli a test runs reads the same catalogues. */
  if (g_getenv ("TDM_LOCALEDIR") == NULL)
    g_setenv ("TDM_LOCALEDIR", BUILD_LOCALEDIR, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TDM_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  tdm_report_language_init ();
}

char *
tdm_test_translate (const char *language,
                    const char *context,
                    const char *msgid)
{
  gpointer token = tdm_report_language_push (language);
  char *text = g_strdup (context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid)
                                         : g_dgettext (GETTEXT_PACKAGE, msgid));

  tdm_report_language_pop (token);
  return text;
}

gboolean
tdm_test_have_poppler (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdfinfo != NULL && pdftotext != NULL)
    return TRUE;
  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_test_fail_printf ("pdfinfo and pdftotext (poppler-utils) are required under CI");
  else
    g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
  return FALSE;
}

guint
tdm_test_pdf_page_count (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  line = strstr (out, "\nPages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:") + strspn (line + strlen ("\nPages:"), " "), NULL, 10);
}

char *
tdm_test_pdf_text (const char *path,
                   guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv_all[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  const char *argv_page[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) (page == 0 ? argv_all : argv_page), NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return out;
}

guint
tdm_test_count_substrings (const char *haystack,
                           const char *needle)
{
  guint n = 0;
  size_t len = strlen (needle);

  g_return_val_if_fail (len > 0, 0);
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + len, needle))
    n++;
  return n;
}

/* TEXT reduced to what survives extraction in both scripts: NFKC (Arabic
 * presentation forms, no-break spaces), without bidi controls nor
 * vowel marks or tatweel, and without alef and lam, which pdftotext
 * splits out of the lam-alef ligature in either order; without white
 * space, which it adds between Arabic glyphs or drops at line ends. */
char *
tdm_test_pdf_skeleton (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);

  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200E || c == 0x200F || c == 0x061C
          || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        continue;
      if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640)
        continue;
      if (c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671
          || c == 0x0644)
        continue;
      if (g_unichar_isspace (c))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}
