/* test-chart.c: charts drawn on image surfaces, checked from their own
 * layout record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tdm-chart.h"

#define NNBSP "\xe2\x80\xaf"

static const char * const regions_fr[] = {
  "Tanger-Tétouan-Al Hoceima", "Oriental", "Fès-Meknès", "Rabat-Salé-Kénitra",
  "Béni Mellal-Khénifra", "Casablanca-Settat", "Marrakech-Safi", "Drâa-Tafilalet",
  "Souss-Massa", "Guelmim-Oued Noun", "Laâyoune-Sakia El Hamra", "Dakhla-Oued Ed-Dahab",
};

static const char * const regions_ar[] = {
  "طنجة-تطوان-الحسيمة", "الشرق", "فاس-مكناس", "الرباط-سلا-القنيطرة",
  "بني ملال-خنيفرة", "الدار البيضاء-سطات", "مراكش-آسفي", "درعة-تافيلالت",
  "سوس-ماسة", "كلميم-واد نون", "العيون-الساقية الحمراء", "الداخلة-وادي الذهب",
};

static const double cooperatives[] = {
  5210, 6120, 5890, 4980, 4310, 3890, 7450, 5720, 6210, 1980, 1030, 525,
};

/* 120 characters of Arabic: a cooperative's full legal name. */
static const char long_arabic[] =
  "التعاونية الفلاحية النسائية لإنتاج وتسويق زيت أركان البلدية والمنتجات المجالية "
  "بجماعة تمنار إقليم الصويرة جهة مراكش آسفي";

#define WIDTH 900
#define HEIGHT 500

static TdmChart *
regions_chart (gboolean            arabic,
               TdmChartOrientation orientation)
{
  TdmChart *chart = tdm_chart_new (TDM_CHART_BARS);

  tdm_chart_set_rtl (chart, arabic);
  tdm_chart_set_language (chart, arabic ? "ar" : "fr");
  tdm_chart_set_orientation (chart, orientation);
  tdm_chart_set_title (chart, arabic ? "التعاونيات حسب الجهة" : "Coopératives par région");
  tdm_chart_set_unit (chart, arabic ? "تعاونيات" : "Coopératives");
  tdm_chart_set_categories (chart, arabic ? regions_ar : regions_fr, 12);
  tdm_chart_add_series (chart, arabic ? "التعاونيات" : "Coopératives", cooperatives, 12);
  return chart;
}

