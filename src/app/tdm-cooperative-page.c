/* tdm-cooperative-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tdm-app-util.h"
#include "tdm-column-sorter.h"
#include "tdm-cooperative-editor.h"
#include "tdm-cooperative-page-private.h"
#include "tdm-registry.h"

struct _TdmCooperativePage
{
  GtkWidget            parent_instance;

  TdmStore            *store;
  /* The registry of STORE (the list is made for one store), or NULL. */
  TdmCooperativeList  *cooperatives;
  /* The rows the table shows: COOPERATIVES, or only its first ones until
   * the window's first frame (see _tdm_cooperative_page_set_row_limit()). */
  GtkSliceListModel   *rows;
  /* The last deletion, for Undo, while its toast is shown. */
  TdmCooperative      *deleted;
  AdwToast            *undo_toast;
  GtkWidget           *editor;
  gboolean             updating_filters;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkDropDown         *region_dropdown;
  GtkDropDown         *province_dropdown;
  GtkDropDown         *sector_dropdown;
  GtkStack            *view_stack;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  AdwStatusPage       *empty_page;
  GtkLabel            *count_label;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *province_column;
  GtkColumnViewColumn *region_column;
  GtkColumnViewColumn *sector_column;
  GtkColumnViewColumn *members_column;
  GtkColumnViewColumn *women_column;
  GtkColumnViewColumn *founded_column;
};

G_DEFINE_FINAL_TYPE (TdmCooperativePage, tdm_cooperative_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Cells ------------------------------------------------------------------ */

static char *
format_count (GtkListItem *item,
              int          value,
              gpointer     user_data)
{
  return g_strdup_printf ("%'d", value);
}

static char *
format_share (GtkListItem *item,
              double       share,
              gpointer     user_data)
{
  if (share < 0)
    return g_strdup ("—");

  /* TRANSLATORS: a share of women among the members, in percent */
  return g_strdup_printf (_("%d %%"), (int) round (share * 100));
}

static char *
format_year (GtkListItem *item,
             int          year,
             gpointer     user_data)
{
  return year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("");
}

typedef struct {
  const char *property;
  GCallback   format;     /* NULL: a string property shown as it is */
} CellSpec;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            const CellSpec           *spec)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *expression;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  /* Bound to the item's property (not read once in bind) so that a row
   * on screen follows an edit of its record. */
  expression = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  expression = gtk_property_expression_new (TDM_TYPE_COOPERATIVE, expression, spec->property);

  if (spec->format != NULL)
    {
      expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &expression,
                                                spec->format, NULL, NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
    }

  gtk_expression_bind (expression, label, "label", item);
  gtk_list_item_set_child (item, label);
}

static void
set_cell_factory (GtkColumnViewColumn *column,
                  const CellSpec      *spec)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) spec);
  gtk_column_view_column_set_factory (column, factory);
}

/* Count and empty state -------------------------------------------------- */

static gboolean
has_filter (TdmCooperativePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return (text != NULL && *text != '\0') ||
         gtk_drop_down_get_selected (self->region_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->province_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->sector_dropdown) > 0;
}

static void
update_count (TdmCooperativePage *self)
{
  guint n = self->cooperatives != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->cooperatives)) : 0;
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("%s cooperative", "%s cooperatives", n), number);
  gtk_label_set_label (self->count_label, self->store != NULL ? text : "");

  if (n > 0 || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->view_stack, "list");
      return;
    }

  if (has_filter (self))
    {
      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Cooperatives Match"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try other words, or another region, province or sector."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Cooperatives Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the first one with the + button or Ctrl+N, or import a CSV file."));
    }
  gtk_stack_set_visible_child_name (self->view_stack, "empty");
}

static void
on_items_changed (TdmCooperativePage *self,
                  guint               position,
                  guint               removed,
                  guint               added,
                  GListModel         *model)
{
  update_count (self);
}

/* Filters ---------------------------------------------------------------- */

