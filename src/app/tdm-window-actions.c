/* tdm-window-actions.c: the window's database, CSV, shortcut and about
 * actions, and its remembered size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-app-util.h"
#include "tdm-application.h"
#include "tdm-csv.h"
#include "tdm-import-dialog.h"
#include "tdm-window-actions-private.h"
#include "tdm-window-private.h"
#include "tdm-xlsx.h"
#include "tdm-window-report-actions-private.h"

/* Dialogs ------------------------------------------------------------------- */

static void
show_toast (TdmWindow  *self,
            const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  tdm_window_add_toast (self, adw_toast_new (escaped));
}

typedef void (*ChooserFunc) (TdmWindow *self,
                             GFile     *file);

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     TdmWindow       *self)
{
  ChooserFunc func = g_object_get_data (G_OBJECT (chooser), "tdm-chooser-func");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        func (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Shows CHOOSER, a new reference, and calls FUNC with the file chosen. */
static void
run_chooser (TdmWindow            *self,
             GtkFileChooserNative *chooser,
             ChooserFunc           func)
{
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "tdm-chooser-func", func);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_filter (GtkFileChooserNative *chooser,
            const char           *name,
            const char * const   *patterns,
            const char           *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

static void
add_database_filters (GtkFileChooserNative *chooser)
{
  static const char * const db_patterns[] = { "*.db", "*.sqlite", "*.sqlite3", NULL };
  static const char * const all_patterns[] = { "*", NULL };

  add_filter (chooser, _("Tadamon databases"), db_patterns, "application/vnd.sqlite3");
  add_filter (chooser, _("All files"), all_patterns, NULL);
}

static void
set_folder_of_store (TdmWindow            *self,
                     GtkFileChooserNative *chooser)
{
  TdmStore *store = tdm_window_get_store (self);
  const char *path = store != NULL ? tdm_store_get_path (store) : NULL;

  if (path != NULL && g_path_is_absolute (path))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) folder = g_file_get_parent (file);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
}

/* Open and new ---------------------------------------------------------------- */

gboolean
_tdm_window_open_database (TdmWindow *self,
                           GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(TdmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TDM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only a database on this computer can be opened."));
      tdm_app_show_error (GTK_WINDOW (self), _("Cannot Open the Database"), error);
      return FALSE;
    }

  /* The window's database stays as it is until the new one is open. */
  store = tdm_store_open (path, &error);
  if (store == NULL)
    {
      tdm_app_show_error (GTK_WINDOW (self), _("Cannot Open the Database"), error);
      return FALSE;
    }

  tdm_window_set_store (self, store);
  return TRUE;
}

static gboolean
is_open_database (TdmWindow *self,
                  GFile     *file)
{
  TdmStore *store = tdm_window_get_store (self);
  const char *path = store != NULL ? tdm_store_get_path (store) : NULL;
  g_autoptr(GFile) open_file = NULL;

  if (path == NULL || !g_path_is_absolute (path))
    return FALSE;

  open_file = g_file_new_for_path (path);
  return g_file_equal (open_file, file);
}

/* The file chooser has asked before replacing a file: the old one, with
 * SQLite's side files (a stale WAL would be replayed into the new
 * database), goes to the trash rather than being lost. */
static gboolean
trash_database (GFile   *file,
                GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  if (!g_file_trash (file, NULL, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side_path = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GFile) side = g_file_new_for_path (side_path);
      g_autoptr(GError) side_error = NULL;

      if (!g_file_delete (side, NULL, &side_error) &&
          !g_error_matches (side_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&side_error));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_tdm_window_new_database (TdmWindow *self,
                          GFile     *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TDM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_file_query_exists (file, NULL))
    {
      if (is_open_database (self, file))
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("This is the database open in the window: choose another name."));
          tdm_app_show_error (GTK_WINDOW (self), _("Cannot Create the Database"), error);
          return FALSE;
        }

      if (!trash_database (file, &error))
        {
          g_autoptr(GError) wrapped = NULL;
          g_autofree char *name = g_file_get_parse_name (file);

          g_set_error (&wrapped, error->domain, error->code,
                       _("“%s” cannot be replaced: %s"), name, error->message);
          tdm_app_show_error (GTK_WINDOW (self), _("Cannot Create the Database"), wrapped);
          return FALSE;
        }
    }

  /* Opening a path that does not exist creates and fills it. */
  return _tdm_window_open_database (self, file);
}

static void
new_database_chosen (TdmWindow *self,
                     GFile     *file)
{
  _tdm_window_new_database (self, file);
}

static void
open_database_chosen (TdmWindow *self,
                      GFile     *file)
{
  _tdm_window_open_database (self, file);
}

static void
new_database_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  TdmWindow *self = TDM_WINDOW (user_data);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("New Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Create"), _("_Cancel"));
  add_database_filters (chooser);
  set_folder_of_store (self, chooser);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("registry.db"));
  run_chooser (self, chooser, new_database_chosen);
}

