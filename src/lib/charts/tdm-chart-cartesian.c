/* tdm-chart-cartesian.c: bars (vertical or horizontal, single, grouped or
 * stacked) and lines over a value axis.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "tdm-chart-private.h"

typedef struct {
  TdmChartCtx  *ctx;
  TdmChart     *chart;
  TdmChartRect  rect;          /* the panel */
  TdmChartKind  kind;
  gboolean      horizontal;
  guint         first;
  guint         n;             /* series drawn */
  guint         n_categories;
  double        font;
  double        lh;            /* line height at FONT */
  TdmTicks      ticks;
  TdmChartRect  plot;
  double        band;          /* one category's share of the category axis */
  double        label_font;
  double        label_width;   /* category label box width */
  int           label_lines;
  guint         stride;        /* label every STRIDE-th category */
  double        label_gap;     /* plot to category labels (vertical) */
} Plot;

static double
value_at (TdmChart *chart,
          guint     series,
          guint     category)
{
  return g_array_index (chart->series, TdmChartSeries, series).values[category];
}

/* The data extremes, stacks summed when stacked; FALSE when no value. */
static gboolean
data_range (const Plot *p,
            double     *lo,
            double     *hi)
{
  gboolean any = FALSE;

  *lo = 0;
  *hi = 0;
  for (guint c = 0; c < p->n_categories; c++)
    {
      double pos = 0, neg = 0;

      for (guint s = p->first; s < p->first + p->n; s++)
        {
          double v = value_at (p->chart, s, c);

          if (isnan (v))
            continue;
          any = TRUE;
          if (p->kind == TDM_CHART_STACKED_BARS)
            {
              if (v >= 0)
                pos += v;
              else
                neg += v;
            }
          else
            {
              *lo = MIN (*lo, v);
              *hi = MAX (*hi, v);
            }
        }
      *lo = MIN (*lo, neg);
      *hi = MAX (*hi, pos);
    }
  return any;
}

static char *
tick_text (const Plot *p,
           double      value)
{
  TdmTicks scaled = p->ticks;

  if (p->chart->percent)
    {
      scaled.step *= 100.0;
      return tdm_number_format_format_percent (&p->ctx->numbers, value,
                                               tdm_ticks_decimals (&scaled));
    }
  return tdm_number_format_format (&p->ctx->numbers, value, tdm_ticks_decimals (&p->ticks));
}

static double
max_tick_width (const Plot *p)
{
  double widest = 0;

  for (guint i = 0; i < p->ticks.n_ticks; i++)
    {
      g_autofree char *text = tick_text (p, tdm_ticks_value (&p->ticks, i));

      widest = MAX (widest, tdm_chart_ctx_text_width (p->ctx, text, p->font));
    }
  return widest;
}

static void
compute_ticks (Plot           *p,
               const TdmTicks *shared,
               guint           max_ticks)
{
  double lo, hi;

  if (shared != NULL)
    {
      p->ticks = *shared;
      return;
    }
  data_range (p, &lo, &hi);
  tdm_ticks_compute (lo, hi, max_ticks, &p->ticks);
}

/* Where VALUE lies on the value axis, in pixels. */
static double
value_pos (const Plot *p,
           double      value)
{
  double t = (value - p->ticks.min) / (p->ticks.max - p->ticks.min);

  if (p->horizontal)
    return p->plot.x + p->plot.width * t;
  return p->plot.y + p->plot.height * (1.0 - t);
}

static const char *
category (const Plot *p,
          guint       c)
{
  return g_ptr_array_index (p->chart->categories, c);
}

static double
max_category_width (const Plot *p,
                    double      font)
{
  double widest = 0;

  for (guint c = 0; c < p->n_categories; c++)
    widest = MAX (widest, tdm_chart_ctx_text_width (p->ctx, category (p, c), font));
  return widest;
}

/* The widest piece a line may not break inside: words, a hyphen kept at
 * the end of the piece before it. */
static double
max_word_width (const Plot *p,
                double      font)
{
  double widest = 0;

  for (guint c = 0; c < p->n_categories; c++)
    {
      const char *text = category (p, c);
      const char *start = text;

      for (const char *q = text; ; q = g_utf8_next_char (q))
        {
          if (*q == '\0' || *q == ' ' || (q > start && q[-1] == '-'))
            {
              if (q > start)
                {
                  g_autofree char *word = g_strndup (start, q - start);

                  widest = MAX (widest, tdm_chart_ctx_text_width (p->ctx, word, font));
                }
              start = *q == ' ' ? q + 1 : q;
            }
          if (*q == '\0')
            break;
        }
    }
  return widest;
}