static const TdmChartLayout *
draw (TdmChart *chart,
      int       width,
      int       height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  const TdmChartLayout *layout;

  tdm_chart_paint_background (chart, cr, 0, 0, width, height);
  tdm_chart_draw (chart, cr, 0, 0, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  layout = tdm_chart_get_layout (chart);
  g_assert_nonnull (layout);
  return layout;
}

static guint
count_labels (const TdmChartLayout *layout,
              TdmChartLabelRole     role)
{
  guint n = 0;

  for (guint i = 0; i < layout->n_labels; i++)
    n += layout->labels[i].role == role;
  return n;
}

static const TdmChartLabel *
find_label (const TdmChartLayout *layout,
            TdmChartLabelRole     role,
            int                   category,
            int                   series)
{
  for (guint i = 0; i < layout->n_labels; i++)
    if (layout->labels[i].role == role && layout->labels[i].category == category
        && layout->labels[i].series == series)
      return &layout->labels[i];
  return NULL;
}

static const TdmChartMark *
find_mark (const TdmChartLayout *layout,
           int                   category,
           int                   series)
{
  for (guint i = 0; i < layout->n_marks; i++)
    if (layout->marks[i].category == category && layout->marks[i].series == series)
      return &layout->marks[i];
  return NULL;
}

/* Every label inside the surface, no two overlapping. */
static void
assert_labels_readable (const TdmChartLayout *layout,
                        int                   width,
                        int                   height)
{
  const double eps = 0.01;

  for (guint i = 0; i < layout->n_labels; i++)
    {
      const TdmChartRect *a = &layout->labels[i].box;

      g_assert_cmpfloat (a->width, >, 0);
      g_assert_cmpfloat (a->height, >, 0);
      g_assert_cmpfloat (a->x, >=, -eps);
      g_assert_cmpfloat (a->y, >=, -eps);
      g_assert_cmpfloat (a->x + a->width, <=, width + eps);
      g_assert_cmpfloat (a->y + a->height, <=, height + eps);

      for (guint j = i + 1; j < layout->n_labels; j++)
        {
          const TdmChartRect *b = &layout->labels[j].box;
          gboolean overlap = a->x + a->width > b->x + eps && b->x + b->width > a->x + eps
                          && a->y + a->height > b->y + eps && b->y + b->height > a->y + eps;

          if (overlap)
            g_error ("labels “%s” and “%s” overlap", layout->labels[i].text,
                     layout->labels[j].text);
        }
    }
}

/* Each bar's length is its value's share of the axis, within a pixel. */
static void
assert_bars_proportional (const TdmChartLayout *layout,
                          TdmChart             *chart)
{
  const TdmChartAxis *axis;
  guint n_bars = 0;

  g_assert_cmpuint (layout->n_axes, >=, 1);
  axis = &layout->axes[0];
  g_assert_cmpfloat (axis->min, ==, 0);

  for (guint i = 0; i < layout->n_marks; i++)
    {
      const TdmChartMark *bar = &layout->marks[i];
      double expected, length;

      if (bar->shape != TDM_CHART_MARK_BAR)
        continue;
      n_bars++;
      g_assert_cmpfloat (bar->value, ==, tdm_chart_get_value (chart, bar->category, bar->series));
      if (axis->horizontal)
        {
          expected = bar->value / axis->max * axis->plot.width;
          length = bar->box.width;
        }
      else
        {
          expected = bar->value / axis->max * axis->plot.height;
          length = bar->box.height;
        }
      g_assert_cmpfloat (fabs (length - expected), <=, 1.0);
    }
  g_assert_cmpuint (n_bars, >, 0);
}

static void
test_bars_proportional (void)
{
  for (guint arabic = 0; arabic < 2; arabic++)
    for (guint o = 0; o < 2; o++)
      {
        g_autoptr(TdmChart) chart = regions_chart (arabic, o);
        const TdmChartLayout *layout = draw (chart, WIDTH, HEIGHT);

        g_assert_false (layout->empty);
        g_assert_cmpuint (layout->n_marks, ==, 12);
        assert_bars_proportional (layout, chart);
        g_assert_cmpuint (layout->n_labels, >, 0);
        assert_labels_readable (layout, WIDTH, HEIGHT);
        /* Twelve regions fit: every one is named, none thinned. */
        g_assert_cmpuint (count_labels (layout, TDM_CHART_LABEL_CATEGORY), ==, 12);
        g_assert_cmpuint (layout->label_stride, ==, 1);
        g_assert_cmpuint (count_labels (layout, TDM_CHART_LABEL_VALUE), ==, 12);
        g_assert_nonnull (find_label (layout, TDM_CHART_LABEL_TITLE, -1, -1));
        g_assert_nonnull (find_label (layout, TDM_CHART_LABEL_UNIT, -1, -1));
      }
}

static void
test_value_labels_digits (void)
{
  g_autoptr(TdmChart) chart = regions_chart (TRUE, TDM_CHART_VERTICAL);
  const TdmChartLayout *layout = draw (chart, WIDTH, HEIGHT);
  const TdmChartLabel *label = find_label (layout, TDM_CHART_LABEL_VALUE, 6, 0);

  g_assert_nonnull (label);
  g_assert_cmpstr (label->text, ==, "٧٬٤٥٠");

  tdm_chart_set_digits (chart, TDM_DIGITS_WESTERN);
  layout = draw (chart, WIDTH, HEIGHT);
  label = find_label (layout, TDM_CHART_LABEL_VALUE, 6, 0);
  g_assert_nonnull (label);
  g_assert_cmpstr (label->text, ==, "7.450");

  tdm_chart_set_language (chart, "fr");
  layout = draw (chart, WIDTH, HEIGHT);
  label = find_label (layout, TDM_CHART_LABEL_VALUE, 6, 0);
  g_assert_cmpstr (label->text, ==, "7" NNBSP "450");
  for (guint i = 0; i < layout->n_labels; i++)
    if (layout->labels[i].role == TDM_CHART_LABEL_TICK)
      {
        const char *text = layout->labels[i].text;

        g_assert_true (g_str_is_ascii (text) || strstr (text, NNBSP) != NULL);
      }
}

static void
test_mirrored (void)
{
  for (guint o = 0; o < 2; o++)
    {
      g_autoptr(TdmChart) chart = regions_chart (FALSE, o);
      const TdmChartLayout *ltr, *rtl;
      g_autofree TdmChartMark *ltr_marks = NULL;
      const TdmChartAxis *axis;
      double plot_mid;

      ltr = draw (chart, WIDTH, HEIGHT);
      g_assert_false (ltr->rtl);
      ltr_marks = g_memdup2 (ltr->marks, ltr->n_marks * sizeof (TdmChartMark));

      tdm_chart_set_rtl (chart, TRUE);
      rtl = draw (chart, WIDTH, HEIGHT);
      g_assert_true (rtl->rtl);
      axis = &rtl->axes[0];
      plot_mid = axis->plot.x + axis->plot.width / 2;

      /* The same chart, mirrored: each bar where its mirror image was. */
      g_assert_cmpuint (rtl->n_marks, ==, 12);
      for (guint i = 0; i < rtl->n_marks; i++)
        {
          const TdmChartMark *m = &rtl->marks[i];
          const TdmChartRect *was = &ltr_marks[i].box;

          g_assert_cmpfloat (fabs (m->box.x - (WIDTH - was->x - was->width)), <, 0.01);
          g_assert_cmpfloat (fabs (m->box.y - was->y), <, 0.01);
        }

      if (o == TDM_CHART_VERTICAL)
        {
          /* The first category's bar is the rightmost; the value axis is
           * on the right, its tick labels beyond the plot. */
          for (guint i = 1; i < rtl->n_marks; i++)
            g_assert_cmpfloat (rtl->marks[0].box.x, >, rtl->marks[i].box.x);
          g_assert_cmpfloat (axis->value_axis_x, ==, axis->plot.x + axis->plot.width);
          g_assert_cmpfloat (axis->value_axis_x, >, WIDTH / 2);
          for (guint i = 0; i < rtl->n_labels; i++)
            if (rtl->labels[i].role == TDM_CHART_LABEL_TICK)
              g_assert_cmpfloat (rtl->labels[i].box.x, >=, axis->value_axis_x);
        }
      else
        {
          /* Bars grow leftwards from the zero line on the right; names
           * stand on the right of it. */
          g_assert_cmpfloat (axis->zero, >, plot_mid);
          for (guint i = 0; i < rtl->n_marks; i++)
            g_assert_cmpfloat (fabs (rtl->marks[i].box.x + rtl->marks[i].box.width - axis->zero),
                               <, 0.01);
          for (guint i = 0; i < rtl->n_labels; i++)
            if (rtl->labels[i].role == TDM_CHART_LABEL_CATEGORY)
              g_assert_cmpfloat (rtl->labels[i].box.x, >=, axis->zero);
        }
      assert_labels_readable (rtl, WIDTH, HEIGHT);
    }
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *row = cairo_image_surface_get_data (surface)
                    + y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (gconstpointer) row)[x] & 0xFFFFFF;
}

