/* test-fairs.c: fairs, poles, stands, exhibitors, partners and days
 * through TdmStore: the rules a user relies on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tdm-csv.h"
#include "tdm-demo.h"
#include "tdm-fairs.h"
#include "tdm-registry.h"
#include "tdm-test-util.h"

typedef struct {
  TdmStore *store;
  gint64    fair_id;
  gint64    pole_id;
  gint64    coops[6];
} Fixture;

/* A cooperative of Fès (province 3231) written the way the CSV import
 * writes them. */
static gint64
add_cooperative (TdmStore   *store,
                 const char *name_fr,
                 const char *name_ar,
                 const char *registration)
{
  g_autofree char *name_key = NULL;
  g_autofree char *search = NULL;
  sqlite3_stmt *stmt = NULL;

  tdm_store_cooperative_keys (name_ar, name_fr, registration, NULL, &name_key, &search);
  g_assert_cmpint (sqlite3_prepare_v2 (tdm_store_get_db (store),
                                       "INSERT INTO cooperative (name_fr, name_ar, registration_number, "
                                       "province_id, region_id, name_key, search_text) "
                                       "VALUES (?1, ?2, ?3, 3231, 3, ?4, ?5)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name_fr, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name_ar, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, registration, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, name_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, search, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (tdm_store_get_db (store));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmFair) fair = NULL;
  g_autoptr(TdmPole) pole = NULL;
  static const char * const names[][3] = {
    { "Coopérative Al Amal", "تعاونية الأمل", "3231/2015/000001" },
    { "Coopérative Annour", "تعاونية النور", "3231/2016/000002" },
    { "Coopérative Al Baraka", "تعاونية البركة", "3231/2017/000003" },
    { "Coopérative Assafae", "تعاونية الصفاء", "3231/2018/000004" },
    { "Coopérative Tifawin", "تعاونية تيفاوين", "3231/2019/000005" },
    { "Coopérative Al Atlas", "تعاونية الأطلس", "3231/2020/000006" },
  };

  f->store = tdm_test_open_memory_store ();

  fair = g_object_new (TDM_TYPE_FAIR,
                       "title", "Salon régional de l’ESS",
                       "edition", 3,
                       "province-id", (gint64) 3231,
                       "city", "Fès",
                       "start-date", "2024-10-15",
                       "end-date", "2024-10-24",
                       "floor-width", 30.0,
                       "floor-depth", 20.0,
                       NULL);
  tdm_store_save_fair (f->store, fair, &error);
  g_assert_no_error (error);
  f->fair_id = tdm_fair_get_id (fair);
  g_assert_cmpint (f->fair_id, >, 0);
  /* The region comes from the province. */
  g_assert_cmpint (tdm_fair_get_region_id (fair), ==, 3);

  pole = g_object_new (TDM_TYPE_POLE, "fair-id", f->fair_id, "name-fr", "Produits",
                       "name-ar", "المنتوجات", "color", "#3584e4", NULL);
  tdm_store_save_pole (f->store, pole, &error);
  g_assert_no_error (error);
  f->pole_id = tdm_pole_get_id (pole);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    f->coops[i] = add_cooperative (f->store, names[i][0], names[i][1], names[i][2]);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static TdmStand *
add_stand (Fixture    *f,
           const char *code,
           double      x,
           double      y,
           gint        capacity)
{
  g_autoptr(GError) error = NULL;
  TdmStand *stand = g_object_new (TDM_TYPE_STAND,
                                  "fair-id", f->fair_id,
                                  "pole-id", f->pole_id,
                                  "code", code,
                                  "x", x, "y", y, "width", 3.0, "depth", 3.0,
                                  "capacity", capacity,
                                  NULL);

  tdm_store_add_stand (f->store, stand, &error);
  g_assert_no_error (error);
  return stand;
}

static gint64
add_exhibitor (Fixture    *f,
               guint       coop,
               const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmExhibitor) exhibitor =
    g_object_new (TDM_TYPE_EXHIBITOR, "fair-id", f->fair_id,
                  "cooperative-id", f->coops[coop], "status", status, NULL);

  tdm_store_add_exhibitor (f->store, exhibitor, &error);
  g_assert_no_error (error);
  return tdm_exhibitor_get_id (exhibitor);
}

static gint
occupancy (Fixture *f,
           gint64   stand_id)
{
  g_autoptr(TdmStand) stand = tdm_store_get_stand (f->store, stand_id, NULL);

  g_assert_nonnull (stand);
  return tdm_stand_get_occupancy (stand);
}

/* ---- fairs --------------------------------------------------------------- */

static void
test_fair_validation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmFair) fair = g_object_new (TDM_TYPE_FAIR, "title", "  ", NULL);
  g_autoptr(TdmFair) dated = g_object_new (TDM_TYPE_FAIR, "title", "Salon",
                                           "start-date", "2024-10-24", "end-date", "2024-10-15", NULL);
  g_autoptr(TdmFair) stored = NULL;
  g_autoptr(GListModel) fairs = NULL;
  g_autoptr(TdmStand) far = NULL;

  g_assert_false (tdm_store_save_fair (f->store, fair, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A fair needs a title.");
  g_clear_error (&error);

  g_assert_false (tdm_store_save_fair (f->store, dated, &error));
  g_assert_cmpstr (error->message, ==, "The fair cannot end before it starts.");
  g_clear_error (&error);
  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM fair"), ==, 1);

  /* The floor cannot shrink under its stands. */
  far = add_stand (f, "A-09", 25, 15, 2);
  stored = tdm_store_get_fair (f->store, f->fair_id, &error);
  g_assert_no_error (error);
  g_object_set (stored, "floor-width", 20.0, NULL);
  g_assert_false (tdm_store_save_fair (f->store, stored, &error));
  g_assert_cmpstr (error->message, ==, "The floor must be at least 28 m wide: stands reach that far.");
  g_clear_error (&error);

  fairs = tdm_store_list_fairs (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fairs), ==, 1);

  g_assert_false (tdm_store_delete_fair (f->store, 999, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (tdm_store_delete_fair (f->store, f->fair_id, &error));
  g_assert_no_error (error);
  /* Everything of the fair went with it. */
  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM stand"), ==, 0);
  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM pole"), ==, 0);
}

static void
test_poles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmPole) unnamed = g_object_new (TDM_TYPE_POLE, "fair-id", f->fair_id, NULL);
  g_autoptr(TdmPole) grey = g_object_new (TDM_TYPE_POLE, "fair-id", f->fair_id,
                                          "name-fr", "Institutionnel", "color", "grey", NULL);
  g_autoptr(TdmPole) second = g_object_new (TDM_TYPE_POLE, "fair-id", f->fair_id,
                                            "name-fr", "Coopération", "color", "#e66100", NULL);
  g_autofree char *code = NULL;

  g_assert_false (tdm_store_save_pole (f->store, unnamed, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tdm_store_save_pole (f->store, grey, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (tdm_store_save_pole (f->store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tdm_pole_get_position (second), ==, 1);

  /* The second pole's stands are B-01, B-02 ... */
  code = tdm_store_next_stand_code (f->store, f->fair_id, tdm_pole_get_id (second), "stand", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "B-01");
}

/* ---- stands -------------------------------------------------------------- */

static void
test_stand_codes (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStand) first = add_stand (f, "", 0, 0, 2);
  g_autoptr(TdmStand) taken = NULL;
  g_autoptr(GPtrArray) row = NULL;

  /* Empty code: the next automatic one. */
  g_assert_cmpstr (tdm_stand_get_code (first), ==, "A-01");

  row = tdm_store_add_stand_row (f->store, f->fair_id, f->pole_id, 3, 0, 4, 3, 3, FALSE, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (row->len, ==, 4);
  g_assert_cmpstr (tdm_stand_get_code (g_ptr_array_index (row, 0)), ==, "A-02");
  g_assert_cmpstr (tdm_stand_get_code (g_ptr_array_index (row, 3)), ==, "A-05");
  g_assert_cmpfloat (tdm_stand_get_x (g_ptr_array_index (row, 3)), ==, 12);

  /* A code used twice is refused, whatever its case, and nothing is added. */
  taken = g_object_new (TDM_TYPE_STAND, "fair-id", f->fair_id, "code", "a-03",
                        "x", 20.0, "y", 10.0, NULL);
  g_assert_false (tdm_store_add_stand (f->store, taken, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "The code a-03 is already used by another stand of this fair.");
  g_clear_error (&error);
  g_assert_cmpint (tdm_stand_get_id (taken), ==, 0);
  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM stand"), ==, 5);

  /* Renaming onto a used code too; the stand keeps its code. */
  g_assert_false (tdm_store_set_stand_code (f->store, tdm_stand_get_id (first), "A-02", &error));
  g_assert_cmpstr (error->message, ==, "The code A-02 is already used by another stand of this fair.");
  g_clear_error (&error);
  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM stand WHERE code = 'A-01'"), ==, 1);

  g_assert_true (tdm_store_set_stand_code (f->store, tdm_stand_get_id (first), "Entrée-1", &error));
  g_assert_no_error (error);
}

static void
test_stand_swap_codes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStand) a = add_stand (f, "A-01", 0, 0, 2);
  g_autoptr(TdmStand) b = add_stand (f, "A-02", 3, 0, 2);
  g_autoptr(GPtrArray) edit = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(TdmStand) a_now = NULL;

  g_ptr_array_add (edit, tdm_stand_copy (a));
  g_ptr_array_add (edit, tdm_stand_copy (b));
  tdm_stand_set_code (g_ptr_array_index (edit, 0), "A-02");
  tdm_stand_set_code (g_ptr_array_index (edit, 1), "A-01");
  g_assert_true (tdm_store_update_stands (f->store, edit, &before, &error));
  g_assert_no_error (error);

  a_now = tdm_store_get_stand (f->store, tdm_stand_get_id (a), NULL);
  g_assert_cmpstr (tdm_stand_get_code (a_now), ==, "A-02");

  /* Undo gives the codes back. */
  g_assert_true (tdm_store_update_stands (f->store, before, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&a_now);
  a_now = tdm_store_get_stand (f->store, tdm_stand_get_id (a), NULL);
  g_assert_cmpstr (tdm_stand_get_code (a_now), ==, "A-01");
}

static void
test_stand_overlap (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStand) a = add_stand (f, "A-01", 0, 0, 2);
  g_autoptr(TdmStand) b = add_stand (f, "A-02", 3, 0, 2);      /* touches A-01: allowed */
  g_autoptr(TdmStand) over = NULL;
  g_autoptr(TdmStand) outside = NULL;
  g_autoptr(TdmStand) aisle = NULL;
  g_autoptr(TdmStand) entrance = NULL;
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TdmStand) b_now = NULL;

  over = g_object_new (TDM_TYPE_STAND, "fair-id", f->fair_id, "code", "A-03",
                       "x", 1.5, "y", 1.0, NULL);
  g_assert_false (tdm_store_add_stand (f->store, over, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Stand A-03 would overlap A-01, A-02.");
  g_clear_error (&error);

  /* A row that would cross A-02: none of its stands goes in. */
  row = tdm_store_add_stand_row (f->store, f->fair_id, f->pole_id, 0, 2, 3, 3, 3, FALSE, 2, &error);
  g_assert_null (row);
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "A-01"));
  g_clear_error (&error);
  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM stand"), ==, 2);

  outside = g_object_new (TDM_TYPE_STAND, "fair-id", f->fair_id, "code", "Z-1",
                          "x", 28.5, "y", 0.0, NULL);
  g_assert_false (tdm_store_add_stand (f->store, outside, &error));
  g_assert_cmpstr (error->message, ==, "Stand Z-1 would be outside the floor (30 × 20 m).");
  g_clear_error (&error);

  /* Two areas may cross; a stand may not lie on an area. */
  aisle = g_object_new (TDM_TYPE_STAND, "fair-id", f->fair_id, "kind", "aisle",
                        "x", 0.0, "y", 3.0, "width", 30.0, "depth", 3.0, NULL);
  g_assert_true (tdm_store_add_stand (f->store, aisle, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tdm_stand_get_code (aisle), ==, "AL-01");
  g_assert_cmpint (tdm_stand_get_capacity (aisle), ==, 0);
  entrance = g_object_new (TDM_TYPE_STAND, "fair-id", f->fair_id, "kind", "entrance",
                           "x", 10.0, "y", 2.0, "width", 4.0, "depth", 4.0, NULL);
  g_assert_true (tdm_store_add_stand (f->store, entrance, &error));
  g_assert_no_error (error);

  /* Moving A-02 onto the aisle is refused and A-02 stays where it was. */
  g_ptr_array_add (moves, tdm_stand_copy (b));
  tdm_stand_set_geometry (g_ptr_array_index (moves, 0), 3, 2, 3, 3);
  g_assert_false (tdm_store_update_stands (f->store, moves, &before, &error));
  g_assert_cmpstr (error->message, ==, "Stand A-02 would overlap AL-01.");
  g_clear_error (&error);
  g_assert_null (before);
  b_now = tdm_store_get_stand (f->store, tdm_stand_get_id (b), NULL);
  g_assert_cmpfloat (tdm_stand_get_y (b_now), ==, 0);

  /* A good move, then its undo. */
  tdm_stand_set_geometry (g_ptr_array_index (moves, 0), 20, 10, 4, 3);
  g_assert_true (tdm_store_update_stands (f->store, moves, &before, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 1);
  g_assert_cmpfloat (tdm_stand_get_x (g_ptr_array_index (before, 0)), ==, 3);
  g_assert_true (tdm_store_update_stands (f->store, before, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&b_now);
  b_now = tdm_store_get_stand (f->store, tdm_stand_get_id (b), NULL);
  g_assert_cmpfloat (tdm_stand_get_x (b_now), ==, 3);
  g_assert_cmpfloat (tdm_stand_get_width (b_now), ==, 3);
  (void) a;
}

static void
test_stand_delete_restore (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStand) a = add_stand (f, "A-01", 0, 0, 2);
  g_autoptr(TdmStand) b = add_stand (f, "A-02", 3, 0, 2);
  g_autoptr(GPtrArray) deleted = NULL;
  gint64 ids[2];
  gint64 e1 = add_exhibitor (f, 0, "accepted");

  g_assert_true (tdm_store_assign_stand (f->store, e1, tdm_stand_get_id (a), NULL, &error));
  g_assert_no_error (error);

  ids[0] = tdm_stand_get_id (a);
  ids[1] = tdm_stand_get_id (b);
  g_assert_true (tdm_store_delete_stands (f->store, ids, 2, &deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM stand"), ==, 0);
  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM exhibitor WHERE stand_id IS NOT NULL"), ==, 0);

  /* Undo: the stands come back with their ids and their exhibitor. */
  g_assert_true (tdm_store_restore_stands (f->store, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM stand"), ==, 2);
  g_assert_cmpint (occupancy (f, ids[0]), ==, 1);
}

static void
test_stand_capacity (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStand) a = add_stand (f, "A-01", 0, 0, 2);
  gint64 e1 = add_exhibitor (f, 0, "accepted");
  gint64 e2 = add_exhibitor (f, 1, "confirmed");

  g_assert_true (tdm_store_assign_stand (f->store, e1, tdm_stand_get_id (a), NULL, &error));
  g_assert_true (tdm_store_assign_stand (f->store, e2, tdm_stand_get_id (a), NULL, &error));
  g_assert_no_error (error);

  g_assert_false (tdm_store_set_stand_capacity (f->store, tdm_stand_get_id (a), 1, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Stand A-01 has 2 exhibitors: its capacity cannot be 1.");
  g_clear_error (&error);

  g_assert_true (tdm_store_set_stand_capacity (f->store, tdm_stand_get_id (a), 3, &error));
  g_assert_no_error (error);
}

/* ---- exhibitors ---------------------------------------------------------- */

static void
test_assignment_rules (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStand) a = add_stand (f, "A-03", 0, 0, 2);
  g_autoptr(TdmStand) b = add_stand (f, "A-04", 3, 0, 2);
  g_autoptr(TdmExhibitor) moved = NULL;
  g_autoptr(GListModel) on_a = NULL;
  gint64 e1 = add_exhibitor (f, 0, "accepted");
  gint64 e2 = add_exhibitor (f, 1, "confirmed");
  gint64 e3 = add_exhibitor (f, 2, "accepted");
  gint64 applicant = add_exhibitor (f, 3, "applied");
  gint64 previous = -1;

  g_assert_true (tdm_store_assign_stand (f->store, e1, tdm_stand_get_id (a), &previous, &error));
  g_assert_no_error (error);
  g_assert_cmpint (previous, ==, 0);
  g_assert_true (tdm_store_assign_stand (f->store, e2, tdm_stand_get_id (a), NULL, &error));
  g_assert_no_error (error);

  /* Who is there, for the plan's tooltip. */
  on_a = tdm_store_list_stand_exhibitors (f->store, tdm_stand_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (on_a), ==, 2);

  /* While dragging: the check says why, and writes nothing. */
  g_assert_false (tdm_store_check_assign_stand (f->store, e3, tdm_stand_get_id (a), &error));
  g_assert_cmpstr (error->message, ==, "Stand A-03 is full (2 of 2 places).");
  g_clear_error (&error);
  g_assert_true (tdm_store_check_assign_stand (f->store, e3, tdm_stand_get_id (b), &error));
  g_assert_no_error (error);
  g_assert_cmpint (occupancy (f, tdm_stand_get_id (b)), ==, 0);

  /* A third exhibitor on a two-place stand is refused, nothing changes. */
  g_assert_false (tdm_store_assign_stand (f->store, e3, tdm_stand_get_id (a), NULL, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Stand A-03 is full (2 of 2 places).");
  g_clear_error (&error);
  g_assert_cmpint (occupancy (f, tdm_stand_get_id (a)), ==, 2);
  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM exhibitor WHERE stand_id IS NOT NULL"), ==, 2);

  /* An exhibitor never holds two stands: assigning moves it. */
  g_assert_true (tdm_store_assign_stand (f->store, e1, tdm_stand_get_id (b), &previous, &error));
  g_assert_no_error (error);
  g_assert_cmpint (previous, ==, tdm_stand_get_id (a));
  g_assert_cmpint (occupancy (f, tdm_stand_get_id (a)), ==, 1);
  g_assert_cmpint (occupancy (f, tdm_stand_get_id (b)), ==, 1);
  moved = tdm_store_get_exhibitor (f->store, e1, NULL);
  g_assert_cmpstr (tdm_exhibitor_get_stand_code (moved), ==, "A-04");

  /* The freed place takes the third one now. */
  g_assert_true (tdm_store_assign_stand (f->store, e3, tdm_stand_get_id (a), NULL, &error));
  g_assert_no_error (error);

  /* Only accepted or confirmed exhibitors hold a stand. */
  g_assert_false (tdm_store_assign_stand (f->store, applicant, tdm_stand_get_id (b), NULL, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (tdm_store_unassign_stand (f->store, e1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (occupancy (f, tdm_stand_get_id (b)), ==, 0);
}

static void
test_assign_area_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStand) stage = g_object_new (TDM_TYPE_STAND, "fair-id", f->fair_id, "kind", "stage",
                                            "x", 10.0, "y", 10.0, "width", 8.0, "depth", 4.0, NULL);
  gint64 e1 = add_exhibitor (f, 0, "accepted");

  g_assert_true (tdm_store_add_stand (f->store, stage, &error));
  g_assert_no_error (error);
  g_assert_false (tdm_store_assign_stand (f->store, e1, tdm_stand_get_id (stage), NULL, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
}

static void
test_status_graph (void)
{
  static const char * const statuses[] = {
    "applied", "accepted", "waitlisted", "rejected", "confirmed", "withdrawn",
  };
  /* allowed[from][to], in the order of statuses[]. */
  static const gboolean allowed[6][6] = {
    /* applied    */ { 0, 1, 1, 1, 0, 1 },
    /* accepted   */ { 0, 0, 0, 0, 1, 1 },
    /* waitlisted */ { 0, 1, 0, 1, 0, 1 },
    /* rejected   */ { 0, 0, 0, 0, 0, 0 },
    /* confirmed  */ { 0, 0, 0, 0, 0, 1 },
    /* withdrawn  */ { 0, 0, 0, 0, 0, 0 },
  };

  for (guint from = 0; from < 6; from++)
    for (guint to = 0; to < 6; to++)
      {
        if (tdm_exhibitor_status_can_change (statuses[from], statuses[to]) != allowed[from][to])
          g_error ("%s → %s should be %s", statuses[from], statuses[to],
                   allowed[from][to] ? "allowed" : "refused");
      }

  g_assert_false (tdm_exhibitor_status_can_change ("applied", "bogus"));
  g_assert_false (tdm_exhibitor_status_can_change (NULL, "accepted"));
}

static void
test_status_changes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStand) a = add_stand (f, "A-01", 0, 0, 1);
  g_autoptr(TdmExhibitor) e = NULL;
  gint64 e1 = add_exhibitor (f, 0, "applied");
  gint64 e2 = add_exhibitor (f, 1, "applied");

  e = tdm_store_get_exhibitor (f->store, e1, NULL);
  g_assert_nonnull (tdm_exhibitor_get_applied_on (e));
  g_assert_null (tdm_exhibitor_get_decided_on (e));
  g_clear_object (&e);

  /* applied → confirmed skips the decision: refused. */
  g_assert_false (tdm_store_set_exhibitor_status (f->store, e1, "confirmed", NULL, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The application of Coopérative Al Amal cannot go from “Applied” to “Confirmed”.");
  g_clear_error (&error);

  g_assert_true (tdm_store_set_exhibitor_status (f->store, e1, "waitlisted", "2024-09-01", &error));
  g_assert_true (tdm_store_set_exhibitor_status (f->store, e1, "accepted", "2024-09-10", &error));
  g_assert_no_error (error);
  g_assert_true (tdm_store_assign_stand (f->store, e1, tdm_stand_get_id (a), NULL, &error));
  g_assert_true (tdm_store_set_exhibitor_status (f->store, e1, "confirmed", "2024-10-01", &error));
  g_assert_no_error (error);

  e = tdm_store_get_exhibitor (f->store, e1, NULL);
  g_assert_cmpstr (tdm_exhibitor_get_decided_on (e), ==, "2024-09-10");
  g_assert_cmpstr (tdm_exhibitor_get_confirmed_on (e), ==, "2024-10-01");
  g_assert_cmpint (tdm_exhibitor_get_stand_id (e), ==, tdm_stand_get_id (a));
  g_clear_object (&e);

  /* The one-place stand is full; a withdrawal frees it. */
  g_assert_true (tdm_store_set_exhibitor_status (f->store, e2, "accepted", NULL, &error));
  g_assert_false (tdm_store_assign_stand (f->store, e2, tdm_stand_get_id (a), NULL, &error));
  g_assert_cmpstr (error->message, ==, "Stand A-01 is full (1 of 1 place).");
  g_clear_error (&error);

  g_assert_true (tdm_store_set_exhibitor_status (f->store, e1, "withdrawn", "2024-10-05", &error));
  g_assert_no_error (error);
  e = tdm_store_get_exhibitor (f->store, e1, NULL);
  g_assert_cmpstr (tdm_exhibitor_get_withdrawn_on (e), ==, "2024-10-05");
  g_assert_cmpint (tdm_exhibitor_get_stand_id (e), ==, 0);
  g_assert_cmpint (occupancy (f, tdm_stand_get_id (a)), ==, 0);

  g_assert_true (tdm_store_assign_stand (f->store, e2, tdm_stand_get_id (a), NULL, &error));
  g_assert_no_error (error);

  /* Withdrawn is final. */
  g_assert_false (tdm_store_set_exhibitor_status (f->store, e1, "accepted", NULL, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A rejection frees the place too. */
  g_assert_true (tdm_store_set_exhibitor_status (f->store, e2, "withdrawn", NULL, &error));
  g_assert_cmpint (occupancy (f, tdm_stand_get_id (a)), ==, 0);
}

static void
test_exhibitor_once (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmExhibitor) again = g_object_new (TDM_TYPE_EXHIBITOR, "fair-id", f->fair_id,
                                                "cooperative-id", f->coops[0], NULL);
  g_autoptr(TdmExhibitor) nobody = g_object_new (TDM_TYPE_EXHIBITOR, "fair-id", f->fair_id, NULL);
  g_autoptr(TdmExhibitor) guest = g_object_new (TDM_TYPE_EXHIBITOR, "fair-id", f->fair_id,
                                                "organization-name", "Région Boucle du Mouhoun", NULL);
  g_autoptr(GListModel) list = NULL;

  add_exhibitor (f, 0, "applied");
  g_assert_false (tdm_store_add_exhibitor (f->store, again, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Coopérative Al Amal has already applied to this fair.");
  g_clear_error (&error);
  g_assert_cmpint (tdm_exhibitor_get_id (again), ==, 0);

  g_assert_false (tdm_store_add_exhibitor (f->store, nobody, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (tdm_store_add_exhibitor (f->store, guest, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tdm_exhibitor_get_display_name (guest), ==, "Région Boucle du Mouhoun");

  list = tdm_store_list_exhibitors (f->store, f->fair_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
}

/* ---- CSV ----------------------------------------------------------------- */

static char *
write_csv (const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tdm-fairs-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_csv (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_import_unknown_cooperatives (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_csv ("exposants.csv",
                                     "nom;province;statut\n"
                                     "Coopérative Al Amal;Fès;accepté\n"
                                     "Coopérative Inconnue;Fès;accepté\n"
                                     "Coopérative Annour;Fès;\n"
                                     "Coopérative Fantôme;Fès;\n");
  TdmExhibitorImport *import;

  import = tdm_store_import_exhibitors (f->store, f->fair_id, path, &error);
  g_assert_null (import);
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "Lines 3 (Coopérative Inconnue), 5 (Coopérative Fantôme) name cooperatives "
                   "that are not in the registry. Nothing was imported.");
  /* Nothing changed, not even the known ones. */
  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM exhibitor"), ==, 0);
  remove_csv (path);
}

static void
test_import_exhibitors (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStand) a = add_stand (f, "A-01", 0, 0, 1);
  /* A BOM, semicolons, Arabic and French headers, a cooperative found
   * by its number, one by its Arabic name, one repeated. */
  g_autofree char *path = write_csv ("exposants.csv",
                                     "\xef\xbb\xbf" "رقم التسجيل;الاسم;Province;Statut;Stand;Produits\n"
                                     "3231/2015/000001;;;confirmé;A-01;Miel\n"
                                     ";تعاونية النور;Province de Fès;acceptée;a-01;\n"
                                     ";تعاونية البركة;فاس;en attente;;Tapis\n"
                                     "3231/2015/000001;;;;;\n"
                                     ";تعاونية الصفاء;Fès;peut-être;;\n");
  g_autoptr(TdmExhibitorImport) import = NULL;
  TdmCsvProblem *problem;

  add_cooperative (f->store, "Coopérative Al Amal", "تعاونية الأمل", "3231/2099/999999");
  /* Two "Al Amal" now: found by registration number all the same. */
  import = tdm_store_import_exhibitors (f->store, f->fair_id, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_assert_cmpuint (import->rows_read, ==, 5);
  g_assert_cmpuint (import->exhibitors_added, ==, 3);
  g_assert_cmpuint (import->stands_assigned, ==, 1);
  g_assert_cmpuint (import->problems->len, ==, 3);

  /* Line 3: the stand is full, the application goes in without it. */
  problem = g_ptr_array_index (import->problems, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_nonnull (strstr (problem->reason, "Stand A-01 is full (1 of 1 place)."));
  problem = g_ptr_array_index (import->problems, 1);
  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_cmpint (problem->kind, ==, TDM_CSV_PROBLEM_DUPLICATE);
  problem = g_ptr_array_index (import->problems, 2);
  g_assert_cmpuint (problem->line, ==, 6);
  g_assert_cmpstr (problem->reason, ==, "“peut-être” is not an application status.");

  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM exhibitor WHERE status = 'waitlisted'"), ==, 1);
  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM exhibitor WHERE products = 'Miel'"), ==, 1);
  remove_csv (path);
}

static void
test_import_bad_files (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = write_csv ("vide.csv", "\n \n");
  g_autofree char *no_name = write_csv ("sans-nom.csv", "ville,statut\nFès,accepté\n");
  g_autofree char *quotes = write_csv ("guillemets.csv", "nom,statut\n\"Coopérative Al Amal,accepté\n");

  g_assert_null (tdm_store_import_exhibitors (f->store, f->fair_id, empty, &error));
  g_assert_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (tdm_store_import_exhibitors (f->store, f->fair_id, no_name, &error));
  g_assert_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_MISSING_COLUMN);
  g_clear_error (&error);
  g_assert_null (tdm_store_import_exhibitors (f->store, f->fair_id, quotes, &error));
  g_assert_error (error, TDM_CSV_ERROR, TDM_CSV_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_cmpint (tdm_test_query_int (f->store, "SELECT count(*) FROM exhibitor"), ==, 0);

  remove_csv (empty);
  remove_csv (no_name);
  remove_csv (quotes);
}

/* ---- partners and days --------------------------------------------------- */

static void
test_partners_and_days (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmPartner) council = g_object_new (TDM_TYPE_PARTNER, "name", "Conseil de la Région Fès-Meknès",
                                                "kind", "regional_council", NULL);
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GPtrArray) days = NULL;
  TdmFairCounts counts;
  TdmFairPartner *first;

  g_assert_true (tdm_store_save_partner (f->store, council, &error));
  g_assert_no_error (error);

  g_assert_false (tdm_store_set_fair_partner (f->store, f->fair_id, tdm_partner_get_id (council),
                                              "patron", -1, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (tdm_store_set_fair_partner (f->store, f->fair_id, tdm_partner_get_id (council),
                                             "organizer", 3000000, &error));
  g_assert_true (tdm_store_set_fair_partner (f->store, f->fair_id, tdm_partner_get_id (council),
                                             "funder", -1, &error));
  g_assert_no_error (error);
  partners = tdm_store_list_fair_partners (f->store, f->fair_id, &error);
  g_assert_cmpuint (partners->len, ==, 2);
  first = g_ptr_array_index (partners, 0);
  g_assert_cmpstr (first->role, ==, "organizer");
  g_assert_cmpfloat (first->amount, ==, 3000000);
  g_assert_cmpfloat (((TdmFairPartner *) g_ptr_array_index (partners, 1))->amount, ==, -1);

  g_assert_false (tdm_store_set_fair_day (f->store, f->fair_id, "2024-11-02", 100, 1000, &error));
  g_assert_cmpstr (error->message, ==, "2024-11-02 is not one of the fair’s days (2024-10-15 to 2024-10-24).");
  g_clear_error (&error);
  g_assert_true (tdm_store_set_fair_day (f->store, f->fair_id, "2024-10-15", 4200, 150000, &error));
  g_assert_true (tdm_store_set_fair_day (f->store, f->fair_id, "2024-10-16", 3800, -1, &error));
  g_assert_true (tdm_store_set_fair_day (f->store, f->fair_id, "2024-10-15", 4300, 160000, &error));
  g_assert_no_error (error);
  days = tdm_store_list_fair_days (f->store, f->fair_id, &error);
  g_assert_cmpuint (days->len, ==, 2);

  g_assert_true (tdm_store_get_fair_counts (f->store, f->fair_id, &counts, &error));
  g_assert_cmpint (counts.partners, ==, 1);
  g_assert_cmpint (counts.visitors, ==, 8100);
  g_assert_cmpfloat (counts.sales, ==, 160000);

  g_assert_true (tdm_store_remove_fair_partner (f->store, f->fair_id, tdm_partner_get_id (council),
                                                "funder", &error));
  g_assert_false (tdm_store_remove_fair_partner (f->store, f->fair_id, tdm_partner_get_id (council),
                                                 "funder", &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_NOT_FOUND);
}

/* ---- records ------------------------------------------------------------- */

static void
test_records (void)
{
  g_autoptr(TdmStand) stand = g_object_new (TDM_TYPE_STAND, "id", (gint64) 4, "code", "A-04",
                                            "capacity", 2, NULL);
  g_autoptr(TdmStand) copy = NULL;
  g_autoptr(TdmFair) fair = g_object_new (TDM_TYPE_FAIR, "title", "Salon", "edition", 6, NULL);
  g_autoptr(TdmPole) pole = g_object_new (TDM_TYPE_POLE, "name-fr", "Produits", "color", "#26a269", NULL);
  g_autofree char *edition = tdm_fair_dup_edition_label (fair);
  const gint64 ids[] = { 7, 9 };
  double r, g, b;

  g_assert_cmpint (tdm_stand_get_occupancy_state (stand), ==, TDM_STAND_FREE);
  tdm_stand_set_occupancy (stand, 1);
  g_assert_cmpint (tdm_stand_get_occupancy_state (stand), ==, TDM_STAND_PARTLY_TAKEN);
  tdm_stand_set_occupancy (stand, 2);
  g_assert_cmpint (tdm_stand_get_occupancy_state (stand), ==, TDM_STAND_FULL);
  g_assert_false (tdm_stand_is_area (stand));

  /* A snapshot keeps everything, the exhibitors on the stand too. */
  tdm_stand_set_exhibitor_ids (stand, ids, 2);
  copy = tdm_stand_copy (stand);
  g_assert_cmpint (tdm_stand_get_id (copy), ==, 4);
  g_assert_cmpstr (tdm_stand_get_code (copy), ==, "A-04");
  g_assert_cmpuint (tdm_stand_get_exhibitor_ids (copy)->len, ==, 2);
  g_assert_cmpint (g_array_index (tdm_stand_get_exhibitor_ids (copy), gint64, 1), ==, 9);
  tdm_stand_set_geometry (copy, 1, 2, 3, 4);
  g_assert_cmpfloat (tdm_stand_get_x (stand), ==, 0);

  g_assert_cmpstr (edition, ==, "Edition 6");
  g_assert_cmpstr (tdm_fair_get_status (fair), ==, "planned");
  g_assert_cmpstr (tdm_stand_kind_label ("stage"), ==, "Stage");
  g_assert_cmpstr (tdm_exhibitor_status_label ("waitlisted"), ==, "Waitlisted");
  g_assert_cmpstr (tdm_fair_partner_role_label ("co_organizer"), ==, "Co-organizer");

  g_assert_true (tdm_pole_get_rgb (pole, &r, &g, &b));
  g_assert_cmpfloat_with_epsilon (g, 0xa2 / 255.0, 1e-9);
  g_assert_false (tdm_parse_hex_color ("#12345", &r, &g, &b));
  g_assert_false (tdm_parse_hex_color ("#12345g", &r, &g, &b));
  g_assert_cmpstr (tdm_pole_get_display_name (pole), ==, "Produits");
}

/* ---- demo ---------------------------------------------------------------- */

static void
test_demo_fairs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmStore) store = tdm_store_open (":memory:", &error);
  g_autoptr(GListModel) fairs = NULL;
  g_autoptr(TdmFair) fes = NULL;
  TdmFairCounts counts;

  g_assert_no_error (error);
  g_assert_true (tdm_demo_populate (store, 600, 7, &error));
  g_assert_true (tdm_demo_populate_fairs (store, 7, &error));
  g_assert_no_error (error);

  fairs = tdm_store_list_fairs (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (fairs), ==, 2);
  /* Oujda is the latest; Fès comes second. */
  fes = g_list_model_get_item (fairs, 1);
  g_assert_cmpstr (tdm_fair_get_city (fes), ==, "Fès");
  g_assert_cmpint (tdm_fair_get_edition (fes), ==, 3);

  g_assert_true (tdm_store_get_fair_counts (store, tdm_fair_get_id (fes), &counts, &error));
  g_assert_cmpint (counts.poles, ==, 3);
  g_assert_cmpint (counts.stands, ==, 130);
  g_assert_cmpint (counts.places, ==, 260);
  g_assert_cmpint (counts.exhibitors, ==, 260);
  g_assert_cmpint (counts.places_taken, <=, 260);
  g_assert_cmpint (counts.partners, >=, 3);

  /* Twice is refused. */
  g_assert_false (tdm_demo_populate_fairs (store, 7, &error));
  g_assert_error (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/fairs/fair/validation", test_fair_validation);
  ADD ("/fairs/poles", test_poles);
  ADD ("/fairs/stands/codes", test_stand_codes);
  ADD ("/fairs/stands/swap-codes", test_stand_swap_codes);
  ADD ("/fairs/stands/overlap", test_stand_overlap);
  ADD ("/fairs/stands/delete-restore", test_stand_delete_restore);
  ADD ("/fairs/stands/capacity", test_stand_capacity);
  ADD ("/fairs/exhibitors/assignment", test_assignment_rules);
  ADD ("/fairs/exhibitors/area-refused", test_assign_area_refused);
  g_test_add_func ("/fairs/exhibitors/status-graph", test_status_graph);
  ADD ("/fairs/exhibitors/status-changes", test_status_changes);
  ADD ("/fairs/exhibitors/once", test_exhibitor_once);
  ADD ("/fairs/import/unknown-cooperatives", test_import_unknown_cooperatives);
  ADD ("/fairs/import/exhibitors", test_import_exhibitors);
  ADD ("/fairs/import/bad-files", test_import_bad_files);
  ADD ("/fairs/partners-and-days", test_partners_and_days);
  g_test_add_func ("/fairs/records", test_records);
  g_test_add_func ("/fairs/demo", test_demo_fairs);

#undef ADD

  return g_test_run ();
}
