/* tdm-window-report-actions-private.h: the window's report actions
 * (win.report, win.report-fair, win.report-registry,
 * win.report-cooperative, win.report-labels, win.report-badges).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-report-window.h"
#include "tdm-window.h"

G_BEGIN_DECLS

/* Adds the actions to SELF; called once from _tdm_window_actions_init(). */
void             _tdm_window_report_actions_init (TdmWindow     *self);

/* Shows report KIND of ID of the window's database in a report window,
 * bringing forward the one already open on the same report. NULL when no
 * database is open. */
TdmReportWindow *_tdm_window_open_report         (TdmWindow     *self,
                                                  TdmReportKind  kind,
                                                  gint64         id);

/* For --page report-NAME: NAME is a kind's word ("fair", "registry",
 * "cooperative", "labels", "badges"); a fair's reports are of the first
 * fair of the Fairs section, the fact sheet of the first cooperative of
 * the list. NULL when NAME is no kind or there is nothing to report on. */
TdmReportWindow *_tdm_window_open_first_report   (TdmWindow     *self,
                                                  const char    *name);

G_END_DECLS
