/* tdm-demo.c: synthetic but plausible data for trying Tadamon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tdm-demo.h"
#include "tdm-fold.h"
#include "tdm-registry.h"
#include "tdm-store-private.h"

/* Founding dates are drawn up to this day (the date of ODCO's latest
 * national count), not up to today, so that one seed gives the same
 * database whatever day it runs; no date is in the future. */
#define REFERENCE_YEAR 2025
#define REFERENCE_MONTH 11

typedef struct {
  const char *ar;
  const char *fr;
} Pair;

/* Names cooperatives give themselves: a value, a landscape, an Amazigh
 * word. The French form is the usual transliteration. */
static const Pair virtues[] = {
  { "الأمل", "Al Amal" }, { "النور", "Annour" }, { "البركة", "Al Baraka" },
  { "الخير", "Al Khair" }, { "الفتح", "Al Fath" }, { "الوفاء", "Al Wafae" },
  { "النجاح", "Annajah" }, { "الإخلاص", "Al Ikhlass" }, { "السلام", "Assalam" },
  { "التضامن", "Attadamoun" }, { "الهدى", "Al Houda" }, { "الفلاح", "Al Falah" },
  { "المستقبل", "Al Moustakbal" }, { "الصفاء", "Assafae" }, { "الأطلس", "Al Atlas" },
  { "الواحة", "Al Waha" }, { "الربيع", "Arrabie" }, { "الزيتونة", "Azzaytouna" },
  { "تيفاوين", "Tifawin" }, { "تانميرت", "Tanmirt" }, { "تودرت", "Toudert" },
  { "أسيف", "Assif" }, { "الياسمين", "Al Yasmine" }, { "الوحدة", "Al Wahda" },
  { "الرضا", "Arrida" }, { "الإحسان", "Al Ihsane" }, { "الأصالة", "Al Assala" },
  { "الكرامة", "Al Karama" }, { "النخيل", "Annakhil" }, { "الجبل", "Al Jabal" },
  { "الساحل", "Assahil" }, { "الفجر", "Al Fajr" }, { "الشروق", "Achourouk" },
  { "تافسوت", "Tafsout" }, { "أزير", "Azir" }, { "السعادة", "Assaada" },
  { "البستان", "Al Boustane" }, { "المسيرة", "Al Massira" }, { "الرحمة", "Arrahma" },
  { "الأندلس", "Al Andalous" },
};

/* What a cooperative of a sector calls itself, and what it makes. In
 * Arabic the activity follows the name ("تعاونية الأمل للنسيج"), in French
 * it precedes it ("Coopérative de Tissage Al Amal"). ADJECTIVE: the
 * Arabic is an adjective (الفلاحية), after which "النسوية" comes last. */
typedef struct {
  const char *ar;
  const char *fr;
  gboolean    adjective;
  Pair        products;
} Activity;

typedef struct {
  const char     *code;
  double          weight;        /* share of all cooperatives */
  double          women;         /* chance that it is a women's cooperative */
  const Activity *activities;
  guint           n_activities;
} SectorStyle;

