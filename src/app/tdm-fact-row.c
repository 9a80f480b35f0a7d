/* tdm-fact-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-article.h"
#include "tdm-fact-row.h"
#include "tdm-fairs.h"

struct _TdmFactRow
{
  GtkListBoxRow  parent_instance;

  TdmStoredFact *fact;
  GtkEntry      *entry;
  GtkLabel      *status_label;
  GtkBox        *box;
  GtkDropDown   *role_dropdown;
};

G_DEFINE_FINAL_TYPE (TdmFactRow, tdm_fact_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  ACCEPT,
  REJECT,
  CORRECT,
  ROLE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Light colours: the text stays readable on them in both themes' text
 * view (the view keeps a light background for the article). */
static const struct {
  const char *kind;
  const char *label;
  const char *color;
} kinds[] = {
  { TDM_FACT_LANGUAGE, N_("Language"), "#deddda" },
  { TDM_FACT_EVENT_TYPE, N_("Event"), "#f9f06b" },
  { TDM_FACT_EDITION, N_("Edition"), "#ffbe6f" },
  { TDM_FACT_REGION, N_("Region"), "#8ff0a4" },
  { TDM_FACT_PROVINCE, N_("Province"), "#a4e4b4" },
  { TDM_FACT_CITY, N_("City"), "#c0f0c8" },
  { TDM_FACT_VENUE, N_("Venue"), "#b5e8e0" },
  { TDM_FACT_START_DATE, N_("Start date"), "#99c1f1" },
  { TDM_FACT_END_DATE, N_("End date"), "#b8d4f5" },
  { TDM_FACT_EXHIBITORS, N_("Exhibitors"), "#f6c6a0" },
  { TDM_FACT_STANDS, N_("Stands"), "#f4d3b5" },
  { TDM_FACT_COOPERATIVES, N_("Cooperatives"), "#f0d8a8" },
  { TDM_FACT_ORGANIZATION, N_("Organization"), "#dcc6f0" },
  { TDM_FACT_PARTNER, N_("Partner"), "#c9a8ef" },
  { TDM_FACT_SLOGAN, N_("Slogan"), "#f5b8c8" },
};

const char *
tdm_fact_kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return _(kinds[i].label);
  return kind;
}

const char *
tdm_fact_kind_color (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return kinds[i].color;
  return "#deddda";
}

const TdmStoredFact *
tdm_fact_row_get_fact (TdmFactRow *self)
{
  g_return_val_if_fail (TDM_IS_FACT_ROW (self), NULL);

  return self->fact;
}

GtkEditable *
tdm_fact_row_get_entry (TdmFactRow *self)
{
  g_return_val_if_fail (TDM_IS_FACT_ROW (self), NULL);

  return GTK_EDITABLE (self->entry);
}

