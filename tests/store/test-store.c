/* test-store.c: opening, migrating, refusing bad files, transactions,
 * change notification and backup of TdmStore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "tdm-demo.h"
#include "tdm-store.h"
#include "tdm-test-util.h"

/* ---- helpers ----------------------------------------------------------- */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tdm-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      g_chmod (path, 0755);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Opens PATH with plain SQLite, runs SQL and closes it. */
static void
sqlite_run (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Creates a Tadamon database at PATH and closes it. */
static void
create_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = tdm_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
}

/* Opening PATH must fail with CODE and leave its bytes alone. */
static void
assert_refused (const char    *path,
                TdmStoreError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = NULL;
  g_autofree char *before = tdm_test_file_sha256 (path);
  g_autofree char *after = NULL;
  g_autofree char *display = g_filename_display_name (path);

  store = tdm_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TDM_STORE_ERROR, code);
  g_test_message ("%s: %s", path, error->message);

  after = tdm_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

/* ---- migration --------------------------------------------------------- */

static void
check_fresh_database (TdmStore *store)
{
  sqlite3 *db = tdm_store_get_db (store);
  g_autofree char *journal = query_text (db, "PRAGMA journal_mode");
  g_autofree char *casablanca = NULL;
  g_autofree char *souss = NULL;
  /* Provinces and prefectures per region, from HCP's regions table. */
  static const int per_region[12] = { 8, 8, 9, 7, 5, 9, 8, 5, 6, 4, 4, 2 };

  g_assert_cmpint (tdm_store_get_schema_version (store), ==, TDM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (tdm_test_db_query_int (db, "PRAGMA user_version"), ==, TDM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (tdm_test_db_query_int (db, "PRAGMA application_id"), ==, TDM_STORE_APPLICATION_ID);
  g_assert_cmpint (tdm_test_db_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (tdm_test_db_query_int (db, "SELECT count(*) FROM region"), ==, 12);
  g_assert_cmpint (tdm_test_db_query_int (db, "SELECT count(*) FROM province"), ==, 75);
  g_assert_cmpint (tdm_test_db_query_int (db, "SELECT count(*) FROM sector"), ==, 15);
  g_assert_cmpint (tdm_test_db_query_int (db, "SELECT count(*) FROM cooperative"), ==, 0);
  g_assert_cmpint (tdm_test_db_query_int (db, "SELECT sum(population) FROM region"), ==, 36828330);
  g_assert_cmpint (tdm_test_db_query_int (db, "SELECT count(*) FROM province WHERE kind = 'prefecture'"), ==, 13);

  for (int r = 1; r <= 12; r++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM province WHERE region_id = %d", r);

      g_assert_cmpint (tdm_test_db_query_int (db, sql), ==, per_region[r - 1]);
    }

  /* id = code without dots, names in both languages, ISO code joined. */
  casablanca = query_text (db, "SELECT code || '|' || name_fr || '|' || name_ar || '|' || iso_code "
                               "FROM province WHERE id = 6141");
  g_assert_cmpstr (casablanca, ==, "06.141|Casablanca|الدار البيضاء|MA-CAS");
  souss = query_text (db, "SELECT code || '|' || name_fr || '|' || name_ar FROM region WHERE id = 9");
  g_assert_cmpstr (souss, ==, "09|Souss-Massa|سوس-ماسة");
  g_assert_cmpint (tdm_test_db_query_int (db, "SELECT region_id FROM province WHERE code = '09.163'"), ==, 9);

  if (g_strcmp0 (tdm_store_get_path (store), ":memory:") != 0)
    g_assert_cmpstr (journal, ==, "wal");

  /* The SQL function the search uses, with hamza forms folded. */
  g_assert_cmpint (tdm_test_db_query_int (db, "SELECT tdm_fold('أكادير') = tdm_fold('اكادير')"), ==, 1);
  g_assert_cmpint (tdm_test_db_query_int (db, "SELECT tdm_fold('Coopérative') = 'cooperative'"), ==, 1);
}

static void
test_migrate_new_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "not", "yet", "there.db", NULL);
  g_autoptr(GError) error = NULL;
  TdmStore *store;

  /* Missing folders are created. */
  store = tdm_store_open (path, &error);
  g_assert_no_error (error);
  check_fresh_database (store);
  g_object_unref (store);

  /* Opening again migrates nothing and duplicates nothing. */
  store = tdm_store_open (path, &error);
  g_assert_no_error (error);
  check_fresh_database (store);
  g_object_unref (store);

  remove_tree (dir);
}

static void
test_migrate_empty_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = NULL;

  /* A zero-byte file is what a file chooser's "new file" leaves. */
  write_file (path, "", 0);
  store = tdm_store_open (path, &error);
  g_assert_no_error (error);
  check_fresh_database (store);

  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_migrate_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = tdm_store_open (":memory:", &error);

  g_assert_no_error (error);
  check_fresh_database (store);
}

