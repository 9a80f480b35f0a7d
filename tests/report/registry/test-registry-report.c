/* test-registry-report.c: the registry report, the cooperative fact sheet,
 * stand labels and badges, built on a demo store and read back from
 * their PDFs with poppler.
 *
 * pdftotext writes Arabic with bidi marks around runs, as presentation
 * forms, and the lam-alef ligature with its letters the other way round;
 * Arabic is therefore compared on its tdm_test_pdf_skeleton().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tdm-demo.h"
#include "tdm-document-private.h"
#include "tdm-fairs.h"
#include "tdm-labels-private.h"
#include "tdm-number-format.h"
#include "tdm-registry-summary.h"
#include "tdm-report-language.h"
#include "tdm-report-text.h"
#include "tdm-report.h"
#include "tdm-test-util.h"

#define N_DEMO_COOPERATIVES 300

static TdmStore *store;
static char *work_dir;
static gint64 fair_id;         /* the demo fair with the most stands taken */
static gint64 long_coop_id;    /* an exhibitor on a stand, renamed with long
                                * mixed names */

/* ---- helpers ------------------------------------------------------------- */

static char *
write_pdf (TdmDocument *doc,
           const char  *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (work_dir, name, NULL);

  g_assert_true (tdm_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tdm_test_pdf_page_count (path), ==, tdm_document_get_n_pages (doc));
  return path;
}

/* TEXT without bidi marks, in compatibility composition (presentation
 * forms back to letters, narrow no-break spaces to spaces), white space
 * runs folded to one space. */
static char *
normalize (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F)
        continue;
      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Every word of NAME is in TEXT, in any order: pdftotext puts the parts of
 * "طنجة-تطوان-الحسيمة", or of a line mixing Arabic and Latin, in an order
 * of its own, but never cuts a word. */
static gboolean
has_words (const char *text,
                  const char *name)
{
  g_autofree char *haystack = tdm_test_pdf_skeleton (text);
  g_auto(GStrv) words = g_regex_split_simple ("[\\s\\-–]+", name, 0, 0);
  guint checked = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = tdm_test_pdf_skeleton (words[i]);

      if (g_utf8_strlen (word, -1) < 2)
        continue;
      checked++;
      if (strstr (haystack, word) == NULL)
        {
          g_test_message ("“%s” (of “%s”) not found", words[i], name);
          return FALSE;
        }
    }
  g_assert_cmpuint (checked, >, 0);
  return TRUE;
}

static gboolean
has_text (const char *text,
          const char *needle)
{
  g_autofree char *haystack = normalize (text);
  g_autofree char *wanted = normalize (needle);

  if (strstr (haystack, wanted) != NULL)
    return TRUE;
  g_test_message ("“%s” not found", wanted);
  return FALSE;
}

static char *
format_count (const char *language,
              gint64      value)
{
  TdmNumberFormat format;

  tdm_number_format_init (&format, tdm_report_language_numbers (language), TDM_DIGITS_AUTO);
  return tdm_number_format_format (&format, (double) value, 0);
}

