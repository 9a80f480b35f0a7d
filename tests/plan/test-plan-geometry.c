/* test-plan-geometry.c: metres and pixels, hit-testing, snapping,
 * overlaps, alignment, rows and codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdm-plan-geometry.h"

#define EPS 1e-9

static void
test_transform (void)
{
  TdmPlanTransform t;
  double px, py, x, y;

  /* A 60 × 40 m floor in 1280 × 800 pixels with a 40 px margin: the
   * height limits, 18 px per metre, centred. */
  tdm_plan_transform_fit (&t, 60, 40, 0, 0, 1280, 800, 40);
  g_assert_cmpfloat_with_epsilon (t.scale, 18.0, EPS);
  g_assert_cmpfloat_with_epsilon (t.origin_x, (1280 - 60 * 18) / 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (t.origin_y, 40, EPS);

  tdm_plan_to_pixels (&t, 10, 5, &px, &py);
  g_assert_cmpfloat_with_epsilon (px, 100 + 180, EPS);
  g_assert_cmpfloat_with_epsilon (py, 40 + 90, EPS);
  tdm_plan_to_metres (&t, px, py, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 10, EPS);
  g_assert_cmpfloat_with_epsilon (y, 5, EPS);

  /* Zooming keeps the point under the pointer in place. */
  tdm_plan_transform_zoom_at (&t, 2.0, px, py, 1, 200);
  g_assert_cmpfloat_with_epsilon (t.scale, 36, EPS);
  tdm_plan_to_metres (&t, px, py, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 10, EPS);
  g_assert_cmpfloat_with_epsilon (y, 5, EPS);

  /* ... within the limits. */
  tdm_plan_transform_zoom_at (&t, 100, 0, 0, 1, 200);
  g_assert_cmpfloat_with_epsilon (t.scale, 200, EPS);

  tdm_plan_transform_init (&t);
  tdm_plan_transform_pan (&t, 15, -5);
  tdm_plan_to_pixels (&t, 0, 0, &px, &py);
  g_assert_cmpfloat_with_epsilon (px, 15, EPS);
  g_assert_cmpfloat_with_epsilon (py, -5, EPS);
}

static void
test_hit_testing (void)
{
  /* Two stands side by side, a third over the first (drawn last). */
  const TdmPlanRect rects[] = {
    { 0, 0, 3, 3 },
    { 3, 0, 3, 3 },
    { 1, 1, 1, 1 },
  };
  TdmPlanRect area;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_cmpint (tdm_plan_hit_test (rects, 3, 0.5, 0.5), ==, 0);
  /* Top-left edges belong to the rectangle ... */
  g_assert_cmpint (tdm_plan_hit_test (rects, 3, 0, 0), ==, 0);
  /* ... the shared edge to the one on its right, exactly one. */
  g_assert_cmpint (tdm_plan_hit_test (rects, 3, 3, 1), ==, 1);
  g_assert_cmpint (tdm_plan_hit_test (rects, 3, 2.999, 1), ==, 0);
  /* The bottom and right edges are outside. */
  g_assert_cmpint (tdm_plan_hit_test (rects, 3, 6, 1), ==, -1);
  g_assert_cmpint (tdm_plan_hit_test (rects, 3, 1, 3), ==, -1);
  g_assert_cmpint (tdm_plan_hit_test (rects, 3, -0.001, 1), ==, -1);
  /* The last drawn wins. */
  g_assert_cmpint (tdm_plan_hit_test (rects, 3, 1.5, 1.5), ==, 2);
  g_assert_cmpint (tdm_plan_hit_test (rects, 0, 1, 1), ==, -1);

  /* Rubber band over the second stand only, touching the first's edge. */
  tdm_plan_rect_from_corners (7, 2, 3, 1, &area);
  g_assert_cmpfloat (area.x, ==, 3);
  g_assert_cmpfloat (area.width, ==, 4);
  g_assert_cmpuint (tdm_plan_hit_test_area (rects, 3, &area, hits), ==, 1);
  g_assert_cmpuint (g_array_index (hits, guint, 0), ==, 1);
}

