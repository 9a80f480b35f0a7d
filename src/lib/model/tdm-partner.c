/* tdm-partner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tdm-partner.h"
#include "tdm-partner-private.h"

enum {
  PROP_0,
  PROP_ID,
  /* string properties: they live in TdmPartner.str[] */
  PROP_NAME,
  PROP_ACRONYM,
  PROP_KIND,
  PROP_COUNTRY,
  PROP_CONTACT_NAME,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_WEBSITE,
  PROP_LAST_STRING = PROP_WEBSITE,
  PROP_KIND_LABEL,
  PROP_COUNTRY_NAME,
  N_PROPS
};

struct _TdmPartner
{
  GObject  parent_instance;

  gint64   id;
  char    *str[PROP_LAST_STRING + 1];
};

G_DEFINE_FINAL_TYPE (TdmPartner, tdm_partner, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static gint n_alive;

/* The same list, in the same order, as the CHECK of partner.kind in
 * data/schema/001-initial.sql. */
static const char * const kinds[] = {
  "ministry", "regional_council", "wilaya", "province", "public_agency",
  "ngo", "foreign_region", "international_agency", "network", "company",
  "other", NULL
};

static const char * const kind_labels[] = {
  N_("Ministry"),
  N_("Regional council"),
  N_("Wilaya"),
  N_("Province or prefecture"),
  N_("Public agency"),
  N_("Association or NGO"),
  N_("Foreign region"),
  N_("International agency"),
  N_("Network"),
  N_("Company"),
  N_("Other"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == G_N_ELEMENTS (kind_labels) + 1);
G_STATIC_ASSERT (PROP_LAST_STRING - PROP_ID + 1 == TDM_PARTNER_N_COLUMNS);

/* Where the partners of Moroccan ESS fairs come from: Morocco, its
 * neighbours, the EU regions of decentralized cooperation, the donors and
 * the African partners of South-South cooperation. */
static const struct {
  char code[3];
  const char *name;
} countries[] = {
  { "MA", N_("Morocco") },
  { "BE", N_("Belgium") },
  { "BF", N_("Burkina Faso") },
  { "CA", N_("Canada") },
  { "CH", N_("Switzerland") },
  { "CI", N_("Côte d’Ivoire") },
  { "CM", N_("Cameroon") },
  { "CN", N_("China") },
  { "DE", N_("Germany") },
  { "DZ", N_("Algeria") },
  { "EG", N_("Egypt") },
  { "ES", N_("Spain") },
  { "FR", N_("France") },
  { "GA", N_("Gabon") },
  { "GB", N_("United Kingdom") },
  { "GN", N_("Guinea") },
  { "IT", N_("Italy") },
  { "JP", N_("Japan") },
  { "KR", N_("South Korea") },
  { "LU", N_("Luxembourg") },
  { "ML", N_("Mali") },
  { "MR", N_("Mauritania") },
  { "NE", N_("Niger") },
  { "NL", N_("Netherlands") },
  { "PT", N_("Portugal") },
  { "SA", N_("Saudi Arabia") },
  { "SE", N_("Sweden") },
  { "SN", N_("Senegal") },
  { "TN", N_("Tunisia") },
  { "TR", N_("Türkiye") },
  { "US", N_("United States") },
};

const char * const *
tdm_partner_kinds (void)
{
  return kinds;
}

const char *
tdm_partner_kind_label (const char *kind)
{
  if (kind == NULL)
    return "";

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      if (g_str_equal (kind, kinds[i]))
        return _(kind_labels[i]);
    }

  return kind;
}

const char *
tdm_country_name (const char *code)
{
  if (code == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      if (g_ascii_strcasecmp (code, countries[i].code) == 0)
        return _(countries[i].name);
    }

  return code;
}

static void
set_string (TdmPartner *self,
            guint       prop,
            const char *value)
{
  g_assert (prop > PROP_ID && prop <= PROP_LAST_STRING);

  if (g_strcmp0 (self->str[prop], value) == 0)
    return;

  g_free (self->str[prop]);
  self->str[prop] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);

  if (prop == PROP_KIND)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_LABEL]);
  else if (prop == PROP_COUNTRY)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY_NAME]);
}

static void
set_id (TdmPartner *self,
        gint64      id)
{
  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

static void
tdm_partner_finalize (GObject *object)
{
  TdmPartner *self = (TdmPartner *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->str); i++)
    g_free (self->str[i]);

  g_atomic_int_add (&n_alive, -1);

  G_OBJECT_CLASS (tdm_partner_parent_class)->finalize (object);
}

