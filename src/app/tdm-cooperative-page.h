/* tdm-cooperative-page.h: the registry of cooperatives: search, filters,
 * a sortable table, and the editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tdm-place.h"
#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_COOPERATIVE_PAGE (tdm_cooperative_page_get_type ())
G_DECLARE_FINAL_TYPE (TdmCooperativePage, tdm_cooperative_page, TDM, COOPERATIVE_PAGE, GtkWidget)

/* Property "store" (TdmStore, may be NULL), as every page of the window.
 * Actions (the window's win.find, win.delete ... forward to them):
 * page.find, page.new, page.edit, page.delete, page.undo. */
TdmStore  *tdm_cooperative_page_get_store  (TdmCooperativePage *self);
void       tdm_cooperative_page_set_store  (TdmCooperativePage *self,
                                            TdmStore           *store);

/* Opens the editor on the first cooperative of the list (a new one when
 * the list is empty) and returns its window, for --page cooperative-editor. */
GtkWidget *tdm_cooperative_page_edit_first (TdmCooperativePage *self);

/* Lists only the cooperatives of one region, province or sector (KIND,
 * ID), the other filters and the search cleared: a dashboard's bar shows
 * the records behind it. */
void       tdm_cooperative_page_show_place (TdmCooperativePage *self,
                                            TdmPlaceKind        kind,
                                            gint64              id);

G_END_DECLS
