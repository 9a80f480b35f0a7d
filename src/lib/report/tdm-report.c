/* tdm-report.c: which builder makes which report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tdm-report.h"

G_DEFINE_ENUM_TYPE (TdmReportKind, tdm_report_kind,
  G_DEFINE_ENUM_VALUE (TDM_REPORT_FAIR, "fair"),
  G_DEFINE_ENUM_VALUE (TDM_REPORT_REGISTRY, "registry"),
  G_DEFINE_ENUM_VALUE (TDM_REPORT_COOPERATIVE, "cooperative"),
  G_DEFINE_ENUM_VALUE (TDM_REPORT_STAND_LABELS, "labels"),
  G_DEFINE_ENUM_VALUE (TDM_REPORT_BADGES, "badges"))

static const char * const kind_names[] = {
  [TDM_REPORT_FAIR] = "fair",
  [TDM_REPORT_REGISTRY] = "registry",
  [TDM_REPORT_COOPERATIVE] = "cooperative",
  [TDM_REPORT_STAND_LABELS] = "labels",
  [TDM_REPORT_BADGES] = "badges",
};

gboolean
tdm_report_kind_from_string (const char    *name,
                             TdmReportKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (name, kind_names[i]) == 0)
      {
        *kind = (TdmReportKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
tdm_report_kind_to_string (TdmReportKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
tdm_report_kind_needs_id (TdmReportKind kind)
{
  return kind != TDM_REPORT_REGISTRY;
}

TdmDocument *
tdm_report_new (TdmStore      *store,
                TdmReportKind  kind,
                gint64         id,
                const char    *language,
                GError       **error)
{
  g_return_val_if_fail (TDM_IS_STORE (store), NULL);

  switch (kind)
    {
    case TDM_REPORT_FAIR:
      return tdm_fair_report_new (store, id, language, error);
    case TDM_REPORT_REGISTRY:
      return tdm_registry_report_new (store, language, error);
    case TDM_REPORT_COOPERATIVE:
      return tdm_cooperative_sheet_new (store, id, language, error);
    case TDM_REPORT_STAND_LABELS:
    case TDM_REPORT_BADGES:
      return tdm_labels_new (store, id, kind, language, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
tdm_report_suggest_file_name (TdmDocument *document)
{
  const char *title;
  GString *name;

  g_return_val_if_fail (TDM_IS_DOCUMENT (document), NULL);

  title = tdm_document_get_title (document);
  if (title == NULL || *title == '\0')
    title = "Tadamon";

  name = g_string_new (NULL);
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Refused by Windows or FAT file systems (USB keys), or a path. */
      if (c < 0x20 || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        g_string_append_c (name, ' ');
      else
        g_string_append_unichar (name, c);
    }
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  g_string_append (name, ".pdf");
  return g_string_free (name, FALSE);
}
