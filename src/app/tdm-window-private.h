/* tdm-window-private.h: what the window's own files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-window.h"
#include "tdm-cooperative-page.h"

G_BEGIN_DECLS

/* Defined in tdm-window-actions.c: the database, CSV, shortcuts and about
 * actions (win.new-database, win.open-database, ...). Called once from
 * tdm_window_init(). */
void                _tdm_window_actions_init          (TdmWindow *self);

TdmCooperativePage *_tdm_window_get_cooperative_page  (TdmWindow *self);

G_END_DECLS
