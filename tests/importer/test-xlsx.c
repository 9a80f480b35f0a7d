/* test-xlsx.c: the XLSX export of cooperatives and partners, read back
 * with Python's zipfile and ElementTree as a spreadsheet would read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "tdm-csv.h"
#include "tdm-registry.h"
#include "tdm-test-util.h"
#include "tdm-xlsx.h"

#define TIZNIT 9581          /* HCP 09.581 */

/* Prints the first sheet, one line per cell: "REF<TAB>str|num<TAB>VALUE
 * <TAB>NUMBER FORMAT<TAB>bold|-", then "frozen", "filter REF" and
 * "rtl" lines when the sheet has them. Strings may be inline or shared. */
static const char reader_script[] =
  "import sys, zipfile, xml.etree.ElementTree as ET\n"
  "ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}\n"
  "z = zipfile.ZipFile(sys.argv[1])\n"
  "names = z.namelist()\n"
  "shared = []\n"
  "if 'xl/sharedStrings.xml' in names:\n"
  "    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns):\n"
  "        shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])))\n"
  "styles = ET.fromstring(z.read('xl/styles.xml'))\n"
  "fmts = {int(f.get('numFmtId')): f.get('formatCode') for f in styles.findall('m:numFmts/m:numFmt', ns)}\n"
  "fonts = styles.findall('m:fonts/m:font', ns)\n"
  "xfs = styles.findall('m:cellXfs/m:xf', ns)\n"
  "sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))\n"
  "out = []\n"
  "for c in sheet.iter('{%s}c' % ns['m']):\n"
  "    t = c.get('t')\n"
  "    if t == 'inlineStr':\n"
  "        kind, value = 'str', ''.join(x.text or '' for x in c.iter('{%s}t' % ns['m']))\n"
  "    elif t == 's':\n"
  "        kind, value = 'str', shared[int(c.find('m:v', ns).text)]\n"
  "    else:\n"
  "        kind, value = 'num', c.find('m:v', ns).text\n"
  "    xf = xfs[int(c.get('s', '0'))]\n"
  "    fmt = fmts.get(int(xf.get('numFmtId', '0')), xf.get('numFmtId', '0'))\n"
  "    bold = 'bold' if fonts[int(xf.get('fontId', '0'))].find('m:b', ns) is not None else '-'\n"
  "    out.append('\\t'.join([c.get('r'), kind, value.replace('\\n', ' '), fmt, bold]))\n"
  "pane = sheet.find('m:sheetViews/m:sheetView/m:pane', ns)\n"
  "if pane is not None and pane.get('state') == 'frozen' and pane.get('ySplit') == '1':\n"
  "    out.append('frozen')\n"
  "f = sheet.find('m:autoFilter', ns)\n"
  "if f is not None:\n"
  "    out.append('filter ' + f.get('ref'))\n"
  "if sheet.find('m:sheetViews/m:sheetView', ns).get('rightToLeft') == '1':\n"
  "    out.append('rtl')\n"
  "sys.stdout.write('\\n'.join(out) + '\\n')\n";

