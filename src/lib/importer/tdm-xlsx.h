/* tdm-xlsx.h: the lists that export CSV, as Excel workbooks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tdm-csv.h"
#include "tdm-store.h"

G_BEGIN_DECLS

/* Writes every record of KIND into an XLSX workbook of one sheet: the
 * columns of tdm_csv_export() under a bold, frozen header row with
 * filters; counts and amounts as numbers, dates as dates; right to left
 * when the interface is Arabic. The rows are streamed (constant memory)
 * into a file beside PATH, renamed over PATH at the end: a failure leaves
 * PATH as it was. */
gboolean tdm_xlsx_export (TdmStore    *store,
                          TdmCsvKind   kind,
                          const char  *path,
                          GError     **error);

G_END_DECLS
