/* tdm-cli-fairs.c: the fair commands of tadamon-cli (list, show,
 * import-exhibitors, plan).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tdm-cli.h"
#include "tdm-csv.h"
#include "tdm-fairs.h"
#include "tdm-plan-renderer.h"

/* Parses a fair id; on failure says so and returns 0. */
static gint64
parse_fair_id (const char *text)
{
  gint64 id = 0;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      tdm_cli_fail (_("“%s” is not a fair number: see “tadamon-cli fair list”."), text != NULL ? text : "");
      return 0;
    }
  return id;
}

/* Tabs and newlines would break the columns of a line. */
static char *
one_field (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  g_strdelimit (copy, "\t\r\n", ' ');
  return copy;
}

/* ---- fair list ---------------------------------------------------------- */

static int
run_list (TdmCliContext *ctx,
          int            argc,
          char         **argv)
{
  g_autoptr(GListModel) fairs = NULL;
  g_autoptr(GError) error = NULL;
  TdmStore *store;

  if (!tdm_cli_parse_options (&argc, &argv, "fair", "",
                              _("Lists the fairs, one per line: id, title, edition, city, start, end, status, separated by tabs."),
                              NULL))
    return 2;
  if (argc > 1)
    return tdm_cli_fail (_("Unexpected argument “%s”."), argv[1]);

  store = tdm_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;

  fairs = tdm_store_list_fairs (store, &error);
  if (fairs == NULL)
    return tdm_cli_fail ("%s", error->message);

  for (guint i = 0; i < g_list_model_get_n_items (fairs); i++)
    {
      g_autoptr(TdmFair) fair = g_list_model_get_item (fairs, i);
      g_autofree char *title = one_field (tdm_fair_get_title (fair));
      g_autofree char *city = one_field (tdm_fair_get_city (fair));
      g_autofree char *edition = tdm_fair_get_edition (fair) > 0
                                 ? g_strdup_printf ("%d", tdm_fair_get_edition (fair))
                                 : g_strdup ("");

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\n",
              tdm_fair_get_id (fair), title, edition, city,
              tdm_fair_get_start_date (fair) ? tdm_fair_get_start_date (fair) : "",
              tdm_fair_get_end_date (fair) ? tdm_fair_get_end_date (fair) : "",
              tdm_fair_get_status (fair));
    }
  return 0;
}

