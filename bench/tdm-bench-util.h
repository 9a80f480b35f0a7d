/* tdm-bench-util.h: helpers the benchmarks share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The median of the N (at least 1) VALUES, which it sorts in place. */
double tdm_bench_median (double *values,
                         guint   n);

G_END_DECLS
