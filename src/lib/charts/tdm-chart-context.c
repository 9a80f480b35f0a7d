/* tdm-chart-context.c: text, marks and legends for every chart kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tdm-chart-private.h"

/* Mixed Latin and Arabic: Arabic fonts have taller lines. */
#define LINE_SAMPLE "Ag\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a"

static PangoAlignment
swap_alignment (PangoAlignment align)
{
  switch (align)
    {
    case PANGO_ALIGN_LEFT:
      return PANGO_ALIGN_RIGHT;
    case PANGO_ALIGN_RIGHT:
      return PANGO_ALIGN_LEFT;
    case PANGO_ALIGN_CENTER:
    default:
      return align;
    }
}

PangoLayout *
tdm_chart_ctx_text (TdmChartCtx    *ctx,
                    const char     *text,
                    double          size,
                    gboolean        bold,
                    double          max_width,
                    int             max_lines,
                    PangoAlignment  align)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;
  PangoFontDescription *desc;
  PangoLayoutLine *line;

  /* The same text is measured, then drawn: shape it once. */
  key = g_strdup_printf ("%.3f|%d|%.3f|%d|%d|%s", size, bold, max_width, max_lines,
                         (int) align, text);
  layout = g_hash_table_lookup (ctx->layouts, key);
  if (layout != NULL)
    return g_object_ref (layout);

  layout = pango_layout_new (ctx->pango);
  desc = pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) floor (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }

  /* ALIGN is in the chart's left-to-right geometry: mirror it with the
   * chart. Pango then swaps left and right again for a right-to-left
   * paragraph in our left-to-right context; undo that. */
  if (ctx->rtl)
    align = swap_alignment (align);
  line = pango_layout_get_line_readonly (layout, 0);
  if (line != NULL && pango_layout_line_get_resolved_direction (line) == PANGO_DIRECTION_RTL)
    align = swap_alignment (align);
  pango_layout_set_alignment (layout, align);

  g_hash_table_insert (ctx->layouts, g_steal_pointer (&key), layout);
  return g_object_ref (layout);
}

