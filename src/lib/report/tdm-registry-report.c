/* tdm-registry-report.c: the registry in figures, by region, province and
 * sector, with the dashboard's charts.
 *
 * Every figure is an SQL aggregate (tdm-registry-summary.h, tdm-stats.h):
 * the report reads a few hundred rows whatever the size of the registry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tdm-board.h"
#include "tdm-registry-summary.h"
#include "tdm-report-language.h"
#include "tdm-report-text.h"
#include "tdm-report.h"

/* The dashboard's charts the report shows, in order, with their height
 * in points (horizontal bars need room for their labels). */
static const struct {
  const char *name;
  double      height;
} report_charts[] = {
  { "registry-regions", 270 },
  { "registry-women", 270 },
  { "registry-provinces", 330 },
  { "registry-sectors", 330 },
  { "registry-foundations", 220 },
};

typedef struct {
  char *title;
  char *subtitle;
  char *date_line;
} TitleBlock;

static void
title_block_free (gpointer data)
{
  TitleBlock *block = data;

  g_free (block->title);
  g_free (block->subtitle);
  g_free (block->date_line);
  g_free (block);
}

#define TITLE_SIZE 24.0
#define SUBTITLE_SIZE 12.0
#define DATE_SIZE 10.0
#define TITLE_TOP 18.0

/* Sized from the fonts' line heights: Arabic lines are much taller. */
static double
title_block_height (void)
{
  return TITLE_TOP + tdm_report_line_height (TITLE_SIZE, PANGO_WEIGHT_BOLD) + 6
         + tdm_report_line_height (SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL) + 10;
}

static void
draw_title_block (cairo_t  *cr,
                  double    width,
                  double    height,
                  gboolean  rtl,
                  gpointer  user_data)
{
  TitleBlock *block = user_data;
  PangoAlignment start = rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  PangoAlignment end = rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
  const TdmFitText title_style = { PANGO_WEIGHT_BOLD, TITLE_SIZE, 16, 1, start };
  const TdmFitText subtitle_style = { PANGO_WEIGHT_NORMAL, SUBTITLE_SIZE, 9, 1, start };
  double subtitle_line = tdm_report_line_height (SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) date_line = NULL;
  PangoRectangle date_rect;
  double date_width;
  double y = TITLE_TOP;

  /* A band in the accent colour of the charts along the top. */
  cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
  cairo_rectangle (cr, 0, 0, width, 4);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  title = tdm_report_fit_text (cr, block->title, &title_style, width,
                               tdm_report_line_height (TITLE_SIZE, PANGO_WEIGHT_BOLD));
  y += tdm_report_show_layout (cr, title, 0, y, width, 0, 0) + 6;

  /* The subtitle at the start of the line, the date of the data at its
   * end, on their baselines' common line. */
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.43);
  date_line = tdm_report_text_layout (cr, block->date_line, DATE_SIZE, PANGO_WEIGHT_NORMAL,
                                      width * 0.4, 1, end);
  pango_layout_get_extents (date_line, NULL, &date_rect);
  date_width = MIN (width * 0.4, (double) date_rect.width / PANGO_SCALE);
  tdm_report_show_layout (cr, date_line, rtl ? 0 : width * 0.6, y, width * 0.4, subtitle_line, 0.5);

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.33);
  subtitle = tdm_report_fit_text (cr, block->subtitle, &subtitle_style, width - date_width - 16,
                                  subtitle_line);
  tdm_report_show_layout (cr, subtitle, rtl ? date_width + 16 : 0, y, width - date_width - 16,
                          subtitle_line, 0.5);

  cairo_set_source_rgb (cr, 0.8, 0.8, 0.82);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, 0, height - 0.3);
  cairo_line_to (cr, width, height - 0.3);
  cairo_stroke (cr);
}

/* "42 %" of PART over WHOLE, "—" when WHOLE is zero (no members
 * recorded: a share of nothing is not 0 %). */
static char *
format_share (TdmDocument *doc,
              gint64       part,
              gint64       whole,
              guint        decimals)
{
  if (whole <= 0)
    return g_strdup ("—");
  return tdm_document_format_percent (doc, (double) part / (double) whole, decimals);
}

static char *
format_count (TdmDocument *doc,
              gint64       value)
{
  return tdm_document_format_number (doc, (double) value, 0);
}

