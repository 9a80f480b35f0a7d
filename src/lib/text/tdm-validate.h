/* tdm-validate.h: checks of single values a user types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when TEXT is NULL or holds only white space (Unicode's). */
gboolean tdm_text_is_blank      (const char *text);

gboolean tdm_validate_email     (const char *email);
/* Moroccan numbers (0[5-8]XXXXXXXX, +212 or 00212 …) and international
 * ones in E.164 form; spaces, dots and dashes between digits allowed. */
gboolean tdm_validate_phone     (const char *phone);
/* A real calendar date written YYYY-MM-DD. */
gboolean tdm_validate_iso_date  (const char *date);
/* TRUE when DATE (YYYY-MM-DD, valid) is after TODAY (same form; NULL =
 * today in local time). */
gboolean tdm_date_is_future     (const char *date,
                                 const char *today);

G_END_DECLS
