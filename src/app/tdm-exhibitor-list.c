/* tdm-exhibitor-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-app-util.h"
#include "tdm-cooperative-list.h"
#include "tdm-cooperative.h"
#include "tdm-csv.h"
#include "tdm-exhibitor-list.h"
#include "tdm-fairs.h"
#include "tdm-fold.h"
#include "tdm-text-column.h"

/* The status actions and the status each one sets. */
static const struct {
  const char *action;
  const char *status;
} status_actions[] = {
  { "exhibitors.accept", "accepted" },
  { "exhibitors.waitlist", "waitlisted" },
  { "exhibitors.reject", "rejected" },
  { "exhibitors.confirm", "confirmed" },
  { "exhibitors.withdraw", "withdrawn" },
};

struct _TdmExhibitorList
{
  AdwBin              parent_instance;

  TdmStore           *store;
  gint64              fair_id;
  GListStore         *exhibitors;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  char               *search_key;    /* folded */

  TdmCooperativeList *cooperatives;
  GtkSingleSelection *cooperative_selection;
  GArray             *stand_ids;     /* of the assign form's drop-down */

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkColumnView      *column_view;
  GtkStack           *stack;
  GtkLabel           *count_label;
  GtkPopover         *add_popover;
  GtkSearchEntry     *cooperative_search;
  GtkListView        *cooperative_view;
  GtkEntry           *organization_entry;
  GtkLabel           *add_error;
  GtkMenuButton      *assign_button;
  GtkDropDown        *stand_dropdown;
  GtkLabel           *assign_error;
};

G_DEFINE_FINAL_TYPE (TdmExhibitorList, tdm_exhibitor_list, ADW_TYPE_BIN)

/* Helpers ------------------------------------------------------------------- */

static TdmExhibitor *
get_selected (TdmExhibitorList *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (TdmExhibitorList *self)
{
  TdmExhibitor *exhibitor = get_selected (self);
  const char *status = exhibitor != NULL ? tdm_exhibitor_get_status (exhibitor) : NULL;
  gboolean has_fair = self->store != NULL && self->fair_id > 0;

  for (guint i = 0; i < G_N_ELEMENTS (status_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), status_actions[i].action,
                                   status != NULL &&
                                   tdm_exhibitor_status_can_change (status, status_actions[i].status));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exhibitors.assign",
                                 status != NULL && tdm_exhibitor_status_can_hold_stand (status));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exhibitors.unassign",
                                 exhibitor != NULL && tdm_exhibitor_get_stand_id (exhibitor) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exhibitors.add", has_fair);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exhibitors.import", has_fair);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assign_button),
                            status != NULL && tdm_exhibitor_status_can_hold_stand (status));
}

static void
update_count (TdmExhibitorList *self)
{
  guint shown, total;
  g_autofree char *text = NULL;

  /* dispose() drops the exhibitors after the selection: the selection,
   * still alive elsewhere, reports the change to a half-cleared list. */
  if (self->selection == NULL || self->exhibitors == NULL)
    return;

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  total = g_list_model_get_n_items (G_LIST_MODEL (self->exhibitors));

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u exhibitor", "%u exhibitors", total), total);
  else
    /* Translators: %u of %u exhibitors shown by the search. */
    text = g_strdup_printf (ngettext ("%u of %u exhibitor", "%u of %u exhibitors", total), shown, total);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
}

GListModel *
tdm_exhibitor_list_get_model (TdmExhibitorList *self)
{
  g_return_val_if_fail (TDM_IS_EXHIBITOR_LIST (self), NULL);

  return G_LIST_MODEL (self->selection);
}

