/* tdm-cooperative-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdm-cooperative-list.h"
#include "tdm-cooperative-private.h"
#include "tdm-fold.h"
#include "tdm-lazy-rows.h"

struct _TdmCooperativeList
{
  GObject             parent_instance;

  TdmStore           *store;
  TdmLazyRows        *rows;
  char               *search_text;
  gint64              region_id;
  gint64              province_id;
  gint64              sector_id;
  TdmCooperativeSort  sort;
  gboolean            descending;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdmCooperativeList, tdm_cooperative_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_TEXT,
  PROP_REGION_ID,
  PROP_PROVINCE_ID,
  PROP_SECTOR_ID,
  PROP_SORT,
  PROP_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
tdm_cooperative_sort_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { TDM_COOPERATIVE_SORT_NAME, "TDM_COOPERATIVE_SORT_NAME", "name" },
        { TDM_COOPERATIVE_SORT_PROVINCE, "TDM_COOPERATIVE_SORT_PROVINCE", "province" },
        { TDM_COOPERATIVE_SORT_REGION, "TDM_COOPERATIVE_SORT_REGION", "region" },
        { TDM_COOPERATIVE_SORT_SECTOR, "TDM_COOPERATIVE_SORT_SECTOR", "sector" },
        { TDM_COOPERATIVE_SORT_MEMBERS, "TDM_COOPERATIVE_SORT_MEMBERS", "members" },
        { TDM_COOPERATIVE_SORT_WOMEN_SHARE, "TDM_COOPERATIVE_SORT_WOMEN_SHARE", "women-share" },
        { TDM_COOPERATIVE_SORT_FOUNDED, "TDM_COOPERATIVE_SORT_FOUNDED", "founded" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("TdmCooperativeSort"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

/* How each sort orders. KEY_FR/KEY_AR are the ORDER BY key in a French
 * (or English) and an Arabic UI. The keys of NAME and WOMEN_SHARE are the
 * expressions of the "list sorting" indexes of the schema, so that SQLite
 * walks an index instead of sorting. A sort by a place (PLACE_TABLE, "x"
 * in the keys) walks the unique index of the place's names and, for each
 * place, the cooperatives of that place in id order: no sort either. */
typedef struct {
  const char *key_fr;
  const char *key_ar;
  const char *place_table;
  const char *place_column;
  const char *place_index;
} SortSpec;

static const SortSpec sort_specs[] = {
  [TDM_COOPERATIVE_SORT_NAME] = {
    "coalesce(nullif(c.name_fr, ''), c.name_ar) COLLATE NOCASE",
    "coalesce(nullif(c.name_ar, ''), c.name_fr) COLLATE NOCASE",
    NULL, NULL, NULL },
  [TDM_COOPERATIVE_SORT_PROVINCE] = {
    "x.name_fr COLLATE NOCASE", "x.name_ar",
    "province", "c.province_id", "cooperative_province" },
  [TDM_COOPERATIVE_SORT_REGION] = {
    "x.name_fr COLLATE NOCASE", "x.name_ar",
    "region", "c.region_id", "cooperative_region" },
  [TDM_COOPERATIVE_SORT_SECTOR] = {
    "x.name_fr COLLATE NOCASE", "x.name_ar",
    "sector", "c.sector_id", "cooperative_sector" },
  [TDM_COOPERATIVE_SORT_MEMBERS] = {
    "c.members", "c.members", NULL, NULL, NULL },
  [TDM_COOPERATIVE_SORT_WOMEN_SHARE] = {
    "(CASE WHEN c.members > 0 THEN CAST(c.women AS REAL) / c.members ELSE -1 END)",
    "(CASE WHEN c.members > 0 THEN CAST(c.women AS REAL) / c.members ELSE -1 END)",
    NULL, NULL, NULL },
  [TDM_COOPERATIVE_SORT_FOUNDED] = {
    "c.founded_on", "c.founded_on", NULL, NULL, NULL },
};

/* Without a filter, a sort by place runs in two parts: the join from the
 * place's name index, and the cooperatives without that place, which
 * SQLite sorts first ascending and last descending. */
static char *
place_order_sql (const SortSpec *spec,
                 const char     *key,
                 gboolean        descending,
                 guint           part)
{
  const char *dir = descending ? " DESC" : " ASC";
  gboolean without_place = (part == 0) != descending;

  if (part > 1)
    return NULL;

  if (without_place)
    return g_strconcat ("SELECT c.id FROM cooperative c INDEXED BY ", spec->place_index,
                        " WHERE ", spec->place_column, " IS NULL ORDER BY c.id", dir,
                        NULL);

  /* CROSS JOIN keeps the place as the outer loop. */
  return g_strconcat ("SELECT c.id FROM ", spec->place_table, " x CROSS JOIN cooperative c ON ",
                      spec->place_column, " = x.id ORDER BY ", key, dir, ", c.id", dir,
                      NULL);
}

