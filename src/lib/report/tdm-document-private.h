/* tdm-document-private.h: where the layout put each block, for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-document.h"

G_BEGIN_DECLS

/* Blocks are numbered in the order they were added, tdm_document_new_page()
 * and tdm_document_add_space() included. */
guint     tdm_document_get_n_blocks      (TdmDocument *self);

/* Where block INDEX went after tdm_document_layout(): the pages it starts
 * and ends on (0-based) and its box on the first one, in points. FALSE for
 * a block that takes no room (a page break, a space) or does not exist. */
gboolean  tdm_document_get_block_extent  (TdmDocument *self,
                                          guint        index,
                                          guint       *first_page,
                                          guint       *last_page,
                                          double      *x,
                                          double      *y,
                                          double      *width,
                                          double      *height);

G_END_DECLS
