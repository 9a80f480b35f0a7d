/* tdm-chart-ticks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tdm-chart-ticks.h"

/* The smallest 1-2-5 × 10^n step not below RAW. */
static double
nice_step (double raw)
{
  static const double mantissas[] = { 1.0, 2.0, 5.0, 10.0 };
  double magnitude = pow (10.0, floor (log10 (raw)));

  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    if (mantissas[i] * magnitude >= raw * (1.0 - 1e-12))
      return mantissas[i] * magnitude;
  return 10.0 * magnitude;
}

/* Q, or the integer it misses only by rounding error (7000/1000.0000001). */
static double
snap (double q)
{
  double r = round (q);

  return fabs (q - r) < 1e-9 * MAX (1.0, fabs (q)) ? r : q;
}

void
tdm_ticks_compute (double    data_min,
                   double    data_max,
                   guint     max_ticks,
                   TdmTicks *ticks)
{
  double lo, hi, step;

  g_return_if_fail (ticks != NULL);

  lo = isfinite (data_min) ? MIN (data_min, 0.0) : 0.0;
  hi = isfinite (data_max) ? MAX (data_max, 0.0) : 0.0;
  if (hi - lo <= 0.0)
    hi = 1.0;
  /* Both signs: zero is a tick between the two ends. */
  max_ticks = MAX (max_ticks, lo < 0 && hi > 0 ? 3 : 2);

  step = nice_step ((hi - lo) / (max_ticks - 1));
  /* Rounding the ends out may need one tick more than planned. */
  while (ceil (snap (hi / step)) - floor (snap (lo / step)) + 1 > max_ticks)
    step = nice_step (step * 1.0001);

  ticks->step = step;
  ticks->min = floor (snap (lo / step)) * step;
  ticks->max = ceil (snap (hi / step)) * step;
  ticks->n_ticks = (guint) llround ((ticks->max - ticks->min) / step) + 1;
}

double
tdm_ticks_value (const TdmTicks *ticks,
                 guint           i)
{
  double value = ticks->min + i * ticks->step;
  guint decimals = tdm_ticks_decimals (ticks);
  double scale = pow (10.0, decimals);

  return round (value * scale) / scale;
}

guint
tdm_ticks_decimals (const TdmTicks *ticks)
{
  if (ticks->step >= 1.0)
    return 0;
  return (guint) MIN (6.0, ceil (-log10 (ticks->step) - 1e-9));
}
