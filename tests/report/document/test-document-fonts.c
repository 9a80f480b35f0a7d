/* test-document-fonts.c: a report with no font to write it.
 *
 * Fontconfig reads its configuration once, at the first font asked for:
 * this process points it at a configuration without fonts first thing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tdm-document.h"
#include "tdm-report-language.h"
#include "tdm-test-util.h"

static char *tmp_dir;

static void
test_no_font (gconstpointer data)
{
  const char *language = data;
  g_autoptr(TdmDocument) doc = tdm_document_new (language);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "report.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  tdm_document_set_title (doc, "Rapport");
  tdm_document_add_heading (doc, 1, "Chiffres clés");
  tdm_document_add_paragraph (doc, "تعاونية Tifawin");

  g_assert_false (tdm_document_layout (doc, &error));
  g_assert_error (error, TDM_DOCUMENT_ERROR, TDM_DOCUMENT_ERROR_FONT);
  /* Says what to install. */
  g_assert_nonnull (strstr (error->message, "fonts-noto-core"));
  g_clear_error (&error);
  g_assert_cmpuint (tdm_document_get_n_pages (doc), ==, 0);

  /* Drawing a page that does not exist draws nothing, and does not crash. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  cr = cairo_create (surface);
  tdm_document_draw_page (doc, cr, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* The file already there stays as it was. */
  g_assert_true (g_file_set_contents (path, "the previous report", -1, NULL));
  before = tdm_test_file_sha256 (path);
  g_assert_false (tdm_document_write_pdf (doc, path, &error));
  g_assert_error (error, TDM_DOCUMENT_ERROR, TDM_DOCUMENT_ERROR_FONT);
  after = tdm_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *xml = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tdm_report_language_init ();

  tmp_dir = g_dir_make_tmp ("tdm-document-fonts-XXXXXX", &error);
  g_assert_no_error (error);
  fonts = g_build_filename (tmp_dir, "fonts", NULL);
  conf = g_build_filename (tmp_dir, "fonts.conf", NULL);
  g_assert_cmpint (g_mkdir (fonts, 0755), ==, 0);
  xml = g_markup_printf_escaped ("<?xml version=\"1.0\"?>\n"
                                 "<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                                 "<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n",
                                 fonts, fonts);
  g_assert_true (g_file_set_contents (conf, xml, -1, NULL));
  g_setenv ("FONTCONFIG_FILE", conf, TRUE);

  g_test_add_data_func ("/document/fonts/arabic-missing", "ar", test_no_font);
  g_test_add_data_func ("/document/fonts/latin-missing", "fr", test_no_font);

  status = g_test_run ();
  tdm_test_remove_dir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