static void
tdm_partner_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TdmPartner *self = TDM_PARTNER (object);

  if (prop_id > PROP_ID && prop_id <= PROP_LAST_STRING)
    {
      g_value_set_string (value, self->str[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, tdm_partner_get_kind_label (self));
      break;
    case PROP_COUNTRY_NAME:
      g_value_set_string (value, tdm_partner_get_country_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_partner_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TdmPartner *self = TDM_PARTNER (object);

  if (prop_id > PROP_ID && prop_id <= PROP_LAST_STRING)
    set_string (self, prop_id, g_value_get_string (value));
  else if (prop_id == PROP_ID)
    set_id (self, g_value_get_int64 (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static GParamSpec *
string_pspec (const char *name,
              const char *default_value,
              gboolean    writable)
{
  return g_param_spec_string (name, NULL, NULL, default_value,
                              (writable ? G_PARAM_READWRITE : G_PARAM_READABLE)
                              | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
tdm_partner_class_init (TdmPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tdm_partner_finalize;
  object_class->get_property = tdm_partner_get_property;
  object_class->set_property = tdm_partner_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = string_pspec ("name", NULL, TRUE);
  properties[PROP_ACRONYM] = string_pspec ("acronym", NULL, TRUE);
  properties[PROP_KIND] = string_pspec ("kind", "other", TRUE);
  properties[PROP_COUNTRY] = string_pspec ("country", "MA", TRUE);
  properties[PROP_CONTACT_NAME] = string_pspec ("contact-name", NULL, TRUE);
  properties[PROP_PHONE] = string_pspec ("phone", NULL, TRUE);
  properties[PROP_EMAIL] = string_pspec ("email", NULL, TRUE);
  properties[PROP_WEBSITE] = string_pspec ("website", NULL, TRUE);
  properties[PROP_KIND_LABEL] = string_pspec ("kind-label", NULL, FALSE);
  properties[PROP_COUNTRY_NAME] = string_pspec ("country-name", NULL, FALSE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tdm_partner_init (TdmPartner *self)
{
  self->str[PROP_KIND] = g_strdup ("other");
  self->str[PROP_COUNTRY] = g_strdup ("MA");

  g_atomic_int_inc (&n_alive);
}

TdmPartner *
tdm_partner_new (void)
{
  return g_object_new (TDM_TYPE_PARTNER, NULL);
}

TdmPartner *
tdm_partner_copy (TdmPartner *self)
{
  TdmPartner *copy;

  g_return_val_if_fail (TDM_IS_PARTNER (self), NULL);

  copy = tdm_partner_new ();
  copy->id = self->id;
  for (guint i = 0; i < G_N_ELEMENTS (self->str); i++)
    {
      g_free (copy->str[i]);
      copy->str[i] = g_strdup (self->str[i]);
    }

  return copy;
}

void
tdm_partner_set_id (TdmPartner *self,
                    gint64      id)
{
  g_return_if_fail (TDM_IS_PARTNER (self));
  g_return_if_fail (id >= 0);

  set_id (self, id);
}

void
tdm_partner_update_from_row (TdmPartner   *self,
                             sqlite3_stmt *stmt,
                             int           first)
{
  g_return_if_fail (TDM_IS_PARTNER (self));
  g_return_if_fail (stmt != NULL);

  g_object_freeze_notify (G_OBJECT (self));

  set_id (self, sqlite3_column_int64 (stmt, first));
  /* The string columns follow the id in the order of the properties. */
  for (guint prop = PROP_NAME; prop <= PROP_LAST_STRING; prop++)
    set_string (self, prop, (const char *) sqlite3_column_text (stmt, first + (int) prop - PROP_ID));

  g_object_thaw_notify (G_OBJECT (self));
}

guint
tdm_partner_get_n_alive (void)
{
  return (guint) g_atomic_int_get (&n_alive);
}

gint64
tdm_partner_get_id (TdmPartner *self)
{
  g_return_val_if_fail (TDM_IS_PARTNER (self), 0);

  return self->id;
}

#define STRING_GETTER(func, prop) \
  const char * \
  tdm_partner_get_##func (TdmPartner *self) \
  { \
    g_return_val_if_fail (TDM_IS_PARTNER (self), NULL); \
    return self->str[prop]; \
  }

STRING_GETTER (name, PROP_NAME)
STRING_GETTER (acronym, PROP_ACRONYM)
STRING_GETTER (kind, PROP_KIND)
STRING_GETTER (country, PROP_COUNTRY)
STRING_GETTER (contact_name, PROP_CONTACT_NAME)
STRING_GETTER (phone, PROP_PHONE)
STRING_GETTER (email, PROP_EMAIL)
STRING_GETTER (website, PROP_WEBSITE)

#undef STRING_GETTER

const char *
tdm_partner_get_kind_label (TdmPartner *self)
{
  g_return_val_if_fail (TDM_IS_PARTNER (self), NULL);

  return tdm_partner_kind_label (self->str[PROP_KIND]);
}

const char *
tdm_partner_get_country_name (TdmPartner *self)
{
  g_return_val_if_fail (TDM_IS_PARTNER (self), NULL);

  return tdm_country_name (self->str[PROP_COUNTRY]);
}
