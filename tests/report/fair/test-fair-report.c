/* test-fair-report.c: the fair summary report as PDF, in Arabic and in
 * French, read back with poppler: the figures computed here with SQL,
 * names and stand codes, headings in the report's language whatever
 * LANGUAGE says; a fair with no exhibitor, one with 2,000, a partner
 * name of 200 characters and mixed Arabic and Latin names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tdm-fairs.h"
#include "tdm-report.h"
#include "tdm-test-util.h"

#define N_DEMO_COOPERATIVES 2000

static TdmStore *store;       /* the demo database, shared */
static char *work_dir;
static gint64 fes_id;         /* the demo fair with days and 260 exhibitors */

/* ---- text as pdftotext gives it back -------------------------------- */

/* Both compared on their tdm_test_pdf_skeleton(). */
static gboolean
text_has (const char *pdf_text,
          const char *needle)
{
  g_autofree char *hay = tdm_test_pdf_skeleton (pdf_text);
  g_autofree char *pin = tdm_test_pdf_skeleton (needle);

  return strstr (hay, pin) != NULL;
}

#define assert_text_has(pdf_text, needle) \
  G_STMT_START { \
    if (!text_has ((pdf_text), (needle))) \
      g_error ("“%s” not found in the PDF's text:\n%s", (needle), (pdf_text)); \
  } G_STMT_END

/* TRUE when one line of PDF_TEXT holds both A and B (a table row). */
static gboolean
line_has_both (const char *pdf_text,
               const char *a,
               const char *b)
{
  g_auto(GStrv) lines = g_strsplit (pdf_text, "\n", -1);
  g_autofree char *sa = tdm_test_pdf_skeleton (a);
  g_autofree char *sb = tdm_test_pdf_skeleton (b);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = tdm_test_pdf_skeleton (lines[i]);

      if (strstr (line, sa) != NULL && strstr (line, sb) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_arabic_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC)
      return TRUE;
  return FALSE;
}

/* A test of the report's language needs the catalogue's words. */
static void
assert_translated (const char *language,
                   const char *translation,
                   const char *msgid)
{
  if (g_str_equal (translation, msgid))
    g_error ("the %s catalogue does not translate “%s”", language, msgid);
}

/* ---- building and reading a report ---------------------------------- */

typedef struct {
  char  *path;
  guint  pages;
  char  *text;      /* every page */
} Pdf;

