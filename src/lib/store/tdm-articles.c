/* tdm-articles.c: press articles and their facts in the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tdm-article-extractor.h"
#include "tdm-article-reader.h"
#include "tdm-article-segment.h"
#include "tdm-articles.h"
#include "tdm-fold.h"
#include "tdm-partner.h"
#include "tdm-registry.h"
#include "tdm-store-private.h"
#include "tdm-validate.h"

/* ---- boxed records ------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (TdmStoredArticle, tdm_stored_article,
                     tdm_stored_article_copy, tdm_stored_article_free)
G_DEFINE_BOXED_TYPE (TdmStoredFact, tdm_stored_fact,
                     tdm_stored_fact_copy, tdm_stored_fact_free)

TdmStoredArticle *
tdm_stored_article_copy (const TdmStoredArticle *article)
{
  TdmStoredArticle *copy = g_memdup2 (article, sizeof *article);

  copy->source = g_strdup (article->source);
  copy->url = g_strdup (article->url);
  copy->file_name = g_strdup (article->file_name);
  copy->language = g_strdup (article->language);
  copy->title = g_strdup (article->title);
  copy->published_on = g_strdup (article->published_on);
  copy->imported_at = g_strdup (article->imported_at);
  copy->body = g_strdup (article->body);
  copy->review_state = g_strdup (article->review_state);
  copy->event_type = g_strdup (article->event_type);
  return copy;
}

void
tdm_stored_article_free (TdmStoredArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->source);
  g_free (article->url);
  g_free (article->file_name);
  g_free (article->language);
  g_free (article->title);
  g_free (article->published_on);
  g_free (article->imported_at);
  g_free (article->body);
  g_free (article->review_state);
  g_free (article->event_type);
  g_free (article);
}

TdmStoredFact *
tdm_stored_fact_copy (const TdmStoredFact *fact)
{
  TdmStoredFact *copy = g_memdup2 (fact, sizeof *fact);

  copy->kind = g_strdup (fact->kind);
  copy->value = g_strdup (fact->value);
  copy->corrected_value = g_strdup (fact->corrected_value);
  copy->status = g_strdup (fact->status);
  copy->linked_table = g_strdup (fact->linked_table);
  return copy;
}

void
tdm_stored_fact_free (TdmStoredFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->kind);
  g_free (fact->value);
  g_free (fact->corrected_value);
  g_free (fact->status);
  g_free (fact->linked_table);
  g_free (fact);
}

const char *
tdm_stored_fact_get_value (const TdmStoredFact *fact)
{
  g_return_val_if_fail (fact != NULL, NULL);

  return fact->corrected_value != NULL ? fact->corrected_value : fact->value;
}

/* ---- import ---------------------------------------------------------------- */

/* The SHA-256 of the text with its white space folded and blank lines
 * dropped: the same article saved twice, or pasted with other spacing,
 * has the same hash. */
static char *
content_hash (const char *text)
{
  g_autofree char *normalized = tdm_article_normalize (text);
  g_auto(GStrv) lines = g_strsplit (normalized, "\n", -1);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      {
        g_checksum_update (checksum, (const guchar *) lines[i], -1);
        g_checksum_update (checksum, (const guchar *) "\n", 1);
      }
  return g_strdup (g_checksum_get_string (checksum));
}

/* Articles name an association with or without its lead word ("جمعية
 * البيئة والإنسان", then "البيئة والإنسان"). The name without it, or NULL
 * when NAME does not start with one. Only associations: "مجلس جهة
 * الشرق" without "مجلس" is a region, not the council. */
static char *
association_core (const char *name)
{
  static const char * const leads[] = { "جمعية ", "الجمعية ", "Association ", "association " };

  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    if (g_str_has_prefix (name, leads[i]))
      {
        const char *core = name + strlen (leads[i]);

        /* One word alone ("جمعية الأمل" → "الأمل") is too common. */
        return strchr (core, ' ') != NULL ? g_strdup (core) : NULL;
      }
  return NULL;
}

/* An extractor that knows every partner of the database: what the user
 * accepted in earlier articles is recognized in the next ones. */
static TdmArticleExtractor *
extractor_with_partners (TdmStore  *self,
                         GError   **error)
{
  g_autoptr(TdmArticleExtractor) extractor = tdm_article_extractor_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = tdm_store_prepare (self, "SELECT name, acronym FROM partner", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *acronym = (const char *) sqlite3_column_text (stmt, 1);

      g_autofree char *core = association_core (name);

      tdm_article_extractor_add_known_organization (extractor, name);
      if (core != NULL)
        tdm_article_extractor_add_known_organization (extractor, core);
      /* One letter or two would be found inside ordinary words. */
      if (acronym != NULL && g_utf8_strlen (acronym, -1) >= 3)
        tdm_article_extractor_add_known_organization (extractor, acronym);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (self, error, rc, _("reading the partners"));
      return NULL;
    }
  return g_steal_pointer (&extractor);
}

static const char *
known_language (const char *language)
{
  if (g_strcmp0 (language, "ar") == 0 || g_strcmp0 (language, "fr") == 0 ||
      g_strcmp0 (language, "en") == 0)
    return language;
  return NULL;
}

