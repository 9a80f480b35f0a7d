/* tdm-dashboard-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tdm-cooperative-page.h"
#include "tdm-dashboard-page.h"
#include "tdm-window-private.h"

/* Bursts of changes (an import, a bulk edit) give one recompute. */
#define DEBOUNCE_MS 300

typedef struct {
  const TdmBoardChart *desc;
  TdmChartWidget      *widget;
  TdmStatsTable       *table;   /* what the widget shows, for clicks */
} Slot;

struct _TdmDashboardPage
{
  AdwBin         parent_instance;

  TdmStore      *store;
  Slot          *slots;
  guint          n_slots;
  GArray        *fair_ids;      /* gint64, the drop-down's fairs */
  gint64         fair_id;
  gboolean       updating_fairs;
  GCancellable  *cancellable;
  guint          debounce_id;
  gboolean       busy;
  /* A recompute was wanted while the page was not on screen. */
  gboolean       stale;

  /* Template widgets */
  AdwViewStack  *board_stack;
  GtkFlowBox    *registry_flow;
  GtkFlowBox    *fair_flow;
  GtkFlowBox    *press_flow;
  GtkStack      *fair_stack;
  GtkDropDown   *fair_dropdown;
  GtkSpinner    *spinner;
};

G_DEFINE_FINAL_TYPE (TdmDashboardPage, tdm_dashboard_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_recompute (TdmDashboardPage *self,
                                guint             delay_ms);

/* The worker ------------------------------------------------------------------ */

typedef struct {
  char            *path;      /* NULL: compute with the page's own store */
  gint64           fair_id;   /* wanted; the first fair when it is gone */
  TdmStatsTable   *fairs;
  TdmStatsTable  **tables;    /* one per chart, NULL when not computed */
  guint            n_tables;
  char            *error;     /* the first failure, for the log */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_clear_pointer (&job->fairs, tdm_stats_table_free);
  for (guint i = 0; i < job->n_tables; i++)
    tdm_stats_table_free (job->tables[i]);
  g_free (job->tables);
  g_free (job->error);
  g_free (job);
}

static gboolean
job_run (Job           *job,
         TdmStore      *store,
         GCancellable  *cancellable)
{
  const TdmBoardChart *charts = tdm_board_get_charts (&job->n_tables);
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  job->tables = g_new0 (TdmStatsTable *, job->n_tables);
  job->fairs = tdm_stats_list_fairs (store, &error);
  if (job->fairs == NULL)
    {
      job->error = g_strdup (error->message);
      return TRUE;
    }
  for (guint i = 0; i < job->fairs->n_categories; i++)
    found |= job->fairs->ids[i] == job->fair_id;
  if (!found)
    job->fair_id = job->fairs->n_categories > 0 ? job->fairs->ids[0] : 0;

  for (guint i = 0; i < job->n_tables; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      if (charts[i].needs_fair && job->fair_id <= 0)
        continue;

      g_clear_error (&error);
      job->tables[i] = tdm_board_chart_compute (&charts[i], store, job->fair_id, &error);
      if (job->tables[i] == NULL && job->error == NULL)
        job->error = g_strdup_printf ("%s: %s", charts[i].name, error->message);
    }
  return TRUE;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  /* A connection of its own: a store is used from one thread at a time. */
  g_autoptr(TdmStore) store = tdm_store_open (job->path, &error);

  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!job_run (job, store, cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_boolean (task, TRUE);
}

/* Applying the figures ------------------------------------------------------------ */

static void
set_busy (TdmDashboardPage *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_fairs (TdmDashboardPage *self,
              Job              *job)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n = job->fairs != NULL ? job->fairs->n_categories : 0;

  g_array_set_size (self->fair_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (names, job->fairs->labels[i]);
      g_array_append_val (self->fair_ids, job->fairs->ids[i]);
      if (job->fairs->ids[i] == job->fair_id)
        selected = i;
    }

  self->updating_fairs = TRUE;
  gtk_drop_down_set_model (self->fair_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->fair_dropdown, selected);
  self->updating_fairs = FALSE;

  self->fair_id = job->fair_id;
  gtk_widget_set_sensitive (GTK_WIDGET (self->fair_dropdown), n > 0);
  gtk_stack_set_visible_child_name (self->fair_stack, n > 0 ? "charts" : "no-fair");
}

static void
apply_job (TdmDashboardPage *self,
           Job              *job)
{
  if (job->error != NULL)
    g_warning ("Dashboard: %s", job->error);

  update_fairs (self, job);
  for (guint i = 0; i < self->n_slots && i < job->n_tables; i++)
    {
      Slot *slot = &self->slots[i];

      g_clear_pointer (&slot->table, tdm_stats_table_free);
      slot->table = g_steal_pointer (&job->tables[i]);
      tdm_board_chart_fill (slot->desc, tdm_chart_widget_get_chart (slot->widget), slot->table);
      tdm_chart_widget_chart_changed (slot->widget);
    }
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TdmDashboardPage *self = TDM_DASHBOARD_PAGE (source);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (task, &error))
    {
      /* A newer job replaced this one: it says when it is done. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Dashboard: %s", error->message);
    }
  else
    apply_job (self, g_task_get_task_data (task));

  if (g_task_get_cancellable (task) == self->cancellable)
    {
      g_clear_object (&self->cancellable);
      set_busy (self, FALSE);
    }
}

static void
recompute (TdmDashboardPage *self)
{
  g_autoptr(GTask) task = NULL;
  const char *path;
  Job *job;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL)
    {
      /* No database: nothing to show, not the last one's figures. */
      job = g_new0 (Job, 1);
      job->tables = g_new0 (TdmStatsTable *, self->n_slots);
      job->n_tables = self->n_slots;
      apply_job (self, job);
      job_free (job);
      set_busy (self, FALSE);
      return;
    }

  /* The boards cost a few hundred milliseconds of queries at national
   * scale: not at start-up, nor while another page is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      set_busy (self, FALSE);
      return;
    }
  self->stale = FALSE;

  job = g_new0 (Job, 1);
  job->fair_id = self->fair_id;
  path = tdm_store_get_path (self->store);

  if (path == NULL || g_str_equal (path, ":memory:"))
    {
      /* A private in-memory database cannot be opened twice: computed
       * here (such a database is small: tests, a first look). */
      job_run (job, self->store, NULL);
      apply_job (self, job);
      job_free (job);
      set_busy (self, FALSE);
      return;
    }

  job->path = g_strdup (path);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_job_done, NULL);
  g_task_set_source_tag (task, recompute);
  g_task_set_task_data (task, job, job_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, job_thread);
}

