/* tdm-partner-list.h: partners as a lazy GListModel, same pattern as
 * TdmCooperativeList.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "tdm-store.h"

G_BEGIN_DECLS

typedef enum {
  TDM_PARTNER_SORT_NAME,
  TDM_PARTNER_SORT_ACRONYM,
  TDM_PARTNER_SORT_KIND,
  TDM_PARTNER_SORT_COUNTRY,
} TdmPartnerSort;

#define TDM_TYPE_PARTNER_SORT (tdm_partner_sort_get_type ())
GType tdm_partner_sort_get_type (void) G_GNUC_CONST;

#define TDM_TYPE_PARTNER_LIST (tdm_partner_list_get_type ())
G_DECLARE_FINAL_TYPE (TdmPartnerList, tdm_partner_list, TDM, PARTNER_LIST, GObject)

/* Properties: "store", "search-text", "kind" (NULL = any), "sort",
 * "descending". Search folds like the registry's, over name, acronym and
 * the other searchable text; kind and country sort by their code. */
TdmPartnerList *tdm_partner_list_new        (TdmStore       *store);
void            tdm_partner_list_set_search (TdmPartnerList *self,
                                             const char     *text);
void            tdm_partner_list_set_kind   (TdmPartnerList *self,
                                             const char     *kind);
void            tdm_partner_list_set_sort   (TdmPartnerList *self,
                                             TdmPartnerSort  sort,
                                             gboolean        descending);
gint            tdm_partner_list_find       (TdmPartnerList *self,
                                             gint64          id);

G_END_DECLS
