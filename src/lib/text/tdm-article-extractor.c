/* tdm-article-extractor.c: read the facts of an ESS event out of an
 * article's text.
 *
 * The body is cut into tokens (words, numbers, punctuation) that keep
 * their character span; every rule then works on folded words, so that
 * spelling variants (hamza, ة/ه, accents, Eastern digits) and Arabic
 * proclitics (و ف ب ل ك, لل for ل+ال) do not matter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tdm-article-extractor.h"
#include "tdm-article-segment.h"
#include "tdm-fold.h"
#include "tdm-gazetteer.h"
#include "tdm-validate.h"

#define MAX_VARIANTS 5
/* Words a cue may stand away from the organization it introduces:
 * "بدعم ومواكبة شركائها الدائمين (الوكالة…". */
#define CUE_REACH 4
#define ORG_MAX_TOKENS 11
#define ORG_MAX_FRENCH_WORDS 14
#define VENUE_MAX_WORDS 12
#define SLOGAN_MAX_TOKENS 60
#define MAX_PARTNERS 40
/* Tokens after a single day where "until …" may still name its end. */
#define UNTIL_REACH 80

struct _TdmArticleExtractor
{
  GObject    parent_instance;
  GPtrArray  *known;        /* Known *, organizations the user knows */
  GHashTable *known_index;  /* first folded word -> GPtrArray of Known * */
};

G_DEFINE_FINAL_TYPE (TdmArticleExtractor, tdm_article_extractor, G_TYPE_OBJECT)

typedef enum {
  TOK_WORD,
  TOK_NUMBER,
  TOK_PUNCT,
} TokKind;

typedef struct {
  TokKind   kind;
  int       start;         /* characters */
  int       end;
  gsize     bstart;        /* bytes */
  gsize     bend;
  char     *fold;
  char     *variants[MAX_VARIANTS];  /* fold without proclitics; [0] = fold */
  guint     prefix[MAX_VARIANTS];    /* characters stripped for each */
  guint     n_variants;
  gboolean  latin;
  gboolean  upper;
  gunichar  punct;
  gboolean  in_org;
} Token;

typedef struct {
  const char *text;
  GArray     *tokens;
} Tokens;

typedef struct {
  int    first;     /* token indices, end exclusive */
  int    last;
  int    start;     /* characters */
  int    end;
  char  *name;
} Mention;

typedef struct {
  char  *name;
  char **tokens;    /* folded words */
  guint  n_tokens;
} Known;

/* Word lists. Each is folded once into a hash table word -> value. */
typedef struct {
  const char *word;
  int         value;
} WordValue;

enum {
  LEAD_PLAIN = 1,
  LEAD_REGION,      /* جهة, Région: an organization unless a Moroccan place follows */
  LEAD_WILAYA,      /* ولاية: an organization only before جهة or a place */
  LEAD_COOPERATIVE, /* تعاونية: not after a number (that is a count) */
};

static const WordValue lead_words[] = {
  { "جمعية", LEAD_PLAIN }, { "الجمعية", LEAD_PLAIN }, { "وزارة", LEAD_PLAIN }, { "الوزارة", LEAD_PLAIN },
  { "مجلس", LEAD_PLAIN }, { "المجلس", LEAD_PLAIN }, { "ولاية", LEAD_WILAYA }, { "عمالة", LEAD_PLAIN },
  { "مؤسسة", LEAD_PLAIN }, { "المؤسسة", LEAD_PLAIN }, { "الوكالة", LEAD_PLAIN }, { "وكالة", LEAD_PLAIN },
  { "المندوبية", LEAD_PLAIN }, { "مندوبية", LEAD_PLAIN }, { "الشبكة", LEAD_PLAIN }, { "شبكة", LEAD_PLAIN },
  { "منظمة", LEAD_PLAIN }, { "المنظمة", LEAD_PLAIN }, { "منضمة", LEAD_PLAIN }, { "جهة", LEAD_REGION },
  { "الجهة", LEAD_REGION }, { "مكتب", LEAD_PLAIN }, { "المكتب", LEAD_PLAIN }, { "غرفة", LEAD_PLAIN },
  { "الغرفة", LEAD_PLAIN }, { "اتحاد", LEAD_PLAIN }, { "الاتحاد", LEAD_PLAIN }, { "الفيدرالية", LEAD_PLAIN },
  { "فيدرالية", LEAD_PLAIN }, { "الجامعة", LEAD_PLAIN }, { "جامعة", LEAD_PLAIN }, { "المديرية", LEAD_PLAIN },
  { "مديرية", LEAD_PLAIN }, { "صندوق", LEAD_PLAIN }, { "الصندوق", LEAD_PLAIN }, { "البنك", LEAD_PLAIN },
  { "بنك", LEAD_PLAIN }, { "كتابة", LEAD_PLAIN }, { "جماعة", LEAD_PLAIN }, { "تعاونية", LEAD_COOPERATIVE },
  { "التعاونية", LEAD_COOPERATIVE }, { "مجموعة", LEAD_PLAIN }, { "الكونفدرالية", LEAD_PLAIN },
  { "association", LEAD_PLAIN }, { "ministere", LEAD_PLAIN }, { "conseil", LEAD_PLAIN },
  { "wilaya", LEAD_WILAYA }, { "fondation", LEAD_PLAIN }, { "agence", LEAD_PLAIN }, { "office", LEAD_PLAIN },
  { "delegation", LEAD_PLAIN }, { "direction", LEAD_PLAIN }, { "reseau", LEAD_PLAIN },
  { "organisation", LEAD_PLAIN }, { "chambre", LEAD_PLAIN }, { "union", LEAD_PLAIN },
  { "federation", LEAD_PLAIN }, { "cooperative", LEAD_COOPERATIVE }, { "region", LEAD_REGION },
  { "programme", LEAD_PLAIN }, { "banque", LEAD_PLAIN }, { "fonds", LEAD_PLAIN }, { "institut", LEAD_PLAIN },
  { "universite", LEAD_PLAIN }, { "ambassade", LEAD_PLAIN }, { "confederation", LEAD_PLAIN },
  { "groupement", LEAD_PLAIN }, { "entraide", LEAD_PLAIN },
};

/* Organizations every Moroccan ESS article may name without a lead word. */
static const char * const builtin_known[] = {
  "المبادرة الوطنية للتنمية البشرية", "Initiative nationale pour le développement humain",
  "INDH", "ODCO", "ADS", "ANAPEC", "REMESS", "GIZ", "USAID", "PNUD", "UNDP", "FAO", "JICA", "AFD",
  "OFPPT", "CRI", "UE", "التعاون الوطني",
};

/* Words after which the organizations named are the event's organizers,
 * partners, funders or guests. */
static const char * const cue_words[] = {
  "نظم", "نظمت", "ينظم", "تنظم", "ينظمه", "تنظمه", "نظمته", "نظمتها", "نظمه", "نظمها", "ينظمها",
  "تنظمها", "المنظم", "المنظمة", "احتضن", "احتضنت", "يحتضن", "تحتضن", "بشراكة", "بتنسيق",
  "بتعاون", "بالتعاون", "بدعم", "بتمويل", "الممول", "الممولة", "المسير", "بمساهمة", "طرف",
  "إشراف", "بإشراف", "استضافة", "باستضافة", "بمبادرة", "مبادرة", "برعاية", "مع", "جمع", "يجمع", "شركائها", "شركائه", "شركاء", "شريك",
  "بين",
  "par", "organise", "organisee", "organises", "organisees", "organisent", "co-organise",
  "partenariat", "collaboration", "soutien", "appui", "egide", "finance", "financee", "soutenu",
  "soutenue", "avec", "partenaires", "partenaire", "accueille", "initiative",
};

/* Words that end an organization's name. */
static const char * const org_stop_words[] = {
  "في", "على", "إلى", "الى", "عن", "مع", "من", "حول", "خلال", "اليوم", "يوم", "يوما", "حيث", "التي",
  "الذي", "الذين", "وذلك", "ذلك", "كما", "أن", "إن", "قد", "لقد", "وقد", "تحت", "بعد", "قبل", "هذا",
  "هذه", "عبر", "لفائدة", "بهدف", "ضمن", "منذ", "حتى", "أيضا", "وهو", "وهي", "هو", "هي", "لقاء",
  "لقاءا", "اللقاء", "ندوة", "معرض", "المعرض", "فعاليات", "بمناسبة", "بحضور", "بمشاركة", "بشراكة",
  "بتنسيق", "بدعم", "بتعاون", "بتمويل", "بتنظيم", "المسير", "الممول", "المنظم", "وكذا", "كذلك",
  "إضافة", "بالإضافة", "ثم", "أو", "بين", "لدى", "عند", "داخل", "وسط", "أمام", "نحو", "بعض", "كل",
  "جميع", "مختلف", "السيد", "السيدة", "يوما", "دراسيا", "تواصليا", "و",
  "qui", "que", "dont", "dans", "sur", "avec", "par", "sous", "lors", "depuis", "pendant", "a", "ont",
  "est", "sont", "organise", "organisee", "organisent", "ainsi", "mais", "ou", "ce", "cette", "ces",
  "son", "sa", "ses", "leur", "leurs", "plus", "tres", "entre", "vers", "apres", "avant", "selon",
  "afin", "jusqu", "en", "se", "s", "ne", "n", "y", "il", "elle", "ils", "elles", "lors", "aupres",
  "sera", "seront", "etait", "avait", "accueille", "participe", "participent",
};

/* Titles before a person's name; between two organizations they join them
 * ("رئيس مجلس الجهة برئيس جهة …"). */
static const char * const role_words[] = {
  "رئيس", "رئيسة", "ممثل", "ممثلة", "ممثلي", "مدير", "مديرة", "عامل", "والي", "كاتب", "المدير",
  "الرئيس", "president", "presidente", "directeur", "directrice", "representant", "representante",
  "representants", "wali", "gouverneur",
};

static const WordValue month_words[] = {
  { "يناير", 1 }, { "فبراير", 2 }, { "مارس", 3 }, { "أبريل", 4 }, { "ابريل", 4 }, { "إبريل", 4 },
  { "ماي", 5 }, { "مايو", 5 }, { "يونيو", 6 }, { "يونيه", 6 }, { "يوليوز", 7 }, { "يوليو", 7 },
  { "يوليه", 7 }, { "غشت", 8 }, { "أغسطس", 8 }, { "شتنبر", 9 }, { "سبتمبر", 9 }, { "أكتوبر", 10 },
  { "اكتوبر", 10 }, { "نونبر", 11 }, { "نوفمبر", 11 }, { "دجنبر", 12 }, { "ديسمبر", 12 },
  { "شباط", 2 }, { "آذار", 3 }, { "نيسان", 4 }, { "أيار", 5 }, { "حزيران", 6 }, { "تموز", 7 },
  { "آب", 8 }, { "أيلول", 9 },
  { "janvier", 1 }, { "fevrier", 2 }, { "mars", 3 }, { "avril", 4 }, { "mai", 5 }, { "juin", 6 },
  { "juillet", 7 }, { "aout", 8 }, { "septembre", 9 }, { "octobre", 10 }, { "novembre", 11 },
  { "decembre", 12 },
};

/* Mashriq names made of two words: كانون الثاني … */
static const WordValue month_pairs[] = {
  { "كانون الثاني", 1 }, { "تشرين الأول", 10 }, { "تشرين الثاني", 11 }, { "كانون الأول", 12 },
};