static gboolean
on_debounce_timeout (gpointer user_data)
{
  TdmDashboardPage *self = TDM_DASHBOARD_PAGE (user_data);

  self->debounce_id = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_recompute (TdmDashboardPage *self,
                    guint             delay_ms)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    set_busy (self, TRUE);
  self->debounce_id = g_timeout_add (delay_ms, on_debounce_timeout, self);
}

static void
on_store_changed (TdmDashboardPage *self,
                  const char       *table)
{
  static const char * const watched[] = {
    "cooperative", "fair", "pole", "stand", "exhibitor", "fair_day",
    "article", "article_fact", "partner",
  };

  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    if (g_strcmp0 (table, watched[i]) == 0)
      {
        schedule_recompute (self, DEBOUNCE_MS);
        return;
      }
}

static void
on_fair_selected (TdmDashboardPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->fair_dropdown);

  if (self->updating_fairs || selected >= self->fair_ids->len)
    return;

  tdm_dashboard_page_set_fair (self, g_array_index (self->fair_ids, gint64, selected));
}

/* Clicks: the records behind a bar ---------------------------------------------- */

static void
on_category_activated (TdmChartWidget *widget,
                       int             category,
                       gpointer        user_data)
{
  TdmDashboardPage *self = TDM_DASHBOARD_PAGE (user_data);
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), TDM_TYPE_WINDOW);
  TdmPlaceKind kind;
  Slot *slot = NULL;

  for (guint i = 0; i < self->n_slots; i++)
    if (self->slots[i].widget == widget)
      slot = &self->slots[i];
  if (slot == NULL || slot->table == NULL || category < 0 ||
      (guint) category >= slot->table->n_categories || window == NULL)
    return;

  switch (slot->desc->link)
    {
    case TDM_BOARD_LINK_REGION:
      kind = TDM_PLACE_REGION;
      break;
    case TDM_BOARD_LINK_PROVINCE:
      kind = TDM_PLACE_PROVINCE;
      break;
    case TDM_BOARD_LINK_SECTOR:
      kind = TDM_PLACE_SECTOR;
      break;
    case TDM_BOARD_LINK_NONE:
    default:
      return;
    }

  tdm_cooperative_page_show_place (_tdm_window_get_cooperative_page (TDM_WINDOW (window)),
                                   kind, slot->table->ids[category]);
  tdm_window_show_page (TDM_WINDOW (window), "cooperatives");
}

/* Public ------------------------------------------------------------------------- */

TdmStore *
tdm_dashboard_page_get_store (TdmDashboardPage *self)
{
  g_return_val_if_fail (TDM_IS_DASHBOARD_PAGE (self), NULL);

  return self->store;
}

