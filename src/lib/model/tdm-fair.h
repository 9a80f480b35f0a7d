/* tdm-fair.h: one edition of a fair (salon, foire, معرض).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TDM_TYPE_FAIR (tdm_fair_get_type ())
G_DECLARE_FINAL_TYPE (TdmFair, tdm_fair, TDM, FAIR, GObject)

/* Properties (read-write unless marked):
 *   "id"                      gint64   0 until saved
 *   "title"                   string   required
 *   "edition"                 gint     0 = not numbered
 *   "region-id", "province-id" gint64  0 = unset
 *   "city", "venue", "slogan" string
 *   "start-date", "end-date"  string   YYYY-MM-DD or NULL
 *   "status"                  string   one of tdm_fair_statuses()
 *   "floor-width", "floor-depth" double  the venue's floor in metres (> 0)
 *   "region-name"             string, read-only: filled by the store in
 *                             the UI language
 *   "status-label"            string, read-only: the status translated
 */

TdmFair     *tdm_fair_new               (void);
TdmFair     *tdm_fair_copy              (TdmFair *self);

gint64       tdm_fair_get_id            (TdmFair *self);
const char  *tdm_fair_get_title         (TdmFair *self);
gint         tdm_fair_get_edition       (TdmFair *self);
gint64       tdm_fair_get_region_id     (TdmFair *self);
gint64       tdm_fair_get_province_id   (TdmFair *self);
const char  *tdm_fair_get_city          (TdmFair *self);
const char  *tdm_fair_get_venue         (TdmFair *self);
const char  *tdm_fair_get_slogan        (TdmFair *self);
const char  *tdm_fair_get_start_date    (TdmFair *self);
const char  *tdm_fair_get_end_date      (TdmFair *self);
const char  *tdm_fair_get_status        (TdmFair *self);
const char  *tdm_fair_get_status_label  (TdmFair *self);
const char  *tdm_fair_get_region_name   (TdmFair *self);
double       tdm_fair_get_floor_width   (TdmFair *self);
double       tdm_fair_get_floor_depth   (TdmFair *self);

/* "3rd edition" / "الدورة 3"; NULL-safe: "" when not numbered. Free it. */
char        *tdm_fair_dup_edition_label (TdmFair *self);

/* NULL-terminated list of the status codes the schema accepts:
 * "planned", "open", "closed", "cancelled". */
const char * const *tdm_fair_statuses      (void);
const char         *tdm_fair_status_label  (const char *status);

G_END_DECLS
