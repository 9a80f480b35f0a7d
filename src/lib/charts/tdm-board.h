/* tdm-board.h: the charts of the dashboards: what each shows, how its
 * figures are computed (tdm-stats.h) and drawn (TdmChart).
 *
 * The window's Dashboard section and `tadamon-cli chart` both go through
 * this list, so every chart of a board can be exported from the command
 * line under the name `chart --list` prints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-chart.h"
#include "tdm-stats.h"

G_BEGIN_DECLS

typedef enum {
  TDM_BOARD_REGISTRY,
  TDM_BOARD_FAIR,
  TDM_BOARD_PRESS,
} TdmBoard;

/* What a click on a category opens: the cooperatives of that region,
 * province or sector (the category's id in the table). */
typedef enum {
  TDM_BOARD_LINK_NONE,
  TDM_BOARD_LINK_REGION,
  TDM_BOARD_LINK_PROVINCE,
  TDM_BOARD_LINK_SECTOR,
} TdmBoardLink;

typedef TdmStatsTable *(*TdmBoardComputeFunc) (TdmStore  *store,
                                               gint64     fair_id,
                                               GError   **error);

typedef struct {
  const char          *name;         /* "registry-regions" */
  TdmBoard             board;
  const char          *title;        /* N_() */
  const char          *description;  /* N_(), what it shows */
  gboolean             needs_fair;
  TdmBoardLink         link;
  TdmBoardComputeFunc  compute;
  TdmChartKind         kind;
  TdmChartOrientation  orientation;
  gboolean             percent;
  int                  series;       /* the table's series drawn; -1: all */
  gboolean             numeric_labels; /* years, days, editions: digits as
                                        * the chart's language writes them */
} TdmBoardChart;

/* Every chart, board by board; N_CHARTS may be NULL. */
const TdmBoardChart *tdm_board_get_charts     (guint               *n_charts);
const TdmBoardChart *tdm_board_find_chart     (const char          *name);

/* The chart's figures; FAIR_ID is ignored unless it needs_fair. */
TdmStatsTable       *tdm_board_chart_compute  (const TdmBoardChart *chart,
                                               TdmStore            *store,
                                               gint64               fair_id,
                                               GError             **error);
/* A TdmChart of the chart's kind and title, without data. */
TdmChart            *tdm_board_chart_new      (const TdmBoardChart *chart);
/* Replaces CHART's data with TABLE's (NULL: nothing to show). */
void                 tdm_board_chart_fill     (const TdmBoardChart *chart,
                                               TdmChart            *tdm_chart,
                                               const TdmStatsTable *table);

G_END_DECLS
