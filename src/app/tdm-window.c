/* tdm-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tdm-article-page.h"
#include "tdm-cooperative-page.h"
#include "tdm-dashboard-page.h"
#include "tdm-fair-page.h"
#include "tdm-partner-page.h"
#include "tdm-window-private.h"

struct _TdmWindow
{
  AdwApplicationWindow  parent_instance;

  TdmStore             *store;
  /* The stack's pages, kept so that the sidebar hears of new ones. */
  GtkSelectionModel    *pages;
  gboolean              syncing_sidebar;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *main_stack;
  GtkListBox           *sidebar;
  GtkStack             *page_stack;
  AdwStatusPage        *error_page;
  TdmCooperativePage   *cooperative_page;
};

G_DEFINE_FINAL_TYPE (TdmWindow, tdm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

TdmWindow *
tdm_window_new (GtkApplication *application)
{
  return g_object_new (TDM_TYPE_WINDOW, "application", application, NULL);
}

TdmCooperativePage *
_tdm_window_get_cooperative_page (TdmWindow *self)
{
  return self->cooperative_page;
}

/* Title ---------------------------------------------------------------------- */

static void
update_title (TdmWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);
  const char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (child != NULL && self->store != NULL)
    title = gtk_stack_page_get_title (gtk_stack_get_page (self->page_stack, child));
  if (self->store != NULL && tdm_store_get_path (self->store) != NULL)
    subtitle = g_path_get_basename (tdm_store_get_path (self->store));

  adw_window_title_set_title (self->window_title, title != NULL ? title : _("Tadamon"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* Sidebar: one row per page of the stack ------------------------------------ */

static GtkWidget *
create_sidebar_row (GtkStackPage *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_stack_page_get_title (page),
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "tdm-page-name",
                          g_strdup (gtk_stack_page_get_name (page)), g_free);

  return row;
}

static void
sync_sidebar_selection (TdmWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->page_stack);

  self->syncing_sidebar = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (row), "tdm-page-name"), name) == 0)
        gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
    }
  self->syncing_sidebar = FALSE;
}

static void
rebuild_sidebar (TdmWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->page_stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  GtkWidget *row;

  self->syncing_sidebar = TRUE;
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, row);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      gtk_list_box_append (self->sidebar, create_sidebar_row (GTK_STACK_PAGE (page)));
    }
  self->syncing_sidebar = FALSE;

  sync_sidebar_selection (self);
}

static void
on_sidebar_row_selected (TdmWindow     *self,
                         GtkListBoxRow *row)
{
  if (self->syncing_sidebar || row == NULL)
    return;

  gtk_stack_set_visible_child_name (self->page_stack,
                                    g_object_get_data (G_OBJECT (row), "tdm-page-name"));
}

/* A page gets the store when it is first shown: the pages behind the
 * visible one would otherwise query the database and build their rows
 * before the window's first frame. The cooperative page always has it
 * (other pages and the window's actions use its list), and a page once
 * shown follows every change of store. */
static void
give_store (TdmWindow *self,
            GtkWidget *child)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (child), "store");
  g_autoptr(TdmStore) current = NULL;

  if (pspec == NULL || !g_type_is_a (pspec->value_type, TDM_TYPE_STORE))
    return;

  g_object_get (child, "store", &current, NULL);
  if (current != self->store)
    g_object_set (child, "store", self->store, NULL);
}

static gboolean
was_shown (TdmWindow *self,
           GtkWidget *child)
{
  return child == GTK_WIDGET (self->cooperative_page) ||
         child == gtk_stack_get_visible_child (self->page_stack) ||
         g_object_get_data (G_OBJECT (child), "tdm-window-shown") != NULL;
}

static void
on_visible_page_changed (TdmWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);

  /* The stack picks other pages while it empties itself. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  if (child != NULL)
    {
      g_object_set_data (G_OBJECT (child), "tdm-window-shown", GINT_TO_POINTER (TRUE));
      give_store (self, child);
    }

  sync_sidebar_selection (self);
  update_title (self);
}

/* Pages ----------------------------------------------------------------------- */

