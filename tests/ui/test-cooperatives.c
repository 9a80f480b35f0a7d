/* test-cooperatives.c: the cooperatives page and editor, driven through
 * the real window's actions and widgets on a temporary database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdm-application.h"
#include "tdm-cooperative-editor-private.h"
#include "tdm-cooperative-page-private.h"
#include "tdm-demo.h"
#include "tdm-registry.h"
#include "tdm-test-ui.h"
#include "tdm-window-private.h"

#define N_DEMO 400
#define WAIT_MS 5000

static TdmApplication *app;

typedef struct {
  char               *dir;
  TdmStore           *store;
  TdmWindow          *window;
  TdmCooperativePage *page;
} Fixture;

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = tdm_test_ui_open_store ("tdm-ui-XXXXXX", "ui.db", &fixture->dir);
  tdm_demo_populate (fixture->store, N_DEMO, 7, &error);
  g_assert_no_error (error);

  fixture->window = tdm_test_ui_present_window (GTK_APPLICATION (app), fixture->store, "cooperatives");
  g_assert_true (tdm_test_ui_wait_for (tdm_test_ui_is_mapped, fixture->window));
  fixture->page = _tdm_window_get_cooperative_page (fixture->window);
  tdm_test_ui_drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  tdm_test_ui_drain ();
  g_clear_object (&fixture->store);

  tdm_test_ui_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static TdmCooperativeEditor *
open_new_editor (Fixture *fixture)
{
  GtkWidget *editor;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "new-cooperative", NULL);
  editor = _tdm_cooperative_page_get_editor (fixture->page);
  g_assert_true (TDM_IS_COOPERATIVE_EDITOR (editor));
  g_assert_true (tdm_test_ui_wait_for (tdm_test_ui_is_mapped, editor));

  return TDM_COOPERATIVE_EDITOR (editor);
}

/* Types TEXT into the entry of PROPERTY as a user would (the entry's
 * own text, so its "changed" handlers run). */
