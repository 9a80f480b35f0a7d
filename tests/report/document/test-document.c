/* test-document.c: the page layout layer of reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "tdm-document.h"
#include "tdm-document-private.h"
#include "tdm-number-format.h"
#include "tdm-report-language.h"
#include "tdm-test-util.h"

#define HEADER_STAND   "Numéro"
#define HEADER_NAME    "Raison sociale"
#define HEADER_SALES   "Ventes déclarées"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tdm-document-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  tdm_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* "K0001"… one code per row; groups of GROUP_SIZE rows (0: none). */
static TdmDocumentTable *
make_table (guint n_rows,
            guint group_size)
{
  TdmDocumentTable *table = tdm_document_table_new ();

  tdm_document_table_add_column (table, HEADER_STAND, 1, TDM_COLUMN_START);
  tdm_document_table_add_column (table, HEADER_NAME, 3, TDM_COLUMN_START);
  tdm_document_table_add_column (table, HEADER_SALES, 1.2, TDM_COLUMN_END);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *code = g_strdup_printf ("K%04u", i + 1);
      g_autofree char *name = g_strdup_printf ("Coopérative numéro %u", i + 1);
      g_autofree char *sales = g_strdup_printf ("%u", 1000 + i * 7);
      const char *cells[] = { code, name, sales };

      if (group_size > 0 && i % group_size == 0)
        {
          g_autofree char *title = g_strdup_printf ("Pôle %c", 'A' + i / group_size);

          tdm_document_table_add_group (table, title, "#2e7d32");
        }
      tdm_document_table_add_row (table, cells);
    }
  return table;
}

static char *
pdf_page_text (const char *path,
               guint       page)
{
  char *text = tdm_test_pdf_text (path, page);

  g_assert_nonnull (text);
  return text;
}

/* The table's rows are all there, each once, with the header row on every
 * page it runs over. */
static void
check_table_pdf (TdmDocument *doc,
                 const char  *path,
                 guint        n_rows)
{
  guint n_pages = tdm_document_get_n_pages (doc);
  g_autofree char *all = NULL;

  g_assert_cmpuint (tdm_test_pdf_page_count (path), ==, n_pages);

  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_page_text (path, p);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p, n_pages);

      g_assert_cmpuint (tdm_test_count_substrings (text, HEADER_STAND), ==, 1);
      g_assert_cmpuint (tdm_test_count_substrings (text, HEADER_NAME), ==, 1);
      g_assert_cmpuint (tdm_test_count_substrings (text, HEADER_SALES), ==, 1);
      g_assert_cmpuint (tdm_test_count_substrings (text, footer), ==, 1);
    }

  all = pdf_page_text (path, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *code = g_strdup_printf ("K%04u", i + 1);

      if (tdm_test_count_substrings (all, code) != 1)
        g_error ("row %s found %u times", code, tdm_test_count_substrings (all, code));
    }
}

static void
test_table_540 (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TdmDocument) doc = tdm_document_new ("fr");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "table.pdf");
  g_autofree char *page2 = NULL;
  guint first, last;
  gint64 start;

  if (!tdm_test_have_poppler ())
    return;

  tdm_document_set_title (doc, "Exposants");
  tdm_document_add_heading (doc, 1, "Exposants par pôle");
  tdm_document_add_table (doc, make_table (540, 100));

  start = g_get_monotonic_time ();
  g_assert_true (tdm_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_test_message ("540 rows: laid out and written in %.0f ms, %u pages",
                  (g_get_monotonic_time () - start) / 1000.0, tdm_document_get_n_pages (doc));

  g_assert_cmpuint (tdm_document_get_n_pages (doc), >=, 10);
  check_table_pdf (doc, path, 540);

  /* What a print preview pays for each redraw of a page. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
    cairo_t *cr = cairo_create (surface);

    start = g_get_monotonic_time ();
    for (guint i = 0; i < 10; i++)
      tdm_document_draw_page (doc, cr, 1);
    g_test_message ("a table page drawn in %.1f ms", (g_get_monotonic_time () - start) / 10000.0);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  /* The table runs from the first page to the last. */
  g_assert_true (tdm_document_get_block_extent (doc, 1, &first, &last, NULL, NULL, NULL, NULL));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, tdm_document_get_n_pages (doc) - 1);

  /* "Pôle A" (rows 1 to 100) goes on over the first break: repeated,
   * marked as continued, under the repeated header. */
  page2 = pdf_page_text (path, 2);
  g_assert_cmpuint (tdm_test_count_substrings (page2, "Pôle A (continued)"), ==, 1);
  g_assert_cmpuint (tdm_test_count_substrings (page2, "Pôle B (continued)"), ==, 0);
  g_assert_true (strstr (page2, HEADER_STAND) < strstr (page2, "Pôle A (continued)"));
}