gboolean
tdm_store_import_article_text (TdmStore                *self,
                               const char              *text,
                               const char              *file_name,
                               const char              *source,
                               const char              *url,
                               const char              *published_on,
                               TdmArticleImportResult  *result,
                               gint64                  *id,
                               guint                   *n_facts,
                               GError                 **error)
{
  g_autoptr(TdmArticleExtractor) extractor = NULL;
  g_autoptr(TdmArticle) article = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;
  gint64 article_id;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (published_on != NULL && !tdm_validate_iso_date (published_on))
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                   _("“%s” is not a date written YYYY-MM-DD."), published_on);
      return FALSE;
    }

  hash = content_hash (text);

  if (!tdm_store_begin (self, error))
    return FALSE;

  stmt = tdm_store_prepare (self,
                            "SELECT a.id, (SELECT count(*) FROM article_fact f WHERE f.article_id = a.id) "
                            "FROM article a WHERE a.content_hash = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (id != NULL)
        *id = sqlite3_column_int64 (stmt, 0);
      if (n_facts != NULL)
        *n_facts = (guint) sqlite3_column_int (stmt, 1);
      if (result != NULL)
        *result = TDM_ARTICLE_IMPORT_DUPLICATE;
      sqlite3_reset (stmt);
      /* Nothing was written: the commit is a no-op. */
      return tdm_store_commit (self, error);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (self, error, rc, _("importing the article"));
      goto fail;
    }

  extractor = extractor_with_partners (self, error);
  if (extractor == NULL)
    goto fail;
  article = tdm_article_extractor_extract (extractor, text, published_on);
  if (article->body == NULL || article->body[0] == '\0')
    {
      g_set_error_literal (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_NO_TEXT,
                           _("No article text was found: the page holds only menus, links and headlines."));
      goto fail;
    }

  stmt = tdm_store_prepare (self,
                            "INSERT INTO article (source, url, file_name, language, title, published_on, "
                            "raw_text, body, content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            error);
  if (stmt == NULL)
    goto fail;
  tdm_store_bind_text (stmt, 1, source);
  tdm_store_bind_text (stmt, 2, url);
  tdm_store_bind_text (stmt, 3, file_name);
  tdm_store_bind_text (stmt, 4, known_language (article->language));
  tdm_store_bind_text (stmt, 5, article->title);
  tdm_store_bind_text (stmt, 6, published_on);
  sqlite3_bind_text (stmt, 7, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, article->body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, hash, -1, SQLITE_STATIC);
  if (!tdm_store_step_done (self, stmt, _("importing the article"), error))
    goto fail;
  article_id = sqlite3_last_insert_rowid (tdm_store_get_db (self));

  stmt = tdm_store_prepare (self,
                            "INSERT INTO article_fact (article_id, kind, value, span_start, span_end) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)",
                            error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < article->facts->len; i++)
    {
      const TdmArticleFact *fact = g_ptr_array_index (article->facts, i);

      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_text (stmt, 2, fact->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, fact->value, -1, SQLITE_STATIC);
      if (fact->start >= 0 && fact->end >= fact->start)
        {
          sqlite3_bind_int (stmt, 4, fact->start);
          sqlite3_bind_int (stmt, 5, fact->end);
        }
      else
        {
          sqlite3_bind_null (stmt, 4);
          sqlite3_bind_null (stmt, 5);
        }
      if (!tdm_store_step_done (self, stmt, _("importing the article"), error))
        goto fail;
    }

  tdm_store_notify_changed (self, "article");
  if (!tdm_store_commit (self, error))
    return FALSE;

  if (result != NULL)
    *result = TDM_ARTICLE_IMPORT_NEW;
  if (id != NULL)
    *id = article_id;
  if (n_facts != NULL)
    *n_facts = article->facts->len;
  return TRUE;

fail:
  tdm_store_rollback (self);
  return FALSE;
}

gboolean
tdm_store_import_article_file (TdmStore                *self,
                               GFile                   *file,
                               const char              *published_on,
                               TdmArticleImportResult  *result,
                               gint64                  *id,
                               guint                   *n_facts,
                               GCancellable            *cancellable,
                               GError                 **error)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = tdm_article_read_file (file, cancellable, error);
  if (text == NULL)
    return FALSE;
  name = g_file_get_basename (file);

  return tdm_store_import_article_text (self, text, name, NULL, NULL, published_on,
                                        result, id, n_facts, error);
}

gboolean
tdm_store_import_article_data (TdmStore                *self,
                               const char              *data,
                               gsize                    length,
                               const char              *name,
                               TdmArticleImportResult  *result,
                               gint64                  *id,
                               guint                   *n_facts,
                               GError                 **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  text = tdm_article_read_data (data != NULL ? data : "", length, name, error);
  if (text == NULL)
    return FALSE;

  return tdm_store_import_article_text (self, text, name, NULL, NULL, NULL,
                                        result, id, n_facts, error);
}

/* ---- reading ----------------------------------------------------------------- */

