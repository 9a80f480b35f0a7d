/* tdm-cooperative-private.h: what the store and the lists need to fill a
 * TdmCooperative from the database. Not for the UI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include "tdm-cooperative.h"

G_BEGIN_DECLS

/* The columns tdm_cooperative_update_from_row() reads, in this order, and
 * the joins they need. Use them as
 *   "SELECT " TDM_COOPERATIVE_COLUMNS " FROM " TDM_COOPERATIVE_FROM
 *   " WHERE c.id = ?"
 * Both names of each place are selected; the one in the UI language is
 * picked in C (tdm_locale_is_arabic()), with the other as fallback. */
#define TDM_COOPERATIVE_COLUMNS \
  "c.id, c.name_ar, c.name_fr, c.registration_number, c.legal_form, " \
  "c.sector_id, c.region_id, c.province_id, c.commune, c.address, " \
  "c.founded_on, c.members, c.women, c.youth, c.capital, c.president, " \
  "c.phone, c.email, c.products, " \
  "s.name_fr, s.name_ar, p.name_fr, p.name_ar, r.name_fr, r.name_ar"
#define TDM_COOPERATIVE_N_COLUMNS 25
#define TDM_COOPERATIVE_FROM \
  "cooperative c " \
  "LEFT JOIN sector s ON s.id = c.sector_id " \
  "LEFT JOIN province p ON p.id = c.province_id " \
  "LEFT JOIN region r ON r.id = c.region_id"

/* Sets every property of SELF from the TDM_COOPERATIVE_COLUMNS of the
 * current row of STMT, starting at column FIRST. Only the properties whose
 * value changed are notified (so a row on screen refreshes in place). The
 * labels are not touched: they live in their own table. */
void     tdm_cooperative_update_from_row   (TdmCooperative *self,
                                            sqlite3_stmt   *stmt,
                                            int             first);

/* Sets "id" (the property is read-write too; this is the typed form). */
void     tdm_cooperative_set_id            (TdmCooperative *self,
                                            gint64          id);

/* Number of TdmCooperative instances alive, for tests of laziness. */
guint    tdm_cooperative_get_n_alive       (void);

G_END_DECLS
