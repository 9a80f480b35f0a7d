/* tdm-partner-editor.h: the form that creates or edits a partner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "tdm-store.h"
#include "tdm-partner.h"

G_BEGIN_DECLS

#define TDM_TYPE_PARTNER_EDITOR (tdm_partner_editor_get_type ())
G_DECLARE_FINAL_TYPE (TdmPartnerEditor, tdm_partner_editor, TDM, PARTNER_EDITOR, AdwWindow)

/* Edits a copy of PARTNER, or a new partner when it is NULL. Saving
 * writes through STORE, emits TdmPartnerEditor::saved with the saved
 * record and closes the window; a record that is not valid keeps the
 * window open with the messages beside the fields. */
TdmPartnerEditor *tdm_partner_editor_new  (GtkWindow        *parent,
                                           TdmStore         *store,
                                           TdmPartner       *partner);
/* Saves as the Save button does; FALSE when the record was not valid or
 * the store refused it (the window then says why). */
gboolean          tdm_partner_editor_save (TdmPartnerEditor *self);

G_END_DECLS
