/* tdm-csv-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tdm-csv.h"
#include "tdm-csv-table.h"
#include "tdm-fold.h"

/* The same limits as the cooperatives' import. */
#define MAX_FILE_SIZE  (256 * 1024 * 1024)
#define MAX_FIELD_SIZE (64 * 1024)

void
tdm_csv_table_free (TdmCsvTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->headers);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->lines, g_array_unref);
  g_free (table);
}

char *
tdm_csv_header_key (const char *header)
{
  g_autofree char *folded = tdm_fold (header != NULL ? header : "");
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\'' || c == 0x2019 || c == 0x02BC || c == '`')
        continue;
      if (!g_unichar_isalnum (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

int
tdm_csv_table_find_column (TdmCsvTable *table,
                           const char  *names)
{
  g_auto(GStrv) wanted = g_strsplit (names, "|", -1);

  for (guint col = 0; table->headers[col] != NULL; col++)
    {
      g_autofree char *key = tdm_csv_header_key (table->headers[col]);

      for (guint i = 0; wanted[i] != NULL; i++)
        {
          g_autofree char *want = tdm_csv_header_key (wanted[i]);

          if (g_str_equal (key, want))
            return (int) col;
        }
    }
  return -1;
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

static const struct {
  const char *magic;
  gsize       len;
} magic_numbers[] = {
  { "\x89PNG\r\n\x1a\n", 8 },
  { "\xff\xd8\xff", 3 },
  { "GIF8", 4 },
  { "%PDF", 4 },
  { "PK\x03\x04", 4 },
  { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8 },
  { "SQLite format 3", 15 },
  { "\x1f\x8b", 2 },
  { "\x7f" "ELF", 4 },
};

static char *
read_text (const char  *path,
           gsize       *out_len,
           GError     **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *data = NULL;
  const char *invalid;
  gsize len = 0;
  gsize start = 0;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;

  if (len > MAX_FILE_SIZE)
    {
      g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MiB: split it into smaller files."),
                   display, MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (len >= 2 && ((data[0] == '\xff' && data[1] == '\xfe') || (data[0] == '\xfe' && data[1] == '\xff')))
    {
      g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_ENCODING,
                   _("“%s” is saved as UTF-16: save it as “CSV UTF-8” and import it again."),
                   display);
      return NULL;
    }

  for (guint i = 0; i <= G_N_ELEMENTS (magic_numbers); i++)
    {
      gboolean binary;

      /* The last round looks for NUL bytes, which no text holds. */
      if (i == G_N_ELEMENTS (magic_numbers))
        binary = memchr (data, '\0', len) != NULL;
      else
        binary = len >= magic_numbers[i].len &&
                 memcmp (data, magic_numbers[i].magic, magic_numbers[i].len) == 0;
      if (binary)
        {
          g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_BINARY,
                       _("“%s” is not a text file."), display);
          return NULL;
        }
    }

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    start = 3;

  if (!g_utf8_validate_len (data + start, len - start, &invalid))
    {
      g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_ENCODING,
                   _("Line %u of “%s” is not UTF-8 text: save the file as “CSV UTF-8” and import it again."),
                   line_of_offset (data, invalid - data), display);
      return NULL;
    }

  if (start > 0)
    memmove (data, data + start, len - start + 1);
  *out_len = len - start;
  return g_steal_pointer (&data);
}

/* Comma or semicolon (Excel in a French locale), whichever separates the
 * header line more, outside quotes. */
static gboolean
pick_delimiter (const char  *data,
                gsize        len,
                char        *delimiter,
                GError     **error)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        {
          if (commas + semicolons + tabs > 0)
            break;
        }
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }

  if (commas == 0 && semicolons == 0 && tabs > 0)
    {
      g_set_error_literal (error, TDM_CSV_ERROR, TDM_CSV_ERROR_DELIMITER,
                           _("The file seems to use tabs as separator: save it with commas or semicolons between the columns."));
      return FALSE;
    }

  *delimiter = semicolons > commas ? ';' : ',';
  return TRUE;
}

typedef struct {
  TdmCsvTable *table;
  GPtrArray   *fields;
  guint        row_line;
  gboolean     need_row_start;
  GError      *error;
} Reader;