void
tdm_chart_text_size (PangoLayout *layout,
                     double      *width,
                     double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

double
tdm_chart_ctx_line_height (TdmChartCtx *ctx,
                           double       size)
{
  /* Unhinted metrics scale with the size: measure once per draw. */
  if (ctx->line_ratio <= 0)
    {
      g_autoptr(PangoLayout) layout = tdm_chart_ctx_text (ctx, LINE_SAMPLE, 100, FALSE, -1, 0,
                                                          PANGO_ALIGN_LEFT);
      double height;

      tdm_chart_text_size (layout, NULL, &height);
      ctx->line_ratio = height / 100;
    }
  return ctx->line_ratio * size;
}

double
tdm_chart_ctx_text_width (TdmChartCtx *ctx,
                          const char  *text,
                          double       size)
{
  g_autoptr(PangoLayout) layout = tdm_chart_ctx_text (ctx, text, size, FALSE, -1, 0,
                                                      PANGO_ALIGN_LEFT);
  double width;

  tdm_chart_text_size (layout, &width, NULL);
  return width;
}

double
tdm_chart_ctx_x (TdmChartCtx *ctx,
                 double       x)
{
  return ctx->rtl ? 2.0 * ctx->area.x + ctx->area.width - x : x;
}

static gboolean
overlaps (const TdmChartRect *a,
          const TdmChartRect *b)
{
  /* Boxes that only touch do not overlap. */
  const double eps = 0.01;

  return a->x + a->width > b->x + eps && b->x + b->width > a->x + eps
      && a->y + a->height > b->y + eps && b->y + b->height > a->y + eps;
}

gboolean
tdm_chart_ctx_place_text (TdmChartCtx         *ctx,
                          PangoLayout         *layout,
                          const TdmChartRect  *bounds,
                          double               x,
                          double               y,
                          TdmChartLabelRole    role,
                          int                  category,
                          int                  series,
                          const char          *full_text,
                          const TdmChartColor *color)
{
  GArray *labels = ctx->chart->labels;
  PangoRectangle logical;
  TdmChartLabel label = { 0 };
  TdmChartRect box;
  double width, height;

  if (bounds == NULL)
    bounds = &ctx->area;

  pango_layout_get_extents (layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;
  height = (double) logical.height / PANGO_SCALE;
  if (width <= 0 || height <= 0
      || width > bounds->width + 0.01 || height > bounds->height + 0.01)
    return FALSE;

  x = CLAMP (x, bounds->x, bounds->x + bounds->width - width);
  y = CLAMP (y, bounds->y, bounds->y + bounds->height - height);
  box.x = ctx->rtl ? tdm_chart_ctx_x (ctx, x + width) : x;
  box.y = y;
  box.width = width;
  box.height = height;

  if (box.x < ctx->area.x - 0.01 || box.y < ctx->area.y - 0.01
      || box.x + width > ctx->area.x + ctx->area.width + 0.01
      || box.y + height > ctx->area.y + ctx->area.height + 0.01)
    return FALSE;
  for (guint i = 0; i < labels->len; i++)
    if (overlaps (&box, &g_array_index (labels, TdmChartLabel, i).box))
      return FALSE;

  tdm_chart_ctx_set_color (ctx, color);
  cairo_move_to (ctx->cr,
                 box.x - (double) logical.x / PANGO_SCALE,
                 box.y - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (ctx->cr, layout);

  label.role = role;
  label.category = category;
  label.series = series;
  label.box = box;
  label.text = g_strdup (full_text != NULL ? full_text : pango_layout_get_text (layout));
  label.truncated = pango_layout_is_ellipsized (layout);
  g_array_append_val (labels, label);

  return TRUE;
}

void
tdm_chart_ctx_message (TdmChartCtx        *ctx,
                       const TdmChartRect *rect,
                       const char         *message)
{
  g_autoptr(PangoLayout) layout = NULL;
  TdmChartColor color;
  double width, height;

  layout = tdm_chart_ctx_text (ctx, message, ctx->font * 1.15, FALSE,
                               MAX (1.0, rect->width - 2 * ctx->gap), 3,
                               PANGO_ALIGN_CENTER);
  tdm_chart_text_size (layout, &width, &height);
  tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_MUTED, &color);
  tdm_chart_ctx_place_text (ctx, layout, rect,
                            rect->x + (rect->width - width) / 2,
                            rect->y + (rect->height - height) / 2,
                            TDM_CHART_LABEL_MESSAGE, -1, -1, message, &color);
}

void
tdm_chart_ctx_set_color (TdmChartCtx         *ctx,
                         const TdmChartColor *color)
{
  cairo_set_source_rgba (ctx->cr, color->red, color->green, color->blue, color->alpha);
}

void
tdm_chart_ctx_role_color (TdmChartCtx   *ctx,
                          TdmChartRole   role,
                          TdmChartColor *color)
{
  tdm_chart_palette_role (ctx->dark, role, color);
}

void
tdm_chart_ctx_line (TdmChartCtx         *ctx,
                    double               x0,
                    double               y0,
                    double               x1,
                    double               y1,
                    double               width,
                    const TdmChartColor *color)
{
  cairo_save (ctx->cr);
  tdm_chart_ctx_set_color (ctx, color);
  cairo_set_line_width (ctx->cr, width);
  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (ctx->cr, tdm_chart_ctx_x (ctx, x0), y0);
  cairo_line_to (ctx->cr, tdm_chart_ctx_x (ctx, x1), y1);
  cairo_stroke (ctx->cr);
  cairo_restore (ctx->cr);
}

static void
append_mark (TdmChartCtx        *ctx,
             const TdmChartMark *mark)
{
  g_array_append_vals (ctx->chart->marks, mark, 1);
}

void
tdm_chart_ctx_bar (TdmChartCtx         *ctx,
                   int                  category,
                   int                  series,
                   double               value,
                   double               x,
                   double               y,
                   double               width,
                   double               height,
                   const TdmChartColor *color)
{
  TdmChartMark mark = { 0 };

  mark.shape = TDM_CHART_MARK_BAR;
  mark.category = category;
  mark.series = series;
  mark.value = value;
  mark.box.x = ctx->rtl ? tdm_chart_ctx_x (ctx, x + width) : x;
  mark.box.y = y;
  mark.box.width = width;
  mark.box.height = height;
  mark.center_x = mark.box.x + width / 2;
  mark.center_y = y + height / 2;
  append_mark (ctx, &mark);

  if (width <= 0 || height <= 0)
    return;
  tdm_chart_ctx_set_color (ctx, color);
  cairo_rectangle (ctx->cr, mark.box.x, mark.box.y, width, height);
  cairo_fill (ctx->cr);
}

void
tdm_chart_ctx_point (TdmChartCtx         *ctx,
                     int                  category,
                     int                  series,
                     double               value,
                     double               x,
                     double               y,
                     double               radius,
                     const TdmChartColor *color)
{
  TdmChartMark mark = { 0 };
  TdmChartColor background;

  mark.shape = TDM_CHART_MARK_POINT;
  mark.category = category;
  mark.series = series;
  mark.value = value;
  mark.center_x = tdm_chart_ctx_x (ctx, x);
  mark.center_y = y;
  mark.outer_radius = radius;
  mark.box.x = mark.center_x - radius;
  mark.box.y = y - radius;
  mark.box.width = mark.box.height = 2 * radius;
  mark.end_angle = 2 * G_PI;
  append_mark (ctx, &mark);

  /* A ring of background keeps crossing lines apart. */
  tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_BACKGROUND, &background);
  tdm_chart_ctx_set_color (ctx, &background);
  cairo_arc (ctx->cr, mark.center_x, y, radius + 1.0, 0, 2 * G_PI);
  cairo_fill (ctx->cr);
  tdm_chart_ctx_set_color (ctx, color);
  cairo_arc (ctx->cr, mark.center_x, y, radius, 0, 2 * G_PI);
  cairo_fill (ctx->cr);
}

void
tdm_chart_ctx_slice (TdmChartCtx         *ctx,
                     int                  category,
                     double               value,
                     double               cx,
                     double               cy,
                     double               inner_radius,
                     double               outer_radius,
                     double               start_angle,
                     double               end_angle,
                     const TdmChartColor *color)
{
  TdmChartMark mark = { 0 };
  TdmChartColor background;

  mark.shape = TDM_CHART_MARK_SLICE;
  mark.category = category;
  mark.series = 0;
  mark.value = value;
  mark.center_x = tdm_chart_ctx_x (ctx, cx);
  mark.center_y = cy;
  mark.inner_radius = inner_radius;
  mark.outer_radius = outer_radius;
  /* Mirroring x turns angle a into π − a, and clockwise into
   * counter-clockwise. */
  mark.start_angle = ctx->rtl ? G_PI - end_angle : start_angle;
  mark.end_angle = ctx->rtl ? G_PI - start_angle : end_angle;
  mark.box.x = mark.center_x - outer_radius;
  mark.box.y = cy - outer_radius;
  mark.box.width = mark.box.height = 2 * outer_radius;
  append_mark (ctx, &mark);

  cairo_new_path (ctx->cr);
  cairo_arc (ctx->cr, mark.center_x, cy, outer_radius, mark.start_angle, mark.end_angle);
  cairo_arc_negative (ctx->cr, mark.center_x, cy, inner_radius, mark.end_angle, mark.start_angle);
  cairo_close_path (ctx->cr);
  tdm_chart_ctx_set_color (ctx, color);
  cairo_fill_preserve (ctx->cr);
  tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_BACKGROUND, &background);
  tdm_chart_ctx_set_color (ctx, &background);
  cairo_set_line_width (ctx->cr, 1.5);
  cairo_stroke (ctx->cr);
}

