/* tdm-stand.h: a stand of a fair, or an area of its plan that is not a
 * stand (stage, entrance, aisle, lounge). Position and size in metres,
 * from the top-left corner of the floor (x to the right, y down).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TDM_TYPE_STAND (tdm_stand_get_type ())
G_DECLARE_FINAL_TYPE (TdmStand, tdm_stand, TDM, STAND, GObject)

/* Properties (read-write unless marked):
 *   "id"        gint64   0 until saved
 *   "fair-id"   gint64
 *   "pole-id"   gint64   0 = no pole
 *   "kind"      string   one of tdm_stand_kinds(): "stand" or an area
 *   "code"      string   unique in the fair ("A-01")
 *   "x", "y", "width", "depth"  double  metres
 *   "capacity"  gint     places (exhibitors) it takes; 0 for an area
 *   "occupancy" gint     exhibitors on it, filled by the store (the
 *                        property is writable so a view can show a change
 *                        before it is saved)
 *   "kind-label"  string, read-only: the kind translated
 *   "is-area"     boolean, read-only: kind is not "stand"
 */

/* How full a stand is, for the plan (never shown by colour alone). */
typedef enum {
  TDM_STAND_FREE,
  TDM_STAND_PARTLY_TAKEN,
  TDM_STAND_FULL,
} TdmStandOccupancy;

TdmStand    *tdm_stand_new            (void);
/* A copy with the same id: a snapshot for undo. */
TdmStand    *tdm_stand_copy           (TdmStand *self);

gint64       tdm_stand_get_id         (TdmStand *self);
gint64       tdm_stand_get_fair_id    (TdmStand *self);
gint64       tdm_stand_get_pole_id    (TdmStand *self);
const char  *tdm_stand_get_kind       (TdmStand *self);
const char  *tdm_stand_get_kind_label (TdmStand *self);
gboolean     tdm_stand_is_area        (TdmStand *self);
const char  *tdm_stand_get_code       (TdmStand *self);
double       tdm_stand_get_x          (TdmStand *self);
double       tdm_stand_get_y          (TdmStand *self);
double       tdm_stand_get_width      (TdmStand *self);
double       tdm_stand_get_depth      (TdmStand *self);
gint         tdm_stand_get_capacity   (TdmStand *self);
gint         tdm_stand_get_occupancy  (TdmStand *self);
TdmStandOccupancy tdm_stand_get_occupancy_state (TdmStand *self);

/* Typed setters (same as g_object_set(), notify only on change). */
void         tdm_stand_set_geometry   (TdmStand *self,
                                       double    x,
                                       double    y,
                                       double    width,
                                       double    depth);
void         tdm_stand_set_code       (TdmStand   *self,
                                       const char *code);
void         tdm_stand_set_capacity   (TdmStand *self,
                                       gint      capacity);
void         tdm_stand_set_occupancy  (TdmStand *self,
                                       gint      occupancy);

/* The exhibitors on the stand when the snapshot was taken (filled by
 * tdm_store_delete_stands(), used by tdm_store_restore_stands()); NULL
 * otherwise. Owned by the stand. */
const GArray *tdm_stand_get_exhibitor_ids (TdmStand     *self);
void          tdm_stand_set_exhibitor_ids (TdmStand     *self,
                                           const gint64 *ids,
                                           guint         n_ids);

/* NULL-terminated: "stand", "stage", "entrance", "aisle", "lounge",
 * "other" (the CHECK of stand.kind). */
const char * const *tdm_stand_kinds       (void);
const char         *tdm_stand_kind_label  (const char *kind);

G_END_DECLS
