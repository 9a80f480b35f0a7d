/* tdm-fair-overview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-fair-overview.h"
#include "tdm-fairs.h"
#include "tdm-number-format.h"
#include "tdm-place.h"
#include "tdm-registry.h"

/* The form's fields, each with the row that shows the store's message
 * for its property. */
typedef enum {
  FIELD_TITLE,
  FIELD_EDITION,
  FIELD_REGION,
  FIELD_CITY,
  FIELD_VENUE,
  FIELD_SLOGAN,
  FIELD_START,
  FIELD_END,
  FIELD_STATUS,
  FIELD_FLOOR_WIDTH,
  FIELD_FLOOR_DEPTH,
  N_FIELDS
} Field;

static const char *field_properties[N_FIELDS] = {
  "title", "edition", "region-id", "city", "venue", "slogan",
  "start-date", "end-date", "status", "floor-width", "floor-depth",
};

struct _TdmFairOverview
{
  AdwBin               parent_instance;

  TdmStore            *store;
  TdmFair             *fair;       /* as loaded; id 0 for a new one */
  GListModel          *regions;

  GtkWidget           *rows[N_FIELDS];
  GtkWidget           *error_rows[N_FIELDS];
  GtkLabel            *error_labels[N_FIELDS];

  /* Template widgets */
  AdwPreferencesGroup *counts_group;
  GtkFlowBox          *counts_box;
  AdwPreferencesGroup *fields_group;
  AdwPreferencesGroup *place_group;
  AdwPreferencesGroup *floor_group;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (TdmFairOverview, tdm_fair_overview, ADW_TYPE_BIN)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_FAIR_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Building the form -------------------------------------------------------- */

static void
add_field (TdmFairOverview     *self,
           AdwPreferencesGroup *group,
           Field                field,
           GtkWidget           *row)
{
  GtkWidget *error_row = GTK_WIDGET (g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                                   "activatable", FALSE,
                                                   "focusable", FALSE,
                                                   "visible", FALSE,
                                                   NULL));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);

  self->rows[field] = row;
  self->error_rows[field] = error_row;
  self->error_labels[field] = GTK_LABEL (label);
  adw_preferences_group_add (group, row);
  adw_preferences_group_add (group, error_row);
}

static GtkWidget *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static GtkWidget *
spin_row (const char *title,
          const char *subtitle,
          double      lower,
          double      upper,
          double      step,
          guint       digits,
          GtkWidget **spin)
{
  GtkWidget *row = adw_action_row_new ();

  *spin = gtk_spin_button_new_with_range (lower, upper, step);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (*spin), digits);
  gtk_widget_set_valign (*spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *spin);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (*spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  return row;
}

static GtkSpinButton *
field_spin (TdmFairOverview *self,
            Field            field)
{
  return GTK_SPIN_BUTTON (g_object_get_data (G_OBJECT (self->rows[field]), "spin"));
}

static void
build_form (TdmFairOverview *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkWidget *spin;
  GtkWidget *row;

  add_field (self, self->fields_group, FIELD_TITLE, entry_row (_("Title")));
  row = spin_row (_("Edition"), _("0 when the fair is not numbered"), 0, 100, 1, 0, &spin);
  g_object_set_data (G_OBJECT (row), "spin", spin);
  add_field (self, self->fields_group, FIELD_EDITION, row);
  add_field (self, self->fields_group, FIELD_SLOGAN, entry_row (_("Slogan")));
  add_field (self, self->fields_group, FIELD_START, entry_row (_("First day (YYYY-MM-DD)")));
  add_field (self, self->fields_group, FIELD_END, entry_row (_("Last day (YYYY-MM-DD)")));

  for (const char * const *status = tdm_fair_statuses (); *status != NULL; status++)
    gtk_string_list_append (statuses, tdm_fair_status_label (*status));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (statuses));
  add_field (self, self->fields_group, FIELD_STATUS, row);

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Region"));
  add_field (self, self->place_group, FIELD_REGION, row);
  add_field (self, self->place_group, FIELD_CITY, entry_row (_("City")));
  add_field (self, self->place_group, FIELD_VENUE, entry_row (_("Venue")));

  row = spin_row (_("Floor width"), _("metres"), 1, 2000, 1, 1, &spin);
  g_object_set_data (G_OBJECT (row), "spin", spin);
  add_field (self, self->floor_group, FIELD_FLOOR_WIDTH, row);
  row = spin_row (_("Floor depth"), _("metres"), 1, 2000, 1, 1, &spin);
  g_object_set_data (G_OBJECT (row), "spin", spin);
  add_field (self, self->floor_group, FIELD_FLOOR_DEPTH, row);
}

static void
fill_regions (TdmFairOverview *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n;

  g_clear_object (&self->regions);
  if (self->store != NULL)
    self->regions = tdm_store_list_regions (self->store);
  n = self->regions != NULL ? g_list_model_get_n_items (self->regions) : 0;

  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmPlace) region = g_list_model_get_item (self->regions, i);

      gtk_string_list_append (names, tdm_place_get_display_name (region));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[FIELD_REGION]), G_LIST_MODEL (names));
}

