/* tdm-report-language.h: a report's language, chosen apart from the
 * window's.
 *
 * A report is written in Arabic or French whatever language the window
 * speaks. While a language is pushed, gettext, the store's labels (region,
 * province and sector names through tdm_locale_is_arabic()) and the charts
 * speak it; popping restores the language before. Pushes nest.
 *
 * The language is process-wide (gettext reads LANGUAGE): build, lay out
 * and draw a report from one thread, the one that pushed. Call
 * tdm_report_language_init() from main() before any thread starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes sure LANGUAGE exists in the environment, so later pushes replace
 * a value and never grow the environment under another thread. */
void         tdm_report_language_init      (void);

/* "ar" or "fr" (or "en"); NULL keeps the UI's. Returns a token for
 * tdm_report_language_pop(). */
gpointer     tdm_report_language_push      (const char *language);
void         tdm_report_language_pop       (gpointer    token);

/* "ar" when the UI's first language is Arabic, else "fr": the default
 * language of a report. */
const char  *tdm_report_language_default   (void);

/* TRUE for "ar", "ar_MA", "ar-EG"… */
gboolean     tdm_report_language_is_rtl    (const char *language);

/* The language whose numbers reports use: Moroccan Arabic ("ar_MA",
 * Western digits, as Moroccan administrations write them) for Arabic,
 * LANGUAGE otherwise; for tdm_number_format_init() and
 * tdm_chart_set_language(). */
const char  *tdm_report_language_numbers   (const char *language);

G_END_DECLS
