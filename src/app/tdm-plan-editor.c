/* tdm-plan-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tdm-app-util.h"
#include "tdm-fairs.h"
#include "tdm-plan-editor.h"

/* Pixels per metre the view may go between. */
#define MIN_SCALE 1.0
#define MAX_SCALE 200.0
#define ZOOM_STEP 1.25
/* A press that moves less than this many pixels is a click. */
#define CLICK_SLOP 3.0
#define HANDLE_TOLERANCE 6.0
#define SCROLL_PAN_PIXELS 30.0
/* Pixels redrawn around a moving stand: its outline and handles. */
#define DAMAGE_MARGIN 12.0

typedef enum {
  MODE_NONE,
  MODE_MOVE,
  MODE_RESIZE,
  MODE_RUBBER_BAND,
  MODE_CREATE,
} DragMode;

typedef enum {
  COMMAND_UPDATE,   /* BEFORE → AFTER: positions, sizes, codes ... */
  COMMAND_ADD,      /* AFTER: the stands added */
  COMMAND_DELETE,   /* BEFORE: the stands deleted, with their exhibitors */
} CommandKind;

typedef struct {
  CommandKind  kind;
  GPtrArray   *before;   /* TdmStand snapshots */
  GPtrArray   *after;
} Command;

struct _TdmPlanEditor
{
  GtkWidget         parent_instance;

  TdmStore         *store;
  gint64            fair_id;
  TdmPlanRenderer  *renderer;
  GListModel       *stands;     /* the renderer's */
  GListModel       *poles;

  TdmPlanTransform  transform;
  /* Until the user zooms or pans, the view fits the floor. */
  gboolean          user_view;

  char             *tool;
  gint64            pole_id;
  double            grid_step;
  GArray           *selection;  /* gint64 */

  /* The gesture under way. */
  DragMode          mode;
  gboolean          dragged;    /* moved beyond CLICK_SLOP */
  gint64            press_stand_id;
  gboolean          press_shift;
  double            press_px, press_py;
  double            press_x, press_y;   /* metres */
  double            pointer_px, pointer_py;
  TdmPlanHandle     handle;
  GPtrArray        *drag_stands;  /* the live stands being moved */
  GArray           *drag_rects;   /* TdmPlanRect: where they were */
  GskRenderNode    *drag_cache;   /* the plan when the gesture began */
  double            pan_start_x, pan_start_y;

  GSimpleActionGroup *actions;    /* "plan" */
  GPtrArray        *undo_stack;   /* Command */
  GPtrArray        *redo_stack;

  /* Who is on a stand, for the tooltip; cleared at each change. */
  GHashTable       *tooltip_cache;

  /* Template widgets */
  GtkPopover       *stand_popover;
  GtkEntry         *code_entry;
  GtkDropDown      *pole_dropdown;
  GtkSpinButton    *capacity_spin;
  GtkLabel         *stand_error;
  GtkPopover       *row_popover;
  GtkSpinButton    *row_count_spin;
  GtkSpinButton    *row_width_spin;
  GtkSpinButton    *row_depth_spin;
  GtkSwitch        *row_vertical_switch;
  GtkLabel         *row_error;
  gint64            edited_stand_id;
  gint64            hover_id;
  gint64            drop_stand_id;  /* under an exhibitor being dragged */
  gboolean          drop_accepted;
  double            row_x, row_y;
};

G_DEFINE_FINAL_TYPE (TdmPlanEditor, tdm_plan_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TOOL,
  PROP_POLE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (TdmPlanEditor *self);

/* Helpers ------------------------------------------------------------------- */

static void
command_free (gpointer data)
{
  Command *command = data;

  g_clear_pointer (&command->before, g_ptr_array_unref);
  g_clear_pointer (&command->after, g_ptr_array_unref);
  g_free (command);
}

static GPtrArray *
copy_stands (GPtrArray *stands)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < stands->len; i++)
    g_ptr_array_add (copies, tdm_stand_copy (g_ptr_array_index (stands, i)));
  return copies;
}

static TdmStand *
find_stand (TdmPlanEditor *self,
            gint64         id)
{
  guint n = self->stands != NULL ? g_list_model_get_n_items (self->stands) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmStand) stand = g_list_model_get_item (self->stands, i);

      if (tdm_stand_get_id (stand) == id)
        return stand;   /* the model keeps it alive */
    }
  return NULL;
}

static void
stand_rect (TdmStand    *stand,
            TdmPlanRect *rect)
{
  rect->x = tdm_stand_get_x (stand);
  rect->y = tdm_stand_get_y (stand);
  rect->width = tdm_stand_get_width (stand);
  rect->depth = tdm_stand_get_depth (stand);
}

