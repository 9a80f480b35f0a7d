/* tdm-number-format.h: numbers as the reader's language writes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  TDM_DIGITS_AUTO,          /* as the language writes them */
  TDM_DIGITS_WESTERN,       /* 0123456789 */
  TDM_DIGITS_ARABIC_INDIC,  /* ٠١٢٣٤٥٦٧٨٩ */
} TdmDigits;

#define TDM_TYPE_DIGITS (tdm_digits_get_type ())
GType tdm_digits_get_type (void);

/* Separators and digits for one language. A plain value: copy it freely. */
typedef struct {
  TdmDigits digits;          /* never AUTO once initialized */
  char      decimal[8];      /* UTF-8 */
  char      group[8];        /* thousands separator, UTF-8 */
  char      minus[8];
  char      percent[12];     /* written after the number */
} TdmNumberFormat;

/* LANGUAGE is a POSIX locale or BCP 47 name ("fr", "ar_MA", "ar-EG",
 * "en_US.UTF-8"); NULL means the UI's first language. DIGITS overrides the
 * language's usual digits unless it is TDM_DIGITS_AUTO. Arabic as written in
 * the Maghreb (ar_MA, ar_DZ, ar_TN, ar_LY, ar_EH) uses Western digits, the
 * rest of the Arabic world Arabic-Indic ones, as in CLDR. */
void   tdm_number_format_init            (TdmNumberFormat       *fmt,
                                          const char            *language,
                                          TdmDigits              digits);

/* VALUE rounded to DECIMALS (0 to 6) places, with thousands grouped:
 * "12 345,5" in French (narrow no-break space), "١٢٬٣٤٥٫٥" in Arabic. */
char  *tdm_number_format_format          (const TdmNumberFormat *fmt,
                                          double                 value,
                                          guint                  decimals);

/* FRACTION (0.425) as a percentage ("42,5 %" in French, "٤٢٫٥٪؜"). */
char  *tdm_number_format_format_percent  (const TdmNumberFormat *fmt,
                                          double                 fraction,
                                          guint                  decimals);

/* The fewest decimals (at most MAX_DECIMALS) that write VALUE exactly. */
guint  tdm_number_format_decimals_for    (double                 value,
                                          guint                  max_decimals);

G_END_DECLS
