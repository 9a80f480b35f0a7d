/* tdm-fair-page.h: the Fairs section: the list of fairs, and a fair's
 * page with its tabs (overview, poles, floor plan, exhibitors, partners).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-exhibitor-list.h"
#include "tdm-plan-editor.h"
#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_FAIR_PAGE (tdm_fair_page_get_type ())
G_DECLARE_FINAL_TYPE (TdmFairPage, tdm_fair_page, TDM, FAIR_PAGE, AdwBin)

/* Property "store" (TdmStore, may be NULL), as every page of the window.
 * Actions: page.new (a new fair's form), page.back (to the list),
 * page.undo (the plan's Undo while the plan is shown). */
TdmStore         *tdm_fair_page_get_store         (TdmFairPage *self);
void              tdm_fair_page_set_store         (TdmFairPage *self,
                                                   TdmStore    *store);
/* The fairs the list shows (TdmFair, sorted as the columns say). */
GListModel       *tdm_fair_page_get_fairs         (TdmFairPage *self);

/* Opens fair ID on its overview; FALSE when there is no such fair. */
gboolean          tdm_fair_page_show_fair         (TdmFairPage *self,
                                                   gint64       id);
void              tdm_fair_page_show_list         (TdmFairPage *self);
/* "overview", "poles", "plan", "exhibitors", "partners". */
gboolean          tdm_fair_page_show_tab          (TdmFairPage *self,
                                                   const char  *tab);
gint64            tdm_fair_page_get_fair_id       (TdmFairPage *self);

TdmPlanEditor    *tdm_fair_page_get_plan_editor   (TdmFairPage *self);
TdmExhibitorList *tdm_fair_page_get_exhibitor_list (TdmFairPage *self);

/* For --page fair-TAB: finds the fair page under ROOT and opens the
 * first fair of its list on TAB. FALSE when there is no page, no fair or
 * no such tab. */
gboolean          tdm_fair_page_open_first        (GtkWidget   *root,
                                                   const char  *tab);

G_END_DECLS
