/* tdm-cooperative-list.h: the registry as a lazy GListModel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "tdm-store.h"

G_BEGIN_DECLS

typedef enum {
  TDM_COOPERATIVE_SORT_NAME,
  TDM_COOPERATIVE_SORT_PROVINCE,
  TDM_COOPERATIVE_SORT_REGION,
  TDM_COOPERATIVE_SORT_SECTOR,
  TDM_COOPERATIVE_SORT_MEMBERS,
  TDM_COOPERATIVE_SORT_WOMEN_SHARE,
  TDM_COOPERATIVE_SORT_FOUNDED,
} TdmCooperativeSort;

#define TDM_TYPE_COOPERATIVE_SORT (tdm_cooperative_sort_get_type ())
GType tdm_cooperative_sort_get_type (void) G_GNUC_CONST;

#define TDM_TYPE_COOPERATIVE_LIST (tdm_cooperative_list_get_type ())
G_DECLARE_FINAL_TYPE (TdmCooperativeList, tdm_cooperative_list, TDM, COOPERATIVE_LIST, GObject)

/* A GListModel of TdmCooperative. It holds only the ordered ids of the
 * current query (filter and sort run in SQL) and builds the items asked
 * for, keeping a small cache. It re-runs its query when the store says
 * the cooperative table changed.
 *
 * Properties: "store", "search-text", "region-id", "province-id",
 * "sector-id" (0 = any), "sort" (TdmCooperativeSort), "descending". Each
 * change re-runs the query and emits one items-changed covering only the
 * positions that differ. Names sort in the UI language (else the other
 * name), ties by id. An edited row that is cached is updated in place.
 * The items carry no labels (see tdm_store_get_cooperative()).
 *
 * The search is folded with tdm_fold() and matches anywhere in the folded
 * names, registration number and commune (search_text): through the
 * trigram index from three characters on, by a scan below that. */
TdmCooperativeList *tdm_cooperative_list_new        (TdmStore           *store);
void                tdm_cooperative_list_set_search (TdmCooperativeList *self,
                                                     const char         *text);
void                tdm_cooperative_list_set_filter (TdmCooperativeList *self,
                                                     gint64              region_id,
                                                     gint64              province_id,
                                                     gint64              sector_id);
void                tdm_cooperative_list_set_sort   (TdmCooperativeList *self,
                                                     TdmCooperativeSort  sort,
                                                     gboolean            descending);
/* Position of the cooperative ID in the current query, or -1. */
gint                tdm_cooperative_list_find       (TdmCooperativeList *self,
                                                     gint64              id);

G_END_DECLS
