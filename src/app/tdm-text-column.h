/* tdm-text-column.h: a GtkColumnView column that shows one line of text
 * computed from its item, sortable by that text (short lists of a fair:
 * sorted by GTK, not SQL).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The text of ITEM for the column; a new string or NULL. */
typedef char *(*TdmTextColumnFunc) (gpointer item);

/* A column titled TITLE; FIXED_WIDTH -1 for natural. Its sorter compares
 * the texts (numbers with NUMERIC by their value). */
GtkColumnViewColumn *tdm_text_column_new (const char        *title,
                                          TdmTextColumnFunc  func,
                                          gboolean           expand,
                                          int                fixed_width,
                                          gboolean           numeric);

/* The sorter such a column has, for a column with another factory. */
GtkSorter           *tdm_text_column_sorter_new (TdmTextColumnFunc func,
                                                 gboolean          numeric);

/* Appends the column to VIEW (which takes it). */
void                 tdm_text_column_append (GtkColumnView     *view,
                                             const char        *title,
                                             TdmTextColumnFunc  func,
                                             gboolean           expand,
                                             int                fixed_width,
                                             gboolean           numeric);

G_END_DECLS