static const Activity agriculture[] = {
  { "الفلاحية", "Agricole", TRUE, { "حبوب، قطاني، خضر", "Céréales, légumineuses, légumes" } },
  { "الفلاحية", "Agricole", TRUE, { "تمور، لوز", "Dattes, amandes" } },
  { "لتربية الماشية", "d’Élevage", FALSE, { "لحوم الأغنام والماعز", "Viande ovine et caprine" } },
  { "لإنتاج الحليب", "Laitière", FALSE, { "حليب، جبن طري، لبن", "Lait, fromage frais, lben" } },
  { "لتربية النحل", "Apicole", FALSE, { "عسل، حبوب اللقاح", "Miel, pollen" } },
  { "لزيت الزيتون", "Oléicole", FALSE, { "زيت الزيتون، زيتون", "Huile d’olive, olives" } },
  { "للصبار", "du Cactus", FALSE, { "صبار، زيت بذور الصبار", "Figues de Barbarie, huile de pépins" } },
};
static const Activity handicraft[] = {
  { "للصناعة التقليدية", "Artisanale", FALSE, { "منتجات الدوم، سلال", "Vannerie en doum, paniers" } },
  { "للنسيج والزرابي", "de Tissage et Tapis", FALSE, { "زرابي، أغطية", "Tapis, couvertures" } },
  { "للفخار", "de Poterie", FALSE, { "أواني فخارية، طواجن", "Poteries, tajines" } },
  { "للخياطة والطرز", "de Couture et Broderie", FALSE, { "طرز، قفاطين", "Broderie, caftans" } },
  { "للنجارة التقليدية", "de Menuiserie Traditionnelle", FALSE, { "خشب منقوش، أثاث", "Bois sculpté, meubles" } },
  { "للجلد", "du Cuir", FALSE, { "بلاغي، حقائب جلدية", "Babouches, maroquinerie" } },
};
static const Activity argan[] = {
  { "لإنتاج زيت الأركان", "d’Argan", FALSE,
    { "زيت الأركان الغذائي والتجميلي، أملو", "Huile d’argan alimentaire et cosmétique, amlou" } },
  { "للأركان والمنتجات المحلية", "d’Argan et Produits du Terroir", FALSE,
    { "زيت الأركان، صابون ومراهم بالأركان", "Huile d’argan, savons et crèmes à l’argan" } },
};
static const Activity food_processing[] = {
  { "للمنتجات الغذائية", "Agroalimentaire", FALSE, { "مربى، مصبرات، توابل", "Confitures, conserves, épices" } },
  { "للكسكس والمنتجات المحلية", "de Couscous et Produits du Terroir", FALSE,
    { "كسكس، عجائن تقليدية", "Couscous, pâtes artisanales" } },
  { "للحلويات التقليدية", "de Pâtisserie Traditionnelle", FALSE, { "حلويات تقليدية", "Pâtisserie traditionnelle" } },
};
static const Activity aromatic_plants[] = {
  { "للنباتات العطرية والطبية", "des Plantes Aromatiques et Médicinales", FALSE,
    { "إكليل الجبل، زعتر، زيوت عطرية", "Romarin, thym, huiles essentielles" } },
  { "للزعفران", "du Safran", FALSE, { "زعفران", "Safran" } },
  { "لماء الورد", "d’Eau de Rose", FALSE, { "ماء الورد، ورد مجفف", "Eau de rose, roses séchées" } },
};
static const Activity fishing[] = {
  { "للصيد التقليدي", "de Pêche Artisanale", FALSE, { "سمك طري", "Poisson frais" } },
  { "لتربية الأحياء المائية", "d’Aquaculture", FALSE, { "محار، طحالب", "Huîtres, algues" } },
};
static const Activity forestry[] = {
  { "الغابوية", "Forestière", TRUE, { "فلين، خروب، نباتات غابوية", "Liège, caroube, plantes sylvestres" } },
};
static const Activity housing[] = {
  { "للسكن", "d’Habitat", FALSE, { "سكن للأعضاء", "Logements pour les membres" } },
};
static const Activity consumption[] = {
  { "للاستهلاك", "de Consommation", FALSE, { "مواد استهلاكية", "Produits de consommation courante" } },
};
static const Activity transport[] = {
  { "للنقل", "de Transport", FALSE, { "النقل القروي للأشخاص", "Transport rural de personnes" } },
  { "لنقل البضائع", "de Transport de Marchandises", FALSE, { "نقل البضائع", "Transport de marchandises" } },
};
static const Activity trade[] = {
  { "للتجار", "des Commerçants", FALSE, { "تجارة بالتقسيط", "Commerce de détail" } },
};
static const Activity services[] = {
  { "للخدمات", "de Services", FALSE, { "نظافة وصيانة", "Nettoyage, entretien" } },
  { "للخدمات الرقمية", "de Services Numériques", FALSE, { "خدمات رقمية، تكوين", "Services numériques, formation" } },
};
static const Activity mining[] = {
  { "للمقالع", "des Carrières", FALSE, { "حجارة، حصى", "Pierre, gravier" } },
  { "المعدنية", "Minière", TRUE, { "غاسول، ملح", "Ghassoul, sel" } },
};
static const Activity tourism[] = {
  { "للسياحة القروية", "de Tourisme Rural", FALSE, { "مأوى قروي، جولات", "Gîte rural, randonnées" } },
  { "للإيواء السياحي", "d’Hébergement Touristique", FALSE, { "إيواء، طبخ تقليدي", "Hébergement, cuisine traditionnelle" } },
};
static const Activity other[] = {
  { "متعددة الأنشطة", "Polyvalente", TRUE, { "منتجات متنوعة", "Produits divers" } },
};

