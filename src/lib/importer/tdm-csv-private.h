/* tdm-csv-private.h: the columns and rows every export of cooperatives
 * and partners writes, whatever the file format (CSV: tdm-csv.c, XLSX:
 * tdm-xlsx.c), so that both files hold the same table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tdm-csv.h"

G_BEGIN_DECLS

typedef enum {
  TDM_EXPORT_TEXT,
  TDM_EXPORT_INTEGER,     /* a count */
  TDM_EXPORT_AMOUNT,      /* dirhams, at most two decimals */
  TDM_EXPORT_DATE,        /* ISO 8601 "YYYY-MM-DD" */
} TdmExportValue;

typedef struct {
  const char     *name;   /* the header, in English, as imports read it back */
  TdmExportValue  value;
  guint           width;  /* a usual width of its values, in characters */
} TdmExportColumn;

guint    tdm_csv_export_get_n_columns (TdmCsvKind       kind);
void     tdm_csv_export_get_column    (TdmCsvKind       kind,
                                       guint            column,
                                       TdmExportColumn *out);

/* The records of a kind, one row each in export order: column I of
 * STMT is column I above, NULL when the record has no value.
 *
 *   if (!tdm_export_rows_start (&rows, store, kind, error))
 *     return FALSE;
 *   while (tdm_export_rows_next (&rows))
 *     ... sqlite3_column_*(rows.stmt, i) ...
 *   if (!tdm_export_rows_finish (&rows, error))
 *     return FALSE;
 *
 * A writer that stops early calls tdm_export_rows_finish() too. */
typedef struct {
  TdmStore     *store;
  sqlite3_stmt *stmt;
  int           rc;
} TdmExportRows;

gboolean tdm_export_rows_start        (TdmExportRows   *rows,
                                       TdmStore        *store,
                                       TdmCsvKind       kind,
                                       GError         **error);
gboolean tdm_export_rows_next         (TdmExportRows   *rows);
/* FALSE (and ERROR) when reading the records failed. */
gboolean tdm_export_rows_finish       (TdmExportRows   *rows,
                                       GError         **error);

G_END_DECLS
