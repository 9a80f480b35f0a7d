/* tdm-fairs.h: fairs, their poles, stands, exhibitors, partners and days,
 * through a TdmStore.
 *
 * Every function that writes is one transaction: on failure nothing was
 * changed and ERROR says why in the user's words (TDM_STORE_ERROR_INVALID
 * for a value refused by a rule, _NOT_FOUND for an unknown id,
 * _CONSTRAINT for a conflict with other records). On success the store
 * emits ::changed with "fair", "pole", "stand", "exhibitor",
 * "fair_partner" or "fair_day" as detail (an assignment changes both
 * "exhibitor" and "stand": the occupancy of stands).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tdm-store.h"
#include "tdm-fair.h"
#include "tdm-pole.h"
#include "tdm-stand.h"
#include "tdm-exhibitor.h"

G_BEGIN_DECLS

/* ---- fairs ---------------------------------------------------------- */

/* Every fair, the latest start date first (undated ones last): a
 * GListStore of TdmFair. */
GListModel   *tdm_store_list_fairs          (TdmStore   *self,
                                             GError    **error);
TdmFair      *tdm_store_get_fair            (TdmStore   *self,
                                             gint64      id,
                                             GError    **error);
/* Field-by-field check, like tdm_store_validate_cooperative(): property
 * name → translated message; empty when FAIR can be saved. A floor too
 * small for the stands already on it is reported on "floor-width" or
 * "floor-depth". */
GHashTable   *tdm_store_validate_fair       (TdmStore   *self,
                                             TdmFair    *fair);
/* Inserts (id 0, sets the new id) or updates FAIR. */
gboolean      tdm_store_save_fair           (TdmStore   *self,
                                             TdmFair    *fair,
                                             GError    **error);
/* Deletes the fair with its poles, stands, exhibitors, days and partner
 * roles. */
gboolean      tdm_store_delete_fair         (TdmStore   *self,
                                             gint64      id,
                                             GError    **error);

typedef struct {
  gint64  poles;
  gint64  stands;          /* kind "stand" only */
  gint64  places;          /* sum of the stands' capacities */
  gint64  places_taken;    /* exhibitors on a stand */
  gint64  free_stands;     /* stands with nobody on them */
  gint64  exhibitors;      /* every application, withdrawn included */
  gint64  accepted;        /* accepted or confirmed */
  gint64  confirmed;
  gint64  waitlisted;
  gint64  partners;        /* distinct partners */
  gint64  visitors;        /* sum over the fair's days */
  double  sales;           /* dirhams, sum over the fair's days */
} TdmFairCounts;

gboolean      tdm_store_get_fair_counts     (TdmStore      *self,
                                             gint64         fair_id,
                                             TdmFairCounts *counts,
                                             GError       **error);

/* ---- poles ---------------------------------------------------------- */

/* The fair's poles by position: a GListStore of TdmPole. */
GListModel   *tdm_store_list_poles          (TdmStore   *self,
                                             gint64      fair_id,
                                             GError    **error);
/* Inserts (id 0; a new pole goes after the others) or updates POLE.
 * A name (Arabic or French) and a colour "#rrggbb" are required. */
gboolean      tdm_store_save_pole           (TdmStore   *self,
                                             TdmPole    *pole,
                                             GError    **error);
/* Its stands stay, without a pole. */
gboolean      tdm_store_delete_pole         (TdmStore   *self,
                                             gint64      id,
                                             GError    **error);

/* ---- stands --------------------------------------------------------- */

/* The fair's areas then stands, each by code, with "occupancy" filled:
 * a GListStore of TdmStand. */
GListModel   *tdm_store_list_stands         (TdmStore   *self,
                                             gint64      fair_id,
                                             GError    **error);
TdmStand     *tdm_store_get_stand           (TdmStore   *self,
                                             gint64      id,
                                             GError    **error);

/* The next free automatic code in the fair for a stand of POLE_ID (0: no
 * pole) or, for an area, of KIND: "A-01", "A-02" ... by the pole's
 * position ("A" for the first pole), "S-01" without pole, "STAGE-1" ...
 * for areas. Free it. */
char         *tdm_store_next_stand_code     (TdmStore   *self,
                                             gint64      fair_id,
                                             gint64      pole_id,
                                             const char *kind,
                                             GError    **error);

/* Adds STAND (its "fair-id" set, id 0); an empty code gets the next
 * automatic one. Refused: a code already used in the fair ("The code
 * A-03 is already used by another stand of this fair."), a rectangle not
 * inside the floor, or one that overlaps others (the message names them).
 * Rule for overlaps: a stand may not overlap anything (stand or area);
 * two areas may overlap (an aisle crossing the entrance). On success the
 * stand has its id and code. */
gboolean      tdm_store_add_stand           (TdmStore   *self,
                                             TdmStand   *stand,
                                             GError    **error);
