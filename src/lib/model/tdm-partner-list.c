/* tdm-partner-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdm-lazy-rows.h"
#include "tdm-partner-list.h"
#include "tdm-partner-private.h"

struct _TdmPartnerList
{
  GObject         parent_instance;

  TdmStore       *store;
  TdmLazyRows    *rows;
  char           *search_text;
  char           *kind;
  TdmPartnerSort  sort;
  gboolean        descending;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdmPartnerList, tdm_partner_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_TEXT,
  PROP_KIND,
  PROP_SORT,
  PROP_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
tdm_partner_sort_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { TDM_PARTNER_SORT_NAME, "TDM_PARTNER_SORT_NAME", "name" },
        { TDM_PARTNER_SORT_ACRONYM, "TDM_PARTNER_SORT_ACRONYM", "acronym" },
        { TDM_PARTNER_SORT_KIND, "TDM_PARTNER_SORT_KIND", "kind" },
        { TDM_PARTNER_SORT_COUNTRY, "TDM_PARTNER_SORT_COUNTRY", "country" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("TdmPartnerSort"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static const char *
sort_key (TdmPartnerSort sort)
{
  switch (sort)
    {
    case TDM_PARTNER_SORT_ACRONYM:
      return "pa.acronym COLLATE NOCASE";
    case TDM_PARTNER_SORT_KIND:
      return "tdm_partner_kind_label(pa.kind) COLLATE NOCASE";
    case TDM_PARTNER_SORT_COUNTRY:
      return "tdm_country_name(pa.country) COLLATE NOCASE";
    case TDM_PARTNER_SORT_NAME:
    default:
      return "pa.name COLLATE NOCASE";
    }
}

/* Kinds and countries are sorted as the user reads them, in the UI
 * language, not by their codes. */
static void
sql_kind_label (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  const char *kind = (const char *) sqlite3_value_text (argv[0]);

  if (kind == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, tdm_partner_kind_label (kind), -1, SQLITE_TRANSIENT);
}

static void
sql_country_name (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  const char *code = (const char *) sqlite3_value_text (argv[0]);

  if (code == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, tdm_country_name (code), -1, SQLITE_TRANSIENT);
}

static void
register_sql_functions (TdmStore *store)
{
  sqlite3 *db = tdm_store_get_db (store);

  /* Not deterministic: the result follows the UI language. */
  sqlite3_create_function_v2 (db, "tdm_partner_kind_label", 1, SQLITE_UTF8,
                              NULL, sql_kind_label, NULL, NULL, NULL);
  sqlite3_create_function_v2 (db, "tdm_country_name", 1, SQLITE_UTF8,
                              NULL, sql_country_name, NULL, NULL, NULL);
}

static sqlite3_stmt *
prepare_order (gpointer   owner,
               guint      part,
               GError   **error)
{
  TdmPartnerList *self = TDM_PARTNER_LIST (owner);
  const char *dir = self->descending ? " DESC" : " ASC";
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (part > 0)
    return NULL;

  /* Partners are a few hundred: no index is needed to sort them. */
  sql = g_strconcat ("SELECT pa.id FROM partner pa WHERE 1",
                     self->kind != NULL ? " AND pa.kind = :kind" : "",
                     " ORDER BY ", sort_key (self->sort), dir, ", pa.id", dir,
                     NULL);

  stmt = tdm_store_prepare (self->store, sql, error);
  if (stmt != NULL && self->kind != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":kind"),
                       self->kind, -1, SQLITE_TRANSIENT);

  return stmt;
}

static void
update_from_row (gpointer      item,
                 sqlite3_stmt *stmt,
                 int           first)
{
  tdm_partner_update_from_row (item, stmt, first);
}

static GType
get_item_type (GListModel *model)
{
  return TDM_TYPE_PARTNER;
}