/* Counts -------------------------------------------------------------------- */

static void
add_count (TdmFairOverview *self,
           gint64           value,
           const char      *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  TdmNumberFormat format;
  g_autofree char *number = NULL;
  GtkWidget *figure;
  GtkWidget *label = gtk_label_new (caption);

  tdm_number_format_init (&format, NULL, TDM_DIGITS_WESTERN);
  number = tdm_number_format_format (&format, value, 0);
  figure = gtk_label_new (number);
  gtk_widget_add_css_class (figure, "title-1");
  gtk_widget_add_css_class (figure, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), figure);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_size_request (box, 130, -1);
  gtk_widget_set_margin_top (figure, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_flow_box_append (self->counts_box, box);
}

static void
update_counts (TdmFairOverview *self)
{
  TdmFairCounts counts = { 0 };
  GtkWidget *child;
  gint64 id = self->fair != NULL ? tdm_fair_get_id (self->fair) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->counts_box))) != NULL)
    gtk_flow_box_remove (self->counts_box, child);

  gtk_widget_set_visible (GTK_WIDGET (self->counts_group), id > 0);
  if (id <= 0 || !tdm_store_get_fair_counts (self->store, id, &counts, NULL))
    return;

  add_count (self, counts.stands, _("stands"));
  add_count (self, counts.places, _("places"));
  add_count (self, counts.places_taken, _("places taken"));
  add_count (self, counts.free_stands, _("free stands"));
  add_count (self, counts.exhibitors, _("applications"));
  add_count (self, counts.accepted, _("accepted"));
  add_count (self, counts.confirmed, _("confirmed"));
  add_count (self, counts.waitlisted, _("waitlisted"));
  add_count (self, counts.poles, _("poles"));
  add_count (self, counts.partners, _("partners"));
}

/* Form <-> fair ---------------------------------------------------------------- */

static void
set_entry (TdmFairOverview *self,
           Field            field,
           const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->rows[field]), text != NULL ? text : "");
}

static char *
get_entry (TdmFairOverview *self,
           Field            field)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[field])));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
clear_errors (TdmFairOverview *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_widget_set_visible (self->error_rows[i], FALSE);
}

static void
fill_form (TdmFairOverview *self)
{
  TdmFair *fair = self->fair;
  const char * const *statuses = tdm_fair_statuses ();
  guint region = 0;
  guint n = self->regions != NULL ? g_list_model_get_n_items (self->regions) : 0;

  set_entry (self, FIELD_TITLE, tdm_fair_get_title (fair));
  gtk_spin_button_set_value (field_spin (self, FIELD_EDITION), tdm_fair_get_edition (fair));
  set_entry (self, FIELD_CITY, tdm_fair_get_city (fair));
  set_entry (self, FIELD_VENUE, tdm_fair_get_venue (fair));
  set_entry (self, FIELD_SLOGAN, tdm_fair_get_slogan (fair));
  set_entry (self, FIELD_START, tdm_fair_get_start_date (fair));
  set_entry (self, FIELD_END, tdm_fair_get_end_date (fair));
  gtk_spin_button_set_value (field_spin (self, FIELD_FLOOR_WIDTH), tdm_fair_get_floor_width (fair));
  gtk_spin_button_set_value (field_spin (self, FIELD_FLOOR_DEPTH), tdm_fair_get_floor_depth (fair));

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], tdm_fair_get_status (fair)) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[FIELD_STATUS]), i);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmPlace) place = g_list_model_get_item (self->regions, i);

      if (tdm_place_get_id (place) == tdm_fair_get_region_id (fair))
        region = i + 1;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[FIELD_REGION]), region);

  gtk_button_set_label (self->save_button, tdm_fair_get_id (fair) > 0 ? _("_Save Changes") : _("_Create Fair"));
  clear_errors (self);
}

static TdmFair *
read_form (TdmFairOverview *self)
{
  TdmFair *fair = tdm_fair_copy (self->fair);
  g_autofree char *title = get_entry (self, FIELD_TITLE);
  g_autofree char *city = get_entry (self, FIELD_CITY);
  g_autofree char *venue = get_entry (self, FIELD_VENUE);
  g_autofree char *slogan = get_entry (self, FIELD_SLOGAN);
  g_autofree char *start = get_entry (self, FIELD_START);
  g_autofree char *end = get_entry (self, FIELD_END);
  guint status = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[FIELD_STATUS]));
  guint region = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[FIELD_REGION]));
  gint64 region_id = 0;

  if (region > 0 && region != GTK_INVALID_LIST_POSITION && self->regions != NULL)
    {
      g_autoptr(TdmPlace) place = g_list_model_get_item (self->regions, region - 1);

      if (place != NULL)
        region_id = tdm_place_get_id (place);
    }

  for (guint i = FIELD_EDITION; i <= FIELD_FLOOR_DEPTH; i++)
    if (g_object_get_data (G_OBJECT (self->rows[i]), "spin") != NULL)
      gtk_spin_button_update (field_spin (self, i));

  g_object_set (fair,
                "title", title,
                "edition", gtk_spin_button_get_value_as_int (field_spin (self, FIELD_EDITION)),
                "city", city,
                "venue", venue,
                "slogan", slogan,
                "start-date", start,
                "end-date", end,
                "status", status != GTK_INVALID_LIST_POSITION ? tdm_fair_statuses ()[status] : "planned",
                "floor-width", gtk_spin_button_get_value (field_spin (self, FIELD_FLOOR_WIDTH)),
                "floor-depth", gtk_spin_button_get_value (field_spin (self, FIELD_FLOOR_DEPTH)),
                NULL);
  /* The province is kept only while it is in the chosen region. */
  if (region_id != tdm_fair_get_region_id (self->fair))
    g_object_set (fair, "region-id", region_id, "province-id", (gint64) 0, NULL);

  return fair;
}