static void
on_field (void   *data,
          size_t  len,
          void   *user_data)
{
  Reader *reader = user_data;

  if (reader->error != NULL)
    return;

  if (len > MAX_FIELD_SIZE)
    {
      g_set_error (&reader->error, TDM_CSV_ERROR, TDM_CSV_ERROR_TOO_LARGE,
                   _("Line %u: a field is longer than %d KiB; nothing was imported."),
                   reader->row_line, MAX_FIELD_SIZE / 1024);
      return;
    }

  g_ptr_array_add (reader->fields, g_strstrip (g_strndup (data, len)));
}

static void
on_row_end (int   terminator,
            void *user_data)
{
  Reader *reader = user_data;
  gboolean empty = TRUE;

  if (reader->error != NULL)
    return;

  for (guint i = 0; i < reader->fields->len && empty; i++)
    empty = *(char *) g_ptr_array_index (reader->fields, i) == '\0';

  g_ptr_array_add (reader->fields, NULL);
  if (reader->table->headers == NULL)
    reader->table->headers = (char **) g_ptr_array_steal (reader->fields, NULL);
  else if (!empty)
    {
      g_ptr_array_add (reader->table->rows, g_ptr_array_steal (reader->fields, NULL));
      g_array_append_val (reader->table->lines, reader->row_line);
    }

  g_ptr_array_set_size (reader->fields, 0);
  reader->need_row_start = TRUE;
}

static gboolean
is_blank (const char *p,
          const char *end)
{
  for (; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

TdmCsvTable *
tdm_csv_table_read (const char  *path,
                    GError     **error)
{
  g_autoptr(TdmCsvTable) table = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autofree char *data = NULL;
  struct csv_parser parser;
  Reader reader = { 0 };
  const char *p, *end;
  gsize len = 0;
  guint line = 1;
  char delimiter;
  char newline_char;

  g_return_val_if_fail (path != NULL, NULL);

  data = read_text (path, &len, error);
  if (data == NULL)
    return NULL;

  if (is_blank (data, data + len))
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_EMPTY, _("“%s” is empty."), display);
      return NULL;
    }

  if (!pick_delimiter (data, len, &delimiter, error))
    return NULL;

  table = g_new0 (TdmCsvTable, 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  fields = g_ptr_array_new_with_free_func (g_free);

  reader.table = table;
  reader.fields = fields;
  reader.need_row_start = TRUE;

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    {
      g_set_error_literal (error, TDM_CSV_ERROR, TDM_CSV_ERROR_TOO_LARGE,
                           _("Not enough memory to read the file."));
      return NULL;
    }
  csv_set_delim (&parser, (unsigned char) delimiter);

  /* Line by line, so that each row knows the line it starts on. */
  newline_char = memchr (data, '\n', len) == NULL && memchr (data, '\r', len) != NULL ? '\r' : '\n';
  p = data;
  end = data + len;
  while (p < end)
    {
      const char *newline = memchr (p, newline_char, end - p);
      const char *next = newline != NULL ? newline + 1 : end;

      if (reader.need_row_start && !is_blank (p, next))
        {
          reader.row_line = line;
          reader.need_row_start = FALSE;
        }

      if (csv_parse (&parser, p, next - p, on_field, on_row_end, &reader) != (size_t) (next - p))
        {
          csv_free (&parser);
          if (reader.error != NULL)
            g_propagate_error (error, reader.error);
          else
            g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_MALFORMED,
                         _("Line %u: the quotes are broken (a quote inside a field that does not start with one, or text after a closing quote). Nothing was imported."),
                         reader.row_line);
          return NULL;
        }
      if (reader.error != NULL)
        {
          csv_free (&parser);
          g_propagate_error (error, reader.error);
          return NULL;
        }

      p = next;
      line++;
    }

  if (csv_fini (&parser, on_field, on_row_end, &reader) != 0)
    {
      csv_free (&parser);
      g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_MALFORMED,
                   _("Line %u: a quoted field is never closed. Nothing was imported."),
                   reader.row_line);
      return NULL;
    }
  csv_free (&parser);

  if (reader.error != NULL)
    {
      g_propagate_error (error, reader.error);
      return NULL;
    }

  return g_steal_pointer (&table);
}
