/* tdm-registry.h: reading and writing cooperatives, partners and the
 * reference places through a TdmStore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-store.h"
#include "tdm-cooperative.h"
#include "tdm-partner.h"
#include "tdm-place.h"

G_BEGIN_DECLS

/* Regions, provinces (of REGION_ID, or all when 0) and sectors, ordered by
 * their name in the UI language: GListModels of TdmPlace. */
GListModel     *tdm_store_list_regions            (TdmStore        *self);
GListModel     *tdm_store_list_provinces          (TdmStore        *self,
                                                   gint64           region_id);
GListModel     *tdm_store_list_sectors            (TdmStore        *self);
TdmPlace       *tdm_store_get_place               (TdmStore        *self,
                                                   TdmPlaceKind     kind,
                                                   gint64           id);

/* Field-by-field check of COOP before saving. Returns a table from the
 * property name ("women", "email", "registration-number" ...) to a
 * translated message, empty when the record can be saved. Includes the
 * checks that need the database (registration number unique). */
GHashTable     *tdm_store_validate_cooperative    (TdmStore        *self,
                                                   TdmCooperative  *coop);

TdmCooperative *tdm_store_get_cooperative         (TdmStore        *self,
                                                   gint64           id,
                                                   GError         **error);
/* Inserts COOP when its id is 0 (and sets the new id) or updates it, with
 * its labels, in one transaction. Fails with TDM_STORE_ERROR_INVALID and
 * the first message of the validation when it is not valid. */
gboolean        tdm_store_save_cooperative        (TdmStore        *self,
                                                   TdmCooperative  *coop,
                                                   GError         **error);
/* Deletes the cooperative; on success *DELETED (if not NULL) holds the
 * whole record, labels included, for tdm_store_restore_cooperative(). */
gboolean        tdm_store_delete_cooperative      (TdmStore        *self,
                                                   gint64           id,
                                                   TdmCooperative **deleted,
                                                   GError         **error);
/* Puts a deleted cooperative back with its old id (Undo). */
gboolean        tdm_store_restore_cooperative     (TdmStore        *self,
                                                   TdmCooperative  *coop,
                                                   GError         **error);
gint64          tdm_store_count_cooperatives      (TdmStore        *self);

GHashTable     *tdm_store_validate_partner        (TdmStore        *self,
                                                   TdmPartner      *partner);
TdmPartner     *tdm_store_get_partner             (TdmStore        *self,
                                                   gint64           id,
                                                   GError         **error);
gboolean        tdm_store_save_partner            (TdmStore        *self,
                                                   TdmPartner      *partner,
                                                   GError         **error);
gboolean        tdm_store_delete_partner          (TdmStore        *self,
                                                   gint64           id,
                                                   TdmPartner     **deleted,
                                                   GError         **error);
gboolean        tdm_store_restore_partner         (TdmStore        *self,
                                                   TdmPartner      *partner,
                                                   GError         **error);

/* The derived columns of a cooperative, for code that writes cooperatives
 * in bulk (CSV import) and must store what tdm_store_save_cooperative()
 * stores. NAME_KEY: tdm_fold() of the Arabic name, '\n', tdm_fold() of
 * the French name ("" for a missing one); two rows are the same
 * cooperative when they have the same name_key in the same province.
 * SEARCH_TEXT: tdm_fold() of the names, the registration number and the
 * commune, the non-empty ones joined by a space. Free both with g_free(). */
void            tdm_store_cooperative_keys        (const char      *name_ar,
                                                   const char      *name_fr,
                                                   const char      *registration_number,
                                                   const char      *commune,
                                                   char           **name_key,
                                                   char           **search_text);

/* Cooperatives per region, for `tadamon-cli stats` and the dashboard. */
typedef struct {
  gint64  region_id;
  char   *name_fr;
  char   *name_ar;
  gint64  cooperatives;
  gint64  members;
  gint64  women;
} TdmRegionCount;

void            tdm_region_count_free             (TdmRegionCount  *count);
/* Every region, in HCP code order, zero counts included. */
GPtrArray      *tdm_store_count_by_region         (TdmStore        *self,
                                                   GError         **error);

G_END_DECLS
