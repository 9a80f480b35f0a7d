/* tdm-store-private.h: helpers shared by the files of src/lib/store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-store.h"

G_BEGIN_DECLS

/* Runs SQL without parameters (schema scripts, PRAGMAs, BEGIN/COMMIT). */
gboolean tdm_store_exec      (TdmStore      *self,
                              const char    *sql,
                              GError       **error);

/* Steps STMT once for a write, then resets it. On failure ERROR says why,
 * prefixed by WHAT ("saving the cooperative"). */
gboolean tdm_store_step_done (TdmStore      *self,
                              sqlite3_stmt  *stmt,
                              const char    *what,
                              GError       **error);

G_END_DECLS
