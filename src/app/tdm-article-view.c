/* tdm-article-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tdm-app-util.h"
#include "tdm-article.h"
#include "tdm-article-view.h"
#include "tdm-articles.h"
#include "tdm-fact-row.h"

struct _TdmArticleView
{
  AdwBin             parent_instance;

  TdmStore          *store;
  gint64             article_id;
  TdmStoredArticle  *article;

  GtkFlowBox        *legend;
  GtkTextView       *text_view;
  GtkLabel          *facts_label;
  GtkListBox        *facts_list;
};

G_DEFINE_FINAL_TYPE (TdmArticleView, tdm_article_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ARTICLE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (TdmArticleView *self,
                    gint64          select_fact_id);

/* ---- toasts ------------------------------------------------------------------ */

/* ---- the text ------------------------------------------------------------------ */

/* The direction of a paragraph: that of its first letter. */
static gboolean
paragraph_is_rtl (const char *start,
                  const char *end)
{
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          GUnicodeScript script = g_unichar_get_script (c);

          return script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW;
        }
    }
  return FALSE;
}

static GtkTextTag *
kind_tag (GtkTextBuffer *buffer,
          const char    *kind)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  g_autofree char *name = g_strconcat ("kind:", kind, NULL);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, name,
                                      "background", tdm_fact_kind_color (kind),
                                      /* dark text on the light colour in a dark theme too */
                                      "foreground", "#241f31",
                                      NULL);
  return tag;
}

static void
set_paragraph_directions (GtkTextBuffer *buffer,
                          const char    *body)
{
  const char *line = body;
  int offset = 0;

  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');
      int length;
      GtkTextIter start_iter, end_iter;

      if (end == NULL)
        end = line + strlen (line);
      length = (int) g_utf8_strlen (line, end - line);
      gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, offset);
      gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, offset + length);
      gtk_text_buffer_apply_tag_by_name (buffer, paragraph_is_rtl (line, end) ? "rtl" : "ltr",
                                         &start_iter, &end_iter);
      offset += length;
      if (*end == '\0')
        break;
      offset++;
      line = end + 1;
    }
}

static void
highlight_facts (TdmArticleView *self,
                 GPtrArray      *facts)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  int n_chars = gtk_text_buffer_get_char_count (buffer);

  for (guint i = 0; i < facts->len; i++)
    {
      TdmStoredFact *fact = g_ptr_array_index (facts, i);
      GtkTextIter start, end;

      if (fact->span_start < 0 || fact->span_start >= n_chars)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, fact->span_start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (fact->span_end, n_chars));
      if (g_str_equal (fact->status, "rejected"))
        gtk_text_buffer_apply_tag_by_name (buffer, "rejected", &start, &end);
      else
        gtk_text_buffer_apply_tag (buffer, kind_tag (buffer, fact->kind), &start, &end);
      if (g_str_equal (fact->status, "accepted"))
        gtk_text_buffer_apply_tag_by_name (buffer, "accepted", &start, &end);
    }
}

static void
fill_legend (TdmArticleView *self,
             GPtrArray      *facts)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend))) != NULL)
    gtk_flow_box_remove (self->legend, child);

  for (guint i = 0; i < facts->len; i++)
    {
      TdmStoredFact *fact = g_ptr_array_index (facts, i);
      g_autofree char *markup = NULL;
      GtkWidget *label;

      if (fact->span_start < 0 || !g_hash_table_add (seen, fact->kind))
        continue;
      markup = g_markup_printf_escaped ("<span background=\"%s\" foreground=\"#241f31\"> %s </span>",
                                        tdm_fact_kind_color (fact->kind),
                                        tdm_fact_kind_label (fact->kind));
      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_widget_add_css_class (label, "caption");
      gtk_flow_box_append (self->legend, label);
    }
}

/* ---- facts ------------------------------------------------------------------------ */

static TdmFactRow *
selected_row (TdmArticleView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->facts_list);

  return row != NULL ? TDM_FACT_ROW (row) : NULL;
}

/* After a decision, the next fact still to review, else the same one. */
static gint64
next_fact_id (TdmArticleView *self,
              TdmFactRow     *row)
{
  GtkWidget *next;

  for (next = gtk_widget_get_next_sibling (GTK_WIDGET (row)); next != NULL;
       next = gtk_widget_get_next_sibling (next))
    if (TDM_IS_FACT_ROW (next) &&
        g_str_equal (tdm_fact_row_get_fact (TDM_FACT_ROW (next))->status, "proposed"))
      return tdm_fact_row_get_fact (TDM_FACT_ROW (next))->id;
  return tdm_fact_row_get_fact (row)->id;
}

