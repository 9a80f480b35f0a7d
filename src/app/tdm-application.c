/* tdm-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tdm-application.h"
#include "tdm-fair-page.h"
#include "tdm-launch-trace.h"
#include "tdm-screenshot.h"
#include "tdm-window-private.h"
#include "tdm-window-report-actions-private.h"

struct _TdmApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  int             exit_status;
};

G_DEFINE_FINAL_TYPE (TdmApplication, tdm_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH"), N_("PATH") },
  { "page", 'p', 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the page NAME (cooperatives, partners, cooperative-editor)"), N_("NAME") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Save the window at 1280×800 to FILE (PNG) and quit"), N_("FILE") },
  { NULL }
};

TdmApplication *
tdm_application_new (void)
{
  return g_object_new (TDM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/ma/tadamon/Tadamon",
                       NULL);
}

GSettings *
tdm_application_get_settings (TdmApplication *self)
{
  g_return_val_if_fail (TDM_IS_APPLICATION (self), NULL);

  return self->settings;
}

int
tdm_application_get_exit_status (TdmApplication *self)
{
  g_return_val_if_fail (TDM_IS_APPLICATION (self), 1);

  return self->exit_status;
}

static char *
default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tadamon", "tadamon.db", NULL);
}

/* The last database, unless it has gone: then the default one rather
 * than a new empty file where the old one was. */
static char *
startup_database_path (TdmApplication *self)
{
  g_autofree char *last = NULL;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-database");

  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);

  return default_database_path ();
}

static void
on_window_store_changed (TdmWindow      *window,
                         GParamSpec     *pspec,
                         TdmApplication *self)
{
  TdmStore *store = tdm_window_get_store (window);
  const char *path;

  if (store == NULL || self->settings == NULL)
    return;

  path = tdm_store_get_path (store);
  if (path != NULL && g_path_is_absolute (path))
    g_settings_set_string (self->settings, "last-database", path);
}

static TdmWindow *
ensure_window (TdmApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (TDM_IS_WINDOW (window))
    return TDM_WINDOW (window);

  window = GTK_WINDOW (tdm_window_new (GTK_APPLICATION (self)));
  g_signal_connect_object (window, "notify::store",
                           G_CALLBACK (on_window_store_changed), self, 0);
  return TDM_WINDOW (window);
}

static void
open_database (TdmApplication *self,
               TdmWindow      *window,
               const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  /* The default folder does not exist on a first run. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      tdm_window_show_store_error (window, path, error);
      return;
    }

  store = tdm_store_open (path, &error);
  if (store == NULL)
    tdm_window_show_store_error (window, path, error);
  else
    tdm_window_set_store (window, store);
}

static void
on_screenshot_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TdmApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tdm_screenshot_save_finish (result, &error))
    {
      g_printerr ("%s\n", error->message);
      self->exit_status = 1;
    }

  g_application_quit (G_APPLICATION (self));
}

static gint
tdm_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  /* A screenshot is taken by this process, never by a running window.
   * It is drawn by the cairo renderer unless told otherwise: the same
   * picture whatever the GPU and driver, and no software GL on a
   * headless X server. */
  if (g_variant_dict_contains (options, "screenshot"))
    {
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
      g_setenv ("GSK_RENDERER", "cairo", FALSE);
    }

  /* The cairo renderer draws nothing with OpenGL, yet GDK would load and
   * set up the GL driver anyway to choose the window's visual: with
   * Mesa's software driver under X11 that is about 60 MB and 40 ms before
   * the first frame (bench/launch). GDK has not started yet here. */
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0)
    g_setenv ("GDK_DEBUG", "gl-disable", FALSE);

  return -1;
}

static int
tdm_application_command_line (GApplication            *app,
                              GApplicationCommandLine *cmdline)
{
  TdmApplication *self = TDM_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *database = NULL;
  g_autofree char *page = NULL;
  g_autofree char *screenshot = NULL;
  g_autofree char *path = NULL;
  GtkWidget *target;
  TdmWindow *window;
  gboolean had_window;

  g_variant_dict_lookup (options, "database", "^ay", &database);
  g_variant_dict_lookup (options, "page", "s", &page);
  g_variant_dict_lookup (options, "screenshot", "^ay", &screenshot);

  had_window = gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL;
  window = ensure_window (self);
  tdm_launch_trace_mark ("window");

  if (database != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, database);

      path = g_file_get_path (file);
    }
  else if (!had_window)
    path = startup_database_path (self);

  if (path != NULL)
    open_database (self, window, path);
  tdm_launch_trace_mark ("store");

  if (screenshot != NULL)
    gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);

  target = GTK_WIDGET (window);
  if (page != NULL && g_strcmp0 (page, "cooperative-editor") == 0)
    {
      tdm_window_show_page (window, "cooperatives");
      gtk_window_present (GTK_WINDOW (window));
      target = tdm_cooperative_page_edit_first (_tdm_window_get_cooperative_page (window));
    }
  else if (page != NULL && g_str_has_prefix (page, "report-"))
    {
      /* report-fair, report-registry ...: a report window on top. */
      gtk_window_present (GTK_WINDOW (window));
      target = GTK_WIDGET (_tdm_window_open_first_report (window, page + strlen ("report-")));
      if (target == NULL)
        g_application_command_line_printerr (cmdline, _("There is no page named “%s”.\n"), page);
      else if (screenshot != NULL)
        gtk_window_set_default_size (GTK_WINDOW (target), 1280, 800);
    }
  else if (page != NULL && g_str_has_prefix (page, "fair-"))
    {
      /* fair-plan, fair-exhibitors ...: the first fair on that tab. */
      tdm_window_show_page (window, "fairs");
      if (!tdm_fair_page_open_first (GTK_WIDGET (window), page + strlen ("fair-")))
        g_application_command_line_printerr (cmdline, _("There is no page named “%s”.\n"), page);
      gtk_window_present (GTK_WINDOW (window));
    }
  else
    {
      if (page != NULL && !tdm_window_show_page (window, page))
        g_application_command_line_printerr (cmdline, _("There is no page named “%s”.\n"), page);
      gtk_window_present (GTK_WINDOW (window));
    }

  tdm_launch_trace_mark ("presented");
  if (!had_window)
    tdm_launch_trace_watch_first_frame (GTK_WINDOW (window));

  if (screenshot != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, screenshot);
      g_autofree char *png = g_file_get_path (file);

      tdm_screenshot_save_async (target != NULL ? target : GTK_WIDGET (window), png,
                                 on_screenshot_done, g_object_ref (self));
    }

  return 0;
}

static void
tdm_application_startup (GApplication *app)
{
  static const char *find_accels[] = { "<Control>f", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  TdmApplication *self = TDM_APPLICATION (app);
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSimpleAction) quit = NULL;

  G_APPLICATION_CLASS (tdm_application_parent_class)->startup (app);
  tdm_launch_trace_mark ("startup");

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);

  quit = g_simple_action_new ("quit", NULL);
  g_signal_connect_swapped (quit, "activate", G_CALLBACK (g_application_quit), app);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (quit));

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.find", find_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
tdm_application_finalize (GObject *object)
{
  TdmApplication *self = TDM_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tdm_application_parent_class)->finalize (object);
}

static void
tdm_application_class_init (TdmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tdm_application_finalize;
  app_class->startup = tdm_application_startup;
  app_class->command_line = tdm_application_command_line;
  app_class->handle_local_options = tdm_application_handle_local_options;
}

static void
tdm_application_init (TdmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Registry of cooperatives and ESS fairs"));
}
