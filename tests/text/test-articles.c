/* test-articles.c: every field of gold.tsv, for the real press articles in
 * the shared fixtures and for the project's own samples.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdm-article-extractor.h"
#include "tdm-article-reader.h"

static const char * const fields[] = {
  "language", "event_type", "edition", "region", "province", "city", "venue", "start_date",
  "end_date", "exhibitors", "stands", "cooperatives", "partners", "slogan", "title",
  "body_starts_with", "body_ends_with",
};

/* Every run of white space (U+00A0 included) as one space, trimmed. */
static char *
fold_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
number_text (int value)
{
  return value < 0 ? g_strdup ("") : g_strdup_printf ("%d", value);
}

/* What the article gives for gold column FIELD, as gold writes it; for
 * the body columns, TRUE/FALSE against EXPECTED. */
static char *
field_value (const TdmArticle *a,
             const char       *field,
             const char       *expected)
{
  if (g_str_equal (field, "language"))
    return g_strdup (a->language);
  if (g_str_equal (field, "event_type"))
    return g_strdup (a->event_type);
  if (g_str_equal (field, "edition"))
    return number_text (a->edition);
  if (g_str_equal (field, "region"))
    return g_strdup (a->region);
  if (g_str_equal (field, "province"))
    return g_strdup (a->province);
  if (g_str_equal (field, "city"))
    return g_strdup (a->city);
  if (g_str_equal (field, "venue"))
    return g_strdup (a->venue);
  if (g_str_equal (field, "start_date"))
    return g_strdup (a->start_date);
  if (g_str_equal (field, "end_date"))
    return g_strdup (a->end_date);
  if (g_str_equal (field, "exhibitors"))
    return number_text (a->exhibitors);
  if (g_str_equal (field, "stands"))
    return number_text (a->stands);
  if (g_str_equal (field, "cooperatives"))
    return number_text (a->cooperatives);
  if (g_str_equal (field, "partners"))
    return tdm_article_dup_partners (a);
  if (g_str_equal (field, "slogan"))
    return g_strdup (a->slogan);
  if (g_str_equal (field, "title"))
    return g_strdup (a->title);
  if (g_str_equal (field, "body_starts_with") || g_str_equal (field, "body_ends_with"))
    {
      g_autofree char *body = fold_space (a->body);
      g_autofree char *want = fold_space (expected);
      gboolean ok = g_str_equal (field, "body_starts_with")
                  ? g_str_has_prefix (body, want) : g_str_has_suffix (body, want);

      /* Show the body's edge when it is wrong. */
      if (ok)
        return g_strdup (expected);
      if (g_str_equal (field, "body_starts_with"))
        return g_utf8_substring (body, 0, MIN (g_utf8_strlen (body, -1), g_utf8_strlen (want, -1) + 10));
      {
        glong len = g_utf8_strlen (body, -1);

        return g_utf8_substring (body, MAX (0, len - g_utf8_strlen (want, -1) - 10), len);
      }
    }
  g_assert_not_reached ();
}

typedef struct {
  const char *dir;
  guint       passed[G_N_ELEMENTS (fields)];
  guint       rows;
  GString    *failures;
} GoldRun;

static void
check_row (GoldRun              *run,
           TdmArticleExtractor  *extractor,
           char                **header,
           char                **cells)
{
  g_autofree char *path = g_build_filename (run->dir, cells[0], NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = tdm_article_read_file (file, NULL, &error);
  g_autoptr(TdmArticle) article = NULL;

  if (text == NULL)
    {
      g_string_append_printf (run->failures, "%s: cannot read: %s\n", cells[0], error->message);
      return;
    }
  article = tdm_article_extractor_extract (extractor, text, NULL);
  run->rows++;

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      const char *expected = NULL;
      g_autofree char *got = NULL;
      g_autofree char *want_folded = NULL;
      g_autofree char *got_folded = NULL;

      for (guint c = 0; header[c] != NULL; c++)
        if (g_str_equal (header[c], fields[f]))
          expected = cells[c] != NULL ? cells[c] : "";
      g_assert_nonnull (expected);

      got = field_value (article, fields[f], expected);
      want_folded = fold_space (expected);
      got_folded = fold_space (got);
      if (g_str_equal (want_folded, got_folded))
        run->passed[f]++;
      else
        g_string_append_printf (run->failures, "%s: %s: expected “%s”, got “%s”\n",
                                cells[0], fields[f], want_folded, got_folded);
    }
}

