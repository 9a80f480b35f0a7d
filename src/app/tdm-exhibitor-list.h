/* tdm-exhibitor-list.h: a fair's exhibitors: the table, status changes
 * along the allowed transitions, adding a cooperative of the registry or
 * another organization, assigning a stand, CSV import; rows can be
 * dragged onto the floor plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_EXHIBITOR_LIST (tdm_exhibitor_list_get_type ())
G_DECLARE_FINAL_TYPE (TdmExhibitorList, tdm_exhibitor_list, TDM, EXHIBITOR_LIST, AdwBin)

/* Actions (group "exhibitors"), on the selected exhibitor:
 * exhibitors.accept, .waitlist, .reject, .confirm, .withdraw (enabled as
 * tdm_exhibitor_status_can_change() allows), exhibitors.assign (the stand
 * chosen in its form), exhibitors.unassign; and exhibitors.add,
 * exhibitors.import (CSV). Refusals are shown in a toast with the store's
 * message and change nothing. */
GtkWidget  *tdm_exhibitor_list_new         (void);
void        tdm_exhibitor_list_set_fair    (TdmExhibitorList *self,
                                            TdmStore         *store,
                                            gint64            fair_id);
/* What the table shows (TdmExhibitor, filtered and sorted). */
GListModel *tdm_exhibitor_list_get_model   (TdmExhibitorList *self);
/* Selects exhibitor ID; FALSE when it is not shown. */
gboolean    tdm_exhibitor_list_select      (TdmExhibitorList *self,
                                            gint64            id);

/* Makes WIDGET, the child of ITEM (whose item is a TdmExhibitor), a drag
 * source carrying the exhibitor's id (G_TYPE_INT64) to the plan. */
void        tdm_exhibitor_drag_source_attach (GtkWidget      *widget,
                                              GtkListItem    *item);

G_END_DECLS
