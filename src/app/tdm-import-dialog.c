/* tdm-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-import-dialog.h"

struct _TdmImportDialog
{
  AdwWindow     parent_instance;

  TdmStore     *store;
  GFile        *file;
  TdmCsvKind    kind;
  gboolean      strict;
  gboolean      running;

  GCancellable *cancellable;
  GtkStringList *problems;

  /* Written by the importing thread, read by the main loop. */
  int           progress_permille;
  int           progress_pending;

  GtkStack     *stack;
  AdwActionRow *file_row;
  GtkProgressBar *progress_bar;
  GtkLabel     *progress_label;
  GtkLabel     *report_title;
  GtkLabel     *report_summary;
  GtkWidget    *problems_box;
  GtkListView  *problems_view;
  GtkButton    *cancel_button;
  GtkButton    *import_button;
  GtkButton    *close_button;
};

G_DEFINE_FINAL_TYPE (TdmImportDialog, tdm_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILE,
  PROP_KIND,
  PROP_STRICT,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  char       *db_path;
  char       *csv_path;
  TdmCsvKind  kind;
  gboolean    strict;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  g_free (job->csv_path);
  g_free (job);
}

static void
set_running (TdmImportDialog *self,
             gboolean         running)
{
  if (self->running == running)
    return;

  self->running = running;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", !running);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  TdmImportDialog *self = user_data;

  g_atomic_int_set (&self->progress_pending, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 g_atomic_int_get (&self->progress_permille) / 1000.0);

  return G_SOURCE_REMOVE;
}

/* Runs in the importing thread: the bar is updated from the main loop,
 * at most one update waiting at a time. */
static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  TdmImportDialog *self = user_data;

  g_atomic_int_set (&self->progress_permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
  if (g_atomic_int_compare_and_exchange (&self->progress_pending, FALSE, TRUE))
    g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, update_progress_cb,
                                g_object_ref (self), g_object_unref);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(TdmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TdmCsvReport *report;

  /* A connection of its own: SQLite's WAL lets the window go on reading
   * through its connection while this one writes. */
  store = tdm_store_open (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  report = tdm_csv_import (store, job->kind, job->csv_path, job->strict,
                           cancellable, import_progress_cb, source_object,
                           &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) tdm_csv_report_free);
}

static void
show_report (TdmImportDialog    *self,
             const TdmCsvReport *report)
{
  g_autofree char *read = NULL;
  g_autofree char *inserted = NULL;
  g_autofree char *summary = NULL;
  guint n_problems = report->problems != NULL ? report->problems->len : 0;

  gtk_label_set_label (self->report_title, _("Import Finished"));

  read = g_strdup_printf (ngettext ("%u row read", "%u rows read", report->rows_read),
                          report->rows_read);
  inserted = g_strdup_printf (ngettext ("%u imported", "%u imported", report->rows_inserted),
                              report->rows_inserted);
  if (n_problems == 0)
    /* Translators: "12 rows read, 12 imported." */
    summary = g_strdup_printf (_("%s, %s."), read, inserted);
  else
    {
      g_autofree char *left_out = g_strdup_printf (ngettext ("%u row left out:",
                                                             "%u rows left out:",
                                                             n_problems),
                                                   n_problems);
      /* Translators: "12 rows read, 10 imported. 2 rows left out:" */
      summary = g_strdup_printf (_("%s, %s. %s"), read, inserted, left_out);
    }
  gtk_label_set_label (self->report_summary, summary);

  for (guint i = 0; i < n_problems; i++)
    {
      const TdmCsvProblem *problem = g_ptr_array_index (report->problems, i);
      g_autofree char *line = NULL;

      /* Translators: a row of the import report, "Line 12: women (40) above members (30)" */
      line = g_strdup_printf (_("Line %u: %s"), problem->line, problem->reason);
      gtk_string_list_append (self->problems, line);
    }
  gtk_widget_set_visible (self->problems_box, n_problems > 0);
}

static void
show_failure (TdmImportDialog *self,
              const GError    *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, TDM_CSV_ERROR, TDM_CSV_ERROR_CANCELLED))
    {
      gtk_label_set_label (self->report_title, _("Import Cancelled"));
      gtk_label_set_label (self->report_summary, _("Nothing was written to the database."));
    }
  else
    {
      /* The importer's messages say that nothing was written. */
      gtk_label_set_label (self->report_title, _("Nothing Was Imported"));
      gtk_label_set_label (self->report_summary, error->message);
    }
  gtk_widget_set_visible (self->problems_box, FALSE);
}

