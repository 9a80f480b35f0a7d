/* tdm-place.h: a region, a province/prefecture or a sector, for choosers
 * and filters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  TDM_PLACE_REGION,
  TDM_PLACE_PROVINCE,
  TDM_PLACE_SECTOR,
} TdmPlaceKind;

#define TDM_TYPE_PLACE_KIND (tdm_place_kind_get_type ())
GType tdm_place_kind_get_type (void) G_GNUC_CONST;

#define TDM_TYPE_PLACE (tdm_place_get_type ())
G_DECLARE_FINAL_TYPE (TdmPlace, tdm_place, TDM, PLACE, GObject)

/* Properties (set at construction): "kind", "id" (gint64), "code",
 * "name-fr", "name-ar", "parent-id" (a province's region); read-only
 * "display-name" (in the UI language, else the other one). */
TdmPlace    *tdm_place_new               (TdmPlaceKind  kind,
                                          gint64        id,
                                          const char   *code,
                                          const char   *name_fr,
                                          const char   *name_ar,
                                          gint64        parent_id);
TdmPlaceKind tdm_place_get_kind          (TdmPlace *self);
gint64       tdm_place_get_id            (TdmPlace *self);
const char  *tdm_place_get_code          (TdmPlace *self);
const char  *tdm_place_get_name_fr       (TdmPlace *self);
const char  *tdm_place_get_name_ar       (TdmPlace *self);
gint64       tdm_place_get_parent_id     (TdmPlace *self);
const char  *tdm_place_get_display_name  (TdmPlace *self);

G_END_DECLS
