/* tdm-app-util.h: small helpers the window's widgets share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean tdm_app_add_toast     (GtkWidget  *widget,
                                AdwToast   *toast);
void     tdm_app_show_message  (GtkWidget  *widget,
                                const char *message);
void     tdm_app_show_refusal  (GtkWidget  *widget,
                                const char *message);
void     tdm_app_show_error    (GtkWindow    *parent,
                                const char   *heading,
                                const GError *error);

void     tdm_app_stop_search   (GtkEditable        *search_entry,
                                GtkWidget          *results);
void     tdm_app_open_results  (GListModel         *items,
                                GtkSingleSelection *selection,
                                GtkWidget          *results);

G_END_DECLS
