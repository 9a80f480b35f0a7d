/* tdm-window-report-actions.c: the window's report actions. Each opens
 * a report window (its preview, printing and PDF export) on a report of
 * the window's database: the fair the Fairs section shows, the
 * cooperative selected in the list, or the whole registry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tdm-cooperative.h"
#include "tdm-cooperative-page-private.h"
#include "tdm-fair-overview.h"
#include "tdm-fair-page.h"
#include "tdm-window-private.h"
#include "tdm-window-report-actions-private.h"

/* What the window shows ------------------------------------------------------ */

static GtkStack *
get_page_stack (TdmWindow *self)
{
  return GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (_tdm_window_get_cooperative_page (self))));
}

static TdmFairPage *
get_fair_page (TdmWindow *self)
{
  GtkWidget *child = gtk_stack_get_child_by_name (get_page_stack (self), "fairs");

  return TDM_IS_FAIR_PAGE (child) ? TDM_FAIR_PAGE (child) : NULL;
}

static GtkSingleSelection *
get_cooperative_selection (TdmWindow *self)
{
  return _tdm_cooperative_page_get_selection (_tdm_window_get_cooperative_page (self));
}

/* The fair the Fairs section shows, 0 when none. A page not shown
 * since the database changed still holds the other database. */
static gint64
shown_fair_id (TdmWindow *self)
{
  TdmFairPage *page = get_fair_page (self);

  if (page == NULL || tdm_fair_page_get_store (page) != tdm_window_get_store (self))
    return 0;
  return tdm_fair_page_get_fair_id (page);
}

static gint64
selected_cooperative_id (TdmWindow *self)
{
  TdmCooperative *cooperative = gtk_single_selection_get_selected_item (get_cooperative_selection (self));

  return cooperative != NULL ? tdm_cooperative_get_id (cooperative) : 0;
}

/* Opening a report ----------------------------------------------------------------- */

TdmReportWindow *
_tdm_window_open_report (TdmWindow     *self,
                         TdmReportKind  kind,
                         gint64         id)
{
  TdmStore *store;
  GtkApplication *app;
  TdmReportWindow *report;

  g_return_val_if_fail (TDM_IS_WINDOW (self), NULL);

  store = tdm_window_get_store (self);
  if (store == NULL)
    return NULL;
  if (!tdm_report_kind_needs_id (kind))
    id = 0;

  /* The same report twice would be two windows to tell apart. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    {
      if (TDM_IS_REPORT_WINDOW (l->data) &&
          tdm_report_window_get_store (l->data) == store &&
          tdm_report_window_get_kind (l->data) == kind &&
          tdm_report_window_get_id (l->data) == id)
        {
          gtk_window_present (GTK_WINDOW (l->data));
          return l->data;
        }
    }

  report = tdm_report_window_new (GTK_WINDOW (self), store, kind, id);
  gtk_window_present (GTK_WINDOW (report));
  return report;
}

TdmReportWindow *
_tdm_window_open_first_report (TdmWindow  *self,
                               const char *name)
{
  TdmReportKind kind;
  gint64 id = 0;

  g_return_val_if_fail (TDM_IS_WINDOW (self), NULL);

  if (!tdm_report_kind_from_string (name, &kind))
    return NULL;

  if (kind == TDM_REPORT_COOPERATIVE)
    {
      GtkSingleSelection *selection = get_cooperative_selection (self);
      g_autoptr(TdmCooperative) first = g_list_model_get_item (G_LIST_MODEL (selection), 0);

      if (first == NULL)
        return NULL;
      gtk_single_selection_set_selected (selection, 0);
      id = tdm_cooperative_get_id (first);
    }
  else if (tdm_report_kind_needs_id (kind))
    {
      tdm_window_show_page (self, "fairs");
      if (!tdm_fair_page_open_first (GTK_WIDGET (self), "overview"))
        return NULL;
      id = shown_fair_id (self);
    }

  return _tdm_window_open_report (self, kind, id);
}

/* Actions ---------------------------------------------------------------------------- */

static void
report_fair_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TdmWindow *self = TDM_WINDOW (user_data);
  const char *name = g_action_get_name (G_ACTION (action));
  TdmReportKind kind = TDM_REPORT_FAIR;
  gint64 id = shown_fair_id (self);

  /* win.report-fair, win.report-labels, win.report-badges. */
  if (id <= 0 || !tdm_report_kind_from_string (name + strlen ("report-"), &kind))
    return;

  _tdm_window_open_report (self, kind, id);
}

