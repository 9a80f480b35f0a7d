/* tdm-lazy-rows.c: ordered ids, on-demand items, a small cache.
 *
 * A list runs two queries. The order query (filters and sort, in SQL)
 * gives the ordered ids of every row that passes the filters; it runs
 * again only when the filters, the sort or the data change. The search
 * query (FTS5 trigram, or a scan of the folded texts kept in memory) gives
 * the set of ids that match
 * the folded search text, in no useful order. The list shows the ids of
 * the order that are in the set. Keeping the two apart is what makes a
 * search typed letter by letter fast: SQLite would otherwise sort every
 * match again at each key press. The last few search results are kept
 * until the data changes, so that erasing a letter costs nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tdm-fold.h"
#include "tdm-lazy-rows.h"

/* Rows built and kept alive: a few screens of a column view. */
#define CACHE_SIZE 256

/* Search results kept for erasing and retyping. */
#define N_RECENT_SEARCHES 16

/* Above this id, a bitmap of the matching ids would be too big; a hash
 * set takes over. */
#define MAX_BITMAP_ID (G_GINT64_CONSTANT (1) << 26)

/* The ids matching one folded query, over the whole table. */
typedef struct {
  char       *query;
  guint       n_matches;
  gint64      max_id;   /* the bitmap covers ids 0 .. max_id */
  guint8     *bits;
  GHashTable *set;      /* instead of BITS when ids are too large */
} SearchResult;

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
  char                 *texts_sql;
  char                 *max_id_sql;

  /* The folded search text of every row, end to end and separated by
   * NULs, with the id and start of each: short and broad searches scan
   * this instead of asking SQLite to visit every row. Read on the first
   * such search, dropped when the data changes. */
  GByteArray           *texts;
  GArray               *text_ids;
  GArray               *text_starts;

  /* Ids that pass the filters, in sort order. */
  GArray               *order;
  /* The largest id of the table, -1 when it must be read again. */
  gint64                table_max_id;
  /* What the model shows: ORDER restricted to the search. */
  GArray               *ids;
  /* Folded search text, "" for none. */
  char                 *search;
  /* SearchResult, most recent first. */
  GQueue                recent;

  /* id -> GList link of LRU; LRU holds CacheEntry, most recent first. */
  GHashTable           *cache;
  GQueue                lru;
};

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
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MAX (self->order->len, 64));

  for (guint part = 0; ; part++)
    {
      g_autoptr(GError) local_error = NULL;
      sqlite3_stmt *stmt;
      int rc;

      stmt = self->order_func (self->model, part, &local_error);
      if (stmt == NULL && local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (stmt == NULL)
        break;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (order, id);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        return tdm_store_set_error (self->store, error, rc, _("listing the records"));
    }

  g_array_unref (self->order);
  self->order = g_steal_pointer (&order);

  return TRUE;
}

static void
search_result_free (SearchResult *result)
{
  g_free (result->query);
  g_free (result->bits);
  g_clear_pointer (&result->set, g_hash_table_unref);
  g_free (result);
}

static gboolean
search_result_contains (const SearchResult *result,
                        gint64              id)
{
  if (result->bits != NULL)
    return id >= 0 && id <= result->max_id && (result->bits[id >> 3] & (1u << (id & 7))) != 0;

  return g_hash_table_contains (result->set, &id);
}

static void
forget_searches (TdmLazyRows *self)
{
  g_queue_clear_full (&self->recent, (GDestroyNotify) search_result_free);
}

static SearchResult *
find_search (TdmLazyRows *self,
             const char  *query)
{
  for (GList *l = self->recent.head; l != NULL; l = l->next)
    {
      SearchResult *result = l->data;

      if (g_str_equal (result->query, query))
        {
          g_queue_unlink (&self->recent, l);
          g_queue_push_head_link (&self->recent, l);
          return result;
        }
    }

  return NULL;
}