/* The text of each row of the query's first column. */
static GPtrArray *
query_strings (TdmStore   *db_store,
               const char *sql)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (tdm_store_get_db (db_store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (strings, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return strings;
}

/* ---- registry summary ------------------------------------------------------ */

static gint64
count_of (GPtrArray *counts,
          gint64     id)
{
  for (guint i = 0; i < counts->len; i++)
    {
      TdmRegistryCount *count = g_ptr_array_index (counts, i);

      if (count->id == id)
        return count->cooperatives;
    }
  return -1;
}

static void
test_summary (void)
{
  g_autoptr(TdmStore) own = tdm_test_open_memory_store ();
  g_autoptr(TdmRegistrySummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sum = 0;

  g_assert_true (tdm_demo_populate (own, 400, 3, &error));
  g_assert_no_error (error);
  /* Cooperatives without a province, then without a place or a sector. */
  tdm_test_exec_sql (own, "UPDATE cooperative SET province_id = NULL WHERE id IN (1, 2, 3);"
                          "UPDATE cooperative SET province_id = NULL, region_id = NULL, sector_id = NULL "
                          "WHERE id IN (4, 5)");

  summary = tdm_store_get_registry_summary (own, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->cooperatives, ==, 400);
  g_assert_cmpint (summary->members, ==, tdm_test_query_int (own, "SELECT sum(members) FROM cooperative"));
  g_assert_cmpint (summary->women, ==, tdm_test_query_int (own, "SELECT sum(women) FROM cooperative"));
  g_assert_cmpint (summary->youth, ==, tdm_test_query_int (own, "SELECT sum(youth) FROM cooperative"));
  g_assert_cmpint (summary->regions, ==,
                   tdm_test_query_int (own, "SELECT count(DISTINCT region_id) FROM cooperative"));
  g_assert_cmpint (summary->sectors, ==,
                   tdm_test_query_int (own, "SELECT count(DISTINCT sector_id) FROM cooperative"));
  g_assert_nonnull (summary->last_change);

  /* Every region and sector, zeros included, and the cooperatives where
   * they are not given last. */
  g_assert_cmpuint (summary->by_region->len, ==, 12 + 1);
  g_assert_cmpuint (summary->by_sector->len, ==, tdm_test_query_int (own, "SELECT count(*) FROM sector") + 1);
  g_assert_cmpuint (summary->by_province->len, ==, tdm_test_query_int (own, "SELECT count(*) FROM province") + 1);
  g_assert_cmpint (((TdmRegistryCount *) g_ptr_array_index (summary->by_region, 12))->id, ==, 0);
  g_assert_cmpint (count_of (summary->by_region, 0), ==, 2);
  g_assert_cmpint (count_of (summary->by_province, 0), ==, 5);
  g_assert_cmpint (count_of (summary->by_sector, 0), ==, 2);

  for (guint i = 0; i < summary->by_region->len; i++)
    {
      TdmRegistryCount *region = g_ptr_array_index (summary->by_region, i);
      g_autofree char *sql = region->id == 0
        ? g_strdup ("SELECT count(*) FROM cooperative WHERE region_id IS NULL")
        : g_strdup_printf ("SELECT count(*) FROM cooperative WHERE region_id = %" G_GINT64_FORMAT, region->id);

      g_assert_cmpint (region->cooperatives, ==, tdm_test_query_int (own, sql));
      sum += region->cooperatives;
    }
  g_assert_cmpint (sum, ==, 400);
  sum = 0;
  for (guint i = 0; i < summary->by_sector->len; i++)
    {
      TdmRegistryCount *sector = g_ptr_array_index (summary->by_sector, i);

      sum += sector->cooperatives;
      /* Most first, "not given" last. */
      if (i > 0 && sector->id != 0)
        g_assert_cmpint (sector->cooperatives, <=,
                         ((TdmRegistryCount *) g_ptr_array_index (summary->by_sector, i - 1))->cooperatives);
    }
  g_assert_cmpint (sum, ==, 400);
}

static void
test_summary_empty (void)
{
  g_autoptr(TdmStore) own = tdm_test_open_memory_store ();
  g_autoptr(TdmRegistrySummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = tdm_store_get_registry_summary (own, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->cooperatives, ==, 0);
  g_assert_cmpint (summary->regions, ==, 0);
  g_assert_null (summary->last_change);
  g_assert_cmpuint (summary->by_region->len, ==, 12);
  for (guint i = 0; i < summary->by_province->len; i++)
    g_assert_cmpint (((TdmRegistryCount *) g_ptr_array_index (summary->by_province, i))->cooperatives, ==, 0);
}

/* ---- registry report ------------------------------------------------------- */

static void
check_registry (const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmDocument) doc = NULL;
  g_autofree char *name = g_strdup_printf ("registry-%s.pdf", language);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *total = NULL;
  g_autofree char *members = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GPtrArray) other_regions = NULL;
  gboolean arabic = g_str_equal (language, "ar");
  const char *headings[] = {
    "Key figures", "Cooperatives by region", "Cooperatives by province and prefecture",
    "Cooperatives by sector", "Definitions and sources",
  };

  if (!tdm_test_have_poppler ())
    return;

  doc = tdm_registry_report_new (store, language, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (tdm_document_get_language (doc), ==, language);
  path = write_pdf (doc, name);
  g_assert_cmpuint (tdm_test_pdf_page_count (path), >=, 4);
  text = tdm_test_pdf_text (path, 0);

  /* The totals, counted here with SQL. */
  total = format_count (language, tdm_test_query_int (store, "SELECT count(*) FROM cooperative"));
  members = format_count (language, tdm_test_query_int (store, "SELECT sum(members) FROM cooperative"));
  g_assert_true (has_text (text, total));
  g_assert_true (has_text (text, members));

  /* Every region with a cooperative, named in the report's language
   * (the test runs with LANGUAGE=en), and never in the other one. */
  regions = query_strings (store, arabic
                           ? "SELECT name_ar FROM region WHERE id IN (SELECT region_id FROM cooperative)"
                           : "SELECT name_fr FROM region WHERE id IN (SELECT region_id FROM cooperative)");
  g_assert_cmpuint (regions->len, >, 5);
  for (guint i = 0; i < regions->len; i++)
    g_assert_true (arabic ? has_words (text, g_ptr_array_index (regions, i))
                          : has_text (text, g_ptr_array_index (regions, i)));
  other_regions = query_strings (store, arabic ? "SELECT name_fr FROM region" : "SELECT name_ar FROM region");
  for (guint i = 0; i < other_regions->len; i++)
    g_assert_false (strstr (text, g_ptr_array_index (other_regions, i)));

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *heading = tdm_test_translate (language, NULL, headings[i]);

      g_assert_true (arabic ? has_words (text, heading) : has_text (text, heading));
    }
}

static void
test_registry_fr (void)
{
  check_registry ("fr");
}

static void
test_registry_ar (void)
{
  check_registry ("ar");
}


/* The Arabic and French registry reports: digits 0 to 9 everywhere,
 * charts included (Moroccan administrations write them so), and the
 * document's own words translated: the page footer, the title of a group
 * going on over a page break. */
static void
check_registry_words (const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmDocument) doc = tdm_registry_report_new (store, language, &error);
  g_autofree char *name = g_strdup_printf ("registry-words-%s.pdf", language);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page_two = NULL;
  g_autofree char *footer = tdm_test_translate (language, NULL, "Page %s of %s");
  g_autofree char *continued = tdm_test_translate (language, NULL, "%s (continued)");
  g_autofree char *oldest = NULL;
  g_auto(GStrv) footer_words = NULL;
  gboolean arabic = g_str_equal (language, "ar");

  if (!tdm_test_have_poppler ())
    return;

  g_assert_no_error (error);
  path = write_pdf (doc, name);
  text = tdm_test_pdf_text (path, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))
        g_error ("%s report: Arabic-Indic digit U+%04X", language, c);
    }
  /* The first year of the foundations chart, formatted at fill time. */
  oldest = g_strdup_printf ("%" G_GINT64_FORMAT,
                            tdm_test_query_int (store, "SELECT min(CAST(substr(founded_on, 1, 4) AS INTEGER))"
                                                       " FROM cooperative WHERE founded_on IS NOT NULL"));
  g_assert_true (has_text (text, oldest));

  /* Translated, not the English msgid. */
  g_assert_cmpstr (footer, !=, "Page %s of %s");
  g_assert_cmpstr (continued, !=, "%s (continued)");
  page_two = tdm_test_pdf_text (path, 2);
  footer_words = g_strsplit (footer, "%s", -1);
  g_assert_cmpuint (g_strv_length (footer_words), ==, 3);
  if (!arabic)
    {
      g_autofree char *whole = g_strdup_printf ("%s2%s%u%s", footer_words[0], footer_words[1],
                                                tdm_document_get_n_pages (doc), footer_words[2]);

      g_assert_true (has_text (page_two, whole));
    }
  for (guint i = 0; footer_words[i] != NULL; i++)
    {
      g_strstrip (footer_words[i]);
      if (footer_words[i][0] != '\0')
        g_assert_true (arabic ? has_words (page_two, footer_words[i]) : has_text (page_two, footer_words[i]));
    }
  g_assert_false (has_text (text, "Page 2 of"));
  /* "(suite)", "(تابع)": after the group's name. */
  g_assert_true (g_str_has_prefix (continued, "%s "));
  g_assert_true (arabic ? has_words (text, continued + 3) : has_text (text, continued + 3));
  g_assert_false (has_text (text, "(continued)"));
}

