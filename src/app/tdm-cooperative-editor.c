/* tdm-cooperative-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "tdm-cooperative-editor-private.h"
#include "tdm-registry.h"
#include "tdm-report-window.h"
#include "tdm-validate.h"

typedef enum {
  FIELD_TEXT,
  FIELD_INT,
  FIELD_CAPITAL,
  FIELD_DATE,
  FIELD_PLACE,
  FIELD_LEGAL_FORM,
} FieldKind;

typedef struct {
  const char *property;   /* of TdmCooperative */
  const char *id;         /* widgets "<id>_field" and "<id>_message" */
  FieldKind   kind;
} FieldSpec;

static const FieldSpec field_specs[] = {
  { "name-ar", "name_ar", FIELD_TEXT },
  { "name-fr", "name_fr", FIELD_TEXT },
  { "registration-number", "registration_number", FIELD_TEXT },
  { "legal-form", "legal_form", FIELD_LEGAL_FORM },
  { "region-id", "region_id", FIELD_PLACE },
  { "province-id", "province_id", FIELD_PLACE },
  { "commune", "commune", FIELD_TEXT },
  { "address", "address", FIELD_TEXT },
  { "sector-id", "sector_id", FIELD_PLACE },
  { "founded-on", "founded_on", FIELD_DATE },
  { "products", "products", FIELD_TEXT },
  { "members", "members", FIELD_INT },
  { "women", "women", FIELD_INT },
  { "youth", "youth", FIELD_INT },
  { "capital", "capital", FIELD_CAPITAL },
  { "president", "president", FIELD_TEXT },
  { "phone", "phone", FIELD_TEXT },
  { "email", "email", FIELD_TEXT },
};

/* In the order of the legal form drop-down. */
static const char *legal_forms[] = { "cooperative", "union", "federation" };

typedef struct {
  const FieldSpec *spec;
  GtkWidget       *field;
  GtkLabel        *message;
  gboolean         touched;
} Field;

typedef struct {
  GtkWidget *row;
  GtkEditable *name;
  GtkEditable *issued;
  GtkEditable *expires;
  GtkLabel *message;
} LabelRow;

struct _TdmCooperativeEditor
{
  AdwWindow             parent_instance;

  TdmStore             *store;
  TdmCooperative       *original;
  Field                 fields[G_N_ELEMENTS (field_specs)];
  GPtrArray            *label_rows;    /* of LabelRow */
  /* Filling the form from the record: not the user's doing. */
  gboolean              loading;
  /* After a Save attempt every message shows, touched or not. */
  gboolean              show_all;
  /* The label rows passed their own checks (messages under each row). */
  gboolean              labels_valid;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *save_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *labels_group;
  GtkWidget            *add_label_button;
};

G_DEFINE_FINAL_TYPE (TdmCooperativeEditor, tdm_cooperative_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void validate (TdmCooperativeEditor *self);

static Field *
find_field (TdmCooperativeEditor *self,
            const char           *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    {
      if (g_strcmp0 (self->fields[i].spec->property, property) == 0)
        return &self->fields[i];
    }

  return NULL;
}

/* Places ------------------------------------------------------------------------ */

static GListModel *
places_with_unset (GListModel   *places,
                   TdmPlaceKind  kind)
{
  GListStore *result = g_list_store_new (TDM_TYPE_PLACE);
  g_autoptr(TdmPlace) unset = tdm_place_new (kind, 0, "", _("Not set"), _("Not set"), 0);
  guint n = places != NULL ? g_list_model_get_n_items (places) : 0;

  g_list_store_append (result, unset);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) place = g_list_model_get_item (places, i);

      g_list_store_append (result, place);
    }

  return G_LIST_MODEL (result);
}

static gint64
dropdown_place_id (GtkWidget *dropdown)
{
  TdmPlace *place = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));

  return place != NULL ? tdm_place_get_id (place) : 0;
}

static void
dropdown_select_place (GtkWidget *dropdown,
                       gint64     id)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmPlace) place = g_list_model_get_item (model, i);

      if (tdm_place_get_id (place) == id)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
          return;
        }
    }

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
}

/* Provinces of REGION_ID (all of them when 0), keeping PROVINCE_ID chosen. */
static void
load_provinces (TdmCooperativeEditor *self,
                gint64                region_id,
                gint64                province_id)
{
  g_autoptr(GListModel) provinces = tdm_store_list_provinces (self->store, region_id);
  g_autoptr(GListModel) model = places_with_unset (provinces, TDM_PLACE_PROVINCE);
  GtkWidget *dropdown = find_field (self, "province-id")->field;
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (dropdown), model);
  dropdown_select_place (dropdown, province_id);
  self->loading = was_loading;
}