gboolean
tdm_exhibitor_list_select (TdmExhibitorList *self,
                           gint64            id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  g_return_val_if_fail (TDM_IS_EXHIBITOR_LIST (self), FALSE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmExhibitor) exhibitor = g_list_model_get_item (model, i);

      if (tdm_exhibitor_get_id (exhibitor) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
reload (TdmExhibitorList *self)
{
  g_autoptr(GListModel) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  TdmExhibitor *selected = get_selected (self);
  gint64 selected_id = selected != NULL ? tdm_exhibitor_get_id (selected) : 0;
  guint n;

  if (self->store != NULL && self->fair_id > 0)
    {
      loaded = tdm_store_list_exhibitors (self->store, self->fair_id, NULL, &error);
      if (loaded == NULL)
        tdm_app_show_refusal (GTK_WIDGET (self), error->message);
    }

  n = loaded != NULL ? g_list_model_get_n_items (loaded) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (loaded, i));
  g_list_store_splice (self->exhibitors, 0, g_list_model_get_n_items (G_LIST_MODEL (self->exhibitors)),
                       items->pdata, items->len);

  if (selected_id > 0)
    tdm_exhibitor_list_select (self, selected_id);
  update_count (self);
  update_actions (self);
}

static void
store_changed_cb (TdmExhibitorList *self,
                  const char       *table)
{
  if (g_strcmp0 (table, "exhibitor") == 0 || g_strcmp0 (table, "stand") == 0 ||
      g_strcmp0 (table, "cooperative") == 0)
    reload (self);
}

void
tdm_exhibitor_list_set_fair (TdmExhibitorList *self,
                             TdmStore         *store,
                             gint64            fair_id)
{
  g_return_if_fail (TDM_IS_EXHIBITOR_LIST (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      g_clear_object (&self->cooperatives);
      if (store != NULL)
        {
          g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
          self->cooperatives = tdm_cooperative_list_new (store);
        }
      gtk_single_selection_set_model (self->cooperative_selection,
                                      self->cooperatives != NULL ? G_LIST_MODEL (self->cooperatives) : NULL);
    }
  self->fair_id = store != NULL ? fair_id : 0;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  reload (self);
}

/* Filter ------------------------------------------------------------------------- */

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  TdmExhibitorList *self = user_data;
  TdmExhibitor *exhibitor = item;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  const char * const *statuses = tdm_exhibitor_statuses ();
  g_autofree char *haystack = NULL;

  /* Item 0 of the drop-down is "Any status". */
  if (status > 0 && status != GTK_INVALID_LIST_POSITION &&
      g_strcmp0 (tdm_exhibitor_get_status (exhibitor), statuses[status - 1]) != 0)
    return FALSE;

  if (self->search_key == NULL || *self->search_key == '\0')
    return TRUE;

  haystack = g_strjoin (" ", tdm_exhibitor_get_display_name (exhibitor) ?: "",
                        tdm_exhibitor_get_province_name (exhibitor) ?: "",
                        tdm_exhibitor_get_stand_code (exhibitor) ?: "",
                        tdm_exhibitor_get_products (exhibitor) ?: "", NULL);
  {
    g_autofree char *folded = tdm_fold (haystack);

    return strstr (folded, self->search_key) != NULL;
  }
}

static void
filter_changed_cb (TdmExhibitorList *self)
{
  g_free (self->search_key);
  self->search_key = tdm_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

/* Columns ------------------------------------------------------------------------- */

static char *
name_text (gpointer item)
{
  return g_strdup (tdm_exhibitor_get_display_name (item));
}

static char *
province_text (gpointer item)
{
  return g_strdup (tdm_exhibitor_get_province_name (item));
}

static char *
status_text (gpointer item)
{
  return g_strdup (tdm_exhibitor_get_status_label (item));
}

static char *
stand_text (gpointer item)
{
  return g_strdup (tdm_exhibitor_get_stand_code (item));
}

static char *
products_text (gpointer item)
{
  return g_strdup (tdm_exhibitor_get_products (item));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *item)
{
  TdmExhibitor *exhibitor = gtk_list_item_get_item (item);

  if (exhibitor == NULL || !tdm_exhibitor_status_can_hold_stand (tdm_exhibitor_get_status (exhibitor)))
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_INT64, tdm_exhibitor_get_id (exhibitor));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkListItem   *item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

void
tdm_exhibitor_drag_source_attach (GtkWidget   *widget,
                                  GtkListItem *item)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), item);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), item);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (source));
}

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  tdm_exhibitor_drag_source_attach (label, item);
  gtk_list_item_set_child (item, label);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  TdmExhibitor *exhibitor = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), tdm_exhibitor_get_display_name (exhibitor));
  gtk_widget_set_tooltip_text (label, tdm_exhibitor_status_can_hold_stand (tdm_exhibitor_get_status (exhibitor))
                                      ? _("Drag onto a stand of the plan")
                                      : tdm_exhibitor_get_display_name (exhibitor));
}

