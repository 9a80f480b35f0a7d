/* tdm-article-segment.c: find the title and the body of a saved web page.
 *
 * A page saved as text is a list of lines: the article's paragraphs are
 * the long ones, in one run; around them sit short lines (menus, share
 * buttons, "related news"), tickers (many headlines on one line, apart by
 * wide gaps) and sometimes whole other articles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdm-article-segment.h"
#include "tdm-fold.h"

/* Words that make a paragraph, not a menu item or a headline. */
#define PROSE_MIN_WORDS 15
/* A headline has at least this many words, unless nothing better is near. */
#define TITLE_MIN_WORDS 4
/* How far above the body a headline may stand. */
#define TITLE_MAX_DISTANCE 8
/* No press article has more paragraphs; a longer run of prose is not one
 * article, and the limit keeps the work linear on any file. */
#define BODY_MAX_PARAGRAPHS 400

/* Labels of page furniture, in Arabic, French and English. A short line
 * holding one of them is not part of an article; it also ends the body. */
static const char * const furniture[] = {
  "شارك المقال", "شارك على", "مشاركة المقال", "تعليقات", "التعليقات", "اترك تعليقا",
  "أضف تعليق", "اضف تعليقك", "أخبار ذات صلة", "مقالات ذات صلة", "مواضيع ذات صلة",
  "اقرأ أيضا", "اقرأ المزيد", "إقرأ أيضا", "المزيد", "انقر هنا", "اضغط هنا", "تابعونا",
  "حمل التطبيق", "حمّل التطبيق", "الرئيسية", "اشترك", "النشرة الإخبارية",
  "الأكثر قراءة", "الأكثر مشاهدة", "آخر الأخبار", "اخر الاخبار", "شكرا على الإبلاغ",
  "طباعة", "تم النسخ", "عدد الأحرف المتبقية", "جميع الحقوق محفوظة",
  "partager", "commentaires", "commentaire", "laisser un commentaire", "lire aussi",
  "à lire aussi", "lire la suite", "articles similaires", "sur le même sujet",
  "vous aimerez aussi", "newsletter", "abonnez-vous", "publicité", "imprimer",
  "tous droits réservés", "accueil", "cliquez ici", "en savoir plus",
  "share", "tweet", "view on", "read more", "related", "comments", "copyright", "©",
  "facebook", "whatsapp", "twitter",
};

typedef struct {
  char     *text;       /* white space folded */
  char     *key;        /* folded letters and digits only, for repeats */
  guint     words;
  gboolean  terminal;   /* ends like a sentence */
  gboolean  ticker;
  gboolean  furniture;
  gboolean  dropped;    /* a repeat of other lines */
  gboolean  repeated;   /* has an exact copy elsewhere */
} Line;

static void
line_clear (Line *line)
{
  g_free (line->text);
  g_free (line->key);
}

char *
tdm_article_normalize (const char *text)
{
  GString *out;
  const char *p;
  const char *end;
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  end = text + strlen (text);
  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      p = g_utf8_next_char (p);

      if (c == '\n' || c == 0x2028 || c == 0x2029)
        {
          /* Trim the end of the line. */
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          g_string_append_c (out, '\n');
          space = FALSE;
        }
      else if (c == '\r' || c == 0xFEFF)
        continue;
      else if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space && out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/* Number of wide gaps (3 or more white-space characters) between words:
 * a ticker strings headlines together this way. */
static guint
count_gaps (const char *raw)
{
  guint gaps = 0;
  guint run = 0;
  gboolean seen_text = FALSE;

  for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        run++;
      else
        {
          if (run >= 3 && seen_text)
            gaps++;
          run = 0;
          seen_text = TRUE;
        }
    }
  return gaps;
}

