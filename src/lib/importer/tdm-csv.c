/* tdm-csv.c: CSV import and export of cooperatives and partners.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <csv.h>

#include <glib/gi18n-lib.h>

#include "tdm-csv.h"
#include "tdm-csv-private.h"
#include "tdm-csv-table.h"
#include "tdm-fold.h"
#include "tdm-registry.h"
#include "tdm-store-private.h"
#include "tdm-validate.h"

G_DEFINE_QUARK (tdm-csv-error-quark, tdm_csv_error)

/* ---- columns ------------------------------------------------------------ */

typedef struct {
  const char *name;       /* English header, as exported */
  const char *property;   /* property of the record, for validation messages */
  const char *synonyms;   /* other header names, '|'-separated */
} ColumnSpec;

enum {
  COOP_NAME_FR,
  COOP_NAME_AR,
  COOP_REGISTRATION_NUMBER,
  COOP_LEGAL_FORM,
  COOP_SECTOR,
  COOP_REGION,
  COOP_PROVINCE,
  COOP_COMMUNE,
  COOP_ADDRESS,
  COOP_FOUNDED_ON,
  COOP_MEMBERS,
  COOP_WOMEN,
  COOP_YOUTH,
  COOP_CAPITAL,
  COOP_PRESIDENT,
  COOP_PHONE,
  COOP_EMAIL,
  COOP_PRODUCTS,
  COOP_LABELS,
  N_COOP_COLUMNS
};

/* Header names as people write them in French, Arabic or English; they
 * are compared after tdm_csv_header_key(), so case, accents, hamza forms and
 * punctuation do not matter. */
static const ColumnSpec coop_columns[N_COOP_COLUMNS] = {
  { "name_fr", "name-fr",
    "name|nom|nom fr|nom (fr)|nom français|nom en français|name (fr)|french name|"
    "raison sociale|dénomination|dénomination sociale|nom de la coopérative|coopérative|"
    "الاسم بالفرنسية|الاسم بالفرنسي" },
  { "name_ar", "name-ar",
    "الاسم|اسم التعاونية|الاسم بالعربية|الاسم بالعربي|التعاونية|nom ar|nom (ar)|"
    "nom arabe|nom en arabe|name (ar)|arabic name|dénomination en arabe" },
  { "registration_number", "registration-number",
    "registration|registration no|numéro d'immatriculation|n° d'immatriculation|"
    "immatriculation|numéro d'enregistrement|n° d'enregistrement|n° enregistrement|"
    "numéro|رقم التسجيل|رقم التقييد|رقم القيد" },
  { "legal_form", "legal-form",
    "legal form|forme juridique|forme|type de structure|الشكل القانوني|الصفة" },
  { "sector", "sector-id",
    "secteur|secteur d'activité|filière|activité|القطاع|قطاع النشاط|النشاط" },
  { "region", "region-id",
    "région|الجهة|جهة" },
  { "province", "province-id",
    "préfecture|province ou préfecture|province/préfecture|préfecture/province|"
    "الإقليم|العمالة|العمالة أو الإقليم|العمالة/الإقليم|الإقليم/العمالة|إقليم" },
  { "commune", "commune",
    "ville|localité|الجماعة|الجماعة الترابية|المدينة" },
  { "address", "address",
    "adresse|siège|adresse du siège|العنوان|المقر" },
  { "founded_on", "founded-on",
    "founded|date de création|date création|date de constitution|création|"
    "تاريخ التأسيس|تاريخ الإحداث" },
  { "members", "members",
    "adhérents|membres|nombre d'adhérents|nombre de membres|nombre des adhérents|"
    "عدد الأعضاء|عدد المنخرطين|الأعضاء|المنخرطين" },
  { "women", "women",
    "femmes|adhérentes|nombre de femmes|dont femmes|النساء|عدد النساء" },
  { "youth", "youth",
    "jeunes|nombre de jeunes|dont jeunes|الشباب|عدد الشباب" },
  { "capital", "capital",
    "capital social|capital (dh)|capital (mad)|رأس المال|الرأسمال" },
  { "president", "president",
    "président|présidente|président(e)|الرئيس|الرئيسة|رئيس التعاونية" },
  { "phone", "phone",
    "téléphone|tél|tel|gsm|telephone|الهاتف|رقم الهاتف" },
  { "email", "email",
    "e-mail|mail|courriel|adresse électronique|البريد الإلكتروني|البريد الالكتروني" },
  { "products", "products",
    "produits|productions|المنتجات|المنتوجات" },
  { "labels", "labels",
    "labels et certifications|certifications|label|labels/certifications|"
    "الشهادات|العلامات|علامات الجودة" },
};

enum {
  PARTNER_NAME,
  PARTNER_ACRONYM,
  PARTNER_KIND,
  PARTNER_COUNTRY,
  PARTNER_CONTACT,
  PARTNER_PHONE,
  PARTNER_EMAIL,
  PARTNER_WEBSITE,
  N_PARTNER_COLUMNS
};

static const ColumnSpec partner_columns[N_PARTNER_COLUMNS] = {
  { "name", "name", "nom|raison sociale|dénomination|organisme|partenaire|الاسم|الشريك|الهيئة" },
  { "acronym", "acronym", "sigle|abréviation|acronyme|الاختصار|المختصر" },
  { "kind", "kind", "type|catégorie|nature|النوع|الصنف" },
  { "country", "country", "pays|البلد|الدولة" },
  { "contact", "contact-name", "contact name|contact_name|personne de contact|interlocuteur|جهة الاتصال|المخاطب" },
  { "phone", "phone", "téléphone|tél|tel|telephone|الهاتف" },
  { "email", "email", "e-mail|mail|courriel|البريد الإلكتروني|البريد الالكتروني" },
  { "website", "website", "site|site web|site internet|url|الموقع|الموقع الإلكتروني" },
};

/* Maps tdm_csv_header_key() of every known header name to its column. */
static GHashTable *
build_header_table (const ColumnSpec *columns,
                    guint             n_columns)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      g_auto(GStrv) names = g_strsplit (columns[i].synonyms, "|", -1);

      g_hash_table_insert (table, tdm_csv_header_key (columns[i].name), GUINT_TO_POINTER (i + 1));
      for (guint j = 0; names[j] != NULL; j++)
        {
          char *key = tdm_csv_header_key (names[j]);

          if (!g_hash_table_contains (table, key))
            g_hash_table_insert (table, key, GUINT_TO_POINTER (i + 1));
          else
            g_free (key);
        }
    }

  return table;
}

/* ---- report ------------------------------------------------------------- */

static void
problem_free (TdmCsvProblem *problem)
{
  g_free (problem->reason);
  g_free (problem);
}

void
tdm_csv_report_free (TdmCsvReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_strfreev (report->ignored_columns);
  g_free (report);
}

/* ---- reading the file --------------------------------------------------- */

/* ---- values ------------------------------------------------------------- */

/* Eastern Arabic digits and odd spaces become ASCII before numbers and
 * dates are read. */
static char *
ascii_value (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return tdm_fold (text);
  return g_strdup (text);
}

