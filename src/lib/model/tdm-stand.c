/* tdm-stand.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tdm-fair-records-private.h"
#include "tdm-stand.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_FAIR_ID,
  PROP_POLE_ID,
  PROP_KIND,
  PROP_CODE,
  PROP_X,
  PROP_Y,
  PROP_WIDTH,
  PROP_DEPTH,
  PROP_CAPACITY,
  PROP_OCCUPANCY,
  PROP_KIND_LABEL,
  PROP_IS_AREA,
  N_PROPS
};

struct _TdmStand
{
  GObject  parent_instance;

  gint64   id;
  gint64   fair_id;
  gint64   pole_id;
  char    *kind;
  char    *code;
  double   x;
  double   y;
  double   width;
  double   depth;
  gint     capacity;
  gint     occupancy;
  GArray  *exhibitor_ids;
};

G_DEFINE_FINAL_TYPE (TdmStand, tdm_stand, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* The CHECK of stand.kind in data/schema/001-initial.sql. */
static const char * const kinds[] = {
  "stand", "stage", "entrance", "aisle", "lounge", "other", NULL
};

static const char * const kind_labels[] = {
  NC_("plan", "Stand"),
  NC_("plan", "Stage"),
  NC_("plan", "Entrance"),
  NC_("plan", "Aisle"),
  NC_("plan", "Lounge"),
  NC_("plan", "Other area"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == G_N_ELEMENTS (kind_labels) + 1);

const char * const *
tdm_stand_kinds (void)
{
  return kinds;
}

const char *
tdm_stand_kind_label (const char *kind)
{
  if (kind == NULL)
    return "";

  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_str_equal (kind, kinds[i]))
      return g_dpgettext2 (GETTEXT_PACKAGE, "plan", kind_labels[i]);

  return kind;
}

