/* tdm-chart-widget.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tdm-chart-widget.h"
#include "tdm-window.h"

/* Exported pictures: pixels for a PNG, points for SVG and PDF (a PDF page
 * of 800×500 pt fits a landscape A4 page). */
#define PNG_WIDTH 1200
#define PNG_HEIGHT 750
#define VECTOR_WIDTH 800
#define VECTOR_HEIGHT 500
#define MARGIN 4

struct _TdmChartWidget
{
  GtkWidget   parent_instance;

  TdmChart   *chart;
  /* The chart as last drawn, painted again until the data, the style or
   * the size change: a redraw (scrolling, hover, focus) is then a copy. */
  GdkTexture *picture;
  int         picture_width;
  int         picture_height;
  int         picture_scale;
  /* A header row: the title (the chart draws it only in exports) and the
   * menu, so that neither covers the chart's labels. */
  GtkWidget  *title_label;
  GtkWidget  *menu_button;
  char       *title;
  int         header_height;
  GtkWidget  *context_menu;
  char       *file_name;
  gboolean    activatable;
};

G_DEFINE_FINAL_TYPE (TdmChartWidget, tdm_chart_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_ACTIVATABLE,
  N_PROPS
};

enum {
  CATEGORY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
tdm_chart_widget_new (TdmChart *chart)
{
  g_return_val_if_fail (TDM_IS_CHART (chart), NULL);

  return g_object_new (TDM_TYPE_CHART_WIDGET, "chart", chart, NULL);
}

TdmChart *
tdm_chart_widget_get_chart (TdmChartWidget *self)
{
  g_return_val_if_fail (TDM_IS_CHART_WIDGET (self), NULL);

  return self->chart;
}

/* What a screen reader says of the picture: each category and its values,
 * as the tooltips write them. */
static char *
describe (TdmChart *chart)
{
  GString *text = g_string_new (NULL);
  guint n = tdm_chart_get_n_categories (chart);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = tdm_chart_dup_tooltip (chart, (int) i, -1);

      if (line == NULL)
        continue;
      g_strdelimit (line, "\n", ' ');
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, line);
    }
  return g_string_free (text, FALSE);
}

void
tdm_chart_widget_chart_changed (TdmChartWidget *self)
{
  g_autofree char *description = NULL;

  g_return_if_fail (TDM_IS_CHART_WIDGET (self));

  if (tdm_chart_get_title (self->chart) != NULL)
    {
      g_free (self->title);
      self->title = g_strdup (tdm_chart_get_title (self->chart));
      tdm_chart_set_title (self->chart, NULL);
      gtk_label_set_text (GTK_LABEL (self->title_label), self->title);
      gtk_widget_set_tooltip_text (self->title_label, self->title);
    }
  description = describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_clear_object (&self->picture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
tdm_chart_widget_get_activatable (TdmChartWidget *self)
{
  g_return_val_if_fail (TDM_IS_CHART_WIDGET (self), FALSE);

  return self->activatable;
}

void
tdm_chart_widget_set_activatable (TdmChartWidget *self,
                                  gboolean        activatable)
{
  g_return_if_fail (TDM_IS_CHART_WIDGET (self));

  activatable = !!activatable;
  if (self->activatable == activatable)
    return;
  self->activatable = activatable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVATABLE]);
}

void
tdm_chart_widget_set_file_name (TdmChartWidget *self,
                                const char     *file_name)
{
  g_return_if_fail (TDM_IS_CHART_WIDGET (self));

  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
}

static void
show_toast (TdmChartWidget *self,
            const char     *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), TDM_TYPE_WINDOW);

  if (window != NULL)
    tdm_window_add_toast (TDM_WINDOW (window), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

/* Drawing ------------------------------------------------------------------ */

static void
follow_style (TdmChartWidget *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (tdm_chart_get_dark (self->chart) != dark)
    {
      tdm_chart_set_dark (self->chart, dark);
      g_clear_object (&self->picture);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Draws the chart at WIDTH×HEIGHT logical pixels, SCALE device pixels
 * each. The chart's layout (hit testing) is then the one on screen. */
static void
update_picture (TdmChartWidget *self,
                int             width,
                int             height,
                int             scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  int stride;

  g_clear_object (&self->picture);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return;
    }
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  tdm_chart_draw (self->chart, cr, 0, 0, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is GDK_MEMORY_DEFAULT: premultiplied, native order. */
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  self->picture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT,
                                          bytes, stride);
  self->picture_width = width;
  self->picture_height = height;
  self->picture_scale = scale;
}

static void
tdm_chart_widget_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  TdmChartWidget *self = TDM_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  height -= self->header_height;
  if (width > 0 && height > 0)
    {
      int scale = gtk_widget_get_scale_factor (widget);

      if (self->picture == NULL || self->picture_width != width ||
          self->picture_height != height || self->picture_scale != scale)
        update_picture (self, width, height, scale);
      if (self->picture != NULL)
        gtk_snapshot_append_texture (snapshot, self->picture,
                                     &GRAPHENE_RECT_INIT (0, self->header_height, width, height));
    }
  gtk_widget_snapshot_child (widget, self->title_label, snapshot);
  gtk_widget_snapshot_child (widget, self->menu_button, snapshot);
}

static int
measure_header (TdmChartWidget *self)
{
  int label_height, button_height;

  gtk_widget_measure (self->title_label, GTK_ORIENTATION_VERTICAL, -1, NULL, &label_height, NULL, NULL);
  gtk_widget_measure (self->menu_button, GTK_ORIENTATION_VERTICAL, -1, NULL, &button_height, NULL, NULL);
  return MAX (label_height, button_height) + 2 * MARGIN;
}

static void
tdm_chart_widget_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  TdmChartWidget *self = TDM_CHART_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int button_width;

      gtk_widget_measure (self->menu_button, orientation, -1, NULL, &button_width, NULL, NULL);
      *minimum = MAX (280, 4 * button_width);
      *natural = MAX (480, *minimum);
    }
  else
    {
      int header = measure_header (self);

      *minimum = header + 200;
      *natural = header + 320;
    }
}