static const char * const weekday_words[] = {
  "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
};

static const WordValue ordinal_words[] = {
  { "الأولى", 1 }, { "الأول", 1 }, { "الثانية", 2 }, { "الثاني", 2 }, { "الثالثة", 3 }, { "الثالث", 3 },
  { "الرابعة", 4 }, { "الرابع", 4 }, { "الخامسة", 5 }, { "الخامس", 5 }, { "السادسة", 6 },
  { "السادس", 6 }, { "السابعة", 7 }, { "السابع", 7 }, { "الثامنة", 8 }, { "الثامن", 8 },
  { "التاسعة", 9 }, { "التاسع", 9 }, { "العاشرة", 10 }, { "العاشر", 10 }, { "الحادية", 1 },
  { "الحادي", 1 }, { "العشرين", 20 }, { "الثلاثين", 30 }, { "الأربعين", 40 }, { "الخمسين", 50 },
  { "première", 1 }, { "premiere", 1 }, { "premier", 1 }, { "deuxième", 2 }, { "seconde", 2 },
  { "troisième", 3 }, { "quatrième", 4 }, { "cinquième", 5 }, { "sixième", 6 }, { "septième", 7 },
  { "huitième", 8 }, { "neuvième", 9 }, { "dixième", 10 }, { "onzième", 11 }, { "douzième", 12 },
  { "treizième", 13 }, { "quatorzième", 14 }, { "quinzième", 15 }, { "seizième", 16 },
  { "vingtième", 20 },
};

/* Arabic number words; values ≥ 100 multiply what precedes them when
 * they follow a unit ("ثلاث مائة"). */
static const WordValue number_words[] = {
  { "واحد", 1 }, { "واحدة", 1 }, { "اثنان", 2 }, { "اثنين", 2 }, { "اثنتان", 2 }, { "اثنتين", 2 },
  { "ثلاث", 3 }, { "ثلاثة", 3 }, { "أربع", 4 }, { "أربعة", 4 }, { "خمس", 5 }, { "خمسة", 5 },
  { "ست", 6 }, { "ستة", 6 }, { "سبع", 7 }, { "سبعة", 7 }, { "ثمان", 8 }, { "ثماني", 8 },
  { "ثمانية", 8 }, { "تسع", 9 }, { "تسعة", 9 }, { "عشر", 10 }, { "عشرة", 10 }, { "أحد", 1 },
  { "إحدى", 1 }, { "عشرون", 20 }, { "عشرين", 20 }, { "ثلاثون", 30 }, { "ثلاثين", 30 },
  { "أربعون", 40 }, { "أربعين", 40 }, { "خمسون", 50 }, { "خمسين", 50 }, { "ستون", 60 },
  { "ستين", 60 }, { "سبعون", 70 }, { "سبعين", 70 }, { "ثمانون", 80 }, { "ثمانين", 80 },
  { "تسعون", 90 }, { "تسعين", 90 }, { "مائة", 100 }, { "مئة", 100 }, { "مائتان", 200 },
  { "مائتين", 200 }, { "مئتان", 200 }, { "مئتين", 200 }, { "ثلاثمائة", 300 }, { "ثلاثمئة", 300 },
  { "أربعمائة", 400 }, { "أربعمئة", 400 }, { "خمسمائة", 500 }, { "خمسمئة", 500 },
  { "ستمائة", 600 }, { "ستمئة", 600 }, { "سبعمائة", 700 }, { "سبعمئة", 700 },
  { "ثمانمائة", 800 }, { "ثمانمئة", 800 }, { "تسعمائة", 900 }, { "تسعمئة", 900 },
  { "ألف", 1000 }, { "آلاف", 1000 }, { "ألفين", 2000 }, { "ألفان", 2000 },
};

enum {
  COUNT_EXHIBITORS = 1,
  COUNT_STANDS,
  COUNT_COOPERATIVES,
};

static const WordValue count_nouns[] = {
  { "عارض", COUNT_EXHIBITORS }, { "عارضا", COUNT_EXHIBITORS }, { "عارضة", COUNT_EXHIBITORS },
  { "عارضين", COUNT_EXHIBITORS }, { "عارضات", COUNT_EXHIBITORS }, { "عارضون", COUNT_EXHIBITORS },
  { "exposant", COUNT_EXHIBITORS }, { "exposants", COUNT_EXHIBITORS }, { "exposantes", COUNT_EXHIBITORS },
  { "رواق", COUNT_STANDS }, { "رواقا", COUNT_STANDS }, { "أروقة", COUNT_STANDS }, { "جناح", COUNT_STANDS },
  { "جناحا", COUNT_STANDS }, { "أجنحة", COUNT_STANDS }, { "stand", COUNT_STANDS }, { "stands", COUNT_STANDS },
  { "تعاونية", COUNT_COOPERATIVES }, { "تعاونيات", COUNT_COOPERATIVES },
  { "cooperative", COUNT_COOPERATIVES }, { "cooperatives", COUNT_COOPERATIVES },
};

typedef enum {
  EVENT_FAIR = 1,
  EVENT_MEETING,
  EVENT_STUDY_DAY,
  EVENT_WORKSHOP,
} EventKind;

static const char * const event_names[] = { NULL, "fair", "meeting", "study_day", "workshop" };

/* Phrases naming the kind of event; several words are matched in a row. */
static const WordValue event_phrases[] = {
  { "يوم دراسي", EVENT_STUDY_DAY }, { "يوما دراسيا", EVENT_STUDY_DAY },
  { "اليوم الدراسي", EVENT_STUDY_DAY }, { "أيام دراسية", EVENT_STUDY_DAY },
  { "journée d étude", EVENT_STUDY_DAY }, { "journée d études", EVENT_STUDY_DAY },
  { "journées d étude", EVENT_STUDY_DAY }, { "journée d information", EVENT_STUDY_DAY },
  { "معرض", EVENT_FAIR }, { "المعرض", EVENT_FAIR }, { "معارض", EVENT_FAIR }, { "salon", EVENT_FAIR },
  { "foire", EVENT_FAIR }, { "exposition", EVENT_FAIR },
  { "لقاء", EVENT_MEETING }, { "لقاءا", EVENT_MEETING }, { "اللقاء", EVENT_MEETING },
  { "اجتماع", EVENT_MEETING }, { "اجتماعا", EVENT_MEETING }, { "ندوة", EVENT_MEETING },
  { "الندوة", EVENT_MEETING }, { "منتدى", EVENT_MEETING }, { "مناظرة", EVENT_MEETING },
  { "rencontre", EVENT_MEETING }, { "réunion", EVENT_MEETING }, { "séminaire", EVENT_MEETING },
  { "colloque", EVENT_MEETING }, { "forum", EVENT_MEETING }, { "conférence", EVENT_MEETING },
  { "table ronde", EVENT_MEETING },
  { "ورشة", EVENT_WORKSHOP }, { "ورشات", EVENT_WORKSHOP }, { "الورشة", EVENT_WORKSHOP },
  { "دورة تكوينية", EVENT_WORKSHOP }, { "atelier", EVENT_WORKSHOP }, { "ateliers", EVENT_WORKSHOP },
};

/* Words that open a venue's name. */
static const char * const venue_words[] = {
  "مركز", "المركز", "فضاء", "الفضاء", "ساحة", "الساحة", "قاعة", "القاعة", "دار", "قصر", "القصر",
  "مركب", "المركب", "فندق", "الفندق", "منتزه", "حديقة", "الحديقة", "مقر", "مدرج", "المدرج", "خيمة",
  "رحاب", "ملعب", "الملعب", "سوق", "قرية", "القرية", "palais", "salle", "espace", "centre", "place", "parc", "hotel",
  "complexe", "siege", "theatre", "esplanade", "amphitheatre", "site",
};

/* Verbs whose subject or object is the venue: "تشهد ساحة …". */
static const char * const hosting_verbs[] = {
  "تشهد", "يشهد", "شهدت", "شهد", "تحتضن", "يحتضن", "احتضنت", "احتضن", "تحتضنه", "يحتضنه", "accueille",
};

static const char * const venue_stop_words[] = {
  "وسط", "حيث", "على", "تحت", "من", "في", "يوم", "خلال", "لقاء", "إلى", "الى", "طيلة", "ابتداء",
  "بمناسبة", "بحضور", "بمشاركة", "بشراكة", "وذلك", "الذي", "التي", "فعاليات", "بتنظيم", "و", "مع",
  "اليوم", "عن", "حول", "لفائدة",
  "du", "le", "les", "a", "au", "sous", "avec", "pour", "par", "qui", "et", "en", "lors", "jusqu",
  "dans", "sur", "organise", "organisee", "se", "ce", "cette",
};

static const char * const slogan_words[] = { "شعار", "الشعار", "slogan", "theme", "mot" };

static const char * const relative_current[] = { "الجاري", "الحالي", "الحالية", "courant", "en cours" };
static const char * const relative_next[] = { "المقبل", "القادم", "المقبلة", "القادمة", "prochain" };

typedef struct {
  GHashTable *leads;
  GHashTable *cues;
  GHashTable *org_stops;
  GHashTable *roles;
  GHashTable *months;
  GHashTable *weekdays;
  GHashTable *ordinals;
  GHashTable *numbers;
  GHashTable *counts;
  GHashTable *venues;
  GHashTable *hosting;
  GHashTable *venue_stops;
  GHashTable *slogans;
  GHashTable *current;
  GHashTable *next;
  GPtrArray  *event_phrases;   /* EventPhrase * */
  GPtrArray  *month_pairs;     /* EventPhrase *, reused for two-word months */
  GPtrArray  *builtin;         /* Known * */
  GHashTable *builtin_index;   /* first folded word -> GPtrArray of Known * */
} Lexicon;

typedef struct {
  char **tokens;
  guint  n_tokens;
  int    value;
} EventPhrase;

static GHashTable *
fold_values (const WordValue *list,
             gsize            n)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize i = 0; i < n; i++)
    g_hash_table_insert (table, tdm_fold (list[i].word), GINT_TO_POINTER (list[i].value));
  return table;
}

static GHashTable *
fold_set (const char * const *list,
          gsize               n)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize i = 0; i < n; i++)
    g_hash_table_insert (table, tdm_fold (list[i]), GINT_TO_POINTER (1));
  return table;
}

static char **
fold_words (const char *phrase,
            guint      *n)
{
  g_autofree char *folded = tdm_fold (phrase);
  char **words;

  g_strdelimit (folded, "-'’", ' ');
  words = g_strsplit (folded, " ", -1);
  *n = g_strv_length (words);
  return words;
}

static GPtrArray *
fold_phrases (const WordValue *list,
              gsize            n)
{
  GPtrArray *phrases = g_ptr_array_new ();

  for (gsize i = 0; i < n; i++)
    {
      EventPhrase *p = g_new0 (EventPhrase, 1);

      p->tokens = fold_words (list[i].word, &p->n_tokens);
      p->value = list[i].value;
      g_ptr_array_add (phrases, p);
    }
  return phrases;
}

static Known *
known_new (const char *name)
{
  Known *k = g_new0 (Known, 1);

  k->name = g_strdup (name);
  k->tokens = fold_words (name, &k->n_tokens);
  return k;
}

static void
known_free (Known *k)
{
  g_free (k->name);
  g_strfreev (k->tokens);
  g_free (k);
}

