/* tdm-cooperative.h: one cooperative of the registry (law 112-12).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A label or certification (IGP, AOP, organic, ONSSA ...). Dates are ISO
 * 8601 (YYYY-MM-DD) or NULL. */
typedef struct {
  char *name;
  char *issued_on;
  char *expires_on;
} TdmLabel;

#define TDM_TYPE_LABEL (tdm_label_get_type ())
GType     tdm_label_get_type (void) G_GNUC_CONST;
TdmLabel *tdm_label_new      (const char     *name,
                              const char     *issued_on,
                              const char     *expires_on);
TdmLabel *tdm_label_copy     (const TdmLabel *label);
void      tdm_label_free     (TdmLabel       *label);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmLabel, tdm_label_free)

#define TDM_TYPE_COOPERATIVE (tdm_cooperative_get_type ())
G_DECLARE_FINAL_TYPE (TdmCooperative, tdm_cooperative, TDM, COOPERATIVE, GObject)

/* Properties (all read-write unless marked):
 *   "id"                   gint64   0 until saved
 *   "name-ar", "name-fr"   string   at least one is set
 *   "registration-number"  string
 *   "legal-form"           string   "cooperative" | "union" | "federation"
 *   "sector-id", "region-id", "province-id"   gint64, 0 = unset
 *   "commune", "address"   string
 *   "founded-on"           string   YYYY-MM-DD
 *   "members", "women", "youth"   gint
 *   "capital"              double   dirhams, -1 = unknown
 *   "president", "phone", "email", "products"   string
 *   "sector-name", "province-name", "region-name"  string, read-only,
 *                          filled by the store in the UI language
 *   "display-name"         string, read-only: the name in the UI language,
 *                          else the other one
 *   "women-share"          double, read-only: women / members, -1 if no members
 *   "founded-year"         gint, read-only: 0 if unknown
 */

TdmCooperative *tdm_cooperative_new                (void);
TdmCooperative *tdm_cooperative_copy               (TdmCooperative *self);

gint64          tdm_cooperative_get_id             (TdmCooperative *self);
const char     *tdm_cooperative_get_name_ar        (TdmCooperative *self);
const char     *tdm_cooperative_get_name_fr        (TdmCooperative *self);
const char     *tdm_cooperative_get_display_name   (TdmCooperative *self);
const char     *tdm_cooperative_get_registration_number (TdmCooperative *self);
gint64          tdm_cooperative_get_province_id    (TdmCooperative *self);
gint            tdm_cooperative_get_members        (TdmCooperative *self);
gint            tdm_cooperative_get_women          (TdmCooperative *self);
gint            tdm_cooperative_get_youth          (TdmCooperative *self);
double          tdm_cooperative_get_women_share    (TdmCooperative *self);

const char     *tdm_cooperative_get_legal_form     (TdmCooperative *self);
gint64          tdm_cooperative_get_sector_id      (TdmCooperative *self);
gint64          tdm_cooperative_get_region_id      (TdmCooperative *self);
const char     *tdm_cooperative_get_commune        (TdmCooperative *self);
const char     *tdm_cooperative_get_address        (TdmCooperative *self);
const char     *tdm_cooperative_get_founded_on     (TdmCooperative *self);
gint            tdm_cooperative_get_founded_year   (TdmCooperative *self);
double          tdm_cooperative_get_capital        (TdmCooperative *self);
const char     *tdm_cooperative_get_president      (TdmCooperative *self);
const char     *tdm_cooperative_get_phone          (TdmCooperative *self);
const char     *tdm_cooperative_get_email          (TdmCooperative *self);
const char     *tdm_cooperative_get_products       (TdmCooperative *self);
const char     *tdm_cooperative_get_sector_name    (TdmCooperative *self);
const char     *tdm_cooperative_get_province_name  (TdmCooperative *self);
const char     *tdm_cooperative_get_region_name    (TdmCooperative *self);

/* Labels: an array of TdmLabel owned by the cooperative; set_labels()
 * keeps a deep copy of LABELS (NULL = none). Also the "labels" property
 * (G_TYPE_PTR_ARRAY). Records built by TdmCooperativeList carry no labels:
 * use tdm_store_get_cooperative() for the whole record. */
GPtrArray      *tdm_cooperative_get_labels         (TdmCooperative *self);
void            tdm_cooperative_set_labels         (TdmCooperative *self,
                                                    GPtrArray      *labels);

G_END_DECLS