static void
test_registry_words (void)
{
  check_registry_words ("ar");
  check_registry_words ("fr");
}

static void
test_registry_empty (void)
{
  g_autoptr(TdmStore) empty = tdm_test_open_memory_store ();
  g_autoptr(GError) error = NULL;

  if (!tdm_test_have_poppler ())
    return;

  for (guint i = 0; i < 2; i++)
    {
      const char *language = i == 0 ? "fr" : "ar";
      g_autoptr(TdmDocument) doc = tdm_registry_report_new (empty, language, &error);
      g_autofree char *name = g_strdup_printf ("registry-empty-%s.pdf", language);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *heading = tdm_test_translate (language, NULL, "Key figures");
      g_autofree char *title = tdm_test_translate (language, NULL, "Registry of cooperatives");

      g_assert_no_error (error);
      g_assert_nonnull (doc);
      path = write_pdf (doc, name);
      /* Title, key figures at zero and the notes: one page, no tables. */
      g_assert_cmpuint (tdm_test_pdf_page_count (path), ==, 1);
      text = tdm_test_pdf_text (path, 0);
      g_assert_true (i == 0 ? has_text (text, heading) : has_words (text, heading));
      g_assert_true (i == 0 ? has_text (text, title) : has_words (text, title));
      g_assert_true (has_text (text, "—"));
    }
}

/* ---- fact sheet ----------------------------------------------------------- */

/* g_utf8_substring() of GLib 2.74 reads past a shorter string. */
static char *
first_characters (const char *text,
                  glong       n)
{
  return g_utf8_substring (text, 0, MIN (n, g_utf8_strlen (text, -1)));
}

