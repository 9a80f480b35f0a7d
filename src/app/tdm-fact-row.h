/* tdm-fact-row.h: one fact of an article in the review panel: its kind,
 * its value (editable, to correct it), accept and reject.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-articles.h"

G_BEGIN_DECLS

#define TDM_TYPE_FACT_ROW (tdm_fact_row_get_type ())
G_DECLARE_FINAL_TYPE (TdmFactRow, tdm_fact_row, TDM, FACT_ROW, GtkListBoxRow)

/* Signals: "accept" and "reject" (no argument), "correct" (the new value,
 * a string) when the value is edited and Enter pressed, "role-changed"
 * (the role code) when the role of a linked partner is changed. */
GtkWidget           *tdm_fact_row_new         (const TdmStoredFact *fact);
const TdmStoredFact *tdm_fact_row_get_fact    (TdmFactRow          *self);
/* The value being edited (for the UI test and the window's actions). */
GtkEditable         *tdm_fact_row_get_entry   (TdmFactRow          *self);
/* For a fact applied to a partner of the fair: shows its ROLE (a code of
 * tdm_fair_partner_roles()) in a drop-down the user can change. */
void                 tdm_fact_row_set_role    (TdmFactRow          *self,
                                               const char          *role);

/* The kind of a fact in the UI language ("Start date"), and the colour of
 * its highlight in the article (#RRGGBB), shared with the legend. */
const char          *tdm_fact_kind_label      (const char          *kind);
const char          *tdm_fact_kind_color      (const char          *kind);

G_END_DECLS
