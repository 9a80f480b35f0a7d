/* test-articles.c: the Articles page as a user drives it: import a sample
 * article, see its facts highlighted, reject one, correct one, accept the
 * rest, apply, and find the fair and its partners in the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "tdm-article-item.h"
#include "tdm-article-page.h"
#include "tdm-article-view.h"
#include "tdm-articles.h"
#include "tdm-fact-row.h"
#include "tdm-test-ui.h"
#include "tdm-window.h"

typedef struct {
  char           *dir;
  TdmStore       *store;
  TdmWindow      *window;
  TdmArticlePage *page;
} Fixture;

/* Helpers -------------------------------------------------------------------- */

static TdmArticleView *
get_view (Fixture *fixture)
{
  return TDM_ARTICLE_VIEW (tdm_article_page_get_view (fixture->page));
}

/* The row of the first fact of KIND whose value starts with PREFIX (any
 * value when NULL). */
static TdmFactRow *
find_fact_row (Fixture    *fixture,
               const char *kind,
               const char *prefix)
{
  GtkListBox *list = tdm_article_view_get_facts_list (get_view (fixture));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const TdmStoredFact *fact;

      if (!TDM_IS_FACT_ROW (child))
        continue;
      fact = tdm_fact_row_get_fact (TDM_FACT_ROW (child));
      if (g_str_equal (fact->kind, kind) && (prefix == NULL || g_str_has_prefix (fact->value, prefix)))
        return TDM_FACT_ROW (child);
    }
  return NULL;
}

static guint
count_fact_rows (Fixture *fixture)
{
  GtkListBox *list = tdm_article_view_get_facts_list (get_view (fixture));
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (TDM_IS_FACT_ROW (child))
      n++;
  return n;
}

static gboolean
has_two_articles (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (tdm_article_page_get_model (fixture->page)) == 2;
}

/* Fixture -------------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = tdm_test_ui_open_store ("tdm-articles-XXXXXX", "test.db", &fixture->dir);
  fixture->window = tdm_test_ui_present_window (NULL, fixture->store, "articles");

  fixture->page = TDM_ARTICLE_PAGE (tdm_test_ui_find_widget (GTK_WIDGET (fixture->window), TDM_TYPE_ARTICLE_PAGE));
  g_assert_nonnull (fixture->page);
  g_assert_true (tdm_article_page_get_store (fixture->page) == fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tdm_test_ui_close (fixture->window, &fixture->store, &fixture->dir);
}

/* Tests ------------------------------------------------------------------------ */