static double
category_label_height (const Plot *p)
{
  double tallest = 0;

  for (guint c = 0; c < p->n_categories; c += p->stride)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double height;

      layout = tdm_chart_ctx_text (p->ctx, category (p, c), p->label_font, FALSE,
                                   p->label_width, p->label_lines, PANGO_ALIGN_CENTER);
      tdm_chart_text_size (layout, NULL, &height);
      tallest = MAX (tallest, height);
    }
  return tallest;
}

static double
place_unit (Plot   *p,
            double  x,
            double  y,
            double  max_width,
            gboolean at_end)
{
  g_autoptr(PangoLayout) layout = NULL;
  TdmChartColor muted;
  double width, height;

  if (p->chart->unit == NULL || *p->chart->unit == '\0')
    return 0;

  layout = tdm_chart_ctx_text (p->ctx, p->chart->unit, p->font * 0.9, FALSE,
                               MAX (1.0, max_width), 1, PANGO_ALIGN_LEFT);
  tdm_chart_text_size (layout, &width, &height);
  tdm_chart_ctx_role_color (p->ctx, TDM_CHART_ROLE_MUTED, &muted);
  tdm_chart_ctx_place_text (p->ctx, layout, &p->rect, at_end ? x - width : x, y,
                            TDM_CHART_LABEL_UNIT, -1, -1, p->chart->unit, &muted);
  return height;
}

static void
layout_vertical (Plot           *p,
                 const TdmTicks *shared)
{
  TdmChartCtx *ctx = p->ctx;
  const TdmChartRect *r = &p->rect;
  double top = r->y;
  double reserve, estimate, axis_width, avail, widest, label_height;
  guint max_ticks;

  top += place_unit (p, r->x, top, r->width / 2, FALSE);
  /* Room above the highest bar for its value, and for half the top tick
   * label. */
  reserve = p->lh + 2;

  estimate = r->height - (top - r->y) - reserve - 2.5 * p->lh;
  max_ticks = (guint) CLAMP (estimate / (p->lh * 2.0) + 1, 2, 11);
  compute_ticks (p, shared, max_ticks);
  axis_width = max_tick_width (p);

  p->plot.x = r->x + axis_width + ctx->gap;
  p->plot.width = MAX (1.0, r->x + r->width - p->plot.x - ctx->gap / 2);
  p->band = p->plot.width / p->n_categories;

  p->label_font = p->font;
  widest = max_category_width (p, p->label_font);
  avail = p->band - ctx->gap;
  if (widest <= avail)
    {
      p->stride = 1;
      p->label_lines = 1;
      p->label_width = MAX (1.0, avail);
    }
  else if (avail >= 4 * p->label_font)
    {
      double word = max_word_width (p, p->label_font);

      p->stride = 1;
      p->label_lines = 3;
      p->label_width = avail;
      /* A slightly smaller font rather than a word cut in two. */
      if (word > avail)
        p->label_font = MAX (p->font * 0.8, p->label_font * avail / word);
    }
  else
    {
      /* Too narrow to wrap: label every k-th category, and give each
       * label the room of k categories. */
      double want = MIN (widest, 5 * p->label_font);

      p->stride = (guint) ceil ((want + ctx->gap) / p->band);
      p->label_lines = 2;
      p->label_width = p->stride * p->band - ctx->gap;
    }

  label_height = category_label_height (p);
  while (p->label_lines > 1 && label_height > 0.35 * r->height)
    {
      p->label_lines--;
      label_height = category_label_height (p);
    }

  /* The lowest tick label hangs half a line under the plot. */
  p->label_gap = p->lh / 2 + 2;
  p->plot.y = top + reserve;
  p->plot.height = MAX (1.0, r->y + r->height - label_height - p->label_gap - p->plot.y);
}

