/* tdm-cli-report.c: tadamon-cli report fair|registry|cooperative|labels|
 * badges: the window's printed reports as PDF files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "tdm-cli.h"
#include "tdm-fairs.h"
#include "tdm-registry.h"
#include "tdm-report.h"
#include "tdm-report-language.h"

/* The languages reports are written in; --lang takes these words. */
static const char * const report_languages[] = { "ar", "fr" };

static const char *
parse_language (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (report_languages); i++)
    if (g_ascii_strcasecmp (text, report_languages[i]) == 0)
      return report_languages[i];

  tdm_cli_fail (_("“%s” is not a language reports are written in: use --lang ar (Arabic) or --lang fr (French)."),
                text);
  return NULL;
}

/* Parses the fair or cooperative number of KIND; on failure says so and
 * returns 0. */
static gint64
parse_report_id (TdmReportKind  kind,
                 const char    *text)
{
  gint64 id = 0;

  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    return id;

  if (kind == TDM_REPORT_COOPERATIVE)
    tdm_cli_fail (_("“%s” is not a cooperative number: “tadamon-cli search” prints them."), text);
  else
    tdm_cli_fail (_("“%s” is not a fair number: see “tadamon-cli fair list”."), text);
  return 0;
}

/* A name with another extension than .pdf is most likely a mistake
 * (-o plan.png); a name without any is taken as it is. */
static gboolean
check_output (const char *output)
{
  g_autofree char *base = g_path_get_basename (output);
  g_autofree char *folder = g_path_get_dirname (output);
  const char *dot = strrchr (base, '.');

  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      tdm_cli_fail (_("“%s” is a folder: give the name of the PDF file to write, e.g. -o report.pdf."), output);
      return FALSE;
    }
  if (dot != NULL && dot != base && g_ascii_strcasecmp (dot, ".pdf") != 0)
    {
      tdm_cli_fail (_("Reports are saved as PDF: give a file name ending in .pdf instead of “%s”."), output);
      return FALSE;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      tdm_cli_fail (_("Cannot save the report as “%s”: the folder “%s” does not exist."), output, folder);
      return FALSE;
    }
  return TRUE;
}

/* The builders say "not found" in the report's language; the command
 * says it in the user's, before building anything. */
static gboolean
check_exists (TdmStore      *store,
              TdmReportKind  kind,
              gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = NULL;
  char number[24];

  if (kind == TDM_REPORT_COOPERATIVE)
    record = G_OBJECT (tdm_store_get_cooperative (store, id, &error));
  else
    record = G_OBJECT (tdm_store_get_fair (store, id, &error));
  if (record != NULL)
    return TRUE;

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, id);

  if (!g_error_matches (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND))
    tdm_cli_fail ("%s", error->message);
  else if (kind == TDM_REPORT_COOPERATIVE)
    tdm_cli_fail (_("There is no cooperative number %s: “tadamon-cli search” prints them."), number);
  else
    tdm_cli_fail (_("There is no fair number %s: see “tadamon-cli fair list”."), number);
  return FALSE;
}

