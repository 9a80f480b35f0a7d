/* tdm-exhibitor.h: a cooperative of the registry, or another organization,
 * taking part in one fair.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TDM_TYPE_EXHIBITOR (tdm_exhibitor_get_type ())
G_DECLARE_FINAL_TYPE (TdmExhibitor, tdm_exhibitor, TDM, EXHIBITOR, GObject)

/* Properties (read-write unless marked):
 *   "id"                 gint64  0 until saved
 *   "fair-id"            gint64
 *   "cooperative-id"     gint64  0 = not a cooperative of the registry
 *   "organization-name"  string  the name when it is not a cooperative
 *   "status"             string  one of tdm_exhibitor_statuses()
 *   "applied-on", "decided-on", "confirmed-on", "withdrawn-on"
 *                        string  YYYY-MM-DD or NULL, set by the store at
 *                                each status change
 *   "stand-id"           gint64  0 = no stand
 *   "products"           string
 *   read-only, filled by the store:
 *   "display-name"       string  the cooperative's name in the UI language,
 *                                else the organization's name
 *   "province-name"      string  the cooperative's province
 *   "registration-number" string the cooperative's
 *   "stand-code"         string  the code of its stand, NULL if none
 *   "status-label"       string  the status translated
 */

TdmExhibitor *tdm_exhibitor_new                  (void);
TdmExhibitor *tdm_exhibitor_copy                 (TdmExhibitor *self);

gint64        tdm_exhibitor_get_id               (TdmExhibitor *self);
gint64        tdm_exhibitor_get_fair_id          (TdmExhibitor *self);
gint64        tdm_exhibitor_get_cooperative_id   (TdmExhibitor *self);
const char   *tdm_exhibitor_get_organization_name (TdmExhibitor *self);
const char   *tdm_exhibitor_get_status           (TdmExhibitor *self);
const char   *tdm_exhibitor_get_status_label     (TdmExhibitor *self);
const char   *tdm_exhibitor_get_applied_on       (TdmExhibitor *self);
const char   *tdm_exhibitor_get_decided_on       (TdmExhibitor *self);
const char   *tdm_exhibitor_get_confirmed_on     (TdmExhibitor *self);
const char   *tdm_exhibitor_get_withdrawn_on     (TdmExhibitor *self);
gint64        tdm_exhibitor_get_stand_id         (TdmExhibitor *self);
const char   *tdm_exhibitor_get_stand_code       (TdmExhibitor *self);
const char   *tdm_exhibitor_get_products         (TdmExhibitor *self);
const char   *tdm_exhibitor_get_display_name     (TdmExhibitor *self);
const char   *tdm_exhibitor_get_province_name    (TdmExhibitor *self);
const char   *tdm_exhibitor_get_registration_number (TdmExhibitor *self);

/* NULL-terminated: "applied", "accepted", "waitlisted", "rejected",
 * "confirmed", "withdrawn". */
const char * const *tdm_exhibitor_statuses          (void);
const char         *tdm_exhibitor_status_label      (const char *status);

/* The application's life (the store refuses any other change):
 *   applied    → accepted | waitlisted | rejected | withdrawn
 *   waitlisted → accepted | rejected | withdrawn
 *   accepted   → confirmed | withdrawn
 *   confirmed  → withdrawn
 *   rejected, withdrawn: final.
 * A status "to itself" is not a change and is refused too. */
gboolean            tdm_exhibitor_status_can_change (const char *from,
                                                     const char *to);
/* Only accepted and confirmed exhibitors hold a stand. */
gboolean            tdm_exhibitor_status_can_hold_stand (const char *status);

G_END_DECLS
