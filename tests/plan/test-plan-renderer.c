/* test-plan-renderer.c: the floor plan drawn on an image, a PDF and a
 * PNG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tdm-fairs.h"
#include "tdm-plan-renderer.h"

typedef struct {
  TdmPlanRenderer *renderer;
  GListStore      *stands;
  GListStore      *poles;
  TdmFair         *fair;
} Fixture;

/* A 12 × 6 m floor, one blue pole, three stands of two places: free,
 * partly taken, full; and a stage. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const gint occupancy[] = { 0, 1, 2 };
  g_autoptr(TdmPole) pole = g_object_new (TDM_TYPE_POLE, "id", (gint64) 1, "name-fr", "Produits",
                                          "color", "#3584e4", NULL);
  g_autoptr(TdmStand) stage = g_object_new (TDM_TYPE_STAND, "id", (gint64) 10, "kind", "stage",
                                            "code", "SC-01", "x", 0.0, "y", 4.0,
                                            "width", 12.0, "depth", 2.0, "capacity", 0, NULL);

  f->fair = g_object_new (TDM_TYPE_FAIR, "id", (gint64) 1, "title", "Salon de test",
                          "floor-width", 12.0, "floor-depth", 6.0, NULL);
  f->poles = g_list_store_new (TDM_TYPE_POLE);
  g_list_store_append (f->poles, pole);
  f->stands = g_list_store_new (TDM_TYPE_STAND);
  g_list_store_append (f->stands, stage);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *code = g_strdup_printf ("A-%02u", i + 1);
      g_autoptr(TdmStand) stand = g_object_new (TDM_TYPE_STAND,
                                                "id", (gint64) i + 1, "pole-id", (gint64) 1,
                                                "code", code,
                                                "x", 4.0 * i, "y", 0.0,
                                                "width", 3.0, "depth", 3.0,
                                                "capacity", 2, "occupancy", occupancy[i],
                                                NULL);

      g_list_store_append (f->stands, stand);
    }

  f->renderer = tdm_plan_renderer_new ();
  tdm_plan_renderer_set_fair (f->renderer, f->fair);
  tdm_plan_renderer_set_poles (f->renderer, G_LIST_MODEL (f->poles));
  tdm_plan_renderer_set_stands (f->renderer, G_LIST_MODEL (f->stands));
  tdm_plan_renderer_set_rtl (f->renderer, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->renderer);
  g_clear_object (&f->stands);
  g_clear_object (&f->poles);
  g_clear_object (&f->fair);
}

typedef struct {
  guint8 r, g, b;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;
  Pixel p;

  cairo_surface_flush (surface);
  value = *(guint32 *) (data + (int) y * stride + (int) x * 4);
  p.r = (value >> 16) & 0xff;
  p.g = (value >> 8) & 0xff;
  p.b = value & 0xff;
  return p;
}

/* The pixel at a point of the floor, in metres. */
static Pixel
pixel_at_metres (cairo_surface_t        *surface,
                 const TdmPlanTransform *t,
                 double                  x,
                 double                  y)
{
  double px, py;

  tdm_plan_to_pixels (t, x, y, &px, &py);
  return pixel_at (surface, px, py);
}

static gboolean
is_white (Pixel p)
{
  return p.r > 245 && p.g > 245 && p.b > 245;
}

static cairo_surface_t *
draw (Fixture          *f,
      int               width,
      int               height,
      TdmPlanTransform *t)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  tdm_plan_renderer_fit (f->renderer, width, height, t);
  tdm_plan_renderer_draw (f->renderer, cr, width, height, t);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
test_occupancy_looks (Fixture       *f,
                      gconstpointer  data)
{
  TdmPlanTransform t;
  cairo_surface_t *surface;
  Pixel free_corner, full_corner, partly[8];
  gboolean partly_varies = FALSE, partly_white = FALSE;

  tdm_plan_renderer_set_flags (f->renderer, 0);
  surface = draw (f, 600, 300, &t);

  /* Corners of each stand, away from the code in the middle. */
  free_corner = pixel_at_metres (surface, &t, 0.3, 0.3);
  full_corner = pixel_at_metres (surface, &t, 8.3, 0.3);
  g_assert_true (is_white (free_corner));
  /* Full: the pole's blue, solid. */
  g_assert_cmpint (full_corner.b, >, full_corner.r + 60);
  g_assert_false (is_white (full_corner));

  /* Partly taken: a light tint crossed by hatching, so its pixels vary
   * where those of the other two do not. */
  for (guint i = 0; i < G_N_ELEMENTS (partly); i++)
    {
      partly[i] = pixel_at_metres (surface, &t, 4.2 + i * 0.03, 0.25);
      partly_white |= is_white (partly[i]);
      if (i > 0 && (partly[i].r != partly[0].r || partly[i].b != partly[0].b))
        partly_varies = TRUE;
    }
  g_assert_true (partly_varies);
  g_assert_false (partly_white);
  for (guint i = 1; i < 8; i++)
    {
      Pixel p = pixel_at_metres (surface, &t, 8.2 + i * 0.03, 0.25);

      g_assert_cmpint (p.b, ==, full_corner.b);
    }

  cairo_surface_destroy (surface);
}

