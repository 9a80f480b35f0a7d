/* tdm-document.c: a flow of blocks broken into A4 pages.
 *
 * tdm_document_layout() shapes every text once with a Pango context of its
 * own (72 dpi, so that sizes are points; no hinting, so that the layout is
 * the same on a PDF, a printer and the screen) and places the results as
 * items on pages. Drawing a page then only paints its items, which keeps a
 * print preview's redraws cheap.
 *
 * Directions: every layout has a fixed paragraph direction (auto-dir off)
 * and a visual alignment, so that Pango never swaps left and right behind
 * our back. Body text takes the document's direction; a table cell or a
 * tile takes the direction of its first strong letter, so that a French
 * name in an Arabic report keeps its punctuation where it belongs, and is
 * aligned as its column is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "tdm-document.h"
#include "tdm-document-private.h"
#include "tdm-report-language.h"
#include "tdm-report-text.h"

/* Page geometry, in points. */
#define MARGIN_SIDE        51.0   /* 18 mm */
#define CONTENT_TOP        68.0
#define CONTENT_BOTTOM     62.0   /* from the page's foot */
#define HEADER_BASELINE    43.0
#define HEADER_RULE_Y      50.0
#define FOOTER_RULE_FROM   48.0   /* from the page's foot */
#define FOOTER_BASELINE_FROM 33.0

#define CELL_PAD_X         4.5
#define CELL_PAD_Y         3.2
#define CELL_MAX_LINES     6
#define TILE_GAP           8.0
#define TILE_PAD           8.0
#define TILE_ROW_GAP       8.0
#define SWATCH_SIZE        7.0

typedef struct {
  double red, green, blue;
} Rgb;

static const Rgb COLOR_INK        = { 0.11, 0.13, 0.15 };
static const Rgb COLOR_MUTED      = { 0.37, 0.41, 0.45 };
static const Rgb COLOR_ACCENT     = { 0.08, 0.25, 0.40 };
static const Rgb COLOR_RULE       = { 0.72, 0.76, 0.80 };
static const Rgb COLOR_HEAD_FILL  = { 0.88, 0.91, 0.94 };
static const Rgb COLOR_ZEBRA      = { 0.960, 0.968, 0.976 };
static const Rgb COLOR_GROUP_FILL = { 0.925, 0.940, 0.955 };
static const Rgb COLOR_TILE_FILL  = { 0.945, 0.955, 0.968 };

typedef enum {
  STYLE_BODY,
  STYLE_NOTE,
  STYLE_H1,
  STYLE_H2,
  STYLE_H3,
  STYLE_CELL,
  STYLE_CELL_BOLD,
  STYLE_TILE_VALUE,
  STYLE_TILE_LABEL,
  STYLE_TILE_CAPTION,
  STYLE_RUNNING,          /* header and footer */
  N_STYLES
} Style;

/* ---- tables --------------------------------------------------------- */

typedef struct {
  char           *title;
  double          weight;
  TdmColumnAlign  align;
} Column;

typedef struct {
  char     **cells;       /* n_columns strings; a group: its title alone */
  char      *color;       /* a group's swatch, or NULL */
  gboolean   group;
} Row;

struct _TdmDocumentTable {
  GPtrArray *columns;
  GPtrArray *rows;
  guint      n_data_rows;
};

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->title);
  g_free (column);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
  g_free (row->color);
  g_free (row);
}

TdmDocumentTable *
tdm_document_table_new (void)
{
  TdmDocumentTable *table = g_new0 (TdmDocumentTable, 1);

  table->columns = g_ptr_array_new_with_free_func (column_free);
  table->rows = g_ptr_array_new_with_free_func (row_free);
  return table;
}

void
tdm_document_table_free (TdmDocumentTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
tdm_document_table_add_column (TdmDocumentTable *table,
                               const char       *title,
                               double            weight,
                               TdmColumnAlign    align)
{
  Column *column;

  g_return_if_fail (table != NULL);
  g_return_if_fail (table->rows->len == 0);

  column = g_new0 (Column, 1);
  column->title = g_strdup (title != NULL ? title : "");
  column->weight = weight > 0 ? weight : 1;
  column->align = align;
  g_ptr_array_add (table->columns, column);
}

void
tdm_document_table_add_row (TdmDocumentTable   *table,
                            const char * const *cells)
{
  Row *row;
  guint n;

  g_return_if_fail (table != NULL);
  g_return_if_fail (table->columns->len > 0);
  g_return_if_fail (cells != NULL);

  n = table->columns->len;
  row = g_new0 (Row, 1);
  row->cells = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    row->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
  table->n_data_rows++;
}

void
tdm_document_table_add_group (TdmDocumentTable *table,
                              const char       *title,
                              const char       *color)
{
  Row *row;

  g_return_if_fail (table != NULL);

  row = g_new0 (Row, 1);
  row->group = TRUE;
  row->cells = g_new0 (char *, 2);
  row->cells[0] = g_strdup (title != NULL ? title : "");
  row->color = g_strdup (color);
  g_ptr_array_add (table->rows, row);
}

guint
tdm_document_table_get_n_rows (TdmDocumentTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->n_data_rows;
}

/* ---- blocks --------------------------------------------------------- */

typedef enum {
  BLOCK_PAGE_BREAK,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_TILES,
  BLOCK_CHART,
  BLOCK_TABLE,
  BLOCK_DRAWING,
  BLOCK_SPACE,
  BLOCK_SHEET,
} BlockKind;

/* A shaped text and where its lines end, to break it between lines. */
typedef struct {
  PangoLayout *layout;
  double       height;
  GArray      *line_bottoms;   /* double, from the layout's top */
} Text;

typedef struct {
  PangoLayout *value;
  PangoLayout *label;
  PangoLayout *caption;
} TilePrep;

typedef struct {
  double       *col_x;         /* from the text box's left edge */
  double       *col_width;
  PangoLayout **header;        /* one per column, NULL when empty */
  double       *header_offset; /* from the cell's top to the layout's */
  double        header_height;
  PangoLayout **cells;         /* n_rows × n_columns; group: column 0 */
  double       *cell_offset;   /* n_rows × n_columns */
  PangoLayout **continued;     /* n_rows, made when a group goes on */
  double       *row_height;
} TablePrep;

typedef struct {
  BlockKind           kind;
  guint               level;
  char               *text;
  TdmDocumentTile    *tiles;
  guint               n_tiles;
  TdmChart           *chart;
  double              height;
  TdmDocumentTable   *table;
  gboolean            full_page;
  TdmPageOrientation  orientation;
  TdmDocumentDrawFunc func;
  gpointer            user_data;
  GDestroyNotify      destroy;

  /* Made by the layout. */
  double              width;
  GPtrArray          *texts;        /* Text: paragraphs, a heading */
  TilePrep           *tile_prep;
  guint               tiles_per_row;
  double             *tile_row_height;
  TablePrep          *table_prep;

  /* Where it went. */
  gboolean            placed;
  guint               first_page;
  guint               last_page;
  double              x, y, box_width, box_height;
} Block;

typedef enum {
  ITEM_TEXT,
  ITEM_FILL,
  ITEM_RULE,        /* a horizontal line, HEIGHT thick */
  ITEM_CHART,
  ITEM_DRAWING,
} ItemKind;

typedef struct {
  ItemKind     kind;
  Rgb          color;
  double       x, y, width, height;
  double       clip_y, clip_height;   /* TEXT: lines shown; height 0: all */
  PangoLayout *layout;
  Block       *block;
} Item;

typedef struct {
  TdmPageOrientation orientation;
  double             width, height;
  GArray            *items;
  gboolean           sheet;         /* drawn whole: no header nor footer */
} Page;

struct _TdmDocument {
  GObject             parent_instance;

  char               *language;
  gboolean            rtl;
  char               *title;
  char               *footer;
  gboolean            cover;
  TdmNumberFormat     number_format;

  GPtrArray          *blocks;

  PangoContext       *ltr_context;
  PangoContext       *rtl_context;
  PangoFontDescription *styles[N_STYLES];
  PangoFontDescription *latin_styles[N_STYLES];   /* Arabic documents */
  gboolean            fonts_checked;
  gboolean            fonts_ok;

  gboolean            laid_out;
  GPtrArray          *pages;
};

G_DEFINE_TYPE (TdmDocument, tdm_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (tdm-document-error-quark, tdm_document_error)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
text_free (gpointer data)
{
  Text *text = data;

  g_clear_object (&text->layout);
  g_clear_pointer (&text->line_bottoms, g_array_unref);
  g_free (text);
}

static void
clear_layouts (PangoLayout **layouts,
               gsize         n)
{
  if (layouts == NULL)
    return;
  for (gsize i = 0; i < n; i++)
    g_clear_object (&layouts[i]);
  g_free (layouts);
}

static void
block_clear_prep (Block *block)
{
  g_clear_pointer (&block->texts, g_ptr_array_unref);

  if (block->tile_prep != NULL)
    {
      for (guint i = 0; i < block->n_tiles; i++)
        {
          g_clear_object (&block->tile_prep[i].value);
          g_clear_object (&block->tile_prep[i].label);
          g_clear_object (&block->tile_prep[i].caption);
        }
      g_clear_pointer (&block->tile_prep, g_free);
    }
  g_clear_pointer (&block->tile_row_height, g_free);

  if (block->table_prep != NULL)
    {
      TablePrep *prep = block->table_prep;
      guint n_columns = block->table->columns->len;
      guint n_rows = block->table->rows->len;

      g_free (prep->col_x);
      g_free (prep->col_width);
      clear_layouts (prep->header, n_columns);
      clear_layouts (prep->cells, (gsize) n_rows * n_columns);
      g_free (prep->header_offset);
      g_free (prep->cell_offset);
      clear_layouts (prep->continued, n_rows);
      g_free (prep->row_height);
      g_clear_pointer (&block->table_prep, g_free);
    }

  block->placed = FALSE;
}

static void
block_free (gpointer data)
{
  Block *block = data;

  block_clear_prep (block);
  g_free (block->text);
  if (block->tiles != NULL)
    {
      for (guint i = 0; i < block->n_tiles; i++)
        {
          g_free ((char *) block->tiles[i].value);
          g_free ((char *) block->tiles[i].label);
          g_free ((char *) block->tiles[i].caption);
        }
      g_free (block->tiles);
    }
  g_clear_object (&block->chart);
  tdm_document_table_free (block->table);
  if (block->destroy != NULL)
    block->destroy (block->user_data);
  g_free (block);
}

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->items);
  g_free (page);
}

