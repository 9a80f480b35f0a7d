/* tdm-pole-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-app-util.h"
#include "tdm-fairs.h"
#include "tdm-plan-geometry.h"
#include "tdm-pole-list.h"

/* Colours offered to a new pole, in turn. */
static const char *default_colors[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#9141ac", "#e01b24", "#986a44",
};

struct _TdmPoleList
{
  AdwBin           parent_instance;

  TdmStore        *store;
  gint64           fair_id;
  GListModel      *poles;
  gint64           edited_id;

  /* Template widgets */
  GtkListBox      *list_box;
  AdwPreferencesGroup *form_group;
  AdwEntryRow     *name_ar_row;
  AdwEntryRow     *name_fr_row;
  GtkColorButton  *color_button;
  GtkLabel        *form_error;
};

G_DEFINE_FINAL_TYPE (TdmPoleList, tdm_pole_list, ADW_TYPE_BIN)

static void
rgba_from_hex (const char *hex,
               GdkRGBA    *rgba)
{
  double red, green, blue;

  tdm_parse_hex_color (hex, &red, &green, &blue);
  *rgba = (GdkRGBA) { red, green, blue, 1.0 };
}

static char *
hex_from_rgba (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) (CLAMP (rgba->red, 0, 1) * 255 + 0.5),
                          (guint) (CLAMP (rgba->green, 0, 1) * 255 + 0.5),
                          (guint) (CLAMP (rgba->blue, 0, 1) * 255 + 0.5));
}

static TdmPole *
find_pole (TdmPoleList *self,
           gint64       id)
{
  guint n = self->poles != NULL ? g_list_model_get_n_items (self->poles) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmPole) pole = g_list_model_get_item (self->poles, i);

      if (tdm_pole_get_id (pole) == id)
        return pole;
    }
  return NULL;
}

static void
row_color_set_cb (GtkColorButton *button,
                  TdmPoleList    *self)
{
  TdmPole *pole = find_pole (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "pole-id")));
  g_autoptr(TdmPole) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hex = NULL;
  GdkRGBA rgba;

  if (pole == NULL)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  hex = hex_from_rgba (&rgba);
  changed = tdm_pole_copy (pole);
  g_object_set (changed, "color", hex, NULL);
  if (!tdm_store_save_pole (self->store, changed, &error))
    tdm_app_show_message (GTK_WIDGET (self), error->message);
}

static void
row_edit_cb (GtkButton   *button,
             TdmPoleList *self)
{
  tdm_pole_list_edit (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "pole-id")));
}

static void
row_delete_cb (GtkButton   *button,
               TdmPoleList *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "pole-id"));
  g_autoptr(GError) error = NULL;

  if (!tdm_store_delete_pole (self->store, id, &error))
    tdm_app_show_message (GTK_WIDGET (self), error->message);
  else if (id == self->edited_id)
    tdm_pole_list_edit (self, 0);
}

