/* tdm-plan-geometry.h: the geometry of a floor plan, with no drawing and
 * no database: metres ↔ pixels, hit-testing, snapping, overlaps,
 * alignment, rows of stands and stand codes.
 *
 * Plan coordinates are metres from the top-left corner of the floor, x to
 * the right, y down. A rectangle is half-open: it holds the points with
 * x <= px < x + width and y <= py < y + depth, so that a point on the edge
 * two stands share belongs to exactly one of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lengths below this are taken as 0 (1/10 mm): floats from snapping. */
#define TDM_PLAN_EPSILON 1e-4

typedef struct {
  double x;
  double y;
  double width;
  double depth;
} TdmPlanRect;

/* Metres → pixels: px = origin_x + x * scale, py = origin_y + y * scale.
 * Never mirrored, not even right-to-left: the plan is a map of a real
 * hall, and its entrance stays where it is. */
typedef struct {
  double   scale;        /* pixels per metre, > 0 */
  double   origin_x;     /* pixel position of the floor's top-left corner */
  double   origin_y;
} TdmPlanTransform;

/* Scale 1, origin 0. */
void      tdm_plan_transform_init        (TdmPlanTransform       *t);
/* Scales and centres the floor (FLOOR_WIDTH × FLOOR_DEPTH metres) in the
 * rectangle (X, Y, WIDTH, HEIGHT) pixels with MARGIN pixels around. */
void      tdm_plan_transform_fit         (TdmPlanTransform       *t,
                                          double                  floor_width,
                                          double                  floor_depth,
                                          double                  x,
                                          double                  y,
                                          double                  width,
                                          double                  height,
                                          double                  margin);
/* Zooms by FACTOR keeping the point under pixel (PX, PY) where it is;
 * the scale stays within [MIN_SCALE, MAX_SCALE]. */
void      tdm_plan_transform_zoom_at     (TdmPlanTransform       *t,
                                          double                  factor,
                                          double                  px,
                                          double                  py,
                                          double                  min_scale,
                                          double                  max_scale);
void      tdm_plan_transform_pan         (TdmPlanTransform       *t,
                                          double                  dx_pixels,
                                          double                  dy_pixels);
void      tdm_plan_to_pixels             (const TdmPlanTransform *t,
                                          double                  x,
                                          double                  y,
                                          double                 *px,
                                          double                 *py);
void      tdm_plan_to_metres             (const TdmPlanTransform *t,
                                          double                  px,
                                          double                  py,
                                          double                 *x,
                                          double                 *y);
/* The rectangle in pixels. */
void      tdm_plan_rect_to_pixels        (const TdmPlanTransform *t,
                                          const TdmPlanRect      *rect,
                                          TdmPlanRect            *pixels);

gboolean  tdm_plan_rect_contains         (const TdmPlanRect      *rect,
                                          double                  x,
                                          double                  y);
/* TRUE when A and B share an area larger than 0 (touching edges do not
 * overlap). */
gboolean  tdm_plan_rect_overlaps         (const TdmPlanRect      *a,
                                          const TdmPlanRect      *b);
/* TRUE when RECT lies on the floor (its edges may lie on the floor's). */
gboolean  tdm_plan_rect_inside_floor     (const TdmPlanRect      *rect,
                                          double                  floor_width,
                                          double                  floor_depth);
/* Moves RECT (keeping its size, shrinking it only if larger than the
 * floor) so that it lies on the floor. */
void      tdm_plan_rect_clamp_to_floor   (TdmPlanRect            *rect,
                                          double                  floor_width,
                                          double                  floor_depth);
/* The smallest rectangle holding the N rectangles (N > 0). */
void      tdm_plan_rect_union            (const TdmPlanRect      *rects,
                                          guint                   n,
                                          TdmPlanRect            *bounds);
/* Normalizes a rectangle dragged from (X1, Y1) to (X2, Y2). */
void      tdm_plan_rect_from_corners     (double                  x1,
                                          double                  y1,
                                          double                  x2,
                                          double                  y2,
                                          TdmPlanRect            *rect);

/* VALUE rounded to the nearest multiple of STEP (STEP <= 0: unchanged). */
double    tdm_plan_snap                  (double                  value,
                                          double                  step);
/* Snaps the corner of RECT to the grid, and its size to whole steps of
 * at least one step. */
void      tdm_plan_rect_snap             (TdmPlanRect            *rect,
                                          double                  step);