/* ---- fair show ---------------------------------------------------------- */

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static void
add_id (JsonBuilder *builder,
        const char  *key,
        gint64       value)
{
  json_builder_set_member_name (builder, key);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_double (JsonBuilder *builder,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (builder, key);
  if (value >= 0)
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
fair_to_json (TdmStore  *store,
              TdmFair   *fair,
              GError   **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GListModel) poles = NULL;
  g_autoptr(GListModel) stands = NULL;
  g_autoptr(GListModel) exhibitors = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) days = NULL;
  TdmFairCounts counts;
  gint64 id = tdm_fair_get_id (fair);

  poles = tdm_store_list_poles (store, id, error);
  stands = poles ? tdm_store_list_stands (store, id, error) : NULL;
  exhibitors = stands ? tdm_store_list_exhibitors (store, id, NULL, error) : NULL;
  partners = exhibitors ? tdm_store_list_fair_partners (store, id, error) : NULL;
  days = partners ? tdm_store_list_fair_days (store, id, error) : NULL;
  if (days == NULL || !tdm_store_get_fair_counts (store, id, &counts, error))
    return NULL;

  json_builder_begin_object (builder);
  add_int (builder, "id", id);
  tdm_cli_json_add_string (builder, "title", tdm_fair_get_title (fair));
  add_id (builder, "edition", tdm_fair_get_edition (fair));
  add_id (builder, "region_id", tdm_fair_get_region_id (fair));
  tdm_cli_json_add_string (builder, "region", tdm_fair_get_region_name (fair));
  add_id (builder, "province_id", tdm_fair_get_province_id (fair));
  tdm_cli_json_add_string (builder, "city", tdm_fair_get_city (fair));
  tdm_cli_json_add_string (builder, "venue", tdm_fair_get_venue (fair));
  tdm_cli_json_add_string (builder, "start_date", tdm_fair_get_start_date (fair));
  tdm_cli_json_add_string (builder, "end_date", tdm_fair_get_end_date (fair));
  tdm_cli_json_add_string (builder, "slogan", tdm_fair_get_slogan (fair));
  tdm_cli_json_add_string (builder, "status", tdm_fair_get_status (fair));
  add_double (builder, "floor_width", tdm_fair_get_floor_width (fair));
  add_double (builder, "floor_depth", tdm_fair_get_floor_depth (fair));

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  add_int (builder, "poles", counts.poles);
  add_int (builder, "stands", counts.stands);
  add_int (builder, "places", counts.places);
  add_int (builder, "places_taken", counts.places_taken);
  add_int (builder, "free_stands", counts.free_stands);
  add_int (builder, "exhibitors", counts.exhibitors);
  add_int (builder, "accepted", counts.accepted);
  add_int (builder, "confirmed", counts.confirmed);
  add_int (builder, "waitlisted", counts.waitlisted);
  add_int (builder, "partners", counts.partners);
  add_int (builder, "visitors", counts.visitors);
  add_double (builder, "sales", counts.sales);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "poles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (poles); i++)
    {
      g_autoptr(TdmPole) pole = g_list_model_get_item (poles, i);

      json_builder_begin_object (builder);
      add_int (builder, "id", tdm_pole_get_id (pole));
      tdm_cli_json_add_string (builder, "name_ar", tdm_pole_get_name_ar (pole));
      tdm_cli_json_add_string (builder, "name_fr", tdm_pole_get_name_fr (pole));
      tdm_cli_json_add_string (builder, "color", tdm_pole_get_color (pole));
      add_int (builder, "position", tdm_pole_get_position (pole));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "stands");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (stands); i++)
    {
      g_autoptr(TdmStand) stand = g_list_model_get_item (stands, i);

      json_builder_begin_object (builder);
      add_int (builder, "id", tdm_stand_get_id (stand));
      tdm_cli_json_add_string (builder, "code", tdm_stand_get_code (stand));
      tdm_cli_json_add_string (builder, "kind", tdm_stand_get_kind (stand));
      add_id (builder, "pole_id", tdm_stand_get_pole_id (stand));
      add_double (builder, "x", tdm_stand_get_x (stand));
      add_double (builder, "y", tdm_stand_get_y (stand));
      add_double (builder, "width", tdm_stand_get_width (stand));
      add_double (builder, "depth", tdm_stand_get_depth (stand));
      add_int (builder, "capacity", tdm_stand_get_capacity (stand));
      add_int (builder, "occupancy", tdm_stand_get_occupancy (stand));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "exhibitors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (exhibitors); i++)
    {
      g_autoptr(TdmExhibitor) exhibitor = g_list_model_get_item (exhibitors, i);

      json_builder_begin_object (builder);
      add_int (builder, "id", tdm_exhibitor_get_id (exhibitor));
      add_id (builder, "cooperative_id", tdm_exhibitor_get_cooperative_id (exhibitor));
      tdm_cli_json_add_string (builder, "name", tdm_exhibitor_get_display_name (exhibitor));
      tdm_cli_json_add_string (builder, "organization_name", tdm_exhibitor_get_organization_name (exhibitor));
      tdm_cli_json_add_string (builder, "registration_number", tdm_exhibitor_get_registration_number (exhibitor));
      tdm_cli_json_add_string (builder, "province", tdm_exhibitor_get_province_name (exhibitor));
      tdm_cli_json_add_string (builder, "status", tdm_exhibitor_get_status (exhibitor));
      tdm_cli_json_add_string (builder, "applied_on", tdm_exhibitor_get_applied_on (exhibitor));
      tdm_cli_json_add_string (builder, "decided_on", tdm_exhibitor_get_decided_on (exhibitor));
      tdm_cli_json_add_string (builder, "confirmed_on", tdm_exhibitor_get_confirmed_on (exhibitor));
      tdm_cli_json_add_string (builder, "withdrawn_on", tdm_exhibitor_get_withdrawn_on (exhibitor));
      add_id (builder, "stand_id", tdm_exhibitor_get_stand_id (exhibitor));
      tdm_cli_json_add_string (builder, "stand", tdm_exhibitor_get_stand_code (exhibitor));
      tdm_cli_json_add_string (builder, "products", tdm_exhibitor_get_products (exhibitor));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "partners");
  json_builder_begin_array (builder);
  for (guint i = 0; i < partners->len; i++)
    {
      TdmFairPartner *partner = g_ptr_array_index (partners, i);

      json_builder_begin_object (builder);
      add_int (builder, "partner_id", partner->partner_id);
      tdm_cli_json_add_string (builder, "name", partner->name);
      tdm_cli_json_add_string (builder, "kind", partner->kind);
      tdm_cli_json_add_string (builder, "role", partner->role);
      add_double (builder, "amount", partner->amount);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  for (guint i = 0; i < days->len; i++)
    {
      TdmFairDay *day = g_ptr_array_index (days, i);

      json_builder_begin_object (builder);
      tdm_cli_json_add_string (builder, "day", day->day);
      json_builder_set_member_name (builder, "visitors");
      if (day->visitors >= 0)
        json_builder_add_int_value (builder, day->visitors);
      else
        json_builder_add_null_value (builder);
      add_double (builder, "sales", day->sales);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_fair_text (TdmStore *store,
                 TdmFair  *fair)
{
  TdmFairCounts counts;
  g_autofree char *edition = tdm_fair_dup_edition_label (fair);

  printf ("%s", tdm_fair_get_title (fair));
  if (*edition != '\0')
    printf (" — %s", edition);
  printf ("\n");
  if (tdm_fair_get_city (fair) != NULL)
    printf ("%s: %s\n", _("City"), tdm_fair_get_city (fair));
  if (tdm_fair_get_venue (fair) != NULL)
    printf ("%s: %s\n", _("Venue"), tdm_fair_get_venue (fair));
  if (tdm_fair_get_start_date (fair) != NULL)
    printf ("%s: %s – %s\n", _("Dates"), tdm_fair_get_start_date (fair),
            tdm_fair_get_end_date (fair) != NULL ? tdm_fair_get_end_date (fair) : "…");
  printf ("%s: %s\n", _("Status"), tdm_fair_get_status_label (fair));
  if (tdm_store_get_fair_counts (store, tdm_fair_get_id (fair), &counts, NULL))
    {
      printf (ngettext ("%d stand, ", "%d stands, ", (unsigned long) counts.stands), (int) counts.stands);
      printf (ngettext ("%d place taken of %d\n", "%d places taken of %d\n",
                        (unsigned long) counts.places_taken),
              (int) counts.places_taken, (int) counts.places);
      printf (ngettext ("%d exhibitor\n", "%d exhibitors\n", (unsigned long) counts.exhibitors),
              (int) counts.exhibitors);
    }
}

static int
run_show (TdmCliContext *ctx,
          int            argc,
          char         **argv)
{
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print the fair with its poles, stands, exhibitors and partners as JSON"), NULL },
    { NULL }
  };
  g_autoptr(TdmFair) fair = NULL;
  g_autoptr(GError) error = NULL;
  TdmStore *store;
  gint64 id;

  if (!tdm_cli_parse_options (&argc, &argv, "fair", "ID", _("Shows a fair."), entries))
    return 2;
  if (argc != 2)
    return tdm_cli_fail (_("Give the number of one fair: see “tadamon-cli fair list”."));
  id = parse_fair_id (argv[1]);
  if (id == 0)
    return 1;

  store = tdm_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;
  fair = tdm_store_get_fair (store, id, &error);
  if (fair == NULL)
    return tdm_cli_fail ("%s", error->message);

  if (as_json)
    {
      g_autoptr(JsonNode) root = fair_to_json (store, fair, &error);
      g_autofree char *text = NULL;

      if (root == NULL)
        return tdm_cli_fail ("%s", error->message);
      text = json_to_string (root, TRUE);
      printf ("%s\n", text);
    }
  else
    print_fair_text (store, fair);

  return 0;
}

/* ---- fair import-exhibitors --------------------------------------------- */

static int
run_import_exhibitors (TdmCliContext *ctx,
                       int            argc,
                       char         **argv)
{
  g_autoptr(TdmExhibitorImport) import = NULL;
  g_autoptr(GError) error = NULL;
  TdmStore *store;
  gint64 id;

  if (!tdm_cli_parse_options (&argc, &argv, "fair", "ID FILE.csv",
                              _("Adds the applications listed in a CSV file to a fair. Cooperatives are found by registration number, or by name and province; a file that names a cooperative the registry does not hold is refused whole."),
                              NULL))
    return 2;
  if (argc != 3)
    return tdm_cli_fail (_("Give the number of a fair and a CSV file."));
  id = parse_fair_id (argv[1]);
  if (id == 0)
    return 1;

  store = tdm_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;

  import = tdm_store_import_exhibitors (store, id, argv[2], &error);
  if (import == NULL)
    return tdm_cli_fail ("%s", error->message);

  printf (ngettext ("%u row read, ", "%u rows read, ", import->rows_read), import->rows_read);
  printf (ngettext ("%u exhibitor added, ", "%u exhibitors added, ", import->exhibitors_added),
          import->exhibitors_added);
  printf (ngettext ("%u placed on a stand\n", "%u placed on stands\n", import->stands_assigned),
          import->stands_assigned);
  for (guint i = 0; i < import->problems->len; i++)
    {
      TdmCsvProblem *problem = g_ptr_array_index (import->problems, i);

      fprintf (stderr, _("Line %u: %s\n"), problem->line, problem->reason);
    }
  return 0;
}

/* ---- fair plan ---------------------------------------------------------- */

static int
run_plan (TdmCliContext *ctx,
          int            argc,
          char         **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: .pdf (an A3 landscape page) or .png"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  TdmStore *store;
  gint64 id;

  if (!tdm_cli_parse_options (&argc, &argv, "fair", "ID", _("Saves the floor plan of a fair as PDF or PNG."), entries))
    return 2;
  if (argc != 2)
    return tdm_cli_fail (_("Give the number of one fair: see “tadamon-cli fair list”."));
  if (output == NULL)
    return tdm_cli_fail (_("Say where to save the plan with -o FILE.pdf or -o FILE.png."));
  id = parse_fair_id (argv[1]);
  if (id == 0)
    return 1;

  store = tdm_cli_context_get_store (ctx);
  if (store == NULL)
    return 1;

  if (!tdm_plan_render_to_file (store, id, output, &error))
    return tdm_cli_fail ("%s", error->message);
  return 0;
}

/* ---- dispatch ----------------------------------------------------------- */

static const struct {
  const char        *name;
  TdmCliCommandFunc  run;
} subcommands[] = {
  { "list", run_list },
  { "show", run_show },
  { "import-exhibitors", run_import_exhibitors },
  { "plan", run_plan },
};

static int
run_fair (TdmCliContext *ctx,
          int            argc,
          char         **argv)
{
  if (argc < 2)
    return tdm_cli_fail (_("Say what to do: fair list, fair show, fair import-exhibitors or fair plan."));

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].run (ctx, argc - 1, argv + 1);

  return tdm_cli_fail (_("Unknown command “fair %s”."), argv[1]);
}

/* One entry per form, for the usage; "fair" finds the first. */
const TdmCliCommand tdm_cli_fair_commands[] = {
  { "fair", run_fair, "fair list",
    N_("List the fairs, one per line") },
  { "fair", run_fair, "fair show ID [--json]",
    N_("Show a fair with its poles, stands, exhibitors and partners") },
  { "fair", run_fair, "fair import-exhibitors ID FILE.csv",
    N_("Add a fair’s exhibitors from a CSV file") },
  { "fair", run_fair, "fair plan ID -o FILE.pdf|FILE.png",
    N_("Save a fair’s floor plan") },
  { NULL, NULL, NULL, NULL }
};
