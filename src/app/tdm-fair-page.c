/* tdm-fair-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-exhibitor-list.h"
#include "tdm-fair-day-list.h"
#include "tdm-fair-overview.h"
#include "tdm-fair-page.h"
#include "tdm-fair-partner-list.h"
#include "tdm-fairs.h"
#include "tdm-plan-editor.h"
#include "tdm-pole-list.h"
#include "tdm-text-column.h"

struct _TdmFairPage
{
  AdwBin              parent_instance;

  TdmStore           *store;
  GListStore         *fairs;
  GtkSingleSelection *selection;
  gint64              fair_id;
  GListStore         *unplaced;    /* exhibitors that may hold a stand and have none */
  GListModel         *poles;       /* of the plan's pole drop-down */

  /* Template widgets */
  GtkStack           *stack;
  GtkStack           *list_stack;
  GtkColumnView      *fairs_view;
  GtkLabel           *fair_title;
  AdwViewSwitcher    *view_switcher;
  AdwViewStack       *view_stack;
  TdmFairOverview    *overview;
  TdmPoleList        *pole_list;
  GtkWidget          *plan_toolbar;
  GtkDropDown        *pole_dropdown;
  TdmPlanEditor      *plan_editor;
  GtkListView        *unplaced_view;
  GtkLabel           *unplaced_label;
  TdmExhibitorList   *exhibitor_list;
  TdmFairPartnerList *partner_list;
  TdmFairDayList     *day_list;
};

G_DEFINE_FINAL_TYPE (TdmFairPage, tdm_fair_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The list of fairs ------------------------------------------------------------ */

static char *
title_text (gpointer item)
{
  return g_strdup (tdm_fair_get_title (item));
}

static char *
edition_text (gpointer item)
{
  gint edition = tdm_fair_get_edition (item);

  return edition > 0 ? g_strdup_printf ("%d", edition) : NULL;
}

static char *
region_text (gpointer item)
{
  return g_strdup (tdm_fair_get_region_name (item));
}

static char *
city_text (gpointer item)
{
  return g_strdup (tdm_fair_get_city (item));
}

static char *
dates_text (gpointer item)
{
  const char *start = tdm_fair_get_start_date (item);
  const char *end = tdm_fair_get_end_date (item);

  if (start == NULL)
    return g_strdup (end);
  if (end == NULL || g_strcmp0 (start, end) == 0)
    return g_strdup (start);
  /* Translators: the dates of a fair, from the first to the last day. */
  return g_strdup_printf (_("%s – %s"), start, end);
}

static char *
status_text (gpointer item)
{
  return g_strdup (tdm_fair_get_status_label (item));
}

static void
reload_fairs (TdmFairPage *self)
{
  g_autoptr(GListModel) fairs = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n;

  if (self->store != NULL)
    fairs = tdm_store_list_fairs (self->store, &error);
  if (error != NULL)
    g_warning ("%s", error->message);

  n = fairs != NULL ? g_list_model_get_n_items (fairs) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (fairs, i));
  g_list_store_splice (self->fairs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->fairs)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 || self->store == NULL ? "list" : "empty");
}

GListModel *
tdm_fair_page_get_fairs (TdmFairPage *self)
{
  g_return_val_if_fail (TDM_IS_FAIR_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

static void
fairs_activate_cb (TdmFairPage *self,
                   guint        position)
{
  g_autoptr(TdmFair) fair = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (fair != NULL)
    tdm_fair_page_show_fair (self, tdm_fair_get_id (fair));
}

/* The plan tab's side list and pole --------------------------------------------- */

static void
reload_unplaced (TdmFairPage *self)
{
  g_autoptr(GListModel) exhibitors = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *label = NULL;
  guint n;

  if (self->store != NULL && self->fair_id > 0)
    exhibitors = tdm_store_list_exhibitors (self->store, self->fair_id, NULL, NULL);
  n = exhibitors != NULL ? g_list_model_get_n_items (exhibitors) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmExhibitor) exhibitor = g_list_model_get_item (exhibitors, i);

      if (tdm_exhibitor_get_stand_id (exhibitor) == 0 &&
          tdm_exhibitor_status_can_hold_stand (tdm_exhibitor_get_status (exhibitor)))
        g_ptr_array_add (items, g_steal_pointer (&exhibitor));
    }
  g_list_store_splice (self->unplaced, 0, g_list_model_get_n_items (G_LIST_MODEL (self->unplaced)),
                       items->pdata, items->len);

  label = g_strdup_printf (ngettext ("%u accepted exhibitor without a stand",
                                     "%u accepted exhibitors without a stand", items->len),
                           items->len);
  gtk_label_set_label (self->unplaced_label, label);
}