/* Known names are looked up by their first word: the user's partners
 * can be many, and every word of every article is tried. */
static void
index_known (GHashTable *index,
             Known      *known)
{
  GPtrArray *list;

  if (known->n_tokens == 0)
    return;
  list = g_hash_table_lookup (index, known->tokens[0]);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (index, known->tokens[0], list);
    }
  g_ptr_array_add (list, known);
}

static const Lexicon *
lexicon_get (void)
{
  static Lexicon *lexicon;

  if (g_once_init_enter (&lexicon))
    {
      /* Built once and kept for the life of the process. */
      Lexicon *l = g_new0 (Lexicon, 1);

      l->leads = fold_values (lead_words, G_N_ELEMENTS (lead_words));
      l->cues = fold_set (cue_words, G_N_ELEMENTS (cue_words));
      l->org_stops = fold_set (org_stop_words, G_N_ELEMENTS (org_stop_words));
      l->roles = fold_set (role_words, G_N_ELEMENTS (role_words));
      l->months = fold_values (month_words, G_N_ELEMENTS (month_words));
      l->weekdays = fold_set (weekday_words, G_N_ELEMENTS (weekday_words));
      l->ordinals = fold_values (ordinal_words, G_N_ELEMENTS (ordinal_words));
      l->numbers = fold_values (number_words, G_N_ELEMENTS (number_words));
      l->counts = fold_values (count_nouns, G_N_ELEMENTS (count_nouns));
      l->venues = fold_set (venue_words, G_N_ELEMENTS (venue_words));
      l->hosting = fold_set (hosting_verbs, G_N_ELEMENTS (hosting_verbs));
      l->venue_stops = fold_set (venue_stop_words, G_N_ELEMENTS (venue_stop_words));
      l->slogans = fold_set (slogan_words, G_N_ELEMENTS (slogan_words));
      l->current = fold_set (relative_current, G_N_ELEMENTS (relative_current));
      l->next = fold_set (relative_next, G_N_ELEMENTS (relative_next));
      l->event_phrases = fold_phrases (event_phrases, G_N_ELEMENTS (event_phrases));
      l->month_pairs = fold_phrases (month_pairs, G_N_ELEMENTS (month_pairs));
      l->builtin = g_ptr_array_new ();
      l->builtin_index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; i < G_N_ELEMENTS (builtin_known); i++)
        {
          Known *k = known_new (builtin_known[i]);

          g_ptr_array_add (l->builtin, k);
          index_known (l->builtin_index, k);
        }

      g_once_init_leave (&lexicon, l);
    }
  return lexicon;
}

/* Tokens */

static gboolean
is_latin_letter (gunichar c)
{
  return c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == 0x0640;
}

static void
token_add_variant (Token      *t,
                   const char *variant,
                   guint       prefix)
{
  if (t->n_variants >= MAX_VARIANTS || g_utf8_strlen (variant, -1) < 2)
    return;
  for (guint i = 0; i < t->n_variants; i++)
    if (g_str_equal (t->variants[i], variant))
      return;
  t->variants[t->n_variants] = g_strdup (variant);
  t->prefix[t->n_variants] = prefix;
  t->n_variants++;
}

/* Arabic proclitics: و or ف (and), then ب, ل or ك (in, for, as); ل
 * before ال drops the alef (للتعاون = ل + التعاون). */
static void
token_compute_variants (Token *t)
{
  static const char waw[] = "و";
  static const char fa[] = "ف";
  const char *bases[2];
  guint base_prefix[2];
  guint n_bases = 1;

  t->variants[0] = g_strdup (t->fold);
  t->prefix[0] = 0;
  t->n_variants = 1;
  if (t->latin || t->kind != TOK_WORD)
    return;

  bases[0] = t->fold;
  base_prefix[0] = 0;
  if (g_str_has_prefix (t->fold, waw) || g_str_has_prefix (t->fold, fa))
    {
      bases[1] = t->fold + strlen (waw);
      base_prefix[1] = 1;
      token_add_variant (t, bases[1], 1);
      n_bases = 2;
    }

  for (guint b = 0; b < n_bases; b++)
    {
      const char *s = bases[b];

      if (g_str_has_prefix (s, "لل"))
        {
          g_autofree char *with_article = g_strconcat ("ال", s + strlen ("لل"), NULL);

          token_add_variant (t, with_article, base_prefix[b] + 1);
        }
      if (g_str_has_prefix (s, "ب") || g_str_has_prefix (s, "ل") || g_str_has_prefix (s, "ك"))
        token_add_variant (t, s + strlen ("ب"), base_prefix[b] + 1);
    }
}

static void
token_clear (Token *t)
{
  g_free (t->fold);
  for (guint i = 0; i < t->n_variants; i++)
    g_free (t->variants[i]);
}

static Tokens *
tokens_new (const char *text)
{
  Tokens *tokens = g_new0 (Tokens, 1);
  const char *p = text;
  int offset = 0;

  tokens->text = text;
  tokens->tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  g_array_set_clear_func (tokens->tokens, (GDestroyNotify) token_clear);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Token t = { 0 };

      if (g_unichar_isspace (c))
        {
          p = g_utf8_next_char (p);
          offset++;
          continue;
        }

      t.start = offset;
      t.bstart = p - text;
      if (is_word_char (c))
        {
          gboolean digits = TRUE;
          gboolean latin = FALSE;
          g_autofree char *raw = NULL;

          t.upper = g_unichar_isupper (c);
          while (*p != '\0')
            {
              gunichar w = g_utf8_get_char (p);

              if (!is_word_char (w))
                break;
              /* "و20", "260عارض": an Arabic letter and a digit touch. */
              if (p > text + t.bstart
                  && ((!digits && !latin && g_unichar_isdigit (w))
                      || (digits && !g_unichar_isdigit (w) && w >= 0x0600 && w <= 0x06FF)))
                break;
              if (!g_unichar_isdigit (w))
                {
                  digits = FALSE;
                  if (g_unichar_isalpha (w) && is_latin_letter (w))
                    latin = TRUE;
                }
              p = g_utf8_next_char (p);
              offset++;
            }
          t.kind = digits ? TOK_NUMBER : TOK_WORD;
          t.latin = latin;
          t.bend = p - text;
          raw = g_strndup (text + t.bstart, t.bend - t.bstart);
          t.fold = tdm_fold (raw);
          /* A word of tatweel alone folds to nothing. */
          if (t.fold[0] == '\0')
            {
              g_free (t.fold);
              continue;
            }
        }
      else
        {
          t.kind = TOK_PUNCT;
          t.punct = c;
          p = g_utf8_next_char (p);
          offset++;
          t.bend = p - text;
          t.fold = g_utf8_substring (text + t.bstart, 0, 1);
        }
      t.end = offset;
      token_compute_variants (&t);
      g_array_append_val (tokens->tokens, t);
    }

  return tokens;
}

static void
tokens_free (Tokens *tokens)
{
  g_array_unref (tokens->tokens);
  g_free (tokens);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Tokens, tokens_free)

static inline Token *
tok (Tokens *tokens,
     int     i)
{
  if (i < 0 || i >= (int) tokens->tokens->len)
    return NULL;
  return &g_array_index (tokens->tokens, Token, i);
}

/* The value in TABLE of the first variant of token I found there, or 0;
 * *PREFIX gets the characters of proclitic before the word. */
static int
lookup (Tokens     *tokens,
        int         i,
        GHashTable *table,
        guint      *prefix)
{
  Token *t = tok (tokens, i);

  if (t == NULL || t->kind == TOK_PUNCT)
    return 0;
  for (guint v = 0; v < t->n_variants; v++)
    {
      gpointer value;

      if (g_hash_table_lookup_extended (table, t->variants[v], NULL, &value))
        {
          if (prefix != NULL)
            *prefix = t->prefix[v];
          return GPOINTER_TO_INT (value);
        }
    }
  return 0;
}

static gboolean
is_punct (Tokens   *tokens,
          int       i,
          const char *chars)
{
  Token *t = tok (tokens, i);

  if (t == NULL || t->kind != TOK_PUNCT)
    return FALSE;
  return g_utf8_strchr (chars, -1, t->punct) != NULL;
}

static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x00AB || c == 0x00BB || c == 0x201C || c == 0x201D
      || c == 0x201E || c == 0x2018 || c == 0x2019 || c == 0x2039 || c == 0x203A;
}

static gboolean
is_punct_quote (Tokens *tokens,
                int     i)
{
  Token *t = tok (tokens, i);

  return t != NULL && t->kind == TOK_PUNCT && is_quote (t->punct);
}

static gboolean
is_word (Tokens     *tokens,
         int         i,
         const char *folded)
{
  Token *t = tok (tokens, i);

  return t != NULL && t->kind != TOK_PUNCT && g_str_equal (t->fold, folded);
}

static char *
text_between (Tokens *tokens,
              gsize   bstart,
              gsize   bend)
{
  return g_strndup (tokens->text + bstart, bend - bstart);
}

/* Byte offset of the character CHARS after the start of token T. */
static gsize
token_byte_after (Tokens *tokens,
                  Token  *t,
                  guint   chars)
{
  return g_utf8_offset_to_pointer (tokens->text + t->bstart, chars) - tokens->text;
}

/* Folded words from token I on, skipping hyphens and apostrophes, for
 * multi-word look-ups. INDEX receives the token index of each word. */
static guint
collect_words (Tokens     *tokens,
               int         i,
               const char *words[],
               int         index[],
               guint       max)
{
  guint n = 0;

  for (int j = i; n < max && tok (tokens, j) != NULL; j++)
    {
      Token *t = tok (tokens, j);

      if (t->kind == TOK_PUNCT)
        {
          if (n > 0 && g_utf8_strchr ("-–—'’", -1, t->punct) != NULL)
            continue;
          break;
        }
      words[n] = t->fold;
      index[n] = j;
      n++;
    }
  return n;
}

/* Place names that are also common words of the press. */
static gboolean
is_common_word (const char *folded)
{
  static const char * const words[] = {
    "الجديده", "المحمديه", "الشرقيه", "اليوسفيه", "الحاجب", "سوس",
  };

  for (guint k = 0; k < G_N_ELEMENTS (words); k++)
    if (g_str_equal (folded, words[k]))
      return TRUE;
  return FALSE;
}

/* A place starting at token I (its proclitics stripped). Returns the
 * index after the last token matched, or -1. */
static int
match_place (Tokens                   *tokens,
             int                       i,
             int                       kind,
             const TdmGazetteerPlace **place,
             guint                    *prefix)
{
  const char *words[6];
  int index[6];
  guint n = collect_words (tokens, i, words, index, G_N_ELEMENTS (words));
  Token *t = tok (tokens, i);

  if (n == 0 || t->kind != TOK_WORD)
    return -1;

  for (guint v = 0; v < t->n_variants; v++)
    {
      guint matched;

      words[0] = t->variants[v];
      matched = tdm_gazetteer_match (words, n, kind, place);
      if (matched == 0)
        continue;
      /* "sale", "tata": a French word is a place only with its capital. */
      if (t->latin && !t->upper && matched == 1)
        continue;
      /* "الجديدة" is an adjective first: a city only after a preposition
       * (بالجديدة) or a word such as مدينة or إقليم. */
      if (kind < 0 && t->prefix[v] == 0 && matched == 1 && is_common_word (t->variants[v]))
        continue;
      if (prefix != NULL)
        *prefix = t->prefix[v];
      return index[matched - 1] + 1;
    }
  *place = NULL;
  return -1;
}

