/* tdm-document.h: a report laid out on A4 pages, drawn on any cairo_t.
 *
 * A TdmDocument is a flow of blocks (headings, justified paragraphs, rows
 * of key-figure tiles, charts, tables, free drawings) that it breaks into
 * A4 pages, portrait or landscape, with margins, a running header and a
 * footer "Page X of Y". A table breaks between rows, never inside one, and
 * repeats its header row (and the current group's title) on each page it
 * continues on, and keeps at least two rows together at both ends of a
 * break when it has four rows or more; a paragraph or a note keeps two
 * lines at both ends of a break. A heading is never left alone at the foot
 * of a page: one that introduces a page break, a full-page drawing or a
 * sheet moves to the next page.
 *
 * The document has a language ("ar", "fr"): Arabic documents are laid out
 * right to left (first table column on the right, tiles from the right,
 * headings and header on the right) and numbers follow
 * tdm_report_language_numbers(). All text goes through Pango: Arabic is
 * shaped and joined, mixed Arabic and Latin in one cell is ordered by the
 * bidi algorithm. Builders push the document's language
 * (tdm_report_language_push()) while they translate their strings; the
 * document pushes it again itself while it lays out and draws.
 *
 * Units are PostScript points (1/72 inch), the origin the page's top left
 * corner. The same drawing feeds a PDF (tdm_document_write_pdf()), a
 * printed page (scale the print context's cairo_t to points) and a
 * preview widget.
 *
 *   doc = tdm_document_new ("ar");
 *   tdm_document_set_title (doc, title);
 *   tdm_document_add_heading (doc, 1, _("Key figures"));
 *   tdm_document_add_tiles (doc, tiles, n_tiles);
 *   tdm_document_add_chart (doc, chart, 220);
 *   table = tdm_document_table_new ();
 *   tdm_document_table_add_column (table, _("Stand"), 1, TDM_COLUMN_START);
 *   ...
 *   tdm_document_add_table (doc, table);    // takes it
 *   tdm_document_write_pdf (doc, "out.pdf", &error);
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "tdm-chart.h"

G_BEGIN_DECLS

#define TDM_A4_WIDTH_PT   595.276
#define TDM_A4_HEIGHT_PT  841.890

#define TDM_DOCUMENT_ERROR (tdm_document_error_quark ())

typedef enum {
  TDM_DOCUMENT_ERROR_FONT,    /* no installed font writes the language */
  TDM_DOCUMENT_ERROR_WRITE,   /* the file could not be written */
} TdmDocumentError;

typedef enum {
  TDM_PAGE_PORTRAIT,
  TDM_PAGE_LANDSCAPE,
} TdmPageOrientation;

typedef enum {
  TDM_COLUMN_START,           /* text: left in French, right in Arabic */
  TDM_COLUMN_CENTER,
  TDM_COLUMN_END,             /* numbers: on the right in both directions,
                               * so that units line up under units */
} TdmColumnAlign;

/* A key figure: VALUE big ("540", "42 %"), LABEL under it
 * ("Exhibitors"), CAPTION optional, smaller ("of 560 places"). */
typedef struct {
  const char *value;
  const char *label;
  const char *caption;
} TdmDocumentTile;

/* Draws a free block (a cover, a label) in a WIDTH × HEIGHT box whose top
 * left corner is the origin of CR. RTL: the document's direction. */
typedef void (*TdmDocumentDrawFunc) (cairo_t  *cr,
                                     double    width,
                                     double    height,
                                     gboolean  rtl,
                                     gpointer  user_data);

/* ---- tables --------------------------------------------------------- */

typedef struct _TdmDocumentTable TdmDocumentTable;

TdmDocumentTable *tdm_document_table_new         (void);
void              tdm_document_table_free        (TdmDocumentTable      *table);
/* Columns in reading order; WEIGHT shares the width among them (a column
 * of weight 2 is twice as wide as one of weight 1). */
void              tdm_document_table_add_column  (TdmDocumentTable      *table,
                                                  const char            *title,
                                                  double                 weight,
                                                  TdmColumnAlign         align);
/* CELLS: one string per column (NULL or "" for an empty cell), copied.
 * Long text wraps inside its cell; a cell stops after 6 lines with an
 * ellipsis so that a row always fits a page. */
void              tdm_document_table_add_row     (TdmDocumentTable      *table,
                                                  const char * const    *cells);
/* A row across the table naming the rows after it (a pole), with a
 * swatch of COLOR ("#rrggbb", NULL: none). Repeated, marked as continued,
 * under the header when the group goes on over a page break. */
void              tdm_document_table_add_group   (TdmDocumentTable      *table,
                                                  const char            *title,
                                                  const char            *color);
guint             tdm_document_table_get_n_rows  (TdmDocumentTable      *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmDocumentTable, tdm_document_table_free)

/* ---- document ------------------------------------------------------- */

#define TDM_TYPE_DOCUMENT (tdm_document_get_type ())
G_DECLARE_FINAL_TYPE (TdmDocument, tdm_document, TDM, DOCUMENT, GObject)

GQuark            tdm_document_error_quark       (void);

/* LANGUAGE: "ar", "fr" or "en"; NULL: tdm_report_language_default(). The
 * first pages are A4 portrait. */