static void
reload_poles (TdmFairPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 pole_id = tdm_plan_editor_get_pole_id (self->plan_editor);
  guint selected = 0;
  guint n;

  g_clear_object (&self->poles);
  if (self->store != NULL && self->fair_id > 0)
    self->poles = tdm_store_list_poles (self->store, self->fair_id, NULL);
  n = self->poles != NULL ? g_list_model_get_n_items (self->poles) : 0;

  gtk_string_list_append (names, _("No pole"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmPole) pole = g_list_model_get_item (self->poles, i);

      gtk_string_list_append (names, tdm_pole_get_display_name (pole));
      if (tdm_pole_get_id (pole) == pole_id)
        selected = i + 1;
    }
  /* New stands go to the first pole unless the user chose another. */
  if (selected == 0 && n > 0 && pole_id == 0)
    selected = 1;
  gtk_drop_down_set_model (self->pole_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->pole_dropdown, selected);
}

static void
pole_selected_cb (TdmFairPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->pole_dropdown);
  gint64 pole_id = 0;

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION && self->poles != NULL)
    {
      g_autoptr(TdmPole) pole = g_list_model_get_item (self->poles, selected - 1);

      if (pole != NULL)
        pole_id = tdm_pole_get_id (pole);
    }
  tdm_plan_editor_set_pole_id (self->plan_editor, pole_id);
}

static void
unplaced_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_widget_set_tooltip_text (label, _("Drag onto a stand of the plan"));
  tdm_exhibitor_drag_source_attach (label, item);
  gtk_list_item_set_child (item, label);
}

static void
unplaced_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  TdmExhibitor *exhibitor = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       tdm_exhibitor_get_display_name (exhibitor));
}

/* A fair's page -------------------------------------------------------------------- */

static void
update_fair_title (TdmFairPage *self)
{
  g_autoptr(TdmFair) fair = NULL;
  g_autofree char *edition = NULL;
  g_autofree char *title = NULL;

  if (self->store != NULL && self->fair_id > 0)
    fair = tdm_store_get_fair (self->store, self->fair_id, NULL);
  if (fair == NULL)
    {
      gtk_label_set_label (self->fair_title, _("New Fair"));
      return;
    }

  edition = tdm_fair_dup_edition_label (fair);
  if (edition != NULL && *edition != '\0')
    /* Translators: a fair's title and its edition ("3rd edition"). */
    title = g_strdup_printf (_("%s — %s"), tdm_fair_get_title (fair), edition);
  else
    title = g_strdup (tdm_fair_get_title (fair));
  gtk_label_set_label (self->fair_title, title);
}

