/* tdm-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "tdm-chart-private.h"
#include "tdm-fold.h"

G_DEFINE_ENUM_TYPE (TdmChartKind, tdm_chart_kind,
  G_DEFINE_ENUM_VALUE (TDM_CHART_BARS, "bars"),
  G_DEFINE_ENUM_VALUE (TDM_CHART_STACKED_BARS, "stacked-bars"),
  G_DEFINE_ENUM_VALUE (TDM_CHART_LINE, "line"),
  G_DEFINE_ENUM_VALUE (TDM_CHART_DONUT, "donut"),
  G_DEFINE_ENUM_VALUE (TDM_CHART_SMALL_MULTIPLES, "small-multiples"))

G_DEFINE_ENUM_TYPE (TdmChartOrientation, tdm_chart_orientation,
  G_DEFINE_ENUM_VALUE (TDM_CHART_VERTICAL, "vertical"),
  G_DEFINE_ENUM_VALUE (TDM_CHART_HORIZONTAL, "horizontal"))

G_DEFINE_FINAL_TYPE (TdmChart, tdm_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_PANEL_KIND,
  PROP_ORIENTATION,
  PROP_TITLE,
  PROP_UNIT,
  PROP_RTL,
  PROP_DARK,
  PROP_LANGUAGE,
  PROP_DIGITS,
  PROP_PERCENT,
  PROP_FONT_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_label (gpointer data)
{
  TdmChartLabel *label = data;

  g_clear_pointer (&label->text, g_free);
}

static void
clear_series (gpointer data)
{
  TdmChartSeries *series = data;

  g_clear_pointer (&series->name, g_free);
  g_clear_pointer (&series->values, g_free);
}

static void
clear_record (TdmChart *self)
{
  g_array_set_size (self->labels, 0);
  g_array_set_size (self->marks, 0);
  g_array_set_size (self->axes, 0);
  self->drawn = FALSE;
}

/* Anything that changes the picture makes the last layout, and the text
 * shaped for it, stale. */
static void
forget_layout (TdmChart *self)
{
  clear_record (self);
  g_hash_table_remove_all (self->layouts);
}

static void
tdm_chart_finalize (GObject *object)
{
  TdmChart *self = TDM_CHART (object);

  if (self->formatter_destroy != NULL)
    self->formatter_destroy (self->formatter_data);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->axes, g_array_unref);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->layouts, g_hash_table_unref);

  G_OBJECT_CLASS (tdm_chart_parent_class)->finalize (object);
}

