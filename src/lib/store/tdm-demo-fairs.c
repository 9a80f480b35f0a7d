/* tdm-demo-fairs.c: the two demo fairs, modelled on the seed articles
 * (the Fès-Meknès 3rd edition and the Oriental 6th edition of the
 * regional ESS fair).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "tdm-fairs.h"
#include "tdm-fold.h"
#include "tdm-registry.h"
#include "tdm-store-private.h"

/* HCP codes of the regions and prefectures of the two fairs. */
#define REGION_ORIENTAL      2
#define REGION_FES_MEKNES    3
#define PROVINCE_OUJDA_ANGAD 2411
#define PROVINCE_FES         3231

typedef struct {
  const char *name;
  const char *acronym;
  const char *kind;
  const char *country;
  const char *role;
  double      amount;     /* dirhams, -1 = not said */
} DemoFairPartner;

static const DemoFairPartner fes_partners[] = {
  { "Conseil de la Région Fès-Meknès", NULL, "regional_council", "MA", "organizer", 3000000 },
  { "Ministère du Tourisme, de l’Artisanat et de l’Économie Sociale et Solidaire", "MTAESS",
    "ministry", "MA", "co_organizer", 1500000 },
  { "Initiative Nationale pour le Développement Humain", "INDH", "public_agency", "MA", "funder", 400000 },
  { "Crédit Agricole du Maroc", "CAM", "company", "MA", "sponsor", 150000 },
  { "Collectivité de Corse", NULL, "foreign_region", "FR", "foreign_delegation", -1 },
};

static const DemoFairPartner oujda_partners[] = {
  { "Conseil de la Région de l’Oriental", NULL, "regional_council", "MA", "organizer", 2500000 },
  { "Ministère du Tourisme, de l’Artisanat et de l’Économie Sociale et Solidaire", "MTAESS",
    "ministry", "MA", "co_organizer", 1000000 },
  { "Wilaya de la Région de l’Oriental", NULL, "wilaya", "MA", "co_organizer", -1 },
  { "Réseau Marocain de l’Économie Sociale et Solidaire", "REMESS", "network", "MA", "guest", -1 },
  { "Région de la Boucle du Mouhoun", NULL, "foreign_region", "BF", "foreign_delegation", -1 },
  { "Echo Communication", NULL, "company", "MA", "sponsor", 80000 },
  { "Cooplus", NULL, "company", "MA", "sponsor", 50000 },
};

typedef struct {
  TdmStore *store;
  GRand    *rand;
  GArray   *used;       /* cooperative ids already in a demo fair */
} Demo;

static gint64
find_or_add_partner (Demo                  *demo,
                     const DemoFairPartner *spec,
                     GError               **error)
{
  g_autoptr(TdmPartner) partner = NULL;
  g_autofree char *key = tdm_fold (spec->name);
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = tdm_store_prepare (demo->store, "SELECT id FROM partner WHERE name_key = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id > 0)
    return id;

  partner = g_object_new (TDM_TYPE_PARTNER,
                          "name", spec->name,
                          "acronym", spec->acronym,
                          "kind", spec->kind,
                          "country", spec->country,
                          NULL);
  if (!tdm_store_save_partner (demo->store, partner, error))
    return 0;
  return tdm_partner_get_id (partner);
}

static gboolean
add_partners (Demo                  *demo,
              gint64                 fair_id,
              const DemoFairPartner *partners,
              guint                  n,
              GError               **error)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 id = find_or_add_partner (demo, &partners[i], error);

      if (id == 0 ||
          !tdm_store_set_fair_partner (demo->store, fair_id, id, partners[i].role,
                                       partners[i].amount, error))
        return FALSE;
    }
  return TRUE;
}

