/* tdm-article-reader.c: a press article's file (text or HTML) to UTF-8
 * text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "tdm-article-reader.h"

G_DEFINE_QUARK (tdm-article-error-quark, tdm_article_error)

/* Elements whose text is not the article's. */
static const char * const skipped_elements[] = {
  "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "svg",
  "button", "select", "template", "object", "embed", "canvas", "menu", "dialog",
};

/* Elements that start a new line of text. */
static const char * const block_elements[] = {
  "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table",
  "section", "article", "blockquote", "pre", "dd", "dt", "dl", "figcaption", "figure",
  "main", "address", "hr", "td", "th", "title", "body",
};

static gboolean
name_in (const xmlChar      *name,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp ((const char *) name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
append_text (GString    *out,
             const char *text)
{
  /* HTML white space: every run is one space; a line starts without one. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
}

static void
new_line (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
}

static void
collect_text (xmlNode  *node,
              GString  *out,
              gboolean *has_h1,
              guint     depth)
{
  /* libxml2 limits nesting already; this guards our own stack too. */
  if (depth > 512)
    return;

  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          if (n->content != NULL)
            append_text (out, (const char *) n->content);
          continue;
        }
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (name_in (n->name, skipped_elements, G_N_ELEMENTS (skipped_elements)))
        continue;
      /* The page's <title> is left for read_html() to decide. */
      if (g_ascii_strcasecmp ((const char *) n->name, "title") == 0
          || g_ascii_strcasecmp ((const char *) n->name, "head") == 0)
        continue;
      if (g_ascii_strcasecmp ((const char *) n->name, "h1") == 0)
        *has_h1 = TRUE;

      if (name_in (n->name, block_elements, G_N_ELEMENTS (block_elements)))
        {
          new_line (out);
          collect_text (n->children, out, has_h1, depth + 1);
          new_line (out);
        }
      else
        collect_text (n->children, out, has_h1, depth + 1);
    }
}

static xmlNode *
find_element (xmlNode    *node,
              const char *name,
              guint       depth)
{
  if (depth > 512)
    return NULL;
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      xmlNode *found;

      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (g_ascii_strcasecmp ((const char *) n->name, name) == 0)
        return n;
      if ((found = find_element (n->children, name, depth + 1)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* "Headline | Site", "Headline - Site": a page's <title> ends with the
 * site's name, a few words after the last separator. */
static void
strip_site_name (char *title)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " :: " };
  char *cut = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      char *found = g_strrstr (title, separators[i]);

      if (found != NULL && (cut == NULL || found > cut))
        cut = found;
    }
  if (cut != NULL && cut != title)
    {
      guint words = 0;

      for (const char *p = cut + 3; *p != '\0'; p++)
        if (*p == ' ')
          words++;
      if (words < 4)
        *cut = '\0';
    }
}

