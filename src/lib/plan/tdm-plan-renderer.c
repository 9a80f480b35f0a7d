/* tdm-plan-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tdm-fairs.h"
#include "tdm-fold.h"
#include "tdm-plan-renderer.h"

/* Sizes in user units: pixels on screen, points on an A3 page. */
#define MARGIN           16.0
#define TITLE_SIZE       18.0
#define SUBTITLE_SIZE    11.0
#define LEGEND_SIZE       9.5
#define LABEL_SIZE       10.0   /* stand codes, scaled to fit the stand */
#define SWATCH           12.0
#define MIN_LABEL_PIXELS 14.0   /* a stand narrower than this shows no code */
#define MAX_CACHED_LAYOUTS 4096

#define FONT_FAMILY "Noto Sans, Noto Sans Arabic, Sans"

/* Colours (GNOME palette). */
#define ACCENT        0.110, 0.443, 0.847   /* #1c71d8 */
#define INK           0.141, 0.141, 0.141
#define GRID_MINOR    0.0, 0.0, 0.0, 0.06
#define GRID_MAJOR    0.0, 0.0, 0.0, 0.14

typedef struct {
  gint64 id;
  double r, g, b;
} PoleColor;

/* The labels drawn on the plan, by style. */
typedef enum {
  LABEL_CODE,        /* a stand's code */
  LABEL_OCCUPANCY,   /* "1/2" */
  LABEL_AREA_NAME,   /* "Stage" */
  LABEL_AREA_CODE,
  LABEL_AISLE,
  N_LABEL_STYLES
} LabelStyle;

/* A label shaped once and kept as glyphs: drawing 1,200 labels a frame
 * through pango_cairo_show_layout() costs more than the rest of the plan. */
typedef struct {
  cairo_scaled_font_t *font;
  cairo_glyph_t       *glyphs;
  int                  n_glyphs;
} LabelRun;

typedef struct {
  double  width;
  double  height;
  GArray *runs;      /* LabelRun */
} Label;

struct _TdmPlanRenderer
{
  GObject             parent_instance;

  TdmFair            *fair;
  GListModel         *poles;
  GListModel         *stands;

  TdmPlanRenderFlags  flags;
  double              grid_step;
  gboolean            rtl;

  GHashTable         *selection;     /* gint64 ids */
  gint64              hover_id;
  gint64              drop_id;
  gboolean            drop_accept;

  PangoContext       *pango;
  GHashTable         *layouts;       /* "size\x1ftext" → PangoLayout */
  GHashTable         *labels[N_LABEL_STYLES];   /* text → Label */

  cairo_pattern_t    *hatch;         /* partly taken stands */
  cairo_pattern_t    *cross_hatch;   /* stage */
  cairo_pattern_t    *back_hatch;    /* lounge, other areas */
};

G_DEFINE_FINAL_TYPE (TdmPlanRenderer, tdm_plan_renderer, G_TYPE_OBJECT)

static void
label_run_clear (LabelRun *run)
{
  cairo_scaled_font_destroy (run->font);
  g_free (run->glyphs);
}

static void
label_free (Label *label)
{
  g_array_unref (label->runs);
  g_free (label);
}

G_DEFINE_QUARK (tdm-plan-renderer-error-quark, tdm_plan_renderer_error)


/* ---- object ------------------------------------------------------------ */

static void
tdm_plan_renderer_finalize (GObject *object)
{
  TdmPlanRenderer *self = (TdmPlanRenderer *)object;

  g_clear_object (&self->fair);
  g_clear_object (&self->poles);
  g_clear_object (&self->stands);
  g_clear_pointer (&self->selection, g_hash_table_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  for (guint i = 0; i < N_LABEL_STYLES; i++)
    g_clear_pointer (&self->labels[i], g_hash_table_unref);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->hatch, cairo_pattern_destroy);
  g_clear_pointer (&self->cross_hatch, cairo_pattern_destroy);
  g_clear_pointer (&self->back_hatch, cairo_pattern_destroy);

  G_OBJECT_CLASS (tdm_plan_renderer_parent_class)->finalize (object);
}

static void
tdm_plan_renderer_class_init (TdmPlanRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tdm_plan_renderer_finalize;
}