static void
layout_horizontal (Plot           *p,
                   const TdmTicks *shared,
                   gboolean        value_labels)
{
  TdmChartCtx *ctx = p->ctx;
  const TdmChartRect *r = &p->rect;
  double bottom = r->y + r->height;
  double llh, widest, column, reserve = 0, tick_width, right;
  guint max_ticks;

  /* The unit under the tick labels, at the end of the value axis. */
  if (p->chart->unit != NULL && *p->chart->unit != '\0')
    bottom -= p->lh * 0.9 + ctx->gap / 2;

  p->plot.y = r->y + p->lh / 4;
  p->plot.height = MAX (1.0, bottom - (p->lh + ctx->gap / 2) - p->plot.y);
  p->band = p->plot.height / p->n_categories;

  /* Many categories: a smaller font first, then every k-th label. */
  p->label_font = p->font;
  llh = p->lh;
  if (p->band < llh)
    {
      p->label_font = MAX (TDM_CHART_MIN_FONT, p->font * p->band / p->lh);
      llh = tdm_chart_ctx_line_height (ctx, p->label_font);
    }
  p->stride = p->band >= llh - 0.01 ? 1 : (guint) ceil (llh / p->band);
  p->label_lines = (int) CLAMP (floor (p->stride * p->band / llh), 1, 3);

  widest = max_category_width (p, p->label_font);
  column = MIN (widest, r->width * 0.38);
  column = MAX (column, MIN (widest, 3 * p->font));
  p->label_width = MAX (1.0, column);

  if (value_labels && p->stride == 1)
    {
      for (guint c = 0; c < p->n_categories; c++)
        for (guint s = p->first; s < p->first + p->n; s++)
          {
            double v = value_at (p->chart, s, c);
            g_autofree char *text = NULL;

            if (isnan (v))
              continue;
            text = tdm_chart_ctx_value_label (ctx, v);
            reserve = MAX (reserve, tdm_chart_ctx_text_width (ctx, text, p->label_font) + 4);
          }
    }

  p->plot.x = r->x + column + ctx->gap;
  p->plot.width = MAX (1.0, r->x + r->width - p->plot.x - reserve - ctx->gap / 2);

  {
    double lo, hi;
    g_autofree char *lo_text = NULL;
    g_autofree char *hi_text = NULL;

    data_range (p, &lo, &hi);
    lo_text = tdm_number_format_format (&ctx->numbers, lo, 1);
    hi_text = tdm_number_format_format (&ctx->numbers, hi, 1);
    tick_width = MAX (tdm_chart_ctx_text_width (ctx, lo_text, p->font),
                      tdm_chart_ctx_text_width (ctx, hi_text, p->font)) + 2 * ctx->gap;
  }
  max_ticks = (guint) CLAMP (p->plot.width / tick_width + 1, 2, 10);
  compute_ticks (p, shared, max_ticks);
  tick_width = max_tick_width (p);
  while (shared == NULL && p->ticks.n_ticks > 2
         && (tick_width + ctx->gap) * (p->ticks.n_ticks - 1) > p->plot.width)
    {
      compute_ticks (p, NULL, p->ticks.n_ticks - 1);
      tick_width = max_tick_width (p);
    }

  /* The last tick label is centred on the end of the axis. */
  right = r->x + r->width - tick_width / 2 - 1;
  if (p->plot.x + p->plot.width > right)
    p->plot.width = MAX (1.0, right - p->plot.x);
}

static void
draw_grid (Plot *p)
{
  TdmChartCtx *ctx = p->ctx;
  TdmChartColor grid, baseline, muted;
  TdmChartAxis axis = { 0 };

  tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_GRID, &grid);
  tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_BASELINE, &baseline);
  tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_MUTED, &muted);

  for (guint i = 0; i < p->ticks.n_ticks; i++)
    {
      double value = tdm_ticks_value (&p->ticks, i);
      double pos = value_pos (p, value);
      g_autofree char *text = tick_text (p, value);
      g_autoptr(PangoLayout) layout = tdm_chart_ctx_text (ctx, text, p->font, FALSE, -1, 0,
                                                          PANGO_ALIGN_LEFT);
      double width, height;

      tdm_chart_text_size (layout, &width, &height);
      if (p->horizontal)
        {
          if (value != 0)
            tdm_chart_ctx_line (ctx, pos, p->plot.y, pos, p->plot.y + p->plot.height, 1, &grid);
          tdm_chart_ctx_place_text (ctx, layout, &p->rect, pos - width / 2,
                                    p->plot.y + p->plot.height + ctx->gap / 2,
                                    TDM_CHART_LABEL_TICK, -1, -1, text, &muted);
        }
      else
        {
          if (value != 0)
            tdm_chart_ctx_line (ctx, p->plot.x, pos, p->plot.x + p->plot.width, pos, 1, &grid);
          tdm_chart_ctx_place_text (ctx, layout, &p->rect, p->plot.x - ctx->gap - width,
                                    pos - height / 2,
                                    TDM_CHART_LABEL_TICK, -1, -1, text, &muted);
        }
    }

  if (p->horizontal && p->chart->unit != NULL && *p->chart->unit != '\0')
    place_unit (p, p->plot.x + p->plot.width, p->plot.y + p->plot.height + ctx->gap / 2 + p->lh,
                p->plot.width, TRUE);

  axis.plot = p->plot;
  axis.min = p->ticks.min;
  axis.max = p->ticks.max;
  axis.step = p->ticks.step;
  axis.zero = value_pos (p, 0);
  axis.horizontal = p->horizontal;
  axis.value_axis_x = p->horizontal ? NAN : p->plot.x;
  axis.value_axis_y = p->horizontal ? p->plot.y + p->plot.height : NAN;
  tdm_chart_ctx_add_axis (ctx, &axis);
}