#define ARTICLE_COLUMNS \
  TDM_STORE_ARTICLE_COLUMNS ", " \
  "(SELECT coalesce(f.corrected_value, f.value) FROM article_fact f " \
  " WHERE f.article_id = a.id AND f.kind = 'event_type' AND f.status <> 'rejected' ORDER BY f.id LIMIT 1), " \
  "(SELECT count(*) FROM article_fact f WHERE f.article_id = a.id)"

TdmStoredArticle *
tdm_store_article_from_row (sqlite3_stmt *stmt)
{
  TdmStoredArticle *article = g_new0 (TdmStoredArticle, 1);

  article->id = sqlite3_column_int64 (stmt, 0);
  article->source = tdm_store_column_dup (stmt, 1);
  article->url = tdm_store_column_dup (stmt, 2);
  article->file_name = tdm_store_column_dup (stmt, 3);
  article->language = tdm_store_column_dup (stmt, 4);
  article->title = tdm_store_column_dup (stmt, 5);
  article->published_on = tdm_store_column_dup (stmt, 6);
  article->imported_at = tdm_store_column_dup (stmt, 7);
  article->review_state = tdm_store_column_dup (stmt, 8);
  article->fair_id = sqlite3_column_int64 (stmt, 9);
  return article;
}

/* An article of the list: ARTICLE_COLUMNS, with its event type and
 * fact count. */
static TdmStoredArticle *
article_from_row (sqlite3_stmt *stmt)
{
  TdmStoredArticle *article = tdm_store_article_from_row (stmt);

  article->event_type = tdm_store_column_dup (stmt, 10);
  article->n_facts = (guint) sqlite3_column_int (stmt, 11);
  return article;
}

GPtrArray *
tdm_store_list_articles (TdmStore  *self,
                         GError   **error)
{
  g_autoptr(GPtrArray) articles = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  stmt = tdm_store_prepare (self, "SELECT " ARTICLE_COLUMNS " FROM article a ORDER BY a.id DESC", error);
  if (stmt == NULL)
    return NULL;
  articles = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_stored_article_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (articles, article_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (self, error, rc, _("reading the articles"));
      return NULL;
    }
  return g_steal_pointer (&articles);
}

TdmStoredArticle *
tdm_store_get_article (TdmStore  *self,
                       gint64     id,
                       GError   **error)
{
  TdmStoredArticle *article = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  stmt = tdm_store_prepare (self, "SELECT " ARTICLE_COLUMNS ", a.body FROM article a WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      article = article_from_row (stmt);
      article->body = tdm_store_column_dup (stmt, 12);
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                         _("This article no longer exists."));
  else
    tdm_store_set_error (self, error, rc, _("reading the article"));
  sqlite3_reset (stmt);
  return article;
}

#define FACT_COLUMNS \
  "id, article_id, kind, value, corrected_value, coalesce(span_start, -1), coalesce(span_end, -1), " \
  "status, linked_table, coalesce(linked_id, 0)"

static TdmStoredFact *
fact_from_row (sqlite3_stmt *stmt)
{
  TdmStoredFact *fact = g_new0 (TdmStoredFact, 1);

  fact->id = sqlite3_column_int64 (stmt, 0);
  fact->article_id = sqlite3_column_int64 (stmt, 1);
  fact->kind = tdm_store_column_dup (stmt, 2);
  fact->value = tdm_store_column_dup (stmt, 3);
  fact->corrected_value = tdm_store_column_dup (stmt, 4);
  fact->span_start = sqlite3_column_int (stmt, 5);
  fact->span_end = sqlite3_column_int (stmt, 6);
  fact->status = tdm_store_column_dup (stmt, 7);
  fact->linked_table = tdm_store_column_dup (stmt, 8);
  fact->linked_id = sqlite3_column_int64 (stmt, 9);
  return fact;
}

GPtrArray *
tdm_store_list_article_facts (TdmStore  *self,
                              gint64     article_id,
                              GError   **error)
{
  g_autoptr(GPtrArray) facts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  /* In the extractor's order (the ids): body order. */
  stmt = tdm_store_prepare (self,
                            "SELECT " FACT_COLUMNS " FROM article_fact WHERE article_id = ?1 ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  facts = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_stored_fact_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (facts, fact_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (self, error, rc, _("reading the facts of the article"));
      return NULL;
    }
  return g_steal_pointer (&facts);
}

