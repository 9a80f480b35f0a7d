/* test-number-format.c: numbers and value axes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tdm-chart-ticks.h"
#include "tdm-number-format.h"

#define NNBSP "\xe2\x80\xaf"   /* U+202F NARROW NO-BREAK SPACE */

static void
assert_format (const char *language,
               TdmDigits   digits,
               double      value,
               guint       decimals,
               const char *expected)
{
  TdmNumberFormat fmt;
  g_autofree char *text = NULL;

  tdm_number_format_init (&fmt, language, digits);
  text = tdm_number_format_format (&fmt, value, decimals);
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_percent (const char *language,
                TdmDigits   digits,
                double      fraction,
                guint       decimals,
                const char *expected)
{
  TdmNumberFormat fmt;
  g_autofree char *text = NULL;

  tdm_number_format_init (&fmt, language, digits);
  text = tdm_number_format_format_percent (&fmt, fraction, decimals);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_western (void)
{
  assert_format ("fr", TDM_DIGITS_AUTO, 1234567.5, 1, "1" NNBSP "234" NNBSP "567,5");
  assert_format ("fr_FR.UTF-8", TDM_DIGITS_AUTO, 65315, 0, "65" NNBSP "315");
  assert_format ("fr", TDM_DIGITS_AUTO, -1234, 0, "\xe2\x88\x92" "1" NNBSP "234");
  assert_format ("fr", TDM_DIGITS_AUTO, 999, 0, "999");
  assert_format ("en", TDM_DIGITS_AUTO, 1234567.5, 2, "1,234,567.50");
  assert_format ("C", TDM_DIGITS_AUTO, 0, 0, "0");
  /* Rounds to zero: no "-0". */
  assert_format ("en", TDM_DIGITS_AUTO, -0.0001, 1, "0.0");
  assert_format ("en", TDM_DIGITS_AUTO, 2.675, 0, "3");
  /* The Maghreb writes Arabic with Western digits (CLDR ar-MA). */
  assert_format ("ar_MA", TDM_DIGITS_AUTO, 1234567.5, 1, "1.234.567,5");
  assert_format ("ar-MA", TDM_DIGITS_WESTERN, 12.5, 1, "12,5");
  assert_format ("ar_EG", TDM_DIGITS_WESTERN, 1234, 0, "1.234");
}

static void
test_arabic_indic (void)
{
  assert_format ("ar", TDM_DIGITS_AUTO, 1234567.5, 1, "١٬٢٣٤٬٥٦٧٫٥");
  assert_format ("ar_EG.UTF-8", TDM_DIGITS_AUTO, 7450, 0, "٧٬٤٥٠");
  assert_format ("ar_MA", TDM_DIGITS_ARABIC_INDIC, 65315, 0, "٦٥٬٣١٥");
  assert_format ("ar", TDM_DIGITS_AUTO, 0, 0, "٠");
  assert_format ("ar", TDM_DIGITS_AUTO, -5, 0, "-٥");
  /* French separators with Arabic-Indic digits, if a user wants that. */
  assert_format ("fr", TDM_DIGITS_ARABIC_INDIC, 1234.5, 1, "١" NNBSP "٢٣٤,٥");
}

static void
test_percent (void)
{
  assert_percent ("fr", TDM_DIGITS_AUTO, 0.425, 1, "42,5" NNBSP "%");
  assert_percent ("en", TDM_DIGITS_AUTO, 0.5, 0, "50%");
  assert_percent ("ar", TDM_DIGITS_AUTO, 0.5, 0, "٥٠٪");
  assert_percent ("ar_MA", TDM_DIGITS_AUTO, 0.125, 1, "12,5%");
  assert_percent ("fr", TDM_DIGITS_AUTO, 1.0, 0, "100" NNBSP "%");
}

static void
test_not_a_number (void)
{
  TdmNumberFormat fmt;
  g_autofree char *nan_text = NULL;
  g_autofree char *inf_text = NULL;

  tdm_number_format_init (&fmt, "fr", TDM_DIGITS_AUTO);
  nan_text = tdm_number_format_format (&fmt, NAN, 0);
  inf_text = tdm_number_format_format_percent (&fmt, INFINITY, 0);
  g_assert_cmpstr (nan_text, ==, "\xe2\x80\x93");
  g_assert_cmpstr (inf_text, ==, "\xe2\x80\x93");
}

static void
test_decimals_for (void)
{
  g_assert_cmpuint (tdm_number_format_decimals_for (3, 2), ==, 0);
  g_assert_cmpuint (tdm_number_format_decimals_for (2.5, 2), ==, 1);
  g_assert_cmpuint (tdm_number_format_decimals_for (0.125, 2), ==, 2);
  g_assert_cmpuint (tdm_number_format_decimals_for (0.125, 3), ==, 3);
  g_assert_cmpuint (tdm_number_format_decimals_for (42.0 / 100 * 100, 1), ==, 0);
}

static gboolean
is_nice (double step)
{
  double mantissa = step / pow (10.0, floor (log10 (step) + 1e-9));

  return fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9;
}

static void
test_ticks_examples (void)
{
  TdmTicks t;

  tdm_ticks_compute (0, 7450, 11, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.step, ==, 1000);
  g_assert_cmpfloat (t.max, ==, 8000);
  g_assert_cmpuint (t.n_ticks, ==, 9);

  /* All zeros, or nothing: 0..1, not a degenerate axis. */
  tdm_ticks_compute (0, 0, 6, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.max, ==, 1);
  tdm_ticks_compute (NAN, NAN, 6, &t);
  g_assert_cmpfloat (t.max, ==, 1);

  /* Zero always on the axis. */
  tdm_ticks_compute (500, 520, 6, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.max, >=, 520);

  tdm_ticks_compute (-3, 7, 7, &t);
  g_assert_cmpfloat (t.min, <=, -3);
  g_assert_cmpfloat (t.max, >=, 7);
  g_assert_cmpfloat (t.step, ==, 2);

  /* Exact tick values, no 0.30000000000000004. */
  tdm_ticks_compute (0, 0.42, 6, &t);
  g_assert_cmpfloat (t.step, ==, 0.1);
  g_assert_cmpuint (tdm_ticks_decimals (&t), ==, 1);
  g_assert_cmpfloat (tdm_ticks_value (&t, 3), ==, 0.3);
}

static void
test_ticks_properties (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);

  for (guint i = 0; i < 2000; i++)
    {
      double scale = pow (10.0, g_rand_int_range (rand, -3, 7));
      double a = g_rand_double_range (rand, -1, 1) * scale;
      double b = g_rand_double_range (rand, -1, 1) * scale;
      guint max_ticks = g_rand_int_range (rand, 2, 12);
      TdmTicks t;

      tdm_ticks_compute (MIN (a, b), MAX (a, b), max_ticks, &t);
      g_assert_true (is_nice (t.step));
      g_assert_cmpuint (t.n_ticks, >=, 2);
      g_assert_cmpuint (t.n_ticks, <=, MAX (max_ticks, a * b < 0 ? 3 : 2));
      g_assert_cmpfloat (t.min, <=, MIN (0, MIN (a, b)));
      g_assert_cmpfloat (t.max, >=, MAX (0, MAX (a, b)) * (1 - 1e-12));
      g_assert_cmpfloat (fabs (tdm_ticks_value (&t, t.n_ticks - 1) - t.max), <=, t.step * 1e-6);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/number-format/western", test_western);
  g_test_add_func ("/charts/number-format/arabic-indic", test_arabic_indic);
  g_test_add_func ("/charts/number-format/percent", test_percent);
  g_test_add_func ("/charts/number-format/not-a-number", test_not_a_number);
  g_test_add_func ("/charts/number-format/decimals-for", test_decimals_for);
  g_test_add_func ("/charts/ticks/examples", test_ticks_examples);
  g_test_add_func ("/charts/ticks/properties", test_ticks_properties);

  return g_test_run ();
}