static void
type_into (TdmCooperativeEditor *editor,
           const char           *property,
           const char           *text)
{
  GtkWidget *field = _tdm_cooperative_editor_get_field (editor, property);

  g_assert_true (GTK_IS_EDITABLE (field));
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

static gint64
query_id (TdmStore   *store,
          const char *sql,
          const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (tdm_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return id;
}

typedef struct {
  TdmCooperativeList *list;
  gint64              id;
  gboolean            present;
} Lookup;

static gboolean
list_has (gpointer data)
{
  Lookup *lookup = data;

  return (tdm_cooperative_list_find (lookup->list, lookup->id) >= 0) == lookup->present;
}

static gboolean
list_is_short (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) < N_DEMO;
}

#define NAME_AR "تعاونية أركان الأطلس للنساء"

static void
test_create_search_delete_undo (Fixture       *fixture,
                                gconstpointer  user_data)
{
  TdmCooperativeEditor *editor = open_new_editor (fixture);
  GtkWidget *editor_widget = GTK_WIDGET (editor);
  GtkWidget *save = _tdm_cooperative_editor_get_save_button (editor);
  TdmCooperativeList *list = _tdm_cooperative_page_get_list (fixture->page);
  GtkSingleSelection *selection = _tdm_cooperative_page_get_selection (fixture->page);
  TdmCooperative *selected;
  g_autoptr(TdmCooperative) back = NULL;
  g_autoptr(GError) error = NULL;
  Lookup lookup = { list, 0, TRUE };
  AdwToast *toast;
  gint64 id;
  gint position;

  g_assert_false (gtk_widget_get_sensitive (save));

  type_into (editor, "name-ar", NAME_AR);
  type_into (editor, "name-fr", "Coopérative Argane Atlas des Femmes");
  type_into (editor, "registration-number", "UI-TEST-0001");
  type_into (editor, "commune", "Tafraout");
  type_into (editor, "founded-on", "2019-03-21");
  type_into (editor, "members", "12");
  type_into (editor, "women", "9");
  type_into (editor, "youth", "4");
  type_into (editor, "capital", "15000,50");
  type_into (editor, "president", "Fatima Ait Lahcen");
  type_into (editor, "phone", "0612345678");
  type_into (editor, "email", "contact@argane-atlas.ma");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (_tdm_cooperative_editor_get_field (editor, "region-id")), 1);

  g_assert_true (gtk_widget_get_sensitive (save));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor_widget);
  gtk_widget_activate (save);
  g_assert_true (tdm_test_ui_wait_for (is_null, &editor_widget));

  /* In the database, as typed. */
  id = query_id (fixture->store, "SELECT id FROM cooperative WHERE name_ar = ?1", NAME_AR);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (query_id (fixture->store, "SELECT women FROM cooperative WHERE registration_number = ?1",
                             "UI-TEST-0001"), ==, 9);
  g_assert_cmpint (query_id (fixture->store, "SELECT CAST(capital * 100 AS INTEGER) FROM cooperative WHERE registration_number = ?1",
                             "UI-TEST-0001"), ==, 1500050);
  g_assert_cmpint (query_id (fixture->store, "SELECT count(*) FROM cooperative", NULL), ==, N_DEMO + 1);

  /* The new row is in the table and selected. */
  lookup.id = id;
  g_assert_true (tdm_test_ui_wait_for (list_has, &lookup));
  selected = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (selected);
  g_assert_cmpint (tdm_cooperative_get_id (selected), ==, id);

  /* Typed without hamza: أركان الأطلس is found as اركان الاطلس. */
  gtk_editable_set_text (_tdm_cooperative_page_get_search_entry (fixture->page), "اركان الاطلس");
  g_assert_true (tdm_test_ui_wait_for (list_is_short, list));
  position = tdm_cooperative_list_find (list, id);
  g_assert_cmpint (position, >=, 0);

  /* Delete: gone at once, from the database and the table. */
  gtk_single_selection_set_selected (selection, position);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "delete", NULL);
  g_assert_cmpint (query_id (fixture->store, "SELECT count(*) FROM cooperative WHERE name_ar = ?1",
                             NAME_AR), ==, 0);
  lookup.present = FALSE;
  g_assert_true (tdm_test_ui_wait_for (list_has, &lookup));
  toast = _tdm_cooperative_page_get_undo_toast (fixture->page);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
  if (g_getenv ("TDM_UI_SCREENSHOT_DIR") != NULL)
    {
      /* Let the toast slide in before the picture. */
      gboolean slid_in = FALSE;

      g_timeout_add (500, tdm_test_ui_set_true, &slid_in);
      g_assert_true (tdm_test_ui_wait_for (tdm_test_ui_is_true, &slid_in));
    }
  tdm_test_ui_maybe_save_screenshot (GTK_WIDGET (fixture->window), "window-deleted-with-undo");

  /* Undo: back with the same id and everything it had. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  g_assert_null (_tdm_cooperative_page_get_undo_toast (fixture->page));
  back = tdm_store_get_cooperative (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tdm_cooperative_get_name_ar (back), ==, NAME_AR);
  g_assert_cmpstr (tdm_cooperative_get_registration_number (back), ==, "UI-TEST-0001");
  g_assert_cmpint (tdm_cooperative_get_women (back), ==, 9);
  lookup.present = TRUE;
  g_assert_true (tdm_test_ui_wait_for (list_has, &lookup));

  /* A second Undo has nothing left to restore. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  g_assert_cmpint (query_id (fixture->store, "SELECT count(*) FROM cooperative", NULL), ==, N_DEMO + 1);
}

static void
test_women_above_members (Fixture       *fixture,
                          gconstpointer  user_data)
{
  TdmCooperativeEditor *editor = open_new_editor (fixture);
  GtkWidget *save = _tdm_cooperative_editor_get_save_button (editor);
  GtkWidget *women = _tdm_cooperative_editor_get_field (editor, "women");
  GtkLabel *message = _tdm_cooperative_editor_get_message (editor, "women");

  type_into (editor, "name-fr", "Coopérative Test");
  type_into (editor, "members", "5");
  type_into (editor, "women", "9");

  /* The message stands under the women field, which is marked. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_label_get_label (message), !=, "");
  g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (message), ADW_TYPE_ACTION_ROW) ==
                 gtk_widget_get_ancestor (women, ADW_TYPE_ACTION_ROW));
  g_assert_true (gtk_widget_has_css_class (women, "error"));
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_widget_grab_focus (women);
  tdm_test_ui_maybe_save_screenshot (GTK_WIDGET (editor), "editor-women-above-members");

  /* Nothing was written by trying. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_cmpint (query_id (fixture->store, "SELECT count(*) FROM cooperative", NULL), ==, N_DEMO);

  /* Fixed: the message goes and Save comes back. */
  type_into (editor, "women", "4");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_false (gtk_widget_has_css_class (women, "error"));
  g_assert_true (gtk_widget_get_sensitive (save));

  /* Not a number at all. */
  type_into (editor, "youth", "douze");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_tdm_cooperative_editor_get_message (editor, "youth"))));
  g_assert_false (gtk_widget_get_sensitive (save));

  gtk_window_destroy (GTK_WINDOW (editor));
}

