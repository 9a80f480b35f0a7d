/* test-csv.c: CSV import and export of cooperatives and partners.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "tdm-csv.h"
#include "tdm-demo.h"
#include "tdm-registry.h"
#include "tdm-test-util.h"

#define TIZNIT 9581          /* HCP 09.581 */
#define SOUSS_MASSA 9

typedef struct {
  char     *dir;
  TdmStore *store;
} Fixture;

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmCooperative) coop = tdm_cooperative_new ();
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("tdm-test-csv-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "registry.db", NULL);
  f->store = tdm_store_open (path, &error);
  g_assert_no_error (error);

  /* A registry that is not empty, so that "unchanged" means something,
   * and one cooperative that the duplicate files repeat. */
  tdm_demo_populate (f->store, 60, 3, &error);
  g_assert_no_error (error);
  g_object_set (coop,
                "name-fr", "Coopérative Déjà Là",
                "registration-number", "CSV-DB-0001",
                "province-id", (gint64) TIZNIT,
                "members", 10,
                NULL);
  tdm_store_save_cooperative (f->store, coop, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  tdm_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Every value of the registry's tables, hashed: equal before and after
 * means the import wrote nothing. */
static char *
checksum (TdmStore *store)
{
  static const char * const queries[] = {
    "SELECT * FROM cooperative ORDER BY id",
    "SELECT * FROM cooperative_label ORDER BY id",
    "SELECT * FROM partner ORDER BY id",
    "SELECT * FROM cooperative_fts WHERE cooperative_fts MATCH 'cooperative' ORDER BY rowid",
  };

  return tdm_test_checksum_rows (tdm_store_get_db (store), queries, G_N_ELEMENTS (queries));
}

static gint64
count_partners (TdmStore *store)
{
  return tdm_test_query_int (store, "SELECT count(*) FROM partner");
}

/* ---- bad input ----------------------------------------------------------- */

typedef struct {
  const char        *file;
  TdmCsvKind         kind;
  int                error_code;  /* a TdmCsvError, or -1: read, rows reported */
  TdmCsvProblemKind  problem;
  guint              line;        /* of the problem, or 0 */
  guint              inserted;    /* rows that are fine and go in anyway */
  const char        *words;       /* in the message or the reason */
} BadInput;

static const BadInput bad_inputs[] = {
  { "bad-delimiter-tab.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_DELIMITER, 0, 0, 0, "tabs as separator" },
  { "bad-delimiter-rows.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_DELIMITER, 0, 0, 0, "tabs as separator" },
  { "bad-delimiter-pipe.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_DELIMITER, 0, 0, 0, "“|” as separator" },
  { "bad-missing-name.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_MISSING_COLUMN, 0, 0, 0, "“name_fr”" },
  { "bad-invalid-utf8.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_ENCODING, 0, 0, 0, "Line 3 " },
  { "bad-utf16.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_ENCODING, 0, 0, 0, "UTF-16" },
  { "bad-broken-quote.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_MALFORMED, 0, 0, 0, "Line 3:" },
  { "bad-unclosed-quote.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_MALFORMED, 0, 0, 0, "Line 3:" },
  { "bad-empty.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_EMPTY, 0, 0, 0, "is empty" },
  { "bad-blank.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_EMPTY, 0, 0, 0, "is empty" },
  { "bad-header-only.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_EMPTY, 0, 0, 0, "no rows" },
  { "bad-binary.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_BINARY, 0, 0, 0, "not a text file" },
  { "bad-png.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_BINARY, 0, 0, 0, "PNG image" },
  { "bad-xlsx.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_BINARY, 0, 0, 0, "Excel" },
  { "bad-duplicate-rows.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_DUPLICATE, 3, 1, "“Coopérative Jumelle” already exists in Tiznit" },
  { "bad-duplicate-registration.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_DUPLICATE, 2, 0, "registration number “CSV-DB-0001”" },
  { "bad-duplicate-name-db.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_DUPLICATE, 2, 0, "“COOPERATIVE DEJA LA” already exists" },
  { "bad-women-over-members.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_INVALID, 2, 0, "Column “femmes”: " },
  { "bad-future-date.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_INVALID, 2, 0, "Column “founded_on”: " },
  { "bad-date.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_INVALID, 2, 0, "Column “founded_on”: " },
  { "bad-email.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_INVALID, 2, 0, "Column “email”: " },
  { "bad-phone.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_INVALID, 2, 0, "Column “phone”: " },
  { "bad-unknown-province.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_INVALID, 2, 0, "“Atlantide”" },
  { "bad-region-mismatch.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_INVALID, 2, 0, "Column “province”: “Tiznit” is not in the region “Oriental”" },
  { "bad-number.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_INVALID, 2, 0, "Column “members”: " },
  { "bad-too-many-fields.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_INVALID, 2, 0, "4 fields but the header has 3" },
  { "bad-label.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_INVALID, 2, 0, "Column “labels”: " },
  { "bad-no-name.csv", TDM_CSV_COOPERATIVES, -1, TDM_CSV_PROBLEM_INVALID, 2, 0, "Column “name_fr”: " },
  { "bad-partner-kind.csv", TDM_CSV_PARTNERS, -1, TDM_CSV_PROBLEM_INVALID, 2, 0, "“extraterrestre”" },
  { "bad-partner-country.csv", TDM_CSV_PARTNERS, -1, TDM_CSV_PROBLEM_INVALID, 2, 0, "“Atlantide”" },
};

static void
check_bad_input (Fixture        *f,
                 const BadInput *bad,
                 const char     *path)
{
  g_autofree char *before = checksum (f->store);
  gint64 coops = tdm_store_count_cooperatives (f->store);
  gint64 partners = count_partners (f->store);
  g_autoptr(TdmCsvReport) report = NULL;
  g_autoptr(TdmCsvReport) strict_report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  int strict_code = bad->error_code >= 0 ? bad->error_code : TDM_CSV_ERROR_ROW;

  g_test_message ("%s", bad->file);

  /* --strict: any failure, of the file or of a row, writes nothing. */
  strict_report = tdm_csv_import (f->store, bad->kind, path, TRUE, NULL, NULL, NULL, &error);
  g_assert_null (strict_report);
  g_assert_error (error, TDM_CSV_ERROR, strict_code);
  g_assert_nonnull (strstr (error->message, bad->words));
  if (bad->error_code < 0)
    {
      g_autofree char *line = g_strdup_printf ("Line %u: ", bad->line);
      g_assert_true (g_str_has_prefix (error->message, line));
    }
  g_clear_error (&error);
  after = checksum (f->store);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  report = tdm_csv_import (f->store, bad->kind, path, FALSE, NULL, NULL, NULL, &error);
  if (bad->error_code >= 0)
    {
      g_assert_null (report);
      g_assert_error (error, TDM_CSV_ERROR, bad->error_code);
      g_assert_nonnull (strstr (error->message, bad->words));
    }
  else
    {
      TdmCsvProblem *problem;

      g_assert_no_error (error);
      g_assert_nonnull (report);
      g_assert_cmpuint (report->rows_inserted, ==, bad->inserted);
      g_assert_cmpuint (report->problems->len, ==, 1);
      problem = g_ptr_array_index (report->problems, 0);
      g_assert_cmpuint (problem->line, ==, bad->line);
      g_assert_cmpint (problem->kind, ==, bad->problem);
      g_assert_nonnull (strstr (problem->reason, bad->words));
    }

  if (bad->inserted == 0)
    {
      after = checksum (f->store);
      g_assert_cmpstr (before, ==, after);
    }
  g_assert_cmpint (tdm_store_count_cooperatives (f->store), ==,
                   coops + (bad->kind == TDM_CSV_COOPERATIVES ? bad->inserted : 0));
  g_assert_cmpint (count_partners (f->store), ==,
                   partners + (bad->kind == TDM_CSV_PARTNERS ? bad->inserted : 0));
}

static void
test_bad_inputs (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpuint (G_N_ELEMENTS (bad_inputs), >=, 15);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = data_path (bad_inputs[i].file);

      check_bad_input (f, &bad_inputs[i], path);
    }
}

/* A 2 MB field: made here rather than kept in the tree. */
static void
test_huge_field (Fixture       *f,
                 gconstpointer  data)
{
  static const BadInput huge = {
    "huge-field.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_TOO_LARGE, 0, 0, 0, "Line 3: a field is longer than 64 KiB"
  };
  g_autofree char *path = g_build_filename (f->dir, huge.file, NULL);
  g_autoptr(GString) text = g_string_new ("name_fr,province,address\nCoopérative Une,Tiznit,ici\nCoopérative Deux,Tiznit,\"");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2 * 1024 * 1024 / 16; i++)
    g_string_append (text, "adresse trop lon");
  g_string_append (text, "\"\nCoopérative Trois,Tiznit,là\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  check_bad_input (f, &huge, path);
}

/* A file over 256 MiB is refused before it is read (a sparse file here). */
static void
test_huge_file (Fixture       *f,
                gconstpointer  data)
{
  static const BadInput huge = {
    "huge-file.csv", TDM_CSV_COOPERATIVES, TDM_CSV_ERROR_TOO_LARGE, 0, 0, 0, "larger than 256 MiB"
  };
  g_autofree char *path = g_build_filename (f->dir, huge.file, NULL);
  FILE *file = g_fopen (path, "w");

  g_assert_nonnull (file);
  g_assert_cmpint (fputs ("name_fr,province\n", file), >=, 0);
  g_assert_cmpint (ftruncate (fileno (file), (off_t) 257 * 1024 * 1024), ==, 0);
  fclose (file);

  check_bad_input (f, &huge, path);
}

/* LF, CRLF and the CR of old Macs: rows and their line numbers alike. */
static void
test_line_endings (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const endings[] = { "\n", "\r\n", "\r" };

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "endings.csv", NULL);
      g_autofree char *text = NULL;
      g_autoptr(TdmCsvReport) report = NULL;
      g_autoptr(GError) error = NULL;
      TdmCsvProblem *problem;
      const char *nl = endings[i];

      text = g_strdup_printf ("name_fr;province;members;women%s"
                              "Coopérative Fin %u;Tiznit;10;5%s"
                              "%s"
                              "\"Coopérative Fin %u%sbis\";Tiznit;10;50%s"
                              "Coopérative Fin %u ter;Tiznit;10;5%s",
                              nl, i, nl, nl, i, nl, nl, i, nl);
      g_assert_true (g_file_set_contents (path, text, -1, &error));
      report = tdm_csv_import (f->store, TDM_CSV_COOPERATIVES, path, FALSE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->rows_read, ==, 3);
      g_assert_cmpuint (report->rows_inserted, ==, 2);
      g_assert_cmpuint (report->problems->len, ==, 1);
      problem = g_ptr_array_index (report->problems, 0);
      g_assert_cmpuint (problem->line, ==, 4);
    }
}

/* ---- good input ----------------------------------------------------------- */

typedef struct {
  char   *name_ar;
  char   *name_fr;
  char   *legal_form;
  gint64  sector_id;
  gint64  region_id;
  gint64  province_id;
  char   *commune;
  char   *address;
  char   *founded_on;
  gint64  members;
  gint64  women;
  gint64  youth;
  double  capital;       /* -1 = NULL */
  char   *president;
  char   *phone;
  char   *email;
  char   *products;
  char   *labels;        /* "name/issued/expires; …" */
} Row;

static void
row_clear (Row *row)
{
  g_free (row->name_ar);
  g_free (row->name_fr);
  g_free (row->legal_form);
  g_free (row->commune);
  g_free (row->address);
  g_free (row->founded_on);
  g_free (row->president);
  g_free (row->phone);
  g_free (row->email);
  g_free (row->products);
  g_free (row->labels);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static void
read_row (TdmStore   *store,
          const char *registration_number,
          Row        *row)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (tdm_store_get_db (store),
                                       "SELECT name_ar, name_fr, legal_form, coalesce(sector_id, 0), "
                                       "coalesce(region_id, 0), coalesce(province_id, 0), commune, address, "
                                       "founded_on, members, women, youth, coalesce(capital, -1), president, "
                                       "phone, email, products, "
                                       "(SELECT group_concat(name || '/' || coalesce(issued_on, '') || '/' "
                                       "        || coalesce(expires_on, ''), '; ') "
                                       "   FROM cooperative_label WHERE cooperative_id = c.id) "
                                       "FROM cooperative c WHERE registration_number = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, registration_number, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  row->name_ar = column_dup (stmt, 0);
  row->name_fr = column_dup (stmt, 1);
  row->legal_form = column_dup (stmt, 2);
  row->sector_id = sqlite3_column_int64 (stmt, 3);
  row->region_id = sqlite3_column_int64 (stmt, 4);
  row->province_id = sqlite3_column_int64 (stmt, 5);
  row->commune = column_dup (stmt, 6);
  row->address = column_dup (stmt, 7);
  row->founded_on = column_dup (stmt, 8);
  row->members = sqlite3_column_int64 (stmt, 9);
  row->women = sqlite3_column_int64 (stmt, 10);
  row->youth = sqlite3_column_int64 (stmt, 11);
  row->capital = sqlite3_column_double (stmt, 12);
  row->president = column_dup (stmt, 13);
  row->phone = column_dup (stmt, 14);
  row->email = column_dup (stmt, 15);
  row->products = column_dup (stmt, 16);
  row->labels = column_dup (stmt, 17);
  sqlite3_finalize (stmt);
}

static TdmCsvReport *
import_ok (Fixture    *f,
           TdmCsvKind  kind,
           const char *file,
           guint       expected_rows)
{
  g_autofree char *path = data_path (file);
  g_autoptr(GError) error = NULL;
  TdmCsvReport *report;

  report = tdm_csv_import (f->store, kind, path, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->rows_read, ==, expected_rows);
  g_assert_cmpuint (report->rows_inserted, ==, expected_rows);
  g_assert_cmpuint (report->problems->len, ==, 0);
  return report;
}

static void
test_comma (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TdmCsvReport) report = import_ok (f, TDM_CSV_COOPERATIVES, "coops-comma.csv", 3);
  Row row = { 0 };

  g_assert_cmpuint (g_strv_length (report->ignored_columns), ==, 0);

  read_row (f->store, "CSV-T-001", &row);
  g_assert_cmpstr (row.name_fr, ==, "Coopérative Tifawin");
  g_assert_cmpstr (row.name_ar, ==, "تعاونية تيفاوين");
  g_assert_cmpstr (row.legal_form, ==, "cooperative");
  g_assert_cmpint (row.sector_id, ==, 3);                /* Argan, by its English name */
  g_assert_cmpint (row.region_id, ==, SOUSS_MASSA);
  g_assert_cmpint (row.province_id, ==, TIZNIT);
  g_assert_cmpstr (row.commune, ==, "Tafraout");
  g_assert_cmpstr (row.address, ==, "Douar Ait Ali, BP 12");
  g_assert_cmpstr (row.founded_on, ==, "2012-03-14");
  g_assert_cmpint (row.members, ==, 25);
  g_assert_cmpint (row.women, ==, 25);
  g_assert_cmpint (row.youth, ==, 4);
  g_assert_cmpfloat (row.capital, ==, 50000);
  g_assert_cmpstr (row.president, ==, "Fatima Ait Ali");
  g_assert_cmpstr (row.phone, ==, "0528 12 34 56");
  g_assert_cmpstr (row.email, ==, "tifawin@example.ma");
  g_assert_cmpstr (row.products, ==, "Huile d'argane, amlou");
  g_assert_cmpstr (row.labels, ==, "IGP Argane//2027-12-31; Bio/2021-01-01/2026-06-30");
  row_clear (&row);

  /* No region column value: the province's region. A quoted field runs
   * over two lines. */
  memset (&row, 0, sizeof row);
  read_row (f->store, "CSV-T-002", &row);
  g_assert_cmpint (row.region_id, ==, 1);
  g_assert_cmpint (row.province_id, ==, 1151);
  g_assert_cmpstr (row.address, ==, "Centre Bab Taza\nà côté de la poste");
  g_assert_cmpfloat (row.capital, ==, -1);
  g_assert_null (row.email);
  g_assert_null (row.labels);
  row_clear (&row);

  /* Thousands separators; a decimal comma. */
  memset (&row, 0, sizeof row);
  read_row (f->store, "CSV-T-003", &row);
  g_assert_cmpstr (row.legal_form, ==, "union");
  g_assert_null (row.name_ar);
  g_assert_cmpint (row.members, ==, 1200);
  g_assert_cmpint (row.women, ==, 600);
  g_assert_cmpfloat (row.capital, ==, 150000.5);
  row_clear (&row);

  /* The same file again: each row is reported as a duplicate, once. */
  {
    g_autofree char *path = data_path ("coops-comma.csv");
    g_autofree char *before = checksum (f->store);
    g_autofree char *after = NULL;
    g_autoptr(TdmCsvReport) again = NULL;
    g_autoptr(GError) error = NULL;

    again = tdm_csv_import (f->store, TDM_CSV_COOPERATIVES, path, FALSE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->rows_read, ==, 3);
    g_assert_cmpuint (again->rows_inserted, ==, 0);
    g_assert_cmpuint (again->problems->len, ==, 3);
    for (guint i = 0; i < again->problems->len; i++)
      {
        TdmCsvProblem *problem = g_ptr_array_index (again->problems, i);

        g_assert_cmpint (problem->kind, ==, TDM_CSV_PROBLEM_DUPLICATE);
        g_assert_true (g_str_has_prefix (problem->reason, "Duplicate: "));
      }
    g_assert_cmpuint (((TdmCsvProblem *) g_ptr_array_index (again->problems, 1))->line, ==, 3);
    g_assert_cmpuint (((TdmCsvProblem *) g_ptr_array_index (again->problems, 2))->line, ==, 5);
    after = checksum (f->store);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_semicolon_french (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TdmCsvReport) report = import_ok (f, TDM_CSV_COOPERATIVES, "coops-semicolon-fr.csv", 2);
  Row row = { 0 };

  g_assert_cmpuint (g_strv_length (report->ignored_columns), ==, 1);
  g_assert_cmpstr (report->ignored_columns[0], ==, "Remarques");

  read_row (f->store, "CSV-F-001", &row);
  g_assert_cmpstr (row.name_fr, ==, "Coopérative Nour");
  g_assert_cmpint (row.sector_id, ==, 2);                /* Artisanat */
  g_assert_cmpint (row.region_id, ==, 1);
  g_assert_cmpint (row.province_id, ==, 1571);           /* Tétouan */
  g_assert_cmpstr (row.founded_on, ==, "2015-09-05");
  g_assert_cmpint (row.members, ==, 1200);
  g_assert_cmpint (row.women, ==, 1100);
  g_assert_cmpint (row.youth, ==, 300);
  g_assert_cmpfloat (row.capital, ==, 12500);
  g_assert_cmpstr (row.products, ==, "Tapis, poterie");
  g_assert_cmpstr (row.labels, ==, "Label artisanal//2028-12-31");
  row_clear (&row);

  memset (&row, 0, sizeof row);
  read_row (f->store, "CSV-F-002", &row);
  g_assert_cmpstr (row.legal_form, ==, "union");
  g_assert_cmpint (row.province_id, ==, 9001);           /* "Préfecture d'Agadir-…" */
  g_assert_cmpint (row.region_id, ==, SOUSS_MASSA);
  row_clear (&row);
}

static void
test_bom (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(TdmCsvReport) report = import_ok (f, TDM_CSV_COOPERATIVES, "coops-bom.csv", 1);
  Row row = { 0 };

  /* The first header is "name_fr", not "\ufeffname_fr". */
  g_assert_cmpuint (g_strv_length (report->ignored_columns), ==, 0);
  read_row (f->store, "CSV-B-001", &row);
  g_assert_cmpstr (row.name_fr, ==, "Coopérative BOM");
  g_assert_cmpint (row.province_id, ==, 9541);
  row_clear (&row);
}

static void
test_arabic (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TdmCsvReport) report = import_ok (f, TDM_CSV_COOPERATIVES, "coops-arabic.csv", 2);
  Row row = { 0 };

  g_assert_cmpuint (g_strv_length (report->ignored_columns), ==, 0);

  read_row (f->store, "CSV-A-001", &row);
  g_assert_cmpstr (row.name_ar, ==, "تعاونية النور للأركان");
  g_assert_null (row.name_fr);
  g_assert_cmpint (row.sector_id, ==, 3);
  g_assert_cmpint (row.province_id, ==, 9001);           /* written without hamza */
  g_assert_cmpstr (row.founded_on, ==, "2018-06-01");    /* Eastern Arabic digits */
  g_assert_cmpint (row.members, ==, 30);
  g_assert_cmpint (row.women, ==, 22);
  g_assert_cmpint (row.youth, ==, 8);
  g_assert_cmpfloat (row.capital, ==, 10000);
  g_assert_cmpstr (row.president, ==, "عائشة بوعزة");
  g_assert_cmpstr (row.labels, ==, "علامة الجودة//2029-01-01");
  row_clear (&row);

  memset (&row, 0, sizeof row);
  read_row (f->store, "CSV-A-002", &row);
  g_assert_cmpstr (row.legal_form, ==, "union");
  g_assert_cmpint (row.sector_id, ==, 1);
  g_assert_cmpint (row.province_id, ==, 2411);
  g_assert_cmpint (row.region_id, ==, 2);
  row_clear (&row);
}

static void
test_partners (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TdmCsvReport) report = import_ok (f, TDM_CSV_PARTNERS, "partners.csv", 3);
  sqlite3_stmt *stmt = NULL;
  static const char * const expected[][4] = {
    { "Office Régional de Mise en Valeur Agricole du Souss-Massa", "ORMVASM", "public_agency", "MA" },
    { "Conseil régional de Guelmim-Oued Noun", NULL, "regional_council", "MA" },
    { "Région Nouvelle-Aquitaine", NULL, "foreign_region", "FR" },
  };

  sqlite3_prepare_v2 (tdm_store_get_db (f->store),
                      "SELECT name, acronym, kind, country FROM partner WHERE name = ?1",
                      -1, &stmt, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      sqlite3_bind_text (stmt, 1, expected[i][0], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, expected[i][1]);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, expected[i][2]);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, expected[i][3]);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  /* The same file again: every row is a duplicate now. */
  {
    g_autofree char *path = data_path ("partners.csv");
    g_autoptr(TdmCsvReport) again = NULL;
    g_autoptr(GError) error = NULL;

    again = tdm_csv_import (f->store, TDM_CSV_PARTNERS, path, FALSE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->rows_inserted, ==, 0);
    g_assert_cmpuint (again->problems->len, ==, 3);
    for (guint i = 0; i < again->problems->len; i++)
      g_assert_cmpint (((TdmCsvProblem *) g_ptr_array_index (again->problems, i))->kind, ==,
                       TDM_CSV_PROBLEM_DUPLICATE);
  }
}

/* Without --strict the valid rows go in and the others are reported with
 * the line they start on; with it, nothing goes in. */
static void
test_strict (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = data_path ("coops-strict.csv");
  g_autofree char *before = checksum (f->store);
  g_autofree char *after = NULL;
  g_autoptr(TdmCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count = tdm_store_count_cooperatives (f->store);
  TdmCsvProblem *problem;

  report = tdm_csv_import (f->store, TDM_CSV_COOPERATIVES, path, TRUE, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_ROW);
  g_assert_true (g_str_has_prefix (error->message, "Line 3: Column “women”: "));
  g_clear_error (&error);
  after = checksum (f->store);
  g_assert_cmpstr (before, ==, after);

  report = tdm_csv_import (f->store, TDM_CSV_COOPERATIVES, path, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_read, ==, 5);
  g_assert_cmpuint (report->rows_inserted, ==, 3);
  g_assert_cmpuint (report->problems->len, ==, 2);
  problem = g_ptr_array_index (report->problems, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpint (problem->kind, ==, TDM_CSV_PROBLEM_INVALID);
  g_assert_nonnull (strstr (problem->reason, "“women”"));
  problem = g_ptr_array_index (report->problems, 1);
  g_assert_cmpuint (problem->line, ==, 6);
  g_assert_nonnull (strstr (problem->reason, "“email”"));
  g_assert_cmpint (tdm_store_count_cooperatives (f->store), ==, count + 3);
}

/* ---- big files: progress, cancel, one notification ----------------------- */

static char *
write_big_file (Fixture *f,
                guint    rows)
{
  g_autofree char *path = g_build_filename (f->dir, "big.csv", NULL);
  g_autoptr(GString) text = g_string_new ("name_fr;province;registration_number;members;women\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (text, "Coopérative Essai %u;Tiznit;BIG-%06u;%u;%u\n", i, i, 10 + i % 7, i % 5);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

typedef struct {
  TdmStore     *store;
  GCancellable *cancellable;
  double        last;
  guint         calls;
  gint64        count_seen;
  gboolean      decreasing;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *p = user_data;

  if (fraction < p->last)
    p->decreasing = TRUE;
  p->last = fraction;
  p->calls++;
  if (p->cancellable != NULL && fraction >= 0.5 && !g_cancellable_is_cancelled (p->cancellable))
    {
      /* Rows are being written, inside the transaction. */
      p->count_seen = tdm_store_count_cooperatives (p->store);
      g_cancellable_cancel (p->cancellable);
    }
}

static void
on_changed (TdmStore   *store,
            const char *table,
            guint      *count)
{
  (*count)++;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = write_big_file (f, 3000);
  g_autofree char *before = checksum (f->store);
  g_autofree char *after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TdmCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count = tdm_store_count_cooperatives (f->store);
  Progress progress = { f->store, cancellable, 0, 0, 0, FALSE };
  guint changed = 0;

  g_signal_connect (f->store, "changed::cooperative", G_CALLBACK (on_changed), &changed);

  report = tdm_csv_import (f->store, TDM_CSV_COOPERATIVES, path, FALSE, cancellable,
                           on_progress, &progress, &error);
  g_assert_null (report);
  g_assert_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_CANCELLED);
  g_assert_cmpint (progress.count_seen, >, count);
  g_assert_cmpint (tdm_store_count_cooperatives (f->store), ==, count);
  after = checksum (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (changed, ==, 0);

  /* The store is usable afterwards, and the same file goes in whole. */
  g_clear_error (&error);
  progress.cancellable = NULL;
  progress.last = 0;
  progress.calls = 0;
  report = tdm_csv_import (f->store, TDM_CSV_COOPERATIVES, path, FALSE, NULL,
                           on_progress, &progress, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_inserted, ==, 3000);
  g_assert_cmpint (tdm_store_count_cooperatives (f->store), ==, count + 3000);
  g_assert_false (progress.decreasing);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >=, 50);
  g_assert_cmpuint (progress.calls, <=, 102);
  g_assert_cmpuint (changed, ==, 1);
}

/* ---- export -------------------------------------------------------------- */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *coops = g_build_filename (f->dir, "coops.csv", NULL);
  g_autofree char *partners = g_build_filename (f->dir, "partners.csv", NULL);
  g_autofree char *coops_again = g_build_filename (f->dir, "coops-again.csv", NULL);
  g_autofree char *partners_again = g_build_filename (f->dir, "partners-again.csv", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(TdmStore) copy = NULL;
  g_autoptr(TdmCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *labels_file = data_path ("coops-comma.csv");

  /* Labels, quotes, line breaks and decimals in the source too. */
  report = tdm_csv_import (f->store, TDM_CSV_COOPERATIVES, labels_file, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&report, tdm_csv_report_free);

  g_assert_true (tdm_csv_export (f->store, TDM_CSV_COOPERATIVES, coops, &error));
  g_assert_no_error (error);
  g_assert_true (tdm_csv_export (f->store, TDM_CSV_PARTNERS, partners, &error));
  g_assert_no_error (error);

  g_file_get_contents (coops, &first, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (first, "name_fr,name_ar,registration_number,legal_form,sector,region,province,"));
  g_assert_true (g_utf8_validate (first, -1, NULL));
  g_assert_false (g_str_has_prefix (first, "\xef\xbb\xbf"));

  copy = tdm_store_open (copy_path, &error);
  g_assert_no_error (error);
  report = tdm_csv_import (copy, TDM_CSV_COOPERATIVES, coops, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_inserted, ==, tdm_store_count_cooperatives (f->store));
  g_clear_pointer (&report, tdm_csv_report_free);
  report = tdm_csv_import (copy, TDM_CSV_PARTNERS, partners, TRUE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_inserted, ==, count_partners (f->store));

  g_assert_true (tdm_csv_export (copy, TDM_CSV_COOPERATIVES, coops_again, &error));
  g_assert_true (tdm_csv_export (copy, TDM_CSV_PARTNERS, partners_again, &error));
  g_assert_no_error (error);

  g_file_get_contents (coops_again, &second, NULL, &error);
  g_assert_cmpstr (first, ==, second);
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&second, g_free);
  g_file_get_contents (partners, &first, NULL, &error);
  g_file_get_contents (partners_again, &second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/csv/bad-input", test_bad_inputs);
  ADD ("/csv/huge-field", test_huge_field);
  ADD ("/csv/huge-file", test_huge_file);
  ADD ("/csv/line-endings", test_line_endings);
  ADD ("/csv/comma", test_comma);
  ADD ("/csv/semicolon-french", test_semicolon_french);
  ADD ("/csv/bom", test_bom);
  ADD ("/csv/arabic", test_arabic);
  ADD ("/csv/partners", test_partners);
  ADD ("/csv/strict", test_strict);
  ADD ("/csv/cancel", test_cancel);
  ADD ("/csv/round-trip", test_round_trip);

#undef ADD

  return g_test_run ();
}