static void
tdm_document_invalidate (TdmDocument *self)
{
  self->laid_out = FALSE;
  g_ptr_array_set_size (self->pages, 0);
}

static void
tdm_document_finalize (GObject *object)
{
  TdmDocument *self = TDM_DOCUMENT (object);

  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->blocks);
  g_clear_object (&self->ltr_context);
  g_clear_object (&self->rtl_context);
  for (guint i = 0; i < N_STYLES; i++)
    {
      g_clear_pointer (&self->styles[i], pango_font_description_free);
      g_clear_pointer (&self->latin_styles[i], pango_font_description_free);
    }
  g_free (self->language);
  g_free (self->title);
  g_free (self->footer);

  G_OBJECT_CLASS (tdm_document_parent_class)->finalize (object);
}

static void
tdm_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TdmDocument *self = TDM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TdmDocument *self = TDM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_free (self->language);
      self->language = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      tdm_document_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static PangoContext *
make_context (PangoFontMap   *font_map,
              PangoLanguage  *language,
              PangoDirection  direction)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Points at 72 dpi; unhinted metrics keep positions the same on every
   * device the page is drawn on. */
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, language);
  pango_context_set_base_dir (context, direction);
  return context;
}

static PangoFontDescription *
make_style (const char  *families,
            double       size,
            PangoWeight  weight)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, families);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (desc, weight);
  return desc;
}

/* The script's fonts first, then the other one's for mixed text, then
 * whatever fontconfig has. Naskh reads small beside Latin at the same
 * size: Arabic text is set a little larger. */
static void
make_styles (PangoFontDescription **styles,
             gboolean               arabic)
{
  const char *serif, *sans, *display;
  double body, table;

  if (arabic)
    {
      serif = "Noto Naskh Arabic, Noto Serif, DejaVu Serif, serif";
      sans = "Noto Sans Arabic, Noto Sans, DejaVu Sans, sans-serif";
      display = "Noto Kufi Arabic, Noto Sans Arabic, Noto Sans, sans-serif";
      body = 11.5;
      table = 9.0;
    }
  else
    {
      serif = "Noto Serif, Noto Naskh Arabic, DejaVu Serif, serif";
      sans = "Noto Sans, Noto Sans Arabic, DejaVu Sans, sans-serif";
      display = sans;
      body = 10.5;
      table = 8.5;
    }

  styles[STYLE_BODY] = make_style (serif, body, PANGO_WEIGHT_NORMAL);
  styles[STYLE_NOTE] = make_style (sans, table - 0.5, PANGO_WEIGHT_NORMAL);
  styles[STYLE_H1] = make_style (display, arabic ? 15.0 : 16.0, PANGO_WEIGHT_BOLD);
  styles[STYLE_H2] = make_style (display, arabic ? 12.0 : 12.5, PANGO_WEIGHT_BOLD);
  styles[STYLE_H3] = make_style (sans, body, PANGO_WEIGHT_BOLD);
  styles[STYLE_CELL] = make_style (sans, table, PANGO_WEIGHT_NORMAL);
  styles[STYLE_CELL_BOLD] = make_style (sans, table, PANGO_WEIGHT_BOLD);
  styles[STYLE_TILE_VALUE] = make_style (sans, 18.0, PANGO_WEIGHT_BOLD);
  styles[STYLE_TILE_LABEL] = make_style (sans, table, PANGO_WEIGHT_NORMAL);
  styles[STYLE_TILE_CAPTION] = make_style (sans, table - 1.0, PANGO_WEIGHT_NORMAL);
  styles[STYLE_RUNNING] = make_style (sans, 8.0, PANGO_WEIGHT_NORMAL);
}

static void
tdm_document_constructed (GObject *object)
{
  TdmDocument *self = TDM_DOCUMENT (object);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoLanguage *language;

  G_OBJECT_CLASS (tdm_document_parent_class)->constructed (object);

  if (self->language == NULL)
    self->language = g_strdup (tdm_report_language_default ());
  self->rtl = tdm_report_language_is_rtl (self->language);
  tdm_number_format_init (&self->number_format,
                          tdm_report_language_numbers (self->language),
                          TDM_DIGITS_AUTO);

  language = pango_language_from_string (self->language);
  self->ltr_context = make_context (font_map, language, PANGO_DIRECTION_LTR);
  self->rtl_context = make_context (font_map, language, PANGO_DIRECTION_RTL);

  make_styles (self->styles, self->rtl);
  if (self->rtl)
    make_styles (self->latin_styles, FALSE);
}

