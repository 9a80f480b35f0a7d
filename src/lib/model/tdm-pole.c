/* tdm-pole.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tdm-fair-records-private.h"
#include "tdm-fold.h"
#include "tdm-pole.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_FAIR_ID,
  PROP_NAME_AR,
  PROP_NAME_FR,
  PROP_COLOR,
  PROP_POSITION,
  PROP_DISPLAY_NAME,
  N_PROPS
};

struct _TdmPole
{
  GObject  parent_instance;

  gint64   id;
  gint64   fair_id;
  char    *name_ar;
  char    *name_fr;
  char    *color;
  gint     position;
};

G_DEFINE_FINAL_TYPE (TdmPole, tdm_pole, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
notify (TdmPole *self,
        guint    prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_string (TdmPole     *self,
            char       **field,
            guint        prop,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  notify (self, prop);
  if (prop == PROP_NAME_AR || prop == PROP_NAME_FR)
    notify (self, PROP_DISPLAY_NAME);
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
tdm_pole_finalize (GObject *object)
{
  TdmPole *self = (TdmPole *)object;

  g_free (self->name_ar);
  g_free (self->name_fr);
  g_free (self->color);

  G_OBJECT_CLASS (tdm_pole_parent_class)->finalize (object);
}

static void
tdm_pole_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TdmPole *self = TDM_POLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FAIR_ID:
      g_value_set_int64 (value, self->fair_id);
      break;
    case PROP_NAME_AR:
      g_value_set_string (value, self->name_ar);
      break;
    case PROP_NAME_FR:
      g_value_set_string (value, self->name_fr);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, tdm_pole_get_display_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_pole_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TdmPole *self = TDM_POLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      SET_NUMBER (id, PROP_ID, g_value_get_int64 (value));
      break;
    case PROP_FAIR_ID:
      SET_NUMBER (fair_id, PROP_FAIR_ID, g_value_get_int64 (value));
      break;
    case PROP_NAME_AR:
      set_string (self, &self->name_ar, PROP_NAME_AR, g_value_get_string (value));
      break;
    case PROP_NAME_FR:
      set_string (self, &self->name_fr, PROP_NAME_FR, g_value_get_string (value));
      break;
    case PROP_COLOR:
      set_string (self, &self->color, PROP_COLOR, g_value_get_string (value));
      break;
    case PROP_POSITION:
      SET_NUMBER (position, PROP_POSITION, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_pole_class_init (TdmPoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tdm_pole_finalize;
  object_class->get_property = tdm_pole_get_property;
  object_class->set_property = tdm_pole_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_FAIR_ID] = g_param_spec_int64 ("fair-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME_AR] = g_param_spec_string ("name-ar", NULL, NULL, NULL, rw);
  properties[PROP_NAME_FR] = g_param_spec_string ("name-fr", NULL, NULL, NULL, rw);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, "#3584e4", rw);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tdm_pole_init (TdmPole *self)
{
  self->color = g_strdup ("#3584e4");
}

TdmPole *
tdm_pole_new (void)
{
  return g_object_new (TDM_TYPE_POLE, NULL);
}

TdmPole *
tdm_pole_copy (TdmPole *self)
{
  g_return_val_if_fail (TDM_IS_POLE (self), NULL);

  return g_object_new (TDM_TYPE_POLE,
                       "id", self->id,
                       "fair-id", self->fair_id,
                       "name-ar", self->name_ar,
                       "name-fr", self->name_fr,
                       "color", self->color,
                       "position", self->position,
                       NULL);
}

void
tdm_pole_update_from_row (TdmPole      *self,
                          sqlite3_stmt *stmt,
                          int           first)
{
  g_return_if_fail (TDM_IS_POLE (self));

  g_object_freeze_notify (G_OBJECT (self));
  SET_NUMBER (id, PROP_ID, sqlite3_column_int64 (stmt, first));
  SET_NUMBER (fair_id, PROP_FAIR_ID, sqlite3_column_int64 (stmt, first + 1));
  set_string (self, &self->name_ar, PROP_NAME_AR, (const char *) sqlite3_column_text (stmt, first + 2));
  set_string (self, &self->name_fr, PROP_NAME_FR, (const char *) sqlite3_column_text (stmt, first + 3));
  set_string (self, &self->color, PROP_COLOR, (const char *) sqlite3_column_text (stmt, first + 4));
  SET_NUMBER (position, PROP_POSITION, sqlite3_column_int (stmt, first + 5));
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
tdm_pole_get_id (TdmPole *self)
{
  g_return_val_if_fail (TDM_IS_POLE (self), 0);
  return self->id;
}

gint64
tdm_pole_get_fair_id (TdmPole *self)
{
  g_return_val_if_fail (TDM_IS_POLE (self), 0);
  return self->fair_id;
}

const char *
tdm_pole_get_name_ar (TdmPole *self)
{
  g_return_val_if_fail (TDM_IS_POLE (self), NULL);
  return self->name_ar;
}

const char *
tdm_pole_get_name_fr (TdmPole *self)
{
  g_return_val_if_fail (TDM_IS_POLE (self), NULL);
  return self->name_fr;
}

const char *
tdm_pole_get_display_name (TdmPole *self)
{
  const char *first, *second;

  g_return_val_if_fail (TDM_IS_POLE (self), NULL);

  first = tdm_locale_is_arabic () ? self->name_ar : self->name_fr;
  second = tdm_locale_is_arabic () ? self->name_fr : self->name_ar;
  return (first != NULL && *first != '\0') ? first : (second != NULL ? second : "");
}

const char *
tdm_pole_get_color (TdmPole *self)
{
  g_return_val_if_fail (TDM_IS_POLE (self), NULL);
  return self->color;
}

gint
tdm_pole_get_position (TdmPole *self)
{
  g_return_val_if_fail (TDM_IS_POLE (self), 0);
  return self->position;
}

gboolean
tdm_parse_hex_color (const char *color,
                     double     *red,
                     double     *green,
                     double     *blue)
{
  int digits[6];

  *red = *green = *blue = 0.5;

  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 0; i < 6; i++)
    {
      digits[i] = g_ascii_xdigit_value (color[i + 1]);
      if (digits[i] < 0)
        return FALSE;
    }

  *red = (digits[0] * 16 + digits[1]) / 255.0;
  *green = (digits[2] * 16 + digits[3]) / 255.0;
  *blue = (digits[4] * 16 + digits[5]) / 255.0;
  return TRUE;
}

gboolean
tdm_pole_get_rgb (TdmPole *self,
                  double  *red,
                  double  *green,
                  double  *blue)
{
  g_return_val_if_fail (TDM_IS_POLE (self), FALSE);

  return tdm_parse_hex_color (self->color, red, green, blue);
}