#define STYLE(name, weight, women) \
  { #name, weight, women, name, G_N_ELEMENTS (name) }

/* Shares follow the order of magnitude ODCO reports: agriculture far
 * ahead, then handicraft; argan only where the argan tree grows. */
static const SectorStyle sector_styles[] = {
  STYLE (agriculture, 0.58, 0.25),
  STYLE (handicraft, 0.15, 0.55),
  STYLE (argan, 0.04, 0.85),
  STYLE (food_processing, 0.05, 0.50),
  STYLE (aromatic_plants, 0.03, 0.40),
  STYLE (fishing, 0.02, 0.05),
  STYLE (forestry, 0.01, 0.10),
  STYLE (housing, 0.03, 0.05),
  STYLE (consumption, 0.01, 0.15),
  STYLE (transport, 0.02, 0.02),
  STYLE (trade, 0.01, 0.10),
  STYLE (services, 0.02, 0.35),
  STYLE (mining, 0.005, 0.02),
  STYLE (tourism, 0.01, 0.30),
  STYLE (other, 0.005, 0.20),
};

static const Pair women_first_names[] = {
  { "فاطمة", "Fatima" }, { "خديجة", "Khadija" }, { "عائشة", "Aicha" }, { "مريم", "Meryem" },
  { "زينب", "Zineb" }, { "نعيمة", "Naima" }, { "سعاد", "Souad" }, { "حليمة", "Halima" },
  { "رشيدة", "Rachida" }, { "إيطو", "Itto" }, { "حادة", "Hadda" }, { "يامنة", "Yamna" },
  { "لطيفة", "Latifa" }, { "سكينة", "Soukaina" }, { "حنان", "Hanane" },
};
static const Pair men_first_names[] = {
  { "محمد", "Mohamed" }, { "أحمد", "Ahmed" }, { "الحسن", "Lahcen" }, { "إبراهيم", "Brahim" },
  { "عبد الله", "Abdellah" }, { "يوسف", "Youssef" }, { "الحسين", "Lhoussaine" }, { "عمر", "Omar" },
  { "مصطفى", "Mustapha" }, { "سعيد", "Said" }, { "رشيد", "Rachid" }, { "عبد الرحيم", "Abderrahim" },
  { "إدريس", "Driss" }, { "حميد", "Hamid" },
};
static const Pair family_names[] = {
  { "العلوي", "El Alaoui" }, { "الإدريسي", "El Idrissi" }, { "بناني", "Bennani" },
  { "أمزيان", "Amziane" }, { "أوشن", "Ouchen" }, { "الفاسي", "El Fassi" }, { "بوعزة", "Bouazza" },
  { "أيت الحاج", "Ait Elhaj" }, { "الصديقي", "Seddiki" }, { "الزياني", "Zaiani" },
  { "أخياط", "Akhiyat" }, { "بنعلي", "Benali" }, { "التازي", "Tazi" }, { "الحمداوي", "Hamdaoui" },
  { "أوبلا", "Oubella" }, { "الركراكي", "Regragui" },
};

/* Labels tied to a place (from the Ministry of Agriculture's list of
 * labelled products), given to some cooperatives of that province. */
static const struct {
  gint64      province_id;
  const char *sector;
  const char *label;
} place_labels[] = {
  { 9541, "aromatic_plants", "AOP Safran de Taliouine" },
  { 8577, "aromatic_plants", "AOP Rose de Kelâat M’Gouna-Dadès" },
  { 2113, "agriculture", "IGP Clémentine de Berkane" },
  { 8201, "agriculture", "IGP Dattes Majhoul de Tafilalet" },
  { 1151, "agriculture", "IGP Fromage de chèvre de Chefchaouen" },
  { 2251, "agriculture", "IGP Dattes Aziza Bouzid de Figuig" },
  { 9581, "agriculture", "IGP Amande de Tafraout" },
  { 8363, "agriculture", "IGP Pomme de Midelt" },
};

typedef struct {
  const char *name;
  const char *acronym;
  const char *kind;
  const char *country;
  const char *website;
} DemoPartner;

static const DemoPartner demo_partners[] = {
  { "Ministère du Tourisme, de l’Artisanat et de l’Économie Sociale et Solidaire", "MTAESS", "ministry", "MA", NULL },
  { "Ministère de l’Agriculture, de la Pêche Maritime, du Développement Rural et des Eaux et Forêts", "MAPMDREF", "ministry", "MA", NULL },
  { "Ministère de l’Intérieur", NULL, "ministry", "MA", NULL },
  { "Office du Développement de la Coopération", "ODCO", "public_agency", "MA", "www.odco.gov.ma" },
  { "Agence de Développement Social", "ADS", "public_agency", "MA", "www.ads.ma" },
  { "Initiative Nationale pour le Développement Humain", "INDH", "public_agency", "MA", "www.indh.ma" },
  { "Agence Nationale pour le Développement des Zones Oasiennes et de l’Arganier", "ANDZOA", "public_agency", "MA", NULL },
  { "Office National de Sécurité Sanitaire des Produits Alimentaires", "ONSSA", "public_agency", "MA", "www.onssa.gov.ma" },
  { "Agence pour le Développement Agricole", "ADA", "public_agency", "MA", NULL },
  { "Office National du Conseil Agricole", "ONCA", "public_agency", "MA", NULL },
  { "Maison de l’Artisan", NULL, "public_agency", "MA", NULL },
  { "Conseil de la Région Souss-Massa", NULL, "regional_council", "MA", NULL },
  { "Conseil de la Région de l’Oriental", NULL, "regional_council", "MA", NULL },
  { "Conseil de la Région Fès-Meknès", NULL, "regional_council", "MA", NULL },
  { "Conseil de la Région Drâa-Tafilalet", NULL, "regional_council", "MA", NULL },
  { "Conseil de la Région Marrakech-Safi", NULL, "regional_council", "MA", NULL },
  { "Wilaya de la Région Casablanca-Settat", NULL, "wilaya", "MA", NULL },
  { "Province de Tiznit", NULL, "province", "MA", NULL },
  { "Réseau Marocain de l’Économie Sociale et Solidaire", "REMESS", "network", "MA", NULL },
  { "Réseau des Femmes Artisanes du Maroc", "RFAM", "network", "MA", NULL },
  { "Fondation Mohammed V pour la Solidarité", "FM5", "ngo", "MA", NULL },
  { "Crédit Agricole du Maroc", "CAM", "company", "MA", NULL },
  { "Al Barid Bank", NULL, "company", "MA", NULL },
  { "Région Occitanie", NULL, "foreign_region", "FR", NULL },
  { "Région Provence-Alpes-Côte d’Azur", "PACA", "foreign_region", "FR", NULL },
  { "Generalitat de Catalunya", NULL, "foreign_region", "ES", NULL },
  { "Junta de Andalucía", NULL, "foreign_region", "ES", NULL },
  { "Regione Toscana", NULL, "foreign_region", "IT", NULL },
  { "Deutsche Gesellschaft für Internationale Zusammenarbeit", "GIZ", "international_agency", "DE", "www.giz.de" },
  { "Agència Catalana de Cooperació al Desenvolupament", "ACCD", "international_agency", "ES", NULL },
  { "Agence Française de Développement", "AFD", "international_agency", "FR", "www.afd.fr" },
  { "Agencia Española de Cooperación Internacional para el Desarrollo", "AECID", "international_agency", "ES", NULL },
  { "Enabel, Agence belge de développement", "Enabel", "international_agency", "BE", NULL },
  { "Organisation des Nations unies pour l’alimentation et l’agriculture", "FAO", "international_agency", "IT", NULL },
};

typedef struct {
  gint64  id;
  gint64  region_id;
  char   *name_ar;
  char   *name_fr;
  char   *place_ar;     /* "بتيزنيت" */
  char   *place_fr;     /* "de Tiznit", "d’Agadir" */
  char   *commune;
  double  population;
} Province;

static void
province_clear (Province *province)
{
  g_free (province->name_ar);
  g_free (province->name_fr);
  g_free (province->place_ar);
  g_free (province->place_fr);
  g_free (province->commune);
}

typedef struct {
  TdmStore  *store;
  GRand     *rand;
  GArray    *provinces;      /* of Province */
  double    *cumulative;     /* running population total */
  gint64     sector_ids[G_N_ELEMENTS (sector_styles)];
  guint      argan;          /* index of argan in sector_styles */
  double     sector_cumulative[G_N_ELEMENTS (sector_styles)];
  /* name_key + province: names already given, to number repeats */
  GHashTable *names;
} Demo;

static const char *
pick_pair (Demo       *demo,
           const Pair *pairs,
           guint       n_pairs,
           gboolean    arabic)
{
  const Pair *pair = &pairs[g_rand_int_range (demo->rand, 0, n_pairs)];

  return arabic ? pair->ar : pair->fr;
}

static gboolean
starts_with_vowel (const char *text)
{
  g_autofree char *folded = tdm_fold (text);

  return folded != NULL && strchr ("aeiou", folded[0]) != NULL && folded[0] != '\0';
}

static gboolean
load_provinces (Demo    *demo,
                GError **error)
{
  sqlite3_stmt *stmt;
  double total = 0;
  int rc;

  stmt = tdm_store_prepare (demo->store,
                            "SELECT id, region_id, name_ar, name_fr, coalesce(population, 0) "
                            "FROM province ORDER BY id",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Province province = { 0 };
      g_auto(GStrv) parts = NULL;

      province.id = sqlite3_column_int64 (stmt, 0);
      province.region_id = sqlite3_column_int64 (stmt, 1);
      province.name_ar = tdm_store_column_dup (stmt, 2);
      province.name_fr = tdm_store_column_dup (stmt, 3);
      province.population = sqlite3_column_double (stmt, 4);
      province.place_ar = g_strconcat ("ب", province.name_ar, NULL);
      province.place_fr = starts_with_vowel (province.name_fr)
                          ? g_strconcat ("d’", province.name_fr, NULL)
                          : g_strconcat ("de ", province.name_fr, NULL);
      /* The seat of a province usually gives it its name ("Tanger" for
       * Tanger-Assilah); without the list of communes it stands for all. */
      parts = g_strsplit (province.name_fr, "-", 2);
      province.commune = g_strdup (parts[0]);
      g_array_append_val (demo->provinces, province);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tdm_store_set_error (demo->store, error, rc, _("creating the demo data"));

  demo->cumulative = g_new (double, demo->provinces->len);
  for (guint i = 0; i < demo->provinces->len; i++)
    {
      total += g_array_index (demo->provinces, Province, i).population;
      demo->cumulative[i] = total;
    }

  return TRUE;
}

static gboolean
load_sectors (Demo    *demo,
              GError **error)
{
  double total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sector_styles); i++)
    {
      sqlite3_stmt *stmt = tdm_store_prepare (demo->store, "SELECT id FROM sector WHERE code = ?1", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, sector_styles[i].code, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_FAILED,
                       "Sector “%s” missing from the reference data", sector_styles[i].code);
          return FALSE;
        }
      demo->sector_ids[i] = sqlite3_column_int64 (stmt, 0);
      if (g_str_equal (sector_styles[i].code, "argan"))
        demo->argan = i;
      sqlite3_reset (stmt);

      total += sector_styles[i].weight;
      demo->sector_cumulative[i] = total;
    }

  return TRUE;
}