static void
test_table_2000 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TdmDocument) doc = tdm_document_new ("fr");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "big.pdf");
  gint64 start;

  if (!tdm_test_have_poppler ())
    return;

  tdm_document_add_table (doc, make_table (2000, 0));
  start = g_get_monotonic_time ();
  g_assert_true (tdm_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_test_message ("2,000 rows: laid out and written in %.0f ms, %u pages",
                  (g_get_monotonic_time () - start) / 1000.0, tdm_document_get_n_pages (doc));
  check_table_pdf (doc, path, 2000);
}

/* A 200-character name and a mixed Arabic and Latin name come out whole,
 * and a tall row is never cut by a page break. */
static void
test_long_and_mixed_cells (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *languages[] = { "fr", "ar" };
  const char *long_name =
    "Association régionale des femmes artisanes Alpha Bravo Charlie Delta Echo "
    "Foxtrot Golf Hotel India Juliett Kilo Lima Mike November Oscar Papa Quebec "
    "Romeo Sierra Tango Uniform Victor Whiskey Xray";
  g_auto(GStrv) words = g_strsplit (long_name, " ", -1);

  g_assert_cmpuint (g_utf8_strlen (long_name, -1), >=, 195);

  if (!tdm_test_have_poppler ())
    return;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(TdmDocument) doc = tdm_document_new (languages[l]);
      g_autoptr(GError) error = NULL;
      g_autofree char *path = fixture_path (fixture, "cells.pdf");
      TdmDocumentTable *table = tdm_document_table_new ();
      g_autofree char *all = NULL;
      gboolean found_page = FALSE;

      tdm_document_table_add_column (table, "Code", 1, TDM_COLUMN_START);
      tdm_document_table_add_column (table, "Nom", 3, TDM_COLUMN_START);
      /* Rows of long names over several pages: each one whole on a page. */
      for (guint i = 0; i < 120; i++)
        {
          g_autofree char *code = g_strdup_printf ("L%03u", i);
          const char *cells[] = { code, i == 60 ? "تعاونية تيفاوين Tifawin pour l’argan" : long_name };

          tdm_document_table_add_row (table, cells);
        }
      tdm_document_add_table (doc, table);
      g_assert_true (tdm_document_write_pdf (doc, path, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (tdm_document_get_n_pages (doc), >, 2);

      all = pdf_page_text (path, 0);
      g_assert_nonnull (strstr (all, "Tifawin pour l’argan"));
      g_assert_nonnull (strstr (all, "تيفاوين"));

      for (guint p = 1; p <= tdm_document_get_n_pages (doc); p++)
        {
          g_autofree char *text = pdf_page_text (path, p);
          guint n_rows = 0;
          guint n_mixed = tdm_test_count_substrings (text, "Tifawin");

          for (guint i = 0; i < 120; i++)
            {
              g_autofree char *code = g_strdup_printf ("L%03u", i);

              n_rows += tdm_test_count_substrings (text, code);
            }
          for (guint w = 0; words[w] != NULL; w++)
            {
              /* Every long name on the page entire: each word once per row. */
              if (tdm_test_count_substrings (text, words[w]) != n_rows - n_mixed
                  && strlen (words[w]) > 4)
                g_error ("%s page %u: “%s” found %u times for %u rows", languages[l], p,
                         words[w], tdm_test_count_substrings (text, words[w]), n_rows - n_mixed);
            }
          found_page |= n_mixed == 1;
        }
      g_assert_true (found_page);
    }
}

/* Where the ink between Y and Y + HEIGHT lies across page PAGE, drawn at
 * 1 px/pt. */
static void
band_ink (TdmDocument *doc,
          guint        page,
          double       y,
          double       height,
          double      *ink_left,
          double      *ink_right)
{
  double width;
  cairo_surface_t *surface;
  cairo_t *cr;
  int left = G_MAXINT, right = -1, stride;
  guint8 *data;

  tdm_document_get_page_size (doc, page, &width, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width + 1, 842 + 1);
  cr = cairo_create (surface);
  tdm_document_draw_page (doc, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int row = (int) y; row < (int) (y + height); row++)
    for (int x = 0; x < (int) width; x++)
      {
        guint32 pixel = *(guint32 *) (data + row * stride + x * 4);

        if ((pixel & 0xffffff) != 0xffffff)
          {
            left = MIN (left, x);
            right = MAX (right, x);
          }
      }
  cairo_surface_destroy (surface);

  g_assert_cmpint (right, >=, 0);
  *ink_left = left;
  *ink_right = right;
}

static void
block_ink (TdmDocument *doc,
           guint        index,
           double      *ink_left,
           double      *ink_right)
{
  guint page;
  double y, height;

  g_assert_true (tdm_document_get_block_extent (doc, index, &page, NULL, NULL, &y, NULL, &height));
  band_ink (doc, page, y, height, ink_left, ink_right);
}

static void
test_direction (void)
{
  g_autoptr(TdmDocument) ar = tdm_document_new ("ar");
  g_autoptr(TdmDocument) fr = tdm_document_new ("fr");
  double left, right;

  g_assert_true (tdm_document_get_rtl (ar));
  g_assert_false (tdm_document_get_rtl (fr));

  /* Level 3: no rule under it, only the text's ink. */
  tdm_document_add_heading (ar, 3, "الأرقام الرئيسية");
  tdm_document_add_heading (fr, 3, "Chiffres clés");

  block_ink (ar, 0, &left, &right);
  g_assert_cmpfloat (right, >, TDM_A4_WIDTH_PT - 51 - 4);
  g_assert_cmpfloat (right, <=, TDM_A4_WIDTH_PT - 51 + 1);
  g_assert_cmpfloat (left, >, TDM_A4_WIDTH_PT / 2);

  block_ink (fr, 0, &left, &right);
  g_assert_cmpfloat (left, >=, 51 - 1);
  g_assert_cmpfloat (left, <, 51 + 4);
  g_assert_cmpfloat (right, <, TDM_A4_WIDTH_PT / 2);
}

/* A table's first column is on the right in Arabic, on the left in
 * French: the ink of the last row's only cell tells. */
static void
test_table_direction (void)
{
  const char *languages[] = { "ar", "fr" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(TdmDocument) doc = tdm_document_new (languages[l]);
      TdmDocumentTable *table = tdm_document_table_new ();
      const char *row[] = { l == 0 ? "تعاونية" : "Coopérative", "", "" };
      guint page;
      double y, height, left, right;

      tdm_document_table_add_column (table, "A", 1, TDM_COLUMN_START);
      tdm_document_table_add_column (table, "B", 1, TDM_COLUMN_START);
      tdm_document_table_add_column (table, "C", 1, TDM_COLUMN_END);
      tdm_document_table_add_row (table, row);
      tdm_document_add_table (doc, table);

      g_assert_true (tdm_document_get_block_extent (doc, 0, &page, NULL, NULL, &y, NULL, &height));
      /* The row without the rule under the table. */
      band_ink (doc, page, y + height - 12, 8, &left, &right);
      if (l == 0)
        {
          g_assert_cmpfloat (left, >, 51 + 2 * (TDM_A4_WIDTH_PT - 102) / 3);
          g_assert_cmpfloat (right, >, TDM_A4_WIDTH_PT - 51 - 8);
        }
      else
        {
          g_assert_cmpfloat (right, <, 51 + (TDM_A4_WIDTH_PT - 102) / 3);
          g_assert_cmpfloat (left, <, 51 + 8);
        }
    }
}

static void
add_filler (TdmDocument *doc,
            double       height)
{
  tdm_document_add_paragraph (doc, "Texte d’introduction.");
  tdm_document_add_space (doc, height);
}

/* A heading at the foot of a page goes over with what it introduces. */
static void
test_heading_kept (void)
{
  struct {
    const char *what;
    guint       kind;
  } cases[] = { { "table", 0 }, { "chart", 1 }, { "tiles", 2 }, { "paragraph", 3 } };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(TdmDocument) doc = tdm_document_new ("fr");
      guint heading_page, next_page;
      double y, height;
      TdmDocumentTile tile = { "540", "Exposants", NULL };

      /* The heading itself fits at the page's foot; what follows does not. */
      add_filler (doc, 640);
      tdm_document_add_heading (doc, 2, "Section");
      switch (cases[c].kind)
        {
        case 0:
          tdm_document_add_table (doc, make_table (5, 0));
          break;
        case 1:
          {
            g_autoptr(TdmChart) chart = tdm_chart_new (TDM_CHART_BARS);

            tdm_document_add_chart (doc, chart, 200);
          }
          break;
        case 2:
          tdm_document_add_tiles (doc, &tile, 1);
          break;
        default:
          tdm_document_add_paragraph (doc, "Un paragraphe de plusieurs lignes, assez long pour en occuper "
                                           "au moins trois sur la largeur de la page : il faut que la "
                                           "première ligne ne tienne pas sous le titre en bas de page, ce "
                                           "que le titre, lui, ferait seul sans difficulté.");
          break;
        }

      g_assert_true (tdm_document_get_block_extent (doc, 2, &heading_page, NULL, NULL, &y, NULL, &height));
      g_assert_true (tdm_document_get_block_extent (doc, 3, &next_page, NULL, NULL, NULL, NULL, NULL));
      if (heading_page != 1 || next_page != 1)
        g_error ("heading before a %s: pages %u and %u", cases[c].what, heading_page, next_page);
      /* At the top of the new page. */
      g_assert_cmpfloat (y, <, 80);
    }
}