/* A repeating tile of lines: at 45° (SLASH), at -45° (BACKSLASH) or both. */
static cairo_pattern_t *
make_hatch (gboolean slash,
            gboolean backslash,
            double   alpha)
{
  const int size = 8;
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  cairo_set_source_rgba (cr, 0, 0, 0, alpha);
  cairo_set_line_width (cr, 1.2);
  if (slash)
    {
      /* The extra segments at the corners keep the lines unbroken from
       * one tile to the next. */
      cairo_move_to (cr, 0, size);
      cairo_line_to (cr, size, 0);
      cairo_move_to (cr, -1, 1);
      cairo_line_to (cr, 1, -1);
      cairo_move_to (cr, size - 1, size + 1);
      cairo_line_to (cr, size + 1, size - 1);
    }
  if (backslash)
    {
      cairo_move_to (cr, 0, 0);
      cairo_line_to (cr, size, size);
      cairo_move_to (cr, size - 1, -1);
      cairo_line_to (cr, size + 1, 1);
      cairo_move_to (cr, -1, size - 1);
      cairo_line_to (cr, 1, size + 1);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

static void
tdm_plan_renderer_init (TdmPlanRenderer *self)
{
  cairo_font_options_t *options;

  self->flags = TDM_PLAN_RENDER_EDITOR;
  self->grid_step = 1.0;
  self->rtl = tdm_locale_is_arabic ();
  self->selection = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < N_LABEL_STYLES; i++)
    self->labels[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) label_free);

  /* One context for every layout, without hinted metrics, so that text
   * keeps its shape at any zoom, on screen, in a PNG or a PDF, and
   * layouts can be kept between frames. It is never updated from a
   * cairo_t: pango_cairo_update_context() would invalidate every layout
   * at each frame. Labels are scaled by cairo when drawn. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_base_dir (self->pango, self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);

  self->hatch = make_hatch (TRUE, FALSE, 0.45);
  self->cross_hatch = make_hatch (TRUE, TRUE, 0.22);
  self->back_hatch = make_hatch (FALSE, TRUE, 0.22);
}

TdmPlanRenderer *
tdm_plan_renderer_new (void)
{
  return g_object_new (TDM_TYPE_PLAN_RENDERER, NULL);
}

/* ---- setters ----------------------------------------------------------- */

void
tdm_plan_renderer_set_fair (TdmPlanRenderer *self,
                            TdmFair         *fair)
{
  g_return_if_fail (TDM_IS_PLAN_RENDERER (self));
  g_return_if_fail (fair == NULL || TDM_IS_FAIR (fair));

  g_set_object (&self->fair, fair);
}

TdmFair *
tdm_plan_renderer_get_fair (TdmPlanRenderer *self)
{
  g_return_val_if_fail (TDM_IS_PLAN_RENDERER (self), NULL);
  return self->fair;
}

void
tdm_plan_renderer_set_poles (TdmPlanRenderer *self,
                             GListModel      *poles)
{
  g_return_if_fail (TDM_IS_PLAN_RENDERER (self));
  g_return_if_fail (poles == NULL || G_IS_LIST_MODEL (poles));

  g_set_object (&self->poles, poles);
}

void
tdm_plan_renderer_set_stands (TdmPlanRenderer *self,
                              GListModel      *stands)
{
  g_return_if_fail (TDM_IS_PLAN_RENDERER (self));
  g_return_if_fail (stands == NULL || G_IS_LIST_MODEL (stands));

  g_set_object (&self->stands, stands);
}

GListModel *
tdm_plan_renderer_get_stands (TdmPlanRenderer *self)
{
  g_return_val_if_fail (TDM_IS_PLAN_RENDERER (self), NULL);
  return self->stands;
}

gboolean
tdm_plan_renderer_load (TdmPlanRenderer  *self,
                        TdmStore         *store,
                        gint64            fair_id,
                        GError          **error)
{
  g_autoptr(TdmFair) fair = NULL;
  g_autoptr(GListModel) poles = NULL;
  g_autoptr(GListModel) stands = NULL;

  g_return_val_if_fail (TDM_IS_PLAN_RENDERER (self), FALSE);
  g_return_val_if_fail (TDM_IS_STORE (store), FALSE);

  fair = tdm_store_get_fair (store, fair_id, error);
  if (fair == NULL)
    return FALSE;
  poles = tdm_store_list_poles (store, fair_id, error);
  if (poles == NULL)
    return FALSE;
  stands = tdm_store_list_stands (store, fair_id, error);
  if (stands == NULL)
    return FALSE;

  tdm_plan_renderer_set_fair (self, fair);
  tdm_plan_renderer_set_poles (self, poles);
  tdm_plan_renderer_set_stands (self, stands);
  return TRUE;
}

void
tdm_plan_renderer_set_flags (TdmPlanRenderer    *self,
                             TdmPlanRenderFlags  flags)
{
  g_return_if_fail (TDM_IS_PLAN_RENDERER (self));
  self->flags = flags;
}

void
tdm_plan_renderer_set_grid_step (TdmPlanRenderer *self,
                                 double           step)
{
  g_return_if_fail (TDM_IS_PLAN_RENDERER (self));
  g_return_if_fail (step > 0);
  self->grid_step = step;
}

void
tdm_plan_renderer_set_rtl (TdmPlanRenderer *self,
                           gboolean         rtl)
{
  g_return_if_fail (TDM_IS_PLAN_RENDERER (self));
  if (self->rtl == !!rtl)
    return;
  self->rtl = !!rtl;
  pango_context_set_base_dir (self->pango, self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  g_hash_table_remove_all (self->layouts);
  for (guint i = 0; i < N_LABEL_STYLES; i++)
    g_hash_table_remove_all (self->labels[i]);
}

gboolean
tdm_plan_renderer_get_rtl (TdmPlanRenderer *self)
{
  g_return_val_if_fail (TDM_IS_PLAN_RENDERER (self), FALSE);
  return self->rtl;
}

void
tdm_plan_renderer_set_selection (TdmPlanRenderer *self,
                                 const gint64    *ids,
                                 guint            n_ids)
{
  g_return_if_fail (TDM_IS_PLAN_RENDERER (self));

  g_hash_table_remove_all (self->selection);
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_add (self->selection, g_memdup2 (&ids[i], sizeof (gint64)));
}

gboolean
tdm_plan_renderer_is_selected (TdmPlanRenderer *self,
                               gint64           stand_id)
{
  g_return_val_if_fail (TDM_IS_PLAN_RENDERER (self), FALSE);
  return g_hash_table_contains (self->selection, &stand_id);
}

void
tdm_plan_renderer_set_hover (TdmPlanRenderer *self,
                             gint64           stand_id)
{
  g_return_if_fail (TDM_IS_PLAN_RENDERER (self));
  self->hover_id = stand_id;
}

void
tdm_plan_renderer_set_drop_target (TdmPlanRenderer *self,
                                   gint64           stand_id,
                                   gboolean         accept)
{
  g_return_if_fail (TDM_IS_PLAN_RENDERER (self));
  self->drop_id = stand_id;
  self->drop_accept = accept;
}

/* ---- text -------------------------------------------------------------- */

/* A layout of TEXT at SIZE points, kept between frames: shaping Arabic
 * and measuring is the costly part of drawing a label. */
static PangoLayout *
get_layout (TdmPlanRenderer *self,
            const char      *text,
            double           size,
            gboolean         bold,
            gboolean         ui_direction)
{
  g_autofree char *key = g_strdup_printf ("%d%c%c%c%s", (int) (size * 100), bold ? 'b' : 'r',
                                          ui_direction ? 'u' : 'a', 0x1f, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);
  PangoFontDescription *font;

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (self->layouts) >= MAX_CACHED_LAYOUTS)
    g_hash_table_remove_all (self->layouts);

  layout = pango_layout_new (self->pango);
  font = pango_font_description_from_string (FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  /* The title and legend follow the UI's direction; labels of stands
   * follow their own text. */
  if (ui_direction)
    pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_text (layout, text, -1);

  g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

static const struct {
  double   size;
  gboolean bold;
} label_styles[N_LABEL_STYLES] = {
  [LABEL_CODE] = { LABEL_SIZE, TRUE },
  [LABEL_OCCUPANCY] = { LABEL_SIZE * 0.85, FALSE },
  [LABEL_AREA_NAME] = { LABEL_SIZE * 1.2, TRUE },
  [LABEL_AREA_CODE] = { LABEL_SIZE * 0.8, FALSE },
  [LABEL_AISLE] = { LABEL_SIZE * 0.9, FALSE },
};

/* The glyphs of TEXT in STYLE, shaped by Pango once (Arabic included:
 * runs come in visual order, their glyphs too). */
static Label *
get_label (TdmPlanRenderer *self,
           LabelStyle       style,
           const char      *text)
{
  Label *label = g_hash_table_lookup (self->labels[style], text);
  PangoLayout *layout;
  PangoLayoutIter *iter;

  if (label != NULL)
    return label;

  if (g_hash_table_size (self->labels[style]) >= MAX_CACHED_LAYOUTS)
    g_hash_table_remove_all (self->labels[style]);

  layout = get_layout (self, text, label_styles[style].size, label_styles[style].bold, FALSE);
  label = g_new0 (Label, 1);
  label->runs = g_array_new (FALSE, TRUE, sizeof (LabelRun));
  g_array_set_clear_func (label->runs, (GDestroyNotify) label_run_clear);
  layout_size (layout, &label->width, &label->height);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle extents;
      LabelRun out;
      double x, baseline;

      if (run == NULL)
        continue;

      pango_layout_iter_get_run_extents (iter, NULL, &extents);
      x = (double) extents.x / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      out.font = cairo_scaled_font_reference (pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font)));
      out.glyphs = g_new (cairo_glyph_t, MAX (run->glyphs->num_glyphs, 1));
      out.n_glyphs = 0;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          const PangoGlyphInfo *info = &run->glyphs->glyphs[i];

          if (info->glyph != PANGO_GLYPH_EMPTY && !(info->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
            {
              out.glyphs[out.n_glyphs].index = info->glyph;
              out.glyphs[out.n_glyphs].x = x + (double) info->geometry.x_offset / PANGO_SCALE;
              out.glyphs[out.n_glyphs].y = baseline + (double) info->geometry.y_offset / PANGO_SCALE;
              out.n_glyphs++;
            }
          x += (double) info->geometry.width / PANGO_SCALE;
        }
      g_array_append_val (label->runs, out);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  g_hash_table_insert (self->labels[style], g_strdup (text), label);
  return label;
}

/* What was last given to cairo for labels, so that a run of labels of
 * one font at one scale sets the font once: cairo_set_scaled_font() for
 * each of 1,200 labels cost as much as drawing them. */
typedef struct {
  cairo_font_face_t *face;
  double             size;
  cairo_glyph_t     *glyphs;
  int                n_allocated;
} LabelPen;

static void
label_pen_clear (LabelPen *pen)
{
  g_clear_pointer (&pen->glyphs, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LabelPen, label_pen_clear)

/* Draws LABEL with its top-left corner at (X, Y), scaled by SCALE. */
static void
show_label (cairo_t  *cr,
            LabelPen *pen,
            Label    *label,
            double    x,
            double    y,
            double    scale)
{
  for (guint i = 0; i < label->runs->len; i++)
    {
      LabelRun *run = &g_array_index (label->runs, LabelRun, i);
      cairo_font_face_t *face = cairo_scaled_font_get_font_face (run->font);
      cairo_matrix_t matrix;

      cairo_scaled_font_get_font_matrix (run->font, &matrix);
      cairo_matrix_scale (&matrix, scale, scale);
      if (face != pen->face || matrix.xx != pen->size)
        {
          cairo_font_options_t *options = cairo_font_options_create ();

          cairo_scaled_font_get_font_options (run->font, options);
          cairo_set_font_face (cr, face);
          cairo_set_font_matrix (cr, &matrix);
          cairo_set_font_options (cr, options);
          cairo_font_options_destroy (options);
          pen->face = face;
          pen->size = matrix.xx;
        }

      if (run->n_glyphs > pen->n_allocated)
        {
          pen->n_allocated = MAX (run->n_glyphs, 32);
          pen->glyphs = g_renew (cairo_glyph_t, pen->glyphs, pen->n_allocated);
        }
      for (int g = 0; g < run->n_glyphs; g++)
        {
          pen->glyphs[g].index = run->glyphs[g].index;
          pen->glyphs[g].x = x + run->glyphs[g].x * scale;
          pen->glyphs[g].y = y + run->glyphs[g].y * scale;
        }
      cairo_show_glyphs (cr, pen->glyphs, run->n_glyphs);
    }
}

/* Draws LAYOUT with its start at X (its right edge when right-to-left). */
static double
show_at_start (TdmPlanRenderer *self,
               cairo_t         *cr,
               PangoLayout     *layout,
               double           x,
               double           y)
{
  double w, h;

  layout_size (layout, &w, &h);
  cairo_move_to (cr, self->rtl ? x - w : x, y);
  pango_cairo_show_layout (cr, layout);
  return w;
}

/* ---- layout of the page ------------------------------------------------ */

static double
title_height (TdmPlanRenderer *self)
{
  if (!(self->flags & TDM_PLAN_RENDER_TITLE) || self->fair == NULL)
    return 0;
  /* Pango sizes are points at 96 dpi: a line is about 1.7 times the size
   * in user units. */
  return MARGIN / 2 + TITLE_SIZE * 1.8 + SUBTITLE_SIZE * 2.0;
}

static double
legend_height (TdmPlanRenderer *self)
{
  if (!(self->flags & TDM_PLAN_RENDER_LEGEND))
    return 0;
  /* Two lines: the poles, then occupancy and areas. */
  return 2 * (LEGEND_SIZE * 2.2) + MARGIN / 2;
}

void
tdm_plan_renderer_fit (TdmPlanRenderer  *self,
                       double            width,
                       double            height,
                       TdmPlanTransform *transform)
{
  double top, bottom;

  g_return_if_fail (TDM_IS_PLAN_RENDERER (self));
  g_return_if_fail (transform != NULL);

  tdm_plan_transform_init (transform);
  if (self->fair == NULL)
    return;

  top = title_height (self);
  bottom = legend_height (self);
  tdm_plan_transform_fit (transform,
                          tdm_fair_get_floor_width (self->fair),
                          tdm_fair_get_floor_depth (self->fair),
                          0, top, width, MAX (height - top - bottom, 1), MARGIN);
}

/* ---- stands ------------------------------------------------------------ */

static void
stand_rect (TdmStand    *stand,
            TdmPlanRect *rect)
{
  rect->x = tdm_stand_get_x (stand);
  rect->y = tdm_stand_get_y (stand);
  rect->width = tdm_stand_get_width (stand);
  rect->depth = tdm_stand_get_depth (stand);
}

static GArray *
pole_colors (TdmPlanRenderer *self)
{
  GArray *colors = g_array_new (FALSE, FALSE, sizeof (PoleColor));
  guint n = self->poles != NULL ? g_list_model_get_n_items (self->poles) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmPole) pole = g_list_model_get_item (self->poles, i);
      PoleColor color = { tdm_pole_get_id (pole), 0, 0, 0 };

      tdm_pole_get_rgb (pole, &color.r, &color.g, &color.b);
      g_array_append_val (colors, color);
    }
  return colors;
}

static void
color_of (GArray *colors,
          gint64  pole_id,
          double *r,
          double *g,
          double *b)
{
  /* Stands without a pole are grey. */
  *r = *g = *b = 0.55;
  for (guint i = 0; i < colors->len; i++)
    {
      PoleColor *c = &g_array_index (colors, PoleColor, i);

      if (c->id == pole_id)
        {
          *r = c->r;
          *g = c->g;
          *b = c->b;
          return;
        }
    }
}

static guint
color_index (GArray *colors,
             gint64  pole_id)
{
  for (guint i = 0; i < colors->len; i++)
    if (g_array_index (colors, PoleColor, i).id == pole_id)
      return i;
  return colors->len;
}

static double
luminance (double r,
           double g,
           double b)
{
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/* The look of each occupancy: free is white, partly taken is a light tint
 * with hatching, full is the solid colour: three different patterns, so
 * that the plan reads in black and white and for colour-blind eyes. */
static void
fill_occupancy (TdmPlanRenderer   *self,
                cairo_t           *cr,
                TdmStandOccupancy  state,
                double             r,
                double             g,
                double             b,
                double            *text_r,
                double            *text_g,
                double            *text_b)
{
  switch (state)
    {
    case TDM_STAND_PARTLY_TAKEN:
      cairo_set_source_rgb (cr, 1 - (1 - r) * 0.35, 1 - (1 - g) * 0.35, 1 - (1 - b) * 0.35);
      cairo_fill_preserve (cr);
      cairo_set_source (cr, self->hatch);
      cairo_fill_preserve (cr);
      *text_r = *text_g = *text_b = 0.1;
      break;
    case TDM_STAND_FULL:
      cairo_set_source_rgb (cr, r * 0.85, g * 0.85, b * 0.85);
      cairo_fill_preserve (cr);
      *text_r = *text_g = *text_b = luminance (r, g, b) * 0.85 > 0.55 ? 0.1 : 1.0;
      break;
    case TDM_STAND_FREE:
    default:
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      *text_r = *text_g = *text_b = 0.1;
      break;
    }
}

/* Draws the labels centred in BOX, one under the other, scaled down to
 * fit it (and never up beyond MAX_SCALE). */
static void
draw_centred (cairo_t           *cr,
              LabelPen          *pen,
              Label            **labels,
              guint              n,
              const TdmPlanRect *box,
              double             max_scale)
{
  double total_w = 0, total_h = 0, scale, y;

  for (guint i = 0; i < n; i++)
    {
      total_w = MAX (total_w, labels[i]->width);
      total_h += labels[i]->height;
    }
  if (total_w <= 0 || total_h <= 0)
    return;

  /* A margin of a tenth of the box, at least 2 units, around the text. */
  scale = MIN (max_scale, MIN ((box->width - MAX (4, box->width * 0.1)) / total_w,
                               (box->depth - MAX (2, box->depth * 0.1)) / total_h));
  if (scale * LABEL_SIZE < 3.5)
    return;   /* unreadable: better nothing */

  y = box->y + (box->depth - total_h * scale) / 2;
  for (guint i = 0; i < n; i++)
    {
      show_label (cr, pen, labels[i], box->x + (box->width - labels[i]->width * scale) / 2, y, scale);
      y += labels[i]->height * scale;
    }
}

static void
draw_area (TdmPlanRenderer   *self,
           cairo_t           *cr,
           TdmStand          *stand,
           const TdmPlanRect *px)
{
  const char *kind = tdm_stand_get_kind (stand);

  cairo_rectangle (cr, px->x, px->y, px->width, px->depth);

  if (g_str_equal (kind, "aisle"))
    {
      cairo_set_source_rgb (cr, 0.965, 0.961, 0.957);
      cairo_fill (cr);
    }
  else if (g_str_equal (kind, "entrance"))
    {
      static const double dashes[] = { 6, 4 };

      cairo_set_source_rgb (cr, 0.90, 0.96, 0.90);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.15, 0.45, 0.20);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      if (g_str_equal (kind, "stage"))
        cairo_set_source_rgb (cr, 0.87, 0.86, 0.85);
      else
        cairo_set_source_rgb (cr, 0.96, 0.94, 0.86);
      cairo_fill_preserve (cr);
      cairo_set_source (cr, g_str_equal (kind, "stage") ? self->cross_hatch : self->back_hatch);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
    }
}

/* Names an area, after every area is filled so that a crossing aisle
 * does not cover it. Aisles get a small label, turned along a vertical
 * aisle, and none where it would fall on a label already drawn (where
 * aisles cross). TAKEN collects the label boxes. */
static void
draw_area_label (TdmPlanRenderer   *self,
                 cairo_t           *cr,
                 TdmStand          *stand,
                 const TdmPlanRect *px,
                 GArray            *taken)
{
  const char *kind = tdm_stand_get_kind (stand);
  gboolean aisle = g_str_equal (kind, "aisle");
  gboolean vertical = aisle && px->depth > px->width * 1.5;
  g_auto(LabelPen) pen = { 0, };
  Label *label[2];
  guint n_labels = 0;
  TdmPlanRect box = *px;
  double w, h, scale;

  if (MAX (px->width, px->depth) < MIN_LABEL_PIXELS * 2 ||
      MIN (px->width, px->depth) < MIN_LABEL_PIXELS)
    return;

  if (aisle)
    {
      label[n_labels++] = get_label (self, LABEL_AISLE, tdm_stand_get_kind_label (stand));
      w = label[0]->width;
      h = label[0]->height;
      scale = MIN (1.0, (MIN (px->width, px->depth) - 2) / h);
      if (scale * LABEL_SIZE < 3.5)
        return;
      box.width = (vertical ? h : w) * scale;
      box.depth = (vertical ? w : h) * scale;
      box.x = px->x + (px->width - box.width) / 2;
      box.y = px->y + (px->depth - box.depth) / 2;
      for (guint i = 0; i < taken->len; i++)
        {
          const TdmPlanRect *other = &g_array_index (taken, TdmPlanRect, i);

          if (tdm_plan_rect_overlaps (&box, other))
            return;
        }
      g_array_append_val (taken, box);

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      if (vertical)
        {
          cairo_translate (cr, box.x, box.y + box.depth);
          cairo_rotate (cr, -G_PI / 2);
        }
      else
        cairo_translate (cr, box.x, box.y);
      show_label (cr, &pen, label[0], 0, 0, scale);
      cairo_restore (cr);
      return;
    }

  g_array_append_val (taken, box);
  label[n_labels++] = get_label (self, LABEL_AREA_NAME, tdm_stand_get_kind_label (stand));
  label[n_labels++] = get_label (self, LABEL_AREA_CODE, tdm_stand_get_code (stand));
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  draw_centred (cr, &pen, label, n_labels, px, 2.0);
}

typedef struct {
  TdmStand          *stand;
  TdmPlanRect        px;
  guint              color;   /* index in the colours, or the last for none */
  TdmStandOccupancy  state;
} Visible;

static void
visible_clear (Visible *visible)
{
  g_clear_object (&visible->stand);
}

/* On screen (the CTM a plain translation), edges go to whole pixels and
 * outlines to the middle of a pixel: cairo then fills and strokes the
 * boxes without rasterizing them, several times faster with 600 stands. */
static void
align_to_pixels (TdmPlanRect *px)
{
  double x2 = round (px->x + px->width);
  double y2 = round (px->y + px->depth);

  px->x = round (px->x);
  px->y = round (px->y);
  px->width = x2 - px->x;
  px->depth = y2 - px->y;
}

/* The stands, batched: one fill per colour and occupancy, one hatch for
 * every partly taken stand, one outline per colour, then the labels. */
static void
pole_rgb (GArray *colors,
          guint   index,
          double *r,
          double *g,
          double *b)
{
  /* The last index: stands without a pole, grey. */
  *r = *g = *b = 0.55;
  if (index < colors->len)
    {
      PoleColor *pc = &g_array_index (colors, PoleColor, index);

      *r = pc->r;
      *g = pc->g;
      *b = pc->b;
    }
}

/* The stands, batched: the outline of every stand of a colour as one
 * fill of whole boxes, the inside per colour and occupancy in one fill
 * each, one hatch over every partly taken stand, then the labels. Boxes
 * filled are several times cheaper for cairo than rectangles stroked. */
static void
draw_stands (TdmPlanRenderer *self,
             cairo_t         *cr,
             GArray          *visible,
             GArray          *colors,
             gboolean         aligned)
{
  guint n_colors = colors->len + 1;
  double line = aligned ? 1.0 : 1.2;
  g_auto(LabelPen) pen = { 0, };

  for (guint c = 0; c < n_colors; c++)
    {
      double r, g, b;
      gboolean any = FALSE;

      for (guint i = 0; i < visible->len; i++)
        {
          Visible *v = &g_array_index (visible, Visible, i);

          if (v->color != c)
            continue;
          cairo_rectangle (cr, v->px.x, v->px.y, v->px.width, v->px.depth);
          any = TRUE;
        }
      if (!any)
        continue;
      pole_rgb (colors, c, &r, &g, &b);
      cairo_set_source_rgb (cr, r * 0.6, g * 0.6, b * 0.6);
      cairo_fill (cr);

      for (int state = TDM_STAND_FREE; state <= TDM_STAND_FULL; state++)
        {
          any = FALSE;
          for (guint i = 0; i < visible->len; i++)
            {
              Visible *v = &g_array_index (visible, Visible, i);

              if (v->color != c || (int) v->state != state)
                continue;
              cairo_rectangle (cr, v->px.x + line, v->px.y + line,
                               MAX (v->px.width - 2 * line, 0), MAX (v->px.depth - 2 * line, 0));
              any = TRUE;
            }
          if (!any)
            continue;

          if (state == TDM_STAND_FULL)
            cairo_set_source_rgb (cr, r * 0.85, g * 0.85, b * 0.85);
          else if (state == TDM_STAND_PARTLY_TAKEN)
            cairo_set_source_rgb (cr, 1 - (1 - r) * 0.35, 1 - (1 - g) * 0.35, 1 - (1 - b) * 0.35);
          else
            cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill (cr);
        }
    }

  for (guint i = 0; i < visible->len; i++)
    {
      Visible *v = &g_array_index (visible, Visible, i);

      if (v->state == TDM_STAND_PARTLY_TAKEN)
        cairo_rectangle (cr, v->px.x + line, v->px.y + line,
                         MAX (v->px.width - 2 * line, 0), MAX (v->px.depth - 2 * line, 0));
    }
  cairo_set_source (cr, self->hatch);
  cairo_fill (cr);

  for (guint i = 0; i < visible->len; i++)
    {
      Visible *v = &g_array_index (visible, Visible, i);
      Label *label[2];
      guint n_labels = 0;
      char occupancy[32];

      if (v->px.width < MIN_LABEL_PIXELS || v->px.depth < MIN_LABEL_PIXELS * 0.7)
        continue;

      label[n_labels++] = get_label (self, LABEL_CODE, tdm_stand_get_code (v->stand));
      /* "1/2" under the code once there is room to read it; smaller,
       * the fill and pattern say it. */
      if (v->px.depth >= MIN_LABEL_PIXELS * 2.2)
        {
          g_snprintf (occupancy, sizeof occupancy, "%d/%d",
                      tdm_stand_get_occupancy (v->stand), tdm_stand_get_capacity (v->stand));
          label[n_labels++] = get_label (self, LABEL_OCCUPANCY, occupancy);
        }

      /* Dark text, white on a full stand of a dark colour. */
      if (v->state == TDM_STAND_FULL && v->color < colors->len)
        {
          PoleColor *pc = &g_array_index (colors, PoleColor, v->color);
          double ink = luminance (pc->r, pc->g, pc->b) * 0.85 > 0.55 ? 0.1 : 1.0;

          cairo_set_source_rgb (cr, ink, ink, ink);
        }
      else if (v->state == TDM_STAND_FULL)
        cairo_set_source_rgb (cr, 1, 1, 1);
      else
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      draw_centred (cr, &pen, label, n_labels, &v->px, 1.6);
    }
}

static void
draw_highlights (TdmPlanRenderer   *self,
                 cairo_t           *cr,
                 TdmStand          *stand,
                 const TdmPlanRect *px,
                 gboolean           single_selection)
{
  gint64 id = tdm_stand_get_id (stand);

  if (id == self->hover_id && id != 0)
    {
      cairo_rectangle (cr, px->x, px->y, px->width, px->depth);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.25);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, INK);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  if (g_hash_table_contains (self->selection, &id))
    {
      cairo_rectangle (cr, px->x - 1.5, px->y - 1.5, px->width + 3, px->depth + 3);
      cairo_set_source_rgb (cr, ACCENT);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);

      if (single_selection && (self->flags & TDM_PLAN_RENDER_HANDLES))
        {
          const double h = 7;
          double xs[3] = { px->x, px->x + px->width / 2, px->x + px->width };
          double ys[3] = { px->y, px->y + px->depth / 2, px->y + px->depth };

          for (guint i = 0; i < 3; i++)
            for (guint j = 0; j < 3; j++)
              {
                if (i == 1 && j == 1)
                  continue;
                cairo_rectangle (cr, xs[i] - h / 2, ys[j] - h / 2, h, h);
              }
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, ACCENT);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
    }

  if (id == self->drop_id && id != 0)
    {
      static const double dashes[] = { 5, 3 };

      cairo_rectangle (cr, px->x - 2, px->y - 2, px->width + 4, px->depth + 4);
      if (self->drop_accept)
        cairo_set_source_rgb (cr, 0.15, 0.64, 0.41);   /* #26a269 */
      else
        cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);   /* #c01c28 */
      cairo_set_line_width (cr, 3);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (!self->drop_accept)
        {
          /* A cross, so that "refused" does not rest on red alone. */
          cairo_move_to (cr, px->x + 3, px->y + 3);
          cairo_line_to (cr, px->x + px->width - 3, px->y + px->depth - 3);
          cairo_move_to (cr, px->x + px->width - 3, px->y + 3);
          cairo_line_to (cr, px->x + 3, px->y + px->depth - 3);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
    }
}

