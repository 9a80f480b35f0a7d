/* tdm-article.h: what is read out of one press article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Fact kinds, as stored in article_fact.kind. */
#define TDM_FACT_LANGUAGE      "language"
#define TDM_FACT_EVENT_TYPE    "event_type"
#define TDM_FACT_EDITION       "edition"
#define TDM_FACT_REGION        "region"
#define TDM_FACT_PROVINCE      "province"
#define TDM_FACT_CITY          "city"
#define TDM_FACT_VENUE         "venue"
#define TDM_FACT_START_DATE    "start_date"
#define TDM_FACT_END_DATE      "end_date"
#define TDM_FACT_EXHIBITORS    "exhibitors"
#define TDM_FACT_STANDS        "stands"
#define TDM_FACT_COOPERATIVES  "cooperatives"
#define TDM_FACT_ORGANIZATION  "organization"
#define TDM_FACT_PARTNER       "partner"
#define TDM_FACT_SLOGAN        "slogan"

typedef struct {
  char *kind;    /* one of TDM_FACT_* */
  char *value;   /* normalized value: ISO date, number, French place name… */
  int   start;   /* span in the body, in characters; -1 when the fact */
  int   end;     /*   comes from outside the body (title, dateline) */
} TdmArticleFact;

/* The fields are those of the gold files (fixtures/articles/gold.tsv):
 * NULL (or -1 for numbers) where the article does not say. */
typedef struct {
  char       *language;      /* "ar" or "fr" */
  char       *event_type;    /* fair, meeting, study_day, workshop, other */
  int         edition;
  char       *region;        /* HCP French names */
  char       *province;
  char       *city;
  char       *venue;         /* as written */
  char       *start_date;    /* YYYY-MM-DD, --MM-DD or ---DD */
  char       *end_date;
  int         exhibitors;
  int         stands;
  int         cooperatives;
  GPtrArray  *partners;      /* char *, as written, in order of appearance */
  char       *slogan;
  char       *title;
  char       *body;          /* the kept text: paragraphs joined by "\n\n" */
  GPtrArray  *facts;         /* TdmArticleFact *, in body order */
} TdmArticle;

#define TDM_TYPE_ARTICLE (tdm_article_get_type ())

GType           tdm_article_get_type      (void) G_GNUC_CONST;
TdmArticle     *tdm_article_new           (void);
TdmArticle     *tdm_article_copy          (const TdmArticle *article);
void            tdm_article_free          (TdmArticle       *article);
void            tdm_article_add_fact      (TdmArticle       *article,
                                           const char       *kind,
                                           const char       *value,
                                           int               start,
                                           int               end);
/* The partners joined with " | " as in gold.tsv, or NULL when none. */
char           *tdm_article_dup_partners  (const TdmArticle *article);

void            tdm_article_fact_free     (TdmArticleFact   *fact);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmArticle, tdm_article_free)

G_END_DECLS