static void
decide (TdmArticleView *self,
        TdmFactRow     *row,
        gboolean        accept)
{
  g_autoptr(GError) error = NULL;
  gint64 fact_id = tdm_fact_row_get_fact (row)->id;
  gint64 next = next_fact_id (self, row);
  gboolean ok;

  if (self->store == NULL)
    return;
  ok = accept ? tdm_store_accept_fact (self->store, fact_id, &error)
              : tdm_store_reject_fact (self->store, fact_id, &error);
  if (!ok)
    {
      tdm_app_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  reload (self, next);
}

static void
on_row_accept (TdmArticleView *self,
               TdmFactRow     *row)
{
  decide (self, row, TRUE);
}

static void
on_row_reject (TdmArticleView *self,
               TdmFactRow     *row)
{
  decide (self, row, FALSE);
}

static void
on_row_correct (TdmArticleView *self,
                const char     *value,
                TdmFactRow     *row)
{
  g_autoptr(GError) error = NULL;
  gint64 fact_id = tdm_fact_row_get_fact (row)->id;

  if (self->store == NULL)
    return;
  if (!tdm_store_correct_fact (self->store, fact_id, value, &error))
    {
      tdm_app_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  reload (self, next_fact_id (self, row));
}

static void
on_row_role_changed (TdmArticleView *self,
                     const char     *role,
                     TdmFactRow     *row)
{
  g_autoptr(GError) error = NULL;
  const TdmStoredFact *fact = tdm_fact_row_get_fact (row);

  if (self->store == NULL || self->article == NULL || self->article->fair_id == 0)
    return;
  if (!tdm_store_set_fair_partner_role (self->store, self->article->fair_id, fact->linked_id, role, &error))
    tdm_app_show_message (GTK_WIDGET (self), error->message);
}

static void
on_fact_selected (TdmArticleView *self,
                  GtkListBoxRow  *row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const TdmStoredFact *fact;
  GtkTextIter start, end;
  int n_chars;

  if (row == NULL)
    return;
  fact = tdm_fact_row_get_fact (TDM_FACT_ROW (row));
  n_chars = gtk_text_buffer_get_char_count (buffer);
  if (fact->span_start < 0 || fact->span_start >= n_chars)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, fact->span_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (fact->span_end, n_chars));
  gtk_text_buffer_select_range (buffer, &start, &end);
  /* The selection is hardly visible while the focus is in the panel:
   * mark the words themselves too, above the colours of the kinds. */
  {
    GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
    GtkTextTag *current = gtk_text_tag_table_lookup (table, "current");
    GtkTextIter all_start, all_end;

    gtk_text_buffer_get_bounds (buffer, &all_start, &all_end);
    gtk_text_buffer_remove_tag (buffer, current, &all_start, &all_end);
    gtk_text_tag_set_priority (current, gtk_text_tag_table_get_size (table) - 1);
    gtk_text_buffer_apply_tag (buffer, current, &start, &end);
  }
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (buffer),
                                0.1, TRUE, 0.0, 0.3);
}

static void
update_actions (TdmArticleView *self)
{
  gboolean has_article = self->article != NULL && self->store != NULL;
  gboolean has_fact = has_article && selected_row (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.accept", has_fact);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.reject", has_fact);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.accept-all", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.apply", has_article);
}

static void
clear (TdmArticleView *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->article, tdm_stored_article_free);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_list))) != NULL)
    gtk_list_box_remove (self->facts_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend))) != NULL)
    gtk_flow_box_remove (self->legend, child);
  gtk_label_set_label (self->facts_label, "");
}