static void
notify (TdmStand *self,
        guint     prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
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
set_kind (TdmStand   *self,
          const char *kind)
{
  if (kind == NULL)
    kind = "stand";
  if (g_strcmp0 (self->kind, kind) == 0)
    return;
  g_free (self->kind);
  self->kind = g_strdup (kind);
  notify (self, PROP_KIND);
  notify (self, PROP_KIND_LABEL);
  notify (self, PROP_IS_AREA);
}

static void
set_code (TdmStand   *self,
          const char *code)
{
  if (g_strcmp0 (self->code, code) == 0)
    return;
  g_free (self->code);
  self->code = g_strdup (code);
  notify (self, PROP_CODE);
}

static void
tdm_stand_finalize (GObject *object)
{
  TdmStand *self = (TdmStand *)object;

  g_free (self->kind);
  g_free (self->code);
  g_clear_pointer (&self->exhibitor_ids, g_array_unref);

  G_OBJECT_CLASS (tdm_stand_parent_class)->finalize (object);
}

static void
tdm_stand_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TdmStand *self = TDM_STAND (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FAIR_ID:
      g_value_set_int64 (value, self->fair_id);
      break;
    case PROP_POLE_ID:
      g_value_set_int64 (value, self->pole_id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_X:
      g_value_set_double (value, self->x);
      break;
    case PROP_Y:
      g_value_set_double (value, self->y);
      break;
    case PROP_WIDTH:
      g_value_set_double (value, self->width);
      break;
    case PROP_DEPTH:
      g_value_set_double (value, self->depth);
      break;
    case PROP_CAPACITY:
      g_value_set_int (value, self->capacity);
      break;
    case PROP_OCCUPANCY:
      g_value_set_int (value, self->occupancy);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, tdm_stand_get_kind_label (self));
      break;
    case PROP_IS_AREA:
      g_value_set_boolean (value, tdm_stand_is_area (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_stand_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TdmStand *self = TDM_STAND (object);

  switch (prop_id)
    {
    case PROP_ID:
      SET_NUMBER (id, PROP_ID, g_value_get_int64 (value));
      break;
    case PROP_FAIR_ID:
      SET_NUMBER (fair_id, PROP_FAIR_ID, g_value_get_int64 (value));
      break;
    case PROP_POLE_ID:
      SET_NUMBER (pole_id, PROP_POLE_ID, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      set_kind (self, g_value_get_string (value));
      break;
    case PROP_CODE:
      set_code (self, g_value_get_string (value));
      break;
    case PROP_X:
      SET_NUMBER (x, PROP_X, g_value_get_double (value));
      break;
    case PROP_Y:
      SET_NUMBER (y, PROP_Y, g_value_get_double (value));
      break;
    case PROP_WIDTH:
      SET_NUMBER (width, PROP_WIDTH, g_value_get_double (value));
      break;
    case PROP_DEPTH:
      SET_NUMBER (depth, PROP_DEPTH, g_value_get_double (value));
      break;
    case PROP_CAPACITY:
      SET_NUMBER (capacity, PROP_CAPACITY, g_value_get_int (value));
      break;
    case PROP_OCCUPANCY:
      SET_NUMBER (occupancy, PROP_OCCUPANCY, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_stand_class_init (TdmStandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tdm_stand_finalize;
  object_class->get_property = tdm_stand_get_property;
  object_class->set_property = tdm_stand_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_FAIR_ID] = g_param_spec_int64 ("fair-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_POLE_ID] = g_param_spec_int64 ("pole-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, "stand", rw);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, rw);
  properties[PROP_X] = g_param_spec_double ("x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_Y] = g_param_spec_double ("y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_WIDTH] = g_param_spec_double ("width", NULL, NULL, 0, G_MAXDOUBLE, 3, rw);
  properties[PROP_DEPTH] = g_param_spec_double ("depth", NULL, NULL, 0, G_MAXDOUBLE, 3, rw);
  properties[PROP_CAPACITY] = g_param_spec_int ("capacity", NULL, NULL, 0, G_MAXINT, 2, rw);
  properties[PROP_OCCUPANCY] = g_param_spec_int ("occupancy", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, ro);
  properties[PROP_IS_AREA] = g_param_spec_boolean ("is-area", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tdm_stand_init (TdmStand *self)
{
  self->kind = g_strdup ("stand");
  self->width = 3;
  self->depth = 3;
  self->capacity = 2;
}

TdmStand *
tdm_stand_new (void)
{
  return g_object_new (TDM_TYPE_STAND, NULL);
}

TdmStand *
tdm_stand_copy (TdmStand *self)
{
  TdmStand *copy;

  g_return_val_if_fail (TDM_IS_STAND (self), NULL);

  copy = tdm_stand_new ();
  copy->id = self->id;
  copy->fair_id = self->fair_id;
  copy->pole_id = self->pole_id;
  g_free (copy->kind);
  copy->kind = g_strdup (self->kind);
  copy->code = g_strdup (self->code);
  copy->x = self->x;
  copy->y = self->y;
  copy->width = self->width;
  copy->depth = self->depth;
  copy->capacity = self->capacity;
  copy->occupancy = self->occupancy;
  if (self->exhibitor_ids != NULL)
    tdm_stand_set_exhibitor_ids (copy, (const gint64 *) self->exhibitor_ids->data,
                                 self->exhibitor_ids->len);

  return copy;
}

void
tdm_stand_update_from_row (TdmStand     *self,
                           sqlite3_stmt *stmt,
                           int           first)
{
  g_return_if_fail (TDM_IS_STAND (self));

  g_object_freeze_notify (G_OBJECT (self));
  SET_NUMBER (id, PROP_ID, sqlite3_column_int64 (stmt, first));
  SET_NUMBER (fair_id, PROP_FAIR_ID, sqlite3_column_int64 (stmt, first + 1));
  SET_NUMBER (pole_id, PROP_POLE_ID, sqlite3_column_int64 (stmt, first + 2));
  set_kind (self, (const char *) sqlite3_column_text (stmt, first + 3));
  set_code (self, (const char *) sqlite3_column_text (stmt, first + 4));
  SET_NUMBER (x, PROP_X, sqlite3_column_double (stmt, first + 5));
  SET_NUMBER (y, PROP_Y, sqlite3_column_double (stmt, first + 6));
  SET_NUMBER (width, PROP_WIDTH, sqlite3_column_double (stmt, first + 7));
  SET_NUMBER (depth, PROP_DEPTH, sqlite3_column_double (stmt, first + 8));
  SET_NUMBER (capacity, PROP_CAPACITY, sqlite3_column_int (stmt, first + 9));
  SET_NUMBER (occupancy, PROP_OCCUPANCY, sqlite3_column_int (stmt, first + 10));
  g_object_thaw_notify (G_OBJECT (self));
}

void
tdm_stand_set_geometry (TdmStand *self,
                        double    x,
                        double    y,
                        double    width,
                        double    depth)
{
  g_return_if_fail (TDM_IS_STAND (self));

  g_object_freeze_notify (G_OBJECT (self));
  SET_NUMBER (x, PROP_X, x);
  SET_NUMBER (y, PROP_Y, y);
  SET_NUMBER (width, PROP_WIDTH, width);
  SET_NUMBER (depth, PROP_DEPTH, depth);
  g_object_thaw_notify (G_OBJECT (self));
}

void
tdm_stand_set_code (TdmStand   *self,
                    const char *code)
{
  g_return_if_fail (TDM_IS_STAND (self));
  set_code (self, code);
}

void
tdm_stand_set_capacity (TdmStand *self,
                        gint      capacity)
{
  g_return_if_fail (TDM_IS_STAND (self));
  g_return_if_fail (capacity >= 0);
  SET_NUMBER (capacity, PROP_CAPACITY, capacity);
}

void
tdm_stand_set_occupancy (TdmStand *self,
                         gint      occupancy)
{
  g_return_if_fail (TDM_IS_STAND (self));
  g_return_if_fail (occupancy >= 0);
  SET_NUMBER (occupancy, PROP_OCCUPANCY, occupancy);
}

const GArray *
tdm_stand_get_exhibitor_ids (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), NULL);
  return self->exhibitor_ids;
}

void
tdm_stand_set_exhibitor_ids (TdmStand     *self,
                             const gint64 *ids,
                             guint         n_ids)
{
  g_return_if_fail (TDM_IS_STAND (self));

  g_clear_pointer (&self->exhibitor_ids, g_array_unref);
  if (ids == NULL)
    return;
  self->exhibitor_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (self->exhibitor_ids, ids, n_ids);
}

gint64
tdm_stand_get_id (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), 0);
  return self->id;
}

gint64
tdm_stand_get_fair_id (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), 0);
  return self->fair_id;
}

gint64
tdm_stand_get_pole_id (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), 0);
  return self->pole_id;
}

const char *
tdm_stand_get_kind (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), NULL);
  return self->kind;
}

const char *
tdm_stand_get_kind_label (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), NULL);
  return tdm_stand_kind_label (self->kind);
}

gboolean
tdm_stand_is_area (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), FALSE);
  return !g_str_equal (self->kind, "stand");
}

const char *
tdm_stand_get_code (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), NULL);
  return self->code;
}

double
tdm_stand_get_x (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), 0);
  return self->x;
}

double
tdm_stand_get_y (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), 0);
  return self->y;
}

double
tdm_stand_get_width (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), 0);
  return self->width;
}

double
tdm_stand_get_depth (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), 0);
  return self->depth;
}

gint
tdm_stand_get_capacity (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), 0);
  return self->capacity;
}

gint
tdm_stand_get_occupancy (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), 0);
  return self->occupancy;
}

TdmStandOccupancy
tdm_stand_get_occupancy_state (TdmStand *self)
{
  g_return_val_if_fail (TDM_IS_STAND (self), TDM_STAND_FREE);

  if (self->occupancy <= 0)
    return TDM_STAND_FREE;
  if (self->occupancy >= self->capacity)
    return TDM_STAND_FULL;
  return TDM_STAND_PARTLY_TAKEN;
}
