/* tdm-cooperative-editor.h: the form that creates or edits a cooperative.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-store.h"
#include "tdm-cooperative.h"

G_BEGIN_DECLS

#define TDM_TYPE_COOPERATIVE_EDITOR (tdm_cooperative_editor_get_type ())
G_DECLARE_FINAL_TYPE (TdmCooperativeEditor, tdm_cooperative_editor, TDM, COOPERATIVE_EDITOR, AdwWindow)

/* A modal window on PARENT editing a copy of COOPERATIVE, or a new
 * cooperative when it is NULL. Save writes it in one transaction, emits
 * ::saved (TdmCooperative *, the record as saved, its id set) and closes;
 * Escape or Cancel closes without writing. */
TdmCooperativeEditor *tdm_cooperative_editor_new (GtkWindow      *parent,
                                                  TdmStore       *store,
                                                  TdmCooperative *cooperative);

G_END_DECLS