void
tdm_chart_ctx_add_axis (TdmChartCtx        *ctx,
                        const TdmChartAxis *axis)
{
  TdmChartAxis mirrored = *axis;

  if (ctx->rtl)
    {
      mirrored.plot.x = tdm_chart_ctx_x (ctx, axis->plot.x + axis->plot.width);
      mirrored.value_axis_x = tdm_chart_ctx_x (ctx, axis->value_axis_x);
      if (axis->horizontal)
        mirrored.zero = tdm_chart_ctx_x (ctx, axis->zero);
    }
  g_array_append_val (ctx->chart->axes, mirrored);
}

void
tdm_chart_ctx_set_stride (TdmChartCtx *ctx,
                          guint        stride)
{
  ctx->chart->layout.label_stride = MAX (ctx->chart->layout.label_stride, stride);
}

char *
tdm_chart_ctx_value_label (TdmChartCtx *ctx,
                           double       value)
{
  TdmChart *chart = ctx->chart;

  if (chart->formatter != NULL)
    return chart->formatter (value, chart->formatter_data);
  if (chart->percent)
    return tdm_number_format_format_percent (&ctx->numbers, value,
                                             tdm_number_format_decimals_for (value * 100.0, 1));
  return tdm_number_format_format (&ctx->numbers, value,
                                   tdm_number_format_decimals_for (value, 1));
}

double
tdm_chart_legend_series (TdmChartCtx        *ctx,
                         const TdmChartRect *rect)
{
  TdmChart *chart = ctx->chart;
  double swatch = ctx->font * 0.9;
  double row = tdm_chart_ctx_line_height (ctx, ctx->font);
  double x = rect->x;
  double y = rect->y;
  TdmChartColor foreground;

  tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_FOREGROUND, &foreground);

  for (guint s = 0; s < chart->series->len; s++)
    {
      const TdmChartSeries *series = &g_array_index (chart->series, TdmChartSeries, s);
      g_autoptr(PangoLayout) layout = NULL;
      TdmChartColor color;
      double width, entry;

      layout = tdm_chart_ctx_text (ctx, series->name, ctx->font, FALSE,
                                   MAX (1.0, rect->width * 0.45 - swatch), 1,
                                   PANGO_ALIGN_LEFT);
      tdm_chart_text_size (layout, &width, NULL);
      entry = swatch + ctx->gap / 2 + width;
      if (x > rect->x && x + entry > rect->x + rect->width)
        {
          x = rect->x;
          y += row + ctx->gap / 2;
        }
      if (y + row > rect->y + rect->height)
        break;

      tdm_chart_palette_series (ctx->dark, s, &color);
      tdm_chart_ctx_set_color (ctx, &color);
      cairo_rectangle (ctx->cr,
                       ctx->rtl ? tdm_chart_ctx_x (ctx, x + swatch) : x,
                       y + (row - swatch) / 2, swatch, swatch);
      cairo_fill (ctx->cr);
      tdm_chart_ctx_place_text (ctx, layout, rect, x + swatch + ctx->gap / 2, y,
                                TDM_CHART_LABEL_LEGEND, -1, (int) s, series->name,
                                &foreground);
      x += entry + 1.5 * ctx->gap;
    }

  return y + row + ctx->gap - rect->y;
}
