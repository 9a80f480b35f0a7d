/* tadamon-cli.c: everything the window does, without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tdm-cli.h"
#include "tdm-report-language.h"

static const TdmCliCommand *command_groups[] = {
  tdm_cli_registry_commands,
  tdm_cli_articles_commands,
  tdm_cli_fair_commands,
  tdm_cli_charts_commands,
  tdm_cli_report_commands,
};

TdmStore *
tdm_cli_context_get_store (TdmCliContext *ctx)
{
  g_autoptr(GError) error = NULL;

  if (ctx->store != NULL)
    return ctx->store;

  /* The default location's folder does not exist on a first run. */
  if (!g_str_equal (ctx->database_path, ":memory:"))
    {
      g_autofree char *folder = g_path_get_dirname (ctx->database_path);

      g_mkdir_with_parents (folder, 0700);
    }

  ctx->store = tdm_store_open (ctx->database_path, &error);
  if (ctx->store == NULL)
    {
      tdm_cli_fail ("%s", error->message);
      return NULL;
    }
  return ctx->store;
}

TdmStore *
tdm_cli_context_get_existing_store (TdmCliContext *ctx)
{
  if (!g_str_equal (ctx->database_path, ":memory:")
      && !g_file_test (ctx->database_path, G_FILE_TEST_EXISTS))
    {
      tdm_cli_fail (_("There is no database at “%s”. Create one with “tadamon-cli demo” or open it in Tadamon."),
                    ctx->database_path);
      return NULL;
    }
  return tdm_cli_context_get_store (ctx);
}

int
tdm_cli_fail (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("tadamon-cli: %s\n", message);
  return 1;
}

gboolean
tdm_cli_parse_options (int           *argc,
                       char        ***argv,
                       const char    *group,
                       const char    *parameters,
                       const char    *summary,
                       GOptionEntry  *entries)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = group != NULL ? g_strdup_printf ("tadamon-cli %s %s", group, (*argv)[0])
                                           : g_strdup_printf ("tadamon-cli %s", (*argv)[0]);

  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      tdm_cli_fail ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

void
tdm_cli_json_add_string (JsonBuilder *builder,
                         const char  *key,
                         const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* An uninstalled build has no catalogues under LOCALEDIR: TDM_LOCALEDIR
 * points at them (tests), else the build's own are used when nothing is
 * installed. */
static const char *
find_localedir (void)
{
  const char *env = g_getenv ("TDM_LOCALEDIR");
  g_autofree char *installed = NULL;

  if (env != NULL && *env != '\0')
    return env;

  installed = g_build_filename (LOCALEDIR, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (installed, G_FILE_TEST_EXISTS) &&
      g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return BUILD_LOCALEDIR;

  return LOCALEDIR;
}

static char *
default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tadamon", "tadamon.db", NULL);
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: tadamon-cli [--database PATH] COMMAND [ARGUMENTS…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint g = 0; g < G_N_ELEMENTS (command_groups); g++)
    for (const TdmCliCommand *c = command_groups[g]; c->name != NULL; c++)
      fprintf (stream, "  %-48s %s\n", c->usage, _(c->summary));
}

static const TdmCliCommand *
find_command (const char *name)
{
  for (guint g = 0; g < G_N_ELEMENTS (command_groups); g++)
    for (const TdmCliCommand *c = command_groups[g]; c->name != NULL; c++)
      if (g_str_equal (c->name, name))
        return c;
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  TdmCliContext ctx = { NULL, NULL };
  const TdmCliCommand *command;
  int first = 1;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  tdm_report_language_init ();

  /* Global options come before the command. */
  while (first < argc && argv[first][0] == '-')
    {
      if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          print_usage (stdout);
          return 0;
        }
      else if (g_str_equal (argv[first], "--version"))
        {
          printf ("tadamon-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
      else if (g_str_equal (argv[first], "--database") && first + 1 < argc)
        {
          g_free (ctx.database_path);
          ctx.database_path = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--database="))
        {
          g_free (ctx.database_path);
          ctx.database_path = g_strdup (argv[first] + strlen ("--database="));
          first += 1;
        }
      else
        {
          print_usage (stderr);
          return tdm_cli_fail (_("Unknown option “%s”"), argv[first]);
        }
    }

  if (first >= argc)
    {
      print_usage (stderr);
      return 2;
    }

  command = find_command (argv[first]);
  if (command == NULL)
    {
      print_usage (stderr);
      return tdm_cli_fail (_("Unknown command “%s”"), argv[first]);
    }

  if (ctx.database_path == NULL)
    ctx.database_path = default_database_path ();

  status = command->run (&ctx, argc - first, argv + first);

  g_clear_object (&ctx.store);
  g_free (ctx.database_path);
  return status;
}
