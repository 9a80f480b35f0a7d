/* tdm-window.h: the main window: a sidebar of sections and their pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_WINDOW (tdm_window_get_type ())
G_DECLARE_FINAL_TYPE (TdmWindow, tdm_window, TDM, WINDOW, AdwApplicationWindow)

TdmWindow *tdm_window_new              (GtkApplication *application);

/* The database every page shows, or NULL. Setting it hands it to every
 * page of the stack that has a "store" property (the pages' contract) and
 * notifies "store". */
TdmStore  *tdm_window_get_store        (TdmWindow      *self);
void       tdm_window_set_store        (TdmWindow      *self,
                                        TdmStore       *store);

/* Shows why the database at PATH could not be opened, with a button to
 * open another one, in place of the pages (the store is cleared). */
void       tdm_window_show_store_error (TdmWindow      *self,
                                        const char     *path,
                                        const GError   *error);

/* Takes ownership of TOAST. */
void       tdm_window_add_toast        (TdmWindow      *self,
                                        AdwToast       *toast);

/* "cooperatives", "partners" ... FALSE when there is no such page. */
gboolean   tdm_window_show_page        (TdmWindow      *self,
                                        const char     *name);
const char *tdm_window_get_page        (TdmWindow      *self);

G_END_DECLS
