/* main.c: the entry point of the Tadamon window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tdm-application.h"
#include "tdm-launch-trace.h"
#include "tdm-report-language.h"

/* An uninstalled build has no catalogues under LOCALEDIR: TDM_LOCALEDIR
 * points at them (tests, `meson devenv`); otherwise the installed ones are
 * used, and the build's own only when nothing is installed. */
static const char *
find_localedir (void)
{
  const char *env = g_getenv ("TDM_LOCALEDIR");
  g_autofree char *installed = NULL;

  if (env != NULL && *env != '\0')
    return env;

  installed = g_build_filename (LOCALEDIR, "fr", "LC_MESSAGES",
                                GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (installed, G_FILE_TEST_EXISTS) &&
      g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return BUILD_LOCALEDIR;

  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TdmApplication) app = NULL;
  int status;

  tdm_launch_trace_mark ("main");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, find_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  tdm_report_language_init ();

  app = tdm_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status != 0 ? status : tdm_application_get_exit_status (app);
}
