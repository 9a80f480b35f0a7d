/* test-report-window.c: the report window as a user drives it: the fair
 * report opened from the window's action, its pages counted in the
 * preview, its language switched to Arabic, exported as PDF and printed
 * to a PDF through GtkPrintOperation; an unknown fair shows why there is
 * no report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tdm-cooperative-page-private.h"
#include "tdm-cooperative.h"
#include "tdm-demo.h"
#include "tdm-fair-page.h"
#include "tdm-fairs.h"
#include "tdm-report-window-private.h"
#include "tdm-test-ui.h"
#include "tdm-window-private.h"
#include "tdm-window-report-actions-private.h"

#define N_DEMO 400
#define WAIT_MS 20000

static TdmApplication *app;

typedef struct {
  char        *dir;
  TdmStore    *store;
  TdmWindow   *window;
  TdmFairPage *fair_page;
  gint64       fair_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = tdm_test_ui_open_store ("tdm-ui-report-XXXXXX", "ui.db", &fixture->dir);
  tdm_demo_populate (fixture->store, N_DEMO, 7, &error);
  g_assert_no_error (error);
  tdm_demo_populate_fairs (fixture->store, 7, &error);
  g_assert_no_error (error);
  /* The Oujda fair, in the Oriental region. */
  fixture->fair_id = tdm_test_ui_query_int (fixture->store,
                                            "SELECT min(id) FROM fair WHERE city = 'Oujda'");
  g_assert_cmpint (fixture->fair_id, >, 0);

  fixture->window = tdm_test_ui_present_window (GTK_APPLICATION (app), fixture->store, "fairs");
  g_assert_true (tdm_test_ui_wait_for (tdm_test_ui_is_mapped, fixture->window));
  fixture->fair_page = TDM_FAIR_PAGE (tdm_test_ui_find_widget (GTK_WIDGET (fixture->window),
                                                              TDM_TYPE_FAIR_PAGE));
}

static void
close_report_windows (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL; )
    {
      GList *next = l->next;

      if (!TDM_IS_WINDOW (l->data))
        gtk_window_destroy (GTK_WINDOW (l->data));
      l = next;
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  close_report_windows ();
  /* The fair page's exhibitor list, destroyed while it shows a fair,
   * hears its model's last changes after its own dispose: let it drop
   * the fair first. */
  tdm_window_set_store (fixture->window, NULL);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  tdm_test_ui_drain ();
  g_clear_object (&fixture->store);
  tdm_test_ui_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* Helpers ------------------------------------------------------------------- */

static TdmReportWindow *
find_report_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (TDM_IS_REPORT_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
is_enabled (Fixture    *fixture,
            const char *action)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), action);
}