/* Reads a date written YYYY-MM-DD or DD/MM/YYYY (also with '-' or '.'). */
static char *
parse_date (const char *text)
{
  g_autofree char *value = ascii_value (text);
  guint parts[3] = { 0, 0, 0 };
  guint digits[3] = { 0, 0, 0 };
  guint n = 0;
  guint day, month, year;
  const char *p;

  g_strstrip (value);
  for (p = value; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (digits[n] == 4)
            return NULL;
          parts[n] = parts[n] * 10 + (*p - '0');
          digits[n]++;
        }
      else if ((*p == '-' || *p == '/' || *p == '.') && digits[n] > 0 && n < 2)
        n++;
      else
        return NULL;
    }
  if (n != 2 || digits[2] == 0)
    return NULL;

  if (digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2)
    {
      year = parts[0];
      month = parts[1];
      day = parts[2];
    }
  else if (digits[2] == 4 && digits[0] <= 2 && digits[1] <= 2)
    {
      day = parts[0];
      month = parts[1];
      year = parts[2];
    }
  else
    return NULL;

  if (year < 1000 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* Drops the spaces people put between thousands (also no-break and Arabic
 * separators) and a currency after the number. */
static char *
strip_number (const char *text)
{
  static const char * const currencies[] = { "dirhams", "dirham", "dhs", "dh", "mad", "درهم" };
  g_autofree char *value = ascii_value (text);
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x202F || c == 0x066C || c == '\'')
        continue;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_str_has_suffix (out->str, currencies[i]))
      {
        g_string_truncate (out, out->len - strlen (currencies[i]));
        break;
      }

  return g_string_free (out, FALSE);
}

/* A count: digits, with '.' or ',' only between groups of three. */
static gboolean
parse_count (const char *text,
             gint       *out)
{
  g_autofree char *value = strip_number (text);
  gint64 result = 0;
  guint group = 0;
  gboolean separated = FALSE;

  if (value[0] == '\0')
    return FALSE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          result = result * 10 + (*p - '0');
          group++;
          if (result > G_MAXINT)
            return FALSE;
        }
      else if ((*p == '.' || *p == ',') && group > 0 && (!separated || group == 3) && group <= 3)
        {
          separated = TRUE;
          group = 0;
        }
      else
        return FALSE;
    }
  if (group == 0 || (separated && group != 3))
    return FALSE;

  *out = (gint) result;
  return TRUE;
}

/* An amount: "150 000", "150.000,50", "150,000.50", "1500.5". When both
 * '.' and ',' appear the last one is the decimal mark; a lone one followed
 * by exactly three digits separates thousands. */
static gboolean
parse_amount (const char *text,
              double     *out)
{
  g_autofree char *value = strip_number (text);
  char *last_dot, *last_comma, *decimal = NULL;
  GString *plain;
  char *end = NULL;
  double result;

  if (value[0] == '\0')
    return FALSE;

  last_dot = strrchr (value, '.');
  last_comma = strrchr (value, ',');
  if (last_dot != NULL && last_comma != NULL)
    decimal = MAX (last_dot, last_comma);
  else if (last_dot != NULL || last_comma != NULL)
    {
      char *mark = last_dot != NULL ? last_dot : last_comma;
      char sep = *mark;

      if (strchr (value, sep) == mark && strlen (mark + 1) != 3)
        decimal = mark;
    }

  plain = g_string_new (NULL);
  for (char *p = value; *p != '\0'; p++)
    {
      if (p == decimal)
        g_string_append_c (plain, '.');
      else if (*p == '.' || *p == ',')
        continue;
      else if (g_ascii_isdigit (*p))
        g_string_append_c (plain, *p);
      else
        {
          g_string_free (plain, TRUE);
          return FALSE;
        }
    }

  result = g_ascii_strtod (plain->str, &end);
  if (plain->len == 0 || end == NULL || *end != '\0' || result < 0)
    {
      g_string_free (plain, TRUE);
      return FALSE;
    }
  g_string_free (plain, TRUE);
  *out = result;
  return TRUE;
}

static const struct {
  const char *word;
  const char *code;
} legal_forms[] = {
  { "cooperative", "cooperative" }, { "coopérative", "cooperative" },
  { "coop", "cooperative" }, { "تعاونية", "cooperative" },
  { "union", "union" }, { "union de coopératives", "union" },
  { "union des coopératives", "union" }, { "اتحاد", "union" },
  { "اتحاد التعاونيات", "union" }, { "اتحاد تعاونيات", "union" },
  { "federation", "federation" }, { "fédération", "federation" },
  { "fédération de coopératives", "federation" }, { "جامعة", "federation" },
  { "فيدرالية", "federation" }, { "جامعة التعاونيات", "federation" },
};

/* Builds, once, a table from tdm_csv_header_key() of each word to its code. */
static GHashTable *
word_table (const char * const *words,
            const char * const *codes,
            guint               n)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (table, tdm_csv_header_key (words[i]), (gpointer) codes[i]);
  return table;
}

static const char *
parse_legal_form (const char *text)
{
  static GHashTable *table;
  g_autofree char *key = tdm_csv_header_key (text);

  if (g_once_init_enter (&table))
    {
      const char *words[G_N_ELEMENTS (legal_forms)];
      const char *codes[G_N_ELEMENTS (legal_forms)];

      for (guint i = 0; i < G_N_ELEMENTS (legal_forms); i++)
        {
          words[i] = legal_forms[i].word;
          codes[i] = legal_forms[i].code;
        }
      g_once_init_leave (&table, word_table (words, codes, G_N_ELEMENTS (legal_forms)));
    }

  return g_hash_table_lookup (table, key);
}

static const struct {
  const char *word;
  const char *code;
} partner_kinds[] = {
  { "ministère", "ministry" }, { "ministere", "ministry" }, { "وزارة", "ministry" },
  { "regional council", "regional_council" }, { "conseil régional", "regional_council" },
  { "conseil de la région", "regional_council" }, { "مجلس الجهة", "regional_council" },
  { "الجهة", "regional_council" },
  { "ولاية", "wilaya" },
  { "préfecture", "province" }, { "عمالة", "province" }, { "إقليم", "province" },
  { "public agency", "public_agency" }, { "agence publique", "public_agency" },
  { "établissement public", "public_agency" }, { "office", "public_agency" },
  { "مؤسسة عمومية", "public_agency" }, { "وكالة", "public_agency" },
  { "ong", "ngo" }, { "association", "ngo" }, { "جمعية", "ngo" },
  { "منظمة غير حكومية", "ngo" },
  { "foreign region", "foreign_region" }, { "région étrangère", "foreign_region" },
  { "جهة أجنبية", "foreign_region" },
  { "international agency", "international_agency" },
  { "agence internationale", "international_agency" },
  { "organisation internationale", "international_agency" },
  { "coopération internationale", "international_agency" },
  { "منظمة دولية", "international_agency" }, { "وكالة دولية", "international_agency" },
  { "réseau", "network" }, { "شبكة", "network" },
  { "entreprise", "company" }, { "société", "company" }, { "شركة", "company" },
  { "مقاولة", "company" },
  { "autre", "other" }, { "أخرى", "other" }, { "آخر", "other" },
};