static void
tdm_chart_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TdmChart *self = TDM_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PANEL_KIND:
      g_value_set_enum (value, self->panel_kind);
      break;
    case PROP_ORIENTATION:
      g_value_set_enum (value, self->orientation);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_RTL:
      g_value_set_boolean (value, self->rtl);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_DIGITS:
      g_value_set_enum (value, self->digits);
      break;
    case PROP_PERCENT:
      g_value_set_boolean (value, self->percent);
      break;
    case PROP_FONT_SIZE:
      g_value_set_double (value, self->font_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_chart_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TdmChart *self = TDM_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      tdm_chart_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_PANEL_KIND:
      tdm_chart_set_panel_kind (self, g_value_get_enum (value));
      break;
    case PROP_ORIENTATION:
      tdm_chart_set_orientation (self, g_value_get_enum (value));
      break;
    case PROP_TITLE:
      tdm_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      tdm_chart_set_unit (self, g_value_get_string (value));
      break;
    case PROP_RTL:
      tdm_chart_set_rtl (self, g_value_get_boolean (value));
      break;
    case PROP_DARK:
      tdm_chart_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_LANGUAGE:
      tdm_chart_set_language (self, g_value_get_string (value));
      break;
    case PROP_DIGITS:
      tdm_chart_set_digits (self, g_value_get_enum (value));
      break;
    case PROP_PERCENT:
      tdm_chart_set_percent (self, g_value_get_boolean (value));
      break;
    case PROP_FONT_SIZE:
      tdm_chart_set_font_size (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_chart_class_init (TdmChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tdm_chart_finalize;
  object_class->get_property = tdm_chart_get_property;
  object_class->set_property = tdm_chart_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TDM_TYPE_CHART_KIND, TDM_CHART_BARS, flags);
  properties[PROP_PANEL_KIND] =
    g_param_spec_enum ("panel-kind", NULL, NULL, TDM_TYPE_CHART_KIND, TDM_CHART_BARS, flags);
  properties[PROP_ORIENTATION] =
    g_param_spec_enum ("orientation", NULL, NULL, TDM_TYPE_CHART_ORIENTATION,
                       TDM_CHART_VERTICAL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_RTL] = g_param_spec_boolean ("rtl", NULL, NULL, FALSE, flags);
  properties[PROP_DARK] = g_param_spec_boolean ("dark", NULL, NULL, FALSE, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_DIGITS] =
    g_param_spec_enum ("digits", NULL, NULL, TDM_TYPE_DIGITS, TDM_DIGITS_AUTO, flags);
  properties[PROP_PERCENT] = g_param_spec_boolean ("percent", NULL, NULL, FALSE, flags);
  properties[PROP_FONT_SIZE] =
    g_param_spec_double ("font-size", NULL, NULL, 0, 200, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tdm_chart_init (TdmChart *self)
{
  self->kind = TDM_CHART_BARS;
  self->panel_kind = TDM_CHART_BARS;
  self->rtl = tdm_locale_is_arabic ();
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_array_new (FALSE, TRUE, sizeof (TdmChartSeries));
  g_array_set_clear_func (self->series, clear_series);
  self->labels = g_array_new (FALSE, TRUE, sizeof (TdmChartLabel));
  g_array_set_clear_func (self->labels, clear_label);
  self->marks = g_array_new (FALSE, TRUE, sizeof (TdmChartMark));
  self->axes = g_array_new (FALSE, TRUE, sizeof (TdmChartAxis));
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

TdmChart *
tdm_chart_new (TdmChartKind kind)
{
  return g_object_new (TDM_TYPE_CHART, "kind", kind, NULL);
}

TdmChartKind
tdm_chart_get_kind (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), TDM_CHART_BARS);
  return self->kind;
}

TdmChartKind
tdm_chart_get_panel_kind (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), TDM_CHART_BARS);
  return self->panel_kind;
}

TdmChartOrientation
tdm_chart_get_orientation (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), TDM_CHART_VERTICAL);
  return self->orientation;
}

TdmDigits
tdm_chart_get_digits (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), TDM_DIGITS_AUTO);
  return self->digits;
}

void
tdm_chart_set_kind (TdmChart     *self,
                    TdmChartKind  kind)
{
  g_return_if_fail (TDM_IS_CHART (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  forget_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
tdm_chart_set_panel_kind (TdmChart     *self,
                          TdmChartKind  kind)
{
  g_return_if_fail (TDM_IS_CHART (self));
  g_return_if_fail (kind == TDM_CHART_BARS || kind == TDM_CHART_STACKED_BARS
                    || kind == TDM_CHART_LINE);

  if (self->panel_kind == kind)
    return;
  self->panel_kind = kind;
  forget_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PANEL_KIND]);
}

void
tdm_chart_set_orientation (TdmChart            *self,
                           TdmChartOrientation  orientation)
{
  g_return_if_fail (TDM_IS_CHART (self));

  if (self->orientation == orientation)
    return;
  self->orientation = orientation;
  forget_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIENTATION]);
}

void
tdm_chart_set_digits (TdmChart  *self,
                      TdmDigits  digits)
{
  g_return_if_fail (TDM_IS_CHART (self));

  if (self->digits == digits)
    return;
  self->digits = digits;
  forget_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIGITS]);
}

static void
set_string (TdmChart   *self,
            char      **field,
            const char *value,
            guint       prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  forget_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
tdm_chart_get_title (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), NULL);
  return self->title;
}

void
tdm_chart_set_title (TdmChart   *self,
                     const char *title)
{
  g_return_if_fail (TDM_IS_CHART (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

const char *
tdm_chart_get_unit (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), NULL);
  return self->unit;
}

void
tdm_chart_set_unit (TdmChart   *self,
                    const char *unit)
{
  g_return_if_fail (TDM_IS_CHART (self));
  set_string (self, &self->unit, unit, PROP_UNIT);
}

const char *
tdm_chart_get_language (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), NULL);
  return self->language;
}

void
tdm_chart_set_language (TdmChart   *self,
                        const char *language)
{
  g_return_if_fail (TDM_IS_CHART (self));
  set_string (self, &self->language, language, PROP_LANGUAGE);
}