/* A phrase from LIST starting at token I: its value, and *END. */
static int
match_phrase (Tokens    *tokens,
              int        i,
              GPtrArray *list,
              int       *end)
{
  const char *words[6];
  int index[6];
  guint n = collect_words (tokens, i, words, index, G_N_ELEMENTS (words));
  Token *t = tok (tokens, i);
  int best_value = 0;
  guint best = 0;

  if (n == 0)
    return 0;

  for (guint p = 0; p < list->len; p++)
    {
      const EventPhrase *ph = g_ptr_array_index (list, p);
      gboolean first = FALSE;
      guint k;

      if (ph->n_tokens > n || ph->n_tokens <= best)
        continue;
      for (guint v = 0; v < t->n_variants && !first; v++)
        first = g_str_equal (t->variants[v], ph->tokens[0]);
      if (!first)
        continue;
      for (k = 1; k < ph->n_tokens; k++)
        if (!g_str_equal (words[k], ph->tokens[k]))
          break;
      if (k == ph->n_tokens)
        {
          best = ph->n_tokens;
          best_value = ph->value;
          *end = index[k - 1] + 1;
        }
    }
  return best_value;
}

static void
add_fact_tokens (TdmArticle *article,
                 Tokens     *tokens,
                 const char *kind,
                 const char *value,
                 int         first,
                 int         last)
{
  tdm_article_add_fact (article, kind, value, tok (tokens, first)->start, tok (tokens, last - 1)->end);
}

/* Numbers */

/* A number written in digits (with thousands groups: 1.200, 1 200) or in
 * Arabic words (مائة وثلاثون) at token I. Returns its value or -1, and
 * the index after it in *END. */
static int
parse_number (Tokens *tokens,
              int     i,
              int    *end)
{
  const Lexicon *lex = lexicon_get ();
  Token *t = tok (tokens, i);

  if (t == NULL)
    return -1;

  if (t->kind == TOK_NUMBER)
    {
      gint64 value;
      int j = i + 1;

      if (strlen (t->fold) > 7)
        return -1;
      value = g_ascii_strtoll (t->fold, NULL, 10);
      /* Thousands groups: "1.200", "1,200" or "1 200" (three digits). */
      while (value < 1000 && strlen (t->fold) <= 3)
        {
          Token *sep = tok (tokens, j);
          Token *group;

          if (sep != NULL && sep->kind == TOK_PUNCT && (sep->punct == '.' || sep->punct == ',')
              && sep->start == tok (tokens, j - 1)->end)
            group = tok (tokens, j + 1);
          else
            {
              group = sep;
              sep = NULL;
            }
          if (group == NULL || group->kind != TOK_NUMBER || strlen (group->fold) != 3)
            break;
          /* Digits after a decimal separator belong to money, not counts. */
          if (tok (tokens, (sep ? j + 2 : j + 1)) != NULL
              && is_punct (tokens, sep ? j + 2 : j + 1, ".,")
              && tok (tokens, sep ? j + 3 : j + 2) != NULL
              && tok (tokens, sep ? j + 3 : j + 2)->kind == TOK_NUMBER)
            return -1;
          value = value * 1000 + g_ascii_strtoll (group->fold, NULL, 10);
          j += sep ? 2 : 1;
          break;
        }
      *end = j;
      return (int) value;
    }

  if (t->kind == TOK_WORD && !t->latin)
    {
      int total = 0;
      int current = 0;
      int j = i;
      gboolean any = FALSE;

      for (;; j++)
        {
          Token *w = tok (tokens, j);
          gpointer found = NULL;
          int value;

          if (w == NULL || w->kind != TOK_WORD)
            break;
          if (g_hash_table_lookup_extended (lex->numbers, w->fold, NULL, &found))
            ;
          else if (any && w->n_variants > 1 && g_str_has_prefix (w->fold, "و")
                   && g_hash_table_lookup_extended (lex->numbers, w->variants[1], NULL, &found))
            ;
          else
            break;
          value = GPOINTER_TO_INT (found);
          if (value == 1000 && current > 0)
            {
              total += current * 1000;
              current = 0;
            }
          else if (value == 100 && current > 0 && current < 10)
            current *= 100;
          else if (value == 10 && current > 0 && current < 10)
            current += 10;  /* تسعة عشر */
          else
            current += value;
          any = TRUE;
        }
      if (!any)
        return -1;
      *end = j;
      return total + current;
    }

  return -1;
}

/* Dates */

typedef struct {
  int year;    /* 0 when unknown */
  int month;   /* 0 when unknown */
  int day;
} Date;

static int
month_at (Tokens *tokens,
          int     i,
          int    *end)
{
  const Lexicon *lex = lexicon_get ();
  int value;

  value = match_phrase (tokens, i, lex->month_pairs, end);
  if (value > 0)
    return value;
  value = lookup (tokens, i, lex->months, NULL);
  if (value > 0)
    *end = i + 1;
  return value;
}

static int
day_at (Tokens *tokens,
        int     i)
{
  Token *t = tok (tokens, i);
  int day;

  if (t == NULL)
    return 0;
  if (t->kind == TOK_WORD && t->latin && g_str_equal (t->fold, "1er"))
    return 1;
  if (t->kind != TOK_NUMBER || strlen (t->fold) > 2)
    return 0;
  day = atoi (t->fold);
  return day >= 1 && day <= 31 ? day : 0;
}

static int
year_at (Tokens *tokens,
         int     i)
{
  Token *t = tok (tokens, i);
  int year;

  if (t == NULL || t->kind != TOK_NUMBER || strlen (t->fold) != 4)
    return 0;
  year = atoi (t->fold);
  return year >= 1900 && year <= 2100 ? year : 0;
}

typedef enum {
  REL_NONE,
  REL_CURRENT,
  REL_NEXT,
} Relative;

/* "الجاري", "المقبل", "من الشهر الجاري", "du mois courant": returns
 * the kind and moves *J past it; *MONTH_WORD says "الشهر"/"mois" came. */
static Relative
relative_at (Tokens   *tokens,
             int      *j,
             gboolean *month_word)
{
  const Lexicon *lex = lexicon_get ();
  int k = *j;
  Relative rel = REL_NONE;

  *month_word = FALSE;
  if (is_word (tokens, k, "من") || is_word (tokens, k, "du"))
    k++;
  if (lookup (tokens, k, lex->months, NULL) == 0
      && (is_word (tokens, k, "الشهر") || is_word (tokens, k, "mois") || is_word (tokens, k, "هذا")))
    {
      if (is_word (tokens, k, "هذا"))
        k++;
      *month_word = TRUE;
      k++;
    }
  if (lookup (tokens, k, lex->current, NULL))
    rel = REL_CURRENT;
  else if (is_word (tokens, k, "en") && is_word (tokens, k + 1, "cours"))
    {
      rel = REL_CURRENT;
      k++;
    }
  else if (lookup (tokens, k, lex->next, NULL))
    rel = REL_NEXT;

  if (rel != REL_NONE)
    *j = k + 1;
  else if (*month_word)
    *month_word = FALSE;
  return rel;
}

/* After a day at token I: "MONTH [YEAR] [الجاري]" or "[من] الشهر
 * الجاري". Returns the index after it, or -1. */
static int
month_part (Tokens   *tokens,
            int       i,
            Date     *date,
            Relative *rel)
{
  int j = i;
  int month;
  gboolean month_word;

  *rel = REL_NONE;
  if (is_word (tokens, j, "من") && lookup (tokens, j + 1, lexicon_get ()->months, NULL))
    j++;
  month = month_at (tokens, j, &j);
  if (month > 0)
    {
      date->month = month;
      if ((date->year = year_at (tokens, j)) > 0)
        return j + 1;
      *rel = relative_at (tokens, &j, &month_word);
      return j;
    }

  *rel = relative_at (tokens, &j, &month_word);
  if (*rel != REL_NONE && month_word)
    return j;
  *rel = REL_NONE;
  return -1;
}

static void
resolve (Date       *date,
         Relative    rel,
         const Date *published)
{
  if (published == NULL || date->year > 0)
    return;
  if (date->month == 0)
    {
      if (rel == REL_NONE)
        return;
      date->month = published->month;
      if (rel == REL_NEXT)
        date->month = date->month % 12 + 1;
    }
  date->year = published->year;
  if (rel == REL_NEXT && date->month < published->month)
    date->year++;
}

static char *
format_date (const Date *date)
{
  if (date->year > 0 && date->month > 0)
    {
      if (!g_date_valid_dmy (date->day, date->month, date->year))
        return NULL;
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
    }
  if (date->month > 0)
    {
      if (!g_date_valid_dmy (date->day, date->month, 2000))
        return NULL;
      return g_strdup_printf ("--%02d-%02d", date->month, date->day);
    }
  return g_strdup_printf ("---%02d", date->day);
}

static gboolean
is_range_joiner (Tokens *tokens,
                 int     i,
                 int    *after)
{
  static const char * const joiners[] = { "الي", "حتي", "و", "au", "a", "et", "jusqu" };
  Token *t = tok (tokens, i);

  if (t == NULL)
    return FALSE;
  if (is_punct (tokens, i, "-–—/"))
    {
      *after = i + 1;
      return TRUE;
    }
  for (guint k = 0; k < G_N_ELEMENTS (joiners); k++)
    if (t->kind == TOK_WORD && g_str_equal (t->fold, joiners[k]))
      {
        int j = i + 1;

        if (is_word (tokens, j, "غايه"))
          j++;
        if (is_punct (tokens, j, "'’"))
          j++;
        if (is_word (tokens, j, "au"))
          j++;
        *after = j;
        return TRUE;
      }
  return FALSE;
}

typedef struct {
  char     *start;      /* NULL when only the end is said */
  char     *end;
  int       first;      /* tokens */
  int       last;       /* exclusive */
  gboolean  end_only;
  gboolean  ranged;
} DateExpr;

/* A date or a range of dates that starts at token I. */
static gboolean
date_expression (Tokens     *tokens,
                 int         i,
                 const Date *published,
                 DateExpr   *expr)
{
  Date first = { 0 }, second = { 0 };
  Relative rel1 = REL_NONE, rel2 = REL_NONE;
  int j, k;

  memset (expr, 0, sizeof *expr);
  expr->first = i;

  /* "إلى غاية 30 ماي", "jusqu'au 30 mai": only the last day is said. */
  if ((is_word (tokens, i, "الي") || is_word (tokens, i, "حتي")) && is_word (tokens, i + 1, "غايه"))
    {
      expr->end_only = TRUE;
      i += 2;
    }
  else if (is_word (tokens, i, "jusqu") && is_punct (tokens, i + 1, "'’") && is_word (tokens, i + 2, "au"))
    {
      expr->end_only = TRUE;
      i += 3;
    }

  first.day = day_at (tokens, i);
  if (first.day == 0)
    return FALSE;

  j = month_part (tokens, i + 1, &first, &rel1);
  k = j >= 0 ? j : i + 1;
  if (!expr->end_only && is_range_joiner (tokens, k, &k) && (second.day = day_at (tokens, k)) > 0)
    {
      int m = month_part (tokens, k + 1, &second, &rel2);

      if (m >= 0)
        {
          expr->ranged = TRUE;
          j = m;
          if (first.month == 0)
            {
              first.month = second.month;
              rel1 = rel2;
            }
          if (first.year == 0)
            first.year = second.year;
        }
    }
  if (j < 0)
    return FALSE;

  if (!expr->ranged)
    {
      second = first;
      rel2 = rel1;
    }
  /* A range across the new year: "du 28 décembre au 3 janvier 2025". */
  if (expr->ranged && first.year > 0 && first.month > second.month && second.month > 0)
    first.year--;
  resolve (&first, rel1, published);
  resolve (&second, rel2, published);

  expr->start = expr->end_only ? NULL : format_date (&first);
  expr->end = format_date (&second);
  expr->last = j;
  if (expr->end == NULL || (!expr->end_only && expr->start == NULL))
    {
      g_clear_pointer (&expr->start, g_free);
      g_clear_pointer (&expr->end, g_free);
      return FALSE;
    }
  return TRUE;
}

