/* tdm-fair-records-private.h: what the store needs to fill fairs, poles,
 * stands and exhibitors from the database. Not for the UI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tdm-exhibitor.h"
#include "tdm-fair.h"
#include "tdm-pole.h"
#include "tdm-stand.h"

G_BEGIN_DECLS

/* "SELECT " TDM_FAIR_COLUMNS " FROM " TDM_FAIR_FROM " WHERE f.id = ?" */
#define TDM_FAIR_COLUMNS \
  "f.id, f.title, f.edition, f.region_id, f.province_id, f.city, f.venue, " \
  "f.slogan, f.start_date, f.end_date, f.status, f.floor_width, " \
  "f.floor_depth, r.name_fr, r.name_ar"
#define TDM_FAIR_FROM "fair f LEFT JOIN region r ON r.id = f.region_id"

#define TDM_POLE_COLUMNS \
  "po.id, po.fair_id, po.name_ar, po.name_fr, po.color, po.position"

/* The occupancy counts who is on the stand. */
#define TDM_STAND_COLUMNS \
  "st.id, st.fair_id, st.pole_id, st.kind, st.code, st.x, st.y, " \
  "st.width, st.depth, st.capacity, " \
  "(SELECT count(*) FROM exhibitor oe WHERE oe.stand_id = st.id)"

/* Products: the exhibitor's own list, else its cooperative's. */
#define TDM_EXHIBITOR_COLUMNS \
  "ex.id, ex.fair_id, ex.cooperative_id, ex.organization_name, ex.status, " \
  "ex.applied_on, ex.decided_on, ex.confirmed_on, ex.withdrawn_on, " \
  "ex.stand_id, coalesce (ex.products, c.products), c.name_ar, c.name_fr, " \
  "c.registration_number, p.name_fr, p.name_ar, st.code"
#define TDM_EXHIBITOR_FROM \
  "exhibitor ex " \
  "LEFT JOIN cooperative c ON c.id = ex.cooperative_id " \
  "LEFT JOIN province p ON p.id = c.province_id " \
  "LEFT JOIN stand st ON st.id = ex.stand_id"

/* Each sets every property from the columns above of the current row of
 * STMT, from column FIRST; ARABIC picks the names in Arabic first. */
void tdm_fair_update_from_row      (TdmFair      *self,
                                    sqlite3_stmt *stmt,
                                    int           first,
                                    gboolean      arabic);
void tdm_pole_update_from_row      (TdmPole      *self,
                                    sqlite3_stmt *stmt,
                                    int           first);
void tdm_stand_update_from_row     (TdmStand     *self,
                                    sqlite3_stmt *stmt,
                                    int           first);
void tdm_exhibitor_update_from_row (TdmExhibitor *self,
                                    sqlite3_stmt *stmt,
                                    int           first,
                                    gboolean      arabic);

G_END_DECLS
