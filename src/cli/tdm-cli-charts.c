/* tdm-cli-charts.c: tadamon-cli chart: the dashboards' charts as PNG, SVG
 * or PDF files, and a bar chart from a CSV file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "tdm-board.h"
#include "tdm-cli.h"
#include "tdm-csv-table.h"

#define DEFAULT_WIDTH 800
#define DEFAULT_HEIGHT 500
#define MAX_SIZE 10000

static gboolean
has_known_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".png") || g_str_has_suffix (lower, ".svg") ||
         g_str_has_suffix (lower, ".pdf");
}

static int
list_charts (void)
{
  guint n;
  const TdmBoardChart *charts = tdm_board_get_charts (&n);

  for (guint i = 0; i < n; i++)
    {
      /* TRANSLATORS: after a chart's description in `chart --list` */
      printf ("%-22s %s%s\n", charts[i].name, _(charts[i].description),
              charts[i].needs_fair ? _(" (--fair ID)") : "");
    }
  return 0;
}

/* A horizontal bar chart of a CSV's first two columns: labels, values.
 * The second column's header names the values. */
static TdmChart *
chart_from_csv (const char  *path,
                GError     **error)
{
  g_autoptr(TdmCsvTable) table = tdm_csv_table_read (path, error);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  TdmChart *chart;

  if (table == NULL)
    return NULL;
  if (g_strv_length (table->headers) < 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the first row must name two columns: the labels and the values"), path);
      return NULL;
    }

  for (guint i = 0; i < table->rows->len; i++)
    {
      char **fields = g_ptr_array_index (table->rows, i);
      char *end = NULL;
      double value;

      if (g_strv_length (fields) < 2 || fields[1][0] == '\0')
        value = NAN;
      else
        {
          value = g_ascii_strtod (fields[1], &end);
          if (end == fields[1] || *end != '\0')
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("%s, line %u: “%s” is not a number"), path,
                           g_array_index (table->lines, guint, i), fields[1]);
              return NULL;
            }
        }
      g_ptr_array_add (labels, fields[0]);
      g_array_append_val (values, value);
    }

  chart = tdm_chart_new (TDM_CHART_BARS);
  tdm_chart_set_orientation (chart, TDM_CHART_HORIZONTAL);
  tdm_chart_set_unit (chart, table->headers[1]);
  /* Every value zero or missing: the chart says there is nothing to show
   * rather than drawing an axis of empty bars. */
  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, double, i) != 0 && !isnan (g_array_index (values, double, i)))
      {
        tdm_chart_set_categories (chart, (const char * const *) labels->pdata, labels->len);
        tdm_chart_add_series (chart, table->headers[1], (double *) (void *) values->data,
                              values->len);
        break;
      }
  return chart;
}

static int
run_chart (TdmCliContext *ctx,
           int            argc,
           char         **argv)
{
  gboolean list = FALSE;
  gint64 fair_id = 0;
  g_autofree char *output = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *title = NULL;
  int width = DEFAULT_WIDTH;
  int height = DEFAULT_HEIGHT;
  GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the charts and what each shows"), NULL },
    { "fair", 0, 0, G_OPTION_ARG_INT64, &fair_id, N_("The fair of a fair chart"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the chart to FILE (.png, .svg or .pdf)"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels or points (800)"), N_("N") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels or points (500)"), N_("N") },
    { "from-csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("Draw bars from a CSV file (labels, values) instead of the database"), N_("CSV") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The title of a --from-csv chart"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmChart) chart = NULL;

  if (!tdm_cli_parse_options (&argc, &argv, NULL, _("NAME -o FILE"),
                              _("Draws a chart of the dashboards into a PNG, SVG or PDF file. "
                                "“chart --list” names them."),
                              entries))
    return 1;

  if (list)
    return argc == 1 ? list_charts ()
                     : tdm_cli_fail (_("Unexpected argument “%s”."), argv[1]);

  if (csv == NULL && argc < 2)
    return tdm_cli_fail (_("Name the chart to draw (“chart --list” names them)."));
  if (argc > (csv == NULL ? 2 : 1))
    return tdm_cli_fail (_("Unexpected argument “%s”."), argv[csv == NULL ? 2 : 1]);
  if (output == NULL)
    return tdm_cli_fail (_("Say where to write the chart with -o FILE.png, FILE.svg or FILE.pdf."));
  if (!has_known_extension (output))
    return tdm_cli_fail (_("Cannot write “%s”: the file name must end in .png, .svg or .pdf."),
                         output);
  if (width < 50 || height < 50 || width > MAX_SIZE || height > MAX_SIZE)
    return tdm_cli_fail (_("The size must be between 50 and %d."), MAX_SIZE);

  if (csv != NULL)
    {
      chart = chart_from_csv (csv, &error);
      if (chart == NULL)
        return tdm_cli_fail ("%s", error->message);
      if (title != NULL)
        tdm_chart_set_title (chart, title);
    }
  else
    {
      const TdmBoardChart *board_chart = tdm_board_find_chart (argv[1]);
      g_autoptr(TdmStatsTable) table = NULL;
      TdmStore *store;

      if (board_chart == NULL)
        return tdm_cli_fail (_("There is no chart named “%s” (“chart --list” names them)."),
                             argv[1]);
      if (board_chart->needs_fair && fair_id <= 0)
        return tdm_cli_fail (_("The chart “%s” is about one fair: give its number with --fair ID."),
                             argv[1]);
      if (!board_chart->needs_fair && fair_id != 0)
        return tdm_cli_fail (_("The chart “%s” is not about one fair: leave out --fair."), argv[1]);

      store = tdm_cli_context_get_store (ctx);
      if (store == NULL)
        return 1;
      table = tdm_board_chart_compute (board_chart, store, fair_id, &error);
      if (table == NULL)
        return tdm_cli_fail ("%s", error->message);
      chart = tdm_board_chart_new (board_chart);
      tdm_board_chart_fill (board_chart, chart, table);
      if (title != NULL)
        tdm_chart_set_title (chart, title);
    }

  if (!tdm_chart_render_to_file (chart, output, width, height, &error))
    return tdm_cli_fail ("%s", error->message);
  return 0;
}

const TdmCliCommand tdm_cli_charts_commands[] = {
  { "chart", run_chart, "chart NAME [--fair ID] -o FILE | --list",
    N_("Draw a dashboard chart into a PNG, SVG or PDF file") },
  { NULL, NULL, NULL, NULL }
};
