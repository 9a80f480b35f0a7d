/* tdm-pole-list.h: a fair's poles: names in Arabic and French and a
 * colour; add, edit, delete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_POLE_LIST (tdm_pole_list_get_type ())
G_DECLARE_FINAL_TYPE (TdmPoleList, tdm_pole_list, TDM, POLE_LIST, AdwBin)

GtkWidget *tdm_pole_list_new      (void);
void       tdm_pole_list_set_fair (TdmPoleList *self,
                                   TdmStore    *store,
                                   gint64       fair_id);
/* Fills the form with pole ID (0: a new pole) and shows it. */
void       tdm_pole_list_edit     (TdmPoleList *self,
                                   gint64       id);
/* Saves the form; on refusal the message stands under it, FALSE. */
gboolean   tdm_pole_list_save     (TdmPoleList *self);

G_END_DECLS