static void
pdf_clear (Pdf *pdf)
{
  g_clear_pointer (&pdf->path, g_free);
  g_clear_pointer (&pdf->text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pdf, pdf_clear)

static void
write_report (gint64      fair_id,
              const char *language,
              Pdf        *pdf)
{
  g_autoptr(TdmDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("fair-%" G_GINT64_FORMAT "-%s.pdf", fair_id, language);

  doc = tdm_fair_report_new (store, fair_id, language, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (tdm_document_get_language (doc), ==, language);
  /* Built in its own language, the process's is back as it was. */
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");

  pdf->path = g_build_filename (work_dir, name, NULL);
  g_assert_true (tdm_document_write_pdf (doc, pdf->path, &error));
  g_assert_no_error (error);

  pdf->pages = tdm_test_pdf_page_count (pdf->path);
  g_assert_cmpuint (pdf->pages, ==, tdm_document_get_n_pages (doc));
  pdf->text = tdm_test_pdf_text (pdf->path, 0);
}

static char *
page_text (Pdf   *pdf,
           guint  page)
{
  return tdm_test_pdf_text (pdf->path, page);
}

static char *
query_text (const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (tdm_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gint64
add_fair (const char *title)
{
  g_autoptr(TdmFair) fair = tdm_fair_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (fair, "title", title, NULL);
  g_assert_true (tdm_store_save_fair (store, fair, &error));
  g_assert_no_error (error);
  return tdm_fair_get_id (fair);
}

/* ---- tests ---------------------------------------------------------- */

static void
test_unknown_fair (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmDocument) doc = tdm_fair_report_new (store, 424242, "fr", &error);

  g_assert_null (doc);
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
}

/* The value of the first column of SQL (FAIR_ID is its ?1) as the
 * document NUMBERS writes it. */
static char *
figure (TdmDocument *numbers,
        gboolean     percent,
        const char  *sql,
        gint64       fair_id)
{
  sqlite3_stmt *stmt = NULL;
  double value;

  g_assert_cmpint (sqlite3_prepare_v2 (tdm_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, fair_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);

  return percent ? tdm_document_format_percent (numbers, value, 0)
                 : tdm_document_format_number (numbers, value, 0);
}

/* The key figures, computed here, as the document of LANGUAGE writes
 * numbers. */
static void
check_key_figures (Pdf        *pdf,
                   const char *language,
                   gint64      fair_id)
{
  g_autoptr(TdmDocument) numbers = tdm_document_new (language);
  g_autofree char *page = page_text (pdf, 2);
  const struct {
    const char *what;
    gboolean    percent;
    const char *sql;
  } figures[] = {
    { "stands", FALSE, "SELECT count(*) FROM stand WHERE fair_id = ?1 AND kind = 'stand'" },
    { "exhibitors", FALSE,
      "SELECT count(*) FROM exhibitor WHERE fair_id = ?1 AND status IN ('accepted', 'confirmed')" },
    { "cooperatives", FALSE,
      "SELECT count(*) FROM exhibitor WHERE fair_id = ?1 AND status IN ('accepted', 'confirmed')"
      " AND cooperative_id IS NOT NULL" },
    { "provinces", FALSE,
      "SELECT count(DISTINCT c.province_id) FROM exhibitor ex JOIN cooperative c ON c.id = ex.cooperative_id"
      " WHERE ex.fair_id = ?1 AND ex.status IN ('accepted', 'confirmed')" },
    /* Women more than half the members, among those that recorded some. */
    { "women-led share", TRUE,
      "SELECT avg(c.women * 2 > c.members) FROM exhibitor ex JOIN cooperative c ON c.id = ex.cooperative_id"
      " WHERE ex.fair_id = ?1 AND ex.status IN ('accepted', 'confirmed') AND c.members > 0" },
    { "visitors", FALSE, "SELECT sum(visitors) FROM fair_day WHERE fair_id = ?1" },
    { "sales", FALSE, "SELECT round(sum(sales)) FROM fair_day WHERE fair_id = ?1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *expected = figure (numbers, figures[i].percent, figures[i].sql, fair_id);

      g_test_message ("%s: %s", figures[i].what, expected);
      assert_text_has (page, expected);
    }
}

static void
check_demo_report (const char *language)
{
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *cover = NULL;
  g_autofree char *title = query_text ("SELECT title FROM fair WHERE title LIKE '%Fès-Meknès%'");
  const char *headings[] = { "Key figures", "The fair in charts", "Exhibitors by pole",
                             "Press coverage", "Partners", "Exhibitor" };
  gboolean arabic = g_str_equal (language, "ar");
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  guint checked = 0;

  if (!tdm_test_have_poppler ())
    return;

  write_report (fes_id, language, &pdf);
  g_test_message ("%s: %u pages", language, pdf.pages);
  /* Cover, figures, charts, 241 rows of exhibitors, partners, press. */
  g_assert_cmpuint (pdf.pages, >=, 8);
  g_assert_cmpuint (pdf.pages, <=, 24);

  cover = page_text (&pdf, 1);
  assert_text_has (cover, title);
  {
    g_autofree char *edition = tdm_test_translate (language, "fair edition", "3rd edition");
    g_autofree char *october = tdm_test_translate (language, "month name", "October");
    g_autofree char *organizer = query_text ("SELECT p.name FROM fair_partner fp JOIN partner p ON p.id = fp.partner_id"
                                             " JOIN fair f ON f.id = fp.fair_id"
                                             " WHERE f.title LIKE '%Fès-Meknès%' AND fp.role = 'organizer'");

    assert_text_has (cover, edition);
    assert_text_has (cover, october);
    assert_text_has (cover, organizer);
  }

  check_key_figures (&pdf, language, fes_id);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *heading = tdm_test_translate (language, NULL, headings[i]);

      /* The catalogue has it, in the report's script. */
      assert_translated (language, heading, headings[i]);
      g_assert_true (has_arabic_letter (heading) == arabic);
      assert_text_has (pdf.text, heading);
      g_assert_false (text_has (pdf.text, headings[i]));
    }
  assert_text_has (pdf.text, arabic ? "الشركاء" : "Partenaires");

  /* Exhibitors on the row of their stand code, named in the report's
   * language. */
  sql = g_strdup_printf ("SELECT %s, s.code FROM exhibitor ex"
                         " JOIN cooperative c ON c.id = ex.cooperative_id"
                         " JOIN stand s ON s.id = ex.stand_id"
                         " WHERE ex.fair_id = %" G_GINT64_FORMAT " AND length(%s) < 34"
                         " ORDER BY ex.id LIMIT 6",
                         arabic ? "c.name_ar" : "c.name_fr", fes_id,
                         arabic ? "c.name_ar" : "c.name_fr");
  g_assert_cmpint (sqlite3_prepare_v2 (tdm_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *code = (const char *) sqlite3_column_text (stmt, 1);

      if (!line_has_both (pdf.text, code, name))
        g_error ("no row with “%s” and stand %s", name, code);
      checked++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (checked, ==, 6);

  /* The press: by date; the article with only a rejected fact is not
   * there. */
  {
    const char *first = strstr (pdf.text, "Salon de Fès : bilan");
    const char *second = strstr (pdf.text, "Clôture du salon");

    g_assert_nonnull (first);
    g_assert_nonnull (second);
    g_assert_true (second < first);
    assert_text_has (pdf.text, "هسبريس");
    g_assert_null (strstr (pdf.text, "Article sans rapport"));
  }
}

static void
test_demo_fr (void)
{
  check_demo_report ("fr");
}

static void
test_demo_ar (void)
{
  check_demo_report ("ar");
}

static void
test_no_exhibitors (void)
{
  gint64 fair_id = add_fair ("Foire sans exposant");
  const char *languages[] = { "fr", "ar" };

  if (!tdm_test_have_poppler ())
    return;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_auto(Pdf) pdf = { 0 };
      const char *messages[] = { "No exhibitor was accepted for this fair.", "not recorded",
                                 "Dates not recorded", "No partner is recorded for this fair.",
                                 "No press article about this fair has been imported.",
                                 "Nothing to show" };

      write_report (fair_id, languages[l], &pdf);
      /* Cover, figures and charts, the sections that say what is
       * missing. */
      g_assert_cmpuint (pdf.pages, >=, 3);
      g_assert_cmpuint (pdf.pages, <=, 6);
      assert_text_has (pdf.text, "Foire sans exposant");
      for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
        {
          g_autofree char *message = tdm_test_translate (languages[l], NULL, messages[i]);

          assert_translated (languages[l], message, messages[i]);
          assert_text_has (pdf.text, message);
        }
    }
}

static void
test_large_fair (void)
{
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *sql = NULL;
  g_autofree char *header = tdm_test_translate ("fr", NULL, "Exhibitor");
  g_autofree char *last = NULL;
  gint64 fair_id = add_fair ("Grand salon national");
  gint64 timer;

  if (!tdm_test_have_poppler ())
    return;

  /* 2,000 confirmed exhibitors: 1,900 on 950 stands of one pole, 100
   * without a stand. */
  sql = g_strdup_printf ("INSERT INTO pole (id, fair_id, name_fr, name_ar, color, position)"
                         " VALUES (900, %1$" G_GINT64_FORMAT ", 'Pôle national', 'القطب الوطني', '#26a269', 0);"
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 950)"
                         " INSERT INTO stand (fair_id, pole_id, code, x, y, capacity)"
                         " SELECT %1$" G_GINT64_FORMAT ", 900, printf('N-%%d', i), 0, 0, 2 FROM n;"
                         "INSERT INTO exhibitor (fair_id, cooperative_id, status)"
                         " SELECT %1$" G_GINT64_FORMAT ", id, 'confirmed' FROM cooperative ORDER BY id LIMIT 2000;"
                         "UPDATE exhibitor SET stand_id = (SELECT s.id FROM stand s WHERE s.fair_id = %1$" G_GINT64_FORMAT
                         "  AND s.code = printf('N-%%d', (exhibitor.cooperative_id + 1) / 2))"
                         " WHERE fair_id = %1$" G_GINT64_FORMAT " AND cooperative_id <= 1900;",
                         fair_id);
  tdm_test_exec_sql (store, sql);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM exhibitor WHERE stand_id IN"
                                              " (SELECT id FROM stand WHERE pole_id = 900)"), ==, 1900);

  timer = g_get_monotonic_time ();
  write_report (fair_id, "fr", &pdf);
  g_test_message ("2,000 exhibitors: %u pages, %.2f s to build and write",
                  pdf.pages, (g_get_monotonic_time () - timer) / 1e6);

  /* About forty rows a page, and every page of the table repeats its
   * header. */
  g_assert_cmpuint (pdf.pages, >=, 30);
  g_assert_cmpuint (pdf.pages, <=, 120);
  g_assert_cmpuint (tdm_test_count_substrings (pdf.text, header), >=, pdf.pages - 6);
  assert_text_has (pdf.text, "N-950");

  /* An exhibitor without a stand, at the end of the table. */
  last = query_text ("SELECT coalesce(name_fr, name_ar) FROM cooperative WHERE id BETWEEN 1901 AND 2000"
                     " ORDER BY coalesce(name_fr, name_ar) COLLATE NOCASE DESC LIMIT 1");
  assert_text_has (pdf.text, last);
}

static void
test_long_and_mixed_names (void)
{
  const char *words[] = { "Association", "régionale", "des", "coopératives", "féminines", "de",
                          "l’artisanat", "et", "du", "terroir", "de", "l’Oriental" };
  g_autoptr(GString) built = g_string_new (NULL);
  g_autofree char *long_name = NULL;
  const char *mixed = "Coopérative Nour تعاونية النور 2030";
  const char *languages[] = { "fr", "ar" };
  g_autofree char *sql = NULL;
  gint64 fair_id = add_fair ("Salon des noms");

  if (!tdm_test_have_poppler ())
    return;

  for (guint i = 0; g_utf8_strlen (built->str, -1) < 200; i++)
    g_string_append_printf (built, "%s%s", i > 0 ? " " : "", words[i % G_N_ELEMENTS (words)]);
  long_name = g_utf8_substring (built->str, 0, 200);
  g_assert_cmpuint (g_utf8_strlen (long_name, -1), ==, 200);
  g_assert_cmpint (long_name[strlen (long_name) - 1], !=, ' ');

  sql = g_strdup_printf ("INSERT INTO partner (id, name, name_key) VALUES (901, '%1$s', 'long'), (902, '%2$s', 'mixed');"
                         "INSERT INTO fair_partner (fair_id, partner_id, role, amount) VALUES"
                         " (%3$" G_GINT64_FORMAT ", 901, 'organizer', 250000), (%3$" G_GINT64_FORMAT ", 902, 'sponsor', NULL);"
                         "INSERT INTO exhibitor (fair_id, organization_name, status) VALUES"
                         " (%3$" G_GINT64_FORMAT ", '%2$s', 'accepted');",
                         long_name, mixed, fair_id);
  tdm_test_exec_sql (store, sql);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_auto(Pdf) pdf = { 0 };
      g_autofree char *cover = NULL;
      /* The name's last word: nothing was cut off. */
      const char *tail = strrchr (long_name, ' ') + 1;

      write_report (fair_id, languages[l], &pdf);
      cover = page_text (&pdf, 1);
      /* Whole on the cover, where it runs across the page. */
      assert_text_has (cover, long_name);
      /* Mixed: the bidi algorithm orders the runs (the number goes with
       * the Arabic run), both whole on one line. */
      g_assert_true (line_has_both (cover, "Coopérative Nour", "تعاونية النور"));
      /* In the partners' table and the exhibitors', wrapped in its cell
       * but whole. */
      g_assert_cmpuint (tdm_test_count_substrings (pdf.text, tail), >=, 2);
      assert_text_has (pdf.text, "تعاونية النور");
      g_assert_cmpuint (tdm_test_count_substrings (pdf.text, "Nour"), >=, 3);
    }
}

/* Articles about the demo fair of Fès: two applied to it, one naming it
 * in an accepted fact, one with only a rejected fact, one elsewhere. */
static void
add_articles (void)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO article (id, source, title, published_on, raw_text, body, content_hash, fair_id)"
                     " VALUES (801, 'Le Matin', 'Salon de Fès : bilan de la 3e édition', '2024-10-28', 'a', 'a', 'h801', %1$" G_GINT64_FORMAT "),"
                     " (802, 'هسبريس', 'افتتاح المعرض الجهوي للاقتصاد الاجتماعي بفاس', '2024-10-15', 'b', 'b', 'h802', %1$" G_GINT64_FORMAT "),"
                     " (803, 'L’Économiste', 'Clôture du salon régional', '2024-10-25', 'c', 'c', 'h803', NULL),"
                     " (804, 'Autre', 'Article sans rapport', '2024-10-20', 'd', 'd', 'h804', NULL);"
                     "INSERT INTO article_fact (article_id, kind, value, status, linked_table, linked_id) VALUES"
                     " (803, 'title', 'Salon', 'accepted', 'fair', %1$" G_GINT64_FORMAT "),"
                     " (804, 'title', 'Salon', 'rejected', 'fair', %1$" G_GINT64_FORMAT ");",
                     fes_id);

  tdm_test_exec_sql (store, sql);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tdm_test_init_catalogues ();
  g_test_init (&argc, &argv, NULL);

  store = tdm_test_open_demo_store (N_DEMO_COOPERATIVES, 7);
  fes_id = tdm_test_query_int (store, "SELECT id FROM fair WHERE title LIKE '%Fès-Meknès%'");
  add_articles ();
  work_dir = g_dir_make_tmp ("tdm-fair-report-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/report/fair/unknown-fair", test_unknown_fair);
  g_test_add_func ("/report/fair/demo/fr", test_demo_fr);
  g_test_add_func ("/report/fair/demo/ar", test_demo_ar);
  g_test_add_func ("/report/fair/no-exhibitors", test_no_exhibitors);
  g_test_add_func ("/report/fair/2000-exhibitors", test_large_fair);
  g_test_add_func ("/report/fair/long-and-mixed-names", test_long_and_mixed_names);

  status = g_test_run ();

  tdm_test_remove_dir (work_dir);
  g_free (work_dir);
  g_object_unref (store);
  return status;
}