static void
on_region_changed (TdmCooperativeEditor *self)
{
  if (self->loading)
    return;

  load_provinces (self, dropdown_place_id (find_field (self, "region-id")->field),
                  dropdown_place_id (find_field (self, "province-id")->field));
  validate (self);
}

/* A province chosen without a region sets its region. */
static void
on_province_changed (TdmCooperativeEditor *self)
{
  GtkWidget *region = find_field (self, "region-id")->field;
  TdmPlace *province;
  gint64 province_id;

  if (self->loading || dropdown_place_id (region) != 0)
    return;

  province = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (find_field (self, "province-id")->field));
  if (province == NULL || tdm_place_get_id (province) == 0)
    return;

  province_id = tdm_place_get_id (province);
  self->loading = TRUE;
  dropdown_select_place (region, tdm_place_get_parent_id (province));
  self->loading = FALSE;
  load_provinces (self, tdm_place_get_parent_id (province), province_id);
  find_field (self, "region-id")->touched = TRUE;
  validate (self);
}

/* Labels ------------------------------------------------------------------------- */

static void
label_row_free (gpointer data)
{
  g_free (data);
}

static void
on_remove_label_clicked (GtkButton            *button,
                         TdmCooperativeEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  for (guint i = 0; i < self->label_rows->len; i++)
    {
      LabelRow *label_row = g_ptr_array_index (self->label_rows, i);

      if (label_row->row == row)
        {
          adw_preferences_group_remove (self->labels_group, row);
          g_ptr_array_remove_index (self->label_rows, i);
          break;
        }
    }

  validate (self);
}

static GtkEditable *
add_label_entry (GtkBox     *box,
                 const char *text,
                 const char *placeholder,
                 int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  if (width_chars > 0)
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
      gtk_entry_set_max_length (GTK_ENTRY (entry), 10);
    }
  else
    {
      gtk_widget_set_hexpand (entry, TRUE);
    }
  gtk_box_append (box, entry);

  return GTK_EDITABLE (entry);
}

