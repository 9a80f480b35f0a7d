/* tdm-cooperative-sheet.c: one page about one cooperative.
 *
 * The names (up to hundreds of characters, in two scripts) are fitted
 * into a fixed box, the record's fields into a fixed grid, and the two
 * lists that can grow (labels, fairs) are cut shorter until the sheet
 * holds on one page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tdm-exhibitor.h"
#include "tdm-registry-summary.h"
#include "tdm-registry.h"
#include "tdm-report-language.h"
#include "tdm-report-text.h"
#include "tdm-report.h"

/* The names' block: this high for names of up to NAMES_SHORT characters,
 * up to NAMES_EXTRA points more for longer ones (three lines of Arabic). */
#define NAMES_HEIGHT 120.0
#define NAMES_SHORT 50
#define NAMES_EXTRA 60.0
#define GRID_COLUMNS 3
/* Above and below the text of each row of fields; between columns. */
#define GRID_PADDING 6.0
#define GRID_GUTTER 14.0
#define LABEL_SIZE 7.5
#define VALUE_SIZE 10.0
/* A name longer than this is cut in the document's title (the running
 * header, the PDF's metadata, the suggested file name). */
#define TITLE_NAME_CHARS 80

/* How many labels and fairs each attempt lists; the last lists none,
 * only how many there are. */
static const guint list_limits[] = { 10, 6, 4, 2, 1, 0 };

/* ---- the names ---------------------------------------------------------- */

typedef struct {
  char *kicker;      /* "Cooperative fact sheet" */
  char *name_ar;
  char *name_fr;
  char *identifier;  /* the registration number, or NULL */
  gboolean arabic_first;
} NamesBlock;

static void
names_block_free (gpointer data)
{
  NamesBlock *block = data;

  g_free (block->kicker);
  g_free (block->name_ar);
  g_free (block->name_fr);
  g_free (block->identifier);
  g_free (block);
}

/* Draws NAME in the box, at the edge its script starts from. */
static void
draw_name (cairo_t    *cr,
           const char *name,
           gboolean    arabic,
           double      y,
           double      width,
           double      height)
{
  const TdmFitText style = {
    PANGO_WEIGHT_BOLD, 22, 10, 3, arabic ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT,
  };
  g_autoptr(PangoLayout) layout = tdm_report_fit_text (cr, name, &style, width, height);

  tdm_report_show_layout (cr, layout, 0, y, width, height, 0.5);
}

static double
names_height (NamesBlock *block)
{
  glong longest = MAX (block->name_ar != NULL ? g_utf8_strlen (block->name_ar, -1) : 0,
                       block->name_fr != NULL ? g_utf8_strlen (block->name_fr, -1) : 0);

  if (longest <= NAMES_SHORT)
    return NAMES_HEIGHT;
  return NAMES_HEIGHT + MIN (NAMES_EXTRA, (longest - NAMES_SHORT) * 0.4);
}

static void
draw_names (cairo_t  *cr,
            double    width,
            double    height,
            gboolean  rtl,
            gpointer  user_data)
{
  NamesBlock *block = user_data;
  PangoAlignment start = rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  PangoAlignment end = rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
  g_autoptr(PangoLayout) kicker = NULL;
  g_autoptr(PangoLayout) identifier = NULL;
  const char *first = block->arabic_first ? block->name_ar : block->name_fr;
  const char *second = block->arabic_first ? block->name_fr : block->name_ar;
  double top = 10 + tdm_report_line_height (9, PANGO_WEIGHT_BOLD) + 2;
  double names_height = height - top - 10;

  cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
  cairo_rectangle (cr, 0, 0, width, 4);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.38);
  kicker = tdm_report_text_layout (cr, block->kicker, 9, PANGO_WEIGHT_BOLD, width * 0.5, 1, start);
  tdm_report_show_layout (cr, kicker, rtl ? width * 0.5 : 0, 10, width * 0.5, 0, 0);
  if (block->identifier != NULL)
    {
      identifier = tdm_report_text_layout (cr, block->identifier, 9, PANGO_WEIGHT_NORMAL,
                                           width * 0.45, 1, end);
      tdm_report_show_layout (cr, identifier, rtl ? 0 : width * 0.55, 10, width * 0.45, 0, 0);
    }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  if (first != NULL && second != NULL)
    {
      double half = (names_height - 6) / 2;

      draw_name (cr, first, block->arabic_first, top, width, half);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.28);
      draw_name (cr, second, !block->arabic_first, top + half + 6, width, half);
    }
  else
    {
      const char *only = first != NULL ? first : second;

      draw_name (cr, only, only == block->name_ar, top, width, names_height);
    }

  cairo_set_source_rgb (cr, 0.8, 0.8, 0.82);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, 0, height - 0.3);
  cairo_line_to (cr, width, height - 0.3);
  cairo_stroke (cr);
}

