/* tdm-dashboard-page.h: the Dashboard section: the Registry, Fair and
 * Press boards, their figures computed off the main loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-board.h"
#include "tdm-chart-widget.h"
#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_DASHBOARD_PAGE (tdm_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (TdmDashboardPage, tdm_dashboard_page, TDM, DASHBOARD_PAGE, AdwBin)

/* Property "store" (TdmStore, may be NULL), as every page of the window.
 * The figures are computed in a worker thread with its own connection to
 * the store's file, again ~300 ms after the records change; read-only
 * property "busy" is TRUE meanwhile. A click on a region, province or
 * sector of the Registry board shows its cooperatives. */
TdmStore       *tdm_dashboard_page_get_store        (TdmDashboardPage *self);
void            tdm_dashboard_page_set_store        (TdmDashboardPage *self,
                                                     TdmStore         *store);
gboolean        tdm_dashboard_page_get_busy         (TdmDashboardPage *self);
void            tdm_dashboard_page_show_board       (TdmDashboardPage *self,
                                                     TdmBoard          board);
/* The fair of the Fair board and of the editions chart; 0: none. */
gint64          tdm_dashboard_page_get_fair         (TdmDashboardPage *self);
void            tdm_dashboard_page_set_fair         (TdmDashboardPage *self,
                                                     gint64            fair_id);
/* The widget of the chart NAME (see tdm_board_get_charts()). */
TdmChartWidget *tdm_dashboard_page_get_chart_widget (TdmDashboardPage *self,
                                                     const char       *name);

G_END_DECLS
