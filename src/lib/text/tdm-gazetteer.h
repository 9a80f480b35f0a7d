/* tdm-gazetteer.h: Moroccan regions, provinces and main cities, in Arabic
 * and French, for finding places in press articles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TDM_GAZETTEER_REGION,
  TDM_GAZETTEER_PROVINCE,
  TDM_GAZETTEER_CITY,
} TdmGazetteerKind;

typedef struct {
  TdmGazetteerKind  kind;
  const char   *name_fr;     /* HCP French name (regions, provinces) or usual city name */
  const char   *province_fr; /* HCP name of the province (cities, provinces) */
  const char   *region_fr;   /* HCP name of the region */
} TdmGazetteerPlace;

/* Longest place name that starts at TOKENS[0]: TOKENS are folded words
 * (tdm_fold) of the running text, hyphens and dashes already skipped.
 * Returns the number of tokens matched (0 if none) and sets *PLACE.
 * KIND restricts the search to one kind, or -1 for any; a name shared by
 * a city and its province is returned as the city. */
guint tdm_gazetteer_match (const char * const       *tokens,
                           guint                     n_tokens,
                           int                       kind,
                           const TdmGazetteerPlace **place);

/* The region whose HCP French name is NAME_FR, or NULL. */
const TdmGazetteerPlace *tdm_gazetteer_region (const char *name_fr);

G_END_DECLS