static void
check_sheet (gint64      id,
             const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmDocument) doc = NULL;
  g_autofree char *name = g_strdup_printf ("sheet-%" G_GINT64_FORMAT "-%s.pdf", id, language);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) names_fr = NULL;
  g_autoptr(GPtrArray) names_ar = NULL;
  g_autoptr(GPtrArray) numbers = NULL;
  g_autofree char *start_fr = NULL;
  g_autofree char *start_ar = NULL;

  doc = tdm_cooperative_sheet_new (store, id, language, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  path = write_pdf (doc, name);
  g_assert_cmpuint (tdm_test_pdf_page_count (path), ==, 1);
  text = tdm_test_pdf_text (path, 0);

  sql = g_strdup_printf ("SELECT name_fr FROM cooperative WHERE id = %" G_GINT64_FORMAT, id);
  names_fr = query_strings (store, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT name_ar FROM cooperative WHERE id = %" G_GINT64_FORMAT, id);
  names_ar = query_strings (store, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT registration_number FROM cooperative WHERE id = %" G_GINT64_FORMAT, id);
  numbers = query_strings (store, sql);

  /* Both names, whatever the language: their first words at least (a very
   * long name is ellipsized). */
  start_fr = first_characters (g_ptr_array_index (names_fr, 0), 30);
  start_ar = first_characters (g_ptr_array_index (names_ar, 0), 30);
  *strrchr (start_fr, ' ') = '\0';
  *strrchr (start_ar, ' ') = '\0';
  g_assert_true (has_words (text, start_fr));
  g_assert_true (has_words (text, start_ar));
  g_assert_true (has_text (text, g_ptr_array_index (numbers, 0)));
}

static void
test_sheet (void)
{
  g_autofree char *sql = g_strdup_printf ("SELECT min(id) FROM cooperative WHERE id <> %" G_GINT64_FORMAT,
                                          long_coop_id);
  gint64 id = tdm_test_query_int (store, sql);

  if (!tdm_test_have_poppler ())
    return;

  check_sheet (id, "fr");
  check_sheet (id, "ar");
}

static void
test_sheet_long_names (void)
{
  if (!tdm_test_have_poppler ())
    return;

  /* 200-character names in both scripts, mixed, a long address, many
   * labels and fairs: still one page. */
  check_sheet (long_coop_id, "fr");
  check_sheet (long_coop_id, "ar");
}

/* A record with only a French name: one name, unknown figures as "—",
 * never as zeros. */
static void
test_sheet_sparse (void)
{
  gint64 id;

  if (!tdm_test_have_poppler ())
    return;

  tdm_test_exec_sql (store, "INSERT INTO cooperative (name_fr) VALUES ('Coopérative Sans Fiche')");
  id = sqlite3_last_insert_rowid (tdm_store_get_db (store));

  for (guint i = 0; i < 2; i++)
    {
      const char *language = i == 0 ? "fr" : "ar";
      g_autoptr(GError) error = NULL;
      g_autoptr(TdmDocument) doc = tdm_cooperative_sheet_new (store, id, language, &error);
      g_autofree char *name = g_strdup_printf ("sheet-sparse-%s.pdf", language);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *plain = NULL;

      g_assert_no_error (error);
      path = write_pdf (doc, name);
      g_assert_cmpuint (tdm_test_pdf_page_count (path), ==, 1);
      text = tdm_test_pdf_text (path, 0);
      plain = normalize (text);
      g_assert_true (has_words (text, "Coopérative Sans Fiche"));
      g_assert_cmpuint (tdm_test_count_substrings (plain, "—"), >=, 8);
      g_assert_null (strstr (plain, "0 %"));
      g_assert_null (strstr (plain, "0%"));
    }
}

static void
test_sheet_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmDocument) doc = tdm_cooperative_sheet_new (store, 987654, "fr", &error);

  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
  g_assert_null (doc);
}

/* ---- labels and badges ------------------------------------------------------ */

