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

#define MAX_FILE_SIZE  (256 * 1024 * 1024)
#define MAX_FIELD_SIZE (64 * 1024)

/* Reduces a header or a place name to what identifies it: folded, with
 * apostrophes dropped and any other punctuation read as a space. */
char *
tdm_csv_key (const char *text,
             gboolean    apostrophe_is_space)
{
  g_autofree char *folded = tdm_fold (text);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!apostrophe_is_space && (c == '\'' || c == 0x2019 || c == 0x02BC || c == '`'))
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

char *
tdm_csv_header_key (const char *header)
{
  return tdm_csv_key (header != NULL ? header : "", FALSE);
}

/* ---- reading the file --------------------------------------------------- */

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
  const char *what;
} magic_numbers[] = {
  { "\x89PNG\r\n\x1a\n", 8, N_("a PNG image") },
  { "\xff\xd8\xff", 3, N_("a JPEG image") },
  { "GIF8", 4, N_("a GIF image") },
  { "%PDF", 4, N_("a PDF document") },
  { "PK\x03\x04", 4, N_("a ZIP archive or an Excel workbook (.xlsx): save it as “CSV UTF-8” first") },
  { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, N_("an old Excel workbook (.xls): save it as “CSV UTF-8” first") },
  { "SQLite format 3", 15, N_("an SQLite database") },
  { "\x1f\x8b", 2, N_("a compressed (gzip) file") },
  { "\x7f" "ELF", 4, N_("a program") },
};

/* Reads PATH and checks that it is UTF-8 text; returns the text without
 * its byte-order mark, NUL-terminated. */
static char *
read_text_file (const char  *path,
                gsize       *out_len,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *data = NULL;
  const char *invalid;
  gsize len = 0;
  gsize start = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
      && g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MiB: split it into smaller files."),
                   display, MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

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

  for (guint i = 0; i < G_N_ELEMENTS (magic_numbers); i++)
    if (len >= magic_numbers[i].len && memcmp (data, magic_numbers[i].magic, magic_numbers[i].len) == 0)
      {
        g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_BINARY,
                     _("“%s” is not a CSV file: it is %s."),
                     display, _(magic_numbers[i].what));
        return NULL;
      }

  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_BINARY,
                   _("“%s” is not a text file."), display);
      return NULL;
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

  /* Drop the byte-order mark in place rather than copy a large file. */
  if (start > 0)
    memmove (data, data + start, len - start + 1);
  *out_len = len - start;
  return g_steal_pointer (&data);
}

typedef struct {
  guint commas;
  guint semicolons;
  guint tabs;
  guint pipes;
} Separators;

/* Counts the separators of the line at *OFFSET, outside quotes, and
 * moves *OFFSET to the next line that is not blank. */
static void
count_separators (const char *data,
                  gsize       len,
                  gsize      *offset,
                  Separators *seen)
{
  gboolean quoted = FALSE;
  gsize i;

  for (i = *offset; i < len; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        seen->commas++;
      else if (c == ';')
        seen->semicolons++;
      else if (c == '\t')
        seen->tabs++;
      else if (c == '|')
        seen->pipes++;
    }

  while (i < len && g_ascii_isspace (data[i]))
    i++;
  *offset = i;
}

/* Picks the delimiter from the header line: Excel writes commas, or
 * semicolons in a French locale. A header without either, over rows cut
 * by tabs or bars, is a file saved with another separator. */
static gboolean
detect_delimiter (const char  *data,
                  gsize        len,
                  char        *delimiter,
                  GError     **error)
{
  Separators header = { 0 };
  Separators row = { 0 };
  gsize offset = 0;

  while (offset < len && g_ascii_isspace (data[offset]))
    offset++;
  count_separators (data, len, &offset, &header);

  if (header.commas == 0 && header.semicolons == 0)
    {
      if (header.tabs == 0 && header.pipes == 0)
        count_separators (data, len, &offset, &row);
      header.tabs += row.tabs;
      header.pipes += row.pipes;
      if (header.tabs > 0 || header.pipes > 0)
        {
          g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_DELIMITER,
                       header.tabs >= header.pipes
                       ? _("The file seems to use tabs as separator: save it with commas or semicolons between the columns.")
                       : _("The file seems to use “|” as separator: save it with commas or semicolons between the columns."));
          return FALSE;
        }
    }

  *delimiter = header.semicolons > header.commas ? ';' : ',';
  return TRUE;
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