static void
test_tiles (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TdmDocument) doc = tdm_document_new ("fr");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "tiles.pdf");
  g_autofree char *text = NULL;
  TdmDocumentTile tiles[] = {
    { "540", "Exposants", "sur 560 places" },
    { "212", "Coopératives", NULL },
    { "42 %", "Coopératives dirigées par des femmes", NULL },
    { "11", "Provinces", NULL },
    { "18 450", "Visiteurs", NULL },
  };
  guint first, last;
  double height_one_row, height;

  if (!tdm_test_have_poppler ())
    return;

  tdm_document_add_tiles (doc, tiles, 4);
  g_assert_true (tdm_document_get_block_extent (doc, 0, NULL, NULL, NULL, NULL, NULL, &height_one_row));
  tdm_document_add_tiles (doc, tiles, G_N_ELEMENTS (tiles));
  g_assert_true (tdm_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);

  /* Four to a row in portrait: five tiles take two rows. */
  g_assert_true (tdm_document_get_block_extent (doc, 1, &first, &last, NULL, NULL, NULL, &height));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpfloat (height, >, 1.8 * height_one_row);

  text = pdf_page_text (path, 1);
  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      g_auto(GStrv) words = g_strsplit (tiles[i].label, " ", -1);

      g_assert_nonnull (strstr (text, tiles[i].value));
      /* A long label wraps inside its tile. */
      for (guint w = 0; words[w] != NULL; w++)
        g_assert_nonnull (strstr (text, words[w]));
    }
  g_assert_nonnull (strstr (text, "sur 560 places"));
}

