/* tdm-cooperative-editor-private.h: the form's parts, for the UI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-cooperative-editor.h"

G_BEGIN_DECLS

/* The entry (or drop-down) that edits PROPERTY ("name-ar", "women" ...). */
GtkWidget *_tdm_cooperative_editor_get_field        (TdmCooperativeEditor *self,
                                                     const char           *property);
/* The label that shows PROPERTY's validation message beside its field. */
GtkLabel  *_tdm_cooperative_editor_get_message      (TdmCooperativeEditor *self,
                                                     const char           *property);
GtkWidget *_tdm_cooperative_editor_get_save_button  (TdmCooperativeEditor *self);
GtkWidget *_tdm_cooperative_editor_get_add_label_button (TdmCooperativeEditor *self);
/* The entries of the label row at INDEX (NULL when there is none) and the
 * label under them that says what is wrong. */
gboolean   _tdm_cooperative_editor_get_label_row    (TdmCooperativeEditor  *self,
                                                     guint                  index,
                                                     GtkEditable          **name,
                                                     GtkEditable          **issued,
                                                     GtkEditable          **expires,
                                                     GtkLabel             **message);

G_END_DECLS