typedef struct {
  char     *dir;
  TdmStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmCooperative) first = tdm_cooperative_new ();
  g_autoptr(TdmCooperative) second = tdm_cooperative_new ();
  g_autoptr(TdmPartner) partner = tdm_partner_new ();
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("tdm-test-xlsx-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "registry.db", NULL);
  f->store = tdm_store_open (path, &error);
  g_assert_no_error (error);

  /* XML's special characters, Arabic, a decimal amount, a date. */
  g_object_set (first,
                "name-fr", "Coopérative Al Baraka <Argan> & Fils",
                "name-ar", "تعاونية البركة للأركان",
                "registration-number", "XLSX-0001",
                "province-id", (gint64) TIZNIT,
                "founded-on", "2012-03-15",
                "members", 25, "women", 18, "youth", 7,
                "capital", 15000.5,
                NULL);
  tdm_store_save_cooperative (f->store, first, &error);
  g_assert_no_error (error);
  g_object_set (second,
                "name-fr", "Coopérative Tifawin",
                "registration-number", "XLSX-0002",
                "members", 9,
                NULL);
  tdm_store_save_cooperative (f->store, second, &error);
  g_assert_no_error (error);

  g_object_set (partner,
                "name", "Agence de Développement Social",
                "acronym", "ADS",
                "kind", "public_agency",
                NULL);
  tdm_store_save_partner (f->store, partner, &error);
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

static gboolean
have_python (void)
{
  g_autofree char *python = g_find_program_in_path ("python3");

  if (python != NULL)
    return TRUE;
  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_test_fail_printf ("python3 is required under CI to read the workbooks back");
  else
    g_test_skip ("python3 is not installed: the workbooks cannot be read back");
  return FALSE;
}

/* The sheet, one cell a line (see reader_script). */
static char *
read_sheet (const char *path)
{
  const char *argv[] = { "python3", "-c", reader_script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("reading %s failed: %s", path, err);
  return out;
}

static void
assert_cell (const char *sheet,
             const char *line)
{
  g_autofree char *with_newlines = g_strdup_printf ("\n%s\n", line);
  g_autofree char *first_line = g_strdup_printf ("%s\n", line);

  if (!g_str_has_prefix (sheet, first_line) && strstr (sheet, with_newlines) == NULL)
    g_error ("no line “%s” in the sheet:\n%s", line, sheet);
}

static char *
excel_date (int year,
            int month,
            int day)
{
  g_autoptr(GDate) epoch = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_strdup_printf ("%d", g_date_days_between (epoch, date));
}

static void
test_cooperatives (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "coops.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_autofree char *date = excel_date (2012, 3, 15);
  g_autofree char *founded = g_strdup_printf ("J2\tnum\t%s\tyyyy-mm-dd\t-", date);
  g_autoptr(GError) error = NULL;

  if (!have_python ())
    return;

  g_assert_true (tdm_xlsx_export (f->store, TDM_CSV_COOPERATIVES, path, &error));
  g_assert_no_error (error);
  sheet = read_sheet (path);
  g_test_message ("%s", sheet);

  /* The CSV export's header, bold. */
  assert_cell (sheet, "A1\tstr\tname_fr\t0\tbold");
  assert_cell (sheet, "B1\tstr\tname_ar\t0\tbold");
  assert_cell (sheet, "J1\tstr\tfounded_on\t0\tbold");
  assert_cell (sheet, "S1\tstr\tlabels\t0\tbold");
  g_assert_null (strstr (sheet, "T1\t"));

  assert_cell (sheet, "A2\tstr\tCoopérative Al Baraka <Argan> & Fils\t0\t-");
  assert_cell (sheet, "B2\tstr\tتعاونية البركة للأركان\t0\t-");
  assert_cell (sheet, "C2\tstr\tXLSX-0001\t0\t-");
  assert_cell (sheet, "G2\tstr\tTiznit\t0\t-");
  assert_cell (sheet, founded);
  assert_cell (sheet, "K2\tnum\t25\t0\t-");
  assert_cell (sheet, "L2\tnum\t18\t0\t-");
  assert_cell (sheet, "M2\tnum\t7\t0\t-");
  assert_cell (sheet, "N2\tnum\t15000.5\t#,##0.00\t-");

  /* Empty values stay empty cells: no date, no capital. */
  assert_cell (sheet, "A3\tstr\tCoopérative Tifawin\t0\t-");
  assert_cell (sheet, "K3\tnum\t9\t0\t-");
  g_assert_null (strstr (sheet, "\nJ3\t"));
  g_assert_null (strstr (sheet, "\nN3\t"));
  g_assert_null (strstr (sheet, "\nA4\t"));

  assert_cell (sheet, "frozen");
  assert_cell (sheet, "filter A1:S3");
  g_assert_null (strstr (sheet, "\nrtl\n"));
}

static void
test_partners_arabic (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "partners.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_python ())
    return;

  /* An Arabic interface gets a right-to-left sheet. */
  g_setenv ("LANGUAGE", "ar", TRUE);
  tdm_xlsx_export (f->store, TDM_CSV_PARTNERS, path, &error);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_no_error (error);

  sheet = read_sheet (path);
  g_test_message ("%s", sheet);
  assert_cell (sheet, "A1\tstr\tname\t0\tbold");
  assert_cell (sheet, "H1\tstr\twebsite\t0\tbold");
  assert_cell (sheet, "A2\tstr\tAgence de Développement Social\t0\t-");
  assert_cell (sheet, "B2\tstr\tADS\t0\t-");
  assert_cell (sheet, "C2\tstr\tpublic_agency\t0\t-");
  assert_cell (sheet, "filter A1:H2");
  assert_cell (sheet, "rtl");
}

/* Excel holds at most 32,767 characters in a cell: a longer text is cut,
 * the cut marked, and the rest of the row is still written. */
static void
test_long_cell (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "long.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;
  const char *line;

  if (!have_python ())
    return;

  /* 40,000 Arabic letters: 80,000 bytes. */
  tdm_test_exec_sql (f->store,
                     "UPDATE cooperative SET products = replace(hex(zeroblob(40000)), '00', 'ب') "
                     "WHERE registration_number = 'XLSX-0002'");
  g_assert_true (tdm_xlsx_export (f->store, TDM_CSV_COOPERATIVES, path, &error));
  g_assert_no_error (error);
  sheet = read_sheet (path);

  line = strstr (sheet, "\nR3\tstr\t");
  g_assert_nonnull (line);
  fields = g_strsplit (line + 1, "\t", 4);
  g_assert_cmpuint (g_utf8_strlen (fields[2], -1), ==, 32767);
  g_assert_true (g_str_has_prefix (fields[2], "ببب"));
  g_assert_true (g_str_has_suffix (fields[2], "ب…"));
  assert_cell (sheet, "K3\tnum\t9\t0\t-");
}

/* The CSV and the workbook hold the same table. */
static void
test_same_as_csv (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (f->dir, "coops.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (f->dir, "coops.xlsx", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *sheet = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_python ())
    return;

  g_assert_true (tdm_csv_export (f->store, TDM_CSV_COOPERATIVES, csv_path, &error));
  g_assert_true (tdm_xlsx_export (f->store, TDM_CSV_COOPERATIVES, xlsx_path, &error));
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);
  sheet = read_sheet (xlsx_path);

  lines = g_strsplit (csv, "\r\n", -1);
  header = g_strsplit (lines[0], ",", -1);
  g_assert_cmpuint (g_strv_length (header), ==, 19);
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *cell = g_strdup_printf ("%c1\tstr\t%s\t0\tbold", 'A' + i, header[i]);

      assert_cell (sheet, cell);
    }
  /* Header, two records, the empty string after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_nonnull (strstr (lines[1], ",25,18,7,15000.50,"));
}

/* Asserts that DIR holds only the files of NAMES (no temporary file
 * left behind). */
static void
assert_dir_holds (const char         *dir,
                  const char * const *names)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      if (!g_strv_contains (names, name))
        g_error ("unexpected file %s in %s", name, dir);
      n++;
    }
  g_assert_cmpuint (n, ==, g_strv_length ((char **) names));
}

