/* tdm-validate.c: checks of single values a user types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdm-validate.h"

gboolean
tdm_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* RFC 5322 "atext": what an unquoted local part may hold. Quoted local
 * parts and address literals are legal but nobody types them in a
 * registry form, so they are refused. */
static gboolean
is_atext (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("!#$%&'*+/=?^_`{|}~-", c) != NULL);
}

static gboolean
valid_local_part (const char *local,
                  gsize       len)
{
  if (len == 0 || len > 64)
    return FALSE;
  if (local[0] == '.' || local[len - 1] == '.')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (local[i] == '.')
        {
          if (local[i + 1] == '.')
            return FALSE;
        }
      else if (!is_atext (local[i]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
valid_domain (const char *domain)
{
  gsize len = strlen (domain);
  gsize label_start = 0;
  guint labels = 0;
  gboolean tld_alpha = TRUE;

  if (len == 0 || len > 253)
    return FALSE;

  for (gsize i = 0; i <= len; i++)
    {
      if (i == len || domain[i] == '.')
        {
          gsize label_len = i - label_start;

          if (label_len == 0 || label_len > 63)
            return FALSE;
          if (domain[label_start] == '-' || domain[i - 1] == '-')
            return FALSE;
          labels++;
          /* The top-level label is letters, or an IDN "xn--" form. */
          tld_alpha = label_len >= 2;
          if (!g_str_has_prefix (domain + label_start, "xn--"))
            for (gsize j = label_start; j < i; j++)
              if (!g_ascii_isalpha (domain[j]))
                tld_alpha = FALSE;
          label_start = i + 1;
          continue;
        }
      if (!g_ascii_isalnum (domain[i]) && domain[i] != '-')
        return FALSE;
    }

  return labels >= 2 && tld_alpha;
}

gboolean
tdm_validate_email (const char *email)
{
  const char *at;

  if (email == NULL || strlen (email) > 254)
    return FALSE;

  at = strchr (email, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL)
    return FALSE;

  return valid_local_part (email, at - email) && valid_domain (at + 1);
}

/* Collects the digits of PHONE (ASCII or Eastern Arabic) into DIGITS,
 * allowing one separator (space, NBSP, dot, dash) between two digits and
 * a leading '+'. Returns FALSE on anything else. */
static gboolean
collect_digits (const char *phone,
                GString    *digits,
                gboolean   *plus)
{
  const char *p = phone;
  gboolean after_separator = FALSE;

  *plus = FALSE;
  if (*p == '+')
    {
      *plus = TRUE;
      p++;
    }

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;

      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else if (c >= 0x0660 && c <= 0x0669)
        g_string_append_c (digits, (char) ('0' + c - 0x0660));
      else if (c >= 0x06F0 && c <= 0x06F9)
        g_string_append_c (digits, (char) ('0' + c - 0x06F0));
      else if (c == ' ' || c == '.' || c == '-' || c == 0x00A0 || c == 0x202F)
        {
          if (digits->len == 0 || after_separator)
            return FALSE;
          after_separator = TRUE;
          p = g_utf8_next_char (p);
          continue;
        }
      else
        return FALSE;

      after_separator = FALSE;
      p = g_utf8_next_char (p);
    }

  return digits->len > 0 && !after_separator;
}

static gboolean
valid_moroccan_subscriber (const char *nine)
{
  return strlen (nine) == 9 && nine[0] >= '5' && nine[0] <= '8';
}

static gboolean
valid_international (const char *digits)
{
  gsize len = strlen (digits);

  if (digits[0] == '0')
    return FALSE;
  if (g_str_has_prefix (digits, "212"))
    return valid_moroccan_subscriber (digits + 3);
  /* E.164: at most 15 digits; below 8 no country's numbers fit. */
  return len >= 8 && len <= 15;
}

gboolean
tdm_validate_phone (const char *phone)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean plus;

  if (phone == NULL || !collect_digits (phone, digits, &plus))
    return FALSE;

  if (plus)
    return valid_international (digits->str);
  if (g_str_has_prefix (digits->str, "00"))
    return digits->len > 2 && valid_international (digits->str + 2);
  return digits->len == 10 && digits->str[0] == '0'
      && valid_moroccan_subscriber (digits->str + 1);
}

static gboolean
parse_iso_date (const char *date,
                guint      *year,
                guint      *month,
                guint      *day)
{
  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  *year = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  *month = (date[5] - '0') * 10 + (date[6] - '0');
  *day = (date[8] - '0') * 10 + (date[9] - '0');

  return *year >= 1 && *month >= 1 && *month <= 12 && *day >= 1
      && g_date_valid_dmy ((GDateDay) *day, (GDateMonth) *month, (GDateYear) *year);
}

gboolean
tdm_validate_iso_date (const char *date)
{
  guint y, m, d;

  return parse_iso_date (date, &y, &m, &d);
}

gboolean
tdm_date_is_future (const char *date,
                    const char *today)
{
  g_autofree char *now = NULL;

  if (!tdm_validate_iso_date (date))
    return FALSE;

  if (today == NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_now_local ();

      now = g_date_time_format (dt, "%Y-%m-%d");
      today = now;
    }
  else if (!tdm_validate_iso_date (today))
    return FALSE;

  /* Valid YYYY-MM-DD strings order like the dates they name. */
  return strcmp (date, today) > 0;
}
