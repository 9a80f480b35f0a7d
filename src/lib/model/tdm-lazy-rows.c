/* tdm-lazy-rows.c: ordered ids, on-demand items, a small cache.
 *
 * A list runs two queries. The order query (filters and sort, in SQL)
 * gives the ordered ids of every row that passes the filters; it runs
 * again only when the filters, the sort or the data change. The search
 * query (FTS5 trigram or instr(), in SQL) gives the set of ids that match
 * the folded search text, in no useful order. The list shows the ids of
 * the order that are in the set. Keeping the two apart is what makes a
 * search typed letter by letter fast: SQLite would otherwise sort every
 * match again at each key press.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tdm-fold.h"
#include "tdm-lazy-rows.h"

/* Rows built and kept alive: a few screens of a column view. */
#define CACHE_SIZE 256

/* Above this id, a bitmap of the matching ids would be too big; a hash
 * set takes over. */
#define MAX_BITMAP_ID (G_GINT64_CONSTANT (1) << 26)

typedef struct {
  gint64   id;
  GObject *item;
} CacheEntry;

struct _TdmLazyRows
{
  GListModel           *model;
  TdmStore             *store;
  TdmLazyRowsInfo       info;
  TdmLazyRowsOrderFunc  order_func;
  gulong                changed_handler;

  char                 *fts_sql;
  char                 *instr_sql;

  /* Ids that pass the filters, in sort order, and the largest of them. */
  GArray               *order;
  gint64                max_id;
  /* What the model shows: ORDER restricted to the search. */
  GArray               *ids;
  /* Folded search text, "" for none. */
  char                 *search;

  /* id -> GList link of LRU; LRU holds CacheEntry, most recent first. */
  GHashTable           *cache;
  GQueue                lru;
};

typedef struct {
  guint8     *bits;
  GHashTable *set;
} IdSet;

static void
cache_entry_free (CacheEntry *entry)
{
  g_object_unref (entry->item);
  g_free (entry);
}

static void
cache_remove_link (TdmLazyRows *self,
                   GList       *link)
{
  CacheEntry *entry = link->data;

  g_hash_table_remove (self->cache, &entry->id);
  g_queue_delete_link (&self->lru, link);
  cache_entry_free (entry);
}

static gboolean
read_item (TdmLazyRows *self,
           gint64       id,
           GObject     *item)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = tdm_store_prepare (self->store, self->info.item_sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read row %" G_GINT64_FORMAT " of %s: %s",
                 id, self->info.table, error->message);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    self->info.update_from_row (item, stmt, 0);
  sqlite3_reset (stmt);

  return found;
}

/* Re-reads the cached items of ids still in the table, in place, so that
 * a row on screen shows an edit without being replaced; drops the others. */
static void
refresh_cache (TdmLazyRows *self)
{
  g_autoptr(GArray) cached = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->lru.length);

  /* Notify handlers may ask for items and reorder the LRU: walk a copy. */
  for (GList *l = self->lru.head; l != NULL; l = l->next)
    g_array_append_val (cached, ((CacheEntry *) l->data)->id);

  for (guint i = 0; i < cached->len; i++)
    {
      gint64 id = g_array_index (cached, gint64, i);
      GList *link = g_hash_table_lookup (self->cache, &id);
      g_autoptr(GObject) item = NULL;

      if (link == NULL)
        continue;

      item = g_object_ref (((CacheEntry *) link->data)->item);
      if (!read_item (self, id, item))
        {
          link = g_hash_table_lookup (self->cache, &id);
          if (link != NULL)
            cache_remove_link (self, link);
        }
    }
}