static void
test_handles (void)
{
  TdmPlanTransform t = { 10, 0, 0 };
  TdmPlanRect rect = { 2, 2, 4, 3 };   /* pixels 20..60 × 20..50 */

  g_assert_cmpint (tdm_plan_hit_handle (&t, &rect, 20, 20, 4), ==, TDM_PLAN_HANDLE_NORTH_WEST);
  g_assert_cmpint (tdm_plan_hit_handle (&t, &rect, 61, 51, 4), ==, TDM_PLAN_HANDLE_SOUTH_EAST);
  g_assert_cmpint (tdm_plan_hit_handle (&t, &rect, 40, 48, 4), ==, TDM_PLAN_HANDLE_SOUTH);
  g_assert_cmpint (tdm_plan_hit_handle (&t, &rect, 58, 35, 4), ==, TDM_PLAN_HANDLE_EAST);
  g_assert_cmpint (tdm_plan_hit_handle (&t, &rect, 40, 35, 4), ==, TDM_PLAN_HANDLE_NONE);
  g_assert_cmpint (tdm_plan_hit_handle (&t, &rect, 70, 35, 4), ==, TDM_PLAN_HANDLE_NONE);

  /* Dragging the west edge 1 m right narrows it; never below 1 m. */
  tdm_plan_rect_resize (&rect, TDM_PLAN_HANDLE_WEST, 1, 0, 1);
  g_assert_cmpfloat (rect.x, ==, 3);
  g_assert_cmpfloat (rect.width, ==, 3);
  tdm_plan_rect_resize (&rect, TDM_PLAN_HANDLE_WEST, 10, 0, 1);
  g_assert_cmpfloat (rect.x, ==, 5);
  g_assert_cmpfloat (rect.width, ==, 1);
  tdm_plan_rect_resize (&rect, TDM_PLAN_HANDLE_SOUTH_EAST, 2, -5, 1);
  g_assert_cmpfloat (rect.width, ==, 3);
  g_assert_cmpfloat (rect.depth, ==, 1);
}