static void
test_orientation (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TdmDocument) doc = tdm_document_new ("fr");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "pages.pdf");
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "3", path, NULL };
  double width, height;

  if (!tdm_test_have_poppler ())
    return;

  tdm_document_set_title (doc, "Pages mêlées");
  /* On the empty first page only the orientation changes. */
  tdm_document_new_page (doc, TDM_PAGE_LANDSCAPE);
  tdm_document_add_heading (doc, 1, "Paysage");
  tdm_document_new_page (doc, TDM_PAGE_PORTRAIT);
  tdm_document_add_paragraph (doc, "Portrait.");
  tdm_document_new_page (doc, TDM_PAGE_LANDSCAPE);
  tdm_document_add_paragraph (doc, "Paysage encore.");

  g_assert_cmpuint (tdm_document_get_n_pages (doc), ==, 3);
  g_assert_cmpint (tdm_document_get_page_orientation (doc, 0), ==, TDM_PAGE_LANDSCAPE);
  g_assert_cmpint (tdm_document_get_page_orientation (doc, 1), ==, TDM_PAGE_PORTRAIT);
  tdm_document_get_page_size (doc, 2, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, TDM_A4_HEIGHT_PT, 0.01);
  g_assert_cmpfloat_with_epsilon (height, TDM_A4_WIDTH_PT, 0.01);

  g_assert_true (tdm_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Page    1 size:  841.89 x 595.276 pts"));
  g_assert_nonnull (strstr (out, "Page    2 size:  595.276 x 841.89 pts"));
  g_assert_nonnull (strstr (out, "Page    3 size:  841.89 x 595.276 pts"));
  g_assert_true (g_regex_match_simple ("^Title: +Pages mêlées$", out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Creator: +Tadamon$", out, G_REGEX_MULTILINE, 0));
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
test_write_failure (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TdmDocument) doc = tdm_document_new ("fr");
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", "out.pdf", NULL);
  g_autofree char *taken = fixture_path (fixture, "taken.pdf");
  g_autofree char *inside = g_build_filename (taken, "keep.txt", NULL);
  g_autofree char *kept = NULL;

  tdm_document_set_title (doc, "Rapport");
  tdm_document_add_paragraph (doc, "Texte.");

  /* A folder that does not exist. */
  g_assert_false (tdm_document_write_pdf (doc, missing, &error));
  g_assert_error (error, TDM_DOCUMENT_ERROR, TDM_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 0);

  /* PATH is taken by a folder: the rename fails, nothing is left behind
   * and what was there stays. */
  g_assert_cmpint (g_mkdir (taken, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "kept", -1, NULL));
  g_assert_false (tdm_document_write_pdf (doc, taken, &error));
  g_assert_error (error, TDM_DOCUMENT_ERROR, TDM_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "taken.pdf"));
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
  g_assert_true (g_file_get_contents (inside, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "kept");

  /* A read-only folder (root writes anyway). */
  if (geteuid () != 0)
    {
      g_autofree char *locked = fixture_path (fixture, "locked");
      g_autofree char *existing = g_build_filename (locked, "report.pdf", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
      g_assert_true (g_file_set_contents (existing, "old report", -1, NULL));
      before = tdm_test_file_sha256 (existing);
      g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
      g_assert_false (tdm_document_write_pdf (doc, existing, &error));
      g_assert_error (error, TDM_DOCUMENT_ERROR, TDM_DOCUMENT_ERROR_WRITE);
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (locked, 0755), ==, 0);
      after = tdm_test_file_sha256 (existing);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpuint (count_entries (locked), ==, 1);
    }

  /* And a good path still works, replacing what was there. */
  g_clear_pointer (&taken, g_free);
  taken = fixture_path (fixture, "ok.pdf");
  g_assert_true (g_file_set_contents (taken, "old", -1, NULL));
  g_assert_true (tdm_document_write_pdf (doc, taken, &error));
  g_assert_no_error (error);
  g_clear_pointer (&kept, g_free);
  g_assert_true (g_file_get_contents (taken, &kept, NULL, NULL));
  g_assert_true (g_str_has_prefix (kept, "%PDF-"));
}

/* A paragraph longer than a page goes on over the next one, every word
 * shown once, the footer counting the pages. */
static void
test_long_paragraph (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TdmDocument) doc = tdm_document_new ("fr");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = fixture_path (fixture, "long.pdf");
  g_autofree char *all = NULL;

  if (!tdm_test_have_poppler ())
    return;

  for (guint i = 0; i < 900; i++)
    g_string_append_printf (text, "mot%04u ", i);
  tdm_document_add_paragraph (doc, text->str);
  g_assert_true (tdm_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tdm_document_get_n_pages (doc), >=, 2);

  all = pdf_page_text (path, 0);
  for (guint i = 0; i < 900; i++)
    {
      g_autofree char *word = g_strdup_printf ("mot%04u", i);

      if (tdm_test_count_substrings (all, word) != 1)
        g_error ("%s found %u times", word, tdm_test_count_substrings (all, word));
    }
}

/* What a careless import can hand over still makes a whole report: broken
 * UTF-8, a word longer than a line, a table without rows, an empty chart,
 * tiles without labels, a document with nothing else. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TdmDocument) doc = tdm_document_new ("fr");
  g_autoptr(TdmDocument) empty = tdm_document_new ("ar");
  g_autoptr(TdmChart) chart = tdm_chart_new (TDM_CHART_BARS);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "bad.pdf");
  g_autofree char *long_word = g_strnfill (300, 'w');
  g_autofree char *text = NULL;
  TdmDocumentTable *table = tdm_document_table_new ();
  TdmDocumentTile tile = { "7", NULL, NULL };
  double left, right;

  if (!tdm_test_have_poppler ())
    return;

  tdm_document_add_paragraph (doc, "avant\xff\xfe apr\xc3s");
  tdm_document_add_paragraph (doc, long_word);
  tdm_document_add_heading (doc, 2, "");
  tdm_document_table_add_column (table, "Colonne vide", 1, TDM_COLUMN_START);
  tdm_document_add_table (doc, table);
  tdm_document_add_chart (doc, chart, 100);
  tdm_document_add_tiles (doc, &tile, 1);
  tdm_document_add_tiles (doc, NULL, 0);

  g_assert_true (tdm_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tdm_test_pdf_page_count (path), ==, 1);
  text = pdf_page_text (path, 1);
  g_assert_nonnull (strstr (text, "avant"));
  g_assert_nonnull (strstr (text, "Colonne vide"));

  /* The long word is broken inside the margins. */
  block_ink (doc, 1, &left, &right);
  g_assert_cmpfloat (left, >=, 51 - 1);
  g_assert_cmpfloat (right, <=, TDM_A4_WIDTH_PT - 51 + 1);

  /* Nothing at all: one page, its footer. */
  g_clear_pointer (&path, g_free);
  path = fixture_path (fixture, "empty.pdf");
  g_assert_true (tdm_document_write_pdf (empty, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tdm_test_pdf_page_count (path), ==, 1);
}


/* ---- sheets ------------------------------------------------------------ */

typedef struct {
  double   width, height;
  double   origin_x, origin_y;
  guint    calls;
} SheetProbe;

static void
probe_sheet (cairo_t  *cr,
             double    width,
             double    height,
             gboolean  rtl,
             gpointer  user_data)
{
  SheetProbe *probe = user_data;

  probe->width = width;
  probe->height = height;
  probe->origin_x = 0;
  probe->origin_y = 0;
  cairo_user_to_device (cr, &probe->origin_x, &probe->origin_y);
  probe->calls++;
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static void
draw_probe_page (TdmDocument *doc,
                 guint        page)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  tdm_document_draw_page (doc, cr, page);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A sheet is drawn on the whole page, without header nor footer, counts
 * in the page numbers, and the flow goes on after it as it was. */
static void
test_sheet (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TdmDocument) doc = tdm_document_new ("fr");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "sheet.pdf");
  SheetProbe portrait = { 0 }, landscape = { 0 };
  guint first, last;
  double x, y, width, height;

  tdm_document_set_title (doc, "Titre courant");
  tdm_document_add_paragraph (doc, "Avant la planche.");
  tdm_document_add_sheet (doc, TDM_PAGE_PORTRAIT, probe_sheet, &portrait, NULL);
  tdm_document_add_sheet (doc, TDM_PAGE_LANDSCAPE, probe_sheet, &landscape, NULL);
  tdm_document_add_paragraph (doc, "Après la planche.");

  g_assert_cmpuint (tdm_document_get_n_pages (doc), ==, 4);
  g_assert_true (tdm_document_get_block_extent (doc, 1, &first, &last, &x, &y, &width, &height));
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, ==, 1);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (width, TDM_A4_WIDTH_PT, 1e-6);
  g_assert_cmpfloat_with_epsilon (height, TDM_A4_HEIGHT_PT, 1e-6);
  g_assert_cmpint (tdm_document_get_page_orientation (doc, 2), ==, TDM_PAGE_LANDSCAPE);
  /* Back to portrait after the sheets. */
  g_assert_cmpint (tdm_document_get_page_orientation (doc, 3), ==, TDM_PAGE_PORTRAIT);
  g_assert_true (tdm_document_get_block_extent (doc, 3, &first, NULL, NULL, &y, NULL, NULL));
  g_assert_cmpuint (first, ==, 3);
  g_assert_cmpfloat (y, <, 80);

  draw_probe_page (doc, 1);
  draw_probe_page (doc, 2);
  g_assert_cmpuint (portrait.calls, ==, 1);
  g_assert_cmpfloat_with_epsilon (portrait.width, TDM_A4_WIDTH_PT, 1e-6);
  g_assert_cmpfloat_with_epsilon (portrait.height, TDM_A4_HEIGHT_PT, 1e-6);
  g_assert_cmpfloat_with_epsilon (portrait.origin_x, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (portrait.origin_y, 0, 1e-9);
  g_assert_cmpuint (landscape.calls, ==, 1);
  g_assert_cmpfloat_with_epsilon (landscape.width, TDM_A4_HEIGHT_PT, 1e-6);
  g_assert_cmpfloat_with_epsilon (landscape.height, TDM_A4_WIDTH_PT, 1e-6);

  if (!tdm_test_have_poppler ())
    return;

  g_assert_true (tdm_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tdm_test_pdf_page_count (path), ==, 4);
  for (guint p = 1; p <= 4; p++)
    {
      g_autofree char *text = pdf_page_text (path, p);
      g_autofree char *footer = g_strdup_printf ("Page %u of 4", p);
      gboolean sheet = p == 2 || p == 3;

      g_assert_cmpuint (tdm_test_count_substrings (text, footer), ==, sheet ? 0 : 1);
      g_assert_cmpuint (tdm_test_count_substrings (text, "Titre courant"), ==, sheet ? 0 : 1);
    }
}

