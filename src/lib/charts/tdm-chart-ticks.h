/* tdm-chart-ticks.h: "nice" value axes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An axis from MIN to MAX in steps of STEP (1, 2 or 5 × 10^n); N_TICKS
 * ticks including both ends. MIN ≤ 0 ≤ MAX: bars start from zero. */
typedef struct {
  double min;
  double max;
  double step;
  guint  n_ticks;
} TdmTicks;

/* Covers DATA_MIN..DATA_MAX and zero with at most MAX_TICKS ticks (at
 * least 2, or 3 when the range spans zero). An empty or all-zero range
 * gives 0..1. */
void   tdm_ticks_compute   (double    data_min,
                            double    data_max,
                            guint     max_ticks,
                            TdmTicks *ticks);

/* The I-th tick's value, exact for the step (no 0.30000000000000004). */
double tdm_ticks_value     (const TdmTicks *ticks,
                            guint           i);

/* Decimals needed to write every tick of TICKS. */
guint  tdm_ticks_decimals  (const TdmTicks *ticks);

G_END_DECLS
