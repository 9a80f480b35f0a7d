/* tdm-fold.c: the one folding used for stored text and for queries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdm-fold.h"

/* Characters that fold to nothing: Latin combining marks, Arabic harakat,
 * superscript alef, tatweel, Quranic annotation signs, and the invisible
 * format characters (ZWSP/ZWNJ/ZWJ, bidi marks and isolates, BOM) that
 * copy and paste leaves inside words. */
static inline gboolean
is_dropped (gunichar c)
{
  return (c >= 0x0300 && c <= 0x036F)
      || (c >= 0x064B && c <= 0x065F)
      || c == 0x0670
      || c == 0x0640
      || (c >= 0x06D6 && c <= 0x06ED && c != 0x06E5 && c != 0x06E6)
      || c == 0x061C
      || (c >= 0x200B && c <= 0x200F)
      || (c >= 0x202A && c <= 0x202E)
      || (c >= 0x2060 && c <= 0x2069)
      || c == 0xFEFF
      || c == 0x00AD;
}

/* Arabic letters a reader takes for the same letter, Arabic digits, and
 * the typographic forms of the apostrophe and the dash that keyboards and
 * word processors put in place of the plain ones (l’Oriental, l'Oriental). */
static inline gunichar
fold_lookalike (gunichar c)
{
  switch (c)
    {
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x02BC: /* ʼ */
    case 0x00B4: /* ´ */
    case 0x0060: /* ` */
    case 0x2032: /* ′ */
      return '\'';
    case 0x2010: /* ‐ */
    case 0x2011: /* non-breaking hyphen */
    case 0x2012: /* ‒ */
    case 0x2013: /* – */
    case 0x2014: /* — */
    case 0x2212: /* − */
      return '-';
    case 0x0622: /* آ */
    case 0x0623: /* أ */
    case 0x0625: /* إ */
    case 0x0671: /* ٱ */
    case 0x0672:
    case 0x0673:
      return 0x0627; /* ا */
    case 0x0624: /* ؤ */
      return 0x0648; /* و */
    case 0x0626: /* ئ */
    case 0x0649: /* ى */
    case 0x06CC: /* Persian yeh */
      return 0x064A; /* ي */
    case 0x0629: /* ة */
      return 0x0647; /* ه */
    case 0x06A9: /* keheh, Persian keyboards */
      return 0x0643; /* ك */
    default:
      break;
    }

  if (c >= 0x0660 && c <= 0x0669)
    return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9)
    return '0' + (c - 0x06F0);

  return c;
}

/* Latin letters that no canonical decomposition takes apart. */
static const char *
latin_special (gunichar c)
{
  switch (c)
    {
    case 0x00DF: return "ss"; /* ß */
    case 0x1E9E: return "ss"; /* ẞ */
    case 0x00E6: return "ae"; /* æ */
    case 0x0153: return "oe"; /* œ */
    case 0x00F8: return "o";  /* ø */
    case 0x0111: return "d";  /* đ */
    case 0x0142: return "l";  /* ł */
    case 0x0133: return "ij"; /* ĳ */
    case 0x0131: return "i";  /* dotless i */
    case 0x00F0: return "d";  /* ð */
    case 0x00FE: return "th"; /* þ */
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05:
    case 0xFB06: return "st";
    default:     return NULL;
    }
}

static inline gboolean
is_latin_decomposable (gunichar c)
{
  return (c >= 0x00C0 && c <= 0x024F) || (c >= 0x1E00 && c <= 0x1EFF);
}

/* Arabic presentation forms (pasted from PDFs) and fullwidth Latin
 * decompose, under compatibility rules, into the ordinary letters. */
static inline gboolean
is_compat_form (gunichar c)
{
  return (c >= 0xFB50 && c <= 0xFDFF)
      || (c >= 0xFE70 && c <= 0xFEFC)
      || (c >= 0xFF01 && c <= 0xFF5E);
}

typedef struct {
  GString  *out;
  gboolean  pending_space;
} Folder;

static inline void
emit (Folder   *f,
      gunichar  c)
{
  if (f->pending_space)
    {
      if (f->out->len > 0)
        g_string_append_c (f->out, ' ');
      f->pending_space = FALSE;
    }
  if (c < 0x80)
    g_string_append_c (f->out, (char) c);
  else
    {
      char utf8[6];

      g_string_append_len (f->out, utf8, g_unichar_to_utf8 (c, utf8));
    }
}

static void
fold_char (Folder   *f,
           gunichar  c)
{
  const char *special;

  if (c < 0x80)
    {
      if (g_ascii_isspace (c))
        f->pending_space = TRUE;
      else if (c != 0)
        emit (f, g_ascii_tolower (c));
      return;
    }

  if (is_dropped (c))
    return;

  /* The Arabic block has no case, no space and no decomposition that
   * matters here: skip the table look-ups. */
  if (c >= 0x0600 && c <= 0x06FF)
    {
      emit (f, fold_lookalike (c));
      return;
    }

  if (g_unichar_isspace (c))
    {
      f->pending_space = TRUE;
      return;
    }

  c = g_unichar_tolower (c);

  if ((special = latin_special (c)) != NULL)
    {
      for (; *special != '\0'; special++)
        emit (f, (gunichar) *special);
      return;
    }

  if (is_latin_decomposable (c) || is_compat_form (c))
    {
      gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n;

      n = g_unichar_fully_decompose (c, is_compat_form (c), parts, G_N_ELEMENTS (parts));
      if (n > 1 || (n == 1 && parts[0] != c))
        {
          for (gsize i = 0; i < n; i++)
            {
              gunichar p = g_unichar_tolower (parts[i]);

              if (is_dropped (p))
                continue;
              if (g_unichar_isspace (p))
                f->pending_space = TRUE;
              else
                emit (f, fold_lookalike (p));
            }
          return;
        }
    }

  emit (f, fold_lookalike (c));
}

char *
tdm_fold (const char *text)
{
  Folder f;
  const char *p;
  const char *end;
  gsize len;

  if (text == NULL)
    return g_strdup ("");

  len = strlen (text);
  f.out = g_string_sized_new (len + 8);
  f.pending_space = FALSE;

  p = text;
  end = text + len;
  while (p < end)
    {
      guchar b = (guchar) *p;
      gunichar c;

      /* ASCII fast path: most registry text is mostly ASCII or Arabic. */
      if (b < 0x80)
        {
          fold_char (&f, b);
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Skip one byte: the next valid character starts later. */
          p++;
          continue;
        }
      fold_char (&f, c);
      p = g_utf8_next_char (p);
    }

  return g_string_free (f.out, FALSE);
}

gboolean
tdm_locale_is_arabic (void)
{
  const char * const *names = g_get_language_names ();
  const char *first;

  if (names == NULL || names[0] == NULL)
    return FALSE;

  first = names[0];
  return first[0] == 'a' && first[1] == 'r'
      && (first[2] == '\0' || first[2] == '_' || first[2] == '.' || first[2] == '@');
}
