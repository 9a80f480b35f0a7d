/* tdm-place.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdm-fold.h"
#include "tdm-place.h"

struct _TdmPlace
{
  GObject       parent_instance;

  TdmPlaceKind  kind;
  gint64        id;
  char         *code;
  char         *name_fr;
  char         *name_ar;
  gint64        parent_id;
};

G_DEFINE_FINAL_TYPE (TdmPlace, tdm_place, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_CODE,
  PROP_NAME_FR,
  PROP_NAME_AR,
  PROP_PARENT_ID,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
tdm_place_kind_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { TDM_PLACE_REGION, "TDM_PLACE_REGION", "region" },
        { TDM_PLACE_PROVINCE, "TDM_PLACE_PROVINCE", "province" },
        { TDM_PLACE_SECTOR, "TDM_PLACE_SECTOR", "sector" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("TdmPlaceKind"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static void
tdm_place_finalize (GObject *object)
{
  TdmPlace *self = (TdmPlace *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name_fr, g_free);
  g_clear_pointer (&self->name_ar, g_free);

  G_OBJECT_CLASS (tdm_place_parent_class)->finalize (object);
}

static void
tdm_place_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TdmPlace *self = TDM_PLACE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME_FR:
      g_value_set_string (value, self->name_fr);
      break;
    case PROP_NAME_AR:
      g_value_set_string (value, self->name_ar);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, tdm_place_get_display_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_place_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TdmPlace *self = TDM_PLACE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;
    case PROP_NAME_FR:
      self->name_fr = g_value_dup_string (value);
      break;
    case PROP_NAME_AR:
      self->name_ar = g_value_dup_string (value);
      break;
    case PROP_PARENT_ID:
      self->parent_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_place_class_init (TdmPlaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tdm_place_finalize;
  object_class->get_property = tdm_place_get_property;
  object_class->set_property = tdm_place_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       TDM_TYPE_PLACE_KIND, TDM_PLACE_REGION, construct);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, construct);
  properties[PROP_NAME_FR] =
    g_param_spec_string ("name-fr", NULL, NULL, NULL, construct);
  properties[PROP_NAME_AR] =
    g_param_spec_string ("name-ar", NULL, NULL, NULL, construct);
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tdm_place_init (TdmPlace *self)
{
}

TdmPlace *
tdm_place_new (TdmPlaceKind  kind,
               gint64        id,
               const char   *code,
               const char   *name_fr,
               const char   *name_ar,
               gint64        parent_id)
{
  return g_object_new (TDM_TYPE_PLACE,
                       "kind", kind,
                       "id", id,
                       "code", code,
                       "name-fr", name_fr,
                       "name-ar", name_ar,
                       "parent-id", parent_id,
                       NULL);
}

TdmPlaceKind
tdm_place_get_kind (TdmPlace *self)
{
  g_return_val_if_fail (TDM_IS_PLACE (self), TDM_PLACE_REGION);

  return self->kind;
}

gint64
tdm_place_get_id (TdmPlace *self)
{
  g_return_val_if_fail (TDM_IS_PLACE (self), 0);

  return self->id;
}

const char *
tdm_place_get_code (TdmPlace *self)
{
  g_return_val_if_fail (TDM_IS_PLACE (self), NULL);

  return self->code;
}

const char *
tdm_place_get_name_fr (TdmPlace *self)
{
  g_return_val_if_fail (TDM_IS_PLACE (self), NULL);

  return self->name_fr;
}

const char *
tdm_place_get_name_ar (TdmPlace *self)
{
  g_return_val_if_fail (TDM_IS_PLACE (self), NULL);

  return self->name_ar;
}

gint64
tdm_place_get_parent_id (TdmPlace *self)
{
  g_return_val_if_fail (TDM_IS_PLACE (self), 0);

  return self->parent_id;
}

const char *
tdm_place_get_display_name (TdmPlace *self)
{
  const char *first;
  const char *second;

  g_return_val_if_fail (TDM_IS_PLACE (self), NULL);

  first = tdm_locale_is_arabic () ? self->name_ar : self->name_fr;
  second = tdm_locale_is_arabic () ? self->name_fr : self->name_ar;

  return (first != NULL && first[0] != '\0') ? first : second;
}
