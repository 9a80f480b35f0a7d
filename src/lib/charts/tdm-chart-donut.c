/* tdm-chart-donut.c: a donut of the first series, its legend beside it.
 *
 * Shares are read from the legend rather than from labels around the
 * ring: twelve regions' names around a ring collide, a list does not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "tdm-chart-private.h"

static double
slice_value (TdmChart *chart,
             guint     c)
{
  double v = g_array_index (chart->series, TdmChartSeries, 0).values[c];

  /* A share cannot be negative or missing: such a category has no slice. */
  return isnan (v) || v < 0 ? 0 : v;
}

/* The category's own value, and the share its slice takes. */
static char *
share_text (TdmChartCtx *ctx,
            guint        category,
            double       total)
{
  double value = g_array_index (ctx->chart->series, TdmChartSeries, 0).values[category];
  double share = slice_value (ctx->chart, category) / total;
  g_autofree char *number = NULL;
  g_autofree char *percent = NULL;

  if (isnan (value))
    return g_strdup ("\xe2\x80\x93");
  number = tdm_chart_ctx_value_label (ctx, value);
  if (ctx->chart->percent)
    return g_steal_pointer (&number);
  percent = tdm_number_format_format_percent (&ctx->numbers, share,
                                              share > 0 && share < 0.1 ? 1 : 0);
  /* TRANSLATORS: a donut's legend: a value, then its share of the whole */
  return g_strdup_printf (C_("chart legend", "%s (%s)"), number, percent);
}

static void
draw_legend (TdmChartCtx        *ctx,
             const TdmChartRect *rect,
             double              total,
             gboolean            centred)
{
  TdmChart *chart = ctx->chart;
  guint n = chart->categories->len;
  double font = ctx->font;
  double row = tdm_chart_ctx_line_height (ctx, font) + ctx->gap / 2;
  double swatch, value_width = 0, name_width, y = rect->y;
  guint shown;
  TdmChartRect legend;
  TdmChartColor foreground, muted;

  /* All rows at a smaller font before any is left out. */
  if (n * row > rect->height)
    {
      font = MAX (TDM_CHART_MIN_FONT, font * rect->height / (n * row));
      row = tdm_chart_ctx_line_height (ctx, font) + ctx->gap / 4;
    }
  shown = (guint) MIN ((double) n, floor (rect->height / row));
  if (shown < n && shown > 0)
    shown--;   /* the last row says how many are left out */
  if (centred && n * row < rect->height)
    y += (rect->height - n * row) / 2;

  for (guint c = 0; c < shown; c++)
    {
      g_autofree char *text = share_text (ctx, c, total);

      value_width = MAX (value_width, tdm_chart_ctx_text_width (ctx, text, font));
    }
  swatch = font * 0.9;
  name_width = 0;
  for (guint c = 0; c < shown; c++)
    {
      const char *name = g_ptr_array_index (chart->categories, c);

      name_width = MAX (name_width, tdm_chart_ctx_text_width (ctx, name, font));
    }
  /* Values close to their names, however wide the room. */
  name_width = MIN (name_width, rect->width - swatch - value_width - 3 * ctx->gap);
  name_width = MAX (1.0, name_width);
  legend = *rect;
  legend.width = MIN (rect->width, swatch + name_width + value_width + 3 * ctx->gap);
  rect = &legend;

  tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_FOREGROUND, &foreground);
  tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_MUTED, &muted);

  for (guint c = 0; c < shown; c++, y += row)
    {
      const char *name = g_ptr_array_index (chart->categories, c);
      g_autofree char *text = share_text (ctx, c, total);
      g_autoptr(PangoLayout) name_layout = NULL;
      g_autoptr(PangoLayout) value_layout = NULL;
      double width, height;
      TdmChartColor color;

      tdm_chart_palette_series (ctx->dark, c, &color);
      tdm_chart_ctx_set_color (ctx, &color);
      cairo_rectangle (ctx->cr,
                       ctx->rtl ? tdm_chart_ctx_x (ctx, rect->x + swatch) : rect->x,
                       y + (row - swatch) / 2, swatch, swatch);
      cairo_fill (ctx->cr);

      name_layout = tdm_chart_ctx_text (ctx, name, font, FALSE, name_width, 1, PANGO_ALIGN_LEFT);
      tdm_chart_text_size (name_layout, NULL, &height);
      tdm_chart_ctx_place_text (ctx, name_layout, rect, rect->x + swatch + ctx->gap,
                                y + (row - height) / 2,
                                TDM_CHART_LABEL_LEGEND, (int) c, -1, name, &foreground);

      value_layout = tdm_chart_ctx_text (ctx, text, font, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      tdm_chart_text_size (value_layout, &width, &height);
      tdm_chart_ctx_place_text (ctx, value_layout, rect, rect->x + rect->width - width,
                                y + (row - height) / 2,
                                TDM_CHART_LABEL_VALUE, (int) c, 0, text, &muted);
    }

  if (shown < n)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more",
                                                            "and %u more", n - shown),
                                               n - shown);
      g_autoptr(PangoLayout) layout = tdm_chart_ctx_text (ctx, more, font, FALSE,
                                                          rect->width, 1, PANGO_ALIGN_LEFT);

      tdm_chart_ctx_place_text (ctx, layout, rect, rect->x + swatch + ctx->gap, y,
                                TDM_CHART_LABEL_LEGEND, -1, -1, more, &muted);
    }
}