static void
draw_grid (TdmPlanRenderer        *self,
           cairo_t                *cr,
           const TdmPlanTransform *t,
           const TdmPlanRect      *floor_px,
           const TdmPlanRect      *clip)
{
  double step = self->grid_step;
  double w = tdm_fair_get_floor_width (self->fair);
  double d = tdm_fair_get_floor_depth (self->fair);
  /* Whole pixels at both ends too: cairo then draws the lines as boxes
   * instead of rasterizing them. */
  double x0 = round (MAX (floor_px->x, clip->x));
  double x1 = round (MIN (floor_px->x + floor_px->width, clip->x + clip->width));
  double y0 = round (MAX (floor_px->y, clip->y));
  double y1 = round (MIN (floor_px->y + floor_px->depth, clip->y + clip->depth));

  if (x1 <= x0 || y1 <= y0)
    return;

  /* Coarser when the lines would come closer than 6 pixels. */
  while (step * t->scale < 6)
    step *= 5;

  /* One-pixel boxes, filled: vertical lines in one fill and horizontal
   * ones in another, as a stroke of the crossing lines would make cairo
   * compute their union, thousands of intersections. */
  for (int pass = 0; pass < 4; pass++)
    {
      gboolean major_pass = pass >= 2;
      gboolean vertical = pass % 2 == 0;
      double major = step * 5;
      double length = vertical ? w : d;

      for (double m = 0; m <= length + TDM_PLAN_EPSILON; m += step)
        {
          gboolean is_major = fabs (m / major - round (m / major)) < 1e-6;
          double p;

          if (is_major != major_pass)
            continue;
          if (vertical)
            {
              p = floor (t->origin_x + m * t->scale);
              if (p >= x0 - 1 && p <= x1)
                cairo_rectangle (cr, p, y0, 1, y1 - y0);
            }
          else
            {
              p = floor (t->origin_y + m * t->scale);
              if (p >= y0 - 1 && p <= y1)
                cairo_rectangle (cr, x0, p, x1 - x0, 1);
            }
        }
      if (major_pass)
        cairo_set_source_rgba (cr, GRID_MAJOR);
      else
        cairo_set_source_rgba (cr, GRID_MINOR);
      cairo_fill (cr);
    }
}

