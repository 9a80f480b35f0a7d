/* tdm-launch-trace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tdm-launch-trace.h"

static const char *
trace_mode (void)
{
  return g_getenv ("TDM_LAUNCH_TRACE");
}

void
tdm_launch_trace_mark (const char *name)
{
  if (trace_mode () != NULL)
    fprintf (stderr, "tdm-launch %s %" G_GINT64_FORMAT "\n", name, g_get_monotonic_time ());
}

/* VmHWM of /proc/self/status in kB, or -1. */
static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                GtkWidget     *window)
{
  gint64 now = g_get_monotonic_time ();
  GskRenderer *renderer;

  /* A frame clock can tick before the window is on screen. */
  if (!gtk_widget_get_mapped (window))
    return;

  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint, window);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  fprintf (stderr, "tdm-launch first-frame %" G_GINT64_FORMAT " vmhwm-kb %ld renderer %s\n",
           now, peak_rss_kb (), renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
  fflush (stderr);

  if (g_strcmp0 (trace_mode (), "exit") == 0 && g_application_get_default () != NULL)
    g_application_quit (g_application_get_default ());
}

static void
connect_frame_clock (GtkWidget *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, connect_frame_clock, NULL);
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (on_after_paint), window, 0);
}

void
tdm_launch_trace_watch_first_frame (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (trace_mode () == NULL)
    return;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    connect_frame_clock (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (connect_frame_clock), NULL);
}