/* Mirroring moves text, it never flips it: the centred title is the same
 * picture in both directions, and not its mirror image. */
static void
test_text_not_flipped (void)
{
  g_autoptr(TdmChart) chart = tdm_chart_new (TDM_CHART_BARS);
  cairo_surface_t *surfaces[2];
  TdmChartRect box = { 0 };
  guint same = 0, flipped_same = 0, inked = 0;

  tdm_chart_set_title (chart, "التعاونيات حسب الجهة");
  for (guint rtl = 0; rtl < 2; rtl++)
    {
      cairo_t *cr;
      const TdmChartLayout *layout;

      surfaces[rtl] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 200);
      cr = cairo_create (surfaces[rtl]);
      tdm_chart_set_rtl (chart, rtl);
      tdm_chart_paint_background (chart, cr, 0, 0, 400, 200);
      tdm_chart_draw (chart, cr, 0, 0, 400, 200);
      cairo_destroy (cr);
      cairo_surface_flush (surfaces[rtl]);
      layout = tdm_chart_get_layout (chart);
      box = find_label (layout, TDM_CHART_LABEL_TITLE, -1, -1)->box;
    }

  for (int y = (int) box.y; y < (int) (box.y + box.height); y++)
    for (int x = (int) box.x; x < (int) (box.x + box.width); x++)
      {
        guint32 a = pixel (surfaces[0], x, y);
        guint32 b = pixel (surfaces[1], x, y);
        guint32 m = pixel (surfaces[1], 399 - x, y);

        if (a == 0xFFFFFF)
          continue;
        inked++;
        same += a == b;
        flipped_same += a == m;
      }
  g_assert_cmpuint (inked, >, 100);
  g_assert_cmpuint (same, ==, inked);
  g_assert_cmpuint (flipped_same, <, inked / 2);

  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
}

static void
test_rtl_default (void)
{
  g_autoptr(TdmChart) chart = NULL;

  /* The UI language decides; the test environment runs in English. */
  g_assert_cmpstr (g_get_language_names ()[0], ==, "en");
  chart = tdm_chart_new (TDM_CHART_BARS);
  g_assert_false (tdm_chart_get_rtl (chart));
}

static void
assert_categories_thinned_regularly (const TdmChartLayout *layout,
                                     guint                 n_categories)
{
  guint shown = 0;

  for (guint i = 0; i < layout->n_labels; i++)
    if (layout->labels[i].role == TDM_CHART_LABEL_CATEGORY)
      {
        g_assert_cmpint (layout->labels[i].category % layout->label_stride, ==, 0);
        shown++;
      }
  /* At most one planned label lost to a collision at an edge. */
  g_assert_cmpuint (shown + 1, >=,
                    (n_categories + layout->label_stride - 1) / layout->label_stride);
}

static void
test_many_categories (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  double values[75];

  for (guint i = 0; i < 75; i++)
    {
      g_ptr_array_add (names, i % 3 == 0 ? g_strdup_printf ("إقليم رقم %u", i + 1)
                                         : g_strdup_printf ("Province n° %u", i + 1));
      values[i] = (i * 37 % 100) * 13;
    }

  for (guint arabic = 0; arabic < 2; arabic++)
    for (guint o = 0; o < 2; o++)
      {
        g_autoptr(TdmChart) chart = tdm_chart_new (TDM_CHART_BARS);
        const TdmChartLayout *layout;

        tdm_chart_set_rtl (chart, arabic);
        tdm_chart_set_orientation (chart, o);
        tdm_chart_set_categories (chart, (const char * const *) names->pdata, 75);
        tdm_chart_add_series (chart, "Coopératives", values, 75);
        layout = draw (chart, WIDTH, 700);

        g_assert_cmpuint (layout->n_marks, ==, 75);
        assert_bars_proportional (layout, chart);
        assert_labels_readable (layout, WIDTH, 700);
        assert_categories_thinned_regularly (layout, 75);
        if (o == TDM_CHART_VERTICAL)
          g_assert_cmpuint (layout->label_stride, >, 1);
      }
}

static void
test_long_arabic_label (void)
{
  const char * const names[] = { long_arabic, "الشرق", "Coopérative Al Amal" };
  const double values[] = { 12, 30, 7 };

  g_assert_cmpint (g_utf8_strlen (long_arabic, -1), ==, 120);

  for (guint o = 0; o < 2; o++)
    for (guint size = 0; size < 2; size++)
      {
        g_autoptr(TdmChart) chart = tdm_chart_new (TDM_CHART_BARS);
        int width = size ? 700 : 360, height = size ? 400 : 240;
        const TdmChartLayout *layout;
        const TdmChartLabel *label;
        g_autofree char *tooltip = NULL;
        int c, s;

        tdm_chart_set_rtl (chart, TRUE);
        tdm_chart_set_orientation (chart, o);
        tdm_chart_set_categories (chart, names, 3);
        tdm_chart_add_series (chart, "عدد", values, 3);
        layout = draw (chart, width, height);

        assert_labels_readable (layout, width, height);
        label = find_label (layout, TDM_CHART_LABEL_CATEGORY, 0, -1);
        g_assert_nonnull (label);
        /* Wrapped, maybe shortened, never cut from the record. */
        g_assert_cmpstr (label->text, ==, long_arabic);
        g_assert_cmpfloat (label->box.width, <, width / 2.0);
        g_assert_cmpfloat (label->box.height, <, height / 2.0);
        /* In the small chart it cannot be whole: it ends in an ellipsis. */
        if (!size)
          g_assert_true (label->truncated);

        /* Hovering the label gives the whole name back. */
        g_assert_true (tdm_chart_hit_test (chart, label->box.x + label->box.width / 2,
                                           label->box.y + label->box.height / 2, &c, &s));
        g_assert_cmpint (c, ==, 0);
        g_assert_cmpint (s, ==, -1);
        tooltip = tdm_chart_dup_tooltip (chart, c, s);
        g_assert_true (g_str_has_prefix (tooltip, long_arabic));
      }
}