static char *
make_key (const char *folded)
{
  GString *key = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static gboolean
ends_like_sentence (const char *text)
{
  const char *last;
  gunichar c;

  if (*text == '\0')
    return FALSE;
  last = g_utf8_prev_char (text + strlen (text));
  c = g_utf8_get_char (last);
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == 0x060C
      || c == ':' || c == ';' || c == 0x061B || c == ')' || c == 0x00BB || c == 0x201D
      || c == '"';
}

static gboolean
is_furniture (const char *folded,
              guint       words)
{
  static char **folded_labels;
  const char *start = folded;

  if (g_once_init_enter (&folded_labels))
    {
      char **labels = g_new0 (char *, G_N_ELEMENTS (furniture) + 1);

      for (guint i = 0; i < G_N_ELEMENTS (furniture); i++)
        labels[i] = tdm_fold (furniture[i]);
      g_once_init_leave (&folded_labels, labels);
    }

  if (words > 8)
    return FALSE;

  /* Bullets and icons before the label: "• تم النسخ". */
  while (*start != '\0' && !g_unichar_isalnum (g_utf8_get_char (start))
         && g_utf8_get_char (start) != 0x00A9)
    start = g_utf8_next_char (start);

  for (guint i = 0; folded_labels[i] != NULL; i++)
    {
      const char *label = folded_labels[i];
      gsize len = strlen (label);
      const char *hit;

      /* The line opens with the label ("شارك المقال", "Lire aussi : …"). */
      if (strncmp (start, label, len) == 0
          && (start[len] == '\0' || !g_unichar_isalnum (g_utf8_get_char (start + len))))
        return TRUE;

      /* A very short line may hold it anywhere ("1000 (عدد الأحرف المتبقية)"). */
      if (words > 4)
        continue;
      for (hit = strstr (folded, label); hit != NULL; hit = strstr (hit + 1, label))
        {
          gboolean start_ok = hit == folded || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (hit)));
          gboolean end_ok = hit[len] == '\0' || !g_unichar_isalnum (g_utf8_get_char (hit + len));

          if (start_ok && end_ok)
            return TRUE;
        }
    }
  return FALSE;
}

static guint
count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          words++;
        }
    }
  return words;
}

/* A repeat is either an exact copy of an earlier line, or a paragraph
 * that other paragraphs repeat: then the page printed the article twice,
 * once glued into one block and once in paragraphs, and the paragraphs
 * are the better copy. */
static void
mark_repeats (GArray *lines)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) long_lines = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      gpointer first;

      if (line->key[0] == '\0')
        continue;
      if (g_hash_table_lookup_extended (seen, line->key, NULL, &first))
        {
          line->dropped = TRUE;
          line->repeated = TRUE;
          g_array_index (lines, Line, GPOINTER_TO_UINT (first)).repeated = TRUE;
        }
      else
        {
          g_hash_table_insert (seen, line->key, GUINT_TO_POINTER (i));
          /* Only the first paragraphs are compared with each other. */
          if (line->words >= PROSE_MIN_WORDS && long_lines->len < BODY_MAX_PARAGRAPHS)
            g_array_append_val (long_lines, i);
        }
    }

  for (guint x = 0; x < long_lines->len; x++)
    {
      Line *a = &g_array_index (lines, Line, g_array_index (long_lines, guint, x));
      gsize a_len = strlen (a->key);
      gsize covered = 0;
      g_autoptr(GArray) inside = NULL;

      if (a->dropped)
        continue;

      inside = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint y = 0; y < long_lines->len; y++)
        {
          guint j = g_array_index (long_lines, guint, y);
          Line *b = &g_array_index (lines, Line, j);

          if (x == y || b->dropped || strlen (b->key) >= a_len)
            continue;
          if (strstr (a->key, b->key) != NULL)
            {
              covered += strlen (b->key);
              g_array_append_val (inside, j);
            }
        }

      if (inside->len == 0)
        continue;
      if (covered * 10 >= a_len * 8)
        a->dropped = TRUE;
      else
        for (guint k = 0; k < inside->len; k++)
          g_array_index (lines, Line, g_array_index (inside, guint, k)).dropped = TRUE;
    }
}

static gboolean
is_prose (const Line *line)
{
  /* A long headline has the length of a paragraph, not its full stop. */
  return !line->dropped && !line->ticker && !line->furniture && line->words >= PROSE_MIN_WORDS
      && (line->terminal || line->words >= 2 * PROSE_MIN_WORDS);
}

static gboolean
is_byline (const char *folded)
{
  static const char * const marks[] = { "بقلم", "كتب", "par ", "par:", "by ", "auteur" };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_has_prefix (folded, marks[i]))
      return TRUE;
  return FALSE;
}

/* "Oujda - Name", "Source :City", "RABAT (MAP) -": a dateline or source
 * line, not a headline. */
static gboolean
is_dateline (const Line *line)
{
  gboolean digits = FALSE;

  for (const char *p = line->text; *p != '\0' && !digits; p = g_utf8_next_char (p))
    digits = g_unichar_isdigit (g_utf8_get_char (p));

  /* A short line with a date or a time is a publication line. */
  return line->words <= 6
      && (digits || strstr (line->text, " - ") != NULL || strstr (line->text, " – ") != NULL
          || strchr (line->text, ':') != NULL || strstr (line->text, "(MAP)") != NULL);
}

