/* tdm-labels.c: stand labels (two A5 landscape labels to an A4 sheet) and
 * badges (ten 85 × 54 mm cards to a sheet) of a fair's exhibitors, at
 * their real size, with light cut marks.
 *
 * Each sheet is drawn on the whole A4 page (tdm_document_add_sheet()).
 * Stand labels reach the sheet's edges: their content keeps 6 mm inside,
 * which printers that cannot print to the edge still print. A name always
 * stays inside its label: it shrinks, then wraps on two lines, then is
 * ellipsized.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tdm-fairs.h"
#include "tdm-labels-private.h"
#include "tdm-registry-summary.h"
#include "tdm-report-language.h"
#include "tdm-report-text.h"
#include "tdm-report.h"

#define MM (72.0 / 25.4)

#define LABELS_PER_PAGE 2
#define LABEL_WIDTH TDM_A4_WIDTH_PT          /* A5 landscape: 210 mm */
#define LABEL_HEIGHT (TDM_A4_HEIGHT_PT / 2)  /* 148.5 mm */
/* Room kept clear inside a stand label, which touches the sheet's edge. */
#define SAFE_MARGIN (6 * MM)
#define BADGE_COLUMNS 2
#define BADGE_ROWS 5
#define BADGES_PER_PAGE (BADGE_COLUMNS * BADGE_ROWS)
#define BADGE_WIDTH (85 * MM)
#define BADGE_HEIGHT (54 * MM)

/* Cut marks around the badges: this far from them, this long. */
#define MARK_GAP 3.0
#define MARK_LENGTH 9.0
/* The mark between two stand labels, from the sheet's edges inwards. */
#define MIDDLE_MARK_LENGTH (5.5 * MM)
#define BADGE_PAD (6 * MM)

/* One line of text in a coloured band is sized by its letters, not by its
 * line's height: an Arabic line is twice as high as its letters, and
 * would otherwise come out half the size of a Latin one. */
#define BAND_LINE 1.6

typedef struct {
  gatomicrefcount  ref_count;
  GPtrArray       *holders;      /* TdmStandHolder */
  char            *fair_line;    /* the fair's title (and edition) */
  char            *role;         /* "Exhibitor", on badges */
  char            *stand_word;   /* "Stand", on badges */
  gboolean         arabic_first;
} Sheets;

typedef struct {
  Sheets *sheets;
  guint   first;
  guint   n;
} Page;

static Sheets *
sheets_ref (Sheets *sheets)
{
  g_atomic_ref_count_inc (&sheets->ref_count);
  return sheets;
}

static void
sheets_unref (Sheets *sheets)
{
  if (!g_atomic_ref_count_dec (&sheets->ref_count))
    return;

  g_ptr_array_unref (sheets->holders);
  g_free (sheets->fair_line);
  g_free (sheets->role);
  g_free (sheets->stand_word);
  g_free (sheets);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sheets, sheets_unref)

static void
page_free (gpointer data)
{
  Page *page = data;

  sheets_unref (page->sheets);
  g_free (page);
}

/* The pole's colour, mid grey for a stand without a pole. Returns
 * whether text on it should be dark. */
static gboolean
set_band_color (cairo_t        *cr,
                TdmStandHolder *holder)
{
  double r = 0.6, g = 0.6, b = 0.62;

  if (holder->pole_color != NULL)
    tdm_parse_hex_color (holder->pole_color, &r, &g, &b);
  cairo_set_source_rgb (cr, r, g, b);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.6;
}

static void
set_text_on_band (cairo_t  *cr,
                  gboolean  dark)
{
  if (dark)
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
}

/* The names of HOLDER in the box: both, the report's language first, each
 * shrunk, wrapped and ellipsized in its half; one alone takes the box. */