static void
assert_nothing_to_show (TdmChart *chart)
{
  const TdmChartLayout *layout = draw (chart, 600, 300);
  const TdmChartLabel *message = find_label (layout, TDM_CHART_LABEL_MESSAGE, -1, -1);

  g_assert_true (layout->empty);
  g_assert_cmpuint (layout->n_axes, ==, 0);
  g_assert_cmpuint (layout->n_marks, ==, 0);
  g_assert_cmpuint (count_labels (layout, TDM_CHART_LABEL_TICK), ==, 0);
  g_assert_nonnull (message);
  /* Centred. */
  g_assert_cmpfloat (fabs (message->box.x + message->box.width / 2 - 300), <, 1);
  g_assert_false (tdm_chart_hit_test (chart, 300, 150, NULL, NULL) && FALSE);
}

static void
test_nothing_to_show (void)
{
  g_autoptr(TdmChart) chart = tdm_chart_new (TDM_CHART_BARS);
  const double missing[] = { NAN, NAN };
  const double zeros[] = { 0, 0 };
  const char * const two[] = { "a", "b" };
  const TdmChartLabel *message;

  /* No categories. */
  assert_nothing_to_show (chart);
  g_assert_cmpstr (find_label (tdm_chart_get_layout (chart), TDM_CHART_LABEL_MESSAGE, -1, -1)->text,
                   ==, "Nothing to show");

  /* Categories, no series. */
  tdm_chart_set_categories (chart, two, 2);
  assert_nothing_to_show (chart);

  /* Only missing values, every kind. */
  tdm_chart_add_series (chart, "x", missing, 2);
  for (TdmChartKind kind = TDM_CHART_BARS; kind <= TDM_CHART_SMALL_MULTIPLES; kind++)
    {
      tdm_chart_set_kind (chart, kind);
      assert_nothing_to_show (chart);
    }

  /* A donut of zeros has no slice to draw, and says why. */
  tdm_chart_set_kind (chart, TDM_CHART_DONUT);
  tdm_chart_set_categories (chart, two, 2);
  tdm_chart_add_series (chart, "x", zeros, 2);
  assert_nothing_to_show (chart);
  message = find_label (tdm_chart_get_layout (chart), TDM_CHART_LABEL_MESSAGE, -1, -1);
  g_assert_nonnull (strstr (message->text, "zero"));
}

static void
test_all_zeros (void)
{
  g_autoptr(TdmChart) chart = tdm_chart_new (TDM_CHART_BARS);
  const double zeros[3] = { 0, 0, 0 };
  const char * const names[] = { "a", "b", "c" };
  const TdmChartLayout *layout;

  tdm_chart_set_rtl (chart, FALSE);
  tdm_chart_set_language (chart, "en");
  tdm_chart_set_categories (chart, names, 3);
  tdm_chart_add_series (chart, "x", zeros, 3);
  layout = draw (chart, 600, 300);

  /* An axis from 0 to 1, flat bars, and the zeros written out. */
  g_assert_false (layout->empty);
  g_assert_cmpuint (layout->n_axes, ==, 1);
  g_assert_cmpfloat (layout->axes[0].max, ==, 1);
  g_assert_cmpuint (layout->n_marks, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpfloat (layout->marks[i].box.height, ==, 0);
      g_assert_cmpstr (find_label (layout, TDM_CHART_LABEL_VALUE, i, 0)->text, ==, "0");
    }
  assert_labels_readable (layout, 600, 300);
}

static void
test_one_value (void)
{
  g_autoptr(TdmChart) chart = tdm_chart_new (TDM_CHART_BARS);
  const char * const one[] = { "Oriental" };
  const double value[] = { 42 };
  const TdmChartLayout *layout;

  tdm_chart_set_rtl (chart, FALSE);
  tdm_chart_set_categories (chart, one, 1);
  tdm_chart_add_series (chart, "x", value, 1);
  layout = draw (chart, 600, 300);
  g_assert_cmpuint (layout->n_marks, ==, 1);
  assert_bars_proportional (layout, chart);
  assert_labels_readable (layout, 600, 300);
  /* One bar is not a wall: its width is capped. */
  g_assert_cmpfloat (layout->marks[0].box.width, <, 100);
}

static void
test_outlier (void)
{
  for (guint o = 0; o < 2; o++)
    {
      g_autoptr(TdmChart) chart = tdm_chart_new (TDM_CHART_BARS);
      const char * const names[] = { "Casablanca-Settat", "Oriental", "Souss-Massa", "Dakhla" };
      const double values[] = { 100000, 3, 5, 0 };
      const TdmChartLayout *layout;

      tdm_chart_set_rtl (chart, FALSE);
      tdm_chart_set_language (chart, "en");
      tdm_chart_set_orientation (chart, o);
      tdm_chart_set_categories (chart, names, 4);
      tdm_chart_add_series (chart, "x", values, 4);
      layout = draw (chart, 700, 400);

      assert_labels_readable (layout, 700, 400);
      for (guint c = 1; c < 3; c++)
        {
          const TdmChartMark *bar = find_mark (layout, c, 0);
          g_autofree char *expected = g_strdup_printf ("%g", values[c]);

          /* A visible sliver, and its value written beside it. */
          g_assert_cmpfloat (o == TDM_CHART_VERTICAL ? bar->box.height : bar->box.width, >=, 1.0);
          g_assert_cmpfloat (o == TDM_CHART_VERTICAL ? bar->box.height : bar->box.width, <=, 1.01);
          g_assert_cmpstr (find_label (layout, TDM_CHART_LABEL_VALUE, c, 0)->text, ==, expected);
        }
      /* Zero stays zero. */
      g_assert_cmpfloat (find_mark (layout, 3, 0)->box.height * find_mark (layout, 3, 0)->box.width,
                         ==, 0);
      g_assert_cmpstr (find_label (layout, TDM_CHART_LABEL_VALUE, 3, 0)->text, ==, "0");
      g_assert_cmpstr (find_label (layout, TDM_CHART_LABEL_VALUE, 0, 0)->text, ==, "100,000");
    }
}

