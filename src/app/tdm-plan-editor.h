/* tdm-plan-editor.h: a fair's floor plan that the user draws on: stands
 * and areas added, moved, resized, aligned and deleted with undo and redo,
 * exhibitors dropped on stands, zoom and pan, export and print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-plan-geometry.h"
#include "tdm-plan-renderer.h"
#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_TYPE_PLAN_EDITOR (tdm_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (TdmPlanEditor, tdm_plan_editor, TDM, PLAN_EDITOR, GtkWidget)

/* Properties:
 *   "tool"     string  what a press on an empty place does: "select"
 *                      (select, rubber band), "stand" (drag a rectangle, or
 *                      click for a stand of the default size), "row" (click
 *                      where a row of stands starts: a form asks N, W×D),
 *                      or an area kind of tdm_stand_kinds() ("stage",
 *                      "entrance", "aisle", "lounge") drawn like a stand.
 *   "pole-id"  gint64  the pole new stands belong to (0: none).
 *
 * Actions (group "plan", also given by tdm_plan_editor_get_actions() for
 * a toolbar to insert): plan.tool (string state), plan.undo (Ctrl+Z),
 * plan.redo (Ctrl+Shift+Z, Ctrl+Y), plan.delete (Delete), plan.select-all
 * (Ctrl+A), plan.cancel (Escape: stops a drag, else unselects), plan.align (string: "left", "right", "top", "bottom",
 * "center-x", "center-y"), plan.zoom-in (Ctrl+plus), plan.zoom-out
 * (Ctrl+minus), plan.zoom-fit (Ctrl+0), plan.export-pdf, plan.export-png,
 * plan.print.
 *
 * Dragging changes the stands in memory only; the store is written once,
 * on release, in one transaction. Refusals (overlaps, full stands ...)
 * are shown in a toast with the store's message and change nothing. */

/* Default size of a stand made by a click, in metres, and its places. */
#define TDM_PLAN_EDITOR_DEFAULT_WIDTH    3.0
#define TDM_PLAN_EDITOR_DEFAULT_DEPTH    3.0
#define TDM_PLAN_EDITOR_DEFAULT_CAPACITY 2

GtkWidget       *tdm_plan_editor_new             (void);

/* Shows fair FAIR_ID of STORE (NULL/0: nothing) and follows the store's
 * changes. The undo history is dropped. */
void             tdm_plan_editor_set_fair        (TdmPlanEditor    *self,
                                                  TdmStore         *store,
                                                  gint64            fair_id);
GActionGroup    *tdm_plan_editor_get_actions     (TdmPlanEditor    *self);
gint64           tdm_plan_editor_get_fair_id     (TdmPlanEditor    *self);
TdmPlanRenderer *tdm_plan_editor_get_renderer    (TdmPlanEditor    *self);

const char      *tdm_plan_editor_get_tool        (TdmPlanEditor    *self);
void             tdm_plan_editor_set_tool        (TdmPlanEditor    *self,
                                                  const char       *tool);
gint64           tdm_plan_editor_get_pole_id     (TdmPlanEditor    *self);
void             tdm_plan_editor_set_pole_id     (TdmPlanEditor    *self,
                                                  gint64            pole_id);

/* The metres ↔ pixels transform of the view as it is drawn now. */
const TdmPlanTransform *tdm_plan_editor_get_transform (TdmPlanEditor *self);

/* The selected stand ids, in selection order (owned by the editor). */
const GArray    *tdm_plan_editor_get_selection   (TdmPlanEditor    *self);

/* What the primary-button gestures call, in widget pixels: a press
 * (N_PRESS 2 = double click), the pointer moving while pressed, the
 * release. Tests drive the editor through these as a user's pointer
 * would. */
void             tdm_plan_editor_pointer_press   (TdmPlanEditor    *self,
                                                  double            px,
                                                  double            py,
                                                  GdkModifierType   state,
                                                  int               n_press);
void             tdm_plan_editor_pointer_motion  (TdmPlanEditor    *self,
                                                  double            px,
                                                  double            py);
void             tdm_plan_editor_pointer_release (TdmPlanEditor    *self,
                                                  double            px,
                                                  double            py);

/* What a drop of exhibitor EXHIBITOR_ID at pixel (PX, PY) does: puts it
 * on the stand there. On refusal a toast says why and FALSE is returned. */
gboolean         tdm_plan_editor_drop_exhibitor  (TdmPlanEditor    *self,
                                                  gint64            exhibitor_id,
                                                  double            px,
                                                  double            py);

/* The tooltip of the stand at pixel (PX, PY): its code, its occupancy
 * and who is on it (Pango markup, owned by the editor), or NULL. */
const char      *tdm_plan_editor_get_tooltip_at  (TdmPlanEditor    *self,
                                                  double            px,
                                                  double            py);

/* Adds a row of N stands (the "row" tool's form). */
gboolean         tdm_plan_editor_add_row         (TdmPlanEditor    *self,
                                                  double            x,
                                                  double            y,
                                                  guint             n,
                                                  double            width,
                                                  double            depth,
                                                  gboolean          vertical,
                                                  GError          **error);

gboolean         tdm_plan_editor_undo            (TdmPlanEditor    *self);
gboolean         tdm_plan_editor_redo            (TdmPlanEditor    *self);

G_END_DECLS
