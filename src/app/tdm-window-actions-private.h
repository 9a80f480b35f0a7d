/* tdm-window-actions-private.h: what the window's database and CSV
 * actions do once a file is chosen, for the UI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-window.h"
#include "tdm-import-dialog.h"

G_BEGIN_DECLS

/* Opens FILE and shows it in SELF. On failure an AdwMessageDialog says
 * why and SELF keeps its database; returns FALSE. */
gboolean         _tdm_window_open_database   (TdmWindow           *self,
                                              GFile               *file);
/* Creates a new database at FILE (a file already there is moved to the
 * trash, unless it is the open database) and shows it. */
gboolean         _tdm_window_new_database    (TdmWindow           *self,
                                              GFile               *file);
/* Copies the open database to DEST in a worker thread, then shows a
 * toast (or a dialog with the error) and calls CALLBACK, if any; finish
 * with _tdm_window_task_finish(). */
void             _tdm_window_backup_database (TdmWindow           *self,
                                              GFile               *dest,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Writes the records of KIND to DEST in a worker thread, same pattern:
 * an Excel workbook when DEST's name ends in .xlsx, else CSV. */
void             _tdm_window_export_csv      (TdmWindow           *self,
                                              TdmCsvKind           kind,
                                              GFile               *dest,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean         _tdm_window_task_finish     (TdmWindow           *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* Shows the import dialog for FILE, set for the records of the visible
 * page. */
TdmImportDialog *_tdm_window_import_csv      (TdmWindow           *self,
                                              GFile               *file);

G_END_DECLS