static gboolean
is_selected (TdmPlanEditor *self,
             gint64         id)
{
  for (guint i = 0; i < self->selection->len; i++)
    if (g_array_index (self->selection, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
set_enabled (TdmPlanEditor *self,
             const char    *name,
             gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (TdmPlanEditor *self)
{
  gboolean has_fair = self->store != NULL && self->fair_id > 0;
  gboolean has_selection = self->selection->len > 0;

  set_enabled (self, "undo", has_fair && self->undo_stack->len > 0);
  set_enabled (self, "redo", has_fair && self->redo_stack->len > 0);
  set_enabled (self, "delete", has_fair && has_selection);
  set_enabled (self, "align", has_fair && self->selection->len > 1);
  set_enabled (self, "select-all", has_fair);
  set_enabled (self, "export-pdf", has_fair);
  set_enabled (self, "export-png", has_fair);
  set_enabled (self, "print", has_fair);
}

static void
selection_changed (TdmPlanEditor *self)
{
  tdm_plan_renderer_set_selection (self->renderer, (const gint64 *) self->selection->data,
                                   self->selection->len);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_only (TdmPlanEditor *self,
             gint64         id)
{
  g_array_set_size (self->selection, 0);
  if (id > 0)
    g_array_append_val (self->selection, id);
  selection_changed (self);
}

static void
toggle_selected (TdmPlanEditor *self,
                 gint64         id)
{
  for (guint i = 0; i < self->selection->len; i++)
    if (g_array_index (self->selection, gint64, i) == id)
      {
        g_array_remove_index (self->selection, i);
        selection_changed (self);
        return;
      }
  g_array_append_val (self->selection, id);
  selection_changed (self);
}

/* The selected stands that still exist (live objects of the model). */
static GPtrArray *
selected_stands (TdmPlanEditor *self)
{
  GPtrArray *stands = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->selection->len; i++)
    {
      TdmStand *stand = find_stand (self, g_array_index (self->selection, gint64, i));

      if (stand != NULL)
        g_ptr_array_add (stands, g_object_ref (stand));
    }
  return stands;
}

/* Undo and redo --------------------------------------------------------------- */

static void
push_command (TdmPlanEditor *self,
              CommandKind    kind,
              GPtrArray     *before,
              GPtrArray     *after)
{
  Command *command = g_new0 (Command, 1);

  command->kind = kind;
  command->before = before;
  command->after = after;
  g_ptr_array_add (self->undo_stack, command);
  g_ptr_array_set_size (self->redo_stack, 0);
  update_actions (self);
}

static GArray *
stand_ids (GPtrArray *stands)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), stands->len);

  for (guint i = 0; i < stands->len; i++)
    {
      gint64 id = tdm_stand_get_id (g_ptr_array_index (stands, i));

      g_array_append_val (ids, id);
    }
  return ids;
}

/* Applies COMMAND backwards (UNDO) or forwards; the snapshots it keeps
 * are refreshed so that it can be applied again the other way. */
static gboolean
apply_command (TdmPlanEditor  *self,
               Command        *command,
               gboolean        undo,
               GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  GPtrArray *deleted = NULL;

  switch (command->kind)
    {
    case COMMAND_UPDATE:
      return tdm_store_update_stands (self->store, undo ? command->before : command->after,
                                      NULL, error);

    case COMMAND_ADD:
      if (!undo)
        return tdm_store_restore_stands (self->store, command->after, error);
      ids = stand_ids (command->after);
      if (!tdm_store_delete_stands (self->store, (const gint64 *) ids->data, ids->len, &deleted, error))
        return FALSE;
      g_ptr_array_unref (command->after);
      command->after = deleted;
      return TRUE;

    case COMMAND_DELETE:
      if (undo)
        return tdm_store_restore_stands (self->store, command->before, error);
      ids = stand_ids (command->before);
      if (!tdm_store_delete_stands (self->store, (const gint64 *) ids->data, ids->len, &deleted, error))
        return FALSE;
      g_ptr_array_unref (command->before);
      command->before = deleted;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
step_history (TdmPlanEditor *self,
              gboolean       undo)
{
  GPtrArray *from = undo ? self->undo_stack : self->redo_stack;
  GPtrArray *to = undo ? self->redo_stack : self->undo_stack;
  g_autoptr(GError) error = NULL;
  Command *command;

  if (self->store == NULL || from->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (from, from->len - 1);
  if (!apply_command (self, command, undo, &error))
    {
      /* The plan changed under the step (an exhibitor took a place ...):
       * the step is kept where it was and the user told why. */
      g_ptr_array_add (from, command);
      tdm_app_show_refusal (GTK_WIDGET (self), error->message);
      return FALSE;
    }

  g_ptr_array_add (to, command);
  update_actions (self);
  return TRUE;
}

gboolean
tdm_plan_editor_undo (TdmPlanEditor *self)
{
  g_return_val_if_fail (TDM_IS_PLAN_EDITOR (self), FALSE);

  return step_history (self, TRUE);
}

gboolean
tdm_plan_editor_redo (TdmPlanEditor *self)
{
  g_return_val_if_fail (TDM_IS_PLAN_EDITOR (self), FALSE);

  return step_history (self, FALSE);
}

/* Loading ------------------------------------------------------------------------ */

static void
fill_pole_dropdown (TdmPlanEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = self->poles != NULL ? g_list_model_get_n_items (self->poles) : 0;

  gtk_string_list_append (names, _("No pole"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmPole) pole = g_list_model_get_item (self->poles, i);

      gtk_string_list_append (names, tdm_pole_get_display_name (pole));
    }
  gtk_drop_down_set_model (self->pole_dropdown, G_LIST_MODEL (names));
}

static void
reload (TdmPlanEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->tooltip_cache);
  g_clear_object (&self->poles);
  self->stands = NULL;

  if (self->store == NULL || self->fair_id <= 0)
    {
      tdm_plan_renderer_set_fair (self->renderer, NULL);
      tdm_plan_renderer_set_stands (self->renderer, NULL);
      tdm_plan_renderer_set_poles (self->renderer, NULL);
    }
  else if (!tdm_plan_renderer_load (self->renderer, self->store, self->fair_id, &error))
    tdm_app_show_refusal (GTK_WIDGET (self), error->message);
  else
    {
      self->stands = tdm_plan_renderer_get_stands (self->renderer);
      self->poles = tdm_store_list_poles (self->store, self->fair_id, NULL);
    }
  fill_pole_dropdown (self);

  /* Stands that went away leave the selection. */
  for (guint i = self->selection->len; i > 0; i--)
    if (find_stand (self, g_array_index (self->selection, gint64, i - 1)) == NULL)
      g_array_remove_index (self->selection, i - 1);
  selection_changed (self);
}

static void
store_changed_cb (TdmPlanEditor *self,
                  const char    *table)
{
  /* A gesture keeps its live stands until it ends. */
  if (self->mode == MODE_MOVE || self->mode == MODE_RESIZE)
    return;

  if (g_strcmp0 (table, "stand") == 0 || g_strcmp0 (table, "pole") == 0 ||
      g_strcmp0 (table, "fair") == 0 || g_strcmp0 (table, "exhibitor") == 0)
    reload (self);
}

void
tdm_plan_editor_set_fair (TdmPlanEditor *self,
                          TdmStore      *store,
                          gint64         fair_id)
{
  g_return_if_fail (TDM_IS_PLAN_EDITOR (self));
  g_return_if_fail (store == NULL || TDM_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  self->fair_id = store != NULL ? fair_id : 0;
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  g_array_set_size (self->selection, 0);
  self->mode = MODE_NONE;
  self->user_view = FALSE;
  reload (self);
}

gint64
tdm_plan_editor_get_fair_id (TdmPlanEditor *self)
{
  g_return_val_if_fail (TDM_IS_PLAN_EDITOR (self), 0);

  return self->fair_id;
}

TdmPlanRenderer *
tdm_plan_editor_get_renderer (TdmPlanEditor *self)
{
  g_return_val_if_fail (TDM_IS_PLAN_EDITOR (self), NULL);

  return self->renderer;
}

const GArray *
tdm_plan_editor_get_selection (TdmPlanEditor *self)
{
  g_return_val_if_fail (TDM_IS_PLAN_EDITOR (self), NULL);

  return self->selection;
}

/* View -------------------------------------------------------------------------- */

static void
ensure_transform (TdmPlanEditor *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!self->user_view && width > 0 && height > 0)
    tdm_plan_renderer_fit (self->renderer, width, height, &self->transform);
}

const TdmPlanTransform *
tdm_plan_editor_get_transform (TdmPlanEditor *self)
{
  g_return_val_if_fail (TDM_IS_PLAN_EDITOR (self), NULL);

  ensure_transform (self);
  return &self->transform;
}

static void
zoom_at (TdmPlanEditor *self,
         double         factor,
         double         px,
         double         py)
{
  ensure_transform (self);
  self->user_view = TRUE;
  tdm_plan_transform_zoom_at (&self->transform, factor, px, py, MIN_SCALE, MAX_SCALE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pan_by (TdmPlanEditor *self,
        double         dx,
        double         dy)
{
  ensure_transform (self);
  self->user_view = TRUE;
  tdm_plan_transform_pan (&self->transform, dx, dy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The band or the rectangle being drawn, in pixels; FALSE when none. */
static gboolean
overlay_rect (TdmPlanEditor *self,
              TdmPlanRect   *pixels)
{
  TdmPlanRect rect;
  double x, y;

  if ((self->mode != MODE_RUBBER_BAND && self->mode != MODE_CREATE) || !self->dragged)
    return FALSE;

  if (self->mode == MODE_RUBBER_BAND)
    {
      tdm_plan_rect_from_corners (self->press_px, self->press_py,
                                  self->pointer_px, self->pointer_py, pixels);
      return TRUE;
    }

  tdm_plan_to_metres (&self->transform, self->pointer_px, self->pointer_py, &x, &y);
  tdm_plan_rect_from_corners (tdm_plan_snap (self->press_x, self->grid_step),
                              tdm_plan_snap (self->press_y, self->grid_step),
                              tdm_plan_snap (x, self->grid_step),
                              tdm_plan_snap (y, self->grid_step), &rect);
  tdm_plan_rect_to_pixels (&self->transform, &rect, pixels);
  return TRUE;
}

static void
draw_overlay (TdmPlanEditor *self,
              GtkSnapshot   *snapshot)
{
  TdmPlanRect pixels;
  cairo_t *cr;

  if (!overlay_rect (self, &pixels))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (pixels.x - 2, pixels.y - 2,
                                                                 pixels.width + 4, pixels.depth + 4));
  cairo_rectangle (cr, pixels.x + 0.5, pixels.y + 0.5, pixels.width, pixels.depth);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.15);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_set_line_width (cr, 1.0);
  if (self->mode == MODE_RUBBER_BAND)
    cairo_set_dash (cr, (double[]) { 4.0, 3.0 }, 2, 0);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

/* The plan as it was when the gesture began, as a render node that
 * each frame of the gesture shows again; only the region around the
 * stands that move is drawn anew. A full redraw of 600 stands takes longer
 * than a frame. The same node every frame is what lets GSK skip it. */
static void
render_drag_cache (TdmPlanEditor *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_t *cr;

  g_clear_pointer (&self->drag_cache, gsk_render_node_unref);
  if (width <= 0 || height <= 0)
    return;

  self->drag_cache = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cr = gsk_cairo_node_get_draw_context (self->drag_cache);
  tdm_plan_renderer_draw (self->renderer, cr, width, height, &self->transform);
  cairo_destroy (cr);
}

/* Where the moving stands were and are, in pixels, with room for their
 * outline and handles. */
static gboolean
drag_damage (TdmPlanEditor *self,
             TdmPlanRect   *damage)
{
  guint n = self->drag_stands->len;
  g_autoptr(GArray) rects = g_array_sized_new (FALSE, FALSE, sizeof (TdmPlanRect), 2 * n);
  TdmPlanRect bounds;

  if (n == 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      TdmPlanRect rect;

      g_array_append_val (rects, g_array_index (self->drag_rects, TdmPlanRect, i));
      stand_rect (g_ptr_array_index (self->drag_stands, i), &rect);
      g_array_append_val (rects, rect);
    }
  tdm_plan_rect_union ((TdmPlanRect *) rects->data, rects->len, &bounds);
  tdm_plan_rect_to_pixels (&self->transform, &bounds, damage);
  damage->x = floor (damage->x - DAMAGE_MARGIN);
  damage->y = floor (damage->y - DAMAGE_MARGIN);
  damage->width = ceil (damage->width + 2 * DAMAGE_MARGIN);
  damage->depth = ceil (damage->depth + 2 * DAMAGE_MARGIN);
  return TRUE;
}

static void
snapshot_cb (GtkWidget   *widget,
             GtkSnapshot *snapshot)
{
  TdmPlanEditor *self = TDM_PLAN_EDITOR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t cache_bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  TdmPlanRect damage;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  ensure_transform (self);

  if (self->drag_cache != NULL)
    gsk_render_node_get_bounds (self->drag_cache, &cache_bounds);
  if (self->mode != MODE_NONE && self->drag_cache != NULL &&
      cache_bounds.size.width == width && cache_bounds.size.height == height)
    {
      gtk_snapshot_append_node (snapshot, self->drag_cache);
      if (drag_damage (self, &damage))
        {
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (damage.x, damage.y,
                                                                         damage.width, damage.depth));
          /* The renderer draws only the stands that meet the clip. */
          tdm_plan_renderer_draw (self->renderer, cr, width, height, &self->transform);
          cairo_destroy (cr);
        }
      draw_overlay (self, snapshot);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tdm_plan_renderer_draw (self->renderer, cr, width, height, &self->transform);
  cairo_destroy (cr);
  draw_overlay (self, snapshot);
}

static void
size_allocate_cb (GtkWidget *widget,
                  int        width,
                  int        height,
                  int        baseline)
{
  TdmPlanEditor *self = TDM_PLAN_EDITOR (widget);

  gtk_popover_present (self->stand_popover);
  gtk_popover_present (self->row_popover);
}

/* Writing ----------------------------------------------------------------------- */

static gboolean
write_stands (TdmPlanEditor *self,
              GPtrArray     *stands)
{
  g_autoptr(GPtrArray) after = copy_stands (stands);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;

  if (!tdm_store_update_stands (self->store, after, &before, &error))
    {
      tdm_app_show_refusal (GTK_WIDGET (self), error->message);
      reload (self);
      return FALSE;
    }

  push_command (self, COMMAND_UPDATE, g_steal_pointer (&before), g_steal_pointer (&after));
  return TRUE;
}

static gboolean
add_stand (TdmPlanEditor     *self,
           const char        *kind,
           const TdmPlanRect *rect)
{
  g_autoptr(TdmStand) stand = tdm_stand_new ();
  g_autoptr(GError) error = NULL;
  gboolean area = g_strcmp0 (kind, "stand") != 0;
  GPtrArray *added;

  g_object_set (stand,
                "fair-id", self->fair_id,
                "kind", kind,
                "pole-id", area ? (gint64) 0 : self->pole_id,
                NULL);
  tdm_stand_set_geometry (stand, rect->x, rect->y, rect->width, rect->depth);
  tdm_stand_set_capacity (stand, area ? 0 : TDM_PLAN_EDITOR_DEFAULT_CAPACITY);

  if (!tdm_store_add_stand (self->store, stand, &error))
    {
      tdm_app_show_refusal (GTK_WIDGET (self), error->message);
      return FALSE;
    }

  added = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (added, tdm_stand_copy (stand));
  push_command (self, COMMAND_ADD, NULL, added);
  select_only (self, tdm_stand_get_id (stand));
  return TRUE;
}

gboolean
tdm_plan_editor_add_row (TdmPlanEditor  *self,
                         double          x,
                         double          y,
                         guint           n,
                         double          width,
                         double          depth,
                         gboolean        vertical,
                         GError        **error)
{
  g_autoptr(GPtrArray) added = NULL;

  g_return_val_if_fail (TDM_IS_PLAN_EDITOR (self), FALSE);

  if (self->store == NULL || self->fair_id <= 0)
    return FALSE;

  added = tdm_store_add_stand_row (self->store, self->fair_id, self->pole_id, x, y, n,
                                   width, depth, vertical, TDM_PLAN_EDITOR_DEFAULT_CAPACITY, error);
  if (added == NULL)
    return FALSE;

  g_array_set_size (self->selection, 0);
  for (guint i = 0; i < added->len; i++)
    {
      gint64 id = tdm_stand_get_id (g_ptr_array_index (added, i));

      g_array_append_val (self->selection, id);
    }
  push_command (self, COMMAND_ADD, NULL, copy_stands (added));
  selection_changed (self);
  return TRUE;
}

/* Pointer ----------------------------------------------------------------------- */

static void
open_stand_popover (TdmPlanEditor *self,
                    TdmStand      *stand)
{
  TdmPlanRect rect, pixels;
  guint pole_position = 0;
  guint n = self->poles != NULL ? g_list_model_get_n_items (self->poles) : 0;

  self->edited_stand_id = tdm_stand_get_id (stand);
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), tdm_stand_get_code (stand));
  gtk_spin_button_set_value (self->capacity_spin, tdm_stand_get_capacity (stand));
  gtk_widget_set_sensitive (GTK_WIDGET (self->capacity_spin), !tdm_stand_is_area (stand));
  gtk_widget_set_sensitive (GTK_WIDGET (self->pole_dropdown), !tdm_stand_is_area (stand));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmPole) pole = g_list_model_get_item (self->poles, i);

      if (tdm_pole_get_id (pole) == tdm_stand_get_pole_id (stand))
        pole_position = i + 1;
    }
  gtk_drop_down_set_selected (self->pole_dropdown, pole_position);
  gtk_widget_set_visible (GTK_WIDGET (self->stand_error), FALSE);

  stand_rect (stand, &rect);
  tdm_plan_rect_to_pixels (&self->transform, &rect, &pixels);
  gtk_popover_set_pointing_to (self->stand_popover,
                               &(GdkRectangle) { pixels.x, pixels.y, MAX (1, pixels.width),
                                                 MAX (1, pixels.depth) });
  gtk_popover_popup (self->stand_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

static void
stand_apply_cb (TdmPlanEditor *self)
{
  TdmStand *stand = find_stand (self, self->edited_stand_id);
  g_autoptr(TdmStand) changed = NULL;
  g_autoptr(GPtrArray) stands = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;
  guint pole_position = gtk_drop_down_get_selected (self->pole_dropdown);
  gint64 pole_id = 0;

  if (stand == NULL)
    {
      gtk_popover_popdown (self->stand_popover);
      return;
    }

  if (pole_position > 0 && pole_position != GTK_INVALID_LIST_POSITION && self->poles != NULL)
    {
      g_autoptr(TdmPole) pole = g_list_model_get_item (self->poles, pole_position - 1);

      if (pole != NULL)
        pole_id = tdm_pole_get_id (pole);
    }

  changed = tdm_stand_copy (stand);
  tdm_stand_set_code (changed, gtk_editable_get_text (GTK_EDITABLE (self->code_entry)));
  if (!tdm_stand_is_area (changed))
    {
      tdm_stand_set_capacity (changed, gtk_spin_button_get_value_as_int (self->capacity_spin));
      g_object_set (changed, "pole-id", pole_id, NULL);
    }
  g_ptr_array_add (stands, g_steal_pointer (&changed));

  /* The refusal stays beside the fields, where it can be corrected. */
  if (!tdm_store_update_stands (self->store, stands, &before, &error))
    {
      gtk_label_set_label (self->stand_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->stand_error), TRUE);
      return;
    }

  push_command (self, COMMAND_UPDATE, g_steal_pointer (&before), copy_stands (stands));
  gtk_popover_popdown (self->stand_popover);
}

static void
open_row_popover (TdmPlanEditor *self,
                  double         x,
                  double         y)
{
  double px, py;

  self->row_x = tdm_plan_snap (x, self->grid_step);
  self->row_y = tdm_plan_snap (y, self->grid_step);
  tdm_plan_to_pixels (&self->transform, self->row_x, self->row_y, &px, &py);
  gtk_widget_set_visible (GTK_WIDGET (self->row_error), FALSE);
  gtk_popover_set_pointing_to (self->row_popover, &(GdkRectangle) { px, py, 1, 1 });
  gtk_popover_popup (self->row_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->row_count_spin));
}

static void
row_apply_cb (TdmPlanEditor *self)
{
  g_autoptr(GError) error = NULL;

  gtk_spin_button_update (self->row_count_spin);
  gtk_spin_button_update (self->row_width_spin);
  gtk_spin_button_update (self->row_depth_spin);
  if (!tdm_plan_editor_add_row (self, self->row_x, self->row_y,
                                gtk_spin_button_get_value_as_int (self->row_count_spin),
                                gtk_spin_button_get_value (self->row_width_spin),
                                gtk_spin_button_get_value (self->row_depth_spin),
                                gtk_switch_get_active (self->row_vertical_switch),
                                &error))
    {
      if (error != NULL)
        {
          gtk_label_set_label (self->row_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->row_error), TRUE);
        }
      return;
    }
  gtk_popover_popdown (self->row_popover);
}

void
tdm_plan_editor_pointer_press (TdmPlanEditor   *self,
                               double           px,
                               double           py,
                               GdkModifierType  state,
                               int              n_press)
{
  TdmStand *stand;

  g_return_if_fail (TDM_IS_PLAN_EDITOR (self));

  self->mode = MODE_NONE;
  if (self->store == NULL || self->fair_id <= 0 || self->stands == NULL)
    return;

  ensure_transform (self);
  self->dragged = FALSE;
  self->press_px = self->pointer_px = px;
  self->press_py = self->pointer_py = py;
  self->press_shift = (state & GDK_SHIFT_MASK) != 0;
  tdm_plan_to_metres (&self->transform, px, py, &self->press_x, &self->press_y);
  stand = tdm_plan_renderer_stand_at (self->renderer, &self->transform, px, py);
  self->press_stand_id = stand != NULL ? tdm_stand_get_id (stand) : 0;

  if (n_press == 2 && stand != NULL)
    {
      select_only (self, tdm_stand_get_id (stand));
      open_stand_popover (self, stand);
      return;
    }

  if (g_strcmp0 (self->tool, "select") != 0)
    {
      if (g_strcmp0 (self->tool, "row") == 0)
        open_row_popover (self, self->press_x, self->press_y);
      else
        {
          self->mode = MODE_CREATE;
          render_drag_cache (self);
        }
      return;
    }

  /* A handle of the one selected stand resizes it. */
  if (self->selection->len == 1)
    {
      TdmStand *selected = find_stand (self, g_array_index (self->selection, gint64, 0));
      TdmPlanRect rect;

      if (selected != NULL)
        {
          stand_rect (selected, &rect);
          self->handle = tdm_plan_hit_handle (&self->transform, &rect, px, py, HANDLE_TOLERANCE);
          if (self->handle != TDM_PLAN_HANDLE_NONE)
            {
              stand = selected;
              self->mode = MODE_RESIZE;
            }
        }
    }

  if (self->mode != MODE_RESIZE)
    {
      if (stand == NULL)
        {
          if (!self->press_shift)
            select_only (self, 0);
          self->mode = MODE_RUBBER_BAND;
          render_drag_cache (self);
          return;
        }

      if (self->press_shift)
        {
          toggle_selected (self, tdm_stand_get_id (stand));
          return;
        }

      if (!is_selected (self, tdm_stand_get_id (stand)))
        select_only (self, tdm_stand_get_id (stand));
      self->mode = MODE_MOVE;
    }

  /* What the gesture moves, and where it was. */
  g_ptr_array_set_size (self->drag_stands, 0);
  g_array_set_size (self->drag_rects, 0);
  if (self->mode == MODE_RESIZE)
    g_ptr_array_add (self->drag_stands, g_object_ref (stand));
  else
    {
      g_autoptr(GPtrArray) stands = selected_stands (self);

      /* The stand under the pointer leads: it is the one that snaps. */
      g_ptr_array_add (self->drag_stands, g_object_ref (stand));
      for (guint i = 0; i < stands->len; i++)
        if (g_ptr_array_index (stands, i) != (gpointer) stand)
          g_ptr_array_add (self->drag_stands, g_object_ref (g_ptr_array_index (stands, i)));
    }
  for (guint i = 0; i < self->drag_stands->len; i++)
    {
      TdmPlanRect rect;

      stand_rect (g_ptr_array_index (self->drag_stands, i), &rect);
      g_array_append_val (self->drag_rects, rect);
    }
  render_drag_cache (self);
}

static void
move_drag_stands (TdmPlanEditor *self,
                  double         dx,
                  double         dy)
{
  TdmPlanRect *rects = (TdmPlanRect *) self->drag_rects->data;
  TdmPlanRect bounds;
  TdmFair *fair = tdm_plan_renderer_get_fair (self->renderer);
  double floor_width = fair != NULL ? tdm_fair_get_floor_width (fair) : G_MAXDOUBLE;
  double floor_depth = fair != NULL ? tdm_fair_get_floor_depth (fair) : G_MAXDOUBLE;

  /* The leading stand's corner lands on the grid; the others keep their
   * places around it. The group stays on the floor. */
  dx = tdm_plan_snap (rects[0].x + dx, self->grid_step) - rects[0].x;
  dy = tdm_plan_snap (rects[0].y + dy, self->grid_step) - rects[0].y;
  tdm_plan_rect_union (rects, self->drag_rects->len, &bounds);
  dx = CLAMP (dx, -bounds.x, MAX (-bounds.x, floor_width - bounds.x - bounds.width));
  dy = CLAMP (dy, -bounds.y, MAX (-bounds.y, floor_depth - bounds.y - bounds.depth));

  for (guint i = 0; i < self->drag_stands->len; i++)
    tdm_stand_set_geometry (g_ptr_array_index (self->drag_stands, i),
                            rects[i].x + dx, rects[i].y + dy, rects[i].width, rects[i].depth);
}

static void
resize_drag_stand (TdmPlanEditor *self,
                   double         dx,
                   double         dy)
{
  TdmPlanRect rect = g_array_index (self->drag_rects, TdmPlanRect, 0);
  TdmFair *fair = tdm_plan_renderer_get_fair (self->renderer);
  double right, bottom;

  tdm_plan_rect_resize (&rect, self->handle, dx, dy, self->grid_step);
  /* Snap the edges that moved, not the whole rectangle. */
  right = tdm_plan_snap (rect.x + rect.width, self->grid_step);
  bottom = tdm_plan_snap (rect.y + rect.depth, self->grid_step);
  rect.x = tdm_plan_snap (rect.x, self->grid_step);
  rect.y = tdm_plan_snap (rect.y, self->grid_step);
  rect.width = MAX (self->grid_step, right - rect.x);
  rect.depth = MAX (self->grid_step, bottom - rect.y);
  if (fair != NULL)
    tdm_plan_rect_clamp_to_floor (&rect, tdm_fair_get_floor_width (fair), tdm_fair_get_floor_depth (fair));

  tdm_stand_set_geometry (g_ptr_array_index (self->drag_stands, 0),
                          rect.x, rect.y, rect.width, rect.depth);
}

void
tdm_plan_editor_pointer_motion (TdmPlanEditor *self,
                                double         px,
                                double         py)
{
  double x, y;

  g_return_if_fail (TDM_IS_PLAN_EDITOR (self));

  if (self->mode == MODE_NONE)
    return;

  self->pointer_px = px;
  self->pointer_py = py;
  if (!self->dragged && hypot (px - self->press_px, py - self->press_py) < CLICK_SLOP)
    return;
  self->dragged = TRUE;

  tdm_plan_to_metres (&self->transform, px, py, &x, &y);
  if (self->mode == MODE_MOVE)
    move_drag_stands (self, x - self->press_x, y - self->press_y);
  else if (self->mode == MODE_RESIZE)
    resize_drag_stand (self, x - self->press_x, y - self->press_y);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
drag_changed_geometry (TdmPlanEditor *self)
{
  for (guint i = 0; i < self->drag_stands->len; i++)
    {
      TdmPlanRect now, *was = &g_array_index (self->drag_rects, TdmPlanRect, i);

      stand_rect (g_ptr_array_index (self->drag_stands, i), &now);
      if (fabs (now.x - was->x) > TDM_PLAN_EPSILON || fabs (now.y - was->y) > TDM_PLAN_EPSILON ||
          fabs (now.width - was->width) > TDM_PLAN_EPSILON ||
          fabs (now.depth - was->depth) > TDM_PLAN_EPSILON)
        return TRUE;
    }
  return FALSE;
}

void
tdm_plan_editor_pointer_release (TdmPlanEditor *self,
                                 double         px,
                                 double         py)
{
  DragMode mode = self->mode;

  g_return_if_fail (TDM_IS_PLAN_EDITOR (self));

  tdm_plan_editor_pointer_motion (self, px, py);
  self->mode = MODE_NONE;

  switch (mode)
    {
    case MODE_MOVE:
    case MODE_RESIZE:
      if (drag_changed_geometry (self))
        write_stands (self, self->drag_stands);
      else if (!self->dragged && self->press_stand_id > 0)
        select_only (self, self->press_stand_id);
      break;

    case MODE_RUBBER_BAND:
      if (self->dragged && self->stands != NULL)
        {
          guint n = g_list_model_get_n_items (self->stands);
          g_autoptr(GArray) rects = g_array_sized_new (FALSE, FALSE, sizeof (TdmPlanRect), n);
          g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));
          TdmPlanRect area;
          double x, y;

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(TdmStand) stand = g_list_model_get_item (self->stands, i);
              TdmPlanRect rect;

              stand_rect (stand, &rect);
              g_array_append_val (rects, rect);
            }
          tdm_plan_to_metres (&self->transform, px, py, &x, &y);
          tdm_plan_rect_from_corners (self->press_x, self->press_y, x, y, &area);
          tdm_plan_hit_test_area ((TdmPlanRect *) rects->data, n, &area, hits);
          for (guint i = 0; i < hits->len; i++)
            {
              g_autoptr(TdmStand) stand = g_list_model_get_item (self->stands,
                                                                 g_array_index (hits, guint, i));
              gint64 id = tdm_stand_get_id (stand);

              if (!is_selected (self, id))
                g_array_append_val (self->selection, id);
            }
        }
      selection_changed (self);
      break;

    case MODE_CREATE:
      {
        TdmPlanRect rect;
        double x, y;

        tdm_plan_to_metres (&self->transform, px, py, &x, &y);
        if (self->dragged)
          tdm_plan_rect_from_corners (tdm_plan_snap (self->press_x, self->grid_step),
                                      tdm_plan_snap (self->press_y, self->grid_step),
                                      tdm_plan_snap (x, self->grid_step),
                                      tdm_plan_snap (y, self->grid_step), &rect);
        if (!self->dragged || rect.width < TDM_PLAN_EPSILON || rect.depth < TDM_PLAN_EPSILON)
          {
            /* A click: a stand of the default size from the grid point. */
            rect.x = tdm_plan_snap (self->press_x, self->grid_step);
            rect.y = tdm_plan_snap (self->press_y, self->grid_step);
            rect.width = TDM_PLAN_EDITOR_DEFAULT_WIDTH;
            rect.depth = TDM_PLAN_EDITOR_DEFAULT_DEPTH;
          }
        add_stand (self, self->tool, &rect);
      }
      break;

    case MODE_NONE:
    default:
      break;
    }

  g_ptr_array_set_size (self->drag_stands, 0);
  g_array_set_size (self->drag_rects, 0);
  g_clear_pointer (&self->drag_cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  TdmPlanEditor   *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  tdm_plan_editor_pointer_press (self, x, y, state, n_press);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                TdmPlanEditor  *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  tdm_plan_editor_pointer_motion (self, x + offset_x, y + offset_y);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             TdmPlanEditor  *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  tdm_plan_editor_pointer_release (self, x + offset_x, y + offset_y);
}