static void
report_registry_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  _tdm_window_open_report (TDM_WINDOW (user_data), TDM_REPORT_REGISTRY, 0);
}

static void
report_cooperative_activated (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  TdmWindow *self = TDM_WINDOW (user_data);
  gint64 id = selected_cooperative_id (self);

  if (id > 0)
    _tdm_window_open_report (self, TDM_REPORT_COOPERATIVE, id);
}

/* Ctrl+P: the report of what the window shows. */
static void
report_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TdmWindow *self = TDM_WINDOW (user_data);
  const char *page = tdm_window_get_page (self);

  if (g_strcmp0 (page, "fairs") == 0 && shown_fair_id (self) > 0)
    _tdm_window_open_report (self, TDM_REPORT_FAIR, shown_fair_id (self));
  else if (g_strcmp0 (page, "cooperatives") == 0 && selected_cooperative_id (self) > 0)
    _tdm_window_open_report (self, TDM_REPORT_COOPERATIVE, selected_cooperative_id (self));
  else
    _tdm_window_open_report (self, TDM_REPORT_REGISTRY, 0);
}

static const GActionEntry report_entries[] = {
  { "report", report_activated },
  { "report-fair", report_fair_activated },
  { "report-labels", report_fair_activated },
  { "report-badges", report_fair_activated },
  { "report-registry", report_registry_activated },
  { "report-cooperative", report_cooperative_activated },
};

static void
set_enabled (TdmWindow  *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_report_actions (TdmWindow *self)
{
  gboolean has_store = tdm_window_get_store (self) != NULL;
  gboolean has_fair = has_store && shown_fair_id (self) > 0;

  set_enabled (self, "report", has_store);
  set_enabled (self, "report-registry", has_store);
  set_enabled (self, "report-fair", has_fair);
  set_enabled (self, "report-labels", has_fair);
  set_enabled (self, "report-badges", has_fair);
  set_enabled (self, "report-cooperative", has_store && selected_cooperative_id (self) > 0);
}

static GtkWidget *
find_fair_overview (GtkWidget *widget)
{
  if (TDM_IS_FAIR_OVERVIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_fair_overview (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
application_set_cb (TdmWindow *self)
{
  static const char *report_accels[] = { "<Control>p", NULL };
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    gtk_application_set_accels_for_action (app, "win.report", report_accels);
}

/* The Fairs page is built when first shown: its overview tells which
 * fair it shows. */
static void
watch_fair_overview (TdmWindow *self)
{
  TdmFairPage *fair_page = get_fair_page (self);
  GtkWidget *overview;

  if (fair_page == NULL || g_object_get_data (G_OBJECT (fair_page), "tdm-report-watched") != NULL)
    return;

  overview = find_fair_overview (GTK_WIDGET (fair_page));
  if (overview == NULL)
    return;

  g_object_set_data (G_OBJECT (fair_page), "tdm-report-watched", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (overview, "notify::fair-id",
                           G_CALLBACK (update_report_actions), self, G_CONNECT_SWAPPED);
  update_report_actions (self);
}

/* A report shows the database it was built from: when the window opens
 * another one, its reports of the old one close rather than print
 * figures the window no longer shows. */
static void
close_stale_reports (TdmWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  TdmStore *store = tdm_window_get_store (self);
  g_autoptr(GPtrArray) stale = g_ptr_array_new ();

  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (TDM_IS_REPORT_WINDOW (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (self) &&
        tdm_report_window_get_store (l->data) != store)
      g_ptr_array_add (stale, l->data);

  for (guint i = 0; i < stale->len; i++)
    gtk_window_destroy (g_ptr_array_index (stale, i));
}

void
_tdm_window_report_actions_init (TdmWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), report_entries,
                                   G_N_ELEMENTS (report_entries), self);

  /* A fair page not shown yet holds no fair: watching it from its first
   * showing is enough. */
  g_signal_connect_object (get_page_stack (self), "notify::visible-child",
                           G_CALLBACK (watch_fair_overview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (get_cooperative_selection (self), "notify::selected-item",
                           G_CALLBACK (update_report_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::store", G_CALLBACK (update_report_actions), NULL);
  g_signal_connect (self, "notify::store", G_CALLBACK (close_stale_reports), NULL);
  update_report_actions (self);

  /* The window gets its application after its init. */
  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);
  application_set_cb (self);
}