static gboolean
read_table_max_id (TdmLazyRows  *self,
                   GError      **error)
{
  sqlite3_stmt *stmt = tdm_store_prepare (self->store, self->max_id_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self->table_max_id = MAX (0, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return tdm_store_set_error (self->store, error, rc, _("searching"));

  return TRUE;
}

static void
forget_texts (TdmLazyRows *self)
{
  g_clear_pointer (&self->texts, g_byte_array_unref);
  g_clear_pointer (&self->text_ids, g_array_unref);
  g_clear_pointer (&self->text_starts, g_array_unref);
}

static gboolean
load_texts (TdmLazyRows  *self,
            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (self->texts != NULL)
    return TRUE;

  stmt = tdm_store_prepare (self->store, self->texts_sql, error);
  if (stmt == NULL)
    return FALSE;

  self->texts = g_byte_array_new ();
  self->text_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->text_starts = g_array_new (FALSE, FALSE, sizeof (guint));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const guint8 *text = sqlite3_column_text (stmt, 1);
      guint start = self->texts->len;

      g_array_append_val (self->text_ids, id);
      g_array_append_val (self->text_starts, start);
      if (text != NULL)
        g_byte_array_append (self->texts, text, sqlite3_column_bytes (stmt, 1));
      g_byte_array_append (self->texts, (const guint8 *) "", 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      forget_texts (self);
      return tdm_store_set_error (self->store, error, rc, _("searching"));
    }

  return TRUE;
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

/* Trigrams need three characters. Once the folded texts are in memory,
 * a scan of them costs a few milliseconds at 100,000 rows whatever the
 * query, while a trigram query that matches most of the table (every name
 * holds "تعاونية" or "coopérative") costs several times more; so FTS5
 * serves only the queries that come before the texts are read: a one-off
 * search, such as the command line's, pays no load of every row. */
static gboolean
prefer_fts (TdmLazyRows *self,
            const char  *query)
{
  return self->fts_sql != NULL && self->texts == NULL && g_utf8_strlen (query, -1) >= 3;
}

static SearchResult *
search_result_new (const char *query,
                   gint64      max_id)
{
  SearchResult *result = g_new0 (SearchResult, 1);

  result->query = g_strdup (query);
  result->max_id = max_id;
  if (max_id <= MAX_BITMAP_ID)
    result->bits = g_malloc0 ((gsize) (max_id >> 3) + 1);
  else
    result->set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  return result;
}

static void
search_result_add (SearchResult *result,
                   gint64        id)
{
  if (id < 0 || id > result->max_id)
    return;

  result->n_matches++;
  if (result->bits != NULL)
    result->bits[id >> 3] |= (guint8) (1u << (id & 7));
  else
    g_hash_table_add (result->set, g_memdup2 (&id, sizeof id));
}

/* memmem() over all the texts at once: a match cannot span two rows, as
 * the folded query holds no NUL. Matches come in increasing offsets, so
 * the row holding each one is found by walking forward, and the scan
 * resumes at the start of the next row. */
static SearchResult *
scan_texts (TdmLazyRows  *self,
            const char   *query,
            GError      **error)
{
  SearchResult *result;
  const guint8 *texts;
  const guint *starts;
  gsize query_len = strlen (query);
  guint n_rows;
  guint row = 0;

  if (!load_texts (self, error))
    return NULL;

  result = search_result_new (query, self->table_max_id);
  texts = self->texts->data;
  starts = (const guint *) self->text_starts->data;
  n_rows = self->text_starts->len;

  while (row < n_rows)
    {
      const guint8 *match = memmem (texts + starts[row], self->texts->len - starts[row],
                                    query, query_len);
      guint offset;

      if (match == NULL)
        break;

      offset = (guint) (match - texts);
      while (row + 1 < n_rows && starts[row + 1] <= offset)
        row++;

      search_result_add (result, g_array_index (self->text_ids, gint64, row));
      row++;
    }

  return result;
}

/* The ids of the whole table matching QUERY, in no useful order. */
static SearchResult *
run_search (TdmLazyRows  *self,
            const char   *query,
            GError      **error)
{
  g_autofree char *phrase = NULL;
  SearchResult *result;
  sqlite3_stmt *stmt;
  int rc;

  if (!prefer_fts (self, query))
    return scan_texts (self, query, error);

  stmt = tdm_store_prepare (self->store, self->fts_sql, error);
  if (stmt == NULL)
    return NULL;

  phrase = fts_phrase (query);
  sqlite3_bind_text (stmt, 1, phrase, -1, SQLITE_STATIC);

  result = search_result_new (query, self->table_max_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    search_result_add (result, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      search_result_free (result);
      tdm_store_set_error (self->store, error, rc, _("searching"));
      return NULL;
    }

  return result;
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
  SearchResult *result;
  GArray *ids;

  if (data_changed)
    {
      forget_searches (self);
      forget_texts (self);
      self->table_max_id = -1;
    }

  if ((order_changed || data_changed) && !run_order (self, error))
    return FALSE;

  if (self->search[0] == '\0' || self->order->len == 0)
    {
      ids = g_array_ref (self->order);
    }
  else
    {
      if (self->table_max_id < 0 && !read_table_max_id (self, error))
        return FALSE;

      result = find_search (self, self->search);
      if (result == NULL)
        {
          result = run_search (self, self->search, error);
          if (result == NULL)
            return FALSE;

          g_queue_push_head (&self->recent, result);
          if (self->recent.length > N_RECENT_SEARCHES)
            search_result_free (g_queue_pop_tail (&self->recent));
        }

      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MIN (self->order->len, result->n_matches));
      for (guint i = 0; i < self->order->len; i++)
        {
          gint64 id = g_array_index (self->order, gint64, i);

          if (search_result_contains (result, id))
            g_array_append_val (ids, id);
        }
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
  self->table_max_id = -1;
  self->cache = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_queue_init (&self->lru);
  g_queue_init (&self->recent);

  /* Table names are constants of the code, never user input. */
  if (info->fts_table != NULL)
    self->fts_sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?1",
                                     info->fts_table, info->fts_table);
  self->texts_sql = g_strdup_printf ("SELECT id, search_text FROM %s", info->table);
  self->max_id_sql = g_strdup_printf ("SELECT max(id) FROM %s", info->table);

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
  forget_searches (self);
  forget_texts (self);
  g_hash_table_unref (self->cache);
  g_array_unref (self->ids);
  g_array_unref (self->order);
  g_free (self->search);
  g_free (self->fts_sql);
  g_free (self->texts_sql);
  g_free (self->max_id_sql);
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
