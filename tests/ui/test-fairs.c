/* test-fairs.c: the floor plan as a user drives it: three stands drawn
 * with the pointer, an overlap refused, undo and redo, a move written on
 * release, two exhibitors dropped on a two-place stand and a third one
 * refused with a toast and nothing changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "tdm-exhibitor-list.h"
#include "tdm-fair-overview.h"
#include "tdm-fair-page.h"
#include "tdm-fairs.h"
#include "tdm-plan-editor.h"
#include "tdm-test-ui.h"
#include "tdm-window.h"

typedef struct {
  char          *dir;
  TdmStore      *store;
  TdmWindow     *window;
  TdmFairPage   *page;
  TdmPlanEditor *editor;
  gint64         fair_id;
} Fixture;

/* Helpers -------------------------------------------------------------------- */

static gboolean
is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 100 &&
         gtk_widget_get_height (data) > 100;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelSearch;

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
shows_label (gpointer data)
{
  LabelSearch *search = data;

  return has_label (search->root, search->text);
}

static gint64
query_int (TdmStore   *store,
           const char *sql,
           gint64      param)
{
  sqlite3_stmt *stmt = tdm_store_prepare (store, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  if (param != 0)
    sqlite3_bind_int64 (stmt, 1, param);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gint64
count_stands (Fixture *fixture)
{
  return query_int (fixture->store, "SELECT count(*) FROM stand WHERE fair_id = ?1", fixture->fair_id);
}

/* Where the point (X, Y) metres is on screen. */
static void
metres_to_pixels (Fixture *fixture,
                  double   x,
                  double   y,
                  double  *px,
                  double  *py)
{
  tdm_plan_to_pixels (tdm_plan_editor_get_transform (fixture->editor), x, y, px, py);
}

/* A press at (X1, Y1) metres dragged to (X2, Y2) and released, through
 * the handlers of the pointer gestures. */
static void
drag (Fixture *fixture,
      double   x1,
      double   y1,
      double   x2,
      double   y2)
{
  double px1, py1, px2, py2;

  metres_to_pixels (fixture, x1, y1, &px1, &py1);
  metres_to_pixels (fixture, x2, y2, &px2, &py2);
  tdm_plan_editor_pointer_press (fixture->editor, px1, py1, 0, 1);
  for (int step = 1; step <= 4; step++)
    tdm_plan_editor_pointer_motion (fixture->editor,
                                    px1 + (px2 - px1) * step / 4,
                                    py1 + (py2 - py1) * step / 4);
  tdm_plan_editor_pointer_release (fixture->editor, px2, py2);
}

static void
set_tool (Fixture    *fixture,
          const char *tool)
{
  g_action_group_activate_action (tdm_plan_editor_get_actions (fixture->editor), "tool",
                                  g_variant_new_string (tool));
  g_assert_cmpstr (tdm_plan_editor_get_tool (fixture->editor), ==, tool);
}

static gint64
stand_at (Fixture *fixture,
          double   x,
          double   y)
{
  sqlite3_stmt *stmt = tdm_store_prepare (fixture->store,
                                          "SELECT id FROM stand WHERE fair_id = ?1 AND "
                                          "x <= ?2 AND ?2 < x + width AND y <= ?3 AND ?3 < y + depth",
                                          NULL);
  gint64 id = 0;

  sqlite3_bind_int64 (stmt, 1, fixture->fair_id);
  sqlite3_bind_double (stmt, 2, x);
  sqlite3_bind_double (stmt, 3, y);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gint64
add_accepted_exhibitor (Fixture    *fixture,
                        const char *name)
{
  g_autoptr(TdmExhibitor) exhibitor = tdm_exhibitor_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (exhibitor, "fair-id", fixture->fair_id, "organization-name", name, NULL);
  tdm_store_add_exhibitor (fixture->store, exhibitor, &error);
  g_assert_no_error (error);
  tdm_store_set_exhibitor_status (fixture->store, tdm_exhibitor_get_id (exhibitor), "accepted", NULL, &error);
  g_assert_no_error (error);
  return tdm_exhibitor_get_id (exhibitor);
}

/* Fixture -------------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmFair) fair = tdm_fair_new ();

  fixture->store = tdm_test_ui_open_store ("tdm-fairs-XXXXXX", "test.db", &fixture->dir);

  g_object_set (fair, "title", "Salon de test", "status", "planned",
                "floor-width", 40.0, "floor-depth", 30.0, NULL);
  tdm_store_save_fair (fixture->store, fair, &error);
  g_assert_no_error (error);
  fixture->fair_id = tdm_fair_get_id (fair);

  fixture->window = tdm_test_ui_present_window (NULL, fixture->store, "fairs");

  fixture->page = TDM_FAIR_PAGE (tdm_test_ui_find_widget (GTK_WIDGET (fixture->window), TDM_TYPE_FAIR_PAGE));
  g_assert_nonnull (fixture->page);
  g_assert_cmpuint (g_list_model_get_n_items (tdm_fair_page_get_fairs (fixture->page)), ==, 1);
  g_assert_true (tdm_fair_page_show_fair (fixture->page, fixture->fair_id));
  g_assert_true (tdm_fair_page_show_tab (fixture->page, "plan"));
  fixture->editor = tdm_fair_page_get_plan_editor (fixture->page);
  g_assert_true (tdm_test_ui_wait_for (is_drawn, fixture->editor));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tdm_test_ui_close (fixture->window, &fixture->store, &fixture->dir);
}

/* Tests ------------------------------------------------------------------------ */

static void
test_draw_stands (Fixture       *fixture,
                  gconstpointer  data)
{
  GActionGroup *actions = tdm_plan_editor_get_actions (fixture->editor);
  LabelSearch search = { GTK_WIDGET (fixture->window), NULL };
  g_autoptr(TdmStand) first = NULL;
  g_autoptr(TdmStand) moved = NULL;
  gint64 first_id, third_id;

  g_assert_cmpint (count_stands (fixture), ==, 0);
  set_tool (fixture, "stand");

  /* A rectangle dragged on the grid, a click (the default 3 × 3 m) and a
   * drag that does not start on a grid line: it snaps. */
  drag (fixture, 2, 2, 5, 5);
  drag (fixture, 10, 2, 10, 2);
  drag (fixture, 2.2, 10.1, 6.1, 12.9);
  g_assert_cmpint (count_stands (fixture), ==, 3);

  first_id = stand_at (fixture, 3, 3);
  g_assert_cmpint (first_id, >, 0);
  first = tdm_store_get_stand (fixture->store, first_id, NULL);
  g_assert_cmpfloat_with_epsilon (tdm_stand_get_x (first), 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (tdm_stand_get_width (first), 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (tdm_stand_get_depth (first), 3, 1e-9);
  g_assert_cmpint (tdm_stand_get_capacity (first), ==, TDM_PLAN_EDITOR_DEFAULT_CAPACITY);
  g_assert_cmpint (stand_at (fixture, 12.9, 4.9), >, 0);
  third_id = stand_at (fixture, 4, 11);
  g_assert_cmpint (third_id, >, 0);
  g_assert_cmpint (query_int (fixture->store, "SELECT x * 10 + y FROM stand WHERE id = ?1", third_id),
                   ==, 2 * 10 + 10);

  /* A stand over the first one is refused, the toast names it. */
  drag (fixture, 3, 3, 4, 4);
  g_assert_cmpint (count_stands (fixture), ==, 3);
  search.text = tdm_stand_get_code (first);
  g_assert_true (tdm_test_ui_wait_for (shows_label, &search));

  /* Undo takes the last stand away, Redo puts it back under its id. */
  g_assert_true (g_action_group_get_action_enabled (actions, "undo"));
  g_action_group_activate_action (actions, "undo", NULL);
  g_assert_cmpint (count_stands (fixture), ==, 2);
  g_assert_cmpint (stand_at (fixture, 4, 11), ==, 0);
  g_action_group_activate_action (actions, "redo", NULL);
  g_assert_cmpint (count_stands (fixture), ==, 3);
  g_assert_cmpint (stand_at (fixture, 4, 11), ==, third_id);

  /* Select and move the third stand one metre to the right: one write,
   * on release. */
  set_tool (fixture, "select");
  drag (fixture, 4, 11, 5, 11);
  moved = tdm_store_get_stand (fixture->store, third_id, NULL);
  g_assert_cmpfloat_with_epsilon (tdm_stand_get_x (moved), 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (tdm_stand_get_y (moved), 10, 1e-9);
  g_assert_cmpuint (tdm_plan_editor_get_selection (fixture->editor)->len, ==, 1);

  /* Moving it onto the first stand is refused and it goes back. */
  drag (fixture, 4, 11, 4, 4);
  g_clear_object (&moved);
  moved = tdm_store_get_stand (fixture->store, third_id, NULL);
  g_assert_cmpfloat_with_epsilon (tdm_stand_get_y (moved), 10, 1e-9);
  g_assert_cmpint (stand_at (fixture, 4, 11), ==, third_id);

  /* Undo of the move. */
  g_action_group_activate_action (actions, "undo", NULL);
  g_clear_object (&moved);
  moved = tdm_store_get_stand (fixture->store, third_id, NULL);
  g_assert_cmpfloat_with_epsilon (tdm_stand_get_x (moved), 2, 1e-9);

  /* Delete the selection, then Undo. */
  g_action_group_activate_action (actions, "delete", NULL);
  g_assert_cmpint (count_stands (fixture), ==, 2);
  g_action_group_activate_action (actions, "undo", NULL);
  g_assert_cmpint (count_stands (fixture), ==, 3);
}

static void
test_drop_exhibitors (Fixture       *fixture,
                      gconstpointer  data)
{
  LabelSearch search = { GTK_WIDGET (fixture->window), NULL };
  g_autoptr(TdmStand) stand = NULL;
  g_autofree char *full = NULL;
  TdmExhibitorList *list;
  const char *tooltip;
  gint64 stand_id, other_id, first, second, third;
  double px, py;

  set_tool (fixture, "stand");
  drag (fixture, 2, 2, 5, 5);
  drag (fixture, 10, 2, 13, 5);
  drag (fixture, 20, 2, 23, 5);
  g_assert_cmpint (count_stands (fixture), ==, 3);
  stand_id = stand_at (fixture, 3, 3);
  other_id = stand_at (fixture, 11, 3);
  stand = tdm_store_get_stand (fixture->store, stand_id, NULL);
  g_assert_cmpint (tdm_stand_get_capacity (stand), ==, 2);

  first = add_accepted_exhibitor (fixture, "Coopérative Al Amal");
  second = add_accepted_exhibitor (fixture, "Coopérative Tifawin");
  third = add_accepted_exhibitor (fixture, "Coopérative Assafa");

  /* Two drops on the two-place stand take both places. */
  metres_to_pixels (fixture, 3.5, 3.5, &px, &py);
  g_assert_true (tdm_plan_editor_drop_exhibitor (fixture->editor, first, px, py));
  g_assert_true (tdm_plan_editor_drop_exhibitor (fixture->editor, second, px, py));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM exhibitor WHERE stand_id = ?1", stand_id),
                   ==, 2);

  /* Hovering the stand says who is on it. */
  tooltip = tdm_plan_editor_get_tooltip_at (fixture->editor, px, py);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "2 of 2 places taken"));
  g_assert_nonnull (strstr (tooltip, "Coopérative Al Amal"));
  g_assert_nonnull (strstr (tooltip, "Coopérative Tifawin"));

  /* The third is refused: the toast says the stand is full, and nothing
   * changed. */
  g_assert_false (tdm_plan_editor_drop_exhibitor (fixture->editor, third, px, py));
  search.text = tdm_stand_get_code (stand);
  g_assert_true (tdm_test_ui_wait_for (shows_label, &search));
  search.text = "full";
  g_assert_true (tdm_test_ui_wait_for (shows_label, &search));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM exhibitor WHERE stand_id = ?1", stand_id),
                   ==, 2);
  g_assert_cmpint (query_int (fixture->store, "SELECT stand_id IS NULL FROM exhibitor WHERE id = ?1", third),
                   ==, 1);

  /* A drop on an empty place of the floor assigns nothing. */
  metres_to_pixels (fixture, 30, 20, &px, &py);
  g_assert_false (tdm_plan_editor_drop_exhibitor (fixture->editor, third, px, py));

  /* Withdrawn from the Exhibitors tab, the first frees its place, which
   * the third then takes. */
  g_assert_true (tdm_fair_page_show_tab (fixture->page, "exhibitors"));
  list = tdm_fair_page_get_exhibitor_list (fixture->page);
  g_assert_true (tdm_exhibitor_list_select (list, first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "exhibitors.withdraw", NULL));
  g_assert_cmpint (query_int (fixture->store, "SELECT stand_id IS NULL FROM exhibitor WHERE id = ?1", first),
                   ==, 1);
  /* Withdrawn is final: no action takes it back. */
  g_assert_true (tdm_exhibitor_list_select (list, first));
  gtk_widget_activate_action (GTK_WIDGET (list), "exhibitors.accept", NULL);
  g_assert_cmpint (query_int (fixture->store, "SELECT status = 'withdrawn' FROM exhibitor WHERE id = ?1", first),
                   ==, 1);

  g_assert_true (tdm_fair_page_show_tab (fixture->page, "plan"));
  metres_to_pixels (fixture, 3.5, 3.5, &px, &py);
  g_assert_true (tdm_plan_editor_drop_exhibitor (fixture->editor, third, px, py));
  g_assert_cmpint (query_int (fixture->store, "SELECT stand_id FROM exhibitor WHERE id = ?1", third),
                   ==, stand_id);

  /* Dropped on another stand, an exhibitor moves: never two stands. */
  metres_to_pixels (fixture, 11, 3, &px, &py);
  g_assert_true (tdm_plan_editor_drop_exhibitor (fixture->editor, third, px, py));
  g_assert_cmpint (query_int (fixture->store, "SELECT stand_id FROM exhibitor WHERE id = ?1", third),
                   ==, other_id);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM exhibitor WHERE stand_id = ?1", stand_id),
                   ==, 1);
}

static void
test_new_fair_form (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *overview = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                   TDM_TYPE_FAIR_PAGE, "overview"));
  LabelSearch search = { overview, "needs a title" };
  GtkWidget *title_row;
  gint64 new_id;

  /* Ctrl+N on the Fairs page opens the form of a new fair, alone. */
  tdm_fair_page_show_list (fixture->page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new", NULL));
  g_assert_cmpint (tdm_fair_page_get_fair_id (fixture->page), ==, 0);
  g_assert_false (tdm_fair_page_show_tab (fixture->page, "plan"));

  /* Without a title: the message stands beside the field, nothing is
   * written. */
  g_assert_false (tdm_fair_overview_save (TDM_FAIR_OVERVIEW (overview)));
  g_assert_true (tdm_test_ui_wait_for (shows_label, &search));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM fair", 0), ==, 1);

  title_row = tdm_test_ui_find_widget (overview, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Foire de Berkane");
  g_assert_true (tdm_fair_overview_save (TDM_FAIR_OVERVIEW (overview)));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM fair", 0), ==, 2);
  new_id = query_int (fixture->store, "SELECT id FROM fair WHERE title = 'Foire de Berkane'", 0);

  /* Saved, the fair has its other tabs and is in the list. */
  g_assert_cmpint (tdm_fair_page_get_fair_id (fixture->page), ==, new_id);
  g_assert_true (tdm_fair_page_show_tab (fixture->page, "plan"));
  g_assert_cmpuint (g_list_model_get_n_items (tdm_fair_page_get_fairs (fixture->page)), ==, 2);
}

static GtkWidget *
editor_child (Fixture    *fixture,
              const char *id)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->editor), TDM_TYPE_PLAN_EDITOR, id);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* Where the editor draws stand ID now (moved, maybe not written yet). */
