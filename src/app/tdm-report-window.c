/* tdm-report-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>

#include "tdm-app-util.h"
#include "tdm-report-language.h"
#include "tdm-report-window-private.h"

/* The languages of the drop-down, in its order. */
static const char * const languages[] = { "ar", "fr" };

/* Screen pixels per PostScript point at 100 %. */
#define PIXELS_PER_POINT (96.0 / 72.0)
#define ZOOM_STEP 1.25
#define ZOOM_MIN 0.25
#define ZOOM_MAX 4.0

struct _TdmReportWindow
{
  AdwWindow        parent_instance;

  TdmStore        *store;
  TdmReportKind    kind;
  gint64           id;
  char            *language;
  TdmDocument     *document;
  double           zoom;
  /* Where to scroll, as a share of the pages' height, once they have
   * their new size after a zoom; negative when nothing is pending. */
  double           pending_scroll;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkDropDown     *language_dropdown;
  GtkStack        *stack;
  GtkScrolledWindow *scroller;
  GtkBox          *pages_box;
  GtkLabel        *page_label;
  GtkButton       *zoom_button;
  AdwStatusPage   *error_page;
};

G_DEFINE_FINAL_TYPE (TdmReportWindow, tdm_report_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_ID,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Print settings and page setup, shared by every report window of the
 * process and kept in the user's configuration between runs. --------- */

static GtkPrintSettings *saved_settings;
static GtkPageSetup *saved_page_setup;

static char *
print_config_path (const char *name)
{
  return g_build_filename (g_get_user_config_dir (), "tadamon", name, NULL);
}

static void
load_print_setup (void)
{
  g_autofree char *settings_path = NULL;
  g_autofree char *setup_path = NULL;

  if (saved_page_setup != NULL)
    return;

  /* A missing or unreadable file gives the defaults: a first run. */
  settings_path = print_config_path ("print-settings.ini");
  saved_settings = gtk_print_settings_new_from_file (settings_path, NULL);
  if (saved_settings == NULL)
    saved_settings = gtk_print_settings_new ();

  setup_path = print_config_path ("page-setup.ini");
  saved_page_setup = gtk_page_setup_new_from_file (setup_path, NULL);
  if (saved_page_setup == NULL)
    {
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      /* Reports are laid out on A4, the paper of Moroccan offices,
       * whatever the locale's default. */
      saved_page_setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (saved_page_setup, a4);
    }
}

static gboolean
save_print_setup (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "tadamon", NULL);
  g_autofree char *settings_path = print_config_path ("print-settings.ini");
  g_autofree char *setup_path = print_config_path ("page-setup.ini");

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return gtk_print_settings_to_file (saved_settings, settings_path, error) &&
         gtk_page_setup_to_file (saved_page_setup, setup_path, error);
}

/* Messages ---------------------------------------------------------------------- */

static void
remember_print_setup (TdmReportWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!save_print_setup (&error))
    {
      g_autofree char *message = g_strdup_printf (_("The print settings were not saved: %s"),
                                                  error->message);
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
    }
}

/* The pages ------------------------------------------------------------------------ */

static const char *
kind_title (TdmReportKind kind)
{
  switch (kind)
    {
    case TDM_REPORT_FAIR:
      return _("Fair Report");
    case TDM_REPORT_REGISTRY:
      return _("Registry Report");
    case TDM_REPORT_COOPERATIVE:
      return _("Cooperative Fact Sheet");
    case TDM_REPORT_STAND_LABELS:
      return _("Stand Labels");
    case TDM_REPORT_BADGES:
      return _("Exhibitor Badges");
    default:
      g_return_val_if_reached (NULL);
    }
}

static guint
page_of (GtkWidget *area)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "tdm-page"));
}

/* Where AREA is in the scrolled window's content, in pixels. */
static gboolean
area_extent (TdmReportWindow *self,
             GtkWidget       *area,
             double          *top,
             double          *height)
{
  graphene_rect_t bounds;

  if (gtk_widget_get_height (area) <= 0 ||
      !gtk_widget_compute_bounds (area, GTK_WIDGET (self->pages_box), &bounds))
    return FALSE;

  /* The box's top margin is above its own origin. */
  *top = bounds.origin.y + gtk_widget_get_margin_top (GTK_WIDGET (self->pages_box));
  *height = bounds.size.height;
  return TRUE;
}

