/* tdm-cooperative.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdm-cooperative.h"
#include "tdm-cooperative-private.h"
#include "tdm-fold.h"

/* TdmLabel */

G_DEFINE_BOXED_TYPE (TdmLabel, tdm_label, tdm_label_copy, tdm_label_free)

TdmLabel *
tdm_label_new (const char *name,
               const char *issued_on,
               const char *expires_on)
{
  TdmLabel *label = g_new0 (TdmLabel, 1);

  label->name = g_strdup (name);
  label->issued_on = g_strdup (issued_on);
  label->expires_on = g_strdup (expires_on);

  return label;
}

TdmLabel *
tdm_label_copy (const TdmLabel *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return tdm_label_new (label->name, label->issued_on, label->expires_on);
}

void
tdm_label_free (TdmLabel *label)
{
  if (label == NULL)
    return;

  g_free (label->name);
  g_free (label->issued_on);
  g_free (label->expires_on);
  g_free (label);
}

/* TdmCooperative */

enum {
  PROP_0,
  PROP_ID,
  /* string properties first: they live in TdmCooperative.str[] */
  PROP_NAME_AR,
  PROP_NAME_FR,
  PROP_REGISTRATION_NUMBER,
  PROP_LEGAL_FORM,
  PROP_COMMUNE,
  PROP_ADDRESS,
  PROP_FOUNDED_ON,
  PROP_PRESIDENT,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_PRODUCTS,
  PROP_SECTOR_NAME,
  PROP_PROVINCE_NAME,
  PROP_REGION_NAME,
  PROP_LAST_STRING = PROP_REGION_NAME,
  PROP_SECTOR_ID,
  PROP_REGION_ID,
  PROP_PROVINCE_ID,
  PROP_MEMBERS,
  PROP_WOMEN,
  PROP_YOUTH,
  PROP_CAPITAL,
  PROP_LABELS,
  PROP_DISPLAY_NAME,
  PROP_WOMEN_SHARE,
  PROP_FOUNDED_YEAR,
  N_PROPS
};

struct _TdmCooperative
{
  GObject    parent_instance;

  gint64     id;
  gint64     sector_id;
  gint64     region_id;
  gint64     province_id;
  gint       members;
  gint       women;
  gint       youth;
  double     capital;
  char      *str[PROP_LAST_STRING + 1];
  GPtrArray *labels;
};

G_DEFINE_FINAL_TYPE (TdmCooperative, tdm_cooperative, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static gint n_alive;

static const char *
pick_name (const char *preferred,
           const char *other)
{
  return (preferred != NULL && preferred[0] != '\0') ? preferred : other;
}

static gint
year_of (const char *date)
{
  if (date == NULL
      || !g_ascii_isdigit (date[0]) || !g_ascii_isdigit (date[1])
      || !g_ascii_isdigit (date[2]) || !g_ascii_isdigit (date[3]))
    return 0;

  return (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
}

static void
set_string (TdmCooperative *self,
            guint           prop,
            const char     *value)
{
  g_autofree char *old_display = NULL;
  gint old_year;

  g_assert (prop > PROP_ID && prop <= PROP_LAST_STRING);

  if (g_strcmp0 (self->str[prop], value) == 0)
    return;

  old_display = g_strdup (tdm_cooperative_get_display_name (self));
  old_year = tdm_cooperative_get_founded_year (self);

  g_free (self->str[prop]);
  self->str[prop] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);

  if (g_strcmp0 (old_display, tdm_cooperative_get_display_name (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
  if (old_year != tdm_cooperative_get_founded_year (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOUNDED_YEAR]);
}

static void
set_int64 (TdmCooperative *self,
           gint64         *field,
           guint           prop,
           gint64          value)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_count (TdmCooperative *self,
           gint           *field,
           guint           prop,
           gint            value)
{
  double old_share = tdm_cooperative_get_women_share (self);

  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);

  if (old_share != tdm_cooperative_get_women_share (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WOMEN_SHARE]);
}

static void
set_capital (TdmCooperative *self,
             double          capital)
{
  if (self->capital == capital)
    return;

  self->capital = capital;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPITAL]);
}

static GPtrArray *
copy_labels (GPtrArray *labels)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_label_free);

  for (guint i = 0; labels != NULL && i < labels->len; i++)
    g_ptr_array_add (copy, tdm_label_copy (g_ptr_array_index (labels, i)));

  return copy;
}

static void
tdm_cooperative_finalize (GObject *object)
{
  TdmCooperative *self = (TdmCooperative *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->str); i++)
    g_free (self->str[i]);
  g_clear_pointer (&self->labels, g_ptr_array_unref);

  g_atomic_int_add (&n_alive, -1);

  G_OBJECT_CLASS (tdm_cooperative_parent_class)->finalize (object);
}

