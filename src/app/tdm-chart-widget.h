/* tdm-chart-widget.h: a TdmChart on screen: the exact value on hover, a
 * click on a bar or slice, and a menu to export it (PNG, SVG, PDF) or
 * copy it to the clipboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tdm-chart.h"

G_BEGIN_DECLS

#define TDM_TYPE_CHART_WIDGET (tdm_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (TdmChartWidget, tdm_chart_widget, TDM, CHART_WIDGET, GtkWidget)

/* Signal "category-activated" (int category): a click on a bar, a slice
 * or a category label, when "activatable" is TRUE.
 * Actions: chart.export (s: "png", "svg" or "pdf") asks where to save;
 * chart.copy puts a PNG on the clipboard. The chart follows the dark
 * style of libadwaita. */
GtkWidget *tdm_chart_widget_new             (TdmChart        *chart);
TdmChart  *tdm_chart_widget_get_chart       (TdmChartWidget  *self);
/* Call after changing the chart's data: redraws and updates the
 * accessible description. */
void       tdm_chart_widget_chart_changed   (TdmChartWidget  *self);
gboolean   tdm_chart_widget_get_activatable (TdmChartWidget  *self);
void       tdm_chart_widget_set_activatable (TdmChartWidget  *self,
                                             gboolean         activatable);
/* The base of exported files' names ("registry-regions"). */
void       tdm_chart_widget_set_file_name   (TdmChartWidget  *self,
                                             const char      *file_name);
/* Writes PATH (.png, .svg or .pdf) at the export size. */
gboolean   tdm_chart_widget_export_to_file  (TdmChartWidget  *self,
                                             const char      *path,
                                             GError         **error);
gboolean   tdm_chart_widget_copy            (TdmChartWidget  *self,
                                             GError         **error);

G_END_DECLS