static void
draw_names (cairo_t        *cr,
            TdmStandHolder *holder,
            gboolean        arabic_first,
            double          x,
            double          y,
            double          width,
            double          height,
            double          max_size,
            double          min_size)
{
  const char *first = arabic_first ? holder->name_ar : holder->name_fr;
  const char *second = arabic_first ? holder->name_fr : holder->name_ar;
  TdmFitText style = { PANGO_WEIGHT_BOLD, max_size, min_size, 2, PANGO_ALIGN_CENTER };

  if (first == NULL || second == NULL)
    {
      g_autoptr(PangoLayout) layout = NULL;

      style.max_size = max_size * 1.2;
      style.max_lines = 3;
      layout = tdm_report_fit_text (cr, first != NULL ? first : second, &style, width, height);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      tdm_report_show_layout (cr, layout, x, y, width, height, 0.5);
    }
  else
    {
      double half = height / 2;
      g_autoptr(PangoLayout) top = NULL;
      g_autoptr(PangoLayout) bottom = NULL;

      top = tdm_report_fit_text (cr, first, &style, width, half - 2);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      tdm_report_show_layout (cr, top, x, y, width, half - 2, 1);

      style.weight = PANGO_WEIGHT_NORMAL;
      bottom = tdm_report_fit_text (cr, second, &style, width, half - 2);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.28);
      tdm_report_show_layout (cr, bottom, x, y + half + 2, width, half - 2, 0);
    }
}

/* ---- stand labels ---------------------------------------------------------- */

static void
draw_stand_label (cairo_t        *cr,
                  Sheets         *sheets,
                  TdmStandHolder *holder,
                  double          width,
                  double          height)
{
  const TdmFitText code_style = { PANGO_WEIGHT_BOLD, 110, 36, 1, PANGO_ALIGN_CENTER };
  const TdmFitText pole_style = { PANGO_WEIGHT_BOLD, 16, 9, 1, PANGO_ALIGN_CENTER };
  const TdmFitText fair_style = { PANGO_WEIGHT_NORMAL, 8.5, 6.5, 1, PANGO_ALIGN_CENTER };
  g_autoptr(PangoLayout) code = NULL;
  g_autoptr(PangoLayout) pole = NULL;
  g_autoptr(PangoLayout) fair = NULL;
  double band, pad = 12, inner, code_height, fair_height = 20, names_top, names_height;
  gboolean dark;

  /* Everything inside the safe margin, framed so that a label cut a
   * little off still looks finished. */
  cairo_translate (cr, SAFE_MARGIN, SAFE_MARGIN);
  width -= 2 * SAFE_MARGIN;
  height -= 2 * SAFE_MARGIN;
  band = MIN (40, height * 0.13);
  inner = width - 2 * pad;
  code_height = height * 0.36;
  names_top = band + 8 + code_height + 6;
  names_height = height - names_top - fair_height - 14;

  cairo_set_source_rgb (cr, 0.82, 0.82, 0.84);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, 0.25, 0.25, width - 0.5, height - 0.5);
  cairo_stroke (cr);

  dark = set_band_color (cr, holder);
  cairo_rectangle (cr, 0, 0, width, band);
  cairo_fill (cr);
  if (holder->pole_name != NULL)
    {
      set_text_on_band (cr, dark);
      pole = tdm_report_fit_text (cr, holder->pole_name, &pole_style, inner, band * BAND_LINE);
      tdm_report_show_layout (cr, pole, pad, 4, inner, band - 8, 0.5);
    }

  cairo_set_source_rgb (cr, 0.08, 0.08, 0.1);
  code = tdm_report_fit_text (cr, holder->stand_code, &code_style, inner, code_height);
  tdm_report_show_layout (cr, code, pad, band + 8, inner, code_height, 0.5);

  draw_names (cr, holder, sheets->arabic_first, pad, names_top, inner, names_height, 26, 10);

  cairo_set_source_rgb (cr, 0.42, 0.42, 0.45);
  fair = tdm_report_fit_text (cr, sheets->fair_line, &fair_style, inner, fair_height);
  tdm_report_show_layout (cr, fair, pad, height - fair_height - 8, inner, fair_height, 0.5);

  /* The pole's colour again along the foot: the label reads as the
   * pole's from across the hall, even with its top hidden. */
  set_band_color (cr, holder);
  cairo_rectangle (cr, 0, height - 5, width, 5);
  cairo_fill (cr);
}

guint
tdm_labels_per_sheet (TdmReportKind kind)
{
  return kind == TDM_REPORT_BADGES ? BADGES_PER_PAGE : LABELS_PER_PAGE;
}