static LabelRow *
add_label_row (TdmCooperativeEditor *self,
               const TdmLabel       *label)
{
  LabelRow *label_row = g_new0 (LabelRow, 1);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *message = gtk_label_new (NULL);

  label_row->row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (label_row->row), FALSE);
  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_widget_set_margin_top (outer, 8);
  gtk_widget_set_margin_bottom (outer, 8);

  label_row->name = add_label_entry (GTK_BOX (box), label ? label->name : NULL, _("Label or certification"), 0);
  label_row->issued = add_label_entry (GTK_BOX (box), label ? label->issued_on : NULL, _("Issued on"), 11);
  label_row->expires = add_label_entry (GTK_BOX (box), label ? label->expires_on : NULL, _("Expires on"), 11);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label_row->issued), _("Issued on (YYYY-MM-DD)"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (label_row->expires), _("Expires on (YYYY-MM-DD)"));

  gtk_widget_set_tooltip_text (remove, _("Remove the Label"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_label_clicked), self);
  gtk_box_append (GTK_BOX (box), remove);

  label_row->message = GTK_LABEL (message);
  gtk_label_set_xalign (label_row->message, 0.0);
  gtk_label_set_wrap (label_row->message, TRUE);
  gtk_widget_add_css_class (message, "error");
  gtk_widget_add_css_class (message, "caption");
  gtk_widget_set_visible (message, FALSE);

  gtk_box_append (GTK_BOX (outer), box);
  gtk_box_append (GTK_BOX (outer), message);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (label_row->row), outer);

  g_signal_connect_swapped (label_row->name, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (label_row->issued, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (label_row->expires, "changed", G_CALLBACK (validate), self);

  adw_preferences_group_add (self->labels_group, label_row->row);
  g_ptr_array_add (self->label_rows, label_row);

  return label_row;
}

static void
on_add_label_clicked (TdmCooperativeEditor *self)
{
  LabelRow *label_row = add_label_row (self, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (label_row->name));
  validate (self);
}

static char *
dup_trimmed (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/* Reads the label rows into LABELS; returns FALSE when one is not valid,
 * with its message shown under it. Rows left empty are ignored. */
static gboolean
collect_labels (TdmCooperativeEditor *self,
                GPtrArray            *labels)
{
  gboolean valid = TRUE;

  for (guint i = 0; i < self->label_rows->len; i++)
    {
      LabelRow *label_row = g_ptr_array_index (self->label_rows, i);
      g_autofree char *name = dup_trimmed (label_row->name);
      g_autofree char *issued = dup_trimmed (label_row->issued);
      g_autofree char *expires = dup_trimmed (label_row->expires);
      const char *message = NULL;

      if (name == NULL && issued == NULL && expires == NULL)
        ;
      else if (name == NULL)
        message = _("Enter the name of the label.");
      else if ((issued != NULL && !tdm_validate_iso_date (issued)) ||
               (expires != NULL && !tdm_validate_iso_date (expires)))
        message = _("Write dates as YYYY-MM-DD, for example 2024-03-21.");
      else if (issued != NULL && tdm_date_is_future (issued, NULL))
        message = _("The label cannot be issued in the future.");
      else if (issued != NULL && expires != NULL && g_strcmp0 (expires, issued) < 0)
        message = _("The label cannot expire before it was issued.");
      else if (labels != NULL)
        g_ptr_array_add (labels, tdm_label_new (name, issued, expires));

      gtk_label_set_label (label_row->message, message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (label_row->message), message != NULL);
      valid = valid && message == NULL;
    }

  return valid;
}

/* Form <-> record ------------------------------------------------------------------ */

/* Reads FIELD into COOPERATIVE; a value that cannot be read (not a
 * number, not a date) returns its message instead. */
static const char *
read_field (Field          *field,
            TdmCooperative *cooperative)
{
  const char *property = field->spec->property;

  switch (field->spec->kind)
    {
    case FIELD_TEXT:
      {
        g_autofree char *text = dup_trimmed (GTK_EDITABLE (field->field));

        g_object_set (cooperative, property, text, NULL);
        return NULL;
      }

    case FIELD_DATE:
      {
        g_autofree char *text = dup_trimmed (GTK_EDITABLE (field->field));

        if (text != NULL && !tdm_validate_iso_date (text))
          return _("Write the date as YYYY-MM-DD, for example 2019-03-21.");
        g_object_set (cooperative, property, text, NULL);
        return NULL;
      }

    case FIELD_INT:
      {
        g_autofree char *text = dup_trimmed (GTK_EDITABLE (field->field));
        guint64 value = 0;

        if (text != NULL &&
            !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
          return _("Enter a whole number, for example 25.");
        g_object_set (cooperative, property, (gint) value, NULL);
        return NULL;
      }

    case FIELD_CAPITAL:
      {
        g_autofree char *text = dup_trimmed (GTK_EDITABLE (field->field));
        double value = -1;

        if (text != NULL)
          {
            char *end = NULL;

            /* A French keyboard writes a decimal comma; spaces group thousands. */
            g_strdelimit (text, ",", '.');
            g_strdelimit (text, " ", '\0');
            value = g_ascii_strtod (text, &end);
            if (end == text || *end != '\0' || value < 0)
              return _("Enter an amount in dirhams, for example 15000.");
          }
        g_object_set (cooperative, property, value, NULL);
        return NULL;
      }

    case FIELD_PLACE:
      g_object_set (cooperative, property, dropdown_place_id (field->field), NULL);
      return NULL;

    case FIELD_LEGAL_FORM:
      {
        guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (field->field));

        g_object_set (cooperative, property,
                      legal_forms[selected < G_N_ELEMENTS (legal_forms) ? selected : 0], NULL);
        return NULL;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
write_field (TdmCooperativeEditor *self,
             Field                *field,
             TdmCooperative       *cooperative)
{
  const char *property = field->spec->property;

  switch (field->spec->kind)
    {
    case FIELD_TEXT:
    case FIELD_DATE:
      {
        g_autofree char *text = NULL;

        g_object_get (cooperative, property, &text, NULL);
        gtk_editable_set_text (GTK_EDITABLE (field->field), text != NULL ? text : "");
        break;
      }

    case FIELD_INT:
      {
        int value = 0;
        g_autofree char *text = NULL;

        g_object_get (cooperative, property, &value, NULL);
        /* A new record shows empty boxes, not zeros to erase. */
        if (value != 0 || tdm_cooperative_get_id (cooperative) != 0)
          text = g_strdup_printf ("%d", value);
        gtk_editable_set_text (GTK_EDITABLE (field->field), text != NULL ? text : "");
        break;
      }

    case FIELD_CAPITAL:
      {
        double value = -1;
        char buffer[G_ASCII_DTOSTR_BUF_SIZE] = "";

        g_object_get (cooperative, property, &value, NULL);
        if (value >= 0)
          g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
        gtk_editable_set_text (GTK_EDITABLE (field->field), buffer);
        break;
      }

    case FIELD_PLACE:
      {
        gint64 id = 0;

        g_object_get (cooperative, property, &id, NULL);
        dropdown_select_place (field->field, id);
        break;
      }

    case FIELD_LEGAL_FORM:
      {
        const char *form = tdm_cooperative_get_legal_form (cooperative);

        for (guint i = 0; i < G_N_ELEMENTS (legal_forms); i++)
          {
            if (g_strcmp0 (form, legal_forms[i]) == 0)
              gtk_drop_down_set_selected (GTK_DROP_DOWN (field->field), i);
          }
        break;
      }

    default:
      g_assert_not_reached ();
    }
}

/* The record as the form shows it, or NULL when a field cannot be read;
 * MESSAGES gets property → message for every problem. */
static TdmCooperative *
read_form (TdmCooperativeEditor *self,
           GHashTable           *messages)
{
  g_autoptr(TdmCooperative) cooperative = tdm_cooperative_copy (self->original);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_label_free);
  g_autoptr(GHashTable) checked = NULL;
  gboolean readable = TRUE;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    {
      const char *message = read_field (&self->fields[i], cooperative);

      if (message != NULL)
        {
          g_hash_table_insert (messages, g_strdup (self->fields[i].spec->property), g_strdup (message));
          readable = FALSE;
        }
    }

  self->labels_valid = collect_labels (self, labels);
  if (!self->labels_valid)
    readable = FALSE;
  tdm_cooperative_set_labels (cooperative, labels);

  checked = tdm_store_validate_cooperative (self->store, cooperative);
  g_hash_table_iter_init (&iter, checked);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (messages, key))
        g_hash_table_insert (messages, g_strdup (key), g_strdup (value));
    }

  return readable ? g_steal_pointer (&cooperative) : NULL;
}

static void
validate (TdmCooperativeEditor *self)
{
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(TdmCooperative) cooperative = NULL;
  g_autoptr(GString) general = g_string_new (NULL);
  gboolean any_touched = self->show_all;
  GHashTableIter iter;
  gpointer key, value;

  if (self->loading)
    return;

  cooperative = read_form (self, messages);

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    any_touched = any_touched || self->fields[i].touched;

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    {
      Field *field = &self->fields[i];
      const char *message = g_hash_table_lookup (messages, field->spec->property);
      gboolean show = message != NULL && (field->touched || self->show_all);

      gtk_label_set_label (field->message, show ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (field->message), show);
      if (show)
        gtk_widget_add_css_class (field->field, "error");
      else
        gtk_widget_remove_css_class (field->field, "error");
    }

  /* Messages about no single field (the name, which may be written in
   * either language) show above the form once the user has started. */
  g_hash_table_iter_init (&iter, messages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      /* A label row with a problem already says so under itself. */
      if (g_str_equal (key, "labels") && !self->labels_valid)
        continue;
      if (find_field (self, key) == NULL && any_touched)
        g_string_append_printf (general, "%s%s", general->len > 0 ? "\n" : "", (const char *) value);
    }
  gtk_label_set_label (self->error_label, general->str);
  gtk_revealer_set_reveal_child (self->error_revealer, general->len > 0);

  gtk_widget_set_sensitive (self->save_button,
                            cooperative != NULL && g_hash_table_size (messages) == 0);
}

static void
mark_touched (TdmCooperativeEditor *self,
              GtkWidget            *widget)
{
  if (self->loading)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    {
      if (self->fields[i].field == widget)
        self->fields[i].touched = TRUE;
    }

  validate (self);
}

static void
on_entry_changed (TdmCooperativeEditor *self,
                  GtkEditable          *editable)
{
  mark_touched (self, GTK_WIDGET (editable));
}

static void
on_choice_changed (TdmCooperativeEditor *self,
                   GParamSpec           *pspec,
                   GtkDropDown          *dropdown)
{
  mark_touched (self, GTK_WIDGET (dropdown));
}

static void
on_save_clicked (TdmCooperativeEditor *self)
{
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(TdmCooperative) cooperative = NULL;
  g_autoptr(GError) error = NULL;

  self->show_all = TRUE;
  cooperative = read_form (self, messages);
  if (cooperative == NULL || g_hash_table_size (messages) > 0)
    {
      validate (self);
      return;
    }

  if (!tdm_store_save_cooperative (self->store, cooperative, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, cooperative);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Ctrl+S saves when the form is valid, else shows every message. */
static void
on_default_activated (TdmCooperativeEditor *self)
{
  if (gtk_widget_get_sensitive (self->save_button))
    on_save_clicked (self);
  else
    {
      self->show_all = TRUE;
      validate (self);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  on_default_activated (TDM_COOPERATIVE_EDITOR (widget));
}

/* The fact sheet of the record as saved, over the form. */
static void
fact_sheet_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TdmCooperativeEditor *self = TDM_COOPERATIVE_EDITOR (widget);
  gint64 id = tdm_cooperative_get_id (self->original);

  if (id > 0)
    gtk_window_present (GTK_WINDOW (tdm_report_window_new (GTK_WINDOW (self), self->store,
                                                           TDM_REPORT_COOPERATIVE, id)));
}

static void
load_record (TdmCooperativeEditor *self)
{
  g_autoptr(GListModel) regions = tdm_store_list_regions (self->store);
  g_autoptr(GListModel) sectors = tdm_store_list_sectors (self->store);
  g_autoptr(GListModel) region_model = places_with_unset (regions, TDM_PLACE_REGION);
  g_autoptr(GListModel) sector_model = places_with_unset (sectors, TDM_PLACE_SECTOR);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (TDM_TYPE_PLACE, NULL, "display-name");
  GPtrArray *labels = tdm_cooperative_get_labels (self->original);
  gint64 region_id = tdm_cooperative_get_region_id (self->original);
  gint64 province_id = tdm_cooperative_get_province_id (self->original);
  const char *name = tdm_cooperative_get_display_name (self->original);

  self->loading = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    {
      if (self->fields[i].spec->kind == FIELD_PLACE)
        gtk_drop_down_set_expression (GTK_DROP_DOWN (self->fields[i].field), expression);
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (find_field (self, "region-id")->field), region_model);
  gtk_drop_down_set_model (GTK_DROP_DOWN (find_field (self, "sector-id")->field), sector_model);

  /* A record with a province but no region gets the province's region. */
  if (region_id == 0 && province_id != 0)
    {
      g_autoptr(TdmPlace) province = tdm_store_get_place (self->store, TDM_PLACE_PROVINCE, province_id);

      if (province != NULL)
        {
          region_id = tdm_place_get_parent_id (province);
          g_object_set (self->original, "region-id", region_id, NULL);
        }
    }
  load_provinces (self, region_id, province_id);

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    {
      if (self->fields[i].spec->kind != FIELD_PLACE ||
          g_strcmp0 (self->fields[i].spec->property, "province-id") != 0)
        write_field (self, &self->fields[i], self->original);
    }

  for (guint i = 0; labels != NULL && i < labels->len; i++)
    add_label_row (self, g_ptr_array_index (labels, i));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.fact-sheet",
                                 tdm_cooperative_get_id (self->original) != 0);
  if (tdm_cooperative_get_id (self->original) == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Cooperative"));
      adw_window_title_set_title (self->window_title, _("New Cooperative"));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Cooperative"));
      adw_window_title_set_title (self->window_title, _("Edit Cooperative"));
      adw_window_title_set_subtitle (self->window_title, name);
    }

  self->loading = FALSE;
  validate (self);
}

TdmCooperativeEditor *
tdm_cooperative_editor_new (GtkWindow      *parent,
                            TdmStore       *store,
                            TdmCooperative *cooperative)
{
  TdmCooperativeEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);
  g_return_val_if_fail (cooperative == NULL || TDM_IS_COOPERATIVE (cooperative), NULL);

  self = g_object_new (TDM_TYPE_COOPERATIVE_EDITOR,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->original = cooperative != NULL ? tdm_cooperative_copy (cooperative) : tdm_cooperative_new ();
  load_record (self);

  return self;
}

/* For the tests ----------------------------------------------------------------------- */

GtkWidget *
_tdm_cooperative_editor_get_field (TdmCooperativeEditor *self,
                                   const char           *property)
{
  Field *field = find_field (self, property);

  return field != NULL ? field->field : NULL;
}

GtkLabel *
_tdm_cooperative_editor_get_message (TdmCooperativeEditor *self,
                                     const char           *property)
{
  Field *field = find_field (self, property);

  return field != NULL ? field->message : NULL;
}

GtkWidget *
_tdm_cooperative_editor_get_save_button (TdmCooperativeEditor *self)
{
  return self->save_button;
}

GtkWidget *
_tdm_cooperative_editor_get_add_label_button (TdmCooperativeEditor *self)
{
  return self->add_label_button;
}

gboolean
_tdm_cooperative_editor_get_label_row (TdmCooperativeEditor  *self,
                                       guint                  index,
                                       GtkEditable          **name,
                                       GtkEditable          **issued,
                                       GtkEditable          **expires,
                                       GtkLabel             **message)
{
  LabelRow *label_row;

  if (index >= self->label_rows->len)
    return FALSE;

  label_row = g_ptr_array_index (self->label_rows, index);
  *name = label_row->name;
  *issued = label_row->issued;
  *expires = label_row->expires;
  *message = label_row->message;
  return TRUE;
}

/* GObject ------------------------------------------------------------------------------- */

static void
tdm_cooperative_editor_dispose (GObject *object)
{
  TdmCooperativeEditor *self = TDM_COOPERATIVE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TDM_TYPE_COOPERATIVE_EDITOR);

  G_OBJECT_CLASS (tdm_cooperative_editor_parent_class)->dispose (object);
}

static void
tdm_cooperative_editor_finalize (GObject *object)
{
  TdmCooperativeEditor *self = TDM_COOPERATIVE_EDITOR (object);

  g_clear_pointer (&self->label_rows, g_ptr_array_unref);
  g_clear_object (&self->original);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tdm_cooperative_editor_parent_class)->finalize (object);
}

static void
tdm_cooperative_editor_class_init (TdmCooperativeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_cooperative_editor_dispose;
  object_class->finalize = tdm_cooperative_editor_finalize;

  /**
   * TdmCooperativeEditor::saved:
   * @cooperative: the record as it was saved, with its id
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TDM_TYPE_COOPERATIVE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ma/tadamon/Tadamon/tdm-cooperative-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativeEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativeEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativeEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativeEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativeEditor, labels_group);
  gtk_widget_class_bind_template_child (widget_class, TdmCooperativeEditor, add_label_button);
  /* The fields are found by name in init (see field_specs). */
  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    {
      g_autofree char *field_id = g_strdup_printf ("%s_field", field_specs[i].id);
      g_autofree char *message_id = g_strdup_printf ("%s_message", field_specs[i].id);

      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (field_id), FALSE, 0);
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (message_id), FALSE, 0);
    }
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_label_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.fact-sheet", NULL, fact_sheet_action);
}