/* The gesture was taken away (a grab, the window lost) or Escape was
 * pressed: the moving stands go back and nothing is written. */
static void
cancel_gesture (TdmPlanEditor *self)
{
  for (guint i = 0; i < self->drag_stands->len && i < self->drag_rects->len; i++)
    {
      TdmPlanRect *rect = &g_array_index (self->drag_rects, TdmPlanRect, i);

      tdm_stand_set_geometry (g_ptr_array_index (self->drag_stands, i),
                              rect->x, rect->y, rect->width, rect->depth);
    }
  self->mode = MODE_NONE;
  g_ptr_array_set_size (self->drag_stands, 0);
  g_array_set_size (self->drag_rects, 0);
  g_clear_pointer (&self->drag_cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                TdmPlanEditor    *self)
{
  cancel_gesture (self);
}

static void
pan_begin_cb (GtkGestureDrag *gesture,
              double          x,
              double          y,
              TdmPlanEditor  *self)
{
  self->pan_start_x = 0;
  self->pan_start_y = 0;
}

static void
pan_update_cb (GtkGestureDrag *gesture,
               double          offset_x,
               double          offset_y,
               TdmPlanEditor  *self)
{
  pan_by (self, offset_x - self->pan_start_x, offset_y - self->pan_start_y);
  self->pan_start_x = offset_x;
  self->pan_start_y = offset_y;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TdmPlanEditor            *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    zoom_at (self, pow (ZOOM_STEP, -dy), self->pointer_px, self->pointer_py);
  else if (state & GDK_SHIFT_MASK)
    pan_by (self, -dy * SCROLL_PAN_PIXELS, 0);
  else
    pan_by (self, -dx * SCROLL_PAN_PIXELS, -dy * SCROLL_PAN_PIXELS);
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TdmPlanEditor            *self)
{
  TdmStand *stand;

  self->pointer_px = x;
  self->pointer_py = y;
  if (self->stands == NULL || self->mode != MODE_NONE)
    return;

  ensure_transform (self);
  stand = tdm_plan_renderer_stand_at (self->renderer, &self->transform, x, y);
  if ((stand != NULL ? tdm_stand_get_id (stand) : 0) == self->hover_id)
    return;
  self->hover_id = stand != NULL ? tdm_stand_get_id (stand) : 0;
  tdm_plan_renderer_set_hover (self->renderer, self->hover_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TdmPlanEditor            *self)
{
  self->hover_id = 0;
  tdm_plan_renderer_set_hover (self->renderer, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Tooltip: who is on the stand. */
static char *
describe_stand (TdmPlanEditor *self,
                TdmStand      *stand)
{
  g_autoptr(GListModel) exhibitors = NULL;
  GString *text = g_string_new (NULL);
  g_autofree char *escaped = g_markup_escape_text (tdm_stand_get_code (stand), -1);
  gint capacity = tdm_stand_get_capacity (stand);
  guint n;

  g_string_append_printf (text, "<b>%s</b>", escaped);
  if (tdm_stand_is_area (stand))
    {
      g_autofree char *kind = g_markup_escape_text (tdm_stand_get_kind_label (stand), -1);

      g_string_append_printf (text, "\n%s", kind);
      return g_string_free (text, FALSE);
    }

  g_string_append_c (text, '\n');
  /* Translators: the occupancy of a stand in the plan's tooltip. */
  g_string_append_printf (text, ngettext ("%d of %d place taken", "%d of %d places taken", capacity),
                          tdm_stand_get_occupancy (stand), capacity);

  exhibitors = tdm_store_list_stand_exhibitors (self->store, tdm_stand_get_id (stand), NULL);
  n = exhibitors != NULL ? g_list_model_get_n_items (exhibitors) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmExhibitor) exhibitor = g_list_model_get_item (exhibitors, i);
      g_autofree char *name = g_markup_escape_text (tdm_exhibitor_get_display_name (exhibitor), -1);

      g_string_append_printf (text, "\n• %s", name);
    }
  if (n == 0)
    g_string_append_printf (text, "\n%s", _("Free"));

  return g_string_free (text, FALSE);
}

const char *
tdm_plan_editor_get_tooltip_at (TdmPlanEditor *self,
                                double         px,
                                double         py)
{
  TdmStand *stand;
  char *markup;

  g_return_val_if_fail (TDM_IS_PLAN_EDITOR (self), NULL);

  if (self->stands == NULL || self->mode != MODE_NONE)
    return NULL;

  ensure_transform (self);
  stand = tdm_plan_renderer_stand_at (self->renderer, &self->transform, px, py);
  if (stand == NULL)
    return NULL;

  /* Kept until the next change of the plan or of its exhibitors. */
  markup = g_hash_table_lookup (self->tooltip_cache, stand);
  if (markup == NULL)
    {
      markup = describe_stand (self, stand);
      g_hash_table_insert (self->tooltip_cache, stand, markup);
    }
  return markup;
}

static gboolean
query_tooltip_cb (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard_mode,
                  GtkTooltip    *tooltip,
                  TdmPlanEditor *self)
{
  const char *markup = keyboard_mode ? NULL : tdm_plan_editor_get_tooltip_at (self, x, y);

  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Dropping an exhibitor ----------------------------------------------------------- */

gboolean
tdm_plan_editor_drop_exhibitor (TdmPlanEditor *self,
                                gint64         exhibitor_id,
                                double         px,
                                double         py)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmExhibitor) exhibitor = NULL;
  g_autofree char *message = NULL;
  TdmStand *stand;

  g_return_val_if_fail (TDM_IS_PLAN_EDITOR (self), FALSE);

  if (self->store == NULL || self->stands == NULL)
    return FALSE;

  ensure_transform (self);
  stand = tdm_plan_renderer_stand_at (self->renderer, &self->transform, px, py);
  if (stand == NULL)
    {
      tdm_app_show_refusal (GTK_WIDGET (self), _("Drop the exhibitor on a stand."));
      return FALSE;
    }

  if (!tdm_store_assign_stand (self->store, exhibitor_id, tdm_stand_get_id (stand), NULL, &error))
    {
      tdm_app_show_refusal (GTK_WIDGET (self), error->message);
      return FALSE;
    }

  exhibitor = tdm_store_get_exhibitor (self->store, exhibitor_id, NULL);
  /* Translators: %s is an exhibitor's name, %s a stand's code. */
  message = g_strdup_printf (_("%s is on stand %s"),
                             exhibitor != NULL ? tdm_exhibitor_get_display_name (exhibitor) : "",
                             exhibitor != NULL ? tdm_exhibitor_get_stand_code (exhibitor) : "");
  tdm_app_show_refusal (GTK_WIDGET (self), message);
  return TRUE;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                TdmPlanEditor *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  TdmStand *stand;
  gint64 stand_id;

  if (self->stands == NULL)
    return 0;

  ensure_transform (self);
  stand = tdm_plan_renderer_stand_at (self->renderer, &self->transform, x, y);
  stand_id = stand != NULL ? tdm_stand_get_id (stand) : 0;

  /* The store is asked once per stand passed over, not per motion. */
  if (stand_id != self->drop_stand_id)
    {
      self->drop_stand_id = stand_id;
      self->drop_accepted = stand != NULL && value != NULL && G_VALUE_HOLDS_INT64 (value) &&
                            tdm_store_check_assign_stand (self->store, g_value_get_int64 (value),
                                                          stand_id, NULL);
      tdm_plan_renderer_set_drop_target (self->renderer, stand_id, self->drop_accepted);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  /* A refused stand still takes the drop: the toast then says why. */
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               TdmPlanEditor *self)
{
  self->drop_stand_id = 0;
  tdm_plan_renderer_set_drop_target (self->renderer, 0, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         TdmPlanEditor *self)
{
  self->drop_stand_id = 0;
  tdm_plan_renderer_set_drop_target (self->renderer, 0, FALSE);
  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  return tdm_plan_editor_drop_exhibitor (self, g_value_get_int64 (value), x, y);
}

/* Actions ------------------------------------------------------------------------ */

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWidget *widget = GTK_WIDGET (user_data);
  tdm_plan_editor_undo (TDM_PLAN_EDITOR (widget));
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWidget *widget = GTK_WIDGET (user_data);
  tdm_plan_editor_redo (TDM_PLAN_EDITOR (widget));
}

static void
delete_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GtkWidget *widget = GTK_WIDGET (user_data);
  TdmPlanEditor *self = TDM_PLAN_EDITOR (widget);
  g_autoptr(GPtrArray) stands = selected_stands (self);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *deleted = NULL;

  if (self->store == NULL || stands->len == 0)
    return;

  ids = stand_ids (stands);
  if (!tdm_store_delete_stands (self->store, (const gint64 *) ids->data, ids->len, &deleted, &error))
    {
      tdm_app_show_refusal (GTK_WIDGET (self), error->message);
      return;
    }
  push_command (self, COMMAND_DELETE, deleted, NULL);
}

/* Escape: stops the gesture under way, else empties the selection. */
static void
cancel_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  TdmPlanEditor *self = TDM_PLAN_EDITOR (user_data);

  if (self->mode != MODE_NONE)
    cancel_gesture (self);
  else
    select_only (self, 0);
}

