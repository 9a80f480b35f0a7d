/* tdm-registry-summary.h: the figures behind the registry report, the
 * cooperative fact sheet and the stand labels, as SQL aggregates and
 * small queries (never every row of the registry in memory).
 *
 * Names of regions, provinces, sectors and poles are given in the UI
 * language (the other one when missing), as tdm-stats.h does: a report
 * pushes its language (tdm_report_language_push()) before it asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-store.h"

G_BEGIN_DECLS

/* Cooperatives of one region, province or sector, with their members. */
typedef struct {
  gint64  id;            /* 0: the cooperatives where it is not given */
  gint64  region_id;     /* a province's region; 0 otherwise */
  char   *name;          /* NULL when ID is 0 */
  gint64  cooperatives;
  gint64  members;
  gint64  women;
  gint64  youth;
} TdmRegistryCount;

typedef struct {
  gint64     cooperatives;
  gint64     members;
  gint64     women;
  gint64     youth;
  gint64     regions;        /* regions with at least one cooperative */
  gint64     provinces;      /* provinces with at least one */
  gint64     sectors;        /* sectors with at least one */
  char      *last_change;    /* YYYY-MM-DD of the latest record written,
                              * NULL for an empty registry */
  GPtrArray *by_region;      /* TdmRegistryCount: every region in HCP code
                              * order, zeros included, then one of id 0
                              * when some cooperatives have no region; a
                              * region counts the cooperatives of its
                              * provinces, and those without a province
                              * that name it */
  GPtrArray *by_province;    /* every province by region then HCP code,
                              * then id 0 when some have no province */
  GPtrArray *by_sector;      /* every sector, most cooperatives first,
                              * then id 0 when some have no sector */
} TdmRegistrySummary;

void                tdm_registry_summary_free        (TdmRegistrySummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmRegistrySummary, tdm_registry_summary_free)

/* Two passes over the registry (provinces, sectors), whatever its size. */
TdmRegistrySummary *tdm_store_get_registry_summary   (TdmStore           *self,
                                                      GError            **error);

/* A fair a cooperative applied to. */
typedef struct {
  gint64  fair_id;
  char   *title;
  gint    edition;       /* 0: not numbered */
  char   *city;
  char   *start_date;    /* YYYY-MM-DD or NULL */
  char   *end_date;
  char   *status;        /* the exhibitor's status code */
  char   *stand_code;    /* NULL: no stand */
} TdmCooperativeFair;

void                tdm_cooperative_fair_free        (TdmCooperativeFair *fair);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmCooperativeFair, tdm_cooperative_fair_free)

/* The fairs COOPERATIVE_ID applied to, latest first: a GPtrArray of
 * TdmCooperativeFair (empty when none). */
GPtrArray          *tdm_store_list_cooperative_fairs (TdmStore           *self,
                                                      gint64              cooperative_id,
                                                      GError            **error);

/* An exhibitor on a stand, for its label and badge. */
typedef struct {
  gint64  exhibitor_id;
  char   *name_ar;       /* the cooperative's names, or the organization's
                          * name in the one its script says; NULL when
                          * missing, never both */
  char   *name_fr;
  char   *stand_code;
  char   *pole_name;     /* NULL: a stand without a pole */
  char   *pole_color;    /* "#rrggbb", NULL without a pole */
} TdmStandHolder;

void                tdm_stand_holder_free            (TdmStandHolder     *holder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmStandHolder, tdm_stand_holder_free)

/* The accepted and confirmed exhibitors of FAIR_ID that hold a stand, by
 * stand code then name: a GPtrArray of TdmStandHolder. An unknown fair:
 * TDM_STORE_ERROR_NOT_FOUND. */
GPtrArray          *tdm_store_list_stand_holders     (TdmStore           *self,
                                                      gint64              fair_id,
                                                      GError            **error);

G_END_DECLS
