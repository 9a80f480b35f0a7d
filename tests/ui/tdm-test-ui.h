/* tdm-test-ui.h: what the UI tests share: a temporary database, the
 * window on it, waiting on the main loop, finding widgets, screenshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tdm-application.h"
#include "tdm-store.h"
#include "tdm-test-util.h"
#include "tdm-window.h"

G_BEGIN_DECLS

typedef gboolean (*TdmTestCondition) (gpointer data);

void            tdm_test_ui_set_timeout         (guint             timeout_ms);
gboolean        tdm_test_ui_wait_for            (TdmTestCondition  condition,
                                                 gpointer          data);
void            tdm_test_ui_drain               (void);
gboolean        tdm_test_ui_is_mapped           (gpointer          widget);
gboolean        tdm_test_ui_is_true             (gpointer          flag);
gboolean        tdm_test_ui_set_true            (gpointer          flag);

gboolean        tdm_test_ui_has_display         (void);
TdmApplication *tdm_test_ui_new_application     (void);

TdmStore       *tdm_test_ui_open_store          (const char       *dir_template,
                                                 const char       *db_name,
                                                 char            **dir);
void            tdm_test_ui_remove_dir          (const char       *dir);
TdmWindow      *tdm_test_ui_present_window      (GtkApplication   *app,
                                                 TdmStore         *store,
                                                 const char       *page);
void            tdm_test_ui_close               (TdmWindow        *window,
                                                 TdmStore        **store,
                                                 char            **dir);

GtkWidget      *tdm_test_ui_find_widget         (GtkWidget        *root,
                                                 GType             type);
GtkWidget      *tdm_test_ui_find_button         (GtkWidget        *root,
                                                 const char       *label);
GtkWidget      *tdm_test_ui_find_button_with_tooltip (GtkWidget  *root,
                                                 const char       *tooltip);

gint64          tdm_test_ui_query_int           (TdmStore         *store,
                                                 const char       *sql);

void            tdm_test_ui_maybe_save_screenshot (GtkWidget      *widget,
                                                 const char       *name);

G_END_DECLS
