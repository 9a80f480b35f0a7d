/* tdm-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tdm-fold.h"
#include "tdm-stats.h"
#include "tdm-store-private.h"

#define MAX_SERIES 2

/* The status of exhibitors who take part in the fair. */
#define TAKING_PART "e.status IN ('accepted', 'confirmed')"
/* A fact that counts: not rejected, its correction first. */
#define FACT_VALUE "coalesce(nullif(f.corrected_value, ''), f.value)"
#define FACT_COUNTS "f.status IN ('accepted', 'proposed')"
typedef struct {
  GPtrArray *labels;
  GArray    *ids;
  GArray    *values[MAX_SERIES];
  guint      n_series;
  char      *names[MAX_SERIES];
} Builder;

static void
builder_init (Builder    *b,
              guint       n_series,
              const char *name0,
              const char *name1)
{
  g_assert (n_series <= MAX_SERIES);

  memset (b, 0, sizeof *b);
  b->labels = g_ptr_array_new_with_free_func (g_free);
  b->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  b->n_series = n_series;
  for (guint s = 0; s < n_series; s++)
    b->values[s] = g_array_new (FALSE, FALSE, sizeof (double));
  b->names[0] = g_strdup (name0);
  b->names[1] = g_strdup (name1);
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->labels, g_ptr_array_unref);
  g_clear_pointer (&b->ids, g_array_unref);
  for (guint s = 0; s < MAX_SERIES; s++)
    {
      g_clear_pointer (&b->values[s], g_array_unref);
      g_clear_pointer (&b->names[s], g_free);
    }
}

static void
builder_add (Builder    *b,
             const char *label,
             gint64      id,
             double      v0,
             double      v1)
{
  g_ptr_array_add (b->labels, g_strdup (label != NULL ? label : ""));
  g_array_append_val (b->ids, id);
  if (b->n_series > 0)
    g_array_append_val (b->values[0], v0);
  if (b->n_series > 1)
    g_array_append_val (b->values[1], v1);
}

/* The table, or an empty one when every value is zero (nothing to show:
 * an axis of zero bars would say nothing). */
static TdmStatsTable *
builder_finish (Builder  *b,
                gboolean  keep_zeros)
{
  TdmStatsTable *t = g_new0 (TdmStatsTable, 1);
  guint n = b->labels->len;
  gboolean any = FALSE;

  for (guint s = 0; s < b->n_series; s++)
    for (guint c = 0; c < n; c++)
      {
        double v = g_array_index (b->values[s], double, c);

        any |= !isnan (v) && v != 0.0;
      }
  if (!any && !keep_zeros)
    n = 0;

  t->n_categories = n;
  t->labels = g_new0 (char *, n + 1);
  t->ids = g_new0 (gint64, MAX (n, 1));
  for (guint c = 0; c < n; c++)
    {
      t->labels[c] = g_strdup (g_ptr_array_index (b->labels, c));
      t->ids[c] = g_array_index (b->ids, gint64, c);
    }
  t->n_series = b->n_series;
  t->series_names = g_new0 (char *, b->n_series + 1);
  t->values = g_new0 (double, MAX (n * b->n_series, 1));
  for (guint s = 0; s < b->n_series; s++)
    {
      t->series_names[s] = g_strdup (b->names[s] != NULL ? b->names[s] : "");
      for (guint c = 0; c < n; c++)
        t->values[s * n + c] = g_array_index (b->values[s], double, c);
    }

  builder_clear (b);
  return t;
}

void
tdm_stats_table_free (TdmStatsTable *table)
{
  if (table == NULL)
    return;

  g_strfreev (table->labels);
  g_free (table->ids);
  g_strfreev (table->series_names);
  g_free (table->values);
  g_free (table);
}

double
tdm_stats_table_get (const TdmStatsTable *table,
                     guint                category,
                     guint                series)
{
  g_return_val_if_fail (table != NULL, NAN);
  g_return_val_if_fail (category < table->n_categories && series < table->n_series, NAN);

  return table->values[series * table->n_categories + category];
}

/* Queries ---------------------------------------------------------------- */

