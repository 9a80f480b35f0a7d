/* tdm-article-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tdm-app-util.h"
#include "tdm-article-item.h"
#include "tdm-article-page.h"
#include "tdm-article-view.h"
#include "tdm-articles.h"

struct _TdmArticlePage
{
  AdwBin              parent_instance;

  TdmStore           *store;
  GListStore         *articles;
  GtkSingleSelection *selection;

  GtkStack           *stack;
  GtkStack           *list_stack;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  GtkLabel           *title_label;
  TdmArticleView     *article_view;
};

G_DEFINE_FINAL_TYPE (TdmArticlePage, tdm_article_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- toasts ----------------------------------------------------------------- */

/* ---- the list ------------------------------------------------------------------ */

static void
update_count (TdmArticlePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  g_autofree char *text = g_strdup_printf (ngettext ("%u article", "%u articles", n), n);

  gtk_label_set_label (self->count_label, self->store != NULL ? text : "");
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 || self->store == NULL ? "list" : "empty");
}

static void
reload_list (TdmArticlePage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  TdmArticleItem *selected = gtk_single_selection_get_selected_item (self->selection);
  gint64 selected_id = selected != NULL ? tdm_article_item_get_id (selected) : 0;

  if (self->store != NULL)
    {
      rows = tdm_store_list_articles (self->store, &error);
      if (rows == NULL)
        tdm_app_show_message (GTK_WIDGET (self), error->message);
    }
  if (rows != NULL)
    for (guint i = 0; i < rows->len; i++)
      g_ptr_array_add (items, tdm_article_item_new (g_ptr_array_index (rows, i)));

  g_list_store_splice (self->articles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->articles)),
                       items->pdata, items->len);
  for (guint i = 0; i < items->len; i++)
    if (tdm_article_item_get_id (g_ptr_array_index (items, i)) == selected_id)
      gtk_single_selection_set_selected (self->selection, i);
  update_count (self);
}

static void
on_store_changed (TdmArticlePage *self)
{
  reload_list (self);
}

static void
on_column_view_activate (TdmArticlePage *self,
                         guint           position)
{
  g_autoptr(TdmArticleItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    tdm_article_page_open_article (self, tdm_article_item_get_id (item));
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            const char               *property)
{
  GObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  g_object_get (item, property, &text, NULL);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item), text);
}

static void
add_column (TdmArticlePage *self,
            const char     *title,
            const char     *property,
            int             width,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), (gpointer) property);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

/* ---- import ------------------------------------------------------------------------ */

typedef struct {
  guint   imported;
  guint   duplicates;
  guint   failed;
  guint   facts;
  gint64  last_id;
} ImportTally;

static void
tally_report (TdmArticlePage    *self,
              const ImportTally *tally)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;

  if (tally->imported > 0)
    {
      g_autofree char *facts = g_strdup_printf (ngettext ("%u fact", "%u facts", tally->facts), tally->facts);

      /* Translators: %u is a number of articles, %s "12 facts". */
      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u article imported with %s",
                                                         "%u articles imported with %s",
                                                         tally->imported),
                                               tally->imported, facts));
    }
  if (tally->duplicates > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u already imported",
                                                       "%u already imported",
                                                       tally->duplicates),
                                             tally->duplicates));
  if (parts->len == 0)
    return;
  g_ptr_array_add (parts, NULL);
  message = g_strjoinv (_(", "), (char **) parts->pdata);
  tdm_app_show_message (GTK_WIDGET (self), message);
}

static void
count_result (ImportTally            *tally,
              TdmArticleImportResult  result,
              gint64                  id,
              guint                   n_facts)
{
  if (result == TDM_ARTICLE_IMPORT_DUPLICATE)
    tally->duplicates++;
  else
    {
      tally->imported++;
      tally->facts += n_facts;
    }
  tally->last_id = id;
}

guint
tdm_article_page_import_files (TdmArticlePage *self,
                               GListModel     *files)
{
  ImportTally tally = { 0 };
  guint n;

  g_return_val_if_fail (TDM_IS_ARTICLE_PAGE (self), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), 0);

  if (self->store == NULL)
    return 0;

  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(GError) error = NULL;
      TdmArticleImportResult result;
      guint n_facts = 0;
      gint64 id = 0;

      if (tdm_store_import_article_file (self->store, file, NULL, &result, &id, &n_facts, NULL, &error))
        count_result (&tally, result, id, n_facts);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: a file name, then why it was not imported. */
          g_autofree char *message = g_strdup_printf (_("%s: %s"), name, error->message);

          tally.failed++;
          tdm_app_show_message (GTK_WIDGET (self), message);
        }
    }

  tally_report (self, &tally);
  /* One article: straight to its review. */
  if (n == 1 && tally.last_id > 0)
    tdm_article_page_open_article (self, tally.last_id);
  return tally.failed;
}

gboolean
tdm_article_page_import_text (TdmArticlePage *self,
                              const char     *text)
{
  g_autoptr(GError) error = NULL;
  ImportTally tally = { 0 };
  TdmArticleImportResult result;
  guint n_facts = 0;
  gint64 id = 0;

  g_return_val_if_fail (TDM_IS_ARTICLE_PAGE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;

  if (!tdm_store_import_article_data (self->store, text, strlen (text), NULL, &result, &id, &n_facts, &error))
    {
      tdm_app_show_message (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  count_result (&tally, result, id, n_facts);
  tally_report (self, &tally);
  tdm_article_page_open_article (self, id);
  return TRUE;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     TdmArticlePage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      tdm_article_page_import_files (self, files);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TdmArticlePage *self = TDM_ARTICLE_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Articles"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (articles, _("Articles (text and web pages)"));
  gtk_file_filter_add_suffix (articles, "txt");
  gtk_file_filter_add_suffix (articles, "htm");
  gtk_file_filter_add_suffix (articles, "html");
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "text/html");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), articles);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TdmArticlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      tdm_app_show_message (GTK_WIDGET (self), _("The clipboard holds no text to import."));
      return;
    }
  tdm_article_page_import_text (self, text);
}