static void
import_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TdmImportDialog *self = TDM_IMPORT_DIALOG (source_object);
  g_autoptr(TdmCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = g_task_propagate_pointer (G_TASK (result), &error);

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (report != NULL)
    {
      show_report (self, report);
      /* The importing connection told only itself: the window's lists
       * listen to the window's store. */
      if (report->rows_inserted > 0)
        tdm_store_notify_changed (self->store,
                                  self->kind == TDM_CSV_PARTNERS ? "partner" : "cooperative");
    }
  else
    show_failure (self, error);

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "report");
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
}

void
tdm_import_dialog_start (TdmImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (TDM_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->store != NULL && self->file != NULL);

  if (self->running)
    return;

  /* The worker opens the same file: an in-memory database has none. */
  g_return_if_fail (g_path_is_absolute (tdm_store_get_path (self->store)));

  job = g_new0 (ImportJob, 1);
  job->db_path = g_strdup (tdm_store_get_path (self->store));
  job->csv_path = g_file_get_path (self->file);
  job->kind = self->kind;
  job->strict = self->strict;

  self->cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->progress_permille, 0);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_string_list_splice (self->problems, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->problems)), NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  set_running (self, TRUE);

  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, tdm_import_dialog_start);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  /* A cancel that comes after the commit must not hide what was written:
   * the result says what really happened. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, import_thread);
}

gboolean
tdm_import_dialog_get_running (TdmImportDialog *self)
{
  g_return_val_if_fail (TDM_IS_IMPORT_DIALOG (self), FALSE);

  return self->running;
}

static void
import_start_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  tdm_import_dialog_start (TDM_IMPORT_DIALOG (widget));
}

static void
import_cancel_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TdmImportDialog *self = TDM_IMPORT_DIALOG (widget);

  if (self->running)
    {
      gtk_label_set_label (self->progress_label, _("Cancelling…"));
      g_cancellable_cancel (self->cancellable);
    }
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Closing while the import runs cancels it; the dialog stays until the
 * rollback is done and says so. */
static gboolean
close_request_cb (TdmImportDialog *self)
{
  if (!self->running)
    return FALSE;

  import_cancel_action (GTK_WIDGET (self), "import.cancel", NULL);
  return TRUE;
}

static void
update_file_row (TdmImportDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) parent = NULL;

  if (self->file == NULL)
    return;

  name = g_file_get_basename (self->file);
  parent = g_file_get_parent (self->file);
  if (parent != NULL)
    folder = g_file_get_parse_name (parent);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  adw_action_row_set_subtitle (self->file_row, folder != NULL ? folder : "");
}

static void
tdm_import_dialog_dispose (GObject *object)
{
  TdmImportDialog *self = TDM_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TDM_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (tdm_import_dialog_parent_class)->dispose (object);
}

static void
tdm_import_dialog_finalize (GObject *object)
{
  TdmImportDialog *self = TDM_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (tdm_import_dialog_parent_class)->finalize (object);
}

static void
tdm_import_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TdmImportDialog *self = TDM_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_STRICT:
      g_value_set_boolean (value, self->strict);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_import_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TdmImportDialog *self = TDM_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_FILE:
      if (g_set_object (&self->file, g_value_get_object (value)))
        {
          update_file_row (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_KIND:
      if (self->kind != g_value_get_uint (value))
        {
          self->kind = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_STRICT:
      if (self->strict != g_value_get_boolean (value))
        {
          self->strict = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_import_dialog_class_init (TdmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_import_dialog_dispose;
  object_class->finalize = tdm_import_dialog_finalize;
  object_class->get_property = tdm_import_dialog_get_property;
  object_class->set_property = tdm_import_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TDM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       TDM_CSV_COOPERATIVES, TDM_CSV_PARTNERS, TDM_CSV_COOPERATIVES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STRICT] =
    g_param_spec_boolean ("strict", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TdmImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, TdmImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TdmImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TdmImportDialog, report_title);
  gtk_widget_class_bind_template_child (widget_class, TdmImportDialog, report_summary);
  gtk_widget_class_bind_template_child (widget_class, TdmImportDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, TdmImportDialog, problems_view);
  gtk_widget_class_bind_template_child (widget_class, TdmImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TdmImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TdmImportDialog, close_button);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, import_start_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, import_cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
tdm_import_dialog_init (TdmImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  self->problems = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->problems)));
  gtk_list_view_set_model (self->problems_view, GTK_SELECTION_MODEL (selection));
}

TdmImportDialog *
tdm_import_dialog_new (GtkWindow  *parent,
                       TdmStore   *store,
                       TdmCsvKind  kind,
                       GFile      *file)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (TDM_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "kind", (guint) kind,
                       "file", file,
                       NULL);
}