/* ---- the fields ---------------------------------------------------------- */

/* The record's fields on a grid of GRID_COLUMNS columns, row by row, each
 * field SPAN columns wide and LINES lines high. Row heights come from the
 * fonts' line heights, measured once: Arabic lines are taller than Latin
 * ones, and a value may be in either script. */
typedef struct {
  char  *label;
  char  *value;       /* "—" when unknown */
  guint  span;
  guint  lines;
} Field;

typedef struct {
  GArray *fields;     /* Field */
  double  label_line; /* line heights in points */
  double  value_line;
} FieldGrid;

static void
field_clear (gpointer data)
{
  Field *field = data;

  g_free (field->label);
  g_free (field->value);
}

static void
field_grid_free (gpointer data)
{
  FieldGrid *grid = data;

  g_array_unref (grid->fields);
  g_free (grid);
}

static void
field_grid_add (FieldGrid  *grid,
                const char *label,
                const char *value,
                guint       span,
                guint       lines)
{
  Field field = {
    g_strdup (label), g_strdup (value != NULL && *value != '\0' ? value : "—"), span, lines,
  };

  g_array_append_val (grid->fields, field);
}

/* Calls FUNC on each field with its column, row top and row height. */
typedef void (*FieldFunc) (FieldGrid *grid, Field *field, guint column, double y,
                           double row_height, gpointer data);

static double
field_grid_walk (FieldGrid *grid,
                 FieldFunc  func,
                 gpointer   data)
{
  double y = 0;
  guint i = 0;

  while (i < grid->fields->len)
    {
      guint first = i, used = 0, lines = 1;
      double row_height;

      /* The fields of this row, and its tallest. */
      for (; i < grid->fields->len; i++)
        {
          Field *field = &g_array_index (grid->fields, Field, i);

          if (used + field->span > GRID_COLUMNS)
            break;
          used += field->span;
          lines = MAX (lines, field->lines);
        }
      row_height = grid->label_line + 1 + lines * grid->value_line + GRID_PADDING;
      if (func != NULL)
        for (guint j = first, column = 0; j < i; j++)
          {
            Field *field = &g_array_index (grid->fields, Field, j);

            func (grid, field, column, y, row_height, data);
            column += field->span;
          }
      y += row_height;
    }
  return y;
}

typedef struct {
  cairo_t *cr;
  double   width;
  gboolean rtl;
} DrawGrid;

static void
draw_field (FieldGrid *grid,
            Field     *field,
            guint      column,
            double     y,
            double     row_height,
            gpointer   data)
{
  DrawGrid *draw = data;
  cairo_t *cr = draw->cr;
  PangoAlignment align = draw->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  double cell = (draw->width - GRID_GUTTER * (GRID_COLUMNS - 1)) / GRID_COLUMNS;
  double width = field->span * cell + (field->span - 1) * GRID_GUTTER;
  double x = column * (cell + GRID_GUTTER);
  g_autoptr(PangoLayout) label = NULL;
  g_autoptr(PangoLayout) value = NULL;

  /* The first field at the start of the line: the right in Arabic. */
  if (draw->rtl)
    x = draw->width - x - width;
  y += GRID_PADDING / 2;

  cairo_set_source_rgb (cr, 0.42, 0.42, 0.45);
  label = tdm_report_text_layout (cr, field->label, LABEL_SIZE, PANGO_WEIGHT_NORMAL, width, 1, align);
  tdm_report_show_layout (cr, label, x, y, width, grid->label_line, 1);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  value = tdm_report_text_layout (cr, field->value, VALUE_SIZE, PANGO_WEIGHT_NORMAL, width,
                                  field->lines, align);
  tdm_report_show_layout (cr, value, x, y + grid->label_line + 1, width, 0, 0);

  /* A thin rule under each row, as on a printed form. */
  if (column == 0)
    {
      cairo_set_source_rgb (cr, 0.88, 0.88, 0.9);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, 0, y - GRID_PADDING / 2 + row_height - 0.5);
      cairo_line_to (cr, draw->width, y - GRID_PADDING / 2 + row_height - 0.5);
      cairo_stroke (cr);
    }
}