static char *
read_html (const char  *data,
           gsize        length,
           GError     **error)
{
  htmlDocPtr doc;
  xmlNode *root;
  xmlNode *title;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean has_h1 = FALSE;
  xmlNode *start;

  /* A page already in UTF-8 is read as such; otherwise libxml2 follows
   * the page's <meta charset>. */
  doc = htmlReadMemory (data, (int) length, NULL,
                        g_utf8_validate (data, length, NULL) ? "UTF-8" : NULL,
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                        | HTML_PARSE_RECOVER | HTML_PARSE_NOBLANKS);
  if (doc == NULL || (root = xmlDocGetRootElement (doc)) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error_literal (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_NO_TEXT,
                           _("The web page has no text to read."));
      return NULL;
    }

  start = find_element (root, "body", 0);
  collect_text (start != NULL ? start->children : root, body, &has_h1, 0);

  if (is_blank (body->str))
    {
      xmlFreeDoc (doc);
      g_set_error_literal (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_NO_TEXT,
                           _("The web page has no text to read."));
      return NULL;
    }

  /* The <h1> is the headline when there is one; <title> often carries
   * the site's name as well. */
  title = has_h1 ? NULL : find_element (root, "title", 0);
  if (title != NULL)
    {
      xmlChar *text = xmlNodeGetContent (title);

      if (text != NULL)
        {
          strip_site_name ((char *) text);
          append_text (out, (const char *) text);
          new_line (out);
          g_string_append_c (out, '\n');
          xmlFree (text);
        }
    }
  g_string_append (out, body->str);
  xmlFreeDoc (doc);

  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      g_set_error_literal (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_ENCODING,
                           _("The web page is not written in an encoding Tadamon can read."));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
has_prefix_bytes (const char *data,
                  gsize       length,
                  const char *magic,
                  gsize       magic_length)
{
  return length >= magic_length && memcmp (data, magic, magic_length) == 0;
}

/* Why DATA, which starts like a known binary format, is refused; or NULL. */
static const char *
binary_kind (const char *data,
             gsize       length)
{
  static const struct { const char *magic; gsize length; const char *message; } magics[] = {
    { "\x89PNG\r\n\x1a\n", 8, N_("The file is an image (PNG), not an article’s text.") },
    { "\xff\xd8\xff", 3, N_("The file is an image (JPEG), not an article’s text.") },
    { "GIF8", 4, N_("The file is an image (GIF), not an article’s text.") },
    { "RIFF", 4, N_("The file is a sound or video file, not an article’s text.") },
    { "%PDF", 4, N_("The file is a PDF document; save the article as text or HTML first.") },
    { "PK\x03\x04", 4, N_("The file is an archive or an office document, not an article’s text.") },
    { "\x1f\x8b", 2, N_("The file is compressed, not an article’s text.") },
    { "\xd0\xcf\x11\xe0", 4, N_("The file is an office document; save the article as text or HTML first.") },
    { "\x7f" "ELF", 4, N_("The file is a program, not an article’s text.") },
    { "SQLite format 3", 15, N_("The file is a database, not an article’s text.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (magics); i++)
    if (has_prefix_bytes (data, length, magics[i].magic, magics[i].length))
      return magics[i].message;
  return NULL;
}

/* Control characters other than line breaks and tabs: binary data. */
static gboolean
has_control_chars (const char *text,
                   gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7f)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_blank_bytes (const char *data,
                gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

/* Share of the letters of TEXT that are Arabic, in percent. */
static guint
arabic_share (const char *text)
{
  guint arabic = 0;
  guint letters = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      letters++;
      if (c >= 0x0600 && c <= 0x06FF)
        arabic++;
    }
  return letters == 0 ? 0 : arabic * 100 / letters;
}

static gboolean
looks_like_html (const char *data,
                 gsize       length,
                 const char *name)
{
  gsize i = 0;

  if (name != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm")
          || g_str_has_suffix (lower, ".xhtml"))
        return TRUE;
    }
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return (length - i >= 9 && g_ascii_strncasecmp (data + i, "<!doctype", 9) == 0)
      || (length - i >= 5 && g_ascii_strncasecmp (data + i, "<html", 5) == 0);
}

char *
tdm_article_read_data (const char  *data,
                       gsize        length,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *converted = NULL;
  const char *kind;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > TDM_ARTICLE_MAX_SIZE)
    {
      g_set_error (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file is too large for an article (more than %d MB).",
                                "The file is too large for an article (more than %d MB).",
                                TDM_ARTICLE_MAX_SIZE / (1024 * 1024)),
                   TDM_ARTICLE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Byte-order marks say the encoding. */
  if (has_prefix_bytes (data, length, "\xff\xfe", 2) || has_prefix_bytes (data, length, "\xfe\xff", 2))
    {
      const char *from = data[0] == '\xff' ? "UTF-16LE" : "UTF-16BE";

      converted = g_convert (data + 2, length - 2, "UTF-8", from, NULL, NULL, NULL);
      if (converted == NULL || has_control_chars (converted, strlen (converted)))
        {
          g_set_error_literal (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_ENCODING,
                               _("The file says it is UTF-16 text but is not."));
          return NULL;
        }
      data = converted;
      length = strlen (converted);
    }
  else if (has_prefix_bytes (data, length, "\xef\xbb\xbf", 3))
    {
      data += 3;
      length -= 3;
    }

  if ((kind = binary_kind (data, length)) != NULL)
    {
      g_set_error_literal (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_BINARY, _(kind));
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_BINARY,
                           _("The file is not text: it holds binary data."));
      return NULL;
    }
  /* Text has no control characters besides line breaks and tabs. */
  if (has_control_chars (data, length))
    {
      g_set_error_literal (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_BINARY,
                           _("The file is not text: it holds binary data."));
      return NULL;
    }
  if (is_blank_bytes (data, length))
    {
      g_set_error_literal (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }

  if (looks_like_html (data, length, name))
    return read_html (data, length, error);

  if (g_utf8_validate (data, length, NULL))
    return g_strndup (data, length);

  /* Not UTF-8: Arabic text saved by older Windows programs is in
   * Windows-1256. That code page maps nearly every byte, so the result
   * must also read as Arabic. */
  {
    g_autofree char *arabic = g_convert (data, length, "UTF-8", "WINDOWS-1256", NULL, NULL, NULL);

    if (arabic != NULL && !has_control_chars (arabic, strlen (arabic)) && arabic_share (arabic) >= 50)
      return g_steal_pointer (&arabic);
  }

  g_set_error_literal (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_ENCODING,
                       _("The file is not text in an encoding Tadamon can read (UTF-8, UTF-16 or Windows-1256)."));
  return NULL;
}

char *
tdm_article_read_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Ask the size first: a wrong 100 MB file is refused unread. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not an article’s file."));
      return NULL;
    }
  if (g_file_info_get_size (info) > TDM_ARTICLE_MAX_SIZE)
    {
      g_set_error (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file is too large for an article (more than %d MB).",
                                "The file is too large for an article (more than %d MB).",
                                TDM_ARTICLE_MAX_SIZE / (1024 * 1024)),
                   TDM_ARTICLE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;

  name = g_file_get_basename (file);
  return tdm_article_read_data (data, length, name, error);
}
