/* tdm-stats.h: the figures of the dashboards, as SQL aggregates.
 *
 * Each function answers one chart of a board with a small table: the
 * categories (their labels in the UI language and the record each stands
 * for) and one or more series of values. No function loads every row.
 * A store is used from one thread at a time: a worker thread opens its own
 * TdmStore on the same file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-store.h"

G_BEGIN_DECLS

typedef struct {
  guint    n_categories;
  char   **labels;        /* n_categories labels, NULL-terminated */
  gint64  *ids;           /* the region, province, sector, pole … behind
                           * each category; 0 when none */
  guint    n_series;
  char   **series_names;  /* n_series names, translated, NULL-terminated */
  double  *values;        /* values[series * n_categories + category];
                           * NAN where there is no value */
} TdmStatsTable;

void           tdm_stats_table_free            (TdmStatsTable *table);
double         tdm_stats_table_get             (const TdmStatsTable *table,
                                                guint                category,
                                                guint                series);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmStatsTable, tdm_stats_table_free)

/* Registry board. Regions, provinces and sectors are named in the UI
 * language (the other one when missing). Counts that are all zero give an
 * empty table: there is nothing to show. */
TdmStatsTable *tdm_stats_cooperatives_per_region (TdmStore  *store,
                                                  GError   **error);
TdmStatsTable *tdm_stats_cooperatives_per_sector (TdmStore  *store,
                                                  GError   **error);
/* Sum of women over sum of members (a fraction), regions with members. */
TdmStatsTable *tdm_stats_women_share_per_region  (TdmStore  *store,
                                                  GError   **error);
/* Every year from the first to the last foundation, zero years included. */
TdmStatsTable *tdm_stats_foundations_per_year    (TdmStore  *store,
                                                  GError   **error);
/* The LIMIT provinces with the most cooperatives, most first. */
TdmStatsTable *tdm_stats_top_provinces           (TdmStore  *store,
                                                  guint      limit,
                                                  GError   **error);

/* Fair board: FAIR_ID must name a fair (TDM_STORE_ERROR_NOT_FOUND). */
/* Places (stand capacities) taken and free per pole: series 0 occupied,
 * 1 free. Stands without a pole come last as "No pole" (id 0). */
TdmStatsTable *tdm_stats_fair_places_per_pole    (TdmStore  *store,
                                                  gint64     fair_id,
                                                  GError   **error);
/* Accepted and confirmed exhibitors per province of their cooperative. */
TdmStatsTable *tdm_stats_fair_exhibitors_per_province (TdmStore  *store,
                                                       gint64     fair_id,
                                                       GError   **error);
/* Applications, accepted (accepted or confirmed), confirmed, then
 * waitlisted, rejected, withdrawn. */
TdmStatsTable *tdm_stats_fair_funnel             (TdmStore  *store,
                                                  gint64     fair_id,
                                                  GError   **error);
/* Accepted and confirmed exhibitors per sector of their cooperative. */
TdmStatsTable *tdm_stats_fair_sectors            (TdmStore  *store,
                                                  gint64     fair_id,
                                                  GError   **error);
/* The recorded days: series 0 visitors, 1 sales (dirhams). */
TdmStatsTable *tdm_stats_fair_days               (TdmStore  *store,
                                                  gint64     fair_id,
                                                  GError   **error);

/* Press board. Facts count when accepted or proposed (never rejected),
 * their corrected value first. */
/* Every month from the first to the last publication, zero months
 * included. */
TdmStatsTable *tdm_stats_articles_per_month      (TdmStore  *store,
                                                  GError   **error);
TdmStatsTable *tdm_stats_articles_per_region     (TdmStore  *store,
                                                  GError   **error);
TdmStatsTable *tdm_stats_articles_per_event_type (TdmStore  *store,
                                                  GError   **error);
/* The editions of FAIR_ID's series (the fairs with its title, or in its
 * region), with the largest exhibitor and stand counts the accepted facts
 * of their articles report: series 0 exhibitors, 1 stands. */
TdmStatsTable *tdm_stats_fair_editions           (TdmStore  *store,
                                                  gint64     fair_id,
                                                  GError   **error);
/* The LIMIT organizations and partners cited by the most articles. */
TdmStatsTable *tdm_stats_partners_cited          (TdmStore  *store,
                                                  guint      limit,
                                                  GError   **error);

/* Every fair, most recent first, for a chooser: labels are the titles
 * with their edition, one series of nothing. */
TdmStatsTable *tdm_stats_list_fairs              (TdmStore  *store,
                                                  GError   **error);

G_END_DECLS
