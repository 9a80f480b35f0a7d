/* tdm-plan-renderer.h: draws a fair's floor plan on any cairo_t (the
 * editor's GtkDrawingArea, a PNG, a PDF page, a printed page).
 *
 * The renderer keeps what it draws: the fair, its poles and its stands
 * (the TdmStand objects themselves, so a stand moved by a drag is drawn
 * where it is now), the selection, the stand under the pointer. It draws
 * the grid, the stands in their pole's colour with their code, the areas
 * (stage, entrance, aisle, lounge) hatched and named, the occupancy of
 * each stand (free, partly taken, full: fill and pattern, not colour
 * alone), a title and a legend. Text goes through Pango (Arabic shaping
 * and bidi). Right-to-left, the title and legend read from the right;
 * the plan itself is never mirrored: it is a map of a real hall.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "tdm-fair.h"
#include "tdm-plan-geometry.h"
#include "tdm-pole.h"
#include "tdm-stand.h"
#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_PLAN_RENDERER_ERROR (tdm_plan_renderer_error_quark ())

typedef enum {
  TDM_PLAN_RENDERER_ERROR_FORMAT,  /* the file name ends neither in .pdf nor .png */
  TDM_PLAN_RENDERER_ERROR_WRITE,   /* cairo could not write the file */
} TdmPlanRendererError;

typedef enum {
  TDM_PLAN_RENDER_GRID    = 1 << 0,   /* metre grid (every GRID_STEP metres) */
  TDM_PLAN_RENDER_TITLE   = 1 << 1,   /* the fair's title, edition, city, dates */
  TDM_PLAN_RENDER_LEGEND  = 1 << 2,   /* poles, occupancy patterns, areas */
  TDM_PLAN_RENDER_HANDLES = 1 << 3,   /* resize handles on a single selection */
} TdmPlanRenderFlags;

#define TDM_PLAN_RENDER_EDITOR (TDM_PLAN_RENDER_GRID | TDM_PLAN_RENDER_HANDLES)
#define TDM_PLAN_RENDER_EXPORT (TDM_PLAN_RENDER_GRID | TDM_PLAN_RENDER_TITLE | TDM_PLAN_RENDER_LEGEND)

#define TDM_TYPE_PLAN_RENDERER (tdm_plan_renderer_get_type ())
G_DECLARE_FINAL_TYPE (TdmPlanRenderer, tdm_plan_renderer, TDM, PLAN_RENDERER, GObject)

GQuark           tdm_plan_renderer_error_quark (void);

TdmPlanRenderer *tdm_plan_renderer_new          (void);

/* What to draw. POLES and STANDS are GListModels of TdmPole and TdmStand
 * (those of tdm_store_list_poles/stands() do), read at each draw: after
 * a change, just redraw. Later items are drawn over earlier ones. */
void             tdm_plan_renderer_set_fair     (TdmPlanRenderer *self,
                                                 TdmFair         *fair);
void             tdm_plan_renderer_set_poles    (TdmPlanRenderer *self,
                                                 GListModel      *poles);
void             tdm_plan_renderer_set_stands   (TdmPlanRenderer *self,
                                                 GListModel      *stands);
/* Loads the fair, its poles and stands from STORE. */
gboolean         tdm_plan_renderer_load         (TdmPlanRenderer *self,
                                                 TdmStore        *store,
                                                 gint64           fair_id,
                                                 GError         **error);
TdmFair         *tdm_plan_renderer_get_fair     (TdmPlanRenderer *self);
GListModel      *tdm_plan_renderer_get_stands   (TdmPlanRenderer *self);

void             tdm_plan_renderer_set_flags    (TdmPlanRenderer    *self,
                                                 TdmPlanRenderFlags  flags);
/* Grid spacing in metres (default 1; lines every 5 are stronger). */
void             tdm_plan_renderer_set_grid_step (TdmPlanRenderer *self,
                                                 double           step);
/* Right-to-left title and legend. Default tdm_locale_is_arabic(). */
void             tdm_plan_renderer_set_rtl      (TdmPlanRenderer *self,
                                                 gboolean         rtl);
gboolean         tdm_plan_renderer_get_rtl      (TdmPlanRenderer *self);

/* Selected stand ids (drawn with a thick outline), replaced as a whole. */
void             tdm_plan_renderer_set_selection (TdmPlanRenderer *self,
                                                 const gint64    *ids,
                                                 guint            n_ids);
gboolean         tdm_plan_renderer_is_selected  (TdmPlanRenderer *self,
                                                 gint64           stand_id);
/* The stand under the pointer (0: none), drawn highlighted. */
void             tdm_plan_renderer_set_hover    (TdmPlanRenderer *self,
                                                 gint64           stand_id);
/* While an exhibitor is dragged over the plan: the stand under it, drawn
 * as accepting (ACCEPT) or refusing the drop. 0: none. */
void             tdm_plan_renderer_set_drop_target (TdmPlanRenderer *self,
                                                 gint64           stand_id,
                                                 gboolean         accept);

/* The transform that fits the floor in WIDTH × HEIGHT pixels, leaving
 * room for the title and legend the flags ask for. The editor starts
 * from it and then zooms and pans. */
void             tdm_plan_renderer_fit          (TdmPlanRenderer  *self,
                                                 double            width,
                                                 double            height,
                                                 TdmPlanTransform *transform);
/* Draws on CR, in a WIDTH × HEIGHT area at the origin, with TRANSFORM
 * (NULL: tdm_plan_renderer_fit()). Honours the clip of CR: only stands
 * meeting the clip are drawn, so redrawing a damaged region is cheap. */
void             tdm_plan_renderer_draw         (TdmPlanRenderer        *self,
                                                 cairo_t                *cr,
                                                 double                  width,
                                                 double                  height,
                                                 const TdmPlanTransform *transform);

/* The stand under pixel (PX, PY) with TRANSFORM, or NULL; owned by the
 * stands model. A stand wins over an area, then the last drawn. */
TdmStand        *tdm_plan_renderer_stand_at     (TdmPlanRenderer        *self,
                                                 const TdmPlanTransform *transform,
                                                 double                  px,
                                                 double                  py);

/* Writes the plan to PATH: an A3 landscape PDF page when it ends in
 * ".pdf", a PNG (2480 × 1754 pixels, A3 at 150 dpi) when ".png". */
gboolean         tdm_plan_renderer_export       (TdmPlanRenderer *self,
                                                 const char      *path,
                                                 GError         **error);
/* Loads fair FAIR_ID from STORE and exports it (tadamon-cli fair plan). */
gboolean         tdm_plan_render_to_file        (TdmStore        *store,
                                                 gint64           fair_id,
                                                 const char      *path,
                                                 GError         **error);

/* A3 landscape in PostScript points (1/72 inch). */
#define TDM_PLAN_A3_WIDTH_PT  1190.55
#define TDM_PLAN_A3_HEIGHT_PT  841.89

G_END_DECLS