static void
add_tiles (TdmDocument        *doc,
           TdmRegistrySummary *summary)
{
  g_autofree char *cooperatives = format_count (doc, summary->cooperatives);
  g_autofree char *members = format_count (doc, summary->members);
  g_autofree char *women_share = format_share (doc, summary->women, summary->members, 1);
  g_autofree char *youth_share = format_share (doc, summary->youth, summary->members, 1);
  g_autofree char *women = format_count (doc, summary->women);
  g_autofree char *youth = format_count (doc, summary->youth);
  g_autofree char *regions = format_count (doc, summary->regions);
  g_autofree char *provinces = format_count (doc, summary->provinces);
  g_autofree char *sectors = format_count (doc, summary->sectors);
  g_autofree char *all_regions = NULL;
  g_autofree char *all_provinces = NULL;
  g_autofree char *all_sectors = NULL;
  g_autofree char *women_caption = NULL;
  g_autofree char *youth_caption = NULL;
  g_autofree char *regions_caption = NULL;
  g_autofree char *provinces_caption = NULL;
  g_autofree char *sectors_caption = NULL;
  g_autofree char *average = NULL;
  guint n_regions = 0, n_provinces = 0, n_sectors = 0;

  for (guint i = 0; i < summary->by_region->len; i++)
    n_regions += ((TdmRegistryCount *) g_ptr_array_index (summary->by_region, i))->id != 0;
  for (guint i = 0; i < summary->by_province->len; i++)
    n_provinces += ((TdmRegistryCount *) g_ptr_array_index (summary->by_province, i))->id != 0;
  for (guint i = 0; i < summary->by_sector->len; i++)
    n_sectors += ((TdmRegistryCount *) g_ptr_array_index (summary->by_sector, i))->id != 0;
  all_regions = format_count (doc, n_regions);
  all_provinces = format_count (doc, n_provinces);
  all_sectors = format_count (doc, n_sectors);

  /* No members recorded: no share, and no count to explain it. */
  if (summary->members > 0)
    {
      /* TRANSLATORS: caption of a key figure, %s is a number of members */
      women_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s woman member", "%s women members",
                                                    (gulong) summary->women), women);
      /* TRANSLATORS: caption of a key figure, %s is a number of members */
      youth_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s young member", "%s young members",
                                                    (gulong) summary->youth), youth);
    }
  /* TRANSLATORS: caption of a key figure: "of 12" (regions) */
  regions_caption = g_strdup_printf (_("of %s"), all_regions);
  provinces_caption = g_strdup_printf (_("of %s"), all_provinces);
  sectors_caption = g_strdup_printf (_("of %s"), all_sectors);
  average = summary->cooperatives > 0 && summary->members > 0
            ? tdm_document_format_number (doc, (double) summary->members / (double) summary->cooperatives, 1)
            : g_strdup ("—");

  {
    const TdmDocumentTile tiles[] = {
      { cooperatives, _("Cooperatives"), NULL },
      { members, _("Members"), NULL },
      { women_share, _("Share of women members"), women_caption },
      { youth_share, _("Share of young members"), youth_caption },
      { regions, _("Regions covered"), regions_caption },
      { provinces, _("Provinces and prefectures covered"), provinces_caption },
      { sectors, _("Sectors represented"), sectors_caption },
      { average, _("Members per cooperative"), _("on average") },
    };

    tdm_document_add_tiles (doc, tiles, G_N_ELEMENTS (tiles));
  }
}

static gboolean
add_charts (TdmDocument  *doc,
            TdmStore     *store,
            GError      **error)
{
  tdm_document_add_heading (doc, 1, _("Charts"));
  for (guint i = 0; i < G_N_ELEMENTS (report_charts); i++)
    {
      const TdmBoardChart *board = tdm_board_find_chart (report_charts[i].name);
      g_autoptr(TdmStatsTable) table = NULL;
      g_autoptr(TdmChart) chart = NULL;

      g_assert (board != NULL);
      table = tdm_board_chart_compute (board, store, 0, error);
      if (table == NULL)
        return FALSE;
      chart = tdm_board_chart_new (board);
      /* Before the fill: years are written in the chart's digits. */
      tdm_document_prepare_chart (doc, chart);
      tdm_board_chart_fill (board, chart, table);
      tdm_document_add_chart (doc, chart, report_charts[i].height);
    }
  return TRUE;
}

/* Cooperatives, members, % women, % young people of COUNT, from CELLS[1]. */
static void
fill_counts (TdmDocument            *doc,
             const TdmRegistryCount *count,
             char                  **cells)
{
  cells[1] = format_count (doc, count->cooperatives);
  cells[2] = format_count (doc, count->members);
  cells[3] = format_share (doc, count->women, count->members, 0);
  cells[4] = format_share (doc, count->youth, count->members, 0);
}