static gboolean
row_has_label (gpointer data)
{
  Fixture *fixture = data;

  return query_id (fixture->store, "SELECT count(*) FROM cooperative_label WHERE name = ?1",
                   "IGP Argane") == 1;
}

typedef struct {
  TdmCooperativeEditor *editor;
  guint                 index;
} LabelLookup;

static gboolean
has_label_row (gpointer data)
{
  LabelLookup *lookup = data;
  GtkEditable *name, *issued, *expires;
  GtkLabel *message;

  return _tdm_cooperative_editor_get_label_row (lookup->editor, lookup->index,
                                                &name, &issued, &expires, &message);
}

static void
test_edit_with_label (Fixture       *fixture,
                      gconstpointer  user_data)
{
  LabelLookup label_lookup;
  GtkSingleSelection *selection = _tdm_cooperative_page_get_selection (fixture->page);
  g_autoptr(TdmCooperative) before = NULL;
  g_autoptr(TdmCooperative) after = NULL;
  g_autoptr(GError) error = NULL;
  TdmCooperativeEditor *editor;
  GtkWidget *editor_widget;
  GtkEditable *name, *issued, *expires;
  GtkLabel *message;
  GPtrArray *labels;
  gint64 id;

  gtk_single_selection_set_selected (selection, 3);
  id = tdm_cooperative_get_id (gtk_single_selection_get_selected_item (selection));
  before = tdm_store_get_cooperative (fixture->store, id, &error);
  g_assert_no_error (error);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "edit", NULL);
  editor_widget = _tdm_cooperative_page_get_editor (fixture->page);
  g_assert_true (TDM_IS_COOPERATIVE_EDITOR (editor_widget));
  editor = TDM_COOPERATIVE_EDITOR (editor_widget);
  g_assert_true (tdm_test_ui_wait_for (tdm_test_ui_is_mapped, editor));

  /* The form shows the record. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_tdm_cooperative_editor_get_field (editor, "registration-number"))),
                   ==, tdm_cooperative_get_registration_number (before));
  g_assert_true (gtk_widget_get_sensitive (_tdm_cooperative_editor_get_save_button (editor)));

  /* A label that expires before it was issued is refused under its row. */
  /* A button's activation ends (and clicks) after a short press. */
  gtk_widget_activate (_tdm_cooperative_editor_get_add_label_button (editor));
  label_lookup.editor = editor;
  label_lookup.index = tdm_cooperative_get_labels (before)->len;
  g_assert_true (tdm_test_ui_wait_for (has_label_row, &label_lookup));
  g_assert_true (_tdm_cooperative_editor_get_label_row (editor, tdm_cooperative_get_labels (before)->len,
                                                        &name, &issued, &expires, &message));
  gtk_editable_set_text (name, "IGP Argane");
  gtk_editable_set_text (issued, "2020-01-15");
  gtk_editable_set_text (expires, "2019-01-01");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_false (gtk_widget_get_sensitive (_tdm_cooperative_editor_get_save_button (editor)));

  gtk_editable_set_text (expires, "2030-01-14");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_true (gtk_widget_get_sensitive (_tdm_cooperative_editor_get_save_button (editor)));

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor_widget);
  gtk_widget_activate (_tdm_cooperative_editor_get_save_button (editor));
  g_assert_true (tdm_test_ui_wait_for (is_null, &editor_widget));
  g_assert_true (row_has_label (fixture));

  /* Saved in place: same id, the rest as it was, the label added. */
  after = tdm_store_get_cooperative (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_id (fixture->store, "SELECT count(*) FROM cooperative", NULL), ==, N_DEMO);
  g_assert_cmpstr (tdm_cooperative_get_name_ar (after), ==, tdm_cooperative_get_name_ar (before));
  g_assert_cmpstr (tdm_cooperative_get_name_fr (after), ==, tdm_cooperative_get_name_fr (before));
  g_assert_cmpint (tdm_cooperative_get_province_id (after), ==, tdm_cooperative_get_province_id (before));
  g_assert_cmpint (tdm_cooperative_get_members (after), ==, tdm_cooperative_get_members (before));
  g_assert_cmpfloat_with_epsilon (tdm_cooperative_get_capital (after), tdm_cooperative_get_capital (before), 0.005);
  labels = tdm_cooperative_get_labels (after);
  g_assert_cmpuint (labels->len, ==, tdm_cooperative_get_labels (before)->len + 1);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  user_data)
{
  GtkDropDown *regions = _tdm_cooperative_page_get_filter (fixture->page, TDM_PLACE_REGION);
  GtkDropDown *provinces = _tdm_cooperative_page_get_filter (fixture->page, TDM_PLACE_PROVINCE);
  TdmCooperativeList *list = _tdm_cooperative_page_get_list (fixture->page);
  GListModel *province_model;
  TdmPlace *region;
  guint n;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_DEMO);
  g_assert_nonnull (strstr (gtk_label_get_label (_tdm_cooperative_page_get_count_label (fixture->page)), "400"));

  /* Casablanca-Settat or whichever region sorts third. */
  gtk_drop_down_set_selected (regions, 3);
  region = gtk_drop_down_get_selected_item (regions);
  g_assert_cmpint (tdm_place_get_id (region), >, 0);

  /* The provinces offered are the region's, after "All provinces". */
  province_model = gtk_drop_down_get_model (provinces);
  g_assert_cmpuint (gtk_drop_down_get_selected (provinces), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (province_model), >, 1);
  for (guint i = 1; i < g_list_model_get_n_items (province_model); i++)
    {
      g_autoptr(TdmPlace) province = g_list_model_get_item (province_model, i);

      g_assert_cmpint (tdm_place_get_parent_id (province), ==, tdm_place_get_id (region));
    }

  /* The table holds only that region's cooperatives. */
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, N_DEMO);
  g_assert_cmpuint (n, ==, query_id (fixture->store,
                                     "SELECT count(*) FROM cooperative c JOIN region r ON r.id = c.region_id "
                                     "WHERE r.name_fr = ?1", tdm_place_get_name_fr (region)));
  for (guint i = 0; i < n; i += 7)
    {
      g_autoptr(TdmCooperative) cooperative = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 region_id = 0;

      g_object_get (cooperative, "region-id", &region_id, NULL);
      g_assert_cmpint (region_id, ==, tdm_place_get_id (region));
    }

  /* Ctrl+F puts the keyboard in the search. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.find");
    GtkWidget *focus;

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>f"));
    g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "find", NULL);
    focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
    g_assert_nonnull (focus);
    g_assert_true (focus == GTK_WIDGET (_tdm_cooperative_page_get_search_entry (fixture->page)) ||
                   gtk_widget_is_ancestor (focus, GTK_WIDGET (_tdm_cooperative_page_get_search_entry (fixture->page))));
  }

  /* Back to every region. */
  gtk_drop_down_set_selected (regions, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_DEMO);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (provinces)), ==, 75 + 1);
}