static void
tdm_cooperative_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TdmCooperative *self = TDM_COOPERATIVE (object);

  if (prop_id > PROP_ID && prop_id <= PROP_LAST_STRING)
    {
      g_value_set_string (value, self->str[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SECTOR_ID:
      g_value_set_int64 (value, self->sector_id);
      break;
    case PROP_REGION_ID:
      g_value_set_int64 (value, self->region_id);
      break;
    case PROP_PROVINCE_ID:
      g_value_set_int64 (value, self->province_id);
      break;
    case PROP_MEMBERS:
      g_value_set_int (value, self->members);
      break;
    case PROP_WOMEN:
      g_value_set_int (value, self->women);
      break;
    case PROP_YOUTH:
      g_value_set_int (value, self->youth);
      break;
    case PROP_CAPITAL:
      g_value_set_double (value, self->capital);
      break;
    case PROP_LABELS:
      g_value_set_boxed (value, self->labels);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, tdm_cooperative_get_display_name (self));
      break;
    case PROP_WOMEN_SHARE:
      g_value_set_double (value, tdm_cooperative_get_women_share (self));
      break;
    case PROP_FOUNDED_YEAR:
      g_value_set_int (value, tdm_cooperative_get_founded_year (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_cooperative_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TdmCooperative *self = TDM_COOPERATIVE (object);

  if (prop_id > PROP_ID && prop_id <= PROP_LAST_STRING)
    {
      set_string (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      set_int64 (self, &self->id, prop_id, g_value_get_int64 (value));
      break;
    case PROP_SECTOR_ID:
      set_int64 (self, &self->sector_id, prop_id, g_value_get_int64 (value));
      break;
    case PROP_REGION_ID:
      set_int64 (self, &self->region_id, prop_id, g_value_get_int64 (value));
      break;
    case PROP_PROVINCE_ID:
      set_int64 (self, &self->province_id, prop_id, g_value_get_int64 (value));
      break;
    case PROP_MEMBERS:
      set_count (self, &self->members, prop_id, g_value_get_int (value));
      break;
    case PROP_WOMEN:
      set_count (self, &self->women, prop_id, g_value_get_int (value));
      break;
    case PROP_YOUTH:
      set_count (self, &self->youth, prop_id, g_value_get_int (value));
      break;
    case PROP_CAPITAL:
      set_capital (self, g_value_get_double (value));
      break;
    case PROP_LABELS:
      tdm_cooperative_set_labels (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name,
              gboolean    writable)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              (writable ? G_PARAM_READWRITE : G_PARAM_READABLE)
                              | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
id_pspec (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
count_pspec (const char *name)
{
  return g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, 0,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
tdm_cooperative_class_init (TdmCooperativeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tdm_cooperative_finalize;
  object_class->get_property = tdm_cooperative_get_property;
  object_class->set_property = tdm_cooperative_set_property;

  properties[PROP_ID] = id_pspec ("id");
  properties[PROP_NAME_AR] = string_pspec ("name-ar", TRUE);
  properties[PROP_NAME_FR] = string_pspec ("name-fr", TRUE);
  properties[PROP_REGISTRATION_NUMBER] = string_pspec ("registration-number", TRUE);
  properties[PROP_LEGAL_FORM] =
    g_param_spec_string ("legal-form", NULL, NULL, "cooperative",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMMUNE] = string_pspec ("commune", TRUE);
  properties[PROP_ADDRESS] = string_pspec ("address", TRUE);
  properties[PROP_FOUNDED_ON] = string_pspec ("founded-on", TRUE);
  properties[PROP_PRESIDENT] = string_pspec ("president", TRUE);
  properties[PROP_PHONE] = string_pspec ("phone", TRUE);
  properties[PROP_EMAIL] = string_pspec ("email", TRUE);
  properties[PROP_PRODUCTS] = string_pspec ("products", TRUE);
  properties[PROP_SECTOR_NAME] = string_pspec ("sector-name", FALSE);
  properties[PROP_PROVINCE_NAME] = string_pspec ("province-name", FALSE);
  properties[PROP_REGION_NAME] = string_pspec ("region-name", FALSE);
  properties[PROP_SECTOR_ID] = id_pspec ("sector-id");
  properties[PROP_REGION_ID] = id_pspec ("region-id");
  properties[PROP_PROVINCE_ID] = id_pspec ("province-id");
  properties[PROP_MEMBERS] = count_pspec ("members");
  properties[PROP_WOMEN] = count_pspec ("women");
  properties[PROP_YOUTH] = count_pspec ("youth");
  properties[PROP_CAPITAL] =
    g_param_spec_double ("capital", NULL, NULL, -1.0, G_MAXDOUBLE, -1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABELS] =
    g_param_spec_boxed ("labels", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] = string_pspec ("display-name", FALSE);
  properties[PROP_WOMEN_SHARE] =
    g_param_spec_double ("women-share", NULL, NULL, -1.0, G_MAXDOUBLE, -1.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOUNDED_YEAR] =
    g_param_spec_int ("founded-year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tdm_cooperative_init (TdmCooperative *self)
{
  self->capital = -1.0;
  self->str[PROP_LEGAL_FORM] = g_strdup ("cooperative");
  self->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_label_free);

  g_atomic_int_inc (&n_alive);
}

TdmCooperative *
tdm_cooperative_new (void)
{
  return g_object_new (TDM_TYPE_COOPERATIVE, NULL);
}

/* A deep copy: the labels are copied too, nothing is shared. */
TdmCooperative *
tdm_cooperative_copy (TdmCooperative *self)
{
  TdmCooperative *copy;

  g_return_val_if_fail (TDM_IS_COOPERATIVE (self), NULL);

  copy = tdm_cooperative_new ();
  copy->id = self->id;
  copy->sector_id = self->sector_id;
  copy->region_id = self->region_id;
  copy->province_id = self->province_id;
  copy->members = self->members;
  copy->women = self->women;
  copy->youth = self->youth;
  copy->capital = self->capital;
  for (guint i = 0; i < G_N_ELEMENTS (self->str); i++)
    {
      g_free (copy->str[i]);
      copy->str[i] = g_strdup (self->str[i]);
    }
  g_ptr_array_unref (copy->labels);
  copy->labels = copy_labels (self->labels);

  return copy;
}

void
tdm_cooperative_set_id (TdmCooperative *self,
                        gint64          id)
{
  g_return_if_fail (TDM_IS_COOPERATIVE (self));
  g_return_if_fail (id >= 0);

  set_int64 (self, &self->id, PROP_ID, id);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gint
column_count (sqlite3_stmt *stmt,
              int           column)
{
  return (gint) CLAMP (sqlite3_column_int64 (stmt, column), 0, G_MAXINT);
}

static const char *
column_place_name (sqlite3_stmt *stmt,
                   int           column_fr,
                   gboolean      arabic)
{
  const char *name_fr = column_text (stmt, column_fr);
  const char *name_ar = column_text (stmt, column_fr + 1);

  return arabic ? pick_name (name_ar, name_fr) : pick_name (name_fr, name_ar);
}

void
tdm_cooperative_update_from_row (TdmCooperative *self,
                                 sqlite3_stmt   *stmt,
                                 int             first)
{
  gboolean arabic = tdm_locale_is_arabic ();
  const char *legal_form;
  int c = first;

  g_return_if_fail (TDM_IS_COOPERATIVE (self));
  g_return_if_fail (stmt != NULL);

  g_object_freeze_notify (G_OBJECT (self));

  set_int64 (self, &self->id, PROP_ID, sqlite3_column_int64 (stmt, c++));
  set_string (self, PROP_NAME_AR, column_text (stmt, c++));
  set_string (self, PROP_NAME_FR, column_text (stmt, c++));
  set_string (self, PROP_REGISTRATION_NUMBER, column_text (stmt, c++));
  legal_form = column_text (stmt, c++);
  set_string (self, PROP_LEGAL_FORM, legal_form != NULL ? legal_form : "cooperative");
  set_int64 (self, &self->sector_id, PROP_SECTOR_ID, sqlite3_column_int64 (stmt, c++));
  set_int64 (self, &self->region_id, PROP_REGION_ID, sqlite3_column_int64 (stmt, c++));
  set_int64 (self, &self->province_id, PROP_PROVINCE_ID, sqlite3_column_int64 (stmt, c++));
  set_string (self, PROP_COMMUNE, column_text (stmt, c++));
  set_string (self, PROP_ADDRESS, column_text (stmt, c++));
  set_string (self, PROP_FOUNDED_ON, column_text (stmt, c++));
  set_count (self, &self->members, PROP_MEMBERS, column_count (stmt, c++));
  set_count (self, &self->women, PROP_WOMEN, column_count (stmt, c++));
  set_count (self, &self->youth, PROP_YOUTH, column_count (stmt, c++));
  set_capital (self, sqlite3_column_type (stmt, c) == SQLITE_NULL
                     ? -1.0 : sqlite3_column_double (stmt, c));
  c++;
  set_string (self, PROP_PRESIDENT, column_text (stmt, c++));
  set_string (self, PROP_PHONE, column_text (stmt, c++));
  set_string (self, PROP_EMAIL, column_text (stmt, c++));
  set_string (self, PROP_PRODUCTS, column_text (stmt, c++));
  set_string (self, PROP_SECTOR_NAME, column_place_name (stmt, c, arabic));
  c += 2;
  set_string (self, PROP_PROVINCE_NAME, column_place_name (stmt, c, arabic));
  c += 2;
  set_string (self, PROP_REGION_NAME, column_place_name (stmt, c, arabic));
  c += 2;

  g_assert (c - first == TDM_COOPERATIVE_N_COLUMNS);

  g_object_thaw_notify (G_OBJECT (self));
}

guint
tdm_cooperative_get_n_alive (void)
{
  return (guint) g_atomic_int_get (&n_alive);
}

gint64
tdm_cooperative_get_id (TdmCooperative *self)
{
  g_return_val_if_fail (TDM_IS_COOPERATIVE (self), 0);

  return self->id;
}

#define STRING_GETTER(func, prop) \
  const char * \
  tdm_cooperative_get_##func (TdmCooperative *self) \
  { \
    g_return_val_if_fail (TDM_IS_COOPERATIVE (self), NULL); \
    return self->str[prop]; \
  }

STRING_GETTER (name_ar, PROP_NAME_AR)
STRING_GETTER (name_fr, PROP_NAME_FR)
STRING_GETTER (registration_number, PROP_REGISTRATION_NUMBER)
STRING_GETTER (legal_form, PROP_LEGAL_FORM)
STRING_GETTER (commune, PROP_COMMUNE)
STRING_GETTER (address, PROP_ADDRESS)
STRING_GETTER (founded_on, PROP_FOUNDED_ON)
STRING_GETTER (president, PROP_PRESIDENT)
STRING_GETTER (phone, PROP_PHONE)
STRING_GETTER (email, PROP_EMAIL)
STRING_GETTER (products, PROP_PRODUCTS)
STRING_GETTER (sector_name, PROP_SECTOR_NAME)
STRING_GETTER (province_name, PROP_PROVINCE_NAME)
STRING_GETTER (region_name, PROP_REGION_NAME)

#undef STRING_GETTER

const char *
tdm_cooperative_get_display_name (TdmCooperative *self)
{
  const char *name_ar;
  const char *name_fr;

  g_return_val_if_fail (TDM_IS_COOPERATIVE (self), NULL);

  name_ar = self->str[PROP_NAME_AR];
  name_fr = self->str[PROP_NAME_FR];

  return tdm_locale_is_arabic () ? pick_name (name_ar, name_fr) : pick_name (name_fr, name_ar);
}

gint64
tdm_cooperative_get_sector_id (TdmCooperative *self)
{
  g_return_val_if_fail (TDM_IS_COOPERATIVE (self), 0);

  return self->sector_id;
}

gint64
tdm_cooperative_get_region_id (TdmCooperative *self)
{
  g_return_val_if_fail (TDM_IS_COOPERATIVE (self), 0);

  return self->region_id;
}

gint64
tdm_cooperative_get_province_id (TdmCooperative *self)
{
  g_return_val_if_fail (TDM_IS_COOPERATIVE (self), 0);

  return self->province_id;
}

gint
tdm_cooperative_get_members (TdmCooperative *self)
{
  g_return_val_if_fail (TDM_IS_COOPERATIVE (self), 0);

  return self->members;
}

gint
tdm_cooperative_get_women (TdmCooperative *self)
{
  g_return_val_if_fail (TDM_IS_COOPERATIVE (self), 0);

  return self->women;
}

gint
tdm_cooperative_get_youth (TdmCooperative *self)
{
  g_return_val_if_fail (TDM_IS_COOPERATIVE (self), 0);

  return self->youth;
}

double
tdm_cooperative_get_women_share (TdmCooperative *self)
{
  g_return_val_if_fail (TDM_IS_COOPERATIVE (self), -1.0);

  if (self->members <= 0)
    return -1.0;

  return (double) self->women / (double) self->members;
}

gint
tdm_cooperative_get_founded_year (TdmCooperative *self)
{
  g_return_val_if_fail (TDM_IS_COOPERATIVE (self), 0);

  return year_of (self->str[PROP_FOUNDED_ON]);
}

double
tdm_cooperative_get_capital (TdmCooperative *self)
{
  g_return_val_if_fail (TDM_IS_COOPERATIVE (self), -1.0);

  return self->capital;
}

GPtrArray *
tdm_cooperative_get_labels (TdmCooperative *self)
{
  g_return_val_if_fail (TDM_IS_COOPERATIVE (self), NULL);

  return self->labels;
}

void
tdm_cooperative_set_labels (TdmCooperative *self,
                            GPtrArray      *labels)
{
  GPtrArray *copy;

  g_return_if_fail (TDM_IS_COOPERATIVE (self));

  /* Copy first: LABELS may be our own array. */
  copy = copy_labels (labels);
  g_ptr_array_unref (self->labels);
  self->labels = copy;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABELS]);
}
