/* tdm-fold.h: the one folding used for stored text and for queries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Folds TEXT (UTF-8) so that spellings a reader takes for the same word
 * compare equal: case and Latin accents; Arabic hamza forms of alef
 * (أ إ آ ٱ → ا), ؤ → و, ئ → ي, ة → ه, ى → ي, tatweel and harakat removed;
 * Eastern Arabic and Persian digits → ASCII; every run of white space
 * (U+00A0 included) → one space, trimmed. Invalid UTF-8 is dropped. */
char     *tdm_fold                (const char *text);

/* TRUE when the UI's first language is Arabic. */
gboolean  tdm_locale_is_arabic    (void);

G_END_DECLS