static void
on_entry_activate (TdmFactRow *self)
{
  g_signal_emit (self, signals[CORRECT], 0, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
on_role_selected (TdmFactRow *self)
{
  const char * const *roles = tdm_fair_partner_roles ();
  guint position = gtk_drop_down_get_selected (self->role_dropdown);

  if (position < g_strv_length ((char **) roles))
    g_signal_emit (self, signals[ROLE_CHANGED], 0, roles[position]);
}

void
tdm_fact_row_set_role (TdmFactRow *self,
                       const char *role)
{
  const char * const *roles = tdm_fair_partner_roles ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_return_if_fail (TDM_IS_FACT_ROW (self));

  for (guint i = 0; roles[i] != NULL; i++)
    {
      gtk_string_list_append (labels, tdm_fair_partner_role_label (roles[i]));
      if (g_strcmp0 (roles[i], role) == 0)
        selected = i;
    }

  if (self->role_dropdown == NULL)
    {
      self->role_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->role_dropdown), _("Role of the partner in the fair"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->role_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Role of the partner in the fair"), -1);
      gtk_box_append (self->box, GTK_WIDGET (self->role_dropdown));
    }
  else
    g_signal_handlers_disconnect_by_func (self->role_dropdown, on_role_selected, self);
  gtk_drop_down_set_selected (self->role_dropdown, selected);
  g_signal_connect_swapped (self->role_dropdown, "notify::selected", G_CALLBACK (on_role_selected), self);
}

static void
on_accept_clicked (TdmFactRow *self)
{
  g_signal_emit (self, signals[ACCEPT], 0);
}

static void
on_reject_clicked (TdmFactRow *self)
{
  g_signal_emit (self, signals[REJECT], 0);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
update_status (TdmFactRow *self)
{
  const char *status = self->fact->status;

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
  if (g_strcmp0 (status, "accepted") == 0)
    {
      gtk_label_set_label (self->status_label, _("Accepted"));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
    }
  else if (g_strcmp0 (status, "rejected") == 0)
    {
      gtk_label_set_label (self->status_label, _("Rejected"));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
  else
    {
      gtk_label_set_label (self->status_label, _("Proposed"));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
}

/* A widget's direction does not pass to its children (the entry's text). */
static void
set_direction_deep (GtkWidget        *widget,
                    GtkTextDirection  direction)
{
  gtk_widget_set_direction (widget, direction);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_direction_deep (child, direction);
}

static const char * const ltr_kinds[] = {
  TDM_FACT_LANGUAGE, TDM_FACT_EVENT_TYPE, TDM_FACT_EDITION, TDM_FACT_START_DATE, TDM_FACT_END_DATE,
  TDM_FACT_EXHIBITORS, TDM_FACT_STANDS, TDM_FACT_COOPERATIVES, NULL
};

GtkWidget *
tdm_fact_row_new (const TdmStoredFact *fact)
{
  TdmFactRow *self;
  GtkWidget *box, *top, *kind, *accept, *reject;
  g_autofree char *markup = NULL;

  g_return_val_if_fail (fact != NULL, NULL);

  self = g_object_new (TDM_TYPE_FACT_ROW, NULL);
  self->fact = tdm_stored_fact_copy (fact);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* The kind on its highlight colour: the row's own legend. Dark text on
   * a light colour, whatever the theme. */
  markup = g_markup_printf_escaped ("<span background=\"%s\" foreground=\"#241f31\"> %s </span>",
                                    tdm_fact_kind_color (fact->kind), tdm_fact_kind_label (fact->kind));
  kind = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (kind), markup);
  gtk_label_set_xalign (GTK_LABEL (kind), 0.0);
  gtk_widget_set_hexpand (kind, TRUE);
  gtk_box_append (GTK_BOX (top), kind);

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "caption");
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->status_label));

  accept = icon_button ("object-select-symbolic", _("Accept"));
  g_signal_connect_swapped (accept, "clicked", G_CALLBACK (on_accept_clicked), self);
  gtk_box_append (GTK_BOX (top), accept);
  reject = icon_button ("window-close-symbolic", _("Reject"));
  g_signal_connect_swapped (reject, "clicked", G_CALLBACK (on_reject_clicked), self);
  gtk_box_append (GTK_BOX (top), reject);
  gtk_box_append (GTK_BOX (box), top);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->entry), tdm_stored_fact_get_value (fact));
  gtk_entry_set_placeholder_text (self->entry, fact->value);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), _("Correct the value and press Enter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tdm_fact_kind_label (fact->kind), -1);
  /* Dates, numbers and codes read left to right: "--02-24" would show
   * as "02-24--" in an Arabic window. */
  if (g_strv_contains (ltr_kinds, fact->kind))
    set_direction_deep (GTK_WIDGET (self->entry), GTK_TEXT_DIR_LTR);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));

  if (fact->span_start < 0)
    {
      GtkWidget *where = gtk_label_new (_("Not marked in the text"));

      gtk_label_set_xalign (GTK_LABEL (where), 0.0);
      gtk_widget_add_css_class (where, "caption");
      gtk_widget_add_css_class (where, "dim-label");
      gtk_box_append (GTK_BOX (box), where);
    }

  self->box = GTK_BOX (box);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  update_status (self);
  if (g_strcmp0 (fact->status, "rejected") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");

  return GTK_WIDGET (self);
}

static void
tdm_fact_row_finalize (GObject *object)
{
  TdmFactRow *self = TDM_FACT_ROW (object);

  g_clear_pointer (&self->fact, tdm_stored_fact_free);

  G_OBJECT_CLASS (tdm_fact_row_parent_class)->finalize (object);
}

static void
tdm_fact_row_class_init (TdmFactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tdm_fact_row_finalize;

  signals[ACCEPT] = g_signal_new ("accept", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REJECT] = g_signal_new ("reject", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CORRECT] = g_signal_new ("correct", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ROLE_CHANGED] = g_signal_new ("role-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tdm_fact_row_init (TdmFactRow *self)
{
}