static void
run_gold (const char *dir)
{
  g_autofree char *gold_path = g_build_filename (dir, "gold.tsv", NULL);
  g_autofree char *gold = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmArticleExtractor) extractor = tdm_article_extractor_new ();
  GoldRun run = { dir, { 0 }, 0, g_string_new (NULL) };
  g_autoptr(GString) summary = g_string_new (NULL);

  g_assert_true (g_file_get_contents (gold_path, &gold, NULL, &error));
  g_assert_no_error (error);

  lines = g_strsplit (gold, "\n", -1);
  header = g_strsplit (lines[0], "\t", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      cells = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, g_strv_length (header));
      check_row (&run, extractor, header, cells);
    }

  g_assert_cmpuint (run.rows, >, 0);
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    g_string_append_printf (summary, " %s %u/%u", fields[f], run.passed[f], run.rows);
  g_test_message ("%s:%s", dir, summary->str);

  if (run.failures->len > 0)
    g_error ("%s", run.failures->str);
  g_string_free (run.failures, TRUE);
}

static void
test_gold_fixtures (void)
{
  const char *shared = g_getenv ("TDM_SHARED_DIR");
  g_autofree char *dir = NULL;

  if (shared != NULL)
    dir = g_build_filename (shared, "fixtures", "articles", NULL);
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("the shared article fixtures are missing (TDM_SHARED_DIR=%s)", shared ? shared : "");
      g_test_skip ("the shared article fixtures are not here (TDM_SHARED_DIR)");
      return;
    }
  run_gold (dir);
}

static void
test_gold_samples (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "articles", NULL);

  run_gold (dir);
}

/* The same article read twice gives the same facts; a publication date
 * completes relative dates. */
static void
test_relative_dates (void)
{
  g_autoptr(TdmArticleExtractor) extractor = tdm_article_extractor_new ();
  const char *text =
    "لقاء حول التعاونيات\n\n"
    "نظمت جمعية الأمل للتنمية يوم الخميس 24 فبراير الجاري بقاعة الاجتماعات بالعمالة لقاء تواصليا "
    "مع التعاونيات النشيطة بالإقليم حول سبل تسويق المنتوجات المحلية.\n";
  g_autoptr(TdmArticle) partial = tdm_article_extractor_extract (extractor, text, NULL);
  g_autoptr(TdmArticle) dated = tdm_article_extractor_extract (extractor, text, "2022-02-20");
  g_autoptr(TdmArticle) next_year = NULL;

  g_assert_cmpstr (partial->start_date, ==, "--02-24");
  g_assert_cmpstr (dated->start_date, ==, "2022-02-24");
  g_assert_cmpstr (dated->end_date, ==, "2022-02-24");

  next_year = tdm_article_extractor_extract (extractor,
    "Salon\n\nLe salon régional de l'économie sociale se tiendra du 28 décembre au 3 janvier prochain "
    "à l'esplanade de la wilaya, avec la participation de 120 coopératives venues de toute la région.\n",
    "2024-12-01");
  g_assert_cmpstr (next_year->start_date, ==, "2024-12-28");
  g_assert_cmpstr (next_year->end_date, ==, "2025-01-03");
  g_assert_cmpint (next_year->cooperatives, ==, 120);
}

static void
test_known_organizations (void)
{
  g_autoptr(TdmArticleExtractor) extractor = tdm_article_extractor_new ();
  const char *text =
    "Salon des produits du terroir\n\n"
    "Le salon des produits du terroir s'est ouvert samedi à Tiznit, organisé par Tifawin Solidaire "
    "en partenariat avec la Fondation Argane Verte, avec plus de 80 exposants venus de la région.\n";
  g_autoptr(TdmArticle) before = tdm_article_extractor_extract (extractor, text, NULL);
  g_autoptr(TdmArticle) after = NULL;
  g_autofree char *partners_before = tdm_article_dup_partners (before);
  g_autofree char *partners_after = NULL;

  g_assert_cmpstr (partners_before, ==, "Tifawin Solidaire | Fondation Argane Verte");

  /* Accepted once, a name without a lead word is found in running text. */
  tdm_article_extractor_add_known_organization (extractor, "Tifawin Solidaire");
  after = tdm_article_extractor_extract (extractor,
    "Bilan\n\nLes coopératives de Tifawin Solidaire ont vendu toute leur production lors du salon, "
    "a indiqué la présidente de la coopérative, satisfaite de cette édition réussie.\n", NULL);
  for (guint i = 0; i < after->facts->len; i++)
    {
      TdmArticleFact *fact = g_ptr_array_index (after->facts, i);

      if (g_str_equal (fact->kind, TDM_FACT_ORGANIZATION) && g_str_equal (fact->value, "Tifawin Solidaire"))
        {
          g_autofree char *span = g_utf8_substring (after->body, fact->start, fact->end);

          g_assert_cmpstr (span, ==, "Tifawin Solidaire");
          partners_after = g_strdup (fact->value);
        }
    }
  g_assert_cmpstr (partners_after, ==, "Tifawin Solidaire");
}