/* Adds a row of N stands of WIDTH×DEPTH metres from (X, Y), side by side
 * along x (VERTICAL: along y), with automatic codes of POLE_ID, all or
 * none. Returns the new stands (TdmStand, with their ids), or NULL. */
GPtrArray    *tdm_store_add_stand_row       (TdmStore   *self,
                                             gint64      fair_id,
                                             gint64      pole_id,
                                             double      x,
                                             double      y,
                                             guint       n,
                                             double      width,
                                             double      depth,
                                             gboolean    vertical,
                                             gint        capacity,
                                             GError    **error);

/* Writes STANDS (TdmStand with ids of one fair) as they are: position,
 * size (snap first: the store takes what it is given), code, pole, kind,
 * capacity. All or none; the checks are those of tdm_store_add_stand()
 * on the result, plus a capacity not below the exhibitors already on
 * the stand ("Stand A-03 has 2 exhibitors: its capacity cannot be 1.").
 * On success *BEFORE (if not NULL) holds snapshots of the stands as they
 * were (a GPtrArray of TdmStand): giving them back to this function is
 * Undo, and the array of STANDS given again is Redo. */
gboolean      tdm_store_update_stands       (TdmStore   *self,
                                             GPtrArray  *stands,
                                             GPtrArray **before,
                                             GError    **error);
/* One-stand forms of tdm_store_update_stands(). */
gboolean      tdm_store_set_stand_code      (TdmStore   *self,
                                             gint64      stand_id,
                                             const char *code,
                                             GError    **error);
gboolean      tdm_store_set_stand_capacity  (TdmStore   *self,
                                             gint64      stand_id,
                                             gint        capacity,
                                             GError    **error);
gboolean      tdm_store_move_stand          (TdmStore   *self,
                                             gint64      stand_id,
                                             double      x,
                                             double      y,
                                             double      width,
                                             double      depth,
                                             GError    **error);

/* Deletes the stands IDS; their exhibitors lose their stand. On success
 * *DELETED (if not NULL) holds snapshots (TdmStand, with the exhibitor
 * ids that were on each) for tdm_store_restore_stands(): Undo. */
gboolean      tdm_store_delete_stands       (TdmStore      *self,
                                             const gint64  *ids,
                                             guint          n_ids,
                                             GPtrArray    **deleted,
                                             GError       **error);
/* Puts deleted stands back under their ids, and their exhibitors back on
 * them when these have no other stand since and still may hold one.
 * Also Redo of an add: the stands returned by tdm_store_add_stand() or
 * tdm_store_add_stand_row(), deleted by Undo, come back. */
gboolean      tdm_store_restore_stands      (TdmStore   *self,
                                             GPtrArray  *stands,
                                             GError    **error);

/* ---- exhibitors ----------------------------------------------------- */

/* The fair's exhibitors by display name: a GListStore of TdmExhibitor.
 * STATUS NULL for all. */
GListModel   *tdm_store_list_exhibitors     (TdmStore   *self,
                                             gint64      fair_id,
                                             const char *status,
                                             GError    **error);
/* Who is on a stand (for the plan's tooltip). */
GListModel   *tdm_store_list_stand_exhibitors (TdmStore *self,
                                             gint64      stand_id,
                                             GError    **error);
TdmExhibitor *tdm_store_get_exhibitor       (TdmStore   *self,
                                             gint64      id,
                                             GError    **error);
/* Adds an application: "fair-id" and either "cooperative-id" or
 * "organization-name" set. Status is "applied" with applied-on today
 * when not given. A cooperative applies once per fair. */
gboolean      tdm_store_add_exhibitor       (TdmStore     *self,
                                             TdmExhibitor *exhibitor,
                                             GError      **error);
/* Writes the products and the organization name (not the status nor the
 * stand: see below). */
gboolean      tdm_store_update_exhibitor    (TdmStore     *self,
                                             TdmExhibitor *exhibitor,
                                             GError      **error);
gboolean      tdm_store_delete_exhibitor    (TdmStore     *self,
                                             gint64        id,
                                             GError      **error);
/* Changes the status following tdm_exhibitor_status_can_change() and
 * sets the date of the step to DATE (YYYY-MM-DD; NULL: today): accepted,
 * waitlisted, rejected → decided-on; confirmed → confirmed-on;
 * withdrawn → withdrawn-on. Waitlisted, rejected and withdrawn
 * exhibitors leave their stand. */
gboolean      tdm_store_set_exhibitor_status (TdmStore    *self,
                                             gint64        id,
                                             const char   *status,
                                             const char   *date,
                                             GError      **error);
/* Puts the exhibitor on STAND_ID, leaving its former stand (an
 * exhibitor never holds two). Refused when the stand is full ("Stand
 * A-03 is full (2 of 2 places)."), is an area or of another fair, or
 * when the exhibitor is not accepted or confirmed. STAND_ID 0 = unassign.
 * *PREVIOUS_STAND_ID (if not NULL) gets the former stand (0: none), for
 * Undo. */