TdmArticleSegments *
tdm_article_segment (const char *text)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_auto(GStrv) raw_lines = NULL;
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  TdmArticleSegments *segments;
  GString *body;
  int anchor = -1;
  int title = -1;
  int fallback_title = -1;
  int dateline_title = -1;

  g_return_val_if_fail (text != NULL, NULL);

  g_array_set_clear_func (lines, (GDestroyNotify) line_clear);
  raw_lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; raw_lines[i] != NULL; i++)
    {
      g_autofree char *normal = tdm_article_normalize (raw_lines[i]);
      g_autofree char *folded = NULL;
      Line line = { 0 };

      if (normal[0] == '\0')
        continue;
      folded = tdm_fold (normal);
      line.words = count_words (normal);
      line.key = make_key (folded);
      line.terminal = ends_like_sentence (normal);
      line.furniture = is_furniture (folded, line.words) || is_byline (folded);
      {
        guint gaps = count_gaps (raw_lines[i]);

        line.ticker = gaps >= 4 && line.words / (gaps + 1) < 25;
      }
      line.text = g_steal_pointer (&normal);
      g_array_append_val (lines, line);
    }

  mark_repeats (lines);

  segments = g_new0 (TdmArticleSegments, 1);
  body = g_string_new (NULL);

  for (guint i = 0; i < lines->len && anchor < 0; i++)
    if (is_prose (&g_array_index (lines, Line, i)))
      anchor = i;

  if (anchor >= 0)
    {
      guint paragraphs = 0;

      for (guint i = anchor; i < lines->len && paragraphs < BODY_MAX_PARAGRAPHS; i++)
        {
          const Line *line = &g_array_index (lines, Line, i);

          if (line->ticker || line->furniture)
            break;
          if (line->dropped)
            {
              /* A headline printed twice opens the next article. */
              if (line->words < PROSE_MIN_WORDS)
                break;
              continue;
            }
          if (line->repeated && line->words < PROSE_MIN_WORDS)
            break;
          /* A short line without a full stop is a heading: it belongs
           * to the article only if prose follows it. */
          if (line->words <= 5 && !line->terminal)
            {
              guint next = i + 1;

              while (next < lines->len && g_array_index (lines, Line, next).dropped)
                next++;
              if (next >= lines->len || !is_prose (&g_array_index (lines, Line, next)))
                break;
            }
          if (body->len > 0)
            g_string_append (body, "\n\n");
          g_string_append (body, line->text);
          paragraphs++;
        }

      /* The headline: the nearest line above the body that is not
       * furniture, a dateline or a byline. */
      for (int i = anchor - 1, seen = 0; i >= 0 && seen < TITLE_MAX_DISTANCE; i--)
        {
          const Line *line = &g_array_index (lines, Line, i);

          if (line->ticker)
            break;
          if (line->dropped || line->furniture || line->words <= 1)
            continue;
          seen++;
          if (line->words >= 40)
            break;
          if (is_dateline (line))
            {
              /* "City: headline" looks like a dateline; it is the
               * headline only if nothing better stands above. */
              if (dateline_title < 0 && line->words >= TITLE_MIN_WORDS)
                dateline_title = i;
              g_ptr_array_insert (header, 0, g_strdup (line->text));
              continue;
            }
          if (line->words >= TITLE_MIN_WORDS)
            {
              title = i;
              break;
            }
          if (fallback_title < 0)
            fallback_title = i;
          g_ptr_array_insert (header, 0, g_strdup (line->text));
        }
      if (title < 0)
        title = fallback_title >= 0 ? fallback_title : dateline_title;
    }

  if (title >= 0)
    {
      segments->title = g_strdup (g_array_index (lines, Line, title).text);
      /* The headline itself is not part of the header lines. */
      for (guint i = 0; i < header->len; i++)
        if (g_str_equal (g_ptr_array_index (header, i), segments->title))
          g_ptr_array_remove_index (header, i--);
    }
  g_ptr_array_add (header, NULL);
  segments->header = (GStrv) g_ptr_array_steal (header, NULL);
  segments->body = g_string_free (body, FALSE);

  return segments;
}

void
tdm_article_segments_free (TdmArticleSegments *segments)
{
  if (segments == NULL)
    return;
  g_free (segments->title);
  g_free (segments->body);
  g_strfreev (segments->header);
  g_free (segments);
}
