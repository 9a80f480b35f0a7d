/* tdm-csv-table.h: a CSV file read whole, with the rules of the
 * cooperatives' import (tdm-csv.c): UTF-8 with or without BOM (UTF-16
 * and binary files refused with a clear message), comma or semicolon
 * found from the header, libcsv quoting, a line number for each row.
 * For imports of other records (exhibitors).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char      **headers;    /* the header row as written, NULL-terminated */
  GPtrArray  *rows;       /* of GStrv: the fields of each non-blank row, trimmed */
  GArray     *lines;      /* guint: the line where each row starts */
} TdmCsvTable;

void          tdm_csv_table_free     (TdmCsvTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmCsvTable, tdm_csv_table_free)

/* Reads PATH; fails with a TDM_CSV_ERROR (tdm-csv.h) that says why, as
 * tdm_csv_import() would. */
TdmCsvTable  *tdm_csv_table_read     (const char  *path,
                                      GError     **error);

/* A header reduced to what identifies it (folded, punctuation as
 * spaces, apostrophes dropped), to compare with known names. */
char         *tdm_csv_header_key     (const char  *header);

/* The index of the first header among HEADERS whose key is one of
 * NAMES ("|"-separated), or -1. */
int           tdm_csv_table_find_column (TdmCsvTable *table,
                                      const char  *names);

G_END_DECLS
