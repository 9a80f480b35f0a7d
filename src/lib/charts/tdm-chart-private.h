/* tdm-chart-private.h: what the drawing code of each chart kind shares.
 *
 * Geometry is computed left-to-right in the coordinates of the cairo_t; the
 * tdm_chart_ctx_* emitters mirror it about the chart's area when the chart
 * is right-to-left. Text is never mirrored: only where it goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "tdm-chart.h"
#include "tdm-chart-ticks.h"

G_BEGIN_DECLS

typedef struct {
  char   *name;
  double *values;            /* n_categories entries, NAN: no value */
} TdmChartSeries;

struct _TdmChart
{
  GObject                 parent_instance;

  TdmChartKind            kind;
  TdmChartKind            panel_kind;
  TdmChartOrientation     orientation;
  char                   *title;
  char                   *unit;
  char                   *language;
  TdmDigits               digits;
  double                  font_size;
  guint                   rtl : 1;
  guint                   dark : 1;
  guint                   percent : 1;

  GPtrArray              *categories;  /* char * */
  GArray                 *series;      /* TdmChartSeries */

  TdmChartValueFormatter  formatter;
  gpointer                formatter_data;
  GDestroyNotify          formatter_destroy;

  PangoContext           *pango;       /* kept: font lookups are costly */
  guint                   pango_serial;
  GHashTable             *layouts;     /* shaped text, kept while nothing changes */
  double                  layouts_width, layouts_height;

  TdmChartLayout          layout;
  GArray                 *labels;      /* TdmChartLabel */
  GArray                 *marks;       /* TdmChartMark */
  GArray                 *axes;        /* TdmChartAxis */
  gboolean                drawn;
};

typedef struct {
  TdmChart        *chart;
  cairo_t         *cr;
  PangoContext    *pango;
  TdmChartRect     area;        /* the whole chart: mirror axis */
  gboolean         rtl;
  gboolean         dark;
  double           font;        /* base font size */
  double           gap;         /* spacing between things */
  TdmNumberFormat  numbers;
  double           line_ratio;  /* line height / font size */
  GHashTable      *layouts;     /* shaped text, by text and style */
} TdmChartCtx;

#define TDM_CHART_MIN_FONT 7.0

/* Text. */
PangoLayout *tdm_chart_ctx_text          (TdmChartCtx          *ctx,
                                          const char           *text,
                                          double                size,
                                          gboolean              bold,
                                          double                max_width,
                                          int                   max_lines,
                                          PangoAlignment        align);
void         tdm_chart_text_size         (PangoLayout          *layout,
                                          double               *width,
                                          double               *height);
double       tdm_chart_ctx_line_height   (TdmChartCtx          *ctx,
                                          double                size);
double       tdm_chart_ctx_text_width    (TdmChartCtx          *ctx,
                                          const char           *text,
                                          double                size);
/* Puts LAYOUT's box with its top-left at (X, Y), shifted to lie within
 * BOUNDS (NULL: the chart's area), unless it would cover a label already
 * placed or not fit: then draws nothing and returns FALSE. */
gboolean     tdm_chart_ctx_place_text    (TdmChartCtx          *ctx,
                                          PangoLayout          *layout,
                                          const TdmChartRect   *bounds,
                                          double                x,
                                          double                y,
                                          TdmChartLabelRole     role,
                                          int                   category,
                                          int                   series,
                                          const char           *full_text,
                                          const TdmChartColor  *color);
/* A centred message in RECT, e.g. "Nothing to show". */
void         tdm_chart_ctx_message       (TdmChartCtx          *ctx,
                                          const TdmChartRect   *rect,
                                          const char           *message);

/* Marks and lines. */
double       tdm_chart_ctx_x             (TdmChartCtx          *ctx,
                                          double                x);
void         tdm_chart_ctx_set_color     (TdmChartCtx          *ctx,
                                          const TdmChartColor  *color);
void         tdm_chart_ctx_role_color    (TdmChartCtx          *ctx,
                                          TdmChartRole          role,
                                          TdmChartColor        *color);
void         tdm_chart_ctx_line          (TdmChartCtx          *ctx,
                                          double                x0,
                                          double                y0,
                                          double                x1,
                                          double                y1,
                                          double                width,
                                          const TdmChartColor  *color);
void         tdm_chart_ctx_bar           (TdmChartCtx          *ctx,
                                          int                   category,
                                          int                   series,
                                          double                value,
                                          double                x,
                                          double                y,
                                          double                width,
                                          double                height,
                                          const TdmChartColor  *color);
void         tdm_chart_ctx_point         (TdmChartCtx          *ctx,
                                          int                   category,
                                          int                   series,
                                          double                value,
                                          double                x,
                                          double                y,
                                          double                radius,
                                          const TdmChartColor  *color);
void         tdm_chart_ctx_slice         (TdmChartCtx          *ctx,
                                          int                   category,
                                          double                value,
                                          double                cx,
                                          double                cy,
                                          double                inner_radius,
                                          double                outer_radius,
                                          double                start_angle,
                                          double                end_angle,
                                          const TdmChartColor  *color);
void         tdm_chart_ctx_add_axis      (TdmChartCtx          *ctx,
                                          const TdmChartAxis   *axis);
void         tdm_chart_ctx_set_stride    (TdmChartCtx          *ctx,
                                          guint                 stride);

/* Legends: a flow of series names above a plot (returns the height
 * taken from the top of RECT). */
double       tdm_chart_legend_series     (TdmChartCtx          *ctx,
                                          const TdmChartRect   *rect);

/* Value text for labels (short) and tooltips (exact). */
char        *tdm_chart_ctx_value_label   (TdmChartCtx          *ctx,
                                          double                value);

/* The kinds. */
void         tdm_chart_draw_cartesian    (TdmChartCtx          *ctx,
                                          const TdmChartRect   *rect,
                                          TdmChartKind          kind,
                                          guint                 first_series,
                                          guint                 n_series,
                                          const TdmTicks       *shared_ticks,
                                          double                font);
void         tdm_chart_draw_donut        (TdmChartCtx          *ctx,
                                          const TdmChartRect   *rect);
void         tdm_chart_draw_multiples    (TdmChartCtx          *ctx,
                                          const TdmChartRect   *rect);

G_END_DECLS