static const char *
parse_partner_kind (const char *text)
{
  g_autofree char *key = tdm_csv_header_key (text);
  const char * const *codes = tdm_partner_kinds ();

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *code = tdm_csv_header_key (codes[i]);
      g_autofree char *label = tdm_csv_header_key (tdm_partner_kind_label (codes[i]));

      if (g_str_equal (key, code) || g_str_equal (key, label))
        return codes[i];
    }
  for (guint i = 0; i < G_N_ELEMENTS (partner_kinds); i++)
    {
      g_autofree char *word = tdm_csv_header_key (partner_kinds[i].word);

      if (g_str_equal (key, word))
        return partner_kinds[i].code;
    }
  return NULL;
}

static const struct {
  const char *word;
  const char *code;
} countries[] = {
  { "maroc", "MA" }, { "morocco", "MA" }, { "المغرب", "MA" }, { "المملكة المغربية", "MA" },
  { "france", "FR" }, { "فرنسا", "FR" },
  { "espagne", "ES" }, { "spain", "ES" }, { "إسبانيا", "ES" }, { "اسبانيا", "ES" },
  { "belgique", "BE" }, { "belgium", "BE" }, { "بلجيكا", "BE" },
  { "italie", "IT" }, { "italy", "IT" }, { "إيطاليا", "IT" },
  { "allemagne", "DE" }, { "germany", "DE" }, { "ألمانيا", "DE" },
  { "portugal", "PT" }, { "البرتغال", "PT" },
  { "pays-bas", "NL" }, { "netherlands", "NL" }, { "هولندا", "NL" },
  { "suisse", "CH" }, { "switzerland", "CH" }, { "سويسرا", "CH" },
  { "canada", "CA" }, { "كندا", "CA" },
  { "états-unis", "US" }, { "united states", "US" }, { "usa", "US" },
  { "الولايات المتحدة", "US" },
  { "japon", "JP" }, { "japan", "JP" }, { "اليابان", "JP" },
  { "sénégal", "SN" }, { "senegal", "SN" }, { "السنغال", "SN" },
  { "mauritanie", "MR" }, { "mauritania", "MR" }, { "موريتانيا", "MR" },
  { "tunisie", "TN" }, { "tunisia", "TN" }, { "تونس", "TN" },
  { "côte d'ivoire", "CI" }, { "ivory coast", "CI" }, { "ساحل العاج", "CI" },
  { "mali", "ML" }, { "مالي", "ML" },
  { "égypte", "EG" }, { "egypt", "EG" }, { "مصر", "EG" },
  { "royaume-uni", "GB" }, { "united kingdom", "GB" }, { "المملكة المتحدة", "GB" },
  { "union européenne", "EU" }, { "european union", "EU" }, { "الاتحاد الأوروبي", "EU" },
};

static char *
parse_country (const char *text)
{
  g_autofree char *key = tdm_csv_header_key (text);

  if (strlen (text) == 2 && g_ascii_isalpha (text[0]) && g_ascii_isalpha (text[1]))
    return g_ascii_strup (text, 2);
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_autofree char *word = tdm_csv_header_key (countries[i].word);

      if (g_str_equal (key, word))
        return g_strdup (countries[i].code);
    }
  return NULL;
}

/* Words that say a lone date in a label is its issue date, not its
 * expiry. */
static gboolean
says_issued (const char *key)
{
  static const char * const words[] = { "from", "since", "issued", "depuis", "delivre", "obtenu", "du", "منذ" };
  g_auto(GStrv) tokens = g_strsplit (key, " ", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (words); j++)
      if (g_str_equal (tokens[i], words[j]))
        return TRUE;
  return FALSE;
}

/* Keeps what may be part of a date or a word; anything else (commas,
 * arrows, dashes between dates) becomes a space. */
static char *
date_tokens (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '-' || c == '/' || c == '.')
        g_string_append_unichar (out, c);
      else
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

/* Labels as "Name (YYYY-MM-DD)" items separated by '|' or ';': a lone
 * date is the expiry; "(issued to expires)" gives both. */
static GPtrArray *
parse_labels (const char  *text,
              char       **bad_item)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_label_free);
  g_auto(GStrv) items = g_strsplit_set (text, "|;", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      char *open, *close;
      g_autofree char *name = NULL;
      g_autofree char *issued = NULL;
      g_autofree char *expires = NULL;

      if (*item == '\0')
        continue;

      open = strrchr (item, '(');
      close = open != NULL ? strchr (open, ')') : NULL;
      if (open != NULL && close != NULL)
        {
          g_autofree char *inside = g_strndup (open + 1, close - open - 1);
          g_autofree char *spaced = date_tokens (inside);
          g_auto(GStrv) tokens = g_strsplit (spaced, " ", -1);
          char *dates[2] = { NULL, NULL };
          guint n_dates = 0;
          gboolean other_date_like = FALSE;

          for (guint j = 0; tokens[j] != NULL; j++)
            {
              char *date;

              if (*tokens[j] == '\0')
                continue;
              date = parse_date (tokens[j]);
              if (date != NULL && n_dates < 2)
                dates[n_dates++] = date;
              else if (date != NULL || g_ascii_isdigit (*tokens[j]))
                {
                  g_free (date);
                  other_date_like = TRUE;
                }
            }

          if (other_date_like)
            {
              g_free (dates[0]);
              g_free (dates[1]);
              *bad_item = g_strdup (item);
              return NULL;
            }

          if (n_dates > 0)
            {
              g_autofree char *key = tdm_csv_header_key (inside);

              name = g_strstrip (g_strndup (item, open - item));
              if (n_dates == 2)
                {
                  issued = dates[0];
                  expires = dates[1];
                }
              else if (says_issued (key))
                issued = dates[0];
              else
                expires = dates[0];
            }
        }

      if (name == NULL)
        name = g_strdup (item);
      if (*name == '\0' || (issued != NULL && expires != NULL && strcmp (expires, issued) < 0))
        {
          *bad_item = g_strdup (item);
          return NULL;
        }

      g_ptr_array_add (labels, tdm_label_new (name, issued, expires));
    }

  return g_steal_pointer (&labels);
}

/* ---- places ------------------------------------------------------------- */

typedef struct {
  gint64 id;
  gint64 region_id;
} Place;

#define AMBIGUOUS_PLACE ((gpointer) 1)

/* The words before a place's name that registries sometimes write. */
static const char * const place_prefixes[] = {
  "province de ", "province d ", "province ", "prefecture de ", "prefecture d ",
  "prefecture ", "region de ", "region d ", "region ", "secteur ",
  "اقليم ", "عماله ", "جهه ",
};

/* A place's name as a key, without the "Province de" people may write
 * before it. "M'diq" and "Mdiq" both lead to M'diq-Fnideq, so a name is
 * keyed with its apostrophes read as spaces and with them dropped. */