/* TRUE when AREA is in the scrolled window's view, or less than half a
 * view away from it: drawn ahead of the scrolling. */
static gboolean
is_near_view (TdmReportWindow *self,
              GtkWidget       *area)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double top = gtk_adjustment_get_value (vadjustment);
  double height = gtk_adjustment_get_page_size (vadjustment);
  double area_top, area_height;

  if (height <= 0 || !area_extent (self, area, &area_top, &area_height))
    return page_of (area) == 0;

  return area_top < top + height * 1.5 && area_top + area_height > top - height * 0.5;
}

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  TdmReportWindow *self = TDM_REPORT_WINDOW (user_data);
  guint page = page_of (GTK_WIDGET (area));
  double page_width, page_height;
  gboolean near = self->document != NULL && is_near_view (self, GTK_WIDGET (area));

  /* Pages far from the view are blank paper until they come near. */
  g_object_set_data (G_OBJECT (area), "tdm-drawn", GINT_TO_POINTER (near));
  if (!near)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      return;
    }

  tdm_document_get_page_size (self->document, page, &page_width, &page_height);
  cairo_scale (cr, width / page_width, height / page_height);
  tdm_document_draw_page (self->document, cr, page);
}

static guint
current_page (TdmReportWindow *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  /* The page under the upper third of the view. */
  double line = gtk_adjustment_get_value (vadjustment) + gtk_adjustment_get_page_size (vadjustment) / 3;
  guint page = 0;

  for (GtkWidget *area = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       area != NULL;
       area = gtk_widget_get_next_sibling (area))
    {
      double top, height;

      /* Pages not laid out yet (just built) have no place. */
      if (area_extent (self, area, &top, &height) && height > 0 && top <= line)
        page = page_of (area);
    }
  return page;
}

static void
update_page_label (TdmReportWindow *self)
{
  guint n_pages = self->document != NULL ? tdm_document_get_n_pages (self->document) : 0;
  g_autofree char *text = NULL;

  /* Translators: where the preview is: "Page 2 of 12". */
  text = g_strdup_printf (_("Page %u of %u"), MIN (current_page (self) + 1, n_pages), n_pages);
  gtk_label_set_label (self->page_label, text);
}

static void
view_moved_cb (TdmReportWindow *self)
{
  for (GtkWidget *area = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       area != NULL;
       area = gtk_widget_get_next_sibling (area))
    {
      if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "tdm-drawn")) &&
          is_near_view (self, area))
        gtk_widget_queue_draw (area);
    }
  update_page_label (self);
}

static void
view_changed_cb (TdmReportWindow *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  if (self->pending_scroll >= 0)
    {
      double fraction = self->pending_scroll;

      self->pending_scroll = -1;
      gtk_adjustment_set_value (vadjustment, fraction * gtk_adjustment_get_upper (vadjustment));
    }
  view_moved_cb (self);
}

static void
update_zoom_label (TdmReportWindow *self)
{
  g_autofree char *zoom = NULL;

  /* Translators: the preview's zoom level, "100 %". */
  zoom = g_strdup_printf (_("%.0f %%"), self->zoom * 100);
  gtk_button_set_label (self->zoom_button, zoom);
}

static void
size_pages (TdmReportWindow *self)
{
  double scale = self->zoom * PIXELS_PER_POINT;

  for (GtkWidget *area = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
       area != NULL;
       area = gtk_widget_get_next_sibling (area))
    {
      double width, height;

      tdm_document_get_page_size (self->document, page_of (area), &width, &height);
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), (int) ceil (width * scale));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) ceil (height * scale));
    }

  update_zoom_label (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.zoom-in",
                                 self->document != NULL && self->zoom * ZOOM_STEP <= ZOOM_MAX + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.zoom-out",
                                 self->document != NULL && self->zoom / ZOOM_STEP >= ZOOM_MIN - 0.001);
}

static void
fill_pages (TdmReportWindow *self)
{
  GtkWidget *child;
  guint n_pages = tdm_document_get_n_pages (self->document);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);

  for (guint i = 0; i < n_pages; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      g_autofree char *name = NULL;

      g_object_set_data (G_OBJECT (area), "tdm-page", GUINT_TO_POINTER (i));
      gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (area, "report-page");
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_cb, self, NULL);
      /* Translators: how a screen reader names a page of the preview. */
      name = g_strdup_printf (_("Page %u of %u"), i + 1, n_pages);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_box_append (self->pages_box, area);
    }

  size_pages (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update_page_label (self);
}