/* ---- title and legend -------------------------------------------------- */

/* "2024-11-14" → "14/11/2024", the way dates are written in Morocco. */
static char *
format_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

static void
draw_title (TdmPlanRenderer *self,
            cairo_t         *cr,
            double           width)
{
  g_autofree char *edition = tdm_fair_dup_edition_label (self->fair);
  g_autofree char *title = NULL;
  g_autofree char *start = format_date (tdm_fair_get_start_date (self->fair));
  g_autofree char *end = format_date (tdm_fair_get_end_date (self->fair));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  double x = self->rtl ? width - MARGIN : MARGIN;

  if (*edition != '\0')
    title = g_strdup_printf ("\u2068%s\u2069 — \u2068%s\u2069", tdm_fair_get_title (self->fair), edition);
  else
    title = g_strdup (tdm_fair_get_title (self->fair));

  /* Each part in its own bidi isolate (FSI … PDI): an Arabic venue
   * beside French text and dates must not pull them into its run. */
  if (tdm_fair_get_city (self->fair) != NULL)
    g_ptr_array_add (parts, g_strdup_printf ("\u2068%s\u2069", tdm_fair_get_city (self->fair)));
  if (tdm_fair_get_venue (self->fair) != NULL)
    g_ptr_array_add (parts, g_strdup_printf ("\u2068%s\u2069", tdm_fair_get_venue (self->fair)));
  if (start != NULL && end != NULL)
    {
      g_autofree char *dates = NULL;

      /* Translators: the dates of a fair, from %s to %s */
      dates = g_strdup_printf (_("%s to %s"), start, end);
      g_ptr_array_add (parts, g_strdup_printf ("\u2068%s\u2069", dates));
    }
  else if (start != NULL)
    g_ptr_array_add (parts, g_strdup (start));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  cairo_set_source_rgb (cr, INK);
  show_at_start (self, cr, get_layout (self, title, TITLE_SIZE, TRUE, TRUE), x, MARGIN / 2);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show_at_start (self, cr, get_layout (self, subtitle, SUBTITLE_SIZE, FALSE, TRUE),
                 x, MARGIN / 2 + TITLE_SIZE * 1.8);
}