char *
tdm_csv_read_text (const char  *path,
                   gsize       *out_len,
                   char        *out_delimiter,
                   GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  data = read_text_file (path, &len, error);
  if (data == NULL)
    return NULL;

  if (is_blank (data, data + len))
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_EMPTY,
                   _("“%s” is empty."), display);
      return NULL;
    }

  if (!detect_delimiter (data, len, out_delimiter, error))
    return NULL;

  *out_len = len;
  return g_steal_pointer (&data);
}

/* ---- rows --------------------------------------------------------------- */

typedef struct {
  TdmCsvRowFunc  row_func;
  gpointer       user_data;
  GPtrArray     *fields;     /* of char*, the current row */
  guint          row_line;   /* line where the current row starts */
  gboolean       need_row_start;
  gboolean       header_done;
  GError        *error;
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

/* The header row goes on as it is; blank rows after it are dropped. */
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

  if (!reader->header_done || !empty)
    {
      reader->header_done = TRUE;
      reader->row_func (reader->fields, reader->row_line, reader->user_data, &reader->error);
    }

  g_ptr_array_set_size (reader->fields, 0);
  reader->need_row_start = TRUE;
}

/* Feeds the parser one line at a time, so that every row knows the line
 * it starts on and a cancel or a failure stops within a line. */
gboolean
tdm_csv_parse_text (const char          *data,
                    gsize                len,
                    char                 delimiter,
                    TdmCsvRowFunc        row_func,
                    gpointer             user_data,
                    GCancellable        *cancellable,
                    TdmCsvProgressFunc   progress,
                    gpointer             progress_data,
                    GError             **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  Reader reader = { .row_func = row_func, .user_data = user_data, .fields = fields, .need_row_start = TRUE };
  struct csv_parser parser;
  const char *p = data;
  const char *end = data + len;
  guint line = 1;
  guint percent = 0;
  /* Lines end with LF or CRLF; files from old Macs end them with CR. */
  char newline_char = memchr (data, '\n', len) == NULL && memchr (data, '\r', len) != NULL ? '\r' : '\n';

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    {
      g_set_error_literal (error, TDM_CSV_ERROR, TDM_CSV_ERROR_TOO_LARGE,
                           _("Not enough memory to read the file."));
      return FALSE;
    }
  csv_set_delim (&parser, (unsigned char) delimiter);

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
            g_propagate_error (error, g_steal_pointer (&reader.error));
          else
            g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_MALFORMED,
                         _("Line %u: the quotes are broken (a quote inside a field that does not start with one, or text after a closing quote). Nothing was imported."),
                         reader.row_line);
          return FALSE;
        }

      if (reader.error != NULL)
        {
          csv_free (&parser);
          g_propagate_error (error, g_steal_pointer (&reader.error));
          return FALSE;
        }

      if (g_cancellable_is_cancelled (cancellable))
        {
          csv_free (&parser);
          g_set_error_literal (error, TDM_CSV_ERROR, TDM_CSV_ERROR_CANCELLED,
                               _("The import was cancelled; nothing was imported."));
          return FALSE;
        }

      p = next;
      line++;

      if (progress != NULL && (guint) ((p - data) * 100 / len) > percent)
        {
          percent = (guint) ((p - data) * 100 / len);
          progress ((double) (p - data) / len, progress_data);
        }
    }

  if (csv_fini (&parser, on_field, on_row_end, &reader) != 0)
    {
      csv_free (&parser);
      g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_MALFORMED,
                   _("Line %u: a quoted field is never closed. Nothing was imported."),
                   reader.row_line);
      return FALSE;
    }
  csv_free (&parser);

  if (reader.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader.error));
      return FALSE;
    }

  return TRUE;
}

/* ---- a whole table ------------------------------------------------------ */

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

static gboolean
add_table_row (GPtrArray  *fields,
               guint       line,
               gpointer    user_data,
               GError    **error)
{
  TdmCsvTable *table = user_data;

  g_ptr_array_add (fields, NULL);
  if (table->headers == NULL)
    table->headers = (char **) g_ptr_array_steal (fields, NULL);
  else
    {
      g_ptr_array_add (table->rows, g_ptr_array_steal (fields, NULL));
      g_array_append_val (table->lines, line);
    }
  return TRUE;
}

TdmCsvTable *
tdm_csv_table_read (const char  *path,
                    GError     **error)
{
  g_autoptr(TdmCsvTable) table = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  char delimiter;

  g_return_val_if_fail (path != NULL, NULL);

  data = tdm_csv_read_text (path, &len, &delimiter, error);
  if (data == NULL)
    return NULL;

  table = g_new0 (TdmCsvTable, 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!tdm_csv_parse_text (data, len, delimiter, add_table_row, table,
                           NULL, NULL, NULL, error))
    return NULL;

  return g_steal_pointer (&table);
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