static char *
place_key (const char *text,
           gboolean    apostrophe_is_space)
{
  char *key = tdm_csv_key (text, apostrophe_is_space);

  for (guint i = 0; i < G_N_ELEMENTS (place_prefixes); i++)
    if (g_str_has_prefix (key, place_prefixes[i]) && strlen (key) > strlen (place_prefixes[i]))
      {
        char *rest = g_strdup (key + strlen (place_prefixes[i]));

        g_free (key);
        return rest;
      }
  return key;
}

static void
add_place_key (GHashTable *table,
               char       *key,
               Place      *place)
{
  Place *known = g_hash_table_lookup (table, key);

  if (known == NULL)
    g_hash_table_insert (table, key, place);
  else
    {
      if (known != place && known != AMBIGUOUS_PLACE && known->id != place->id)
        g_hash_table_insert (table, g_strdup (key), AMBIGUOUS_PLACE);
      g_free (key);
    }
}

static void
add_place (GHashTable *table,
           const char *name,
           Place      *place)
{
  if (name == NULL || *name == '\0')
    return;

  add_place_key (table, place_key (name, TRUE), place);
  add_place_key (table, place_key (name, FALSE), place);
}

/* Loads regions, provinces or sectors: their names in every language and
 * their codes lead to the same place. */
static GHashTable *
load_places (TdmStore    *store,
             const char  *sql,
             GPtrArray   *storage,
             GError     **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tdm_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Place *place = g_new0 (Place, 1);
      int n = sqlite3_column_count (stmt);

      place->id = sqlite3_column_int64 (stmt, 0);
      place->region_id = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (storage, place);

      /* The id itself (an HCP code as digits), then codes and names. */
      {
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, place->id);
        add_place (table, id, place);
      }
      for (int i = 2; i < n; i++)
        add_place (table, (const char *) sqlite3_column_text (stmt, i), place);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (store, error, rc, _("reading the regions and provinces"));
      return NULL;
    }

  return g_steal_pointer (&table);
}

/* ---- import ------------------------------------------------------------- */

typedef struct {
  TdmStore          *store;
  TdmCsvKind         kind;
  gboolean           strict;
  const ColumnSpec  *columns;
  guint              n_columns;

  TdmCsvReport      *report;
  GError            *error;     /* a failure of the whole import */

  guint              row_line;  /* line where the current row starts */
  GPtrArray         *fields;    /* of char*, the current row, while it is read */
  gboolean           header_done;

  guint              n_file_columns;
  /* column index -> file column, or -1 */
  int                file_column[N_COOP_COLUMNS];
  char             **header_names;

  GPtrArray         *places;    /* storage of the Places below */
  GHashTable        *regions;
  GHashTable        *provinces;
  GHashTable        *sectors;

  /* What is already there, in the database or earlier in the file. */
  GHashTable        *registration_numbers;
  GHashTable        *name_keys;
} Import;

G_STATIC_ASSERT ((int) N_PARTNER_COLUMNS <= (int) N_COOP_COLUMNS);

static void
import_clear (Import *imp)
{
  g_clear_pointer (&imp->header_names, g_strfreev);
  g_clear_pointer (&imp->regions, g_hash_table_unref);
  g_clear_pointer (&imp->provinces, g_hash_table_unref);
  g_clear_pointer (&imp->sectors, g_hash_table_unref);
  g_clear_pointer (&imp->places, g_ptr_array_unref);
  g_clear_pointer (&imp->registration_numbers, g_hash_table_unref);
  g_clear_pointer (&imp->name_keys, g_hash_table_unref);
  g_clear_error (&imp->error);
}

/* The header of column INDEX as the file writes it, for messages. */
static const char *
column_title (Import *imp,
              guint   index)
{
  if (imp->file_column[index] >= 0)
    return imp->header_names[imp->file_column[index]];
  return imp->columns[index].name;
}

static const char *
row_value (Import *imp,
           guint   index)
{
  int col = imp->file_column[index];
  const char *value;

  if (col < 0 || (guint) col >= imp->fields->len)
    return NULL;
  value = g_ptr_array_index (imp->fields, col);
  return *value != '\0' ? value : NULL;
}

static void
add_problem (Import            *imp,
             TdmCsvProblemKind  kind,
             char              *reason)
{
  TdmCsvProblem *problem;

  if (imp->strict)
    {
      g_set_error (&imp->error, TDM_CSV_ERROR, TDM_CSV_ERROR_ROW,
                   _("Line %u: %s Nothing was imported."), imp->row_line, reason);
      g_free (reason);
      return;
    }

  problem = g_new0 (TdmCsvProblem, 1);
  problem->line = imp->row_line;
  problem->kind = kind;
  problem->reason = reason;
  g_ptr_array_add (imp->report->problems, problem);
}

/* "Column “Femmes”: MESSAGE" for each failing column, in column order. */
static char *
describe_invalid (Import     *imp,
                  GHashTable *messages)
{
  g_autoptr(GHashTable) left = g_hash_table_new (g_str_hash, g_str_equal);
  GString *out = g_string_new (NULL);
  const char *last = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, messages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_add (left, key);

  for (guint i = 0; i < imp->n_columns; i++)
    {
      const char *message = g_hash_table_lookup (messages, imp->columns[i].property);

      if (message == NULL)
        continue;
      g_hash_table_remove (left, imp->columns[i].property);
      /* "Give the name in Arabic or in French" comes for both names. */
      if (g_strcmp0 (message, last) == 0)
        continue;
      last = message;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, _("Column “%s”: %s"), column_title (imp, i), message);
    }

  /* Messages about the record as a whole (no name at all, say). */
  g_hash_table_iter_init (&iter, left);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, g_hash_table_lookup (messages, key));
    }

  return g_string_free (out, FALSE);
}

/* A cooperative is the same as another when it has the same name_key
 * (both names, folded) in the same province. */
static char *
coop_key (const char *name_key,
          gint64      province_id)
{
  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT, name_key, province_id);
}

/* Reads what is already in the database that an imported row must not
 * repeat: built once, so a row costs no query for it. */
