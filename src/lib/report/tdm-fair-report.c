/* tdm-fair-report.c: the summary report organizers send after a fair to
 * the regional council and the ministry.
 *
 * Everything is read and translated while the report's language is
 * pushed, so the document holds finished strings; the cover's drawing
 * only lays them out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tdm-articles.h"
#include "tdm-board.h"
#include "tdm-fair-summary.h"
#include "tdm-fairs.h"
#include "tdm-partner.h"
#include "tdm-report-language.h"
#include "tdm-report-text.h"
#include "tdm-report.h"
#include "tdm-validate.h"

/* Deep green of the cover's rules and kicker, muted grey of its
 * secondary lines. */
#define ACCENT_RGB 0.122, 0.435, 0.361
#define INK_RGB    0.10, 0.10, 0.10
#define MUTED_RGB  0.36, 0.36, 0.36

/* ---- dates and editions in the report's language -------------------- */

static const char *
month_name (int month)
{
  static const char * const names[] = {
    NC_("month name", "January"), NC_("month name", "February"),
    NC_("month name", "March"), NC_("month name", "April"),
    NC_("month name", "May"), NC_("month name", "June"),
    NC_("month name", "July"), NC_("month name", "August"),
    NC_("month name", "September"), NC_("month name", "October"),
    NC_("month name", "November"), NC_("month name", "December"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month name", names[month - 1]);
}

/* The day of the month as a date writes it: French writes the first
 * "1er". */
static char *
day_label (int day)
{
  if (day == 1)
    return g_strdup (C_("first day of a month", "1"));
  return g_strdup_printf ("%d", day);
}

static char *
format_date (const GDate *date)
{
  g_autofree char *day = day_label (g_date_get_day (date));

  /* Translators: a date: day, month name, year ("23 May 2025") */
  return g_strdup_printf (C_("long date", "%1$s %2$s %3$d"), day,
                          month_name (g_date_get_month (date)), g_date_get_year (date));
}

/* TEXT (YYYY-MM-DD) as a long date, NULL when it is not a date. */
static char *
format_date_text (const char *text)
{
  GDate date;

  if (!tdm_report_parse_date (text, &date))
    return NULL;
  return format_date (&date);
}

static char *
format_date_range (const char *start_text,
                   const char *end_text)
{
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  GDate start, end;
  gboolean has_start = tdm_report_parse_date (start_text, &start);
  gboolean has_end = tdm_report_parse_date (end_text, &end);

  if (!has_start && !has_end)
    return g_strdup (_("Dates not recorded"));
  if (!has_start || !has_end || g_date_compare (&start, &end) == 0)
    return format_date (has_start ? &start : &end);

  first_day = day_label (g_date_get_day (&start));
  last_day = day_label (g_date_get_day (&end));

  if (g_date_get_year (&start) == g_date_get_year (&end)
      && g_date_get_month (&start) == g_date_get_month (&end))
    /* Translators: the dates of a fair within one month: first day,
     * last day, month name, year ("23–30 May 2025") */
    return g_strdup_printf (C_("date range", "%1$s–%2$s %3$s %4$d"), first_day, last_day,
                            month_name (g_date_get_month (&end)), g_date_get_year (&end));

  if (g_date_get_year (&start) == g_date_get_year (&end))
    /* Translators: the dates of a fair over two months of one year:
     * first day, its month, last day, its month, year
     * ("28 February – 3 March 2025") */
    return g_strdup_printf (C_("date range", "%1$s %2$s – %3$s %4$s %5$d"),
                            first_day, month_name (g_date_get_month (&start)),
                            last_day, month_name (g_date_get_month (&end)),
                            g_date_get_year (&end));

  {
    g_autofree char *first = format_date (&start);
    g_autofree char *last = format_date (&end);

    /* Translators: the dates of a fair over two years: two long dates */
    return g_strdup_printf (C_("date range", "%1$s – %2$s"), first, last);
  }
}

static char *
format_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  return format_date (&today);
}

/* "6th edition", "6e édition", "الدورة السادسة"; NULL when not numbered. */
static char *
edition_label (TdmFair *fair)
{
  static const char * const ordinals[] = {
    NC_("fair edition", "1st edition"), NC_("fair edition", "2nd edition"),
    NC_("fair edition", "3rd edition"), NC_("fair edition", "4th edition"),
    NC_("fair edition", "5th edition"), NC_("fair edition", "6th edition"),
    NC_("fair edition", "7th edition"), NC_("fair edition", "8th edition"),
    NC_("fair edition", "9th edition"), NC_("fair edition", "10th edition"),
  };
  gint edition = tdm_fair_get_edition (fair);

  if (edition <= 0)
    return NULL;
  if ((guint) edition <= G_N_ELEMENTS (ordinals))
    return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "fair edition", ordinals[edition - 1]));
  return tdm_fair_dup_edition_label (fair);
}

/* ---- the cover ------------------------------------------------------ */

typedef struct {
  char      *role;      /* "organizer" */
  char      *heading;   /* "Organized by" */
  GPtrArray *names;     /* char * */
} CoverGroup;