/* ---- files that are refused -------------------------------------------- */

static void
test_refuse_newer_version (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = NULL;
  g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA journal_mode = DELETE",
                                              TDM_STORE_SCHEMA_VERSION + 1);

  create_database (path);
  sqlite_run (path, version);

  assert_refused (path, TDM_STORE_ERROR_NEWER_VERSION);

  store = tdm_store_open (path, &error);
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Tadamon"));
  g_assert_nonnull (strstr (error->message, "Update Tadamon"));
  /* Not switched to WAL behind the user's back. */
  g_assert_false (g_file_test (wal_path, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
test_refuse_not_sqlite (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *text = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *png = g_build_filename (dir, "picture.db", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.db", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = NULL;
  static const char png_bytes[] =
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"
    "\0\0\0\rIDATx\x9c" "c\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xae" "B`\x82";
  char zeros[512] = { 0 };
  g_autofree char *header_only = g_strdup ("SQLite format 3");

  write_file (text, "id;name\n1;Coopérative Al Amal\n", -1);
  write_file (png, png_bytes, sizeof png_bytes - 1);
  write_file (garbage, zeros, sizeof zeros);
  /* The header and nothing else: a copy that was cut short. */
  write_file (truncated, header_only, strlen (header_only) + 1);

  assert_refused (text, TDM_STORE_ERROR_NOT_DATABASE);
  assert_refused (png, TDM_STORE_ERROR_NOT_DATABASE);
  assert_refused (garbage, TDM_STORE_ERROR_NOT_DATABASE);
  assert_refused (truncated, TDM_STORE_ERROR_NOT_DATABASE);

  /* A real database whose first page is overwritten after the header. */
  create_database (damaged);
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (damaged, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 200);
    memset (contents + 16, 0xff, 84);
    write_file (damaged, contents, length);
  }
  assert_refused (damaged, TDM_STORE_ERROR_NOT_DATABASE);

  /* The message names the file, in the user's words. */
  store = tdm_store_open (text, &error);
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "notes.db"));
  g_assert_nonnull (strstr (error->message, "is not a Tadamon database"));

  remove_tree (dir);
}

static void
test_refuse_other_application (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *foreign = g_build_filename (dir, "firefox.sqlite", NULL);
  g_autofree char *other_id = g_build_filename (dir, "other-id.db", NULL);

  /* An SQLite database of another program: tables, no application id. */
  sqlite_run (foreign, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                       "INSERT INTO moz_places (url) VALUES ('https://odco.gov.ma')");
  /* A file marked by another application. */
  sqlite_run (other_id, "PRAGMA application_id = 1234");

  assert_refused (foreign, TDM_STORE_ERROR_NOT_DATABASE);
  assert_refused (other_id, TDM_STORE_ERROR_NOT_DATABASE);

  remove_tree (dir);
}