static void
open_database_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  TdmWindow *self = TDM_WINDOW (user_data);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  add_database_filters (chooser);
  set_folder_of_store (self, chooser);
  run_chooser (self, chooser, open_database_chosen);
}

/* Backup and export: in a worker thread, on a connection of its own ----------- */

typedef enum {
  JOB_BACKUP,
  JOB_EXPORT,                 /* CSV */
  JOB_EXPORT_XLSX,
} JobKind;

typedef struct {
  JobKind     kind;
  TdmCsvKind  csv_kind;
  char       *db_path;
  char       *dest_path;
  GFile      *dest;
} Job;

static const char *
job_failure_title (JobKind kind)
{
  return kind == JOB_BACKUP ? _("The Backup Failed") : _("The Export Failed");
}

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->dest_path);
  g_clear_object (&job->dest);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(TdmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* The window's connection belongs to the main thread; SQLite's WAL
   * lets a second one read beside it. */
  store = tdm_store_open (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->kind == JOB_BACKUP)
    ok = tdm_store_backup (store, job->dest_path, &error);
  else if (job->kind == JOB_EXPORT_XLSX)
    ok = tdm_xlsx_export (store, job->csv_kind, job->dest_path, &error);
  else
    ok = tdm_csv_export (store, job->csv_kind, job->dest_path, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

gboolean
_tdm_window_task_finish (TdmWindow     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
job_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TdmWindow *self = TDM_WINDOW (source_object);
  GTask *outer = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->dest);
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      tdm_app_show_error (GTK_WINDOW (self), job_failure_title (job->kind), error);
      g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
      return;
    }

  if (job->kind == JOB_BACKUP)
    message = g_strdup_printf (_("Database backed up to “%s”"), name);
  else if (job->csv_kind == TDM_CSV_PARTNERS)
    message = g_strdup_printf (_("Partners exported to “%s”"), name);
  else
    message = g_strdup_printf (_("Cooperatives exported to “%s”"), name);
  show_toast (self, message);

  g_task_return_boolean (outer, TRUE);
  g_object_unref (outer);
}

static void
run_job (TdmWindow           *self,
         Job                 *job,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  TdmStore *store = tdm_window_get_store (self);
  g_autoptr(GTask) task = NULL;
  GTask *outer;

  /* The caller's task: it completes after the toast or the dialog. */
  outer = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (outer, run_job);

  if (store == NULL || job->dest_path == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   store == NULL ? _("No database is open.")
                                 : _("Only a file on this computer can be written."));
      tdm_app_show_error (GTK_WINDOW (self), job_failure_title (job->kind), error);
      job_free (job);
      g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
      return;
    }

  job->db_path = g_strdup (tdm_store_get_path (store));

  task = g_task_new (self, NULL, job_done_cb, outer);
  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

/* Writes DEST in a worker thread, unless DEST is the open database: then
 * says REFUSAL and fails without touching it. */
static void
start_job (TdmWindow           *self,
           JobKind              kind,
           TdmCsvKind           csv_kind,
           GFile               *dest,
           const char          *refusal,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  Job *job;

  if (is_open_database (self, dest))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_EXISTS, refusal);
      tdm_app_show_error (GTK_WINDOW (self), job_failure_title (kind), error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (Job, 1);
  job->kind = kind;
  job->csv_kind = csv_kind;
  job->dest = g_object_ref (dest);
  job->dest_path = g_file_get_path (dest);
  run_job (self, job, callback, user_data);
}

void
_tdm_window_backup_database (TdmWindow           *self,
                             GFile               *dest,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (TDM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (dest));

  /* The CSV kind is not read for a backup. */
  start_job (self, JOB_BACKUP, TDM_CSV_COOPERATIVES, dest,
             _("A backup cannot replace the database it copies: choose another file."),
             callback, user_data);
}

