/* tdm-cooperative-page-private.h: the page's parts, for the UI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-cooperative-page.h"
#include "tdm-cooperative-list.h"
#include "tdm-place.h"

G_BEGIN_DECLS

/* Shows at most LIMIT rows in the table (G_MAXUINT: all), for the window's
 * first frame. */
void                _tdm_cooperative_page_set_row_limit    (TdmCooperativePage *self,
                                                            guint               limit);

GtkEditable        *_tdm_cooperative_page_get_search_entry (TdmCooperativePage *self);
TdmCooperativeList *_tdm_cooperative_page_get_list         (TdmCooperativePage *self);
GtkSingleSelection *_tdm_cooperative_page_get_selection    (TdmCooperativePage *self);
GtkColumnView      *_tdm_cooperative_page_get_column_view  (TdmCooperativePage *self);
/* The drop-down that filters by KIND. */
GtkDropDown        *_tdm_cooperative_page_get_filter       (TdmCooperativePage *self,
                                                            TdmPlaceKind        kind);
GtkLabel           *_tdm_cooperative_page_get_count_label  (TdmCooperativePage *self);
/* The toast offering to undo the last deletion, while it is shown. */
AdwToast           *_tdm_cooperative_page_get_undo_toast   (TdmCooperativePage *self);
/* The editor the page opened last, while it is open. */
GtkWidget          *_tdm_cooperative_page_get_editor       (TdmCooperativePage *self);

G_END_DECLS
