/* tdm-report-language.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tdm-fold.h"
#include "tdm-report-language.h"

/* setenv() rather than g_setenv(), which warns about threads on every
 * call: see tdm-report-language.h for why a push is safe enough here. */

/* glibc keeps the translations it found, keyed without LANGUAGE: bumping
 * this counter, as the gettext manual says, makes it look again. */
extern int _nl_msg_cat_cntr;

typedef struct {
  char *language;      /* LANGUAGE before the push, "" when empty */
  char *messages;      /* LC_MESSAGES before, NULL when not changed */
} LanguageToken;

void
tdm_report_language_init (void)
{
  gpointer token;

  if (g_getenv ("LANGUAGE") == NULL)
    setenv ("LANGUAGE", "", 0);

  /* GLib decides once per process, at its first translation, whether to
   * translate at all: not when the UI language has no catalogue (English)
   * in a locale such as C.UTF-8. A French or Arabic report would then come
   * out in English. Let it decide while a language we ship is pushed. */
  token = tdm_report_language_push ("fr");
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  tdm_report_language_pop (token);
}

gpointer
tdm_report_language_push (const char *language)
{
  LanguageToken *token = g_new0 (LanguageToken, 1);
  const char *current_messages;

  token->language = g_strdup (g_getenv ("LANGUAGE"));
  if (token->language == NULL)
    token->language = g_strdup ("");

  if (language == NULL)
    return token;

  /* gettext ignores LANGUAGE in the C locale. */
  current_messages = setlocale (LC_MESSAGES, NULL);
  if (current_messages != NULL
      && (strcmp (current_messages, "C") == 0 || strcmp (current_messages, "POSIX") == 0))
    {
      token->messages = g_strdup (current_messages);
      setlocale (LC_MESSAGES, "C.UTF-8");
    }

  setenv ("LANGUAGE", language, 1);
  ++_nl_msg_cat_cntr;
  return token;
}

void
tdm_report_language_pop (gpointer data)
{
  LanguageToken *token = data;

  g_return_if_fail (token != NULL);

  setenv ("LANGUAGE", token->language, 1);
  if (token->messages != NULL)
    setlocale (LC_MESSAGES, token->messages);
  ++_nl_msg_cat_cntr;

  g_free (token->language);
  g_free (token->messages);
  g_free (token);
}

const char *
tdm_report_language_default (void)
{
  return tdm_locale_is_arabic () ? "ar" : "fr";
}

gboolean
tdm_report_language_is_rtl (const char *language)
{
  return language != NULL && language[0] == 'a' && language[1] == 'r'
      && (language[2] == '\0' || language[2] == '_' || language[2] == '-'
          || language[2] == '.' || language[2] == '@');
}

const char *
tdm_report_language_numbers (const char *language)
{
  if (tdm_report_language_is_rtl (language))
    return "ar_MA";
  return language != NULL ? language : "fr";
}
