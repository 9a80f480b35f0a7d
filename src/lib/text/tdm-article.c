/* tdm-article.c: what is read out of one press article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdm-article.h"

G_DEFINE_BOXED_TYPE (TdmArticle, tdm_article, tdm_article_copy, tdm_article_free)

void
tdm_article_fact_free (TdmArticleFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->kind);
  g_free (fact->value);
  g_free (fact);
}

TdmArticle *
tdm_article_new (void)
{
  TdmArticle *article = g_new0 (TdmArticle, 1);

  article->edition = -1;
  article->exhibitors = -1;
  article->stands = -1;
  article->cooperatives = -1;
  article->partners = g_ptr_array_new_with_free_func (g_free);
  article->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_article_fact_free);
  article->body = g_strdup ("");
  return article;
}

TdmArticle *
tdm_article_copy (const TdmArticle *article)
{
  TdmArticle *copy = tdm_article_new ();

  copy->language = g_strdup (article->language);
  copy->event_type = g_strdup (article->event_type);
  copy->edition = article->edition;
  copy->region = g_strdup (article->region);
  copy->province = g_strdup (article->province);
  copy->city = g_strdup (article->city);
  copy->venue = g_strdup (article->venue);
  copy->start_date = g_strdup (article->start_date);
  copy->end_date = g_strdup (article->end_date);
  copy->exhibitors = article->exhibitors;
  copy->stands = article->stands;
  copy->cooperatives = article->cooperatives;
  for (guint i = 0; i < article->partners->len; i++)
    g_ptr_array_add (copy->partners, g_strdup (g_ptr_array_index (article->partners, i)));
  copy->slogan = g_strdup (article->slogan);
  copy->title = g_strdup (article->title);
  g_free (copy->body);
  copy->body = g_strdup (article->body);
  for (guint i = 0; i < article->facts->len; i++)
    {
      const TdmArticleFact *f = g_ptr_array_index (article->facts, i);

      tdm_article_add_fact (copy, f->kind, f->value, f->start, f->end);
    }
  return copy;
}

void
tdm_article_free (TdmArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->language);
  g_free (article->event_type);
  g_free (article->region);
  g_free (article->province);
  g_free (article->city);
  g_free (article->venue);
  g_free (article->start_date);
  g_free (article->end_date);
  g_ptr_array_unref (article->partners);
  g_free (article->slogan);
  g_free (article->title);
  g_free (article->body);
  g_ptr_array_unref (article->facts);
  g_free (article);
}

void
tdm_article_add_fact (TdmArticle *article,
                      const char *kind,
                      const char *value,
                      int         start,
                      int         end)
{
  TdmArticleFact *fact = g_new0 (TdmArticleFact, 1);

  fact->kind = g_strdup (kind);
  fact->value = g_strdup (value);
  fact->start = start;
  fact->end = end;
  g_ptr_array_add (article->facts, fact);
}

char *
tdm_article_dup_partners (const TdmArticle *article)
{
  GString *joined;

  if (article->partners->len == 0)
    return NULL;

  joined = g_string_new (NULL);
  for (guint i = 0; i < article->partners->len; i++)
    {
      if (i > 0)
        g_string_append (joined, " | ");
      g_string_append (joined, g_ptr_array_index (article->partners, i));
    }
  return g_string_free (joined, FALSE);
}