static void
cover_group_free (CoverGroup *group)
{
  g_free (group->role);
  g_free (group->heading);
  g_ptr_array_unref (group->names);
  g_free (group);
}

typedef struct {
  char      *language;
  char      *kicker;     /* "Summary report" */
  char      *title;
  char      *edition;    /* NULL: not numbered */
  char      *dates;
  char      *place;      /* NULL: not recorded */
  char      *slogan;     /* quoted; NULL: none */
  GPtrArray *groups;     /* CoverGroup, in role order */
} Cover;

static void
cover_free (gpointer data)
{
  Cover *cover = data;

  g_free (cover->language);
  g_free (cover->kicker);
  g_free (cover->title);
  g_free (cover->edition);
  g_free (cover->dates);
  g_free (cover->place);
  g_free (cover->slogan);
  g_ptr_array_unref (cover->groups);
  g_free (cover);
}

/* The heading a role gets on the cover. */
static const char *
cover_role_heading (const char *role)
{
  if (g_str_equal (role, "organizer"))
    return C_("cover", "Organized by");
  if (g_str_equal (role, "co_organizer"))
    return C_("cover", "In partnership with");
  if (g_str_equal (role, "funder"))
    return C_("cover", "With the support of");
  if (g_str_equal (role, "sponsor"))
    return C_("cover", "Sponsors");
  if (g_str_equal (role, "guest"))
    return C_("cover", "Guests");
  if (g_str_equal (role, "foreign_delegation"))
    return C_("cover", "Foreign delegations");
  return tdm_fair_partner_role_label (role);
}

typedef enum {
  COVER_SANS,
  COVER_DISPLAY,      /* title, kicker, edition */
  COVER_SERIF,        /* slogan */
} CoverFont;

typedef struct {
  PangoContext *contexts[2];   /* left to right, right to left */
  double        width;
  gboolean      rtl;           /* the document's direction */
} CoverText;

typedef enum {
  COVER_SPACED  = 1 << 0,      /* letters spaced apart (Latin only) */
  COVER_NATURAL = 1 << 1,      /* data (a name, a title): a paragraph in
                                * the direction of its own first letter */
} CoverFlags;

/* TRUE when the first letter of TEXT is of a script written right to
 * left; FALLBACK when it has no letter. */
static gboolean
text_is_rtl (const char *text,
             gboolean    fallback)
{
  PangoDirection direction = tdm_report_text_direction (text);

  return direction == PANGO_DIRECTION_NEUTRAL ? fallback : direction == PANGO_DIRECTION_RTL;
}

/* The document's families (tdm-document.c): the document's script
 * first, the other one for mixed text. */
static const char *
cover_families (CoverFont font,
                gboolean  rtl)
{
  switch (font)
    {
    case COVER_DISPLAY:
      return rtl ? "Noto Kufi Arabic, Noto Sans Arabic, Noto Sans, sans-serif"
                 : "Noto Sans, Noto Sans Arabic, DejaVu Sans, sans-serif";
    case COVER_SERIF:
      return rtl ? "Noto Naskh Arabic, Noto Serif, DejaVu Serif, serif"
                 : "Noto Serif, Noto Naskh Arabic, DejaVu Serif, serif";
    case COVER_SANS:
    default:
      return rtl ? "Noto Sans Arabic, Noto Sans, DejaVu Sans, sans-serif"
                 : "Noto Sans, Noto Sans Arabic, DejaVu Sans, sans-serif";
    }
}

static PangoLayout *
cover_text (CoverText   *ct,
            CoverFont    family,
            const char  *text,
            double       size,
            PangoWeight  weight,
            CoverFlags   flags)
{
  gboolean rtl = (flags & COVER_NATURAL) ? text_is_rtl (text, ct->rtl) : ct->rtl;
  PangoLayout *layout = pango_layout_new (ct->contexts[rtl ? 1 : 0]);
  PangoFontDescription *font = pango_font_description_new ();

  /* The faces of the text's own script first: Kufi's tall lines do
   * not space out a Latin title. */
  pango_font_description_set_family (font, cover_families (family, rtl));
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* A paragraph in its context's direction, mixed runs ordered by the
   * bidi algorithm inside it; aligned on the document's start side,
   * whatever its own direction. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, ct->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, (int) (ct->width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  /* Spacing letters apart breaks Arabic joining: Latin only. */
  if ((flags & COVER_SPACED) && !rtl)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (size * 0.12 * PANGO_SCALE)));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       y)
{
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, layout);
}

/* The partners block at NAME_SIZE, each group showing at most LIMIT
 * names: drawn when DRAW, its height returned either way. */
