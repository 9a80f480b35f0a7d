/* test-articles.c: importing press articles, reviewing their facts and
 * applying them to the fair and partners.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdm-article.h"
#include "tdm-article-reader.h"
#include "tdm-articles.h"
#include "tdm-partner.h"
#include "tdm-registry.h"
#include "tdm-test-util.h"

static char *
query_text (TdmStore   *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (tdm_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static GFile *
sample (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "articles", name, NULL);

  return g_file_new_for_path (path);
}

static gint64
import_sample (TdmStore   *store,
               const char *name,
               guint      *n_facts)
{
  g_autoptr(GFile) file = sample (name);
  g_autoptr(GError) error = NULL;
  TdmArticleImportResult result;
  gint64 id = 0;

  g_assert_true (tdm_store_import_article_file (store, file, NULL, &result, &id, n_facts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, TDM_ARTICLE_IMPORT_NEW);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The first fact of KIND (and VALUE, when not NULL). */
static TdmStoredFact *
find_fact (TdmStore   *store,
           gint64      article_id,
           const char *kind,
           const char *value)
{
  g_autoptr(GPtrArray) facts = tdm_store_list_article_facts (store, article_id, NULL);

  g_assert_nonnull (facts);
  for (guint i = 0; i < facts->len; i++)
    {
      TdmStoredFact *fact = g_ptr_array_index (facts, i);

      if (g_str_equal (fact->kind, kind) && (value == NULL || g_str_equal (fact->value, value)))
        return tdm_stored_fact_copy (fact);
    }
  return NULL;
}

static void
test_import (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(TdmStoredArticle) article = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GError) error = NULL;
  guint n_facts = 0;
  gint64 id;
  glong body_length;
  gboolean found_slogan = FALSE;

  id = import_sample (store, "01-agadir-salon.txt", &n_facts);
  g_assert_cmpuint (n_facts, >, 5);

  article = tdm_store_get_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->language, ==, "ar");
  g_assert_cmpstr (article->title, ==, "أكادير تحتضن الدورة السابعة للمعرض الجهوي للاقتصاد الاجتماعي والتضامني");
  g_assert_cmpstr (article->file_name, ==, "01-agadir-salon.txt");
  g_assert_cmpstr (article->review_state, ==, "new");
  g_assert_cmpstr (article->event_type, ==, "fair");
  g_assert_true (g_str_has_prefix (article->body, "تحتضن ساحة الأمل بأكادير"));
  g_assert_cmpint (tdm_test_query_int (store, "SELECT length(content_hash) FROM article"), ==, 64);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM article WHERE raw_text LIKE '%أخبار عاجلة%'"), ==, 1);

  facts = tdm_store_list_article_facts (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facts->len, ==, n_facts);
  body_length = g_utf8_strlen (article->body, -1);
  for (guint i = 0; i < facts->len; i++)
    {
      TdmStoredFact *fact = g_ptr_array_index (facts, i);

      g_assert_cmpstr (fact->status, ==, "proposed");
      if (fact->span_start < 0)
        continue;
      g_assert_cmpint (fact->span_end, <=, body_length);
      /* The span holds the words the fact was read from. */
      if (g_str_equal (fact->kind, "slogan"))
        {
          g_autofree char *text = g_utf8_substring (article->body, fact->span_start, fact->span_end);

          g_assert_nonnull (strstr (text, "الاقتصاد التضامني رافعة"));
          found_slogan = TRUE;
        }
    }
  g_assert_true (found_slogan);
}