static void
test_sort_by_column (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkColumnView *view = _tdm_cooperative_page_get_column_view (fixture->page);
  TdmCooperativeList *list = _tdm_cooperative_page_get_list (fixture->page);
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) members = NULL;
  g_autoptr(TdmCooperative) first = NULL;
  g_autoptr(TdmCooperative) last = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  int sort = -1;
  gboolean descending = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Members") == 0)
        members = g_object_ref (column);
    }
  g_assert_nonnull (members);

  /* As a click on the header does, descending. */
  gtk_column_view_sort_by_column (view, members, GTK_SORT_DESCENDING);
  g_object_get (list, "sort", &sort, "descending", &descending, NULL);
  g_assert_cmpint (sort, ==, TDM_COOPERATIVE_SORT_MEMBERS);
  g_assert_true (descending);

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
  g_assert_cmpint (tdm_cooperative_get_members (first), >, tdm_cooperative_get_members (last));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tdm_test_ui_set_timeout (WAIT_MS);

  if (!tdm_test_ui_has_display ())
    return 77;

  app = tdm_test_ui_new_application ();

  g_test_add ("/ui/cooperatives/create-search-delete-undo", Fixture, NULL,
              fixture_set_up, test_create_search_delete_undo, fixture_tear_down);
  g_test_add ("/ui/cooperatives/women-above-members", Fixture, NULL,
              fixture_set_up, test_women_above_members, fixture_tear_down);
  g_test_add ("/ui/cooperatives/edit-with-label", Fixture, NULL,
              fixture_set_up, test_edit_with_label, fixture_tear_down);
  g_test_add ("/ui/cooperatives/filters", Fixture, NULL,
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/ui/cooperatives/sort-by-column", Fixture, NULL,
              fixture_set_up, test_sort_by_column, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
