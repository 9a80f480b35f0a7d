/* test-partners.c: the partners page as a user drives it: the editor with
 * its messages, search with folded accents, sorting, delete and Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "tdm-partner-editor.h"
#include "tdm-partner-list.h"
#include "tdm-partner-page.h"
#include "tdm-partner.h"
#include "tdm-registry.h"
#include "tdm-test-ui.h"
#include "tdm-window.h"

typedef struct {
  char       *dir;
  TdmStore   *store;
  TdmWindow  *window;
  TdmPartnerPage *page;
} Fixture;

/* Helpers -------------------------------------------------------------------- */

static TdmPartnerEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (TDM_IS_PARTNER_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TDM_PARTNER_EDITOR (window);
    }
  return NULL;
}

static GtkWidget *
editor_child (TdmPartnerEditor *editor,
              const char       *id)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (editor), TDM_TYPE_PARTNER_EDITOR, id);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
set_field (TdmPartnerEditor *editor,
           const char       *id,
           const char       *text)
{
  g_autofree char *row = g_strdup_printf ("%s_row", id);

  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, row)), text);
}

static gint64
count_partners (TdmStore *store)
{
  sqlite3_stmt *stmt = tdm_store_prepare (store, "SELECT count(*) FROM partner", NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static guint
n_shown (TdmPartnerPage *page)
{
  return g_list_model_get_n_items (tdm_partner_page_get_model (page));
}

static char *
shown_name (TdmPartnerPage *page,
            guint           position)
{
  g_autoptr(TdmPartner) partner = g_list_model_get_item (tdm_partner_page_get_model (page), position);

  return g_strdup (tdm_partner_get_name (partner));
}

typedef struct {
  TdmPartnerPage *page;
  guint           n;
} CountWait;

static gboolean
shows_n (gpointer data)
{
  CountWait *wait = data;

  return n_shown (wait->page) == wait->n;
}

static void
search (Fixture    *fixture,
        const char *text,
        guint       expected)
{
  GObject *entry = gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                  TDM_TYPE_PARTNER_PAGE, "search_entry");
  CountWait wait = { fixture->page, expected };

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry waits for the typing to pause before it searches. */
  g_assert_true (tdm_test_ui_wait_for (shows_n, &wait));
}

static void
add_partner (TdmStore   *store,
             const char *name,
             const char *acronym,
             const char *kind)
{
  g_autoptr(TdmPartner) partner = tdm_partner_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (partner, "name", name, "acronym", acronym, "kind", kind, NULL);
  tdm_store_save_partner (store, partner, &error);
  g_assert_no_error (error);
}

/* Fixture -------------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = tdm_test_ui_open_store ("tdm-partners-XXXXXX", "test.db", &fixture->dir);
  fixture->window = tdm_test_ui_present_window (NULL, fixture->store, "partners");

  fixture->page = TDM_PARTNER_PAGE (tdm_test_ui_find_widget (GTK_WIDGET (fixture->window), TDM_TYPE_PARTNER_PAGE));
  g_assert_nonnull (fixture->page);
  g_assert_true (tdm_partner_page_get_store (fixture->page) == fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tdm_test_ui_close (fixture->window, &fixture->store, &fixture->dir);
}

/* Tests ------------------------------------------------------------------------ */

static void
test_create_search_delete_undo (Fixture       *fixture,
                                gconstpointer  data)
{
  TdmPartnerEditor *editor;
  GtkWidget *focus;
  GtkLabel *email_error;
  GtkWidget *undo;
  GtkSingleSelection *selection;
  g_autofree char *name = NULL;
  g_autoptr(TdmPartner) saved = NULL;
  gint64 id;
  sqlite3_stmt *stmt;

  g_assert_cmpint (count_partners (fixture->store), ==, 0);

  /* Ctrl+F goes to the search of the visible page. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                    TDM_TYPE_PARTNER_PAGE, "kind_dropdown")));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                          GTK_WIDGET (gtk_widget_get_template_child (
                                            GTK_WIDGET (fixture->page), TDM_TYPE_PARTNER_PAGE, "search_entry"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (fixture->page), TDM_TYPE_PARTNER_PAGE, "search_entry"))));

  /* Ctrl+N on the partners page makes a partner, not a cooperative. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);

  set_field (editor, "name", "Agence de Coopération Internationale");
  set_field (editor, "acronym", "ACI");
  set_field (editor, "country", "fr");
  set_field (editor, "email", "contact(at)aci");

  /* A wrong e-mail is said beside its field and nothing is written. */
  email_error = GTK_LABEL (editor_child (editor, "email_error"));
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "email_error_row")));
  g_assert_cmpstr (gtk_label_get_label (email_error), !=, "");
  g_assert_false (tdm_partner_editor_save (editor));
  g_assert_cmpint (count_partners (fixture->store), ==, 0);
  g_assert_true (find_editor () == editor);

  set_field (editor, "email", "contact@aci.example.org");
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "email_error_row")));
  g_assert_true (tdm_partner_editor_save (editor));
  g_assert_null (find_editor ());

  stmt = tdm_store_prepare (fixture->store, "SELECT id, name, acronym, country, email FROM partner", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "Agence de Coopération Internationale");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "ACI");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "FR");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "contact@aci.example.org");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);

  /* The same name with other accents and case is refused beside the field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.new", NULL));
  editor = find_editor ();
  set_field (editor, "name", "AGENCE DE COOPERATION INTERNATIONALE");
  g_assert_false (tdm_partner_editor_save (editor));
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "name_error_row")));
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_cmpint (count_partners (fixture->store), ==, 1);

  add_partner (fixture->store, "Conseil de la Région de l’Oriental", "CRO", "regional_council");

  /* Search folds accents and case: "cooperation" finds "Coopération". */
  search (fixture, "cooperation", 1);
  name = shown_name (fixture->page, 0);
  g_assert_cmpstr (name, ==, "Agence de Coopération Internationale");
  search (fixture, "zzz", 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->page), TDM_TYPE_PARTNER_PAGE, "stack"))), ==, "empty");
  search (fixture, "", 2);
  search (fixture, "cooperation", 1);

  /* Delete, then Undo from the toast, as a user clicks it. */
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                    TDM_TYPE_PARTNER_PAGE, "column_view"))));
  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.delete", NULL));
  g_assert_cmpint (count_partners (fixture->store), ==, 1);
  g_assert_cmpuint (n_shown (fixture->page), ==, 0);

  undo = tdm_test_ui_find_button (GTK_WIDGET (fixture->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");

  g_assert_cmpint (count_partners (fixture->store), ==, 2);
  saved = tdm_store_get_partner (fixture->store, id, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (tdm_partner_get_name (saved), ==, "Agence de Coopération Internationale");
  g_assert_cmpstr (tdm_partner_get_email (saved), ==, "contact@aci.example.org");
  g_assert_cmpuint (n_shown (fixture->page), ==, 1);
  /* Undo selects the partner it put back. */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
}

static void
test_sort_and_kind_filter (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                        TDM_TYPE_PARTNER_PAGE,
                                                                        "column_view"));
  g_autoptr(GtkColumnViewColumn) acronym_column = g_list_model_get_item (gtk_column_view_get_columns (view), 1);
  GtkDropDown *kinds = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                     TDM_TYPE_PARTNER_PAGE,
                                                                     "kind_dropdown"));
  const char * const *kind_codes = tdm_partner_kinds ();
  guint ngo = 0;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *only = NULL;

  g_assert_cmpstr (gtk_column_view_column_get_title (acronym_column), ==, "Acronym");
  add_partner (fixture->store, "Banque Alpha", "ZZB", "company");
  add_partner (fixture->store, "Zagora Initiatives", "AAZ", "ngo");
  add_partner (fixture->store, "Ministère du Tourisme", "MTA", "ministry");
  g_assert_cmpuint (n_shown (fixture->page), ==, 3);

  /* By name first; a click on Acronym sorts in SQL by acronym, twice
   * the other way. */
  first = shown_name (fixture->page, 0);
  g_assert_cmpstr (first, ==, "Banque Alpha");
  g_clear_pointer (&first, g_free);

  gtk_column_view_sort_by_column (view, acronym_column, GTK_SORT_ASCENDING);
  first = shown_name (fixture->page, 0);
  g_assert_cmpstr (first, ==, "Zagora Initiatives");
  gtk_column_view_sort_by_column (view, acronym_column, GTK_SORT_DESCENDING);
  last = shown_name (fixture->page, 0);
  g_assert_cmpstr (last, ==, "Banque Alpha");

  /* The drop-down has "Any kind" first, then the kinds in their order. */
  while (kind_codes[ngo] != NULL && g_strcmp0 (kind_codes[ngo], "ngo") != 0)
    ngo++;
  g_assert_nonnull (kind_codes[ngo]);
  gtk_drop_down_set_selected (kinds, ngo + 1);
  g_assert_cmpuint (n_shown (fixture->page), ==, 1);
  only = shown_name (fixture->page, 0);
  g_assert_cmpstr (only, ==, "Zagora Initiatives");
  gtk_drop_down_set_selected (kinds, 0);
  g_assert_cmpuint (n_shown (fixture->page), ==, 3);
}