static void
reload (TdmArticleView *self,
        gint64          select_fact_id)
{
  g_autoptr(GPtrArray) facts = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkWidget *select = NULL;
  g_autoptr(GHashTable) partner_spans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_proposed = 0, n_shown = 0;
  g_autofree char *counts = NULL;

  clear (self);
  if (self->store == NULL || self->article_id == 0)
    {
      update_actions (self);
      return;
    }

  self->article = tdm_store_get_article (self->store, self->article_id, &error);
  if (self->article != NULL)
    facts = tdm_store_list_article_facts (self->store, self->article_id, &error);
  if (facts == NULL)
    {
      tdm_app_show_message (GTK_WIDGET (self), error->message);
      update_actions (self);
      return;
    }

  gtk_text_buffer_set_text (buffer, self->article->body, -1);
  set_paragraph_directions (buffer, self->article->body);
  highlight_facts (self, facts);
  fill_legend (self, facts);

  /* The extractor gives an organizer both as a "partner" and as an
   * "organization" at the same words: review it once, as a partner. */
  for (guint i = 0; i < facts->len; i++)
    {
      TdmStoredFact *fact = g_ptr_array_index (facts, i);

      if (g_str_equal (fact->kind, TDM_FACT_PARTNER) && fact->span_start >= 0)
        g_hash_table_add (partner_spans, g_strdup_printf ("%d:%d", fact->span_start, fact->span_end));
    }

  for (guint i = 0; i < facts->len; i++)
    {
      TdmStoredFact *fact = g_ptr_array_index (facts, i);
      g_autofree char *span = g_strdup_printf ("%d:%d", fact->span_start, fact->span_end);
      GtkWidget *row;

      if (g_str_equal (fact->kind, TDM_FACT_ORGANIZATION) && g_hash_table_contains (partner_spans, span))
        continue;

      row = tdm_fact_row_new (fact);
      n_shown++;

      g_signal_connect_swapped (row, "accept", G_CALLBACK (on_row_accept), self);
      g_signal_connect_swapped (row, "reject", G_CALLBACK (on_row_reject), self);
      g_signal_connect_object (row, "correct", G_CALLBACK (on_row_correct), self, G_CONNECT_SWAPPED);
      /* Once applied, a partner's role in the fair is chosen here
       * (organizer by default). */
      if (self->article->fair_id > 0 && g_strcmp0 (fact->linked_table, "partner") == 0)
        {
          g_autofree char *role = tdm_store_get_fair_partner_role (self->store, self->article->fair_id,
                                                                   fact->linked_id);

          if (role != NULL)
            {
              tdm_fact_row_set_role (TDM_FACT_ROW (row), role);
              g_signal_connect_object (row, "role-changed", G_CALLBACK (on_row_role_changed),
                                       self, G_CONNECT_SWAPPED);
            }
        }
      gtk_list_box_append (self->facts_list, row);
      if (fact->id == select_fact_id)
        select = row;
      if (g_str_equal (fact->status, "proposed"))
        n_proposed++;
    }
  if (select != NULL)
    gtk_list_box_select_row (self->facts_list, GTK_LIST_BOX_ROW (select));

  counts = g_strdup_printf (ngettext ("%u fact, %u to review", "%u facts, %u to review", n_shown),
                            n_shown, n_proposed);
  gtk_label_set_label (self->facts_label, counts);
  update_actions (self);
}

/* ---- actions ------------------------------------------------------------------------ */

static void
accept_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TdmArticleView *self = TDM_ARTICLE_VIEW (widget);
  TdmFactRow *row = selected_row (self);

  if (row != NULL)
    decide (self, row, TRUE);
}

static void
reject_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TdmArticleView *self = TDM_ARTICLE_VIEW (widget);
  TdmFactRow *row = selected_row (self);

  if (row != NULL)
    decide (self, row, FALSE);
}

static void
accept_all_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TdmArticleView *self = TDM_ARTICLE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->article == NULL)
    return;

  /* One transaction: all of them or none. */
  if (!tdm_store_begin (self->store, &error))
    goto out;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const TdmStoredFact *fact;

      if (!TDM_IS_FACT_ROW (child))
        continue;
      fact = tdm_fact_row_get_fact (TDM_FACT_ROW (child));
      if (g_str_equal (fact->status, "proposed") &&
          !tdm_store_accept_fact (self->store, fact->id, &error))
        {
          tdm_store_rollback (self->store);
          goto out;
        }
    }
  tdm_store_commit (self->store, &error);

out:
  if (error != NULL)
    tdm_app_show_message (GTK_WIDGET (self), error->message);
  reload (self, 0);
}

static char *
describe_report (const TdmArticleApplyReport *report)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (parts, g_strdup (report->fair_created ? _("Fair created") : _("Linked to an existing fair")));
  if (report->partners_created > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u partner created", "%u partners created",
                                                       report->partners_created),
                                             report->partners_created));
  if (report->partners_linked > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u partner linked", "%u partners linked",
                                                       report->partners_linked),
                                             report->partners_linked));
  g_ptr_array_add (parts, NULL);
  /* Translators: separates the parts of "Fair created, 3 partners created". */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static void
