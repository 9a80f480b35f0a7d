/* tdm-text-column.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdm-text-column.h"

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         TdmTextColumnFunc         func)
{
  gpointer object = gtk_list_item_get_item (item);
  g_autofree char *text = object != NULL ? func (object) : NULL;
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, text != NULL && *text != '\0' ? text : NULL);
}

typedef struct {
  TdmTextColumnFunc func;
  gboolean          numeric;
} SortData;

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  SortData *data = user_data;
  g_autofree char *text_a = data->func ((gpointer) a);
  g_autofree char *text_b = data->func ((gpointer) b);

  if (data->numeric)
    {
      double x = text_a != NULL ? g_ascii_strtod (text_a, NULL) : 0;
      double y = text_b != NULL ? g_ascii_strtod (text_b, NULL) : 0;

      return (x > y) - (x < y);
    }

  return g_utf8_collate (text_a != NULL ? text_a : "", text_b != NULL ? text_b : "");
}

GtkSorter *
tdm_text_column_sorter_new (TdmTextColumnFunc func,
                            gboolean          numeric)
{
  SortData *data = g_new0 (SortData, 1);

  data->func = func;
  data->numeric = numeric;
  return GTK_SORTER (gtk_custom_sorter_new (compare_cb, data, g_free));
}

GtkColumnViewColumn *
tdm_text_column_new (const char        *title,
                     TdmTextColumnFunc  func,
                     gboolean           expand,
                     int                fixed_width,
                     gboolean           numeric)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  g_autoptr(GtkSorter) sorter = tdm_text_column_sorter_new (func, numeric);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), func);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);

  gtk_column_view_column_set_sorter (column, sorter);

  return column;
}

void
tdm_text_column_append (GtkColumnView     *view,
                        const char        *title,
                        TdmTextColumnFunc  func,
                        gboolean           expand,
                        int                fixed_width,
                        gboolean           numeric)
{
  g_autoptr(GtkColumnViewColumn) column = tdm_text_column_new (title, func, expand, fixed_width, numeric);

  gtk_column_view_append_column (view, column);
}
