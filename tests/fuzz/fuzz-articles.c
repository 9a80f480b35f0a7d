/* fuzz-articles.c: libFuzzer target for reading, segmentation and
 * extraction of articles.
 *
 * Build and run (see README.md in this folder):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "tdm-article-extractor.h"
#include "tdm-article-reader.h"
#include "tdm-fold.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static TdmArticleExtractor *extractor;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(TdmArticle) article = NULL;
  glong body_length;

  if (extractor == NULL)
    {
      extractor = tdm_article_extractor_new ();
      tdm_article_extractor_add_known_organization (extractor, "Tifawin Solidaire");
    }

  /* The first byte picks the file kind and whether a publication date is
   * known, so that both readers and both date paths are reached. */
  text = tdm_article_read_data ((const char *) data, size,
                                size > 0 && (data[0] & 1) ? "page.html" : "article.txt", &error);
  if (text == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  folded = tdm_fold (text);
  g_assert_true (g_utf8_validate (folded, -1, NULL));

  article = tdm_article_extractor_extract (extractor, text, size > 0 && (data[0] & 2) ? "2024-02-29" : NULL);
  g_assert_true (g_utf8_validate (article->body, -1, NULL));
  body_length = g_utf8_strlen (article->body, -1);
  for (guint i = 0; i < article->facts->len; i++)
    {
      const TdmArticleFact *fact = g_ptr_array_index (article->facts, i);

      g_assert_true (g_utf8_validate (fact->value, -1, NULL));
      if (fact->start >= 0)
        {
          g_assert_cmpint (fact->start, <=, fact->end);
          g_assert_cmpint (fact->end, <=, body_length);
        }
    }
  return 0;
}