static double
column_or_nan (sqlite3_stmt *stmt,
               int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, column);
}

/* "Mar 2024", "12 Mar": month names from the catalogue rather than from
 * LC_TIME, which need not match the UI language (or be installed). */
static const char *
month_name (int month)
{
  static const char * const names[] = {
    NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
    NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
    NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month", names[month - 1]);
}

/* Steps STMT to its end, adding (label 1, id 0, values 2 and 3) rows. */
static gboolean
collect (TdmStore     *store,
         sqlite3_stmt *stmt,
         Builder      *b,
         GError      **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    builder_add (b, (const char *) sqlite3_column_text (stmt, 1),
                 sqlite3_column_int64 (stmt, 0),
                 b->n_series > 0 ? column_or_nan (stmt, 2) : NAN,
                 b->n_series > 1 ? column_or_nan (stmt, 3) : NAN);
  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (store, error, rc, _("computing the dashboard"));
      builder_clear (b);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static TdmStatsTable *
query_table (TdmStore   *store,
             const char *sql,
             gint64      fair_id,
             guint       n_series,
             const char *name0,
             const char *name1,
             GError    **error)
{
  sqlite3_stmt *stmt = tdm_store_prepare_in_ui_language (store, sql, error);
  Builder b;

  if (stmt == NULL)
    return NULL;
  if (fair_id != 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, "?2"), fair_id);

  builder_init (&b, n_series, name0, name1);
  if (!collect (store, stmt, &b, error))
    return NULL;
  return builder_finish (&b, FALSE);
}

/* Registry ---------------------------------------------------------------- */

TdmStatsTable *
tdm_stats_cooperatives_per_region (TdmStore  *store,
                                   GError   **error)
{
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  return query_table (store,
                      "SELECT r.id, " TDM_STORE_NAME_IN_UI ("r") ", n.c FROM "
                      "(SELECT region_id, count(*) AS c FROM cooperative "
                      " WHERE region_id IS NOT NULL GROUP BY region_id) AS n "
                      "JOIN region r ON r.id = n.region_id "
                      "ORDER BY n.c DESC, r.id",
                      0, 1, _("Cooperatives"), NULL, error);
}

TdmStatsTable *
tdm_stats_cooperatives_per_sector (TdmStore  *store,
                                   GError   **error)
{
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  return query_table (store,
                      "SELECT s.id, " TDM_STORE_NAME_IN_UI ("s") ", n.c FROM "
                      "(SELECT sector_id, count(*) AS c FROM cooperative "
                      " WHERE sector_id IS NOT NULL GROUP BY sector_id) AS n "
                      "JOIN sector s ON s.id = n.sector_id "
                      "ORDER BY n.c DESC, s.id",
                      0, 1, _("Cooperatives"), NULL, error);
}

TdmStatsTable *
tdm_stats_women_share_per_region (TdmStore  *store,
                                  GError   **error)
{
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  /* CAST: the sums are integers, the share is not. */
  return query_table (store,
                      "SELECT r.id, " TDM_STORE_NAME_IN_UI ("r") ", CAST (n.w AS REAL) / n.m FROM "
                      "(SELECT region_id, sum(women) AS w, sum(members) AS m FROM cooperative "
                      " WHERE region_id IS NOT NULL GROUP BY region_id) AS n "
                      "JOIN region r ON r.id = n.region_id "
                      "WHERE n.m > 0 "
                      "ORDER BY 3 DESC, r.id",
                      0, 1, _("Share of women members"), NULL, error);
}

TdmStatsTable *
tdm_stats_foundations_per_year (TdmStore  *store,
                                GError   **error)
{
  sqlite3_stmt *stmt;
  Builder b;
  int rc;
  int next_year = 0;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  stmt = tdm_store_prepare_in_ui_language (store,
                                           "SELECT CAST (substr (founded_on, 1, 4) AS INTEGER) AS y, count(*) "
                                           "FROM cooperative GROUP BY y ORDER BY y", error);
  if (stmt == NULL)
    return NULL;

  builder_init (&b, 1, _("Foundations"), NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);
      g_autofree char *label = NULL;

      /* Cooperatives without a founding date (the index's NULL first). */
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        continue;

      /* Years without a foundation are zero, not missing from the line. */
      for (; next_year != 0 && next_year < year; next_year++)
        {
          g_autofree char *gap = g_strdup_printf ("%d", next_year);

          builder_add (&b, gap, next_year, 0, NAN);
        }
      label = g_strdup_printf ("%d", year);
      builder_add (&b, label, year, sqlite3_column_int64 (stmt, 1), NAN);
      next_year = year + 1;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      builder_clear (&b);
      tdm_store_set_error (store, error, rc, _("computing the dashboard"));
      return NULL;
    }
  return builder_finish (&b, FALSE);
}

