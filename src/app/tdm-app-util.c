/* tdm-app-util.c: small helpers the window's widgets share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-app-util.h"

/* Shows TOAST (taken) in the toast overlay WIDGET is in. Without one
 * (a widget not in a window yet), drops it and returns FALSE. */
gboolean
tdm_app_add_toast (GtkWidget *widget,
                   AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (toast);
      return FALSE;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}

static void
show_text (GtkWidget  *widget,
           const char *message,
           gboolean    urgent)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (urgent)
    {
      adw_toast_set_timeout (toast, 6);
      /* A refusal must be seen now, not after the toasts before it. */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  if (!tdm_app_add_toast (widget, toast))
    g_message ("%s", message);
}

/* Shows MESSAGE (plain text, not markup) in a toast above WIDGET; logs
 * it when there is nowhere to show it. */
void
tdm_app_show_message (GtkWidget  *widget,
                      const char *message)
{
  show_text (widget, message, FALSE);
}

/* The same for a refused action: before other toasts, and longer. */
void
tdm_app_show_refusal (GtkWidget  *widget,
                      const char *message)
{
  show_text (widget, message, TRUE);
}

/* A failure the user must read before going on: a dialog on PARENT with
 * HEADING and the message of ERROR. */
void
tdm_app_show_error (GtkWindow    *parent,
                    const char   *heading,
                    const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Escape in a page's search: clears it and goes back to the RESULTS. */
void
tdm_app_stop_search (GtkEditable *search_entry,
                     GtkWidget   *results)
{
  gtk_editable_set_text (search_entry, "");
  gtk_widget_grab_focus (results);
}

/* Enter in a page's search goes to the RESULTS, selecting the first of
 * ITEMS (may be NULL: no list loaded) when none is selected yet. */
void
tdm_app_open_results (GListModel         *items,
                      GtkSingleSelection *selection,
                      GtkWidget          *results)
{
  if (items == NULL || g_list_model_get_n_items (items) == 0)
    return;

  if (gtk_single_selection_get_selected (selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (selection, 0);
  gtk_widget_grab_focus (results);
}