static double
cover_groups (cairo_t   *cr,
              CoverText *ct,
              Cover     *cover,
              double     y,
              double     name_size,
              guint      limit,
              gboolean   draw)
{
  double start = y;

  for (guint i = 0; i < cover->groups->len; i++)
    {
      CoverGroup *group = g_ptr_array_index (cover->groups, i);
      g_autoptr(PangoLayout) heading = NULL;
      guint shown;

      if (i > 0)
        y += name_size * 0.9;
      /* Arabic letters read smaller than Latin capitals at one size. */
      heading = cover_text (ct, COVER_SANS, group->heading, name_size * (ct->rtl ? 0.95 : 0.75),
                            PANGO_WEIGHT_BOLD, COVER_SPACED);
      if (draw)
        {
          cairo_set_source_rgb (cr, ACCENT_RGB);
          show_layout (cr, heading, y);
        }
      y += layout_height (heading) + name_size * 0.25;

      /* "… and 1 more" would take the line the name needs. */
      shown = group->names->len > limit && group->names->len - limit > 1 ? limit : group->names->len;
      for (guint n = 0; n <= shown && n < group->names->len; n++)
        {
          g_autoptr(PangoLayout) name = NULL;

          if (n < shown)
            name = cover_text (ct, COVER_SANS, g_ptr_array_index (group->names, n), name_size,
                               PANGO_WEIGHT_NORMAL, COVER_NATURAL);
          else
            {
              guint rest = group->names->len - shown;
              /* Drawn with the document's language pushed. */
              g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                    "… and %u more (see Partners)",
                                                                    "… and %u more (see Partners)",
                                                                    rest),
                                                       rest);

              name = cover_text (ct, COVER_SANS, more, name_size * 0.85, PANGO_WEIGHT_NORMAL, 0);
            }
          if (draw)
            {
              cairo_set_source_rgb (cr, INK_RGB);
              show_layout (cr, name, y);
            }
          y += layout_height (name) + name_size * 0.2;
        }
    }
  return y - start;
}

/* The top of the cover, from the band to the slogan, drawn when DRAW;
 * returns its height. */
static double
cover_top (cairo_t   *cr,
           CoverText *ct,
           Cover     *cover,
           gboolean   draw)
{
  g_autoptr(PangoLayout) kicker = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) dates = NULL;
  double y = 40;

  if (draw)
    {
      /* A band across the top. */
      cairo_set_source_rgb (cr, ACCENT_RGB);
      cairo_rectangle (cr, 0, 0, ct->width, 5);
      cairo_fill (cr);
    }

  kicker = cover_text (ct, COVER_DISPLAY, cover->kicker, 12, PANGO_WEIGHT_BOLD, COVER_SPACED);
  if (draw)
    {
      cairo_set_source_rgb (cr, ACCENT_RGB);
      show_layout (cr, kicker, y);
    }
  y += layout_height (kicker) + 14;

  /* A long title gets smaller rather than longer than four lines. */
  for (double size = 28; title == NULL || (pango_layout_get_line_count (title) > 4 && size >= 16); size -= 2)
    {
      g_clear_object (&title);
      title = cover_text (ct, COVER_DISPLAY, cover->title, size, PANGO_WEIGHT_BOLD, COVER_NATURAL);
    }
  if (draw)
    {
      cairo_set_source_rgb (cr, INK_RGB);
      show_layout (cr, title, y);
    }
  y += layout_height (title) + 8;

  if (cover->edition != NULL)
    {
      g_autoptr(PangoLayout) edition = cover_text (ct, COVER_DISPLAY, cover->edition, 17,
                                                   PANGO_WEIGHT_SEMIBOLD, 0);

      if (draw)
        {
          cairo_set_source_rgb (cr, ACCENT_RGB);
          show_layout (cr, edition, y);
        }
      y += layout_height (edition);
    }

  /* A short rule at the start side under the title. */
  y += 22;
  if (draw)
    {
      cairo_set_source_rgb (cr, ACCENT_RGB);
      cairo_rectangle (cr, ct->rtl ? ct->width - 64 : 0, y, 64, 2);
      cairo_fill (cr);
    }
  y += 24;

  dates = cover_text (ct, COVER_SANS, cover->dates, 14, PANGO_WEIGHT_SEMIBOLD, 0);
  if (draw)
    {
      cairo_set_source_rgb (cr, INK_RGB);
      show_layout (cr, dates, y);
    }
  y += layout_height (dates) + 4;

  if (cover->place != NULL)
    {
      g_autoptr(PangoLayout) place = cover_text (ct, COVER_SANS, cover->place, 13, PANGO_WEIGHT_NORMAL, 0);

      if (draw)
        {
          cairo_set_source_rgb (cr, MUTED_RGB);
          show_layout (cr, place, y);
        }
      y += layout_height (place);
    }

  if (cover->slogan != NULL)
    {
      g_autoptr(PangoLayout) slogan = NULL;

      y += 26;
      slogan = cover_text (ct, COVER_SERIF, cover->slogan, 14, PANGO_WEIGHT_NORMAL, COVER_NATURAL);
      /* Arabic has no italics: a slanted Naskh is a fake. */
      if (!tdm_report_has_arabic (cover->slogan))
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
          pango_layout_set_attributes (slogan, attrs);
          pango_attr_list_unref (attrs);
        }
      if (draw)
        {
          cairo_set_source_rgb (cr, INK_RGB);
          show_layout (cr, slogan, y);
        }
      y += layout_height (slogan);
    }
  return y;
}

