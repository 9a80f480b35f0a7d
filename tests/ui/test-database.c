/* test-database.c: the window's database and CSV actions: a database that
 * cannot be opened is explained and the open one kept; new, backup,
 * import through the import dialog (report, Cancel), export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "tdm-application.h"
#include "tdm-import-dialog.h"
#include "tdm-partner-page.h"
#include "tdm-partner.h"
#include "tdm-registry.h"
#include "tdm-test-ui.h"
#include "tdm-window-actions-private.h"
#include "tdm-window.h"

typedef struct {
  char      *dir;
  TdmStore  *store;
  TdmWindow *window;
} Fixture;

/* Helpers -------------------------------------------------------------------- */

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static GFile *
fixture_file (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = fixture_path (fixture, name);

  return g_file_new_for_path (path);
}

static void
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
add_partner (TdmStore   *store,
             const char *name)
{
  g_autoptr(TdmPartner) partner = tdm_partner_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (partner, "name", name, "kind", "ngo", NULL);
  tdm_store_save_partner (store, partner, &error);
  g_assert_no_error (error);
}

/* The message dialog on top of the window, or NULL. */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
close_message_dialogs (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Collects the text of every label under WIDGET, list rows included. */
static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static char *
visible_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_labels (widget, text);
  return g_string_free (text, FALSE);
}

static gboolean
import_done (gpointer data)
{
  return !tdm_import_dialog_get_running (data);
}

static gboolean
idle_frames (gpointer data)
{
  guint *frames = data;

  return --(*frames) == 0;
}

/* Lets the dialog lay out its report. */
static void
settle (void)
{
  guint frames = 50;

  tdm_test_ui_wait_for (idle_frames, &frames);
}

static void
task_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Fixture -------------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = tdm_test_ui_open_store ("tdm-database-XXXXXX", "current.db", &fixture->dir);
  add_partner (fixture->store, "Association Al Amal");

  fixture->window = tdm_test_ui_present_window (NULL, fixture->store, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_message_dialogs ();
  tdm_test_ui_close (fixture->window, &fixture->store, &fixture->dir);
}

/* Opening what cannot be opened ------------------------------------------------ */

/* FILE cannot be opened: the window says what tdm_store_open() says, and
 * keeps its database. */
static void
assert_refused (Fixture *fixture,
                GFile   *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) expected = NULL;
  g_autoptr(TdmStore) direct = tdm_store_open (path, &expected);
  AdwMessageDialog *dialog;

  g_assert_null (direct);
  g_assert_nonnull (expected);
  g_assert_null (find_message_dialog ());

  g_assert_false (_tdm_window_open_database (fixture->window, file));

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected->message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (tdm_window_get_store (fixture->window) == fixture->store);
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM partner"), ==, 1);
  close_message_dialogs ();
}

static void
test_open_newer_version (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "newer.db");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  /* A Tadamon database as a later version would leave it. */
  {
    g_autoptr(TdmStore) store = tdm_store_open (path, NULL);
    g_assert_nonnull (store);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (fixture, file);

  /* ... and never touched. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 99);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_open_not_sqlite (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) text = fixture_file (fixture, "notes.db");
  g_autoptr(GFile) empty_name = fixture_file (fixture, "image.db");
  g_autofree char *image_path = g_file_get_path (empty_name);
  static const guint8 png_start[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  g_autofree char *contents = NULL;
  gsize length;

  write_file (fixture, "notes.db", "name;acronym\nAssociation;ASSO\n");
  assert_refused (fixture, text);

  g_assert_true (g_file_set_contents (image_path, (const char *) png_start, sizeof png_start, NULL));
  assert_refused (fixture, empty_name);

  /* The refused files are as they were. */
  g_assert_true (g_file_get_contents (image_path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, png_start, sizeof png_start);
}

static void
test_open_and_new (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) fresh = fixture_file (fixture, "fresh.db");
  g_autoptr(GFile) current = fixture_file (fixture, "current.db");
  TdmStore *store;

  g_assert_true (_tdm_window_new_database (fixture->window, fresh));
  store = tdm_window_get_store (fixture->window);
  g_assert_true (store != fixture->store);
  g_assert_true (g_file_query_exists (fresh, NULL));
  g_assert_cmpint (tdm_test_ui_query_int (store, "SELECT count(*) FROM partner"), ==, 0);
  /* A new database comes with the 12 regions. */
  g_assert_cmpint (tdm_test_ui_query_int (store, "SELECT count(*) FROM region"), ==, 12);

  /* New over the open database is refused. */
  g_assert_false (_tdm_window_new_database (fixture->window, fresh));
  g_assert_nonnull (find_message_dialog ());
  close_message_dialogs ();
  g_assert_true (tdm_window_get_store (fixture->window) == store);

  g_assert_true (_tdm_window_open_database (fixture->window, current));
  store = tdm_window_get_store (fixture->window);
  g_assert_cmpint (tdm_test_ui_query_int (store, "SELECT count(*) FROM partner"), ==, 1);
}