/* PLACES with an "All …" entry of id 0 first. */
static GListModel *
with_all_entry (GListModel   *places,
                TdmPlaceKind  kind,
                const char   *label)
{
  GListStore *result = g_list_store_new (TDM_TYPE_PLACE);
  g_autoptr(TdmPlace) all = tdm_place_new (kind, 0, "", label, label, 0);
  guint n = places != NULL ? g_list_model_get_n_items (places) : 0;

  g_list_store_append (result, all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) place = g_list_model_get_item (places, i);

      g_list_store_append (result, place);
    }

  return G_LIST_MODEL (result);
}

static gint64
selected_place_id (GtkDropDown *dropdown)
{
  TdmPlace *place = gtk_drop_down_get_selected_item (dropdown);

  return place != NULL ? tdm_place_get_id (place) : 0;
}

static void
apply_filter (TdmCooperativePage *self)
{
  if (self->cooperatives == NULL)
    return;

  tdm_cooperative_list_set_filter (self->cooperatives,
                                   selected_place_id (self->region_dropdown),
                                   selected_place_id (self->province_dropdown),
                                   selected_place_id (self->sector_dropdown));
}

static void
load_provinces (TdmCooperativePage *self,
                gint64              region_id)
{
  g_autoptr(GListModel) provinces = NULL;
  g_autoptr(GListModel) model = NULL;

  if (self->store != NULL)
    provinces = tdm_store_list_provinces (self->store, region_id);
  model = with_all_entry (provinces, TDM_PLACE_PROVINCE, _("All provinces"));
  gtk_drop_down_set_model (self->province_dropdown, model);
  gtk_drop_down_set_selected (self->province_dropdown, 0);
}

static void
load_filters (TdmCooperativePage *self)
{
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(GListModel) sectors = NULL;
  g_autoptr(GListModel) region_model = NULL;
  g_autoptr(GListModel) sector_model = NULL;

  self->updating_filters = TRUE;

  if (self->store != NULL)
    {
      regions = tdm_store_list_regions (self->store);
      sectors = tdm_store_list_sectors (self->store);
    }
  region_model = with_all_entry (regions, TDM_PLACE_REGION, _("All regions"));
  sector_model = with_all_entry (sectors, TDM_PLACE_SECTOR, _("All sectors"));
  gtk_drop_down_set_model (self->region_dropdown, region_model);
  gtk_drop_down_set_selected (self->region_dropdown, 0);
  gtk_drop_down_set_model (self->sector_dropdown, sector_model);
  gtk_drop_down_set_selected (self->sector_dropdown, 0);
  load_provinces (self, 0);

  self->updating_filters = FALSE;
}

static void
on_region_selected (TdmCooperativePage *self)
{
  if (self->updating_filters)
    return;

  /* The province list shows only the chosen region's provinces. */
  self->updating_filters = TRUE;
  load_provinces (self, selected_place_id (self->region_dropdown));
  self->updating_filters = FALSE;

  apply_filter (self);
}

static void
on_filter_selected (TdmCooperativePage *self)
{
  if (!self->updating_filters)
    apply_filter (self);
}

static void
on_search_changed (TdmCooperativePage *self)
{
  if (self->cooperatives != NULL)
    tdm_cooperative_list_set_search (self->cooperatives,
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Selects the entry of DROPDOWN whose place is ID (0: "All …"). */
static void
select_place (GtkDropDown *dropdown,
              gint64       id)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmPlace) place = g_list_model_get_item (model, i);

      if (tdm_place_get_id (place) == id)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  gtk_drop_down_set_selected (dropdown, 0);
}