static void
draw_cover (cairo_t  *cr,
            double    width,
            double    height,
            gboolean  rtl,
            gpointer  user_data)
{
  static const guint limits[] = { 12, 6, 3, 1 };
  Cover *cover = user_data;
  cairo_font_options_t *options;
  CoverText ct;
  double top_end, block = 0, name_size = 11, y;
  guint limit = G_MAXUINT;
  guint step = 0;

  cairo_save (cr);

  ct.width = width;
  ct.rtl = rtl;
  /* Sizes in points on any surface; unhinted metrics so that the PDF,
   * the print and the preview break lines alike. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (ct.contexts); i++)
    {
      ct.contexts[i] = pango_cairo_create_context (cr);
      pango_cairo_context_set_resolution (ct.contexts[i], 72);
      pango_cairo_context_set_font_options (ct.contexts[i], options);
      pango_context_set_base_dir (ct.contexts[i], i == 0 ? PANGO_DIRECTION_LTR : PANGO_DIRECTION_RTL);
      pango_context_set_language (ct.contexts[i], pango_language_from_string (cover->language));
    }
  cairo_font_options_destroy (options);

  /* Organizers and partners go at the foot of the page; when they do
   * not fit under the rest, smaller, then fewer per role (the partners
   * section lists them all). */
  top_end = cover_top (cr, &ct, cover, FALSE) + 36;
  if (cover->groups->len > 0)
    {
      block = cover_groups (cr, &ct, cover, 0, name_size, limit, FALSE);
      while (top_end + block > height && step < G_N_ELEMENTS (limits))
        {
          if (name_size > 8.5)
            name_size -= 0.5;
          else
            limit = limits[step++];
          block = cover_groups (cr, &ct, cover, 0, name_size, limit, FALSE);
        }
    }

  /* Still too long (a title and names of hundreds of characters): the
   * whole cover smaller, and wider in proportion, rather than cut. */
  if (top_end + block > height)
    {
      double scale = height / (top_end + block);

      cairo_scale (cr, scale, scale);
      ct.width = width / scale;
      height /= scale;
      top_end = cover_top (cr, &ct, cover, FALSE) + 36;
      if (cover->groups->len > 0)
        block = cover_groups (cr, &ct, cover, 0, name_size, limit, FALSE);
    }

  cover_top (cr, &ct, cover, TRUE);
  if (cover->groups->len > 0)
    {
      y = MAX (top_end, height - block);
      cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
      cairo_rectangle (cr, 0, y - 18, ct.width, 0.75);
      cairo_fill (cr);
      cover_groups (cr, &ct, cover, y, name_size, limit, TRUE);
    }

  g_object_unref (ct.contexts[0]);
  g_object_unref (ct.contexts[1]);
  cairo_restore (cr);
}

static Cover *
cover_new (const char *language,
           TdmFair    *fair,
           GPtrArray  *partners)
{
  Cover *cover = g_new0 (Cover, 1);
  const char *slogan = tdm_fair_get_slogan (fair);
  const char *venue = tdm_fair_get_venue (fair);
  const char *city = tdm_fair_get_city (fair);
  const char *region = tdm_fair_get_region_name (fair);
  g_autoptr(GPtrArray) place = g_ptr_array_new_with_free_func (g_free);
  CoverGroup *group = NULL;

  cover->language = g_strdup (language);
  cover->kicker = g_strdup (_("Summary report"));
  if (!tdm_report_language_is_rtl (language))
    {
      char *upper = g_utf8_strup (cover->kicker, -1);

      g_free (cover->kicker);
      cover->kicker = upper;
    }
  cover->title = g_strdup (tdm_fair_get_title (fair));
  cover->edition = edition_label (fair);
  cover->dates = format_date_range (tdm_fair_get_start_date (fair), tdm_fair_get_end_date (fair));

  /* Each part isolated (FSI … PDI): an Arabic venue and a Latin city
   * keep the report's order. */
  if (!tdm_text_is_blank (venue))
    g_ptr_array_add (place, g_strconcat ("\u2068", venue, "\u2069", NULL));
  if (!tdm_text_is_blank (city))
    g_ptr_array_add (place, g_strconcat ("\u2068", city, "\u2069", NULL));
  if (!tdm_text_is_blank (region) && (tdm_text_is_blank (city) || !g_str_equal (region, city)))
    g_ptr_array_add (place, g_strconcat ("\u2068", region, "\u2069", NULL));
  if (place->len > 0)
    {
      g_ptr_array_add (place, NULL);
      /* Translators: separates the parts of a place: venue, city, region */
      cover->place = g_strjoinv (C_("list separator", ", "), (char **) place->pdata);
    }

  if (!tdm_text_is_blank (slogan))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (slogan));
      /* Isolated (FSI … PDI): the slogan takes its own direction inside
       * the quotes, which follow the report's. */
      g_autofree char *isolated = g_strconcat ("\u2068", stripped, "\u2069", NULL);

      /* Translators: quotes around a fair's slogan */
      cover->slogan = g_strdup_printf (C_("slogan", "“%s”"), isolated);
    }

  cover->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) cover_group_free);
  for (guint i = 0; i < partners->len; i++)
    {
      TdmFairPartner *partner = g_ptr_array_index (partners, i);

      if (group == NULL || !g_str_equal (group->role, partner->role))
        {
          group = g_new0 (CoverGroup, 1);
          /* Small capitals' stand-in: Latin headings in upper case. */
          group->heading = tdm_report_language_is_rtl (language)
                           ? g_strdup (cover_role_heading (partner->role))
                           : g_utf8_strup (cover_role_heading (partner->role), -1);
          group->role = g_strdup (partner->role);
          group->names = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (cover->groups, group);
        }
      g_ptr_array_add (group->names, g_strdup (partner->name));
    }
  return cover;
}