static void
set_flag (TdmChart *self,
          gboolean  value,
          guint     prop)
{
  gboolean old;

  value = !!value;
  switch (prop)
    {
    case PROP_RTL:
      old = self->rtl;
      self->rtl = value;
      break;
    case PROP_DARK:
      old = self->dark;
      self->dark = value;
      break;
    case PROP_PERCENT:
      old = self->percent;
      self->percent = value;
      break;
    default:
      g_assert_not_reached ();
    }
  if (old == value)
    return;
  forget_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

gboolean
tdm_chart_get_rtl (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), FALSE);
  return self->rtl;
}

void
tdm_chart_set_rtl (TdmChart *self,
                   gboolean  rtl)
{
  g_return_if_fail (TDM_IS_CHART (self));
  set_flag (self, rtl, PROP_RTL);
}

gboolean
tdm_chart_get_dark (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), FALSE);
  return self->dark;
}

void
tdm_chart_set_dark (TdmChart *self,
                    gboolean  dark)
{
  g_return_if_fail (TDM_IS_CHART (self));
  set_flag (self, dark, PROP_DARK);
}

gboolean
tdm_chart_get_percent (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), FALSE);
  return self->percent;
}

void
tdm_chart_set_percent (TdmChart *self,
                       gboolean  percent)
{
  g_return_if_fail (TDM_IS_CHART (self));
  set_flag (self, percent, PROP_PERCENT);
}

double
tdm_chart_get_font_size (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), 0);
  return self->font_size;
}

void
tdm_chart_set_font_size (TdmChart *self,
                         double    font_size)
{
  g_return_if_fail (TDM_IS_CHART (self));
  g_return_if_fail (font_size >= 0);

  if (self->font_size == font_size)
    return;
  self->font_size = font_size;
  forget_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SIZE]);
}

void
tdm_chart_set_value_formatter (TdmChart               *self,
                               TdmChartValueFormatter  formatter,
                               gpointer                user_data,
                               GDestroyNotify          destroy)
{
  g_return_if_fail (TDM_IS_CHART (self));

  if (self->formatter_destroy != NULL)
    self->formatter_destroy (self->formatter_data);
  self->formatter = formatter;
  self->formatter_data = user_data;
  self->formatter_destroy = destroy;
  forget_layout (self);
}

void
tdm_chart_set_categories (TdmChart           *self,
                          const char * const *labels,
                          gssize              n_labels)
{
  g_return_if_fail (TDM_IS_CHART (self));
  g_return_if_fail (labels != NULL || n_labels <= 0);

  if (n_labels < 0)
    n_labels = labels != NULL ? g_strv_length ((char **) labels) : 0;

  g_array_set_size (self->series, 0);
  g_ptr_array_set_size (self->categories, 0);
  for (gssize i = 0; i < n_labels; i++)
    g_ptr_array_add (self->categories,
                     g_utf8_make_valid (labels[i] != NULL ? labels[i] : "", -1));
  forget_layout (self);
}

guint
tdm_chart_add_series (TdmChart     *self,
                      const char   *name,
                      const double *values,
                      guint         n_values)
{
  TdmChartSeries series;
  guint n;

  g_return_val_if_fail (TDM_IS_CHART (self), 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);

  n = self->categories->len;
  series.name = g_utf8_make_valid (name != NULL ? name : "", -1);
  series.values = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    /* Infinities are no more drawable than a missing value. */
    series.values[i] = i < n_values && isfinite (values[i]) ? values[i] : NAN;
  g_array_append_val (self->series, series);
  forget_layout (self);

  return self->series->len - 1;
}

void
tdm_chart_clear (TdmChart *self)
{
  g_return_if_fail (TDM_IS_CHART (self));
  tdm_chart_set_categories (self, NULL, 0);
}

guint
tdm_chart_get_n_categories (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), 0);
  return self->categories->len;
}

guint
tdm_chart_get_n_series (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), 0);
  return self->series->len;
}

const char *
tdm_chart_get_category (TdmChart *self,
                        guint     category)
{
  g_return_val_if_fail (TDM_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);
  return g_ptr_array_index (self->categories, category);
}

const char *
tdm_chart_get_series_name (TdmChart *self,
                           guint     series)
{
  g_return_val_if_fail (TDM_IS_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);
  return g_array_index (self->series, TdmChartSeries, series).name;
}

double
tdm_chart_get_value (TdmChart *self,
                     guint     category,
                     guint     series)
{
  g_return_val_if_fail (TDM_IS_CHART (self), NAN);
  g_return_val_if_fail (category < self->categories->len, NAN);
  g_return_val_if_fail (series < self->series->len, NAN);
  return g_array_index (self->series, TdmChartSeries, series).values[category];
}

