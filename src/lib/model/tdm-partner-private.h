/* tdm-partner-private.h: what the store and the lists need to fill a
 * TdmPartner from the database. Not for the UI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include "tdm-partner.h"

G_BEGIN_DECLS

/* The columns tdm_partner_update_from_row() reads, in this order:
 *   "SELECT " TDM_PARTNER_COLUMNS " FROM partner pa WHERE pa.id = ?" */
#define TDM_PARTNER_COLUMNS \
  "pa.id, pa.name, pa.acronym, pa.kind, pa.country, pa.contact_name, " \
  "pa.phone, pa.email, pa.website"
#define TDM_PARTNER_N_COLUMNS 9

/* Sets every property of SELF from the TDM_PARTNER_COLUMNS of the current
 * row of STMT, starting at column FIRST; notifies only what changed. */
void     tdm_partner_update_from_row   (TdmPartner   *self,
                                        sqlite3_stmt *stmt,
                                        int           first);

/* Sets "id" (the property is read-write too; this is the typed form). */
void     tdm_partner_set_id            (TdmPartner   *self,
                                        gint64        id);

/* Number of TdmPartner instances alive, for tests of laziness. */
guint    tdm_partner_get_n_alive       (void);

G_END_DECLS
