/* tdm-plan-geometry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tdm-plan-geometry.h"

/* ---- transform --------------------------------------------------------- */

void
tdm_plan_transform_init (TdmPlanTransform *t)
{
  g_return_if_fail (t != NULL);

  t->scale = 1.0;
  t->origin_x = 0;
  t->origin_y = 0;
}

void
tdm_plan_transform_fit (TdmPlanTransform *t,
                        double            floor_width,
                        double            floor_depth,
                        double            x,
                        double            y,
                        double            width,
                        double            height,
                        double            margin)
{
  double avail_w, avail_h;

  g_return_if_fail (t != NULL);
  g_return_if_fail (floor_width > 0 && floor_depth > 0);

  avail_w = MAX (width - 2 * margin, 1);
  avail_h = MAX (height - 2 * margin, 1);
  t->scale = MIN (avail_w / floor_width, avail_h / floor_depth);
  t->origin_x = x + (width - floor_width * t->scale) / 2;
  t->origin_y = y + (height - floor_depth * t->scale) / 2;
}

void
tdm_plan_to_pixels (const TdmPlanTransform *t,
                    double                  x,
                    double                  y,
                    double                 *px,
                    double                 *py)
{
  *px = t->origin_x + x * t->scale;
  *py = t->origin_y + y * t->scale;
}

void
tdm_plan_to_metres (const TdmPlanTransform *t,
                    double                  px,
                    double                  py,
                    double                 *x,
                    double                 *y)
{
  *x = (px - t->origin_x) / t->scale;
  *y = (py - t->origin_y) / t->scale;
}

void
tdm_plan_transform_zoom_at (TdmPlanTransform *t,
                            double            factor,
                            double            px,
                            double            py,
                            double            min_scale,
                            double            max_scale)
{
  double new_scale;

  g_return_if_fail (t != NULL);
  g_return_if_fail (factor > 0);

  new_scale = CLAMP (t->scale * factor, min_scale, max_scale);
  /* The pixel under the pointer stays over the same point of the floor:
   * origin' = p - (p - origin) * s'/s. */
  t->origin_x = px - (px - t->origin_x) * new_scale / t->scale;
  t->origin_y = py - (py - t->origin_y) * new_scale / t->scale;
  t->scale = new_scale;
}

void
tdm_plan_transform_pan (TdmPlanTransform *t,
                        double            dx_pixels,
                        double            dy_pixels)
{
  g_return_if_fail (t != NULL);

  t->origin_x += dx_pixels;
  t->origin_y += dy_pixels;
}

void
tdm_plan_rect_to_pixels (const TdmPlanTransform *t,
                         const TdmPlanRect      *rect,
                         TdmPlanRect            *pixels)
{
  double x1, y1, x2, y2;

  tdm_plan_to_pixels (t, rect->x, rect->y, &x1, &y1);
  tdm_plan_to_pixels (t, rect->x + rect->width, rect->y + rect->depth, &x2, &y2);
  tdm_plan_rect_from_corners (x1, y1, x2, y2, pixels);
}

/* ---- rectangles -------------------------------------------------------- */

gboolean
tdm_plan_rect_contains (const TdmPlanRect *rect,
                        double             x,
                        double             y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->depth;
}

gboolean
tdm_plan_rect_overlaps (const TdmPlanRect *a,
                        const TdmPlanRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double d = MIN (a->y + a->depth, b->y + b->depth) - MAX (a->y, b->y);

  return w > TDM_PLAN_EPSILON && d > TDM_PLAN_EPSILON;
}

gboolean
tdm_plan_rect_inside_floor (const TdmPlanRect *rect,
                            double             floor_width,
                            double             floor_depth)
{
  return rect->x >= -TDM_PLAN_EPSILON && rect->y >= -TDM_PLAN_EPSILON &&
         rect->x + rect->width <= floor_width + TDM_PLAN_EPSILON &&
         rect->y + rect->depth <= floor_depth + TDM_PLAN_EPSILON;
}

void
tdm_plan_rect_clamp_to_floor (TdmPlanRect *rect,
                              double       floor_width,
                              double       floor_depth)
{
  rect->width = MIN (rect->width, floor_width);
  rect->depth = MIN (rect->depth, floor_depth);
  rect->x = CLAMP (rect->x, 0, floor_width - rect->width);
  rect->y = CLAMP (rect->y, 0, floor_depth - rect->depth);
}