/* END ("--10-13", "---13") with what START ("2024-10-02") says of the
 * year and month; NULL when they cannot be put side by side. */
static char *
complete_date (const char *end,
               const char *start)
{
  gsize end_len = strlen (end);
  gsize start_len = strlen (start);
  char *full = NULL;

  if (end_len == start_len)
    full = g_strdup (end);
  else if (start_len == 10 && end_len == 7)           /* YYYY + -MM-DD */
    full = g_strdup_printf ("%.4s%s", start, end + 1);
  else if (start_len == 10 && end_len == 5)           /* YYYY-MM- + DD */
    full = g_strdup_printf ("%.8s%s", start, end + 3);
  else if (start_len == 7 && end_len == 5)            /* --MM- + DD */
    full = g_strdup_printf ("%.5s%s", start, end + 3);

  if (full != NULL && strlen (full) == 10 && !tdm_validate_iso_date (full))
    g_clear_pointer (&full, g_free);
  return full;
}

/* "ابتداء من 5 ماي", "à partir du 5 mai", "dès le 5 mai": a first day
 * whose last day, if said, comes later ("إلى غاية 14 ماي"). */
static gboolean
opens_period (Tokens *tokens,
              int     i)
{
  for (int k = i - 1; k >= 0 && k >= i - 4; k--)
    if (is_word (tokens, k, "ابتداء") || is_word (tokens, k, "انطلاقا") || is_word (tokens, k, "partir")
        || (k == i - 2 && is_word (tokens, k, "des") && is_word (tokens, k + 1, "le")))
      return TRUE;
  return FALSE;
}

/* The first date or range of dates in the body. */
static void
extract_dates (TdmArticle *article,
               Tokens     *tokens,
               const Date *published)
{
  DateExpr expr;
  int i;

  for (i = 0; tok (tokens, i) != NULL; i++)
    if (date_expression (tokens, i, published, &expr))
      break;
  if (tok (tokens, i) == NULL)
    return;

  article->start_date = expr.start;
  article->end_date = expr.end;
  if (!expr.ranged && !expr.end_only && !opens_period (tokens, expr.first))
    {
      DateExpr until;

      /* "ouvert le 2 octobre … se poursuit jusqu'au 13 octobre": a
       * single day, then the last day a little further on. */
      for (int k = expr.last; tok (tokens, k) != NULL && k < expr.last + UNTIL_REACH; k++)
        if (date_expression (tokens, k, published, &until))
          {
            g_autofree char *completed = until.end_only ? complete_date (until.end, expr.start) : NULL;

            gboolean later = completed != NULL && strcmp (completed, expr.start) > 0;

            g_free (until.start);
            g_free (until.end);
            if (later)
              {
                g_free (expr.end);
                article->end_date = g_steal_pointer (&completed);
                add_fact_tokens (article, tokens, TDM_FACT_START_DATE, article->start_date,
                                 expr.first, expr.last);
                add_fact_tokens (article, tokens, TDM_FACT_END_DATE, article->end_date,
                                 until.first, until.last);
                return;
              }
            break;
          }
    }
  if (!expr.ranged && !expr.end_only && opens_period (tokens, expr.first))
    {
      DateExpr until;

      g_clear_pointer (&article->end_date, g_free);
      /* Within the same sentence only. */
      for (int k = expr.last; tok (tokens, k) != NULL && !is_punct (tokens, k, ".؟!"); k++)
        if (date_expression (tokens, k, published, &until))
          {
            if (until.end_only)
              article->end_date = complete_date (until.end, expr.start);
            if (article->end_date != NULL)
              add_fact_tokens (article, tokens, TDM_FACT_END_DATE, article->end_date,
                               until.first, until.last);
            g_free (until.start);
            g_free (until.end);
            break;
          }
      add_fact_tokens (article, tokens, TDM_FACT_START_DATE, article->start_date, expr.first, expr.last);
      return;
    }

  if (article->start_date != NULL)
    add_fact_tokens (article, tokens, TDM_FACT_START_DATE, article->start_date, expr.first, expr.last);
  add_fact_tokens (article, tokens, TDM_FACT_END_DATE, article->end_date, expr.first, expr.last);
}

/* Organizations */

typedef enum {
  CONTEXT_NONE,
  CONTEXT_REGION,
  CONTEXT_PROVINCE,
  CONTEXT_CITY,
} PlaceContext;

static PlaceContext place_context (Tokens *tokens,
                                  int     i);

static gboolean
is_place_token (Tokens *tokens,
                int     i)
{
  const TdmGazetteerPlace *place;

  return match_place (tokens, i, -1, &place, NULL) > 0;
}

static gboolean
is_org_stop (Tokens *tokens,
             int     i)
{
  const Lexicon *lex = lexicon_get ();
  Token *t = tok (tokens, i);

  /* "a organisé" ends a name, "à Guelmim" does not. */
  if (t->latin && g_str_equal (t->fold, "a") && tok (tokens, i + 1) != NULL && tok (tokens, i + 1)->upper)
    return FALSE;
  if (t->latin)
    return g_hash_table_contains (lex->org_stops, t->fold)
        || g_hash_table_contains (lex->months, t->fold)
        || g_hash_table_contains (lex->weekdays, t->fold);

  /* "جمعية التعاون من أجل السلم": من أجل belongs to the name. */
  if (is_word (tokens, i, "من") && (is_word (tokens, i + 1, "اجل")))
    return FALSE;
  return lookup (tokens, i, lex->org_stops, NULL) || lookup (tokens, i, lex->cues, NULL)
      || lookup (tokens, i, lex->roles, NULL) || lookup (tokens, i, lex->months, NULL)
      || lookup (tokens, i, lex->weekdays, NULL);
}

/* The lead word at token I, if it opens an organization's name. */
static int
lead_at (Tokens *tokens,
         int     i,
         guint  *prefix)
{
  const Lexicon *lex = lexicon_get ();
  int lead = lookup (tokens, i, lex->leads, prefix);
  Token *prev = tok (tokens, i - 1);

  switch (lead)
    {
    case LEAD_REGION:
      /* جهة الشرق is a place; جهة بوكول دوموهون a foreign region. */
      if (tok (tokens, i + 1) == NULL || is_place_token (tokens, i + 1))
        return 0;
      break;
    case LEAD_WILAYA:
      if (!lookup (tokens, i + 1, lex->leads, NULL) && !is_place_token (tokens, i + 1))
        return 0;
      break;
    case LEAD_COOPERATIVE:
      if (prev != NULL && prev->kind == TOK_NUMBER)
        return 0;
      break;
    case LEAD_PLAIN:
    default:
      break;
    }
  return lead;
}

/* The Latin acronym in parentheses right after a name: "(REMESS)". */
static int
acronym_after (Tokens *tokens,
               int     i)
{
  Token *t = tok (tokens, i + 1);

  if (is_punct (tokens, i, "(") && t != NULL && t->latin && t->upper && is_punct (tokens, i + 2, ")"))
    return i + 3;
  return -1;
}

/* A run of Latin words: "Echo Communication", "GIZ". In French text only
 * capitalized words and the small words between them count. */
static int
latin_run (Tokens   *tokens,
           int       i,
           gboolean  french)
{
  const Lexicon *lex = lexicon_get ();
  int j = i;
  int last = -1;
  Token *t = tok (tokens, i);

  if (t == NULL || t->kind != TOK_WORD || !t->latin || (french && !t->upper))
    return -1;
  if (g_hash_table_contains (lex->org_stops, t->fold) || g_hash_table_contains (lex->cues, t->fold))
    return -1;

  for (; tok (tokens, j) != NULL; j++)
    {
      Token *w = tok (tokens, j);

      if (w->kind == TOK_WORD && w->latin)
        {
          if (french && !w->upper)
            {
              if (g_str_equal (w->fold, "de") || g_str_equal (w->fold, "du") || g_str_equal (w->fold, "des"))
                continue;
              break;
            }
          last = j;
        }
      else if (w->kind == TOK_NUMBER && last >= 0 && !french)
        last = j;
      else if (w->kind == TOK_PUNCT && (w->punct == '&' || w->punct == '-') && last == j - 1)
        continue;
      else
        break;
    }
  if (last < 0)
    return -1;
  if (acronym_after (tokens, last + 1) > 0)
    return acronym_after (tokens, last + 1);
  return last + 1;
}

static gboolean
is_french_connector (const char *fold)
{
  static const char * const small[] = {
    "de", "du", "des", "d", "l", "la", "le", "les", "et", "pour", "a", "au", "aux",
  };

  for (guint k = 0; k < G_N_ELEMENTS (small); k++)
    if (g_str_equal (fold, small[k]))
      return TRUE;
  return FALSE;
}

/* The extent of the name opened by the lead word at token I. Returns the
 * index after its last token, or -1. */
static int known_at (GHashTable *known,
                     Tokens     *tokens,
                     int        i,
                     guint     *prefix,
                     Known    **which);