static void
set_fair (TdmFairPage *self,
          gint64       id)
{
  self->fair_id = id;
  tdm_fair_overview_set_fair (self->overview, self->store, id);
  tdm_pole_list_set_fair (self->pole_list, self->store, id);
  tdm_plan_editor_set_fair (self->plan_editor, self->store, id);
  tdm_exhibitor_list_set_fair (self->exhibitor_list, self->store, id);
  tdm_fair_partner_list_set_fair (self->partner_list, self->store, id);
  tdm_fair_day_list_set_fair (self->day_list, self->store, id);
  reload_poles (self);
  pole_selected_cb (self);
  reload_unplaced (self);
  update_fair_title (self);

  /* A fair not saved yet has only its form. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->view_switcher), id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.back", TRUE);
}

gboolean
tdm_fair_page_show_fair (TdmFairPage *self,
                         gint64       id)
{
  g_autoptr(TdmFair) fair = NULL;

  g_return_val_if_fail (TDM_IS_FAIR_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  if (id > 0 && (fair = tdm_store_get_fair (self->store, id, NULL)) == NULL)
    return FALSE;

  set_fair (self, id);
  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  gtk_stack_set_visible_child_name (self->stack, "fair");
  return TRUE;
}

void
tdm_fair_page_show_list (TdmFairPage *self)
{
  g_return_if_fail (TDM_IS_FAIR_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.back", FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->fairs_view));
}

gboolean
tdm_fair_page_show_tab (TdmFairPage *self,
                        const char  *tab)
{
  g_return_val_if_fail (TDM_IS_FAIR_PAGE (self), FALSE);

  if (self->fair_id <= 0 || adw_view_stack_get_child_by_name (self->view_stack, tab) == NULL)
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack, "fair");
  adw_view_stack_set_visible_child_name (self->view_stack, tab);
  return TRUE;
}

gint64
tdm_fair_page_get_fair_id (TdmFairPage *self)
{
  g_return_val_if_fail (TDM_IS_FAIR_PAGE (self), 0);

  return self->fair_id;
}

TdmPlanEditor *
tdm_fair_page_get_plan_editor (TdmFairPage *self)
{
  g_return_val_if_fail (TDM_IS_FAIR_PAGE (self), NULL);

  return self->plan_editor;
}

TdmExhibitorList *
tdm_fair_page_get_exhibitor_list (TdmFairPage *self)
{
  g_return_val_if_fail (TDM_IS_FAIR_PAGE (self), NULL);

  return self->exhibitor_list;
}

static GtkWidget *
find_fair_page (GtkWidget *widget)
{
  if (TDM_IS_FAIR_PAGE (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_fair_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
tdm_fair_page_open_first (GtkWidget  *root,
                          const char *tab)
{
  GtkWidget *page = find_fair_page (root);
  g_autoptr(TdmFair) fair = NULL;
  TdmFairPage *self;

  if (page == NULL)
    return FALSE;

  self = TDM_FAIR_PAGE (page);
  fair = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);
  return fair != NULL &&
         tdm_fair_page_show_fair (self, tdm_fair_get_id (fair)) &&
         tdm_fair_page_show_tab (self, tab);
}

static void
overview_saved_cb (TdmFairPage *self,
                   TdmFair     *fair)
{
  /* A new fair gets its other tabs once it exists. */
  if (self->fair_id != tdm_fair_get_id (fair))
    set_fair (self, tdm_fair_get_id (fair));
  else
    update_fair_title (self);
}

static void
store_changed_cb (TdmFairPage *self,
                  const char  *table)
{
  if (g_strcmp0 (table, "fair") == 0)
    {
      reload_fairs (self);
      update_fair_title (self);
    }
  else if (g_strcmp0 (table, "pole") == 0)
    reload_poles (self);
  else if (g_strcmp0 (table, "exhibitor") == 0 || g_strcmp0 (table, "stand") == 0)
    reload_unplaced (self);
}

/* Store -------------------------------------------------------------------------------- */

TdmStore *
tdm_fair_page_get_store (TdmFairPage *self)
{
  g_return_val_if_fail (TDM_IS_FAIR_PAGE (self), NULL);

  return self->store;
}

