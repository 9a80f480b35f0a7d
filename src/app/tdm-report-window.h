/* tdm-report-window.h: one report's print preview, with its language,
 * page setup, printing and export as PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-report.h"
#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_REPORT_WINDOW (tdm_report_window_get_type ())
G_DECLARE_FINAL_TYPE (TdmReportWindow, tdm_report_window, TDM, REPORT_WINDOW, AdwWindow)

/* A window, transient for PARENT (and in its application), showing
 * report KIND of ID (ignored for the registry) built from STORE in
 * tdm_report_language_default(). The report is built before it returns:
 * a builder's error is shown in the window in place of the pages.
 * Actions: report.print (Ctrl+P), report.page-setup, report.export-pdf
 * (Ctrl+Shift+S), report.zoom-in, report.zoom-out, report.zoom-reset. */
TdmReportWindow *tdm_report_window_new          (GtkWindow       *parent,
                                                 TdmStore        *store,
                                                 TdmReportKind    kind,
                                                 gint64           id);
TdmReportKind    tdm_report_window_get_kind     (TdmReportWindow *self);
gint64           tdm_report_window_get_id       (TdmReportWindow *self);
TdmStore        *tdm_report_window_get_store    (TdmReportWindow *self);

/* "ar" or "fr": the report's language, not the window's. Setting it
 * builds the report again. */
const char      *tdm_report_window_get_language (TdmReportWindow *self);
void             tdm_report_window_set_language (TdmReportWindow *self,
                                                 const char      *language);

/* The report as built, or NULL after a builder's error. */
TdmDocument     *tdm_report_window_get_document (TdmReportWindow *self);

G_END_DECLS