static void
select_all_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkWidget *widget = GTK_WIDGET (user_data);
  TdmPlanEditor *self = TDM_PLAN_EDITOR (widget);
  guint n = self->stands != NULL ? g_list_model_get_n_items (self->stands) : 0;

  g_array_set_size (self->selection, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdmStand) stand = g_list_model_get_item (self->stands, i);
      gint64 id = tdm_stand_get_id (stand);

      g_array_append_val (self->selection, id);
    }
  selection_changed (self);
}

static void
align_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWidget *widget = GTK_WIDGET (user_data);
  static const struct { const char *name; TdmPlanAlign how; } aligns[] = {
    { "left", TDM_PLAN_ALIGN_LEFT },
    { "right", TDM_PLAN_ALIGN_RIGHT },
    { "top", TDM_PLAN_ALIGN_TOP },
    { "bottom", TDM_PLAN_ALIGN_BOTTOM },
    { "center-x", TDM_PLAN_ALIGN_CENTER_X },
    { "center-y", TDM_PLAN_ALIGN_CENTER_Y },
  };
  TdmPlanEditor *self = TDM_PLAN_EDITOR (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) stands = selected_stands (self);
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(GArray) rects = NULL;
  TdmPlanAlign how = TDM_PLAN_ALIGN_LEFT;

  if (stands->len < 2)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (aligns); i++)
    if (g_strcmp0 (aligns[i].name, name) == 0)
      how = aligns[i].how;

  rects = g_array_sized_new (FALSE, FALSE, sizeof (TdmPlanRect), stands->len);
  for (guint i = 0; i < stands->len; i++)
    {
      TdmPlanRect rect;

      stand_rect (g_ptr_array_index (stands, i), &rect);
      g_array_append_val (rects, rect);
    }
  tdm_plan_align ((TdmPlanRect *) rects->data, rects->len, how);

  moved = copy_stands (stands);
  for (guint i = 0; i < moved->len; i++)
    {
      TdmPlanRect *rect = &g_array_index (rects, TdmPlanRect, i);

      tdm_stand_set_geometry (g_ptr_array_index (moved, i), rect->x, rect->y, rect->width, rect->depth);
    }
  write_stands (self, moved);
}