apply_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TdmArticleView *self = TDM_ARTICLE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  TdmArticleApplyReport report;

  if (self->store == NULL || self->article == NULL)
    return;

  if (!tdm_store_apply_article (self->store, self->article_id, &report, &error))
    {
      tdm_app_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  message = describe_report (&report);
  tdm_app_show_message (GTK_WIDGET (self), message);
  reload (self, 0);
}

/* ---- GObject ------------------------------------------------------------------------ */

GtkWidget *
tdm_article_view_new (void)
{
  return g_object_new (TDM_TYPE_ARTICLE_VIEW, NULL);
}

void
tdm_article_view_set_store (TdmArticleView *self,
                            TdmStore       *store)
{
  g_return_if_fail (TDM_IS_ARTICLE_VIEW (self));

  if (!g_set_object (&self->store, store))
    return;
  self->article_id = 0;
  reload (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
tdm_article_view_set_article_id (TdmArticleView *self,
                                 gint64          article_id)
{
  g_return_if_fail (TDM_IS_ARTICLE_VIEW (self));

  self->article_id = article_id;
  reload (self, 0);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_ID]);
}

gint64
tdm_article_view_get_article_id (TdmArticleView *self)
{
  g_return_val_if_fail (TDM_IS_ARTICLE_VIEW (self), 0);

  return self->article_id;
}

const char *
tdm_article_view_get_title (TdmArticleView *self)
{
  g_return_val_if_fail (TDM_IS_ARTICLE_VIEW (self), NULL);

  return self->article != NULL ? self->article->title : NULL;
}

GtkListBox *
tdm_article_view_get_facts_list (TdmArticleView *self)
{
  g_return_val_if_fail (TDM_IS_ARTICLE_VIEW (self), NULL);

  return self->facts_list;
}

GtkTextView *
tdm_article_view_get_text_view (TdmArticleView *self)
{
  g_return_val_if_fail (TDM_IS_ARTICLE_VIEW (self), NULL);

  return self->text_view;
}

static void
tdm_article_view_dispose (GObject *object)
{
  TdmArticleView *self = TDM_ARTICLE_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->article, tdm_stored_article_free);

  G_OBJECT_CLASS (tdm_article_view_parent_class)->dispose (object);
}

static void
tdm_article_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TdmArticleView *self = TDM_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ARTICLE_ID:
      g_value_set_int64 (value, self->article_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_article_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TdmArticleView *self = TDM_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tdm_article_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_ARTICLE_ID:
      tdm_article_view_set_article_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_article_view_class_init (TdmArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_article_view_dispose;
  object_class->get_property = tdm_article_view_get_property;
  object_class->set_property = tdm_article_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TDM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE_ID] =
    g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmArticleView, legend);
  gtk_widget_class_bind_template_child (widget_class, TdmArticleView, text_view);
  gtk_widget_class_bind_template_child (widget_class, TdmArticleView, facts_label);
  gtk_widget_class_bind_template_child (widget_class, TdmArticleView, facts_list);
  gtk_widget_class_bind_template_callback (widget_class, on_fact_selected);

  gtk_widget_class_install_action (widget_class, "view.accept", NULL, accept_activated);
  gtk_widget_class_install_action (widget_class, "view.reject", NULL, reject_activated);
  gtk_widget_class_install_action (widget_class, "view.accept-all", NULL, accept_all_activated);
  gtk_widget_class_install_action (widget_class, "view.apply", NULL, apply_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "view.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "view.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "view.reject", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "view.apply", NULL);
}

static void
tdm_article_view_init (TdmArticleView *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_create_tag (buffer, "rtl", "direction", GTK_TEXT_DIR_RTL, NULL);
  gtk_text_buffer_create_tag (buffer, "ltr", "direction", GTK_TEXT_DIR_LTR, NULL);
  gtk_text_buffer_create_tag (buffer, "accepted", "underline", PANGO_UNDERLINE_SINGLE,
                              "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "rejected", "strikethrough", TRUE, NULL);
  gtk_text_buffer_create_tag (buffer, "current", "background", "#1c71d8", "foreground", "#ffffff", NULL);
  g_signal_connect_swapped (self->facts_list, "row-selected", G_CALLBACK (update_actions), self);
  update_actions (self);
}