static int
org_extent (Tokens     *tokens,
            int         i,
            GHashTable *known)
{
  const Lexicon *lex = lexicon_get ();
  Token *lead = tok (tokens, i);
  int last = i;
  int j;

  if (lead->latin)
    {
      guint words = 0;

      for (j = i + 1; tok (tokens, j) != NULL && words < ORG_MAX_FRENCH_WORDS; j++)
        {
          Token *t = tok (tokens, j);

          if (t->kind == TOK_PUNCT)
            {
              if (acronym_after (tokens, j) > 0)
                return acronym_after (tokens, j);
              if ((t->punct == '\'' || t->punct == 0x2019 || t->punct == '-')
                  && tok (tokens, j + 1) != NULL && tok (tokens, j + 1)->kind == TOK_WORD)
                continue;
              /* "Ministère du Tourisme, de l'Artisanat et de …" */
              if (t->punct == ',' && tok (tokens, j + 1) != NULL
                  && (is_word (tokens, j + 1, "de") || is_word (tokens, j + 1, "du")
                      || is_word (tokens, j + 1, "des") || is_word (tokens, j + 1, "d")))
                continue;
              break;
            }
          if (t->kind != TOK_WORD || !t->latin || is_org_stop (tokens, j))
            break;
          if (g_hash_table_contains (lex->leads, t->fold))
            {
              /* "… et l'Association Y": a second organization. */
              int k = j - 1;

              while (k > i && (is_punct (tokens, k, "'’") || is_word (tokens, k, "l")
                               || is_word (tokens, k, "la") || is_word (tokens, k, "le")
                               || is_word (tokens, k, "les")))
                k--;
              if (is_word (tokens, k, "et") || is_punct (tokens, k, ","))
                break;
            }
          words++;
          if (!is_french_connector (t->fold))
            last = j;
        }
      return last > i ? last + 1 : -1;
    }

  for (j = i + 1; tok (tokens, j) != NULL && j - i < ORG_MAX_TOKENS; j++)
    {
      Token *t = tok (tokens, j);
      int after;

      if (t->kind == TOK_PUNCT)
        {
          if ((after = acronym_after (tokens, j)) > 0)
            return after;
          break;
        }
      if (t->kind == TOK_NUMBER)
        break;
      if (t->latin)
        {
          /* A Latin name or acronym closes the Arabic one: "… ACCD". */
          while (tok (tokens, j) != NULL && tok (tokens, j)->latin)
            j++;
          return j;
        }
      if (is_org_stop (tokens, j))
        break;
      /* "وجمعية", "والمجلس", "والتعاون الوطني": the next organization
       * of a list. */
      if (t->n_variants > 1 && g_str_has_prefix (t->fold, "و") && !g_hash_table_contains (lex->leads, t->fold))
        {
          guint prefix = 0;
          Known *which = NULL;

          if (lookup (tokens, j, lex->leads, NULL)
              || (known_at (known, tokens, j, &prefix, &which) > 0 && prefix > 0)
              || (known_at (lex->builtin_index, tokens, j, &prefix, &which) > 0 && prefix > 0))
            break;
        }
      if (g_str_has_prefix (t->fold, "ب") && !g_str_equal (t->fold, "بن"))
        {
          const TdmGazetteerPlace *place;
          guint prefix = 0;
          int place_end = match_place (tokens, j, -1, &place, &prefix);

          /* ب before a definite noun or a kind of place opens a new
           * phrase ("بالمغرب", "بإقليم"); a foreign name may start
           * with ب ("جهة بوكول"). */
          if (place_end < 0)
            {
              if (t->n_variants > 1
                  && (g_str_has_prefix (t->variants[1], "ال") || place_context (tokens, j) != CONTEXT_NONE))
                break;
              last = j;
              continue;
            }
          /* "… بوجدة": the seat closes the name. */
          if (prefix > 0)
            return place_end;
          /* A place that itself starts with ب (بركان) is part of it. */
          last = place_end - 1;
          j = place_end - 1;
          continue;
        }
      last = j;
    }
  return last > i ? last + 1 : -1;
}

static Mention *
mention_new (Tokens     *tokens,
             int         first,
             int         last,
             guint       prefix,
             const char *canonical)
{
  Mention *m = g_new0 (Mention, 1);
  Token *a = tok (tokens, first);
  Token *b = tok (tokens, last - 1);
  gsize bstart = token_byte_after (tokens, a, prefix);
  g_autofree char *name = text_between (tokens, bstart, b->bend);

  m->first = first;
  m->last = last;
  m->start = a->start + prefix;
  m->end = b->end;
  /* ل before ال dropped the alef: give the name back its article. */
  if (canonical != NULL)
    m->name = g_strdup (canonical);
  else if (prefix > 0 && g_str_has_prefix (name, "ل") && g_str_has_prefix (a->fold, "لل"))
    m->name = g_strconcat ("ا", name, NULL);
  else
    m->name = g_steal_pointer (&name);
  return m;
}

static void
mention_free (Mention *m)
{
  g_free (m->name);
  g_free (m);
}

static int
known_at (GHashTable *known,
          Tokens     *tokens,
          int         i,
          guint      *prefix,
          Known     **which)
{
  const char *words[16];
  int index[16];
  Token *t = tok (tokens, i);
  guint best = 0;
  int best_end = -1;
  guint n;

  if (t == NULL || t->kind != TOK_WORD)
    return -1;
  n = collect_words (tokens, i, words, index, G_N_ELEMENTS (words));
  if (n == 0)
    return -1;

  for (guint v = 0; v < t->n_variants; v++)
    {
      GPtrArray *list = g_hash_table_lookup (known, t->variants[v]);

      for (guint k = 0; list != NULL && k < list->len; k++)
        {
          Known *kn = g_ptr_array_index (list, k);
          guint w;

          if (kn->n_tokens > n || kn->n_tokens <= best)
            continue;
          for (w = 1; w < kn->n_tokens; w++)
            if (!g_str_equal (words[w], kn->tokens[w]))
              break;
          if (w == kn->n_tokens)
            {
              best = kn->n_tokens;
              best_end = index[w - 1] + 1;
              *prefix = t->prefix[v];
              *which = kn;
            }
        }
    }
  return best_end;
}

/* Every organization named in the body, with its span. */
static GPtrArray *
find_organizations (TdmArticleExtractor *self,
                    Tokens              *tokens)
{
  const Lexicon *lex = lexicon_get ();
  GPtrArray *mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) mention_free);

  for (int i = 0; tok (tokens, i) != NULL; i++)
    {
      guint prefix = 0;
      Known *kn = NULL;
      int end;

      if (tok (tokens, i)->kind != TOK_WORD)
        continue;

      end = known_at (self->known_index, tokens, i, &prefix, &kn);
      if (end < 0)
        end = known_at (lex->builtin_index, tokens, i, &prefix, &kn);
      if (end > 0)
        {
          g_ptr_array_add (mentions, mention_new (tokens, i, end, prefix, kn->name));
          for (int k = i; k < end; k++)
            tok (tokens, k)->in_org = TRUE;
          i = end - 1;
          continue;
        }

      if (lead_at (tokens, i, &prefix) == 0)
        continue;
      end = org_extent (tokens, i, self->known_index);
      if (end < 0)
        continue;
      g_ptr_array_add (mentions, mention_new (tokens, i, end, prefix, NULL));
      for (int k = i; k < end; k++)
        tok (tokens, k)->in_org = TRUE;
      i = end - 1;
    }
  return mentions;
}

/* The mention that starts at token I; MENTIONS are in text order. */
static Mention *
mention_at (GPtrArray *mentions,
            int        i)
{
  guint low = 0;
  guint high = mentions->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      Mention *m = g_ptr_array_index (mentions, mid);

      if (m->first == i)
        return m;
      if (m->first < i)
        low = mid + 1;
      else
        high = mid;
    }
  return NULL;
}

/* Folded words of NAME, for comparing two spellings of one organization. */
static gboolean
same_organization (const char *a,
                   const char *b)
{
  g_autofree char *fa = tdm_fold (a);
  g_autofree char *fb = tdm_fold (b);
  gsize la = strlen (fa);
  gsize lb = strlen (fb);
  const char *shorter = la <= lb ? fa : fb;
  const char *longer = la <= lb ? fb : fa;
  gsize ls = MIN (la, lb);

  /* The same name, or one that goes on with more words. */
  return strncmp (shorter, longer, ls) == 0 && (longer[ls] == '\0' || longer[ls] == ' ');
}

static void
add_partner (TdmArticle *article,
             const char *name,
             int         start,
             int         end)
{
  /* An event has a few partners; a list of hundreds is a directory. */
  if (article->partners->len >= MAX_PARTNERS)
    return;
  for (guint k = 0; k < article->partners->len; k++)
    if (same_organization (g_ptr_array_index (article->partners, k), name))
      return;
  g_ptr_array_add (article->partners, g_strdup (name));
  tdm_article_add_fact (article, TDM_FACT_PARTNER, name, start, end);
}

/* What may stand between two organizations of one list: "،", "و", "et",
 * "(", ")", a title ("برئيس"), an article, an aside in parentheses. */
static int
skip_connectors (Tokens *tokens,
                 int     i)
{
  const Lexicon *lex = lexicon_get ();

  while (tok (tokens, i) != NULL)
    {
      Token *t = tok (tokens, i);

      if (t->kind == TOK_PUNCT && g_utf8_strchr ("،,()'’", -1, t->punct) != NULL)
        {
          /* An aside: "(قسم الشؤون الاجتماعية)". */
          if (t->punct == '(')
            {
              int k;

              for (k = i + 1; k < i + 8 && tok (tokens, k) != NULL && !is_punct (tokens, k, ")"); k++)
                if (tok (tokens, k)->in_org || is_punct (tokens, k, ".،,"))
                  break;
              if (is_punct (tokens, k, ")"))
                {
                  i = k + 1;
                  continue;
                }
            }
          i++;
        }
      else if (t->kind == TOK_WORD && !t->in_org
               && (g_str_equal (t->fold, "و") || g_str_equal (t->fold, "et") || g_str_equal (t->fold, "كل")
                   || (g_str_equal (t->fold, "من") && is_word (tokens, i - 1, "كل"))
                   || g_str_equal (t->fold, "ainsi") || g_str_equal (t->fold, "que")
                   || is_french_connector (t->fold) || lookup (tokens, i, lex->roles, NULL)))
        i++;
      else
        break;
    }
  return i;
}

static gboolean
organizer_verb_after (Tokens *tokens,
                      int     i)
{
  static const char * const verbs[] = {
    "organise", "organisent", "coorganise", "co", "ينظم", "تنظم", "نظم", "نظمت", "نظما", "ينظمان",
  };

  /* "…, qui organise", "… a organisé", "… ont organisé" */
  while (is_punct (tokens, i, ",،") || is_word (tokens, i, "a") || is_word (tokens, i, "ont")
         || is_word (tokens, i, "qui"))
    i++;
  for (guint k = 0; k < G_N_ELEMENTS (verbs); k++)
    if (is_word (tokens, i, verbs[k]))
      return !g_str_equal (verbs[k], "co") || is_word (tokens, i + 2, "organise");
  return FALSE;
}

/* Organizers, partners, funders and guests: the organizations named in a
 * list that a cue opens ("نظمت …", "بشراكة مع …", "organisé par …"). */
static void
extract_partners (TdmArticle *article,
                  Tokens     *tokens,
                  GPtrArray  *mentions,
                  gboolean    french,
                  int         venue_first,
                  int         venue_last)
{
  const Lexicon *lex = lexicon_get ();

  for (guint k = 0; k < mentions->len; k++)
    {
      Mention *m = g_ptr_array_index (mentions, k);

      tdm_article_add_fact (article, TDM_FACT_ORGANIZATION, m->name, m->start, m->end);
    }

  for (int i = 0; tok (tokens, i) != NULL; i++)
    {
      int j;
      int reach = 0;

      Mention *subject;

      /* "Le Conseil régional … organise", "مجلس الجهة ينظم": the
       * organizer is the subject of the verb. */
      if ((subject = mention_at (mentions, i)) != NULL && !(i >= venue_first && i <= venue_last)
          && organizer_verb_after (tokens, subject->last))
        add_partner (article, subject->name, subject->start, subject->end);

      if (tok (tokens, i)->in_org || !lookup (tokens, i, lex->cues, NULL))
        continue;

      /* Up to CUE_REACH words between the cue and the first name. */
      for (j = i + 1; tok (tokens, j) != NULL && reach <= CUE_REACH; j++)
        {
          Token *t = tok (tokens, j);

          /* The host of a venue ("بمقر غرفة …") is a place here. */
          if (j >= venue_first && j <= venue_last)
            {
              reach++;
              continue;
            }
          if (t->in_org || latin_run (tokens, j, french) > 0)
            break;
          if (t->kind == TOK_NUMBER)
            {
              j = -1;
              break;
            }
          if (t->kind == TOK_PUNCT)
            {
              if (g_utf8_strchr ("(:'’", -1, t->punct) != NULL)
                continue;
              j = -1;
              break;
            }
          reach++;
        }
      if (j < 0 || reach > CUE_REACH || tok (tokens, j) == NULL)
        continue;

      for (;;)
        {
          Mention *m = mention_at (mentions, j);
          int end;

          if (m != NULL)
            {
              add_partner (article, m->name, m->start, m->end);
              end = m->last;
            }
          else if ((end = latin_run (tokens, j, french)) > 0)
            {
              Token *a = tok (tokens, j);
              Token *b = tok (tokens, end - 1);
              g_autofree char *name = text_between (tokens, a->bstart, b->bend);

              add_partner (article, name, a->start, b->end);
            }
          else
            break;
          j = skip_connectors (tokens, end);
          if (j == end && !(tok (tokens, j) != NULL && tok (tokens, j)->in_org))
            break;
        }
      i = MAX (i, j - 1);
    }
}