/* ---- sections ------------------------------------------------------- */

/* What a cell or tile shows for a value nobody recorded. */
#define NOT_RECORDED_MARK "—"

static char *
format_count (TdmDocument *doc,
              gint64       value)
{
  return tdm_document_format_number (doc, (double) value, 0);
}

static char *
format_dirhams (TdmDocument *doc,
                double       amount)
{
  g_autofree char *number = tdm_document_format_number (doc, amount, 0);

  return g_strdup_printf (_("%s MAD"), number);
}

/* Owns the strings of the tiles until they are added. */
typedef struct {
  GArray    *tiles;     /* TdmDocumentTile */
  GPtrArray *strings;
} Tiles;

static void
tiles_add (Tiles      *tiles,
           char       *value,
           const char *label,
           char       *caption)
{
  TdmDocumentTile tile = { value, label, caption };

  g_ptr_array_add (tiles->strings, value);
  if (caption != NULL)
    g_ptr_array_add (tiles->strings, caption);
  g_array_append_val (tiles->tiles, tile);
}

static void
add_key_figures (TdmDocument          *doc,
                 TdmFair              *fair,
                 const TdmFairCounts  *counts,
                 const TdmFairSummary *summary)
{
  Tiles tiles = {
    g_array_new (FALSE, FALSE, sizeof (TdmDocumentTile)),
    g_ptr_array_new_with_free_func (g_free),
  };
  g_autoptr(GString) note = g_string_new (NULL);
  const char *status = tdm_fair_get_status (fair);
  gint64 others = summary->exhibitors - summary->cooperatives;

  tdm_document_add_heading (doc, 1, _("Key figures"));

  if (g_strcmp0 (status, "cancelled") == 0)
    tdm_document_add_paragraph (doc, _("This fair was cancelled."));
  else if (g_strcmp0 (status, "closed") != 0)
    tdm_document_add_paragraph (doc, _("This fair is not closed yet: the figures are those recorded so far."));

  {
    g_autofree char *places = format_count (doc, counts->places);

    tiles_add (&tiles, format_count (doc, counts->stands), _("Stands"),
               counts->stands > 0
               ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s place", "%s places",
                                               (gulong) counts->places), places)
               : NULL);
  }
  {
    g_autofree char *applications = format_count (doc, summary->applications);

    tiles_add (&tiles, format_count (doc, summary->exhibitors), _("Exhibitors"),
               summary->applications > 0
               ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %s application",
                                               "of %s applications",
                                               (gulong) summary->applications), applications)
               : NULL);
  }
  {
    g_autofree char *number = format_count (doc, others);

    tiles_add (&tiles, format_count (doc, summary->cooperatives), _("Cooperatives"),
               others > 0
               ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %s other organization",
                                               "and %s other organizations", (gulong) others),
                                  number)
               : NULL);
  }
  if (summary->with_members > 0)
    {
      g_autofree char *led = format_count (doc, summary->women_led);
      g_autofree char *with_members = format_count (doc, summary->with_members);

      tiles_add (&tiles,
                 tdm_document_format_percent (doc, (double) summary->women_led / summary->with_members, 0),
                 _("Women-led cooperatives"),
                 /* Translators: "12 of 40" women-led cooperatives */
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s cooperative",
                                               "%s of %s cooperatives",
                                               (gulong) summary->with_members),
                                  led, with_members));
    }
  else
    tiles_add (&tiles, g_strdup (NOT_RECORDED_MARK), _("Women-led cooperatives"),
               g_strdup (_("not recorded")));
  {
    g_autofree char *regions = format_count (doc, summary->regions);

    tiles_add (&tiles, format_count (doc, summary->provinces), _("Provinces represented"),
               summary->regions > 0
               ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %s region", "in %s regions",
                                               (gulong) summary->regions), regions)
               : NULL);
  }
  if (summary->visitor_days > 0)
    {
      g_autofree char *days = format_count (doc, summary->visitor_days);

      tiles_add (&tiles, format_count (doc, summary->visitors), _("Visitors"),
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "over %s day", "over %s days",
                                               (gulong) summary->visitor_days), days));
    }
  else
    tiles_add (&tiles, g_strdup (NOT_RECORDED_MARK), _("Visitors"), g_strdup (_("not recorded")));
  if (summary->sales_days > 0)
    {
      g_autofree char *days = format_count (doc, summary->sales_days);

      tiles_add (&tiles, format_count (doc, round (summary->sales)), _("Declared sales (MAD)"),
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "over %s day", "over %s days",
                                               (gulong) summary->sales_days), days));
    }
  else
    tiles_add (&tiles, g_strdup (NOT_RECORDED_MARK), _("Declared sales (MAD)"),
               g_strdup (_("not recorded")));
  tiles_add (&tiles, format_count (doc, counts->partners), _("Partners"), NULL);

  tdm_document_add_tiles (doc, (const TdmDocumentTile *) (gpointer) tiles.tiles->data,
                          tiles.tiles->len);
  g_array_unref (tiles.tiles);
  g_ptr_array_unref (tiles.strings);

  g_string_append (note, _("Exhibitors: applications accepted or confirmed. A cooperative is women-led when women are more than half of its members; the share counts the exhibiting cooperatives whose membership is recorded. Provinces: those of the exhibiting cooperatives."));
  g_string_append_c (note, ' ');
  g_string_append (note, _("Visitors and sales: as declared for each day of the fair, in dirhams (MAD)."));
  tdm_document_add_note (doc, note->str);
}