static double
live_x (Fixture *fixture,
        gint64   id)
{
  GListModel *stands = tdm_plan_renderer_get_stands (tdm_plan_editor_get_renderer (fixture->editor));

  for (guint i = 0; i < g_list_model_get_n_items (stands); i++)
    {
      g_autoptr(TdmStand) stand = g_list_model_get_item (stands, i);

      if (tdm_stand_get_id (stand) == id)
        return tdm_stand_get_x (stand);
    }
  g_assert_not_reached ();
}

static void
test_edit_tools (Fixture       *fixture,
                 gconstpointer  data)
{
  GActionGroup *actions = tdm_plan_editor_get_actions (fixture->editor);
  g_autoptr(TdmStand) stand = NULL;
  GtkWidget *add_row = NULL;
  gint64 left_id, right_id;
  double px, py;

  set_tool (fixture, "stand");
  drag (fixture, 2, 2, 5, 5);
  drag (fixture, 10, 4, 13, 7);
  left_id = stand_at (fixture, 3, 3);
  right_id = stand_at (fixture, 11, 5);
  g_assert_cmpint (left_id, >, 0);
  g_assert_cmpint (right_id, >, 0);

  /* A rubber band over both selects both; aligning their tops moves the
   * lower one up, in one write. */
  set_tool (fixture, "select");
  drag (fixture, 1, 1, 14, 8);
  g_assert_cmpuint (tdm_plan_editor_get_selection (fixture->editor)->len, ==, 2);
  g_assert_true (g_action_group_get_action_enabled (actions, "align"));
  g_action_group_activate_action (actions, "align", g_variant_new_string ("top"));
  stand = tdm_store_get_stand (fixture->store, right_id, NULL);
  g_assert_cmpfloat_with_epsilon (tdm_stand_get_y (stand), 2, 1e-9);
  g_clear_object (&stand);

  /* A click selects one; its south-east handle resizes it. */
  drag (fixture, 3, 3, 3, 3);
  g_assert_cmpuint (tdm_plan_editor_get_selection (fixture->editor)->len, ==, 1);
  drag (fixture, 5, 5, 6, 6);
  stand = tdm_store_get_stand (fixture->store, left_id, NULL);
  g_assert_cmpfloat_with_epsilon (tdm_stand_get_x (stand), 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (tdm_stand_get_width (stand), 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (tdm_stand_get_depth (stand), 4, 1e-9);
  g_clear_object (&stand);

  /* A double click opens the stand's form: a new code and 3 places. */
  metres_to_pixels (fixture, 3, 3, &px, &py);
  tdm_plan_editor_pointer_press (fixture->editor, px, py, 0, 2);
  tdm_plan_editor_pointer_release (fixture->editor, px, py);
  g_assert_true (gtk_widget_get_visible (editor_child (fixture, "stand_popover")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor_child (fixture, "capacity_spin")), 3);
  gtk_editable_set_text (GTK_EDITABLE (editor_child (fixture, "code_entry")), "VIP-1");
  g_signal_emit_by_name (editor_child (fixture, "code_entry"), "activate");
  stand = tdm_store_get_stand (fixture->store, left_id, NULL);
  g_assert_cmpstr (tdm_stand_get_code (stand), ==, "VIP-1");
  g_assert_cmpint (tdm_stand_get_capacity (stand), ==, 3);
  g_clear_object (&stand);

  /* Escape during a move puts the stand back and writes nothing. */
  metres_to_pixels (fixture, 3, 3, &px, &py);
  tdm_plan_editor_pointer_press (fixture->editor, px, py, 0, 1);
  tdm_plan_editor_pointer_motion (fixture->editor, px + 200, py + 200);
  g_assert_cmpfloat (live_x (fixture, left_id), >, 2.5);
  g_action_group_activate_action (actions, "cancel", NULL);
  g_assert_cmpfloat_with_epsilon (live_x (fixture, left_id), 2, 1e-9);
  tdm_plan_editor_pointer_release (fixture->editor, px + 200, py + 200);
  g_assert_cmpint (stand_at (fixture, 3, 3), ==, left_id);

  /* The row tool: a click where the row starts, its form, 5 stands. */
  set_tool (fixture, "row");
  metres_to_pixels (fixture, 2, 20, &px, &py);
  tdm_plan_editor_pointer_press (fixture->editor, px, py, 0, 1);
  tdm_plan_editor_pointer_release (fixture->editor, px, py);
  g_assert_true (gtk_widget_get_visible (editor_child (fixture, "row_popover")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor_child (fixture, "row_count_spin")), 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor_child (fixture, "row_width_spin")), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor_child (fixture, "row_depth_spin")), 2);
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_popover_get_child (GTK_POPOVER (editor_child (fixture, "row_popover"))));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      add_row = child;
  g_assert_nonnull (add_row);
  g_signal_emit_by_name (add_row, "clicked");
  g_assert_cmpint (count_stands (fixture), ==, 7);
  g_assert_cmpint (stand_at (fixture, 11.5, 21), >, 0);
  g_assert_cmpint (stand_at (fixture, 12.5, 21), ==, 0);

  /* One Undo takes the whole row away. */
  g_action_group_activate_action (actions, "undo", NULL);
  g_assert_cmpint (count_stands (fixture), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/fairs/draw-stands", Fixture, NULL,
              fixture_set_up, test_draw_stands, fixture_tear_down);
  g_test_add ("/ui/fairs/drop-exhibitors", Fixture, NULL,
              fixture_set_up, test_drop_exhibitors, fixture_tear_down);
  g_test_add ("/ui/fairs/edit-tools", Fixture, NULL,
              fixture_set_up, test_edit_tools, fixture_tear_down);
  g_test_add ("/ui/fairs/new-fair-form", Fixture, NULL,
              fixture_set_up, test_new_fair_form, fixture_tear_down);

  return g_test_run ();
}
