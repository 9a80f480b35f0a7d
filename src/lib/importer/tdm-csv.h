/* tdm-csv.h: CSV import and export of cooperatives and partners.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "tdm-store.h"

G_BEGIN_DECLS

#define TDM_CSV_ERROR (tdm_csv_error_quark ())

typedef enum {
  TDM_CSV_ERROR_EMPTY,            /* no header row */
  TDM_CSV_ERROR_ENCODING,         /* not UTF-8 */
  TDM_CSV_ERROR_BINARY,           /* not text at all */
  TDM_CSV_ERROR_DELIMITER,        /* neither comma nor semicolon separates the header */
  TDM_CSV_ERROR_MISSING_COLUMN,   /* a required column is absent */
  TDM_CSV_ERROR_MALFORMED,        /* broken quoting */
  TDM_CSV_ERROR_TOO_LARGE,        /* a field or the file exceeds the limits */
  TDM_CSV_ERROR_ROW,              /* --strict: the first invalid row */
  TDM_CSV_ERROR_CANCELLED,
} TdmCsvError;

typedef enum {
  TDM_CSV_COOPERATIVES,
  TDM_CSV_PARTNERS,
} TdmCsvKind;

typedef enum {
  TDM_CSV_PROBLEM_INVALID,
  TDM_CSV_PROBLEM_DUPLICATE,
} TdmCsvProblemKind;

typedef struct {
  guint              line;     /* 1-based line of the file where the row starts */
  TdmCsvProblemKind  kind;
  char              *reason;   /* translated */
} TdmCsvProblem;

typedef struct {
  guint      rows_read;
  guint      rows_inserted;
  GPtrArray *problems;         /* of TdmCsvProblem, in line order */
  char     **ignored_columns;  /* headers the import did not know, as written */
} TdmCsvReport;

void          tdm_csv_report_free (TdmCsvReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmCsvReport, tdm_csv_report_free)

/* Called now and then from the importing thread with the share done. */
typedef void (*TdmCsvProgressFunc) (double fraction, gpointer user_data);

GQuark        tdm_csv_error_quark (void);

/* Imports PATH into STORE in one transaction. Rows that are invalid or
 * duplicates are skipped and listed in the report; with STRICT the first
 * one fails the whole import and nothing is written. A failure of the
 * file itself (encoding, header, quoting) writes nothing. */
TdmCsvReport *tdm_csv_import      (TdmStore           *store,
                                   TdmCsvKind          kind,
                                   const char         *path,
                                   gboolean            strict,
                                   GCancellable       *cancellable,
                                   TdmCsvProgressFunc  progress,
                                   gpointer            progress_data,
                                   GError            **error);

/* Writes every record as UTF-8 CSV with a header row of English names. */
gboolean      tdm_csv_export      (TdmStore           *store,
                                   TdmCsvKind          kind,
                                   const char         *path,
                                   GError            **error);

G_END_DECLS
