/* bench/plan.c: the floor plan with 600 stands: full redraw time on a
 * 1280 × 800 image, and frame times while a stand is dragged (moved one
 * step per frame and redrawn, the damaged region only or the whole view
 * as a widget may do). Prints median and 95th percentile of the wall
 * clock and of the CPU time (the machine may be shared); goals: a full
 * redraw under 8 ms, a drag frame under 16.7 ms (60 frames/s), judged on
 * the CPU time's 95th percentile.
 *
 *   BUILDDIR/bench/plan [--frames N] [--png FILE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "tdm-plan-renderer.h"

#define WIDTH   1280
#define HEIGHT   800
#define STANDS   600

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* CPU time of this thread: on a machine shared with other jobs, the wall
 * clock also counts the time others had the processor. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
report (const char *what,
        double     *wall,
        double     *cpu,
        guint       n,
        double      goal)
{
  qsort (wall, n, sizeof (double), compare_doubles);
  qsort (cpu, n, sizeof (double), compare_doubles);
  printf ("%-36s wall median %6.2f p95 %6.2f max %6.2f ms | CPU median %6.2f p95 %6.2f ms | goal < %.1f ms: %s\n",
          what, wall[n / 2], wall[MIN (n - 1, (guint) (n * 0.95))], wall[n - 1],
          cpu[n / 2], cpu[MIN (n - 1, (guint) (n * 0.95))],
          goal, cpu[MIN (n - 1, (guint) (n * 0.95))] < goal ? "met" : "NOT met");
}

/* A hall of 600 stands of 3 × 3 m: 20 islands of two rows of 15, with
 * 3 m aisles, four poles, occupancy varied, and a stage and an entrance. */