static gboolean
load_existing (Import  *imp,
               GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  imp->registration_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp->name_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (imp->kind == TDM_CSV_COOPERATIVES)
    stmt = tdm_store_prepare (imp->store,
                              "SELECT name_key, coalesce(province_id, 0), registration_number "
                              "FROM cooperative", error);
  else
    stmt = tdm_store_prepare (imp->store, "SELECT name_key, 0, NULL FROM partner", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name_key = (const char *) sqlite3_column_text (stmt, 0);
      const char *number = (const char *) sqlite3_column_text (stmt, 2);

      if (imp->kind == TDM_CSV_COOPERATIVES)
        g_hash_table_add (imp->name_keys, coop_key (name_key, sqlite3_column_int64 (stmt, 1)));
      else
        g_hash_table_add (imp->name_keys, g_strdup (name_key));
      if (number != NULL && *number != '\0')
        g_hash_table_add (imp->registration_numbers, g_strdup (number));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return tdm_store_set_error (imp->store, error, rc, _("reading the records already there"));
  return TRUE;
}

/* A file repeats the same few place names: the text as written is added
 * to the table once found, so the next rows skip the folding. (A text
 * that is itself a key is already in its folded form.) */
static gboolean
lookup_place (GHashTable  *table,
              const char  *text,
              Place      **out)
{
  Place *place = g_hash_table_lookup (table, text);

  if (place == NULL)
    for (int apostrophe_is_space = 1; apostrophe_is_space >= 0; apostrophe_is_space--)
      {
        g_autofree char *key = place_key (text, apostrophe_is_space);
        Place *found = g_hash_table_lookup (table, key);

        if (found != NULL && found != AMBIGUOUS_PLACE)
          {
            place = found;
            g_hash_table_insert (table, g_strdup (text), place);
            break;
          }
      }

  if (place == NULL || place == AMBIGUOUS_PLACE)
    return FALSE;
  *out = place;
  return TRUE;
}

/* Appends "Column “X”: MESSAGE" to ERRORS. */
static void
column_error (Import     *imp,
              GString    *errors,
              guint       index,
              const char *message)
{
  if (errors->len > 0)
    g_string_append_c (errors, ' ');
  g_string_append_printf (errors, _("Column “%s”: %s"), column_title (imp, index), message);
}

/* Writes a validated cooperative with one prepared INSERT, the columns
 * tdm_store_save_cooperative() writes: the save path would check every
 * row a second time. A failed INSERT leaves the transaction open and the
 * row out; *FATAL says the import cannot go on. */
static gboolean
insert_cooperative (Import          *imp,
                    TdmCooperative  *coop,
                    const char      *name_key,
                    const char      *search_text,
                    GPtrArray       *labels,
                    gboolean        *fatal,
                    GError         **error)
{
  TdmStore *store = imp->store;
  const char *registration_number = tdm_cooperative_get_registration_number (coop);
  double capital = tdm_cooperative_get_capital (coop);
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  stmt = tdm_store_prepare (store,
                            "INSERT INTO cooperative (name_ar, name_fr, registration_number, legal_form, "
                            "sector_id, region_id, province_id, commune, address, founded_on, members, "
                            "women, youth, capital, president, phone, email, products, name_key, "
                            "search_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                            "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                            error);
  if (stmt == NULL)
    {
      *fatal = TRUE;
      return FALSE;
    }

  tdm_store_bind_text (stmt, 1, tdm_cooperative_get_name_ar (coop));
  tdm_store_bind_text (stmt, 2, tdm_cooperative_get_name_fr (coop));
  tdm_store_bind_text (stmt, 3, registration_number);
  tdm_store_bind_text (stmt, 4, tdm_cooperative_get_legal_form (coop));
  tdm_store_bind_id (stmt, 5, tdm_cooperative_get_sector_id (coop));
  tdm_store_bind_id (stmt, 6, tdm_cooperative_get_region_id (coop));
  tdm_store_bind_id (stmt, 7, tdm_cooperative_get_province_id (coop));
  tdm_store_bind_text (stmt, 8, tdm_cooperative_get_commune (coop));
  tdm_store_bind_text (stmt, 9, tdm_cooperative_get_address (coop));
  tdm_store_bind_text (stmt, 10, tdm_cooperative_get_founded_on (coop));
  sqlite3_bind_int (stmt, 11, tdm_cooperative_get_members (coop));
  sqlite3_bind_int (stmt, 12, tdm_cooperative_get_women (coop));
  sqlite3_bind_int (stmt, 13, tdm_cooperative_get_youth (coop));
  if (capital < 0)
    sqlite3_bind_null (stmt, 14);
  else
    sqlite3_bind_double (stmt, 14, capital);
  tdm_store_bind_text (stmt, 15, tdm_cooperative_get_president (coop));
  tdm_store_bind_text (stmt, 16, tdm_cooperative_get_phone (coop));
  tdm_store_bind_text (stmt, 17, tdm_cooperative_get_email (coop));
  tdm_store_bind_text (stmt, 18, tdm_cooperative_get_products (coop));
  sqlite3_bind_text (stmt, 19, name_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 20, search_text, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      tdm_store_set_error (store, error, rc, NULL);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (tdm_store_get_db (store));

  if (labels == NULL || labels->len == 0)
    return TRUE;

  stmt = tdm_store_prepare (store,
                            "INSERT INTO cooperative_label (cooperative_id, name, issued_on, expires_on) "
                            "VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    {
      *fatal = TRUE;
      return FALSE;
    }

  for (guint i = 0; i < labels->len; i++)
    {
      TdmLabel *label = g_ptr_array_index (labels, i);

      sqlite3_bind_int64 (stmt, 1, id);
      tdm_store_bind_text (stmt, 2, label->name);
      tdm_store_bind_text (stmt, 3, label->issued_on);
      tdm_store_bind_text (stmt, 4, label->expires_on);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          /* The validation checked the labels: the cooperative row is in
           * and a bulk insert cannot take it back, so the import fails. */
          *fatal = TRUE;
          return tdm_store_set_error (store, error, rc, _("saving the labels"));
        }
    }

  return TRUE;
}

static void
import_cooperative_row (Import *imp)
{
  g_autoptr(TdmCooperative) coop = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GHashTable) messages = NULL;
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *founded_on = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *search_text = NULL;
  g_autofree char *key = NULL;
  gboolean fatal = FALSE;
  const char *number;
  const char *value;
  const char *legal_form = "cooperative";
  Place *region = NULL, *province = NULL, *sector = NULL;
  gint members = 0, women = 0, youth = 0;
  double capital = -1;
  gint64 region_id = 0;

  if ((value = row_value (imp, COOP_LEGAL_FORM)) != NULL
      && (legal_form = parse_legal_form (value)) == NULL)
    column_error (imp, errors, COOP_LEGAL_FORM,
                  _("The legal form must be cooperative, union or federation."));

  if ((value = row_value (imp, COOP_SECTOR)) != NULL && !lookup_place (imp->sectors, value, &sector))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown sector “%s”."), value);
      column_error (imp, errors, COOP_SECTOR, message);
    }
  if ((value = row_value (imp, COOP_REGION)) != NULL && !lookup_place (imp->regions, value, &region))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown region “%s”."), value);
      column_error (imp, errors, COOP_REGION, message);
    }
  if ((value = row_value (imp, COOP_PROVINCE)) != NULL && !lookup_place (imp->provinces, value, &province))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown province or prefecture “%s”."), value);
      column_error (imp, errors, COOP_PROVINCE, message);
    }
  if (region != NULL && province != NULL && province->region_id != region->id)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not in the region “%s”."),
                                                  row_value (imp, COOP_PROVINCE),
                                                  row_value (imp, COOP_REGION));
      column_error (imp, errors, COOP_PROVINCE, message);
    }
  region_id = region != NULL ? region->id : province != NULL ? province->region_id : 0;

  if ((value = row_value (imp, COOP_FOUNDED_ON)) != NULL && (founded_on = parse_date (value)) == NULL)
    column_error (imp, errors, COOP_FOUNDED_ON,
                  _("Write the date as YYYY-MM-DD or DD/MM/YYYY."));

  if ((value = row_value (imp, COOP_MEMBERS)) != NULL && !parse_count (value, &members))
    column_error (imp, errors, COOP_MEMBERS, _("This is not a whole number."));
  if ((value = row_value (imp, COOP_WOMEN)) != NULL && !parse_count (value, &women))
    column_error (imp, errors, COOP_WOMEN, _("This is not a whole number."));
  if ((value = row_value (imp, COOP_YOUTH)) != NULL && !parse_count (value, &youth))
    column_error (imp, errors, COOP_YOUTH, _("This is not a whole number."));
  if ((value = row_value (imp, COOP_CAPITAL)) != NULL && !parse_amount (value, &capital))
    column_error (imp, errors, COOP_CAPITAL, _("This is not an amount in dirhams."));

  if ((value = row_value (imp, COOP_LABELS)) != NULL)
    {
      g_autofree char *bad_item = NULL;

      labels = parse_labels (value, &bad_item);
      if (labels == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not understood: write each label as “Name (YYYY-MM-DD)” with its expiry date, separated by “|”."),
                             bad_item);
          column_error (imp, errors, COOP_LABELS, message);
        }
    }

  if (errors->len > 0)
    {
      add_problem (imp, TDM_CSV_PROBLEM_INVALID, g_string_free (g_steal_pointer (&errors), FALSE));
      return;
    }

  /* Duplicates, before the checks: the same registration number would
   * otherwise come back as "already taken", which is this very case. The
   * database's UNIQUE compares the number as written, and so does this. */
  number = row_value (imp, COOP_REGISTRATION_NUMBER);
  if (number != NULL && g_hash_table_contains (imp->registration_numbers, number))
    {
      add_problem (imp, TDM_CSV_PROBLEM_DUPLICATE,
                   g_strdup_printf (_("Duplicate: a cooperative with the registration number “%s” already exists."),
                                    number));
      return;
    }
  tdm_store_cooperative_keys (row_value (imp, COOP_NAME_AR), row_value (imp, COOP_NAME_FR),
                              number, row_value (imp, COOP_COMMUNE), &name_key, &search_text);
  key = coop_key (name_key, province != NULL ? province->id : 0);
  if (g_hash_table_contains (imp->name_keys, key))
    {
      const char *name = row_value (imp, COOP_NAME_FR) != NULL
                         ? row_value (imp, COOP_NAME_FR) : row_value (imp, COOP_NAME_AR);

      add_problem (imp, TDM_CSV_PROBLEM_DUPLICATE,
                   province != NULL
                   ? g_strdup_printf (_("Duplicate: a cooperative named “%s” already exists in %s."),
                                      name, row_value (imp, COOP_PROVINCE))
                   : g_strdup_printf (_("Duplicate: a cooperative named “%s” already exists."), name));
      return;
    }

  coop = tdm_cooperative_new ();
  g_object_set (coop,
                "name-fr", row_value (imp, COOP_NAME_FR),
                "name-ar", row_value (imp, COOP_NAME_AR),
                "registration-number", number,
                "legal-form", legal_form,
                "sector-id", (gint64) (sector != NULL ? sector->id : 0),
                "region-id", region_id,
                "province-id", (gint64) (province != NULL ? province->id : 0),
                "commune", row_value (imp, COOP_COMMUNE),
                "address", row_value (imp, COOP_ADDRESS),
                "founded-on", founded_on,
                "members", members,
                "women", women,
                "youth", youth,
                "capital", capital,
                "president", row_value (imp, COOP_PRESIDENT),
                "phone", row_value (imp, COOP_PHONE),
                "email", row_value (imp, COOP_EMAIL),
                "products", row_value (imp, COOP_PRODUCTS),
                NULL);
  if (labels != NULL)
    tdm_cooperative_set_labels (coop, labels);

  /* The same rules as the form. */
  messages = tdm_store_validate_cooperative (imp->store, coop);
  if (g_hash_table_size (messages) > 0)
    {
      add_problem (imp, TDM_CSV_PROBLEM_INVALID, describe_invalid (imp, messages));
      return;
    }

  if (!insert_cooperative (imp, coop, name_key, search_text, labels, &fatal, &error))
    {
      if (fatal || !g_error_matches (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT))
        {
          g_propagate_error (&imp->error, g_steal_pointer (&error));
          return;
        }
      add_problem (imp, TDM_CSV_PROBLEM_INVALID, g_strdup (error->message));
      return;
    }

  imp->report->rows_inserted++;
  if (number != NULL)
    g_hash_table_add (imp->registration_numbers, g_strdup (number));
  g_hash_table_add (imp->name_keys, g_steal_pointer (&key));
}

