/* tdm-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tdm-board.h"
#include "tdm-fold.h"

/* Long lists are cut: a chart of 75 provinces is read by nobody. */
#define TOP_PROVINCES 15
#define TOP_PARTNERS 15

static TdmStatsTable *
registry_regions (TdmStore *store, gint64 fair_id, GError **error)
{
  return tdm_stats_cooperatives_per_region (store, error);
}

static TdmStatsTable *
registry_sectors (TdmStore *store, gint64 fair_id, GError **error)
{
  return tdm_stats_cooperatives_per_sector (store, error);
}

static TdmStatsTable *
registry_women (TdmStore *store, gint64 fair_id, GError **error)
{
  return tdm_stats_women_share_per_region (store, error);
}

static TdmStatsTable *
registry_foundations (TdmStore *store, gint64 fair_id, GError **error)
{
  return tdm_stats_foundations_per_year (store, error);
}

static TdmStatsTable *
registry_provinces (TdmStore *store, gint64 fair_id, GError **error)
{
  return tdm_stats_top_provinces (store, TOP_PROVINCES, error);
}

static TdmStatsTable *
press_months (TdmStore *store, gint64 fair_id, GError **error)
{
  return tdm_stats_articles_per_month (store, error);
}

static TdmStatsTable *
press_regions (TdmStore *store, gint64 fair_id, GError **error)
{
  return tdm_stats_articles_per_region (store, error);
}

static TdmStatsTable *
press_events (TdmStore *store, gint64 fair_id, GError **error)
{
  return tdm_stats_articles_per_event_type (store, error);
}

static TdmStatsTable *
press_partners (TdmStore *store, gint64 fair_id, GError **error)
{
  return tdm_stats_partners_cited (store, TOP_PARTNERS, error);
}

static const TdmBoardChart charts[] = {
  { "registry-regions", TDM_BOARD_REGISTRY, N_("Cooperatives per region"),
    N_("Cooperatives of each region, most first"),
    FALSE, TDM_BOARD_LINK_REGION, registry_regions,
    TDM_CHART_BARS, TDM_CHART_HORIZONTAL, FALSE, -1 },
  { "registry-sectors", TDM_BOARD_REGISTRY, N_("Cooperatives per sector"),
    N_("Cooperatives of each sector, most first"),
    FALSE, TDM_BOARD_LINK_SECTOR, registry_sectors,
    TDM_CHART_BARS, TDM_CHART_HORIZONTAL, FALSE, -1 },
  { "registry-women", TDM_BOARD_REGISTRY, N_("Share of women members per region"),
    N_("Women members over all members of each region's cooperatives"),
    FALSE, TDM_BOARD_LINK_REGION, registry_women,
    TDM_CHART_BARS, TDM_CHART_HORIZONTAL, TRUE, -1 },
  { "registry-foundations", TDM_BOARD_REGISTRY, N_("Cooperatives founded per year"),
    N_("Cooperatives founded each year, from the first to the last"),
    FALSE, TDM_BOARD_LINK_NONE, registry_foundations,
    TDM_CHART_LINE, TDM_CHART_VERTICAL, FALSE, -1, TRUE },
  { "registry-provinces", TDM_BOARD_REGISTRY, N_("Top 15 provinces"),
    N_("The 15 provinces with the most cooperatives"),
    FALSE, TDM_BOARD_LINK_PROVINCE, registry_provinces,
    TDM_CHART_BARS, TDM_CHART_HORIZONTAL, FALSE, -1 },

  { "fair-places", TDM_BOARD_FAIR, N_("Places per pole"),
    N_("Occupied and free places of the stands of each pole of a fair"),
    TRUE, TDM_BOARD_LINK_NONE, tdm_stats_fair_places_per_pole,
    TDM_CHART_STACKED_BARS, TDM_CHART_HORIZONTAL, FALSE, -1 },
  { "fair-provinces", TDM_BOARD_FAIR, N_("Exhibitors per province"),
    N_("Accepted and confirmed exhibitors of a fair per province"),
    TRUE, TDM_BOARD_LINK_NONE, tdm_stats_fair_exhibitors_per_province,
    TDM_CHART_BARS, TDM_CHART_HORIZONTAL, FALSE, -1 },
  { "fair-funnel", TDM_BOARD_FAIR, N_("Applications"),
    N_("A fair's applications: accepted, confirmed, waitlisted, rejected, withdrawn"),
    TRUE, TDM_BOARD_LINK_NONE, tdm_stats_fair_funnel,
    TDM_CHART_BARS, TDM_CHART_HORIZONTAL, FALSE, -1 },
  { "fair-sectors", TDM_BOARD_FAIR, N_("Sectors on show"),
    N_("Accepted and confirmed exhibitors of a fair per sector"),
    TRUE, TDM_BOARD_LINK_NONE, tdm_stats_fair_sectors,
    TDM_CHART_DONUT, TDM_CHART_VERTICAL, FALSE, -1 },
  { "fair-visitors", TDM_BOARD_FAIR, N_("Visitors per day"),
    N_("Visitors of each recorded day of a fair"),
    TRUE, TDM_BOARD_LINK_NONE, tdm_stats_fair_days,
    TDM_CHART_BARS, TDM_CHART_VERTICAL, FALSE, 0, TRUE },
  { "fair-sales", TDM_BOARD_FAIR, N_("Sales per day"),
    N_("Declared sales (dirhams) of each recorded day of a fair"),
    TRUE, TDM_BOARD_LINK_NONE, tdm_stats_fair_days,
    TDM_CHART_BARS, TDM_CHART_VERTICAL, FALSE, 1, TRUE },

  { "press-months", TDM_BOARD_PRESS, N_("Articles per month"),
    N_("Articles published each month"),
    FALSE, TDM_BOARD_LINK_NONE, press_months,
    TDM_CHART_LINE, TDM_CHART_VERTICAL, FALSE, -1, TRUE },
  { "press-regions", TDM_BOARD_PRESS, N_("Articles per region"),
    N_("Articles about each region (accepted or proposed region facts)"),
    FALSE, TDM_BOARD_LINK_NONE, press_regions,
    TDM_CHART_BARS, TDM_CHART_HORIZONTAL, FALSE, -1 },
  { "press-events", TDM_BOARD_PRESS, N_("Articles per event type"),
    N_("Articles about fairs, meetings, study days, workshops and other events"),
    FALSE, TDM_BOARD_LINK_NONE, press_events,
    TDM_CHART_DONUT, TDM_CHART_VERTICAL, FALSE, -1 },
  { "press-editions", TDM_BOARD_PRESS, N_("The fair across its editions"),
    N_("Exhibitors and stands of each edition of a fair, as accepted article facts report them"),
    TRUE, TDM_BOARD_LINK_NONE, tdm_stats_fair_editions,
    TDM_CHART_BARS, TDM_CHART_VERTICAL, FALSE, -1, TRUE },
  { "press-partners", TDM_BOARD_PRESS, N_("Partners cited most"),
    N_("The 15 organizations and partners cited by the most articles"),
    FALSE, TDM_BOARD_LINK_NONE, press_partners,
    TDM_CHART_BARS, TDM_CHART_HORIZONTAL, FALSE, -1 },
};

