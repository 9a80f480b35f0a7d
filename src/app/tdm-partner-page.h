/* tdm-partner-page.h: the partners: search, kind filter, sortable columns,
 * the editor, delete with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_PARTNER_PAGE (tdm_partner_page_get_type ())
G_DECLARE_FINAL_TYPE (TdmPartnerPage, tdm_partner_page, TDM, PARTNER_PAGE, AdwBin)

/* Property "store" (TdmStore, may be NULL), as every page of the window.
 * Actions, as on the cooperatives page (the window's win.* forward to
 * them): page.find, page.new, page.edit, page.delete (Delete key),
 * page.undo (while the toast of a delete is shown). */
TdmStore       *tdm_partner_page_get_store (TdmPartnerPage *self);
void            tdm_partner_page_set_store (TdmPartnerPage *self,
                                            TdmStore       *store);
/* The list the page shows (a TdmPartnerList), or NULL without a store. */
GListModel     *tdm_partner_page_get_model (TdmPartnerPage *self);

G_END_DECLS
