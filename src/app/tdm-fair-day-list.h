/* tdm-fair-day-list.h: after the fair, the visitors and declared sales
 * of each of its days: add, edit, delete (with Undo) and the totals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_FAIR_DAY_LIST (tdm_fair_day_list_get_type ())
G_DECLARE_FINAL_TYPE (TdmFairDayList, tdm_fair_day_list, TDM, FAIR_DAY_LIST, AdwBin)

GtkWidget *tdm_fair_day_list_new      (void);
void       tdm_fair_day_list_set_fair (TdmFairDayList *self,
                                       TdmStore       *store,
                                       gint64          fair_id);

G_END_DECLS