static void
set_document_actions_enabled (TdmReportWindow *self,
                              gboolean         enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-pdf", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.zoom-reset", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.zoom-in", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.zoom-out", enabled);
}

/* Builds the report on this thread: the report's language is pushed
 * for the whole process while it is built (tdm-report-language.h). */
static void
build (TdmReportWindow *self)
{
  g_autoptr(TdmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->document);

  document = tdm_report_new (self->store, self->kind, self->id, self->language, &error);
  if (document != NULL && !tdm_document_layout (document, &error))
    g_clear_object (&document);

  if (document == NULL)
    {
      g_autofree char *description = g_markup_escape_text (error->message, -1);
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
        gtk_box_remove (self->pages_box, child);
      /* The description is markup. */
      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->stack, "error");
      adw_window_title_set_title (self->window_title, kind_title (self->kind));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), kind_title (self->kind));
      set_document_actions_enabled (self, FALSE);
      return;
    }

  _tdm_report_window_set_document (self, document);
}

void
_tdm_report_window_set_document (TdmReportWindow *self,
                                 TdmDocument     *document)
{
  const char *title;

  g_return_if_fail (TDM_IS_REPORT_WINDOW (self));
  g_return_if_fail (TDM_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  title = tdm_document_get_title (self->document);
  if (title == NULL || *title == '\0')
    title = kind_title (self->kind);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, kind_title (self->kind));
  gtk_window_set_title (GTK_WINDOW (self), title);

  set_document_actions_enabled (self, TRUE);
  fill_pages (self);
  gtk_stack_set_visible_child_name (self->stack, "pages");
}

/* Zoom ---------------------------------------------------------------------------------- */

static void
set_zoom (TdmReportWindow *self,
          double           zoom)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double upper = gtk_adjustment_get_upper (vadjustment);

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (self->document == NULL || fabs (zoom - self->zoom) < 0.0001)
    return;

  /* The same place stays in view once the pages have their new size. */
  self->pending_scroll = upper > 0 ? gtk_adjustment_get_value (vadjustment) / upper : 0;
  self->zoom = zoom;
  size_pages (self);
}

static void
zoom_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TdmReportWindow *self = TDM_REPORT_WINDOW (widget);

  set_zoom (self, self->zoom * ZOOM_STEP);
}

static void
zoom_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TdmReportWindow *self = TDM_REPORT_WINDOW (widget);

  set_zoom (self, self->zoom / ZOOM_STEP);
}

static void
zoom_reset_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_zoom (TDM_REPORT_WINDOW (widget), 1.0);
}