static void
tdm_document_class_init (TdmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tdm_document_constructed;
  object_class->finalize = tdm_document_finalize;
  object_class->get_property = tdm_document_get_property;
  object_class->set_property = tdm_document_set_property;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tdm_document_init (TdmDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pages = g_ptr_array_new_with_free_func (page_free);
}

TdmDocument *
tdm_document_new (const char *language)
{
  return g_object_new (TDM_TYPE_DOCUMENT, "language", language, NULL);
}

const char *
tdm_document_get_language (TdmDocument *self)
{
  g_return_val_if_fail (TDM_IS_DOCUMENT (self), NULL);

  return self->language;
}

gboolean
tdm_document_get_rtl (TdmDocument *self)
{
  g_return_val_if_fail (TDM_IS_DOCUMENT (self), FALSE);

  return self->rtl;
}

void
tdm_document_set_title (TdmDocument *self,
                        const char  *title)
{
  g_return_if_fail (TDM_IS_DOCUMENT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  tdm_document_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
tdm_document_get_title (TdmDocument *self)
{
  g_return_val_if_fail (TDM_IS_DOCUMENT (self), NULL);

  return self->title;
}

void
tdm_document_set_footer (TdmDocument *self,
                         const char  *text)
{
  g_return_if_fail (TDM_IS_DOCUMENT (self));

  g_free (self->footer);
  self->footer = g_strdup (text);
  tdm_document_invalidate (self);
}

void
tdm_document_set_cover (TdmDocument *self,
                        gboolean     cover)
{
  g_return_if_fail (TDM_IS_DOCUMENT (self));

  self->cover = !!cover;
  tdm_document_invalidate (self);
}

char *
tdm_document_format_number (TdmDocument *self,
                            double       value,
                            guint        decimals)
{
  g_return_val_if_fail (TDM_IS_DOCUMENT (self), NULL);

  return tdm_number_format_format (&self->number_format, value, decimals);
}

char *
tdm_document_format_percent (TdmDocument *self,
                             double       fraction,
                             guint        decimals)
{
  g_return_val_if_fail (TDM_IS_DOCUMENT (self), NULL);

  return tdm_number_format_format_percent (&self->number_format, fraction, decimals);
}

/* ---- adding blocks -------------------------------------------------- */

static Block *
add_block (TdmDocument *self,
           BlockKind    kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  tdm_document_invalidate (self);
  return block;
}

void
tdm_document_new_page (TdmDocument        *self,
                       TdmPageOrientation  orientation)
{
  g_return_if_fail (TDM_IS_DOCUMENT (self));

  add_block (self, BLOCK_PAGE_BREAK)->orientation = orientation;
}

void
tdm_document_add_heading (TdmDocument *self,
                          guint        level,
                          const char  *text)
{
  Block *block;

  g_return_if_fail (TDM_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  block = add_block (self, BLOCK_HEADING);
  block->level = CLAMP (level, 1, 3);
  block->text = g_strdup (text);
}

void
tdm_document_add_paragraph (TdmDocument *self,
                            const char  *text)
{
  g_return_if_fail (TDM_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  add_block (self, BLOCK_PARAGRAPH)->text = g_strdup (text);
}

void
tdm_document_add_note (TdmDocument *self,
                       const char  *text)
{
  g_return_if_fail (TDM_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  add_block (self, BLOCK_NOTE)->text = g_strdup (text);
}

void
tdm_document_add_tiles (TdmDocument           *self,
                        const TdmDocumentTile *tiles,
                        guint                  n_tiles)
{
  Block *block;

  g_return_if_fail (TDM_IS_DOCUMENT (self));
  g_return_if_fail (tiles != NULL || n_tiles == 0);

  if (n_tiles == 0)
    return;

  block = add_block (self, BLOCK_TILES);
  block->n_tiles = n_tiles;
  block->tiles = g_new0 (TdmDocumentTile, n_tiles);
  for (guint i = 0; i < n_tiles; i++)
    {
      block->tiles[i].value = g_strdup (tiles[i].value != NULL ? tiles[i].value : "");
      block->tiles[i].label = g_strdup (tiles[i].label != NULL ? tiles[i].label : "");
      block->tiles[i].caption = g_strdup (tiles[i].caption);
    }
}

void
tdm_document_prepare_chart (TdmDocument *self,
                            TdmChart    *chart)
{
  g_return_if_fail (TDM_IS_DOCUMENT (self));
  g_return_if_fail (TDM_IS_CHART (chart));

  tdm_chart_set_rtl (chart, self->rtl);
  tdm_chart_set_language (chart, tdm_report_language_numbers (self->language));
  tdm_chart_set_font_size (chart, 8.0);
  tdm_chart_set_dark (chart, FALSE);
}

void
tdm_document_add_chart (TdmDocument *self,
                        TdmChart    *chart,
                        double       height)
{
  Block *block;

  g_return_if_fail (TDM_IS_DOCUMENT (self));
  g_return_if_fail (TDM_IS_CHART (chart));

  tdm_document_prepare_chart (self, chart);
  block = add_block (self, BLOCK_CHART);
  block->chart = g_object_ref (chart);
  block->height = MAX (height, 40.0);
}

void
tdm_document_add_table (TdmDocument      *self,
                        TdmDocumentTable *table)
{
  g_return_if_fail (TDM_IS_DOCUMENT (self));
  g_return_if_fail (table != NULL);

  if (table->columns->len == 0)
    {
      tdm_document_table_free (table);
      return;
    }
  add_block (self, BLOCK_TABLE)->table = table;
}

void
tdm_document_add_drawing (TdmDocument         *self,
                          double               height,
                          gboolean             full_page,
                          TdmDocumentDrawFunc  func,
                          gpointer             user_data,
                          GDestroyNotify       destroy)
{
  Block *block;

  g_return_if_fail (TDM_IS_DOCUMENT (self));
  g_return_if_fail (func != NULL);

  block = add_block (self, BLOCK_DRAWING);
  block->height = MAX (height, 1.0);
  block->full_page = !!full_page;
  block->func = func;
  block->user_data = user_data;
  block->destroy = destroy;
}

void
tdm_document_add_space (TdmDocument *self,
                        double       height)
{
  g_return_if_fail (TDM_IS_DOCUMENT (self));

  add_block (self, BLOCK_SPACE)->height = MAX (height, 0.0);
}

void
tdm_document_add_sheet (TdmDocument         *self,
                        TdmPageOrientation   orientation,
                        TdmDocumentDrawFunc  func,
                        gpointer             user_data,
                        GDestroyNotify       destroy)
{
  Block *block;

  g_return_if_fail (TDM_IS_DOCUMENT (self));
  g_return_if_fail (func != NULL);

  block = add_block (self, BLOCK_SHEET);
  block->orientation = orientation;
  block->func = func;
  block->user_data = user_data;
  block->destroy = destroy;
}

/* ---- shaping -------------------------------------------------------- */

/* Whether TEXT has a letter written right to left (RTL) or left to right. */
static gboolean
has_letters (const char *text,
             gboolean    rtl)
{
  PangoDirection wanted = rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (tdm_report_letter_direction (g_utf8_get_char (p)) == wanted)
      return TRUE;
  return FALSE;
}

typedef enum {
  SIDE_START,
  SIDE_CENTER,
  SIDE_END,
  SIDE_NUMBER,      /* on the right in both directions */
} Side;

static PangoLayout *
shape (TdmDocument *self,
       const char  *text,
       Style        style,
       double       width,
       Side         side,
       gboolean     own_direction,
       int          max_lines)
{
  PangoDirection direction = self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
  g_autofree char *valid = NULL;
  gboolean arabic_fonts;
  PangoLayout *layout;
  PangoAlignment align;

  /* Pango refuses broken UTF-8 (a damaged import): show what can be. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  arabic_fonts = self->rtl && tdm_report_has_arabic (text);

  /* A cell or a figure without letters is a number: left to right, or
   * "-5" would read "5-". Body text keeps the document's direction (an
   * Arabic sentence may well start with a French name) unless it has no
   * letter of the document's script at all. */
  if (own_direction)
    {
      direction = tdm_report_text_direction (text);
      if (direction == PANGO_DIRECTION_NEUTRAL)
        direction = PANGO_DIRECTION_LTR;
    }
  else if (!has_letters (text, self->rtl))
    {
      PangoDirection found = tdm_report_text_direction (text);

      if (found != PANGO_DIRECTION_NEUTRAL)
        direction = found;
    }

  layout = pango_layout_new (direction == PANGO_DIRECTION_RTL ? self->rtl_context : self->ltr_context);
  pango_layout_set_auto_dir (layout, FALSE);
  /* Text without Arabic in an Arabic document takes the Latin fonts
   * throughout, spaces included, or its lines would have uneven heights. */
  pango_layout_set_font_description (layout, self->rtl && !arabic_fonts
                                             ? self->latin_styles[style]
                                             : self->styles[style]);
  /* Arabic sans fonts have very tall line boxes: tighter lines in tables,
   * tiles and notes, whose marks still clear the next line. */
  if (arabic_fonts && style != STYLE_BODY && style != STYLE_H1 && style != STYLE_H2)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_line_height_new (0.8));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  /* With auto-dir off, Pango's alignment is visual. Numbers are
   * right-aligned in both directions, so that units line up under units
   * as Arabic and French tables both set them. */
  if (side == SIDE_CENTER)
    align = PANGO_ALIGN_CENTER;
  else if (side == SIDE_NUMBER || (side == SIDE_START) == self->rtl)
    align = PANGO_ALIGN_RIGHT;
  else
    align = PANGO_ALIGN_LEFT;
  pango_layout_set_alignment (layout, align);

  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
baseline (PangoLayout *layout)
{
  return pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
}

static Text *
shape_text (TdmDocument *self,
            const char  *text,
            Style        style,
            double       width,
            gboolean     justify)
{
  Text *shaped = g_new0 (Text, 1);
  PangoLayoutIter *iter;

  shaped->layout = shape (self, text, style, width, SIDE_START, FALSE, 0);
  pango_layout_set_justify (shaped->layout, justify);
  shaped->height = layout_height (shaped->layout);

  shaped->line_bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  iter = pango_layout_get_iter (shaped->layout);
  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = (double) y1 / PANGO_SCALE;
      g_array_append_val (shaped->line_bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return shaped;
}

static Style
heading_style (guint level)
{
  return level == 1 ? STYLE_H1 : level == 2 ? STYLE_H2 : STYLE_H3;
}

static void
prepare_text_block (TdmDocument *self,
                    Block       *block)
{
  g_auto(GStrv) paragraphs = NULL;

  block->texts = g_ptr_array_new_with_free_func (text_free);

  if (block->kind == BLOCK_HEADING)
    {
      g_ptr_array_add (block->texts,
                       shape_text (self, block->text, heading_style (block->level),
                                   block->width, FALSE));
      return;
    }

  paragraphs = g_strsplit (block->text, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (paragraphs[i][0] == '\0')
        continue;
      g_ptr_array_add (block->texts,
                       shape_text (self, paragraphs[i],
                                   block->kind == BLOCK_NOTE ? STYLE_NOTE : STYLE_BODY,
                                   block->width, block->kind == BLOCK_PARAGRAPH));
    }
}

/* The figures of a row of tiles share a baseline, LINE down from the
 * tile's text top, and a slot SLOT high, whatever their size. */
static void
tile_row_metrics (Block  *block,
                  guint   row,
                  double *line,
                  double *slot)
{
  double below = 0;

  *line = 0;
  for (guint i = row * block->tiles_per_row; i < MIN ((row + 1) * block->tiles_per_row, block->n_tiles); i++)
    {
      PangoLayout *value = block->tile_prep[i].value;

      *line = MAX (*line, baseline (value));
      below = MAX (below, layout_height (value) - baseline (value));
    }
  *slot = *line + below;
}

static void
prepare_tiles (TdmDocument *self,
               Block       *block,
               gboolean     landscape)
{
  double tile_width, inner;
  guint n_rows;

  block->tiles_per_row = MIN (block->n_tiles, landscape ? 6u : 4u);
  /* Tiles keep the width of a full row, so that rows line up. */
  tile_width = (block->width - TILE_GAP * ((landscape ? 6 : 4) - 1)) / (landscape ? 6 : 4);
  inner = tile_width - 2 * TILE_PAD - 3.0;
  n_rows = (block->n_tiles + block->tiles_per_row - 1) / block->tiles_per_row;

  block->tile_prep = g_new0 (TilePrep, block->n_tiles);
  block->tile_row_height = g_new0 (double, n_rows);
  for (guint i = 0; i < block->n_tiles; i++)
    {
      TilePrep *prep = &block->tile_prep[i];

      prep->value = shape (self, block->tiles[i].value, STYLE_TILE_VALUE, inner, SIDE_START, TRUE, 1);
      /* A long figure ("1 234 567 MAD") is set smaller rather than cut. */
      for (double scale = 0.85; pango_layout_is_ellipsized (prep->value) && scale > 0.45; scale -= 0.1)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
          pango_layout_set_attributes (prep->value, attrs);
          pango_attr_list_unref (attrs);
        }
      prep->label = shape (self, block->tiles[i].label, STYLE_TILE_LABEL, inner, SIDE_START, FALSE, 3);
      if (block->tiles[i].caption != NULL && block->tiles[i].caption[0] != '\0')
        prep->caption = shape (self, block->tiles[i].caption, STYLE_TILE_CAPTION, inner, SIDE_START, FALSE, 2);

    }

  for (guint row = 0; row < n_rows; row++)
    {
      double line, slot, below = 0;

      tile_row_metrics (block, row, &line, &slot);
      for (guint i = row * block->tiles_per_row; i < MIN ((row + 1) * block->tiles_per_row, block->n_tiles); i++)
        {
          TilePrep *prep = &block->tile_prep[i];

          below = MAX (below, layout_height (prep->label)
                              + (prep->caption != NULL ? 1.0 + layout_height (prep->caption) : 0));
        }
      block->tile_row_height[row] = 2 * TILE_PAD + slot + 2.0 + below;
    }
}

/* Sets the cells of a row on one baseline (an Arabic cell's line is
 * taller than a Latin one's): OFFSETS receive how far down each cell
 * starts. Returns the height the row's text takes. */
static double
align_baselines (PangoLayout **cells,
                 double       *offsets,
                 guint         n)
{
  double line = 0, height = 0;

  for (guint c = 0; c < n; c++)
    if (cells[c] != NULL)
      line = MAX (line, baseline (cells[c]));

  for (guint c = 0; c < n; c++)
    if (cells[c] != NULL)
      {
        offsets[c] = line - baseline (cells[c]);
        height = MAX (height, offsets[c] + layout_height (cells[c]));
      }
  return height;
}

static gboolean
parse_color (const char *spec,
             Rgb        *color)
{
  guint value;

  if (spec == NULL || spec[0] != '#' || strlen (spec) != 7
      || strspn (spec + 1, "0123456789abcdefABCDEF") != 6)
    return FALSE;
  value = (guint) g_ascii_strtoull (spec + 1, NULL, 16);
  color->red = ((value >> 16) & 0xff) / 255.0;
  color->green = ((value >> 8) & 0xff) / 255.0;
  color->blue = (value & 0xff) / 255.0;
  return TRUE;
}

/* The room a group row's swatch takes before its title. */
static double
group_indent (Row *row)
{
  Rgb color;

  return parse_color (row->color, &color) ? SWATCH_SIZE + CELL_PAD_X : 0;
}

static Side
column_side (TdmColumnAlign align)
{
  return align == TDM_COLUMN_END ? SIDE_NUMBER : align == TDM_COLUMN_CENTER ? SIDE_CENTER : SIDE_START;
}

static void
prepare_table (TdmDocument *self,
               Block       *block)
{
  TdmDocumentTable *table = block->table;
  guint n_columns = table->columns->len;
  guint n_rows = table->rows->len;
  TablePrep *prep = g_new0 (TablePrep, 1);
  double total_weight = 0, before = 0;

  block->table_prep = prep;
  prep->col_x = g_new0 (double, n_columns);
  prep->col_width = g_new0 (double, n_columns);
  prep->header = g_new0 (PangoLayout *, n_columns);
  prep->header_offset = g_new0 (double, n_columns);
  prep->cells = g_new0 (PangoLayout *, (gsize) n_rows * n_columns);
  prep->cell_offset = g_new0 (double, (gsize) n_rows * n_columns);
  prep->continued = g_new0 (PangoLayout *, n_rows);
  prep->row_height = g_new0 (double, n_rows);

  for (guint c = 0; c < n_columns; c++)
    total_weight += ((Column *) g_ptr_array_index (table->columns, c))->weight;

  /* Column 0 at the reading start: on the right in Arabic. */
  for (guint c = 0; c < n_columns; c++)
    {
      Column *column = g_ptr_array_index (table->columns, c);
      double width = block->width * column->weight / total_weight;

      prep->col_width[c] = width;
      prep->col_x[c] = self->rtl ? block->width - before - width : before;
      before += width;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      Column *column = g_ptr_array_index (table->columns, c);

      if (column->title[0] == '\0')
        continue;
      prep->header[c] = shape (self, column->title, STYLE_CELL_BOLD,
                               prep->col_width[c] - 2 * CELL_PAD_X,
                               column_side (column->align), TRUE, 3);
    }
  prep->header_height = align_baselines (prep->header, prep->header_offset, n_columns)
                        + 2 * CELL_PAD_Y + 1.5;

  for (guint r = 0; r < n_rows; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);
      PangoLayout **cells = prep->cells + (gsize) r * n_columns;
      double height = 0;

      if (row->group)
        {
          cells[0] = shape (self, row->cells[0], STYLE_CELL_BOLD,
                            block->width - group_indent (row) - 2 * CELL_PAD_X,
                            SIDE_START, FALSE, 2);
          height = layout_height (cells[0]);
        }
      else
        {
          for (guint c = 0; c < n_columns; c++)
            {
              Column *column = g_ptr_array_index (table->columns, c);

              if (row->cells[c][0] == '\0')
                continue;
              cells[c] = shape (self, row->cells[c], STYLE_CELL,
                                prep->col_width[c] - 2 * CELL_PAD_X,
                                column_side (column->align), TRUE, CELL_MAX_LINES);
            }
          height = align_baselines (cells, prep->cell_offset + (gsize) r * n_columns, n_columns);
          if (height == 0)
            height = prep->header_height - 2 * CELL_PAD_Y - 1.5;
        }
      prep->row_height[r] = height + 2 * CELL_PAD_Y + (row->group ? 2.0 : 0);
    }
}

/* ---- the flow ------------------------------------------------------- */

typedef struct {
  TdmDocument        *self;
  Page               *page;
  TdmPageOrientation  orientation;
  double              left, top, bottom, width;
  double              y;
  double              pending;       /* room the last block wants after it */
  gboolean            empty;         /* nothing on this page yet */
} Flow;

static void
page_size (TdmPageOrientation  orientation,
           double             *width,
           double             *height)
{
  *width = orientation == TDM_PAGE_LANDSCAPE ? TDM_A4_HEIGHT_PT : TDM_A4_WIDTH_PT;
  *height = orientation == TDM_PAGE_LANDSCAPE ? TDM_A4_WIDTH_PT : TDM_A4_HEIGHT_PT;
}

static void
flow_new_page (Flow *flow)
{
  Page *page = g_new0 (Page, 1);

  page->orientation = flow->orientation;
  page_size (flow->orientation, &page->width, &page->height);
  page->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (page->items, item_clear);
  g_ptr_array_add (flow->self->pages, page);

  flow->page = page;
  flow->left = MARGIN_SIDE;
  flow->width = page->width - 2 * MARGIN_SIDE;
  flow->top = CONTENT_TOP;
  flow->bottom = page->height - CONTENT_BOTTOM;
  flow->y = flow->top;
  flow->pending = 0;
  flow->empty = TRUE;
}

/* The room before a block that wants BEFORE: none at a page's top. */
static double
flow_space (Flow   *flow,
            double  before)
{
  return flow->empty ? 0 : MAX (flow->pending, before);
}

static gboolean
flow_fits (Flow   *flow,
           double  before,
           double  height)
{
  return flow->y + flow_space (flow, before) + height <= flow->bottom + 0.01;
}

/* Moves to the top of a new page unless this one is still empty. */
static void
flow_break (Flow *flow)
{
  if (!flow->empty)
    flow_new_page (flow);
}

static void
flow_skip (Flow   *flow,
           double  before)
{
  flow->y += flow_space (flow, before);
  flow->empty = FALSE;
}

static Item *
add_item (Flow     *flow,
          ItemKind  kind,
          double    x,
          double    y,
          double    width,
          double    height)
{
  Item item = { 0 };

  item.kind = kind;
  item.x = x;
  item.y = y;
  item.width = width;
  item.height = height;
  g_array_append_val (flow->page->items, item);
  return &g_array_index (flow->page->items, Item, flow->page->items->len - 1);
}

static void
add_fill (Flow      *flow,
          double     x,
          double     y,
          double     width,
          double     height,
          const Rgb *color)
{
  add_item (flow, ITEM_FILL, x, y, width, height)->color = *color;
}

static void
add_rule (Flow      *flow,
          double     x,
          double     y,
          double     width,
          double     thickness,
          const Rgb *color)
{
  add_item (flow, ITEM_RULE, x, y, width, thickness)->color = *color;
}

static Item *
add_text (Flow        *flow,
          PangoLayout *layout,
          double       x,
          double       y,
          const Rgb   *color)
{
  Item *item;

  if (layout == NULL)
    return NULL;
  item = add_item (flow, ITEM_TEXT, x, y, 0, 0);
  item->layout = g_object_ref (layout);
  item->color = *color;
  return item;
}

static void
mark_placed (Flow   *flow,
             Block  *block,
             double  y,
             double  height)
{
  guint page = flow->self->pages->len - 1;

  if (!block->placed)
    {
      block->placed = TRUE;
      block->first_page = page;
      block->x = flow->left;
      block->y = y;
      block->box_width = flow->width;
      block->box_height = height;
    }
  else if (page == block->first_page)
    block->box_height = y + height - block->y;
  block->last_page = page;
}

/* The least room BLOCK needs at the top of where it starts: what a heading
 * before it must find on the same page. */
static double
block_min_height (Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return ((Text *) g_ptr_array_index (block->texts, 0))->height;
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
      {
        Text *text;

        if (block->texts->len == 0)
          return 0;
        text = g_ptr_array_index (block->texts, 0);
        return g_array_index (text->line_bottoms, double, MIN (text->line_bottoms->len, 2u) - 1);
      }
    case BLOCK_TILES:
      return block->tile_row_height[0];
    case BLOCK_CHART:
    case BLOCK_DRAWING:
      return block->full_page ? 0 : block->height;
    case BLOCK_TABLE:
      {
        TablePrep *prep = block->table_prep;
        double height = prep->header_height;
        GPtrArray *rows = block->table->rows;
        /* No row left alone at the foot of a page (see table_page_end()). */
        guint wanted = block->table->n_data_rows >= 4 ? 2 : 1;
        guint seen = 0;

        for (guint r = 0; r < rows->len && seen < wanted; r++)
          {
            height += prep->row_height[r];
            if (!((Row *) g_ptr_array_index (rows, r))->group)
              seen++;
          }
        return height;
      }
    case BLOCK_PAGE_BREAK:
    case BLOCK_SPACE:
    case BLOCK_SHEET:
    default:
      return 0;
    }
}

static double
heading_before (guint level)
{
  return level == 1 ? 18.0 : level == 2 ? 13.0 : 9.0;
}

static double
heading_after (guint level)
{
  return level == 1 ? 9.0 : level == 2 ? 6.0 : 4.0;
}

/* Places TEXT, broken between lines over pages when it must be: at least
 * two lines at a page's foot and two at the next page's top when the
 * paragraph has them. */
static void
place_text (Flow      *flow,
            Block     *block,
            Text      *text,
            double     before,
            const Rgb *color)
{
  GArray *bottoms = text->line_bottoms;
  guint n = bottoms->len;
  guint first = 0;
  double offset = 0;

  while (first < n)
    {
      double space = flow_space (flow, before);
      double room = flow->bottom - (flow->y + space);
      guint last = first;
      Item *item;
      double shown;

      while (last < n && g_array_index (bottoms, double, last) - offset <= room + 0.01)
        last++;

      if (last < n)
        {
          if (!flow->empty && (last - first < 2 || (last - first < n - first && n - first <= 3)))
            {
              flow_new_page (flow);
              continue;
            }
          if (n - last < 2 && last - first > 2)
            last--;
          if (last == first)
            last = first + 1;   /* a line taller than a page: shown cut */
        }

      flow_skip (flow, before);
      shown = g_array_index (bottoms, double, last - 1) - offset;
      item = add_text (flow, text->layout, flow->left, flow->y - offset, color);
      if (first > 0 || last < n)
        {
          item->clip_y = flow->y;
          item->clip_height = shown;
        }
      mark_placed (flow, block, flow->y, shown);
      flow->y += shown;

      if (last < n)
        flow_new_page (flow);
      first = last;
      offset += shown;
      before = 0;
    }
}

static void
place_heading (Flow  *flow,
               Block *block,
               Block *next,
               Block *after_next)
{
  Text *text = g_ptr_array_index (block->texts, 0);
  double before = heading_before (block->level);
  double after = heading_after (block->level);
  double keep = text->height + after;

  /* Kept with what it introduces (and a subheading with its own). */
  if (next != NULL)
    {
      keep += block_min_height (next);
      if (next->kind == BLOCK_HEADING && after_next != NULL)
        keep += heading_after (next->level) + block_min_height (after_next);
    }
  if (!flow_fits (flow, before, MIN (keep, flow->bottom - flow->top)))
    flow_new_page (flow);

  place_text (flow, block, text, before, block->level == 1 ? &COLOR_ACCENT : &COLOR_INK);
  if (block->level == 1)
    {
      flow->y += 3.0;
      add_rule (flow, flow->left, flow->y, flow->width, 0.8, &COLOR_RULE);
      flow->y += 0.8;
    }
  flow->pending = after;
}

static void
place_paragraphs (Flow  *flow,
                  Block *block)
{
  gboolean note = block->kind == BLOCK_NOTE;

  for (guint i = 0; i < block->texts->len; i++)
    {
      place_text (flow, block, g_ptr_array_index (block->texts, i),
                  i == 0 ? 0 : 4.0, note ? &COLOR_MUTED : &COLOR_INK);
      flow->pending = note ? 6.0 : 7.0;
    }
}

static void
place_tiles (Flow  *flow,
             Block *block)
{
  guint per_row = block->tiles_per_row;
  guint n_full = flow->orientation == TDM_PAGE_LANDSCAPE ? 6 : 4;
  double tile_width = (flow->width - TILE_GAP * (n_full - 1)) / n_full;

  for (guint first = 0, row = 0; first < block->n_tiles; first += per_row, row++)
    {
      double height = block->tile_row_height[row];
      double before = row == 0 ? 6.0 : TILE_ROW_GAP;
      double line, slot;

      tile_row_metrics (block, row, &line, &slot);

      if (!flow_fits (flow, before, height))
        flow_new_page (flow);
      flow_skip (flow, before);

      for (guint i = first; i < MIN (first + per_row, block->n_tiles); i++)
        {
          TilePrep *prep = &block->tile_prep[i];
          guint column = i - first;
          double x = flow->self->rtl
                     ? flow->left + flow->width - (column + 1) * tile_width - column * TILE_GAP
                     : flow->left + column * (tile_width + TILE_GAP);
          double text_x = flow->self->rtl ? x + TILE_PAD : x + TILE_PAD + 3.0;
          double y = flow->y + TILE_PAD;

          add_fill (flow, x, flow->y, tile_width, height, &COLOR_TILE_FILL);
          /* An accent bar on the reading side. */
          add_fill (flow, flow->self->rtl ? x + tile_width - 3.0 : x, flow->y, 3.0, height, &COLOR_ACCENT);

          add_text (flow, prep->value, text_x, y + line - baseline (prep->value), &COLOR_ACCENT);
          y += slot + 2.0;
          add_text (flow, prep->label, text_x, y, &COLOR_INK);
          y += layout_height (prep->label) + 1.0;
          add_text (flow, prep->caption, text_x, y, &COLOR_MUTED);
        }
      mark_placed (flow, block, flow->y, height);
      flow->y += height;
    }
  flow->pending = 12.0;
}

/* INTRODUCED: a full-page drawing whose heading was just placed at the
 * top of its page (see tdm_document_layout()) fills the rest of it. */
static void
place_box (Flow     *flow,
           Block    *block,
           ItemKind  kind,
           gboolean  introduced)
{
  double height = block->height;
  Item *item;

  if (block->full_page)
    {
      if (!introduced)
        flow_break (flow);
      height = flow->bottom - (flow->y + flow_space (flow, 6.0));
    }
  else
    {
      height = MIN (height, flow->bottom - flow->top);
      if (!flow_fits (flow, 6.0, height))
        flow_new_page (flow);
    }
  flow_skip (flow, 6.0);

  item = add_item (flow, kind, flow->left, flow->y, flow->width, height);
  item->block = block;
  mark_placed (flow, block, flow->y, height);
  flow->y += height;
  flow->pending = 12.0;

  if (block->full_page)
    flow_new_page (flow);
}

static void
place_sheet (Flow  *flow,
             Block *block)
{
  TdmPageOrientation before = flow->orientation;
  GPtrArray *pages = flow->self->pages;
  Item *item;

  if (flow->empty)
    g_ptr_array_set_size (pages, pages->len - 1);
  flow->orientation = block->orientation;
  flow_new_page (flow);
  flow->page->sheet = TRUE;

  item = add_item (flow, ITEM_DRAWING, 0, 0, flow->page->width, flow->page->height);
  item->block = block;
  block->placed = TRUE;
  block->first_page = block->last_page = pages->len - 1;
  block->x = block->y = 0;
  block->box_width = flow->page->width;
  block->box_height = flow->page->height;

  /* What follows goes on as it was before the sheet. */
  flow->orientation = before;
  flow_new_page (flow);
}

static gboolean
row_is_group (Block *block,
              guint  r)
{
  return ((Row *) g_ptr_array_index (block->table->rows, r))->group;
}

/* The first row that goes over to the next page when the rows from FIRST
 * on are placed from Y: no row cut in two, a group's title kept with its
 * first row and, in a table of four rows or more, never one row alone at
 * the top of the next page (the foot of a page is kept by
 * block_min_height()). */
static guint
table_page_end (Block  *block,
                guint   first,
                double  y,
                double  bottom)
{
  TablePrep *prep = block->table_prep;
  guint n_rows = block->table->rows->len;
  guint end, back, tail = 0, kept = 0;

  for (end = first; end < n_rows; end++)
    {
      double need = prep->row_height[end];

      if (row_is_group (block, end) && end + 1 < n_rows && !row_is_group (block, end + 1))
        need += prep->row_height[end + 1];
      if (y + need > bottom + 0.01 && end > first)
        break;
      y += prep->row_height[end];
    }
  if (end == n_rows || block->table->n_data_rows < 4)
    return end;

  for (guint r = end; r < n_rows; r++)
    if (!row_is_group (block, r))
      tail++;
  if (tail >= 2)
    return end;

  /* Rows of this page go over too, with their group's title. */
  for (back = end; back > first && tail < 2; back--)
    if (!row_is_group (block, back - 1))
      tail++;
  while (back > first && row_is_group (block, back - 1))
    back--;
  for (guint r = first; r < back; r++)
    if (!row_is_group (block, r))
      kept++;
  return kept >= 2 ? back : end;
}

static void
place_table_header (Flow      *flow,
                    Block     *block)
{
  TablePrep *prep = block->table_prep;
  guint n_columns = block->table->columns->len;

  add_fill (flow, flow->left, flow->y, flow->width, prep->header_height, &COLOR_HEAD_FILL);
  for (guint c = 0; c < n_columns; c++)
    add_text (flow, prep->header[c], flow->left + prep->col_x[c] + CELL_PAD_X,
              flow->y + CELL_PAD_Y + prep->header_offset[c], &COLOR_INK);
  add_rule (flow, flow->left, flow->y + prep->header_height - 1.0, flow->width, 1.0, &COLOR_MUTED);
  flow->y += prep->header_height;
}

static void
place_group_row (Flow        *flow,
                 Block       *block,
                 guint        r,
                 PangoLayout *title,
                 double       height)
{
  Row *row = g_ptr_array_index (block->table->rows, r);
  gboolean rtl = flow->self->rtl;
  double text_x = rtl ? flow->left + CELL_PAD_X : flow->left + CELL_PAD_X + group_indent (row);
  Rgb swatch;

  add_fill (flow, flow->left, flow->y, flow->width, height, &COLOR_GROUP_FILL);
  if (parse_color (row->color, &swatch))
    {
      double line = baseline (title);

      add_fill (flow,
                rtl ? flow->left + flow->width - CELL_PAD_X - SWATCH_SIZE : flow->left + CELL_PAD_X,
                flow->y + CELL_PAD_Y + 1.0 + line - SWATCH_SIZE, SWATCH_SIZE, SWATCH_SIZE, &swatch);
    }
  add_text (flow, title, text_x, flow->y + CELL_PAD_Y + 1.0, &COLOR_ACCENT);
  add_rule (flow, flow->left, flow->y + height - 0.5, flow->width, 0.5, &COLOR_RULE);
  flow->y += height;
}

static void
place_table (Flow  *flow,
             Block *block)
{
  TdmDocument *self = flow->self;
  TablePrep *prep = block->table_prep;
  GPtrArray *rows = block->table->rows;
  guint n_columns = block->table->columns->len;
  int group = -1;
  guint zebra = 0, end;
  double part_top;

  if (!flow_fits (flow, 6.0, block_min_height (block)))
    flow_new_page (flow);
  flow_skip (flow, 6.0);
  part_top = flow->y;
  place_table_header (flow, block);
  end = table_page_end (block, 0, flow->y, flow->bottom);

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);
      double height = prep->row_height[r];

      if (r == end)
        {
          mark_placed (flow, block, part_top, flow->y - part_top);
          flow_new_page (flow);
          flow_skip (flow, 0);
          part_top = flow->y;
          place_table_header (flow, block);

          if (!row->group && group >= 0)
            {
              Row *group_row = g_ptr_array_index (rows, group);

              if (prep->continued[group] == NULL)
                {
                  g_autofree char *title = g_strdup_printf (_("%s (continued)"), group_row->cells[0]);

                  prep->continued[group] = shape (self, title, STYLE_CELL_BOLD,
                                                  flow->width - group_indent (group_row) - 2 * CELL_PAD_X,
                                                  SIDE_START, FALSE, 2);
                }
              place_group_row (flow, block, group, prep->continued[group],
                               layout_height (prep->continued[group]) + 2 * CELL_PAD_Y + 2.0);
            }
          end = table_page_end (block, r, flow->y, flow->bottom);
        }

      if (row->group)
        {
          place_group_row (flow, block, r, prep->cells[(gsize) r * n_columns], height);
          group = (int) r;
          zebra = 0;
        }
      else
        {
          PangoLayout **cells = prep->cells + (gsize) r * n_columns;
          double *offsets = prep->cell_offset + (gsize) r * n_columns;

          if (zebra++ % 2 == 1)
            add_fill (flow, flow->left, flow->y, flow->width, height, &COLOR_ZEBRA);
          for (guint c = 0; c < n_columns; c++)
            add_text (flow, cells[c], flow->left + prep->col_x[c] + CELL_PAD_X,
                      flow->y + CELL_PAD_Y + offsets[c], &COLOR_INK);
          flow->y += height;
        }
    }

  add_rule (flow, flow->left, flow->y, flow->width, 0.8, &COLOR_MUTED);
  flow->y += 0.8;
  mark_placed (flow, block, part_top, flow->y - part_top);
  flow->pending = 14.0;
}

static void
place_page_break (Flow  *flow,
                  Block *block)
{
  flow->orientation = block->orientation;
  /* Only the orientation of an empty page changes. */
  if (flow->empty)
    g_ptr_array_set_size (flow->self->pages, flow->self->pages->len - 1);
  flow_new_page (flow);
}

/* Whether the block before INDEX, spaces aside, is a heading. */
static gboolean
after_heading (TdmDocument *self,
               guint        index)
{
  for (guint i = index; i > 0; i--)
    {
      Block *block = g_ptr_array_index (self->blocks, i - 1);

      if (block->kind != BLOCK_SPACE)
        return block->kind == BLOCK_HEADING;
    }
  return FALSE;
}

/* The first block after the headings (and spaces) from INDEX on. */
static Block *
next_after_headings (TdmDocument *self,
                     guint        index)
{
  for (guint i = index; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (block->kind != BLOCK_HEADING && block->kind != BLOCK_SPACE)
        return block;
    }
  return NULL;
}

/* ---- running header and footer -------------------------------------- */

static void
place_running (TdmDocument *self,
               Flow        *flow,
               guint        index,
               guint        n_pages)
{
  Page *page = g_ptr_array_index (self->pages, index);
  double width = page->width - 2 * MARGIN_SIDE;
  g_autofree char *number = tdm_document_format_number (self, index + 1, 0);
  g_autofree char *total = tdm_document_format_number (self, n_pages, 0);
  /* Translators: the footer of a report's pages: "Page 3 of 12". */
  g_autofree char *page_text = g_strdup_printf (_("Page %s of %s"), number, total);
  g_autoptr(PangoLayout) numbers = NULL;
  PangoRectangle logical;
  double numbers_width;

  flow->page = page;

  /* A cover or a sheet has neither running header nor footer, but counts. */
  if ((self->cover && index == 0) || page->sheet)
    return;

  if (self->title != NULL && self->title[0] != '\0')
    {
      g_autoptr(PangoLayout) title = shape (self, self->title, STYLE_RUNNING, width, SIDE_START, FALSE, 1);

      add_text (flow, title, MARGIN_SIDE, HEADER_BASELINE - baseline (title), &COLOR_MUTED);
      add_rule (flow, MARGIN_SIDE, HEADER_RULE_Y, width, 0.5, &COLOR_RULE);
    }

  numbers = shape (self, page_text, STYLE_RUNNING, width, SIDE_END, FALSE, 1);
  pango_layout_get_extents (numbers, NULL, &logical);
  numbers_width = (double) logical.width / PANGO_SCALE;

  add_rule (flow, MARGIN_SIDE, page->height - FOOTER_RULE_FROM, width, 0.5, &COLOR_RULE);
  add_text (flow, numbers, MARGIN_SIDE, page->height - FOOTER_BASELINE_FROM - baseline (numbers),
            &COLOR_MUTED);
  if (self->footer != NULL && self->footer[0] != '\0')
    {
      g_autoptr(PangoLayout) footer = shape (self, self->footer, STYLE_RUNNING,
                                             MAX (width - numbers_width - 24.0, 24.0),
                                             SIDE_START, FALSE, 1);

      add_text (flow, footer,
                self->rtl ? MARGIN_SIDE + numbers_width + 24.0 : MARGIN_SIDE,
                page->height - FOOTER_BASELINE_FROM - baseline (footer), &COLOR_MUTED);
    }
}

/* ---- fonts ---------------------------------------------------------- */

static gboolean
fonts_write (TdmDocument *self,
             Style        style,
             const char  *sample)
{
  PangoContext *context = self->rtl ? self->rtl_context : self->ltr_context;
  PangoLanguage *language = pango_context_get_language (context);
  PangoFontset *fontset;
  gboolean writes = TRUE;

  /* The fonts Pango would really pick, fallbacks included. */
  fontset = pango_font_map_load_fontset (pango_context_get_font_map (context), context,
                                         self->styles[style], language);
  if (fontset == NULL)
    return FALSE;

  for (const char *p = sample; *p != '\0' && writes; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autoptr(PangoFont) font = pango_fontset_get_font (fontset, c);

      writes = font != NULL && pango_font_has_char (font, c);
    }
  g_object_unref (fontset);
  return writes;
}

static gboolean
check_fonts (TdmDocument  *self,
             GError      **error)
{
  if (!self->fonts_checked)
    {
      const char *sample = self->rtl ? "ابتجدرسعلمنهوي" : "AZaeiouyzéàç";

      self->fonts_ok = fonts_write (self, STYLE_BODY, sample)
                       && fonts_write (self, STYLE_CELL, sample);
      self->fonts_checked = TRUE;
    }

  if (self->fonts_ok)
    return TRUE;

  if (self->rtl)
    g_set_error_literal (error, TDM_DOCUMENT_ERROR, TDM_DOCUMENT_ERROR_FONT,
                         _("No installed font can write Arabic, so the report cannot be made. "
                           "Install the “fonts-noto-core” package (or another Arabic font) and try again."));
  else
    g_set_error_literal (error, TDM_DOCUMENT_ERROR, TDM_DOCUMENT_ERROR_FONT,
                         _("No installed font can write the report’s letters, so it cannot be made. "
                           "Install the “fonts-noto-core” package and try again."));
  return FALSE;
}

/* ---- layout --------------------------------------------------------- */

gboolean
tdm_document_layout (TdmDocument  *self,
                     GError      **error)
{
  TdmPageOrientation orientation = TDM_PAGE_PORTRAIT;
  Block *moved_break = NULL;
  gpointer token;
  Flow flow = { 0 };

  g_return_val_if_fail (TDM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->laid_out)
    return TRUE;
  if (!check_fonts (self, error))
    return FALSE;

  token = tdm_report_language_push (self->language);

  /* Shape every block at the width of the pages it will be on. */
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double width, height;

      block_clear_prep (block);
      if (block->kind == BLOCK_PAGE_BREAK)
        orientation = block->orientation;
      page_size (orientation, &width, &height);
      block->width = width - 2 * MARGIN_SIDE;

      switch (block->kind)
        {
        case BLOCK_HEADING:
        case BLOCK_PARAGRAPH:
        case BLOCK_NOTE:
          prepare_text_block (self, block);
          break;
        case BLOCK_TILES:
          prepare_tiles (self, block, orientation == TDM_PAGE_LANDSCAPE);
          break;
        case BLOCK_TABLE:
          prepare_table (self, block);
          break;
        case BLOCK_PAGE_BREAK:
        case BLOCK_CHART:
        case BLOCK_DRAWING:
        case BLOCK_SPACE:
        case BLOCK_SHEET:
        default:
          break;
        }
    }

  g_ptr_array_set_size (self->pages, 0);
  flow.self = self;
  flow.orientation = TDM_PAGE_PORTRAIT;
  flow_new_page (&flow);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case BLOCK_PAGE_BREAK:
          if (block == moved_break)
            break;
          place_page_break (&flow, block);
          break;
        case BLOCK_HEADING:
          if (!flow.empty && !after_heading (self, i))
            {
              /* Headings that introduce a new page go to its top (alone
               * at the top of a page, they are a title page). */
              Block *next = next_after_headings (self, i);

              if (next != NULL && next->kind == BLOCK_PAGE_BREAK)
                {
                  place_page_break (&flow, next);
                  moved_break = next;
                }
              else if (next != NULL && (next->kind == BLOCK_SHEET
                                        || (next->kind == BLOCK_DRAWING && next->full_page)))
                flow_break (&flow);
            }
          place_heading (&flow, block,
                         i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1) : NULL,
                         i + 2 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 2) : NULL);
          break;
        case BLOCK_PARAGRAPH:
        case BLOCK_NOTE:
          place_paragraphs (&flow, block);
          break;
        case BLOCK_TILES:
          place_tiles (&flow, block);
          break;
        case BLOCK_CHART:
          place_box (&flow, block, ITEM_CHART, FALSE);
          break;
        case BLOCK_DRAWING:
          place_box (&flow, block, ITEM_DRAWING, after_heading (self, i));
          break;
        case BLOCK_SHEET:
          place_sheet (&flow, block);
          break;
        case BLOCK_TABLE:
          place_table (&flow, block);
          break;
        case BLOCK_SPACE:
          if (!flow.empty)
            {
              if (flow.y + block->height > flow.bottom)
                flow_new_page (&flow);
              else
                flow.y += block->height;
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* A full-page drawing or a break at the very end leaves an empty page. */
  if (flow.empty && self->pages->len > 1)
    g_ptr_array_set_size (self->pages, self->pages->len - 1);

  for (guint p = 0; p < self->pages->len; p++)
    place_running (self, &flow, p, self->pages->len);

  tdm_report_language_pop (token);
  self->laid_out = TRUE;
  return TRUE;
}

