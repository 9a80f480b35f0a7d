/* test-dashboard.c: the Dashboard section on a demo database: the boards
 * computed off the main loop, a bar per region, a click on a region that
 * lists its cooperatives, the boards following changes and the dark style.
 *
 * With TDM_UI_SCREENSHOT_DIR set, saves each board there for a person to
 * look at (run it with LANGUAGE=ar or fr, ADW_DEBUG_COLOR_SCHEME=prefer-dark).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "tdm-application.h"
#include "tdm-cooperative-list.h"
#include "tdm-cooperative-page-private.h"
#include "tdm-dashboard-page.h"
#include "tdm-demo.h"
#include "tdm-place.h"
#include "tdm-test-ui.h"
#include "tdm-window-private.h"

#define WAIT_MS 20000
#define N_DEMO 600

static TdmApplication *app;

typedef struct {
  char             *dir;
  TdmStore         *store;
  TdmWindow        *window;
  TdmDashboardPage *page;
} Fixture;

static gboolean
is_idle (gpointer data)
{
  return !tdm_dashboard_page_get_busy (TDM_DASHBOARD_PAGE (data));
}

/* Drawn since its data last changed. */
static gboolean
is_drawn (gpointer data)
{
  return tdm_chart_get_layout (tdm_chart_widget_get_chart (TDM_CHART_WIDGET (data))) != NULL;
}

/* Drawn at the widget's size (not at an export's). */
static gboolean
is_drawn_on_screen (gpointer data)
{
  const TdmChartLayout *layout = tdm_chart_get_layout (tdm_chart_widget_get_chart (data));

  return layout != NULL && layout->area.width == gtk_widget_get_width (GTK_WIDGET (data));
}

/* A fair with its poles, stands, applications and days, and press
 * articles about it, on top of the demo's cooperatives. */
