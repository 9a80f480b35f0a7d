/* tdm-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tdm-article-page.h"
#include "tdm-cooperative-page-private.h"
#include "tdm-dashboard-page.h"
#include "tdm-fair-page.h"
#include "tdm-launch-trace.h"
#include "tdm-partner-page.h"
#include "tdm-window-private.h"

struct _TdmWindow
{
  AdwApplicationWindow  parent_instance;

  TdmStore             *store;
  gboolean              syncing_sidebar;
  guint                 finish_launch_id;
  /* Rows of the registry the table shows, G_MAXUINT: all of them. */
  guint                 row_limit;

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

/* Sections ------------------------------------------------------------------- */

/* The sidebar's sections, in order. The cooperatives page is in the
 * template: other pages and the window's actions use its list. The
 * others are built when first shown (see ensure_page()). */
typedef struct
{
  const char  *name;
  const char  *title;
  const char  *icon_name;
  GType      (*get_type) (void);
} Section;

static const Section sections[] = {
  { "cooperatives", N_("Cooperatives"), "system-users-symbolic", NULL },
  { "partners", N_("Partners"), "x-office-address-book-symbolic", tdm_partner_page_get_type },
  { "fairs", N_("Fairs"), "x-office-calendar-symbolic", tdm_fair_page_get_type },
  { "articles", N_("Articles"), "x-office-document-symbolic", tdm_article_page_get_type },
  { "dashboard", N_("Dashboard"), "x-office-presentation-symbolic", tdm_dashboard_page_get_type },
};

/* The page of section NAME, built now if it was not yet; NULL when there
 * is no such section. */
static GtkWidget *
ensure_page (TdmWindow  *self,
             const char *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->page_stack, name);

  if (child != NULL)
    return child;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkStackPage *page;

      if (sections[i].get_type == NULL || strcmp (sections[i].name, name) != 0)
        continue;

      child = g_object_new (sections[i].get_type (), NULL);
      page = gtk_stack_add_titled (self->page_stack, child, name, _(sections[i].title));
      gtk_stack_page_set_icon_name (page, sections[i].icon_name);
      return child;
    }
  return NULL;
}

static GtkWidget *
create_sidebar_row (const Section *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (section->icon_name);
  GtkWidget *label = gtk_label_new (_(section->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->title),
                                  -1);
  g_object_set_data (G_OBJECT (row), "tdm-page-name", (gpointer) section->name);

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
on_sidebar_row_selected (TdmWindow     *self,
                         GtkListBoxRow *row)
{
  if (self->syncing_sidebar || row == NULL)
    return;

  tdm_window_show_page (self, g_object_get_data (G_OBJECT (row), "tdm-page-name"));
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

/* First frame ------------------------------------------------------------------ */

/* A row of the registry is taller than this: a line of text and the
 * table's paddings (style.css). */
#define MIN_ROW_HEIGHT 24

/* How many rows of the registry a window can show at once: as many as
 * fit on the tallest monitor. G_MAXUINT when no monitor is known. */
static guint
visible_rows_at_most (TdmWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint n = g_list_model_get_n_items (monitors);
  int tallest = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      tallest = MAX (tallest, geometry.height);
    }

  return tallest > 0 ? (guint) tallest / MIN_ROW_HEIGHT + 1 : G_MAXUINT;
}

/* What the first frame could do without, done once it is on screen, a
 * step per idle so that input and frames come in between. */
static gboolean
finish_launch (gpointer data)
{
  TdmWindow *self = TDM_WINDOW (data);
  TdmCooperativeList *list = _tdm_cooperative_page_get_list (self->cooperative_page);
  guint n = list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (list)) : 0;

  /* The rest of the registry's rows: twice as many each time, as
   * building them all at once would hold up the window for a while. */
  if (self->row_limit != G_MAXUINT)
    {
      self->row_limit = self->row_limit >= n || self->row_limit > G_MAXUINT / 2 ? G_MAXUINT
                                                                                : self->row_limit * 2;
      _tdm_cooperative_page_set_row_limit (self->cooperative_page, self->row_limit);
      return G_SOURCE_CONTINUE;
    }

  /* The Fairs page is wider than the others: in the stack, which sizes
   * every page alike, it sets the window's minimum width. Built now, it
   * does so before anyone can switch sections, as when every page was
   * built with the window. */
  ensure_page (self, "fairs");
  self->finish_launch_id = 0;
  tdm_launch_trace_mark ("settled");
  return G_SOURCE_REMOVE;
}

/* Once the first frame is on screen: in an idle, after GDK has sent it
 * to the display server. */
static void
on_first_after_paint (GdkFrameClock *frame_clock,
                      TdmWindow     *self)
{
  /* A frame clock can tick before the window is on screen. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_signal_handlers_disconnect_by_func (frame_clock, on_first_after_paint, self);
  if (self->finish_launch_id == 0)
    self->finish_launch_id = g_idle_add (finish_launch, self);
}

static void
on_realize (TdmWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_realize, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_after_paint), self, 0);
}

/* Pages ----------------------------------------------------------------------- */

gboolean
tdm_window_show_page (TdmWindow  *self,
                      const char *name)
{
  g_return_val_if_fail (TDM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (ensure_page (self, name) == NULL)
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

  g_clear_handle_id (&self->finish_launch_id, g_source_remove);
  g_clear_object (&self->store);

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
  GtkStackPage *page;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
  _tdm_window_actions_init (self);

  page = gtk_stack_get_page (self->page_stack, GTK_WIDGET (self->cooperative_page));
  gtk_stack_page_set_title (page, _(sections[0].title));
  gtk_stack_page_set_icon_name (page, sections[0].icon_name);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_list_box_append (self->sidebar, create_sidebar_row (&sections[i]));
  sync_sidebar_selection (self);
  gtk_stack_set_visible_child_name (self->main_stack, "pages");
  update_title (self);

  /* The registry's table shows only the rows a screen can hold until the
   * window's first frame is drawn, then the rest (see finish_launch()). */
  self->row_limit = visible_rows_at_most (self);
  _tdm_cooperative_page_set_row_limit (self->cooperative_page, self->row_limit);
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
}
