/* tdm-store.h: the SQLite database behind a GObject.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema version this build writes. A file whose user_version is higher
 * was written by a newer Tadamon and is refused without being touched. */
#define TDM_STORE_SCHEMA_VERSION 1

/* PRAGMA application_id of every Tadamon database ("TDMN"). */
#define TDM_STORE_APPLICATION_ID 0x54444D4E

#define TDM_STORE_ERROR (tdm_store_error_quark ())

typedef enum {
  TDM_STORE_ERROR_OPEN,           /* the file cannot be opened or created */
  TDM_STORE_ERROR_NOT_DATABASE,   /* not an SQLite file, or not Tadamon's */
  TDM_STORE_ERROR_NEWER_VERSION,  /* written by a newer Tadamon */
  TDM_STORE_ERROR_READ_ONLY,      /* the file or its folder is read-only */
  TDM_STORE_ERROR_LOCKED,         /* another program holds a lock */
  TDM_STORE_ERROR_CONSTRAINT,     /* a record breaks a rule of the schema */
  TDM_STORE_ERROR_NOT_FOUND,      /* no record with that id */
  TDM_STORE_ERROR_INVALID,        /* a value the user gave is not valid */
  TDM_STORE_ERROR_FAILED,         /* anything else SQLite reports */
} TdmStoreError;

#define TDM_TYPE_STORE (tdm_store_get_type ())
G_DECLARE_FINAL_TYPE (TdmStore, tdm_store, TDM, STORE, GObject)

GQuark        tdm_store_error_quark          (void);

/* Opens PATH, creating it and its folders when missing, and migrates it
 * forward. The special path ":memory:" gives a private in-memory database.
 * A file that is not an SQLite database or is another program's
 * (NOT_DATABASE), was written by a newer Tadamon (NEWER_VERSION), is
 * read-only or in a read-only folder (READ_ONLY), or whose write lock
 * another program holds for more than 2 s (LOCKED) is refused before
 * anything is written to it. */
TdmStore     *tdm_store_open                 (const char   *path,
                                              GError      **error);
const char   *tdm_store_get_path             (TdmStore     *self);
int           tdm_store_get_schema_version   (TdmStore     *self);
sqlite3      *tdm_store_get_db               (TdmStore     *self);

/* A prepared statement kept by the store: reset and with its bindings
 * cleared on return; do not finalize it. */
sqlite3_stmt *tdm_store_prepare              (TdmStore     *self,
                                              const char   *sql,
                                              GError      **error);

/* One user action that writes = one transaction. Calls nest: only the
 * outermost begin/commit pair reaches SQLite. */
gboolean      tdm_store_begin                (TdmStore     *self,
                                              GError      **error);
gboolean      tdm_store_commit               (TdmStore     *self,
                                              GError      **error);
void          tdm_store_rollback             (TdmStore     *self);

/* Many new cooperatives in one transaction (CSV import, demo data). The
 * search index is then filled once at the end instead of row by row,
 * which is more than ten times faster (FTS5 flushes its pending terms at
 * every statement that fires a trigger). Begins a transaction;
 * tdm_store_end_bulk_insert() indexes the cooperatives added since and
 * commits; tdm_store_rollback() cancels it all. In between, only insert
 * new cooperatives (id chosen by SQLite): do not update or delete them. */
gboolean      tdm_store_begin_bulk_insert    (TdmStore     *self,
                                              GError      **error);
gboolean      tdm_store_end_bulk_insert      (TdmStore     *self,
                                              GError      **error);

/* Sets ERROR from the connection's last failure, in the user's words;
 * WHAT says what was being done ("saving the cooperative"). Returns FALSE. */
gboolean      tdm_store_set_error            (TdmStore     *self,
                                              GError      **error,
                                              int           sqlite_rc,
                                              const char   *what);

/* Copies the database with SQLite's online backup API; safe while the
 * database is in use. */
gboolean      tdm_store_backup               (TdmStore     *self,
                                              const char   *dest_path,
                                              GError      **error);

/* Emits TdmStore::changed with TABLE as detail ("cooperative", "partner",
 * ...) once the transaction that wrote it has committed. */
void          tdm_store_notify_changed       (TdmStore     *self,
                                              const char   *table);

G_END_DECLS
