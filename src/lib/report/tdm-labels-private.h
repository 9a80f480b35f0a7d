/* tdm-labels-private.h: where stand labels and badges go on their A4
 * sheets, for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-report.h"

G_BEGIN_DECLS

/* How many labels (TDM_REPORT_STAND_LABELS) or badges (TDM_REPORT_BADGES)
 * a sheet holds. */
guint tdm_labels_per_sheet (TdmReportKind  kind);

/* The box of the INDEX-th label or badge of a sheet (0-based, in reading
 * order: from the right in an RTL document), in points from the A4
 * portrait sheet's top left corner: its cut lines. */
void  tdm_labels_get_box   (TdmReportKind  kind,
                            guint          index,
                            gboolean       rtl,
                            double        *x,
                            double        *y,
                            double        *width,
                            double        *height);

G_END_DECLS