static const Province *
pick_province (Demo  *demo,
               guint  index)
{
  guint n = demo->provinces->len;
  double target;
  guint low = 0, high = n - 1;

  /* The first 75 go one to each province, so that none is empty. */
  if (index < n)
    return &g_array_index (demo->provinces, Province, index);

  target = g_rand_double (demo->rand) * demo->cumulative[n - 1];
  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (demo->cumulative[mid] <= target)
        low = mid + 1;
      else
        high = mid;
    }
  return &g_array_index (demo->provinces, Province, low);
}

static guint
pick_sector (Demo           *demo,
             const Province *province)
{
  gboolean argan_land = province->region_id == 7 || province->region_id == 9 || province->region_id == 10;
  double target = g_rand_double (demo->rand) * demo->sector_cumulative[G_N_ELEMENTS (sector_styles) - 1];
  guint i;

  /* Where the argan tree grows, one cooperative in five works it. */
  if (argan_land && g_rand_double (demo->rand) < 0.2)
    return demo->argan;

  for (i = 0; i < G_N_ELEMENTS (sector_styles) - 1; i++)
    if (target < demo->sector_cumulative[i])
      break;

  if (i == demo->argan && !argan_land)
    return 0;
  return i;
}

/* Recent years weigh more: the number of cooperatives has grown fast
 * since law 112-12 (2014). */
