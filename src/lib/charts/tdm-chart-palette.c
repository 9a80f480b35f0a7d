/* tdm-chart-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tdm-chart-palette.h"

/* Okabe & Ito's colour-universal-design hues (2008), black left out (it
 * reads as text, and vanishes in the dark style). The dark variants keep
 * each hue but lift its lightness so that every bar stands at least 3:1
 * from the #242424 background of libadwaita's dark style. */
static const guint32 light_hues[TDM_CHART_PALETTE_N_HUES] = {
  0x0072B2, /* blue */
  0xE69F00, /* orange */
  0x009E73, /* bluish green */
  0xD55E00, /* vermillion */
  0x56B4E9, /* sky blue */
  0xCC79A7, /* reddish purple */
  0xB59F00, /* yellow, darkened to stand on white */
};

static const guint32 dark_hues[TDM_CHART_PALETTE_N_HUES] = {
  0x3D9BE0, /* blue */
  0xE69F00, /* orange */
  0x1FC290, /* bluish green */
  0xF07A2E, /* vermillion */
  0x8FD0F5, /* sky blue */
  0xE39AC4, /* reddish purple */
  0xF0E442, /* yellow */
};

/* libadwaita 1.2's window colours. */
static const guint32 light_roles[] = {
  0xFFFFFF, 0x1E1E1E, 0x5E5E5E, 0xE2E2E2, 0x7A7A7A,
};
static const guint32 dark_roles[] = {
  0x242424, 0xF2F2F2, 0xB0B0B0, 0x3C3C3C, 0x9A9A9A,
};

static void
from_rgb (guint32        rgb,
          TdmChartColor *color)
{
  color->red = ((rgb >> 16) & 0xFF) / 255.0;
  color->green = ((rgb >> 8) & 0xFF) / 255.0;
  color->blue = (rgb & 0xFF) / 255.0;
  color->alpha = 1.0;
}

void
tdm_chart_palette_series (gboolean       dark,
                          guint          index,
                          TdmChartColor *color)
{
  TdmChartColor background;
  /* After each round of hues, mix 40 % more of the background in, so that
   * series 0 and series 7 still differ. */
  double mix = MIN (0.8, 0.4 * (index / TDM_CHART_PALETTE_N_HUES));

  g_return_if_fail (color != NULL);

  from_rgb ((dark ? dark_hues : light_hues)[index % TDM_CHART_PALETTE_N_HUES], color);
  tdm_chart_palette_role (dark, TDM_CHART_ROLE_BACKGROUND, &background);
  color->red += (background.red - color->red) * mix;
  color->green += (background.green - color->green) * mix;
  color->blue += (background.blue - color->blue) * mix;
}

void
tdm_chart_palette_role (gboolean       dark,
                        TdmChartRole   role,
                        TdmChartColor *color)
{
  g_return_if_fail (color != NULL);
  g_return_if_fail ((guint) role < G_N_ELEMENTS (light_roles));

  from_rgb ((dark ? dark_roles : light_roles)[role], color);
}

static double
channel_luminance (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

void
tdm_chart_palette_text_on (const TdmChartColor *background,
                           TdmChartColor       *color)
{
  double l;

  g_return_if_fail (background != NULL && color != NULL);

  /* WCAG relative luminance; 0.179 is where black and white give the
   * same contrast. */
  l = 0.2126 * channel_luminance (background->red)
    + 0.7152 * channel_luminance (background->green)
    + 0.0722 * channel_luminance (background->blue);
  from_rgb (l > 0.179 ? 0x000000 : 0xFFFFFF, color);
}