/* One legend entry: a swatch drawn by the caller's STYLE, then TEXT.
 * Returns the new pen position. */
typedef enum {
  SWATCH_POLE,
  SWATCH_FREE,
  SWATCH_PARTLY,
  SWATCH_FULL,
  SWATCH_STAGE,
  SWATCH_ENTRANCE,
  SWATCH_LOUNGE,
} SwatchStyle;

static double
legend_entry (TdmPlanRenderer *self,
              cairo_t         *cr,
              double           x,
              double           y,
              SwatchStyle      style,
              double           r,
              double           g,
              double           b,
              const char      *text)
{
  double sx = self->rtl ? x - SWATCH : x;
  double tr, tg, tb, w, h;
  PangoLayout *layout = get_layout (self, text, LEGEND_SIZE, FALSE, TRUE);

  cairo_rectangle (cr, sx, y, SWATCH, SWATCH);
  switch (style)
    {
    case SWATCH_POLE:
      cairo_set_source_rgb (cr, r, g, b);
      cairo_fill_preserve (cr);
      break;
    case SWATCH_FREE:
      fill_occupancy (self, cr, TDM_STAND_FREE, r, g, b, &tr, &tg, &tb);
      break;
    case SWATCH_PARTLY:
      fill_occupancy (self, cr, TDM_STAND_PARTLY_TAKEN, r, g, b, &tr, &tg, &tb);
      break;
    case SWATCH_FULL:
      fill_occupancy (self, cr, TDM_STAND_FULL, r, g, b, &tr, &tg, &tb);
      break;
    case SWATCH_STAGE:
      cairo_set_source_rgb (cr, 0.87, 0.86, 0.85);
      cairo_fill_preserve (cr);
      cairo_set_source (cr, self->cross_hatch);
      cairo_fill_preserve (cr);
      break;
    case SWATCH_ENTRANCE:
      cairo_set_source_rgb (cr, 0.90, 0.96, 0.90);
      cairo_fill_preserve (cr);
      break;
    case SWATCH_LOUNGE:
    default:
      cairo_set_source_rgb (cr, 0.96, 0.94, 0.86);
      cairo_fill_preserve (cr);
      cairo_set_source (cr, self->back_hatch);
      cairo_fill_preserve (cr);
      break;
    }
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  layout_size (layout, &w, &h);
  cairo_set_source_rgb (cr, INK);
  show_at_start (self, cr, layout, self->rtl ? x - SWATCH - 5 : x + SWATCH + 5,
                 y + (SWATCH - h) / 2);
  w += SWATCH + 5 + 16;
  return self->rtl ? x - w : x + w;
}