static char *
pick_date (Demo *demo,
           int   not_before_year)
{
  int back = (int) floor (-log (1.0 - g_rand_double (demo->rand)) * 9.0);
  int year = MAX (REFERENCE_YEAR - MIN (back, 60), not_before_year);
  int month = g_rand_int_range (demo->rand, 1, year == REFERENCE_YEAR ? REFERENCE_MONTH + 1 : 13);
  int day = g_rand_int_range (demo->rand, 1, 29);

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static int
pick_members (Demo *demo)
{
  /* Most cooperatives are small (ODCO: 12 members on average). */
  if (g_rand_double (demo->rand) < 0.85)
    return g_rand_int_range (demo->rand, 5, 22);
  return 22 + (int) (pow (g_rand_double (demo->rand), 2.0) * 278);
}

static char *
make_phone (Demo *demo)
{
  static const char *prefixes[] = { "06", "07", "05" };
  const char *prefix = prefixes[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (prefixes))];
  guint32 rest = g_rand_int_range (demo->rand, 10000000, 100000000);

  if (g_rand_boolean (demo->rand))
    return g_strdup_printf ("%s%08u", prefix, rest);
  return g_strdup_printf ("%s %02u %02u %02u %02u", prefix,
                          rest / 1000000, rest / 10000 % 100, rest / 100 % 100, rest % 100);
}