static void
draw_grid (cairo_t  *cr,
           double    width,
           double    height,
           gboolean  rtl,
           gpointer  user_data)
{
  DrawGrid draw = { cr, width, rtl };

  field_grid_walk (user_data, draw_field, &draw);
}

/* ---- the sheet ------------------------------------------------------------ */

static const char *
legal_form_label (const char *form)
{
  if (g_strcmp0 (form, "union") == 0)
    return _("Union of cooperatives");
  if (g_strcmp0 (form, "federation") == 0)
    return _("Federation of cooperatives");
  return _("Cooperative");
}

static char *
format_share (TdmDocument *doc,
              gint         part,
              gint         whole)
{
  if (whole <= 0)
    return g_strdup ("—");
  return tdm_document_format_percent (doc, (double) part / whole, 0);
}

static void
add_tiles (TdmDocument    *doc,
           TdmCooperative *coop)
{
  gint members = tdm_cooperative_get_members (coop);
  gint women = tdm_cooperative_get_women (coop);
  gint youth = tdm_cooperative_get_youth (coop);
  double capital = tdm_cooperative_get_capital (coop);
  /* No member recorded: the counts are unknown, not zero (a cooperative
   * has at least five members). */
  g_autofree char *members_text = members > 0 ? tdm_document_format_number (doc, members, 0)
                                              : g_strdup ("—");
  g_autofree char *women_share = format_share (doc, women, members);
  g_autofree char *youth_share = format_share (doc, youth, members);
  g_autofree char *women_text = tdm_document_format_number (doc, women, 0);
  g_autofree char *youth_text = tdm_document_format_number (doc, youth, 0);
  g_autofree char *women_caption = NULL;
  g_autofree char *youth_caption = NULL;
  g_autofree char *capital_text = capital >= 0 ? tdm_document_format_number (doc, capital, 0)
                                               : g_strdup ("—");

  if (members > 0)
    {
      women_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s woman member", "%s women members",
                                                    (gulong) women), women_text);
      youth_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s young member", "%s young members",
                                                    (gulong) youth), youth_text);
    }

  {
    const TdmDocumentTile tiles[] = {
      { members_text, _("Members"), NULL },
      { women_share, _("Share of women members"), women_caption },
      { youth_share, _("Share of young members"), youth_caption },
      { capital_text, _("Capital"), capital >= 0 ? _("dirhams") : NULL },
    };

    tdm_document_add_tiles (doc, tiles, G_N_ELEMENTS (tiles));
  }
}

static FieldGrid *
field_grid_new (TdmCooperative *coop)
{
  FieldGrid *grid = g_new0 (FieldGrid, 1);
  g_autofree char *founded = tdm_report_format_date (tdm_cooperative_get_founded_on (coop));

  grid->fields = g_array_new (FALSE, FALSE, sizeof (Field));
  g_array_set_clear_func (grid->fields, field_clear);
  grid->label_line = tdm_report_line_height (LABEL_SIZE, PANGO_WEIGHT_NORMAL);
  grid->value_line = tdm_report_line_height (VALUE_SIZE, PANGO_WEIGHT_NORMAL);

  field_grid_add (grid, _("Registration number"), tdm_cooperative_get_registration_number (coop), 1, 1);
  field_grid_add (grid, _("Legal form"), legal_form_label (tdm_cooperative_get_legal_form (coop)), 1, 1);
  field_grid_add (grid, _("Founded on"), founded, 1, 1);
  field_grid_add (grid, _("Sector"), tdm_cooperative_get_sector_name (coop), 1, 1);
  field_grid_add (grid, _("Region"), tdm_cooperative_get_region_name (coop), 1, 1);
  field_grid_add (grid, _("Province or prefecture"), tdm_cooperative_get_province_name (coop), 1, 1);
  field_grid_add (grid, _("Commune"), tdm_cooperative_get_commune (coop), 1, 1);
  field_grid_add (grid, _("President"), tdm_cooperative_get_president (coop), 1, 1);
  field_grid_add (grid, _("Phone"), tdm_cooperative_get_phone (coop), 1, 1);
  field_grid_add (grid, _("Email"), tdm_cooperative_get_email (coop), 1, 1);
  field_grid_add (grid, _("Address"), tdm_cooperative_get_address (coop), 2, 1);
  field_grid_add (grid, _("Products and activity"), tdm_cooperative_get_products (coop), 3, 2);
  return grid;
}

