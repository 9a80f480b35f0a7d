/* tdm-exhibitor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tdm-exhibitor.h"
#include "tdm-fair-records-private.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_FAIR_ID,
  PROP_COOPERATIVE_ID,
  PROP_STAND_ID,
  /* string properties: they live in TdmExhibitor.str[] */
  PROP_ORGANIZATION_NAME,
  PROP_STATUS,
  PROP_APPLIED_ON,
  PROP_DECIDED_ON,
  PROP_CONFIRMED_ON,
  PROP_WITHDRAWN_ON,
  PROP_PRODUCTS,
  PROP_LAST_WRITABLE = PROP_PRODUCTS,
  PROP_DISPLAY_NAME,
  PROP_PROVINCE_NAME,
  PROP_REGISTRATION_NUMBER,
  PROP_STAND_CODE,
  PROP_LAST_STRING = PROP_STAND_CODE,
  PROP_STATUS_LABEL,
  N_PROPS
};

#define FIRST_STRING PROP_ORGANIZATION_NAME

struct _TdmExhibitor
{
  GObject  parent_instance;

  gint64   id;
  gint64   fair_id;
  gint64   cooperative_id;
  gint64   stand_id;
  char    *str[PROP_LAST_STRING + 1];
};

G_DEFINE_FINAL_TYPE (TdmExhibitor, tdm_exhibitor, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* The CHECK of exhibitor.status in data/schema/001-initial.sql. */
static const char * const statuses[] = {
  "applied", "accepted", "waitlisted", "rejected", "confirmed", "withdrawn", NULL
};

static const char * const status_labels[] = {
  NC_("exhibitor status", "Applied"),
  NC_("exhibitor status", "Accepted"),
  NC_("exhibitor status", "Waitlisted"),
  NC_("exhibitor status", "Rejected"),
  NC_("exhibitor status", "Confirmed"),
  NC_("exhibitor status", "Withdrawn"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == G_N_ELEMENTS (status_labels) + 1);

/* The allowed changes: FROM → each of TO. */
static const struct {
  const char *from;
  const char *to[5];
} transitions[] = {
  { "applied", { "accepted", "waitlisted", "rejected", "withdrawn", NULL } },
  { "waitlisted", { "accepted", "rejected", "withdrawn", NULL } },
  { "accepted", { "confirmed", "withdrawn", NULL } },
  { "confirmed", { "withdrawn", NULL } },
};

const char * const *
tdm_exhibitor_statuses (void)
{
  return statuses;
}

const char *
tdm_exhibitor_status_label (const char *status)
{
  if (status == NULL)
    return "";

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_str_equal (status, statuses[i]))
      return g_dpgettext2 (GETTEXT_PACKAGE, "exhibitor status", status_labels[i]);

  return status;
}

gboolean
tdm_exhibitor_status_can_change (const char *from,
                                 const char *to)
{
  if (from == NULL || to == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      if (!g_str_equal (transitions[i].from, from))
        continue;
      for (guint j = 0; transitions[i].to[j] != NULL; j++)
        if (g_str_equal (transitions[i].to[j], to))
          return TRUE;
      return FALSE;
    }

  return FALSE;
}

gboolean
tdm_exhibitor_status_can_hold_stand (const char *status)
{
  return g_strcmp0 (status, "accepted") == 0 || g_strcmp0 (status, "confirmed") == 0;
}

static void
notify (TdmExhibitor *self,
        guint         prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_string (TdmExhibitor *self,
            guint         prop,
            const char   *value)
{
  g_assert (prop >= FIRST_STRING && prop <= PROP_LAST_STRING);

  if (g_strcmp0 (self->str[prop], value) == 0)
    return;

  g_free (self->str[prop]);
  self->str[prop] = g_strdup (value);
  notify (self, prop);

  if (prop == PROP_STATUS)
    notify (self, PROP_STATUS_LABEL);
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
tdm_exhibitor_finalize (GObject *object)
{
  TdmExhibitor *self = (TdmExhibitor *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->str); i++)
    g_free (self->str[i]);

  G_OBJECT_CLASS (tdm_exhibitor_parent_class)->finalize (object);
}

static void
tdm_exhibitor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TdmExhibitor *self = TDM_EXHIBITOR (object);

  if (prop_id == PROP_DISPLAY_NAME)
    {
      g_value_set_string (value, tdm_exhibitor_get_display_name (self));
      return;
    }
  if (prop_id >= FIRST_STRING && prop_id <= PROP_LAST_STRING)
    {
      g_value_set_string (value, self->str[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FAIR_ID:
      g_value_set_int64 (value, self->fair_id);
      break;
    case PROP_COOPERATIVE_ID:
      g_value_set_int64 (value, self->cooperative_id);
      break;
    case PROP_STAND_ID:
      g_value_set_int64 (value, self->stand_id);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, tdm_exhibitor_get_status_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_exhibitor_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TdmExhibitor *self = TDM_EXHIBITOR (object);

  if (prop_id >= FIRST_STRING && prop_id <= PROP_LAST_WRITABLE)
    {
      set_string (self, prop_id, g_value_get_string (value));
      if (prop_id == PROP_ORGANIZATION_NAME)
        notify (self, PROP_DISPLAY_NAME);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      SET_NUMBER (id, PROP_ID, g_value_get_int64 (value));
      break;
    case PROP_FAIR_ID:
      SET_NUMBER (fair_id, PROP_FAIR_ID, g_value_get_int64 (value));
      break;
    case PROP_COOPERATIVE_ID:
      SET_NUMBER (cooperative_id, PROP_COOPERATIVE_ID, g_value_get_int64 (value));
      break;
    case PROP_STAND_ID:
      SET_NUMBER (stand_id, PROP_STAND_ID, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_exhibitor_class_init (TdmExhibitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tdm_exhibitor_finalize;
  object_class->get_property = tdm_exhibitor_get_property;
  object_class->set_property = tdm_exhibitor_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_FAIR_ID] = g_param_spec_int64 ("fair-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_COOPERATIVE_ID] = g_param_spec_int64 ("cooperative-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_STAND_ID] = g_param_spec_int64 ("stand-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ORGANIZATION_NAME] = g_param_spec_string ("organization-name", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, "applied", rw);
  properties[PROP_APPLIED_ON] = g_param_spec_string ("applied-on", NULL, NULL, NULL, rw);
  properties[PROP_DECIDED_ON] = g_param_spec_string ("decided-on", NULL, NULL, NULL, rw);
  properties[PROP_CONFIRMED_ON] = g_param_spec_string ("confirmed-on", NULL, NULL, NULL, rw);
  properties[PROP_WITHDRAWN_ON] = g_param_spec_string ("withdrawn-on", NULL, NULL, NULL, rw);
  properties[PROP_PRODUCTS] = g_param_spec_string ("products", NULL, NULL, NULL, rw);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, ro);
  properties[PROP_PROVINCE_NAME] = g_param_spec_string ("province-name", NULL, NULL, NULL, ro);
  properties[PROP_REGISTRATION_NUMBER] = g_param_spec_string ("registration-number", NULL, NULL, NULL, ro);
  properties[PROP_STAND_CODE] = g_param_spec_string ("stand-code", NULL, NULL, NULL, ro);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tdm_exhibitor_init (TdmExhibitor *self)
{
  self->str[PROP_STATUS] = g_strdup ("applied");
}

TdmExhibitor *
tdm_exhibitor_new (void)
{
  return g_object_new (TDM_TYPE_EXHIBITOR, NULL);
}

TdmExhibitor *
tdm_exhibitor_copy (TdmExhibitor *self)
{
  TdmExhibitor *copy;

  g_return_val_if_fail (TDM_IS_EXHIBITOR (self), NULL);

  copy = tdm_exhibitor_new ();
  copy->id = self->id;
  copy->fair_id = self->fair_id;
  copy->cooperative_id = self->cooperative_id;
  copy->stand_id = self->stand_id;
  for (guint i = 0; i < G_N_ELEMENTS (self->str); i++)
    {
      g_free (copy->str[i]);
      copy->str[i] = g_strdup (self->str[i]);
    }
  return copy;
}

void
tdm_exhibitor_update_from_row (TdmExhibitor *self,
                               sqlite3_stmt *stmt,
                               int           first,
                               gboolean      arabic)
{
  const char *name_ar, *name_fr, *province_fr, *province_ar;
  const char *name;

  g_return_if_fail (TDM_IS_EXHIBITOR (self));

  g_object_freeze_notify (G_OBJECT (self));

  SET_NUMBER (id, PROP_ID, sqlite3_column_int64 (stmt, first));
  SET_NUMBER (fair_id, PROP_FAIR_ID, sqlite3_column_int64 (stmt, first + 1));
  SET_NUMBER (cooperative_id, PROP_COOPERATIVE_ID, sqlite3_column_int64 (stmt, first + 2));
  set_string (self, PROP_ORGANIZATION_NAME, (const char *) sqlite3_column_text (stmt, first + 3));
  set_string (self, PROP_STATUS, (const char *) sqlite3_column_text (stmt, first + 4));
  set_string (self, PROP_APPLIED_ON, (const char *) sqlite3_column_text (stmt, first + 5));
  set_string (self, PROP_DECIDED_ON, (const char *) sqlite3_column_text (stmt, first + 6));
  set_string (self, PROP_CONFIRMED_ON, (const char *) sqlite3_column_text (stmt, first + 7));
  set_string (self, PROP_WITHDRAWN_ON, (const char *) sqlite3_column_text (stmt, first + 8));
  SET_NUMBER (stand_id, PROP_STAND_ID, sqlite3_column_int64 (stmt, first + 9));
  set_string (self, PROP_PRODUCTS, (const char *) sqlite3_column_text (stmt, first + 10));

  name_ar = (const char *) sqlite3_column_text (stmt, first + 11);
  name_fr = (const char *) sqlite3_column_text (stmt, first + 12);
  if (arabic)
    name = (name_ar != NULL && *name_ar != '\0') ? name_ar : name_fr;
  else
    name = (name_fr != NULL && *name_fr != '\0') ? name_fr : name_ar;
  /* The display name is read-only and derived; keep it in str[] too. */
  set_string (self, PROP_DISPLAY_NAME, name);
  set_string (self, PROP_REGISTRATION_NUMBER, (const char *) sqlite3_column_text (stmt, first + 13));
  province_fr = (const char *) sqlite3_column_text (stmt, first + 14);
  province_ar = (const char *) sqlite3_column_text (stmt, first + 15);
  set_string (self, PROP_PROVINCE_NAME,
              arabic ? (province_ar != NULL ? province_ar : province_fr)
                     : (province_fr != NULL ? province_fr : province_ar));
  set_string (self, PROP_STAND_CODE, (const char *) sqlite3_column_text (stmt, first + 16));

  g_object_thaw_notify (G_OBJECT (self));
}

gint64
tdm_exhibitor_get_id (TdmExhibitor *self)
{
  g_return_val_if_fail (TDM_IS_EXHIBITOR (self), 0);
  return self->id;
}

gint64
tdm_exhibitor_get_fair_id (TdmExhibitor *self)
{
  g_return_val_if_fail (TDM_IS_EXHIBITOR (self), 0);
  return self->fair_id;
}

gint64
tdm_exhibitor_get_cooperative_id (TdmExhibitor *self)
{
  g_return_val_if_fail (TDM_IS_EXHIBITOR (self), 0);
  return self->cooperative_id;
}

gint64
tdm_exhibitor_get_stand_id (TdmExhibitor *self)
{
  g_return_val_if_fail (TDM_IS_EXHIBITOR (self), 0);
  return self->stand_id;
}

#define STRING_GETTER(func, prop) \
  const char * \
  tdm_exhibitor_get_##func (TdmExhibitor *self) \
  { \
    g_return_val_if_fail (TDM_IS_EXHIBITOR (self), NULL); \
    return self->str[prop]; \
  }

STRING_GETTER (organization_name, PROP_ORGANIZATION_NAME)
STRING_GETTER (status, PROP_STATUS)
STRING_GETTER (applied_on, PROP_APPLIED_ON)
STRING_GETTER (decided_on, PROP_DECIDED_ON)
STRING_GETTER (confirmed_on, PROP_CONFIRMED_ON)
STRING_GETTER (withdrawn_on, PROP_WITHDRAWN_ON)
STRING_GETTER (products, PROP_PRODUCTS)
STRING_GETTER (province_name, PROP_PROVINCE_NAME)
STRING_GETTER (registration_number, PROP_REGISTRATION_NUMBER)
STRING_GETTER (stand_code, PROP_STAND_CODE)

#undef STRING_GETTER

const char *
tdm_exhibitor_get_display_name (TdmExhibitor *self)
{
  const char *name;

  g_return_val_if_fail (TDM_IS_EXHIBITOR (self), NULL);

  name = self->str[PROP_DISPLAY_NAME];
  if (name == NULL || *name == '\0')
    name = self->str[PROP_ORGANIZATION_NAME];
  return name != NULL ? name : "";
}

const char *
tdm_exhibitor_get_status_label (TdmExhibitor *self)
{
  g_return_val_if_fail (TDM_IS_EXHIBITOR (self), NULL);
  return tdm_exhibitor_status_label (self->str[PROP_STATUS]);
}