static TdmFair *
add_fair (Demo        *demo,
          const char  *title,
          gint         edition,
          gint64       province_id,
          const char  *city,
          const char  *venue,
          const char  *start,
          const char  *end,
          const char  *slogan,
          double       floor_width,
          double       floor_depth,
          GError     **error)
{
  g_autoptr(TdmFair) fair = g_object_new (TDM_TYPE_FAIR,
                                          "title", title,
                                          "edition", edition,
                                          "province-id", province_id,
                                          "city", city,
                                          "venue", venue,
                                          "start-date", start,
                                          "end-date", end,
                                          "slogan", slogan,
                                          "status", "closed",
                                          "floor-width", floor_width,
                                          "floor-depth", floor_depth,
                                          NULL);

  if (!tdm_store_save_fair (demo->store, fair, error))
    return NULL;
  return g_steal_pointer (&fair);
}

static gint64
add_pole (Demo        *demo,
          gint64       fair_id,
          const char  *name_ar,
          const char  *name_fr,
          const char  *color,
          GError     **error)
{
  g_autoptr(TdmPole) pole = g_object_new (TDM_TYPE_POLE,
                                          "fair-id", fair_id,
                                          "name-ar", name_ar,
                                          "name-fr", name_fr,
                                          "color", color,
                                          NULL);

  if (!tdm_store_save_pole (demo->store, pole, error))
    return 0;
  return tdm_pole_get_id (pole);
}

static gboolean
add_area (Demo        *demo,
          gint64       fair_id,
          const char  *kind,
          double       x,
          double       y,
          double       width,
          double       depth,
          GError     **error)
{
  g_autoptr(TdmStand) area = g_object_new (TDM_TYPE_STAND,
                                           "fair-id", fair_id,
                                           "kind", kind,
                                           "x", x,
                                           "y", y,
                                           "width", width,
                                           "depth", depth,
                                           "capacity", 0,
                                           NULL);

  return tdm_store_add_stand (demo->store, area, error);
}

/* Adds a row of 3 × 3 m stands of two places; their ids go to STANDS. */
static gboolean
add_row (Demo     *demo,
         gint64    fair_id,
         gint64    pole_id,
         double    x,
         double    y,
         guint     n,
         GArray   *ids,
         GError  **error)
{
  g_autoptr(GPtrArray) stands =
    tdm_store_add_stand_row (demo->store, fair_id, pole_id, x, y, n, 3, 3, FALSE, 2, error);

  if (stands == NULL)
    return FALSE;
  for (guint i = 0; i < stands->len; i++)
    {
      gint64 id = tdm_stand_get_id (g_ptr_array_index (stands, i));

      g_array_append_val (ids, id);
    }
  return TRUE;
}

static void
shuffle (GRand  *rand,
         GArray *ids)
{
  for (guint i = ids->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      gint64 tmp = g_array_index (ids, gint64, i - 1);

      g_array_index (ids, gint64, i - 1) = g_array_index (ids, gint64, j);
      g_array_index (ids, gint64, j) = tmp;
    }
}

/* The places for N_PEOPLE exhibitors: the stands in a random order,
 * both places of each, except N_PARTLY stands that get one person: the
 * plan then shows full, partly taken and free stands, as a real one does
 * before the fair. */
static GArray *
order_places (Demo   *demo,
              GArray *stands,
              guint   n_people,
              guint   n_partly)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = stands->len;
  guint full;

  shuffle (demo->rand, stands);
  n_partly = MIN (n_partly, n);
  full = n_people > n_partly ? (n_people - n_partly) / 2 : 0;
  full = MIN (full, n - n_partly);

  for (guint i = 0; i < full; i++)
    {
      g_array_append_val (places, g_array_index (stands, gint64, i));
      g_array_append_val (places, g_array_index (stands, gint64, i));
    }
  for (guint i = full; i < full + n_partly; i++)
    g_array_append_val (places, g_array_index (stands, gint64, i));
  /* Whatever is left, in case there are more people than planned. */
  for (guint i = full; i < full + n_partly; i++)
    g_array_append_val (places, g_array_index (stands, gint64, i));
  for (guint i = full + n_partly; i < n; i++)
    {
      g_array_append_val (places, g_array_index (stands, gint64, i));
      g_array_append_val (places, g_array_index (stands, gint64, i));
    }
  return places;
}