static void
import_partner_row (Import *imp)
{
  g_autoptr(TdmPartner) partner = NULL;
  g_autoptr(GHashTable) messages = NULL;
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autofree char *country = NULL;
  g_autofree char *key = NULL;
  const char *kind = "other";
  const char *value;

  if ((value = row_value (imp, PARTNER_KIND)) != NULL && (kind = parse_partner_kind (value)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown kind of partner “%s”."), value);
      column_error (imp, errors, PARTNER_KIND, message);
    }
  if ((value = row_value (imp, PARTNER_COUNTRY)) != NULL && (country = parse_country (value)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown country “%s”: write its two-letter ISO code (MA, FR, ES …)."), value);
      column_error (imp, errors, PARTNER_COUNTRY, message);
    }
  if (errors->len > 0)
    {
      add_problem (imp, TDM_CSV_PROBLEM_INVALID, g_string_free (g_steal_pointer (&errors), FALSE));
      return;
    }

  if ((value = row_value (imp, PARTNER_NAME)) != NULL)
    {
      key = tdm_fold (value);
      if (g_hash_table_contains (imp->name_keys, key))
        {
          add_problem (imp, TDM_CSV_PROBLEM_DUPLICATE,
                       g_strdup_printf (_("Duplicate: a partner named “%s” already exists."), value));
          return;
        }
    }

  partner = tdm_partner_new ();
  g_object_set (partner,
                "name", row_value (imp, PARTNER_NAME),
                "acronym", row_value (imp, PARTNER_ACRONYM),
                "kind", kind,
                "country", country != NULL ? country : "MA",
                "contact-name", row_value (imp, PARTNER_CONTACT),
                "phone", row_value (imp, PARTNER_PHONE),
                "email", row_value (imp, PARTNER_EMAIL),
                "website", row_value (imp, PARTNER_WEBSITE),
                NULL);

  messages = tdm_store_validate_partner (imp->store, partner);
  if (g_hash_table_size (messages) > 0)
    {
      add_problem (imp, TDM_CSV_PROBLEM_INVALID, describe_invalid (imp, messages));
      return;
    }

  /* Checked above: a failure now is the database's, not the row's. */
  if (!tdm_store_save_partner (imp->store, partner, &imp->error))
    return;

  imp->report->rows_inserted++;
  if (key != NULL)
    g_hash_table_add (imp->name_keys, g_steal_pointer (&key));
}

/* Maps the header row to columns; unknown headers are ignored and
 * listed in the report. */
static void
read_header (Import *imp)
{
  g_autoptr(GHashTable) known = build_header_table (imp->columns, imp->n_columns);
  g_autoptr(GStrvBuilder) ignored = g_strv_builder_new ();
  guint required = imp->kind == TDM_CSV_COOPERATIVES ? COOP_NAME_FR : PARTNER_NAME;

  imp->n_file_columns = imp->fields->len;
  imp->header_names = g_new0 (char *, imp->n_file_columns + 1);

  for (guint i = 0; i < imp->n_columns; i++)
    imp->file_column[i] = -1;

  for (guint col = 0; col < imp->fields->len; col++)
    {
      const char *title = g_ptr_array_index (imp->fields, col);
      g_autofree char *key = tdm_csv_header_key (title);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (known, key));

      imp->header_names[col] = g_strdup (title);
      if (index > 0 && imp->file_column[index - 1] < 0)
        imp->file_column[index - 1] = col;
      else if (*title != '\0')
        g_strv_builder_add (ignored, title);
    }
  imp->report->ignored_columns = g_strv_builder_end (ignored);

  if (imp->file_column[required] < 0
      && (imp->kind != TDM_CSV_COOPERATIVES || imp->file_column[COOP_NAME_AR] < 0))
    {
      if (imp->kind == TDM_CSV_COOPERATIVES)
        g_set_error (&imp->error, TDM_CSV_ERROR, TDM_CSV_ERROR_MISSING_COLUMN,
                     _("The file has no column for the cooperative’s name: add a column “name_fr” (or “nom”) or “name_ar” (or “الاسم”)."));
      else
        g_set_error (&imp->error, TDM_CSV_ERROR, TDM_CSV_ERROR_MISSING_COLUMN,
                     _("The file has no column for the partner’s name: add a column “name” (or “nom”, “الاسم”)."));
    }
}

static gboolean
import_row (GPtrArray  *fields,
            guint       line,
            gpointer    user_data,
            GError    **error)
{
  Import *imp = user_data;

  imp->fields = fields;
  imp->row_line = line;
  if (!imp->header_done)
    {
      imp->header_done = TRUE;
      read_header (imp);
    }
  else
    {
      imp->report->rows_read++;
      if (imp->fields->len > imp->n_file_columns)
        add_problem (imp, TDM_CSV_PROBLEM_INVALID,
                     g_strdup_printf (_("This row has %u fields but the header has %u: check the quotes and separators."),
                                      imp->fields->len, imp->n_file_columns));
      else if (imp->kind == TDM_CSV_COOPERATIVES)
        import_cooperative_row (imp);
      else
        import_partner_row (imp);
    }
  imp->fields = NULL;

  if (imp->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&imp->error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_reference (Import  *imp,
                GError **error)
{
  imp->places = g_ptr_array_new_with_free_func (g_free);
  if (imp->kind != TDM_CSV_COOPERATIVES)
    return TRUE;

  imp->regions = load_places (imp->store,
                              "SELECT id, id, code, name_fr, name_ar FROM region",
                              imp->places, error);
  if (imp->regions == NULL)
    return FALSE;
  imp->provinces = load_places (imp->store,
                                "SELECT id, region_id, code, replace(code, '.', ''), name_fr, name_ar FROM province",
                                imp->places, error);
  if (imp->provinces == NULL)
    return FALSE;
  imp->sectors = load_places (imp->store,
                              "SELECT id, 0, code, name_en, name_fr, name_ar FROM sector",
                              imp->places, error);
  return imp->sectors != NULL;
}

TdmCsvReport *
tdm_csv_import (TdmStore            *store,
                TdmCsvKind           kind,
                const char          *path,
                gboolean             strict,
                GCancellable        *cancellable,
                TdmCsvProgressFunc   progress,
                gpointer             progress_data,
                GError             **error)
{
  g_autoptr(TdmCsvReport) report = NULL;
  g_autofree char *data = NULL;
  Import imp = { 0 };
  gsize len = 0;
  char delimiter;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = tdm_csv_read_text (path, &len, &delimiter, error);
  if (data == NULL)
    return NULL;

  report = g_new0 (TdmCsvReport, 1);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);

  imp.store = store;
  imp.kind = kind;
  imp.strict = strict;
  imp.report = report;
  if (kind == TDM_CSV_COOPERATIVES)
    {
      imp.columns = coop_columns;
      imp.n_columns = N_COOP_COLUMNS;
    }
  else
    {
      imp.columns = partner_columns;
      imp.n_columns = N_PARTNER_COLUMNS;
    }

  /* One transaction. Cooperatives go in as a bulk insert: the search
   * index is filled once at the end. */
  if (!(kind == TDM_CSV_COOPERATIVES ? tdm_store_begin_bulk_insert (store, error)
                                     : tdm_store_begin (store, error)))
    {
      import_clear (&imp);
      return NULL;
    }

  if (!load_reference (&imp, error)
      || !load_existing (&imp, error)
      || !tdm_csv_parse_text (data, len, delimiter, import_row, &imp,
                              cancellable, progress, progress_data, error))
    {
      tdm_store_rollback (store);
      import_clear (&imp);
      return NULL;
    }

  if (report->rows_read == 0)
    {
      g_autofree char *display = g_filename_display_basename (path);

      tdm_store_rollback (store);
      import_clear (&imp);
      g_set_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_EMPTY,
                   _("“%s” has a header but no rows."), display);
      return NULL;
    }

  if (report->rows_inserted > 0)
    tdm_store_notify_changed (store, kind == TDM_CSV_COOPERATIVES ? "cooperative" : "partner");

  import_clear (&imp);
  if (!(kind == TDM_CSV_COOPERATIVES ? tdm_store_end_bulk_insert (store, error)
                                     : tdm_store_commit (store, error)))
    return NULL;

  if (progress != NULL)
    progress (1.0, progress_data);

  return g_steal_pointer (&report);
}

/* ---- export ------------------------------------------------------------- */

/* Quotes a field only when it needs it, the way csv_write() does. */
static void
append_field (GString    *out,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  if (strpbrk (value, ",;\"\r\n") != NULL || g_ascii_isspace (value[0])
      || g_ascii_isspace (value[strlen (value) - 1]))
    {
      gsize len = strlen (value);
      gsize size = csv_write (NULL, 0, value, len);
      gsize at = out->len;

      g_string_set_size (out, at + size);
      csv_write (out->str + at, size, value, len);
    }
  else
    g_string_append (out, value);
}

#define COOP_EXPORT_SQL \
  "SELECT c.name_fr, c.name_ar, c.registration_number, c.legal_form, " \
  "       s.name_fr, r.name_fr, p.name_fr, c.commune, c.address, c.founded_on, " \
  "       c.members, c.women, c.youth, c.capital, c.president, c.phone, c.email, " \
  "       c.products, " \
  "       (SELECT group_concat(item, ' | ') FROM " \
  "          (SELECT l.name || CASE " \
  "             WHEN l.issued_on IS NOT NULL AND l.expires_on IS NOT NULL " \
  "               THEN ' (' || l.issued_on || ' to ' || l.expires_on || ')' " \
  "             WHEN l.expires_on IS NOT NULL THEN ' (' || l.expires_on || ')' " \
  "             WHEN l.issued_on IS NOT NULL THEN ' (from ' || l.issued_on || ')' " \
  "             ELSE '' END AS item " \
  "           FROM cooperative_label l WHERE l.cooperative_id = c.id ORDER BY l.id)) " \
  "FROM cooperative c " \
  "LEFT JOIN sector s ON s.id = c.sector_id " \
  "LEFT JOIN province p ON p.id = c.province_id " \
  "LEFT JOIN region r ON r.id = c.region_id " \
  "ORDER BY c.id"

#define PARTNER_EXPORT_SQL \
  "SELECT name, acronym, kind, country, contact_name, phone, email, website " \
  "FROM partner ORDER BY id"

typedef struct {
  TdmExportValue value;
  guint          width;
} ExportSpec;

/* In the order of the columns and of the queries' results above. */
static const ExportSpec coop_export[N_COOP_COLUMNS] = {
  [COOP_NAME_FR] = { TDM_EXPORT_TEXT, 40 },
  [COOP_NAME_AR] = { TDM_EXPORT_TEXT, 40 },
  [COOP_REGISTRATION_NUMBER] = { TDM_EXPORT_TEXT, 18 },
  [COOP_LEGAL_FORM] = { TDM_EXPORT_TEXT, 14 },
  [COOP_SECTOR] = { TDM_EXPORT_TEXT, 26 },
  [COOP_REGION] = { TDM_EXPORT_TEXT, 26 },
  [COOP_PROVINCE] = { TDM_EXPORT_TEXT, 22 },
  [COOP_COMMUNE] = { TDM_EXPORT_TEXT, 18 },
  [COOP_ADDRESS] = { TDM_EXPORT_TEXT, 36 },
  [COOP_FOUNDED_ON] = { TDM_EXPORT_DATE, 12 },
  [COOP_MEMBERS] = { TDM_EXPORT_INTEGER, 9 },
  [COOP_WOMEN] = { TDM_EXPORT_INTEGER, 9 },
  [COOP_YOUTH] = { TDM_EXPORT_INTEGER, 9 },
  [COOP_CAPITAL] = { TDM_EXPORT_AMOUNT, 14 },
  [COOP_PRESIDENT] = { TDM_EXPORT_TEXT, 26 },
  [COOP_PHONE] = { TDM_EXPORT_TEXT, 16 },
  [COOP_EMAIL] = { TDM_EXPORT_TEXT, 30 },
  [COOP_PRODUCTS] = { TDM_EXPORT_TEXT, 36 },
  [COOP_LABELS] = { TDM_EXPORT_TEXT, 36 },
};

static const ExportSpec partner_export[N_PARTNER_COLUMNS] = {
  [PARTNER_NAME] = { TDM_EXPORT_TEXT, 44 },
  [PARTNER_ACRONYM] = { TDM_EXPORT_TEXT, 12 },
  [PARTNER_KIND] = { TDM_EXPORT_TEXT, 22 },
  [PARTNER_COUNTRY] = { TDM_EXPORT_TEXT, 9 },
  [PARTNER_CONTACT] = { TDM_EXPORT_TEXT, 26 },
  [PARTNER_PHONE] = { TDM_EXPORT_TEXT, 16 },
  [PARTNER_EMAIL] = { TDM_EXPORT_TEXT, 30 },
  [PARTNER_WEBSITE] = { TDM_EXPORT_TEXT, 30 },
};

guint
tdm_csv_export_get_n_columns (TdmCsvKind kind)
{
  return kind == TDM_CSV_COOPERATIVES ? N_COOP_COLUMNS : N_PARTNER_COLUMNS;
}

void
tdm_csv_export_get_column (TdmCsvKind       kind,
                           guint            column,
                           TdmExportColumn *out)
{
  const ColumnSpec *spec;
  const ExportSpec *export;

  g_return_if_fail (column < tdm_csv_export_get_n_columns (kind));
  g_return_if_fail (out != NULL);

  spec = kind == TDM_CSV_COOPERATIVES ? &coop_columns[column] : &partner_columns[column];
  export = kind == TDM_CSV_COOPERATIVES ? &coop_export[column] : &partner_export[column];
  out->name = spec->name;
  out->value = export->value;
  out->width = export->width;
}

gboolean
tdm_export_rows_start (TdmExportRows  *rows,
                       TdmStore       *store,
                       TdmCsvKind      kind,
                       GError        **error)
{
  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (TDM_IS_STORE (store), FALSE);

  rows->store = store;
  rows->rc = SQLITE_OK;
  rows->stmt = tdm_store_prepare (store,
                                  kind == TDM_CSV_COOPERATIVES ? COOP_EXPORT_SQL : PARTNER_EXPORT_SQL,
                                  error);
  return rows->stmt != NULL;
}

gboolean
tdm_export_rows_next (TdmExportRows *rows)
{
  rows->rc = sqlite3_step (rows->stmt);
  return rows->rc == SQLITE_ROW;
}

gboolean
tdm_export_rows_finish (TdmExportRows  *rows,
                        GError        **error)
{
  int rc = rows->rc;

  sqlite3_reset (rows->stmt);
  rows->stmt = NULL;
  if (rc != SQLITE_DONE && rc != SQLITE_ROW && rc != SQLITE_OK)
    return tdm_store_set_error (rows->store, error, rc, _("reading the records to export"));
  return TRUE;
}

static void
append_value (GString        *out,
              sqlite3_stmt   *stmt,
              int             col,
              TdmExportValue  value)
{
  if (col > 0)
    g_string_append_c (out, ',');
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return;

  switch (value)
    {
    case TDM_EXPORT_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, col));
      break;

    case TDM_EXPORT_AMOUNT:
      {
        double amount = sqlite3_column_double (stmt, col);
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        /* Always with a decimal mark unless whole, so that "1500.125" is
         * never read back as thousands. */
        if (amount == (gint64) amount)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) amount);
        else
          g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", amount));
      }
      break;

    case TDM_EXPORT_TEXT:
    case TDM_EXPORT_DATE:
    default:
      append_field (out, (const char *) sqlite3_column_text (stmt, col));
      break;
    }
}

gboolean
tdm_csv_export (TdmStore    *store,
                TdmCsvKind   kind,
                const char  *path,
                GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_columns = tdm_csv_export_get_n_columns (kind);
  g_autofree TdmExportColumn *columns = g_new (TdmExportColumn, n_columns);
  TdmExportRows rows;

  g_return_val_if_fail (TDM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  for (guint i = 0; i < n_columns; i++)
    {
      tdm_csv_export_get_column (kind, i, &columns[i]);
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, columns[i].name);
    }
  g_string_append (out, "\r\n");

  if (!tdm_export_rows_start (&rows, store, kind, error))
    return FALSE;
  while (tdm_export_rows_next (&rows))
    {
      for (guint i = 0; i < n_columns; i++)
        append_value (out, rows.stmt, (int) i, columns[i].value);
      g_string_append (out, "\r\n");
    }
  if (!tdm_export_rows_finish (&rows, error))
    return FALSE;

  return g_file_set_contents (path, out->str, out->len, error);
}
