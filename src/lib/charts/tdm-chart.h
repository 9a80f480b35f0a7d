/* tdm-chart.h: a chart drawn with Cairo and Pango on any cairo_t.
 *
 * One TdmChart holds categories (labels along one axis, Arabic, French or
 * mixed) and series (a name and one value per category; NAN is "no
 * value"), and draws them as bars, stacked or grouped bars, a line, a donut
 * or a grid of small multiples. The same drawing feeds a widget, a PNG, an
 * SVG, a PDF page and a printed page. After each draw, the chart keeps
 * where everything went (tdm_chart_get_layout()) for hit testing, tooltips
 * and tests.
 *
 *   chart = tdm_chart_new (TDM_CHART_BARS);
 *   tdm_chart_set_orientation (chart, TDM_CHART_HORIZONTAL); // long names
 *   tdm_chart_set_categories (chart, region_names, n_regions);
 *   tdm_chart_add_series (chart, _("Cooperatives"), counts, n_regions);
 *   // a GtkDrawingArea's draw function (dark: adw_style_manager_get_dark()):
 *   tdm_chart_draw (chart, cr, 0, 0, width, height);
 *   // on motion: tdm_chart_hit_test() then tdm_chart_dup_tooltip();
 *   // on click: the category index of the bar under the pointer;
 *   // export: tdm_chart_render_to_file (chart, "out.pdf", 800, 500, &error);
 *   // clipboard: tdm_chart_render_png_bytes().
 *
 * Shaped text is kept between draws while the data, the properties and the
 * size stay the same, so a redraw is cheap. A chart is used from one thread
 * at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "tdm-chart-palette.h"
#include "tdm-number-format.h"

G_BEGIN_DECLS

typedef enum {
  TDM_CHART_BARS,            /* one bar per category and series (grouped) */
  TDM_CHART_STACKED_BARS,    /* series stacked in one bar per category */
  TDM_CHART_LINE,            /* one line per series over the categories */
  TDM_CHART_DONUT,           /* the first series, one slice per category */
  TDM_CHART_SMALL_MULTIPLES, /* one small chart per series, same scale */
} TdmChartKind;

#define TDM_TYPE_CHART_KIND (tdm_chart_kind_get_type ())
GType tdm_chart_kind_get_type (void);

/* Of bars (a line always runs along the bottom). */
typedef enum {
  TDM_CHART_VERTICAL,        /* categories along the bottom */
  TDM_CHART_HORIZONTAL,      /* categories down the side: long labels */
} TdmChartOrientation;

#define TDM_TYPE_CHART_ORIENTATION (tdm_chart_orientation_get_type ())
GType tdm_chart_orientation_get_type (void);

typedef struct {
  double x, y, width, height;
} TdmChartRect;

typedef enum {
  TDM_CHART_LABEL_TITLE,
  TDM_CHART_LABEL_MESSAGE,        /* "Nothing to show" */
  TDM_CHART_LABEL_CATEGORY,
  TDM_CHART_LABEL_TICK,
  TDM_CHART_LABEL_VALUE,
  TDM_CHART_LABEL_LEGEND,
  TDM_CHART_LABEL_UNIT,
  TDM_CHART_LABEL_PANEL_TITLE,    /* a small multiple's series name */
  TDM_CHART_LABEL_TOTAL,          /* the figure in a donut's hole */
} TdmChartLabelRole;

/* A piece of text as drawn: BOX is its extent on the cairo_t. TEXT is the
 * whole text even when TRUNCATED (wrapped and ellipsized to fit). */
typedef struct {
  TdmChartLabelRole role;
  int               category;     /* -1 when not about one category */
  int               series;       /* -1 when not about one series */
  TdmChartRect      box;
  char             *text;
  gboolean          truncated;
} TdmChartLabel;

typedef enum {
  TDM_CHART_MARK_BAR,
  TDM_CHART_MARK_POINT,
  TDM_CHART_MARK_SLICE,
} TdmChartMarkShape;

/* A bar, a line's point or a donut's slice. BOX is the bar itself, or the
 * point's or slice's bounding box. Angles are in radians, as cairo_arc()
 * takes them, START < END. */
typedef struct {
  TdmChartMarkShape shape;
  int               category;
  int               series;
  double            value;
  TdmChartRect      box;
  double            center_x, center_y;
  double            inner_radius, outer_radius;
  double            start_angle, end_angle;
} TdmChartMark;

/* A value axis with its plot area. VALUE_AXIS_X (vertical value axis) or
 * VALUE_AXIS_Y (horizontal) is where the tick labels meet the plot. */
typedef struct {
  TdmChartRect plot;
  double       min, max, step;
  double       zero;           /* the baseline's x or y */
  gboolean     horizontal;     /* values run along x */
  double       value_axis_x;
  double       value_axis_y;
} TdmChartAxis;

typedef struct {
  TdmChartRect   area;
  gboolean       empty;        /* "Nothing to show" was drawn, no axes */
  gboolean       rtl;
  guint          label_stride; /* 1: every category labelled; k: every k-th */
  guint          n_labels;
  TdmChartLabel *labels;
  guint          n_marks;
  TdmChartMark  *marks;
  guint          n_axes;       /* one per small multiple */
  TdmChartAxis  *axes;
} TdmChartLayout;

/* Returns the text for VALUE, e.g. "1 234 cooperatives"; free with g_free. */
typedef char *(*TdmChartValueFormatter) (double   value,
                                         gpointer user_data);

#define TDM_TYPE_CHART (tdm_chart_get_type ())

G_DECLARE_FINAL_TYPE (TdmChart, tdm_chart, TDM, CHART, GObject)

