/* tdm-partner.h: an organization that organizes, funds or takes part.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TDM_TYPE_PARTNER (tdm_partner_get_type ())
G_DECLARE_FINAL_TYPE (TdmPartner, tdm_partner, TDM, PARTNER, GObject)

/* Properties: "id" (gint64), "name", "acronym", "kind" (one of the codes of
 * tdm_partner_kinds()), "country" (ISO 3166 alpha-2), "contact-name",
 * "phone", "email", "website"; read-only "kind-label" (the kind in the UI
 * language) and "country-name". */

TdmPartner  *tdm_partner_new        (void);
TdmPartner  *tdm_partner_copy       (TdmPartner *self);
gint64       tdm_partner_get_id     (TdmPartner *self);
const char  *tdm_partner_get_name   (TdmPartner *self);
const char  *tdm_partner_get_kind   (TdmPartner *self);

/* NULL-terminated list of the kind codes the schema accepts. */
const char * const *tdm_partner_kinds        (void);
/* The kind in the UI language, translated. */
const char         *tdm_partner_kind_label   (const char *kind);

G_END_DECLS