/* Lower-case ASCII letters of TEXT, for an e-mail address. */
static char *
make_slug (const char *text)
{
  g_autofree char *folded = tdm_fold (text);
  GString *slug = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (slug, *p);
  return g_string_free (slug, FALSE);
}

typedef struct {
  char *name_ar;
  char *name_fr;
} Names;

static void
make_names (Demo              *demo,
            const Activity    *activity,
            const Province    *province,
            gboolean           women,
            gboolean           is_union,
            const Pair        *virtue,
            Names             *names)
{
  gboolean with_place = is_union || g_rand_double (demo->rand) < 0.5;
  g_autofree char *key = NULL;
  GString *ar = g_string_new (NULL);
  GString *fr = g_string_new (NULL);
  guint repeat;

  if (is_union)
    {
      g_string_append_printf (ar, "اتحاد تعاونيات %s %s", virtue->ar, activity->ar);
      g_string_append_printf (fr, "Union des Coopératives %s", virtue->fr);
    }
  else
    {
      g_string_append_printf (ar, "تعاونية %s", virtue->ar);
      if (women && !activity->adjective)
        g_string_append (ar, " النسوية");
      g_string_append_printf (ar, " %s", activity->ar);
      if (women && activity->adjective)
        g_string_append (ar, " النسوية");

      g_string_append_printf (fr, "Coopérative %s%s %s",
                              women ? "Féminine " : "", activity->fr, virtue->fr);
    }

  if (with_place)
    {
      g_string_append_printf (ar, " %s", province->place_ar);
      g_string_append_printf (fr, " %s", province->place_fr);
    }

  /* Two cooperatives of a province never share a name: the registry
   * tells them apart with a number, and so does the demo. */
  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", province->id, ar->str);
  repeat = GPOINTER_TO_UINT (g_hash_table_lookup (demo->names, key)) + 1;
  g_hash_table_insert (demo->names, g_steal_pointer (&key), GUINT_TO_POINTER (repeat));
  if (repeat > 1)
    {
      g_string_append_printf (ar, " %u", repeat);
      g_string_append_printf (fr, " %u", repeat);
    }

  names->name_ar = g_string_free (ar, FALSE);
  names->name_fr = g_string_free (fr, FALSE);
}

/* A label issued after the founding year and valid 3 or 5 years: some
 * have expired by now, as in a real registry. */