/* A chart's height for its figures: bars across need room per category. */
static double
chart_height (const TdmBoardChart *chart,
              const TdmStatsTable *table)
{
  guint n = table != NULL ? table->n_categories : 0;

  /* Room for the chart's "Nothing to show", no more. */
  if (n == 0)
    return 64;
  if (chart->kind == TDM_CHART_DONUT)
    return 240;
  if (chart->orientation == TDM_CHART_HORIZONTAL)
    {
      guint bars = chart->kind == TDM_CHART_BARS && chart->series < 0 ? MAX (table->n_series, 1) : 1;

      return CLAMP (70 + 15.0 * n * (bars > 1 ? 1.6 : 1.0), 130, 520);
    }
  return 230;
}

static gboolean
add_charts (TdmDocument  *doc,
            TdmStore     *store,
            gint64        fair_id,
            GError      **error)
{
  const TdmBoardChart *charts;
  guint n_charts;

  charts = tdm_board_get_charts (&n_charts);
  tdm_document_add_heading (doc, 1, _("The fair in charts"));

  for (guint i = 0; i < n_charts; i++)
    {
      const TdmBoardChart *chart = &charts[i];
      g_autoptr(TdmStatsTable) table = NULL;
      g_autoptr(TdmChart) tdm_chart = NULL;

      if (chart->board != TDM_BOARD_FAIR)
        continue;
      table = tdm_board_chart_compute (chart, store, fair_id, error);
      if (table == NULL)
        return FALSE;

      tdm_chart = tdm_board_chart_new (chart);
      /* Before filling: days and years on the axis take the digits of
       * the chart's language (Western in Moroccan Arabic). */
      tdm_chart_set_language (tdm_chart,
                              tdm_report_language_numbers (tdm_document_get_language (doc)));
      tdm_board_chart_fill (chart, tdm_chart, table);
      /* The heading names the chart. */
      tdm_chart_set_title (tdm_chart, NULL);

      tdm_document_add_heading (doc, 2, _(chart->title));
      tdm_document_add_chart (doc, tdm_chart, chart_height (chart, table));
    }
  return TRUE;
}

static const char *
or_mark (const char *text)
{
  return tdm_text_is_blank (text) ? NOT_RECORDED_MARK : text;
}

/* "Not listed: 3 waitlisted, 2 rejected." or NULL. */
static char *
not_listed_text (TdmDocument          *doc,
                 const TdmFairSummary *summary)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  g_autofree char *applied = format_count (doc, summary->applied);
  g_autofree char *waitlisted = format_count (doc, summary->waitlisted);
  g_autofree char *rejected = format_count (doc, summary->rejected);
  g_autofree char *withdrawn = format_count (doc, summary->withdrawn);

  if (summary->applied > 0)
    /* Translators: applications not decided yet: "3 pending" */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pending", "%s pending",
                                                          (gulong) summary->applied), applied));
  if (summary->waitlisted > 0)
    /* Translators: applications: "3 waitlisted" */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s waitlisted", "%s waitlisted",
                                                          (gulong) summary->waitlisted), waitlisted));
  if (summary->rejected > 0)
    /* Translators: applications: "2 rejected" */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s rejected", "%s rejected",
                                                          (gulong) summary->rejected), rejected));
  if (summary->withdrawn > 0)
    /* Translators: applications: "1 withdrawn" */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s withdrawn", "%s withdrawn",
                                                          (gulong) summary->withdrawn), withdrawn));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  list = g_strjoinv (C_("list separator", ", "), (char **) parts->pdata);
  /* Translators: %s lists the other applications: "3 waitlisted, 2 rejected" */
  return g_strdup_printf (_("Applications not listed: %s."), list);
}

