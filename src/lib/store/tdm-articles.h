/* tdm-articles.h: press articles and their facts in the store: import,
 * review (accept, reject, correct) and apply to the fair and partners.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-store.h"

G_BEGIN_DECLS

/* One row of the article table, with the event type of its facts. */
typedef struct {
  gint64  id;
  char   *source;
  char   *url;
  char   *file_name;
  char   *language;       /* "ar", "fr" or NULL */
  char   *title;
  char   *published_on;   /* YYYY-MM-DD or NULL */
  char   *imported_at;
  char   *body;           /* only filled by tdm_store_get_article() */
  char   *review_state;   /* new, in_review, done */
  char   *event_type;     /* the value of its event_type fact, or NULL */
  gint64  fair_id;        /* 0 when not applied */
  guint   n_facts;
} TdmStoredArticle;

/* One row of article_fact. */
typedef struct {
  gint64  id;
  gint64  article_id;
  char   *kind;             /* TDM_FACT_* */
  char   *value;            /* as extracted */
  char   *corrected_value;  /* the user's correction, or NULL */
  int     span_start;       /* characters of the body; -1 when none */
  int     span_end;
  char   *status;           /* proposed, accepted, rejected */
  char   *linked_table;     /* after apply: fair, partner, region, province */
  gint64  linked_id;
} TdmStoredFact;

#define TDM_TYPE_STORED_ARTICLE (tdm_stored_article_get_type ())
#define TDM_TYPE_STORED_FACT (tdm_stored_fact_get_type ())

GType             tdm_stored_article_get_type  (void) G_GNUC_CONST;
TdmStoredArticle *tdm_stored_article_copy      (const TdmStoredArticle *article);
void              tdm_stored_article_free      (TdmStoredArticle       *article);
GType             tdm_stored_fact_get_type     (void) G_GNUC_CONST;
TdmStoredFact    *tdm_stored_fact_copy         (const TdmStoredFact    *fact);
void              tdm_stored_fact_free         (TdmStoredFact          *fact);
/* The corrected value when there is one, else the extracted value. */
const char       *tdm_stored_fact_get_value    (const TdmStoredFact    *fact);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmStoredArticle, tdm_stored_article_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmStoredFact, tdm_stored_fact_free)

typedef enum {
  TDM_ARTICLE_IMPORT_NEW,        /* stored, with its proposed facts */
  TDM_ARTICLE_IMPORT_DUPLICATE,  /* the same text is already stored */
} TdmArticleImportResult;

/* Segments and extracts TEXT (UTF-8, as tdm_article_read_*() return it),
 * the partners of the database being known organizations, and stores the
 * article with its facts (status "proposed") in one transaction. The
 * SHA-256 of the normalized text identifies it: text already stored
 * changes nothing and gives TDM_ARTICLE_IMPORT_DUPLICATE with the stored
 * article's id. FILE_NAME, SOURCE, URL and PUBLISHED_ON (YYYY-MM-DD,
 * resolves relative dates) may be NULL. Text in which no article body is
 * found is refused (TDM_ARTICLE_ERROR_NO_TEXT). Returns FALSE on error;
 * else sets *ID and *N_FACTS (either may be NULL). */
gboolean  tdm_store_import_article_text   (TdmStore                *self,
                                           const char              *text,
                                           const char              *file_name,
                                           const char              *source,
                                           const char              *url,
                                           const char              *published_on,
                                           TdmArticleImportResult  *result,
                                           gint64                  *id,
                                           guint                   *n_facts,
                                           GError                 **error);
/* The same for a file (read by tdm_article_read_file(): its messages say
 * why a file is refused) and for bytes in memory (a paste, a drop). */
gboolean  tdm_store_import_article_file   (TdmStore                *self,
                                           GFile                   *file,
                                           const char              *published_on,
                                           TdmArticleImportResult  *result,
                                           gint64                  *id,
                                           guint                   *n_facts,
                                           GCancellable            *cancellable,
                                           GError                 **error);
gboolean  tdm_store_import_article_data   (TdmStore                *self,
                                           const char              *data,
                                           gsize                    length,
                                           const char              *name,
                                           TdmArticleImportResult  *result,
                                           gint64                  *id,
                                           guint                   *n_facts,
                                           GError                 **error);

/* Every article, newest import first (bodies not filled): a GPtrArray of
 * TdmStoredArticle. */
GPtrArray        *tdm_store_list_articles        (TdmStore   *self,
                                                  GError    **error);
TdmStoredArticle *tdm_store_get_article          (TdmStore   *self,
                                                  gint64      id,
                                                  GError    **error);
/* The facts of an article in body order: a GPtrArray of TdmStoredFact. */
GPtrArray        *tdm_store_list_article_facts   (TdmStore   *self,
                                                  gint64      article_id,
                                                  GError    **error);
TdmStoredFact    *tdm_store_get_article_fact     (TdmStore   *self,
                                                  gint64      fact_id,
                                                  GError    **error);

/* Review, each one transaction; the article goes to "in_review". */
gboolean  tdm_store_accept_fact           (TdmStore   *self,
                                           gint64      fact_id,
                                           GError    **error);
gboolean  tdm_store_reject_fact           (TdmStore   *self,
                                           gint64      fact_id,
                                           GError    **error);
/* Sets the corrected value (checked for the fact's kind: dates as
 * YYYY-MM-DD, --MM-DD or ---DD, counts and edition as positive numbers)
 * and accepts the fact. An empty VALUE removes the correction. */
gboolean  tdm_store_correct_fact          (TdmStore   *self,
                                           gint64      fact_id,
                                           const char *value,
                                           GError    **error);

typedef struct {
  gint64  fair_id;
  gboolean fair_created;      /* FALSE: an existing fair was linked */
  guint   partners_created;
  guint   partners_linked;    /* partners that already existed */
  guint   facts_linked;
} TdmArticleApplyReport;

/* Turns the accepted facts of the article into records, in one
 * transaction: creates the fair (or links the existing one with the same
 * edition and region, or the same start date and region) with its title,
 * edition, region and province (from their French names), city, venue,
 * full dates and slogan; finds each accepted organization among the
 * partners by its folded name or creates it with a kind guessed from its
 * lead word; links it to the fair as organizer; links every accepted
 * fact to its record and marks the article "done". Fails
 * (TDM_STORE_ERROR_INVALID) when no fact is accepted. */
gboolean  tdm_store_apply_article         (TdmStore               *self,
                                           gint64                  article_id,
                                           TdmArticleApplyReport  *report,
                                           GError                **error);

/* The partner kind (a code of tdm_partner_kinds()) and country (ISO
 * 3166 alpha-2) guessed from an organization's name: its lead word
 * (وزارة/Ministère → ministry, مجلس جهة/Conseil régional →
 * regional_council ...) and a foreign adjective (الفرنسية, catalane ...). */
const char *tdm_article_guess_partner_kind (const char  *name,
                                            const char **country);

/* Changes the role of PARTNER_ID in FAIR_ID that the review shows (its
 * latest; organizer after apply) to ROLE, one of the roles of
 * fair_partner; its other roles stay. One transaction. */
gboolean  tdm_store_set_fair_partner_role (TdmStore   *self,
                                           gint64      fair_id,
                                           gint64      partner_id,
                                           const char *role,
                                           GError    **error);
/* The latest role given to PARTNER_ID in FAIR_ID, or NULL. Free with
 * g_free(). */
char     *tdm_store_get_fair_partner_role (TdmStore   *self,
                                           gint64      fair_id,
                                           gint64      partner_id);

G_END_DECLS
