/* tdm-report-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pangocairo.h>
#include <stdio.h>

#include "tdm-report-text.h"

/* Each step makes the text this much smaller: fine enough that a name
 * takes the largest size that fits, few enough layouts to stay fast. */
#define SHRINK_STEP 0.93

PangoDirection
tdm_report_letter_direction (gunichar c)
{
  GUnicodeScript script;

  if (!g_unichar_isalpha (c))
    return PANGO_DIRECTION_NEUTRAL;
  script = g_unichar_get_script (c);
  if (script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW
      || script == G_UNICODE_SCRIPT_SYRIAC || script == G_UNICODE_SCRIPT_THAANA
      || script == G_UNICODE_SCRIPT_NKO)
    return PANGO_DIRECTION_RTL;
  if (script != G_UNICODE_SCRIPT_COMMON && script != G_UNICODE_SCRIPT_INHERITED)
    return PANGO_DIRECTION_LTR;
  return PANGO_DIRECTION_NEUTRAL;
}

PangoDirection
tdm_report_text_direction (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      PangoDirection direction = tdm_report_letter_direction (g_utf8_get_char (p));

      if (direction != PANGO_DIRECTION_NEUTRAL)
        return direction;
    }
  return PANGO_DIRECTION_NEUTRAL;
}

gboolean
tdm_report_has_arabic (const char *text)
{
  /* Below 0xd8, a lead byte starts no Arabic letter: skip the lookup. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0xd8 && g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC)
      return TRUE;
  return FALSE;
}

static PangoLayout *
new_layout (cairo_t        *cr,
            const char     *text,
            PangoWeight     weight,
            PangoAlignment  align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (TDM_REPORT_FONT_FAMILY);
  PangoContext *context = pango_layout_get_context (layout);

  /* The text's own direction, set rather than guessed per paragraph so
   * that ALIGN means the same edge of the page for both scripts (with
   * auto_dir, Pango swaps left and right in a right-to-left paragraph). */
  pango_context_set_base_dir (context, tdm_report_text_direction (text) == PANGO_DIRECTION_RTL
                              ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_context_changed (layout);

  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
set_size (PangoLayout *layout,
          double       size)
{
  PangoFontDescription *desc = pango_font_description_copy (pango_layout_get_font_description (layout));

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
}

static void
logical_size (PangoLayout *layout,
              double      *width,
              double      *height)
{
  PangoRectangle rect;

  pango_layout_get_extents (layout, NULL, &rect);
  *width = (double) rect.width / PANGO_SCALE;
  *height = (double) rect.height / PANGO_SCALE;
}

PangoLayout *
tdm_report_fit_text (cairo_t          *cr,
                     const char       *text,
                     const TdmFitText *style,
                     double            width,
                     double            height)
{
  PangoLayout *layout;
  double middle;
  double w, h;

  g_return_val_if_fail (cr != NULL && style != NULL, NULL);
  g_return_val_if_fail (style->min_size > 0 && style->max_size >= style->min_size, NULL);

  if (text == NULL)
    text = "";
  layout = new_layout (cr, text, style->weight, style->align);
  middle = style->max_lines > 1
           ? MAX (style->min_size, (style->max_size + style->min_size) / 2)
           : style->min_size;

  /* One line, smaller and smaller. */
  for (double size = style->max_size; ; size = MAX (size * SHRINK_STEP, middle))
    {
      set_size (layout, size);
      logical_size (layout, &w, &h);
      if (w <= width && h <= height)
        return layout;
      if (size <= middle)
        break;
    }

  /* Wrapped, smaller and smaller. */
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (style->max_lines > 1)
    for (double size = middle; ; size = MAX (size * SHRINK_STEP, style->min_size))
      {
        set_size (layout, size);
        logical_size (layout, &w, &h);
        if ((guint) pango_layout_get_line_count (layout) <= style->max_lines && h <= height)
          return layout;
        if (size <= style->min_size)
          break;
      }

  /* The smallest size, its last line ellipsized; fewer lines when even
   * MAX_LINES of them are too tall for the box. */
  set_size (layout, style->min_size);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  for (guint lines = MAX (style->max_lines, 1); lines >= 1; lines--)
    {
      pango_layout_set_height (layout, -(int) lines);
      logical_size (layout, &w, &h);
      if (h <= height || lines == 1)
        break;
    }
  return layout;
}

double
tdm_report_show_layout (cairo_t     *cr,
                        PangoLayout *layout,
                        double       x,
                        double       y,
                        double       width,
                        double       height,
                        double       valign)
{
  PangoRectangle rect;
  double dx = 0;

  g_return_val_if_fail (cr != NULL && PANGO_IS_LAYOUT (layout), 0);

  pango_layout_get_extents (layout, NULL, &rect);
  if (pango_layout_get_width (layout) < 0)
    {
      /* Not wrapped: Pango does not align it, we do. */
      double w = (double) rect.width / PANGO_SCALE;

      switch (pango_layout_get_alignment (layout))
        {
        case PANGO_ALIGN_RIGHT:
          dx = width - w;
          break;
        case PANGO_ALIGN_CENTER:
          dx = (width - w) / 2;
          break;
        case PANGO_ALIGN_LEFT:
        default:
          break;
        }
      dx -= (double) rect.x / PANGO_SCALE;
    }

  cairo_move_to (cr, x + dx,
                 y + (height - (double) rect.height / PANGO_SCALE) * valign
                 - (double) rect.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  return (double) rect.height / PANGO_SCALE;
}

PangoLayout *
tdm_report_text_layout (cairo_t        *cr,
                        const char     *text,
                        double          size,
                        PangoWeight     weight,
                        double          width,
                        guint           max_lines,
                        PangoAlignment  align)
{
  PangoLayout *layout;

  g_return_val_if_fail (cr != NULL, NULL);

  layout = new_layout (cr, text != NULL ? text : "", weight, align);
  set_size (layout, size);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -(int) max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

double
tdm_report_line_height (double      size,
                        PangoWeight weight)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  /* Both scripts in one line, a shadda on top: the taller face sets the
   * height. */
  PangoLayout *layout = tdm_report_text_layout (cr, "Ag عربيّ", size, weight, 1000, 0, PANGO_ALIGN_LEFT);
  PangoRectangle rect;

  pango_layout_get_extents (layout, NULL, &rect);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return (double) rect.height / PANGO_SCALE;
}

void
tdm_report_cut_marks (cairo_t *cr,
                      double   x,
                      double   y,
                      guint    columns,
                      guint    rows,
                      double   cell_width,
                      double   cell_height,
                      double   length,
                      double   gap)
{
  double right = x + columns * cell_width;
  double bottom = y + rows * cell_height;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.4);
  for (guint c = 0; c <= columns; c++)
    {
      double cx = x + c * cell_width;

      cairo_move_to (cr, cx, y - gap);
      cairo_line_to (cr, cx, y - gap - length);
      cairo_move_to (cr, cx, bottom + gap);
      cairo_line_to (cr, cx, bottom + gap + length);
    }
  for (guint r = 0; r <= rows; r++)
    {
      double cy = y + r * cell_height;

      cairo_move_to (cr, x - gap, cy);
      cairo_line_to (cr, x - gap - length, cy);
      cairo_move_to (cr, right + gap, cy);
      cairo_line_to (cr, right + gap + length, cy);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

gboolean
tdm_report_parse_date (const char *iso_date,
                       GDate      *date)
{
  int year, month, day;
  char end;

  g_date_clear (date, 1);
  if (iso_date == NULL
      || sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

char *
tdm_report_format_date (const char *iso_date)
{
  GDate date;

  if (!tdm_report_parse_date (iso_date, &date))
    return NULL;
  return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&date), g_date_get_month (&date),
                          g_date_get_year (&date));
}

char *
tdm_report_format_dates (const char *start,
                         const char *end)
{
  g_autofree char *from = tdm_report_format_date (start);
  g_autofree char *to = tdm_report_format_date (end);

  if (from == NULL)
    return g_steal_pointer (&to);
  if (to == NULL || g_str_equal (from, to))
    return g_steal_pointer (&from);
  return g_strdup_printf ("%s – %s", from, to);
}
