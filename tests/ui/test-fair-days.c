/* test-fair-days.c: after the fair, its days typed in the Days tab:
 * bad input refused beside its field, two days added and seen in the
 * database and the totals, one deleted and brought back with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "tdm-fair-day-list.h"
#include "tdm-fair-page.h"
#include "tdm-fairs.h"
#include "tdm-number-format.h"
#include "tdm-test-ui.h"

typedef struct {
  char           *dir;
  TdmStore       *store;
  TdmWindow      *window;
  TdmFairDayList *list;
  gint64          fair_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmFair) fair = tdm_fair_new ();
  TdmFairPage *page;

  fixture->store = tdm_test_ui_open_store ("tdm-fair-days-XXXXXX", "test.db", &fixture->dir);
  g_object_set (fair, "title", "Salon de test", "status", "closed",
                "start-date", "2026-05-14", "end-date", "2026-05-17", NULL);
  tdm_store_save_fair (fixture->store, fair, &error);
  g_assert_no_error (error);
  fixture->fair_id = tdm_fair_get_id (fair);

  fixture->window = tdm_test_ui_present_window (NULL, fixture->store, "fairs");
  page = TDM_FAIR_PAGE (tdm_test_ui_find_widget (GTK_WIDGET (fixture->window), TDM_TYPE_FAIR_PAGE));
  g_assert_nonnull (page);
  g_assert_true (tdm_fair_page_show_fair (page, fixture->fair_id));
  g_assert_true (tdm_fair_page_show_tab (page, "days"));
  fixture->list = TDM_FAIR_DAY_LIST (tdm_test_ui_find_widget (GTK_WIDGET (page), TDM_TYPE_FAIR_DAY_LIST));
  g_assert_nonnull (fixture->list);
  g_assert_true (tdm_test_ui_wait_for (tdm_test_ui_is_mapped, fixture->list));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  tdm_test_ui_drain ();
  g_clear_object (&fixture->store);
  tdm_test_ui_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->list), TDM_TYPE_FAIR_DAY_LIST, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
fill_and_save (Fixture    *fixture,
               const char *day,
               const char *visitors,
               const char *sales)
{
  GtkWidget *save = tdm_test_ui_find_button (GTK_WIDGET (fixture->list), "_Save Day");

  g_assert_nonnull (save);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "date_row")), day);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "visitors_row")), visitors);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "sales_row")), sales);
  g_signal_emit_by_name (save, "clicked");
}

static gint64
count_days (Fixture *fixture)
{
  return tdm_test_ui_query_int (fixture->store, "SELECT count(*) FROM fair_day");
}

static char *
expected_number (double value,
                 guint  decimals)
{
  TdmNumberFormat format;

  tdm_number_format_init (&format, NULL, TDM_DIGITS_WESTERN);
  return tdm_number_format_format (&format, value, decimals);
}

static void
test_add_delete_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkLabel *visitors_total = GTK_LABEL (child (fixture, "total_visitors_label"));
  GtkLabel *sales_total = GTK_LABEL (child (fixture, "total_sales_label"));
  g_autofree char *visitors = expected_number (2000, 0);
  g_autofree char *sales_number = expected_number (25000.5, 2);
  g_autofree char *sales = g_strdup_printf ("%s MAD", sales_number);
  g_autofree char *one_day = expected_number (800, 0);
  GtkWidget *delete;
  GtkWidget *undo;

  /* A day outside the fair, a negative count, a word for sales: each
   * refused beside its field, nothing written. */
  fill_and_save (fixture, "2026-05-20", "-3", "beaucoup");
  g_assert_true (gtk_widget_get_visible (child (fixture, "date_error")));
  g_assert_true (gtk_widget_get_visible (child (fixture, "visitors_error")));
  g_assert_true (gtk_widget_get_visible (child (fixture, "sales_error")));
  g_assert_cmpint (count_days (fixture), ==, 0);

  /* Two days, typed as people type them: spaces between thousands, a
   * decimal comma. */
  fill_and_save (fixture, "2026-05-15", "800", "10000");
  g_assert_false (gtk_widget_get_visible (child (fixture, "date_error")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "visitors_error")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "save_error")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture, "date_row"))), ==, "");
  fill_and_save (fixture, "2026-05-14", "1 200", "15 000,50");
  g_assert_cmpint (count_days (fixture), ==, 2);
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT sum(visitors) FROM fair_day"), ==, 2000);
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store, "SELECT sum(sales) * 10 FROM fair_day"), ==, 250005);
  g_assert_cmpstr (gtk_label_get_label (visitors_total), ==, visitors);
  g_assert_cmpstr (gtk_label_get_label (sales_total), ==, sales);

  /* The same date again changes that day, it does not add one. */
  fill_and_save (fixture, "2026-05-14", "1200", "15000.5");
  g_assert_cmpint (count_days (fixture), ==, 2);

  /* Delete the first day (2026-05-14, in date order), then Undo. */
  delete = tdm_test_ui_find_button_with_tooltip (GTK_WIDGET (fixture->list), "Delete the Day’s Figures");
  g_assert_nonnull (delete);
  g_signal_emit_by_name (delete, "clicked");
  g_assert_cmpint (count_days (fixture), ==, 1);
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store,
                                          "SELECT count(*) FROM fair_day WHERE day = '2026-05-14'"), ==, 0);
  g_assert_cmpstr (gtk_label_get_label (visitors_total), ==, one_day);

  undo = tdm_test_ui_find_button (GTK_WIDGET (fixture->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpint (count_days (fixture), ==, 2);
  g_assert_cmpint (tdm_test_ui_query_int (fixture->store,
                                          "SELECT visitors FROM fair_day WHERE day = '2026-05-14'"), ==, 1200);
  g_assert_cmpstr (gtk_label_get_label (visitors_total), ==, visitors);
  g_assert_cmpstr (gtk_label_get_label (sales_total), ==, sales);
}

/* A change made elsewhere (the CLI, another page) shows at once. */
static void
test_follows_store (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *visitors = expected_number (450, 0);

  tdm_store_set_fair_day (fixture->store, fixture->fair_id, "2026-05-16", 450, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (fixture, "total_visitors_label"))), ==, visitors);

  /* A date that does not exist is refused beside its field. */
  fill_and_save (fixture, "2026-02-30", "10", "");
  g_assert_true (gtk_widget_get_visible (child (fixture, "date_error")));
  g_assert_cmpint (count_days (fixture), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  if (!tdm_test_ui_has_display ())
    return 77;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/fair-days/add-delete-undo", Fixture, NULL,
              fixture_set_up, test_add_delete_undo, fixture_tear_down);
  g_test_add ("/ui/fair-days/follows-store", Fixture, NULL,
              fixture_set_up, test_follows_store, fixture_tear_down);

  return g_test_run ();
}