static void
check_labels (TdmReportKind  kind,
              const char    *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmDocument) doc = NULL;
  g_autofree char *name = g_strdup_printf ("%s-%s.pdf", tdm_report_kind_to_string (kind), language);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_page = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) names_fr = NULL;
  g_autoptr(GPtrArray) names_ar = NULL;
  guint per_page = kind == TDM_REPORT_BADGES ? 10 : 2;
  gint64 n;

  doc = tdm_labels_new (store, fair_id, kind, language, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  path = write_pdf (doc, name);

  sql = g_strdup_printf ("SELECT count(*) FROM exhibitor WHERE fair_id = %" G_GINT64_FORMAT
                         " AND status IN ('accepted', 'confirmed') AND stand_id IS NOT NULL", fair_id);
  n = tdm_test_query_int (store, sql);
  g_assert_cmpint (n, >, 10);
  g_assert_cmpuint (tdm_test_pdf_page_count (path), ==, (n + per_page - 1) / per_page);

  /* Every stand code; the first exhibitor's names in both scripts. */
  text = tdm_test_pdf_text (path, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT s.code FROM exhibitor e JOIN stand s ON s.id = e.stand_id"
                         " WHERE e.fair_id = %" G_GINT64_FORMAT
                         " AND e.status IN ('accepted', 'confirmed')", fair_id);
  codes = query_strings (store, sql);
  plain = normalize (text);
  g_assert_cmpuint (codes->len, ==, n);
  for (guint i = 0; i < codes->len; i++)
    g_assert_nonnull (strstr (plain, g_ptr_array_index (codes, i)));

  g_free (sql);
  sql = g_strdup_printf ("SELECT c.name_fr FROM exhibitor e JOIN stand s ON s.id = e.stand_id"
                         " JOIN cooperative c ON c.id = e.cooperative_id"
                         " WHERE e.fair_id = %" G_GINT64_FORMAT " AND e.status IN ('accepted', 'confirmed')"
                         " AND e.cooperative_id <> %" G_GINT64_FORMAT " ORDER BY s.code, e.id LIMIT 1",
                         fair_id, long_coop_id);
  names_fr = query_strings (store, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT c.name_ar FROM exhibitor e JOIN stand s ON s.id = e.stand_id"
                         " JOIN cooperative c ON c.id = e.cooperative_id"
                         " WHERE e.fair_id = %" G_GINT64_FORMAT " AND e.status IN ('accepted', 'confirmed')"
                         " AND e.cooperative_id <> %" G_GINT64_FORMAT " ORDER BY s.code, e.id LIMIT 1",
                         fair_id, long_coop_id);
  names_ar = query_strings (store, sql);
  g_assert_true (has_words (text, g_ptr_array_index (names_fr, 0)));
  g_assert_true (has_words (text, g_ptr_array_index (names_ar, 0)));

  if (kind == TDM_REPORT_BADGES)
    {
      /* The role on each of the ten badges of the first sheet. */
      g_autofree char *role = NULL;
      gpointer token = tdm_report_language_push (language);

      role = g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "badge", "Exhibitor"));
      tdm_report_language_pop (token);
      first_page = tdm_test_pdf_text (path, 1);
      if (g_str_equal (language, "ar"))
        {
          g_autofree char *page = tdm_test_pdf_skeleton (first_page);
          g_autofree char *word = tdm_test_pdf_skeleton (role);

          g_assert_cmpuint (tdm_test_count_substrings (page, word), >=, 10);
        }
      else
        {
          g_autofree char *page = normalize (first_page);

          g_assert_cmpuint (tdm_test_count_substrings (page, role), ==, 10);
        }
    }
}

static void
test_labels (void)
{
  if (!tdm_test_have_poppler ())
    return;

  check_labels (TDM_REPORT_STAND_LABELS, "fr");
  check_labels (TDM_REPORT_STAND_LABELS, "ar");
}

static void
test_badges (void)
{
  if (!tdm_test_have_poppler ())
    return;

  check_labels (TDM_REPORT_BADGES, "fr");
  check_labels (TDM_REPORT_BADGES, "ar");
}


/* The bounding box of what is not white on page PAGE, in points: the page
 * is drawn at 2 pixels a point. */
static void
ink_box (TdmDocument *doc,
         guint        page,
         double      *left,
         double      *top,
         double      *right,
         double      *bottom)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  int w, h, stride;
  guchar *data;
  int x0 = G_MAXINT, y0 = G_MAXINT, x1 = -1, y1 = -1;

  tdm_document_get_page_size (doc, page, &width, &height);
  w = (int) ceil (width * 2);
  h = (int) ceil (height * 2);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cr = cairo_create (surface);
  /* The page's last pixels are only partly covered by its paper. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  tdm_document_draw_page (doc, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + x * 4) & 0xffffff;

        /* Anti-aliasing's faintest grey aside. */
        if (pixel != 0xffffff && ((pixel & 0xff) < 0xf0 || ((pixel >> 8) & 0xff) < 0xf0))
          {
            x0 = MIN (x0, x);
            x1 = MAX (x1, x);
            y0 = MIN (y0, y);
            y1 = MAX (y1, y);
          }
      }
  cairo_surface_destroy (surface);
  g_assert_cmpint (x1, >=, 0);
  *left = x0 / 2.0;
  *top = y0 / 2.0;
  *right = (x1 + 1) / 2.0;
  *bottom = (y1 + 1) / 2.0;
}

/* Labels and badges at their real size on the whole A4 sheet: stand
 * labels A5 landscape, two to a sheet; badges 85 × 54 mm, 2 × 5 centred,
 * cut marks outside them. */
