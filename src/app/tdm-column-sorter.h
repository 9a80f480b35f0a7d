/* tdm-column-sorter.h: the sorter of one column whose sorting is done in
 * SQL by the model, not by GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TDM_TYPE_COLUMN_SORTER (tdm_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (TdmColumnSorter, tdm_column_sorter, TDM, COLUMN_SORTER, GtkSorter)

/* GtkColumnViewSorter has no getters for its primary column before GTK
 * 4.10. tdm_column_sorter_probe() finds them: it makes SORTER (the column
 * view's) compare two placeholder items; the column sorters are asked in
 * priority order and each of ours answers "smaller", so the first one
 * asked, the only one, is the primary column, and an inverted answer
 * means descending. Returns the "key" of the primary column's sorter,
 * or -1 when no column sorts. */
int        tdm_column_sorter_probe   (GtkSorter       *sorter,
                                      GtkColumnView   *column_view,
                                      gboolean        *descending);

/* "key": what the model sorts by (for example a TdmCooperativeSort). */
int        tdm_column_sorter_get_key (TdmColumnSorter *self);

G_END_DECLS
