/* tdm-demo.h: synthetic but plausible data for trying Tadamon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-store.h"

G_BEGIN_DECLS

/* Fills an empty STORE with N_COOPERATIVES cooperatives spread over all 75
 * provinces (names built from sector and place words, in Arabic and
 * French) and a set of partners. The same SEED gives the same data.
 * Refuses a store that already holds cooperatives. */
gboolean tdm_demo_populate (TdmStore  *store,
                            guint      n_cooperatives,
                            guint32    seed,
                            GError   **error);

G_END_DECLS