const TdmBoardChart *
tdm_board_get_charts (guint *n_charts)
{
  if (n_charts != NULL)
    *n_charts = G_N_ELEMENTS (charts);
  return charts;
}

const TdmBoardChart *
tdm_board_find_chart (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (g_str_equal (charts[i].name, name))
      return &charts[i];
  return NULL;
}

TdmStatsTable *
tdm_board_chart_compute (const TdmBoardChart *chart,
                         TdmStore            *store,
                         gint64               fair_id,
                         GError             **error)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  return chart->compute (store, chart->needs_fair ? fair_id : 0, error);
}

TdmChart *
tdm_board_chart_new (const TdmBoardChart *chart)
{
  TdmChart *self;

  g_return_val_if_fail (chart != NULL, NULL);

  self = tdm_chart_new (chart->kind);
  tdm_chart_set_orientation (self, chart->orientation);
  tdm_chart_set_percent (self, chart->percent);
  tdm_chart_set_title (self, _(chart->title));
  /* Moroccan Arabic writes Western digits, as the lists and the printed
   * reports do; CLDR's "ar" would give Arabic-Indic ones. */
  if (tdm_locale_is_arabic ())
    tdm_chart_set_language (self, "ar_MA");
  return self;
}

/* LABELS with their ASCII digits in the digits CHART writes numbers
 * with, so that "2023" on an axis matches "٢٠٢٣" in its ticks. */
static char **
localize_digits (TdmChart    *chart,
                 char *const *labels)
{
  TdmNumberFormat format;
  guint n = g_strv_length ((char **) labels);
  char **result = g_new0 (char *, n + 1);

  tdm_number_format_init (&format, tdm_chart_get_language (chart), tdm_chart_get_digits (chart));
  for (guint i = 0; i < n; i++)
    {
      GString *text;

      if (format.digits != TDM_DIGITS_ARABIC_INDIC)
        {
          result[i] = g_strdup (labels[i]);
          continue;
        }
      text = g_string_new (NULL);
      for (const char *c = labels[i]; *c != '\0'; c++)
        if (g_ascii_isdigit (*c))
          g_string_append_unichar (text, 0x0660 + (*c - '0'));
        else
          g_string_append_c (text, *c);
      result[i] = g_string_free (text, FALSE);
    }
  return result;
}

void
tdm_board_chart_fill (const TdmBoardChart *chart,
                      TdmChart            *tdm_chart,
                      const TdmStatsTable *table)
{
  guint first, last;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (TDM_IS_CHART (tdm_chart));

  tdm_chart_clear (tdm_chart);
  if (table == NULL || table->n_categories == 0 || table->n_series == 0)
    return;

  first = chart->series >= 0 ? (guint) chart->series : 0;
  last = chart->series >= 0 ? first + 1 : table->n_series;
  g_return_if_fail (last <= table->n_series);

  /* One series drawn alone: the axis says what it counts. */
  if (last - first == 1 && !chart->percent)
    tdm_chart_set_unit (tdm_chart, table->series_names[first]);
  else
    tdm_chart_set_unit (tdm_chart, NULL);

  if (chart->numeric_labels)
    {
      g_auto(GStrv) labels = localize_digits (tdm_chart, table->labels);

      tdm_chart_set_categories (tdm_chart, (const char * const *) labels, table->n_categories);
    }
  else
    tdm_chart_set_categories (tdm_chart, (const char * const *) table->labels,
                              table->n_categories);
  for (guint s = first; s < last; s++)
    tdm_chart_add_series (tdm_chart, table->series_names[s],
                          table->values + (gsize) s * table->n_categories,
                          table->n_categories);
}