/* The text widget inside an entry does not inherit its direction. */
static void
set_text_direction (GtkWidget        *entry,
                    GtkTextDirection  direction)
{
  gtk_widget_set_direction (entry, direction);
  gtk_widget_set_direction (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry))), direction);
}

static void
tdm_cooperative_editor_init (TdmCooperativeEditor *self)
{
  g_autoptr(GtkSizeGroup) sizes = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->label_rows = g_ptr_array_new_with_free_func (label_row_free);

  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    {
      g_autofree char *field_id = g_strdup_printf ("%s_field", field_specs[i].id);
      g_autofree char *message_id = g_strdup_printf ("%s_message", field_specs[i].id);

      self->fields[i].spec = &field_specs[i];
      self->fields[i].field = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                         TDM_TYPE_COOPERATIVE_EDITOR,
                                                                         field_id));
      self->fields[i].message = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                          TDM_TYPE_COOPERATIVE_EDITOR,
                                                                          message_id));
      g_assert (self->fields[i].field != NULL && self->fields[i].message != NULL);
    }

  g_signal_connect_object (find_field (self, "region-id")->field, "notify::selected",
                           G_CALLBACK (on_region_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (find_field (self, "province-id")->field, "notify::selected",
                           G_CALLBACK (on_province_changed), self, G_CONNECT_SWAPPED);

  /* Each name is typed in its own script, whatever the UI's direction;
   * a phone number's groups of digits read left to right in Arabic too. */
  set_text_direction (find_field (self, "name-ar")->field, GTK_TEXT_DIR_RTL);
  set_text_direction (find_field (self, "name-fr")->field, GTK_TEXT_DIR_LTR);
  set_text_direction (find_field (self, "phone")->field, GTK_TEXT_DIR_LTR);
  set_text_direction (find_field (self, "email")->field, GTK_TEXT_DIR_LTR);

  /* Every field as wide as the widest, so that they line up. */
  sizes = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    gtk_size_group_add_widget (sizes, self->fields[i].field);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}