/* Places */

static PlaceContext
place_context (Tokens *tokens,
               int     i)
{
  static const struct { const char *word; PlaceContext context; } words[] = {
    { "جهه", CONTEXT_REGION }, { "الجهه", CONTEXT_REGION }, { "region", CONTEXT_REGION },
    { "اقليم", CONTEXT_PROVINCE }, { "اقليمي", CONTEXT_PROVINCE }, { "عماله", CONTEXT_PROVINCE },
    { "province", CONTEXT_PROVINCE }, { "prefecture", CONTEXT_PROVINCE },
    { "مدينه", CONTEXT_CITY }, { "ville", CONTEXT_CITY }, { "جماعه", CONTEXT_CITY },
    { "commune", CONTEXT_CITY },
  };
  Token *t = tok (tokens, i);

  /* "région de", "province d'": skip the small word. */
  if (t != NULL && t->latin && (is_french_connector (t->fold)))
    {
      if (is_punct (tokens, i - 1, "'’"))
        t = tok (tokens, i - 2);
      else
        t = tok (tokens, i - 1);
      if (t != NULL && t->latin && is_french_connector (t->fold))
        t = NULL;
    }
  else if (is_punct (tokens, i, "'’"))
    t = tok (tokens, i - 2);

  if (t == NULL || t->kind != TOK_WORD)
    return CONTEXT_NONE;
  for (guint v = 0; v < t->n_variants; v++)
    for (guint k = 0; k < G_N_ELEMENTS (words); k++)
      if (g_str_equal (t->variants[v], words[k].word))
        return words[k].context;
  return CONTEXT_NONE;
}

typedef struct {
  const TdmGazetteerPlace *city;
  int                      city_start, city_end;
  const TdmGazetteerPlace *province;
  int                      province_start, province_end;
  const TdmGazetteerPlace *region;
  int                      region_start, region_end;
} Places;

/* Walks the places named in TOKENS: the first city (not inside an
 * organization's name), province and region each. */
static void
find_places (Tokens   *tokens,
             Places   *places,
             gboolean  inside_orgs)
{
  for (int i = 0; tok (tokens, i) != NULL; i++)
    {
      const TdmGazetteerPlace *place = NULL;
      PlaceContext context;
      guint prefix = 0;
      int end;
      int start_char;

      if (tok (tokens, i)->kind != TOK_WORD || (tok (tokens, i)->in_org && !inside_orgs))
        continue;
      context = place_context (tokens, i - 1);
      switch (context)
        {
        case CONTEXT_REGION:
          end = match_place (tokens, i, TDM_GAZETTEER_REGION, &place, &prefix);
          if (end < 0)
            end = match_place (tokens, i, -1, &place, &prefix);
          break;
        case CONTEXT_PROVINCE:
          end = match_place (tokens, i, TDM_GAZETTEER_PROVINCE, &place, &prefix);
          if (end < 0)
            end = match_place (tokens, i, -1, &place, &prefix);
          break;
        case CONTEXT_CITY:
          end = match_place (tokens, i, TDM_GAZETTEER_CITY, &place, &prefix);
          if (end < 0)
            end = match_place (tokens, i, -1, &place, &prefix);
          break;
        case CONTEXT_NONE:
        default:
          end = match_place (tokens, i, -1, &place, &prefix);
          /* A one-word region name alone ("الشرق") is too common a word. */
          if (end > 0 && place->kind == TDM_GAZETTEER_REGION && end - i == 1)
            end = -1;
          break;
        }
      if (end < 0)
        continue;

      start_char = tok (tokens, i)->start + prefix;
      if (context == CONTEXT_REGION || place->kind == TDM_GAZETTEER_REGION)
        {
          if (places->region == NULL)
            {
              places->region = tdm_gazetteer_region (place->region_fr);
              places->region_start = start_char;
              places->region_end = tok (tokens, end - 1)->end;
            }
        }
      else if (context == CONTEXT_PROVINCE || place->kind == TDM_GAZETTEER_PROVINCE)
        {
          if (places->province == NULL)
            {
              places->province = place;
              places->province_start = start_char;
              places->province_end = tok (tokens, end - 1)->end;
            }
        }
      else if (places->city == NULL)
        {
          places->city = place;
          places->city_start = start_char;
          places->city_end = tok (tokens, end - 1)->end;
        }
      i = end - 1;
    }
}

/* Venue */

/* "بمركز …", "في قاعة …", "تشهد ساحة …": the venue as written, and the
 * city it names at its end, if any. */
static void
extract_venue (TdmArticle              *article,
               Tokens                  *tokens,
               const TdmGazetteerPlace **city,
               int                      *city_start,
               int                      *city_end,
               int                      *venue_first,
               int                      *venue_last)
{
  const Lexicon *lex = lexicon_get ();

  for (int i = 0; tok (tokens, i) != NULL; i++)
    {
      Token *t = tok (tokens, i);
      guint prefix = 0;
      gboolean introduced = FALSE;
      int last = i;
      int j;
      guint words;

      if (t->kind != TOK_WORD || !lookup (tokens, i, lex->venues, &prefix))
        continue;

      if (t->latin)
        {
          /* "au Palais …", "à la salle …", "dans l'espace …". */
          int p = is_punct (tokens, i - 1, "'’") ? i - 2 : i - 1;
          Token *prev = tok (tokens, p);

          introduced = prev != NULL && prev->latin
                    && (g_str_equal (prev->fold, "au") || g_str_equal (prev->fold, "l")
                        || g_str_equal (prev->fold, "la") || g_str_equal (prev->fold, "le"));
          if (introduced && !g_str_equal (prev->fold, "au"))
            {
              Token *before = tok (tokens, p - 1);

              introduced = before != NULL
                        && (g_str_equal (before->fold, "a") || g_str_equal (before->fold, "dans")
                            || g_str_equal (before->fold, "sur"));
            }
        }
      else
        {
          /* Attached ب ("بمركز"), a preposition, or a hosting verb. */
          introduced = (prefix > 0 && (g_str_has_prefix (t->fold, "ب") || g_str_has_prefix (t->fold, "وب")))
                    || is_word (tokens, i - 1, "في") || is_word (tokens, i - 1, "داخل")
                    || lookup (tokens, i - 1, lex->hosting, NULL);
        }
      if (!introduced)
        continue;

      for (j = i + 1, words = 0; tok (tokens, j) != NULL && words < VENUE_MAX_WORDS; j++)
        {
          Token *w = tok (tokens, j);
          const TdmGazetteerPlace *place = NULL;
          guint place_prefix = 0;
          int place_end;

          if (w->kind == TOK_PUNCT)
            {
              if (t->latin && (w->punct == '\'' || w->punct == 0x2019 || w->punct == '-'))
                continue;
              break;
            }
          if (w->kind == TOK_NUMBER || lookup (tokens, j, lex->venue_stops, NULL)
              || lookup (tokens, j, lex->months, NULL) || lookup (tokens, j, lex->weekdays, NULL)
              || lookup (tokens, j, lex->cues, NULL))
            break;
          if (w->latin != t->latin)
            break;
          words++;
          place_end = match_place (tokens, j, -1, &place, &place_prefix);
          if (place_end > 0 && place->kind != TDM_GAZETTEER_REGION
              && (place_prefix > 0 || is_word (tokens, j - 1, "d") || is_word (tokens, j - 1, "de")))
            {
              /* "… بوجدة", "… d'Agadir": the city closes the venue. */
              *city = place;
              *city_start = w->start + place_prefix;
              *city_end = tok (tokens, place_end - 1)->end;
              last = place_end - 1;
              break;
            }
          if (!(t->latin && is_french_connector (w->fold)))
            last = j;
        }
      if (last == i)
        continue;

      {
        gsize bstart = token_byte_after (tokens, t, prefix);
        g_autofree char *venue = text_between (tokens, bstart, tok (tokens, last)->bend);

        article->venue = g_steal_pointer (&venue);
        tdm_article_add_fact (article, TDM_FACT_VENUE, article->venue, t->start + prefix,
                              tok (tokens, last)->end);
        *venue_first = i;
        *venue_last = last;
      }
      return;
    }
}

/* Event type, edition, counts, slogan */

static void
extract_event_type (TdmArticle *article,
                    Tokens     *title,
                    Tokens     *body)
{
  const Lexicon *lex = lexicon_get ();
  Tokens *sources[] = { title, body };

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      if (sources[s] == NULL)
        continue;
      for (int i = 0; tok (sources[s], i) != NULL; i++)
        {
          int end = i + 1;
          int kind = match_phrase (sources[s], i, lex->event_phrases, &end);

          if (kind == 0)
            continue;
          article->event_type = g_strdup (event_names[kind]);
          if (sources[s] == body)
            add_fact_tokens (article, body, TDM_FACT_EVENT_TYPE, article->event_type, i, end);
          else
            tdm_article_add_fact (article, TDM_FACT_EVENT_TYPE, article->event_type, -1, -1);
          return;
        }
    }
}

/* "النسخة السادسة", "الدورة 6", "الدورة الحادية عشرة", "la 6e édition",
 * "sixième édition". */
static int
edition_at (Tokens *tokens,
            int     i,
            int    *end)
{
  static const char * const arabic_nouns[] = {
    "النسخه", "الدوره", "نسخه", "دوره", "نسختها", "نسخته", "دورتها", "دورته",
  };
  const Lexicon *lex = lexicon_get ();
  Token *t = tok (tokens, i);
  gboolean noun = FALSE;

  if (t == NULL || t->kind != TOK_WORD)
    return -1;

  if (t->latin)
    {
      Token *next = tok (tokens, i + 1);
      int value = 0;

      if (next == NULL || !g_str_equal (next->fold, "edition"))
        return -1;
      if (g_ascii_isdigit (t->fold[0]))
        {
          char *rest;

          value = (int) g_ascii_strtoll (t->fold, &rest, 10);
          if (!(g_str_equal (rest, "e") || g_str_equal (rest, "eme") || g_str_equal (rest, "er")
                || g_str_equal (rest, "ere") || g_str_equal (rest, "re") || g_str_equal (rest, "ieme")))
            return -1;
        }
      else
        value = GPOINTER_TO_INT (g_hash_table_lookup (lex->ordinals, t->fold));
      if (value <= 0)
        return -1;
      *end = i + 2;
      return value;
    }

  for (guint v = 0; v < t->n_variants && !noun; v++)
    for (guint k = 0; k < G_N_ELEMENTS (arabic_nouns); k++)
      if (g_str_equal (t->variants[v], arabic_nouns[k]))
        noun = TRUE;
  if (!noun)
    return -1;

  if (tok (tokens, i + 1) != NULL && tok (tokens, i + 1)->kind == TOK_NUMBER)
    {
      int value = atoi (tok (tokens, i + 1)->fold);

      if (value <= 0 || value > 200)
        return -1;
      *end = i + 2;
      return value;
    }

  {
    int value = GPOINTER_TO_INT (g_hash_table_lookup (lex->ordinals, tok (tokens, i + 1) ? tok (tokens, i + 1)->fold : ""));
    int j = i + 2;

    if (value <= 0)
      return -1;
    /* الحادية عشرة, الثالثة عشرة */
    if (value < 10 && (is_word (tokens, j, "عشره") || is_word (tokens, j, "عشر")))
      {
        value += 10;
        j++;
      }
    /* الخامسة والعشرين */
    else if (value < 10 && tok (tokens, j) != NULL && tok (tokens, j)->n_variants > 1
             && g_str_has_prefix (tok (tokens, j)->fold, "و"))
      {
        int tens = GPOINTER_TO_INT (g_hash_table_lookup (lex->ordinals, tok (tokens, j)->variants[1]));

        if (tens >= 20)
          {
            value += tens;
            j++;
          }
      }
    *end = j;
    return value;
  }
}