static void
test_edit_keeps_id (Fixture       *fixture,
                    gconstpointer  data)
{
  TdmPartnerEditor *editor;
  GtkSingleSelection *selection;
  g_autoptr(TdmPartner) saved = NULL;
  TdmPartner *shown;

  add_partner (fixture->store, "Réseau REMESS", "REMESS", "network");
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                    TDM_TYPE_PARTNER_PAGE, "column_view"))));
  gtk_single_selection_set_selected (selection, 0);
  shown = gtk_single_selection_get_selected_item (selection);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.edit", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "name_row"))), ==,
                   "Réseau REMESS");
  set_field (editor, "phone", "0537 12 34 56");
  g_assert_true (tdm_partner_editor_save (editor));

  g_assert_cmpint (count_partners (fixture->store), ==, 1);
  saved = tdm_store_get_partner (fixture->store, tdm_partner_get_id (shown), NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (tdm_partner_get_phone (saved), ==, "0537 12 34 56");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/partners/create-search-delete-undo", Fixture, NULL,
              fixture_set_up, test_create_search_delete_undo, fixture_tear_down);
  g_test_add ("/ui/partners/sort-and-kind-filter", Fixture, NULL,
              fixture_set_up, test_sort_and_kind_filter, fixture_tear_down);
  g_test_add ("/ui/partners/edit-keeps-id", Fixture, NULL,
              fixture_set_up, test_edit_keeps_id, fixture_tear_down);

  return g_test_run ();
}