static guint
get_n_items (GListModel *model)
{
  TdmPartnerList *self = TDM_PARTNER_LIST (model);

  return self->rows != NULL ? tdm_lazy_rows_get_n_items (self->rows) : 0;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  TdmPartnerList *self = TDM_PARTNER_LIST (model);

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
tdm_partner_list_constructed (GObject *object)
{
  TdmPartnerList *self = (TdmPartnerList *)object;
  TdmLazyRowsInfo info = {
    .table = "partner",
    .fts_table = NULL,
    .item_sql = "SELECT " TDM_PARTNER_COLUMNS " FROM partner pa WHERE pa.id = ?1",
    .item_type = TDM_TYPE_PARTNER,
    .update_from_row = update_from_row,
  };

  G_OBJECT_CLASS (tdm_partner_list_parent_class)->constructed (object);

  g_return_if_fail (TDM_IS_STORE (self->store));

  register_sql_functions (self->store);
  self->rows = tdm_lazy_rows_new (G_LIST_MODEL (self), self->store, &info, prepare_order);
}

static void
tdm_partner_list_dispose (GObject *object)
{
  TdmPartnerList *self = (TdmPartnerList *)object;

  g_clear_pointer (&self->rows, tdm_lazy_rows_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tdm_partner_list_parent_class)->dispose (object);
}

static void
tdm_partner_list_finalize (GObject *object)
{
  TdmPartnerList *self = (TdmPartnerList *)object;

  g_free (self->search_text);
  g_free (self->kind);

  G_OBJECT_CLASS (tdm_partner_list_parent_class)->finalize (object);
}

static void
tdm_partner_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TdmPartnerList *self = TDM_PARTNER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
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
tdm_partner_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TdmPartnerList *self = TDM_PARTNER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SEARCH_TEXT:
      tdm_partner_list_set_search (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      tdm_partner_list_set_kind (self, g_value_get_string (value));
      break;
    case PROP_SORT:
      tdm_partner_list_set_sort (self, g_value_get_enum (value), self->descending);
      break;
    case PROP_DESCENDING:
      tdm_partner_list_set_sort (self, self->sort, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_partner_list_class_init (TdmPartnerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = tdm_partner_list_constructed;
  object_class->dispose = tdm_partner_list_dispose;
  object_class->finalize = tdm_partner_list_finalize;
  object_class->get_property = tdm_partner_list_get_property;
  object_class->set_property = tdm_partner_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TDM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "", flags);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL, TDM_TYPE_PARTNER_SORT,
                       TDM_PARTNER_SORT_NAME, flags);
  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tdm_partner_list_init (TdmPartnerList *self)
{
  self->search_text = g_strdup ("");
}

TdmPartnerList *
tdm_partner_list_new (TdmStore *store)
{
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  return g_object_new (TDM_TYPE_PARTNER_LIST, "store", store, NULL);
}

void
tdm_partner_list_set_search (TdmPartnerList *self,
                             const char     *text)
{
  g_return_if_fail (TDM_IS_PARTNER_LIST (self));

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
tdm_partner_list_set_kind (TdmPartnerList *self,
                           const char     *kind)
{
  g_return_if_fail (TDM_IS_PARTNER_LIST (self));

  if (kind != NULL && kind[0] == '\0')
    kind = NULL;
  if (g_strcmp0 (kind, self->kind) == 0)
    return;

  g_free (self->kind);
  self->kind = g_strdup (kind);
  tdm_lazy_rows_reload_order (self->rows);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
tdm_partner_list_set_sort (TdmPartnerList *self,
                           TdmPartnerSort  sort,
                           gboolean        descending)
{
  g_return_if_fail (TDM_IS_PARTNER_LIST (self));
  g_return_if_fail (sort >= TDM_PARTNER_SORT_NAME && sort <= TDM_PARTNER_SORT_COUNTRY);

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
tdm_partner_list_find (TdmPartnerList *self,
                       gint64          id)
{
  g_return_val_if_fail (TDM_IS_PARTNER_LIST (self), -1);

  return tdm_lazy_rows_find (self->rows, id);
}
