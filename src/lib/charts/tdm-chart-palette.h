/* tdm-chart-palette.h: colours a colour-blind reader can tell apart, in
 * the light and the dark style.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} TdmChartColor;

typedef enum {
  TDM_CHART_ROLE_BACKGROUND,
  TDM_CHART_ROLE_FOREGROUND,   /* titles, labels */
  TDM_CHART_ROLE_MUTED,        /* tick labels, captions */
  TDM_CHART_ROLE_GRID,
  TDM_CHART_ROLE_BASELINE,     /* the zero line */
} TdmChartRole;

/* Number of distinct hues before the series colours repeat in a lighter
 * tint. */
#define TDM_CHART_PALETTE_N_HUES 7

void tdm_chart_palette_series (gboolean       dark,
                               guint          index,
                               TdmChartColor *color);

void tdm_chart_palette_role   (gboolean       dark,
                               TdmChartRole   role,
                               TdmChartColor *color);

/* Black or white, whichever reads better on BACKGROUND. */
void tdm_chart_palette_text_on (const TdmChartColor *background,
                                TdmChartColor       *color);

G_END_DECLS