static void
test_selection_and_hover (Fixture       *f,
                          gconstpointer  data)
{
  const gint64 selected[] = { 1 };
  TdmPlanTransform t;
  cairo_surface_t *surface;
  double px, py;
  Pixel outline, hover_fill, before;
  TdmStand *at, *on_stage;

  tdm_plan_renderer_set_flags (f->renderer, TDM_PLAN_RENDER_EDITOR);
  surface = draw (f, 600, 300, &t);
  before = pixel_at_metres (surface, &t, 8.3, 0.3);
  cairo_surface_destroy (surface);

  tdm_plan_renderer_set_selection (f->renderer, selected, 1);
  tdm_plan_renderer_set_hover (f->renderer, 3);
  g_assert_true (tdm_plan_renderer_is_selected (f->renderer, 1));
  g_assert_false (tdm_plan_renderer_is_selected (f->renderer, 2));
  surface = draw (f, 600, 300, &t);

  /* The selected stand gets the accent outline just outside its edge
   * (away from the handle in the middle). */
  tdm_plan_to_pixels (&t, 0.8, 3, &px, &py);
  outline = pixel_at (surface, px, py + 1);
  g_assert_cmpint (outline.b, >, 180);
  g_assert_cmpint (outline.r, <, 80);
  /* The hovered one is lighter. */
  hover_fill = pixel_at_metres (surface, &t, 8.3, 0.3);
  g_assert_cmpint (hover_fill.r, >, before.r);
  cairo_surface_destroy (surface);

  /* Hit-testing through the same transform: stands win over areas. */
  tdm_plan_to_pixels (&t, 5, 1, &px, &py);
  at = tdm_plan_renderer_stand_at (f->renderer, &t, px, py);
  g_assert_nonnull (at);
  g_assert_cmpstr (tdm_stand_get_code (at), ==, "A-02");
  tdm_plan_to_pixels (&t, 3.5, 1, &px, &py);
  g_assert_null (tdm_plan_renderer_stand_at (f->renderer, &t, px, py));
  tdm_plan_to_pixels (&t, 6, 5, &px, &py);
  on_stage = tdm_plan_renderer_stand_at (f->renderer, &t, px, py);
  g_assert_cmpstr (tdm_stand_get_kind (on_stage), ==, "stage");
}

/* The columns of the title band that hold ink. */
static void
title_extent (cairo_surface_t *surface,
              int              width,
              int             *first,
              int             *last)
{
  *first = width;
  *last = -1;
  for (int x = 0; x < width; x++)
    for (int y = 8; y < 30; y++)
      {
        Pixel p = pixel_at (surface, x, y);

        if (p.r < 120)
          {
            *first = MIN (*first, x);
            *last = MAX (*last, x);
          }
      }
}

static void
test_title_direction (Fixture       *f,
                      gconstpointer  data)
{
  TdmPlanTransform t;
  cairo_surface_t *surface;
  int first, last;

  tdm_plan_renderer_set_flags (f->renderer, TDM_PLAN_RENDER_TITLE | TDM_PLAN_RENDER_LEGEND);
  surface = draw (f, 800, 500, &t);
  title_extent (surface, 800, &first, &last);
  g_assert_cmpint (first, <, 40);
  g_assert_cmpint (last, <, 500);
  /* The floor sits below the title and above the legend. */
  g_assert_cmpfloat (t.origin_y, >, 40);
  g_assert_cmpfloat (t.origin_y + 6 * t.scale, <, 500 - 40);
  cairo_surface_destroy (surface);

  /* Right to left: the title starts at the right. */
  tdm_plan_renderer_set_rtl (f->renderer, TRUE);
  surface = draw (f, 800, 500, &t);
  title_extent (surface, 800, &first, &last);
  g_assert_cmpint (last, >, 760);
  g_assert_cmpint (first, >, 300);
  cairo_surface_destroy (surface);
}

