/* tdm-article-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-article-item.h"

struct _TdmArticleItem
{
  GObject           parent_instance;

  TdmStoredArticle *article;
};

G_DEFINE_FINAL_TYPE (TdmArticleItem, tdm_article_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_DATE,
  PROP_LANGUAGE,
  PROP_EVENT,
  PROP_REVIEW_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
tdm_event_type_label (const char *event_type)
{
  if (event_type == NULL)
    return "";
  if (g_str_equal (event_type, "fair"))
    return _("Fair");
  if (g_str_equal (event_type, "meeting"))
    return _("Meeting");
  if (g_str_equal (event_type, "study_day"))
    return _("Study day");
  if (g_str_equal (event_type, "workshop"))
    return _("Workshop");
  if (g_str_equal (event_type, "other"))
    return _("Other event");
  return event_type;
}

static const char *
language_label (const char *language)
{
  if (g_strcmp0 (language, "ar") == 0)
    return _("Arabic");
  if (g_strcmp0 (language, "fr") == 0)
    return _("French");
  if (g_strcmp0 (language, "en") == 0)
    return _("English");
  return "";
}

static const char *
review_state_label (const char *state)
{
  if (g_strcmp0 (state, "in_review") == 0)
    return _("In review");
  if (g_strcmp0 (state, "done") == 0)
    return _("Done");
  return _("New");
}

TdmArticleItem *
tdm_article_item_new (const TdmStoredArticle *article)
{
  TdmArticleItem *self;

  g_return_val_if_fail (article != NULL, NULL);

  self = g_object_new (TDM_TYPE_ARTICLE_ITEM, NULL);
  self->article = tdm_stored_article_copy (article);
  return self;
}

gint64
tdm_article_item_get_id (TdmArticleItem *self)
{
  g_return_val_if_fail (TDM_IS_ARTICLE_ITEM (self), 0);

  return self->article->id;
}

const TdmStoredArticle *
tdm_article_item_get_article (TdmArticleItem *self)
{
  g_return_val_if_fail (TDM_IS_ARTICLE_ITEM (self), NULL);

  return self->article;
}

static void
tdm_article_item_finalize (GObject *object)
{
  TdmArticleItem *self = TDM_ARTICLE_ITEM (object);

  g_clear_pointer (&self->article, tdm_stored_article_free);

  G_OBJECT_CLASS (tdm_article_item_parent_class)->finalize (object);
}

static void
tdm_article_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TdmArticleItem *self = TDM_ARTICLE_ITEM (object);
  const TdmStoredArticle *a = self->article;

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, a->title != NULL ? a->title : _("(no headline)"));
      break;
    case PROP_SOURCE:
      g_value_set_string (value, a->source != NULL ? a->source
                                 : a->file_name != NULL ? a->file_name : _("Pasted text"));
      break;
    case PROP_DATE:
      /* The publication date only: an import date in its place would
       * date the article wrongly in the list and in its sort order. */
      g_value_set_string (value, a->published_on != NULL ? a->published_on : "—");
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, language_label (a->language));
      break;
    case PROP_EVENT:
      g_value_set_string (value, tdm_event_type_label (a->event_type));
      break;
    case PROP_REVIEW_STATE:
      g_value_set_string (value, review_state_label (a->review_state));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_article_item_class_init (TdmArticleItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[N_PROPS] = { NULL, "title", "source", "date", "language", "event", "review-state" };

  object_class->finalize = tdm_article_item_finalize;
  object_class->get_property = tdm_article_item_get_property;

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tdm_article_item_init (TdmArticleItem *self)
{
}
