/* tdm-partner-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-partner-editor.h"
#include "tdm-registry.h"

/* The fields of the form, each with the row that says what is wrong with
 * it, keyed by the property name tdm_store_validate_partner() uses. */
enum {
  FIELD_NAME,
  FIELD_ACRONYM,
  FIELD_KIND,
  FIELD_COUNTRY,
  FIELD_CONTACT_NAME,
  FIELD_PHONE,
  FIELD_EMAIL,
  FIELD_WEBSITE,
  N_FIELDS
};

static const char * const field_properties[N_FIELDS] = {
  "name", "acronym", "kind", "country", "contact-name", "phone", "email", "website",
};

typedef struct {
  GtkWidget *row;
  GtkWidget *error_row;
  GtkLabel  *error;
  /* Messages show once the user has touched the field, or tried to save. */
  gboolean   touched;
} Field;

struct _TdmPartnerEditor
{
  AdwWindow       parent_instance;

  TdmStore       *store;
  TdmPartner     *partner;
  gboolean        show_all_errors;
  gboolean        loading;

  AdwWindowTitle *window_title;
  GtkLabel       *general_error;
  GtkLabel       *country_name;
  Field           fields[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (TdmPartnerEditor, tdm_partner_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PARTNER,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
field_text (TdmPartnerEditor *self,
            guint             field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fields[field].row));
  char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  return stripped;
}

/* Copies the form into the record being edited. */
static void
apply_fields (TdmPartnerEditor *self)
{
  const char * const *kinds = tdm_partner_kinds ();
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[FIELD_KIND].row));

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = NULL;

      if (i == FIELD_KIND)
        continue;

      text = field_text (self, i);
      if (i == FIELD_COUNTRY && text != NULL)
        {
          g_autofree char *upper = g_utf8_strup (text, -1);
          g_free (text);
          text = g_steal_pointer (&upper);
        }
      g_object_set (self->partner, field_properties[i], text, NULL);
    }

  if (kind < g_strv_length ((char **) kinds))
    g_object_set (self->partner, "kind", kinds[kind], NULL);
}

/* Shows the messages of the validation beside their fields; TRUE when
 * the record can be saved. */
static gboolean
update_validation (TdmPartnerEditor *self)
{
  g_autoptr(GHashTable) problems = NULL;
  g_autoptr(GString) others = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  problems = tdm_store_validate_partner (self->store, self->partner);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      Field *field = &self->fields[i];
      const char *message = g_hash_table_lookup (problems, field_properties[i]);
      gboolean shown = message != NULL && (field->touched || self->show_all_errors);

      gtk_label_set_label (field->error, shown ? message : "");
      gtk_widget_set_visible (field->error_row, shown);
      if (shown)
        gtk_widget_add_css_class (field->row, "error");
      else
        gtk_widget_remove_css_class (field->row, "error");
    }

  /* A message about no field of the form still has to be read. */
  g_hash_table_iter_init (&iter, problems);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_strv_contains (field_properties, key))
      {
        if (others->len > 0)
          g_string_append_c (others, '\n');
        g_string_append (others, value);
      }
  gtk_label_set_label (self->general_error, others->str);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error),
                          others->len > 0 && self->show_all_errors);

  return g_hash_table_size (problems) == 0;
}

static void
update_country_name (TdmPartnerEditor *self)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->fields[FIELD_COUNTRY].row));
  g_autofree char *upper = g_utf8_strup (code, -1);
  const char *name = tdm_country_name (upper);

  /* tdm_country_name() gives the code back when it knows no name. */
  gtk_label_set_label (self->country_name, g_strcmp0 (name, upper) != 0 ? name : "");
}

static void
field_changed_cb (TdmPartnerEditor *self,
                  GParamSpec       *pspec,
                  GtkWidget        *row)
{
  if (self->loading)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].row == row)
      self->fields[i].touched = TRUE;

  if (row == self->fields[FIELD_COUNTRY].row)
    update_country_name (self);

  apply_fields (self);
  update_validation (self);
}

static void
load_partner (TdmPartnerEditor *self)
{
  const char * const *kinds = tdm_partner_kinds ();
  const char *kind = tdm_partner_get_kind (self->partner);

  self->loading = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *value = NULL;

      if (i == FIELD_KIND)
        continue;

      g_object_get (self->partner, field_properties[i], &value, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->fields[i].row), value != NULL ? value : "");
    }

  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->fields[FIELD_KIND].row), i);

  update_country_name (self);
  self->loading = FALSE;

  if (tdm_partner_get_id (self->partner) == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Partner"));
      adw_window_title_set_subtitle (self->window_title, "");
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Partner"));
      adw_window_title_set_subtitle (self->window_title, tdm_partner_get_name (self->partner));
    }
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
}