static void
test_labels_geometry (void)
{
  const double mm = 72.0 / 25.4;
  double x, y, width, height;
  double left, top, right, bottom;

  /* Stand labels: the two halves of the sheet. */
  g_assert_cmpuint (tdm_labels_per_sheet (TDM_REPORT_STAND_LABELS), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      tdm_labels_get_box (TDM_REPORT_STAND_LABELS, i, FALSE, &x, &y, &width, &height);
      g_assert_cmpfloat (fabs (width - 210 * mm), <, 0.01);
      g_assert_cmpfloat (fabs (height - 148.5 * mm), <, 0.01);
      g_assert_cmpfloat (fabs (x), <, 0.01);
      g_assert_cmpfloat (fabs (y - i * 148.5 * mm), <, 0.01);
    }

  /* Badges: 85 × 54 mm side by side, centred, in reading order. */
  g_assert_cmpuint (tdm_labels_per_sheet (TDM_REPORT_BADGES), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      double rtl_x, rtl_y;

      tdm_labels_get_box (TDM_REPORT_BADGES, i, FALSE, &x, &y, &width, &height);
      g_assert_cmpfloat (fabs (width - 85 * mm), <, 0.01);
      g_assert_cmpfloat (fabs (height - 54 * mm), <, 0.01);
      g_assert_cmpfloat (fabs (x - ((210 - 170) / 2.0 + (i % 2) * 85) * mm), <, 0.01);
      g_assert_cmpfloat (fabs (y - ((297 - 270) / 2.0 + (i / 2) * 54) * mm), <, 0.01);
      tdm_labels_get_box (TDM_REPORT_BADGES, i, TRUE, &rtl_x, &rtl_y, &width, &height);
      g_assert_cmpfloat (fabs (rtl_x - ((210 - 170) / 2.0 + (1 - i % 2) * 85) * mm), <, 0.01);
      g_assert_cmpfloat (fabs (rtl_y - y), <, 0.01);
    }

  for (guint k = 0; k < 2; k++)
    {
      TdmReportKind kind = k == 0 ? TDM_REPORT_STAND_LABELS : TDM_REPORT_BADGES;
      const char *language = k == 0 ? "fr" : "ar";
      g_autoptr(GError) error = NULL;
      g_autoptr(TdmDocument) doc = tdm_labels_new (store, fair_id, kind, language, &error);
      g_autofree char *name = g_strdup_printf ("geometry-%u.pdf", k);
      g_autofree char *path = NULL;
      g_autofree char *out = NULL;
      g_autofree char *text = NULL;
      g_autofree char *title = NULL;
      guint n_pages;

      g_assert_no_error (error);
      n_pages = tdm_document_get_n_pages (doc);
      g_assert_cmpuint (n_pages, >=, 2);

      /* Each sheet is a page drawn whole. */
      for (guint b = 0; b < tdm_document_get_n_blocks (doc); b++)
        {
          guint first, last;

          g_assert_true (tdm_document_get_block_extent (doc, b, &first, &last, &x, &y, &width, &height));
          g_assert_cmpuint (first, ==, b);
          g_assert_cmpuint (last, ==, b);
          g_assert_cmpfloat (fabs (x) + fabs (y), <, 0.01);
          g_assert_cmpfloat (fabs (width - 210 * mm), <, 0.01);
          g_assert_cmpfloat (fabs (height - 297 * mm), <, 0.01);
        }

      /* What is drawn: the stand labels' cut mark reaches the sheet's
       * edges, their content keeps 6 mm inside; the badges' cut marks
       * stand 3 + 9 points outside the grid. */
      ink_box (doc, 0, &left, &top, &right, &bottom);
      if (kind == TDM_REPORT_STAND_LABELS)
        {
          g_assert_cmpfloat (left, <, 0.6);
          g_assert_cmpfloat (right, >, 210 * mm - 0.6);
          g_assert_cmpfloat (fabs (top - 6 * mm), <, 1.0);
          g_assert_cmpfloat (fabs (bottom - (297 - 6) * mm), <, 1.0);
        }
      else
        {
          g_assert_cmpfloat (fabs (left - (20 * mm - 12)), <, 1.0);
          g_assert_cmpfloat (fabs (right - (190 * mm + 12)), <, 1.0);
          g_assert_cmpfloat (fabs (top - (13.5 * mm - 12)), <, 1.0);
          g_assert_cmpfloat (fabs (bottom - ((297 - 13.5) * mm + 12)), <, 1.0);
        }

      if (!tdm_test_have_poppler ())
        continue;

      /* A4 pages, without the running header and footer. */
      path = write_pdf (doc, name);
      {
        const char *argv[] = { "pdfinfo", "-f", "1", "-l", "2", path, NULL };

        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                     NULL, NULL, &out, NULL, NULL, &error));
        g_assert_no_error (error);
        g_assert_nonnull (strstr (out, "Page    1 size:  595.276 x 841.89 pts (A4)"));
        g_assert_nonnull (strstr (out, "Page    2 size:  595.276 x 841.89 pts (A4)"));
      }
      text = tdm_test_pdf_text (path, 1);
      title = g_strdup (tdm_document_get_title (doc));
      g_assert_false (has_text (text, title));
    }
}

static void
test_labels_no_stand (void)
{
  gint64 empty_fair;

  if (!tdm_test_have_poppler ())
    return;

  tdm_test_exec_sql (store, "INSERT INTO fair (title, edition) VALUES ('Salon sans stands', 1)");
  empty_fair = sqlite3_last_insert_rowid (tdm_store_get_db (store));

  /* One page that says so, under the document's heading. */
  for (guint i = 0; i < 2; i++)
    {
      TdmReportKind kind = i == 0 ? TDM_REPORT_STAND_LABELS : TDM_REPORT_BADGES;
      g_autoptr(GError) error = NULL;
      g_autoptr(TdmDocument) doc = tdm_labels_new (store, empty_fair, kind, "fr", &error);
      g_autofree char *name = g_strdup_printf ("no-stand-%u.pdf", i);
      g_autofree char *heading = tdm_test_translate ("fr", NULL, i == 0 ? "Stand labels" : "Badges");
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (doc);
      path = write_pdf (doc, name);
      g_assert_cmpuint (tdm_test_pdf_page_count (path), ==, 1);
      text = tdm_test_pdf_text (path, 0);
      g_assert_true (has_text (text, "Salon sans stands"));
      g_assert_true (has_text (text, heading));
    }
}