static gboolean
run_order (TdmLazyRows  *self,
           GError      **error)
{
  sqlite3_stmt *stmt;
  GArray *order;
  gint64 max_id = 0;
  int rc;

  stmt = self->order_func (self->model, error);
  if (stmt == NULL)
    return FALSE;

  order = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MAX (self->order->len, 64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (order, id);
      max_id = MAX (max_id, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      g_array_unref (order);
      return tdm_store_set_error (self->store, error, rc, _("listing the records"));
    }

  g_array_unref (self->order);
  self->order = order;
  self->max_id = max_id;

  return TRUE;
}

static gboolean
id_set_contains (const IdSet *set,
                 gint64       id)
{
  if (set->bits != NULL)
    return id >= 0 && id <= MAX_BITMAP_ID && (set->bits[id >> 3] & (1u << (id & 7))) != 0;

  return g_hash_table_contains (set->set, &id);
}

static void
id_set_clear (IdSet *set)
{
  g_clear_pointer (&set->bits, g_free);
  g_clear_pointer (&set->set, g_hash_table_unref);
}

/* An FTS5 string: the whole query as one phrase, so that nothing the user
 * types is read as FTS5 syntax. */
static char *
fts_phrase (const char *query)
{
  GString *phrase = g_string_new ("\"");

  for (const char *p = query; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');

  return g_string_free (phrase, FALSE);
}

/* The ids matching the search. Trigrams need three characters; shorter
 * queries scan the folded text with instr(). */
static gboolean
run_search (TdmLazyRows  *self,
            IdSet        *set,
            GError      **error)
{
  g_autofree char *phrase = NULL;
  gboolean use_fts;
  sqlite3_stmt *stmt;
  int rc;

  use_fts = self->fts_sql != NULL && g_utf8_strlen (self->search, -1) >= 3;
  stmt = tdm_store_prepare (self->store, use_fts ? self->fts_sql : self->instr_sql, error);
  if (stmt == NULL)
    return FALSE;

  if (use_fts)
    {
      phrase = fts_phrase (self->search);
      sqlite3_bind_text (stmt, 1, phrase, -1, SQLITE_STATIC);
    }
  else
    {
      sqlite3_bind_text (stmt, 1, self->search, -1, SQLITE_STATIC);
    }

  if (self->max_id <= MAX_BITMAP_ID)
    set->bits = g_malloc0 ((gsize) (self->max_id >> 3) + 1);
  else
    set->set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      /* Ids beyond the order's largest cannot be shown. */
      if (id < 0 || id > self->max_id)
        continue;

      if (set->bits != NULL)
        set->bits[id >> 3] |= (guint8) (1u << (id & 7));
      else
        g_hash_table_add (set->set, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      id_set_clear (set);
      return tdm_store_set_error (self->store, error, rc, _("searching"));
    }

  return TRUE;
}

/* Swaps in NEW_IDS and emits one items-changed for the range between the
 * common prefix and the common suffix of the old and new ids. */
static void
apply (TdmLazyRows *self,
       GArray      *new_ids)
{
  const gint64 *old_v = (const gint64 *) self->ids->data;
  const gint64 *new_v = (const gint64 *) new_ids->data;
  guint old_n = self->ids->len;
  guint new_n = new_ids->len;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < old_n && prefix < new_n && old_v[prefix] == new_v[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix
         && old_v[old_n - 1 - suffix] == new_v[new_n - 1 - suffix])
    suffix++;

  g_array_unref (self->ids);
  self->ids = new_ids;

  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (self->model, prefix,
                                old_n - prefix - suffix,
                                new_n - prefix - suffix);
}

static gboolean
update (TdmLazyRows  *self,
        gboolean      order_changed,
        gboolean      data_changed,
        GError      **error)
{
  IdSet set = { NULL, NULL };
  GArray *ids;

  if ((order_changed || data_changed) && !run_order (self, error))
    return FALSE;

  if (self->search[0] == '\0' || self->order->len == 0)
    {
      ids = g_array_ref (self->order);
    }
  else
    {
      if (!run_search (self, &set, error))
        return FALSE;

      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MIN (self->order->len, 1024));
      for (guint i = 0; i < self->order->len; i++)
        {
          gint64 id = g_array_index (self->order, gint64, i);

          if (id_set_contains (&set, id))
            g_array_append_val (ids, id);
        }
      id_set_clear (&set);
    }

  if (data_changed)
    refresh_cache (self);

  apply (self, ids);

  return TRUE;
}

static void
warn_update (TdmLazyRows *self,
             gboolean     order_changed,
             gboolean     data_changed)
{
  g_autoptr(GError) error = NULL;

  /* The setters of a GListModel cannot report errors; the list keeps
   * showing what it had. */
  if (!update (self, order_changed, data_changed, &error))
    g_warning ("Cannot update the list of %s: %s", self->info.table, error->message);
}

static void
on_store_changed (TdmStore    *store,
                  const char  *table,
                  TdmLazyRows *self)
{
  warn_update (self, TRUE, TRUE);
}

TdmLazyRows *
tdm_lazy_rows_new (GListModel            *model,
                   TdmStore              *store,
                   const TdmLazyRowsInfo *info,
                   TdmLazyRowsOrderFunc   order_func)
{
  g_autofree char *signal = NULL;
  TdmLazyRows *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);
  g_return_val_if_fail (info != NULL && info->table != NULL && info->item_sql != NULL, NULL);
  g_return_val_if_fail (order_func != NULL, NULL);

  self = g_new0 (TdmLazyRows, 1);
  self->model = model;
  self->store = g_object_ref (store);
  self->info = *info;
  self->order_func = order_func;
  self->order = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->ids = g_array_ref (self->order);
  self->search = g_strdup ("");
  self->cache = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_queue_init (&self->lru);

  /* Table names are constants of the code, never user input. */
  if (info->fts_table != NULL)
    self->fts_sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?1",
                                     info->fts_table, info->fts_table);
  self->instr_sql = g_strdup_printf ("SELECT id FROM %s WHERE instr(search_text, ?1) > 0",
                                     info->table);

  signal = g_strconcat ("changed::", info->table, NULL);
  self->changed_handler = g_signal_connect (store, signal, G_CALLBACK (on_store_changed), self);

  warn_update (self, TRUE, FALSE);

  return self;
}

