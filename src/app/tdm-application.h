/* tdm-application.h: the Tadamon application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TDM_TYPE_APPLICATION (tdm_application_get_type ())
G_DECLARE_FINAL_TYPE (TdmApplication, tdm_application, TDM, APPLICATION, AdwApplication)

/* Command line: --database PATH, --page NAME, --screenshot FILE.png. */
TdmApplication *tdm_application_new             (void);

/* The application's settings, or NULL when the schema is not installed
 * (an uninstalled run): then nothing is remembered. */
GSettings      *tdm_application_get_settings    (TdmApplication *self);

/* Non-zero when --screenshot could not write its file. */
int             tdm_application_get_exit_status (TdmApplication *self);

G_END_DECLS