/* An organization outside the registry has one name: on the side its
 * script says. */
static void
test_labels_organization (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holders = NULL;
  g_autofree char *sql = NULL;
  gint64 stand_id;
  gboolean found = FALSE;

  sql = g_strdup_printf ("SELECT min(s.id) FROM stand s WHERE s.fair_id = %" G_GINT64_FORMAT
                         " AND s.kind = 'stand' AND s.capacity >"
                         " (SELECT count(*) FROM exhibitor e WHERE e.stand_id = s.id)", fair_id);
  stand_id = tdm_test_query_int (store, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO exhibitor (fair_id, organization_name, status, stand_id) VALUES"
                         " (%" G_GINT64_FORMAT ", 'جمعية الأمل للتنمية المحلية', 'confirmed', %" G_GINT64_FORMAT "),"
                         " (%" G_GINT64_FORMAT ", 'Association Amal', 'waitlisted', NULL)",
                         fair_id, stand_id, fair_id);
  tdm_test_exec_sql (store, sql);

  holders = tdm_store_list_stand_holders (store, fair_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < holders->len; i++)
    {
      TdmStandHolder *holder = g_ptr_array_index (holders, i);

      g_assert_nonnull (holder->stand_code);
      g_assert_true (holder->name_ar != NULL || holder->name_fr != NULL);
      /* A waitlisted exhibitor holds no stand, and gets no label. */
      g_assert_cmpstr (holder->name_fr, !=, "Association Amal");
      if (g_strcmp0 (holder->name_ar, "جمعية الأمل للتنمية المحلية") == 0)
        {
          g_assert_null (holder->name_fr);
          g_assert_nonnull (holder->pole_color);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_labels_unknown_fair (void)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdmDocument) doc = tdm_report_new (store, i == 0 ? TDM_REPORT_STAND_LABELS
                                                                 : TDM_REPORT_BADGES,
                                                   987654, "ar", &error);

      g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
      g_assert_null (doc);
    }
}

/* ---- fitting a name in a box ---------------------------------------------- */

