/* tdm-test-ui.c: what the UI tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdm-screenshot.h"
#include "tdm-test-ui.h"

static guint wait_timeout_ms = 10000;

/* How long tdm_test_ui_wait_for() waits before giving up. */
void
tdm_test_ui_set_timeout (guint timeout_ms)
{
  wait_timeout_ms = timeout_ms;
}

/* Runs the main loop until CONDITION holds; FALSE after the timeout. */
gboolean
tdm_test_ui_wait_for (TdmTestCondition condition,
                      gpointer         data)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) wait_timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

/* Lets pending work (idle handlers, layout) run. */
void
tdm_test_ui_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

gboolean
tdm_test_ui_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

gboolean
tdm_test_ui_is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

/* A GSourceFunc: sets the gboolean FLAG points to, once. */
gboolean
tdm_test_ui_set_true (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* Without xvfb-run (or a desktop) there is no display: the caller
 * returns 77, which tells meson the test was skipped. */
gboolean
tdm_test_ui_has_display (void)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("no display: run under xvfb-run\n");
      return FALSE;
    }
  return TRUE;
}

/* The application, registered, for windows that need its actions. */
TdmApplication *
tdm_test_ui_new_application (void)
{
  TdmApplication *app = tdm_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

/* A new database DB_NAME in a new temporary directory from DIR_TEMPLATE,
 * returned in *DIR. */
TdmStore *
tdm_test_ui_open_store (const char  *dir_template,
                        const char  *db_name,
                        char       **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  TdmStore *store;

  *dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  db_path = g_build_filename (*dir, db_name, NULL);
  store = tdm_store_open (db_path, &error);
  g_assert_no_error (error);

  return store;
}

/* tdm_test_remove_dir() and tdm_test_query_int() under the UI tests'
 * prefix, so that a UI test needs only this header. */
void
tdm_test_ui_remove_dir (const char *dir)
{
  tdm_test_remove_dir (dir);
}

gint64
tdm_test_ui_query_int (TdmStore   *store,
                       const char *sql)
{
  return tdm_test_query_int (store, sql);
}

/* A window on STORE, showing PAGE (unless NULL), presented. */
TdmWindow *
tdm_test_ui_present_window (GtkApplication *app,
                            TdmStore       *store,
                            const char     *page)
{
  TdmWindow *window = tdm_window_new (app);

  tdm_window_set_store (window, store);
  if (page != NULL)
    g_assert_true (tdm_window_show_page (window, page));
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* Undoes tdm_test_ui_open_store() and tdm_test_ui_present_window(). */
void
tdm_test_ui_close (TdmWindow  *window,
                   TdmStore  **store,
                   char      **dir)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (store);
  tdm_test_ui_remove_dir (*dir);
  g_clear_pointer (dir, g_free);
}

typedef gboolean (*Match) (GtkWidget     *widget,
                           gconstpointer  data);

static GtkWidget *
find (GtkWidget     *root,
      Match          match,
      gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The first widget of TYPE under ROOT (ROOT included), depth first. */
GtkWidget *
tdm_test_ui_find_widget (GtkWidget *root,
                         GType      type)
{
  return find (root, has_type, &type);
}

GtkWidget *
tdm_test_ui_find_button (GtkWidget  *root,
                         const char *label)
{
  return find (root, is_button_with_label, label);
}

GtkWidget *
tdm_test_ui_find_button_with_tooltip (GtkWidget  *root,
                                      const char *tooltip)
{
  return find (root, is_button_with_tooltip, tooltip);
}

static void
on_screenshot_saved (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  tdm_screenshot_save_finish (result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* With TDM_UI_SCREENSHOT_DIR set, saves WIDGET there as NAME.png, for a
 * person to look at what the test saw. */
void
tdm_test_ui_maybe_save_screenshot (GtkWidget  *widget,
                                   const char *name)
{
  const char *dir = g_getenv ("TDM_UI_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  gboolean done = FALSE;

  if (dir == NULL)
    return;

  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  tdm_screenshot_save_async (widget, path, on_screenshot_saved, &done);
  g_assert_true (tdm_test_ui_wait_for (tdm_test_ui_is_true, &done));
  g_test_message ("saved %s", path);
}