void
tdm_labels_get_box (TdmReportKind  kind,
                    guint          index,
                    gboolean       rtl,
                    double        *x,
                    double        *y,
                    double        *width,
                    double        *height)
{
  if (kind == TDM_REPORT_BADGES)
    {
      /* Centred on the sheet, filled in reading order. */
      guint column = index % BADGE_COLUMNS;
      guint row = index / BADGE_COLUMNS;

      if (rtl)
        column = BADGE_COLUMNS - 1 - column;
      *width = BADGE_WIDTH;
      *height = BADGE_HEIGHT;
      *x = (TDM_A4_WIDTH_PT - BADGE_COLUMNS * BADGE_WIDTH) / 2 + column * BADGE_WIDTH;
      *y = (TDM_A4_HEIGHT_PT - BADGE_ROWS * BADGE_HEIGHT) / 2 + row * BADGE_HEIGHT;
    }
  else
    {
      *width = LABEL_WIDTH;
      *height = LABEL_HEIGHT;
      *x = 0;
      *y = index * LABEL_HEIGHT;
    }
}

static void
draw_labels_page (cairo_t  *cr,
                  double    width,
                  double    height,
                  gboolean  rtl,
                  gpointer  user_data)
{
  Page *page = user_data;

  /* The cut between the two labels, marked at both edges of the sheet. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.4);
  cairo_move_to (cr, 0, height / 2);
  cairo_line_to (cr, MIDDLE_MARK_LENGTH, height / 2);
  cairo_move_to (cr, width - MIDDLE_MARK_LENGTH, height / 2);
  cairo_line_to (cr, width, height / 2);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < page->n; i++)
    {
      TdmStandHolder *holder = g_ptr_array_index (page->sheets->holders, page->first + i);
      double x, y, label_width, label_height;

      tdm_labels_get_box (TDM_REPORT_STAND_LABELS, i, rtl, &x, &y, &label_width, &label_height);
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_rectangle (cr, 0, 0, label_width, label_height);
      cairo_clip (cr);
      draw_stand_label (cr, page->sheets, holder, label_width, label_height);
      cairo_restore (cr);
    }
}

/* ---- badges ---------------------------------------------------------------- */

static void
draw_badge (cairo_t        *cr,
            Sheets         *sheets,
            TdmStandHolder *holder,
            gboolean        rtl,
            double          width,
            double          height)
{
  const TdmFitText role_style = { PANGO_WEIGHT_BOLD, 11, 7, 1, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT };
  const TdmFitText stand_style = { PANGO_WEIGHT_BOLD, 12, 7, 1, rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT };
  const TdmFitText fair_style = { PANGO_WEIGHT_NORMAL, 6.5, 5, 2, PANGO_ALIGN_CENTER };
  g_autoptr(PangoLayout) role = NULL;
  g_autoptr(PangoLayout) stand = NULL;
  g_autoptr(PangoLayout) fair = NULL;
  g_autofree char *stand_text = NULL;
  double band = 22;
  double pad = BADGE_PAD;
  double inner = width - 2 * pad;
  double fair_height = 26;
  double names_top = band + 6;
  double names_height = height - names_top - fair_height - 10;
  gboolean dark;

  cairo_set_source_rgb (cr, 0.82, 0.82, 0.84);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, 0.25, 0.25, width - 0.5, height - 0.5);
  cairo_stroke (cr);

  dark = set_band_color (cr, holder);
  cairo_rectangle (cr, 0, 0, width, band);
  cairo_fill (cr);
  set_text_on_band (cr, dark);
  /* The role at the start of the band, the stand at its end. */
  role = tdm_report_fit_text (cr, sheets->role, &role_style, inner * 0.55, band * BAND_LINE);
  tdm_report_show_layout (cr, role, rtl ? pad + inner * 0.45 : pad, 3, inner * 0.55, band - 6, 0.5);
  stand_text = g_strdup_printf ("%s %s", sheets->stand_word, holder->stand_code);
  stand = tdm_report_fit_text (cr, stand_text, &stand_style, inner * 0.43, band * BAND_LINE);
  tdm_report_show_layout (cr, stand, rtl ? pad : pad + inner * 0.57, 3, inner * 0.43, band - 6, 0.5);

  draw_names (cr, holder, sheets->arabic_first, pad, names_top, inner, names_height, 15, 6.5);

  cairo_set_source_rgb (cr, 0.42, 0.42, 0.45);
  fair = tdm_report_fit_text (cr, sheets->fair_line, &fair_style, inner, fair_height);
  tdm_report_show_layout (cr, fair, pad, height - fair_height - 5, inner, fair_height, 0.5);

  set_band_color (cr, holder);
  cairo_rectangle (cr, 0, height - 3, width, 3);
  cairo_fill (cr);
}