static void
zoom_in_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWidget *widget = GTK_WIDGET (user_data);
  zoom_at (TDM_PLAN_EDITOR (widget), ZOOM_STEP,
           gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
zoom_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWidget *widget = GTK_WIDGET (user_data);
  zoom_at (TDM_PLAN_EDITOR (widget), 1.0 / ZOOM_STEP,
           gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
zoom_fit_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWidget *widget = GTK_WIDGET (user_data);
  TdmPlanEditor *self = TDM_PLAN_EDITOR (widget);

  self->user_view = FALSE;
  gtk_widget_queue_draw (widget);
}

/* Export and print ------------------------------------------------------------------- */

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TdmPlanEditor   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path != NULL && !tdm_plan_render_to_file (self->store, self->fair_id, path, &error))
        tdm_app_show_refusal (GTK_WIDGET (self), error->message);
      else if (path != NULL)
        {
          g_autofree char *message = NULL;
          g_autofree char *basename = g_path_get_basename (path);

          /* Translators: %s is a file name. */
          message = g_strdup_printf (_("Plan saved to %s"), basename);
          tdm_app_show_refusal (GTK_WIDGET (self), message);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export (TdmPlanEditor *self,
        gboolean       pdf)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  TdmFair *fair = tdm_plan_renderer_get_fair (self->renderer);
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (pdf ? _("Export the Plan as PDF") : _("Export the Plan as PNG"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("PNG images"));
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name offered for an exported plan. */
  name = g_strdup_printf ("%s.%s", fair != NULL ? tdm_fair_get_title (fair) : _("plan"), pdf ? "pdf" : "png");
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_pdf_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkWidget *widget = GTK_WIDGET (user_data);
  export (TDM_PLAN_EDITOR (widget), TRUE);
}

static void
export_png_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkWidget *widget = GTK_WIDGET (user_data);
  export (TDM_PLAN_EDITOR (widget), FALSE);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              TdmPlanEditor     *self)
{
  g_autoptr(TdmPlanRenderer) renderer = tdm_plan_renderer_new ();
  g_autoptr(GError) error = NULL;

  /* A renderer of its own: no selection, hover or handles on paper. */
  if (!tdm_plan_renderer_load (renderer, self->store, self->fair_id, &error))
    {
      tdm_app_show_refusal (GTK_WIDGET (self), error->message);
      return;
    }
  tdm_plan_renderer_set_flags (renderer, TDM_PLAN_RENDER_EXPORT);
  tdm_plan_renderer_draw (renderer, gtk_print_context_get_cairo_context (context),
                          gtk_print_context_get_width (context),
                          gtk_print_context_get_height (context), NULL);
}

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWidget *widget = GTK_WIDGET (user_data);
  TdmPlanEditor *self = TDM_PLAN_EDITOR (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a3 = gtk_paper_size_new (GTK_PAPER_NAME_A3);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  gtk_page_setup_set_paper_size (setup, a3);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    tdm_app_show_refusal (GTK_WIDGET (self), error->message);
}