static gboolean
has_values (TdmChart *self)
{
  /* A donut draws the first series only. */
  guint n = self->kind == TDM_CHART_DONUT ? MIN (self->series->len, 1) : self->series->len;

  for (guint s = 0; s < n; s++)
    for (guint c = 0; c < self->categories->len; c++)
      if (!isnan (g_array_index (self->series, TdmChartSeries, s).values[c]))
        return TRUE;
  return FALSE;
}

static void
publish_layout (TdmChart           *self,
                const TdmChartRect *area)
{
  self->layout.area = *area;
  self->layout.rtl = self->rtl;
  self->layout.n_labels = self->labels->len;
  self->layout.labels = (TdmChartLabel *) (gpointer) self->labels->data;
  self->layout.n_marks = self->marks->len;
  self->layout.marks = (TdmChartMark *) (gpointer) self->marks->data;
  self->layout.n_axes = self->axes->len;
  self->layout.axes = (TdmChartAxis *) (gpointer) self->axes->data;
  self->drawn = TRUE;
}

void
tdm_chart_draw (TdmChart *self,
                cairo_t  *cr,
                double    x,
                double    y,
                double    width,
                double    height)
{
  TdmChartCtx ctx = { 0 };
  TdmChartRect rect;

  g_return_if_fail (TDM_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  clear_record (self);
  self->layout.empty = FALSE;
  self->layout.label_stride = 1;

  ctx.chart = self;
  ctx.cr = cr;
  ctx.area = (TdmChartRect) { x, y, MAX (0, width), MAX (0, height) };
  ctx.rtl = self->rtl;
  ctx.dark = self->dark;
  ctx.font = self->font_size > 0 ? self->font_size
                                 : CLAMP (sqrt (ctx.area.width * ctx.area.height) / 50, 9, 14);
  ctx.gap = ctx.font * 0.5;
  tdm_number_format_init (&ctx.numbers, self->language, self->digits);

  /* Unhinted metrics: text measures the same on a widget, a PNG and a
   * PDF, so one layout serves them all. */
  if (self->pango == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      self->pango = pango_cairo_create_context (cr);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (self->pango, options);
      cairo_font_options_destroy (options);
      pango_context_set_base_dir (self->pango, PANGO_DIRECTION_LTR);
    }
  else
    pango_cairo_update_context (cr, self->pango);
  ctx.pango = self->pango;

  /* A redraw at the same size reuses the shaped text; new fonts or a new
   * size do not. */
  if (pango_context_get_serial (self->pango) != self->pango_serial
      || width != self->layouts_width || height != self->layouts_height)
    {
      g_hash_table_remove_all (self->layouts);
      self->pango_serial = pango_context_get_serial (self->pango);
      self->layouts_width = width;
      self->layouts_height = height;
    }
  ctx.layouts = self->layouts;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, ctx.area.width, ctx.area.height);
  cairo_clip (cr);

  rect = ctx.area;
  rect.x += ctx.gap;
  rect.y += ctx.gap;
  rect.width = MAX (1.0, rect.width - 2 * ctx.gap);
  rect.height = MAX (1.0, rect.height - 2 * ctx.gap);

  if (self->title != NULL && *self->title != '\0')
    {
      g_autoptr(PangoLayout) layout = tdm_chart_ctx_text (&ctx, self->title, ctx.font * 1.25,
                                                          TRUE, rect.width, 2,
                                                          PANGO_ALIGN_CENTER);
      TdmChartColor foreground;
      double w, h;

      tdm_chart_text_size (layout, &w, &h);
      tdm_chart_ctx_role_color (&ctx, TDM_CHART_ROLE_FOREGROUND, &foreground);
      if (tdm_chart_ctx_place_text (&ctx, layout, &rect, rect.x + (rect.width - w) / 2, rect.y,
                                    TDM_CHART_LABEL_TITLE, -1, -1, self->title, &foreground))
        {
          rect.y += h + ctx.gap;
          rect.height = MAX (1.0, rect.height - h - ctx.gap);
        }
    }

  if (!has_values (self))
    {
      /* Never an empty axis: say so. */
      self->layout.empty = TRUE;
      tdm_chart_ctx_message (&ctx, &rect, _("Nothing to show"));
    }
  else
    {
      switch (self->kind)
        {
        case TDM_CHART_DONUT:
          tdm_chart_draw_donut (&ctx, &rect);
          break;
        case TDM_CHART_SMALL_MULTIPLES:
          tdm_chart_draw_multiples (&ctx, &rect);
          break;
        case TDM_CHART_BARS:
        case TDM_CHART_STACKED_BARS:
        case TDM_CHART_LINE:
        default:
          if (self->series->len > 1)
            {
              double taken = tdm_chart_legend_series (&ctx, &rect);

              rect.y += taken;
              rect.height = MAX (1.0, rect.height - taken);
            }
          tdm_chart_draw_cartesian (&ctx, &rect, self->kind, 0, self->series->len, NULL,
                                    ctx.font);
          break;
        }
    }

  cairo_restore (cr);
  publish_layout (self, &ctx.area);
}