static TdmReportWindow *
open_fair_report (Fixture *fixture)
{
  TdmReportWindow *report;

  g_assert_true (tdm_fair_page_show_fair (fixture->fair_page, fixture->fair_id));
  g_assert_true (is_enabled (fixture, "report-fair"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "report-fair", NULL);

  report = find_report_window ();
  g_assert_nonnull (report);
  g_assert_true (tdm_test_ui_wait_for (tdm_test_ui_is_mapped, report));
  return report;
}

static char *
temp_path (Fixture    *fixture,
           const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static gboolean
has_arabic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0600 && c <= 0x06FF)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_room_to_scroll (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_page_size (adjustment) > 0 &&
         gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

/* A visible window of type TYPE_NAME: GTK's Unix printing dialogs have
 * their types in a header of their own. */
static GtkWindow *
find_toplevel (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), type_name) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Tests ----------------------------------------------------------------------------- */

static void
test_actions_follow_the_window (Fixture       *fixture,
                                gconstpointer  user_data)
{
  GtkSingleSelection *selection;
  TdmCooperative *cooperative;
  TdmReportWindow *report;

  /* The Fairs section shows its list: no fair to report on. */
  g_assert_true (is_enabled (fixture, "report-registry"));
  g_assert_false (is_enabled (fixture, "report-fair"));
  g_assert_false (is_enabled (fixture, "report-labels"));
  g_assert_false (is_enabled (fixture, "report-badges"));

  g_assert_true (tdm_fair_page_show_fair (fixture->fair_page, fixture->fair_id));
  g_assert_true (is_enabled (fixture, "report-fair"));
  g_assert_true (is_enabled (fixture, "report-labels"));
  g_assert_true (is_enabled (fixture, "report-badges"));

  /* Ctrl+P on the Cooperatives section: the selected one's fact sheet. */
  selection = _tdm_cooperative_page_get_selection (_tdm_window_get_cooperative_page (fixture->window));
  gtk_single_selection_set_selected (selection, 3);
  cooperative = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (cooperative);
  g_assert_true (is_enabled (fixture, "report-cooperative"));
  g_assert_true (tdm_window_show_page (fixture->window, "cooperatives"));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "report", NULL);
  report = find_report_window ();
  g_assert_nonnull (report);
  g_assert_cmpint (tdm_report_window_get_kind (report), ==, TDM_REPORT_COOPERATIVE);
  g_assert_cmpint (tdm_report_window_get_id (report), ==, tdm_cooperative_get_id (cooperative));
  g_assert_cmpuint (tdm_document_get_n_pages (tdm_report_window_get_document (report)), >=, 1);

  /* Another database: the fair shown was the old one's. */
  {
    g_autofree char *other_path = temp_path (fixture, "other.db");
    g_autoptr(TdmStore) other = tdm_store_open (other_path, NULL);

    g_assert_nonnull (other);
    tdm_window_set_store (fixture->window, other);
    /* The fact sheet open above was the old database's: it closed. */
    tdm_test_ui_drain ();
    g_assert_null (find_report_window ());
    g_assert_false (is_enabled (fixture, "report-fair"));
    g_assert_true (is_enabled (fixture, "report-registry"));
    tdm_window_set_store (fixture->window, fixture->store);
  }

  /* Without a database nothing can be reported. */
  tdm_window_set_store (fixture->window, NULL);
  g_assert_false (is_enabled (fixture, "report-fair"));
  g_assert_false (is_enabled (fixture, "report-registry"));
  g_assert_false (is_enabled (fixture, "report-cooperative"));
  g_assert_null (_tdm_window_open_report (fixture->window, TDM_REPORT_REGISTRY, 0));
}