/* A workbook for a name ending in .xlsx, CSV for .csv, else FALLBACK. */
static JobKind
export_job_kind (GFile   *dest,
                 JobKind  fallback)
{
  g_autofree char *name = g_file_get_basename (dest);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, ".xlsx"))
    return JOB_EXPORT_XLSX;
  if (g_str_has_suffix (lower, ".csv"))
    return JOB_EXPORT;
  return fallback;
}

static void
start_export (TdmWindow           *self,
              JobKind              kind,
              TdmCsvKind           csv_kind,
              GFile               *dest,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  start_job (self, kind, csv_kind, dest,
             _("This is the database open in the window: choose another name."),
             callback, user_data);
}

void
_tdm_window_export_csv (TdmWindow           *self,
                        TdmCsvKind           kind,
                        GFile               *dest,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (TDM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (dest));

  start_export (self, export_job_kind (dest, JOB_EXPORT), kind, dest, callback, user_data);
}

static void
backup_chosen (TdmWindow *self,
               GFile     *file)
{
  _tdm_window_backup_database (self, file, NULL, NULL);
}

static void
backup_database_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  TdmWindow *self = TDM_WINDOW (user_data);
  GtkFileChooserNative *chooser;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Back Up Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Back Up"), _("_Cancel"));
  add_database_filters (chooser);
  set_folder_of_store (self, chooser);
  /* Translators: the file name a backup is offered; %s is today's date. */
  name = g_strdup_printf (_("backup-%s.db"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  run_chooser (self, chooser, backup_chosen);
}

/* CSV -------------------------------------------------------------------------- */

static TdmCsvKind
visible_csv_kind (TdmWindow *self)
{
  return g_strcmp0 (tdm_window_get_page (self), "partners") == 0
         ? TDM_CSV_PARTNERS : TDM_CSV_COOPERATIVES;
}

static void
add_csv_filters (GtkFileChooserNative *chooser)
{
  static const char * const csv_patterns[] = { "*.csv", "*.CSV", "*.txt", NULL };
  static const char * const all_patterns[] = { "*", NULL };

  add_filter (chooser, _("CSV files"), csv_patterns, "text/csv");
  add_filter (chooser, _("All files"), all_patterns, NULL);
}

TdmImportDialog *
_tdm_window_import_csv (TdmWindow *self,
                        GFile     *file)
{
  TdmImportDialog *dialog;
  TdmStore *store;

  g_return_val_if_fail (TDM_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  store = tdm_window_get_store (self);
  if (store == NULL)
    return NULL;

  dialog = tdm_import_dialog_new (GTK_WINDOW (self), store, visible_csv_kind (self), file);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
import_chosen (TdmWindow *self,
               GFile     *file)
{
  _tdm_window_import_csv (self, file);
}

static void
import_csv_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  TdmWindow *self = TDM_WINDOW (user_data);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import CSV"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  add_csv_filters (chooser);
  run_chooser (self, chooser, import_chosen);
}

/* The file's extension says the format; a name without a known one is
 * written in the format of the filter chosen (export_response_cb()). */
static void
export_chosen (TdmWindow *self,
               GFile     *file)
{
  TdmCsvKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "tdm-export-kind"));
  gboolean xlsx = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "tdm-export-xlsx"));

  start_export (self, export_job_kind (file, xlsx ? JOB_EXPORT_XLSX : JOB_EXPORT),
                kind, file, NULL, NULL);
}

/* Runs before run_chooser()'s handler, which destroys the chooser. */
static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    TdmWindow       *self)
{
  GtkFileFilter *xlsx_filter = g_object_get_data (G_OBJECT (chooser), "tdm-xlsx-filter");
  GtkFileFilter *chosen = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));

  g_object_set_data (G_OBJECT (self), "tdm-export-xlsx",
                     GINT_TO_POINTER (chosen != NULL && chosen == xlsx_filter));
}