static void
add_columns (TdmExhibitorList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) name = NULL;
  g_autoptr(GtkSorter) sorter = tdm_text_column_sorter_new (name_text, FALSE);

  g_signal_connect (factory, "setup", G_CALLBACK (name_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (name_bind_cb), NULL);
  name = gtk_column_view_column_new (_("Name"), factory);
  gtk_column_view_column_set_expand (name, TRUE);
  gtk_column_view_column_set_resizable (name, TRUE);
  gtk_column_view_column_set_sorter (name, sorter);
  gtk_column_view_append_column (self->column_view, name);

  tdm_text_column_append (self->column_view, _("Province"), province_text, FALSE, 160, FALSE);
  tdm_text_column_append (self->column_view, _("Status"), status_text, FALSE, 120, FALSE);
  tdm_text_column_append (self->column_view, _("Stand"), stand_text, FALSE, 80, FALSE);
  tdm_text_column_append (self->column_view, _("Products"), products_text, TRUE, 200, FALSE);

  gtk_column_view_sort_by_column (self->column_view, name, GTK_SORT_ASCENDING);
}

/* Actions ------------------------------------------------------------------------ */

static void
status_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TdmExhibitorList *self = TDM_EXHIBITOR_LIST (widget);
  TdmExhibitor *exhibitor = get_selected (self);
  g_autoptr(GError) error = NULL;

  if (exhibitor == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (status_actions); i++)
    if (g_strcmp0 (status_actions[i].action, action_name) == 0 &&
        !tdm_store_set_exhibitor_status (self->store, tdm_exhibitor_get_id (exhibitor),
                                         status_actions[i].status, NULL, &error))
      tdm_app_show_refusal (GTK_WIDGET (self), error->message);
}

static void
fill_stand_dropdown (TdmExhibitorList *self)
{
  g_autoptr(GtkStringList) codes = gtk_string_list_new (NULL);
  g_autoptr(GListModel) stands = NULL;
  guint n;

  g_array_set_size (self->stand_ids, 0);
  if (self->store != NULL && self->fair_id > 0)
    stands = tdm_store_list_stands (self->store, self->fair_id, NULL);
  n = stands != NULL ? g_list_model_get_n_items (stands) : 0;

  /* Only stands with a free place are offered. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmStand) stand = g_list_model_get_item (stands, i);
      gint free_places = tdm_stand_get_capacity (stand) - tdm_stand_get_occupancy (stand);
      g_autofree char *text = NULL;
      gint64 id = tdm_stand_get_id (stand);

      if (tdm_stand_is_area (stand) || free_places <= 0)
        continue;

      /* Translators: a stand in a list: its code and its free places. */
      text = g_strdup_printf (ngettext ("%s (%d free place)", "%s (%d free places)", free_places),
                              tdm_stand_get_code (stand), free_places);
      gtk_string_list_append (codes, text);
      g_array_append_val (self->stand_ids, id);
    }
  gtk_drop_down_set_model (self->stand_dropdown, G_LIST_MODEL (codes));
}

