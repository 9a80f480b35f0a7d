/* tdm-csv-table.h: the reading rules shared by every CSV import
 * (cooperatives and partners in tdm-csv.c, exhibitors, chart data):
 * UTF-8 with or without BOM (UTF-16 and binary files refused with a
 * clear message), comma or semicolon found from the header, libcsv
 * quoting, field and file size limits, a line number for each row.
 * Failures are TDM_CSV_ERROR errors (tdm-csv.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tdm-csv.h"

G_BEGIN_DECLS

/* Reads PATH and checks that it is non-blank UTF-8 text with a comma or
 * semicolon separator; returns the text without its byte-order mark,
 * NUL-terminated, its length in OUT_LEN and the separator in
 * OUT_DELIMITER. */
char         *tdm_csv_read_text      (const char  *path,
                                      gsize       *out_len,
                                      char        *out_delimiter,
                                      GError     **error);

/* Called with the header row, then with every row that is not blank.
 * FIELDS holds the row's fields (char *, trimmed); the function may
 * steal them. LINE is the line where the row starts. Returns FALSE with
 * ERROR set to stop the reading. */
typedef gboolean (*TdmCsvRowFunc) (GPtrArray  *fields,
                                   guint       line,
                                   gpointer    user_data,
                                   GError    **error);

/* Splits the text from tdm_csv_read_text() into rows, one line at a
 * time, so that every row knows the line it starts on and a cancel or a
 * failure stops within a line. */
gboolean      tdm_csv_parse_text     (const char          *data,
                                      gsize                len,
                                      char                 delimiter,
                                      TdmCsvRowFunc        row_func,
                                      gpointer             user_data,
                                      GCancellable        *cancellable,
                                      TdmCsvProgressFunc   progress,
                                      gpointer             progress_data,
                                      GError             **error);

typedef struct {
  char      **headers;    /* the header row as written, NULL-terminated */
  GPtrArray  *rows;       /* of GStrv: the fields of each non-blank row, trimmed */
  GArray     *lines;      /* guint: the line where each row starts */
} TdmCsvTable;

void          tdm_csv_table_free     (TdmCsvTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmCsvTable, tdm_csv_table_free)

/* Reads PATH whole; fails with a TDM_CSV_ERROR that says why, as
 * tdm_csv_import() would. */
TdmCsvTable  *tdm_csv_table_read     (const char  *path,
                                      GError     **error);

/* TEXT reduced to what identifies it: folded, punctuation as spaces,
 * apostrophes dropped (or read as spaces with APOSTROPHE_IS_SPACE). */
char         *tdm_csv_key            (const char  *text,
                                      gboolean     apostrophe_is_space);

/* A header reduced to what identifies it (tdm_csv_key() with the
 * apostrophes dropped), to compare with known names. */
char         *tdm_csv_header_key     (const char  *header);

/* The index of the first header among HEADERS whose key is one of
 * NAMES ("|"-separated), or -1. */
int           tdm_csv_table_find_column (TdmCsvTable *table,
                                      const char  *names);

G_END_DECLS