/* ---- widows and orphans ------------------------------------------------ */

/* The height of a table of N_ROWS rows alone on a page. */
static double
table_height (guint n_rows)
{
  g_autoptr(TdmDocument) doc = tdm_document_new ("fr");
  double height;

  tdm_document_add_table (doc, make_table (n_rows, 0));
  g_assert_true (tdm_document_get_block_extent (doc, 0, NULL, NULL, NULL, NULL, NULL, &height));
  return height;
}

/* Wherever a page break falls in a table of six rows, at least two rows
 * stay on each side of it. */
static void
test_table_widows (void)
{
  double two = table_height (2), three = table_height (3);
  double row = three - two;
  double head = two - 2 * row;   /* header row and closing rule */
  guint n_broken = 0;

  for (double filler = 560; filler < 720; filler += 2)
    {
      g_autoptr(TdmDocument) doc = tdm_document_new ("fr");
      guint first, last;
      double height;
      int on_first;

      add_filler (doc, filler);
      tdm_document_add_table (doc, make_table (6, 0));
      g_assert_true (tdm_document_get_block_extent (doc, 2, &first, &last, NULL, NULL, NULL, &height));
      if (first == last)
        continue;
      n_broken++;
      /* The first page's part has no closing rule (0.8 pt). */
      on_first = (int) floor ((height - (head - 0.8)) / row + 0.5);
      if (on_first < 2 || 6 - on_first < 2)
        g_error ("filler %.0f: %d rows, then %d", filler, on_first, 6 - on_first);
    }
  g_assert_cmpuint (n_broken, >, 0);
}