static void
test_reimport (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(GFile) file = sample ("01-agadir-salon.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *spaced = NULL;
  TdmArticleImportResult result;
  gint64 id, again = 0;
  guint n_facts = 0;
  gsize length;

  id = import_sample (store, "01-agadir-salon.txt", NULL);
  g_assert_true (tdm_store_accept_fact (store, tdm_test_query_int (store, "SELECT min(id) FROM article_fact"), &error));

  g_assert_true (tdm_store_import_article_file (store, file, NULL, &result, &again, &n_facts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, TDM_ARTICLE_IMPORT_DUPLICATE);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM article"), ==, 1);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM article_fact"), ==, n_facts);
  /* The review done so far is kept. */
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM article_fact WHERE status = 'accepted'"), ==, 1);

  /* The same text with other spacing is the same article. */
  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
  spaced = g_strdup_printf ("  %s\n\n", contents);
  g_assert_true (tdm_store_import_article_data (store, spaced, strlen (spaced), "copy.txt",
                                                &result, &again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, TDM_ARTICLE_IMPORT_DUPLICATE);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM article"), ==, 1);
}

static void
test_bad_input (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };
  static const char binary[] = "\x01\x02\x03\x00\x04\x05\x06\x07\xff\xfe\x00\x00";
  /* Latin-1: neither UTF-8 nor Arabic in Windows-1256. */
  static const char invalid[] = "Salon r\xe9gional de l'\xe9" "conomie sociale \xe0 F\xe8s : coop\xe9ratives et artisans.";
  static const char no_body[] = "<html><head><title>t</title><script>var a = 1;</script></head><body><nav>x</nav></body></html>";
  struct {
    const char *name;
    const char *data;
    gsize       length;
    int         code;
  } cases[] = {
    { "empty.txt", "", 0, TDM_ARTICLE_ERROR_EMPTY },
    { "blank.txt", " \n\t\n ", 5, TDM_ARTICLE_ERROR_EMPTY },
    { "binary.txt", binary, sizeof binary - 1, TDM_ARTICLE_ERROR_BINARY },
    { "image.txt", (const char *) png, sizeof png, TDM_ARTICLE_ERROR_BINARY },
    { "invalid.txt", invalid, sizeof invalid - 1, TDM_ARTICLE_ERROR_ENCODING },
    { "nobody.html", no_body, sizeof no_body - 1, TDM_ARTICLE_ERROR_NO_TEXT },
  };
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autofree char *huge = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].name);
      g_assert_false (tdm_store_import_article_data (store, cases[i].data, cases[i].length, cases[i].name,
                                                     NULL, NULL, NULL, &error));
      g_assert_error (error, TDM_ARTICLE_ERROR, cases[i].code);
      g_assert_cmpuint (strlen (error->message), >, 10);
    }

  /* Larger than any article: refused before it is read into memory as
   * text. */
  {
    g_autoptr(GError) error = NULL;
    gsize size = TDM_ARTICLE_MAX_SIZE + 1024;

    huge = g_malloc (size);
    memset (huge, 'a', size);
    g_assert_false (tdm_store_import_article_data (store, huge, size, "huge.txt", NULL, NULL, NULL, &error));
    g_assert_error (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_TOO_LARGE);
  }

  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM article"), ==, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM article_fact"), ==, 0);
}