static gboolean
insert_label (Demo        *demo,
              gint64       cooperative_id,
              const char  *name,
              int          founded_year,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int year = founded_year + 1 + g_rand_int_range (demo->rand, 0, REFERENCE_YEAR - founded_year);
  int month = g_rand_int_range (demo->rand, 1, (year == REFERENCE_YEAR ? REFERENCE_MONTH : 12) + 1);
  int day = g_rand_int_range (demo->rand, 1, 29);
  int validity = g_rand_boolean (demo->rand) ? 3 : 5;

  stmt = tdm_store_prepare (demo->store,
                            "INSERT INTO cooperative_label (cooperative_id, name, issued_on, expires_on) "
                            "VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cooperative_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, g_strdup_printf ("%04d-%02d-%02d", year, month, day), -1, g_free);
  sqlite3_bind_text (stmt, 4, g_strdup_printf ("%04d-%02d-%02d", year + validity, month, day), -1, g_free);
  return tdm_store_step_done (demo->store, stmt, _("creating the demo data"), error);
}

static const char *
pick_label (Demo              *demo,
            const SectorStyle *style,
            const Province    *province)
{
  gboolean food = g_str_equal (style->code, "agriculture") || g_str_equal (style->code, "argan") ||
                  g_str_equal (style->code, "food_processing") || g_str_equal (style->code, "aromatic_plants");

  for (guint i = 0; i < G_N_ELEMENTS (place_labels); i++)
    if (place_labels[i].province_id == province->id &&
        g_str_equal (place_labels[i].sector, style->code) &&
        g_rand_boolean (demo->rand))
      return place_labels[i].label;

  if (g_str_equal (style->code, "argan") && g_rand_boolean (demo->rand))
    return "IG Argane";

  if (food)
    return g_rand_boolean (demo->rand) ? "Autorisation sanitaire ONSSA" : "Agriculture biologique";

  return NULL;
}

static gboolean
insert_cooperative (Demo     *demo,
                    guint     index,
                    GError  **error)
{
  const Province *province = pick_province (demo, index);
  const SectorStyle *style = &sector_styles[pick_sector (demo, province)];
  const Activity *activity = &style->activities[g_rand_int_range (demo->rand, 0, style->n_activities)];
  const Pair *virtue = &virtues[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (virtues))];
  gboolean women = g_rand_double (demo->rand) < style->women;
  gboolean is_union = g_rand_double (demo->rand) < 0.02;
  gboolean arabic = g_rand_boolean (demo->rand);
  g_autofree char *founded_on = pick_date (demo, 1960);
  g_autofree char *registration = NULL;
  g_autofree char *president = NULL;
  g_autofree char *email = NULL;
  g_autofree char *address = NULL;
  Names names = { NULL, NULL };
  char *name_key = NULL;
  char *search_text = NULL;
  const char *label;
  sqlite3_stmt *stmt;
  int founded_year = atoi (founded_on);
  int members, n_women, youth;
  gboolean ok;

  make_names (demo, activity, province, women, is_union, virtue, &names);

  /* A union's members are cooperatives. */
  members = is_union ? g_rand_int_range (demo->rand, 3, 31) : pick_members (demo);
  if (women)
    n_women = g_rand_double (demo->rand) < 0.8 ? members : members - g_rand_int_range (demo->rand, 0, members / 5 + 1);
  else
    n_women = (int) (members * g_rand_double (demo->rand) * 0.3);
  youth = (int) (members * pow (g_rand_double (demo->rand), 2.0) * 0.4);

  registration = g_strdup_printf ("%" G_GINT64_FORMAT "/%d/%06u", province->id, founded_year, index + 1);
  president = g_strdup_printf ("%s %s",
                               pick_pair (demo, women ? women_first_names : men_first_names,
                                          women ? G_N_ELEMENTS (women_first_names) : G_N_ELEMENTS (men_first_names),
                                          arabic),
                               pick_pair (demo, family_names, G_N_ELEMENTS (family_names), arabic));
  address = arabic
            ? g_strdup_printf ("حي %s، %s", virtues[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (virtues))].ar,
                               province->name_ar)
            : g_strdup_printf ("Hay %s, %s", virtues[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (virtues))].fr,
                               province->commune);
  if (g_rand_double (demo->rand) < 0.3)
    {
      g_autofree char *slug = make_slug (virtue->fr);

      email = g_strdup_printf ("coop.%s.%u@example.org", slug, index + 1);
    }

  stmt = tdm_store_prepare (demo->store,
                            "INSERT INTO cooperative (name_ar, name_fr, registration_number, legal_form, "
                            "sector_id, region_id, province_id, commune, address, founded_on, members, women, "
                            "youth, capital, president, phone, email, products, name_key, search_text) VALUES "
                            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                            error);
  if (stmt == NULL)
    {
      g_free (names.name_ar);
      g_free (names.name_fr);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, names.name_ar, -1, g_free);
  sqlite3_bind_text (stmt, 2, names.name_fr, -1, g_free);
  sqlite3_bind_text (stmt, 3, registration, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, is_union ? "union" : "cooperative", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, demo->sector_ids[style - sector_styles]);
  sqlite3_bind_int64 (stmt, 6, province->region_id);
  sqlite3_bind_int64 (stmt, 7, province->id);
  sqlite3_bind_text (stmt, 8, province->commune, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, address, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, founded_on, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 11, members);
  sqlite3_bind_int (stmt, 12, n_women);
  sqlite3_bind_int (stmt, 13, youth);
  if (g_rand_double (demo->rand) < 0.2)
    sqlite3_bind_null (stmt, 14);
  else
    sqlite3_bind_double (stmt, 14, members * 100.0 * g_rand_int_range (demo->rand, 1, 11));
  sqlite3_bind_text (stmt, 15, president, -1, SQLITE_STATIC);
  if (g_rand_double (demo->rand) < 0.8)
    sqlite3_bind_text (stmt, 16, make_phone (demo), -1, g_free);
  if (email != NULL)
    sqlite3_bind_text (stmt, 17, email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 18, arabic ? activity->products.ar : activity->products.fr, -1, SQLITE_STATIC);
  tdm_store_cooperative_keys (names.name_ar, names.name_fr, registration, province->commune,
                              &name_key, &search_text);
  sqlite3_bind_text (stmt, 19, name_key, -1, g_free);
  sqlite3_bind_text (stmt, 20, search_text, -1, g_free);

  ok = tdm_store_step_done (demo->store, stmt, _("creating the demo data"), error);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;

  if (founded_year < REFERENCE_YEAR && g_rand_double (demo->rand) < 0.08 &&
      (label = pick_label (demo, style, province)) != NULL)
    return insert_label (demo, sqlite3_last_insert_rowid (tdm_store_get_db (demo->store)),
                         label, founded_year, error);

  return TRUE;
}

