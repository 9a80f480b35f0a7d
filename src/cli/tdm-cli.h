/* tdm-cli.h: what every tadamon-cli command gets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "tdm-store.h"

G_BEGIN_DECLS

typedef struct {
  char     *database_path;   /* --database, or the default location */
  TdmStore *store;           /* opened on first use */
} TdmCliContext;

/* Opens the database on first call; on failure prints the reason on
 * stderr and returns NULL. */
TdmStore *tdm_cli_context_get_store (TdmCliContext *ctx);
/* The same for commands that only read: a database that does not exist
 * is refused rather than created, so that a mistyped path does not leave
 * an empty database behind. */
TdmStore *tdm_cli_context_get_existing_store (TdmCliContext *ctx);

/* Prints "tadamon-cli: MESSAGE" on stderr; returns the exit status 1. */
int       tdm_cli_fail              (const char *format,
                                     ...) G_GNUC_PRINTF (1, 2);

/* Parses the options of one command, named "tadamon-cli [GROUP ]ARGV[0]"
 * in its help. --help prints the command's own help and exits. Returns
 * FALSE (after saying why) on a bad option. */
gboolean  tdm_cli_parse_options     (int           *argc,
                                     char        ***argv,
                                     const char    *group,
                                     const char    *parameters,
                                     const char    *summary,
                                     GOptionEntry  *entries);

/* Adds the member KEY: VALUE, or KEY: null when VALUE is NULL. */
void      tdm_cli_json_add_string   (JsonBuilder   *builder,
                                     const char    *key,
                                     const char    *value);

/* A command: ARGV[0] is the command's name. Returns the exit status. */
typedef int (*TdmCliCommandFunc) (TdmCliContext *ctx,
                                  int            argc,
                                  char         **argv);

typedef struct {
  const char        *name;
  TdmCliCommandFunc  run;
  const char        *usage;     /* untranslated synopsis */
  const char        *summary;   /* translatable with N_() */
} TdmCliCommand;

/* Each group of commands lives in its own tdm-cli-*.c file. */
extern const TdmCliCommand tdm_cli_registry_commands[];
extern const TdmCliCommand tdm_cli_articles_commands[];
extern const TdmCliCommand tdm_cli_fair_commands[];
extern const TdmCliCommand tdm_cli_charts_commands[];
extern const TdmCliCommand tdm_cli_report_commands[];

/* tadamon-cli import articles FILE|DIR... (tdm-cli-import-articles.c):
 * ARGV[0] is "import", ARGV[1] "articles". */
int tdm_cli_import_articles (TdmCliContext  *ctx,
                             int             argc,
                             char          **argv);

G_END_DECLS