static const char fair_and_press[] =
  "INSERT INTO fair (id, title, edition, region_id, city, start_date, end_date) VALUES"
  " (1, 'Salon régional de l''économie sociale et solidaire', 3, 2, 'Oujda', '2024-05-02', '2024-05-05'),"
  " (2, 'Salon régional de l''économie sociale et solidaire', 2, 2, 'Oujda', '2023-05-04', '2023-05-07');"
  "INSERT INTO pole (id, fair_id, name_fr, name_ar, position) VALUES"
  " (1, 1, 'Produits du terroir', 'المنتوجات المجالية', 0), (2, 1, 'Artisanat', 'الصناعة التقليدية', 1),"
  " (3, 1, 'Coopératives de femmes', 'تعاونيات نسائية', 2);"
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)"
  " INSERT INTO stand (fair_id, pole_id, code, x, y, capacity)"
  " SELECT 1, 1 + i % 3, 'S' || i, (i % 10) * 4, (i / 10) * 4, 1 + i % 2 FROM n;"
  "INSERT INTO exhibitor (fair_id, cooperative_id, status)"
  " SELECT 1, id, CASE id % 6 WHEN 0 THEN 'applied' WHEN 1 THEN 'accepted' WHEN 2 THEN 'confirmed'"
  "   WHEN 3 THEN 'confirmed' WHEN 4 THEN 'rejected' ELSE 'waitlisted' END"
  " FROM cooperative WHERE id <= 60;"
  "UPDATE exhibitor SET stand_id = (SELECT s.id FROM stand s WHERE s.fair_id = 1 AND s.code = 'S' || (exhibitor.id % 30 + 1))"
  " WHERE status = 'confirmed' AND id <= 30;"
  "INSERT INTO fair_day (fair_id, day, visitors, sales) VALUES"
  " (1, '2024-05-02', 1200, 84000), (1, '2024-05-03', 2300, 151000),"
  " (1, '2024-05-04', 3100, 198500), (1, '2024-05-05', 1800, 120000);"
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)"
  " INSERT INTO article (id, language, title, published_on, raw_text, body, content_hash, fair_id)"
  " SELECT i, CASE WHEN i % 2 THEN 'ar' ELSE 'fr' END, 'Article ' || i,"
  "   date('2023-03-01', '+' || (i * 11) || ' days'), 'x', 'x', 'hash' || i,"
  "   CASE WHEN i % 4 = 0 THEN 1 WHEN i % 4 = 1 THEN 2 END FROM n;"
  "INSERT INTO article_fact (article_id, kind, value, status)"
  " SELECT id, 'region', (SELECT name_fr FROM region WHERE region.id = 1 + article.id % 5),"
  "   CASE WHEN id % 7 = 0 THEN 'rejected' WHEN id % 3 = 0 THEN 'proposed' ELSE 'accepted' END FROM article;"
  "INSERT INTO article_fact (article_id, kind, value, status)"
  " SELECT id, 'event_type', CASE id % 5 WHEN 0 THEN 'meeting' WHEN 1 THEN 'study_day'"
  "   WHEN 2 THEN 'workshop' ELSE 'fair' END, 'accepted' FROM article;"
  "INSERT INTO article_fact (article_id, kind, value, status)"
  " SELECT id, 'organization', CASE id % 4 WHEN 0 THEN 'المبادرة الوطنية للتنمية البشرية'"
  "   WHEN 1 THEN 'Agence de Développement Social' WHEN 2 THEN 'مجلس جهة الشرق'"
  "   ELSE 'Office de Développement de la Coopération' END, 'accepted' FROM article;"
  "INSERT INTO article_fact (article_id, kind, value, status)"
  " SELECT id, 'exhibitors', CASE WHEN fair_id = 1 THEN '120' ELSE '85' END, 'accepted'"
  " FROM article WHERE fair_id IS NOT NULL;"
  "INSERT INTO article_fact (article_id, kind, value, status)"
  " SELECT id, 'stands', CASE WHEN fair_id = 1 THEN '90' ELSE '60' END, 'accepted'"
  " FROM article WHERE fair_id IS NOT NULL;";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = tdm_test_ui_open_store ("tdm-ui-XXXXXX", "ui.db", &fixture->dir);
  tdm_demo_populate (fixture->store, N_DEMO, 7, &error);
  g_assert_no_error (error);
  tdm_test_exec_sql (fixture->store, fair_and_press);

  fixture->window = tdm_test_ui_present_window (GTK_APPLICATION (app), fixture->store, "dashboard");
  g_assert_true (tdm_test_ui_wait_for (tdm_test_ui_is_mapped, fixture->window));
  fixture->page = TDM_DASHBOARD_PAGE (tdm_test_ui_find_widget (GTK_WIDGET (fixture->window),
                                                   TDM_TYPE_DASHBOARD_PAGE));
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

static TdmChartWidget *
drawn_chart (Fixture    *fixture,
             const char *name)
{
  TdmChartWidget *widget = tdm_dashboard_page_get_chart_widget (fixture->page, name);

  g_assert_nonnull (widget);
  g_assert_true (tdm_test_ui_wait_for (is_drawn, widget));
  return widget;
}

static gboolean
list_has_n (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (G_LIST_MODEL (args[0])) == GPOINTER_TO_UINT (args[1]);
}