static const char *
kind_summary (TdmReportKind kind)
{
  switch (kind)
    {
    case TDM_REPORT_FAIR:
      return _("Saves the summary report of a fair as PDF: cover, key figures, charts, exhibitors by pole, partners and press coverage.");
    case TDM_REPORT_REGISTRY:
      return _("Saves the registry report as PDF: cooperatives by region, province and sector, shares of women and young members, with charts.");
    case TDM_REPORT_COOPERATIVE:
      return _("Saves the one-page fact sheet of a cooperative as PDF.");
    case TDM_REPORT_STAND_LABELS:
      return _("Saves the stand labels of a fair’s exhibitors as PDF, several to an A4 sheet.");
    case TDM_REPORT_BADGES:
      return _("Saves the badges of a fair’s exhibitors as PDF, several to an A4 sheet.");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
kind_parameters (TdmReportKind kind)
{
  switch (kind)
    {
    case TDM_REPORT_FAIR:
    case TDM_REPORT_STAND_LABELS:
    case TDM_REPORT_BADGES:
      return _("FAIR_ID");
    case TDM_REPORT_COOPERATIVE:
      return _("COOPERATIVE_ID");
    case TDM_REPORT_REGISTRY:
      return "";
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
run_report_kind (TdmCliContext *ctx,
                 TdmReportKind  kind,
                 int            argc,
                 char         **argv)
{
  g_autofree char *language_arg = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language_arg,
      N_("The report’s language: ar (Arabic) or fr (French); the interface’s when not given"), N_("LANGUAGE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF file to write (a name from the report’s title, in the current folder, when not given)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(TdmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *language;
  TdmStore *store;
  gint64 id = 0;
  guint n_pages;

  if (!tdm_cli_parse_options (&argc, &argv, "report", kind_parameters (kind),
                              kind_summary (kind), entries))
    return 2;

  if (tdm_report_kind_needs_id (kind))
    {
      if (argc < 2)
        return tdm_cli_fail (kind == TDM_REPORT_COOPERATIVE
                             ? _("Give the number of one cooperative: “tadamon-cli search” prints them.")
                             : _("Give the number of one fair: see “tadamon-cli fair list”."));
      if (argc > 2)
        return tdm_cli_fail (_("Unexpected argument “%s”."), argv[2]);
      id = parse_report_id (kind, argv[1]);
      if (id == 0)
        return 1;
    }
  else if (argc > 1)
    return tdm_cli_fail (_("Unexpected argument “%s”."), argv[1]);

  language = language_arg != NULL ? parse_language (language_arg)
                                  : tdm_report_language_default ();
  if (language == NULL)
    return 1;
  if (output != NULL && !check_output (output))
    return 1;

  store = tdm_cli_context_get_existing_store (ctx);
  if (store == NULL)
    return 1;

  if (tdm_report_kind_needs_id (kind) && !check_exists (store, kind, id))
    return 1;

  document = tdm_report_new (store, kind, id, language, &error);
  if (document == NULL)
    return tdm_cli_fail ("%s", error->message);

  if (output == NULL)
    output = tdm_report_suggest_file_name (document);

  if (!tdm_document_write_pdf (document, output, &error))
    return tdm_cli_fail ("%s", error->message);

  n_pages = tdm_document_get_n_pages (document);
  printf (ngettext ("Saved %s (%u page)\n", "Saved %s (%u pages)\n", n_pages),
          output, n_pages);
  return 0;
}

static int
run_report (TdmCliContext *ctx,
            int            argc,
            char         **argv)
{
  TdmReportKind kind;

  if (argc < 2)
    return tdm_cli_fail (_("Say which report to save: report fair, report registry, report cooperative, report labels or report badges."));
  if (!tdm_report_kind_from_string (argv[1], &kind))
    return tdm_cli_fail (_("Unknown command “report %s”: use report fair, report registry, report cooperative, report labels or report badges."),
                         argv[1]);

  return run_report_kind (ctx, kind, argc - 1, argv + 1);
}

/* One entry per form, for the usage; "report" finds the first. */
const TdmCliCommand tdm_cli_report_commands[] = {
  { "report", run_report, "report fair ID [--lang ar|fr] [-o FILE]",
    N_("Save a fair’s summary report as PDF") },
  { "report", run_report, "report registry [--lang ar|fr] [-o FILE]",
    N_("Save the registry report as PDF") },
  { "report", run_report, "report cooperative ID [--lang ar|fr] [-o FILE]",
    N_("Save a cooperative’s fact sheet as PDF") },
  { "report", run_report, "report labels FAIR_ID [--lang ar|fr] [-o FILE]",
    N_("Save the stand labels of a fair as PDF") },
  { "report", run_report, "report badges FAIR_ID [--lang ar|fr] [-o FILE]",
    N_("Save the exhibitors’ badges of a fair as PDF") },
  { NULL, NULL, NULL, NULL }
};