gboolean
tdm_window_show_page (TdmWindow  *self,
                      const char *name)
{
  g_return_val_if_fail (TDM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (gtk_stack_get_child_by_name (self->page_stack, name) == NULL)
    return FALSE;

  gtk_stack_set_visible_child_name (self->page_stack, name);
  return TRUE;
}

const char *
tdm_window_get_page (TdmWindow *self)
{
  g_return_val_if_fail (TDM_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

void
tdm_window_add_toast (TdmWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (TDM_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Store ------------------------------------------------------------------------ */

TdmStore *
tdm_window_get_store (TdmWindow *self)
{
  g_return_val_if_fail (TDM_IS_WINDOW (self), NULL);

  return self->store;
}

void
tdm_window_set_store (TdmWindow *self,
                      TdmStore  *store)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  guint n;

  g_return_if_fail (TDM_IS_WINDOW (self));
  g_return_if_fail (store == NULL || TDM_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* Every page that shows data has a "store" property; the ones never
   * shown get it when they are (see give_store()). */
  pages = gtk_stack_get_pages (self->page_stack);
  n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = gtk_stack_page_get_child (GTK_STACK_PAGE (page));

      if (was_shown (self, child))
        give_store (self, child);
    }

  gtk_stack_set_visible_child_name (self->main_stack, store != NULL ? "pages" : "error");
  update_title (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
tdm_window_show_store_error (TdmWindow    *self,
                             const char   *path,
                             const GError *error)
{
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;

  g_return_if_fail (TDM_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  tdm_window_set_store (self, NULL);

  /* The store's messages name the file; others get it added. The
   * description is markup. */
  if (path != NULL && strstr (error->message, path) == NULL)
    description = g_strdup_printf ("%s\n%s", error->message, path);
  else
    description = g_strdup (error->message);
  escaped = g_markup_escape_text (description, -1);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

/* Actions that act on the visible page ------------------------------------------ */

/* win.find, win.edit, win.delete, win.undo: page.<the same name> of the
 * visible page. */
static void
forward_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TdmWindow *self = TDM_WINDOW (user_data);
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);
  g_autofree char *page_action = NULL;

  if (self->store == NULL || child == NULL)
    return;

  page_action = g_strconcat ("page.", g_action_get_name (G_ACTION (action)), NULL);
  gtk_widget_activate_action (child, page_action, NULL);
}

static void
new_cooperative_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  TdmWindow *self = TDM_WINDOW (user_data);

  if (self->store == NULL)
    return;

  tdm_window_show_page (self, "cooperatives");
  gtk_widget_activate_action (GTK_WIDGET (self->cooperative_page), "page.new", NULL);
}

static const GActionEntry win_entries[] = {
  { "find", forward_activated },
  { "edit", forward_activated },
  { "delete", forward_activated },
  { "undo", forward_activated },
  { "new-cooperative", new_cooperative_activated },
};

/* GObject --------------------------------------------------------------------------- */

static void
tdm_window_dispose (GObject *object)
{
  TdmWindow *self = TDM_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->pages);

  G_OBJECT_CLASS (tdm_window_parent_class)->dispose (object);
}

static void
tdm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TdmWindow *self = TDM_WINDOW (object);

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
tdm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TdmWindow *self = TDM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tdm_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_window_class_init (TdmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_window_dispose;
  object_class->get_property = tdm_window_get_property;
  object_class->set_property = tdm_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TDM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TDM_TYPE_COOPERATIVE_PAGE);
  g_type_ensure (TDM_TYPE_PARTNER_PAGE);
  g_type_ensure (TDM_TYPE_DASHBOARD_PAGE);
  g_type_ensure (TDM_TYPE_ARTICLE_PAGE);
  g_type_ensure (TDM_TYPE_FAIR_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TdmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TdmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TdmWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, TdmWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TdmWindow, cooperative_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);
}

static void
tdm_window_init (TdmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
  _tdm_window_actions_init (self);

  self->pages = gtk_stack_get_pages (self->page_stack);
  g_signal_connect_object (self->pages, "items-changed", G_CALLBACK (rebuild_sidebar),
                           self, G_CONNECT_SWAPPED);
  rebuild_sidebar (self);
  gtk_stack_set_visible_child_name (self->main_stack, "pages");
  update_title (self);
}
