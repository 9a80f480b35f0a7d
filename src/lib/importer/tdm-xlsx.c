/* tdm-xlsx.c: the lists that export CSV, as Excel workbooks
 * (libxlsxwriter).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "tdm-csv-private.h"
#include "tdm-fold.h"
#include "tdm-xlsx.h"

/* What a cell of Excel holds at most, in characters. */
#define MAX_CELL_CHARS 32767

typedef struct {
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_format    *header;
  lxw_format    *date;
  lxw_format    *amount;
} Writer;

static void
set_write_error (GError     **error,
                 const char  *path,
                 lxw_error    code)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("“%s” could not be written: %s"), name, lxw_strerror (code));
}

/* Excel refuses a longer cell: the end is cut and marked. */
static lxw_error
write_text (Writer     *writer,
            lxw_row_t   row,
            lxw_col_t   col,
            const char *text)
{
  g_autofree char *cut = NULL;

  if (*text == '\0')
    return LXW_NO_ERROR;
  if (strlen (text) > MAX_CELL_CHARS && g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
    {
      g_autofree char *head = g_utf8_substring (text, 0, MAX_CELL_CHARS - 1);

      cut = g_strconcat (head, "…", NULL);
      text = cut;
    }
  return worksheet_write_string (writer->sheet, row, col, text, NULL);
}

/* A stored date is "YYYY-MM-DD" (the schema checks it); a date Excel
 * cannot hold (before 1900) stays text. */
static lxw_error
write_date (Writer     *writer,
            lxw_row_t   row,
            lxw_col_t   col,
            const char *text)
{
  lxw_datetime date = { 0 };
  char end;

  if (sscanf (text, "%4d-%2d-%2d%c", &date.year, &date.month, &date.day, &end) == 3
      && date.year >= 1900 && date.year <= 9999
      && date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31)
    return worksheet_write_datetime (writer->sheet, row, col, &date, writer->date);

  return write_text (writer, row, col, text);
}

static lxw_error
write_cell (Writer         *writer,
            sqlite3_stmt   *stmt,
            lxw_row_t       row,
            lxw_col_t       col,
            TdmExportValue  value)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return LXW_NO_ERROR;

  switch (value)
    {
    case TDM_EXPORT_INTEGER:
      return worksheet_write_number (writer->sheet, row, col,
                                     (double) sqlite3_column_int64 (stmt, col), NULL);
    case TDM_EXPORT_AMOUNT:
      return worksheet_write_number (writer->sheet, row, col,
                                     sqlite3_column_double (stmt, col), writer->amount);
    case TDM_EXPORT_DATE:
      return write_date (writer, row, col, (const char *) sqlite3_column_text (stmt, col));
    case TDM_EXPORT_TEXT:
    default:
      return write_text (writer, row, col, (const char *) sqlite3_column_text (stmt, col));
    }
}

static void
add_formats (Writer *writer)
{
  writer->header = workbook_add_format (writer->workbook);
  format_set_bold (writer->header);
  format_set_bg_color (writer->header, 0xE8E8E8);
  format_set_bottom (writer->header, LXW_BORDER_THIN);
  format_set_text_wrap (writer->header);

  writer->date = workbook_add_format (writer->workbook);
  format_set_num_format (writer->date, "yyyy-mm-dd");

  writer->amount = workbook_add_format (writer->workbook);
  format_set_num_format (writer->amount, "#,##0.00");
}

static lxw_worksheet *
add_sheet (lxw_workbook *workbook,
           TdmCsvKind    kind)
{
  const char *name = kind == TDM_CSV_COOPERATIVES ? _("Cooperatives") : _("Partners");

  /* A translation Excel would refuse as a sheet name must not cost the
   * export: the sheet is then "Sheet1". */
  if (workbook_validate_sheet_name (workbook, name) != LXW_NO_ERROR)
    name = NULL;
  return workbook_add_worksheet (workbook, name);
}

/* Fills WRITER's sheet; FALSE with ERROR when the rows could not be read
 * or written. */
static gboolean
write_rows (Writer      *writer,
            TdmStore    *store,
            TdmCsvKind   kind,
            const char  *path,
            GError     **error)
{
  guint n_columns = tdm_csv_export_get_n_columns (kind);
  g_autofree TdmExportColumn *columns = g_new (TdmExportColumn, n_columns);
  TdmExportRows rows;
  lxw_row_t row = 0;
  lxw_error code = LXW_NO_ERROR;

  for (guint i = 0; i < n_columns && code == LXW_NO_ERROR; i++)
    {
      tdm_csv_export_get_column (kind, i, &columns[i]);
      /* Room for the header and its filter button. */
      worksheet_set_column (writer->sheet, (lxw_col_t) i, (lxw_col_t) i,
                            MAX (columns[i].width, strlen (columns[i].name) + 3), NULL);
      code = worksheet_write_string (writer->sheet, 0, i, columns[i].name, writer->header);
    }
  worksheet_freeze_panes (writer->sheet, 1, 0);
  if (code != LXW_NO_ERROR)
    {
      set_write_error (error, path, code);
      return FALSE;
    }

  if (!tdm_export_rows_start (&rows, store, kind, error))
    return FALSE;
  while (code == LXW_NO_ERROR && tdm_export_rows_next (&rows))
    {
      if (row + 1 >= LXW_ROW_MAX)
        {
          tdm_export_rows_finish (&rows, NULL);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       _("There are more records than an Excel sheet holds (%d rows): export them as CSV."),
                       LXW_ROW_MAX - 1);
          return FALSE;
        }
      row++;
      for (guint i = 0; i < n_columns && code == LXW_NO_ERROR; i++)
        code = write_cell (writer, rows.stmt, row, i, columns[i].value);
    }
  if (!tdm_export_rows_finish (&rows, error))
    return FALSE;
  if (code != LXW_NO_ERROR)
    {
      set_write_error (error, path, code);
      return FALSE;
    }

  worksheet_autofilter (writer->sheet, 0, 0, row, n_columns - 1);
  return TRUE;
}

gboolean
tdm_xlsx_export (TdmStore    *store,
                 TdmCsvKind   kind,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *name = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  Writer writer = { NULL };
  lxw_error code;
  int fd;

  g_return_val_if_fail (TDM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Beside PATH, so that the rename is atomic; hidden while written. */
  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  name = g_filename_display_name (path);
  temp_path = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” could not be written: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  writer.workbook = workbook_new_opt (temp_path, &options);
  if (writer.workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("“%s” could not be written: %s"), name, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      g_unlink (temp_path);
      return FALSE;
    }

  add_formats (&writer);
  writer.sheet = add_sheet (writer.workbook, kind);
  if (writer.sheet == NULL)
    {
      /* The worksheet's rows go to a temporary file: it could not be made. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("“%s” could not be written: %s"), name, lxw_strerror (LXW_ERROR_CREATING_TMPFILE));
      workbook_close (writer.workbook);
      g_unlink (temp_path);
      return FALSE;
    }
  if (tdm_locale_is_arabic ())
    worksheet_right_to_left (writer.sheet);

  if (!write_rows (&writer, store, kind, path, error))
    {
      workbook_close (writer.workbook);
      g_unlink (temp_path);
      return FALSE;
    }

  code = workbook_close (writer.workbook);
  if (code != LXW_NO_ERROR)
    {
      set_write_error (error, path, code);
      g_unlink (temp_path);
      return FALSE;
    }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” could not be written: %s"), name, g_strerror (saved_errno));
      g_unlink (temp_path);
      return FALSE;
    }
  return TRUE;
}
