/* tdm-screenshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-screenshot.h"

/* Frames to let pass first: the first one lays out the window, lists
 * then build their rows and may ask for another layout. */
#define FRAMES_BEFORE_CAPTURE 3

typedef struct {
  char  *path;
  guint  frames;
} Capture;

static void
capture_free (gpointer data)
{
  Capture *capture = data;

  g_free (capture->path);
  g_free (capture);
}

static gboolean
render_to_png (GtkWidget   *widget,
               const char  *path,
               GError     **error)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  renderer = gtk_native_get_renderer (GTK_NATIVE (widget));

  if (node == NULL || renderer == NULL || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The window was not drawn, so no screenshot was taken"));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the screenshot to %s"), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  GTask *task = user_data;
  Capture *capture = g_task_get_task_data (task);
  GError *error = NULL;

  if (++capture->frames < FRAMES_BEFORE_CAPTURE || !gtk_widget_get_mapped (widget))
    return G_SOURCE_CONTINUE;

  if (render_to_png (widget, capture->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  return G_SOURCE_REMOVE;
}

void
tdm_screenshot_save_async (GtkWidget           *widget,
                           const char          *path,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  Capture *capture;

  g_return_if_fail (GTK_IS_NATIVE (widget));
  g_return_if_fail (path != NULL);

  task = g_task_new (widget, NULL, callback, user_data);
  g_task_set_source_tag (task, tdm_screenshot_save_async);
  capture = g_new0 (Capture, 1);
  capture->path = g_strdup (path);
  g_task_set_task_data (task, capture, capture_free);

  gtk_widget_add_tick_callback (widget, on_tick, task, g_object_unref);
}

gboolean
tdm_screenshot_save_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
