/* test-fold.c: tdm_fold, the folding shared by stored text and queries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdm-fold.h"

static void
assert_fold (const char *input,
             const char *expected)
{
  g_autofree char *folded = tdm_fold (input);

  g_assert_cmpstr (folded, ==, expected);
}

static void
assert_finds (const char *haystack,
              const char *query)
{
  g_autofree char *h = tdm_fold (haystack);
  g_autofree char *q = tdm_fold (query);

  if (strstr (h, q) == NULL)
    g_error ("“%s” (folded “%s”) should find “%s” (folded “%s”)", query, q, haystack, h);
}

static void
test_fold_case_and_accents (void)
{
  assert_fold ("Coopérative", "cooperative");
  assert_fold ("ÉLÈVE Çà Où Ÿ", "eleve ca ou y");
  assert_fold ("Àâäéèêëîïôöùûüÿç", "aaaeeeeiioouuuyc");
  /* Decomposed input (e + combining acute) folds like precomposed. */
  assert_fold ("Coope\xcc\x81rative", "cooperative");
  assert_fold ("ASCII only 123", "ascii only 123");
}

static void
test_fold_ligatures (void)
{
  assert_fold ("Œuvre", "oeuvre");
  assert_fold ("cœur", "coeur");
  assert_fold ("Ærø", "aero");
  assert_fold ("Straße", "strasse");
  assert_fold ("ﬁlière", "filiere");
}

/* A name typed with a plain apostrophe or dash must match the same name
 * pasted from a word processor, or duplicates slip through. */
static void
test_fold_punctuation (void)
{
  assert_fold ("Région de l’Oriental", "region de l'oriental");
  assert_fold ("l‘Oriental lʼOriental", "l'oriental l'oriental");
  assert_fold ("Fès–Meknès", "fes-meknes");
  assert_fold ("Tanger—Tétouan", "tanger-tetouan");
}

static void
test_fold_arabic_letters (void)
{
  assert_fold ("أ", "ا");
  assert_fold ("إ", "ا");
  assert_fold ("آ", "ا");
  assert_fold ("ٱ", "ا");
  assert_fold ("ؤ", "و");
  assert_fold ("ئ", "ي");
  assert_fold ("ة", "ه");
  assert_fold ("ى", "ي");
  assert_fold ("مؤسسة", "موسسه");
  assert_fold ("مستشفى", "مستشفي");
  assert_fold ("رئيس", "رييس");
}

static void
test_fold_arabic_marks (void)
{
  /* Tatweel. */
  assert_fold ("تعـــاونية", "تعاونيه");
  /* Harakat: fatha, damma, kasra, shadda, sukun, tanwin, superscript alef. */
  assert_fold ("تَعَاوُنِيَّةٌ", "تعاونيه");
  assert_fold ("هٰذا", "هذا");
  assert_fold ("كِتَابًا", "كتابا");
}

static void
test_fold_digits (void)
{
  assert_fold ("٢٠٢٤", "2024");
  assert_fold ("۱۲۳۴۵۶۷۸۹۰", "1234567890");
  assert_fold ("الدورة ١٥", "الدوره 15");
}

static void
test_fold_white_space (void)
{
  assert_fold ("  a \t b\n\nc  ", "a b c");
  assert_fold ("a\xc2\xa0" "b", "a b");            /* NBSP */
  assert_fold ("12\xe2\x80\xaf" "000", "12 000");    /* narrow NBSP */
  assert_fold ("\xc2\xa0 x \xe2\x80\x83", "x");      /* em space trimmed */
  assert_fold ("", "");
  assert_fold ("   ", "");
}

static void
test_fold_invalid_utf8 (void)
{
  assert_fold ("ab\xff" "cd", "abcd");
  assert_fold ("\xc3", "");                          /* truncated sequence */
  assert_fold ("caf\xc3\xa9\xc3", "cafe");
  assert_fold ("\xed\xa0\x80x", "x");                /* surrogate */
  assert_fold ("\xc0\xaf" "a", "a");                 /* overlong */
  {
    g_autofree char *folded = tdm_fold ("\x80\x81\xfe وجدة \xff");

    g_assert_true (g_utf8_validate (folded, -1, NULL));
    g_assert_cmpstr (folded, ==, "وجده");
  }
}