static void
draw_legend (TdmPlanRenderer        *self,
             cairo_t                *cr,
             double                  width,
             double                  height,
             const TdmPlanTransform *t,
             GArray                 *colors)
{
  double line = LEGEND_SIZE * 2.2;
  double y = height - legend_height (self) + MARGIN / 4;
  double start = self->rtl ? width - MARGIN : MARGIN;
  double x = start;
  guint counts[3] = { 0, 0, 0 };
  gboolean kinds[6] = { FALSE, };
  guint n_stands = self->stands != NULL ? g_list_model_get_n_items (self->stands) : 0;
  guint n_poles = self->poles != NULL ? g_list_model_get_n_items (self->poles) : 0;
  char text[256];
  double bar, bar_x, bar_y, lw, lh;
  PangoLayout *layout;

  for (guint i = 0; i < n_stands; i++)
    {
      g_autoptr(TdmStand) stand = g_list_model_get_item (self->stands, i);
      const char *kind = tdm_stand_get_kind (stand);

      if (!tdm_stand_is_area (stand))
        counts[tdm_stand_get_occupancy_state (stand)]++;
      else if (g_str_equal (kind, "stage"))
        kinds[1] = TRUE;
      else if (g_str_equal (kind, "entrance"))
        kinds[2] = TRUE;
      else if (g_str_equal (kind, "lounge") || g_str_equal (kind, "other"))
        kinds[4] = TRUE;
    }

  /* First line: the poles. */
  for (guint i = 0; i < n_poles; i++)
    {
      g_autoptr(TdmPole) pole = g_list_model_get_item (self->poles, i);
      double r, g, b;

      color_of (colors, tdm_pole_get_id (pole), &r, &g, &b);
      x = legend_entry (self, cr, x, y, SWATCH_POLE, r, g, b, tdm_pole_get_display_name (pole));
    }

  /* Second line: occupancy with counts, then the kinds of areas. */
  y += line;
  x = start;
  g_snprintf (text, sizeof text, _("Free (%u)"), counts[TDM_STAND_FREE]);
  x = legend_entry (self, cr, x, y, SWATCH_FREE, 0.55, 0.55, 0.55, text);
  g_snprintf (text, sizeof text, _("Partly taken (%u)"), counts[TDM_STAND_PARTLY_TAKEN]);
  x = legend_entry (self, cr, x, y, SWATCH_PARTLY, 0.55, 0.55, 0.55, text);
  g_snprintf (text, sizeof text, _("Full (%u)"), counts[TDM_STAND_FULL]);
  x = legend_entry (self, cr, x, y, SWATCH_FULL, 0.55, 0.55, 0.55, text);
  if (kinds[1])
    x = legend_entry (self, cr, x, y, SWATCH_STAGE, 0, 0, 0, tdm_stand_kind_label ("stage"));
  if (kinds[2])
    x = legend_entry (self, cr, x, y, SWATCH_ENTRANCE, 0, 0, 0, tdm_stand_kind_label ("entrance"));
  if (kinds[4])
    x = legend_entry (self, cr, x, y, SWATCH_LOUNGE, 0, 0, 0, tdm_stand_kind_label ("lounge"));

  /* A scale bar of a round length near 80 user units, at the far end. */
  bar = 1;
  while (bar * t->scale < 80 && bar < 1000)
    bar *= bar == 1 || bar == 10 || bar == 100 ? 5 : 2;
  g_snprintf (text, sizeof text, _("%g m"), bar);
  layout = get_layout (self, text, LEGEND_SIZE, FALSE, TRUE);
  layout_size (layout, &lw, &lh);
  bar_x = self->rtl ? MARGIN : width - MARGIN - bar * t->scale;
  bar_y = y + SWATCH / 2;
  cairo_move_to (cr, bar_x, bar_y - 4);
  cairo_line_to (cr, bar_x, bar_y);
  cairo_line_to (cr, bar_x + bar * t->scale, bar_y);
  cairo_line_to (cr, bar_x + bar * t->scale, bar_y - 4);
  cairo_set_source_rgb (cr, INK);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_move_to (cr, bar_x + (bar * t->scale - lw) / 2, bar_y - lh - 2);
  pango_cairo_show_layout (cr, layout);
}

