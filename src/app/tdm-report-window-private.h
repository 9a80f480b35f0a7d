/* tdm-report-window-private.h: what the report window does once a file
 * is chosen, and its parts, for the UI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-report-window.h"

G_BEGIN_DECLS

/* Writes the report as a PDF to FILE; shows a toast naming it, or a
 * dialog with the error (also returned). */
gboolean          _tdm_report_window_export_pdf           (TdmReportWindow *self,
                                                           GFile           *file,
                                                           GError         **error);
/* The operation report.print runs: pages, page setup and drawing set,
 * the remembered print settings and page setup applied. */
GtkPrintOperation *_tdm_report_window_new_print_operation (TdmReportWindow *self);

/* Shows DOCUMENT, laid out, in place of the report built. */
void              _tdm_report_window_set_document         (TdmReportWindow *self,
                                                           TdmDocument     *document);

/* "Page 1 of 12". */
GtkLabel         *_tdm_report_window_get_page_label       (TdmReportWindow *self);
GtkDropDown      *_tdm_report_window_get_language_dropdown (TdmReportWindow *self);
/* The status page showing a builder's error, or NULL while pages show. */
AdwStatusPage    *_tdm_report_window_get_error_page       (TdmReportWindow *self);
double            _tdm_report_window_get_zoom             (TdmReportWindow *self);

G_END_DECLS
