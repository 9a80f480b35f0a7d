/* tdm-report-text.h: helpers the registry reports, the fact sheet and the
 * labels share: text fitted into a fixed box, cut marks, dates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* The faces of the reports' own drawings: Noto Sans, its Arabic
 * companion for Arabic letters. */
#define TDM_REPORT_FONT_FAMILY "Noto Sans, Noto Sans Arabic, Sans"

/* The direction of the letter C: PANGO_DIRECTION_RTL for the scripts
 * written right to left, LTR for the others, NEUTRAL for anything but a
 * letter. */
PangoDirection tdm_report_letter_direction (gunichar    c);

/* The direction of TEXT's first letter, as the bidi algorithm's rule P2
 * finds it; NEUTRAL when it has none. */
PangoDirection tdm_report_text_direction   (const char *text);

/* TRUE when TEXT has a letter of the Arabic script. */
gboolean       tdm_report_has_arabic       (const char *text);

typedef struct {
  PangoWeight     weight;
  double          max_size;   /* points */
  double          min_size;
  guint           max_lines;  /* at least 1 */
  /* On the page: PANGO_ALIGN_LEFT is the left edge whatever the
   * direction of the text. */
  PangoAlignment  align;
} TdmFitText;

/* A layout of TEXT that fits WIDTH × HEIGHT: on one line at the largest
 * size from MAX_SIZE down to the middle of the range, else wrapped on up
 * to MAX_LINES lines from there down to MIN_SIZE, else at MIN_SIZE with
 * its last line ellipsized. Never wider than WIDTH; never taller than
 * HEIGHT unless one line at MIN_SIZE already is. */
PangoLayout *tdm_report_fit_text    (cairo_t          *cr,
                                     const char       *text,
                                     const TdmFitText *style,
                                     double            width,
                                     double            height);

/* Draws LAYOUT (made by tdm_report_fit_text() for WIDTH) in the box at
 * X, Y, VALIGN 0 (top) to 1 (bottom) in its HEIGHT. Returns the height
 * the text took. */
double       tdm_report_show_layout (cairo_t          *cr,
                                     PangoLayout      *layout,
                                     double            x,
                                     double            y,
                                     double            width,
                                     double            height,
                                     double            valign);

/* A plain layout of TEXT at SIZE points, WIDTH wide (wrapped on words),
 * at most MAX_LINES lines (0: no limit, else ellipsized), aligned as
 * ALIGN on the page. */
PangoLayout *tdm_report_text_layout (cairo_t          *cr,
                                     const char       *text,
                                     double            size,
                                     PangoWeight       weight,
                                     double            width,
                                     guint             max_lines,
                                     PangoAlignment    align);

/* The height of one line of text at SIZE points in either script (Arabic
 * lines are taller than Latin ones): for blocks whose height must be
 * known before they are drawn. */
double       tdm_report_line_height (double            size,
                                     PangoWeight       weight);

/* Light cut marks around a grid of COLUMNS × ROWS cells of CELL_WIDTH ×
 * CELL_HEIGHT whose top left corner is X, Y: outside the grid, in line
 * with each edge of a cell, GAP away from it and LENGTH long. */
void         tdm_report_cut_marks   (cairo_t          *cr,
                                     double            x,
                                     double            y,
                                     guint             columns,
                                     guint             rows,
                                     double            cell_width,
                                     double            cell_height,
                                     double            length,
                                     double            gap);

/* Reads ISO_DATE ("2024-10-15") into DATE; FALSE (DATE cleared) for
 * NULL or a text that is not a real date written so. */
gboolean     tdm_report_parse_date  (const char       *iso_date,
                                     GDate            *date);

/* "2024-10-15" as the reports write a date: "15/10/2024" (the order
 * Moroccan administrations use in both languages); NULL for NULL or a
 * date it cannot read. */
char        *tdm_report_format_date (const char       *iso_date);

/* "15/10/2024 – 24/10/2024", one date when both are the same or one is
 * missing; NULL when both are. */
char        *tdm_report_format_dates (const char      *start,
                                      const char      *end);

G_END_DECLS