static void
draw_baseline (Plot *p)
{
  TdmChartColor baseline;
  double zero = value_pos (p, 0);

  tdm_chart_ctx_role_color (p->ctx, TDM_CHART_ROLE_BASELINE, &baseline);
  if (p->horizontal)
    tdm_chart_ctx_line (p->ctx, zero, p->plot.y, zero, p->plot.y + p->plot.height, 1.2, &baseline);
  else
    tdm_chart_ctx_line (p->ctx, p->plot.x, zero, p->plot.x + p->plot.width, zero, 1.2, &baseline);
}

static void
draw_category_labels (Plot *p)
{
  TdmChartCtx *ctx = p->ctx;
  TdmChartColor foreground;

  tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_FOREGROUND, &foreground);
  tdm_chart_ctx_set_stride (ctx, p->stride);

  for (guint c = 0; c < p->n_categories; c += p->stride)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double width, height, mid;

      mid = (p->horizontal ? p->plot.y : p->plot.x) + (c + 0.5) * p->band;
      layout = tdm_chart_ctx_text (ctx, category (p, c), p->label_font, FALSE,
                                   p->label_width, p->label_lines,
                                   p->horizontal ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
      tdm_chart_text_size (layout, &width, &height);
      if (p->horizontal)
        tdm_chart_ctx_place_text (ctx, layout, &p->rect,
                                  p->plot.x - ctx->gap - width, mid - height / 2,
                                  TDM_CHART_LABEL_CATEGORY, (int) c, -1, category (p, c),
                                  &foreground);
      else
        tdm_chart_ctx_place_text (ctx, layout, &p->rect,
                                  mid - width / 2, p->plot.y + p->plot.height + p->label_gap,
                                  TDM_CHART_LABEL_CATEGORY, (int) c, -1, category (p, c),
                                  &foreground);
    }
}

/* A bar across the category axis from C0 (thickness T), along the value
 * axis from pixel P0 to P1. A value that is not zero keeps at least a
 * 1-pixel sliver, however large the biggest value. */
static void
emit_bar (Plot                *p,
          guint                c,
          guint                s,
          double               value,
          double               c0,
          double               t,
          double               p0,
          double               p1,
          const TdmChartColor *color)
{
  if (value != 0 && fabs (p1 - p0) < 1.0)
    {
      double direction = (value > 0) == p->horizontal ? 1.0 : -1.0;

      p1 = p0 + direction;
    }
  if (p->horizontal)
    tdm_chart_ctx_bar (p->ctx, (int) c, (int) s, value, MIN (p0, p1), c0, fabs (p1 - p0), t, color);
  else
    tdm_chart_ctx_bar (p->ctx, (int) c, (int) s, value, c0, MIN (p0, p1), t, fabs (p1 - p0), color);
}

/* The value written beyond the end of the last bar drawn. */
static void
place_value_label (Plot         *p,
                   guint         c,
                   guint         s,
                   double        value,
                   PangoLayout  *layout,
                   const char   *text)
{
  TdmChartCtx *ctx = p->ctx;
  const TdmChartMark *bar = &g_array_index (ctx->chart->marks, TdmChartMark,
                                            ctx->chart->marks->len - 1);
  TdmChartColor foreground;
  double width, height, x0, x1;

  tdm_chart_text_size (layout, &width, &height);
  tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_FOREGROUND, &foreground);

  /* Back to left-to-right geometry: place_text mirrors. */
  x0 = ctx->rtl ? tdm_chart_ctx_x (ctx, bar->box.x + bar->box.width) : bar->box.x;
  x1 = x0 + bar->box.width;

  if (p->horizontal)
    tdm_chart_ctx_place_text (ctx, layout, &p->rect,
                              value >= 0 ? x1 + 3 : x0 - 3 - width,
                              bar->box.y + (bar->box.height - height) / 2,
                              TDM_CHART_LABEL_VALUE, (int) c, (int) s, text, &foreground);
  else
    tdm_chart_ctx_place_text (ctx, layout, &p->rect,
                              (x0 + x1 - width) / 2,
                              value >= 0 ? bar->box.y - height - 1
                                         : bar->box.y + bar->box.height + 1,
                              TDM_CHART_LABEL_VALUE, (int) c, (int) s, text, &foreground);
}