gboolean
tdm_fair_overview_save (TdmFairOverview *self)
{
  g_autoptr(TdmFair) fair = NULL;
  g_autoptr(GHashTable) problems = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *first = NULL;

  g_return_val_if_fail (TDM_IS_FAIR_OVERVIEW (self), FALSE);

  if (self->store == NULL || self->fair == NULL)
    return FALSE;

  fair = read_form (self);
  clear_errors (self);
  problems = tdm_store_validate_fair (self->store, fair);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *message = g_hash_table_lookup (problems, field_properties[i]);

      if (message == NULL)
        continue;
      gtk_label_set_label (self->error_labels[i], message);
      gtk_widget_set_visible (self->error_rows[i], TRUE);
      if (first == NULL)
        first = self->rows[i];
    }
  if (first != NULL)
    {
      gtk_widget_grab_focus (first);
      return FALSE;
    }

  if (!tdm_store_save_fair (self->store, fair, &error))
    {
      gtk_label_set_label (self->error_labels[FIELD_TITLE], error->message);
      gtk_widget_set_visible (self->error_rows[FIELD_TITLE], TRUE);
      return FALSE;
    }

  g_set_object (&self->fair, fair);
  fill_form (self);
  update_counts (self);
  g_signal_emit (self, signals[SAVED], 0, fair);
  return TRUE;
}

static void
save_clicked_cb (TdmFairOverview *self)
{
  tdm_fair_overview_save (self);
}

static void
store_changed_cb (TdmFairOverview *self,
                  const char      *table)
{
  if (g_strcmp0 (table, "fair") != 0)
    update_counts (self);
}

void
tdm_fair_overview_set_fair (TdmFairOverview *self,
                            TdmStore        *store,
                            gint64           fair_id)
{
  g_autoptr(TdmFair) fair = NULL;
  gint64 old_id = self->fair != NULL ? tdm_fair_get_id (self->fair) : 0;

  g_return_if_fail (TDM_IS_FAIR_OVERVIEW (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      fill_regions (self);
    }

  if (store != NULL && fair_id > 0)
    fair = tdm_store_get_fair (store, fair_id, NULL);
  if (fair == NULL)
    {
      /* A new fair starts planned, on a floor of a usual hall. */
      fair = tdm_fair_new ();
      g_object_set (fair, "status", "planned", "floor-width", 60.0, "floor-depth", 40.0, NULL);
    }
  g_set_object (&self->fair, fair);
  fill_form (self);
  update_counts (self);

  if (tdm_fair_get_id (fair) != old_id)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAIR_ID]);
}

gint64
tdm_fair_overview_get_fair_id (TdmFairOverview *self)
{
  g_return_val_if_fail (TDM_IS_FAIR_OVERVIEW (self), 0);

  return self->fair != NULL ? tdm_fair_get_id (self->fair) : 0;
}

GtkWidget *
tdm_fair_overview_new (void)
{
  return g_object_new (TDM_TYPE_FAIR_OVERVIEW, NULL);
}

static void
tdm_fair_overview_dispose (GObject *object)
{
  TdmFairOverview *self = TDM_FAIR_OVERVIEW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TDM_TYPE_FAIR_OVERVIEW);
  g_clear_object (&self->fair);
  g_clear_object (&self->regions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tdm_fair_overview_parent_class)->dispose (object);
}

static void
tdm_fair_overview_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TdmFairOverview *self = TDM_FAIR_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_FAIR_ID:
      g_value_set_int64 (value, tdm_fair_overview_get_fair_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_fair_overview_class_init (TdmFairOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_fair_overview_dispose;
  object_class->get_property = tdm_fair_overview_get_property;

  properties[PROP_FAIR_ID] =
    g_param_spec_int64 ("fair-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TDM_TYPE_FAIR);

  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-fair-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmFairOverview, counts_group);
  gtk_widget_class_bind_template_child (widget_class, TdmFairOverview, counts_box);
  gtk_widget_class_bind_template_child (widget_class, TdmFairOverview, fields_group);
  gtk_widget_class_bind_template_child (widget_class, TdmFairOverview, place_group);
  gtk_widget_class_bind_template_child (widget_class, TdmFairOverview, floor_group);
  gtk_widget_class_bind_template_child (widget_class, TdmFairOverview, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
tdm_fair_overview_init (TdmFairOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_form (self);
  tdm_fair_overview_set_fair (self, NULL, 0);
}