static void
test_snapping (void)
{
  TdmPlanRect rect = { 2.26, 0.74, 2.9, 0.2 };

  g_assert_cmpfloat_with_epsilon (tdm_plan_snap (2.26, 0.5), 2.5, EPS);
  g_assert_cmpfloat_with_epsilon (tdm_plan_snap (2.24, 0.5), 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (tdm_plan_snap (-0.74, 1), -1.0, EPS);
  g_assert_cmpfloat_with_epsilon (tdm_plan_snap (2.26, 0), 2.26, EPS);

  tdm_plan_rect_snap (&rect, 0.5);
  g_assert_cmpfloat_with_epsilon (rect.x, 2.5, EPS);
  g_assert_cmpfloat_with_epsilon (rect.y, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (rect.width, 3.0, EPS);
  /* Never smaller than one step. */
  g_assert_cmpfloat_with_epsilon (rect.depth, 0.5, EPS);
}

static void
test_overlap (void)
{
  const TdmPlanRect a = { 0, 0, 3, 3 };
  const TdmPlanRect touching = { 3, 0, 3, 3 };
  const TdmPlanRect corner = { 3, 3, 1, 1 };
  const TdmPlanRect crossing = { 2.5, 2.5, 3, 3 };
  const TdmPlanRect inside = { 1, 1, 1, 1 };
  /* Float noise from snapping is not an overlap. */
  const TdmPlanRect noise = { 2.99999999, 0, 3, 3 };
  TdmPlanRect many[200];
  guint i, j;

  g_assert_false (tdm_plan_rect_overlaps (&a, &touching));
  g_assert_false (tdm_plan_rect_overlaps (&a, &corner));
  g_assert_false (tdm_plan_rect_overlaps (&a, &noise));
  g_assert_true (tdm_plan_rect_overlaps (&a, &crossing));
  g_assert_true (tdm_plan_rect_overlaps (&crossing, &a));
  g_assert_true (tdm_plan_rect_overlaps (&a, &inside));
  g_assert_true (tdm_plan_rect_overlaps (&a, &a));

  /* A grid of touching stands has no overlap; one moved by 10 cm has. */
  for (guint k = 0; k < 200; k++)
    {
      many[k].x = (k % 20) * 3.0;
      many[k].y = (k / 20) * 3.0;
      many[k].width = many[k].depth = 3.0;
    }
  g_assert_false (tdm_plan_find_overlap (many, 200, &i, &j));
  many[57].x += 0.1;
  g_assert_true (tdm_plan_find_overlap (many, 200, &i, &j));
  g_assert_cmpuint (i, ==, 57);
  g_assert_cmpuint (j, ==, 58);

  g_assert_true (tdm_plan_rect_inside_floor (&a, 3, 3));
  g_assert_false (tdm_plan_rect_inside_floor (&crossing, 5, 5));
  {
    TdmPlanRect out = { 58, -2, 4, 3 };

    tdm_plan_rect_clamp_to_floor (&out, 60, 40);
    g_assert_cmpfloat (out.x, ==, 56);
    g_assert_cmpfloat (out.y, ==, 0);
    g_assert_true (tdm_plan_rect_inside_floor (&out, 60, 40));
  }
}

static void
test_align (void)
{
  TdmPlanRect rects[3] = {
    { 1, 5, 3, 3 },
    { 6, 2, 2, 4 },
    { 12, 9, 3, 2 },
  };
  TdmPlanRect copy[3];

  memcpy (copy, rects, sizeof rects);
  tdm_plan_align (copy, 3, TDM_PLAN_ALIGN_LEFT);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (copy[i].x, ==, 1);
  g_assert_cmpfloat (copy[1].y, ==, 2);   /* the other axis stays */

  memcpy (copy, rects, sizeof rects);
  tdm_plan_align (copy, 3, TDM_PLAN_ALIGN_BOTTOM);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (copy[i].y + copy[i].depth, ==, 11);

  memcpy (copy, rects, sizeof rects);
  tdm_plan_align (copy, 3, TDM_PLAN_ALIGN_RIGHT);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (copy[i].x + copy[i].width, ==, 15);

  memcpy (copy, rects, sizeof rects);
  tdm_plan_align (copy, 3, TDM_PLAN_ALIGN_CENTER_Y);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (copy[i].y + copy[i].depth / 2, ==, 6.5);

  /* Distribute: the ends stay, gaps become equal: total width 8 over
   * 14 m, so 3 m between each. */
  memcpy (copy, rects, sizeof rects);
  tdm_plan_align (copy, 3, TDM_PLAN_DISTRIBUTE_X);
  g_assert_cmpfloat (copy[0].x, ==, 1);
  g_assert_cmpfloat (copy[2].x, ==, 12);
  g_assert_cmpfloat_with_epsilon (copy[1].x, 1 + 3 + 3, EPS);

  /* One rectangle: nothing to align with. */
  memcpy (copy, rects, sizeof rects);
  tdm_plan_align (copy, 1, TDM_PLAN_ALIGN_TOP);
  g_assert_cmpfloat (copy[0].y, ==, 5);
}

static void
test_row_layout (void)
{
  TdmPlanRect row[4];

  tdm_plan_row_layout (2, 3, 4, 3, 2, 0.5, FALSE, row);
  g_assert_cmpfloat (row[0].x, ==, 2);
  g_assert_cmpfloat_with_epsilon (row[3].x, 2 + 3 * 3.5, EPS);
  g_assert_cmpfloat (row[3].y, ==, 3);
  g_assert_cmpfloat (row[3].width, ==, 3);
  g_assert_cmpfloat (row[3].depth, ==, 2);

  tdm_plan_row_layout (2, 3, 4, 3, 2, 0, TRUE, row);
  g_assert_cmpfloat (row[3].x, ==, 2);
  g_assert_cmpfloat (row[3].y, ==, 9);
  /* Side by side without a gap: no overlap. */
  g_assert_false (tdm_plan_rect_overlaps (&row[0], &row[1]));
}

static void
test_codes (void)
{
  const char * const existing[] = { "A-01", "A-02", "A-07", "B-09", "A-x", "AB-40", NULL };
  g_auto(GStrv) next = NULL;
  g_auto(GStrv) first = NULL;
  g_autofree char *p0 = tdm_plan_pole_prefix (0);
  g_autofree char *p25 = tdm_plan_pole_prefix (25);
  g_autofree char *p26 = tdm_plan_pole_prefix (26);
  g_autofree char *p27 = tdm_plan_pole_prefix (27);
  g_autofree char *code = tdm_plan_stand_code ("C", 5);
  g_autofree char *big = tdm_plan_stand_code ("A", 123);

  g_assert_cmpstr (p0, ==, "A");
  g_assert_cmpstr (p25, ==, "Z");
  g_assert_cmpstr (p26, ==, "AA");
  g_assert_cmpstr (p27, ==, "AB");
  g_assert_cmpstr (code, ==, "C-05");
  g_assert_cmpstr (big, ==, "A-123");

  g_assert_cmpuint (tdm_plan_stand_code_number ("A-07", "A"), ==, 7);
  g_assert_cmpuint (tdm_plan_stand_code_number ("AB-40", "A"), ==, 0);
  g_assert_cmpuint (tdm_plan_stand_code_number ("A-7b", "A"), ==, 0);
  g_assert_cmpuint (tdm_plan_stand_code_number ("A-", "A"), ==, 0);

  /* After the highest, not in the holes: a new row continues the old. */
  next = tdm_plan_next_stand_codes ("A", existing, 3);
  g_assert_cmpstr (next[0], ==, "A-08");
  g_assert_cmpstr (next[2], ==, "A-10");
  g_assert_null (next[3]);

  first = tdm_plan_next_stand_codes ("C", NULL, 1);
  g_assert_cmpstr (first[0], ==, "C-01");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/geometry/transform", test_transform);
  g_test_add_func ("/plan/geometry/hit-testing", test_hit_testing);
  g_test_add_func ("/plan/geometry/handles", test_handles);
  g_test_add_func ("/plan/geometry/snapping", test_snapping);
  g_test_add_func ("/plan/geometry/overlap", test_overlap);
  g_test_add_func ("/plan/geometry/align", test_align);
  g_test_add_func ("/plan/geometry/row-layout", test_row_layout);
  g_test_add_func ("/plan/geometry/codes", test_codes);

  return g_test_run ();
}