static void
test_damaged_region (Fixture       *f,
                     gconstpointer  data)
{
  TdmPlanTransform t;
  cairo_surface_t *full, *partial;
  cairo_t *cr;
  double x1, y1;

  tdm_plan_renderer_set_flags (f->renderer, TDM_PLAN_RENDER_GRID);
  full = draw (f, 600, 300, &t);

  /* Redrawing only a clip gives the same pixels there. */
  partial = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 300);
  cr = cairo_create (partial);
  tdm_plan_to_pixels (&t, 3.5, 0, &x1, &y1);
  cairo_rectangle (cr, x1, y1, 100, 80);
  cairo_clip (cr);
  tdm_plan_renderer_draw (f->renderer, cr, 600, 300, &t);
  cairo_destroy (cr);

  for (int dx = 5; dx < 100; dx += 7)
    for (int dy = 5; dy < 80; dy += 7)
      {
        Pixel a = pixel_at (full, x1 + dx, y1 + dy);
        Pixel b = pixel_at (partial, x1 + dx, y1 + dy);

        g_assert_cmpint (a.r, ==, b.r);
        g_assert_cmpint (a.g, ==, b.g);
        g_assert_cmpint (a.b, ==, b.b);
      }

  cairo_surface_destroy (full);
  cairo_surface_destroy (partial);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tdm-plan-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "plan.PNG", NULL);
  g_autofree char *svg = g_build_filename (dir, "plan.svg", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "plan.png", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  cairo_surface_t *image;
  gboolean inked = FALSE;

  g_assert_no_error (error);

  g_assert_true (tdm_plan_renderer_export (f->renderer, pdf, &error));
  g_assert_no_error (error);
  g_file_get_contents (pdf, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* One A3 landscape page. */
  /* memmem(): the compressed streams hold NUL bytes. */
  g_assert_nonnull (memmem (contents, length, "/MediaBox [ 0 0 1190.55 841.89 ]",
                            strlen ("/MediaBox [ 0 0 1190.55 841.89 ]")));
  g_assert_nonnull (memmem (contents, length, "/Count 1\n", strlen ("/Count 1\n")));

  g_assert_true (tdm_plan_renderer_export (f->renderer, png, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2480);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1754);
  for (int x = 200; x < 2400 && !inked; x += 13)
    inked = !is_white (pixel_at (image, x, 877));
  g_assert_true (inked);
  cairo_surface_destroy (image);

  g_assert_false (tdm_plan_renderer_export (f->renderer, svg, &error));
  g_assert_error (error, TDM_PLAN_RENDERER_ERROR, TDM_PLAN_RENDERER_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (tdm_plan_renderer_export (f->renderer, nowhere, &error));
  g_assert_error (error, TDM_PLAN_RENDERER_ERROR, TDM_PLAN_RENDERER_ERROR_WRITE);
  g_clear_error (&error);

  g_unlink (pdf);
  g_unlink (png);
  g_rmdir (dir);
}

static void
test_render_from_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = tdm_store_open (":memory:", &error);
  g_autoptr(TdmFair) fair = g_object_new (TDM_TYPE_FAIR, "title", "Salon", NULL);
  g_autoptr(GPtrArray) row = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tdm-plan-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "plan.pdf", NULL);

  g_assert_no_error (error);
  g_assert_true (tdm_store_save_fair (store, fair, &error));
  row = tdm_store_add_stand_row (store, tdm_fair_get_id (fair), 0, 2, 2, 10, 3, 3, FALSE, 2, &error);
  g_assert_no_error (error);

  g_assert_true (tdm_plan_render_to_file (store, tdm_fair_get_id (fair), pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  g_assert_false (tdm_plan_render_to_file (store, 999, pdf, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);

  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/plan/renderer/occupancy", test_occupancy_looks);
  ADD ("/plan/renderer/selection-hover", test_selection_and_hover);
  ADD ("/plan/renderer/title-direction", test_title_direction);
  ADD ("/plan/renderer/damaged-region", test_damaged_region);
  ADD ("/plan/renderer/export", test_export);
  g_test_add_func ("/plan/renderer/from-store", test_render_from_store);

#undef ADD

  return g_test_run ();
}