static void
test_fold_invisible (void)
{
  /* Zero-width joiners and bidi marks copied from web pages. */
  assert_fold ("و\xe2\x80\x8cجدة", "وجده");
  assert_fold ("\xe2\x80\x8f" "Agadir\xe2\x80\x8e", "agadir");
  assert_fold ("\xef\xbb\xbf" "BOM", "bom");
}

static void
test_fold_presentation_forms (void)
{
  /* ﻭﺟﺪﺓ in presentation forms, as pasted from a PDF. */
  assert_fold ("\xef\xbb\xad\xef\xba\x9f\xef\xba\xaa\xef\xba\x93", "وجده");
}

static void
test_fold_search_cases (void)
{
  assert_finds ("بوجدة", "وجدة");
  assert_finds ("تعاونية بوجدة", "وجده");
  assert_finds ("Coopérative agricole", "cooperative");
  assert_finds ("COOPÉRATIVE", "coopé");
  assert_finds ("تعاونيه", "تعاونية");
  assert_finds ("تعاونية", "تعاونيه");
  assert_finds ("سنة ٢٠٢٤", "2024");
  assert_finds ("Coopérative\xc2\xa0" "Tifawin", "cooperative tifawin");

  {
    g_autofree char *a = tdm_fold ("أكادير");
    g_autofree char *b = tdm_fold ("اكادير");
    g_autofree char *c = tdm_fold ("إكادير");

    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (a, ==, c);
  }
}

static void
test_fold_null (void)
{
  assert_fold (NULL, "");
}

static void
test_fold_idempotent (void)
{
  const char *samples[] = {
    "Coopérative Œuvre Straße", "أكادير بوجدة تعاونية", "٢٠٢٤ a\xc2\xa0 b",
    "ﬁ ﻭﺟﺪﺓ", "ÆØ ı",
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *once = tdm_fold (samples[i]);
      g_autofree char *twice = tdm_fold (once);

      g_assert_cmpstr (once, ==, twice);
    }
}

static void
test_locale_is_arabic (void)
{
  const char *saved = g_getenv ("LANGUAGE");
  g_autofree char *keep = g_strdup (saved);

  /* g_get_language_names() caches per value of the environment. */
  g_setenv ("LANGUAGE", "ar", TRUE);
  g_assert_true (tdm_locale_is_arabic ());
  g_setenv ("LANGUAGE", "ar_MA:fr", TRUE);
  g_assert_true (tdm_locale_is_arabic ());
  g_setenv ("LANGUAGE", "fr:ar", TRUE);
  g_assert_false (tdm_locale_is_arabic ());
  g_setenv ("LANGUAGE", "arn", TRUE);
  g_assert_false (tdm_locale_is_arabic ());

  if (keep != NULL)
    g_setenv ("LANGUAGE", keep, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold/case-accents", test_fold_case_and_accents);
  g_test_add_func ("/text/fold/ligatures", test_fold_ligatures);
  g_test_add_func ("/text/fold/punctuation", test_fold_punctuation);
  g_test_add_func ("/text/fold/arabic-letters", test_fold_arabic_letters);
  g_test_add_func ("/text/fold/arabic-marks", test_fold_arabic_marks);
  g_test_add_func ("/text/fold/digits", test_fold_digits);
  g_test_add_func ("/text/fold/white-space", test_fold_white_space);
  g_test_add_func ("/text/fold/invalid-utf8", test_fold_invalid_utf8);
  g_test_add_func ("/text/fold/invisible", test_fold_invisible);
  g_test_add_func ("/text/fold/presentation-forms", test_fold_presentation_forms);
  g_test_add_func ("/text/fold/search", test_fold_search_cases);
  g_test_add_func ("/text/fold/null", test_fold_null);
  g_test_add_func ("/text/fold/idempotent", test_fold_idempotent);
  g_test_add_func ("/text/fold/locale-is-arabic", test_locale_is_arabic);

  return g_test_run ();
}