void
tdm_chart_draw_donut (TdmChartCtx        *ctx,
                      const TdmChartRect *rect)
{
  TdmChart *chart = ctx->chart;
  guint n = chart->categories->len;
  double total = 0, angle = -G_PI / 2, outer, inner, cx, cy;
  TdmChartRect ring, legend;
  gboolean any = FALSE, side_by_side;

  for (guint c = 0; c < n; c++)
    {
      total += slice_value (chart, c);
      any |= !isnan (g_array_index (chart->series, TdmChartSeries, 0).values[c]);
    }
  if (total <= 0)
    {
      chart->layout.empty = TRUE;
      tdm_chart_ctx_message (ctx, rect, any ? _("Every value is zero: nothing to show")
                                            : _("Nothing to show"));
      return;
    }

  ring = legend = *rect;
  side_by_side = rect->width >= rect->height * 1.2;
  if (side_by_side)
    {
      /* Side by side: the ring at the start, the legend after it. */
      ring.width = MIN (rect->height, rect->width * 0.5);
      legend.x = ring.x + ring.width + 2 * ctx->gap;
      legend.width = MAX (1.0, rect->x + rect->width - legend.x);
    }
  else
    {
      ring.height = MIN (rect->width, rect->height * 0.55);
      legend.y = ring.y + ring.height + ctx->gap;
      legend.height = MAX (1.0, rect->y + rect->height - legend.y);
    }

  outer = MAX (1.0, MIN (ring.width, ring.height) / 2 - ctx->gap);
  inner = outer * 0.58;
  cx = ring.x + ring.width / 2;
  cy = ring.y + ring.height / 2;

  for (guint c = 0; c < n; c++)
    {
      double v = slice_value (chart, c);
      double sweep = 2 * G_PI * v / total;
      TdmChartColor color;

      if (v <= 0)
        continue;
      tdm_chart_palette_series (ctx->dark, c, &color);
      tdm_chart_ctx_slice (ctx, (int) c, v, cx, cy, inner, outer, angle, angle + sweep, &color);
      angle += sweep;
    }

  if (!chart->percent)
    {
      g_autofree char *text = tdm_chart_ctx_value_label (ctx, total);
      g_autoptr(PangoLayout) layout = tdm_chart_ctx_text (ctx, text, ctx->font * 1.4, TRUE,
                                                          -1, 0, PANGO_ALIGN_CENTER);
      TdmChartRect hole = { cx - inner * 0.7, cy - inner * 0.7, inner * 1.4, inner * 1.4 };
      TdmChartColor foreground;
      double width, height;

      tdm_chart_text_size (layout, &width, &height);
      tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_FOREGROUND, &foreground);
      if (width <= hole.width && height <= hole.height)
        tdm_chart_ctx_place_text (ctx, layout, &hole, cx - width / 2, cy - height / 2,
                                  TDM_CHART_LABEL_TOTAL, -1, 0, text, &foreground);
    }

  draw_legend (ctx, &legend, total, side_by_side);
}
