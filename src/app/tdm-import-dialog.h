/* tdm-import-dialog.h: imports a CSV file with a progress bar, Cancel and
 * a report of the rows that were left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "tdm-store.h"
#include "tdm-csv.h"

G_BEGIN_DECLS

#define TDM_TYPE_IMPORT_DIALOG (tdm_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdmImportDialog, tdm_import_dialog, TDM, IMPORT_DIALOG, AdwWindow)

/* Properties: "store" (the window's store: the import runs on a second
 * connection to the same file and then tells this one what changed),
 * "file", "kind" (a TdmCsvKind), "strict", read-only "running". */
TdmImportDialog *tdm_import_dialog_new   (GtkWindow       *parent,
                                          TdmStore        *store,
                                          TdmCsvKind       kind,
                                          GFile           *file);
/* Starts the import, as the Import button does. */
void             tdm_import_dialog_start (TdmImportDialog *self);
gboolean         tdm_import_dialog_get_running (TdmImportDialog *self);

G_END_DECLS
