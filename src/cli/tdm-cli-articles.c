/* tdm-cli-articles.c: the article commands of tadamon-cli (extract).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tdm-article-extractor.h"
#include "tdm-article-reader.h"
#include "tdm-cli.h"
#include "tdm-validate.h"

/* Words of the body shown in body_starts_with / body_ends_with. */
#define EDGE_WORDS 6

static void
add_number (JsonBuilder *builder,
            const char  *key,
            int          value)
{
  json_builder_set_member_name (builder, key);
  if (value >= 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The first or last EDGE_WORDS words of BODY, or NULL when it is empty. */
static char *
body_edge (const char *body,
           gboolean    start)
{
  g_auto(GStrv) words = g_strsplit_set (body, " \n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);
  if (kept->len == 0)
    return NULL;

  n = MIN (kept->len, EDGE_WORDS);
  if (!start)
    g_ptr_array_remove_range (kept, 0, kept->len - n);
  else
    g_ptr_array_set_size (kept, n);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (" ", (char **) kept->pdata);
}

static JsonNode *
article_to_json (const char       *file,
                 const TdmArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *first_words = body_edge (article->body, TRUE);
  g_autofree char *last_words = body_edge (article->body, FALSE);

  json_builder_begin_object (builder);
  tdm_cli_json_add_string (builder, "file", file);
  tdm_cli_json_add_string (builder, "language", article->language);
  tdm_cli_json_add_string (builder, "event_type", article->event_type);
  add_number (builder, "edition", article->edition);
  tdm_cli_json_add_string (builder, "region", article->region);
  tdm_cli_json_add_string (builder, "province", article->province);
  tdm_cli_json_add_string (builder, "city", article->city);
  tdm_cli_json_add_string (builder, "venue", article->venue);
  tdm_cli_json_add_string (builder, "start_date", article->start_date);
  tdm_cli_json_add_string (builder, "end_date", article->end_date);
  add_number (builder, "exhibitors", article->exhibitors);
  add_number (builder, "stands", article->stands);
  add_number (builder, "cooperatives", article->cooperatives);

  json_builder_set_member_name (builder, "partners");
  json_builder_begin_array (builder);
  for (guint i = 0; i < article->partners->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (article->partners, i));
  json_builder_end_array (builder);

  tdm_cli_json_add_string (builder, "slogan", article->slogan);
  tdm_cli_json_add_string (builder, "title", article->title);
  tdm_cli_json_add_string (builder, "body_starts_with", first_words);
  tdm_cli_json_add_string (builder, "body_ends_with", last_words);
  tdm_cli_json_add_string (builder, "body", article->body);

  json_builder_set_member_name (builder, "facts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < article->facts->len; i++)
    {
      const TdmArticleFact *fact = g_ptr_array_index (article->facts, i);

      json_builder_begin_object (builder);
      tdm_cli_json_add_string (builder, "kind", fact->kind);
      tdm_cli_json_add_string (builder, "value", fact->value);
      /* The span counts characters of "body"; null when the fact comes
       * from the headline or the dateline. */
      json_builder_set_member_name (builder, "span");
      if (fact->start >= 0)
        {
          json_builder_begin_array (builder);
          json_builder_add_int_value (builder, fact->start);
          json_builder_add_int_value (builder, fact->end);
          json_builder_end_array (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_text (const char       *file,
            const TdmArticle *article)
{
  g_autofree char *partners = tdm_article_dup_partners (article);

  printf ("%s\n", file);
  printf ("  %s: %s\n", _("Title"), article->title ? article->title : "—");
  printf ("  %s: %s\n", _("Language"), article->language ? article->language : "—");
  printf ("  %s: %s\n", _("Event"), article->event_type ? article->event_type : "—");
  if (article->edition > 0)
    printf ("  %s: %d\n", _("Edition"), article->edition);
  printf ("  %s: %s / %s / %s\n", _("Place"), article->region ? article->region : "—",
          article->province ? article->province : "—", article->city ? article->city : "—");
  if (article->venue != NULL)
    printf ("  %s: %s\n", _("Venue"), article->venue);
  printf ("  %s: %s – %s\n", _("Dates"), article->start_date ? article->start_date : "?",
          article->end_date ? article->end_date : "?");
  if (article->exhibitors >= 0)
    printf ("  %s: %d\n", _("Exhibitors"), article->exhibitors);
  if (article->stands >= 0)
    printf ("  %s: %d\n", _("Stands"), article->stands);
  if (article->cooperatives >= 0)
    printf ("  %s: %d\n", _("Cooperatives"), article->cooperatives);
  if (partners != NULL)
    printf ("  %s: %s\n", _("Partners"), partners);
  if (article->slogan != NULL)
    printf ("  %s: %s\n", _("Slogan"), article->slogan);
}

static int
run_extract (TdmCliContext  *ctx,
             int             argc,
             char          **argv)
{
  gboolean json = FALSE;
  g_autofree char *published = NULL;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per file"), NULL },
    { "published", 0, 0, G_OPTION_ARG_STRING, &published,
      N_("Publication date of the articles, to resolve relative dates"), N_("YYYY-MM-DD") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(TdmArticleExtractor) extractor = NULL;
  int status = 0;

  if (!tdm_cli_parse_options (&argc, &argv, NULL, NULL,
                              _("Read press articles and print the facts found in them. "
                                "No database is needed."),
                              entries))
    return 1;
  if (files == NULL || files[0] == NULL)
    return tdm_cli_fail ("%s", _("Give at least one article file."));
  if (published != NULL && !tdm_validate_iso_date (published))
    return tdm_cli_fail (_("“%s” is not a date written YYYY-MM-DD."), published);

  extractor = tdm_article_extractor_new ();
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GError) read_error = NULL;
      g_autofree char *text = tdm_article_read_file (file, NULL, &read_error);
      g_autofree char *name = g_path_get_basename (files[i]);
      g_autoptr(TdmArticle) article = NULL;

      if (text == NULL)
        {
          /* One bad file does not stop the others. */
          status = tdm_cli_fail ("%s: %s", files[i], read_error->message);
          continue;
        }
      article = tdm_article_extractor_extract (extractor, text, published);

      if (json)
        {
          g_autoptr(JsonNode) node = article_to_json (name, article);
          g_autofree char *line = json_to_string (node, FALSE);

          printf ("%s\n", line);
        }
      else
        print_text (files[i], article);
    }

  return status;
}

const TdmCliCommand tdm_cli_articles_commands[] = {
  { "extract", run_extract, "extract [--json] [--published DATE] FILE...",
    N_("Print the facts read in press articles (no database needed)") },
  { NULL, NULL, NULL, NULL }
};