static sqlite3_stmt *
prepare_order (gpointer   owner,
               guint      part,
               GError   **error)
{
  TdmCooperativeList *self = TDM_COOPERATIVE_LIST (owner);
  const SortSpec *spec = &sort_specs[self->sort];
  const char *key = tdm_locale_is_arabic () ? spec->key_ar : spec->key_fr;
  const char *dir = self->descending ? " DESC" : " ASC";
  gboolean filtered = self->region_id != 0 || self->province_id != 0 || self->sector_id != 0;
  g_autofree char *join = NULL;
  g_autofree char *sql = NULL;
  const char *indexed = "";
  sqlite3_stmt *stmt;

  if (spec->place_table != NULL && !filtered)
    {
      sql = place_order_sql (spec, key, self->descending, part);
      return sql != NULL ? tdm_store_prepare (self->store, sql, error) : NULL;
    }

  if (part > 0)
    return NULL;

  /* With a filter, SQLite would rather walk the sort index and read every
   * row to test it; reading the few filtered rows and sorting them is
   * several times faster. The most selective filter leads. */
  if (self->province_id != 0)
    indexed = " INDEXED BY cooperative_province";
  else if (self->region_id != 0)
    indexed = " INDEXED BY cooperative_region";
  else if (self->sector_id != 0)
    indexed = " INDEXED BY cooperative_sector";

  if (spec->place_table != NULL)
    join = g_strconcat (" LEFT JOIN ", spec->place_table, " x ON x.id = ", spec->place_column, NULL);

  /* Only constant fragments go into the text; values are bound. */
  sql = g_strconcat ("SELECT c.id FROM cooperative c", indexed, join != NULL ? join : "", " WHERE 1",
                     self->region_id != 0 ? " AND c.region_id = :region" : "",
                     self->province_id != 0 ? " AND c.province_id = :province" : "",
                     self->sector_id != 0 ? " AND c.sector_id = :sector" : "",
                     " ORDER BY ", key, dir, ", c.id", dir,
                     NULL);

  stmt = tdm_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    return NULL;

  if (self->region_id != 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":region"), self->region_id);
  if (self->province_id != 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":province"), self->province_id);
  if (self->sector_id != 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":sector"), self->sector_id);

  return stmt;
}

static void
update_from_row (gpointer      item,
                 sqlite3_stmt *stmt,
                 int           first)
{
  tdm_cooperative_update_from_row (item, stmt, first);
}

static GType
get_item_type (GListModel *model)
{
  return TDM_TYPE_COOPERATIVE;
}

