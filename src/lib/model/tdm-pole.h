/* tdm-pole.h: a section of a fair (products, international cooperation,
 * institutional, training ...), with a colour on the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TDM_TYPE_POLE (tdm_pole_get_type ())
G_DECLARE_FINAL_TYPE (TdmPole, tdm_pole, TDM, POLE, GObject)

/* Properties (read-write unless marked):
 *   "id"        gint64   0 until saved
 *   "fair-id"   gint64
 *   "name-ar", "name-fr"  string   at least one is set
 *   "color"     string   "#rrggbb"
 *   "position"  gint     order among the fair's poles; also gives the
 *                        prefix of automatic stand codes (0 → "A")
 *   "display-name" string, read-only: the name in the UI language, else
 *                        the other one
 */

TdmPole     *tdm_pole_new              (void);
TdmPole     *tdm_pole_copy             (TdmPole *self);

gint64       tdm_pole_get_id           (TdmPole *self);
gint64       tdm_pole_get_fair_id      (TdmPole *self);
const char  *tdm_pole_get_name_ar      (TdmPole *self);
const char  *tdm_pole_get_name_fr      (TdmPole *self);
const char  *tdm_pole_get_display_name (TdmPole *self);
const char  *tdm_pole_get_color        (TdmPole *self);
gint         tdm_pole_get_position     (TdmPole *self);

/* The colour as 0..1 components; FALSE (and mid grey) when it is not
 * "#rrggbb". */
gboolean     tdm_pole_get_rgb          (TdmPole *self,
                                        double  *red,
                                        double  *green,
                                        double  *blue);
gboolean     tdm_parse_hex_color       (const char *color,
                                        double     *red,
                                        double     *green,
                                        double     *blue);

G_END_DECLS