static void
test_registry_click (Fixture       *fixture,
                     gconstpointer  user_data)
{
  TdmChartWidget *widget;
  TdmChart *chart;
  const TdmChartLayout *layout;
  TdmCooperativePage *cooperatives;
  TdmPlace *place;
  const TdmChartMark *mark = NULL;
  gint64 n_regions = tdm_test_ui_query_int (fixture->store,
                                "SELECT count (DISTINCT region_id) FROM cooperative");
  gint64 region_id, expected;
  int category = -1, series = -1;
  g_autofree char *sql = NULL;
  g_autofree char *tooltip = NULL;
  gpointer args[2];

  g_assert_true (TDM_IS_DASHBOARD_PAGE (fixture->page));
  g_assert_true (tdm_test_ui_wait_for (is_idle, fixture->page));

  /* One bar per region that has cooperatives. */
  widget = drawn_chart (fixture, "registry-regions");
  chart = tdm_chart_widget_get_chart (widget);
  layout = tdm_chart_get_layout (chart);
  g_assert_false (layout->empty);
  g_assert_cmpuint (tdm_chart_get_n_categories (chart), ==, n_regions);
  g_assert_cmpuint (layout->n_marks, ==, n_regions);
  tdm_test_ui_maybe_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-registry");

  /* Where the pointer would be: the middle of the third bar. */
  for (guint i = 0; i < layout->n_marks; i++)
    if (layout->marks[i].category == 2)
      mark = &layout->marks[i];
  g_assert_nonnull (mark);
  g_assert_true (tdm_chart_hit_test (chart, mark->box.x + mark->box.width / 2,
                                     mark->box.y + mark->box.height / 2, &category, &series));
  g_assert_cmpint (category, ==, 2);
  tooltip = tdm_chart_dup_tooltip (chart, category, series);
  g_assert_nonnull (strstr (tooltip, tdm_chart_get_category (chart, 2)));

  g_signal_emit_by_name (widget, "category-activated", category);

  /* The cooperatives page, filtered to that region. */
  g_assert_cmpstr (tdm_window_get_page (fixture->window), ==, "cooperatives");
  cooperatives = _tdm_window_get_cooperative_page (fixture->window);
  place = gtk_drop_down_get_selected_item (_tdm_cooperative_page_get_filter (cooperatives,
                                                                             TDM_PLACE_REGION));
  g_assert_nonnull (place);
  g_assert_cmpstr (tdm_place_get_display_name (place), ==, tdm_chart_get_category (chart, 2));
  region_id = tdm_place_get_id (place);
  sql = g_strdup_printf ("SELECT count(*) FROM cooperative WHERE region_id = %" G_GINT64_FORMAT,
                         region_id);
  expected = tdm_test_ui_query_int (fixture->store, sql);
  g_assert_cmpfloat (tdm_chart_get_value (chart, 2, 0), ==, expected);
  args[0] = _tdm_cooperative_page_get_list (cooperatives);
  args[1] = GUINT_TO_POINTER ((guint) expected);
  g_assert_true (tdm_test_ui_wait_for (list_has_n, args));
}

static gboolean
region_count_is (gpointer data)
{
  gpointer *args = data;
  TdmChart *chart = tdm_chart_widget_get_chart (args[0]);
  const char *name = args[1];

  for (guint i = 0; i < tdm_chart_get_n_categories (chart); i++)
    if (g_strcmp0 (tdm_chart_get_category (chart, i), name) == 0)
      return tdm_chart_get_value (chart, i, 0) == *(double *) args[2];
  return FALSE;
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  TdmChartWidget *widget;
  TdmChart *chart;
  g_autofree char *name = NULL;
  double before;
  gpointer args[3];

  g_assert_true (tdm_test_ui_wait_for (is_idle, fixture->page));
  widget = drawn_chart (fixture, "registry-regions");
  chart = tdm_chart_widget_get_chart (widget);
  name = g_strdup (tdm_chart_get_category (chart, 0));
  before = tdm_chart_get_value (chart, 0, 0);

  /* Three new cooperatives in the first region: the board follows. */
  tdm_test_exec_sql (fixture->store,
            "INSERT INTO cooperative (name_fr, region_id) SELECT 'Nouvelle ' || x, region_id "
            "FROM (SELECT region_id, count(*) AS c FROM cooperative GROUP BY region_id "
            "      ORDER BY c DESC, region_id LIMIT 1), (SELECT 1 AS x UNION SELECT 2 UNION SELECT 3)");
  tdm_store_notify_changed (fixture->store, "cooperative");
  g_assert_true (tdm_dashboard_page_get_busy (fixture->page));
  before += 3;
  args[0] = widget;
  args[1] = name;
  args[2] = &before;
  g_assert_true (tdm_test_ui_wait_for (region_count_is, args));
  g_assert_true (tdm_test_ui_wait_for (is_idle, fixture->page));
}

