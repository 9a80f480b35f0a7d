/* tdm-chart-multiples.c: a grid of small charts, one per series, on one
 * scale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tdm-chart-private.h"

void
tdm_chart_draw_multiples (TdmChartCtx        *ctx,
                          const TdmChartRect *rect)
{
  TdmChart *chart = ctx->chart;
  guint n = chart->series->len;
  guint columns = 1, rows;
  double best = -1, cell_width, cell_height, lo = 0, hi = 0, font = ctx->font * 0.85;
  TdmTicks ticks;
  TdmChartColor foreground;

  /* The grid whose cells are largest, a little wider than tall. */
  for (guint cols = 1; cols <= n; cols++)
    {
      guint r = (n + cols - 1) / cols;
      double score = MIN (rect->width / cols, 1.5 * rect->height / r);

      if (score > best)
        {
          best = score;
          columns = cols;
        }
    }
  rows = (n + columns - 1) / columns;
  cell_width = rect->width / columns;
  cell_height = rect->height / rows;

  /* One scale for all: the panels are compared by eye. */
  for (guint s = 0; s < n; s++)
    for (guint c = 0; c < chart->categories->len; c++)
      {
        double v = g_array_index (chart->series, TdmChartSeries, s).values[c];

        if (!isnan (v))
          {
            lo = MIN (lo, v);
            hi = MAX (hi, v);
          }
      }
  tdm_ticks_compute (lo, hi,
                     (guint) CLAMP (cell_height / (tdm_chart_ctx_line_height (ctx, font) * 2.5) + 1,
                                    2, 6),
                     &ticks);
  tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_FOREGROUND, &foreground);

  for (guint s = 0; s < n; s++)
    {
      const char *name = g_array_index (chart->series, TdmChartSeries, s).name;
      TdmChartRect cell = {
        rect->x + (s % columns) * cell_width + ctx->gap / 2,
        rect->y + (s / columns) * cell_height + ctx->gap / 2,
        MAX (1.0, cell_width - ctx->gap),
        MAX (1.0, cell_height - ctx->gap),
      };
      g_autoptr(PangoLayout) layout = tdm_chart_ctx_text (ctx, name, font, TRUE, cell.width, 1,
                                                          PANGO_ALIGN_CENTER);
      double width, height;

      tdm_chart_text_size (layout, &width, &height);
      tdm_chart_ctx_place_text (ctx, layout, &cell, cell.x + (cell.width - width) / 2, cell.y,
                                TDM_CHART_LABEL_PANEL_TITLE, -1, (int) s, name, &foreground);
      cell.y += height + ctx->gap / 2;
      cell.height = MAX (1.0, cell.height - height - ctx->gap / 2);
      tdm_chart_draw_cartesian (ctx, &cell, chart->panel_kind, s, 1, &ticks, font);
    }
}