TdmStoredFact *
tdm_store_get_article_fact (TdmStore  *self,
                            gint64     fact_id,
                            GError   **error)
{
  TdmStoredFact *fact = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  stmt = tdm_store_prepare (self, "SELECT " FACT_COLUMNS " FROM article_fact WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fact_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    fact = fact_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                         _("This fact no longer exists."));
  else
    tdm_store_set_error (self, error, rc, _("reading the fact"));
  sqlite3_reset (stmt);
  return fact;
}

/* ---- review ------------------------------------------------------------------- */

static gboolean
is_count_kind (const char *kind)
{
  return g_strcmp0 (kind, TDM_FACT_EDITION) == 0 ||
         g_strcmp0 (kind, TDM_FACT_EXHIBITORS) == 0 ||
         g_strcmp0 (kind, TDM_FACT_STANDS) == 0 ||
         g_strcmp0 (kind, TDM_FACT_COOPERATIVES) == 0;
}

static gboolean
is_date_kind (const char *kind)
{
  return g_strcmp0 (kind, TDM_FACT_START_DATE) == 0 ||
         g_strcmp0 (kind, TDM_FACT_END_DATE) == 0;
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  if (strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* The forms of gold.tsv: a full date, or --MM-DD / ---DD when the year
 * or the month is not said. */
static gboolean
is_partial_or_full_date (const char *value)
{
  if (tdm_validate_iso_date (value))
    return TRUE;
  if (g_str_has_prefix (value, "---"))
    return all_digits (value + 3, 2) && atoi (value + 3) >= 1 && atoi (value + 3) <= 31;
  if (g_str_has_prefix (value, "--") && strlen (value) == 7 && value[4] == '-')
    {
      int month = atoi (value + 2), day = atoi (value + 5);

      return g_ascii_isdigit (value[2]) && g_ascii_isdigit (value[3]) &&
             all_digits (value + 5, 2) && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }
  return FALSE;
}

static gboolean
check_value (const char  *kind,
             const char  *value,
             GError     **error)
{
  if (is_count_kind (kind))
    {
      gsize length = strlen (value);
      gint64 number;

      if (length == 0 || length > 6 || !all_digits (value, length) ||
          (number = g_ascii_strtoll (value, NULL, 10)) <= 0)
        {
          g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                               _("Write a whole number greater than zero, in Western digits (12)."));
          return FALSE;
        }
    }
  else if (is_date_kind (kind) && !is_partial_or_full_date (value))
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                           _("Write the date as YYYY-MM-DD, or --MM-DD when the year is not known."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
update_fact (TdmStore    *self,
             gint64       fact_id,
             const char  *status,
             gboolean     set_correction,
             const char  *correction,
             GError     **error)
{
  sqlite3_stmt *stmt;

  if (!tdm_store_begin (self, error))
    return FALSE;

  stmt = tdm_store_prepare (self,
                            set_correction
                            ? "UPDATE article_fact SET status = ?2, corrected_value = ?3 WHERE id = ?1"
                            : "UPDATE article_fact SET status = ?2 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, fact_id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  if (set_correction)
    tdm_store_bind_text (stmt, 3, correction);
  if (!tdm_store_step_done (self, stmt, _("saving the fact"), error))
    goto fail;
  if (sqlite3_changes (tdm_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND,
                           _("This fact no longer exists."));
      goto fail;
    }

  stmt = tdm_store_prepare (self,
                            "UPDATE article SET review_state = 'in_review' WHERE review_state = 'new' "
                            "AND id = (SELECT article_id FROM article_fact WHERE id = ?1)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, fact_id);
  if (!tdm_store_step_done (self, stmt, _("saving the fact"), error))
    goto fail;

  tdm_store_notify_changed (self, "article_fact");
  tdm_store_notify_changed (self, "article");
  return tdm_store_commit (self, error);

fail:
  tdm_store_rollback (self);
  return FALSE;
}

gboolean
tdm_store_accept_fact (TdmStore  *self,
                       gint64     fact_id,
                       GError   **error)
{
  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  return update_fact (self, fact_id, "accepted", FALSE, NULL, error);
}

gboolean
tdm_store_reject_fact (TdmStore  *self,
                       gint64     fact_id,
                       GError   **error)
{
  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  return update_fact (self, fact_id, "rejected", FALSE, NULL, error);
}

gboolean
tdm_store_correct_fact (TdmStore    *self,
                        gint64       fact_id,
                        const char  *value,
                        GError     **error)
{
  g_autoptr(TdmStoredFact) fact = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);

  fact = tdm_store_get_article_fact (self, fact_id, error);
  if (fact == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));
  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                           _("The value is not valid text."));
      return FALSE;
    }
  if (trimmed[0] != '\0' && !check_value (fact->kind, trimmed, error))
    return FALSE;
  /* Correcting to what was extracted is no correction. */
  if (g_strcmp0 (trimmed, fact->value) == 0)
    g_clear_pointer (&trimmed, g_free);

  return update_fact (self, fact_id, "accepted", TRUE, trimmed, error);
}

/* ---- partners: kind from the name ------------------------------------------------ */

typedef struct {
  const char *word;     /* folded (tdm_fold), matched as a word */
  const char *country;
} ForeignWord;

static const ForeignWord foreign_words[] = {
  { "الفرنسيه", "FR" }, { "francaise", "FR" }, { "france", "FR" },
  { "السويسريه", "CH" }, { "suisse", "CH" },
  { "الكطلانيه", "ES" }, { "الكتالونيه", "ES" }, { "catalane", "ES" },
  { "catalana", "ES" }, { "الاسبانيه", "ES" }, { "espagnole", "ES" },
  { "البلجيكيه", "BE" }, { "belge", "BE" }, { "enabel", "BE" },
  { "الالمانيه", "DE" }, { "allemande", "DE" }, { "giz", "DE" },
  { "الايطاليه", "IT" }, { "italienne", "IT" },
  { "الاوروبي", NULL }, { "الاوروبيه", NULL }, { "الاوربي", NULL }, { "europeenne", NULL },
  { "الامريكيه", "US" }, { "usaid", "US" },
  { "اليابانيه", "JP" }, { "jica", "JP" },
  { "الدوليه", NULL }, { "internationale", NULL }, { "international", NULL },
  { "الامم", NULL }, { "nations", NULL },
};

typedef struct {
  const char *lead;     /* folded words the name starts with */
  const char *kind;
} LeadWord;

/* Longer leads first: "مجلس جهه" before "مجلس". */
static const LeadWord lead_words[] = {
  { "مجلس جهه", "regional_council" },
  { "مجلس الجهه", "regional_council" },
  { "conseil regional", "regional_council" },
  { "conseil de la region", "regional_council" },
  { "region", "regional_council" },
  { "المجلس الاقليمي", "province" },
  { "مجلس عماله", "province" },
  { "conseil provincial", "province" },
  { "conseil prefectoral", "province" },
  { "وزاره", "ministry" },
  { "ministere", "ministry" },
  { "المديريه", "ministry" },
  { "مديريه", "ministry" },
  { "direction", "ministry" },
  { "ولايه", "wilaya" },
  { "wilaya", "wilaya" },
  { "عماله", "province" },
  { "prefecture", "province" },
  { "province", "province" },
  { "جمعيه", "ngo" },
  { "association", "ngo" },
  { "الجمعيه", "ngo" },
  { "الشبكه", "network" },
  { "شبكه", "network" },
  { "reseau", "network" },
  { "الوكاله", "public_agency" },
  { "وكاله", "public_agency" },
  { "agence", "public_agency" },
  { "المندوبيه", "public_agency" },
  { "مندوبيه", "public_agency" },
  { "delegation", "public_agency" },
  { "مكتب", "public_agency" },
  { "office", "public_agency" },
  { "غرفه", "public_agency" },
  { "chambre", "public_agency" },
  { "صندوق", "public_agency" },
  { "fonds", "public_agency" },
  { "مؤسسه", "ngo" },
  { "fondation", "ngo" },
  { "اتحاد", "network" },
  { "الاتحاد", "network" },
  { "union", "network" },
  { "federation", "network" },
  { "شركه", "company" },
  { "societe", "company" },
  { "groupe", "company" },
};

static gboolean
has_word (const char *folded,
          const char *word)
{
  gsize length = strlen (word);

  for (const char *p = strstr (folded, word); p != NULL; p = strstr (p + 1, word))
    {
      gboolean starts = p == folded || p[-1] == ' ' || p[-1] == '-' || p[-1] == '\'';
      gboolean ends = p[length] == '\0' || p[length] == ' ' || p[length] == '-' || p[length] == ',';

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

const char *
tdm_article_guess_partner_kind (const char  *name,
                                const char **country)
{
  g_autofree char *folded = NULL;
  const char *kind = "other";
  const char *foreign_country = "MA";
  gboolean foreign = FALSE;

  g_return_val_if_fail (name != NULL, "other");

  folded = tdm_fold (name);

  for (guint i = 0; i < G_N_ELEMENTS (foreign_words); i++)
    if (has_word (folded, foreign_words[i].word))
      {
        foreign = TRUE;
        /* "International" alone says foreign, not which country. */
        if (foreign_words[i].country != NULL)
          {
            foreign_country = foreign_words[i].country;
            break;
          }
      }

  for (guint i = 0; i < G_N_ELEMENTS (lead_words); i++)
    {
      gsize length = strlen (lead_words[i].lead);

      if (g_str_has_prefix (folded, lead_words[i].lead) &&
          (folded[length] == '\0' || folded[length] == ' '))
        {
          kind = lead_words[i].kind;
          break;
        }
    }

  if (foreign)
    {
      /* A foreign region (جهة أوكسيتاني الفرنسية, Région ...) or council
       * stays a region; anything else from abroad is an agency. */
      if (g_str_equal (kind, "regional_council") || g_str_has_prefix (folded, "جهه ") ||
          g_str_has_prefix (folded, "الجهه ") || g_str_has_prefix (folded, "region "))
        kind = "foreign_region";
      else if (!g_str_equal (kind, "network") && !g_str_equal (kind, "company"))
        kind = "international_agency";
    }
  else if (g_str_equal (kind, "other") && (g_str_has_prefix (folded, "منظمه ") ||
                                           g_str_has_prefix (folded, "organisation ")))
    kind = "ngo";

  if (country != NULL)
    *country = foreign_country;
  return kind;
}

/* ---- apply ------------------------------------------------------------------------ */

typedef struct {
  char   *title;
  int     edition;
  gint64  region_id;
  gint64  province_id;
  char   *city;
  char   *venue;
  char   *start_date;
  char   *end_date;
  char   *slogan;
} FairFields;

static void
fair_fields_clear (FairFields *fields)
{
  g_free (fields->title);
  g_free (fields->city);
  g_free (fields->venue);
  g_free (fields->start_date);
  g_free (fields->end_date);
  g_free (fields->slogan);
}

/* The id of the region or province whose French (or Arabic) name is NAME,
 * folded; 0 when none. */
static gboolean
lookup_place (TdmStore    *self,
              const char  *table,
              const char  *name,
              gint64      *id,
              gint64      *region_id,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tdm_store_prepare (self,
                            g_str_equal (table, "region")
                            ? "SELECT id, id FROM region WHERE tdm_fold(name_fr) = tdm_fold(?1) "
                              "OR tdm_fold(name_ar) = tdm_fold(?1) LIMIT 1"
                            : "SELECT id, region_id FROM province WHERE tdm_fold(name_fr) = tdm_fold(?1) "
                              "OR tdm_fold(name_ar) = tdm_fold(?1) LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      if (region_id != NULL)
        *region_id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tdm_store_set_error (self, error, rc, _("finding the place"));
  return TRUE;
}

static gboolean
is_organization_kind (const char *kind)
{
  return g_strcmp0 (kind, TDM_FACT_ORGANIZATION) == 0 || g_strcmp0 (kind, TDM_FACT_PARTNER) == 0;
}

static gboolean
collect_fair_fields (TdmStore          *self,
                     TdmStoredArticle  *article,
                     GPtrArray         *facts,
                     FairFields        *fields,
                     GError           **error)
{
  gint64 province_region = 0;

  for (guint i = 0; i < facts->len; i++)
    {
      TdmStoredFact *fact = g_ptr_array_index (facts, i);
      const char *value = tdm_stored_fact_get_value (fact);
      const char *kind = fact->kind;

      if (!g_str_equal (fact->status, "accepted"))
        continue;

      /* The first accepted value of a kind wins: it is the one nearest
       * the start of the article. */
      if (g_str_equal (kind, TDM_FACT_EDITION) && fields->edition <= 0)
        fields->edition = atoi (value);
      else if (g_str_equal (kind, TDM_FACT_REGION) && fields->region_id == 0)
        {
          if (!lookup_place (self, "region", value, &fields->region_id, NULL, error))
            return FALSE;
        }
      else if (g_str_equal (kind, TDM_FACT_PROVINCE) && fields->province_id == 0)
        {
          if (!lookup_place (self, "province", value, &fields->province_id, &province_region, error))
            return FALSE;
        }
      else if (g_str_equal (kind, TDM_FACT_CITY) && fields->city == NULL)
        fields->city = g_strdup (value);
      else if (g_str_equal (kind, TDM_FACT_VENUE) && fields->venue == NULL)
        fields->venue = g_strdup (value);
      else if (g_str_equal (kind, TDM_FACT_SLOGAN) && fields->slogan == NULL)
        fields->slogan = g_strdup (value);
      /* A partial date (--05-30) is kept as a fact, never as a column. */
      else if (g_str_equal (kind, TDM_FACT_START_DATE) && fields->start_date == NULL &&
               tdm_validate_iso_date (value))
        fields->start_date = g_strdup (value);
      else if (g_str_equal (kind, TDM_FACT_END_DATE) && fields->end_date == NULL &&
               tdm_validate_iso_date (value))
        fields->end_date = g_strdup (value);
    }

  /* The province says the region when the article did not. */
  if (fields->region_id == 0)
    fields->region_id = province_region;

  if (article->title != NULL && article->title[0] != '\0')
    fields->title = g_strdup (article->title);
  else if (fields->city != NULL)
    /* Translators: the title of a fair created from an article that has
     * no headline; %s is the city. */
    fields->title = g_strdup_printf (_("Fair of %s"), fields->city);
  else
    fields->title = g_strdup (_("Fair from a press article"));
  return TRUE;
}

/* The fair the article already points to, else one with the same edition
 * and region, else one with the same start date and region. */
static gboolean
find_fair (TdmStore          *self,
           TdmStoredArticle  *article,
           FairFields        *fields,
           gint64            *fair_id,
           GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *fair_id = 0;
  stmt = tdm_store_prepare (self,
                            "SELECT id FROM fair WHERE id = ?1 "
                            "OR (?2 > 0 AND edition = ?2 AND ?3 > 0 AND region_id = ?3) "
                            "OR (?4 IS NOT NULL AND start_date = ?4 AND region_id IS ?5) "
                            "ORDER BY id = ?1 DESC, id LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article->fair_id);
  sqlite3_bind_int (stmt, 2, fields->edition);
  sqlite3_bind_int64 (stmt, 3, fields->region_id);
  tdm_store_bind_text (stmt, 4, fields->start_date);
  if (fields->region_id > 0)
    sqlite3_bind_int64 (stmt, 5, fields->region_id);
  else
    sqlite3_bind_null (stmt, 5);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *fair_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tdm_store_set_error (self, error, rc, _("finding the fair"));
  return TRUE;
}

static gboolean
write_fair (TdmStore    *self,
            FairFields  *fields,
            gint64      *fair_id,
            gboolean    *created,
            GError     **error)
{
  sqlite3_stmt *stmt;

  /* Linking an existing fair fills only what it does not say yet: what
   * an organizer typed wins over the press. */
  stmt = tdm_store_prepare (self,
                            *fair_id > 0
                            ? "UPDATE fair SET edition = coalesce(edition, ?2), region_id = coalesce(region_id, ?3), "
                              "province_id = coalesce(province_id, ?4), city = coalesce(city, ?5), "
                              "venue = coalesce(venue, ?6), start_date = coalesce(start_date, ?7), "
                              "end_date = coalesce(end_date, ?8), slogan = coalesce(slogan, ?9) WHERE id = ?1"
                            : "INSERT INTO fair (title, edition, region_id, province_id, city, venue, "
                              "start_date, end_date, slogan) VALUES (?10, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            error);
  if (stmt == NULL)
    return FALSE;
  if (*fair_id > 0)
    sqlite3_bind_int64 (stmt, 1, *fair_id);
  else
    sqlite3_bind_text (stmt, 10, fields->title, -1, SQLITE_TRANSIENT);
  if (fields->edition > 0)
    sqlite3_bind_int (stmt, 2, fields->edition);
  else
    sqlite3_bind_null (stmt, 2);
  tdm_store_bind_id (stmt, 3, fields->region_id);
  tdm_store_bind_id (stmt, 4, fields->province_id);
  tdm_store_bind_text (stmt, 5, fields->city);
  tdm_store_bind_text (stmt, 6, fields->venue);
  tdm_store_bind_text (stmt, 7, fields->start_date);
  tdm_store_bind_text (stmt, 8, fields->end_date);
  tdm_store_bind_text (stmt, 9, fields->slogan);
  if (!tdm_store_step_done (self, stmt, _("saving the fair"), error))
    return FALSE;

  *created = *fair_id == 0;
  if (*created)
    *fair_id = sqlite3_last_insert_rowid (tdm_store_get_db (self));
  tdm_store_notify_changed (self, "fair");
  return TRUE;
}

/* The partner whose folded name is that of NAME, created when there is
 * none. */
static gboolean
find_or_create_partner (TdmStore    *self,
                        const char  *name,
                        gint64      *partner_id,
                        gboolean    *created,
                        GError     **error)
{
  g_autoptr(TdmPartner) partner = NULL;
  sqlite3_stmt *stmt;
  const char *country = "MA";
  const char *kind;
  int rc;

  g_autofree char *core = association_core (name);
  g_autofree char *with_lead = g_strconcat ("جمعية ", name, NULL);
  g_autofree char *with_french_lead = g_strconcat ("Association ", name, NULL);

  /* The same association with or without its lead word is one partner. */
  stmt = tdm_store_prepare (self,
                            "SELECT id FROM partner WHERE name_key = tdm_fold(?1) "
                            "OR (acronym IS NOT NULL AND tdm_fold(acronym) = tdm_fold(?1)) "
                            "OR name_key IN (tdm_fold(?2), tdm_fold(?3), tdm_fold(?4)) "
                            "ORDER BY name_key = tdm_fold(?1) DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  tdm_store_bind_text (stmt, 2, core);
  sqlite3_bind_text (stmt, 3, with_lead, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, with_french_lead, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *partner_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      *created = FALSE;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return tdm_store_set_error (self, error, rc, _("finding the partner"));

  kind = tdm_article_guess_partner_kind (name, &country);
  partner = g_object_new (TDM_TYPE_PARTNER, "name", name, "kind", kind, "country", country, NULL);
  if (!tdm_store_save_partner (self, partner, error))
    return FALSE;
  *partner_id = tdm_partner_get_id (partner);
  *created = TRUE;
  return TRUE;
}

static gboolean
link_fact (TdmStore    *self,
           gint64       fact_id,
           const char  *table,
           gint64       id,
           GError     **error)
{
  sqlite3_stmt *stmt =
    tdm_store_prepare (self, "UPDATE article_fact SET linked_table = ?2, linked_id = ?3 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fact_id);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  return tdm_store_step_done (self, stmt, _("linking the fact"), error);
}

gboolean
tdm_store_apply_article (TdmStore               *self,
                         gint64                  article_id,
                         TdmArticleApplyReport  *report,
                         GError                **error)
{
  g_autoptr(TdmStoredArticle) article = NULL;
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GHashTable) partner_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  TdmArticleApplyReport result = { 0 };
  FairFields fields = { 0 };
  guint n_accepted = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tdm_store_begin (self, error))
    return FALSE;

  article = tdm_store_get_article (self, article_id, error);
  if (article == NULL)
    goto fail;
  facts = tdm_store_list_article_facts (self, article_id, error);
  if (facts == NULL)
    goto fail;

  for (guint i = 0; i < facts->len; i++)
    if (g_str_equal (((TdmStoredFact *) g_ptr_array_index (facts, i))->status, "accepted"))
      n_accepted++;
  if (n_accepted == 0)
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                           _("Accept at least one fact of the article first."));
      goto fail;
    }

  if (!collect_fair_fields (self, article, facts, &fields, error) ||
      !find_fair (self, article, &fields, &result.fair_id, error) ||
      !write_fair (self, &fields, &result.fair_id, &result.fair_created, error))
    goto fail;

  for (guint i = 0; i < facts->len; i++)
    {
      TdmStoredFact *fact = g_ptr_array_index (facts, i);
      const char *value = tdm_stored_fact_get_value (fact);
      const char *table = "fair";
      gint64 linked = result.fair_id;

      if (!g_str_equal (fact->status, "accepted"))
        continue;

      if (is_organization_kind (fact->kind))
        {
          g_autofree char *key = tdm_fold (value);
          gpointer known;

          if (g_hash_table_lookup_extended (partner_ids, key, NULL, &known))
            linked = GPOINTER_TO_SIZE (known);
          else
            {
              gboolean created = FALSE;

              if (!find_or_create_partner (self, value, &linked, &created, error))
                goto fail;
              if (created)
                result.partners_created++;
              else
                result.partners_linked++;
              g_hash_table_insert (partner_ids, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize) linked));

              stmt = tdm_store_prepare (self,
                                        "INSERT INTO fair_partner (fair_id, partner_id, role) "
                                        "SELECT ?1, ?2, 'organizer' WHERE NOT EXISTS "
                                        "(SELECT 1 FROM fair_partner WHERE fair_id = ?1 AND partner_id = ?2)",
                                        error);
              if (stmt == NULL)
                goto fail;
              sqlite3_bind_int64 (stmt, 1, result.fair_id);
              sqlite3_bind_int64 (stmt, 2, linked);
              if (!tdm_store_step_done (self, stmt, _("linking the partner to the fair"), error))
                goto fail;
            }
          table = "partner";
        }
      else if (g_str_equal (fact->kind, TDM_FACT_REGION) || g_str_equal (fact->kind, TDM_FACT_PROVINCE))
        {
          gint64 place = 0;

          if (!lookup_place (self, fact->kind, value, &place, NULL, error))
            goto fail;
          if (place > 0)
            {
              table = fact->kind;
              linked = place;
            }
        }

      if (!link_fact (self, fact->id, table, linked, error))
        goto fail;
      result.facts_linked++;
    }

  stmt = tdm_store_prepare (self, "UPDATE article SET fair_id = ?2, review_state = 'done' WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, result.fair_id);
  if (!tdm_store_step_done (self, stmt, _("saving the article"), error))
    goto fail;

  tdm_store_notify_changed (self, "article");
  tdm_store_notify_changed (self, "article_fact");
  tdm_store_notify_changed (self, "fair_partner");
  tdm_store_notify_changed (self, "partner");
  if (!tdm_store_commit (self, error))
    {
      fair_fields_clear (&fields);
      return FALSE;
    }

  fair_fields_clear (&fields);
  if (report != NULL)
    *report = result;
  return TRUE;

fail:
  fair_fields_clear (&fields);
  tdm_store_rollback (self);
  return FALSE;
}

/* ---- roles ------------------------------------------------------------------------- */

gboolean
tdm_store_set_fair_partner_role (TdmStore    *self,
                                 gint64       fair_id,
                                 gint64       partner_id,
                                 const char  *role,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  if (!tdm_store_begin (self, error))
    return FALSE;

  /* The role the review shows (the latest one) becomes ROLE; other roles
   * given on the fair's page stay. */
  stmt = tdm_store_prepare (self,
                            "DELETE FROM fair_partner WHERE rowid = (SELECT rowid FROM fair_partner "
                            "WHERE fair_id = ?1 AND partner_id = ?2 ORDER BY rowid DESC LIMIT 1)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, fair_id);
  sqlite3_bind_int64 (stmt, 2, partner_id);
  if (!tdm_store_step_done (self, stmt, _("changing the partner’s role"), error))
    goto fail;

  stmt = tdm_store_prepare (self,
                            "INSERT INTO fair_partner (fair_id, partner_id, role) SELECT ?1, ?2, ?3 "
                            "WHERE NOT EXISTS (SELECT 1 FROM fair_partner WHERE fair_id = ?1 "
                            "AND partner_id = ?2 AND role = ?3)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, fair_id);
  sqlite3_bind_int64 (stmt, 2, partner_id);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_TRANSIENT);
  if (!tdm_store_step_done (self, stmt, _("changing the partner’s role"), error))
    goto fail;

  tdm_store_notify_changed (self, "fair_partner");
  return tdm_store_commit (self, error);

fail:
  tdm_store_rollback (self);
  return FALSE;
}

char *
tdm_store_get_fair_partner_role (TdmStore *self,
                                 gint64    fair_id,
                                 gint64    partner_id)
{
  sqlite3_stmt *stmt;
  char *role = NULL;

  g_return_val_if_fail (TDM_IS_STORE (self), NULL);

  stmt = tdm_store_prepare (self,
                            "SELECT role FROM fair_partner WHERE fair_id = ?1 AND partner_id = ?2 "
                            "ORDER BY rowid DESC LIMIT 1",
                            NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fair_id);
  sqlite3_bind_int64 (stmt, 2, partner_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    role = tdm_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return role;
}