/* Backup ------------------------------------------------------------------------ */

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) dest = fixture_file (fixture, "backup.db");
  g_autoptr(GFile) current = fixture_file (fixture, "current.db");
  g_autofree char *dest_path = g_file_get_path (dest);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) copy = NULL;

  add_partner (fixture->store, "Fondation Mohammed V");

  _tdm_window_backup_database (fixture->window, dest, task_done_cb, &result);
  g_assert_true (tdm_test_ui_wait_for (result_arrived, &result));
  g_assert_true (_tdm_window_task_finish (fixture->window, result, &error));
  g_assert_no_error (error);
  g_assert_null (find_message_dialog ());

  /* The copy opens as a database of its own, with the same records. */
  copy = tdm_store_open (dest_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tdm_test_ui_query_int (copy, "SELECT count(*) FROM partner"), ==, 2);
  g_assert_cmpint (tdm_test_ui_query_int (copy, "SELECT count(*) FROM province"), ==,
                   tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM province"));

  /* A backup onto the open database is refused, the database untouched. */
  g_clear_object (&result);
  _tdm_window_backup_database (fixture->window, current, task_done_cb, &result);
  g_assert_true (tdm_test_ui_wait_for (result_arrived, &result));
  g_assert_false (_tdm_window_task_finish (fixture->window, result, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (find_message_dialog ());
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM partner"), ==, 2);
}

/* Import and export ---------------------------------------------------------------- */

static void
test_import_report (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "partenaires.csv");
  TdmPartnerPage *page;
  TdmImportDialog *dialog;
  g_autofree char *text = NULL;
  guint kind;

  /* Excel in a French locale: semicolons and French headers. Line 4 is
   * already in the database, line 5 has an unknown kind. */
  write_file (fixture, "partenaires.csv",
              "Nom;Sigle;Type;Pays\n"
              "Agence de Développement Social;ADS;public_agency;MA\n"
              "Région Occitanie;;foreign_region;FR\n"
              "Association Al Amal;;ngo;MA\n"
              "Fonds Inconnu;;banque;MA\n");

  g_assert_true (tdm_window_show_page (fixture->window, "partners"));
  page = TDM_PARTNER_PAGE (tdm_test_ui_find_widget (GTK_WIDGET (fixture->window), TDM_TYPE_PARTNER_PAGE));
  g_assert_cmpuint (g_list_model_get_n_items (tdm_partner_page_get_model (page)), ==, 1);

  /* Opened from the partners page, the dialog imports partners. */
  dialog = _tdm_window_import_csv (fixture->window, file);
  g_assert_nonnull (dialog);
  g_object_get (dialog, "kind", &kind, NULL);
  g_assert_cmpuint (kind, ==, TDM_CSV_PARTNERS);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  g_assert_true (tdm_test_ui_wait_for (import_done, dialog));
  settle ();

  /* The bar was fed from the importing thread, through the main loop. */
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), TDM_TYPE_IMPORT_DIALOG, "progress_bar"))), ==, 1.0);

  text = visible_text (GTK_WIDGET (dialog));
  g_test_message ("report:\n%s", text);
  g_assert_nonnull (strstr (text, "4 rows read"));
  g_assert_nonnull (strstr (text, "2 imported"));
  g_assert_nonnull (strstr (text, "Line 4:"));
  g_assert_nonnull (strstr (text, "Line 5:"));

  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM partner"), ==, 3);
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store,
                              "SELECT count(*) FROM partner WHERE acronym = 'ADS' AND kind = 'public_agency'"), ==, 1);
  /* The window's list heard of the import made on another connection. */
  g_assert_cmpuint (g_list_model_get_n_items (tdm_partner_page_get_model (page)), ==, 3);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_strict_and_broken (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "strict.csv");
  g_autoptr(GFile) broken = fixture_file (fixture, "broken.csv");
  TdmImportDialog *dialog;
  g_autofree char *text = NULL;
  g_autofree char *broken_text = NULL;

  write_file (fixture, "strict.csv",
              "name,kind,country\n"
              "Good Partner,ngo,MA\n"
              "Bad Partner,bank,MA\n");
  tdm_window_show_page (fixture->window, "partners");
  dialog = _tdm_window_import_csv (fixture->window, file);
  g_object_set (dialog, "strict", TRUE, NULL);
  tdm_import_dialog_start (dialog);
  g_assert_true (tdm_test_ui_wait_for (import_done, dialog));
  settle ();

  /* Strict: the bad row refuses the whole file. */
  text = visible_text (GTK_WIDGET (dialog));
  g_test_message ("report:\n%s", text);
  g_assert_nonnull (strstr (text, "Nothing Was Imported"));
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM partner"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A quote never closed: said, and nothing written. */
  write_file (fixture, "broken.csv", "name,kind\n\"Unclosed,ngo\nOther,ngo\n");
  dialog = _tdm_window_import_csv (fixture->window, broken);
  tdm_import_dialog_start (dialog);
  g_assert_true (tdm_test_ui_wait_for (import_done, dialog));
  settle ();
  broken_text = visible_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (broken_text, "Nothing Was Imported"));
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM partner"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "many.csv");
  g_autoptr(GString) csv = g_string_new ("name;kind;country\n");
  TdmImportDialog *dialog;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "Partenaire numéro %u;ngo;MA\n", i);
  write_file (fixture, "many.csv", csv->str);

  tdm_window_show_page (fixture->window, "partners");
  dialog = _tdm_window_import_csv (fixture->window, file);
  tdm_import_dialog_start (dialog);
  g_assert_true (tdm_import_dialog_get_running (dialog));

  /* Closing the dialog while it imports cancels; the dialog stays to say
   * that nothing was written. */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (tdm_test_ui_wait_for (import_done, dialog));
  settle ();

  text = visible_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "Import Cancelled"));
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM partner"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) dest = fixture_file (fixture, "export.csv");
  g_autofree char *path = g_file_get_path (dest);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  _tdm_window_export_csv (fixture->window, TDM_CSV_PARTNERS, dest, task_done_cb, &result);
  g_assert_true (tdm_test_ui_wait_for (result_arrived, &result));
  g_assert_true (_tdm_window_task_finish (fixture->window, result, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Association Al Amal"));
}

/* Window state -------------------------------------------------------------------- */

static void
test_window_state (void)
{
  g_autoptr(TdmApplication) app = tdm_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  GSettings *settings;
  TdmWindow *window;
  int width, height;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  settings = tdm_application_get_settings (app);
  if (settings == NULL)
    {
      g_test_skip ("The settings schema of the build was not found");
      return;
    }

  /* The window opens at the size it was closed at... */
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  window = tdm_window_new (GTK_APPLICATION (app));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  /* ... and remembers its size when closed. */
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  settle ();
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The accelerators of the actions, Ctrl+N acting on the visible page. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.new");
  g_assert_cmpstr (accels[0], ==, "<Control>n");
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.open-database");
  g_assert_cmpstr (accels[0], ==, "<Control>o");
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.import-csv");
  g_assert_cmpstr (accels[0], ==, "<Control>i");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_path_get_dirname (argv[0]);
  g_autofree char *schemas = g_build_filename (dir, "..", "..", "data", NULL);

  /* The schema compiled by the build, before anything reads settings. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tdm_test_ui_set_timeout (20000);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/database/open-newer-version", test_open_newer_version);
  ADD ("/ui/database/open-not-sqlite", test_open_not_sqlite);
  ADD ("/ui/database/open-and-new", test_open_and_new);
  ADD ("/ui/database/backup", test_backup);
  ADD ("/ui/database/import-report", test_import_report);
  ADD ("/ui/database/import-strict-and-broken", test_import_strict_and_broken);
  ADD ("/ui/database/import-cancel", test_import_cancel);
  ADD ("/ui/database/export", test_export);

#undef ADD
  g_test_add_func ("/ui/database/window-state", test_window_state);

  return g_test_run ();
}