static void
assign_popover_show_cb (TdmExhibitorList *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->assign_error), FALSE);
  fill_stand_dropdown (self);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TdmExhibitorList *self = TDM_EXHIBITOR_LIST (widget);
  TdmExhibitor *exhibitor = get_selected (self);
  guint position = gtk_drop_down_get_selected (self->stand_dropdown);
  g_autoptr(GError) error = NULL;

  if (exhibitor == NULL || position == GTK_INVALID_LIST_POSITION || position >= self->stand_ids->len)
    return;

  if (!tdm_store_assign_stand (self->store, tdm_exhibitor_get_id (exhibitor),
                               g_array_index (self->stand_ids, gint64, position), NULL, &error))
    {
      gtk_label_set_label (self->assign_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->assign_error), TRUE);
      return;
    }
  gtk_menu_button_popdown (self->assign_button);
}

/* Enter or a double click on an exhibitor opens its stand form. */
static void
column_view_activate_cb (TdmExhibitorList *self,
                         guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->assign_button)))
    gtk_menu_button_popup (self->assign_button);
}

static void
unassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TdmExhibitorList *self = TDM_EXHIBITOR_LIST (widget);
  TdmExhibitor *exhibitor = get_selected (self);
  g_autoptr(GError) error = NULL;

  if (exhibitor != NULL && !tdm_store_unassign_stand (self->store, tdm_exhibitor_get_id (exhibitor), &error))
    tdm_app_show_refusal (GTK_WIDGET (self), error->message);
}

static void
add_popover_show_cb (TdmExhibitorList *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->add_error), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->organization_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->cooperative_search));
}

static void
cooperative_search_cb (TdmExhibitorList *self)
{
  if (self->cooperatives != NULL)
    tdm_cooperative_list_set_search (self->cooperatives,
                                     gtk_editable_get_text (GTK_EDITABLE (self->cooperative_search)));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TdmExhibitorList *self = TDM_EXHIBITOR_LIST (widget);
  TdmCooperative *cooperative = gtk_single_selection_get_selected_item (self->cooperative_selection);
  const char *organization = gtk_editable_get_text (GTK_EDITABLE (self->organization_entry));
  g_autoptr(TdmExhibitor) exhibitor = tdm_exhibitor_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (organization));

  if (self->store == NULL || self->fair_id <= 0)
    return;

  g_object_set (exhibitor, "fair-id", self->fair_id, NULL);
  /* A name typed in wins over the list: it is what the user did last. */
  if (*name != '\0')
    g_object_set (exhibitor, "organization-name", name, NULL);
  else if (cooperative != NULL)
    g_object_set (exhibitor, "cooperative-id", tdm_cooperative_get_id (cooperative), NULL);
  else
    {
      gtk_label_set_label (self->add_error, _("Pick a cooperative in the list or type the name of another organization."));
      gtk_widget_set_visible (GTK_WIDGET (self->add_error), TRUE);
      return;
    }

  if (!tdm_store_add_exhibitor (self->store, exhibitor, &error))
    {
      gtk_label_set_label (self->add_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->add_error), TRUE);
      return;
    }

  gtk_popover_popdown (self->add_popover);
  tdm_exhibitor_list_select (self, tdm_exhibitor_get_id (exhibitor));
}