static void
add_count_columns (TdmDocumentTable *table,
                   const char       *first)
{
  tdm_document_table_add_column (table, first, 3, TDM_COLUMN_START);
  tdm_document_table_add_column (table, _("Cooperatives"), 1.3, TDM_COLUMN_END);
  tdm_document_table_add_column (table, _("Members"), 1.3, TDM_COLUMN_END);
  tdm_document_table_add_column (table, _("% women"), 1.1, TDM_COLUMN_END);
  tdm_document_table_add_column (table, _("% young people"), 1.1, TDM_COLUMN_END);
}

static void
add_count_row (TdmDocument            *doc,
               TdmDocumentTable       *table,
               const TdmRegistryCount *count,
               const char             *missing_name)
{
  char *cells[6] = { NULL, };

  cells[0] = g_strdup (count->name != NULL ? count->name : missing_name);
  fill_counts (doc, count, cells);
  tdm_document_table_add_row (table, (const char * const *) cells);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_free (cells[i]);
}

static void
add_total_row (TdmDocument        *doc,
               TdmDocumentTable   *table,
               TdmRegistrySummary *summary)
{
  TdmRegistryCount total = {
    .name = (char *) _("Total"),
    .cooperatives = summary->cooperatives,
    .members = summary->members,
    .women = summary->women,
    .youth = summary->youth,
  };

  add_count_row (doc, table, &total, NULL);
}

static void
add_region_table (TdmDocument        *doc,
                  TdmRegistrySummary *summary)
{
  TdmDocumentTable *table = tdm_document_table_new ();

  tdm_document_add_heading (doc, 1, _("Cooperatives by region"));
  add_count_columns (table, _("Region"));
  for (guint i = 0; i < summary->by_region->len; i++)
    add_count_row (doc, table, g_ptr_array_index (summary->by_region, i), _("Region not given"));
  add_total_row (doc, table, summary);
  tdm_document_add_table (doc, table);
}

static void
add_province_table (TdmDocument        *doc,
                    TdmRegistrySummary *summary)
{
  TdmDocumentTable *table = tdm_document_table_new ();
  TdmRegistryCount *missing = NULL;

  tdm_document_add_heading (doc, 1, _("Cooperatives by province and prefecture"));
  add_count_columns (table, _("Province or prefecture"));

  /* The provinces come in region order: a group at each new region. */
  for (guint r = 0; r < summary->by_region->len; r++)
    {
      TdmRegistryCount *region = g_ptr_array_index (summary->by_region, r);
      gboolean grouped = FALSE;

      if (region->id == 0)
        continue;
      for (guint i = 0; i < summary->by_province->len; i++)
        {
          TdmRegistryCount *province = g_ptr_array_index (summary->by_province, i);

          if (province->id == 0 || province->region_id != region->id)
            continue;
          if (!grouped)
            {
              tdm_document_table_add_group (table, region->name, NULL);
              grouped = TRUE;
            }
          add_count_row (doc, table, province, NULL);
        }
    }
  for (guint i = 0; i < summary->by_province->len; i++)
    {
      TdmRegistryCount *province = g_ptr_array_index (summary->by_province, i);

      if (province->id == 0)
        missing = province;
    }
  if (missing != NULL)
    {
      tdm_document_table_add_group (table, _("Province not given"), NULL);
      add_count_row (doc, table, missing, _("Province not given"));
    }
  tdm_document_add_table (doc, table);
}

static void
add_sector_table (TdmDocument        *doc,
                  TdmRegistrySummary *summary)
{
  TdmDocumentTable *table = tdm_document_table_new ();

  tdm_document_add_heading (doc, 1, _("Cooperatives by sector"));
  tdm_document_table_add_column (table, _("Sector"), 3, TDM_COLUMN_START);
  tdm_document_table_add_column (table, _("Cooperatives"), 1.3, TDM_COLUMN_END);
  /* xgettext:no-c-format */
  tdm_document_table_add_column (table, _("% of the registry"), 1.2, TDM_COLUMN_END);
  tdm_document_table_add_column (table, _("Members"), 1.3, TDM_COLUMN_END);
  tdm_document_table_add_column (table, _("% women"), 1.1, TDM_COLUMN_END);
  tdm_document_table_add_column (table, _("% young people"), 1.1, TDM_COLUMN_END);

  for (guint i = 0; i < summary->by_sector->len; i++)
    {
      TdmRegistryCount *sector = g_ptr_array_index (summary->by_sector, i);
      char *cells[7] = { NULL, };

      cells[0] = g_strdup (sector->name != NULL ? sector->name : _("Sector not given"));
      cells[1] = format_count (doc, sector->cooperatives);
      cells[2] = format_share (doc, sector->cooperatives, summary->cooperatives, 1);
      cells[3] = format_count (doc, sector->members);
      cells[4] = format_share (doc, sector->women, sector->members, 0);
      cells[5] = format_share (doc, sector->youth, sector->members, 0);
      tdm_document_table_add_row (table, (const char * const *) cells);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        g_free (cells[c]);
    }
  tdm_document_add_table (doc, table);
}