void
tdm_dashboard_page_set_store (TdmDashboardPage *self,
                              TdmStore         *store)
{
  g_return_if_fail (TDM_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (store == NULL || TDM_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                             G_CONNECT_SWAPPED);

  self->fair_id = 0;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  recompute (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
tdm_dashboard_page_get_busy (TdmDashboardPage *self)
{
  g_return_val_if_fail (TDM_IS_DASHBOARD_PAGE (self), FALSE);

  return self->busy;
}

void
tdm_dashboard_page_show_board (TdmDashboardPage *self,
                               TdmBoard          board)
{
  static const char * const names[] = { "registry", "fair", "press" };

  g_return_if_fail (TDM_IS_DASHBOARD_PAGE (self));
  g_return_if_fail ((guint) board < G_N_ELEMENTS (names));

  adw_view_stack_set_visible_child_name (self->board_stack, names[board]);
}

gint64
tdm_dashboard_page_get_fair (TdmDashboardPage *self)
{
  g_return_val_if_fail (TDM_IS_DASHBOARD_PAGE (self), 0);

  return self->fair_id;
}

void
tdm_dashboard_page_set_fair (TdmDashboardPage *self,
                             gint64            fair_id)
{
  g_return_if_fail (TDM_IS_DASHBOARD_PAGE (self));

  if (self->fair_id == fair_id)
    return;
  self->fair_id = fair_id;
  schedule_recompute (self, 0);
}

TdmChartWidget *
tdm_dashboard_page_get_chart_widget (TdmDashboardPage *self,
                                     const char       *name)
{
  g_return_val_if_fail (TDM_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->n_slots; i++)
    if (g_str_equal (self->slots[i].desc->name, name))
      return self->slots[i].widget;
  return NULL;
}

/* GObject ------------------------------------------------------------------------- */

static void
setup_flow (GtkFlowBox *flow)
{
  gtk_flow_box_set_selection_mode (flow, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (flow, TRUE);
  gtk_flow_box_set_min_children_per_line (flow, 1);
  gtk_flow_box_set_max_children_per_line (flow, 3);
  gtk_flow_box_set_row_spacing (flow, 12);
  gtk_flow_box_set_column_spacing (flow, 12);
  gtk_widget_set_valign (GTK_WIDGET (flow), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (flow), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (flow), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (flow), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (flow), 12);
}

static void
create_cards (TdmDashboardPage *self)
{
  const TdmBoardChart *charts = tdm_board_get_charts (&self->n_slots);
  GtkFlowBox *flows[] = { self->registry_flow, self->fair_flow, self->press_flow };

  for (guint i = 0; i < G_N_ELEMENTS (flows); i++)
    setup_flow (flows[i]);

  self->slots = g_new0 (Slot, self->n_slots);
  for (guint i = 0; i < self->n_slots; i++)
    {
      g_autoptr(TdmChart) chart = tdm_board_chart_new (&charts[i]);
      GtkWidget *widget = tdm_chart_widget_new (chart);
      GtkWidget *child = gtk_flow_box_child_new ();

      self->slots[i].desc = &charts[i];
      self->slots[i].widget = TDM_CHART_WIDGET (widget);
      tdm_chart_widget_set_file_name (TDM_CHART_WIDGET (widget), charts[i].name);
      tdm_chart_widget_set_activatable (TDM_CHART_WIDGET (widget),
                                        charts[i].link != TDM_BOARD_LINK_NONE);
      gtk_widget_add_css_class (widget, "card");
      gtk_widget_add_css_class (widget, "dashboard-chart");
      g_signal_connect_object (widget, "category-activated",
                               G_CALLBACK (on_category_activated), self, 0);

      /* Cards are not focus stops of their own: the menu inside is. */
      gtk_widget_set_focusable (child, FALSE);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), widget);
      gtk_flow_box_append (flows[charts[i].board], child);
    }
}

static void
tdm_dashboard_page_dispose (GObject *object)
{
  TdmDashboardPage *self = TDM_DASHBOARD_PAGE (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  for (guint i = 0; i < self->n_slots; i++)
    g_clear_pointer (&self->slots[i].table, tdm_stats_table_free);
  g_clear_pointer (&self->slots, g_free);
  self->n_slots = 0;
  g_clear_pointer (&self->fair_ids, g_array_unref);

  G_OBJECT_CLASS (tdm_dashboard_page_parent_class)->dispose (object);
}

static void
tdm_dashboard_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TdmDashboardPage *self = TDM_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_dashboard_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TdmDashboardPage *self = TDM_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tdm_dashboard_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_dashboard_page_map (GtkWidget *widget)
{
  TdmDashboardPage *self = TDM_DASHBOARD_PAGE (widget);

  GTK_WIDGET_CLASS (tdm_dashboard_page_parent_class)->map (widget);

  if (self->stale)
    recompute (self);
}

static void
tdm_dashboard_page_class_init (TdmDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_dashboard_page_dispose;
  object_class->get_property = tdm_dashboard_page_get_property;
  object_class->set_property = tdm_dashboard_page_set_property;
  widget_class->map = tdm_dashboard_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TDM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ma/tadamon/Tadamon/tdm-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmDashboardPage, board_stack);
  gtk_widget_class_bind_template_child (widget_class, TdmDashboardPage, registry_flow);
  gtk_widget_class_bind_template_child (widget_class, TdmDashboardPage, fair_flow);
  gtk_widget_class_bind_template_child (widget_class, TdmDashboardPage, press_flow);
  gtk_widget_class_bind_template_child (widget_class, TdmDashboardPage, fair_stack);
  gtk_widget_class_bind_template_child (widget_class, TdmDashboardPage, fair_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdmDashboardPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_fair_selected);
}

static void
tdm_dashboard_page_init (TdmDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fair_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  create_cards (self);
  gtk_stack_set_visible_child_name (self->fair_stack, "no-fair");
  gtk_widget_set_sensitive (GTK_WIDGET (self->fair_dropdown), FALSE);
}