static void
build_plan (GListStore *poles,
            GListStore *stands)
{
  static const char * const colors[] = { "#3584e4", "#e66100", "#26a269", "#9141ac" };
  GRand *rand = g_rand_new_with_seed (42);
  gint64 id = 1;

  for (guint p = 0; p < G_N_ELEMENTS (colors); p++)
    {
      g_autofree char *name = g_strdup_printf ("Pôle %u", p + 1);
      g_autoptr(TdmPole) pole = g_object_new (TDM_TYPE_POLE, "id", (gint64) p + 1,
                                              "name-fr", name, "color", colors[p], NULL);

      g_list_store_append (poles, pole);
    }

  {
    g_autoptr(TdmStand) stage = g_object_new (TDM_TYPE_STAND, "id", id++, "kind", "stage",
                                              "code", "SC-01", "x", 40.0, "y", 1.0,
                                              "width", 30.0, "depth", 6.0, "capacity", 0, NULL);
    g_autoptr(TdmStand) entrance = g_object_new (TDM_TYPE_STAND, "id", id++, "kind", "entrance",
                                                 "code", "E-01", "x", 48.0, "y", 97.0,
                                                 "width", 14.0, "depth", 3.0, "capacity", 0, NULL);

    g_list_store_append (stands, stage);
    g_list_store_append (stands, entrance);
  }

  for (guint i = 0; i < STANDS; i++)
    {
      guint island = i / 30;           /* 20 islands of 30 */
      guint in_island = i % 30;
      guint column = island % 2;       /* two columns of islands */
      guint band = island / 2;         /* ten bands */
      double x = 3 + column * 54 + (in_island % 15) * 3.0;
      double y = 10 + band * 9 + (in_island / 15) * 3.0;
      guint pole = (i * G_N_ELEMENTS (colors)) / STANDS;
      g_autofree char *code = g_strdup_printf ("%c-%03u", 'A' + pole, i + 1);
      g_autoptr(TdmStand) stand = g_object_new (TDM_TYPE_STAND,
                                                "id", id++,
                                                "pole-id", (gint64) pole + 1,
                                                "code", code,
                                                "x", x, "y", y,
                                                "width", 3.0, "depth", 3.0,
                                                "capacity", 2,
                                                "occupancy", g_rand_int_range (rand, 0, 3),
                                                NULL);

      g_list_store_append (stands, stand);
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TdmPlanRenderer) renderer = tdm_plan_renderer_new ();
  g_autoptr(GListStore) poles = g_list_store_new (TDM_TYPE_POLE);
  g_autoptr(GListStore) stands = g_list_store_new (TDM_TYPE_STAND);
  g_autoptr(TdmFair) fair = g_object_new (TDM_TYPE_FAIR, "id", (gint64) 1,
                                          "title", "Banc d’essai : 600 stands",
                                          "floor-width", 110.0, "floor-depth", 100.0, NULL);
  g_autoptr(TdmStand) dragged = NULL;
  g_autofree double *ms = NULL;
  g_autofree double *cpu = NULL;
  g_autofree char *png = NULL;
  gint frames = 200;
  GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Redraws and drag frames to time (200)", "N" },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png, "Also save the view drawn to FILE", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  TdmPlanTransform t;
  gint64 selected;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  frames = MAX (frames, 10);
  ms = g_new (double, frames);
  cpu = g_new (double, frames);

  build_plan (poles, stands);
  tdm_plan_renderer_set_fair (renderer, fair);
  tdm_plan_renderer_set_poles (renderer, G_LIST_MODEL (poles));
  tdm_plan_renderer_set_stands (renderer, G_LIST_MODEL (stands));
  tdm_plan_renderer_set_flags (renderer, TDM_PLAN_RENDER_EDITOR);
  tdm_plan_renderer_set_rtl (renderer, FALSE);

  /* The widget's surface: what GTK gives a GtkDrawingArea to paint. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  tdm_plan_renderer_fit (renderer, WIDTH, HEIGHT, &t);

  printf ("Floor plan: %u stands and areas, %d × %d pixels, %.1f px per metre, %d frames\n",
          g_list_model_get_n_items (G_LIST_MODEL (stands)), WIDTH, HEIGHT, t.scale, frames);

  /* Full redraws; the first one fills the label cache and is not timed,
   * as in the widget after its first frame. */
  for (gint i = -1; i < frames; i++)
    {
      cairo_t *cr = cairo_create (surface);
      double start = wall_ms (), start_cpu = cpu_ms ();

      tdm_plan_renderer_draw (renderer, cr, WIDTH, HEIGHT, &t);
      cairo_surface_flush (surface);
      if (i >= 0)
        {
          ms[i] = wall_ms () - start;
          cpu[i] = cpu_ms () - start_cpu;
        }
      cairo_destroy (cr);
    }
  report ("full redraw, 1280×800", ms, cpu, frames, 8.0);

  /* The same zoomed in 3×, as when working on one island. */
  {
    TdmPlanTransform zoomed = t;

    tdm_plan_transform_zoom_at (&zoomed, 3, WIDTH / 2.0, HEIGHT / 2.0, 1, 500);
    for (gint i = 0; i < frames; i++)
      {
        cairo_t *cr = cairo_create (surface);
        double start = wall_ms (), start_cpu = cpu_ms ();

        tdm_plan_renderer_draw (renderer, cr, WIDTH, HEIGHT, &zoomed);
        cairo_surface_flush (surface);
        ms[i] = wall_ms () - start;
        cpu[i] = cpu_ms () - start_cpu;
        cairo_destroy (cr);
      }
    report ("full redraw, zoomed 3×", ms, cpu, frames, 8.0);
  }

  /* A drag: one stand, selected, moves 10 cm a frame (snapping off),
   * the region it left and the one it reaches are redrawn. */
  dragged = g_list_model_get_item (G_LIST_MODEL (stands), 2 + 300);
  selected = tdm_stand_get_id (dragged);
  tdm_plan_renderer_set_selection (renderer, &selected, 1);
  for (int pass = 0; pass < 2; pass++)
    {
      double x0 = tdm_stand_get_x (dragged), y0 = tdm_stand_get_y (dragged);

      for (gint i = 0; i < frames; i++)
        {
          TdmPlanRect before, after, px_before, px_after, damage;
          cairo_t *cr = cairo_create (surface);
          double start = wall_ms (), start_cpu = cpu_ms ();

          before.x = tdm_stand_get_x (dragged);
          before.y = tdm_stand_get_y (dragged);
          before.width = before.depth = 3;
          tdm_stand_set_geometry (dragged, x0 + (i % 100) * 0.1, y0 + (i % 100) * 0.05, 3, 3);
          after = before;
          after.x = tdm_stand_get_x (dragged);
          after.y = tdm_stand_get_y (dragged);

          if (pass == 0)
            {
              /* What the widget queues: both rectangles, with room for
               * the outline and handles. */
              tdm_plan_rect_to_pixels (&t, &before, &px_before);
              tdm_plan_rect_to_pixels (&t, &after, &px_after);
              {
                TdmPlanRect both[2] = { px_before, px_after };

                tdm_plan_rect_union (both, 2, &damage);
              }
              cairo_rectangle (cr, damage.x - 8, damage.y - 8, damage.width + 16, damage.depth + 16);
              cairo_clip (cr);
            }
          tdm_plan_renderer_draw (renderer, cr, WIDTH, HEIGHT, &t);
          cairo_surface_flush (surface);
          ms[i] = wall_ms () - start;
          cpu[i] = cpu_ms () - start_cpu;
          cairo_destroy (cr);
        }
      report (pass == 0 ? "drag frame, damaged region" : "drag frame, whole view",
              ms, cpu, frames, 16.7);
      tdm_stand_set_geometry (dragged, x0, y0, 3, 3);
    }

  if (png != NULL)
    {
      cairo_t *cr = cairo_create (surface);

      tdm_plan_renderer_draw (renderer, cr, WIDTH, HEIGHT, &t);
      cairo_destroy (cr);
      cairo_surface_write_to_png (surface, png);
      printf ("View saved to %s\n", png);
    }

  cairo_surface_destroy (surface);
  return 0;
}