static void
test_preview_language_and_pdf (Fixture       *fixture,
                               gconstpointer  user_data)
{
  TdmReportWindow *report;
  TdmDocument *document;
  TdmDocument *french;
  guint n_pages;
  g_autofree char *expected = NULL;
  g_autofree char *pdf = temp_path (fixture, "fair.pdf");
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!tdm_test_have_poppler ())
    return;

  report = open_fair_report (fixture);
  g_assert_null (_tdm_report_window_get_error_page (report));
  g_assert_cmpint (tdm_report_window_get_kind (report), ==, TDM_REPORT_FAIR);
  g_assert_cmpint (tdm_report_window_get_id (report), ==, fixture->fair_id);

  /* The UI speaks English here: the report starts in French. */
  document = tdm_report_window_get_document (report);
  g_assert_nonnull (document);
  g_assert_cmpstr (tdm_report_window_get_language (report), ==, "fr");
  g_assert_cmpstr (tdm_document_get_language (document), ==, "fr");
  n_pages = tdm_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >=, 2);
  expected = g_strdup_printf ("Page 1 of %u", n_pages);
  g_assert_cmpstr (gtk_label_get_label (_tdm_report_window_get_page_label (report)), ==, expected);
  tdm_test_ui_maybe_save_screenshot (GTK_WIDGET (report), "report-fair-fr");

  /* The same fair again brings the same window forward. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "report-fair", NULL);
  g_assert_true (find_report_window () == report);

  /* Exported as PDF: every page, the fair's city and region. */
  file = g_file_new_for_path (pdf);
  g_assert_true (_tdm_report_window_export_pdf (report, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tdm_test_pdf_page_count (pdf), ==, n_pages);
  text = tdm_test_pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "Oujda"));
  g_assert_nonnull (strstr (text, "Oriental"));
  /* Written in French although the window speaks English. */
  g_assert_nonnull (strstr (text, "Chiffres clés"));
  g_assert_null (strstr (text, "Key figures"));
  g_clear_pointer (&text, g_free);

  /* A folder that is not there: the user is told, nothing is written. */
  {
    g_autofree char *missing = temp_path (fixture, "missing/fair.pdf");
    g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
    AdwMessageDialog *dialog;

    g_assert_false (_tdm_report_window_export_pdf (report, nowhere, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    dialog = ADW_MESSAGE_DIALOG (find_toplevel ("AdwMessageDialog"));
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Export Failed");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* Arabic from the drop-down: a new document, right to left, whose
   * region names are Arabic. */
  french = g_object_ref (document);
  gtk_drop_down_set_selected (_tdm_report_window_get_language_dropdown (report), 0);
  document = tdm_report_window_get_document (report);
  g_assert_nonnull (document);
  g_assert_true (document != french);
  g_object_unref (french);
  g_assert_cmpstr (tdm_report_window_get_language (report), ==, "ar");
  g_assert_cmpstr (tdm_document_get_language (document), ==, "ar");
  g_assert_true (tdm_document_get_rtl (document));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Page 1 of %u", tdm_document_get_n_pages (document));
  g_assert_cmpstr (gtk_label_get_label (_tdm_report_window_get_page_label (report)), ==, expected);
  tdm_test_ui_drain ();
  tdm_test_ui_maybe_save_screenshot (GTK_WIDGET (report), "report-fair-ar");

  g_assert_true (_tdm_report_window_export_pdf (report, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tdm_test_pdf_page_count (pdf), ==, tdm_document_get_n_pages (document));
  text = tdm_test_pdf_text (pdf, 0);
  g_test_message ("%s", text);
  g_assert_true (has_arabic (text));
  /* The Oriental region under its Arabic name, the headings in Arabic. */
  g_assert_nonnull (strstr (text, "الشرق"));
  g_assert_nonnull (strstr (text, "الرئيسية"));
  g_assert_null (strstr (text, "Key figures"));
}

static void
test_print_to_pdf (Fixture       *fixture,
                   gconstpointer  user_data)
{
  TdmReportWindow *report;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = temp_path (fixture, "printed.pdf");
  g_autofree char *text = NULL;
  GtkPrintOperationResult result;
  guint n_pages;

  if (!tdm_test_have_poppler ())
    return;

  report = open_fair_report (fixture);
  n_pages = tdm_document_get_n_pages (tdm_report_window_get_document (report));

  /* What Print runs, sent to a file: every page drawn by ::draw-page. */
  operation = _tdm_report_window_new_print_operation (report);
  gtk_print_operation_set_export_filename (operation, pdf);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (report), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_cmpuint (tdm_test_pdf_page_count (pdf), ==, n_pages);
  text = tdm_test_pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "Oujda"));

  /* For a person to compare with the preview. */
  if (g_getenv ("TDM_UI_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("TDM_UI_SCREENSHOT_DIR"), "report-printed.pdf", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    }
}

static gboolean
shows_print_dialog (gpointer data)
{
  return find_toplevel ("GtkPrintUnixDialog") != NULL;
}

static gboolean
shows_page_setup_dialog (gpointer data)
{
  return find_toplevel ("GtkPageSetupUnixDialog") != NULL;
}

static gboolean
is_sensitive (gpointer widget)
{
  return gtk_widget_is_sensitive (widget);
}

/* PATH holds a PDF written to its end (binary: NUL bytes inside). */
static gboolean
is_whole_pdf (gpointer path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize tail;

  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 16)
    return FALSE;
  tail = MIN (length, 32);
  return memcmp (contents, "%PDF", 4) == 0 &&
         memmem (contents + length - tail, tail, "%%EOF", 5) != NULL;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Landscape pages turn the paper: a page with a wide table prints
 * across an A4 sheet laid on its side, not shrunk on an upright one. */
static void
test_print_landscape_pages (Fixture       *fixture,
                            gconstpointer  user_data)
{
  TdmReportWindow *report;
  g_autoptr(TdmDocument) document = tdm_document_new ("fr");
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = temp_path (fixture, "landscape.pdf");
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "2", pdf, NULL };
  const char *portrait, *landscape;

  if (!tdm_test_have_poppler ())
    return;

  tdm_document_set_title (document, "Orientation");
  tdm_document_add_heading (document, 1, "Portrait");
  tdm_document_add_paragraph (document, "Une page droite.");
  tdm_document_new_page (document, TDM_PAGE_LANDSCAPE);
  tdm_document_add_heading (document, 1, "Paysage");
  tdm_document_add_paragraph (document, "Une page couchée, pour un tableau large.");
  g_assert_true (tdm_document_layout (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tdm_document_get_n_pages (document), ==, 2);

  report = open_fair_report (fixture);
  _tdm_report_window_set_document (report, document);
  g_assert_cmpstr (gtk_label_get_label (_tdm_report_window_get_page_label (report)), ==, "Page 1 of 2");

  operation = _tdm_report_window_new_print_operation (report);
  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (report), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &info, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%s", info);
  /* Page 1 upright, then page 2 on its side. */
  portrait = strstr (info, "595.276 x 841.89");
  landscape = strstr (info, "841.89 x 595.276");
  g_assert_nonnull (portrait);
  g_assert_nonnull (landscape);
  g_assert_true (portrait < landscape);
  text = tdm_test_pdf_text (pdf, 2);
  g_assert_nonnull (strstr (text, "Paysage"));
}

/* Print… shows the print dialog; Page Setup… its dialog, whose choice
 * is kept in the user's configuration for the next run. */
static void
test_print_and_page_setup_dialogs (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  TdmReportWindow *report = open_fair_report (fixture);
  g_autofree char *setup_path = g_build_filename (g_get_user_config_dir (), "tadamon",
                                                  "page-setup.ini", NULL);
  g_autofree char *settings_path = g_build_filename (g_get_user_config_dir (), "tadamon",
                                                     "print-settings.ini", NULL);
  g_autofree char *printed_path = g_build_filename (g_get_user_config_dir (), "printed.pdf", NULL);
  g_autoptr(GtkPageSetup) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *print_button;
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report), "report.print", NULL));
  g_assert_true (tdm_test_ui_wait_for (shows_print_dialog, NULL));
  dialog = find_toplevel ("GtkPrintUnixDialog");
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (report));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  tdm_test_ui_drain ();
  g_assert_false (g_file_test (printed_path, G_FILE_TEST_EXISTS));

  /* Printed, on the "Print to File" printer the remembered settings
   * name: every page, and the settings saved again. */
  g_unlink (settings_path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report), "report.print", NULL));
  g_assert_true (tdm_test_ui_wait_for (shows_print_dialog, NULL));
  dialog = find_toplevel ("GtkPrintUnixDialog");
  print_button = gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  g_assert_true (tdm_test_ui_wait_for (is_sensitive, print_button));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  g_assert_true (tdm_test_ui_wait_for (file_exists, settings_path));
  /* The file printer writes after ::done. */
  g_assert_true (tdm_test_ui_wait_for (is_whole_pdf, printed_path));
  g_assert_true (tdm_test_have_poppler ());
  g_assert_cmpuint (tdm_test_pdf_page_count (printed_path),
                    ==, tdm_document_get_n_pages (tdm_report_window_get_document (report)));

  g_unlink (setup_path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report), "report.page-setup", NULL));
  g_assert_true (tdm_test_ui_wait_for (shows_page_setup_dialog, NULL));
  dialog = find_toplevel ("GtkPageSetupUnixDialog");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  g_assert_true (tdm_test_ui_wait_for (file_exists, setup_path));
  saved = gtk_page_setup_new_from_file (setup_path, &error);
  g_assert_no_error (error);
  /* A4 unless the user chose otherwise. */
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_width (saved, GTK_UNIT_MM), 210, 0.5);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_height (saved, GTK_UNIT_MM), 297, 0.5);
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  user_data)
{
  TdmReportWindow *report = open_fair_report (fixture);
  GtkAdjustment *adjustment;
  GtkWidget *page;
  int width;

  page = tdm_test_ui_find_widget (GTK_WIDGET (report), GTK_TYPE_DRAWING_AREA);
  g_assert_nonnull (page);
  width = gtk_drawing_area_get_content_width (GTK_DRAWING_AREA (page));
  /* A4 at 100 % on a 96 dpi screen. */
  g_assert_cmpint (width, ==, 794);

  gtk_widget_activate_action (GTK_WIDGET (report), "report.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (_tdm_report_window_get_zoom (report), 1.25, 0.001);
  g_assert_cmpint (gtk_drawing_area_get_content_width (GTK_DRAWING_AREA (page)), >, width);

  gtk_widget_activate_action (GTK_WIDGET (report), "report.zoom-reset", NULL);
  g_assert_cmpint (gtk_drawing_area_get_content_width (GTK_DRAWING_AREA (page)), ==, width);

  /* Small pages, scrolled down: the pages coming into view are drawn. */
  for (guint i = 0; i < 4; i++)
    gtk_widget_activate_action (GTK_WIDGET (report), "report.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (_tdm_report_window_get_zoom (report), 1 / (1.25 * 1.25 * 1.25 * 1.25), 0.001);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
                 gtk_widget_get_ancestor (page, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_true (tdm_test_ui_wait_for (has_room_to_scroll, adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  tdm_test_ui_drain ();
  g_assert_cmpstr (gtk_label_get_label (_tdm_report_window_get_page_label (report)), !=, "Page 1 of 1");
  g_assert_false (g_str_has_prefix (gtk_label_get_label (_tdm_report_window_get_page_label (report)), "Page 1 "));
  tdm_test_ui_maybe_save_screenshot (GTK_WIDGET (report), "report-zoomed-out");
}

static void
test_unknown_fair (Fixture       *fixture,
                   gconstpointer  user_data)
{
  TdmReportWindow *report;
  AdwStatusPage *error_page;

  report = _tdm_window_open_report (fixture->window, TDM_REPORT_FAIR, 999999);
  g_assert_nonnull (report);
  g_assert_true (tdm_test_ui_wait_for (tdm_test_ui_is_mapped, report));

  /* No pages, the reason shown, nothing to print or export. */
  g_assert_null (tdm_report_window_get_document (report));
  error_page = _tdm_report_window_get_error_page (report);
  g_assert_nonnull (error_page);
  g_assert_nonnull (adw_status_page_get_description (error_page));
  g_assert_cmpstr (adw_status_page_get_description (error_page), !=, "");
  tdm_test_ui_drain ();
  g_assert_false (gtk_widget_get_sensitive (tdm_test_ui_find_button (GTK_WIDGET (report), "_Print…")));
  g_assert_false (gtk_widget_get_sensitive (tdm_test_ui_find_button (GTK_WIDGET (report), "_Export as PDF…")));
  tdm_test_ui_maybe_save_screenshot (GTK_WIDGET (report), "report-unknown-fair");
}

/* The cooperative editor's printer button: the fact sheet of the record
 * it edits, over the form. */
static void
test_fact_sheet_from_editor (Fixture       *fixture,
                             gconstpointer  user_data)
{
  TdmCooperativePage *page = _tdm_window_get_cooperative_page (fixture->window);
  GtkWidget *editor;
  TdmReportWindow *report;
  TdmDocument *document;
  g_autofree char *pdf = temp_path (fixture, "sheet.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(TdmCooperative) first = NULL;

  if (!tdm_test_have_poppler ())
    return;

  g_assert_true (tdm_window_show_page (fixture->window, "cooperatives"));
  editor = tdm_cooperative_page_edit_first (page);
  g_assert_nonnull (editor);
  g_assert_true (tdm_test_ui_wait_for (tdm_test_ui_is_mapped, editor));

  g_assert_true (gtk_widget_activate_action (editor, "editor.fact-sheet", NULL));
  report = TDM_REPORT_WINDOW (find_toplevel ("TdmReportWindow"));
  g_assert_nonnull (report);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (report)) == GTK_WINDOW (editor));
  g_assert_cmpint (tdm_report_window_get_kind (report), ==, TDM_REPORT_COOPERATIVE);
  document = tdm_report_window_get_document (report);
  g_assert_nonnull (document);

  /* One page about the cooperative the form shows. */
  g_assert_true (_tdm_report_window_export_pdf (report, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tdm_test_pdf_page_count (pdf), ==, 1);
  text = tdm_test_pdf_text (pdf, 1);
  first = g_list_model_get_item (G_LIST_MODEL (_tdm_cooperative_page_get_selection (page)), 0);
  g_assert_cmpint (tdm_report_window_get_id (report), ==, tdm_cooperative_get_id (first));
  g_assert_nonnull (strstr (text, tdm_cooperative_get_name_fr (first)));

  /* Closing the form closes its fact sheet. */
  gtk_window_destroy (GTK_WINDOW (editor));
  tdm_test_ui_drain ();
  g_assert_null (find_toplevel ("TdmReportWindow"));
}

/* The settings a user left: GTK's "Print to File" printer, writing
 * printed.pdf in DIR (the printed pages go nowhere else). */
static void
write_print_settings (const char *dir)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *folder = g_build_filename (dir, "tadamon", NULL);
  g_autofree char *path = g_build_filename (folder, "print-settings.ini", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (printed, NULL, NULL);
  g_autoptr(GError) error = NULL;

  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  gtk_print_settings_to_file (settings, path, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tdm_test_ui_set_timeout (WAIT_MS);

  if (!tdm_test_ui_has_display ())
    return 77;

  /* The report's language needs the build's catalogues; the window's
   * strings come from the default domain. */
  tdm_test_init_catalogues ();
  textdomain (GETTEXT_PACKAGE);

  /* Print settings are saved under the user's configuration folder:
   * a folder of the test's own, set before GLib reads it. */
  config_dir = g_dir_make_tmp ("tdm-ui-report-config-XXXXXX", NULL);
  g_assert_nonnull (config_dir);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  write_print_settings (config_dir);

  app = tdm_test_ui_new_application ();

  g_test_add ("/ui/report/actions-follow-the-window", Fixture, NULL,
              fixture_set_up, test_actions_follow_the_window, fixture_tear_down);
  g_test_add ("/ui/report/preview-language-and-pdf", Fixture, NULL,
              fixture_set_up, test_preview_language_and_pdf, fixture_tear_down);
  g_test_add ("/ui/report/print-to-pdf", Fixture, NULL,
              fixture_set_up, test_print_to_pdf, fixture_tear_down);
  g_test_add ("/ui/report/print-landscape-pages", Fixture, NULL,
              fixture_set_up, test_print_landscape_pages, fixture_tear_down);
  g_test_add ("/ui/report/print-and-page-setup-dialogs", Fixture, NULL,
              fixture_set_up, test_print_and_page_setup_dialogs, fixture_tear_down);
  g_test_add ("/ui/report/fact-sheet-from-editor", Fixture, NULL,
              fixture_set_up, test_fact_sheet_from_editor, fixture_tear_down);
  g_test_add ("/ui/report/zoom", Fixture, NULL,
              fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/ui/report/unknown-fair", Fixture, NULL,
              fixture_set_up, test_unknown_fair, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  tdm_test_ui_remove_dir (config_dir);
  return status;
}