static gboolean
is_used (Demo   *demo,
         gint64  id)
{
  for (guint i = 0; i < demo->used->len; i++)
    if (g_array_index (demo->used, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Up to N cooperatives not yet in a demo fair, those of REGION first, in
 * an order that depends on the seed. */
static GArray *
pick_cooperatives (Demo    *demo,
                   gint64   region_id,
                   guint    n,
                   GError **error)
{
  g_autoptr(GArray) local = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *picked = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = tdm_store_prepare (demo->store, "SELECT id, region_id IS ?1 FROM cooperative ORDER BY id", error);
  if (stmt == NULL)
    {
      g_array_unref (picked);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, region_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!is_used (demo, id))
        g_array_append_val (sqlite3_column_int (stmt, 1) ? local : others, id);
    }
  sqlite3_reset (stmt);

  shuffle (demo->rand, local);
  shuffle (demo->rand, others);
  for (guint i = 0; i < local->len && picked->len < n; i++)
    g_array_append_val (picked, g_array_index (local, gint64, i));
  for (guint i = 0; i < others->len && picked->len < n; i++)
    g_array_append_val (picked, g_array_index (others, gint64, i));
  g_array_append_vals (demo->used, picked->data, picked->len);
  return picked;
}

/* "YYYY-MM-DD" N days after ISO. */
static char *
add_days (const char *iso,
          int         n)
{
  int y, m, d;
  g_autoptr(GDate) date = NULL;
  char buffer[16];

  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (iso);
  date = g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
  if (n >= 0)
    g_date_add_days (date, (guint) n);
  else
    g_date_subtract_days (date, (guint) -n);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
}

/* The applications of COOPERATIVES, with dates before START: the last
 * ones withdrawn, rejected, waitlisted, then N_ACCEPTED accepted but not
 * placed yet (the organizer drags them onto the plan), and the others
 * confirmed, on STANDS, N_PARTLY of them alone on their stand. */
static gboolean
add_exhibitors (Demo        *demo,
                gint64       fair_id,
                GArray      *cooperatives,
                GArray      *stands,
                const char  *start,
                guint        n_partly,
                guint        n_accepted,
                guint        n_waitlisted,
                guint        n_rejected,
                guint        n_withdrawn,
                GError     **error)
{
  g_autoptr(GArray) places = NULL;
  guint n_others = n_accepted + n_waitlisted + n_rejected + n_withdrawn;
  guint n_confirmed = cooperatives->len > n_others ? cooperatives->len - n_others : 0;
  guint next_place = 0;

  places = order_places (demo, stands, n_confirmed, n_partly);

  for (guint i = 0; i < cooperatives->len; i++)
    {
      g_autoptr(TdmExhibitor) exhibitor = NULL;
      g_autofree char *applied = add_days (start, -g_rand_int_range (demo->rand, 60, 100));
      g_autofree char *decided = add_days (start, -g_rand_int_range (demo->rand, 30, 45));
      g_autofree char *confirmed = add_days (start, -g_rand_int_range (demo->rand, 5, 25));
      guint from_end = cooperatives->len - i;
      const char *status;

      if (from_end <= n_withdrawn)
        status = "withdrawn";
      else if (from_end <= n_withdrawn + n_rejected)
        status = "rejected";
      else if (from_end <= n_withdrawn + n_rejected + n_waitlisted)
        status = "waitlisted";
      else if (from_end <= n_others)
        status = "accepted";
      else
        status = "confirmed";

      exhibitor = g_object_new (TDM_TYPE_EXHIBITOR,
                                "fair-id", fair_id,
                                "cooperative-id", g_array_index (cooperatives, gint64, i),
                                "status", status,
                                "applied-on", applied,
                                "decided-on", decided,
                                "confirmed-on", g_str_equal (status, "confirmed") ? confirmed : NULL,
                                "withdrawn-on", g_str_equal (status, "withdrawn") ? confirmed : NULL,
                                NULL);
      if (g_str_equal (status, "confirmed") && next_place < places->len)
        g_object_set (exhibitor, "stand-id", g_array_index (places, gint64, next_place++), NULL);

      if (!tdm_store_add_exhibitor (demo->store, exhibitor, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
populate_fes (Demo    *demo,
              GError **error)
{
  g_autoptr(TdmFair) fair = NULL;
  g_autoptr(GArray) stands = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cooperatives = NULL;
  gint64 fair_id, products, international, institutional;
  const double rows_y[] = { 14, 17, 23, 26, 32, 35 };

  fair = add_fair (demo,
                   "Salon régional de l’économie sociale et solidaire Fès-Meknès", 3,
                   PROVINCE_FES, "Fès", "فضاء سباق الخيل",
                   "2024-10-15", "2024-10-24",
                   "الاقتصاد الاجتماعي والتضامني دعامة للتنمية الجهوية ورافعة للنموذج التنموي الجديد",
                   78, 48, error);
  if (fair == NULL)
    return FALSE;
  fair_id = tdm_fair_get_id (fair);

  products = add_pole (demo, fair_id, "قطب المنتوجات", "Pôle des produits", "#3584e4", error);
  international = products ? add_pole (demo, fair_id, "قطب التعاون الدولي",
                                       "Pôle de la coopération internationale", "#e66100", error) : 0;
  institutional = international ? add_pole (demo, fair_id, "القطب المؤسساتي",
                                            "Pôle institutionnel", "#26a269", error) : 0;
  if (institutional == 0)
    return FALSE;

  /* The hall: a stage at the back, the entrance in the middle of the
   * front wall, a main aisle between them, cross aisles between islands
   * of two rows of stands back to back, a tasting lounge by the door. */
  if (!add_area (demo, fair_id, "stage", 27, 2, 24, 8, error) ||
      !add_area (demo, fair_id, "aisle", 3, 10, 72, 4, error) ||
      !add_area (demo, fair_id, "aisle", 36, 14, 6, 31, error) ||
      !add_area (demo, fair_id, "aisle", 3, 20, 72, 3, error) ||
      !add_area (demo, fair_id, "aisle", 3, 29, 72, 3, error) ||
      !add_area (demo, fair_id, "aisle", 3, 38, 72, 3, error) ||
      !add_area (demo, fair_id, "entrance", 33, 45, 12, 3, error) ||
      !add_area (demo, fair_id, "lounge", 60, 41, 15, 6, error))
    return FALSE;

  /* Products: 110 stands, three islands on the left, two on the right. */
  for (guint i = 0; i < G_N_ELEMENTS (rows_y); i++)
    if (!add_row (demo, fair_id, products, 3, rows_y[i], 11, stands, error))
      return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!add_row (demo, fair_id, products, 42, rows_y[i], 11, stands, error))
      return FALSE;
  /* International cooperation and institutions share the third island
   * on the right, 10 stands each. */
  if (!add_row (demo, fair_id, international, 42, 32, 5, stands, error) ||
      !add_row (demo, fair_id, international, 42, 35, 5, stands, error) ||
      !add_row (demo, fair_id, institutional, 60, 32, 5, stands, error) ||
      !add_row (demo, fair_id, institutional, 60, 35, 5, stands, error))
    return FALSE;

  cooperatives = pick_cooperatives (demo, REGION_FES_MEKNES, 260, error);
  if (cooperatives == NULL ||
      !add_exhibitors (demo, fair_id, cooperatives, stands, "2024-10-15", 9, 12, 8, 5, 6, error))
    return FALSE;

  if (!add_partners (demo, fair_id, fes_partners, G_N_ELEMENTS (fes_partners), error))
    return FALSE;

  for (int day = 0; day < 10; day++)
    {
      g_autofree char *date = add_days ("2024-10-15", day);
      /* Weekends (the 19th, 20th) draw more people. */
      gboolean weekend = day == 4 || day == 5;
      gint64 visitors = g_rand_int_range (demo->rand, 3500, 6000) * (weekend ? 2 : 1);
      double sales = visitors * g_rand_double_range (demo->rand, 28, 45);

      if (!tdm_store_set_fair_day (demo->store, fair_id, date, visitors, round (sales), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
populate_oujda (Demo    *demo,
                GError **error)
{
  g_autoptr(TdmFair) fair = NULL;
  g_autoptr(GArray) stands = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cooperatives = NULL;
  gint64 fair_id, products, institutional;

  fair = add_fair (demo,
                   "Salon régional de l’économie sociale et solidaire de l’Oriental", 6,
                   PROVINCE_OUJDA_ANGAD, "Oujda", "ساحة الملعب الشرفي بوجدة",
                   "2025-05-23", "2025-05-30",
                   "الاقتصاد الاجتماعي والتضامني رافعة أساسية لتنمية شاملة ومستدامة",
                   60, 40, error);
  if (fair == NULL)
    return FALSE;
  fair_id = tdm_fair_get_id (fair);

  products = add_pole (demo, fair_id, "قطب المنتوجات", "Pôle des produits", "#c061cb", error);
  institutional = products ? add_pole (demo, fair_id, "القطب المؤسساتي",
                                       "Pôle institutionnel", "#1c71d8", error) : 0;
  if (institutional == 0)
    return FALSE;

  if (!add_area (demo, fair_id, "stage", 20, 1, 20, 6, error) ||
      !add_area (demo, fair_id, "aisle", 2, 8, 56, 4, error) ||
      !add_area (demo, fair_id, "aisle", 2, 18, 56, 6, error) ||
      !add_area (demo, fair_id, "entrance", 25, 37, 10, 3, error) ||
      !add_row (demo, fair_id, products, 6, 12, 8, stands, error) ||
      !add_row (demo, fair_id, products, 6, 15, 8, stands, error) ||
      !add_row (demo, fair_id, products, 33, 12, 8, stands, error) ||
      !add_row (demo, fair_id, products, 33, 15, 8, stands, error) ||
      !add_area (demo, fair_id, "lounge", 44, 29, 14, 7, error) ||
      !add_row (demo, fair_id, institutional, 18, 24, 8, stands, error))
    return FALSE;

  cooperatives = pick_cooperatives (demo, REGION_ORIENTAL, 70, error);
  if (cooperatives == NULL ||
      !add_exhibitors (demo, fair_id, cooperatives, stands, "2025-05-23", 5, 5, 3, 2, 1, error))
    return FALSE;

  return add_partners (demo, fair_id, oujda_partners, G_N_ELEMENTS (oujda_partners), error);
}

gboolean
tdm_demo_populate_fairs (TdmStore  *self,
                         guint32    seed,
                         GError   **error)
{
  Demo demo = { self, NULL, NULL };
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (TDM_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tdm_store_begin (self, error))
    return FALSE;

  stmt = tdm_store_prepare (self, "SELECT count(*) FROM fair", error);
  if (stmt == NULL)
    {
      tdm_store_rollback (self);
      return FALSE;
    }
  ok = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == 0;
  sqlite3_reset (stmt);
  if (!ok)
    {
      g_set_error_literal (error, TDM_STORE_ERROR, TDM_STORE_ERROR_INVALID,
                           _("The database already holds fairs. Demo fairs only go into a database without any."));
      tdm_store_rollback (self);
      return FALSE;
    }

  demo.rand = g_rand_new_with_seed (seed);
  demo.used = g_array_new (FALSE, FALSE, sizeof (gint64));

  ok = populate_oujda (&demo, error) && populate_fes (&demo, error);

  g_rand_free (demo.rand);
  g_array_unref (demo.used);

  if (!ok)
    {
      tdm_store_rollback (self);
      return FALSE;
    }
  return tdm_store_commit (self, error);
}