static void
add_exhibitors (TdmDocument          *doc,
                GListModel           *poles,
                GPtrArray            *exhibitors,
                const TdmFairSummary *summary)
{
  g_autoptr(TdmDocumentTable) table = NULL;
  g_autofree char *not_listed = not_listed_text (doc, summary);
  g_autoptr(GHashTable) pole_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                            g_free, g_object_unref);
  guint n_poles = g_list_model_get_n_items (poles);
  gint64 current_pole = -1;
  gboolean current_has_stand = FALSE;

  tdm_document_add_heading (doc, 1, _("Exhibitors by pole"));

  if (exhibitors->len == 0)
    {
      g_autofree char *text = NULL;

      if (not_listed != NULL)
        text = g_strdup_printf ("%s %s", _("No exhibitor was accepted for this fair."), not_listed);
      tdm_document_add_note (doc, text != NULL ? text : _("No exhibitor was accepted for this fair."));
      return;
    }

  {
    g_autofree char *number = format_count (doc, exhibitors->len);
    g_autofree char *intro =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%s exhibitor accepted or confirmed, by pole and stand.",
                                    "%s exhibitors accepted or confirmed, by pole and stand.",
                                    exhibitors->len),
                       number);
    g_autofree char *text = not_listed != NULL ? g_strdup_printf ("%s %s", intro, not_listed) : NULL;

    tdm_document_add_note (doc, text != NULL ? text : intro);
  }

  for (guint i = 0; i < n_poles; i++)
    {
      TdmPole *pole = g_list_model_get_item (poles, i);
      gint64 *id = g_new (gint64, 1);

      *id = tdm_pole_get_id (pole);
      g_hash_table_insert (pole_by_id, id, pole);
    }

  table = tdm_document_table_new ();
  tdm_document_table_add_column (table, _("Stand"), 0.9, TDM_COLUMN_START);
  tdm_document_table_add_column (table, _("Exhibitor"), 4, TDM_COLUMN_START);
  tdm_document_table_add_column (table, _("Province"), 1.8, TDM_COLUMN_START);
  tdm_document_table_add_column (table, _("Sector"), 2, TDM_COLUMN_START);
  tdm_document_table_add_column (table, _("Status"), 1.2, TDM_COLUMN_START);

  for (guint i = 0; i < exhibitors->len; i++)
    {
      TdmFairSummaryExhibitor *exhibitor = g_ptr_array_index (exhibitors, i);
      gboolean has_stand = exhibitor->stand_code != NULL;
      const char *cells[5];

      if (exhibitor->pole_id != current_pole || has_stand != current_has_stand)
        {
          TdmPole *pole = g_hash_table_lookup (pole_by_id, &exhibitor->pole_id);

          if (pole != NULL)
            tdm_document_table_add_group (table, tdm_pole_get_display_name (pole),
                                          tdm_pole_get_color (pole));
          else if (has_stand)
            tdm_document_table_add_group (table, _("Stands without a pole"), NULL);
          else
            tdm_document_table_add_group (table, _("Without a stand"), NULL);
          current_pole = exhibitor->pole_id;
          current_has_stand = has_stand;
        }

      cells[0] = or_mark (exhibitor->stand_code);
      cells[1] = or_mark (exhibitor->name);
      cells[2] = or_mark (exhibitor->province);
      cells[3] = or_mark (exhibitor->sector);
      cells[4] = tdm_exhibitor_status_label (exhibitor->status);
      tdm_document_table_add_row (table, cells);
    }
  tdm_document_add_table (doc, g_steal_pointer (&table));
}

static void
add_partners (TdmDocument *doc,
              GPtrArray   *partners)
{
  g_autoptr(TdmDocumentTable) table = NULL;
  const char *current_role = NULL;

  tdm_document_add_heading (doc, 1, _("Partners"));
  if (partners->len == 0)
    {
      tdm_document_add_note (doc, _("No partner is recorded for this fair."));
      return;
    }

  tdm_document_add_note (doc, _("Contributions as recorded for the fair, in dirhams (MAD); a dash where none was recorded."));
  table = tdm_document_table_new ();
  tdm_document_table_add_column (table, _("Partner"), 4, TDM_COLUMN_START);
  tdm_document_table_add_column (table, _("Kind"), 1.8, TDM_COLUMN_START);
  tdm_document_table_add_column (table, _("Contribution"), 1.6, TDM_COLUMN_END);

  for (guint i = 0; i < partners->len; i++)
    {
      TdmFairPartner *partner = g_ptr_array_index (partners, i);
      g_autofree char *amount = partner->amount >= 0 ? format_dirhams (doc, partner->amount) : NULL;
      const char *cells[3];

      if (current_role == NULL || !g_str_equal (current_role, partner->role))
        {
          tdm_document_table_add_group (table, tdm_fair_partner_role_label (partner->role), NULL);
          current_role = partner->role;
        }
      cells[0] = partner->name;
      cells[1] = tdm_partner_kind_label (partner->kind);
      cells[2] = amount != NULL ? amount : NOT_RECORDED_MARK;
      tdm_document_table_add_row (table, cells);
    }
  tdm_document_add_table (doc, g_steal_pointer (&table));
}