static void
extract_edition (TdmArticle *article,
                 Tokens     *title,
                 Tokens     *body)
{
  Tokens *sources[] = { body, title };

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      if (sources[s] == NULL)
        continue;
      for (int i = 0; tok (sources[s], i) != NULL; i++)
        {
          int end;
          int value = edition_at (sources[s], i, &end);
          g_autofree char *text = NULL;

          if (value <= 0)
            continue;
          article->edition = value;
          text = g_strdup_printf ("%d", value);
          if (sources[s] == body)
            add_fact_tokens (article, body, TDM_FACT_EDITION, text, i, end);
          else
            tdm_article_add_fact (article, TDM_FACT_EDITION, text, -1, -1);
          return;
        }
    }
}

static void
extract_counts (TdmArticle *article,
                Tokens     *tokens)
{
  const Lexicon *lex = lexicon_get ();

  for (int i = 0; tok (tokens, i) != NULL; i++)
    {
      int end;
      int value;
      int kind;
      int *field;
      const char *fact;

      if (tok (tokens, i)->kind == TOK_PUNCT)
        continue;
      value = parse_number (tokens, i, &end);
      if (value <= 0 || value > 100000)
        continue;
      kind = lookup (tokens, end, lex->counts, NULL);
      switch (kind)
        {
        case COUNT_EXHIBITORS:
          field = &article->exhibitors;
          fact = TDM_FACT_EXHIBITORS;
          break;
        case COUNT_STANDS:
          field = &article->stands;
          fact = TDM_FACT_STANDS;
          break;
        case COUNT_COOPERATIVES:
          field = &article->cooperatives;
          fact = TDM_FACT_COOPERATIVES;
          break;
        default:
          i = MAX (i, end - 1);
          continue;
        }
      if (*field < 0)
        {
          g_autofree char *text = g_strdup_printf ("%d", value);

          *field = value;
          add_fact_tokens (article, tokens, fact, text, i, end + 1);
        }
      i = end;
    }
}

/* "تحت شعار: «…»", "sous le thème « … »": the words inside the quotes. */
static void
extract_slogan (TdmArticle *article,
                Tokens     *tokens)
{
  const Lexicon *lex = lexicon_get ();

  for (int i = 0; tok (tokens, i) != NULL; i++)
    {
      int j = i + 1;
      int k;
      Token *open;

      if (!lookup (tokens, i, lex->slogans, NULL))
        continue;
      if (is_word (tokens, i, "mot") && !(is_word (tokens, j, "d") && is_word (tokens, j + 2, "ordre")))
        continue;
      if (is_word (tokens, i, "mot"))
        j += 3;
      if (is_punct (tokens, j, ":"))
        j++;
      open = tok (tokens, j);
      if (open == NULL || open->kind != TOK_PUNCT || !is_quote (open->punct))
        continue;
      for (k = j + 1; tok (tokens, k) != NULL && k < j + SLOGAN_MAX_TOKENS; k++)
        {
          Token *t = tok (tokens, k);

          /* An apostrophe inside a French word is not a closing quote. */
          if (t->kind == TOK_PUNCT && is_quote (t->punct)
              && !((t->punct == '\'' || t->punct == 0x2019) && open->punct != t->punct))
            break;
        }
      if (tok (tokens, k) == NULL || k == j + 1 || !is_punct_quote (tokens, k))
        continue;

      {
        g_autofree char *raw = text_between (tokens, open->bend, tok (tokens, k)->bstart);

        article->slogan = g_strdup (g_strstrip (raw));
        tdm_article_add_fact (article, TDM_FACT_SLOGAN, article->slogan,
                              tok (tokens, j + 1)->start, tok (tokens, k - 1)->end);
      }
      return;
    }
}

static void
detect_language (TdmArticle *article)
{
  guint arabic = 0;
  guint latin = 0;

  for (const char *p = article->body; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0600 && c <= 0x06FF)
        arabic++;
      else if (g_unichar_isalpha (c) && is_latin_letter (c))
        latin++;
    }
  if (arabic == 0 && latin == 0)
    return;
  article->language = g_strdup (arabic >= latin ? "ar" : "fr");
  tdm_article_add_fact (article, TDM_FACT_LANGUAGE, article->language, -1, -1);
}

static void
set_places (TdmArticle *article,
            Places     *places)
{
  if (places->city != NULL)
    {
      article->city = g_strdup (places->city->name_fr);
      tdm_article_add_fact (article, TDM_FACT_CITY, article->city, places->city_start, places->city_end);
      /* The city decides; a province named elsewhere keeps its span
       * only if it is the city's. */
      if (places->province == NULL || !g_str_equal (places->province->province_fr, places->city->province_fr))
        {
          places->province = places->city;
          places->province_start = places->province_end = -1;
        }
    }
  if (places->province != NULL)
    {
      article->province = g_strdup (places->province->province_fr);
      tdm_article_add_fact (article, TDM_FACT_PROVINCE, article->province,
                            places->province_start, places->province_end);
      if (places->region == NULL || !g_str_equal (places->region->region_fr, places->province->region_fr))
        {
          places->region = tdm_gazetteer_region (places->province->region_fr);
          places->region_start = places->region_end = -1;
        }
    }
  if (places->region != NULL)
    {
      article->region = g_strdup (places->region->region_fr);
      tdm_article_add_fact (article, TDM_FACT_REGION, article->region,
                            places->region_start, places->region_end);
    }
}

static int
compare_facts (gconstpointer a,
               gconstpointer b)
{
  const TdmArticleFact *fa = *(const TdmArticleFact * const *) a;
  const TdmArticleFact *fb = *(const TdmArticleFact * const *) b;

  if (fa->start != fb->start)
    return fa->start < fb->start ? -1 : 1;
  return fa->end < fb->end ? -1 : fa->end > fb->end;
}

TdmArticle *
tdm_article_extractor_extract (TdmArticleExtractor *self,
                               const char          *text,
                               const char          *published_on)
{
  g_autoptr(TdmArticleSegments) segments = NULL;
  g_autoptr(Tokens) body = NULL;
  g_autoptr(Tokens) title = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  TdmArticle *article;
  Date published = { 0 };
  gboolean have_published = FALSE;
  Places places = { 0 };
  const TdmGazetteerPlace *venue_city = NULL;
  int venue_city_start = -1, venue_city_end = -1;
  int venue_first = -1, venue_last = -2;

  g_return_val_if_fail (TDM_IS_ARTICLE_EXTRACTOR (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (published_on != NULL && tdm_validate_iso_date (published_on))
    {
      published.year = atoi (published_on);
      published.month = atoi (published_on + 5);
      published.day = atoi (published_on + 8);
      have_published = TRUE;
    }

  article = tdm_article_new ();
  segments = tdm_article_segment (text);
  article->title = g_strdup (segments->title);
  g_free (article->body);
  article->body = g_strdup (segments->body);

  detect_language (article);
  if (article->body[0] == '\0')
    return article;

  body = tokens_new (article->body);
  if (article->title != NULL)
    title = tokens_new (article->title);

  mentions = find_organizations (self, body);
  extract_venue (article, body, &venue_city, &venue_city_start, &venue_city_end, &venue_first, &venue_last);
  extract_partners (article, body, mentions, g_strcmp0 (article->language, "fr") == 0,
                    venue_first, venue_last);
  extract_event_type (article, title, body);
  extract_edition (article, title, body);
  extract_dates (article, body, have_published ? &published : NULL);
  extract_counts (article, body);
  extract_slogan (article, body);
  /* Where: the venue's city, else the first city of the body, else the
   * dateline's, else the headline's; province and region follow. */
  find_places (body, &places, FALSE);
  if (venue_city != NULL)
    {
      places.city = venue_city;
      places.city_start = venue_city_start;
      places.city_end = venue_city_end;
    }
  if (places.city == NULL)
    {
      Places other = { 0 };

      for (guint h = 0; segments->header[h] != NULL && other.city == NULL; h++)
        {
          g_autoptr(Tokens) header = tokens_new (segments->header[h]);

          find_places (header, &other, FALSE);
        }
      if (other.city == NULL && title != NULL)
        find_places (title, &other, FALSE);
      if (other.city != NULL && (places.province == NULL
                                 || g_str_equal (places.province->province_fr, other.city->province_fr)))
        {
          places.city = other.city;
          places.city_start = places.city_end = -1;
        }
    }
  if (places.region == NULL && places.province == NULL && places.city == NULL)
    find_places (body, &places, TRUE);
  set_places (article, &places);

  g_ptr_array_sort (article->facts, compare_facts);
  return article;
}

void
tdm_article_extractor_add_known_organization (TdmArticleExtractor *self,
                                              const char          *name)
{
  g_autofree char *folded = NULL;
  Known *known;

  g_return_if_fail (TDM_IS_ARTICLE_EXTRACTOR (self));
  g_return_if_fail (name != NULL);

  folded = tdm_fold (name);
  if (folded[0] == '\0')
    return;
  for (guint i = 0; i < self->known->len; i++)
    if (g_str_equal (((Known *) g_ptr_array_index (self->known, i))->name, name))
      return;
  known = known_new (name);
  g_ptr_array_add (self->known, known);
  index_known (self->known_index, known);
}

static void
tdm_article_extractor_finalize (GObject *object)
{
  TdmArticleExtractor *self = TDM_ARTICLE_EXTRACTOR (object);

  g_clear_pointer (&self->known_index, g_hash_table_unref);
  g_clear_pointer (&self->known, g_ptr_array_unref);

  G_OBJECT_CLASS (tdm_article_extractor_parent_class)->finalize (object);
}

static void
tdm_article_extractor_class_init (TdmArticleExtractorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tdm_article_extractor_finalize;
}

static void
tdm_article_extractor_init (TdmArticleExtractor *self)
{
  self->known = g_ptr_array_new_with_free_func ((GDestroyNotify) known_free);
  self->known_index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
}

TdmArticleExtractor *
tdm_article_extractor_new (void)
{
  return g_object_new (TDM_TYPE_ARTICLE_EXTRACTOR, NULL);
}