TdmChart            *tdm_chart_new                 (TdmChartKind         kind);

TdmChartKind         tdm_chart_get_kind            (TdmChart            *self);
void                 tdm_chart_set_kind            (TdmChart            *self,
                                                    TdmChartKind         kind);
TdmChartOrientation  tdm_chart_get_orientation     (TdmChart            *self);
void                 tdm_chart_set_orientation     (TdmChart            *self,
                                                    TdmChartOrientation  orientation);
/* The kind of each small multiple: TDM_CHART_BARS or TDM_CHART_LINE. */
TdmChartKind         tdm_chart_get_panel_kind      (TdmChart            *self);
void                 tdm_chart_set_panel_kind      (TdmChart            *self,
                                                    TdmChartKind         kind);
const char          *tdm_chart_get_title           (TdmChart            *self);
void                 tdm_chart_set_title           (TdmChart            *self,
                                                    const char          *title);
/* What the values count ("Cooperatives"), written by the value axis. */
const char          *tdm_chart_get_unit            (TdmChart            *self);
void                 tdm_chart_set_unit            (TdmChart            *self,
                                                    const char          *unit);
/* Mirrored for right-to-left: default tdm_locale_is_arabic(). */
gboolean             tdm_chart_get_rtl             (TdmChart            *self);
void                 tdm_chart_set_rtl             (TdmChart            *self,
                                                    gboolean             rtl);
gboolean             tdm_chart_get_dark            (TdmChart            *self);
void                 tdm_chart_set_dark            (TdmChart            *self,
                                                    gboolean             dark);
/* The language numbers are written in; NULL (default): the UI's. */
const char          *tdm_chart_get_language        (TdmChart            *self);
void                 tdm_chart_set_language        (TdmChart            *self,
                                                    const char          *language);
TdmDigits            tdm_chart_get_digits          (TdmChart            *self);
void                 tdm_chart_set_digits          (TdmChart            *self,
                                                    TdmDigits            digits);
/* Values are fractions (0.42) shown as percentages (42 %). */
gboolean             tdm_chart_get_percent         (TdmChart            *self);
void                 tdm_chart_set_percent         (TdmChart            *self,
                                                    gboolean             percent);
/* Base font size in device units (pixels for a widget or a PNG, points
 * for a PDF); 0 (default) picks one from the size drawn in. */
double               tdm_chart_get_font_size       (TdmChart            *self);
void                 tdm_chart_set_font_size       (TdmChart            *self,
                                                    double               font_size);
/* Replaces how values are written in labels and tooltips (ticks keep the
 * plain number format). NULL restores the default. */
void                 tdm_chart_set_value_formatter (TdmChart            *self,
                                                    TdmChartValueFormatter formatter,
                                                    gpointer             user_data,
                                                    GDestroyNotify       destroy);

/* Data. Setting the categories drops the series. */
void                 tdm_chart_set_categories      (TdmChart            *self,
                                                    const char * const  *labels,
                                                    gssize               n_labels);
/* VALUES has N_VALUES entries; categories beyond them, and NAN entries,
 * have no value. Returns the series' index. */
guint                tdm_chart_add_series          (TdmChart            *self,
                                                    const char          *name,
                                                    const double        *values,
                                                    guint                n_values);
void                 tdm_chart_clear               (TdmChart            *self);
guint                tdm_chart_get_n_categories    (TdmChart            *self);
guint                tdm_chart_get_n_series        (TdmChart            *self);
const char          *tdm_chart_get_category        (TdmChart            *self,
                                                    guint                category);
const char          *tdm_chart_get_series_name     (TdmChart            *self,
                                                    guint                series);
double               tdm_chart_get_value           (TdmChart            *self,
                                                    guint                category,
                                                    guint                series);

/* Drawing. The chart paints nothing behind itself: a widget has its own
 * background; tdm_chart_paint_background() paints the style's. */
void                 tdm_chart_draw                (TdmChart            *self,
                                                    cairo_t             *cr,
                                                    double               x,
                                                    double               y,
                                                    double               width,
                                                    double               height);
void                 tdm_chart_paint_background    (TdmChart            *self,
                                                    cairo_t             *cr,
                                                    double               x,
                                                    double               y,
                                                    double               width,
                                                    double               height);
/* Where the last draw put everything; NULL before the first draw. Valid
 * until the next draw or change. */
const TdmChartLayout *tdm_chart_get_layout         (TdmChart            *self);

/* The value text for a tooltip: the whole category label, the series name
 * when there are several, and the exact value. */
char                *tdm_chart_format_value        (TdmChart            *self,
                                                    double               value);
char                *tdm_chart_dup_tooltip         (TdmChart            *self,
                                                    int                  category,
                                                    int                  series);
/* What lies under (X, Y) in the last draw: a bar, point or slice gives its
 * category and series; a category label gives its category and series -1.
 * FALSE when nothing does. */
gboolean             tdm_chart_hit_test            (TdmChart            *self,
                                                    double               x,
                                                    double               y,
                                                    int                 *category,
                                                    int                 *series);

/* Draws on a background into PATH: .png (WIDTH×HEIGHT pixels), .svg or
 * .pdf (WIDTH×HEIGHT points), chosen by the extension, case ignored. */
gboolean             tdm_chart_render_to_file      (TdmChart            *self,
                                                    const char          *path,
                                                    int                  width,
                                                    int                  height,
                                                    GError             **error);
/* The same PNG in memory, e.g. for the clipboard. */
GBytes              *tdm_chart_render_png_bytes    (TdmChart            *self,
                                                    int                  width,
                                                    int                  height,
                                                    GError             **error);

G_END_DECLS