/* Index of the rectangle at (X, Y) metres, the last one drawn winning
 * when several hold the point; -1 if none. */
int       tdm_plan_hit_test              (const TdmPlanRect      *rects,
                                          guint                   n,
                                          double                  x,
                                          double                  y);
/* Indices (guint) of the rectangles that overlap AREA, for rubber-band
 * selection; appended to INDICES. Returns how many. */
guint     tdm_plan_hit_test_area         (const TdmPlanRect      *rects,
                                          guint                   n,
                                          const TdmPlanRect      *area,
                                          GArray                 *indices);
/* Indices of the first pair of overlapping rectangles among RECTS (*I <
 * *J), or FALSE when none overlap. O(n log n) on average. */
gboolean  tdm_plan_find_overlap          (const TdmPlanRect      *rects,
                                          guint                   n,
                                          guint                  *i,
                                          guint                  *j);

/* Resize handles of a selected rectangle. */
typedef enum {
  TDM_PLAN_HANDLE_NONE,
  TDM_PLAN_HANDLE_NORTH_WEST,
  TDM_PLAN_HANDLE_NORTH,
  TDM_PLAN_HANDLE_NORTH_EAST,
  TDM_PLAN_HANDLE_EAST,
  TDM_PLAN_HANDLE_SOUTH_EAST,
  TDM_PLAN_HANDLE_SOUTH,
  TDM_PLAN_HANDLE_SOUTH_WEST,
  TDM_PLAN_HANDLE_WEST,
} TdmPlanHandle;

/* The handle of RECT (metres) under pixel (PX, PY) within TOLERANCE
 * pixels, for a view T; the corners win over the sides. */
TdmPlanHandle tdm_plan_hit_handle        (const TdmPlanTransform *t,
                                          const TdmPlanRect      *rect,
                                          double                  px,
                                          double                  py,
                                          double                  tolerance);
/* Moves the edges of RECT that HANDLE holds by (DX, DY) metres; the
 * size never gets below MIN_SIZE. */
void      tdm_plan_rect_resize           (TdmPlanRect            *rect,
                                          TdmPlanHandle           handle,
                                          double                  dx,
                                          double                  dy,
                                          double                  min_size);

typedef enum {
  TDM_PLAN_ALIGN_LEFT,          /* same x */
  TDM_PLAN_ALIGN_RIGHT,         /* same x + width */
  TDM_PLAN_ALIGN_TOP,           /* same y */
  TDM_PLAN_ALIGN_BOTTOM,        /* same y + depth */
  TDM_PLAN_ALIGN_CENTER_X,      /* same centre x */
  TDM_PLAN_ALIGN_CENTER_Y,      /* same centre y */
  TDM_PLAN_DISTRIBUTE_X,        /* equal gaps along x, ends fixed */
  TDM_PLAN_DISTRIBUTE_Y,
} TdmPlanAlign;

/* Aligns the N rectangles on the one furthest in that direction (the
 * first one's centre for CENTER_*), in place. */
void      tdm_plan_align                 (TdmPlanRect            *rects,
                                          guint                   n,
                                          TdmPlanAlign            how);

/* Fills OUT[0..N-1] with a row of N rectangles WIDTH × DEPTH from (X, Y),
 * side by side along x (VERTICAL: along y) with GAP metres between. */
void      tdm_plan_row_layout            (double                  x,
                                          double                  y,
                                          guint                   n,
                                          double                  width,
                                          double                  depth,
                                          double                  gap,
                                          gboolean                vertical,
                                          TdmPlanRect            *out);

/* "A", "B" ... "Z", "AA", "AB" ... for pole position 0, 1 ... */
char     *tdm_plan_pole_prefix           (guint                   position);
/* PREFIX-NN ("A-01"); at least two digits. */
char     *tdm_plan_stand_code            (const char             *prefix,
                                          guint                   number);
/* The number of CODE when it is PREFIX-<digits>, else 0. */
guint     tdm_plan_stand_code_number     (const char             *code,
                                          const char             *prefix);
/* The first free numbers after the highest one used with PREFIX among
 * EXISTING (NULL-terminated, may be NULL): N new codes, in a
 * NULL-terminated array. Numbers go after the highest, not into holes,
 * so that a new row continues the old one. */
char    **tdm_plan_next_stand_codes      (const char             *prefix,
                                          const char * const     *existing,
                                          guint                   n);

G_END_DECLS