/* Properties ----------------------------------------------------------------------- */

const char *
tdm_plan_editor_get_tool (TdmPlanEditor *self)
{
  g_return_val_if_fail (TDM_IS_PLAN_EDITOR (self), NULL);

  return self->tool;
}

void
tdm_plan_editor_set_tool (TdmPlanEditor *self,
                          const char    *tool)
{
  g_return_if_fail (TDM_IS_PLAN_EDITOR (self));

  if (tool == NULL)
    tool = "select";
  if (g_strcmp0 (self->tool, tool) == 0)
    return;

  g_free (self->tool);
  self->tool = g_strdup (tool);
  if (self->actions != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "tool")),
                               g_variant_new_string (tool));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   g_strcmp0 (tool, "select") == 0 ? NULL : "crosshair");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

gint64
tdm_plan_editor_get_pole_id (TdmPlanEditor *self)
{
  g_return_val_if_fail (TDM_IS_PLAN_EDITOR (self), 0);

  return self->pole_id;
}

void
tdm_plan_editor_set_pole_id (TdmPlanEditor *self,
                             gint64         pole_id)
{
  g_return_if_fail (TDM_IS_PLAN_EDITOR (self));

  if (self->pole_id == pole_id)
    return;

  self->pole_id = pole_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLE_ID]);
}

