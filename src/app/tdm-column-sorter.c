/* tdm-column-sorter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdm-column-sorter.h"

struct _TdmColumnSorter
{
  GtkSorter parent_instance;

  int       key;
  gboolean  asked;
};

G_DEFINE_FINAL_TYPE (TdmColumnSorter, tdm_column_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

int
tdm_column_sorter_get_key (TdmColumnSorter *self)
{
  g_return_val_if_fail (TDM_IS_COLUMN_SORTER (self), -1);

  return self->key;
}

int
tdm_column_sorter_probe (GtkSorter     *sorter,
                         GtkColumnView *column_view,
                         gboolean      *descending)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;
  guint n = g_list_model_get_n_items (columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *column_sorter = gtk_column_view_column_get_sorter (column);

      if (TDM_IS_COLUMN_SORTER (column_sorter))
        TDM_COLUMN_SORTER (column_sorter)->asked = FALSE;
    }

  order = gtk_sorter_compare (sorter, a, b);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *column_sorter = gtk_column_view_column_get_sorter (column);

      if (TDM_IS_COLUMN_SORTER (column_sorter) && TDM_COLUMN_SORTER (column_sorter)->asked)
        {
          if (descending != NULL)
            *descending = order == GTK_ORDERING_LARGER;
          return TDM_COLUMN_SORTER (column_sorter)->key;
        }
    }

  if (descending != NULL)
    *descending = FALSE;
  return -1;
}

static GtkOrdering
tdm_column_sorter_compare (GtkSorter *sorter,
                           gpointer   item1,
                           gpointer   item2)
{
  TDM_COLUMN_SORTER (sorter)->asked = TRUE;

  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
tdm_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
tdm_column_sorter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TdmColumnSorter *self = TDM_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_int (value, self->key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_column_sorter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TdmColumnSorter *self = TDM_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      self->key = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_column_sorter_class_init (TdmColumnSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->get_property = tdm_column_sorter_get_property;
  object_class->set_property = tdm_column_sorter_set_property;
  sorter_class->compare = tdm_column_sorter_compare;
  sorter_class->get_order = tdm_column_sorter_get_order;

  properties[PROP_KEY] =
    g_param_spec_int ("key", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tdm_column_sorter_init (TdmColumnSorter *self)
{
}