static void
add_definitions (TdmDocument        *doc,
                 TdmRegistrySummary *summary,
                 const char         *data_date)
{
  g_autofree char *count = format_count (doc, summary->cooperatives);
  g_autofree char *source = NULL;

  tdm_document_add_heading (doc, 2, _("Definitions and sources"));
  tdm_document_add_note (doc,
                         _("Members are those each cooperative declared to the registry. "
                           "The shares of women and of young people are their numbers over "
                           "all members, added up over the cooperatives of the region, "
                           "province or sector; “—” means that no member is recorded there."));
  tdm_document_add_note (doc,
                         _("Regions, provinces and prefectures follow the administrative "
                           "division of 2015 (12 regions). A cooperative whose place or sector "
                           "is not recorded is counted under “not given”."));
  /* TRANSLATORS: the first %s is a number of cooperatives, the second a
   * date (22/11/2026) */
  source = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Source: the registry of cooperatives kept in Tadamon, %s cooperative, data as of %s.",
                                         "Source: the registry of cooperatives kept in Tadamon, %s cooperatives, data as of %s.",
                                         (gulong) summary->cooperatives),
                            count, data_date);
  tdm_document_add_note (doc, source);
}

TdmDocument *
tdm_registry_report_new (TdmStore    *store,
                         const char  *language,
                         GError     **error)
{
  g_autoptr(TdmDocument) doc = NULL;
  g_autoptr(TdmRegistrySummary) summary = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *data_date = NULL;
  g_autofree char *footer = NULL;
  TitleBlock *block;
  gpointer token;
  gboolean ok = TRUE;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (language == NULL)
    language = tdm_report_language_default ();

  token = tdm_report_language_push (language);

  summary = tdm_store_get_registry_summary (store, error);
  if (summary == NULL)
    {
      tdm_report_language_pop (token);
      return NULL;
    }

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%d/%m/%Y");
  data_date = summary->last_change != NULL ? tdm_report_format_date (summary->last_change) : NULL;
  if (data_date == NULL)
    data_date = g_strdup (today);

  doc = tdm_document_new (language);
  tdm_document_set_title (doc, _("Registry of cooperatives"));
  tdm_document_set_cover (doc, TRUE);
  /* TRANSLATORS: footer of a report, %s is today's date (22/11/2026) */
  footer = g_strdup_printf (_("Tadamon — printed on %s"), today);
  tdm_document_set_footer (doc, footer);

  block = g_new0 (TitleBlock, 1);
  block->title = g_strdup (_("Registry of cooperatives"));
  block->subtitle = g_strdup (_("Cooperatives and their members by region, province and sector"));
  /* TRANSLATORS: %s is a date (22/11/2026) */
  block->date_line = g_strdup_printf (_("Data as of %s"), data_date);
  tdm_document_add_drawing (doc, title_block_height (), FALSE, draw_title_block, block, title_block_free);
  tdm_document_add_space (doc, 12);

  tdm_document_add_heading (doc, 1, _("Key figures"));
  add_tiles (doc, summary);

  if (summary->cooperatives == 0)
    {
      tdm_document_add_paragraph (doc,
                                  _("The registry holds no cooperative yet: there is nothing to "
                                    "chart or count by region, province or sector. Add "
                                    "cooperatives, or import them from a CSV file, then print "
                                    "this report again."));
    }
  else
    {
      /* The regions' table fits under the key figures, the charts then
       * fill whole pages before the long tables. */
      add_region_table (doc, summary);
      ok = add_charts (doc, store, error);
      if (ok)
        {
          add_province_table (doc, summary);
          add_sector_table (doc, summary);
        }
    }
  if (ok)
    add_definitions (doc, summary, data_date);

  tdm_report_language_pop (token);
  return ok ? g_steal_pointer (&doc) : NULL;
}
