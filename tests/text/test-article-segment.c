/* test-article-segment.c: title and body of saved web pages; places.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdm-article-segment.h"
#include "tdm-fold.h"
#include "tdm-gazetteer.h"

#define PARA_A "نظمت جمعية الأمل للتنمية بمدينة تارودانت لقاء تواصليا مع التعاونيات النسائية حول سبل تسويق المنتوجات المحلية وتثمينها."
#define PARA_B "وأكد المتدخلون على ضرورة مواكبة التعاونيات في مجالات التكوين والتسويق والتلفيف من أجل ولوج الأسواق الوطنية والدولية."

static void
test_normalize (void)
{
  g_autofree char *text = tdm_article_normalize ("  a\xc2\xa0\xc2\xa0" "b \t\r\nc\xe2\x80\xaf" "d  \n\xff" "e");

  g_assert_cmpstr (text, ==, "a b\nc d\ne");
}

static void
test_furniture_and_ticker (void)
{
  const char *page =
    "الرئيسية » جهات\n"
    "خبر أول عن الطقس    خبر ثان عن الرياضة    خبر ثالث عن الاقتصاد    خبر رابع عن السياسة    خبر خامس\n"
    "لقاء بتارودانت حول تسويق منتوجات التعاونيات\n"
    "تارودانت - محمد العلوي\n"
    PARA_A "\n\n"
    PARA_B "\n"
    "شارك المقال\n"
    "أخبار ذات صلة\n"
    "خبر آخر لا علاقة له بالموضوع ويتحدث عن مباراة في كرة القدم جرت أمس بين فريقين محليين من المدينة.\n";
  g_autoptr(TdmArticleSegments) s = tdm_article_segment (page);

  g_assert_cmpstr (s->title, ==, "لقاء بتارودانت حول تسويق منتوجات التعاونيات");
  g_assert_cmpstr (s->body, ==, PARA_A "\n\n" PARA_B);
  g_assert_cmpuint (g_strv_length (s->header), ==, 1);
  g_assert_cmpstr (s->header[0], ==, "تارودانت - محمد العلوي");
}

static void
test_repeats (void)
{
  /* The page printed the article twice: glued in one block, then in
   * paragraphs; and one paragraph a third time. */
  const char *page =
    "عنوان المقال عن التعاونيات بالجهة\n"
    "مقدمة: " PARA_A " " PARA_B "\n"
    PARA_A "\n"
    PARA_B "\n"
    PARA_A "\n";
  g_autoptr(TdmArticleSegments) s = tdm_article_segment (page);

  g_assert_cmpstr (s->title, ==, "عنوان المقال عن التعاونيات بالجهة");
  g_assert_cmpstr (s->body, ==, PARA_A "\n\n" PARA_B);
}

static void
test_short_lines (void)
{
  /* A heading inside the article is kept when prose follows it; a short
   * sentence that mentions a furniture word is not furniture. */
  const char *page =
    "Les coopératives de Tiznit à l'honneur\n"
    "Le salon des coopératives de Tiznit a ouvert ses portes samedi avec la participation de nombreuses coopératives de la province.\n"
    "Un bilan positif\n"
    "Les organisateurs se disent satisfaits du nombre de visiteurs et du chiffre d'affaires réalisé par les coopératives présentes.\n"
    "Les exposants demandent plus de partager les stands.\n"
    "Partager\n"
    "Lire aussi : un autre article\n";
  g_autoptr(TdmArticleSegments) s = tdm_article_segment (page);

  g_assert_cmpstr (s->title, ==, "Les coopératives de Tiznit à l'honneur");
  g_assert_true (strstr (s->body, "Un bilan positif") != NULL);
  g_assert_true (g_str_has_suffix (s->body, "Les exposants demandent plus de partager les stands."));
}

static void
test_no_article (void)
{
  g_autoptr(TdmArticleSegments) menu = tdm_article_segment ("Accueil\nSport\nÉconomie\n");
  g_autoptr(TdmArticleSegments) empty = tdm_article_segment ("");

  g_assert_cmpstr (menu->body, ==, "");
  g_assert_null (menu->title);
  g_assert_cmpstr (empty->body, ==, "");
}

static guint
place (const char               *text,
       int                       kind,
       const TdmGazetteerPlace **found)
{
  g_autofree char *folded = tdm_fold (text);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);

  return tdm_gazetteer_match ((const char * const *) words, g_strv_length (words), kind, found);
}

static void
test_gazetteer (void)
{
  const TdmGazetteerPlace *p;

  g_assert_cmpuint (place ("أكادير", -1, &p), ==, 1);
  g_assert_cmpstr (p->name_fr, ==, "Agadir");
  g_assert_cmpstr (p->province_fr, ==, "Agadir-Ida-Ou-Tanane");
  g_assert_cmpstr (p->region_fr, ==, "Souss-Massa");
  g_assert_cmpuint (place ("اكادير", -1, &p), ==, 1);
  g_assert_cmpuint (place ("الناظور", -1, &p), ==, 1);
  g_assert_cmpstr (p->province_fr, ==, "Nador");
  g_assert_cmpuint (place ("الدار البيضاء سطات", TDM_GAZETTEER_REGION, &p), ==, 3);
  g_assert_cmpstr (p->name_fr, ==, "Casablanca-Settat");
  g_assert_cmpuint (place ("الدار البيضاء", -1, &p), ==, 2);
  g_assert_cmpint (p->kind, ==, TDM_GAZETTEER_CITY);
  g_assert_cmpuint (place ("Fès", -1, &p), ==, 1);
  g_assert_cmpuint (place ("Fez", -1, &p), ==, 1);
  g_assert_cmpstr (p->name_fr, ==, "Fès");
  g_assert_cmpuint (place ("بركان", TDM_GAZETTEER_PROVINCE, &p), ==, 1);
  g_assert_cmpint (p->kind, ==, TDM_GAZETTEER_PROVINCE);
  g_assert_cmpuint (place ("العاصمة العلمية", -1, &p), ==, 2);
  g_assert_cmpstr (p->name_fr, ==, "Fès");
  g_assert_cmpuint (place ("ميسور", -1, &p), ==, 1);
  g_assert_cmpstr (p->region_fr, ==, "Fès-Meknès");
  g_assert_cmpuint (place ("باريس", -1, &p), ==, 0);
  g_assert_null (p);
  g_assert_nonnull (tdm_gazetteer_region ("Oriental"));
  g_assert_null (tdm_gazetteer_region ("Occitanie"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/segment/normalize", test_normalize);
  g_test_add_func ("/text/segment/furniture-ticker", test_furniture_and_ticker);
  g_test_add_func ("/text/segment/repeats", test_repeats);
  g_test_add_func ("/text/segment/short-lines", test_short_lines);
  g_test_add_func ("/text/segment/no-article", test_no_article);
  g_test_add_func ("/text/gazetteer/match", test_gazetteer);

  return g_test_run ();
}