static void
add_labels (TdmDocument    *doc,
            TdmCooperative *coop,
            guint           limit)
{
  GPtrArray *labels = tdm_cooperative_get_labels (coop);
  guint n = labels != NULL ? labels->len : 0;
  TdmDocumentTable *table;

  tdm_document_add_heading (doc, 2, _("Labels and certifications"));
  if (n == 0)
    {
      tdm_document_add_note (doc, _("No label or certification is recorded."));
      return;
    }

  if (limit > 0)
    {
      table = tdm_document_table_new ();
      tdm_document_table_add_column (table, _("Label or certification"), 3, TDM_COLUMN_START);
      tdm_document_table_add_column (table, _("Issued on"), 1.2, TDM_COLUMN_CENTER);
      tdm_document_table_add_column (table, _("Expires on"), 1.2, TDM_COLUMN_CENTER);
      for (guint i = 0; i < MIN (n, limit); i++)
        {
          TdmLabel *label = g_ptr_array_index (labels, i);
          g_autofree char *issued = tdm_report_format_date (label->issued_on);
          g_autofree char *expires = tdm_report_format_date (label->expires_on);
          const char *cells[] = {
            label->name, issued != NULL ? issued : "—", expires != NULL ? expires : "—",
          };

          tdm_document_table_add_row (table, cells);
        }
      tdm_document_add_table (doc, table);
    }
  if (n > limit)
    {
      g_autofree char *count = tdm_document_format_number (doc, limit > 0 ? n - limit : n, 0);
      g_autofree char *note = limit > 0
        /* TRANSLATORS: %s is a number of labels not listed */
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %s more label or certification.",
                                        "And %s more labels or certifications.", n - limit), count)
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s label or certification is recorded.",
                                        "%s labels or certifications are recorded.", n), count);

      tdm_document_add_note (doc, note);
    }
}

static void
add_fairs (TdmDocument *doc,
           GPtrArray   *fairs,
           guint        limit)
{
  TdmDocumentTable *table;

  tdm_document_add_heading (doc, 2, _("Fairs"));
  if (fairs->len == 0)
    {
      tdm_document_add_note (doc, _("This cooperative has not applied to any fair recorded in Tadamon."));
      return;
    }

  if (limit > 0)
    {
      table = tdm_document_table_new ();
      tdm_document_table_add_column (table, _("Fair"), 4, TDM_COLUMN_START);
      tdm_document_table_add_column (table, _("Dates"), 2.2, TDM_COLUMN_CENTER);
      tdm_document_table_add_column (table, _("Stand"), 1, TDM_COLUMN_CENTER);
      tdm_document_table_add_column (table, _("Status"), 1.3, TDM_COLUMN_START);
      for (guint i = 0; i < MIN (fairs->len, limit); i++)
        {
          TdmCooperativeFair *fair = g_ptr_array_index (fairs, i);
          g_autofree char *dates = tdm_report_format_dates (fair->start_date, fair->end_date);
          g_autofree char *title = NULL;
          const char *cells[4];

          if (fair->city != NULL && *fair->city != '\0')
            /* TRANSLATORS: a fair and its city: "Salon de l’ESS (Oujda)" */
            title = g_strdup_printf (_("%s (%s)"), fair->title, fair->city);
          else
            title = g_strdup (fair->title);
          cells[0] = title;
          cells[1] = dates != NULL ? dates : "—";
          cells[2] = fair->stand_code != NULL ? fair->stand_code : "—";
          cells[3] = tdm_exhibitor_status_label (fair->status);
          tdm_document_table_add_row (table, cells);
        }
      tdm_document_add_table (doc, table);
    }
  if (fairs->len > limit)
    {
      g_autofree char *count = tdm_document_format_number (doc, limit > 0 ? fairs->len - limit : fairs->len, 0);
      g_autofree char *note = limit > 0
        /* TRANSLATORS: %s is a number of fairs not listed */
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %s more fair.", "And %s more fairs.",
                                        fairs->len - limit), count)
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "This cooperative applied to %s fair.",
                                        "This cooperative applied to %s fairs.", fairs->len), count);

      tdm_document_add_note (doc, note);
    }
}

