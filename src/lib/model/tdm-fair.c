/* tdm-fair.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tdm-fair.h"
#include "tdm-fair-records-private.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_EDITION,
  PROP_REGION_ID,
  PROP_PROVINCE_ID,
  /* string properties: they live in TdmFair.str[] */
  PROP_CITY,
  PROP_VENUE,
  PROP_SLOGAN,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_STATUS,
  PROP_REGION_NAME,
  PROP_LAST_STRING = PROP_REGION_NAME,
  PROP_FLOOR_WIDTH,
  PROP_FLOOR_DEPTH,
  PROP_STATUS_LABEL,
  N_PROPS
};

struct _TdmFair
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  gint     edition;
  gint64   region_id;
  gint64   province_id;
  char    *str[PROP_LAST_STRING + 1];
  double   floor_width;
  double   floor_depth;
};

G_DEFINE_FINAL_TYPE (TdmFair, tdm_fair, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* The CHECK of fair.status in data/schema/001-initial.sql. */
static const char * const statuses[] = {
  "planned", "open", "closed", "cancelled", NULL
};

static const char * const status_labels[] = {
  /* Translators: status of a fair */
  NC_("fair status", "Planned"),
  NC_("fair status", "Open"),
  NC_("fair status", "Closed"),
  NC_("fair status", "Cancelled"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == G_N_ELEMENTS (status_labels) + 1);

const char * const *
tdm_fair_statuses (void)
{
  return statuses;
}

const char *
tdm_fair_status_label (const char *status)
{
  if (status == NULL)
    return "";

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_str_equal (status, statuses[i]))
      return g_dpgettext2 (GETTEXT_PACKAGE, "fair status", status_labels[i]);

  return status;
}

static void
notify (TdmFair *self,
        guint    prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_string (TdmFair    *self,
            guint       prop,
            const char *value)
{
  g_assert (prop >= PROP_CITY && prop <= PROP_LAST_STRING);

  if (g_strcmp0 (self->str[prop], value) == 0)
    return;

  g_free (self->str[prop]);
  self->str[prop] = g_strdup (value);
  notify (self, prop);

  if (prop == PROP_STATUS)
    notify (self, PROP_STATUS_LABEL);
}

static void
set_title (TdmFair    *self,
           const char *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  notify (self, PROP_TITLE);
}

#define SET_NUMBER(field, prop, value) \
  G_STMT_START { \
    if (self->field != (value)) \
      { \
        self->field = (value); \
        notify (self, prop); \
      } \
  } G_STMT_END

static void
tdm_fair_finalize (GObject *object)
{
  TdmFair *self = (TdmFair *)object;

  g_free (self->title);
  for (guint i = 0; i < G_N_ELEMENTS (self->str); i++)
    g_free (self->str[i]);

  G_OBJECT_CLASS (tdm_fair_parent_class)->finalize (object);
}

static void
tdm_fair_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TdmFair *self = TDM_FAIR (object);

  if (prop_id >= PROP_CITY && prop_id <= PROP_LAST_STRING)
    {
      g_value_set_string (value, self->str[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_EDITION:
      g_value_set_int (value, self->edition);
      break;
    case PROP_REGION_ID:
      g_value_set_int64 (value, self->region_id);
      break;
    case PROP_PROVINCE_ID:
      g_value_set_int64 (value, self->province_id);
      break;
    case PROP_FLOOR_WIDTH:
      g_value_set_double (value, self->floor_width);
      break;
    case PROP_FLOOR_DEPTH:
      g_value_set_double (value, self->floor_depth);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, tdm_fair_get_status_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_fair_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TdmFair *self = TDM_FAIR (object);

  if (prop_id >= PROP_CITY && prop_id <= PROP_LAST_STRING)
    {
      set_string (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      SET_NUMBER (id, PROP_ID, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      set_title (self, g_value_get_string (value));
      break;
    case PROP_EDITION:
      SET_NUMBER (edition, PROP_EDITION, g_value_get_int (value));
      break;
    case PROP_REGION_ID:
      SET_NUMBER (region_id, PROP_REGION_ID, g_value_get_int64 (value));
      break;
    case PROP_PROVINCE_ID:
      SET_NUMBER (province_id, PROP_PROVINCE_ID, g_value_get_int64 (value));
      break;
    case PROP_FLOOR_WIDTH:
      SET_NUMBER (floor_width, PROP_FLOOR_WIDTH, g_value_get_double (value));
      break;
    case PROP_FLOOR_DEPTH:
      SET_NUMBER (floor_depth, PROP_FLOOR_DEPTH, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name,
              const char *default_value,
              gboolean    writable)
{
  return g_param_spec_string (name, NULL, NULL, default_value,
                              (writable ? G_PARAM_READWRITE : G_PARAM_READABLE)
                              | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
id_pspec (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
tdm_fair_class_init (TdmFairClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tdm_fair_finalize;
  object_class->get_property = tdm_fair_get_property;
  object_class->set_property = tdm_fair_set_property;

  properties[PROP_ID] = id_pspec ("id");
  properties[PROP_TITLE] = string_pspec ("title", NULL, TRUE);
  properties[PROP_EDITION] =
    g_param_spec_int ("edition", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION_ID] = id_pspec ("region-id");
  properties[PROP_PROVINCE_ID] = id_pspec ("province-id");
  properties[PROP_CITY] = string_pspec ("city", NULL, TRUE);
  properties[PROP_VENUE] = string_pspec ("venue", NULL, TRUE);
  properties[PROP_SLOGAN] = string_pspec ("slogan", NULL, TRUE);
  properties[PROP_START_DATE] = string_pspec ("start-date", NULL, TRUE);
  properties[PROP_END_DATE] = string_pspec ("end-date", NULL, TRUE);
  properties[PROP_STATUS] = string_pspec ("status", "planned", TRUE);
  properties[PROP_REGION_NAME] = string_pspec ("region-name", NULL, FALSE);
  properties[PROP_FLOOR_WIDTH] =
    g_param_spec_double ("floor-width", NULL, NULL, 0, 10000, 60,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLOOR_DEPTH] =
    g_param_spec_double ("floor-depth", NULL, NULL, 0, 10000, 40,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] = string_pspec ("status-label", NULL, FALSE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tdm_fair_init (TdmFair *self)
{
  self->str[PROP_STATUS] = g_strdup ("planned");
  self->floor_width = 60;
  self->floor_depth = 40;
}

TdmFair *
tdm_fair_new (void)
{
  return g_object_new (TDM_TYPE_FAIR, NULL);
}

TdmFair *
tdm_fair_copy (TdmFair *self)
{
  TdmFair *copy;

  g_return_val_if_fail (TDM_IS_FAIR (self), NULL);

  copy = tdm_fair_new ();
  copy->id = self->id;
  copy->title = g_strdup (self->title);
  copy->edition = self->edition;
  copy->region_id = self->region_id;
  copy->province_id = self->province_id;
  for (guint i = 0; i < G_N_ELEMENTS (self->str); i++)
    {
      g_free (copy->str[i]);
      copy->str[i] = g_strdup (self->str[i]);
    }
  copy->floor_width = self->floor_width;
  copy->floor_depth = self->floor_depth;

  return copy;
}

void
tdm_fair_update_from_row (TdmFair      *self,
                          sqlite3_stmt *stmt,
                          int           first,
                          gboolean      arabic)
{
  const char *region_fr, *region_ar;

  g_return_if_fail (TDM_IS_FAIR (self));

  g_object_freeze_notify (G_OBJECT (self));

  SET_NUMBER (id, PROP_ID, sqlite3_column_int64 (stmt, first));
  set_title (self, (const char *) sqlite3_column_text (stmt, first + 1));
  SET_NUMBER (edition, PROP_EDITION, sqlite3_column_int (stmt, first + 2));
  SET_NUMBER (region_id, PROP_REGION_ID, sqlite3_column_int64 (stmt, first + 3));
  SET_NUMBER (province_id, PROP_PROVINCE_ID, sqlite3_column_int64 (stmt, first + 4));
  set_string (self, PROP_CITY, (const char *) sqlite3_column_text (stmt, first + 5));
  set_string (self, PROP_VENUE, (const char *) sqlite3_column_text (stmt, first + 6));
  set_string (self, PROP_SLOGAN, (const char *) sqlite3_column_text (stmt, first + 7));
  set_string (self, PROP_START_DATE, (const char *) sqlite3_column_text (stmt, first + 8));
  set_string (self, PROP_END_DATE, (const char *) sqlite3_column_text (stmt, first + 9));
  set_string (self, PROP_STATUS, (const char *) sqlite3_column_text (stmt, first + 10));
  SET_NUMBER (floor_width, PROP_FLOOR_WIDTH, sqlite3_column_double (stmt, first + 11));
  SET_NUMBER (floor_depth, PROP_FLOOR_DEPTH, sqlite3_column_double (stmt, first + 12));
  region_fr = (const char *) sqlite3_column_text (stmt, first + 13);
  region_ar = (const char *) sqlite3_column_text (stmt, first + 14);
  set_string (self, PROP_REGION_NAME,
              arabic ? (region_ar != NULL ? region_ar : region_fr)
                     : (region_fr != NULL ? region_fr : region_ar));

  g_object_thaw_notify (G_OBJECT (self));
}

gint64
tdm_fair_get_id (TdmFair *self)
{
  g_return_val_if_fail (TDM_IS_FAIR (self), 0);
  return self->id;
}

const char *
tdm_fair_get_title (TdmFair *self)
{
  g_return_val_if_fail (TDM_IS_FAIR (self), NULL);
  return self->title;
}

gint
tdm_fair_get_edition (TdmFair *self)
{
  g_return_val_if_fail (TDM_IS_FAIR (self), 0);
  return self->edition;
}

gint64
tdm_fair_get_region_id (TdmFair *self)
{
  g_return_val_if_fail (TDM_IS_FAIR (self), 0);
  return self->region_id;
}

gint64
tdm_fair_get_province_id (TdmFair *self)
{
  g_return_val_if_fail (TDM_IS_FAIR (self), 0);
  return self->province_id;
}

double
tdm_fair_get_floor_width (TdmFair *self)
{
  g_return_val_if_fail (TDM_IS_FAIR (self), 0);
  return self->floor_width;
}

double
tdm_fair_get_floor_depth (TdmFair *self)
{
  g_return_val_if_fail (TDM_IS_FAIR (self), 0);
  return self->floor_depth;
}

#define STRING_GETTER(func, prop) \
  const char * \
  tdm_fair_get_##func (TdmFair *self) \
  { \
    g_return_val_if_fail (TDM_IS_FAIR (self), NULL); \
    return self->str[prop]; \
  }

STRING_GETTER (city, PROP_CITY)
STRING_GETTER (venue, PROP_VENUE)
STRING_GETTER (slogan, PROP_SLOGAN)
STRING_GETTER (start_date, PROP_START_DATE)
STRING_GETTER (end_date, PROP_END_DATE)
STRING_GETTER (status, PROP_STATUS)
STRING_GETTER (region_name, PROP_REGION_NAME)

#undef STRING_GETTER

const char *
tdm_fair_get_status_label (TdmFair *self)
{
  g_return_val_if_fail (TDM_IS_FAIR (self), NULL);
  return tdm_fair_status_label (self->str[PROP_STATUS]);
}

char *
tdm_fair_dup_edition_label (TdmFair *self)
{
  g_return_val_if_fail (TDM_IS_FAIR (self), NULL);

  if (self->edition <= 0)
    return g_strdup ("");

  /* French writes "1re édition" but "2e édition". */
  if (self->edition == 1)
    return g_strdup (_("First edition"));

  /* Translators: %d is the edition number of a fair: "Edition 3",
   * "3e édition", "الدورة 3" */
  return g_strdup_printf (_("Edition %d"), self->edition);
}