static TdmChart *
sectors_chart (TdmChartKind kind)
{
  TdmChart *chart = tdm_chart_new (kind);
  double a[12], b[12], c[12];

  for (guint i = 0; i < 12; i++)
    {
      a[i] = cooperatives[i] * 0.6;
      b[i] = cooperatives[i] * 0.3;
      c[i] = i == 4 ? NAN : cooperatives[i] * 0.1;
    }
  tdm_chart_set_rtl (chart, FALSE);
  tdm_chart_set_language (chart, "fr");
  tdm_chart_set_categories (chart, regions_fr, 12);
  tdm_chart_add_series (chart, "Agriculture", a, 12);
  tdm_chart_add_series (chart, "Artisanat", b, 12);
  tdm_chart_add_series (chart, "Pêche", c, 12);
  return chart;
}

static void
test_stacked (void)
{
  for (guint o = 0; o < 2; o++)
    {
      g_autoptr(TdmChart) chart = sectors_chart (TDM_CHART_STACKED_BARS);
      const TdmChartLayout *layout;
      const TdmChartAxis *axis;

      tdm_chart_set_orientation (chart, o);
      layout = draw (chart, WIDTH, HEIGHT);
      axis = &layout->axes[0];
      g_assert_cmpuint (layout->n_marks, ==, 35);
      g_assert_cmpuint (count_labels (layout, TDM_CHART_LABEL_LEGEND), ==, 3);
      assert_bars_proportional (layout, chart);
      assert_labels_readable (layout, WIDTH, HEIGHT);
      /* The total reaches the sum of the values. */
      g_assert_cmpfloat (axis->max, >=, cooperatives[6]);

      for (guint c = 0; c < 12; c++)
        {
          const TdmChartMark *first = find_mark (layout, c, 0);
          const TdmChartMark *second = find_mark (layout, c, 1);

          /* Each segment starts where the one before it ends. */
          if (o == TDM_CHART_VERTICAL)
            g_assert_cmpfloat (fabs (second->box.y + second->box.height - first->box.y), <, 0.01);
          else
            g_assert_cmpfloat (fabs (first->box.x + first->box.width - second->box.x), <, 0.01);
        }
      g_assert_null (find_mark (layout, 4, 2));
    }
}

static void
test_grouped (void)
{
  g_autoptr(TdmChart) chart = sectors_chart (TDM_CHART_BARS);
  const TdmChartLayout *layout = draw (chart, WIDTH, HEIGHT);
  const TdmChartAxis *axis = &layout->axes[0];
  double band = axis->plot.width / 12;

  g_assert_cmpuint (layout->n_marks, ==, 35);
  assert_bars_proportional (layout, chart);
  assert_labels_readable (layout, WIDTH, HEIGHT);
  for (guint c = 0; c < 12; c++)
    for (guint s = 0; s < 2; s++)
      {
        const TdmChartMark *a = find_mark (layout, c, s);
        const TdmChartMark *b = find_mark (layout, c, s + 1);

        /* Side by side within the category's band. */
        g_assert_cmpfloat (a->box.x, >=, axis->plot.x + c * band);
        if (b != NULL)
          {
            g_assert_cmpfloat (a->box.x + a->box.width, <=, b->box.x + 0.01);
            g_assert_cmpfloat (b->box.x + b->box.width, <=, axis->plot.x + (c + 1) * band);
          }
      }
}

static void
test_line (void)
{
  const char * const months[] = { "janv.", "févr.", "mars", "avr.", "mai", "juin" };
  const double articles[] = { 3, 5, NAN, 8, 12, 9 };
  g_autoptr(TdmChart) chart = tdm_chart_new (TDM_CHART_LINE);
  const TdmChartLayout *layout;
  const TdmChartAxis *axis;
  int c, s;

  tdm_chart_set_rtl (chart, FALSE);
  tdm_chart_set_categories (chart, months, 6);
  tdm_chart_add_series (chart, "Articles", articles, 6);
  layout = draw (chart, 600, 300);
  axis = &layout->axes[0];

  /* A point per value, none for the missing month. */
  g_assert_cmpuint (layout->n_marks, ==, 5);
  g_assert_null (find_mark (layout, 2, 0));
  for (guint i = 0; i < layout->n_marks; i++)
    {
      const TdmChartMark *point = &layout->marks[i];
      double expected = axis->plot.y + axis->plot.height * (1 - point->value / axis->max);

      g_assert_cmpint (point->shape, ==, TDM_CHART_MARK_POINT);
      g_assert_cmpfloat (fabs (point->center_y - expected), <=, 1.0);
    }
  for (guint i = 1; i < layout->n_marks; i++)
    g_assert_cmpfloat (layout->marks[i].center_x, >, layout->marks[i - 1].center_x);
  assert_labels_readable (layout, 600, 300);

  g_assert_true (tdm_chart_hit_test (chart, layout->marks[3].center_x + 2,
                                     layout->marks[3].center_y - 2, &c, &s));
  g_assert_cmpint (c, ==, 4);
  g_assert_cmpint (s, ==, 0);
}

