/* tdm-fair-partner-list.h: the partners of a fair, each in a role
 * (organizer, funder ...) with an optional amount: add, change the role,
 * remove.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_FAIR_PARTNER_LIST (tdm_fair_partner_list_get_type ())
G_DECLARE_FINAL_TYPE (TdmFairPartnerList, tdm_fair_partner_list, TDM, FAIR_PARTNER_LIST, AdwBin)

GtkWidget *tdm_fair_partner_list_new      (void);
void       tdm_fair_partner_list_set_fair (TdmFairPartnerList *self,
                                           TdmStore           *store,
                                           gint64              fair_id);

G_END_DECLS