void
tdm_cooperative_page_show_place (TdmCooperativePage *self,
                                 TdmPlaceKind        kind,
                                 gint64              id)
{
  g_return_if_fail (TDM_IS_COOPERATIVE_PAGE (self));

  self->updating_filters = TRUE;
  select_place (self->region_dropdown, kind == TDM_PLACE_REGION ? id : 0);
  load_provinces (self, kind == TDM_PLACE_REGION ? id : 0);
  select_place (self->province_dropdown, kind == TDM_PLACE_PROVINCE ? id : 0);
  select_place (self->sector_dropdown, kind == TDM_PLACE_SECTOR ? id : 0);
  self->updating_filters = FALSE;

  /* A search left from before would hide some of the place's records. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  if (self->cooperatives != NULL)
    tdm_cooperative_list_set_search (self->cooperatives, "");

  apply_filter (self);
}

static void
on_stop_search (TdmCooperativePage *self)
{
  tdm_app_stop_search (GTK_EDITABLE (self->search_entry), GTK_WIDGET (self->column_view));
}

/* Enter in the search goes to the results. */
static void
on_search_activate (TdmCooperativePage *self)
{
  tdm_app_open_results (self->cooperatives != NULL ? G_LIST_MODEL (self->cooperatives) : NULL,
                        self->selection, GTK_WIDGET (self->column_view));
}

/* Sorting: done by the model in SQL (see tdm-column-sorter.h). */
static void
on_sorter_changed (TdmCooperativePage *self,
                   GtkSorterChange     change,
                   GtkSorter          *sorter)
{
  gboolean descending = FALSE;
  int key;

  /* The columns go away while the page is disposed. */
  if (self->column_view == NULL || self->cooperatives == NULL)
    return;

  key = tdm_column_sorter_probe (sorter, self->column_view, &descending);
  if (key < 0)
    key = TDM_COOPERATIVE_SORT_NAME;

  tdm_cooperative_list_set_sort (self->cooperatives, (TdmCooperativeSort) key, descending);
}

/* Selection and editing -------------------------------------------------- */

/* The list view inside the column view owns the list.* actions. */
static GtkWidget *
inner_list_view (TdmCooperativePage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

static void
select_cooperative (TdmCooperativePage *self,
                    gint64              id)
{
  gint position = self->cooperatives != NULL ? tdm_cooperative_list_find (self->cooperatives, id) : -1;
  GtkWidget *list_view;

  if (position < 0)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  list_view = inner_list_view (self);
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", (guint) position);
}

static TdmCooperative *
selected_cooperative (TdmCooperativePage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (TdmCooperativePage *self)
{
  gboolean selected = selected_cooperative (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete", selected);
}

static void
on_editor_saved (TdmCooperativePage *self,
                 TdmCooperative     *cooperative)
{
  select_cooperative (self, tdm_cooperative_get_id (cooperative));
}

static GtkWidget *
open_editor (TdmCooperativePage *self,
             TdmCooperative     *cooperative)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmCooperative) full = NULL;
  TdmCooperativeEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL)
    return NULL;

  /* List items carry no labels: edit the whole record. */
  if (cooperative != NULL)
    {
      full = tdm_store_get_cooperative (self->store, tdm_cooperative_get_id (cooperative), &error);
      if (full == NULL)
        {
          tdm_app_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
          return NULL;
        }
    }

  editor = tdm_cooperative_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store, full);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->editor, GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WIDGET (editor);
}

static void
on_column_view_activate (TdmCooperativePage *self,
                         guint               position)
{
  g_autoptr(TdmCooperative) cooperative = g_list_model_get_item (G_LIST_MODEL (self->cooperatives), position);

  if (cooperative != NULL)
    open_editor (self, cooperative);
}

GtkWidget *
tdm_cooperative_page_edit_first (TdmCooperativePage *self)
{
  g_autoptr(TdmCooperative) first = NULL;

  g_return_val_if_fail (TDM_IS_COOPERATIVE_PAGE (self), NULL);

  if (self->cooperatives != NULL)
    first = g_list_model_get_item (G_LIST_MODEL (self->cooperatives), 0);
  return open_editor (self, first);
}

/* Deleting, with Undo ----------------------------------------------------- */

static void
on_undo_toast_dismissed (TdmCooperativePage *self,
                         AdwToast           *toast)
{
  if (self->undo_toast != toast)
    return;

  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->deleted);
}

static void
delete_selected (TdmCooperativePage *self)
{
  TdmCooperative *cooperative = selected_cooperative (self);
  g_autoptr(GError) error = NULL;
  TdmCooperative *deleted = NULL;
  guint position = gtk_single_selection_get_selected (self->selection);
  AdwToast *toast;

  if (cooperative == NULL || self->store == NULL)
    return;

  if (!tdm_store_delete_cooperative (self->store, tdm_cooperative_get_id (cooperative),
                                     &deleted, &error))
    {
      tdm_app_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }

  /* Only the last deletion can be undone: its toast replaces the one
   * before. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_object (&self->deleted);
  self->deleted = deleted;

  toast = adw_toast_new (_("Cooperative deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, 5);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed),
                           self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->undo_toast, toast);
  tdm_app_add_toast (GTK_WIDGET (self), toast);

  /* Keep the keyboard on the row that took the deleted one's place. */
  if (position != GTK_INVALID_LIST_POSITION &&
      g_list_model_get_n_items (G_LIST_MODEL (self->cooperatives)) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->cooperatives)) - 1));
}