static void
test_failure_keeps_target (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "coops.xlsx", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "coops.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char * const only_target[] = { "coops.xlsx", NULL };

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);

  /* Reading the records fails once the workbook is begun. */
  tdm_test_exec_sql (f->store, "DROP TABLE cooperative_label");
  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "Cannot prepare*");
  g_assert_false (tdm_xlsx_export (f->store, TDM_CSV_COOPERATIVES, path, &error));
  g_test_assert_expected_messages ();
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "old");
  assert_dir_holds (out_dir, only_target);

  /* A folder that does not exist: said, with the file's name. */
  g_assert_false (tdm_xlsx_export (f->store, TDM_CSV_PARTNERS, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A folder where the file should be: the rename fails, nothing stays. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (tdm_xlsx_export (f->store, TDM_CSV_PARTNERS, path, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  assert_dir_holds (out_dir, only_target);
}

/* tadamon-cli export: the format from the name, or --format. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *db = g_strdup (tdm_store_get_path (f->store));
  g_autofree char *xlsx = g_build_filename (f->dir, "partners.XLSX", NULL);
  g_autofree char *forced = g_build_filename (f->dir, "partners.out", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "partners.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *bytes = NULL;
  gsize len;

  g_clear_object (&f->store);

  g_assert_cmpint (tdm_test_run_cli (db, &out, &err, "export", "partners", "-o", xlsx, NULL), ==, 0);
  g_file_get_contents (xlsx, &bytes, &len, NULL);
  g_assert_true (len > 4 && memcmp (bytes, "PK\x03\x04", 4) == 0);
  g_clear_pointer (&bytes, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (tdm_test_run_cli (db, &out, &err, "export", "partners", "-o", forced,
                                     "--format", "xlsx", NULL), ==, 0);
  g_file_get_contents (forced, &bytes, &len, NULL);
  g_assert_true (len > 4 && memcmp (bytes, "PK\x03\x04", 4) == 0);
  g_clear_pointer (&bytes, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (tdm_test_run_cli (db, &out, &err, "export", "partners", "-o", csv, NULL), ==, 0);
  g_file_get_contents (csv, &bytes, &len, NULL);
  g_assert_true (g_str_has_prefix (bytes, "name,acronym,kind,"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (tdm_test_run_cli (db, &out, &err, "export", "partners", "-o", csv,
                                     "--format", "ods", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "ods"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/xlsx/cooperatives", test_cooperatives);
  ADD ("/xlsx/partners-arabic", test_partners_arabic);
  ADD ("/xlsx/long-cell", test_long_cell);
  ADD ("/xlsx/same-as-csv", test_same_as_csv);
  ADD ("/xlsx/failure-keeps-target", test_failure_keeps_target);
  ADD ("/xlsx/cli", test_cli);

  return g_test_run ();
}