void
tdm_fair_page_set_store (TdmFairPage *self,
                         TdmStore    *store)
{
  g_return_if_fail (TDM_IS_FAIR_PAGE (self));
  g_return_if_fail (store == NULL || TDM_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  set_fair (self, 0);
  reload_fairs (self);
  tdm_fair_page_show_list (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", store != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Actions --------------------------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TdmFairPage *self = TDM_FAIR_PAGE (widget);

  if (tdm_fair_page_show_fair (self, 0))
    gtk_widget_grab_focus (GTK_WIDGET (self->overview));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tdm_fair_page_show_list (TDM_FAIR_PAGE (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TdmFairPage *self = TDM_FAIR_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "fair") == 0 &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "plan") == 0)
    tdm_plan_editor_undo (self->plan_editor);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
tdm_fair_page_dispose (GObject *object)
{
  TdmFairPage *self = TDM_FAIR_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* The stack is the bin's child and a template child: the bin lets go
   * of it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TDM_TYPE_FAIR_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->fairs);
  g_clear_object (&self->unplaced);
  g_clear_object (&self->poles);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tdm_fair_page_parent_class)->dispose (object);
}

static void
tdm_fair_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TdmFairPage *self = TDM_FAIR_PAGE (object);

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
tdm_fair_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TdmFairPage *self = TDM_FAIR_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tdm_fair_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_fair_page_class_init (TdmFairPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_fair_page_dispose;
  object_class->get_property = tdm_fair_page_get_property;
  object_class->set_property = tdm_fair_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TDM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TDM_TYPE_FAIR_OVERVIEW);
  g_type_ensure (TDM_TYPE_POLE_LIST);
  g_type_ensure (TDM_TYPE_PLAN_EDITOR);
  g_type_ensure (TDM_TYPE_EXHIBITOR_LIST);
  g_type_ensure (TDM_TYPE_FAIR_PARTNER_LIST);
  g_type_ensure (TDM_TYPE_FAIR_DAY_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-fair-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, fairs_view);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, fair_title);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, overview);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, pole_list);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, plan_toolbar);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, pole_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, plan_editor);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, unplaced_view);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, unplaced_label);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, exhibitor_list);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, partner_list);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPage, day_list);
  gtk_widget_class_bind_template_callback (widget_class, fairs_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, overview_saved_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "page.undo", NULL, undo_action);
}

static void
tdm_fair_page_init (TdmFairPage *self)
{
  g_autoptr(GtkColumnViewColumn) title = NULL;
  g_autoptr(GtkNoSelection) no_selection = NULL;
  GtkSortListModel *sorted;
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->fairs = g_list_store_new (TDM_TYPE_FAIR);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->fairs)),
                                    g_object_ref (gtk_column_view_get_sorter (self->fairs_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->fairs_view, GTK_SELECTION_MODEL (self->selection));

  title = tdm_text_column_new (_("Title"), title_text, TRUE, 260, FALSE);
  gtk_column_view_append_column (self->fairs_view, title);
  tdm_text_column_append (self->fairs_view, _("Edition"), edition_text, FALSE, 80, TRUE);
  tdm_text_column_append (self->fairs_view, _("Region"), region_text, FALSE, 190, FALSE);
  tdm_text_column_append (self->fairs_view, _("City"), city_text, FALSE, 120, FALSE);
  tdm_text_column_append (self->fairs_view, _("Dates"), dates_text, FALSE, 200, FALSE);
  tdm_text_column_append (self->fairs_view, _("Status"), status_text, FALSE, 110, FALSE);

  self->unplaced = g_list_store_new (TDM_TYPE_EXHIBITOR);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (unplaced_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (unplaced_bind_cb), NULL);
  gtk_list_view_set_factory (self->unplaced_view, factory);
  g_object_unref (factory);
  no_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->unplaced)));
  gtk_list_view_set_model (self->unplaced_view, GTK_SELECTION_MODEL (no_selection));

  /* The plan's toolbar acts on the editor, its sibling. */
  gtk_widget_insert_action_group (self->plan_toolbar, "plan",
                                  tdm_plan_editor_get_actions (self->plan_editor));
  g_signal_connect_object (self->pole_dropdown, "notify::selected",
                           G_CALLBACK (pole_selected_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.back", FALSE);
  reload_fairs (self);
}