/* A note or a paragraph broken over two pages keeps two lines on each. */
static void
test_text_widows (void)
{
  const char *text = "Une note de plusieurs lignes : les sources des chiffres, la définition "
                     "des coopératives dirigées par des femmes, celle des jeunes, la date des "
                     "données et ce qui n’est pas compté, assez longue pour occuper quatre "
                     "ou cinq lignes sur la largeur de la page, dans le corps des notes comme "
                     "dans celui des paragraphes, afin que la coupure tombe entre deux de "
                     "ses lignes. Elle rappelle aussi que les effectifs sont ceux que les "
                     "coopératives ont déclarés au registre, que les parts sont calculées sur "
                     "les coopératives dont l’information est connue, et que les régions sont "
                     "celles du découpage de 2015.";

  for (guint kind = 0; kind < 2; kind++)
    {
      gboolean note = kind == 0;
      double line, total;
      guint n_lines, n_broken = 0;

      {
        g_autoptr(TdmDocument) doc = tdm_document_new ("fr");

        if (note)
          {
            tdm_document_add_note (doc, "Une ligne.");
            tdm_document_add_note (doc, text);
          }
        else
          {
            tdm_document_add_paragraph (doc, "Une ligne.");
            tdm_document_add_paragraph (doc, text);
          }
        g_assert_true (tdm_document_get_block_extent (doc, 0, NULL, NULL, NULL, NULL, NULL, &line));
        g_assert_true (tdm_document_get_block_extent (doc, 1, NULL, NULL, NULL, NULL, NULL, &total));
      }
      n_lines = (guint) floor (total / line + 0.5);
      g_assert_cmpuint (n_lines, >=, 4);

      for (double filler = 600; filler < 720; filler += 1.5)
        {
          g_autoptr(TdmDocument) doc = tdm_document_new ("fr");
          guint first, last;
          double height;
          int on_first;

          add_filler (doc, filler);
          if (note)
            tdm_document_add_note (doc, text);
          else
            tdm_document_add_paragraph (doc, text);
          g_assert_true (tdm_document_get_block_extent (doc, 2, &first, &last, NULL, NULL, NULL, &height));
          if (first == last)
            continue;
          n_broken++;
          on_first = (int) floor (height / line + 0.5);
          if (on_first < 2 || (int) n_lines - on_first < 2)
            g_error ("%s, filler %.1f: %d lines, then %d", note ? "note" : "paragraph",
                     filler, on_first, (int) n_lines - on_first);
        }
      g_assert_cmpuint (n_broken, >, 0);
    }
}

