/* tdm-number-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tdm-number-format.h"

G_DEFINE_ENUM_TYPE (TdmDigits, tdm_digits,
  G_DEFINE_ENUM_VALUE (TDM_DIGITS_AUTO, "auto"),
  G_DEFINE_ENUM_VALUE (TDM_DIGITS_WESTERN, "western"),
  G_DEFINE_ENUM_VALUE (TDM_DIGITS_ARABIC_INDIC, "arabic-indic"))

/* The Maghreb writes Arabic with Western digits (CLDR: ar-MA, ar-DZ, ar-TN,
 * ar-LY and ar-EH use the "latn" numbering system). */
static gboolean
is_maghreb (const char *language)
{
  static const char * const regions[] = { "MA", "DZ", "TN", "LY", "EH" };
  const char *sep;

  if (strlen (language) < 5)
    return FALSE;
  sep = language + 2;
  if (*sep != '_' && *sep != '-')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (strncmp (sep + 1, regions[i], 2) == 0)
      return TRUE;
  return FALSE;
}

static void
set (char *dest, gsize size, const char *value)
{
  g_strlcpy (dest, value, size);
}

void
tdm_number_format_init (TdmNumberFormat *fmt,
                        const char      *language,
                        TdmDigits        digits)
{
  gboolean arabic;

  g_return_if_fail (fmt != NULL);

  if (language == NULL)
    {
      const char * const *names = g_get_language_names ();
      language = names != NULL && names[0] != NULL ? names[0] : "C";
    }

  arabic = g_ascii_strncasecmp (language, "ar", 2) == 0
        && (language[2] == '\0' || strchr ("_-.@", language[2]) != NULL);

  if (digits == TDM_DIGITS_AUTO)
    digits = arabic && !is_maghreb (language) ? TDM_DIGITS_ARABIC_INDIC
                                              : TDM_DIGITS_WESTERN;
  fmt->digits = digits;

  if (arabic && digits == TDM_DIGITS_ARABIC_INDIC)
    {
      set (fmt->decimal, sizeof fmt->decimal, "\xd9\xab");       /* ٫ U+066B */
      set (fmt->group, sizeof fmt->group, "\xd9\xac");           /* ٬ U+066C */
      /* No U+061C ARABIC LETTER MARK around the signs, as CLDR has it:
       * Pango 1.50 finds no font for it and takes a fallback's much
       * taller line. The bidi algorithm already keeps them with the
       * number. */
      set (fmt->minus, sizeof fmt->minus, "-");
      set (fmt->percent, sizeof fmt->percent, "\xd9\xaa");          /* ٪ U+066A */
    }
  else if (arabic)
    {
      /* ar-MA with Western digits: 12.345,5 */
      set (fmt->decimal, sizeof fmt->decimal, ",");
      set (fmt->group, sizeof fmt->group, ".");
      set (fmt->minus, sizeof fmt->minus, "-");
      set (fmt->percent, sizeof fmt->percent, "%");
    }
  else if (g_ascii_strncasecmp (language, "fr", 2) == 0)
    {
      set (fmt->decimal, sizeof fmt->decimal, ",");
      set (fmt->group, sizeof fmt->group, "\xe2\x80\xaf");       /* U+202F */
      set (fmt->minus, sizeof fmt->minus, "\xe2\x88\x92");       /* − U+2212 */
      set (fmt->percent, sizeof fmt->percent, "\xe2\x80\xaf%");
    }
  else
    {
      set (fmt->decimal, sizeof fmt->decimal, ".");
      set (fmt->group, sizeof fmt->group, ",");
      set (fmt->minus, sizeof fmt->minus, "-");
      set (fmt->percent, sizeof fmt->percent, "%");
    }
}

static void
append_digits (GString         *out,
               const char      *ascii,
               TdmDigits        digits)
{
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (digits == TDM_DIGITS_ARABIC_INDIC)
        g_string_append_unichar (out, 0x0660 + (*p - '0'));
      else
        g_string_append_c (out, *p);
    }
}

char *
tdm_number_format_format (const TdmNumberFormat *fmt,
                          double                 value,
                          guint                  decimals)
{
  g_autofree char *ascii = NULL;
  GString *out;
  const char *point;
  gsize int_len;
  gboolean negative;

  g_return_val_if_fail (fmt != NULL, NULL);

  if (!isfinite (value))
    return g_strdup ("\xe2\x80\x93"); /* – : no number to show */

  decimals = MIN (decimals, 6);
  ascii = g_strdup_printf ("%.*f", (int) decimals, fabs (value));
  /* "-0" after rounding is written "0". */
  negative = value < 0 && strspn (ascii, "0.") != strlen (ascii);

  out = g_string_new (NULL);
  if (negative)
    g_string_append (out, fmt->minus);

  point = strchr (ascii, '.');
  int_len = point != NULL ? (gsize) (point - ascii) : strlen (ascii);
  for (gsize i = 0; i < int_len; i++)
    {
      char digit[2] = { ascii[i], '\0' };

      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (out, fmt->group);
      append_digits (out, digit, fmt->digits);
    }
  if (point != NULL)
    {
      g_string_append (out, fmt->decimal);
      append_digits (out, point + 1, fmt->digits);
    }

  return g_string_free (out, FALSE);
}

char *
tdm_number_format_format_percent (const TdmNumberFormat *fmt,
                                  double                 fraction,
                                  guint                  decimals)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (fmt != NULL, NULL);

  if (!isfinite (fraction))
    return tdm_number_format_format (fmt, fraction, 0);
  number = tdm_number_format_format (fmt, fraction * 100.0, decimals);
  return g_strconcat (number, fmt->percent, NULL);
}

guint
tdm_number_format_decimals_for (double value,
                                guint  max_decimals)
{
  double scaled = fabs (value);

  if (!isfinite (value))
    return 0;
  for (guint d = 0; d < max_decimals; d++, scaled *= 10.0)
    if (fabs (scaled - round (scaled)) < 1e-9 * MAX (1.0, scaled))
      return d;
  return max_decimals;
}