static gboolean
insert_partners (Demo    *demo,
                 GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_partners); i++)
    {
      const DemoPartner *partner = &demo_partners[i];
      const char *parts[2] = { partner->name, partner->acronym };
      sqlite3_stmt *stmt;
      GString *search = g_string_new (NULL);

      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          g_autofree char *folded = parts[p] != NULL ? tdm_fold (parts[p]) : NULL;

          if (folded == NULL || *folded == '\0')
            continue;
          if (search->len > 0)
            g_string_append_c (search, ' ');
          g_string_append (search, folded);
        }

      /* Partners the user already recorded stay as they are. */
      stmt = tdm_store_prepare (demo->store,
                                "INSERT INTO partner (name, acronym, kind, country, website, name_key, search_text) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (name_key) DO NOTHING",
                                error);
      if (stmt == NULL)
        {
          g_string_free (search, TRUE);
          return FALSE;
        }
      sqlite3_bind_text (stmt, 1, partner->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, partner->acronym, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, partner->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, partner->country, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, partner->website, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, tdm_fold (partner->name), -1, g_free);
      sqlite3_bind_text (stmt, 7, g_string_free (search, FALSE), -1, g_free);
      if (!tdm_store_step_done (demo->store, stmt, _("creating the demo data"), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
tdm_demo_populate (TdmStore  *store,
                   guint      n_cooperatives,
                   guint32    seed,
                   GError   **error)
{
  Demo demo = { 0 };
  gint64 existing;
  gboolean ok = FALSE;

  g_return_val_if_fail (TDM_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tdm_store_begin_bulk_insert (store, error))
    return FALSE;

  existing = tdm_store_count_cooperatives (store);
  if (existing > 0)
    {
      g_set_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The database already holds %d cooperative. Demo data only goes into an empty database.",
                                "The database already holds %d cooperatives. Demo data only goes into an empty database.",
                                existing),
                   (int) existing);
      tdm_store_rollback (store);
      return FALSE;
    }

  demo.store = store;
  demo.rand = g_rand_new_with_seed (seed);
  demo.provinces = g_array_new (FALSE, TRUE, sizeof (Province));
  g_array_set_clear_func (demo.provinces, (GDestroyNotify) province_clear);
  demo.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!load_provinces (&demo, error) || !load_sectors (&demo, error) ||
      !insert_partners (&demo, error))
    goto out;

  for (guint i = 0; i < n_cooperatives; i++)
    if (!insert_cooperative (&demo, i, error))
      goto out;

  tdm_store_notify_changed (store, "partner");
  tdm_store_notify_changed (store, "cooperative");
  ok = TRUE;

out:
  if (ok)
    ok = tdm_store_end_bulk_insert (store, error);
  else
    tdm_store_rollback (store);

  g_rand_free (demo.rand);
  g_array_unref (demo.provinces);
  g_free (demo.cumulative);
  g_hash_table_unref (demo.names);

  return ok;
}