static void
undo_delete (TdmCooperativePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmCooperative) deleted = NULL;

  if (self->deleted == NULL || self->store == NULL)
    return;

  deleted = g_steal_pointer (&self->deleted);
  if (self->undo_toast != NULL)
    {
      AdwToast *toast = self->undo_toast;

      g_clear_weak_pointer (&self->undo_toast);
      adw_toast_dismiss (toast);
    }

  if (!tdm_store_restore_cooperative (self->store, deleted, &error))
    {
      tdm_app_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }

  select_cooperative (self, tdm_cooperative_get_id (deleted));
}

/* Actions ------------------------------------------------------------------ */

static void
page_find (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  TdmCooperativePage *self = TDM_COOPERATIVE_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
page_new (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  open_editor (TDM_COOPERATIVE_PAGE (widget), NULL);
}

static void
page_edit (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  TdmCooperativePage *self = TDM_COOPERATIVE_PAGE (widget);
  TdmCooperative *cooperative = selected_cooperative (self);

  if (cooperative != NULL)
    open_editor (self, cooperative);
}

static void
page_delete (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  delete_selected (TDM_COOPERATIVE_PAGE (widget));
}

static void
page_undo (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  undo_delete (TDM_COOPERATIVE_PAGE (widget));
}

/* Store -------------------------------------------------------------------- */

TdmStore *
tdm_cooperative_page_get_store (TdmCooperativePage *self)
{
  g_return_val_if_fail (TDM_IS_COOPERATIVE_PAGE (self), NULL);

  return self->store;
}

void
tdm_cooperative_page_set_store (TdmCooperativePage *self,
                                TdmStore           *store)
{
  g_return_if_fail (TDM_IS_COOPERATIVE_PAGE (self));
  g_return_if_fail (store == NULL || TDM_IS_STORE (store));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);
  g_clear_object (&self->deleted);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));

  /* A new database starts from a clean search. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
  load_filters (self);

  if (self->cooperatives != NULL)
    g_signal_handlers_disconnect_by_func (self->cooperatives, on_items_changed, self);
  g_clear_object (&self->cooperatives);
  if (store != NULL)
    {
      self->cooperatives = tdm_cooperative_list_new (store);
      g_signal_connect_object (self->cooperatives, "items-changed",
                               G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
      on_sorter_changed (self, GTK_SORTER_CHANGE_DIFFERENT,
                         gtk_column_view_get_sorter (self->column_view));
    }
  gtk_slice_list_model_set_model (self->rows, G_LIST_MODEL (self->cooperatives));
  gtk_widget_set_sensitive (GTK_WIDGET (self), store != NULL);
  update_count (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* GTK 4.8's list view builds a row for each of the model's first 200
 * items, visible or not: 1,400 cells of the registry before the window
 * can draw. The window limits the table to the rows a screen can show
 * until its first frame is drawn, then raises the limit up to G_MAXUINT
 * (all). The count, the filters, the sort and the search always work on
 * the whole list. */
void
_tdm_cooperative_page_set_row_limit (TdmCooperativePage *self,
                                     guint               limit)
{
  g_return_if_fail (TDM_IS_COOPERATIVE_PAGE (self));

  gtk_slice_list_model_set_size (self->rows, limit);
}

/* For the tests ----------------------------------------------------------- */