static void
test_donut (void)
{
  for (guint arabic = 0; arabic < 2; arabic++)
    {
      g_autoptr(TdmChart) chart = regions_chart (arabic, TDM_CHART_VERTICAL);
      const TdmChartLayout *layout;
      double total = 0, sweep = 0;
      int c, s;

      tdm_chart_set_kind (chart, TDM_CHART_DONUT);
      layout = draw (chart, WIDTH, HEIGHT);
      for (guint i = 0; i < 12; i++)
        total += cooperatives[i];

      g_assert_cmpuint (layout->n_marks, ==, 12);
      for (guint i = 0; i < layout->n_marks; i++)
        {
          const TdmChartMark *slice = &layout->marks[i];
          double mid = (slice->start_angle + slice->end_angle) / 2;
          double r = (slice->inner_radius + slice->outer_radius) / 2;

          g_assert_cmpint (slice->shape, ==, TDM_CHART_MARK_SLICE);
          g_assert_cmpfloat (fabs (slice->end_angle - slice->start_angle
                                   - 2 * G_PI * cooperatives[slice->category] / total), <, 1e-9);
          sweep += slice->end_angle - slice->start_angle;

          g_assert_true (tdm_chart_hit_test (chart, slice->center_x + r * cos (mid),
                                             slice->center_y + r * sin (mid), &c, &s));
          g_assert_cmpint (c, ==, slice->category);
          g_assert_cmpint (s, ==, 0);
        }
      g_assert_cmpfloat (fabs (sweep - 2 * G_PI), <, 1e-9);
      /* The first slice starts at twelve o'clock and turns clockwise, or
       * counter-clockwise when mirrored. */
      if (arabic)
        g_assert_cmpfloat (fabs (layout->marks[0].end_angle - (G_PI + G_PI / 2)), <, 1e-9);
      else
        g_assert_cmpfloat (fabs (layout->marks[0].start_angle + G_PI / 2), <, 1e-9);
      /* The hole is not a slice. */
      g_assert_false (tdm_chart_hit_test (chart, layout->marks[0].center_x,
                                          layout->marks[0].center_y, &c, &s)
                      && c >= 0 && s >= 0);
      g_assert_cmpuint (count_labels (layout, TDM_CHART_LABEL_LEGEND), ==, 12);
      g_assert_nonnull (find_label (layout, TDM_CHART_LABEL_TOTAL, -1, 0));
      assert_labels_readable (layout, WIDTH, HEIGHT);
    }
}

static void
test_donut_many (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TdmChart) chart = tdm_chart_new (TDM_CHART_DONUT);
  const TdmChartLayout *layout;
  double values[75];
  guint named = 0;
  gboolean more = FALSE;

  for (guint i = 0; i < 75; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("إقليم رقم %u", i + 1));
      values[i] = 75 - i;
    }
  tdm_chart_set_rtl (chart, TRUE);
  tdm_chart_set_categories (chart, (const char * const *) names->pdata, 75);
  tdm_chart_add_series (chart, "x", values, 75);
  layout = draw (chart, 600, 300);

  /* Every slice, but only the names that fit, and how many do not. */
  g_assert_cmpuint (layout->n_marks, ==, 75);
  assert_labels_readable (layout, 600, 300);
  for (guint i = 0; i < layout->n_labels; i++)
    if (layout->labels[i].role == TDM_CHART_LABEL_LEGEND)
      {
        if (layout->labels[i].category >= 0)
          {
            g_assert_cmpint (layout->labels[i].category, ==, named);
            named++;
          }
        else
          {
            g_autofree char *expected = NULL;

            expected = g_strdup_printf ("and %u more", 75 - named);
            g_assert_cmpstr (layout->labels[i].text, ==, expected);
            more = TRUE;
          }
      }
  g_assert_cmpuint (named, >, 10);
  g_assert_cmpuint (named, <, 75);
  g_assert_true (more);
}

