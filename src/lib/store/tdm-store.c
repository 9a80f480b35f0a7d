/* tdm-store.c: the SQLite database behind a GObject.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tdm-fold.h"
#include "tdm-lib-resources.h"
#include "tdm-store.h"
#include "tdm-store-private.h"

struct _TdmStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  int         schema_version;

  /* SQL text -> sqlite3_stmt, finalized with the store */
  GHashTable *statements;

  /* Nesting of tdm_store_begin(); only depth 0 <-> 1 reaches SQLite. */
  guint       depth;
  gboolean    failed;
  /* Tables written in the open transaction, notified after COMMIT. */
  GPtrArray  *pending_changes;

  /* tdm_store_begin_bulk_insert(): the SQL of the trigger and indexes it
   * dropped, the depth it began at and the last id before it. */
  GPtrArray  *bulk_recreate;
  guint       bulk_depth;
  gint64      bulk_last_id;
};

G_DEFINE_TYPE (TdmStore, tdm_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (tdm-store-error-quark, tdm_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_SCHEMA_VERSION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define SQLITE_HEADER "SQLite format 3"
#define BUSY_TIMEOUT_MS 2000
/* Page cache, in KiB (negative for PRAGMA cache_size): enough for the
 * indexes of a national registry; more during a bulk insert, so that
 * dirty pages are not spilled to the WAL and read back. */
#define CACHE_KIB 16384
#define BULK_CACHE_KIB 131072

static void
tdm_store_dispose (GObject *object)
{
  TdmStore *self = TDM_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  G_OBJECT_CLASS (tdm_store_parent_class)->dispose (object);
}

static void
tdm_store_finalize (GObject *object)
{
  TdmStore *self = TDM_STORE (object);

  g_free (self->path);
  g_clear_pointer (&self->bulk_recreate, g_ptr_array_unref);
  g_ptr_array_unref (self->pending_changes);

  G_OBJECT_CLASS (tdm_store_parent_class)->finalize (object);
}

static void
tdm_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TdmStore *self = TDM_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_SCHEMA_VERSION:
      g_value_set_int (value, self->schema_version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_store_class_init (TdmStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tdm_store_dispose;
  object_class->finalize = tdm_store_finalize;
  object_class->get_property = tdm_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_int ("schema-version", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TdmStore::changed:
   * @table: the table that was written ("cooperative", "partner" ...),
   *   also the signal's detail
   *
   * Emitted after the transaction that wrote @table has committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tdm_store_init (TdmStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
}

/* ---- errors ------------------------------------------------------------ */

/* The schema's rules, said in plain words. The key is what SQLite puts in
 * its message: the columns of a UNIQUE index, the expression of a CHECK,
 * or the text of a RAISE() in a trigger. The first key found wins, so the
 * more specific ones come first. */
static const struct {
  const char *key;
  const char *message;
} constraint_messages[] = {
  { "cooperative.registration_number", N_("Another cooperative already has this registration number.") },
  { "partner.name_key", N_("Another partner already has this name.") },
  { "stand.fair_id, stand.code", N_("Another stand of this fair already has this code.") },
  { "exhibitor.fair_id, exhibitor.cooperative_id", N_("This cooperative already takes part in this fair.") },
  { "fair_partner.fair_id, fair_partner.partner_id, fair_partner.role", N_("This partner already has this role in this fair.") },
  { "fair_day.fair_id, fair_day.day", N_("This day of the fair is already recorded.") },
  { "article.content_hash", N_("This article has already been imported.") },
  { "stand full", N_("This stand is full: it already has as many exhibitors as it can hold.") },
  { "stand of another fair", N_("This stand belongs to another fair.") },
  { "stand_id IS NULL OR status", N_("A withdrawn or rejected exhibitor cannot keep a stand.") },
  { "cooperative_id IS NOT NULL", N_("An exhibitor must be a cooperative or have a name.") },
  { "women >= 0", N_("The number of women cannot be negative or more than the number of members.") },
  { "youth >= 0", N_("The number of young members cannot be negative or more than the number of members.") },
  { "members >= 0", N_("The number of members cannot be negative.") },
  { "capital", N_("The capital cannot be negative.") },
  { "name_ar, '') <> '' OR coalesce(name_fr", N_("A name in Arabic or in French is required.") },
  { "expires_on >= issued_on", N_("A label cannot expire before it was issued.") },
  { "end_date >= start_date", N_("A fair cannot end before it starts.") },
  { "date(", N_("A date is not a valid date (YYYY-MM-DD).") },
  { "capacity", N_("A stand’s capacity cannot be negative.") },
  { "legal_form", N_("The legal form must be cooperative, union or federation.") },
  { "status", N_("The status is not one of the allowed values.") },
  { "kind", N_("The kind is not one of the allowed values.") },
  { "country", N_("The country must be a two-letter ISO code.") },
  { "color", N_("The colour must be written #RRGGBB.") },
};

static const char *
constraint_message (int         extended_rc,
                    const char *sqlite_message)
{
  switch (extended_rc)
    {
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return _("It refers to a record that does not exist, or other records still refer to it.");
    case SQLITE_CONSTRAINT_NOTNULL:
      return _("A required value is missing.");
    default:
      break;
    }

  if (sqlite_message != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (constraint_messages); i++)
        if (strstr (sqlite_message, constraint_messages[i].key) != NULL)
          return _(constraint_messages[i].message);
    }

  if (extended_rc == SQLITE_CONSTRAINT_UNIQUE || extended_rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    return _("The same record already exists.");

  return _("A value breaks a rule of the database.");
}

static void
set_error_literal_what (GError     **error,
                        TdmStoreError code,
                        const char  *what,
                        const char  *message)
{
  if (what != NULL)
    /* Translators: the first %s says what was being done ("saving the
     * cooperative"), the second what went wrong. */
    g_set_error (error, TDM_STORE_ERROR, code, _("Error while %s: %s"), what, message);
  else
    g_set_error_literal (error, TDM_STORE_ERROR, code, message);
}

/* Sets ERROR for the failure RC of connection DB (NULL when it is gone). */
static gboolean
set_error_from_db (sqlite3     *db,
                   GError     **error,
                   int          sqlite_rc,
                   const char  *what)
{
  int extended = sqlite_rc;
  const char *sqlite_message = NULL;

  if (db != NULL)
    {
      /* The caller often passes the primary code sqlite3_step() gave;
       * the connection knows the extended one. */
      int last = sqlite3_extended_errcode (db);

      if ((last & 0xff) == (sqlite_rc & 0xff))
        extended = last;
      sqlite_message = sqlite3_errmsg (db);
    }

  switch (extended & 0xff)
    {
    case SQLITE_CONSTRAINT:
      set_error_literal_what (error, TDM_STORE_ERROR_CONSTRAINT, what,
                              constraint_message (extended, sqlite_message));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      set_error_literal_what (error, TDM_STORE_ERROR_LOCKED, what,
                              _("The database is in use by another program. Close it, or wait a moment, and try again."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      set_error_literal_what (error, TDM_STORE_ERROR_READ_ONLY, what,
                              _("The database cannot be written to. Copy it to a folder you can write to and open the copy."));
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      set_error_literal_what (error, TDM_STORE_ERROR_NOT_DATABASE, what,
                              _("The file is damaged or is not a Tadamon database."));
      break;
    case SQLITE_CANTOPEN:
      set_error_literal_what (error, TDM_STORE_ERROR_OPEN, what,
                              _("The database file cannot be opened."));
      break;
    case SQLITE_FULL:
      set_error_literal_what (error, TDM_STORE_ERROR_FAILED, what,
                              _("The disk is full."));
      break;
    case SQLITE_IOERR:
      set_error_literal_what (error, TDM_STORE_ERROR_FAILED, what,
                              _("The database file could not be read or written."));
      break;
    case SQLITE_NOMEM:
      set_error_literal_what (error, TDM_STORE_ERROR_FAILED, what,
                              _("There is not enough memory."));
      break;
    default:
      {
        /* Not a situation a user can cause: keep SQLite's own words. */
        g_autofree char *message =
          g_strdup_printf (_("The database reported an error (%s)."),
                           sqlite_message != NULL ? sqlite_message : sqlite3_errstr (sqlite_rc));
        set_error_literal_what (error, TDM_STORE_ERROR_FAILED, what, message);
      }
      break;
    }

  return FALSE;
}

gboolean
tdm_store_set_error (TdmStore    *self,
                     GError     **error,
                     int          sqlite_rc,
                     const char  *what)
{
  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  return set_error_from_db (self->db, error, sqlite_rc, what);
}

/* ---- statements and transactions --------------------------------------- */

sqlite3_stmt *
tdm_store_prepare (TdmStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      /* SQL that does not compile is a bug, not a user error, but it
       * must not crash the window either. */
      if (rc == SQLITE_ERROR)
        g_warning ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      tdm_store_set_error (self, error, rc, NULL);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
tdm_store_exec (TdmStore    *self,
                const char  *sql,
                GError     **error)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  sqlite3_free (message);
  if (rc != SQLITE_OK)
    return tdm_store_set_error (self, error, rc, NULL);
  return TRUE;
}

gboolean
tdm_store_step_done (TdmStore      *self,
                     sqlite3_stmt  *stmt,
                     const char    *what,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  /* Read the message before reset() replaces it. */
  tdm_store_set_error (self, error, rc, what);
  sqlite3_reset (stmt);
  return FALSE;
}

char *
tdm_store_dup_trimmed (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

void
tdm_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text != NULL && text[0] != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

void
tdm_store_bind_text_trimmed (sqlite3_stmt *stmt,
                             int           index,
                             const char   *text)
{
  char *trimmed = tdm_store_dup_trimmed (text);

  if (trimmed == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, trimmed, -1, g_free);
}

void
tdm_store_bind_id (sqlite3_stmt *stmt,
                   int           index,
                   gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

char *
tdm_store_column_dup (sqlite3_stmt *stmt,
                      int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

sqlite3_stmt *
tdm_store_prepare_in_ui_language (TdmStore    *self,
                                  const char  *sql,
                                  GError     **error)
{
  sqlite3_stmt *stmt = tdm_store_prepare (self, sql, error);

  if (stmt != NULL && sqlite3_bind_parameter_index (stmt, "?1") > 0)
    sqlite3_bind_int (stmt, 1, tdm_locale_is_arabic ());
  return stmt;
}

gboolean
tdm_store_check_fair (TdmStore  *self,
                      gint64     fair_id,
                      GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tdm_store_prepare (self, "SELECT 1 FROM fair WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fair_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tdm_store_set_error (self, error, rc, _("reading the fair"));
  if (rc == SQLITE_DONE)
    {
      /* The number as text: a format macro in the message would hide it
       * from the translators. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, fair_id);

      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                   _("There is no fair number %s."), number);
      return FALSE;
    }
  return TRUE;
}

static void
emit_changes (TdmStore  *self,
              GPtrArray *tables)
{
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
    }
}

gboolean
tdm_store_begin (TdmStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      /* IMMEDIATE takes the write lock now: a reader that later wants to
       * write could otherwise fail half-way with SQLITE_BUSY. */
      if (!tdm_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->failed = FALSE;
      g_ptr_array_set_size (self->pending_changes, 0);
    }

  self->depth++;
  return TRUE;
}

gboolean
tdm_store_commit (TdmStore  *self,
                  GError   **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  self->depth--;

  if (self->depth > 0)
    {
      if (self->failed)
        {
          g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_FAILED,
                               _("The changes were not saved because part of them failed."));
          return FALSE;
        }
      return TRUE;
    }

  if (self->failed)
    {
      tdm_store_exec (self, "ROLLBACK", NULL);
      g_ptr_array_set_size (self->pending_changes, 0);
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_FAILED,
                           _("The changes were not saved because part of them failed."));
      return FALSE;
    }

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      tdm_store_set_error (self, error, rc, _("saving the changes"));
      /* A failed COMMIT may leave the transaction open. */
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_ptr_array_set_size (self->pending_changes, 0);
      return FALSE;
    }

  /* Handlers may start a new transaction: hand them a private list. */
  changes = g_steal_pointer (&self->pending_changes);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  emit_changes (self, changes);

  return TRUE;
}

static void
set_cache_size (TdmStore *self,
                int       kib)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", -kib);

  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

static void
end_bulk_mode (TdmStore *self)
{
  g_clear_pointer (&self->bulk_recreate, g_ptr_array_unref);
  self->bulk_depth = 0;
  set_cache_size (self, CACHE_KIB);
  /* Give back the pages the bulk insert used. */
  sqlite3_db_release_memory (self->db);
}

gboolean
tdm_store_begin_bulk_insert (TdmStore  *self,
                             GError   **error)
{
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gboolean empty;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk_recreate == NULL, FALSE);

  if (!tdm_store_begin (self, error))
    return FALSE;

  stmt = tdm_store_prepare (self,
                            "SELECT coalesce(max(id), 0), count(*) = 0 FROM cooperative",
                            error);
  if (stmt == NULL)
    goto fail;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tdm_store_set_error (self, error, rc, NULL);
      sqlite3_reset (stmt);
      goto fail;
    }
  self->bulk_last_id = sqlite3_column_int64 (stmt, 0);
  empty = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);

  /* Into an empty table, building each index once at the end (a sort)
   * costs half of keeping it up to date row by row. Into a full one, a
   * rebuild would cost more than it saves. The UNIQUE constraints stay:
   * they have no SQL of their own. */
  stmt = tdm_store_prepare (self,
                            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
                            "((type = 'trigger' AND name = 'cooperative_fts_insert') OR "
                            "(?1 AND type = 'index' AND tbl_name = 'cooperative'))",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, empty);
  self->bulk_recreate = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (self->bulk_recreate, tdm_store_column_dup (stmt, 2));
      /* Names come from sqlite_master, quoted all the same. */
      g_ptr_array_add (drops, g_strdup_printf ("DROP %s \"%s\"",
                                               g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "index")
                                               ? "INDEX" : "TRIGGER",
                                               (const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  self->bulk_depth = self->depth;
  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (self, error, rc, NULL);
      goto fail;
    }
  if (drops->len == 0)
    {
      /* The search would silently miss every new row. */
      tdm_store_set_error (self, error, SQLITE_CORRUPT, NULL);
      goto fail;
    }

  /* DDL is transactional in SQLite: a rollback restores all of them. */
  for (guint i = 0; i < drops->len; i++)
    if (!tdm_store_exec (self, g_ptr_array_index (drops, i), error))
      goto fail;

  set_cache_size (self, BULK_CACHE_KIB);
  return TRUE;

fail:
  tdm_store_rollback (self);
  return FALSE;
}

gboolean
tdm_store_end_bulk_insert (TdmStore  *self,
                           GError   **error)
{
  g_autoptr(GPtrArray) recreate = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->bulk_recreate != NULL, FALSE);
  g_return_val_if_fail (self->depth == self->bulk_depth, FALSE);

  recreate = g_ptr_array_ref (self->bulk_recreate);

  stmt = tdm_store_prepare (self,
                            "INSERT INTO cooperative_fts (rowid, search_text) "
                            "SELECT id, search_text FROM cooperative WHERE id > ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, self->bulk_last_id);
  if (!tdm_store_step_done (self, stmt, _("updating the search index"), error))
    goto fail;

  for (guint i = 0; i < recreate->len; i++)
    if (!tdm_store_exec (self, g_ptr_array_index (recreate, i), error))
      goto fail;

  end_bulk_mode (self);
  return tdm_store_commit (self, error);

fail:
  tdm_store_rollback (self);
  return FALSE;
}

void
tdm_store_rollback (TdmStore *self)
{
  g_return_if_fail (TDM_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  self->failed = TRUE;

  if (self->depth == 0)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_ptr_array_set_size (self->pending_changes, 0);
    }

  /* The ROLLBACK, now or of the outer transaction, brings the trigger
   * and the indexes back. */
  if (self->bulk_recreate != NULL && self->depth < self->bulk_depth)
    end_bulk_mode (self);
}

void
tdm_store_notify_changed (TdmStore   *self,
                          const char *table)
{
  g_return_if_fail (TDM_IS_STORE (self));
  g_return_if_fail (table != NULL);

  if (self->depth == 0)
    {
      g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
      return;
    }

  for (guint i = 0; i < self->pending_changes->len; i++)
    if (g_str_equal (g_ptr_array_index (self->pending_changes, i), table))
      return;
  g_ptr_array_add (self->pending_changes, g_strdup (table));
}

/* ---- opening and migrating --------------------------------------------- */

static void
sql_tdm_fold (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  folded = tdm_fold (text);
  sqlite3_result_text (context, folded, -1, g_free);
}

/* Reads one integer with a statement that is not cached: it runs before
 * the store is known to be ours. */
static int
query_int (sqlite3     *db,
           const char  *sql,
           int         *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
path_is_read_only (const char *path)
{
  struct stat st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  /* A file with no write bit was made read-only on purpose; respect it
   * even when running as root, where access() says yes to everything. */
  return (st.st_mode & 0222) == 0 || g_access (path, W_OK) != 0;
}

static gboolean
set_read_only_error (const char  *path,
                     gboolean     folder,
                     GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (folder)
    g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_READ_ONLY,
                 _("The folder of “%s” is read-only, and Tadamon needs to write beside its database. "
                   "Copy the file to a folder you can write to and open the copy."),
                 display);
  else
    g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_READ_ONLY,
                 _("“%s” is read-only, and Tadamon needs to write to its database. "
                   "Copy the file to a folder you can write to and open the copy."),
                 display);
  return FALSE;
}

static gboolean
set_not_database_error (const char  *path,
                        const char  *reason,
                        GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: the first %s is a file name, the second a reason. */
  g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_DATABASE,
               _("“%s” is not a Tadamon database: %s"), display, reason);
  return FALSE;
}

/* Before SQLite sees the file: a file that does not start with SQLite's
 * header is refused without being opened for writing. */
static gboolean
check_file (const char  *path,
            gboolean    *exists,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  char header[sizeof SQLITE_HEADER] = { 0 };
  struct stat st;
  FILE *file;
  size_t n_read;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT)
        {
          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_OPEN,
                       _("“%s” cannot be opened: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }

      *exists = FALSE;
      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          saved_errno = errno;
          if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
            return set_read_only_error (path, TRUE, error);
          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_OPEN,
                       _("The folder for “%s” cannot be created: %s"),
                       display, g_strerror (saved_errno));
          return FALSE;
        }
      if (path_is_read_only (dir))
        return set_read_only_error (path, TRUE, error);
      return TRUE;
    }

  *exists = TRUE;

  if (S_ISDIR (st.st_mode))
    return set_not_database_error (path, _("it is a folder."), error);

  if (st.st_size == 0)
    return TRUE;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_OPEN,
                   _("“%s” cannot be opened: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n_read != sizeof header || memcmp (header, SQLITE_HEADER, sizeof header) != 0)
    return set_not_database_error (path, _("it is not an SQLite database file."), error);

  return TRUE;
}

static gboolean
load_resource (const char  *name,
               GBytes     **bytes,
               GError     **error)
{
  g_autofree char *resource_path = g_strconcat ("/ma/tadamon/lib/", name, NULL);

  /* Through tdm_lib_get_resource() so that the linker keeps the resource
   * of this static library. */
  *bytes = g_resource_lookup_data (tdm_lib_get_resource (), resource_path,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  return *bytes != NULL;
}

/* Reads a reference table (TSV with a header line, '#' comments) and
 * inserts every row with INSERT_SQL, binding the columns in file order. */
static gboolean
load_reference_table (TdmStore    *self,
                      const char  *name,
                      guint        n_columns,
                      const char  *insert_sql,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gboolean header_seen = FALSE;
  gsize size;
  const char *data;

  if (!load_resource (name, &bytes, error))
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);

  stmt = tdm_store_prepare (self, insert_sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      if (!header_seen)
        {
          header_seen = TRUE;
          continue;
        }

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != n_columns)
        {
          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_FAILED,
                       "Reference table %s, line %u: %u columns instead of %u",
                       name, i + 1, g_strv_length (fields), n_columns);
          return FALSE;
        }

      sqlite3_reset (stmt);
      for (guint c = 0; c < n_columns; c++)
        sqlite3_bind_text (stmt, c + 1, fields[c], -1, SQLITE_TRANSIENT);
      if (!tdm_store_step_done (self, stmt, _("loading the reference data"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
migrate_to_1 (TdmStore  *self,
              GError   **error)
{
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_id = NULL;
  const char *data;
  gsize size;

  if (!load_resource ("schema/001-initial.sql", &schema, error))
    return FALSE;
  data = g_bytes_get_data (schema, &size);
  sql = g_strndup (data, size);
  if (!tdm_store_exec (self, sql, error))
    return FALSE;

  /* Columns in file order; the integer ids come from the HCP codes. */
  if (!load_reference_table (self, "reference/regions.tsv", 5,
                             "INSERT INTO region (id, code, name_fr, name_ar, population, iso_code) "
                             "VALUES (CAST(?1 AS INTEGER), ?1, ?2, ?3, CAST(?4 AS INTEGER), ?5)",
                             error) ||
      !load_reference_table (self, "reference/provinces.tsv", 7,
                             "INSERT INTO province (id, code, region_id, kind, name_fr, name_ar, population, iso_code) "
                             "VALUES (CAST(replace(?1, '.', '') AS INTEGER), ?1, CAST(?2 AS INTEGER), ?3, ?4, ?5, "
                             "CAST(?6 AS INTEGER), ?7)",
                             error) ||
      !load_reference_table (self, "reference/sectors.tsv", 5,
                             "INSERT INTO sector (id, code, name_en, name_fr, name_ar) "
                             "VALUES (CAST(?1 AS INTEGER), ?2, ?3, ?4, ?5)",
                             error))
    return FALSE;

  /* PRAGMA takes no parameters; both values are constants. */
  set_id = g_strdup_printf ("PRAGMA application_id = %d", TDM_STORE_APPLICATION_ID);
  return tdm_store_exec (self, set_id, error);
}

typedef gboolean (*MigrationStep) (TdmStore *self, GError **error);

/* migrations[i] brings the schema from version i to i + 1. */
static const MigrationStep migrations[TDM_STORE_SCHEMA_VERSION] = {
  migrate_to_1,
};

static gboolean
migrate (TdmStore  *self,
         GError   **error)
{
  while (self->schema_version < TDM_STORE_SCHEMA_VERSION)
    {
      g_autofree char *set_version = NULL;
      int version = 0;
      int rc;

      if (!tdm_store_begin (self, error))
        return FALSE;

      /* Another process may have migrated while we waited for the lock. */
      rc = query_int (self->db, "PRAGMA user_version", &version);
      if (rc != SQLITE_OK)
        {
          tdm_store_set_error (self, error, rc, _("updating the database"));
          tdm_store_rollback (self);
          return FALSE;
        }
      if (version > self->schema_version)
        {
          self->schema_version = version;
          tdm_store_rollback (self);
          continue;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!migrations[version] (self, error) ||
          !tdm_store_exec (self, set_version, error))
        {
          tdm_store_rollback (self);
          return FALSE;
        }
      if (!tdm_store_commit (self, error))
        return FALSE;

      self->schema_version = version + 1;
    }

  return TRUE;
}

/* Reads the versions of an existing file through a read-only connection
 * of its own: nothing is written, not even the checkpoint a read-write
 * connection may do when it closes, until the file is known to be ours
 * and not from a newer Tadamon. */
static gboolean
probe_file (const char  *path,
            gboolean     read_only,
            int         *version,
            GError     **error)
{
  sqlite3 *probe = NULL;
  int application_id = 0;
  int n_objects = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &probe, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (probe, 1);
      sqlite3_busy_timeout (probe, BUSY_TIMEOUT_MS);
      rc = query_int (probe, "PRAGMA user_version", version);
    }
  if (rc == SQLITE_OK)
    rc = query_int (probe, "PRAGMA application_id", &application_id);
  if (rc == SQLITE_OK)
    rc = query_int (probe, "SELECT count(*) FROM sqlite_master", &n_objects);

  if (rc != SQLITE_OK)
    {
      int primary = rc & 0xff;

      if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        set_not_database_error (path, _("the file is damaged or is not an SQLite database."), error);
      else if (primary != SQLITE_BUSY && primary != SQLITE_LOCKED && read_only)
        set_read_only_error (path, !path_is_read_only (path), error);
      else
        set_error_from_db (probe, error, rc, _("opening the database"));
      sqlite3_close (probe);
      return FALSE;
    }
  sqlite3_close (probe);

  if (application_id != 0 && application_id != TDM_STORE_APPLICATION_ID)
    return set_not_database_error (path, _("it is the database of another program."), error);
  if (application_id == 0 && n_objects > 0)
    return set_not_database_error (path, _("it is an SQLite database of another program."), error);

  if (*version > TDM_STORE_SCHEMA_VERSION)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Tadamon. Update Tadamon to open it; "
                     "the file was left as it is."),
                   display);
      return FALSE;
    }

  if (read_only)
    return set_read_only_error (path, !path_is_read_only (path), error);

  return TRUE;
}

static gboolean
tdm_store_open_db (TdmStore  *self,
                   GError   **error)
{
  const char *path = self->path;
  int version = 0;
  int rc;

  if (!g_str_equal (path, ":memory:"))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      gboolean exists = FALSE;

      if (!check_file (path, &exists, error))
        return FALSE;
      if (exists && !probe_file (path, path_is_read_only (path) || path_is_read_only (dir), &version, error))
        return FALSE;
    }

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_OPEN,
                   _("“%s” cannot be opened: %s"), display,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  self->schema_version = version;

  if (sqlite3_create_function_v2 (self->db, "tdm_fold", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  NULL, sql_tdm_fold, NULL, NULL, NULL) != SQLITE_OK)
    return tdm_store_set_error (self, error, sqlite3_errcode (self->db), _("opening the database"));

  /* Make sure no other program holds the write lock before changing the
   * journal mode, so that a locked file is reported and left alone. */
  if (!tdm_store_exec (self, "BEGIN IMMEDIATE", error) ||
      !tdm_store_exec (self, "COMMIT", error))
    return FALSE;

  set_cache_size (self, CACHE_KIB);
  if (!tdm_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !tdm_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !tdm_store_exec (self, "PRAGMA synchronous = NORMAL", error))
    return FALSE;

  return migrate (self, error);
}

TdmStore *
tdm_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(TdmStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TDM_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!tdm_store_open_db (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
tdm_store_get_path (TdmStore *self)
{
  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  return self->path;
}

int
tdm_store_get_schema_version (TdmStore *self)
{
  g_return_val_if_fail (TDM_IS_STORE (self), 0);

  return self->schema_version;
}

sqlite3 *
tdm_store_get_db (TdmStore *self)
{
  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  return self->db;
}

/* ---- backup ------------------------------------------------------------ */

/* Pages copied per step: small enough to let writers in between. */
#define BACKUP_PAGES_PER_STEP 1024

gboolean
tdm_store_backup (TdmStore    *self,
                  const char  *dest_path,
                  GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *dest_wal = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  display = g_filename_display_name (dest_path);
  dir = g_path_get_dirname (dest_path);
  base = g_path_get_basename (dest_path);

  /* A write-ahead log beside the destination means a database is open
   * there (this very one, perhaps): replacing the file under it would
   * corrupt it, and SQLite would replay that log onto the copy. */
  dest_wal = g_strconcat (dest_path, "-wal", NULL);
  if (g_file_test (dest_wal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_LOCKED,
                   _("“%s” is a database in use. Choose another name for the backup."), display);
      return FALSE;
    }

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TDM_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ? TDM_STORE_ERROR_READ_ONLY : TDM_STORE_ERROR_OPEN,
                   _("The backup “%s” cannot be written: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  /* Write beside the destination, then rename: an interrupted backup
   * never leaves half a file under the name the user chose. */
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, TDM_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ? TDM_STORE_ERROR_READ_ONLY : TDM_STORE_ERROR_OPEN,
                   _("The backup “%s” cannot be written: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest);
      goto fail;
    }

  do
    {
      rc = sqlite3_backup_step (backup, BACKUP_PAGES_PER_STEP);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto fail;

  /* The copy is one self-contained file, to move or mail as it is;
   * Tadamon switches it back to WAL when it opens it. */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    goto fail;

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_FAILED,
                   _("The backup “%s” cannot be written: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;

fail:
  {
    g_autofree char *message = g_strdup (dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));

    if (dest != NULL)
      sqlite3_close (dest);
    g_unlink (tmp_path);
    g_set_error (error, TDM_STORE_ERROR,
                 (rc & 0xff) == SQLITE_FULL ? TDM_STORE_ERROR_FAILED :
                 (rc & 0xff) == SQLITE_READONLY ? TDM_STORE_ERROR_READ_ONLY : TDM_STORE_ERROR_FAILED,
                 _("The backup “%s” cannot be written: %s"), display, message);
    return FALSE;
  }
}