GtkWidget *
tdm_plan_editor_new (void)
{
  return g_object_new (TDM_TYPE_PLAN_EDITOR, NULL);
}

static void
tdm_plan_editor_dispose (GObject *object)
{
  TdmPlanEditor *self = TDM_PLAN_EDITOR (object);
  GtkWidget *child;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* The popovers are children of the editor. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), TDM_TYPE_PLAN_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->poles);
  self->stands = NULL;
  g_clear_object (&self->renderer);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->drag_stands, g_ptr_array_unref);
  g_clear_pointer (&self->drag_rects, g_array_unref);
  g_clear_pointer (&self->drag_cache, gsk_render_node_unref);
  g_clear_pointer (&self->selection, g_array_unref);
  g_clear_pointer (&self->tooltip_cache, g_hash_table_unref);

  G_OBJECT_CLASS (tdm_plan_editor_parent_class)->dispose (object);
}

static void
tdm_plan_editor_finalize (GObject *object)
{
  TdmPlanEditor *self = TDM_PLAN_EDITOR (object);

  g_free (self->tool);

  G_OBJECT_CLASS (tdm_plan_editor_parent_class)->finalize (object);
}

static void
tdm_plan_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TdmPlanEditor *self = TDM_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      g_value_set_string (value, self->tool);
      break;
    case PROP_POLE_ID:
      g_value_set_int64 (value, self->pole_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_plan_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TdmPlanEditor *self = TDM_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      tdm_plan_editor_set_tool (self, g_value_get_string (value));
      break;
    case PROP_POLE_ID:
      tdm_plan_editor_set_pole_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_plan_editor_class_init (TdmPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_plan_editor_dispose;
  object_class->finalize = tdm_plan_editor_finalize;
  object_class->get_property = tdm_plan_editor_get_property;
  object_class->set_property = tdm_plan_editor_set_property;
  widget_class->snapshot = snapshot_cb;
  widget_class->size_allocate = size_allocate_cb;

  properties[PROP_TOOL] =
    g_param_spec_string ("tool", NULL, NULL, "select",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POLE_ID] =
    g_param_spec_int64 ("pole-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmPlanEditor, stand_popover);
  gtk_widget_class_bind_template_child (widget_class, TdmPlanEditor, code_entry);
  gtk_widget_class_bind_template_child (widget_class, TdmPlanEditor, pole_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdmPlanEditor, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, TdmPlanEditor, stand_error);
  gtk_widget_class_bind_template_child (widget_class, TdmPlanEditor, row_popover);
  gtk_widget_class_bind_template_child (widget_class, TdmPlanEditor, row_count_spin);
  gtk_widget_class_bind_template_child (widget_class, TdmPlanEditor, row_width_spin);
  gtk_widget_class_bind_template_child (widget_class, TdmPlanEditor, row_depth_spin);
  gtk_widget_class_bind_template_child (widget_class, TdmPlanEditor, row_vertical_switch);
  gtk_widget_class_bind_template_child (widget_class, TdmPlanEditor, row_error);
  gtk_widget_class_bind_template_callback (widget_class, stand_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_apply_cb);


  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "plan.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "plan.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "plan.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "plan.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "plan.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "plan.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "plan.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "plan.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "plan.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "plan.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "plan.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "plan.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "plan.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "plan.zoom-fit", NULL);

  gtk_widget_class_set_css_name (widget_class, "planeditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tool_change_state (GSimpleAction *action,
                   GVariant      *state,
                   gpointer       user_data)
{
  tdm_plan_editor_set_tool (TDM_PLAN_EDITOR (user_data), g_variant_get_string (state, NULL));
}

/* A GPropertyAction would hold a reference on the editor: a cycle with
 * the group the editor holds. */
static const GActionEntry plan_entries[] = {
  { "tool", NULL, "s", "'select'", tool_change_state },
  { "undo", undo_action },
  { "redo", redo_action },
  { "delete", delete_action },
  { "select-all", select_all_action },
  { "cancel", cancel_action },
  { "align", align_action, "s" },
  { "zoom-in", zoom_in_action },
  { "zoom-out", zoom_out_action },
  { "zoom-fit", zoom_fit_action },
  { "export-pdf", export_pdf_action },
  { "export-png", export_png_action },
  { "print", print_action },
};

GActionGroup *
tdm_plan_editor_get_actions (TdmPlanEditor *self)
{
  g_return_val_if_fail (TDM_IS_PLAN_EDITOR (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

static void
tdm_plan_editor_init (TdmPlanEditor *self)
{
  GtkGesture *click, *drag, *pan;
  GtkEventController *scroll, *motion;
  GtkDropTarget *drop;

  self->tool = g_strdup ("select");
  self->grid_step = 1.0;
  self->selection = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->undo_stack = g_ptr_array_new_with_free_func (command_free);
  self->redo_stack = g_ptr_array_new_with_free_func (command_free);
  self->drag_stands = g_ptr_array_new_with_free_func (g_object_unref);
  self->drag_rects = g_array_new (FALSE, FALSE, sizeof (TdmPlanRect));
  self->tooltip_cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), plan_entries,
                                   G_N_ELEMENTS (plan_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "plan", G_ACTION_GROUP (self->actions));
  self->renderer = tdm_plan_renderer_new ();
  tdm_plan_renderer_set_flags (self->renderer, TDM_PLAN_RENDER_EDITOR);
  tdm_plan_transform_init (&self->transform);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  /* The click gesture sees the press (with its count), the drag gesture
   * the movement and the release; both on the primary button. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_gesture_group (drag, click);

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect (pan, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect (pan, "drag-update", G_CALLBACK (pan_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pan));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  /* The exhibitor's id is read while it is dragged, to show the stand
   * under it as accepting or refusing. */
  gtk_drop_target_set_preload (drop, TRUE);
  g_signal_connect (drop, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_actions (self);
}