static void
paste_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TdmArticlePage *self = TDM_ARTICLE_PAGE (widget);

  if (self->store == NULL)
    return;
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_text,
                                 g_object_ref (self));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  tdm_article_page_open_article (TDM_ARTICLE_PAGE (widget), 0);
}

static gboolean
on_drop (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         TdmArticlePage *self)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GSList *list;

  if (self->store == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (list);

  tdm_article_page_import_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* Ctrl+V and the import shortcut belong to the page only while it is
 * shown, and Ctrl+V in a text field still pastes there. */
static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  const char *action = user_data;
  TdmArticlePage *self = TDM_ARTICLE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!gtk_widget_is_drawable (widget) || self->store == NULL)
    return FALSE;
  if (g_str_equal (action, "articles.paste") && focus != NULL && GTK_IS_EDITABLE (focus))
    return FALSE;
  if (g_str_equal (action, "articles.paste") &&
      g_str_equal (gtk_stack_get_visible_child_name (self->stack), "article") &&
      focus != NULL && (GTK_IS_TEXT_VIEW (focus) || GTK_IS_EDITABLE (focus)))
    return FALSE;
  return gtk_widget_activate_action (widget, action, NULL);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accelerator,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accelerator),
                                                          gtk_callback_action_new (shortcut_cb,
                                                                                   (gpointer) action, NULL)));
}

/* ---- public --------------------------------------------------------------------------- */

void
tdm_article_page_open_article (TdmArticlePage *self,
                               gint64          article_id)
{
  g_return_if_fail (TDM_IS_ARTICLE_PAGE (self));

  tdm_article_view_set_article_id (self->article_view, article_id);
  if (article_id > 0 && tdm_article_view_get_title (self->article_view) != NULL)
    gtk_label_set_label (self->title_label, tdm_article_view_get_title (self->article_view));
  else
    gtk_label_set_label (self->title_label, article_id > 0 ? _("(no headline)") : "");
  gtk_stack_set_visible_child_name (self->stack, article_id > 0 ? "article" : "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.back", article_id > 0);
}

GtkWidget *
tdm_article_page_get_view (TdmArticlePage *self)
{
  g_return_val_if_fail (TDM_IS_ARTICLE_PAGE (self), NULL);

  return GTK_WIDGET (self->article_view);
}

GListModel *
tdm_article_page_get_model (TdmArticlePage *self)
{
  g_return_val_if_fail (TDM_IS_ARTICLE_PAGE (self), NULL);

  return G_LIST_MODEL (self->articles);
}

TdmStore *
tdm_article_page_get_store (TdmArticlePage *self)
{
  g_return_val_if_fail (TDM_IS_ARTICLE_PAGE (self), NULL);

  return self->store;
}

void
tdm_article_page_set_store (TdmArticlePage *self,
                            TdmStore       *store)
{
  g_return_if_fail (TDM_IS_ARTICLE_PAGE (self));
  g_return_if_fail (store == NULL || TDM_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::article", G_CALLBACK (on_store_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::article_fact", G_CALLBACK (on_store_changed),
                               self, G_CONNECT_SWAPPED);
    }

  tdm_article_view_set_store (self->article_view, store);
  tdm_article_page_open_article (self, 0);
  reload_list (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.import", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.paste", store != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
tdm_article_page_dispose (GObject *object)
{
  TdmArticlePage *self = TDM_ARTICLE_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (tdm_article_page_parent_class)->dispose (object);
}

static void
tdm_article_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TdmArticlePage *self = TDM_ARTICLE_PAGE (object);

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
tdm_article_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TdmArticlePage *self = TDM_ARTICLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tdm_article_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_article_page_class_init (TdmArticlePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_article_page_dispose;
  object_class->get_property = tdm_article_page_get_property;
  object_class->set_property = tdm_article_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TDM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TDM_TYPE_ARTICLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-article-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmArticlePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TdmArticlePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TdmArticlePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TdmArticlePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TdmArticlePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TdmArticlePage, article_view);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);

  gtk_widget_class_install_action (widget_class, "articles.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "articles.paste", NULL, paste_activated);
  gtk_widget_class_install_action (widget_class, "articles.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "articles.back", NULL);
}

static void
tdm_article_page_init (TdmArticlePage *self)
{
  GtkDropTarget *drop;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->articles = g_list_store_new (TDM_TYPE_ARTICLE_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->articles)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  add_column (self, _("Title"), "title", 360, TRUE);
  add_column (self, _("Source"), "source", 170, FALSE);
  add_column (self, _("Published"), "date", 100, FALSE);
  add_column (self, _("Language"), "language", 90, FALSE);
  add_column (self, _("Event"), "event", 100, FALSE);
  add_column (self, _("Review"), "review-state", 100, FALSE);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>v", "articles.paste");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>o", "articles.import");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.paste", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "articles.back", FALSE);
  update_count (self);
}