gboolean      tdm_store_assign_stand        (TdmStore   *self,
                                             gint64      exhibitor_id,
                                             gint64      stand_id,
                                             gint64     *previous_stand_id,
                                             GError    **error);
/* What tdm_store_assign_stand() would say, without changing anything:
 * for the plan to show a drop as accepted or refused while dragging. */
gboolean      tdm_store_check_assign_stand  (TdmStore   *self,
                                             gint64      exhibitor_id,
                                             gint64      stand_id,
                                             GError    **error);
gboolean      tdm_store_unassign_stand      (TdmStore   *self,
                                             gint64      exhibitor_id,
                                             GError    **error);

typedef struct {
  guint      rows_read;
  guint      exhibitors_added;
  guint      stands_assigned;
  GPtrArray *problems;     /* TdmCsvProblem (tdm-csv.h) of rows skipped */
} TdmExhibitorImport;

void          tdm_exhibitor_import_free     (TdmExhibitorImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmExhibitorImport, tdm_exhibitor_import_free)

/* Imports applications from a CSV file with the cooperatives' CSV rules
 * (comma or semicolon, UTF-8 with or without BOM, headers in French,
 * Arabic or English). Columns: registration number, or name (Arabic or
 * French) with province, or organization; optional status, stand (code),
 * products. A cooperative is found by its registration number, else by
 * its name in its province. Rows naming cooperatives that do not exist
 * refuse the whole file (TDM_STORE_ERROR_NOT_FOUND, the message lists
 * the lines); cooperatives that already applied are skipped and reported.
 * One transaction. */
TdmExhibitorImport *tdm_store_import_exhibitors (TdmStore   *self,
                                             gint64      fair_id,
                                             const char *path,
                                             GError    **error);

/* ---- partners and days ---------------------------------------------- */

typedef struct {
  gint64  partner_id;
  char   *name;           /* with the acronym when there is one */
  char   *kind;           /* the partner's kind code */
  char   *role;           /* one of tdm_fair_partner_roles() */
  double  amount;         /* dirhams, -1 = not given */
} TdmFairPartner;

void          tdm_fair_partner_free         (TdmFairPartner *partner);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmFairPartner, tdm_fair_partner_free)

/* NULL-terminated: "organizer", "co_organizer", "funder", "sponsor",
 * "guest", "foreign_delegation". */
const char * const *tdm_fair_partner_roles      (void);
const char         *tdm_fair_partner_role_label (const char *role);

/* The fair's partners by role then name: GPtrArray of TdmFairPartner. */
GPtrArray    *tdm_store_list_fair_partners  (TdmStore   *self,
                                             gint64      fair_id,
                                             GError    **error);
/* Adds or updates the partner in ROLE (a partner may hold several
 * roles). AMOUNT < 0: none. */
gboolean      tdm_store_set_fair_partner    (TdmStore   *self,
                                             gint64      fair_id,
                                             gint64      partner_id,
                                             const char *role,
                                             double      amount,
                                             GError    **error);
gboolean      tdm_store_remove_fair_partner (TdmStore   *self,
                                             gint64      fair_id,
                                             gint64      partner_id,
                                             const char *role,
                                             GError    **error);

typedef struct {
  char   *day;        /* YYYY-MM-DD */
  gint64  visitors;   /* -1 = not given */
  double  sales;      /* dirhams, -1 = not given */
} TdmFairDay;

void          tdm_fair_day_free             (TdmFairDay *day);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdmFairDay, tdm_fair_day_free)

/* GPtrArray of TdmFairDay in date order. */
GPtrArray    *tdm_store_list_fair_days      (TdmStore   *self,
                                             gint64      fair_id,
                                             GError    **error);
/* Sets a day's figures; DAY must be within the fair's dates when they
 * are known. VISITORS/SALES < 0: not given. */
gboolean      tdm_store_set_fair_day        (TdmStore   *self,
                                             gint64      fair_id,
                                             const char *day,
                                             gint64      visitors,
                                             double      sales,
                                             GError    **error);
gboolean      tdm_store_delete_fair_day     (TdmStore   *self,
                                             gint64      fair_id,
                                             const char *day,
                                             GError    **error);

/* ---- demo ----------------------------------------------------------- */

/* Adds the two demo fairs, like the real ones of the seed articles: the
 * Oujda 6th edition (Oriental) and the Fès 3rd edition (three poles, 130
 * stands of two places, 260 exhibitors, Fès-Meknès cooperatives first,
 * laid out as a hall with aisles, a stage and an entrance), with their
 * partners and, for Fès, the visitors and sales of each day. Exhibitors
 * come from the registry's cooperatives (fewer when it holds fewer).
 * Refuses a database that already holds fairs. SEED makes it
 * reproducible. One transaction. */
gboolean      tdm_demo_populate_fairs       (TdmStore   *self,
                                             guint32     seed,
                                             GError    **error);

G_END_DECLS
