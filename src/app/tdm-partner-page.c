/* tdm-partner-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-app-util.h"
#include "tdm-column-sorter.h"
#include "tdm-partner-editor.h"
#include "tdm-partner-list.h"
#include "tdm-partner-page.h"
#include "tdm-partner.h"
#include "tdm-registry.h"

struct _TdmPartnerPage
{
  AdwBin              parent_instance;

  TdmStore           *store;
  TdmPartnerList     *list;
  GtkSingleSelection *selection;

  /* What Undo puts back, while its toast is shown. */
  TdmPartner         *deleted;
  TdmStore           *deleted_store;
  AdwToast           *undo_toast;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_dropdown;
  GtkStack           *stack;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (TdmPartnerPage, tdm_partner_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static TdmPartner *
get_selected (TdmPartnerPage *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static void
update_actions (TdmPartnerPage *self)
{
  gboolean has_store = self->store != NULL;
  gboolean has_selection = get_selected (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", has_selection);
}

static void
update_count (TdmPartnerPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  gboolean filtered = *search != '\0' || gtk_drop_down_get_selected (self->kind_dropdown) > 0;
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *text = g_strdup_printf (ngettext ("%s partner", "%s partners", n), number);

  gtk_label_set_label (self->count_label, self->store != NULL ? text : "");

  if (n > 0 || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (filtered)
    {
      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Partners Match"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try other words, or another kind."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Partners Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the ministries, councils, associations and agencies that organize or fund the fairs with the + button or Ctrl+N, or import a CSV file."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Toast titles are Pango markup: a message from the store is escaped. */
static AdwToast *
error_toast (const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  return adw_toast_new (escaped);
}

static void
select_partner (TdmPartnerPage *self,
                gint64          id)
{
  gint position;

  if (self->list == NULL)
    return;

  position = tdm_partner_list_find (self->list, id);
  if (position >= 0)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
editor_saved_cb (TdmPartnerPage *self,
                 TdmPartner     *partner)
{
  select_partner (self, tdm_partner_get_id (partner));
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
open_editor (TdmPartnerPage *self,
             TdmPartner     *partner)
{
  TdmPartnerEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL)
    return;

  editor = tdm_partner_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->store, partner);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
partners_new_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_editor (TDM_PARTNER_PAGE (widget), NULL);
}

static void
partners_edit_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TdmPartnerPage *self = TDM_PARTNER_PAGE (widget);
  TdmPartner *partner = get_selected (self);

  if (partner != NULL)
    open_editor (self, partner);
}

static void
forget_undo_toast (TdmPartnerPage *self)
{
  if (self->undo_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
  self->undo_toast = NULL;
}

/* Puts back the partner deleted last, as long as its toast is shown. */
static void
partners_undo_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TdmPartnerPage *self = TDM_PARTNER_PAGE (widget);
  g_autoptr(TdmPartner) partner = g_steal_pointer (&self->deleted);
  g_autoptr(TdmStore) store = g_steal_pointer (&self->deleted_store);
  g_autoptr(GError) error = NULL;

  if (self->undo_toast != NULL)
    {
      AdwToast *toast = self->undo_toast;

      forget_undo_toast (self);
      adw_toast_dismiss (toast);
    }
  gtk_widget_action_set_enabled (widget, "page.undo", FALSE);

  if (partner == NULL)
    return;

  if (!tdm_store_restore_partner (store, partner, &error))
    {
      tdm_app_add_toast (GTK_WIDGET (self), error_toast (error));
      return;
    }

  if (store == self->store)
    select_partner (self, tdm_partner_get_id (partner));
}

static void
undo_toast_button_clicked_cb (TdmPartnerPage *self,
                              AdwToast       *toast)
{
  if (toast != self->undo_toast)
    return;

  /* The toast goes away by itself after its button. */
  forget_undo_toast (self);
  partners_undo_action (GTK_WIDGET (self), "page.undo", NULL);
}

static void
undo_toast_dismissed_cb (TdmPartnerPage *self,
                         AdwToast       *toast)
{
  /* Undo is offered only while its toast is on screen. */
  if (toast != self->undo_toast)
    return;

  forget_undo_toast (self);
  g_clear_object (&self->deleted);
  g_clear_object (&self->deleted_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.undo", FALSE);
}

static void
partners_delete_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TdmPartnerPage *self = TDM_PARTNER_PAGE (widget);
  TdmPartner *partner = get_selected (self);
  g_autoptr(TdmPartner) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (partner == NULL || self->store == NULL)
    return;

  if (!tdm_store_delete_partner (self->store, tdm_partner_get_id (partner), &deleted, &error))
    {
      toast = error_toast (error);
      adw_toast_set_timeout (toast, 0);
      tdm_app_add_toast (GTK_WIDGET (self), toast);
      return;
    }

  /* One Undo at a time: the previous delete stays done. */
  if (self->undo_toast != NULL)
    {
      AdwToast *previous = self->undo_toast;

      undo_toast_dismissed_cb (self, previous);
      adw_toast_dismiss (previous);
    }

  /* The store is kept with the record: the window may have switched to
   * another database before Undo. */
  self->deleted = g_steal_pointer (&deleted);
  self->deleted_store = g_object_ref (self->store);
  gtk_widget_action_set_enabled (widget, "page.undo", TRUE);

  /* Translators: a toast after a delete; %s is the partner's name. */
  title = g_markup_printf_escaped (_("Partner “%s” deleted"), tdm_partner_get_name (self->deleted));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 5);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (undo_toast_button_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->undo_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);

  tdm_app_add_toast (GTK_WIDGET (self), toast);
}

static void
partners_find_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TdmPartnerPage *self = TDM_PARTNER_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
column_view_activate_cb (TdmPartnerPage *self,
                         guint           position)
{
  g_autoptr(TdmPartner) partner = NULL;

  if (self->list == NULL)
    return;

  partner = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (partner != NULL)
    open_editor (self, partner);
}

static void
search_changed_cb (TdmPartnerPage *self)
{
  if (self->list == NULL)
    return;

  tdm_partner_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  /* An empty list stays empty without items-changed: its message still
   * has to say whether a filter is on. */
  update_count (self);
}

static void
stop_search_cb (TdmPartnerPage *self)
{
  tdm_app_stop_search (GTK_EDITABLE (self->search_entry), GTK_WIDGET (self->column_view));
}

/* Enter in the search goes to the results. */
static void
search_activate_cb (TdmPartnerPage *self)
{
  tdm_app_open_results (self->list != NULL ? G_LIST_MODEL (self->list) : NULL,
                        self->selection, GTK_WIDGET (self->column_view));
}

static void
kind_changed_cb (TdmPartnerPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);
  const char * const *kinds = tdm_partner_kinds ();

  if (self->list == NULL)
    return;

  /* Item 0 is "Any kind", then the kinds in tdm_partner_kinds() order. */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    tdm_partner_list_set_kind (self->list, NULL);
  else
    tdm_partner_list_set_kind (self->list, kinds[selected - 1]);
  update_count (self);
}

static void
sorter_changed_cb (TdmPartnerPage *self)
{
  gboolean descending = FALSE;
  int key;

  /* Also called while the column view is torn down, its columns going. */
  if (self->list == NULL || self->column_view == NULL)
    return;

  key = tdm_column_sorter_probe (gtk_column_view_get_sorter (self->column_view),
                                 self->column_view, &descending);
  if (key < 0)
    tdm_partner_list_set_sort (self->list, TDM_PARTNER_SORT_NAME, FALSE);
  else
    tdm_partner_list_set_sort (self->list, key, descending);
}

TdmStore *
tdm_partner_page_get_store (TdmPartnerPage *self)
{
  g_return_val_if_fail (TDM_IS_PARTNER_PAGE (self), NULL);

  return self->store;
}

GListModel *
tdm_partner_page_get_model (TdmPartnerPage *self)
{
  g_return_val_if_fail (TDM_IS_PARTNER_PAGE (self), NULL);

  return self->list != NULL ? G_LIST_MODEL (self->list) : NULL;
}

void
tdm_partner_page_set_store (TdmPartnerPage *self,
                            TdmStore       *store)
{
  g_return_if_fail (TDM_IS_PARTNER_PAGE (self));
  g_return_if_fail (!store || TDM_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);

  if (store != NULL)
    {
      self->list = tdm_partner_list_new (store);
      /* The search, filter and sort the user chose carry over. */
      search_changed_cb (self);
      kind_changed_cb (self);
      sorter_changed_cb (self);
      g_signal_connect_object (self->list, "items-changed",
                               G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
    }

  gtk_single_selection_set_model (self->selection, self->list != NULL ? G_LIST_MODEL (self->list) : NULL);
  update_count (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
tdm_partner_page_dispose (GObject *object)
{
  TdmPartnerPage *self = TDM_PARTNER_PAGE (object);

  forget_undo_toast (self);
  g_clear_object (&self->deleted);
  g_clear_object (&self->deleted_store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TDM_TYPE_PARTNER_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tdm_partner_page_parent_class)->dispose (object);
}

static void
tdm_partner_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TdmPartnerPage *self = TDM_PARTNER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_partner_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TdmPartnerPage *self = TDM_PARTNER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tdm_partner_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_partner_page_class_init (TdmPartnerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_partner_page_dispose;
  object_class->get_property = tdm_partner_page_get_property;
  object_class->set_property = tdm_partner_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TDM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template's factories and sorters name these types. */
  g_type_ensure (TDM_TYPE_PARTNER);
  g_type_ensure (TDM_TYPE_COLUMN_SORTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-partner-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmPartnerPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TdmPartnerPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdmPartnerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdmPartnerPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TdmPartnerPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TdmPartnerPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, partners_new_action);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, partners_edit_action);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, partners_delete_action);
  gtk_widget_class_install_action (widget_class, "page.find", NULL, partners_find_action);
  gtk_widget_class_install_action (widget_class, "page.undo", NULL, partners_undo_action);
}

static void
tdm_partner_page_init (TdmPartnerPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  GtkShortcutController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (kinds, _("Any kind"));
  for (const char * const *kind = tdm_partner_kinds (); *kind != NULL; kind++)
    gtk_string_list_append (kinds, tdm_partner_kind_label (*kind));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (kind_changed_cb), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  name_column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);
  gtk_column_view_sort_by_column (self->column_view, name_column, GTK_SORT_ASCENDING);

  /* Delete acts on the table only: on the page it would also take the
   * key from the drop-down and the buttons. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("page.delete")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("page.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (shortcuts));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  update_count (self);
  update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.undo", FALSE);
}
