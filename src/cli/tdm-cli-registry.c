/* tdm-cli-registry.c: the registry commands of tadamon-cli (demo, import,
 * export, search, stats).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "tdm-cli.h"
#include "tdm-cooperative-list.h"
#include "tdm-csv.h"
#include "tdm-demo.h"
#include "tdm-fairs.h"
#include "tdm-fold.h"
#include "tdm-partner-list.h"
#include "tdm-registry.h"
#include "tdm-xlsx.h"

#define DEFAULT_DEMO_COOPERATIVES 2000
#define MAX_DEMO_COOPERATIVES 1000000

static gboolean
parse_kind (const char *word,
            TdmCsvKind *kind)
{
  if (g_str_equal (word, "cooperatives"))
    *kind = TDM_CSV_COOPERATIVES;
  else if (g_str_equal (word, "partners"))
    *kind = TDM_CSV_PARTNERS;
  else
    {
      tdm_cli_fail (_("Unknown kind of record “%s”: use “cooperatives” or “partners”."), word);
      return FALSE;
    }
  return TRUE;
}

static guint
count_partners (TdmStore *store)
{
  g_autoptr(TdmPartnerList) partners = tdm_partner_list_new (store);

  return g_list_model_get_n_items (G_LIST_MODEL (partners));
}

/* ---- demo --------------------------------------------------------------- */

