/* test-fair-cli.c: tadamon-cli fair list, show --json, plan and
 * import-exhibitors on a demo database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "tdm-test-util.h"

typedef struct {
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  f->dir = g_dir_make_tmp ("tdm-fair-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "demo.db", NULL);
  g_assert_cmpint (tdm_test_run_cli (f->db, &out, &err, "demo", "--cooperatives", "500", NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tdm_test_remove_dir (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* The id of the fair held in CITY, from `fair list`. */
static char *
fair_id (Fixture    *f,
         const char *city)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (tdm_test_run_cli (f->db, &out, &err, "fair", "list", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (fields) == 7 && g_str_equal (fields[3], city))
        return g_strdup (fields[0]);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 id;

  g_assert_cmpint (tdm_test_run_cli (f->db, &out, &err, "fair", "list", NULL), ==, 0);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      /* id, title, edition, city, start, end, status */
      g_assert_cmpuint (g_strv_length (fields), ==, 7);
      g_assert_true (g_ascii_string_to_signed (fields[0], 10, 1, G_MAXINT64, &id, NULL));
      g_assert_cmpstr (fields[6], ==, "closed");
    }
  g_assert_nonnull (strstr (lines[0], "\t6\tOujda\t2025-05-23\t2025-05-30\t"));
  g_assert_nonnull (strstr (lines[1], "\t3\tFès\t2024-10-15\t2024-10-24\t"));
}

static void
test_show_json (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = fair_id (f, "Fès");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *fair, *first;
  JsonArray *stands;
  guint stands_only = 0;

  g_assert_cmpint (tdm_test_run_cli (f->db, &out, &err, "fair", "show", id, "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  fair = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpint (json_object_get_int_member (fair, "edition"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (fair, "city"), ==, "Fès");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fair, "poles")), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fair, "exhibitors")), ==, 260);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fair, "partners")), >=, 3);

  stands = json_object_get_array_member (fair, "stands");
  for (guint i = 0; i < json_array_get_length (stands); i++)
    {
      JsonObject *stand = json_array_get_object_element (stands, i);

      if (g_str_equal (json_object_get_string_member (stand, "kind"), "stand"))
        {
          stands_only++;
          g_assert_cmpint (json_object_get_int_member (stand, "capacity"), ==, 2);
          g_assert_cmpint (json_object_get_int_member (stand, "occupancy"), <=, 2);
        }
    }
  g_assert_cmpuint (stands_only, ==, 130);

  first = json_array_get_object_element (json_object_get_array_member (fair, "partners"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "role"), ==, "organizer");
}

static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *id = fair_id (f, "Fès");
  g_autofree char *pdf = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autofree char *png = g_build_filename (f->dir, "plan.png", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_cmpint (tdm_test_run_cli (f->db, &out, &err, "fair", "plan", id, "-o", pdf, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (memmem (contents, length, "/MediaBox [ 0 0 1190.55 841.89 ]",
                            strlen ("/MediaBox [ 0 0 1190.55 841.89 ]")));
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (tdm_test_run_cli (f->db, &out, &err, "fair", "plan", id, "-o", png, NULL), ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\x89PNG"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (tdm_test_run_cli (f->db, &out, &err, "fair", "plan", "999", "-o", png, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "999"));
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = fair_id (f, "Oujda");
  g_autofree char *csv = g_build_filename (f->dir, "exposants.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (tdm_test_run_cli (f->db, &before, &err, "fair", "show", id, "--json", NULL), ==, 0);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (csv,
                                      "nom;province;statut\n"
                                      "Coopérative qui n’existe pas;Oujda-Angad;accepté\n", -1, NULL));
  g_assert_cmpint (tdm_test_run_cli (f->db, &out, &err, "fair", "import-exhibitors", id, csv, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Line 2"));
  g_assert_nonnull (strstr (err, "Nothing was imported"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Nothing changed. */
  g_assert_cmpint (tdm_test_run_cli (f->db, &after, &err, "fair", "show", id, "--json", NULL), ==, 0);
  g_assert_cmpstr (before, ==, after);

  g_unlink (csv);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/fair/list", test_list);
  ADD ("/cli/fair/show-json", test_show_json);
  ADD ("/cli/fair/plan", test_plan);
  ADD ("/cli/fair/import-exhibitors", test_import);

#undef ADD

  return g_test_run ();
}