/* Printing ---------------------------------------------------------------------------- */

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page,
                       GtkPageSetup      *setup,
                       TdmDocument       *document)
{
  /* Landscape pages (wide tables) turn the paper, not the drawing. */
  gtk_page_setup_set_orientation (setup,
                                  tdm_document_get_page_orientation (document, page) == TDM_PAGE_LANDSCAPE
                                  ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_printed_page_cb (GtkPrintOperation *operation,
                      GtkPrintContext   *context,
                      int                page,
                      TdmDocument       *document)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double paper_width = gtk_print_context_get_width (context);
  double paper_height = gtk_print_context_get_height (context);
  double width, height, scale;

  /* The context is in points over the whole sheet (use-full-page): an
   * A4 page is drawn as it is on A4 paper, and shrunk to fit, centred,
   * on another paper. */
  tdm_document_get_page_size (document, page, &width, &height);
  scale = MIN (paper_width / width, paper_height / height);
  cairo_translate (cr, (paper_width - width * scale) / 2, (paper_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  tdm_document_draw_page (document, cr, page);
}

GtkPrintOperation *
_tdm_report_window_new_print_operation (TdmReportWindow *self)
{
  GtkPrintOperation *operation;
  const char *title;

  g_return_val_if_fail (TDM_IS_REPORT_WINDOW (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  load_print_setup ();

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_print_settings (operation, saved_settings);
  gtk_print_operation_set_default_page_setup (operation, saved_page_setup);
  gtk_print_operation_set_n_pages (operation, (int) tdm_document_get_n_pages (self->document));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  title = tdm_document_get_title (self->document);
  if (title != NULL && *title != '\0')
    gtk_print_operation_set_job_name (operation, title);

  /* The operation keeps the document it prints: a language changed
   * meanwhile builds another one for the preview. */
  g_object_set_data_full (G_OBJECT (operation), "tdm-document",
                          g_object_ref (self->document), g_object_unref);
  g_signal_connect (operation, "request-page-setup",
                    G_CALLBACK (request_page_setup_cb), self->document);
  g_signal_connect (operation, "draw-page",
                    G_CALLBACK (draw_printed_page_cb), self->document);

  return operation;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               TdmReportWindow         *self)
{
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (operation), "tdm-done", GINT_TO_POINTER (TRUE));

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        tdm_app_show_error (GTK_WINDOW (self), _("Cannot Print the Report"), error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* The dialog's Page Setup tab changes the operation's default. */
      g_set_object (&saved_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&saved_page_setup, gtk_print_operation_get_default_page_setup (operation));
      remember_print_setup (self);
    }
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TdmReportWindow *self = TDM_REPORT_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->document == NULL)
    return;

  operation = _tdm_report_window_new_print_operation (self);
  /* The dialog's "Current page": the one in view. */
  gtk_print_operation_set_current_page (operation, (int) current_page (self));
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  /* An error before the dialog is not always told through ::done. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "tdm-done") == NULL)
    tdm_app_show_error (GTK_WINDOW (self), _("Cannot Print the Report"), error);
}

static void
page_setup_done_cb (GtkPageSetup *page_setup,
                    gpointer      user_data)
{
  g_autoptr(TdmReportWindow) self = user_data;

  /* NULL when the dialog was cancelled. */
  if (page_setup == NULL)
    return;

  g_set_object (&saved_page_setup, page_setup);
  remember_print_setup (self);
}

static void
page_setup_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  load_print_setup ();
  gtk_print_run_page_setup_dialog_async (GTK_WINDOW (widget), saved_page_setup, saved_settings,
                                         page_setup_done_cb, g_object_ref (widget));
}

/* Export as PDF --------------------------------------------------------------------------- */

/* The folder of the last PDF exported in this process. */
static GFile *export_folder;

gboolean
_tdm_report_window_export_pdf (TdmReportWindow  *self,
                               GFile            *file,
                               GError          **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GError) local_error = NULL;
  AdwToast *toast;

  g_return_val_if_fail (TDM_IS_REPORT_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (self->document == NULL)
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The report could not be made, so there is nothing to export."));
  else if (path == NULL)
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Only a file on this computer can be written."));

  if (local_error != NULL || !tdm_document_write_pdf (self->document, path, &local_error))
    {
      tdm_app_show_error (GTK_WINDOW (self), _("The Export Failed"), local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_object (&export_folder);
  export_folder = g_file_get_parent (file);

  name = g_file_get_basename (file);
  uri = g_file_get_uri (file);
  message = g_strdup_printf (_("Report saved as “%s”"), name);
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "report.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    TdmReportWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        _tdm_report_window_export_pdf (self, file, NULL);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TdmReportWindow *self = TDM_REPORT_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_filter_add_pattern (filter, "*.PDF");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* The folder of the last export, else Documents, else home. */
  if (export_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), export_folder, NULL);
  else
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
      g_autoptr(GFile) folder = NULL;

      if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR))
        documents = g_get_home_dir ();
      folder = g_file_new_for_path (documents);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  name = tdm_report_suggest_file_name (self->document);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_file_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* Language ---------------------------------------------------------------------------------- */

const char *
tdm_report_window_get_language (TdmReportWindow *self)
{
  g_return_val_if_fail (TDM_IS_REPORT_WINDOW (self), NULL);

  return self->language;
}

void
tdm_report_window_set_language (TdmReportWindow *self,
                                const char      *language)
{
  guint index = 0;

  g_return_if_fail (TDM_IS_REPORT_WINDOW (self));
  g_return_if_fail (language != NULL);

  /* "ar_MA" is Arabic; anything else is written in French. */
  language = tdm_report_language_is_rtl (language) ? "ar" : "fr";
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i], language))
      index = i;

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  gtk_drop_down_set_selected (self->language_dropdown, index);

  /* Before construction the store is not there yet: constructed()
   * builds. */
  if (self->store != NULL)
    build (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

static void
language_selected_cb (TdmReportWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  if (selected < G_N_ELEMENTS (languages))
    tdm_report_window_set_language (self, languages[selected]);
}

/* Getters --------------------------------------------------------------------------------------- */

TdmReportKind
tdm_report_window_get_kind (TdmReportWindow *self)
{
  g_return_val_if_fail (TDM_IS_REPORT_WINDOW (self), TDM_REPORT_FAIR);

  return self->kind;
}

gint64
tdm_report_window_get_id (TdmReportWindow *self)
{
  g_return_val_if_fail (TDM_IS_REPORT_WINDOW (self), 0);

  return self->id;
}

TdmStore *
tdm_report_window_get_store (TdmReportWindow *self)
{
  g_return_val_if_fail (TDM_IS_REPORT_WINDOW (self), NULL);

  return self->store;
}

TdmDocument *
tdm_report_window_get_document (TdmReportWindow *self)
{
  g_return_val_if_fail (TDM_IS_REPORT_WINDOW (self), NULL);

  return self->document;
}

GtkLabel *
_tdm_report_window_get_page_label (TdmReportWindow *self)
{
  return self->page_label;
}

GtkDropDown *
_tdm_report_window_get_language_dropdown (TdmReportWindow *self)
{
  return self->language_dropdown;
}

AdwStatusPage *
_tdm_report_window_get_error_page (TdmReportWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0
         ? self->error_page : NULL;
}

double
_tdm_report_window_get_zoom (TdmReportWindow *self)
{
  return self->zoom;
}

/* GObject -------------------------------------------------------------------------------------- */

TdmReportWindow *
tdm_report_window_new (GtkWindow     *parent,
                       TdmStore      *store,
                       TdmReportKind  kind,
                       gint64         id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  return g_object_new (TDM_TYPE_REPORT_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "destroy-with-parent", TRUE,
                       "store", store,
                       "kind", kind,
                       "id", id,
                       NULL);
}

static void
tdm_report_window_constructed (GObject *object)
{
  TdmReportWindow *self = TDM_REPORT_WINDOW (object);

  G_OBJECT_CLASS (tdm_report_window_parent_class)->constructed (object);

  build (self);
}

static void
tdm_report_window_dispose (GObject *object)
{
  TdmReportWindow *self = TDM_REPORT_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tdm_report_window_parent_class)->dispose (object);
}