static void
test_review_and_apply (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "articles", "01-agadir-salon.txt", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(TdmArticleItem) item = NULL;
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkTextTag *slogan_tag;
  TdmFactRow *row;
  const TdmStoredFact *fact;
  GtkWidget *button;
  gint64 stray_id, slogan_start;

  /* What the file chooser and a drop hand over. */
  g_list_store_append (files, file);
  g_assert_cmpuint (tdm_article_page_import_files (fixture->page, G_LIST_MODEL (files)), ==, 0);
  tdm_test_ui_drain ();

  g_assert_cmpuint (g_list_model_get_n_items (tdm_article_page_get_model (fixture->page)), ==, 1);
  item = g_list_model_get_item (tdm_article_page_get_model (fixture->page), 0);
  g_object_get (item, "title", &title, "review-state", &state, NULL);
  g_assert_cmpstr (title, ==, "أكادير تحتضن الدورة السابعة للمعرض الجهوي للاقتصاد الاجتماعي والتضامني");
  g_assert_cmpstr (state, ==, "New");
  g_clear_object (&item);
  g_clear_pointer (&state, g_free);

  /* One article imported: its review opens, every fact listed. */
  g_assert_cmpint (tdm_article_view_get_article_id (get_view (fixture)), >, 0);
  /* An organizer found as "partner" and "organization" at the same words
   * is one row. */
  g_assert_cmpuint (count_fact_rows (fixture), ==,
                    (guint) tdm_test_ui_query_int (fixture->store,
                                       "SELECT count(*) FROM article_fact o WHERE NOT (o.kind = 'organization' "
                                       "AND EXISTS (SELECT 1 FROM article_fact p WHERE p.kind = 'partner' "
                                       "AND p.span_start = o.span_start AND p.span_end = o.span_end))"));
  g_assert_cmpuint (count_fact_rows (fixture), <,
                    (guint) tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM article_fact"));
  g_assert_cmpuint (count_fact_rows (fixture), >, 10);

  /* The slogan is highlighted where it is written. */
  buffer = gtk_text_view_get_buffer (tdm_article_view_get_text_view (get_view (fixture)));
  slogan_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "kind:slogan");
  g_assert_nonnull (slogan_tag);
  slogan_start = tdm_test_ui_query_int (fixture->store, "SELECT span_start FROM article_fact WHERE kind = 'slogan'");
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) slogan_start);
  g_assert_true (gtk_text_iter_has_tag (&start, slogan_tag));

  /* Selecting a fact selects its words in the text. */
  row = find_fact_row (fixture, "slogan", NULL);
  g_assert_nonnull (row);
  gtk_list_box_select_row (tdm_article_view_get_facts_list (get_view (fixture)), GTK_LIST_BOX_ROW (row));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, slogan_start);
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==,
                   tdm_test_ui_query_int (fixture->store, "SELECT span_end FROM article_fact WHERE kind = 'slogan'"));

  /* Reject the stray "organization" read out of a sentence. */
  row = find_fact_row (fixture, "organization", "الجهة خصصت");
  g_assert_nonnull (row);
  stray_id = tdm_fact_row_get_fact (row)->id;
  button = tdm_test_ui_find_button_with_tooltip (GTK_WIDGET (row), "Reject");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  tdm_test_ui_drain ();
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM article_fact WHERE status = 'rejected'"), ==, 1);
  row = find_fact_row (fixture, "organization", "الجهة خصصت");
  g_assert_cmpstr (tdm_fact_row_get_fact (row)->status, ==, "rejected");

  /* A wrong correction is refused; a right one is kept and accepts. */
  row = find_fact_row (fixture, "exhibitors", NULL);
  g_assert_nonnull (row);
  gtk_editable_set_text (tdm_fact_row_get_entry (row), "cent");
  g_signal_emit_by_name (tdm_fact_row_get_entry (row), "activate");
  tdm_test_ui_drain ();
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM article_fact WHERE corrected_value IS NOT NULL"), ==, 0);
  row = find_fact_row (fixture, "exhibitors", NULL);
  gtk_editable_set_text (tdm_fact_row_get_entry (row), "185");
  g_signal_emit_by_name (tdm_fact_row_get_entry (row), "activate");
  tdm_test_ui_drain ();
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT corrected_value FROM article_fact WHERE kind = 'exhibitors'"), ==, 185);
  row = find_fact_row (fixture, "exhibitors", NULL);
  fact = tdm_fact_row_get_fact (row);
  g_assert_cmpstr (fact->status, ==, "accepted");
  g_assert_cmpstr (gtk_editable_get_text (tdm_fact_row_get_entry (row)), ==, "185");

  /* Accept the rest, then apply. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_view (fixture)), "view.accept-all", NULL));
  tdm_test_ui_drain ();
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM article_fact WHERE status = 'proposed' "
                                             "AND kind <> 'organization'"), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_view (fixture)), "view.apply", NULL));
  tdm_test_ui_drain ();

  /* The fair, from the accepted facts. */
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM fair"), ==, 1);
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store,
                              "SELECT count(*) FROM fair WHERE edition = 7 AND start_date = '2023-11-10' "
                              "AND end_date = '2023-11-19' AND city = 'Agadir' AND region_id = "
                              "(SELECT id FROM region WHERE name_fr = 'Souss-Massa')"), ==, 1);
  /* The partners the article names, organizers of that fair. */
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store,
                              "SELECT count(*) FROM fair_partner fp JOIN partner p ON p.id = fp.partner_id "
                              "WHERE p.name IN ('مجلس جهة سوس ماسة', 'ولاية جهة سوس ماسة', "
                              "'وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني') "
                              "AND fp.role = 'organizer' AND fp.fair_id = (SELECT id FROM fair)"), ==, 3);
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store,
                              "SELECT count(*) FROM partner WHERE name LIKE 'الجهة خصصت%'"), ==, 0);
  /* The facts point to their records; the rejected one to none. */
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store,
                              "SELECT count(*) FROM article_fact WHERE status = 'accepted' AND linked_id IS NULL"), ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM article_fact WHERE id = %" G_GINT64_FORMAT
                                            " AND linked_id IS NULL", stray_id);

    g_assert_cmpint (tdm_test_ui_query_int (fixture->store, sql), ==, 1);
  }
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store,
                              "SELECT count(*) FROM article WHERE review_state = 'done' "
                              "AND fair_id = (SELECT id FROM fair)"), ==, 1);

  /* The list shows the article done. */
  item = g_list_model_get_item (tdm_article_page_get_model (fixture->page), 0);
  g_object_get (item, "review-state", &state, NULL);
  g_assert_cmpstr (state, ==, "Done");

  /* Back to the list, and paste a second article from the clipboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "articles.back", NULL));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->page)),
                          "Salon régional à Tiznit\n\n"
                          "La ville de Tiznit accueille du 3 au 9 mai 2024 le salon régional de l’économie "
                          "sociale et solidaire, organisé par le Conseil régional de Souss-Massa, "
                          "avec 80 exposants.\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "articles.paste", NULL));
  g_assert_true (tdm_test_ui_wait_for (has_two_articles, fixture));
  /* The pasted article opens with its facts. */
  g_assert_cmpuint (count_fact_rows (fixture), >, 3);
  g_assert_nonnull (find_fact_row (fixture, "exhibitors", "80"));
}

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  g_autofree char *path = g_build_filename (fixture->dir, "image.txt", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, (const char *) png, sizeof png, NULL));
  g_list_store_append (files, file);
  g_assert_cmpuint (tdm_article_page_import_files (fixture->page, G_LIST_MODEL (files)), ==, 1);
  tdm_test_ui_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (tdm_article_page_get_model (fixture->page)), ==, 0);
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM article"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/articles/review-and-apply", Fixture, NULL,
              fixture_set_up, test_review_and_apply, fixture_tear_down);
  g_test_add ("/ui/articles/bad-file", Fixture, NULL,
              fixture_set_up, test_bad_file, fixture_tear_down);

  return g_test_run ();
}