void
tdm_lazy_rows_free (TdmLazyRows *self)
{
  if (self == NULL)
    return;

  g_clear_signal_handler (&self->changed_handler, self->store);
  g_queue_clear_full (&self->lru, (GDestroyNotify) cache_entry_free);
  g_hash_table_unref (self->cache);
  g_array_unref (self->ids);
  g_array_unref (self->order);
  g_free (self->search);
  g_free (self->fts_sql);
  g_free (self->instr_sql);
  g_object_unref (self->store);
  g_free (self);
}

guint
tdm_lazy_rows_get_n_items (TdmLazyRows *self)
{
  return self->ids->len;
}

gpointer
tdm_lazy_rows_get_item (TdmLazyRows *self,
                        guint        position)
{
  CacheEntry *entry;
  GList *link;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  link = g_hash_table_lookup (self->cache, &id);
  if (link != NULL)
    {
      g_queue_unlink (&self->lru, link);
      g_queue_push_head_link (&self->lru, link);
      return g_object_ref (((CacheEntry *) link->data)->item);
    }

  entry = g_new0 (CacheEntry, 1);
  entry->id = id;
  entry->item = g_object_new (self->info.item_type, "id", id, NULL);
  /* A row deleted by another connection since the last query stays an
   * empty record with its id until the next change notification. */
  read_item (self, id, entry->item);

  g_queue_push_head (&self->lru, entry);
  g_hash_table_insert (self->cache, &entry->id, self->lru.head);

  if (self->lru.length > CACHE_SIZE)
    cache_remove_link (self, self->lru.tail);

  return g_object_ref (entry->item);
}

gint
tdm_lazy_rows_find (TdmLazyRows *self,
                    gint64       id)
{
  const gint64 *ids = (const gint64 *) self->ids->data;

  for (guint i = 0; i < self->ids->len && i <= G_MAXINT; i++)
    {
      if (ids[i] == id)
        return (gint) i;
    }

  return -1;
}

const char *
tdm_lazy_rows_get_search (TdmLazyRows *self)
{
  return self->search;
}

gboolean
tdm_lazy_rows_set_search (TdmLazyRows *self,
                          const char  *text)
{
  g_autofree char *folded = tdm_fold (text != NULL ? text : "");

  if (folded == NULL)
    folded = g_strdup ("");

  if (g_str_equal (folded, self->search))
    return FALSE;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  warn_update (self, FALSE, FALSE);

  return TRUE;
}

void
tdm_lazy_rows_reload_order (TdmLazyRows *self)
{
  warn_update (self, TRUE, FALSE);
}

guint
tdm_lazy_rows_get_n_cached (TdmLazyRows *self)
{
  return self->lru.length;
}