static void
test_fit_text (void)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  const TdmFitText style = { PANGO_WEIGHT_BOLD, 26, 10, 2, PANGO_ALIGN_CENTER };
  g_autoptr(GString) long_name = g_string_new (NULL);
  const char *short_name = "Coopérative Annajah";
  PangoRectangle rect;

  while (g_utf8_strlen (long_name->str, -1) < 200)
    g_string_append (long_name, "تعاونية الأمل Al Amal للتنمية الفلاحية والصناعة التقليدية ");

  {
    /* A short name stays big, on one line. */
    g_autoptr(PangoLayout) layout = tdm_report_fit_text (cr, short_name, &style, 300, 80);

    g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
    g_assert_cmpint (pango_font_description_get_size (pango_layout_get_font_description (layout)), ==,
                     26 * PANGO_SCALE);
    g_assert_false (pango_layout_is_ellipsized (layout));
  }
  {
    /* A long one shrinks, wraps, then is cut: never out of its box. */
    g_autoptr(PangoLayout) layout = tdm_report_fit_text (cr, long_name->str, &style, 240, 60);

    pango_layout_get_extents (layout, NULL, &rect);
    g_assert_cmpint (pango_layout_get_line_count (layout), <=, 2);
    g_assert_cmpfloat ((double) rect.width / PANGO_SCALE, <=, 240);
    g_assert_cmpfloat ((double) rect.height / PANGO_SCALE, <=, 60);
    g_assert_true (pango_layout_is_ellipsized (layout));
  }
  {
    /* A box too low for two lines gets one. */
    g_autoptr(PangoLayout) layout = tdm_report_fit_text (cr, long_name->str, &style, 240, 24);

    g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
    pango_layout_get_extents (layout, NULL, &rect);
    g_assert_cmpfloat ((double) rect.width / PANGO_SCALE, <=, 240);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_format_dates (void)
{
  g_autofree char *one = tdm_report_format_date ("2024-10-15");
  g_autofree char *bad = tdm_report_format_date ("2024-02-30");
  g_autofree char *range = tdm_report_format_dates ("2024-10-15", "2024-10-24");
  g_autofree char *same = tdm_report_format_dates ("2024-10-15", "2024-10-15");
  g_autofree char *half = tdm_report_format_dates (NULL, "2024-10-24");

  g_assert_cmpstr (one, ==, "15/10/2024");
  g_assert_null (bad);
  g_assert_cmpstr (range, ==, "15/10/2024 – 24/10/2024");
  g_assert_cmpstr (same, ==, "15/10/2024");
  g_assert_cmpstr (half, ==, "24/10/2024");
  g_assert_null (tdm_report_format_dates (NULL, NULL));
}

/* ---- set-up ------------------------------------------------------------------ */

/* An exhibitor on a stand of FAIR_ID, renamed with 200-character mixed
 * names, a long address and products, twelve labels and six more fairs. */
static void
add_long_cooperative (void)
{
  g_autoptr(GString) name_ar = g_string_new (NULL);
  g_autoptr(GString) name_fr = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *query = NULL;

  while (g_utf8_strlen (name_ar->str, -1) < 200)
    g_string_append (name_ar, "تعاونية الأمل ONSSA للتنمية الفلاحية والصناعة التقليدية والمنتجات المجالية ");
  while (g_utf8_strlen (name_fr->str, -1) < 200)
    g_string_append (name_fr, "Coopérative Al Amal تضامن pour le développement agricole et les produits du terroir ");
  g_string_truncate (name_ar, g_utf8_offset_to_pointer (name_ar->str, 200) - name_ar->str);
  g_string_truncate (name_fr, g_utf8_offset_to_pointer (name_fr->str, 200) - name_fr->str);

  query = g_strdup_printf ("SELECT min(cooperative_id) FROM exhibitor WHERE fair_id = %" G_GINT64_FORMAT
                           " AND stand_id IS NOT NULL", fair_id);
  long_coop_id = tdm_test_query_int (store, query);

  g_string_append_printf (sql,
                          "UPDATE cooperative SET name_ar = '%s', name_fr = '%s', "
                          "address = 'Douar Ait Ben Haddou, route nationale 9, kilomètre 23, commune rurale d''Ait Zineb, province d''Ouarzazate', "
                          "products = 'Huile d''argan, amlou, miel de thym, couscous, plantes aromatiques, savon beldi, tapis, poterie, safran, dattes, figues de Barbarie, eau de rose' "
                          "WHERE id = %" G_GINT64_FORMAT ";",
                          name_ar->str, name_fr->str, long_coop_id);
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (sql,
                            "INSERT INTO cooperative_label (cooperative_id, name, issued_on, expires_on) "
                            "VALUES (%" G_GINT64_FORMAT ", 'Indication géographique protégée n° %u', '2022-01-1%u', '2027-01-1%u');",
                            long_coop_id, i, i % 10, i % 10);
  for (guint i = 0; i < 6; i++)
    g_string_append_printf (sql,
                            "INSERT INTO fair (title, edition, city, start_date, end_date) VALUES "
                            "('Foire nationale de l''économie sociale et solidaire, édition de la région %u', %u, 'Rabat', '2019-0%u-10', '2019-0%u-14');"
                            "INSERT INTO exhibitor (fair_id, cooperative_id, status) VALUES (last_insert_rowid (), %" G_GINT64_FORMAT ", 'applied');",
                            i, i + 1, i + 1, i + 1, long_coop_id);
  tdm_test_exec_sql (store, sql->str);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tdm_test_init_catalogues ();
  g_test_init (&argc, &argv, NULL);

  store = tdm_test_open_demo_store (N_DEMO_COOPERATIVES, 11);
  fair_id = tdm_test_query_int (store,
                                "SELECT fair_id FROM exhibitor WHERE stand_id IS NOT NULL "
                                "GROUP BY fair_id ORDER BY count(*) DESC LIMIT 1");
  add_long_cooperative ();
  work_dir = g_dir_make_tmp ("tdm-registry-report-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/report/registry/format-dates", test_format_dates);
  g_test_add_func ("/report/registry/fit-text", test_fit_text);
  g_test_add_func ("/report/registry/summary", test_summary);
  g_test_add_func ("/report/registry/summary/empty", test_summary_empty);
  g_test_add_func ("/report/registry/registry/fr", test_registry_fr);
  g_test_add_func ("/report/registry/registry/ar", test_registry_ar);
  g_test_add_func ("/report/registry/registry/empty", test_registry_empty);
  g_test_add_func ("/report/registry/registry/words", test_registry_words);
  g_test_add_func ("/report/registry/sheet/demo", test_sheet);
  g_test_add_func ("/report/registry/sheet/long-names", test_sheet_long_names);
  g_test_add_func ("/report/registry/sheet/sparse", test_sheet_sparse);
  g_test_add_func ("/report/registry/sheet/unknown", test_sheet_unknown);
  g_test_add_func ("/report/registry/labels/demo", test_labels);
  g_test_add_func ("/report/registry/labels/badges", test_badges);
  g_test_add_func ("/report/registry/labels/geometry", test_labels_geometry);
  g_test_add_func ("/report/registry/labels/organization", test_labels_organization);
  g_test_add_func ("/report/registry/labels/no-stand", test_labels_no_stand);
  g_test_add_func ("/report/registry/labels/unknown-fair", test_labels_unknown_fair);

  status = g_test_run ();

  if (g_getenv ("TDM_TEST_KEEP_PDF") == NULL)
    tdm_test_remove_dir (work_dir);
  else
    g_printerr ("PDFs kept in %s\n", work_dir);
  g_free (work_dir);
  g_object_unref (store);
  return status;
}