static int
run_demo (TdmCliContext  *ctx,
          int             argc,
          char          **argv)
{
  int n_cooperatives = DEFAULT_DEMO_COOPERATIVES;
  int seed = 1;
  GOptionEntry entries[] = {
    { "cooperatives", 'n', 0, G_OPTION_ARG_INT, &n_cooperatives,
      N_("How many cooperatives to create (2000 when not given)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed,
      N_("Another seed gives other data (1 when not given)"), N_("SEED") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  TdmStore *store;
  gint64 existing;
  int created;

  if (!tdm_cli_parse_options (&argc, &argv, NULL, "",
                              _("Fills an empty database with synthetic cooperatives and partners."),
                              entries))
    return 2;
  if (argc > 1)
    return tdm_cli_fail (_("Unexpected argument “%s”."), argv[1]);
  if (n_cooperatives <= 0 || n_cooperatives > MAX_DEMO_COOPERATIVES)
    return tdm_cli_fail (_("The number of cooperatives must be between 1 and %d."), MAX_DEMO_COOPERATIVES);

  store = tdm_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;

  existing = tdm_store_count_cooperatives (store);
  if (existing > 0)
    return tdm_cli_fail (ngettext ("“%s” already holds %d cooperative: demo data goes only into an empty database.",
                                   "“%s” already holds %d cooperatives: demo data goes only into an empty database.",
                                   (unsigned long) existing),
                         ctx->database_path, (int) existing);

  if (!tdm_demo_populate (store, (guint) n_cooperatives, (guint32) seed, &error) ||
      !tdm_demo_populate_fairs (store, (guint32) seed, &error))
    return tdm_cli_fail ("%s", error->message);

  created = (int) tdm_store_count_cooperatives (store);
  printf (ngettext ("Created %d cooperative and %u partners in %s\n",
                    "Created %d cooperatives and %u partners in %s\n",
                    (unsigned long) created),
          created, count_partners (store), ctx->database_path);
  return 0;
}

/* ---- import ------------------------------------------------------------- */

static void
print_progress (double   fraction,
                gpointer user_data)
{
  fprintf (stderr, "\r%3d %%", (int) (fraction * 100));
  if (fraction >= 1.0)
    fputs ("\r      \r", stderr);
  fflush (stderr);
}

static int
run_import (TdmCliContext  *ctx,
            int             argc,
            char          **argv)
{
  gboolean strict = FALSE;
  GOptionEntry entries[] = {
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      N_("Refuse the whole file at the first invalid or duplicate row"), NULL },
    { NULL }
  };
  g_autoptr(TdmCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  TdmStore *store;
  TdmCsvKind kind;

  if (argc >= 2 && g_str_equal (argv[1], "articles"))
    return tdm_cli_import_articles (ctx, argc, argv);
  if (!tdm_cli_parse_options (&argc, &argv, NULL, _("cooperatives|partners FILE"),
                              _("Imports a CSV file (comma or semicolon, UTF-8, headers in French, Arabic or English) in one transaction. Invalid and duplicate rows are listed and skipped."),
                              entries))
    return 2;
  if (argc != 3)
    return tdm_cli_fail (_("Give what to import and the file: tadamon-cli import cooperatives FILE"));
  if (!parse_kind (argv[1], &kind))
    return 2;
  if (!g_file_test (argv[2], G_FILE_TEST_EXISTS))
    return tdm_cli_fail (_("There is no file “%s”."), argv[2]);

  store = tdm_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;

  report = tdm_csv_import (store, kind, argv[2], strict, NULL,
                           isatty (fileno (stderr)) ? print_progress : NULL, NULL,
                           &error);
  if (report == NULL)
    return tdm_cli_fail ("%s", error->message);

  printf (_("Rows read: %u\n"), report->rows_read);
  printf (_("Rows inserted: %u\n"), report->rows_inserted);
  if (report->ignored_columns != NULL && report->ignored_columns[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", report->ignored_columns);

      printf (_("Columns ignored: %s\n"), joined);
    }
  for (guint i = 0; i < report->problems->len; i++)
    {
      TdmCsvProblem *problem = g_ptr_array_index (report->problems, i);

      printf (_("line %u: %s\n"), problem->line, problem->reason);
    }

  return 0;
}

/* ---- export ------------------------------------------------------------- */

/* The format asked for with --format, else the output's extension: a
 * workbook for ".xlsx", CSV otherwise. */
static gboolean
parse_format (const char *format,
              const char *output,
              gboolean   *xlsx)
{
  if (format == NULL)
    {
      g_autofree char *lower = g_ascii_strdown (output, -1);

      *xlsx = g_str_has_suffix (lower, ".xlsx");
      return TRUE;
    }
  if (g_ascii_strcasecmp (format, "csv") == 0)
    *xlsx = FALSE;
  else if (g_ascii_strcasecmp (format, "xlsx") == 0)
    *xlsx = TRUE;
  else
    {
      tdm_cli_fail (_("Unknown format “%s”: use “csv” or “xlsx”."), format);
      return FALSE;
    }
  return TRUE;
}

static int
run_export (TdmCliContext  *ctx,
            int             argc,
            char          **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (an Excel workbook when its name ends in .xlsx)"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("csv or xlsx (when not given: from the file’s name)"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  TdmStore *store;
  TdmCsvKind kind;
  gboolean xlsx;
  gboolean ok;
  int count;

  if (!tdm_cli_parse_options (&argc, &argv, NULL, _("cooperatives|partners -o FILE"),
                              _("Writes every record to a UTF-8 CSV file or an Excel workbook (.xlsx) with a header of English names."),
                              entries))
    return 2;
  if (argc != 2)
    return tdm_cli_fail (_("Give what to export: tadamon-cli export cooperatives -o FILE"));
  if (!parse_kind (argv[1], &kind))
    return 2;
  if (output == NULL)
    return tdm_cli_fail (_("Give the file to write with -o FILE."));
  if (!parse_format (format, output, &xlsx))
    return 2;

  store = tdm_cli_context_get_existing_store (ctx);
  if (store == NULL)
    return 1;

  ok = xlsx ? tdm_xlsx_export (store, kind, output, &error)
            : tdm_csv_export (store, kind, output, &error);
  if (!ok)
    return tdm_cli_fail ("%s", error->message);

  if (kind == TDM_CSV_COOPERATIVES)
    {
      count = (int) tdm_store_count_cooperatives (store);
      printf (ngettext ("Exported %d cooperative to %s\n",
                        "Exported %d cooperatives to %s\n",
                        (unsigned long) count),
              count, output);
    }
  else
    {
      count = (int) count_partners (store);
      printf (ngettext ("Exported %d partner to %s\n",
                        "Exported %d partners to %s\n",
                        (unsigned long) count),
              count, output);
    }
  return 0;
}

/* ---- search ------------------------------------------------------------- */

static int
run_search (TdmCliContext  *ctx,
            int             argc,
            char          **argv)
{
  g_autoptr(TdmCooperativeList) list = NULL;
  g_autofree char *query = NULL;
  TdmStore *store;
  guint n;

  if (!tdm_cli_parse_options (&argc, &argv, NULL, _("QUERY"),
                              _("Prints the cooperatives the registry’s search finds, one per line: id, name and province, separated by tabs. Arabic and French spellings are folded as in the window."),
                              NULL))
    return 2;
  if (argc < 2)
    return tdm_cli_fail (_("Give what to search for: tadamon-cli search QUERY"));

  query = g_strjoinv (" ", argv + 1);
  if (g_strstrip (query)[0] == '\0')
    return tdm_cli_fail (_("Give what to search for: tadamon-cli search QUERY"));

  store = tdm_cli_context_get_existing_store (ctx);
  if (store == NULL)
    return 1;

  /* The window's own model, so that the command finds what the window
   * finds. */
  list = tdm_cooperative_list_new (store);
  tdm_cooperative_list_set_search (list, query);

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmCooperative) coop = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *province = tdm_cooperative_get_province_name (coop);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\n",
              tdm_cooperative_get_id (coop),
              tdm_cooperative_get_display_name (coop),
              province != NULL ? province : "");
    }

  return 0;
}

/* ---- stats -------------------------------------------------------------- */

static int
run_stats (TdmCliContext  *ctx,
           int             argc,
           char          **argv)
{
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean arabic = tdm_locale_is_arabic ();
  TdmStore *store;

  if (!tdm_cli_parse_options (&argc, &argv, NULL, "",
                              _("Prints the number of cooperatives of each region: the region’s name, a tab, the count."),
                              NULL))
    return 2;
  if (argc > 1)
    return tdm_cli_fail (_("Unexpected argument “%s”."), argv[1]);

  store = tdm_cli_context_get_existing_store (ctx);
  if (store == NULL)
    return 1;

  counts = tdm_store_count_by_region (store, &error);
  if (counts == NULL)
    return tdm_cli_fail ("%s", error->message);

  for (guint i = 0; i < counts->len; i++)
    {
      TdmRegionCount *count = g_ptr_array_index (counts, i);

      printf ("%s\t%" G_GINT64_FORMAT "\n",
              arabic ? count->name_ar : count->name_fr, count->cooperatives);
    }

  return 0;
}

const TdmCliCommand tdm_cli_registry_commands[] = {
  { "demo", run_demo, "demo [--cooperatives N]",
    N_("Fill an empty database with demo data") },
  { "import", run_import, "import cooperatives|partners FILE [--strict] | import articles FILE|DIR...",
    N_("Import a CSV file") },
  { "export", run_export, "export cooperatives|partners -o FILE [--format csv|xlsx]",
    N_("Export every record to a CSV file or an Excel workbook") },
  { "search", run_search, "search QUERY",
    N_("Search the registry like the window does") },
  { "stats", run_stats, "stats",
    N_("Count the cooperatives of each region") },
  { NULL, NULL, NULL, NULL }
};