static void
test_not_ess (void)
{
  static const char text[] =
    "Le temps demain\n\n"
    "Des averses sont attendues demain sur le nord du pays, avec des températures en baisse "
    "de quelques degrés et un vent modéré sur les côtes atlantiques.\n\n"
    "Les automobilistes sont invités à la prudence sur les routes de montagne.\n";
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  TdmArticleImportResult result;
  guint n_facts = 99;
  gint64 id = 0;

  /* Stored, with no guesses: nothing about a fair, a place or a partner. */
  g_assert_true (tdm_store_import_article_data (store, text, strlen (text), NULL, &result, &id, &n_facts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM article"), ==, 1);
  g_assert_cmpint (tdm_test_query_int (store,
                              "SELECT count(*) FROM article_fact WHERE kind IN ('event_type', 'region', "
                              "'province', 'city', 'organization', 'partner', 'start_date', 'exhibitors')"),
                   ==, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM article_fact WHERE kind <> 'language'"), ==, 0);
}

static void
test_review (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(TdmStoredFact) exhibitors = NULL;
  g_autoptr(TdmStoredFact) start = NULL;
  g_autoptr(TdmStoredFact) slogan = NULL;
  g_autoptr(TdmStoredFact) after = NULL;
  g_autoptr(TdmStoredArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = import_sample (store, "01-agadir-salon.txt", NULL);
  exhibitors = find_fact (store, id, "exhibitors", NULL);
  start = find_fact (store, id, "start_date", NULL);
  slogan = find_fact (store, id, "slogan", NULL);
  g_assert_nonnull (exhibitors);
  g_assert_nonnull (start);
  g_assert_nonnull (slogan);

  g_assert_true (tdm_store_reject_fact (store, slogan->id, &error));
  g_assert_no_error (error);
  after = tdm_store_get_article_fact (store, slogan->id, &error);
  g_assert_cmpstr (after->status, ==, "rejected");
  g_clear_pointer (&after, tdm_stored_fact_free);

  article = tdm_store_get_article (store, id, &error);
  g_assert_cmpstr (article->review_state, ==, "in_review");

  /* A correction is checked for the kind of the fact. */
  g_assert_false (tdm_store_correct_fact (store, exhibitors->id, "cent", &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tdm_store_correct_fact (store, start->id, "10/11/2023", &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = tdm_store_get_article_fact (store, exhibitors->id, &error);
  g_assert_cmpstr (after->status, ==, "proposed");
  g_assert_null (after->corrected_value);
  g_clear_pointer (&after, tdm_stored_fact_free);

  g_assert_true (tdm_store_correct_fact (store, exhibitors->id, " 185 ", &error));
  g_assert_no_error (error);
  after = tdm_store_get_article_fact (store, exhibitors->id, &error);
  g_assert_cmpstr (after->status, ==, "accepted");
  g_assert_cmpstr (after->value, ==, "180");
  g_assert_cmpstr (after->corrected_value, ==, "185");
  g_assert_cmpstr (tdm_stored_fact_get_value (after), ==, "185");
  g_clear_pointer (&after, tdm_stored_fact_free);

  /* A partial date is a valid correction. */
  g_assert_true (tdm_store_correct_fact (store, start->id, "--11-10", &error));
  g_assert_no_error (error);

  g_assert_true (tdm_store_accept_fact (store, slogan->id, &error));
  after = tdm_store_get_article_fact (store, slogan->id, &error);
  g_assert_cmpstr (after->status, ==, "accepted");

  g_assert_false (tdm_store_accept_fact (store, 999999, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
}

static void
accept_all (TdmStore *store,
            gint64    article_id)
{
  g_autoptr(GPtrArray) facts = tdm_store_list_article_facts (store, article_id, NULL);

  for (guint i = 0; i < facts->len; i++)
    {
      TdmStoredFact *fact = g_ptr_array_index (facts, i);
      g_autoptr(GError) error = NULL;

      /* The extractor's stray "organizations" are what a reviewer rejects. */
      if (g_str_equal (fact->kind, "organization") && g_strcmp0 (fact->value, "مجلس جهة سوس ماسة") != 0)
        g_assert_true (tdm_store_reject_fact (store, fact->id, &error));
      else
        g_assert_true (tdm_store_accept_fact (store, fact->id, &error));
      g_assert_no_error (error);
    }
}

static void
test_apply (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(TdmStoredArticle) article = NULL;
  g_autoptr(TdmStoredFact) start = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *role = NULL;
  TdmArticleApplyReport report = { 0 };
  gint64 id, fair, council;

  id = import_sample (store, "01-agadir-salon.txt", NULL);

  /* Nothing accepted: nothing to apply. */
  g_assert_false (tdm_store_apply_article (store, id, &report, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM fair"), ==, 0);

  accept_all (store, id);
  g_assert_true (tdm_store_apply_article (store, id, &report, &error));
  g_assert_no_error (error);
  g_assert_true (report.fair_created);
  g_assert_cmpuint (report.partners_created, ==, 3);
  g_assert_cmpuint (report.partners_linked, ==, 0);

  fair = report.fair_id;
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM fair"), ==, 1);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT edition FROM fair"), ==, 7);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT region_id FROM fair"), ==,
                   tdm_test_query_int (store, "SELECT id FROM region WHERE name_fr = 'Souss-Massa'"));
  g_assert_cmpint (tdm_test_query_int (store, "SELECT province_id FROM fair"), ==,
                   tdm_test_query_int (store, "SELECT id FROM province WHERE name_fr = 'Agadir-Ida-Ou-Tanane'"));
  text = query_text (store, "SELECT start_date || ' ' || end_date || ' ' || city FROM fair");
  g_assert_cmpstr (text, ==, "2023-11-10 2023-11-19 Agadir");
  g_clear_pointer (&text, g_free);
  text = query_text (store, "SELECT slogan FROM fair");
  g_assert_cmpstr (text, ==, "الاقتصاد التضامني رافعة للتشغيل الذاتي للشباب والنساء");
  g_clear_pointer (&text, g_free);

  /* The partners, with a kind from their lead word, organizers of the fair. */
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM partner"), ==, 3);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM fair_partner WHERE role = 'organizer'"), ==, 3);
  text = query_text (store, "SELECT group_concat(kind, ',') FROM (SELECT kind FROM partner ORDER BY kind)");
  g_assert_cmpstr (text, ==, "ministry,regional_council,wilaya");
  g_clear_pointer (&text, g_free);

  /* Every accepted fact is linked; the article is done. */
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM article_fact WHERE status = 'accepted' "
                                     "AND linked_id IS NULL"), ==, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM article_fact WHERE status = 'rejected' "
                                     "AND linked_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM article_fact WHERE linked_table = 'partner' "
                                     "AND linked_id NOT IN (SELECT id FROM partner)"), ==, 0);
  article = tdm_store_get_article (store, id, &error);
  g_assert_cmpstr (article->review_state, ==, "done");
  g_assert_cmpint (article->fair_id, ==, fair);

  council = tdm_test_query_int (store, "SELECT id FROM partner WHERE kind = 'regional_council'");
  g_assert_true (tdm_store_set_fair_partner_role (store, fair, council, "funder", &error));
  g_assert_no_error (error);
  role = tdm_store_get_fair_partner_role (store, fair, council);
  g_assert_cmpstr (role, ==, "funder");
  g_assert_false (tdm_store_set_fair_partner_role (store, fair, council, "boss", &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_pointer (&role, g_free);
  role = tdm_store_get_fair_partner_role (store, fair, council);
  g_assert_cmpstr (role, ==, "funder");
}

static void
test_apply_links_existing (void)
{
  static const char second[] =
    "اختتام المعرض الجهوي بأكادير\n\n"
    "اختتمت بأكادير فعاليات المعرض الجهوي للاقتصاد الاجتماعي والتضامني الذي نظمه مجلس جهة سوس ماسة، "
    "بمشاركة تعاونيات من مختلف أقاليم الجهة.\n";
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStoredFact) council = NULL;
  TdmArticleApplyReport first = { 0 }, report = { 0 };
  gint64 a, b;

  a = import_sample (store, "01-agadir-salon.txt", NULL);
  accept_all (store, a);
  g_assert_true (tdm_store_apply_article (store, a, &first, &error));
  g_assert_no_error (error);

  g_assert_true (tdm_store_import_article_data (store, second, strlen (second), NULL, NULL, &b, NULL, &error));
  g_assert_no_error (error);
  council = find_fact (store, b, "organization", "مجلس جهة سوس ماسة");
  g_assert_nonnull (council);
  g_assert_true (tdm_store_accept_fact (store, council->id, &error));
  g_assert_true (tdm_store_apply_article (store, b, &report, &error));
  g_assert_no_error (error);

  /* The same organization is the same partner, not a second one. */
  g_assert_cmpuint (report.partners_created, ==, 0);
  g_assert_cmpuint (report.partners_linked, ==, 1);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM partner"), ==, 3);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM partner WHERE name_key = tdm_fold('مجلس جهة سوس ماسة')"), ==, 1);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(DISTINCT linked_id) FROM article_fact WHERE linked_table = 'partner' "
                                     "AND (corrected_value IS NULL AND value = 'مجلس جهة سوس ماسة') AND status = 'accepted'"),
                   ==, 1);
}

