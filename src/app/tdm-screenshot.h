/* tdm-screenshot.h: a PNG of a window as it is drawn on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Waits until WIDGET (a toplevel) has been laid out and drawn, then
 * renders it with its own renderer and writes PATH. */
void     tdm_screenshot_save_async  (GtkWidget           *widget,
                                     const char          *path,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean tdm_screenshot_save_finish (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