static void
draw_badges_page (cairo_t  *cr,
                  double    width,
                  double    height,
                  gboolean  rtl,
                  gpointer  user_data)
{
  Page *page = user_data;
  double x, y, badge_width, badge_height;

  /* Cut marks outside the grid (in the sheet's margins), the grid's top
   * left corner being the first badge's in left-to-right order. */
  tdm_labels_get_box (TDM_REPORT_BADGES, 0, FALSE, &x, &y, &badge_width, &badge_height);
  tdm_report_cut_marks (cr, x, y, BADGE_COLUMNS, BADGE_ROWS, badge_width, badge_height,
                        MARK_LENGTH, MARK_GAP);
  for (guint i = 0; i < page->n; i++)
    {
      TdmStandHolder *holder = g_ptr_array_index (page->sheets->holders, page->first + i);

      tdm_labels_get_box (TDM_REPORT_BADGES, i, rtl, &x, &y, &badge_width, &badge_height);
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_rectangle (cr, 0, 0, badge_width, badge_height);
      cairo_clip (cr);
      draw_badge (cr, page->sheets, holder, rtl, badge_width, badge_height);
      cairo_restore (cr);
    }
}

/* ---- the document ----------------------------------------------------------- */

static char *
fair_line (TdmFair *fair)
{
  g_autofree char *edition = tdm_fair_dup_edition_label (fair);

  if (edition == NULL || *edition == '\0')
    return g_strdup (tdm_fair_get_title (fair));
  /* TRANSLATORS: a fair's title and its edition, on labels and badges */
  return g_strdup_printf (_("%s — %s"), tdm_fair_get_title (fair), edition);
}

TdmDocument *
tdm_labels_new (TdmStore       *store,
                gint64          fair_id,
                TdmReportKind   kind,
                const char     *language,
                GError        **error)
{
  g_autoptr(TdmFair) fair = NULL;
  g_autoptr(GPtrArray) holders = NULL;
  g_autoptr(Sheets) sheets = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  TdmDocument *doc = NULL;
  gboolean badges;
  guint per_page;
  gpointer token;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == TDM_REPORT_STAND_LABELS || kind == TDM_REPORT_BADGES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (language == NULL)
    language = tdm_report_language_default ();
  badges = kind == TDM_REPORT_BADGES;
  per_page = tdm_labels_per_sheet (kind);

  /* Before the push: an unknown fair is told in the user's language. */
  fair = tdm_store_get_fair (store, fair_id, error);
  if (fair == NULL)
    return NULL;

  token = tdm_report_language_push (language);

  holders = tdm_store_list_stand_holders (store, fair_id, error);
  if (holders == NULL)
    {
      tdm_report_language_pop (token);
      return NULL;
    }

  sheets = g_new0 (Sheets, 1);
  g_atomic_ref_count_init (&sheets->ref_count);
  sheets->holders = g_ptr_array_ref (holders);
  sheets->fair_line = fair_line (fair);
  /* TRANSLATORS: the role printed on an exhibitor's badge */
  sheets->role = g_strdup (C_("badge", "Exhibitor"));
  sheets->stand_word = g_strdup (C_("badge", "Stand"));
  sheets->arabic_first = tdm_report_language_is_rtl (language);

  doc = tdm_document_new (language);
  /* TRANSLATORS: title of a report, %s is a fair's title */
  title = g_strdup_printf (badges ? _("Badges: %s") : _("Stand labels: %s"), tdm_fair_get_title (fair));
  tdm_document_set_title (doc, title);
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%d/%m/%Y");
  footer = g_strdup_printf (_("Tadamon — printed on %s"), today);
  tdm_document_set_footer (doc, footer);

  if (holders->len == 0)
    {
      tdm_document_add_heading (doc, 1, badges ? _("Badges") : _("Stand labels"));
      tdm_document_add_paragraph (doc, sheets->fair_line);
      tdm_document_add_note (doc,
                             _("No exhibitor has a stand yet: labels and badges are printed "
                               "for the accepted and confirmed exhibitors who have one. Assign "
                               "stands on the fair’s plan, then print them again."));
    }

  for (guint first = 0; first < holders->len; first += per_page)
    {
      Page *page = g_new0 (Page, 1);

      page->sheets = sheets_ref (sheets);
      page->first = first;
      page->n = MIN (per_page, holders->len - first);
      tdm_document_add_sheet (doc, TDM_PAGE_PORTRAIT, badges ? draw_badges_page : draw_labels_page,
                              page, page_free);
    }

  tdm_report_language_pop (token);
  return doc;
}