/* An article about something else: nothing is guessed. */
static void
test_unrelated_article (void)
{
  g_autoptr(TdmArticleExtractor) extractor = tdm_article_extractor_new ();
  g_autoptr(TdmArticle) article = tdm_article_extractor_extract (extractor,
    "Météo\n\nDes averses orageuses sont attendues ce week-end sur plusieurs villes du pays, "
    "selon le bulletin publié vendredi par les services de la météorologie nationale.\n", NULL);

  g_assert_cmpstr (article->language, ==, "fr");
  g_assert_null (article->event_type);
  g_assert_cmpint (article->edition, ==, -1);
  g_assert_null (article->region);
  g_assert_null (article->start_date);
  g_assert_cmpuint (article->partners->len, ==, 0);
  g_assert_null (article->slogan);
}

/* Place names that are also common words are not taken for places. */
static void
test_common_words (void)
{
  g_autoptr(TdmArticleExtractor) extractor = tdm_article_extractor_new ();
  g_autoptr(TdmArticle) arabic = tdm_article_extractor_extract (extractor,
    "لقاء حول الاستراتيجية\n\nناقش لقاء تواصلي الاستراتيجية الجديدة لدعم التعاونيات والمقاولات "
    "الاجتماعية الجديدة، وأكد المشاركون أهمية المواكبة والتكوين لفائدة الشباب والنساء.\n", NULL);
  g_autoptr(TdmArticle) french = tdm_article_extractor_extract (extractor,
    "Atelier culinaire\n\nUn atelier sur les produits salés et sucrés a réuni des coopératives "
    "féminines, qui ont présenté des recettes de tata Fatima et des biscuits aux amandes.\n", NULL);
  g_autoptr(TdmArticle) prefixed = tdm_article_extractor_extract (extractor,
    "Salon\n\nنظمت جمعية الأمل بالجديدة لقاء تواصليا مع التعاونيات الفلاحية حول سبل التسويق "
    "والتثمين والولوج إلى الأسواق الوطنية والدولية.\n", NULL);

  g_assert_null (arabic->city);
  g_assert_null (arabic->region);
  g_assert_null (french->city);
  g_assert_null (french->region);
  g_assert_cmpstr (prefixed->region, ==, "Casablanca-Settat");
}

/* Spans point at the text they name. */
static void
test_fact_spans (void)
{
  g_autoptr(TdmArticleExtractor) extractor = tdm_article_extractor_new ();
  g_autoptr(TdmArticle) article = tdm_article_extractor_extract (extractor,
    "معرض جهوي\n\nتحتضن مدينة بني ملال من 3 إلى 9 يونيو 2024 الدورة الخامسة للمعرض الجهوي للاقتصاد "
    "الاجتماعي والتضامني بمشاركة ١٥٠ عارضا وعارضة يمثلون مائة وعشرين تعاونية.\n", NULL);
  glong body_length = g_utf8_strlen (article->body, -1);

  g_assert_cmpstr (article->city, ==, "Béni Mellal");
  g_assert_cmpstr (article->region, ==, "Béni Mellal-Khénifra");
  g_assert_cmpstr (article->start_date, ==, "2024-06-03");
  g_assert_cmpstr (article->end_date, ==, "2024-06-09");
  g_assert_cmpint (article->edition, ==, 5);
  g_assert_cmpint (article->exhibitors, ==, 150);
  g_assert_cmpint (article->cooperatives, ==, 120);

  for (guint i = 0; i < article->facts->len; i++)
    {
      TdmArticleFact *fact = g_ptr_array_index (article->facts, i);

      if (fact->start < 0)
        continue;
      g_assert_cmpint (fact->start, <, fact->end);
      g_assert_cmpint (fact->end, <=, body_length);
      if (g_str_equal (fact->kind, TDM_FACT_CITY))
        {
          g_autofree char *span = g_utf8_substring (article->body, fact->start, fact->end);

          g_assert_cmpstr (span, ==, "بني ملال");
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/articles/gold-fixtures", test_gold_fixtures);
  g_test_add_func ("/text/articles/gold-samples", test_gold_samples);
  g_test_add_func ("/text/articles/relative-dates", test_relative_dates);
  g_test_add_func ("/text/articles/known-organizations", test_known_organizations);
  g_test_add_func ("/text/articles/unrelated", test_unrelated_article);
  g_test_add_func ("/text/articles/spans", test_fact_spans);
  g_test_add_func ("/text/articles/common-words", test_common_words);

  return g_test_run ();
}