gboolean
tdm_partner_editor_save (TdmPartnerEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TDM_IS_PARTNER_EDITOR (self), FALSE);

  apply_fields (self);
  self->show_all_errors = TRUE;
  if (!update_validation (self))
    {
      for (guint i = 0; i < N_FIELDS; i++)
        if (gtk_widget_get_visible (self->fields[i].error_row))
          {
            gtk_widget_grab_focus (self->fields[i].row);
            break;
          }
      return FALSE;
    }

  if (!tdm_store_save_partner (self->store, self->partner, &error))
    {
      gtk_label_set_label (self->general_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->partner);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
editor_save_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  tdm_partner_editor_save (TDM_PARTNER_EDITOR (widget));
}

static void
tdm_partner_editor_constructed (GObject *object)
{
  TdmPartnerEditor *self = TDM_PARTNER_EDITOR (object);

  G_OBJECT_CLASS (tdm_partner_editor_parent_class)->constructed (object);

  if (self->partner == NULL)
    self->partner = tdm_partner_new ();

  load_partner (self);
  gtk_widget_grab_focus (self->fields[FIELD_NAME].row);
}

static void
tdm_partner_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TDM_TYPE_PARTNER_EDITOR);

  G_OBJECT_CLASS (tdm_partner_editor_parent_class)->dispose (object);
}

static void
tdm_partner_editor_finalize (GObject *object)
{
  TdmPartnerEditor *self = TDM_PARTNER_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->partner);

  G_OBJECT_CLASS (tdm_partner_editor_parent_class)->finalize (object);
}

static void
tdm_partner_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TdmPartnerEditor *self = TDM_PARTNER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PARTNER:
      g_value_set_object (value, self->partner);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_partner_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TdmPartnerEditor *self = TDM_PARTNER_EDITOR (object);
  TdmPartner *partner;

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PARTNER:
      /* The form works on a copy: Cancel leaves the list's row as it was. */
      partner = g_value_get_object (value);
      self->partner = partner != NULL ? tdm_partner_copy (partner) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_partner_editor_class_init (TdmPartnerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const ids[N_FIELDS] = {
    "name", "acronym", "kind", "country", "contact_name", "phone", "email", "website",
  };

  object_class->constructed = tdm_partner_editor_constructed;
  object_class->dispose = tdm_partner_editor_dispose;
  object_class->finalize = tdm_partner_editor_finalize;
  object_class->get_property = tdm_partner_editor_get_property;
  object_class->set_property = tdm_partner_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TDM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER] =
    g_param_spec_object ("partner", NULL, NULL, TDM_TYPE_PARTNER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TdmPartnerEditor::saved:
   * @partner: the record as it was written, with its id
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TDM_TYPE_PARTNER);

  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-partner-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmPartnerEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdmPartnerEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, TdmPartnerEditor, country_name);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *row = g_strdup_printf ("%s_row", ids[i]);
      g_autofree char *error_row = g_strdup_printf ("%s_error_row", ids[i]);
      g_autofree char *error = g_strdup_printf ("%s_error", ids[i]);
      gssize offset = G_STRUCT_OFFSET (TdmPartnerEditor, fields) + i * sizeof (Field);

      /* The builder keeps the names: they must outlive the class. */
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (row), FALSE,
                                                 offset + G_STRUCT_OFFSET (Field, row));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (error_row), FALSE,
                                                 offset + G_STRUCT_OFFSET (Field, error_row));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (error), FALSE,
                                                 offset + G_STRUCT_OFFSET (Field, error));
    }

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, editor_save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tdm_partner_editor_init (TdmPartnerEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (const char * const *kind = tdm_partner_kinds (); *kind != NULL; kind++)
    gtk_string_list_append (kinds, tdm_partner_kind_label (*kind));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->fields[FIELD_KIND].row), G_LIST_MODEL (kinds));

  for (guint i = 0; i < N_FIELDS; i++)
    g_signal_connect_object (self->fields[i].row,
                             i == FIELD_KIND ? "notify::selected" : "notify::text",
                             G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
}

TdmPartnerEditor *
tdm_partner_editor_new (GtkWindow  *parent,
                        TdmStore   *store,
                        TdmPartner *partner)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);
  g_return_val_if_fail (!partner || TDM_IS_PARTNER (partner), NULL);

  return g_object_new (TDM_TYPE_PARTNER_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "partner", partner,
                       NULL);
}