static void
import_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    TdmExhibitorList *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmExhibitorImport) import = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  if (path != NULL)
    {
      import = tdm_store_import_exhibitors (self->store, self->fair_id, path, &error);
      if (import == NULL)
        tdm_app_show_refusal (GTK_WIDGET (self), error->message);
      else
        {
          guint skipped = import->problems != NULL ? import->problems->len : 0;
          g_autofree char *added = g_strdup_printf (ngettext ("%u exhibitor added", "%u exhibitors added",
                                                              import->exhibitors_added),
                                                    import->exhibitors_added);
          g_autofree char *message = NULL;

          if (skipped > 0)
            {
              const TdmCsvProblem *first = g_ptr_array_index (import->problems, 0);
              g_autofree char *rows = g_strdup_printf (ngettext ("%u row skipped", "%u rows skipped", skipped),
                                                       skipped);

              /* Translators: "12 exhibitors added, 2 rows skipped (line 4: reason)". */
              message = g_strdup_printf (_("%s, %s (line %u: %s)"), added, rows,
                                         first->line, first->reason);
            }
          else
            message = g_steal_pointer (&added);
          tdm_app_show_refusal (GTK_WIDGET (self), message);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TdmExhibitorList *self = TDM_EXHIBITOR_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Exhibitors"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Cooperatives in the add form ------------------------------------------------------ */

static void
cooperative_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
cooperative_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  TdmCooperative *cooperative = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       cooperative != NULL ? tdm_cooperative_get_display_name (cooperative) : "");
}

/* GObject ----------------------------------------------------------------------------- */

GtkWidget *
tdm_exhibitor_list_new (void)
{
  return g_object_new (TDM_TYPE_EXHIBITOR_LIST, NULL);
}

static void
tdm_exhibitor_list_dispose (GObject *object)
{
  TdmExhibitorList *self = TDM_EXHIBITOR_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TDM_TYPE_EXHIBITOR_LIST);
  g_clear_object (&self->selection);
  g_clear_object (&self->cooperative_selection);
  g_clear_object (&self->cooperatives);
  g_clear_object (&self->exhibitors);
  g_clear_object (&self->store);
  g_clear_pointer (&self->stand_ids, g_array_unref);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (tdm_exhibitor_list_parent_class)->dispose (object);
}

static void
tdm_exhibitor_list_class_init (TdmExhibitorListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_exhibitor_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-exhibitor-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmExhibitorList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TdmExhibitorList, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdmExhibitorList, column_view);
  gtk_widget_class_bind_template_child (widget_class, TdmExhibitorList, stack);
  gtk_widget_class_bind_template_child (widget_class, TdmExhibitorList, count_label);
  gtk_widget_class_bind_template_child (widget_class, TdmExhibitorList, add_popover);
  gtk_widget_class_bind_template_child (widget_class, TdmExhibitorList, cooperative_search);
  gtk_widget_class_bind_template_child (widget_class, TdmExhibitorList, cooperative_view);
  gtk_widget_class_bind_template_child (widget_class, TdmExhibitorList, organization_entry);
  gtk_widget_class_bind_template_child (widget_class, TdmExhibitorList, add_error);
  gtk_widget_class_bind_template_child (widget_class, TdmExhibitorList, assign_button);
  gtk_widget_class_bind_template_child (widget_class, TdmExhibitorList, stand_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdmExhibitorList, assign_error);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, assign_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, cooperative_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  for (guint i = 0; i < G_N_ELEMENTS (status_actions); i++)
    gtk_widget_class_install_action (widget_class, status_actions[i].action, NULL, status_action);
  gtk_widget_class_install_action (widget_class, "exhibitors.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "exhibitors.unassign", NULL, unassign_action);
  gtk_widget_class_install_action (widget_class, "exhibitors.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "exhibitors.import", NULL, import_action);
}

static void
tdm_exhibitor_list_init (TdmExhibitorList *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->stand_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->exhibitors = g_list_store_new (TDM_TYPE_EXHIBITOR);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->exhibitors)),
                                        GTK_FILTER (self->filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);

  gtk_string_list_append (statuses, _("Any status"));
  for (const char * const *status = tdm_exhibitor_statuses (); *status != NULL; status++)
    gtk_string_list_append (statuses, tdm_exhibitor_status_label (*status));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  g_signal_connect_object (self->status_dropdown, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  self->cooperative_selection = gtk_single_selection_new (NULL);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (cooperative_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cooperative_bind_cb), NULL);
  gtk_list_view_set_factory (self->cooperative_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->cooperative_view, GTK_SELECTION_MODEL (self->cooperative_selection));

  update_count (self);
  update_actions (self);
}