static guint
get_n_items (GListModel *model)
{
  TdmCooperativeList *self = TDM_COOPERATIVE_LIST (model);

  return self->rows != NULL ? tdm_lazy_rows_get_n_items (self->rows) : 0;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  TdmCooperativeList *self = TDM_COOPERATIVE_LIST (model);

  return self->rows != NULL ? tdm_lazy_rows_get_item (self->rows, position) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
tdm_cooperative_list_constructed (GObject *object)
{
  TdmCooperativeList *self = (TdmCooperativeList *)object;
  TdmLazyRowsInfo info = {
    .table = "cooperative",
    .fts_table = "cooperative_fts",
    .item_sql = "SELECT " TDM_COOPERATIVE_COLUMNS " FROM " TDM_COOPERATIVE_FROM " WHERE c.id = ?1",
    .item_type = TDM_TYPE_COOPERATIVE,
    .update_from_row = update_from_row,
  };

  G_OBJECT_CLASS (tdm_cooperative_list_parent_class)->constructed (object);

  g_return_if_fail (TDM_IS_STORE (self->store));

  self->rows = tdm_lazy_rows_new (G_LIST_MODEL (self), self->store, &info, prepare_order);
}

static void
tdm_cooperative_list_dispose (GObject *object)
{
  TdmCooperativeList *self = (TdmCooperativeList *)object;

  g_clear_pointer (&self->rows, tdm_lazy_rows_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tdm_cooperative_list_parent_class)->dispose (object);
}

static void
tdm_cooperative_list_finalize (GObject *object)
{
  TdmCooperativeList *self = (TdmCooperativeList *)object;

  g_free (self->search_text);

  G_OBJECT_CLASS (tdm_cooperative_list_parent_class)->finalize (object);
}

static void
tdm_cooperative_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TdmCooperativeList *self = TDM_COOPERATIVE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_REGION_ID:
      g_value_set_int64 (value, self->region_id);
      break;
    case PROP_PROVINCE_ID:
      g_value_set_int64 (value, self->province_id);
      break;
    case PROP_SECTOR_ID:
      g_value_set_int64 (value, self->sector_id);
      break;
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;
    case PROP_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_cooperative_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TdmCooperativeList *self = TDM_COOPERATIVE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH_TEXT:
      tdm_cooperative_list_set_search (self, g_value_get_string (value));
      break;
    case PROP_REGION_ID:
      tdm_cooperative_list_set_filter (self, g_value_get_int64 (value),
                                       self->province_id, self->sector_id);
      break;
    case PROP_PROVINCE_ID:
      tdm_cooperative_list_set_filter (self, self->region_id,
                                       g_value_get_int64 (value), self->sector_id);
      break;
    case PROP_SECTOR_ID:
      tdm_cooperative_list_set_filter (self, self->region_id,
                                       self->province_id, g_value_get_int64 (value));
      break;
    case PROP_SORT:
      tdm_cooperative_list_set_sort (self, g_value_get_enum (value), self->descending);
      break;
    case PROP_DESCENDING:
      tdm_cooperative_list_set_sort (self, self->sort, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_cooperative_list_class_init (TdmCooperativeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = tdm_cooperative_list_constructed;
  object_class->dispose = tdm_cooperative_list_dispose;
  object_class->finalize = tdm_cooperative_list_finalize;
  object_class->get_property = tdm_cooperative_list_get_property;
  object_class->set_property = tdm_cooperative_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TDM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "", flags);
  properties[PROP_REGION_ID] =
    g_param_spec_int64 ("region-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PROVINCE_ID] =
    g_param_spec_int64 ("province-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SECTOR_ID] =
    g_param_spec_int64 ("sector-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL, TDM_TYPE_COOPERATIVE_SORT,
                       TDM_COOPERATIVE_SORT_NAME, flags);
  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tdm_cooperative_list_init (TdmCooperativeList *self)
{
  self->search_text = g_strdup ("");
}

TdmCooperativeList *
tdm_cooperative_list_new (TdmStore *store)
{
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  return g_object_new (TDM_TYPE_COOPERATIVE_LIST, "store", store, NULL);
}

void
tdm_cooperative_list_set_search (TdmCooperativeList *self,
                                 const char         *text)
{
  g_return_if_fail (TDM_IS_COOPERATIVE_LIST (self));

  if (text == NULL)
    text = "";
  if (g_str_equal (text, self->search_text))
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  tdm_lazy_rows_set_search (self->rows, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

void
tdm_cooperative_list_set_filter (TdmCooperativeList *self,
                                 gint64              region_id,
                                 gint64              province_id,
                                 gint64              sector_id)
{
  g_return_if_fail (TDM_IS_COOPERATIVE_LIST (self));
  g_return_if_fail (region_id >= 0 && province_id >= 0 && sector_id >= 0);

  if (region_id == self->region_id && province_id == self->province_id && sector_id == self->sector_id)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (region_id != self->region_id)
    {
      self->region_id = region_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION_ID]);
    }
  if (province_id != self->province_id)
    {
      self->province_id = province_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVINCE_ID]);
    }
  if (sector_id != self->sector_id)
    {
      self->sector_id = sector_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTOR_ID]);
    }

  tdm_lazy_rows_reload_order (self->rows);

  g_object_thaw_notify (G_OBJECT (self));
}

void
tdm_cooperative_list_set_sort (TdmCooperativeList *self,
                               TdmCooperativeSort  sort,
                               gboolean            descending)
{
  g_return_if_fail (TDM_IS_COOPERATIVE_LIST (self));
  g_return_if_fail (sort >= TDM_COOPERATIVE_SORT_NAME && sort <= TDM_COOPERATIVE_SORT_FOUNDED);

  descending = !!descending;
  if (sort == self->sort && descending == self->descending)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (sort != self->sort)
    {
      self->sort = sort;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
    }
  if (descending != self->descending)
    {
      self->descending = descending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
    }

  tdm_lazy_rows_reload_order (self->rows);

  g_object_thaw_notify (G_OBJECT (self));
}

gint
tdm_cooperative_list_find (TdmCooperativeList *self,
                           gint64              id)
{
  g_return_val_if_fail (TDM_IS_COOPERATIVE_LIST (self), -1);

  return tdm_lazy_rows_find (self->rows, id);
}