/* A heading that introduces a page break, a full-page drawing or a sheet
 * is not left at the foot of the page before. */
static void
test_heading_before_break (void)
{
  SheetProbe probe = { 0 };

  for (guint kind = 0; kind < 3; kind++)
    {
      g_autoptr(TdmDocument) doc = tdm_document_new ("fr");
      guint heading_page, next_page;
      double y, next_y, next_height;

      add_filler (doc, 640);
      tdm_document_add_heading (doc, 1, "Section");
      if (kind == 0)
        {
          tdm_document_new_page (doc, TDM_PAGE_LANDSCAPE);
          tdm_document_add_paragraph (doc, "Le texte de la section.");
        }
      else if (kind == 1)
        tdm_document_add_drawing (doc, 0, TRUE, probe_sheet, &probe, NULL);
      else
        tdm_document_add_sheet (doc, TDM_PAGE_PORTRAIT, probe_sheet, &probe, NULL);

      g_assert_true (tdm_document_get_block_extent (doc, 2, &heading_page, NULL, NULL, &y, NULL, NULL));
      if (heading_page != 1)
        g_error ("case %u: heading on page %u", kind, heading_page);
      g_assert_cmpfloat (y, <, 80);

      if (kind == 0)
        {
          /* On the new page, in its orientation, with its text. */
          g_assert_true (tdm_document_get_block_extent (doc, 4, &next_page, NULL, NULL, NULL, NULL, NULL));
          g_assert_cmpuint (next_page, ==, 1);
          g_assert_cmpint (tdm_document_get_page_orientation (doc, 1), ==, TDM_PAGE_LANDSCAPE);
          g_assert_cmpuint (tdm_document_get_n_pages (doc), ==, 2);
        }
      else if (kind == 1)
        {
          /* The drawing fills the rest of the heading's page. */
          g_assert_true (tdm_document_get_block_extent (doc, 3, &next_page, NULL, NULL, &next_y,
                                                        NULL, &next_height));
          g_assert_cmpuint (next_page, ==, 1);
          g_assert_cmpfloat (next_y, >, y);
          g_assert_cmpfloat (next_y + next_height, <=, TDM_A4_HEIGHT_PT - 62 + 0.01);
          g_assert_cmpuint (tdm_document_get_n_pages (doc), ==, 2);
        }
      else
        {
          /* The heading opens the sheets, on the page before them. */
          g_assert_true (tdm_document_get_block_extent (doc, 3, &next_page, NULL, NULL, NULL, NULL, NULL));
          g_assert_cmpuint (next_page, ==, 2);
        }
    }
}