static void
add_export_filters (GtkFileChooserNative *chooser)
{
  static const char * const csv_patterns[] = { "*.csv", "*.CSV", NULL };
  static const char * const xlsx_patterns[] = { "*.xlsx", "*.XLSX", NULL };
  g_autoptr(GListModel) filters = NULL;

  add_filter (chooser, _("CSV (.csv)"), csv_patterns, "text/csv");
  add_filter (chooser, _("Excel workbook (.xlsx)"), xlsx_patterns,
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_object_set_data_full (G_OBJECT (chooser), "tdm-xlsx-filter",
                          g_list_model_get_item (filters, 1), g_object_unref);
}

static void
export_csv_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  TdmWindow *self = TDM_WINDOW (user_data);
  TdmCsvKind kind = visible_csv_kind (self);
  GtkFileChooserNative *chooser;

  /* What the visible page lists is what gets exported. */
  chooser = gtk_file_chooser_native_new (kind == TDM_CSV_PARTNERS ? _("Export Partners")
                                                                   : _("Export Cooperatives"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  add_export_filters (chooser);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     kind == TDM_CSV_PARTNERS ? _("partners.csv")
                                                              : _("cooperatives.csv"));
  g_object_set_data (G_OBJECT (self), "tdm-export-kind", GUINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  run_chooser (self, chooser, export_chosen);
}

/* New, on the visible page ------------------------------------------------------ */

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  TdmWindow *self = TDM_WINDOW (user_data);
  const char *page = tdm_window_get_page (self);
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (_tdm_window_get_cooperative_page (self)));
  GtkWidget *child = page != NULL ? gtk_stack_get_child_by_name (GTK_STACK (stack), page) : NULL;

  if (tdm_window_get_store (self) == NULL || child == NULL)
    return;

  /* A page without a "new" (a dashboard) lets Ctrl+N make a cooperative. */
  if (!gtk_widget_activate_action (child, "page.new", NULL))
    g_action_group_activate_action (G_ACTION_GROUP (self), "new-cooperative", NULL);
}

/* About --------------------------------------------------------------------------- */

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  static const char *developers[] = { "The Tadamon contributors", NULL };
  GtkWidget *about;

  about = adw_about_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (about), GTK_WINDOW (user_data));
  g_object_set (about,
                "application-name", _("Tadamon"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "developer-name", _("The Tadamon contributors"),
                "developers", developers,
                "comments", _("The registry of Morocco’s cooperatives and the planning of social and solidarity economy fairs."),
                "license-type", GTK_LICENSE_GPL_3_0,
                /* Translators: your names, one a line. */
                "translator-credits", _("translator-credits"),
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Actions that need a database -------------------------------------------------- */

static const char * const store_actions[] = {
  "backup-database", "import-csv", "export-csv", "new",
};

static void
update_store_actions (TdmWindow *self)
{
  gboolean has_store = tdm_window_get_store (self) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (store_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), store_actions[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_store);
    }
}

/* Size and accelerators, once the window has its application ------------------- */

static GSettings *
get_settings (TdmWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return TDM_IS_APPLICATION (app) ? tdm_application_get_settings (TDM_APPLICATION (app)) : NULL;
}

static gboolean
close_request_cb (TdmWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings == NULL)
    return FALSE;

  /* The default size follows the window's size in GTK 4, apart from
   * maximized and fullscreen, which keep the size to restore. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (settings);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (settings);

  return FALSE;
}

static void
application_set_cb (TdmWindow *self)
{
  static const char *new_database_accels[] = { "<Control><Shift>n", NULL };
  static const char *open_database_accels[] = { "<Control>o", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings;

  if (app == NULL)
    return;

  gtk_application_set_accels_for_action (app, "win.new-database", new_database_accels);
  gtk_application_set_accels_for_action (app, "win.open-database", open_database_accels);
  gtk_application_set_accels_for_action (app, "win.import-csv", import_accels);
  gtk_application_set_accels_for_action (app, "win.export-csv", export_accels);
  /* Ctrl+N makes a record of the visible page. */
  gtk_application_set_accels_for_action (app, "win.new", new_accels);

  settings = get_settings (self);
  if (settings != NULL && !gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static const GActionEntry action_entries[] = {
  { "new-database", new_database_activated },
  { "open-database", open_database_activated },
  { "backup-database", backup_database_activated },
  { "import-csv", import_csv_activated },
  { "export-csv", export_csv_activated },
  { "new", new_activated },
  { "about", about_activated },
};

void
_tdm_window_actions_init (TdmWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  _tdm_window_report_actions_init (self);

  g_signal_connect (self, "notify::store", G_CALLBACK (update_store_actions), NULL);
  update_store_actions (self);

  /* The window gets its application after its init. */
  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  application_set_cb (self);
}