TdmStatsTable *
tdm_stats_top_provinces (TdmStore  *store,
                         guint      limit,
                         GError   **error)
{
  sqlite3_stmt *stmt;
  Builder b;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  stmt = tdm_store_prepare_in_ui_language (store,
                                           "SELECT p.id, " TDM_STORE_NAME_IN_UI ("p") ", n.c FROM "
                                           "(SELECT province_id, count(*) AS c FROM cooperative "
                                           " WHERE province_id IS NOT NULL GROUP BY province_id "
                                           " ORDER BY c DESC, province_id LIMIT ?2) AS n "
                                           "JOIN province p ON p.id = n.province_id "
                                           "ORDER BY n.c DESC, p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, limit);

  builder_init (&b, 1, _("Cooperatives"), NULL);
  if (!collect (store, stmt, &b, error))
    return NULL;
  return builder_finish (&b, FALSE);
}

/* Fair --------------------------------------------------------------------- */

TdmStatsTable *
tdm_stats_fair_places_per_pole (TdmStore  *store,
                                gint64     fair_id,
                                GError   **error)
{
  sqlite3_stmt *stmt;
  Builder b;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  if (!tdm_store_check_fair (store, fair_id, error))
    return NULL;

  /* Places are the stands' capacities; the poles in their order, then
   * stands without a pole (p.id NULL). */
  stmt = tdm_store_prepare_in_ui_language (store,
                                           "SELECT p.id, " TDM_STORE_NAME_IN_UI ("p") ", sum (s.capacity), sum (coalesce (o.n, 0)) "
                                           "FROM stand s "
                                           "LEFT JOIN pole p ON p.id = s.pole_id "
                                           "LEFT JOIN (SELECT stand_id, count(*) AS n FROM exhibitor "
                                           "           WHERE fair_id = ?2 AND stand_id IS NOT NULL GROUP BY stand_id) AS o "
                                           "  ON o.stand_id = s.id "
                                           "WHERE s.fair_id = ?2 AND s.kind = 'stand' "
                                           "GROUP BY p.id "
                                           "ORDER BY p.id IS NULL, p.position, p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, fair_id);

  builder_init (&b, 2, _("Occupied places"), _("Free places"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean no_pole = sqlite3_column_type (stmt, 0) == SQLITE_NULL;
      double capacity = sqlite3_column_double (stmt, 2);
      double occupied = sqlite3_column_double (stmt, 3);

      builder_add (&b,
                   no_pole ? _("No pole") : (const char *) sqlite3_column_text (stmt, 1),
                   sqlite3_column_int64 (stmt, 0),
                   occupied, MAX (0.0, capacity - occupied));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      builder_clear (&b);
      tdm_store_set_error (store, error, rc, _("computing the dashboard"));
      return NULL;
    }
  return builder_finish (&b, FALSE);
}

TdmStatsTable *
tdm_stats_fair_exhibitors_per_province (TdmStore  *store,
                                        gint64     fair_id,
                                        GError   **error)
{
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  if (!tdm_store_check_fair (store, fair_id, error))
    return NULL;

  return query_table (store,
                      "SELECT p.id, " TDM_STORE_NAME_IN_UI ("p") ", count(*) "
                      "FROM exhibitor e "
                      "JOIN cooperative c ON c.id = e.cooperative_id "
                      "JOIN province p ON p.id = c.province_id "
                      "WHERE e.fair_id = ?2 AND " TAKING_PART " "
                      "GROUP BY p.id ORDER BY 3 DESC, p.id",
                      fair_id, 1, _("Exhibitors"), NULL, error);
}

TdmStatsTable *
tdm_stats_fair_funnel (TdmStore  *store,
                       gint64     fair_id,
                       GError   **error)
{
  const char *labels[] = {
    N_("Applications"), N_("Accepted"), N_("Confirmed"),
    N_("Waitlisted"), N_("Rejected"), N_("Withdrawn"),
  };
  sqlite3_stmt *stmt;
  Builder b;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  if (!tdm_store_check_fair (store, fair_id, error))
    return NULL;

  stmt = tdm_store_prepare_in_ui_language (store,
                                           "SELECT count(*), "
                                           "       coalesce (sum (status IN ('accepted', 'confirmed')), 0), "
                                           "       coalesce (sum (status = 'confirmed'), 0), "
                                           "       coalesce (sum (status = 'waitlisted'), 0), "
                                           "       coalesce (sum (status = 'rejected'), 0), "
                                           "       coalesce (sum (status = 'withdrawn'), 0) "
                                           "FROM exhibitor WHERE fair_id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, fair_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      tdm_store_set_error (store, error, rc, _("computing the dashboard"));
      return NULL;
    }
  builder_init (&b, 1, _("Exhibitors"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    builder_add (&b, _(labels[i]), 0, sqlite3_column_int64 (stmt, (int) i), NAN);
  sqlite3_reset (stmt);
  return builder_finish (&b, FALSE);
}

TdmStatsTable *
tdm_stats_fair_sectors (TdmStore  *store,
                        gint64     fair_id,
                        GError   **error)
{
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  if (!tdm_store_check_fair (store, fair_id, error))
    return NULL;

  return query_table (store,
                      "SELECT s.id, " TDM_STORE_NAME_IN_UI ("s") ", count(*) "
                      "FROM exhibitor e "
                      "JOIN cooperative c ON c.id = e.cooperative_id "
                      "JOIN sector s ON s.id = c.sector_id "
                      "WHERE e.fair_id = ?2 AND " TAKING_PART " "
                      "GROUP BY s.id ORDER BY 3 DESC, s.id",
                      fair_id, 1, _("Exhibitors"), NULL, error);
}

TdmStatsTable *
tdm_stats_fair_days (TdmStore  *store,
                     gint64     fair_id,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  Builder b;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  if (!tdm_store_check_fair (store, fair_id, error))
    return NULL;

  stmt = tdm_store_prepare_in_ui_language (store,
                                           "SELECT day, visitors, sales FROM fair_day "
                                           "WHERE fair_id = ?2 AND (visitors IS NOT NULL OR sales IS NOT NULL) "
                                           "ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, fair_id);

  builder_init (&b, 2, _("Visitors"), _("Sales (MAD)"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);
      int year, month, mday;
      g_autofree char *label = NULL;

      /* The schema checks the dates: YYYY-MM-DD. */
      if (sscanf (day, "%d-%d-%d", &year, &month, &mday) == 3 && month >= 1 && month <= 12)
        /* TRANSLATORS: a day on a chart axis: the day, then the month ("12 Mar") */
        label = g_strdup_printf (C_("chart day", "%d %s"), mday, month_name (month));
      else
        label = g_strdup (day);
      builder_add (&b, label, 0, column_or_nan (stmt, 1), column_or_nan (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      builder_clear (&b);
      tdm_store_set_error (store, error, rc, _("computing the dashboard"));
      return NULL;
    }
  return builder_finish (&b, FALSE);
}

/* Press -------------------------------------------------------------------- */

TdmStatsTable *
tdm_stats_articles_per_month (TdmStore  *store,
                              GError   **error)
{
  sqlite3_stmt *stmt;
  Builder b;
  int rc;
  int next = -1;   /* year * 12 + month - 1 of the next month to show */

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  stmt = tdm_store_prepare_in_ui_language (store,
                                           "SELECT CAST (substr (published_on, 1, 4) AS INTEGER) * 12 "
                                           "       + CAST (substr (published_on, 6, 2) AS INTEGER) - 1 AS m, count(*) "
                                           "FROM article WHERE published_on IS NOT NULL "
                                           "GROUP BY m ORDER BY m", error);
  if (stmt == NULL)
    return NULL;

  builder_init (&b, 1, _("Articles"), NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int month = sqlite3_column_int (stmt, 0);
      gint64 count = sqlite3_column_int64 (stmt, 1);

      if (next < 0)
        next = month;
      /* Months without an article are zero: a timeline has no holes. */
      for (; next <= month; next++)
        {
          /* TRANSLATORS: a month on a chart axis: the month, then the year ("Mar 2024") */
          g_autofree char *label = g_strdup_printf (C_("chart month", "%s %d"),
                                                    month_name (next % 12 + 1), next / 12);

          builder_add (&b, label, next, next == month ? count : 0, NAN);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      builder_clear (&b);
      tdm_store_set_error (store, error, rc, _("computing the dashboard"));
      return NULL;
    }
  return builder_finish (&b, FALSE);
}

TdmStatsTable *
tdm_stats_articles_per_region (TdmStore  *store,
                               GError   **error)
{
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  /* A fact linked to a region names it by id; otherwise by its French
   * name (the extractor writes HCP French names). */
  return query_table (store,
                      "SELECT r.id, " TDM_STORE_NAME_IN_UI ("r") ", n.c FROM "
                      "(SELECT coalesce (CASE WHEN f.linked_table = 'region' THEN f.linked_id END, "
                      "                  (SELECT id FROM region WHERE name_fr = " FACT_VALUE " COLLATE NOCASE)) AS rid, "
                      "        count (DISTINCT f.article_id) AS c "
                      " FROM article_fact f "
                      " WHERE f.kind = 'region' AND " FACT_COUNTS " "
                      " GROUP BY rid) AS n "
                      "JOIN region r ON r.id = n.rid "
                      "ORDER BY n.c DESC, r.id",
                      0, 1, _("Articles"), NULL, error);
}

static const char *
event_type_name (const char *code)
{
  static const struct { const char *code; const char *name; } names[] = {
    { "fair", N_("Fair") },
    { "meeting", N_("Meeting") },
    { "study_day", N_("Study day") },
    { "workshop", N_("Workshop") },
    { "other", N_("Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (code, names[i].code))
      return _(names[i].name);
  return code;
}

TdmStatsTable *
tdm_stats_articles_per_event_type (TdmStore  *store,
                                   GError   **error)
{
  sqlite3_stmt *stmt;
  Builder b;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  stmt = tdm_store_prepare_in_ui_language (store,
                                           "SELECT " FACT_VALUE " AS v, count (DISTINCT f.article_id) AS c "
                                           "FROM article_fact f "
                                           "WHERE f.kind = 'event_type' AND " FACT_COUNTS " "
                                           "GROUP BY v ORDER BY c DESC, v", error);
  if (stmt == NULL)
    return NULL;

  builder_init (&b, 1, _("Articles"), NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    builder_add (&b, event_type_name ((const char *) sqlite3_column_text (stmt, 0)), 0,
                 sqlite3_column_int64 (stmt, 1), NAN);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      builder_clear (&b);
      tdm_store_set_error (store, error, rc, _("computing the dashboard"));
      return NULL;
    }
  return builder_finish (&b, FALSE);
}

TdmStatsTable *
tdm_stats_fair_editions (TdmStore  *store,
                         gint64     fair_id,
                         GError   **error)
{
  sqlite3_stmt *stmt;
  Builder b;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  if (!tdm_store_check_fair (store, fair_id, error))
    return NULL;

  /* The series: fairs with the same title, or in the same region. The
   * edition: the article's accepted edition fact, else its fair's. Facts
   * are numbers as text; the largest figure an article gives wins. The
   * unary + keeps SQLite on the article_id index: the (kind, status)
   * index would read every accepted count of every article for each. */
  stmt = tdm_store_prepare_in_ui_language (store,
                                           "WITH series AS ("
                                           "  SELECT g.id, g.edition FROM fair g, fair me WHERE me.id = ?2 AND "
                                           "  (g.title = me.title COLLATE NOCASE OR g.region_id = me.region_id)), "
                                           "reported AS ("
                                           "  SELECT coalesce (max (CASE WHEN +f.kind = 'edition' "
                                           "                        THEN CAST (" FACT_VALUE " AS INTEGER) END), s.edition) AS e, "
                                           "         max (CASE WHEN +f.kind = 'exhibitors' THEN CAST (" FACT_VALUE " AS INTEGER) END) AS ex, "
                                           "         max (CASE WHEN +f.kind = 'stands' THEN CAST (" FACT_VALUE " AS INTEGER) END) AS st "
                                           "  FROM series s "
                                           "  JOIN article a ON a.fair_id = s.id "
                                           "  JOIN article_fact f ON f.article_id = a.id "
                                           "  WHERE +f.status = 'accepted' AND +f.kind IN ('edition', 'exhibitors', 'stands') "
                                           "  GROUP BY a.id) "
                                           "SELECT e, max (ex), max (st) FROM reported "
                                           "WHERE e > 0 AND (ex IS NOT NULL OR st IS NOT NULL) "
                                           "GROUP BY e ORDER BY e", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, fair_id);

  builder_init (&b, 2, _("Exhibitors"), _("Stands"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int edition = sqlite3_column_int (stmt, 0);
      /* TRANSLATORS: a fair's edition on a chart axis, e.g. "Edition 3" */
      g_autofree char *label = g_strdup_printf (_("Edition %d"), edition);

      builder_add (&b, label, edition, column_or_nan (stmt, 1), column_or_nan (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      builder_clear (&b);
      tdm_store_set_error (store, error, rc, _("computing the dashboard"));
      return NULL;
    }
  return builder_finish (&b, FALSE);
}

TdmStatsTable *
tdm_stats_partners_cited (TdmStore  *store,
                          guint      limit,
                          GError   **error)
{
  sqlite3_stmt *stmt;
  Builder b;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  /* A fact linked to a partner counts under the partner's name, so that
   * two spellings of one partner add up. */
  stmt = tdm_store_prepare_in_ui_language (store,
                                           "SELECT coalesce (p.id, 0), coalesce (p.name, " FACT_VALUE ") AS who, "
                                           "       count (DISTINCT f.article_id) AS c "
                                           "FROM article_fact f "
                                           "LEFT JOIN partner p ON f.linked_table = 'partner' AND p.id = f.linked_id "
                                           "WHERE f.kind IN ('organization', 'partner') AND " FACT_COUNTS " "
                                           "GROUP BY who ORDER BY c DESC, who LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, limit);

  builder_init (&b, 1, _("Articles"), NULL);
  if (!collect (store, stmt, &b, error))
    return NULL;
  return builder_finish (&b, FALSE);
}

TdmStatsTable *
tdm_stats_list_fairs (TdmStore  *store,
                      GError   **error)
{
  sqlite3_stmt *stmt;
  Builder b;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  stmt = tdm_store_prepare_in_ui_language (store,
                                           "SELECT id, title, edition, substr (start_date, 1, 4) FROM fair "
                                           "ORDER BY start_date IS NULL, start_date DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;

  builder_init (&b, 0, NULL, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *year = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *label = NULL;
      /* A French title in an Arabic chooser (or the reverse) is isolated,
       * so that the bidi algorithm keeps the parentheses after it. */
      g_autofree char *title = g_strconcat ("\u2068", (const char *) sqlite3_column_text (stmt, 1),
                                            "\u2069", NULL);

      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL && year != NULL)
        /* TRANSLATORS: a fair in a chooser: its title, edition and year */
        label = g_strdup_printf (_("%s (edition %d, %s)"), title, sqlite3_column_int (stmt, 2), year);
      else if (year != NULL)
        label = g_strdup_printf ("%s (%s)", title, year);
      else
        label = g_strdup (title);
      builder_add (&b, label, sqlite3_column_int64 (stmt, 0), NAN, NAN);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      builder_clear (&b);
      tdm_store_set_error (store, error, rc, _("listing the fairs"));
      return NULL;
    }
  return builder_finish (&b, TRUE);
}