static void
test_refuse_read_only (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "archive.db", NULL);
  g_autofree char *locked_dir = g_build_filename (dir, "locked", NULL);
  g_autofree char *in_locked_dir = g_build_filename (locked_dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = NULL;

  create_database (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  assert_refused (path, TDM_STORE_ERROR_READ_ONLY);

  store = tdm_store_open (path, &error);
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_nonnull (strstr (error->message, "Copy"));
  g_clear_error (&error);

  /* A new database in a folder nobody may write to. */
  g_assert_cmpint (g_mkdir (locked_dir, 0555), ==, 0);
  store = tdm_store_open (in_locked_dir, &error);
  g_assert_null (store);
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_READ_ONLY);
  g_assert_false (g_file_test (in_locked_dir, G_FILE_TEST_EXISTS));

  g_clear_error (&error);

  /* A database in a folder that became read-only: SQLite must be able to
   * write its journal beside it. */
  g_chmod (path, 0644);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  assert_refused (path, TDM_STORE_ERROR_READ_ONLY);
  store = tdm_store_open (path, &error);
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "folder"));

  g_chmod (dir, 0755);
  remove_tree (dir);
}

static void
test_refuse_locked (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "busy.db", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *holder = NULL;
  gint64 start;

  /* A Tadamon database (WAL) whose write lock another program holds. */
  create_database (path);
  before = tdm_test_file_sha256 (path);
  g_assert_cmpint (sqlite3_open (path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  store = tdm_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  /* It waited for the lock to go away before giving up. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);
  g_clear_error (&error);

  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);
  after = tdm_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  /* A file in rollback-journal mode locked while being written: even
   * reading its version is refused. */
  sqlite_run (plain, "PRAGMA journal_mode = DELETE; CREATE TABLE t (x)");
  g_clear_pointer (&before, g_free);
  before = tdm_test_file_sha256 (plain);
  g_assert_cmpint (sqlite3_open (plain, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN EXCLUSIVE; INSERT INTO t VALUES (1)", NULL, NULL, NULL), ==, SQLITE_OK);
  store = tdm_store_open (plain, &error);
  g_assert_null (store);
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);
  g_clear_pointer (&after, g_free);
  after = tdm_test_file_sha256 (plain);
  g_assert_cmpstr (before, ==, after);

  /* Once the other program is done, the database opens. */
  store = tdm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_clear_object (&store);
  remove_tree (dir);
}

/* The same, with the lock held by another process: this process holds
 * it, a child process tries to open the file. */
static void
test_refuse_locked_by_process (void)
{
  const char *child_path = g_getenv ("TDM_TEST_LOCKED_PATH");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *holder = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdmStore) store = tdm_store_open (child_path, &error);

      g_assert_null (store);
      g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_LOCKED);
      g_print ("%s\n", error->message);
      return;
    }

  dir = make_tmp_dir ();
  path = g_build_filename (dir, "shared.db", NULL);
  create_database (path);
  before = tdm_test_file_sha256 (path);

  g_assert_cmpint (sqlite3_open (path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_setenv ("TDM_TEST_LOCKED_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*in use by another program*");

  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);
  after = tdm_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  remove_tree (dir);
}

/* ---- transactions and change notification ------------------------------ */

typedef struct {
  GPtrArray *tables;
} Changes;

static void
on_changed (TdmStore   *store,
            const char *table,
            Changes    *changes)
{
  g_ptr_array_add (changes->tables, g_strdup (table));
}

static gint64
count_partners (TdmStore *store)
{
  return tdm_test_db_query_int (tdm_store_get_db (store), "SELECT count(*) FROM partner");
}

static void
insert_partner (TdmStore   *store,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = tdm_store_prepare (store, "INSERT INTO partner (name, name_key) VALUES (?1, tdm_fold(?1))", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static void
test_transactions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = tdm_store_open (":memory:", &error);
  Changes all = { g_ptr_array_new_with_free_func (g_free) };
  Changes partners_only = { g_ptr_array_new_with_free_func (g_free) };

  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &all);
  g_signal_connect (store, "changed::partner", G_CALLBACK (on_changed), &partners_only);

  /* Outside a transaction the signal is emitted at once. */
  tdm_store_notify_changed (store, "cooperative");
  g_assert_cmpuint (all.tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (all.tables, 0), ==, "cooperative");
  g_assert_cmpuint (partners_only.tables->len, ==, 0);

  /* Nested: only the outermost commit writes and notifies, once per
   * table however often it was written. */
  g_ptr_array_set_size (all.tables, 0);
  g_assert_true (tdm_store_begin (store, &error));
  insert_partner (store, "ODCO");
  tdm_store_notify_changed (store, "partner");
  g_assert_true (tdm_store_begin (store, &error));
  insert_partner (store, "ADS");
  tdm_store_notify_changed (store, "partner");
  g_assert_true (tdm_store_commit (store, &error));
  g_assert_cmpuint (all.tables->len, ==, 0);
  g_assert_true (tdm_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (all.tables->len, ==, 1);
  g_assert_cmpuint (partners_only.tables->len, ==, 1);
  g_assert_cmpint (count_partners (store), ==, 2);

  /* A rollback at any depth fails the whole transaction, and nothing
   * is notified. */
  g_ptr_array_set_size (all.tables, 0);
  g_assert_true (tdm_store_begin (store, &error));
  insert_partner (store, "INDH");
  tdm_store_notify_changed (store, "partner");
  g_assert_true (tdm_store_begin (store, &error));
  insert_partner (store, "GIZ");
  tdm_store_rollback (store);
  g_assert_false (tdm_store_commit (store, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (all.tables->len, ==, 0);
  g_assert_cmpint (count_partners (store), ==, 2);
  g_assert_true (sqlite3_get_autocommit (tdm_store_get_db (store)));

  /* Rolled back at the top: same. */
  g_assert_true (tdm_store_begin (store, &error));
  insert_partner (store, "AFD");
  tdm_store_notify_changed (store, "partner");
  tdm_store_rollback (store);
  g_assert_cmpuint (all.tables->len, ==, 0);
  g_assert_cmpint (count_partners (store), ==, 2);

  /* And the store is usable afterwards. */
  g_assert_true (tdm_store_begin (store, &error));
  insert_partner (store, "AFD");
  tdm_store_notify_changed (store, "partner");
  g_assert_true (tdm_store_commit (store, &error));
  g_assert_cmpuint (all.tables->len, ==, 1);
  g_assert_cmpint (count_partners (store), ==, 3);

  g_ptr_array_unref (all.tables);
  g_ptr_array_unref (partners_only.tables);
}

static void
test_prepare_cache (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = tdm_store_open (":memory:", &error);
  sqlite3_stmt *first;
  sqlite3_stmt *second;

  first = tdm_store_prepare (store, "SELECT ?1 + 1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int (first, 1, 41);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (first, 0), ==, 42);

  /* Same statement, reset and with its bindings cleared. */
  second = tdm_store_prepare (store, "SELECT ?1 + 1", &error);
  g_assert_true (first == second);
  g_assert_cmpint (sqlite3_step (second), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (second, 0), ==, SQLITE_NULL);
  sqlite3_reset (second);

  /* SQL that does not compile is an error, not a crash. */
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*no such table*");
  g_assert_null (tdm_store_prepare (store, "SELECT * FROM no_such_table", &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_FAILED);
}

static void
bulk_insert_rows (TdmStore *store,
                  int       n_rows)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tdm_store_begin_bulk_insert (store, &error));
  g_assert_no_error (error);
  for (int i = 0; i < n_rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("Coopérative Al Amal %d", i);
      sqlite3_stmt *stmt = tdm_store_prepare (store,
                                              "INSERT INTO cooperative (name_fr, search_text) "
                                              "VALUES (?1, tdm_fold(?1))",
                                              &error);

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
}

static void
test_bulk_insert (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = tdm_store_open (":memory:", &error);
  sqlite3 *db = tdm_store_get_db (store);
  const char *schema = "SELECT count(*) FROM sqlite_master WHERE tbl_name = 'cooperative'";
  const char *found = "SELECT count(*) FROM cooperative_fts WHERE cooperative_fts MATCH 'amal'";
  gint64 n_schema_objects;

  g_assert_no_error (error);
  n_schema_objects = tdm_test_db_query_int (db, schema);
  g_assert_cmpint (n_schema_objects, >, 8);

  /* A cancelled bulk insert leaves nothing; triggers and indexes are
   * back. */
  bulk_insert_rows (store, 10);
  g_assert_cmpint (tdm_test_db_query_int (db, schema), <, n_schema_objects);
  tdm_store_rollback (store);
  g_assert_cmpint (tdm_test_db_query_int (db, schema), ==, n_schema_objects);
  g_assert_cmpint (tdm_test_db_query_int (db, "SELECT count(*) FROM cooperative"), ==, 0);

  /* Into the empty table. */
  bulk_insert_rows (store, 50);
  g_assert_true (tdm_store_end_bulk_insert (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tdm_test_db_query_int (db, schema), ==, n_schema_objects);
  g_assert_cmpint (tdm_test_db_query_int (db, found), ==, 50);

  /* Into a table that has rows: one more written the usual way, then
   * a second batch. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO cooperative (name_fr, search_text) "
                                     "VALUES ('Coopérative Al Amal de Tiznit', tdm_fold('Coopérative Al Amal de Tiznit'))",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  bulk_insert_rows (store, 50);
  /* The indexes stay: rebuilding them would cost more than it saves. */
  g_assert_cmpint (tdm_test_db_query_int (db, schema), ==, n_schema_objects - 1);
  g_assert_true (tdm_store_end_bulk_insert (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tdm_test_db_query_int (db, schema), ==, n_schema_objects);

  /* Every row is in the search index exactly once, and the index and
   * the database are consistent. */
  g_assert_cmpint (tdm_test_db_query_int (db, found), ==, 101);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO cooperative_fts (cooperative_fts, rank) "
                                     "VALUES ('integrity-check', 1)", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autofree char *check = query_text (db, "PRAGMA integrity_check");

    g_assert_cmpstr (check, ==, "ok");
  }
}

static void
test_constraint_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = tdm_store_open (":memory:", &error);
  sqlite3 *db = tdm_store_get_db (store);
  int rc;

  g_assert_no_error (error);

  /* The two-exhibitors-per-stand rule of the schema, in plain words. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO fair (id, title) VALUES (1, 'Salon régional de l’ESS');"
                                 "INSERT INTO stand (id, fair_id, code, capacity) VALUES (1, 1, 'A1', 2);"
                                 "INSERT INTO exhibitor (fair_id, organization_name, stand_id) VALUES (1, 'Coop A', 1);"
                                 "INSERT INTO exhibitor (fair_id, organization_name, stand_id) VALUES (1, 'Coop B', 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  rc = sqlite3_exec (db, "INSERT INTO exhibitor (fair_id, organization_name, stand_id) VALUES (1, 'Coop C', 1)",
                     NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_false (tdm_store_set_error (store, &error, rc, "placing the exhibitor"));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "placing the exhibitor"));
  g_assert_nonnull (strstr (error->message, "This stand is full"));
  g_clear_error (&error);

  /* A foreign key. */
  rc = sqlite3_exec (db, "INSERT INTO cooperative (name_fr, province_id) VALUES ('X', 99999)", NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  tdm_store_set_error (store, &error, rc, NULL);
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  /* A CHECK. */
  rc = sqlite3_exec (db, "INSERT INTO cooperative (name_fr, members, women) VALUES ('X', 3, 4)", NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  tdm_store_set_error (store, &error, rc, NULL);
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "women"));
}

/* ---- backup ------------------------------------------------------------ */

static char *
dump_checksum (sqlite3 *db)
{
  static const char * const queries[] = {
    "SELECT * FROM region ORDER BY 1",
    "SELECT * FROM province ORDER BY 1",
    "SELECT * FROM sector ORDER BY 1",
    "SELECT * FROM cooperative ORDER BY 1",
    "SELECT * FROM cooperative_label ORDER BY 1",
    "SELECT * FROM partner ORDER BY 1",
  };

  return tdm_test_checksum_rows (db, queries, G_N_ELEMENTS (queries));
}

static void
test_backup (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "registry.db", NULL);
  g_autofree char *backup_path = g_build_filename (dir, "backups", "registry-copy.db", NULL);
  g_autofree char *original_sum = NULL;
  g_autofree char *copy_sum = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = NULL;
  g_autoptr(TdmStore) copy = NULL;
  g_autoptr(GDir) backups = NULL;
  g_autofree char *backup_dir = g_path_get_dirname (backup_path);
  sqlite3_stmt *reading = NULL;
  const char *name;
  guint n_files = 0;

  store = tdm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (tdm_demo_populate (store, 400, 11, &error));
  g_assert_no_error (error);

  /* The window is in the middle of reading the list. */
  g_assert_cmpint (sqlite3_prepare_v2 (tdm_store_get_db (store), "SELECT id FROM cooperative ORDER BY id",
                                       -1, &reading, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (reading), ==, SQLITE_ROW);

  g_assert_true (tdm_store_backup (store, backup_path, &error));
  g_assert_no_error (error);

  /* The reader goes on unharmed. */
  g_assert_cmpint (sqlite3_step (reading), ==, SQLITE_ROW);
  sqlite3_finalize (reading);

  original_sum = dump_checksum (tdm_store_get_db (store));

  /* A single file: no log beside it, rollback journal in its header. */
  {
    g_autofree char *wal = g_strconcat (backup_path, "-wal", NULL);
    g_autofree char *header = NULL;
    gsize length;

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_get_contents (backup_path, &header, &length, NULL));
    g_assert_cmpuint (length, >, 20);
    g_assert_cmpint (header[18], ==, 1);
  }

  copy = tdm_store_open (backup_path, &error);
  g_assert_no_error (error);
  copy_sum = dump_checksum (tdm_store_get_db (copy));
  g_assert_cmpstr (original_sum, ==, copy_sum);
  g_assert_cmpint (tdm_test_db_query_int (tdm_store_get_db (copy), "SELECT count(*) FROM cooperative"), ==, 400);
  g_assert_cmpint (tdm_test_db_query_int (tdm_store_get_db (copy), "PRAGMA user_version"), ==, TDM_STORE_SCHEMA_VERSION);
  g_clear_object (&copy);

  /* No temporary file is left beside the copy. */
  backups = g_dir_open (backup_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (backups)) != NULL)
    if (!g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      {
        g_assert_cmpstr (name, ==, "registry-copy.db");
        n_files++;
      }
  g_assert_cmpuint (n_files, ==, 1);

  /* Onto the database itself: refused, nothing changes. */
  g_assert_false (tdm_store_backup (store, path, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_clear_pointer (&copy_sum, g_free);
  copy_sum = dump_checksum (tdm_store_get_db (store));
  g_assert_cmpstr (original_sum, ==, copy_sum);

  /* Again over the first copy, which is closed: replaced. */
  g_assert_true (tdm_store_backup (store, backup_path, &error));
  g_assert_no_error (error);

  /* A destination that cannot be written says so and leaves no file. */
  {
    g_autofree char *blocked_dir = g_build_filename (dir, "blocked", NULL);
    g_autofree char *blocked = g_build_filename (blocked_dir, "copy.db", NULL);

    /* A file where the folder should be. */
    write_file (blocked_dir, "x", 1);
    g_assert_false (tdm_store_backup (store, blocked, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (blocked, G_FILE_TEST_EXISTS));
  }

  g_clear_object (&store);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/migrate/new-file", test_migrate_new_file);
  g_test_add_func ("/store/migrate/empty-file", test_migrate_empty_file);
  g_test_add_func ("/store/migrate/memory", test_migrate_memory);
  g_test_add_func ("/store/refuse/newer-version", test_refuse_newer_version);
  g_test_add_func ("/store/refuse/not-sqlite", test_refuse_not_sqlite);
  g_test_add_func ("/store/refuse/other-application", test_refuse_other_application);
  g_test_add_func ("/store/refuse/read-only", test_refuse_read_only);
  g_test_add_func ("/store/refuse/locked", test_refuse_locked);
  g_test_add_func ("/store/refuse/locked-by-process", test_refuse_locked_by_process);
  g_test_add_func ("/store/transactions", test_transactions);
  g_test_add_func ("/store/prepare-cache", test_prepare_cache);
  g_test_add_func ("/store/bulk-insert", test_bulk_insert);
  g_test_add_func ("/store/constraint-messages", test_constraint_messages);
  g_test_add_func ("/store/backup", test_backup);

  return g_test_run ();
}