/* Values are written when every one of them fits its bar's share of the
 * category axis; otherwise none is (the tooltip has them). */
static gboolean
value_labels_fit (const Plot *p,
                  double      slot)
{
  for (guint c = 0; c < p->n_categories; c++)
    for (guint s = p->first; s < p->first + p->n; s++)
      {
        double v = value_at (p->chart, s, c);
        g_autofree char *text = NULL;
        g_autoptr(PangoLayout) layout = NULL;
        double width, height;

        if (isnan (v))
          continue;
        text = tdm_chart_ctx_value_label (p->ctx, v);
        layout = tdm_chart_ctx_text (p->ctx, text, p->label_font, FALSE, -1, 0, PANGO_ALIGN_LEFT);
        tdm_chart_text_size (layout, &width, &height);
        if ((p->horizontal ? height : width) > slot - 1)
          return FALSE;
      }
  return TRUE;
}

static void
draw_bars (Plot *p)
{
  TdmChartCtx *ctx = p->ctx;
  double zero = value_pos (p, 0);
  double cap = 5 * p->font;
  gboolean stacked = p->kind == TDM_CHART_STACKED_BARS;
  gboolean labels = !stacked && value_labels_fit (p, p->band / p->n);
  TdmChartColor text_color;

  for (guint c = 0; c < p->n_categories; c++)
    {
      double c0 = (p->horizontal ? p->plot.y : p->plot.x) + c * p->band;
      double group, thickness, start, pos = 0, neg = 0;

      if (stacked)
        {
          group = MIN (p->band * 0.7, cap);
          thickness = group;
        }
      else
        {
          group = MIN (p->band * (p->n == 1 ? 0.7 : 0.8), cap * p->n);
          thickness = group / p->n;
        }
      start = c0 + (p->band - group) / 2;

      for (guint s = p->first; s < p->first + p->n; s++)
        {
          double v = value_at (p->chart, s, c);
          TdmChartColor color;

          if (isnan (v))
            continue;
          tdm_chart_palette_series (ctx->dark, s, &color);

          if (stacked)
            {
              double *base = v >= 0 ? &pos : &neg;
              const TdmChartMark *bar;
              g_autofree char *text = NULL;
              g_autoptr(PangoLayout) layout = NULL;
              double width, height, x0;

              emit_bar (p, c, s, v, start, thickness,
                        value_pos (p, *base), value_pos (p, *base + v), &color);
              *base += v;

              /* Inside its segment, when it fits there. */
              bar = &g_array_index (ctx->chart->marks, TdmChartMark, ctx->chart->marks->len - 1);
              text = tdm_chart_ctx_value_label (ctx, v);
              layout = tdm_chart_ctx_text (ctx, text, p->label_font * 0.9, FALSE, -1, 0,
                                           PANGO_ALIGN_LEFT);
              tdm_chart_text_size (layout, &width, &height);
              if (width + 4 > bar->box.width || height + 2 > bar->box.height)
                continue;
              x0 = ctx->rtl ? tdm_chart_ctx_x (ctx, bar->box.x + bar->box.width) : bar->box.x;
              tdm_chart_palette_text_on (&color, &text_color);
              tdm_chart_ctx_place_text (ctx, layout, &p->rect,
                                        x0 + (bar->box.width - width) / 2,
                                        bar->box.y + (bar->box.height - height) / 2,
                                        TDM_CHART_LABEL_VALUE, (int) c, (int) s, text,
                                        &text_color);
            }
          else
            {
              double b0 = start + (s - p->first) * thickness;
              /* A hairline between the bars of a group. */
              double inset = p->n > 1 && thickness > 4 ? 0.5 : 0;

              emit_bar (p, c, s, v, b0 + inset, thickness - 2 * inset,
                        zero, value_pos (p, v), &color);
              if (labels)
                {
                  g_autofree char *text = tdm_chart_ctx_value_label (ctx, v);
                  g_autoptr(PangoLayout) layout = tdm_chart_ctx_text (ctx, text, p->label_font,
                                                                      FALSE, -1, 0,
                                                                      PANGO_ALIGN_LEFT);

                  place_value_label (p, c, s, v, layout, text);
                }
            }
        }
    }
}