static void
test_dark_background (void)
{
  g_autoptr(TdmChart) chart = regions_chart (FALSE, TDM_CHART_VERTICAL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 40);
  cairo_t *cr = cairo_create (surface);
  const guint32 *pixel;

  tdm_chart_set_dark (chart, TRUE);
  tdm_chart_paint_background (chart, cr, 0, 0, 40, 40);
  cairo_surface_flush (surface);
  pixel = (const guint32 *) (gpointer) cairo_image_surface_get_data (surface);
  g_assert_cmphex (pixel[0] & 0xFFFFFF, ==, 0x242424);

  tdm_chart_set_dark (chart, FALSE);
  tdm_chart_paint_background (chart, cr, 0, 0, 40, 40);
  cairo_surface_flush (surface);
  g_assert_cmphex (pixel[0] & 0xFFFFFF, ==, 0xFFFFFF);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_small_multiples (void)
{
  g_autoptr(TdmChart) chart = sectors_chart (TDM_CHART_SMALL_MULTIPLES);
  const TdmChartLayout *layout;

  for (guint panel = 0; panel < 2; panel++)
    {
      tdm_chart_set_panel_kind (chart, panel ? TDM_CHART_LINE : TDM_CHART_BARS);
      layout = draw (chart, WIDTH, 600);

      /* A panel per series, all on one scale. */
      g_assert_cmpuint (layout->n_axes, ==, 3);
      for (guint i = 1; i < 3; i++)
        g_assert_cmpfloat (layout->axes[i].max, ==, layout->axes[0].max);
      g_assert_cmpuint (count_labels (layout, TDM_CHART_LABEL_PANEL_TITLE), ==, 3);
      g_assert_cmpuint (layout->n_marks, ==, 35);
      assert_labels_readable (layout, WIDTH, 600);
    }
}

static void
test_hit_test_and_tooltip (void)
{
  g_autoptr(TdmChart) chart = regions_chart (FALSE, TDM_CHART_VERTICAL);
  const TdmChartLayout *layout = draw (chart, WIDTH, HEIGHT);
  g_autofree char *tooltip = NULL;
  int c = 99, s = 99;

  for (guint i = 0; i < layout->n_marks; i++)
    {
      const TdmChartMark *bar = &layout->marks[i];

      g_assert_true (tdm_chart_hit_test (chart, bar->box.x + bar->box.width / 2,
                                         bar->box.y + bar->box.height / 2, &c, &s));
      g_assert_cmpint (c, ==, bar->category);
      g_assert_cmpint (s, ==, 0);
    }
  /* Far above the bars and beside the labels: nothing. */
  g_assert_false (tdm_chart_hit_test (chart, WIDTH - 2, HEIGHT / 2.0, &c, &s));
  g_assert_cmpint (c, ==, -1);
  g_assert_cmpint (s, ==, -1);

  tooltip = tdm_chart_dup_tooltip (chart, 1, 0);
  g_assert_cmpstr (tooltip, ==, "Oriental\n6" NNBSP "120");
}

static void
test_tooltip_exact (void)
{
  g_autoptr(TdmChart) chart = sectors_chart (TDM_CHART_BARS);
  const double shares[] = { 0.4257, 0.5 };
  const char * const two[] = { "Oriental", "Souss-Massa" };
  g_autofree char *all = NULL;
  g_autofree char *one = NULL;
  g_autofree char *share = NULL;
  g_autofree char *missing = NULL;

  all = tdm_chart_dup_tooltip (chart, 4, -1);
  g_assert_cmpstr (all, ==, "Béni Mellal-Khénifra\nAgriculture: 2" NNBSP "586\n"
                            "Artisanat: 1" NNBSP "293\nPêche: No value");
  one = tdm_chart_dup_tooltip (chart, 0, 1);
  g_assert_cmpstr (one, ==, "Tanger-Tétouan-Al Hoceima\nArtisanat: 1" NNBSP "563");

  tdm_chart_set_percent (chart, TRUE);
  tdm_chart_set_categories (chart, two, 2);
  tdm_chart_add_series (chart, "Femmes", shares, 2);
  share = tdm_chart_dup_tooltip (chart, 0, 0);
  g_assert_cmpstr (share, ==, "Oriental\n42,57" NNBSP "%");
  missing = tdm_chart_format_value (chart, NAN);
  g_assert_cmpstr (missing, ==, "No value");
}

static char *
unit_formatter (double   value,
                gpointer user_data)
{
  return g_strdup_printf ("%g %s", value, (const char *) user_data);
}

static void
test_value_formatter (void)
{
  g_autoptr(TdmChart) chart = regions_chart (FALSE, TDM_CHART_HORIZONTAL);
  const TdmChartLayout *layout;
  g_autofree char *tooltip = NULL;

  tdm_chart_set_value_formatter (chart, unit_formatter, g_strdup ("coop."), g_free);
  layout = draw (chart, WIDTH, HEIGHT);
  g_assert_cmpstr (find_label (layout, TDM_CHART_LABEL_VALUE, 11, 0)->text, ==, "525 coop.");
  tooltip = tdm_chart_dup_tooltip (chart, 11, 0);
  g_assert_cmpstr (tooltip, ==, "Dakhla-Oued Ed-Dahab\n525 coop.");
  assert_labels_readable (layout, WIDTH, HEIGHT);
}

static void
assert_file_starts (const char *path,
                    const char *magic,
                    gsize       magic_len)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, magic_len, magic, magic_len);
}