static char *
short_name (const char *name)
{
  if (g_utf8_strlen (name, -1) <= TITLE_NAME_CHARS)
    return g_strdup (name);
  {
    g_autofree char *cut = g_utf8_substring (name, 0, TITLE_NAME_CHARS - 1);

    return g_strconcat (g_strchomp (cut), "…", NULL);
  }
}

static TdmDocument *
build_sheet (TdmCooperative *coop,
             GPtrArray      *fairs,
             const char     *language,
             guint           limit)
{
  TdmDocument *doc = tdm_document_new (language);
  g_autofree char *name = short_name (tdm_cooperative_get_display_name (coop));
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  const char *name_ar = tdm_cooperative_get_name_ar (coop);
  const char *name_fr = tdm_cooperative_get_name_fr (coop);
  const char *number = tdm_cooperative_get_registration_number (coop);
  NamesBlock *names = g_new0 (NamesBlock, 1);
  FieldGrid *grid;

  /* TRANSLATORS: title of a report, %s is the cooperative's name */
  title = g_strdup_printf (_("Fact sheet: %s"), name);
  tdm_document_set_title (doc, title);
  tdm_document_set_cover (doc, TRUE);
  /* TRANSLATORS: footer of a report, %s is today's date (22/11/2026) */
  footer = g_strdup_printf (_("Tadamon — printed on %s"), today);
  tdm_document_set_footer (doc, footer);

  names->kicker = g_strdup (_("Cooperative fact sheet"));
  names->name_ar = name_ar != NULL && *name_ar != '\0' ? g_strdup (name_ar) : NULL;
  names->name_fr = name_fr != NULL && *name_fr != '\0' ? g_strdup (name_fr) : NULL;
  if (names->name_ar == NULL && names->name_fr == NULL)
    names->name_fr = g_strdup ("—");
  names->identifier = number != NULL && *number != '\0' ? g_strdup (number) : NULL;
  names->arabic_first = tdm_report_language_is_rtl (language);
  tdm_document_add_drawing (doc, names_height (names), FALSE, draw_names, names, names_block_free);
  tdm_document_add_space (doc, 10);

  add_tiles (doc, coop);

  tdm_document_add_heading (doc, 2, _("Identification"));
  grid = field_grid_new (coop);
  tdm_document_add_drawing (doc, field_grid_walk (grid, NULL, NULL), FALSE, draw_grid, grid,
                            field_grid_free);

  add_labels (doc, coop, limit);
  add_fairs (doc, fairs, limit);
  return doc;
}

TdmDocument *
tdm_cooperative_sheet_new (TdmStore    *store,
                           gint64       cooperative_id,
                           const char  *language,
                           GError     **error)
{
  g_autoptr(TdmCooperative) coop = NULL;
  g_autoptr(GPtrArray) fairs = NULL;
  TdmDocument *doc = NULL;
  gpointer token;

  g_return_val_if_fail (TDM_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (language == NULL)
    language = tdm_report_language_default ();

  /* Before the push: an unknown cooperative is told in the user's
   * language. */
  coop = tdm_store_get_cooperative (store, cooperative_id, error);
  if (coop == NULL)
    return NULL;
  g_clear_object (&coop);

  token = tdm_report_language_push (language);

  /* Again, its places and sector named in the report's language. */
  coop = tdm_store_get_cooperative (store, cooperative_id, error);
  if (coop != NULL)
    fairs = tdm_store_list_cooperative_fairs (store, cooperative_id, error);

  if (fairs != NULL)
    {
      /* Shorter lists until the sheet holds on one page. */
      for (guint i = 0; i < G_N_ELEMENTS (list_limits); i++)
        {
          g_clear_object (&doc);
          doc = build_sheet (coop, fairs, language, list_limits[i]);
          if (tdm_document_get_n_pages (doc) <= 1)
            break;
        }
    }

  tdm_report_language_pop (token);
  return doc;
}