static void
tdm_report_window_finalize (GObject *object)
{
  TdmReportWindow *self = TDM_REPORT_WINDOW (object);

  g_free (self->language);

  G_OBJECT_CLASS (tdm_report_window_parent_class)->finalize (object);
}

static void
tdm_report_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TdmReportWindow *self = TDM_REPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_report_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TdmReportWindow *self = TDM_REPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_LANGUAGE:
      tdm_report_window_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_report_window_class_init (TdmReportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tdm_report_window_constructed;
  object_class->dispose = tdm_report_window_dispose;
  object_class->finalize = tdm_report_window_finalize;
  object_class->get_property = tdm_report_window_get_property;
  object_class->set_property = tdm_report_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TDM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TDM_TYPE_REPORT_KIND, TDM_REPORT_FAIR,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-report-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmReportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TdmReportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TdmReportWindow, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdmReportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TdmReportWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, TdmReportWindow, pages_box);
  gtk_widget_class_bind_template_child (widget_class, TdmReportWindow, page_label);
  gtk_widget_class_bind_template_child (widget_class, TdmReportWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, TdmReportWindow, error_page);

  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "report.page-setup", NULL, page_setup_activated);
  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "report.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_install_action (widget_class, "report.zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_install_action (widget_class, "report.zoom-reset", NULL, zoom_reset_activated);
  gtk_widget_class_install_action (widget_class, "report.open-file", "s", open_file_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "report.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "report.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "report.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "report.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "report.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "report.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "report.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "report.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
tdm_report_window_init (TdmReportWindow *self)
{
  GtkAdjustment *vadjustment;
  const char *language = tdm_report_language_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->zoom = 1.0;
  self->pending_scroll = -1;
  self->language = g_strdup (language);
  update_zoom_label (self);
  gtk_drop_down_set_selected (self->language_dropdown, g_str_equal (language, "ar") ? 0 : 1);
  g_signal_connect_object (self->language_dropdown, "notify::selected",
                           G_CALLBACK (language_selected_cb), self, G_CONNECT_SWAPPED);

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (view_moved_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "changed", G_CALLBACK (view_changed_cb),
                           self, G_CONNECT_SWAPPED);
}
