/* tdm-cli-import-articles.c: tadamon-cli import articles FILE|DIR...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "tdm-articles.h"
#include "tdm-cli.h"
#include "tdm-validate.h"

static gboolean
is_article_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".htm") ||
         g_str_has_suffix (lower, ".html");
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The article files of DIR (not its subfolders), sorted by name so that
 * two runs print the same lines. */
static gboolean
add_directory (const char  *dir,
               GPtrArray   *paths,
               GError     **error)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  const char *name;

  if (handle == NULL)
    return FALSE;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      char *path = g_build_filename (dir, name, NULL);

      if (is_article_name (name) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (found, path);
      else
        g_free (path);
    }
  g_ptr_array_sort (found, compare_paths);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (paths, g_ptr_array_index (found, i));
  return TRUE;
}

int
tdm_cli_import_articles (TdmCliContext  *ctx,
                         int             argc,
                         char          **argv)
{
  g_autofree char *published = NULL;
  g_auto(GStrv) args = NULL;
  GOptionEntry entries[] = {
    { "published", 0, 0, G_OPTION_ARG_STRING, &published,
      N_("Publication date of the articles, to resolve relative dates"), N_("YYYY-MM-DD") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("FILE|DIR…") },
    { NULL }
  };
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  TdmStore *store;
  int status = 0;

  if (!tdm_cli_parse_options (&argc, &argv, NULL, "articles",
                              _("Stores press articles (.txt, .htm, .html; a folder gives its files) "
                                "with the facts found in them, to review in the window. "
                                "An article already imported is recognized and left as it is."),
                              entries))
    return 1;

  /* args[0] is the word "articles". */
  if (args == NULL || args[0] == NULL || args[1] == NULL)
    return tdm_cli_fail ("%s", _("Give the article files or folders: tadamon-cli import articles FILE|DIR…"));
  if (published != NULL && !tdm_validate_iso_date (published))
    return tdm_cli_fail (_("“%s” is not a date written YYYY-MM-DD."), published);

  for (guint i = 1; args[i] != NULL; i++)
    {
      if (g_file_test (args[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GError) dir_error = NULL;

          if (!add_directory (args[i], paths, &dir_error))
            status = tdm_cli_fail ("%s: %s", args[i], dir_error->message);
        }
      else if (g_file_test (args[i], G_FILE_TEST_EXISTS))
        g_ptr_array_add (paths, g_strdup (args[i]));
      else
        status = tdm_cli_fail (_("There is no file “%s”."), args[i]);
    }

  store = tdm_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GError) import_error = NULL;
      TdmArticleImportResult result;
      guint n_facts = 0;

      if (!tdm_store_import_article_file (store, file, published, &result, NULL, &n_facts,
                                          NULL, &import_error))
        {
          /* One bad file does not stop the others. */
          status = tdm_cli_fail ("%s: %s", path, import_error->message);
          continue;
        }
      if (result == TDM_ARTICLE_IMPORT_DUPLICATE)
        printf (_("%s: already imported\n"), path);
      else
        printf (ngettext ("%s: imported %u fact\n", "%s: imported %u facts\n", n_facts), path, n_facts);
    }

  return status;
}
