/* tdm-fair-overview.h: a fair's fields in a form (also the form of a new
 * fair), with the messages of the store's validation beside the fields,
 * and its key counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-fair.h"
#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_FAIR_OVERVIEW (tdm_fair_overview_get_type ())
G_DECLARE_FINAL_TYPE (TdmFairOverview, tdm_fair_overview, TDM, FAIR_OVERVIEW, AdwBin)

/* Signal "saved" (TdmFair *fair): the form was written (a new fair now
 * has its id). Property "fair-id" (read-only, notified): the fair shown,
 * 0 for the form of a new fair. Its "Print Report…" button activates
 * win.report-fair. */
GtkWidget *tdm_fair_overview_new      (void);
/* Shows fair FAIR_ID of STORE; 0 for the form of a new fair. */
void       tdm_fair_overview_set_fair (TdmFairOverview *self,
                                       TdmStore        *store,
                                       gint64           fair_id);
gint64     tdm_fair_overview_get_fair_id (TdmFairOverview *self);
/* Validates and writes the form; FALSE with the messages shown beside
 * their fields when something is refused. */
gboolean   tdm_fair_overview_save     (TdmFairOverview *self);

G_END_DECLS