void
tdm_plan_rect_union (const TdmPlanRect *rects,
                     guint              n,
                     TdmPlanRect       *bounds)
{
  double x1, y1, x2, y2;

  g_return_if_fail (n > 0);

  x1 = rects[0].x;
  y1 = rects[0].y;
  x2 = rects[0].x + rects[0].width;
  y2 = rects[0].y + rects[0].depth;
  for (guint i = 1; i < n; i++)
    {
      x1 = MIN (x1, rects[i].x);
      y1 = MIN (y1, rects[i].y);
      x2 = MAX (x2, rects[i].x + rects[i].width);
      y2 = MAX (y2, rects[i].y + rects[i].depth);
    }
  tdm_plan_rect_from_corners (x1, y1, x2, y2, bounds);
}

void
tdm_plan_rect_from_corners (double       x1,
                            double       y1,
                            double       x2,
                            double       y2,
                            TdmPlanRect *rect)
{
  rect->x = MIN (x1, x2);
  rect->y = MIN (y1, y2);
  rect->width = fabs (x2 - x1);
  rect->depth = fabs (y2 - y1);
}

/* ---- snapping ---------------------------------------------------------- */

double
tdm_plan_snap (double value,
               double step)
{
  if (step <= 0)
    return value;
  return round (value / step) * step;
}

void
tdm_plan_rect_snap (TdmPlanRect *rect,
                    double       step)
{
  if (step <= 0)
    return;

  rect->x = tdm_plan_snap (rect->x, step);
  rect->y = tdm_plan_snap (rect->y, step);
  rect->width = MAX (tdm_plan_snap (rect->width, step), step);
  rect->depth = MAX (tdm_plan_snap (rect->depth, step), step);
}

/* ---- hit-testing ------------------------------------------------------- */

int
tdm_plan_hit_test (const TdmPlanRect *rects,
                   guint              n,
                   double             x,
                   double             y)
{
  for (guint i = n; i > 0; i--)
    if (tdm_plan_rect_contains (&rects[i - 1], x, y))
      return (int) i - 1;
  return -1;
}

guint
tdm_plan_hit_test_area (const TdmPlanRect *rects,
                        guint              n,
                        const TdmPlanRect *area,
                        GArray            *indices)
{
  guint found = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!tdm_plan_rect_overlaps (&rects[i], area))
        continue;
      g_array_append_val (indices, i);
      found++;
    }
  return found;
}

static int
compare_by_x (const void *a,
              const void *b,
              void       *data)
{
  const TdmPlanRect *rects = data;
  double xa = rects[*(const guint *) a].x;
  double xb = rects[*(const guint *) b].x;

  return (xa > xb) - (xa < xb);
}

