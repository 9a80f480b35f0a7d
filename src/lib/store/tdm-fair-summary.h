/* tdm-fair-summary.h: the figures and lists of a fair's summary report
 * that the fair API (tdm-fairs.h) does not give: who exhibited, from
 * where, in which sector, and which articles covered the fair.
 *
 * "Exhibitors" here are the accepted and confirmed applications: the
 * ones that held (or were to hold) a stand. Names of cooperatives,
 * provinces and sectors come in the UI language (tdm_locale_is_arabic()),
 * the other language when missing: push the report's language first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64  applications;        /* every application, withdrawn included */
  gint64  exhibitors;          /* accepted or confirmed */
  gint64  applied;             /* not decided yet */
  gint64  waitlisted;
  gint64  rejected;
  gint64  withdrawn;
  gint64  cooperatives;        /* exhibitors that are registry cooperatives */
  gint64  with_members;        /* of those, membership recorded (members > 0) */
  gint64  women_led;           /* of those, women more than half the members */
  gint64  provinces;           /* distinct provinces of the cooperatives */
  gint64  regions;             /* distinct regions of those provinces */
  gint64  visitor_days;        /* fair days whose visitors are recorded */
  gint64  visitors;            /* their sum */
  gint64  sales_days;          /* fair days whose sales are recorded */
  double  sales;               /* their sum, dirhams */
} TdmFairSummary;

/* FAIR_ID must name a fair (TDM_STORE_ERROR_NOT_FOUND). */
gboolean   tdm_store_get_fair_summary          (TdmStore        *self,
                                                gint64           fair_id,
                                                TdmFairSummary  *summary,
                                                GError         **error);

/* One accepted or confirmed exhibitor, for the report's table. */
typedef struct {
  gint64  pole_id;       /* its stand's pole; 0: no stand, or no pole */
  char   *stand_code;    /* NULL: no stand */
  char   *name;          /* the cooperative's, else the organization's */
  char   *province;      /* NULL when unknown or not a cooperative */
  char   *sector;        /* idem */
  char   *status;        /* "accepted" or "confirmed" */
} TdmFairSummaryExhibitor;

void       tdm_fair_summary_exhibitor_free     (TdmFairSummaryExhibitor *exhibitor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmFairSummaryExhibitor, tdm_fair_summary_exhibitor_free)

/* The accepted and confirmed exhibitors of FAIR_ID: on a stand of a
 * pole first, poles by position, then on a stand without pole, then
 * without stand; by stand code then name within each. A GPtrArray of
 * TdmFairSummaryExhibitor, one query whatever their number. */
GPtrArray *tdm_store_list_fair_summary_exhibitors (TdmStore   *self,
                                                   gint64      fair_id,
                                                   GError    **error);

/* The articles linked to FAIR_ID (applied to it) or with an accepted fact
 * linked to it, the earliest publication first (undated last): a
 * GPtrArray of TdmStoredArticle (tdm-articles.h), bodies not filled,
 * event_type and n_facts not filled either. */
GPtrArray *tdm_store_list_fair_articles        (TdmStore   *self,
                                                gint64      fair_id,
                                                GError    **error);

G_END_DECLS
