/* tdm-screenshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-screenshot.h"

/* Tick callbacks run before a frame's layout: the capture is tried from
 * the second tick on, once the first frame (where lists build their
 * visible rows) has been laid out and painted, and given up after about
 * two seconds of frames that draw nothing. */
#define FRAMES_BEFORE_CAPTURE 2
#define FRAMES_BEFORE_GIVING_UP 120

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

/* The window as drawn, or NULL when it has not been drawn yet. */
static GdkTexture *
render_texture (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  GtkSnapshot *snapshot;

  if (renderer == NULL || width <= 0 || height <= 0)
    return NULL;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  GTask *task = user_data;
  Capture *capture = g_task_get_task_data (task);
  g_autoptr(GdkTexture) texture = NULL;

  if (++capture->frames < FRAMES_BEFORE_CAPTURE || !gtk_widget_get_mapped (widget))
    return G_SOURCE_CONTINUE;

  texture = render_texture (widget);
  if (texture == NULL)
    {
      if (capture->frames < FRAMES_BEFORE_GIVING_UP)
        return G_SOURCE_CONTINUE;

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The window was not drawn, so no screenshot was taken"));
      return G_SOURCE_REMOVE;
    }

  if (gdk_texture_save_to_png (texture, capture->path))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("Cannot write the screenshot to %s"), capture->path);

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
