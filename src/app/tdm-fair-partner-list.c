/* tdm-fair-partner-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-app-util.h"
#include "tdm-fair-partner-list.h"
#include "tdm-fairs.h"
#include "tdm-number-format.h"
#include "tdm-partner-list.h"
#include "tdm-partner.h"

struct _TdmFairPartnerList
{
  AdwBin          parent_instance;

  TdmStore       *store;
  gint64          fair_id;
  GPtrArray      *partners;     /* TdmFairPartner, as the rows show them */
  TdmPartnerList *registry;

  /* Template widgets */
  GtkListBox     *list_box;
  AdwComboRow    *partner_row;
  AdwComboRow    *role_row;
  AdwEntryRow    *amount_row;
  GtkLabel       *add_error;
};

G_DEFINE_FINAL_TYPE (TdmFairPartnerList, tdm_fair_partner_list, ADW_TYPE_BIN)

static GtkStringList *
role_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (const char * const *role = tdm_fair_partner_roles (); *role != NULL; role++)
    gtk_string_list_append (labels, tdm_fair_partner_role_label (*role));
  return labels;
}

static guint
role_position (const char *role)
{
  const char * const *roles = tdm_fair_partner_roles ();

  for (guint i = 0; roles[i] != NULL; i++)
    if (g_strcmp0 (roles[i], role) == 0)
      return i;
  return 0;
}

static void reload (TdmFairPartnerList *self);

/* A new role is the old one removed and the new one set, in one
 * transaction. */
static void
row_role_changed_cb (GtkDropDown        *dropdown,
                     GParamSpec         *pspec,
                     TdmFairPartnerList *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "partner-index"));
  TdmFairPartner *partner = index < self->partners->len ? g_ptr_array_index (self->partners, index) : NULL;
  const char *role = tdm_fair_partner_roles ()[gtk_drop_down_get_selected (dropdown)];
  g_autoptr(GError) error = NULL;

  if (partner == NULL || g_strcmp0 (role, partner->role) == 0)
    return;

  if (!tdm_store_begin (self->store, &error) ||
      !tdm_store_remove_fair_partner (self->store, self->fair_id, partner->partner_id, partner->role, &error) ||
      !tdm_store_set_fair_partner (self->store, self->fair_id, partner->partner_id, role, partner->amount, &error) ||
      !tdm_store_commit (self->store, &error))
    {
      tdm_store_rollback (self->store);
      tdm_app_show_message (GTK_WIDGET (self), error->message);
      /* The row goes back to what the database holds. */
      reload (self);
    }
}

static void
row_remove_cb (GtkButton          *button,
               TdmFairPartnerList *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "partner-index"));
  TdmFairPartner *partner = index < self->partners->len ? g_ptr_array_index (self->partners, index) : NULL;
  g_autoptr(GError) error = NULL;

  if (partner != NULL &&
      !tdm_store_remove_fair_partner (self->store, self->fair_id, partner->partner_id, partner->role, &error))
    tdm_app_show_message (GTK_WIDGET (self), error->message);
}