void
tdm_chart_paint_background (TdmChart *self,
                            cairo_t  *cr,
                            double    x,
                            double    y,
                            double    width,
                            double    height)
{
  TdmChartColor background;

  g_return_if_fail (TDM_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  tdm_chart_palette_role (self->dark, TDM_CHART_ROLE_BACKGROUND, &background);
  cairo_save (cr);
  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

const TdmChartLayout *
tdm_chart_get_layout (TdmChart *self)
{
  g_return_val_if_fail (TDM_IS_CHART (self), NULL);
  return self->drawn ? &self->layout : NULL;
}

char *
tdm_chart_format_value (TdmChart *self,
                        double    value)
{
  TdmNumberFormat numbers;

  g_return_val_if_fail (TDM_IS_CHART (self), NULL);

  if (isnan (value))
    return g_strdup (_("No value"));
  if (self->formatter != NULL)
    return self->formatter (value, self->formatter_data);
  tdm_number_format_init (&numbers, self->language, self->digits);
  if (self->percent)
    return tdm_number_format_format_percent (&numbers, value,
                                             tdm_number_format_decimals_for (value * 100.0, 2));
  return tdm_number_format_format (&numbers, value, tdm_number_format_decimals_for (value, 3));
}

char *
tdm_chart_dup_tooltip (TdmChart *self,
                       int       category,
                       int       series)
{
  GString *text;

  g_return_val_if_fail (TDM_IS_CHART (self), NULL);
  g_return_val_if_fail (category < (int) self->categories->len, NULL);
  g_return_val_if_fail (series < (int) self->series->len, NULL);

  if (category < 0 && series < 0)
    return NULL;
  if (category < 0)
    return g_strdup (tdm_chart_get_series_name (self, series));

  text = g_string_new (tdm_chart_get_category (self, category));
  for (guint s = 0; s < self->series->len; s++)
    {
      g_autofree char *value = NULL;

      if (series >= 0 && (int) s != series)
        continue;
      value = tdm_chart_format_value (self, tdm_chart_get_value (self, category, s));
      g_string_append_c (text, '\n');
      if (self->series->len > 1 && self->kind != TDM_CHART_DONUT)
        /* TRANSLATORS: a tooltip line: a series' name, then its value */
        g_string_append_printf (text, C_("chart tooltip", "%s: %s"),
                                tdm_chart_get_series_name (self, s), value);
      else
        g_string_append (text, value);
      if (self->kind == TDM_CHART_DONUT)
        break;
    }
  return g_string_free (text, FALSE);
}

static gboolean
in_slice (const TdmChartMark *mark,
          double              x,
          double              y)
{
  double dx = x - mark->center_x, dy = y - mark->center_y;
  double r = hypot (dx, dy);
  double a = atan2 (dy, dx);

  if (r < mark->inner_radius || r > mark->outer_radius)
    return FALSE;
  while (a < mark->start_angle)
    a += 2 * G_PI;
  while (a >= mark->start_angle + 2 * G_PI)
    a -= 2 * G_PI;
  return a <= mark->end_angle;
}

static gboolean
in_mark (const TdmChartMark *mark,
         double              x,
         double              y)
{
  /* Thin bars and small points get a few pixels of slack for the mouse. */
  const double slack = 3.0;

  switch (mark->shape)
    {
    case TDM_CHART_MARK_BAR:
      {
        double w = MAX (mark->box.width, 2 * slack), h = MAX (mark->box.height, 2 * slack);

        return fabs (x - mark->center_x) <= w / 2 && fabs (y - mark->center_y) <= h / 2;
      }
    case TDM_CHART_MARK_POINT:
      return hypot (x - mark->center_x, y - mark->center_y) <= mark->outer_radius + slack;
    case TDM_CHART_MARK_SLICE:
      return in_slice (mark, x, y);
    default:
      return FALSE;
    }
}

gboolean
tdm_chart_hit_test (TdmChart *self,
                    double    x,
                    double    y,
                    int      *category,
                    int      *series)
{
  int c = -1, s = -1;
  gboolean hit = FALSE;

  g_return_val_if_fail (TDM_IS_CHART (self), FALSE);

  /* The last drawn lies on top. */
  for (guint i = self->marks->len; !hit && i > 0; i--)
    {
      const TdmChartMark *mark = &g_array_index (self->marks, TdmChartMark, i - 1);

      if (in_mark (mark, x, y))
        {
          c = mark->category;
          s = mark->series;
          hit = TRUE;
        }
    }

  for (guint i = 0; !hit && i < self->labels->len; i++)
    {
      const TdmChartLabel *label = &g_array_index (self->labels, TdmChartLabel, i);
      const TdmChartRect *b = &label->box;

      if ((label->category < 0 && label->series < 0)
          || x < b->x || x > b->x + b->width || y < b->y || y > b->y + b->height)
        continue;
      c = label->category;
      s = label->role == TDM_CHART_LABEL_CATEGORY ? -1 : label->series;
      hit = TRUE;
    }

  if (category != NULL)
    *category = c;
  if (series != NULL)
    *series = s;
  return hit;
}

/* Cairo writes into a GOutputStream: GIO's errors then say, in the
 * user's language, why a path cannot be written. */
typedef struct {
  GOutputStream *stream;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  WriteClosure *wc = closure;

  if (wc->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (wc->stream, data, length, NULL, NULL, &wc->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

typedef enum {
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

static gboolean
check_size (int      width,
            int      height,
            GError **error)
{
  if (width < 16 || height < 16 || width > 16384 || height > 16384)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot save a chart of %d × %d: each side must be between 16 and 16384"),
                   width, height);
      return FALSE;
    }
  return TRUE;
}

/* Draws on the style's background into STREAM; leaves it open. */
static gboolean
render_to_stream (TdmChart       *self,
                  GOutputStream  *stream,
                  Format          format,
                  int             width,
                  int             height,
                  GError        **error)
{
  WriteClosure wc = { stream, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_stream, &wc, width, height);
      break;
    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_stream, &wc, width, height);
      break;
    case FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    }

  cr = cairo_create (surface);
  tdm_chart_paint_background (self, cr, 0, 0, width, height);
  tdm_chart_draw (self, cr, 0, 0, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_stream, &wc);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (wc.error != NULL)
    {
      g_propagate_error (error, wc.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
tdm_chart_render_to_file (TdmChart    *self,
                          const char  *path,
                          int          width,
                          int          height,
                          GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  const char *dot;
  Format format;

  g_return_val_if_fail (TDM_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  basename = g_path_get_basename (path);
  dot = strrchr (basename, '.');
  if (dot != NULL && g_ascii_strcasecmp (dot, ".png") == 0)
    format = FORMAT_PNG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".svg") == 0)
    format = FORMAT_SVG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".pdf") == 0)
    format = FORMAT_PDF;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot save a chart as “%s”: the name must end in .png, .svg or .pdf"),
                   display);
      return FALSE;
    }
  if (!check_size (width, height, error))
    return FALSE;

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    {
      g_prefix_error (error, _("Cannot save the chart: "));
      return FALSE;
    }

  if (!render_to_stream (self, G_OUTPUT_STREAM (stream), format, width, height, &local_error))
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      /* A cancelled close leaves whatever was at PATH untouched. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot save the chart “%s”: "), display);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    {
      g_prefix_error (error, _("Cannot save the chart “%s”: "), display);
      return FALSE;
    }
  return TRUE;
}

GBytes *
tdm_chart_render_png_bytes (TdmChart  *self,
                            int        width,
                            int        height,
                            GError   **error)
{
  g_autoptr(GOutputStream) stream = NULL;

  g_return_val_if_fail (TDM_IS_CHART (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_size (width, height, error))
    return NULL;

  stream = g_memory_output_stream_new_resizable ();
  if (!render_to_stream (self, stream, FORMAT_PNG, width, height, error)
      || !g_output_stream_close (stream, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}