/* A chart prepared by an Arabic document writes Western digits, as
 * Moroccan administrations do, before any label is formatted. */
static void
test_prepare_chart (void)
{
  g_autoptr(TdmDocument) doc = tdm_document_new ("ar");
  g_autoptr(TdmChart) chart = tdm_chart_new (TDM_CHART_BARS);
  TdmNumberFormat format;
  g_autofree char *year = NULL;

  tdm_document_prepare_chart (doc, chart);
  g_assert_cmpstr (tdm_chart_get_language (chart), ==, tdm_report_language_numbers ("ar"));
  g_assert_true (tdm_chart_get_rtl (chart));
  tdm_number_format_init (&format, tdm_chart_get_language (chart), TDM_DIGITS_AUTO);
  year = tdm_number_format_format (&format, 1975, 0);
  /* "1.975": digits 0 to 9, not ١ to ٩. */
  g_assert_true (g_str_is_ascii (year));
  g_assert_true (g_str_has_suffix (year, "975"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  tdm_report_language_init ();

  g_test_add ("/document/table-540", Fixture, NULL, fixture_setup, test_table_540, fixture_teardown);
  g_test_add ("/document/table-2000", Fixture, NULL, fixture_setup, test_table_2000, fixture_teardown);
  g_test_add ("/document/long-and-mixed-cells", Fixture, NULL, fixture_setup, test_long_and_mixed_cells, fixture_teardown);
  g_test_add_func ("/document/direction", test_direction);
  g_test_add_func ("/document/table-direction", test_table_direction);
  g_test_add_func ("/document/heading-kept", test_heading_kept);
  g_test_add ("/document/tiles", Fixture, NULL, fixture_setup, test_tiles, fixture_teardown);
  g_test_add ("/document/orientation", Fixture, NULL, fixture_setup, test_orientation, fixture_teardown);
  g_test_add ("/document/write-failure", Fixture, NULL, fixture_setup, test_write_failure, fixture_teardown);
  g_test_add ("/document/long-paragraph", Fixture, NULL, fixture_setup, test_long_paragraph, fixture_teardown);

  g_test_add ("/document/bad-input", Fixture, NULL, fixture_setup, test_bad_input, fixture_teardown);
  g_test_add ("/document/sheet", Fixture, NULL, fixture_setup, test_sheet, fixture_teardown);
  g_test_add_func ("/document/table-widows", test_table_widows);
  g_test_add_func ("/document/text-widows", test_text_widows);
  g_test_add_func ("/document/heading-before-break", test_heading_before_break);
  g_test_add_func ("/document/prepare-chart", test_prepare_chart);

  return g_test_run ();
}