static GtkWidget *
create_row (TdmPoleList *self,
            TdmPole     *pole)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *color = gtk_color_button_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *other = tdm_pole_get_display_name (pole) == tdm_pole_get_name_ar (pole)
                      ? tdm_pole_get_name_fr (pole) : tdm_pole_get_name_ar (pole);
  gpointer id = GSIZE_TO_POINTER (tdm_pole_get_id (pole));
  g_autofree char *prefix = tdm_plan_pole_prefix (tdm_pole_get_position (pole));
  g_autofree char *title = g_markup_printf_escaped ("%s — %s", prefix, tdm_pole_get_display_name (pole));
  GdkRGBA rgba;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), other != NULL ? other : "");

  rgba_from_hex (tdm_pole_get_color (pole), &rgba);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (color), FALSE);
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (color, _("Colour on the plan"));
  g_object_set_data (G_OBJECT (color), "pole-id", id);
  g_signal_connect (color, "color-set", G_CALLBACK (row_color_set_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), color);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (edit, _("Edit Pole"));
  gtk_widget_add_css_class (edit, "flat");
  g_object_set_data (G_OBJECT (edit), "pole-id", id);
  g_signal_connect (edit, "clicked", G_CALLBACK (row_edit_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete, _("Delete Pole (its stands stay, without a pole)"));
  gtk_widget_add_css_class (delete, "flat");
  g_object_set_data (G_OBJECT (delete), "pole-id", id);
  g_signal_connect (delete, "clicked", G_CALLBACK (row_delete_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  return row;
}

static void
reload (TdmPoleList *self)
{
  GtkWidget *child;
  guint n;

  g_clear_object (&self->poles);
  if (self->store != NULL && self->fair_id > 0)
    self->poles = tdm_store_list_poles (self->store, self->fair_id, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  n = self->poles != NULL ? g_list_model_get_n_items (self->poles) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmPole) pole = g_list_model_get_item (self->poles, i);

      gtk_list_box_append (self->list_box, create_row (self, pole));
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No poles yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Poles group the stands (products, international cooperation, institutional, training …) and give them their colour."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->list_box, row);
    }
}

static void
store_changed_cb (TdmPoleList *self,
                  const char  *table)
{
  if (g_strcmp0 (table, "pole") == 0)
    reload (self);
}

void
tdm_pole_list_edit (TdmPoleList *self,
                    gint64       id)
{
  TdmPole *pole;
  GdkRGBA rgba;
  guint n = self->poles != NULL ? g_list_model_get_n_items (self->poles) : 0;

  g_return_if_fail (TDM_IS_POLE_LIST (self));

  pole = id > 0 ? find_pole (self, id) : NULL;
  self->edited_id = pole != NULL ? id : 0;
  adw_preferences_group_set_title (self->form_group, pole != NULL ? _("Edit Pole") : _("New Pole"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_ar_row), pole != NULL ? tdm_pole_get_name_ar (pole) ?: "" : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_fr_row), pole != NULL ? tdm_pole_get_name_fr (pole) ?: "" : "");
  rgba_from_hex (pole != NULL ? tdm_pole_get_color (pole) : default_colors[n % G_N_ELEMENTS (default_colors)],
                 &rgba);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
}

gboolean
tdm_pole_list_save (TdmPoleList *self)
{
  g_autoptr(TdmPole) pole = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hex = NULL;
  TdmPole *old;
  GdkRGBA rgba;

  g_return_val_if_fail (TDM_IS_POLE_LIST (self), FALSE);

  if (self->store == NULL || self->fair_id <= 0)
    return FALSE;

  old = self->edited_id > 0 ? find_pole (self, self->edited_id) : NULL;
  pole = old != NULL ? tdm_pole_copy (old) : tdm_pole_new ();
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  hex = hex_from_rgba (&rgba);
  g_object_set (pole,
                "fair-id", self->fair_id,
                "name-ar", gtk_editable_get_text (GTK_EDITABLE (self->name_ar_row)),
                "name-fr", gtk_editable_get_text (GTK_EDITABLE (self->name_fr_row)),
                "color", hex,
                NULL);

  if (!tdm_store_save_pole (self->store, pole, &error))
    {
      gtk_label_set_label (self->form_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
      return FALSE;
    }

  tdm_pole_list_edit (self, 0);
  return TRUE;
}

static void
save_clicked_cb (TdmPoleList *self)
{
  tdm_pole_list_save (self);
}

static void
cancel_clicked_cb (TdmPoleList *self)
{
  tdm_pole_list_edit (self, 0);
}

void
tdm_pole_list_set_fair (TdmPoleList *self,
                        TdmStore    *store,
                        gint64       fair_id)
{
  g_return_if_fail (TDM_IS_POLE_LIST (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
    }
  self->fair_id = store != NULL ? fair_id : 0;
  reload (self);
  tdm_pole_list_edit (self, 0);
}

GtkWidget *
tdm_pole_list_new (void)
{
  return g_object_new (TDM_TYPE_POLE_LIST, NULL);
}

static void
tdm_pole_list_dispose (GObject *object)
{
  TdmPoleList *self = TDM_POLE_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TDM_TYPE_POLE_LIST);
  g_clear_object (&self->poles);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tdm_pole_list_parent_class)->dispose (object);
}

static void
tdm_pole_list_class_init (TdmPoleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_pole_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-pole-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmPoleList, list_box);
  gtk_widget_class_bind_template_child (widget_class, TdmPoleList, form_group);
  gtk_widget_class_bind_template_child (widget_class, TdmPoleList, name_ar_row);
  gtk_widget_class_bind_template_child (widget_class, TdmPoleList, name_fr_row);
  gtk_widget_class_bind_template_child (widget_class, TdmPoleList, color_button);
  gtk_widget_class_bind_template_child (widget_class, TdmPoleList, form_error);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
}

static void
tdm_pole_list_init (TdmPoleList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  reload (self);
  tdm_pole_list_edit (self, 0);
}
