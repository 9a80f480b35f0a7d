/* articles.c: how fast the article pipeline reads press articles.
 *
 * Loads the sample articles (tests/data/articles and, when present, the
 * shared fixtures) into memory once, then runs N articles (the samples
 * repeated) through the reader's in-memory path (decoding, HTML), the
 * segmentation and the extraction, with a dozen known partners, on one
 * thread. Prints articles/s and the peak RSS after 1,000 articles and at
 * the end, to show memory does not grow with the count. Figures only.
 *
 *   ninja -C BUILDDIR bench/articles && BUILDDIR/bench/articles [-n 10000] [DIR...]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>

#include "tdm-article-extractor.h"
#include "tdm-article-reader.h"

typedef struct {
  char  *name;
  char  *data;
  gsize  length;
} Sample;

static void
sample_free (Sample *sample)
{
  g_free (sample->name);
  g_free (sample->data);
  g_free (sample);
}

static double
now_seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* CPU time of this process: on a shared machine, wall time also counts
 * the other programs' turns. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
load_dir (const char *dir,
          GPtrArray  *samples)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      Sample *sample;

      if (!g_str_has_suffix (name, ".txt") && !g_str_has_suffix (name, ".html") &&
          !g_str_has_suffix (name, ".htm"))
        continue;
      sample = g_new0 (Sample, 1);
      if (!g_file_get_contents (path, &sample->data, &sample->length, NULL))
        {
          sample_free (sample);
          continue;
        }
      sample->name = g_strdup (name);
      g_ptr_array_add (samples, sample);
    }
}

int
main (int    argc,
      char **argv)
{
  int n_articles = 10000;
  g_auto(GStrv) dirs = NULL;
  GOptionEntry entries[] = {
    { "articles", 'n', 0, G_OPTION_ARG_INT, &n_articles, "How many articles to extract (10000)", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &dirs, NULL, "DIR…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— article extraction rate");
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify) sample_free);
  g_autoptr(TdmArticleExtractor) extractor = tdm_article_extractor_new ();
  g_autoptr(GError) error = NULL;
  static const char * const partners[] = {
    "مجلس جهة الشرق", "مجلس جهة سوس ماسة", "وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني",
    "مكتب تنمية التعاون", "الوكالة الكطلانية للتعاون والتنمية", "ACCD", "ACPP", "INDH",
    "Office du Développement de la Coopération", "Conseil régional de l’Oriental",
    "Tifawin Solidaire", "جمعية البيئة والإنسان",
  };
  double start, elapsed_first = 0, elapsed;
  double cpu_start, cpu_first = 0, cpu;
  long rss_first = 0;
  gsize bytes = 0;
  guint facts = 0, failures = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (n_articles < 1)
    n_articles = 1;

  if (dirs != NULL)
    for (guint i = 0; dirs[i] != NULL; i++)
      load_dir (dirs[i], samples);
  else
    {
      load_dir (TDM_SOURCE_ROOT "/tests/data/articles", samples);
      load_dir (TDM_SOURCE_ROOT "/../shared/fixtures/articles", samples);
    }
  if (samples->len == 0)
    {
      g_printerr ("No sample articles found.\n");
      return 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    tdm_article_extractor_add_known_organization (extractor, partners[i]);

  printf ("samples: %u files; articles: %d (one thread)\n", samples->len, n_articles);

  start = now_seconds ();
  cpu_start = cpu_seconds ();
  for (int i = 0; i < n_articles; i++)
    {
      Sample *sample = g_ptr_array_index (samples, i % samples->len);
      g_autoptr(GError) read_error = NULL;
      g_autofree char *text = tdm_article_read_data (sample->data, sample->length, sample->name, &read_error);

      bytes += sample->length;
      if (text == NULL)
        failures++;
      else
        {
          g_autoptr(TdmArticle) article = tdm_article_extractor_extract (extractor, text, NULL);

          facts += article->facts->len;
        }

      if (i + 1 == 1000)
        {
          elapsed_first = now_seconds () - start;
          cpu_first = cpu_seconds () - cpu_start;
          rss_first = peak_rss_kib ();
        }
    }
  elapsed = now_seconds () - start;
  cpu = cpu_seconds () - cpu_start;

  if (n_articles >= 1000)
    printf ("after  1,000: %6.0f articles/s (%6.0f per CPU second), peak RSS %6.1f MB\n",
            1000 / elapsed_first, 1000 / cpu_first, rss_first / 1024.0);
  printf ("after %6d: %6.0f articles/s (%6.0f per CPU second), peak RSS %6.1f MB  (goal ≥ 500 articles/s)\n",
          n_articles, n_articles / elapsed, n_articles / cpu, peak_rss_kib () / 1024.0);
  printf ("%.1f MB of text read, %u facts, %u unreadable, %.3f ms per article\n",
          bytes / 1e6, facts, failures, 1000 * elapsed / n_articles);
  return 0;
}