GtkEditable *
_tdm_cooperative_page_get_search_entry (TdmCooperativePage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

TdmCooperativeList *
_tdm_cooperative_page_get_list (TdmCooperativePage *self)
{
  return self->cooperatives;
}

GtkSingleSelection *
_tdm_cooperative_page_get_selection (TdmCooperativePage *self)
{
  return self->selection;
}

GtkColumnView *
_tdm_cooperative_page_get_column_view (TdmCooperativePage *self)
{
  return self->column_view;
}

GtkDropDown *
_tdm_cooperative_page_get_filter (TdmCooperativePage *self,
                                  TdmPlaceKind        kind)
{
  switch (kind)
    {
    case TDM_PLACE_REGION:
      return self->region_dropdown;
    case TDM_PLACE_PROVINCE:
      return self->province_dropdown;
    case TDM_PLACE_SECTOR:
      return self->sector_dropdown;
    default:
      g_return_val_if_reached (NULL);
    }
}

GtkLabel *
_tdm_cooperative_page_get_count_label (TdmCooperativePage *self)
{
  return self->count_label;
}

AdwToast *
_tdm_cooperative_page_get_undo_toast (TdmCooperativePage *self)
{
  return self->undo_toast;
}

GtkWidget *
_tdm_cooperative_page_get_editor (TdmCooperativePage *self)
{
  return self->editor;
}

/* GObject ------------------------------------------------------------------- */

static const CellSpec name_cell = { "display-name", NULL };
static const CellSpec province_cell = { "province-name", NULL };
static const CellSpec region_cell = { "region-name", NULL };
static const CellSpec sector_cell = { "sector-name", NULL };
static const CellSpec members_cell = { "members", G_CALLBACK (format_count) };
static const CellSpec women_cell = { "women-share", G_CALLBACK (format_share) };
static const CellSpec founded_cell = { "founded-year", G_CALLBACK (format_year) };

static void
tdm_cooperative_page_dispose (GObject *object)
{
  TdmCooperativePage *self = TDM_COOPERATIVE_PAGE (object);
  GtkWidget *child;

  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  g_clear_weak_pointer (&self->editor);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->deleted);

  gtk_widget_dispose_template (GTK_WIDGET (self), TDM_TYPE_COOPERATIVE_PAGE);
  /* The template's root box is not bound, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->rows);
  g_clear_object (&self->cooperatives);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tdm_cooperative_page_parent_class)->dispose (object);
}

static void
tdm_cooperative_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TdmCooperativePage *self = TDM_COOPERATIVE_PAGE (object);

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
tdm_cooperative_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TdmCooperativePage *self = TDM_COOPERATIVE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tdm_cooperative_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_cooperative_page_class_init (TdmCooperativePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_cooperative_page_dispose;
  object_class->get_property = tdm_cooperative_page_get_property;
  object_class->set_property = tdm_cooperative_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TDM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TDM_TYPE_COLUMN_SORTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ma/tadamon/Tadamon/tdm-cooperative-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, province_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, sector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, selection);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, name_column);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, province_column);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, region_column);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, sector_column);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, members_column);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, women_column);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativePage, founded_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_region_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, update_actions);

  gtk_widget_class_install_action (widget_class, "page.find", NULL, page_find);
  gtk_widget_class_install_action (widget_class, "page.new", NULL, page_new);
  gtk_widget_class_install_action (widget_class, "page.edit", NULL, page_edit);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, page_delete);
  gtk_widget_class_install_action (widget_class, "page.undo", NULL, page_undo);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tdm_cooperative_page_init (TdmCooperativePage *self)
{
  GtkShortcutController *shortcuts;
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = gtk_slice_list_model_new (NULL, 0, G_MAXUINT);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->rows));

  expression = gtk_property_expression_new (TDM_TYPE_PLACE, NULL, "display-name");
  gtk_drop_down_set_expression (self->region_dropdown, expression);
  gtk_drop_down_set_expression (self->province_dropdown, expression);
  gtk_drop_down_set_expression (self->sector_dropdown, expression);
  gtk_expression_unref (expression);
  load_filters (self);

  set_cell_factory (self->name_column, &name_cell);
  set_cell_factory (self->province_column, &province_cell);
  set_cell_factory (self->region_column, &region_cell);
  set_cell_factory (self->sector_column, &sector_cell);
  set_cell_factory (self->members_column, &members_cell);
  set_cell_factory (self->women_column, &women_cell);
  set_cell_factory (self->founded_column, &founded_cell);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  /* Delete acts on the table only: as a window accelerator it would eat
   * the Delete key of every text entry. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("win.delete")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("win.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (shortcuts));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  update_actions (self);
  update_count (self);
}