TdmDocument      *tdm_document_new               (const char            *language);
const char       *tdm_document_get_language      (TdmDocument           *self);
gboolean          tdm_document_get_rtl           (TdmDocument           *self);

/* The title goes into the PDF's metadata and the running header. */
void              tdm_document_set_title         (TdmDocument           *self,
                                                  const char            *title);
const char       *tdm_document_get_title         (TdmDocument           *self);
/* Text at the footer's start (e.g. "Tadamon — 22 November 2026"); "Page
 * X of Y" is at its end. */
void              tdm_document_set_footer        (TdmDocument           *self,
                                                  const char            *text);
/* The first page has no running header nor footer (a cover); it counts
 * in "Page X of Y". Default FALSE. */
void              tdm_document_set_cover         (TdmDocument           *self,
                                                  gboolean               cover);

/* Numbers as the document's language writes them (see above). */
char             *tdm_document_format_number     (TdmDocument           *self,
                                                  double                 value,
                                                  guint                  decimals);
char             *tdm_document_format_percent    (TdmDocument           *self,
                                                  double                 fraction,
                                                  guint                  decimals);

/* ---- the flow: blocks in order -------------------------------------- */

/* Starts a new page; it and the pages after it have ORIENTATION. On an
 * empty page only the orientation changes. */
void              tdm_document_new_page          (TdmDocument           *self,
                                                  TdmPageOrientation     orientation);
/* LEVEL 1 (section), 2 or 3. */
void              tdm_document_add_heading       (TdmDocument           *self,
                                                  guint                  level,
                                                  const char            *text);
/* Justified body text; "\n" separates paragraphs. */
void              tdm_document_add_paragraph     (TdmDocument           *self,
                                                  const char            *text);
/* Smaller, muted text: sources, definitions, "No exhibitor yet". */
void              tdm_document_add_note          (TdmDocument           *self,
                                                  const char            *text);
/* Rows of tiles (four to a row in portrait, six in landscape), never cut
 * by a page break. */
void              tdm_document_add_tiles         (TdmDocument           *self,
                                                  const TdmDocumentTile *tiles,
                                                  guint                  n_tiles);
/* CHART across the text width, HEIGHT points high; the document sets its
 * direction, number language and font size (8 pt), and keeps a reference.
 * The text is 493 points wide in portrait, 740 in landscape. */
void              tdm_document_add_chart         (TdmDocument           *self,
                                                  TdmChart              *chart,
                                                  double                 height);
/* Sets CHART's direction, number language and font size as
 * tdm_document_add_chart() does. Call it before filling a chart whose
 * labels are formatted at fill time (tdm_board_chart_fill() writes days
 * and years in the chart's digits): Arabic reports write Western digits,
 * as Moroccan administrations do (tdm_report_language_numbers()). */
void              tdm_document_prepare_chart     (TdmDocument           *self,
                                                  TdmChart              *chart);
/* Takes TABLE. */
void              tdm_document_add_table         (TdmDocument           *self,
                                                  TdmDocumentTable      *table);
/* A free block across the text width (FULL_PAGE: the whole page inside
 * the margins, on a page of its own, below the heading that introduces it
 * if any; HEIGHT is then ignored). For a page drawn to the sheet's edges,
 * see tdm_document_add_sheet(). */
void              tdm_document_add_drawing       (TdmDocument           *self,
                                                  double                 height,
                                                  gboolean               full_page,
                                                  TdmDocumentDrawFunc    func,
                                                  gpointer               user_data,
                                                  GDestroyNotify         destroy);
void              tdm_document_add_space         (TdmDocument           *self,
                                                  double                 height);
/* A page of its own, drawn on the whole sheet (labels, badges): FUNC gets
 * the full page size (595 × 842 points in portrait), without margins nor
 * running header and footer. It counts in "Page X of Y". The blocks after
 * it start a new page in the orientation they had before it. */
void              tdm_document_add_sheet         (TdmDocument           *self,
                                                  TdmPageOrientation     orientation,
                                                  TdmDocumentDrawFunc    func,
                                                  gpointer               user_data,
                                                  GDestroyNotify         destroy);

/* ---- pages ---------------------------------------------------------- */

/* Breaks the flow into pages (once; adding a block afterwards lays out
 * again). FALSE when no installed font can write the document's language
 * (TDM_DOCUMENT_ERROR_FONT, saying which fonts to install). */
gboolean          tdm_document_layout            (TdmDocument           *self,
                                                  GError               **error);
/* Lays out when needed; 0 on a font error. */
guint             tdm_document_get_n_pages       (TdmDocument           *self);
void              tdm_document_get_page_size     (TdmDocument           *self,
                                                  guint                  page,
                                                  double                *width,
                                                  double                *height);
TdmPageOrientation tdm_document_get_page_orientation (TdmDocument       *self,
                                                  guint                  page);
/* Draws page PAGE (0-based) in points on CR, white paper included. */
void              tdm_document_draw_page         (TdmDocument           *self,
                                                  cairo_t               *cr,
                                                  guint                  page);
/* Every page into a PDF (fonts embedded, title in the metadata), written
 * beside PATH then renamed over it: a failure leaves PATH as it was. */
gboolean          tdm_document_write_pdf         (TdmDocument           *self,
                                                  const char            *path,
                                                  GError               **error);

G_END_DECLS