static void
test_fair_and_press (Fixture       *fixture,
                     gconstpointer  user_data)
{
  TdmChart *chart;

  g_assert_true (tdm_test_ui_wait_for (is_idle, fixture->page));

  /* The most recent fair is chosen first. */
  g_assert_cmpint (tdm_dashboard_page_get_fair (fixture->page), ==, 1);
  tdm_dashboard_page_show_board (fixture->page, TDM_BOARD_FAIR);
  chart = tdm_chart_widget_get_chart (drawn_chart (fixture, "fair-funnel"));
  g_assert_cmpfloat (tdm_chart_get_value (chart, 0, 0), ==, 60);
  chart = tdm_chart_widget_get_chart (drawn_chart (fixture, "fair-visitors"));
  g_assert_cmpuint (tdm_chart_get_n_categories (chart), ==, 4);
  tdm_test_ui_maybe_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-fair");

  tdm_dashboard_page_show_board (fixture->page, TDM_BOARD_PRESS);
  chart = tdm_chart_widget_get_chart (drawn_chart (fixture, "press-editions"));
  g_assert_cmpuint (tdm_chart_get_n_categories (chart), ==, 2);
  g_assert_cmpfloat (tdm_chart_get_value (chart, 1, 0), ==, 120);
  tdm_test_ui_maybe_save_screenshot (GTK_WIDGET (fixture->window), "dashboard-press");

  /* Another fair: the boards are computed again for it. */
  tdm_dashboard_page_set_fair (fixture->page, 2);
  g_assert_true (tdm_dashboard_page_get_busy (fixture->page));
  g_assert_true (tdm_test_ui_wait_for (is_idle, fixture->page));
  g_assert_cmpint (tdm_dashboard_page_get_fair (fixture->page), ==, 2);
  chart = tdm_chart_widget_get_chart (tdm_dashboard_page_get_chart_widget (fixture->page,
                                                                           "fair-funnel"));
  g_assert_cmpuint (tdm_chart_get_n_categories (chart), ==, 0);
}

static void
test_dark (Fixture       *fixture,
           gconstpointer  user_data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  TdmChartWidget *widget;

  g_assert_true (tdm_test_ui_wait_for (is_idle, fixture->page));
  widget = drawn_chart (fixture, "registry-women");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (tdm_chart_get_dark (tdm_chart_widget_get_chart (widget)));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (tdm_chart_get_dark (tdm_chart_widget_get_chart (widget)));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_export_and_copy (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char *names[] = { "chart.png", "chart.svg", "chart.pdf" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF" };
  TdmChartWidget *widget;
  GdkContentFormats *formats;
  g_autoptr(GError) error = NULL;

  g_assert_true (tdm_test_ui_wait_for (is_idle, fixture->page));
  widget = drawn_chart (fixture, "registry-regions");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (tdm_chart_widget_export_to_file (widget, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      g_assert_cmpmem (contents, strlen (magic[i]), magic[i], strlen (magic[i]));
      g_remove (path);
    }

  /* An image on the clipboard, offered as PNG among others. */
  g_assert_true (tdm_chart_widget_copy (widget, &error));
  g_assert_no_error (error);
  formats = gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (widget)));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));

  /* The exports drew at their own size: the chart is drawn again on
   * screen, so that hit testing matches what is shown. */
  g_assert_true (tdm_test_ui_wait_for (is_drawn_on_screen, widget));
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

  /* Screenshots for a person show the UI language's strings. */
  if (g_getenv ("TDM_UI_SCREENSHOT_DIR") != NULL && g_getenv ("TDM_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TDM_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  app = tdm_test_ui_new_application ();

  g_test_add ("/ui/dashboard/registry-click", Fixture, NULL,
              fixture_set_up, test_registry_click, fixture_tear_down);
  g_test_add ("/ui/dashboard/follows-changes", Fixture, NULL,
              fixture_set_up, test_follows_changes, fixture_tear_down);
  g_test_add ("/ui/dashboard/fair-and-press", Fixture, NULL,
              fixture_set_up, test_fair_and_press, fixture_tear_down);
  g_test_add ("/ui/dashboard/export-and-copy", Fixture, NULL,
              fixture_set_up, test_export_and_copy, fixture_tear_down);
  g_test_add ("/ui/dashboard/dark", Fixture, NULL,
              fixture_set_up, test_dark, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