static const char teach_a[] =
  "وجدة تحتضن المعرض الجهوي للاقتصاد الاجتماعي والتضامني\n\n"
  "تحتضن مدينة وجدة، من 3 إلى 9 ماي 2024، فعاليات الدورة الثانية للمعرض الجهوي للاقتصاد الاجتماعي "
  "والتضامني، بتنظيم من مجلس جهة الشرق بشراكة مع تيفاوين للتنمية، بمشاركة 60 عارضا.\n\n"
  "وأكد المنظمون أن المعرض يهدف إلى تسويق منتوجات التعاونيات المحلية.\n";

static const char teach_b[] =
  "بركان: لقاء تواصلي مع التعاونيات\n\n"
  "نظمت تيفاوين للتنمية، يوم 12 يونيو 2024 ببركان، لقاء تواصليا مع التعاونيات النسائية حول "
  "تسويق المنتوجات المحلية.\n";

static gboolean
has_fact_containing (TdmStore   *store,
                     gint64      article_id,
                     const char *needle)
{
  g_autoptr(GPtrArray) facts = tdm_store_list_article_facts (store, article_id, NULL);

  for (guint i = 0; i < facts->len; i++)
    {
      TdmStoredFact *fact = g_ptr_array_index (facts, i);

      if ((g_str_equal (fact->kind, "organization") || g_str_equal (fact->kind, "partner")) &&
          strstr (fact->value, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_learning (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(TdmPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  /* Unknown, without a lead word: the extractor does not see it. */
  g_assert_true (tdm_store_import_article_data (store, teach_a, strlen (teach_a), NULL, NULL, &a, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (has_fact_containing (store, a, "تيفاوين"));

  /* Once it is a partner, the next article's mention is found. */
  partner = g_object_new (TDM_TYPE_PARTNER, "name", "تيفاوين للتنمية", "kind", "ngo", "country", "MA", NULL);
  g_assert_true (tdm_store_save_partner (store, partner, &error));
  g_assert_no_error (error);
  g_assert_true (tdm_store_import_article_data (store, teach_b, strlen (teach_b), NULL, NULL, &b, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (has_fact_containing (store, b, "تيفاوين للتنمية"));
}

/* What the user accepts and applies teaches the next import. */
static void
test_apply_teaches (void)
{
  static const char first[] =
    "الناظور: معرض للمنتوجات المحلية\n\n"
    "نظمت جمعية أزغنغان للتنمية المحلية، من 2 إلى 6 أبريل 2024 بالناظور، معرضا للمنتوجات المحلية "
    "بمشاركة 40 تعاونية.\n";
  static const char second[] =
    "الدريوش: لقاء حول تسويق المنتوجات\n\n"
    "احتضنت الدريوش لقاء تواصليا حول تسويق منتوجات التعاونيات، أطرته أزغنغان للتنمية المحلية "
    "بحضور ممثلين عن السلطات المحلية.\n";
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(TdmStoredFact) org = NULL;
  g_autoptr(GError) error = NULL;
  TdmArticleApplyReport report;
  gint64 a, b;

  /* Before anything is accepted, the name alone is not an organization. */
  {
    g_autoptr(TdmStore) fresh = tdm_test_open_memory_store ();
    gint64 id;

    g_assert_true (tdm_store_import_article_data (fresh, second, strlen (second), NULL, NULL, &id, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (has_fact_containing (fresh, id, "أزغنغان للتنمية المحلية"));
  }

  g_assert_true (tdm_store_import_article_data (store, first, strlen (first), NULL, NULL, &a, NULL, &error));
  g_assert_no_error (error);
  org = find_fact (store, a, "organization", "جمعية أزغنغان للتنمية المحلية");
  g_assert_nonnull (org);
  g_assert_true (tdm_store_accept_fact (store, org->id, &error));
  g_assert_true (tdm_store_apply_article (store, a, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.partners_created, ==, 1);

  g_assert_true (tdm_store_import_article_data (store, second, strlen (second), NULL, NULL, &b, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (has_fact_containing (store, b, "أزغنغان للتنمية المحلية"));

  /* Accepted and applied, it is the same partner, not a second one. */
  g_clear_pointer (&org, tdm_stored_fact_free);
  org = find_fact (store, b, "organization", NULL);
  g_assert_nonnull (org);
  g_assert_true (tdm_store_accept_fact (store, org->id, &error));
  g_assert_true (tdm_store_apply_article (store, b, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.partners_created, ==, 0);
  g_assert_cmpuint (report.partners_linked, ==, 1);
  g_assert_cmpint (tdm_test_query_int (store, "SELECT count(*) FROM partner"), ==, 1);
}

static void
test_guess_kind (void)
{
  struct {
    const char *name;
    const char *kind;
    const char *country;
  } cases[] = {
    { "وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني", "ministry", "MA" },
    { "Ministère du Tourisme, de l’Artisanat et de l’Économie sociale", "ministry", "MA" },
    { "مجلس جهة الشرق", "regional_council", "MA" },
    { "Conseil régional de l’Oriental", "regional_council", "MA" },
    { "ولاية جهة سوس ماسة", "wilaya", "MA" },
    { "Wilaya de la région de Souss-Massa", "wilaya", "MA" },
    { "جمعية البيئة والإنسان", "ngo", "MA" },
    { "Association Al Amal", "ngo", "MA" },
    { "الشبكة المغربية للاقتصاد الاجتماعي والتضامني", "network", "MA" },
    { "Réseau marocain de l’économie sociale et solidaire", "network", "MA" },
    { "الوكالة الوطنية لإنعاش المقاولة", "public_agency", "MA" },
    { "الوكالة الكطلانية للتعاون والتنمية", "international_agency", "ES" },
    { "جهة اوكسيتاني الفرنسية", "foreign_region", "FR" },
    { "الوكالة السويسرية للتنمية والتعاون", "international_agency", "CH" },
    { "غرفة الصناعة التقليدية بطنجة", "public_agency", "MA" },
    { "Chambre d'Agriculture de Kénitra", "public_agency", "MA" },
    { "المديرية الجهوية للفلاحة بدرعة تافيلالت", "ministry", "MA" },
    { "Fondation Mohammed V pour la Solidarité", "ngo", "MA" },
    { "Union des Coopératives du Gharb", "network", "MA" },
    { "Conseil provincial de Ouarzazate", "province", "MA" },
    { "المجلس الإقليمي لبركان", "province", "MA" },
    { "Région Marrakech-Safi", "regional_council", "MA" },
    { "تيفاوين للتنمية", "other", "MA" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *country = NULL;

      g_test_message ("%s", cases[i].name);
      g_assert_cmpstr (tdm_article_guess_partner_kind (cases[i].name, &country), ==, cases[i].kind);
      g_assert_cmpstr (country, ==, cases[i].country);
    }
}

static void
count_change (TdmStore   *store,
              const char *table,
              GHashTable *counts)
{
  g_hash_table_insert (counts, g_strdup (table),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, table)) + 1));
}

static guint
count_of (GHashTable *counts,
          const char *table)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, table));
}

static void
test_changed_signals (void)
{
  g_autoptr(TdmStore) store = tdm_test_open_memory_store ();
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  TdmArticleApplyReport report;
  gint64 id;

  g_signal_connect (store, "changed", G_CALLBACK (count_change), counts);

  id = import_sample (store, "01-agadir-salon.txt", NULL);
  g_assert_cmpuint (count_of (counts, "article"), ==, 1);
  g_assert_cmpuint (count_of (counts, "fair"), ==, 0);

  /* A duplicate writes nothing and says nothing changed. */
  {
    g_autoptr(GFile) file = sample ("01-agadir-salon.txt");

    g_assert_true (tdm_store_import_article_file (store, file, NULL, NULL, NULL, NULL, NULL, &error));
    g_assert_cmpuint (count_of (counts, "article"), ==, 1);
  }

  accept_all (store, id);
  g_hash_table_remove_all (counts);
  g_assert_true (tdm_store_apply_article (store, id, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_of (counts, "article"), >=, 1);
  g_assert_cmpuint (count_of (counts, "fair"), >=, 1);
  g_assert_cmpuint (count_of (counts, "partner"), >=, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/articles/import", test_import);
  g_test_add_func ("/articles/reimport", test_reimport);
  g_test_add_func ("/articles/bad-input", test_bad_input);
  g_test_add_func ("/articles/not-ess", test_not_ess);
  g_test_add_func ("/articles/review", test_review);
  g_test_add_func ("/articles/apply", test_apply);
  g_test_add_func ("/articles/apply-links-existing", test_apply_links_existing);
  g_test_add_func ("/articles/learning", test_learning);
  g_test_add_func ("/articles/apply-teaches", test_apply_teaches);
  g_test_add_func ("/articles/guess-kind", test_guess_kind);
  g_test_add_func ("/articles/changed-signals", test_changed_signals);

  return g_test_run ();
}