static gboolean
ensure_layout (TdmDocument *self)
{
  return self->laid_out || tdm_document_layout (self, NULL);
}

guint
tdm_document_get_n_pages (TdmDocument *self)
{
  g_return_val_if_fail (TDM_IS_DOCUMENT (self), 0);

  return ensure_layout (self) ? self->pages->len : 0;
}

void
tdm_document_get_page_size (TdmDocument *self,
                            guint        page,
                            double      *width,
                            double      *height)
{
  double w, h;

  g_return_if_fail (TDM_IS_DOCUMENT (self));

  page_size (tdm_document_get_page_orientation (self, page), &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

TdmPageOrientation
tdm_document_get_page_orientation (TdmDocument *self,
                                   guint        page)
{
  g_return_val_if_fail (TDM_IS_DOCUMENT (self), TDM_PAGE_PORTRAIT);

  if (!ensure_layout (self) || page >= self->pages->len)
    return TDM_PAGE_PORTRAIT;
  return ((Page *) g_ptr_array_index (self->pages, page))->orientation;
}

/* ---- drawing -------------------------------------------------------- */

static void
draw_item (TdmDocument *self,
           cairo_t     *cr,
           Item        *item)
{
  switch (item->kind)
    {
    case ITEM_TEXT:
      cairo_set_source_rgb (cr, item->color.red, item->color.green, item->color.blue);
      if (item->clip_height > 0)
        {
          cairo_save (cr);
          cairo_rectangle (cr, 0, item->clip_y, 1e5, item->clip_height);
          cairo_clip (cr);
        }
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
      if (item->clip_height > 0)
        cairo_restore (cr);
      break;

    case ITEM_FILL:
      cairo_set_source_rgb (cr, item->color.red, item->color.green, item->color.blue);
      cairo_rectangle (cr, item->x, item->y, item->width, item->height);
      cairo_fill (cr);
      break;

    case ITEM_RULE:
      cairo_set_source_rgb (cr, item->color.red, item->color.green, item->color.blue);
      cairo_set_line_width (cr, item->height);
      cairo_move_to (cr, item->x, item->y + item->height / 2);
      cairo_line_to (cr, item->x + item->width, item->y + item->height / 2);
      cairo_stroke (cr);
      break;

    case ITEM_CHART:
      cairo_save (cr);
      tdm_chart_draw (item->block->chart, cr, item->x, item->y, item->width, item->height);
      cairo_restore (cr);
      break;

    case ITEM_DRAWING:
      cairo_save (cr);
      cairo_translate (cr, item->x, item->y);
      cairo_rectangle (cr, 0, 0, item->width, item->height);
      cairo_clip (cr);
      item->block->func (cr, item->width, item->height, self->rtl, item->block->user_data);
      cairo_restore (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
tdm_document_draw_page (TdmDocument *self,
                        cairo_t     *cr,
                        guint        page)
{
  Page *p;
  gpointer token;

  g_return_if_fail (TDM_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  if (!ensure_layout (self) || page >= self->pages->len)
    return;
  p = g_ptr_array_index (self->pages, page);

  token = tdm_report_language_push (self->language);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, p->width, p->height);
  cairo_fill (cr);
  for (guint i = 0; i < p->items->len; i++)
    draw_item (self, cr, &g_array_index (p->items, Item, i));
  cairo_restore (cr);
  tdm_report_language_pop (token);
}

/* ---- PDF ------------------------------------------------------------ */

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, TDM_DOCUMENT_ERROR, TDM_DOCUMENT_ERROR_WRITE,
               /* Translators: “%s” is a file name, then why it failed. */
               _("Could not write “%s”: %s"), name, reason);
}

gboolean
tdm_document_write_pdf (TdmDocument  *self,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int fd;

  g_return_val_if_fail (TDM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tdm_document_layout (self, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      set_write_error (error, path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  surface = cairo_pdf_surface_create (tmp, TDM_A4_WIDTH_PT, TDM_A4_HEIGHT_PT);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tadamon");

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);

      /* Before anything is drawn on the page. */
      cairo_pdf_surface_set_size (surface, page->width, page->height);
      tdm_document_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      set_write_error (error, path,
                       status == CAIRO_STATUS_WRITE_ERROR
                       ? _("the disk may be full.")
                       : cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      set_write_error (error, path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* ---- introspection for tests ---------------------------------------- */

guint
tdm_document_get_n_blocks (TdmDocument *self)
{
  g_return_val_if_fail (TDM_IS_DOCUMENT (self), 0);

  return self->blocks->len;
}

gboolean
tdm_document_get_block_extent (TdmDocument *self,
                               guint        index,
                               guint       *first_page,
                               guint       *last_page,
                               double      *x,
                               double      *y,
                               double      *width,
                               double      *height)
{
  Block *block;

  g_return_val_if_fail (TDM_IS_DOCUMENT (self), FALSE);

  if (!ensure_layout (self) || index >= self->blocks->len)
    return FALSE;
  block = g_ptr_array_index (self->blocks, index);
  if (!block->placed)
    return FALSE;

  if (first_page != NULL)
    *first_page = block->first_page;
  if (last_page != NULL)
    *last_page = block->last_page;
  if (x != NULL)
    *x = block->x;
  if (y != NULL)
    *y = block->y;
  if (width != NULL)
    *width = block->box_width;
  if (height != NULL)
    *height = block->box_height;
  return TRUE;
}