static void
test_render_to_file (void)
{
  g_autoptr(TdmChart) chart = regions_chart (TRUE, TDM_CHART_HORIZONTAL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tdm-chart-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "regions.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "regions.SVG", NULL);
  g_autofree char *pdf = g_build_filename (dir, "regions.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "regions.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "regions.png", NULL);
  cairo_surface_t *image;

  g_assert_no_error (error);

  g_assert_true (tdm_chart_render_to_file (chart, png, 800, 450, &error));
  g_assert_no_error (error);
  assert_file_starts (png, "\x89PNG", 4);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 450);
  cairo_surface_destroy (image);

  g_assert_true (tdm_chart_render_to_file (chart, svg, 800, 450, &error));
  g_assert_no_error (error);
  assert_file_starts (svg, "<?xml", 5);

  g_assert_true (tdm_chart_render_to_file (chart, pdf, 595, 420, &error));
  g_assert_no_error (error);
  assert_file_starts (pdf, "%PDF", 4);
  /* A PDF is laid out in points, the same way. */
  assert_labels_readable (tdm_chart_get_layout (chart), 595, 420);

  g_assert_false (tdm_chart_render_to_file (chart, txt, 800, 450, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, ".png"));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (tdm_chart_render_to_file (chart, missing, 800, 450, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (tdm_chart_render_to_file (chart, png, 0, 450, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  {
    g_autoptr(GBytes) bytes = tdm_chart_render_png_bytes (chart, 300, 200, &error);
    gsize size;
    const char *data;

    g_assert_no_error (error);
    data = g_bytes_get_data (bytes, &size);
    g_assert_cmpuint (size, >, 1000);
    g_assert_cmpmem (data, 4, "\x89PNG", 4);
    g_assert_null (tdm_chart_render_png_bytes (chart, 300, 20000, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
  }

  g_assert_cmpint (g_remove (png), ==, 0);
  g_assert_cmpint (g_remove (svg), ==, 0);
  g_assert_cmpint (g_remove (pdf), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_negative (void)
{
  const char * const names[] = { "Oriental", "Souss-Massa", "Dakhla", "Fès-Meknès" };
  const double change[] = { -120, 340, 0, -35.5 };

  for (guint o = 0; o < 2; o++)
    for (guint rtl = 0; rtl < 2; rtl++)
      {
        g_autoptr(TdmChart) chart = tdm_chart_new (TDM_CHART_BARS);
        const TdmChartLayout *layout;
        const TdmChartAxis *axis;

        tdm_chart_set_rtl (chart, rtl);
        tdm_chart_set_language (chart, "en");
        tdm_chart_set_orientation (chart, o);
        tdm_chart_set_categories (chart, names, 4);
        tdm_chart_add_series (chart, "Change", change, 4);
        layout = draw (chart, 700, 400);
        axis = &layout->axes[0];

        g_assert_cmpfloat (axis->min, <=, -120);
        g_assert_cmpfloat (axis->max, >=, 340);
        assert_labels_readable (layout, 700, 400);
        for (guint c = 0; c < 4; c++)
          {
            const TdmChartMark *bar = find_mark (layout, c, 0);
            double length = o == TDM_CHART_VERTICAL ? bar->box.height : bar->box.width;
            double span = o == TDM_CHART_VERTICAL ? axis->plot.height : axis->plot.width;
            /* Which side of the zero line the bar lies on, in reading
             * direction: values grow upwards, and away from the names. */
            double start = o == TDM_CHART_VERTICAL ? bar->box.y + bar->box.height
                         : rtl ? bar->box.x + bar->box.width : bar->box.x;
            double end = o == TDM_CHART_VERTICAL ? bar->box.y
                       : rtl ? bar->box.x : bar->box.x + bar->box.width;

            g_assert_cmpfloat (fabs (length - fabs (change[c]) / (axis->max - axis->min) * span),
                               <=, 1.0);
            if (change[c] > 0)
              g_assert_cmpfloat (fabs (start - axis->zero), <, 0.01);
            else if (change[c] < 0)
              g_assert_cmpfloat (fabs (end - axis->zero), <, 0.01);
          }
        g_assert_cmpstr (find_label (layout, TDM_CHART_LABEL_VALUE, 3, 0)->text, ==, "-35.5");
      }
}

/* Any kind, any size, even absurd: no crash, nothing outside, nothing
 * overlapping. */
static void
test_any_size (void)
{
  static const int sizes[][2] = { { 1, 1 }, { 16, 16 }, { 60, 40 }, { 150, 90 },
                                  { 320, 200 }, { 2400, 160 }, { 160, 1600 } };

  for (TdmChartKind kind = TDM_CHART_BARS; kind <= TDM_CHART_SMALL_MULTIPLES; kind++)
    for (guint o = 0; o < 2; o++)
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          g_autoptr(TdmChart) chart = sectors_chart (kind);
          const TdmChartLayout *layout;

          tdm_chart_set_rtl (chart, (i + o) % 2);
          tdm_chart_set_orientation (chart, o);
          tdm_chart_set_title (chart, long_arabic);
          tdm_chart_set_unit (chart, "Coopératives");
          layout = draw (chart, sizes[i][0], sizes[i][1]);
          assert_labels_readable (layout, sizes[i][0], sizes[i][1]);
          for (guint m = 0; m < layout->n_marks; m++)
            {
              g_assert_cmpfloat (layout->marks[m].box.width, >=, 0);
              g_assert_cmpfloat (layout->marks[m].box.height, >=, 0);
            }
        }
}

static void
test_palette (void)
{
  for (guint dark = 0; dark < 2; dark++)
    {
      TdmChartColor background, text;

      tdm_chart_palette_role (dark, TDM_CHART_ROLE_BACKGROUND, &background);
      for (guint i = 0; i < 2 * TDM_CHART_PALETTE_N_HUES; i++)
        for (guint j = i + 1; j < 2 * TDM_CHART_PALETTE_N_HUES; j++)
          {
            TdmChartColor a, b;

            tdm_chart_palette_series (dark, i, &a);
            tdm_chart_palette_series (dark, j, &b);
            /* Distinct colours: no two series look alike. */
            g_assert_cmpfloat (fabs (a.red - b.red) + fabs (a.green - b.green)
                               + fabs (a.blue - b.blue), >, 0.1);
          }
      tdm_chart_palette_text_on (&background, &text);
      g_assert_cmpfloat (text.red, ==, dark ? 1.0 : 0.0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/bars/proportional", test_bars_proportional);
  g_test_add_func ("/charts/bars/value-labels-digits", test_value_labels_digits);
  g_test_add_func ("/charts/bars/mirrored", test_mirrored);
  g_test_add_func ("/charts/bars/rtl-default", test_rtl_default);
  g_test_add_func ("/charts/text-not-flipped", test_text_not_flipped);
  g_test_add_func ("/charts/bars/many-categories", test_many_categories);
  g_test_add_func ("/charts/bars/long-arabic-label", test_long_arabic_label);
  g_test_add_func ("/charts/bars/all-zeros", test_all_zeros);
  g_test_add_func ("/charts/bars/one-value", test_one_value);
  g_test_add_func ("/charts/bars/outlier", test_outlier);
  g_test_add_func ("/charts/bars/stacked", test_stacked);
  g_test_add_func ("/charts/bars/grouped", test_grouped);
  g_test_add_func ("/charts/nothing-to-show", test_nothing_to_show);
  g_test_add_func ("/charts/line", test_line);
  g_test_add_func ("/charts/donut", test_donut);
  g_test_add_func ("/charts/donut-many", test_donut_many);
  g_test_add_func ("/charts/dark-background", test_dark_background);
  g_test_add_func ("/charts/small-multiples", test_small_multiples);
  g_test_add_func ("/charts/hit-test", test_hit_test_and_tooltip);
  g_test_add_func ("/charts/tooltip-exact", test_tooltip_exact);
  g_test_add_func ("/charts/value-formatter", test_value_formatter);
  g_test_add_func ("/charts/render-to-file", test_render_to_file);
  g_test_add_func ("/charts/bars/negative", test_negative);
  g_test_add_func ("/charts/any-size", test_any_size);
  g_test_add_func ("/charts/palette", test_palette);

  return g_test_run ();
}