static void
draw_lines (Plot *p)
{
  TdmChartCtx *ctx = p->ctx;
  double radius = MAX (2.5, p->font / 4);
  gboolean labels = p->n == 1 && value_labels_fit (p, p->band);
  TdmChartColor foreground;

  tdm_chart_ctx_role_color (ctx, TDM_CHART_ROLE_FOREGROUND, &foreground);

  for (guint s = p->first; s < p->first + p->n; s++)
    {
      TdmChartColor color;
      gboolean pen_down = FALSE;

      tdm_chart_palette_series (ctx->dark, s, &color);
      cairo_save (ctx->cr);
      cairo_new_path (ctx->cr);
      /* No value: the line breaks there rather than inventing one. */
      for (guint c = 0; c < p->n_categories; c++)
        {
          double v = value_at (p->chart, s, c);
          double x = tdm_chart_ctx_x (ctx, p->plot.x + (c + 0.5) * p->band);

          if (isnan (v))
            {
              pen_down = FALSE;
              continue;
            }
          if (pen_down)
            cairo_line_to (ctx->cr, x, value_pos (p, v));
          else
            cairo_move_to (ctx->cr, x, value_pos (p, v));
          pen_down = TRUE;
        }
      tdm_chart_ctx_set_color (ctx, &color);
      cairo_set_line_width (ctx->cr, 2.0);
      cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (ctx->cr);
      cairo_restore (ctx->cr);
    }

  for (guint s = p->first; s < p->first + p->n; s++)
    {
      TdmChartColor color;

      tdm_chart_palette_series (ctx->dark, s, &color);
      for (guint c = 0; c < p->n_categories; c++)
        {
          double v = value_at (p->chart, s, c);
          double x = p->plot.x + (c + 0.5) * p->band;
          double y;

          if (isnan (v))
            continue;
          y = value_pos (p, v);
          tdm_chart_ctx_point (ctx, (int) c, (int) s, v, x, y, radius, &color);
          if (labels)
            {
              g_autofree char *text = tdm_chart_ctx_value_label (ctx, v);
              g_autoptr(PangoLayout) layout = tdm_chart_ctx_text (ctx, text, p->label_font,
                                                                  FALSE, -1, 0,
                                                                  PANGO_ALIGN_LEFT);
              double width, height;

              tdm_chart_text_size (layout, &width, &height);
              tdm_chart_ctx_place_text (ctx, layout, &p->rect, x - width / 2,
                                        y - radius - 2 - height,
                                        TDM_CHART_LABEL_VALUE, (int) c, (int) s, text,
                                        &foreground);
            }
        }
    }
}

void
tdm_chart_draw_cartesian (TdmChartCtx        *ctx,
                          const TdmChartRect *rect,
                          TdmChartKind        kind,
                          guint               first_series,
                          guint               n_series,
                          const TdmTicks     *shared_ticks,
                          double              font)
{
  Plot p = { 0 };
  double lo, hi;

  p.ctx = ctx;
  p.chart = ctx->chart;
  p.rect = *rect;
  p.kind = kind;
  p.horizontal = kind != TDM_CHART_LINE
              && ctx->chart->orientation == TDM_CHART_HORIZONTAL;
  p.first = first_series;
  p.n = n_series;
  p.n_categories = ctx->chart->categories->len;
  p.font = font;
  p.lh = tdm_chart_ctx_line_height (ctx, font);

  if (!data_range (&p, &lo, &hi))
    {
      tdm_chart_ctx_message (ctx, rect, _("Nothing to show"));
      return;
    }

  if (p.horizontal)
    layout_horizontal (&p, shared_ticks, kind == TDM_CHART_BARS);
  else
    layout_vertical (&p, shared_ticks);

  draw_grid (&p);
  draw_category_labels (&p);
  if (kind == TDM_CHART_LINE)
    {
      draw_baseline (&p);
      draw_lines (&p);
    }
  else
    {
      /* Under the bars: a 1-pixel sliver must not vanish under it. */
      draw_baseline (&p);
      draw_bars (&p);
    }
}