/* ---- drawing ----------------------------------------------------------- */

static gboolean
meets (const TdmPlanRect *a,
       const TdmPlanRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->depth && b->y < a->y + a->depth;
}

void
tdm_plan_renderer_draw (TdmPlanRenderer        *self,
                        cairo_t                *cr,
                        double                  width,
                        double                  height,
                        const TdmPlanTransform *transform)
{
  g_autoptr(GArray) colors = NULL;
  g_autoptr(GArray) taken = NULL;
  g_autoptr(GArray) visible = NULL;
  cairo_matrix_t ctm;
  gboolean aligned;
  TdmPlanTransform fitted;
  TdmPlanRect floor_rect, floor_px, clip;
  double cx1, cy1, cx2, cy2;
  guint n_stands;
  gboolean single_selection;

  g_return_if_fail (TDM_IS_PLAN_RENDERER (self));
  g_return_if_fail (cr != NULL);

  if (transform == NULL)
    {
      tdm_plan_renderer_fit (self, width, height, &fitted);
      transform = &fitted;
    }

  cairo_clip_extents (cr, &cx1, &cy1, &cx2, &cy2);
  cairo_get_matrix (cr, &ctm);
  aligned = ctm.xx == 1 && ctm.yy == 1 && ctm.xy == 0 && ctm.yx == 0 &&
            ctm.x0 == round (ctm.x0) && ctm.y0 == round (ctm.y0);
  tdm_plan_rect_from_corners (cx1, cy1, cx2, cy2, &clip);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);

  if (self->fair == NULL)
    {
      cairo_restore (cr);
      return;
    }

  colors = pole_colors (self);

  floor_rect.x = 0;
  floor_rect.y = 0;
  floor_rect.width = tdm_fair_get_floor_width (self->fair);
  floor_rect.depth = tdm_fair_get_floor_depth (self->fair);
  tdm_plan_rect_to_pixels (transform, &floor_rect, &floor_px);

  cairo_rectangle (cr, floor_px.x, floor_px.y, floor_px.width, floor_px.depth);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  if (self->flags & TDM_PLAN_RENDER_GRID)
    draw_grid (self, cr, transform, &floor_px, &clip);

  cairo_rectangle (cr, floor_px.x, floor_px.y, floor_px.width, floor_px.depth);
  cairo_set_source_rgb (cr, INK);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  n_stands = self->stands != NULL ? g_list_model_get_n_items (self->stands) : 0;
  single_selection = g_hash_table_size (self->selection) == 1;

  /* Areas under stands, whatever the order of the model; the names of
   * the areas over every area; then the stands, batched. */
  taken = g_array_new (FALSE, FALSE, sizeof (TdmPlanRect));
  visible = g_array_sized_new (FALSE, FALSE, sizeof (Visible), n_stands);
  g_array_set_clear_func (visible, (GDestroyNotify) visible_clear);
  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < n_stands; i++)
      {
        g_autoptr(TdmStand) stand = g_list_model_get_item (self->stands, i);
        TdmPlanRect rect, px, reach;

        if (tdm_stand_is_area (stand) != (pass < 2))
          continue;

        stand_rect (stand, &rect);
        tdm_plan_rect_to_pixels (transform, &rect, &px);
        /* Outlines and handles reach a few pixels beyond. */
        reach.x = px.x - 6;
        reach.y = px.y - 6;
        reach.width = px.width + 12;
        reach.depth = px.depth + 12;
        if (!meets (&reach, &clip))
          continue;

        if (pass == 0)
          draw_area (self, cr, stand, &px);
        else if (pass == 1)
          draw_area_label (self, cr, stand, &px, taken);
        else
          {
            Visible v;

            if (aligned)
              align_to_pixels (&px);
            v.px = px;
            v.color = color_index (colors, tdm_stand_get_pole_id (stand));
            v.state = tdm_stand_get_occupancy_state (stand);
            v.stand = g_steal_pointer (&stand);
            g_array_append_val (visible, v);
          }
      }
  draw_stands (self, cr, visible, colors, aligned);

  /* Highlights last, so that neighbours do not cover them. */
  for (guint i = 0; i < n_stands; i++)
    {
      g_autoptr(TdmStand) stand = g_list_model_get_item (self->stands, i);
      gint64 id = tdm_stand_get_id (stand);
      TdmPlanRect rect, px;

      if (id == 0 || (id != self->hover_id && id != self->drop_id &&
                      !g_hash_table_contains (self->selection, &id)))
        continue;
      stand_rect (stand, &rect);
      tdm_plan_rect_to_pixels (transform, &rect, &px);
      draw_highlights (self, cr, stand, &px, single_selection);
    }

  if (self->flags & TDM_PLAN_RENDER_TITLE)
    draw_title (self, cr, width);
  if (self->flags & TDM_PLAN_RENDER_LEGEND)
    draw_legend (self, cr, width, height, transform, colors);

  cairo_restore (cr);
}

