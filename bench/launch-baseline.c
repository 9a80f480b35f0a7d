/* launch-baseline.c: the smallest libadwaita window, for bench/launch.
 *
 * An AdwApplication (unique on the session bus, like Tadamon) whose
 * window has Tadamon's size, a header bar and one label, traced the same
 * way as Tadamon (see src/app/tdm-launch-trace.h): what GTK and
 * libadwaita cost alone on this machine.
 *
 * With --column-view, the label gives way to what GTK 4.8 costs for the
 * registry's table without any data behind it: a GtkColumnView of seven
 * fixed-width columns of ellipsized labels on a model of 100,000 rows
 * whose items are made on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "tdm-launch-trace.h"

#define N_ROWS 100000
#define N_COLUMNS 7

static gboolean column_view;

/* N_ROWS items, each made when asked for. */
#define BENCH_TYPE_ROWS (bench_rows_get_type ())
G_DECLARE_FINAL_TYPE (BenchRows, bench_rows, BENCH, ROWS, GObject)

struct _BenchRows
{
  GObject parent_instance;
};

static GType
bench_rows_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
bench_rows_get_n_items (GListModel *model)
{
  return N_ROWS;
}

static gpointer
bench_rows_get_item (GListModel *model,
                     guint       position)
{
  g_autofree char *text = NULL;

  if (position >= N_ROWS)
    return NULL;

  text = g_strdup_printf ("Coopérative %u", position + 1);
  return gtk_string_object_new (text);
}

static void
bench_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bench_rows_get_item_type;
  iface->get_n_items = bench_rows_get_n_items;
  iface->get_item = bench_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BenchRows, bench_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bench_rows_list_model_init))

static void
bench_rows_class_init (BenchRowsClass *klass)
{
}

static void
bench_rows_init (BenchRows *self)
{
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkWidget *
create_column_view (void)
{
  static const int widths[N_COLUMNS] = { 240, 140, 190, 130, 110, 85, 120 };
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_new (BENCH_TYPE_ROWS, NULL));
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autofree char *title = g_strdup_printf ("Column %u", i + 1);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_fixed_width (column, widths[i]);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == 0);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

static void
on_startup (GApplication *app)
{
  tdm_launch_trace_mark ("startup");
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content;

  if (column_view)
    content = create_column_view ();
  else
    {
      content = gtk_label_new ("Tadamon");
      gtk_widget_set_vexpand (content, TRUE);
    }
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), content);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  tdm_launch_trace_mark ("window");

  gtk_window_present (GTK_WINDOW (window));
  tdm_launch_trace_mark ("presented");
  tdm_launch_trace_watch_first_frame (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  tdm_launch_trace_mark ("main");
  if (argc > 1 && g_str_equal (argv[1], "--column-view"))
    {
      column_view = TRUE;
      argv[1] = argv[0];
      argc--;
      argv++;
    }

  /* As Tadamon does (tdm-application.c): no GL driver for the cairo
   * renderer, so that the two differ only by what Tadamon adds. */
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0)
    g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  app = adw_application_new ("ma.tadamon.LaunchBaseline", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect_after (app, "startup", G_CALLBACK (on_startup), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