static GtkWidget *
create_row (TdmFairPartnerList *self,
            TdmFairPartner     *partner,
            guint               index)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GtkStringList) roles = role_labels ();
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (roles)), NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *title = g_markup_escape_text (partner->name, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (partner->amount >= 0)
    {
      TdmNumberFormat format;
      g_autofree char *number = NULL;
      g_autofree char *amount = NULL;

      /* Moroccan Arabic writes Western digits, as the rest of the window. */
      tdm_number_format_init (&format, NULL, TDM_DIGITS_WESTERN);
      number = tdm_number_format_format (&format, partner->amount, 0);
      /* Translators: an amount of money; %s is the number of dirhams. */
      amount = g_strdup_printf (_("%s MAD"), number);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), amount);
    }

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), role_position (partner->role));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Role"));
  g_object_set_data (G_OBJECT (dropdown), "partner-index", GUINT_TO_POINTER (index));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (row_role_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove from the Fair"));
  g_object_set_data (G_OBJECT (remove), "partner-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (row_remove_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
reload (TdmFairPartnerList *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *partners = NULL;
  GtkWidget *child;

  if (self->store != NULL && self->fair_id > 0)
    {
      partners = tdm_store_list_fair_partners (self->store, self->fair_id, &error);
      if (partners == NULL)
        tdm_app_show_message (GTK_WIDGET (self), error->message);
    }
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  self->partners = partners != NULL ? partners : g_ptr_array_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; i < self->partners->len; i++)
    gtk_list_box_append (self->list_box, create_row (self, g_ptr_array_index (self->partners, i), i));

  if (self->partners->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No partners yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add the organizers, funders and guests of the fair below."));
      gtk_list_box_append (self->list_box, row);
    }
}

static void
store_changed_cb (TdmFairPartnerList *self,
                  const char         *table)
{
  if (g_strcmp0 (table, "fair_partner") == 0 || g_strcmp0 (table, "partner") == 0)
    reload (self);
}

static void
add_clicked_cb (TdmFairPartnerList *self)
{
  TdmPartner *partner = adw_combo_row_get_selected_item (self->partner_row);
  guint role = adw_combo_row_get_selected (self->role_row);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount_row))));
  g_autoptr(GError) error = NULL;
  double amount = -1;

  gtk_widget_set_visible (GTK_WIDGET (self->add_error), FALSE);
  if (self->store == NULL || self->fair_id <= 0)
    return;

  if (partner == NULL)
    {
      gtk_label_set_label (self->add_error, _("Pick a partner. New partners are added on the Partners page."));
      gtk_widget_set_visible (GTK_WIDGET (self->add_error), TRUE);
      return;
    }

  if (*text != '\0')
    {
      char *end = NULL;

      g_strdelimit (text, ",", '.');
      amount = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0' || amount < 0)
        {
          gtk_label_set_label (self->add_error, _("The amount must be a number of dirhams, 0 or more."));
          gtk_widget_set_visible (GTK_WIDGET (self->add_error), TRUE);
          return;
        }
    }

  if (!tdm_store_set_fair_partner (self->store, self->fair_id, tdm_partner_get_id (partner),
                                   tdm_fair_partner_roles ()[role], amount, &error))
    {
      gtk_label_set_label (self->add_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->add_error), TRUE);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), "");
}

void
tdm_fair_partner_list_set_fair (TdmFairPartnerList *self,
                                TdmStore           *store,
                                gint64              fair_id)
{
  g_return_if_fail (TDM_IS_FAIR_PARTNER_LIST (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      g_clear_object (&self->registry);
      if (store != NULL)
        {
          g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
          self->registry = tdm_partner_list_new (store);
        }
      adw_combo_row_set_model (self->partner_row, self->registry != NULL ? G_LIST_MODEL (self->registry) : NULL);
    }
  self->fair_id = store != NULL ? fair_id : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->add_error), FALSE);
  reload (self);
}

GtkWidget *
tdm_fair_partner_list_new (void)
{
  return g_object_new (TDM_TYPE_FAIR_PARTNER_LIST, NULL);
}

static void
tdm_fair_partner_list_dispose (GObject *object)
{
  TdmFairPartnerList *self = TDM_FAIR_PARTNER_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TDM_TYPE_FAIR_PARTNER_LIST);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_object (&self->registry);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tdm_fair_partner_list_parent_class)->dispose (object);
}

static void
tdm_fair_partner_list_class_init (TdmFairPartnerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_fair_partner_list_dispose;

  g_type_ensure (TDM_TYPE_PARTNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-fair-partner-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmFairPartnerList, list_box);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPartnerList, partner_row);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPartnerList, role_row);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPartnerList, amount_row);
  gtk_widget_class_bind_template_child (widget_class, TdmFairPartnerList, add_error);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
tdm_fair_partner_list_init (TdmFairPartnerList *self)
{
  g_autoptr(GtkStringList) roles = role_labels ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  self->partners = g_ptr_array_new ();
}
