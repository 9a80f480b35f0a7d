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

const char  *tdm_partner_get_acronym      (TdmPartner *self);
const char  *tdm_partner_get_country      (TdmPartner *self);
const char  *tdm_partner_get_contact_name (TdmPartner *self);
const char  *tdm_partner_get_phone        (TdmPartner *self);
const char  *tdm_partner_get_email        (TdmPartner *self);
const char  *tdm_partner_get_website      (TdmPartner *self);
const char  *tdm_partner_get_kind_label   (TdmPartner *self);
const char  *tdm_partner_get_country_name (TdmPartner *self);

/* NULL-terminated list of the kind codes the schema accepts. */
const char * const *tdm_partner_kinds        (void);
/* The kind in the UI language, translated; an unknown code is returned
 * as it is. */
const char         *tdm_partner_kind_label   (const char *kind);
/* The name of the country CODE (ISO 3166 alpha-2) in the UI language for
 * the countries ESS partners usually come from, else CODE itself. */
const char         *tdm_country_name         (const char *code);

G_END_DECLS