gboolean
tdm_plan_find_overlap (const TdmPlanRect *rects,
                       guint              n,
                       guint             *i,
                       guint             *j)
{
  g_autofree guint *order = NULL;

  if (n < 2)
    return FALSE;

  /* Sweep along x: only rectangles whose x-extents meet can overlap. */
  order = g_new (guint, n);
  for (guint k = 0; k < n; k++)
    order[k] = k;
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_by_x, (gpointer) rects);

  for (guint a = 0; a < n; a++)
    {
      const TdmPlanRect *ra = &rects[order[a]];

      for (guint b = a + 1; b < n; b++)
        {
          const TdmPlanRect *rb = &rects[order[b]];

          if (rb->x >= ra->x + ra->width - TDM_PLAN_EPSILON)
            break;
          if (tdm_plan_rect_overlaps (ra, rb))
            {
              *i = MIN (order[a], order[b]);
              *j = MAX (order[a], order[b]);
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* ---- handles ----------------------------------------------------------- */

TdmPlanHandle
tdm_plan_hit_handle (const TdmPlanTransform *t,
                     const TdmPlanRect      *rect,
                     double                  px,
                     double                  py,
                     double                  tolerance)
{
  double left, top, right, bottom;
  gboolean at_west, at_east, at_north, at_south;

  tdm_plan_to_pixels (t, rect->x, rect->y, &left, &top);
  tdm_plan_to_pixels (t, rect->x + rect->width, rect->y + rect->depth, &right, &bottom);
  if (px < left - tolerance || px > right + tolerance ||
      py < top - tolerance || py > bottom + tolerance)
    return TDM_PLAN_HANDLE_NONE;

  at_west = fabs (px - left) <= tolerance;
  at_east = fabs (px - right) <= tolerance;
  at_north = fabs (py - top) <= tolerance;
  at_south = fabs (py - bottom) <= tolerance;

  /* On a stand smaller than two tolerances both edges match: the
   * nearer wins. */
  if (at_west && at_east)
    {
      at_west = fabs (px - left) <= fabs (px - right);
      at_east = !at_west;
    }
  if (at_north && at_south)
    {
      at_north = fabs (py - top) <= fabs (py - bottom);
      at_south = !at_north;
    }

  if (at_north && at_west)
    return TDM_PLAN_HANDLE_NORTH_WEST;
  if (at_north && at_east)
    return TDM_PLAN_HANDLE_NORTH_EAST;
  if (at_south && at_west)
    return TDM_PLAN_HANDLE_SOUTH_WEST;
  if (at_south && at_east)
    return TDM_PLAN_HANDLE_SOUTH_EAST;
  if (at_north)
    return TDM_PLAN_HANDLE_NORTH;
  if (at_south)
    return TDM_PLAN_HANDLE_SOUTH;
  if (at_west)
    return TDM_PLAN_HANDLE_WEST;
  if (at_east)
    return TDM_PLAN_HANDLE_EAST;
  return TDM_PLAN_HANDLE_NONE;
}

void
tdm_plan_rect_resize (TdmPlanRect   *rect,
                      TdmPlanHandle  handle,
                      double         dx,
                      double         dy,
                      double         min_size)
{
  gboolean west = FALSE, east = FALSE, north = FALSE, south = FALSE;
  double right = rect->x + rect->width;
  double bottom = rect->y + rect->depth;

  switch (handle)
    {
    case TDM_PLAN_HANDLE_NORTH_WEST: north = west = TRUE; break;
    case TDM_PLAN_HANDLE_NORTH:      north = TRUE; break;
    case TDM_PLAN_HANDLE_NORTH_EAST: north = east = TRUE; break;
    case TDM_PLAN_HANDLE_EAST:       east = TRUE; break;
    case TDM_PLAN_HANDLE_SOUTH_EAST: south = east = TRUE; break;
    case TDM_PLAN_HANDLE_SOUTH:      south = TRUE; break;
    case TDM_PLAN_HANDLE_SOUTH_WEST: south = west = TRUE; break;
    case TDM_PLAN_HANDLE_WEST:       west = TRUE; break;
    case TDM_PLAN_HANDLE_NONE:
    default:
      return;
    }

  if (west)
    {
      rect->x = MIN (rect->x + dx, right - min_size);
      rect->width = right - rect->x;
    }
  if (east)
    rect->width = MAX (rect->width + dx, min_size);
  if (north)
    {
      rect->y = MIN (rect->y + dy, bottom - min_size);
      rect->depth = bottom - rect->y;
    }
  if (south)
    rect->depth = MAX (rect->depth + dy, min_size);
}

/* ---- alignment and rows ------------------------------------------------ */

static int
compare_center_x (const void *a,
                 const void *b,
                 void       *data)
{
  const TdmPlanRect *rects = data;
  const TdmPlanRect *ra = &rects[*(const guint *) a];
  const TdmPlanRect *rb = &rects[*(const guint *) b];
  double ca = ra->x + ra->width / 2;
  double cb = rb->x + rb->width / 2;

  return (ca > cb) - (ca < cb);
}

static int
compare_center_y (const void *a,
                   const void *b,
                   void       *data)
{
  const TdmPlanRect *rects = data;
  const TdmPlanRect *ra = &rects[*(const guint *) a];
  const TdmPlanRect *rb = &rects[*(const guint *) b];
  double ca = ra->y + ra->depth / 2;
  double cb = rb->y + rb->depth / 2;

  return (ca > cb) - (ca < cb);
}

/* Equal gaps between consecutive rectangles along one axis, the first
 * and the last staying where they are. */
static void
distribute (TdmPlanRect *rects,
            guint        n,
            gboolean     along_x)
{
  g_autofree guint *order = g_new (guint, n);
  double start, end, total = 0, gap, pos;

  for (guint k = 0; k < n; k++)
    order[k] = k;
  g_qsort_with_data (order, (gint) n, sizeof (guint),
                     along_x ? compare_center_x : compare_center_y, rects);

  if (along_x)
    {
      start = rects[order[0]].x;
      end = rects[order[n - 1]].x + rects[order[n - 1]].width;
      for (guint k = 0; k < n; k++)
        total += rects[k].width;
    }
  else
    {
      start = rects[order[0]].y;
      end = rects[order[n - 1]].y + rects[order[n - 1]].depth;
      for (guint k = 0; k < n; k++)
        total += rects[k].depth;
    }

  gap = (end - start - total) / (n - 1);
  pos = start;
  for (guint k = 0; k < n; k++)
    {
      TdmPlanRect *r = &rects[order[k]];

      if (along_x)
        {
          r->x = pos;
          pos += r->width + gap;
        }
      else
        {
          r->y = pos;
          pos += r->depth + gap;
        }
    }
}

void
tdm_plan_align (TdmPlanRect  *rects,
                guint         n,
                TdmPlanAlign  how)
{
  TdmPlanRect bounds;
  double cx, cy;

  if (n < 2)
    return;

  tdm_plan_rect_union (rects, n, &bounds);
  cx = rects[0].x + rects[0].width / 2;
  cy = rects[0].y + rects[0].depth / 2;

  switch (how)
    {
    case TDM_PLAN_DISTRIBUTE_X:
      if (n >= 3)
        distribute (rects, n, TRUE);
      return;
    case TDM_PLAN_DISTRIBUTE_Y:
      if (n >= 3)
        distribute (rects, n, FALSE);
      return;
    case TDM_PLAN_ALIGN_LEFT:
    case TDM_PLAN_ALIGN_RIGHT:
    case TDM_PLAN_ALIGN_TOP:
    case TDM_PLAN_ALIGN_BOTTOM:
    case TDM_PLAN_ALIGN_CENTER_X:
    case TDM_PLAN_ALIGN_CENTER_Y:
    default:
      break;
    }

  for (guint i = 0; i < n; i++)
    {
      TdmPlanRect *r = &rects[i];

      switch (how)
        {
        case TDM_PLAN_ALIGN_LEFT:
          r->x = bounds.x;
          break;
        case TDM_PLAN_ALIGN_RIGHT:
          r->x = bounds.x + bounds.width - r->width;
          break;
        case TDM_PLAN_ALIGN_TOP:
          r->y = bounds.y;
          break;
        case TDM_PLAN_ALIGN_BOTTOM:
          r->y = bounds.y + bounds.depth - r->depth;
          break;
        case TDM_PLAN_ALIGN_CENTER_X:
          r->x = cx - r->width / 2;
          break;
        case TDM_PLAN_ALIGN_CENTER_Y:
          r->y = cy - r->depth / 2;
          break;
        case TDM_PLAN_DISTRIBUTE_X:
        case TDM_PLAN_DISTRIBUTE_Y:
        default:
          break;
        }
    }
}

void
tdm_plan_row_layout (double       x,
                     double       y,
                     guint        n,
                     double       width,
                     double       depth,
                     double       gap,
                     gboolean     vertical,
                     TdmPlanRect *out)
{
  for (guint i = 0; i < n; i++)
    {
      out[i].x = vertical ? x : x + i * (width + gap);
      out[i].y = vertical ? y + i * (depth + gap) : y;
      out[i].width = width;
      out[i].depth = depth;
    }
}

/* ---- codes ------------------------------------------------------------- */

char *
tdm_plan_pole_prefix (guint position)
{
  char buffer[16];
  int len = 0;

  /* Bijective base 26, like spreadsheet columns: A..Z, AA..AZ, BA ... */
  position++;
  while (position > 0 && len < (int) sizeof buffer - 1)
    {
      position--;
      buffer[len++] = (char) ('A' + position % 26);
      position /= 26;
    }
  buffer[len] = '\0';
  g_strreverse (buffer);
  return g_strdup (buffer);
}

char *
tdm_plan_stand_code (const char *prefix,
                     guint       number)
{
  return g_strdup_printf ("%s-%02u", prefix, number);
}

guint
tdm_plan_stand_code_number (const char *code,
                            const char *prefix)
{
  gsize len;
  guint64 number;
  char *end;

  if (code == NULL || prefix == NULL)
    return 0;
  len = strlen (prefix);
  if (strncmp (code, prefix, len) != 0 || code[len] != '-' ||
      !g_ascii_isdigit (code[len + 1]))
    return 0;

  number = g_ascii_strtoull (code + len + 1, &end, 10);
  if (*end != '\0' || number > G_MAXUINT)
    return 0;
  return (guint) number;
}

char **
tdm_plan_next_stand_codes (const char         *prefix,
                           const char * const *existing,
                           guint               n)
{
  char **codes = g_new0 (char *, n + 1);
  guint highest = 0;

  for (guint i = 0; existing != NULL && existing[i] != NULL; i++)
    highest = MAX (highest, tdm_plan_stand_code_number (existing[i], prefix));

  for (guint i = 0; i < n; i++)
    codes[i] = tdm_plan_stand_code (prefix, highest + 1 + i);

  return codes;
}