TdmStand *
tdm_plan_renderer_stand_at (TdmPlanRenderer        *self,
                            const TdmPlanTransform *transform,
                            double                  px,
                            double                  py)
{
  guint n;
  double x, y;
  TdmStand *area = NULL;

  g_return_val_if_fail (TDM_IS_PLAN_RENDERER (self), NULL);
  g_return_val_if_fail (transform != NULL, NULL);

  if (self->stands == NULL)
    return NULL;

  tdm_plan_to_metres (transform, px, py, &x, &y);
  n = g_list_model_get_n_items (self->stands);

  /* Stands are drawn over areas: they win; then the last drawn. The
   * model keeps its items alive: the pointers stay valid without our
   * reference. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(TdmStand) stand = g_list_model_get_item (self->stands, i - 1);
      TdmPlanRect rect;

      stand_rect (stand, &rect);
      if (!tdm_plan_rect_contains (&rect, x, y))
        continue;
      if (!tdm_stand_is_area (stand))
        return stand;
      if (area == NULL)
        area = stand;
    }
  return area;
}

/* ---- files ------------------------------------------------------------- */

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, TDM_PLAN_RENDERER_ERROR, TDM_PLAN_RENDERER_ERROR_WRITE,
               _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
tdm_plan_renderer_export (TdmPlanRenderer  *self,
                          const char       *path,
                          GError          **error)
{
  g_autofree char *lower = NULL;
  TdmPlanRenderFlags saved_flags;
  GHashTable *saved_selection;
  gint64 saved_hover, saved_drop;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean pdf;
  gboolean ok;

  g_return_val_if_fail (TDM_IS_PLAN_RENDERER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    pdf = TRUE;
  else if (g_str_has_suffix (lower, ".png"))
    pdf = FALSE;
  else
    {
      g_set_error_literal (error, TDM_PLAN_RENDERER_ERROR, TDM_PLAN_RENDERER_ERROR_FORMAT,
                           _("The plan can be saved as PDF or PNG: end the file name with .pdf or .png."));
      return FALSE;
    }

  if (pdf)
    surface = cairo_pdf_surface_create (path, TDM_PLAN_A3_WIDTH_PT, TDM_PLAN_A3_HEIGHT_PT);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2480, 1754);
  if (!check_surface (surface, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  /* A printed plan has a title and a legend, and no editing marks. */
  saved_flags = self->flags;
  saved_selection = self->selection;
  saved_hover = self->hover_id;
  saved_drop = self->drop_id;
  self->flags = TDM_PLAN_RENDER_EXPORT;
  self->selection = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->hover_id = self->drop_id = 0;

  cr = cairo_create (surface);
  if (!pdf)
    cairo_scale (cr, 2480 / TDM_PLAN_A3_WIDTH_PT, 1754 / TDM_PLAN_A3_HEIGHT_PT);
  tdm_plan_renderer_draw (self, cr, TDM_PLAN_A3_WIDTH_PT, TDM_PLAN_A3_HEIGHT_PT, NULL);
  cairo_destroy (cr);

  g_hash_table_unref (self->selection);
  self->selection = saved_selection;
  self->flags = saved_flags;
  self->hover_id = saved_hover;
  self->drop_id = saved_drop;

  if (pdf)
    {
      cairo_surface_finish (surface);
      ok = check_surface (surface, path, error);
    }
  else
    {
      cairo_status_t status = cairo_surface_write_to_png (surface, path);

      ok = status == CAIRO_STATUS_SUCCESS;
      if (!ok)
        g_set_error (error, TDM_PLAN_RENDERER_ERROR, TDM_PLAN_RENDERER_ERROR_WRITE,
                     _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
    }
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
tdm_plan_render_to_file (TdmStore    *store,
                         gint64       fair_id,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(TdmPlanRenderer) renderer = tdm_plan_renderer_new ();

  g_return_val_if_fail (TDM_IS_STORE (store), FALSE);

  if (!tdm_plan_renderer_load (renderer, store, fair_id, error))
    return FALSE;
  return tdm_plan_renderer_export (renderer, path, error);
}