static void
tdm_chart_widget_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  TdmChartWidget *self = TDM_CHART_WIDGET (widget);
  int w, h, label_height;
  int x, inset;

  self->header_height = measure_header (self);
  gtk_widget_measure (self->menu_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
  gtk_widget_measure (self->menu_button, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
  /* The menu in the trailing top corner; the title centred between two
   * equal insets, so that it stays centred over the chart. */
  x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? MARGIN : width - w - MARGIN;
  gtk_widget_size_allocate (self->menu_button,
                            &(GtkAllocation) { x, (self->header_height - h) / 2, w, h }, -1);

  inset = w + 2 * MARGIN;
  gtk_widget_measure (self->title_label, GTK_ORIENTATION_VERTICAL, MAX (1, width - 2 * inset),
                      NULL, &label_height, NULL, NULL);
  gtk_widget_size_allocate (self->title_label,
                            &(GtkAllocation) { inset, (self->header_height - label_height) / 2,
                                               MAX (1, width - 2 * inset), label_height }, -1);

  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

/* Pointer -------------------------------------------------------------------- */

static gboolean
category_at (TdmChartWidget *self,
             double          x,
             double          y,
             int            *category,
             int            *series)
{
  const TdmChartLayout *layout = tdm_chart_get_layout (self->chart);

  /* Right after an export the layout is the exported picture's, until
   * the queued redraw: nothing is under the pointer meanwhile. */
  return layout != NULL &&
         (int) layout->area.width == gtk_widget_get_width (GTK_WIDGET (self)) &&
         (int) layout->area.height == gtk_widget_get_height (GTK_WIDGET (self)) - self->header_height &&
         tdm_chart_hit_test (self->chart, x, y - self->header_height, category, series);
}

static gboolean
on_query_tooltip (TdmChartWidget *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  int category, series;
  g_autofree char *text = NULL;

  if (keyboard || !category_at (self, x, y, &category, &series))
    return FALSE;

  text = tdm_chart_dup_tooltip (self->chart, category, series);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_motion (TdmChartWidget *self,
           double          x,
           double          y)
{
  int category = -1, series;
  gboolean over = self->activatable && category_at (self, x, y, &category, &series) && category >= 0;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), over ? "pointer" : NULL);
}

static void
on_leave (TdmChartWidget *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_click_released (TdmChartWidget *self,
                   int             n_press,
                   double          x,
                   double          y,
                   GtkGestureClick *gesture)
{
  int category, series;

  if (!self->activatable || !category_at (self, x, y, &category, &series) || category < 0)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[CATEGORY_ACTIVATED], 0, category);
}

static GMenuModel *
create_menu (void)
{
  GMenu *menu = g_menu_new ();
  GMenu *export = g_menu_new ();

  g_menu_append (export, _("Export as PNG…"), "chart.export('png')");
  g_menu_append (export, _("Export as SVG…"), "chart.export('svg')");
  g_menu_append (export, _("Export as PDF…"), "chart.export('pdf')");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
  g_menu_append (menu, _("Copy Image"), "chart.copy");
  g_object_unref (export);

  return G_MENU_MODEL (menu);
}

static void
on_context_pressed (TdmChartWidget  *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  g_autoptr(GMenuModel) menu = NULL;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (self->context_menu == NULL)
    {
      menu = create_menu ();
      self->context_menu = gtk_popover_menu_new_from_model (menu);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu,
                             gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                             ? GTK_ALIGN_END : GTK_ALIGN_START);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* Export and copy --------------------------------------------------------------- */

/* Pictures leave the window for documents and slides: light style. */
static void
begin_export (TdmChartWidget *self)
{
  tdm_chart_set_dark (self->chart, FALSE);
  tdm_chart_set_title (self->chart, self->title);
}

/* The export drew at another size: the layout for hit testing comes
 * back with the next draw on screen. */
static void
end_export (TdmChartWidget *self)
{
  tdm_chart_set_dark (self->chart, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  tdm_chart_set_title (self->chart, NULL);
  g_clear_object (&self->picture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
tdm_chart_widget_export_to_file (TdmChartWidget  *self,
                                 const char      *path,
                                 GError         **error)
{
  g_autofree char *lower = NULL;
  gboolean png;
  gboolean ok;

  g_return_val_if_fail (TDM_IS_CHART_WIDGET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  png = g_str_has_suffix (lower, ".png");
  begin_export (self);
  ok = tdm_chart_render_to_file (self->chart, path,
                                 png ? PNG_WIDTH : VECTOR_WIDTH,
                                 png ? PNG_HEIGHT : VECTOR_HEIGHT, error);
  end_export (self);
  return ok;
}

gboolean
tdm_chart_widget_copy (TdmChartWidget  *self,
                       GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (TDM_IS_CHART_WIDGET (self), FALSE);

  begin_export (self);
  bytes = tdm_chart_render_png_bytes (self->chart, PNG_WIDTH, PNG_HEIGHT, error);
  end_export (self);
  if (bytes == NULL)
    return FALSE;
  /* A texture offers image/png (and other formats) to the pasting side. */
  texture = gdk_texture_new_from_bytes (bytes, error);
  if (texture == NULL)
    return FALSE;
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  return TRUE;
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  TdmChartWidget *self = TDM_CHART_WIDGET (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        show_toast (self, _("Charts can only be saved to local files"));
      else if (!tdm_chart_widget_export_to_file (self, path, &error))
        show_toast (self, error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

          show_toast (self, message);
        }
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TdmChartWidget *self = TDM_CHART_WIDGET (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *pattern = g_strdup_printf ("*.%s", format);
  GtkFileChooserNative *dialog;

  if (!g_str_equal (format, "png") && !g_str_equal (format, "svg") && !g_str_equal (format, "pdf"))
    return;

  dialog = gtk_file_chooser_native_new (_("Export Chart"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = g_strdup_printf ("%s.%s", self->file_name != NULL ? self->file_name : "chart", format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, g_str_equal (format, "png") ? _("PNG images")
                                    : g_str_equal (format, "svg") ? _("SVG images")
                                    : _("PDF documents"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TdmChartWidget *self = TDM_CHART_WIDGET (widget);
  g_autoptr(GError) error = NULL;

  if (!tdm_chart_widget_copy (self, &error))
    show_toast (self, error->message);
  else
    show_toast (self, _("Chart copied to the clipboard"));
}

/* GObject ------------------------------------------------------------------------- */

static void
tdm_chart_widget_constructed (GObject *object)
{
  TdmChartWidget *self = TDM_CHART_WIDGET (object);

  G_OBJECT_CLASS (tdm_chart_widget_parent_class)->constructed (object);

  if (self->chart == NULL)
    self->chart = tdm_chart_new (TDM_CHART_BARS);
  follow_style (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (follow_style), self, G_CONNECT_SWAPPED);
  tdm_chart_widget_chart_changed (self);
}

static void
tdm_chart_widget_dispose (GObject *object)
{
  TdmChartWidget *self = TDM_CHART_WIDGET (object);

  g_clear_pointer (&self->title_label, gtk_widget_unparent);
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_object (&self->chart);
  g_clear_object (&self->picture);
  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (tdm_chart_widget_parent_class)->dispose (object);
}

static void
tdm_chart_widget_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TdmChartWidget *self = TDM_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    case PROP_ACTIVATABLE:
      g_value_set_boolean (value, self->activatable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_chart_widget_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TdmChartWidget *self = TDM_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_set_object (&self->chart, g_value_get_object (value));
      break;

    case PROP_ACTIVATABLE:
      tdm_chart_widget_set_activatable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tdm_chart_widget_class_init (TdmChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tdm_chart_widget_constructed;
  object_class->dispose = tdm_chart_widget_dispose;
  object_class->get_property = tdm_chart_widget_get_property;
  object_class->set_property = tdm_chart_widget_set_property;

  widget_class->snapshot = tdm_chart_widget_snapshot;
  widget_class->measure = tdm_chart_widget_measure;
  widget_class->size_allocate = tdm_chart_widget_size_allocate;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, TDM_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVATABLE] =
    g_param_spec_boolean ("activatable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CATEGORY_ACTIVATED] =
    g_signal_new ("category-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, copy_activated);

  gtk_widget_class_set_css_name (widget_class, "tdmchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tdm_chart_widget_init (TdmChartWidget *self)
{
  g_autoptr(GMenuModel) menu = create_menu ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *context = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), FALSE);
  gtk_widget_add_css_class (self->title_label, "heading");
  gtk_widget_set_parent (self->title_label, GTK_WIDGET (self));

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
  gtk_widget_set_tooltip_text (self->menu_button, _("Export or Copy the Chart"));
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_add_css_class (self->menu_button, "circular");
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (context, "pressed", G_CALLBACK (on_context_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (context));

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}