static void
add_press (TdmDocument *doc,
           GPtrArray   *articles)
{
  g_autoptr(TdmDocumentTable) table = NULL;
  g_autofree char *number = NULL;
  g_autofree char *intro = NULL;

  tdm_document_add_heading (doc, 1, _("Press coverage"));
  if (articles->len == 0)
    {
      tdm_document_add_note (doc, _("No press article about this fair has been imported."));
      return;
    }

  number = format_count (doc, articles->len);
  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%s article covered the fair, by date of publication.",
                                        "%s articles covered the fair, by date of publication.",
                                        articles->len),
                           number);
  tdm_document_add_note (doc, intro);

  table = tdm_document_table_new ();
  tdm_document_table_add_column (table, _("Date"), 1.4, TDM_COLUMN_START);
  tdm_document_table_add_column (table, _("Title"), 4.6, TDM_COLUMN_START);
  tdm_document_table_add_column (table, _("Source"), 2, TDM_COLUMN_START);

  for (guint i = 0; i < articles->len; i++)
    {
      TdmStoredArticle *article = g_ptr_array_index (articles, i);
      g_autofree char *date = format_date_text (article->published_on);
      const char *cells[3];

      cells[0] = date != NULL ? date : NOT_RECORDED_MARK;
      if (!tdm_text_is_blank (article->title))
        cells[1] = article->title;
      else if (!tdm_text_is_blank (article->file_name))
        cells[1] = article->file_name;
      else
        cells[1] = _("Untitled");
      if (!tdm_text_is_blank (article->source))
        cells[2] = article->source;
      else
        cells[2] = or_mark (article->url);
      tdm_document_table_add_row (table, cells);
    }
  tdm_document_add_table (doc, g_steal_pointer (&table));
}

/* ---- the report ----------------------------------------------------- */

static TdmDocument *
build_report (TdmStore    *store,
              gint64       fair_id,
              const char  *language,
              GError     **error)
{
  g_autoptr(TdmFair) fair = NULL;
  g_autoptr(GListModel) poles = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) exhibitors = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(TdmDocument) doc = NULL;
  g_autofree char *edition = NULL;
  g_autofree char *full_title = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  g_autofree char *footer = NULL;
  TdmFairCounts counts;
  TdmFairSummary summary;

  fair = tdm_store_get_fair (store, fair_id, error);
  if (fair == NULL
      || !tdm_store_get_fair_counts (store, fair_id, &counts, error)
      || !tdm_store_get_fair_summary (store, fair_id, &summary, error)
      || (poles = tdm_store_list_poles (store, fair_id, error)) == NULL
      || (partners = tdm_store_list_fair_partners (store, fair_id, error)) == NULL
      || (exhibitors = tdm_store_list_fair_summary_exhibitors (store, fair_id, error)) == NULL
      || (articles = tdm_store_list_fair_articles (store, fair_id, error)) == NULL)
    return NULL;

  doc = tdm_document_new (language);

  edition = edition_label (fair);
  full_title = edition != NULL
               /* Translators: a fair's title and its edition */
               ? g_strdup_printf (C_("fair and edition", "%1$s, %2$s"), tdm_fair_get_title (fair), edition)
               : g_strdup (tdm_fair_get_title (fair));
  /* Translators: the title of the fair's report, in the PDF's metadata
   * and the running header */
  title = g_strdup_printf (_("Summary report — %s"), full_title);
  tdm_document_set_title (doc, title);
  today = format_today ();
  /* Translators: the footer of every page: the date the report was made */
  footer = g_strdup_printf (_("Tadamon — %s"), today);
  tdm_document_set_footer (doc, footer);

  tdm_document_set_cover (doc, TRUE);
  tdm_document_add_drawing (doc, 0, TRUE, draw_cover, cover_new (language, fair, partners),
                            cover_free);

  tdm_document_new_page (doc, TDM_PAGE_PORTRAIT);
  add_key_figures (doc, fair, &counts, &summary);
  if (!add_charts (doc, store, fair_id, error))
    return NULL;
  add_exhibitors (doc, poles, exhibitors, &summary);
  add_partners (doc, partners);
  add_press (doc, articles);

  return g_steal_pointer (&doc);
}

TdmDocument *
tdm_fair_report_new (TdmStore    *store,
                     gint64       fair_id,
                     const char  *language,
                     GError     **error)
{
  g_autoptr(TdmFair) fair = NULL;
  TdmDocument *doc;
  gpointer token;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* An unknown fair is the user's mistake: say so in the user's language,
   * before the report's is pushed. The report loads the fair again inside
   * the push, for its names in the report's language. */
  fair = tdm_store_get_fair (store, fair_id, error);
  if (fair == NULL)
    return NULL;

  if (language == NULL)
    language = tdm_report_language_default ();

  token = tdm_report_language_push (language);
  doc = build_report (store, fair_id, language, error);
  tdm_report_language_pop (token);
  return doc;
}
