/* tdm-report.h: the reports Tadamon prints, each built as a TdmDocument
 * from a store, in the language asked for whatever the window's.
 *
 * Every builder returns a document ready to lay out, print or write as
 * PDF, or NULL with ERROR saying why in the user's words (an unknown fair
 * or cooperative: TDM_STORE_ERROR_NOT_FOUND). A fair with no exhibitors,
 * an empty registry, very long or mixed Arabic/Latin names all give a
 * whole, readable document that says what is missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-document.h"
#include "tdm-store.h"

G_BEGIN_DECLS

typedef enum {
  TDM_REPORT_FAIR,            /* summary of fair ID */
  TDM_REPORT_REGISTRY,        /* the whole registry; ID ignored */
  TDM_REPORT_COOPERATIVE,     /* fact sheet of cooperative ID */
  TDM_REPORT_STAND_LABELS,    /* stand labels of fair ID */
  TDM_REPORT_BADGES,          /* exhibitor badges of fair ID */
} TdmReportKind;

#define TDM_TYPE_REPORT_KIND (tdm_report_kind_get_type ())
GType        tdm_report_kind_get_type    (void);

/* "fair", "registry", "cooperative", "labels", "badges" (the CLI's
 * words); FALSE for an unknown name. */
gboolean     tdm_report_kind_from_string (const char    *name,
                                          TdmReportKind *kind);
const char  *tdm_report_kind_to_string   (TdmReportKind  kind);
/* TRUE when the kind needs an ID. */
gboolean     tdm_report_kind_needs_id    (TdmReportKind  kind);

/* Builds report KIND of ID in LANGUAGE ("ar", "fr"; NULL: the UI's). */
TdmDocument *tdm_report_new              (TdmStore      *store,
                                          TdmReportKind  kind,
                                          gint64         id,
                                          const char    *language,
                                          GError       **error);

/* A file name for the PDF, from the report's title ("Rapport - Salon
 * régional de l'ESS Oujda 6.pdf"), without characters file systems
 * refuse. */
char        *tdm_report_suggest_file_name (TdmDocument  *document);

/* The builders behind tdm_report_new(), one per file. */

/* Cover (fair, edition, dates, venue, slogan, organizers and partners by
 * role), key figures, the fair board's charts, exhibitors by pole with
 * their stand codes, partners by role, press coverage. */
TdmDocument *tdm_fair_report_new         (TdmStore      *store,
                                          gint64         fair_id,
                                          const char    *language,
                                          GError       **error);
/* Counts by region, province and sector, women and youth shares, with
 * charts. */
TdmDocument *tdm_registry_report_new     (TdmStore      *store,
                                          const char    *language,
                                          GError       **error);
/* One page about one cooperative. */
TdmDocument *tdm_cooperative_sheet_new   (TdmStore      *store,
                                          gint64         cooperative_id,
                                          const char    *language,
                                          GError       **error);
/* A4 sheets of several labels (TDM_REPORT_STAND_LABELS) or badges
 * (TDM_REPORT_BADGES), one per accepted or confirmed exhibitor: name in
 * Arabic and French, stand code, pole colour. */
TdmDocument *tdm_labels_new              (TdmStore      *store,
                                          gint64         fair_id,
                                          TdmReportKind  kind,
                                          const char    *language,
                                          GError       **error);

G_END_DECLS
