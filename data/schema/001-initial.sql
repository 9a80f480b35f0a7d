-- Tadamon schema, version 1. Applied by migration step 1 in one
-- transaction; later versions add steps, never edit this one.
--
-- Dates are checked with date(x, '+0 days') = x: SQLite's date(x) alone
-- returns '2019-02-30' unchanged, the modifier makes it a real day.

CREATE TABLE region (
  id          INTEGER PRIMARY KEY,              -- HCP region code as a number
  code        TEXT NOT NULL UNIQUE CHECK (length(code) = 2),
  name_fr     TEXT NOT NULL CHECK (name_fr <> ''),
  name_ar     TEXT NOT NULL CHECK (name_ar <> ''),
  population  INTEGER CHECK (population IS NULL OR population >= 0),
  iso_code    TEXT UNIQUE                       -- ISO 3166-2 (MA-06)
);

CREATE TABLE province (
  id          INTEGER PRIMARY KEY,              -- HCP code digits (RRPPP)
  code        TEXT NOT NULL UNIQUE,             -- HCP dotted code RR.PPP
  region_id   INTEGER NOT NULL REFERENCES region (id),
  kind        TEXT NOT NULL CHECK (kind IN ('province', 'prefecture')),
  name_fr     TEXT NOT NULL CHECK (name_fr <> ''),
  name_ar     TEXT NOT NULL CHECK (name_ar <> ''),
  population  INTEGER CHECK (population IS NULL OR population >= 0),
  iso_code    TEXT UNIQUE                       -- ISO 3166-2 (MA-CAS)
);
CREATE INDEX province_region ON province (region_id);

CREATE TABLE sector (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name_en     TEXT NOT NULL,
  name_fr     TEXT NOT NULL,
  name_ar     TEXT NOT NULL
);

-- AUTOINCREMENT: an id is never given twice, so that Undo can put a
-- deleted record back under its id, and a list holding ids never shows
-- another record under an old one.
CREATE TABLE cooperative (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  name_ar              TEXT,
  name_fr              TEXT,
  registration_number  TEXT UNIQUE,
  legal_form           TEXT NOT NULL DEFAULT 'cooperative'
                       CHECK (legal_form IN ('cooperative', 'union', 'federation')),
  sector_id            INTEGER REFERENCES sector (id),
  region_id            INTEGER REFERENCES region (id),
  province_id          INTEGER REFERENCES province (id),
  commune              TEXT,
  address              TEXT,
  founded_on           TEXT CHECK (founded_on IS NULL OR date(founded_on, '+0 days') = founded_on),
  members              INTEGER NOT NULL DEFAULT 0 CHECK (members >= 0),
  women                INTEGER NOT NULL DEFAULT 0 CHECK (women >= 0 AND women <= members),
  youth                INTEGER NOT NULL DEFAULT 0 CHECK (youth >= 0 AND youth <= members),
  capital              REAL CHECK (capital IS NULL OR capital >= 0),   -- dirhams
  president            TEXT,
  phone                TEXT,
  email                TEXT,
  products             TEXT,
  -- tdm_fold() of the names: duplicate detection within a province
  name_key             TEXT NOT NULL DEFAULT '',
  -- tdm_fold() of names, registration number, commune: search
  search_text          TEXT NOT NULL DEFAULT '',
  created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (coalesce(name_ar, '') <> '' OR coalesce(name_fr, '') <> '')
);
CREATE INDEX cooperative_province ON cooperative (province_id);
CREATE INDEX cooperative_region ON cooperative (region_id);
CREATE INDEX cooperative_sector ON cooperative (sector_id);
CREATE INDEX cooperative_name_key ON cooperative (name_key, province_id);
CREATE INDEX cooperative_founded ON cooperative (founded_on);
CREATE INDEX cooperative_members ON cooperative (members);

-- Substring search: trigram index over the folded text.
CREATE VIRTUAL TABLE cooperative_fts USING fts5 (
  search_text, content = 'cooperative', content_rowid = 'id',
  tokenize = 'trigram'
);
CREATE TRIGGER cooperative_fts_insert AFTER INSERT ON cooperative BEGIN
  INSERT INTO cooperative_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER cooperative_fts_delete AFTER DELETE ON cooperative BEGIN
  INSERT INTO cooperative_fts (cooperative_fts, rowid, search_text)
  VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER cooperative_fts_update AFTER UPDATE OF search_text ON cooperative BEGIN
  INSERT INTO cooperative_fts (cooperative_fts, rowid, search_text)
  VALUES ('delete', old.id, old.search_text);
  INSERT INTO cooperative_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

-- Labels and certifications (IGP, AOP, organic, ONSSA ...) with expiry.
CREATE TABLE cooperative_label (
  id              INTEGER PRIMARY KEY,
  cooperative_id  INTEGER NOT NULL REFERENCES cooperative (id) ON DELETE CASCADE,
  name            TEXT NOT NULL CHECK (name <> ''),
  issued_on       TEXT CHECK (issued_on IS NULL OR date(issued_on, '+0 days') = issued_on),
  expires_on      TEXT CHECK (expires_on IS NULL OR date(expires_on, '+0 days') = expires_on),
  CHECK (issued_on IS NULL OR expires_on IS NULL OR expires_on >= issued_on)
);
CREATE INDEX cooperative_label_owner ON cooperative_label (cooperative_id);

CREATE TABLE partner (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,  -- see cooperative
  name          TEXT NOT NULL CHECK (name <> ''),
  acronym       TEXT,
  kind          TEXT NOT NULL DEFAULT 'other'
                CHECK (kind IN ('ministry', 'regional_council', 'wilaya', 'province',
                                'public_agency', 'ngo', 'foreign_region',
                                'international_agency', 'network', 'company', 'other')),
  country       TEXT NOT NULL DEFAULT 'MA' CHECK (length(country) = 2),
  contact_name  TEXT,
  phone         TEXT,
  email         TEXT,
  website       TEXT,
  name_key      TEXT NOT NULL DEFAULT '',
  search_text   TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX partner_name_key ON partner (name_key);

CREATE TABLE fair (
  id             INTEGER PRIMARY KEY,
  title          TEXT NOT NULL CHECK (title <> ''),
  edition        INTEGER CHECK (edition IS NULL OR edition > 0),
  region_id      INTEGER REFERENCES region (id),
  province_id    INTEGER REFERENCES province (id),
  city           TEXT,
  venue          TEXT,
  start_date     TEXT CHECK (start_date IS NULL OR date(start_date, '+0 days') = start_date),
  end_date       TEXT CHECK (end_date IS NULL OR date(end_date, '+0 days') = end_date),
  slogan         TEXT,
  status         TEXT NOT NULL DEFAULT 'planned'
                 CHECK (status IN ('planned', 'open', 'closed', 'cancelled')),
  -- the venue's floor, in metres, for the plan
  floor_width    REAL NOT NULL DEFAULT 60 CHECK (floor_width > 0),
  floor_depth    REAL NOT NULL DEFAULT 40 CHECK (floor_depth > 0),
  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE pole (
  id        INTEGER PRIMARY KEY,
  fair_id   INTEGER NOT NULL REFERENCES fair (id) ON DELETE CASCADE,
  name_ar   TEXT,
  name_fr   TEXT,
  color     TEXT NOT NULL DEFAULT '#3584e4'
            CHECK (length(color) = 7 AND color GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]'),
  position  INTEGER NOT NULL DEFAULT 0,
  CHECK (coalesce(name_ar, '') <> '' OR coalesce(name_fr, '') <> '')
);
CREATE INDEX pole_fair ON pole (fair_id);

-- A stand, or an area of the plan that is not a stand (stage, entrance ...).
CREATE TABLE stand (
  id        INTEGER PRIMARY KEY,
  fair_id   INTEGER NOT NULL REFERENCES fair (id) ON DELETE CASCADE,
  pole_id   INTEGER REFERENCES pole (id) ON DELETE SET NULL,
  kind      TEXT NOT NULL DEFAULT 'stand'
            CHECK (kind IN ('stand', 'stage', 'entrance', 'aisle', 'lounge', 'other')),
  code      TEXT NOT NULL CHECK (code <> ''),
  x         REAL NOT NULL DEFAULT 0 CHECK (x >= 0),
  y         REAL NOT NULL DEFAULT 0 CHECK (y >= 0),
  width     REAL NOT NULL DEFAULT 3 CHECK (width > 0),
  depth     REAL NOT NULL DEFAULT 3 CHECK (depth > 0),
  capacity  INTEGER NOT NULL DEFAULT 2 CHECK (capacity >= 0),
  UNIQUE (fair_id, code)
);
CREATE INDEX stand_pole ON stand (pole_id);

CREATE TABLE exhibitor (
  id                 INTEGER PRIMARY KEY,
  fair_id            INTEGER NOT NULL REFERENCES fair (id) ON DELETE CASCADE,
  cooperative_id     INTEGER REFERENCES cooperative (id) ON DELETE RESTRICT,
  organization_name  TEXT,
  status             TEXT NOT NULL DEFAULT 'applied'
                     CHECK (status IN ('applied', 'accepted', 'waitlisted', 'rejected',
                                       'confirmed', 'withdrawn')),
  applied_on         TEXT CHECK (applied_on IS NULL OR date(applied_on, '+0 days') = applied_on),
  decided_on         TEXT CHECK (decided_on IS NULL OR date(decided_on, '+0 days') = decided_on),
  confirmed_on       TEXT CHECK (confirmed_on IS NULL OR date(confirmed_on, '+0 days') = confirmed_on),
  withdrawn_on       TEXT CHECK (withdrawn_on IS NULL OR date(withdrawn_on, '+0 days') = withdrawn_on),
  stand_id           INTEGER REFERENCES stand (id) ON DELETE SET NULL,
  products           TEXT,
  CHECK (cooperative_id IS NOT NULL OR coalesce(organization_name, '') <> ''),
  CHECK (stand_id IS NULL OR status NOT IN ('withdrawn', 'rejected')),
  UNIQUE (fair_id, cooperative_id)
);
CREATE INDEX exhibitor_fair ON exhibitor (fair_id);
CREATE INDEX exhibitor_stand ON exhibitor (stand_id);
CREATE INDEX exhibitor_cooperative ON exhibitor (cooperative_id);

-- A stand never takes more exhibitors than its capacity, and only
-- exhibitors of its own fair.
CREATE TRIGGER exhibitor_stand_check_insert BEFORE INSERT ON exhibitor
WHEN new.stand_id IS NOT NULL BEGIN
  SELECT RAISE (ABORT, 'stand of another fair')
  WHERE (SELECT fair_id FROM stand WHERE id = new.stand_id) IS NOT new.fair_id;
  SELECT RAISE (ABORT, 'stand full')
  WHERE (SELECT count(*) FROM exhibitor WHERE stand_id = new.stand_id)
        >= (SELECT capacity FROM stand WHERE id = new.stand_id);
END;
CREATE TRIGGER exhibitor_stand_check_update BEFORE UPDATE OF stand_id ON exhibitor
WHEN new.stand_id IS NOT NULL AND new.stand_id IS NOT old.stand_id BEGIN
  SELECT RAISE (ABORT, 'stand of another fair')
  WHERE (SELECT fair_id FROM stand WHERE id = new.stand_id) IS NOT new.fair_id;
  SELECT RAISE (ABORT, 'stand full')
  WHERE (SELECT count(*) FROM exhibitor WHERE stand_id = new.stand_id AND id <> new.id)
        >= (SELECT capacity FROM stand WHERE id = new.stand_id);
END;

-- After the fair: visitors and declared sales, per day.
CREATE TABLE fair_day (
  fair_id   INTEGER NOT NULL REFERENCES fair (id) ON DELETE CASCADE,
  day       TEXT NOT NULL CHECK (date(day, '+0 days') = day),
  visitors  INTEGER CHECK (visitors IS NULL OR visitors >= 0),
  sales     REAL CHECK (sales IS NULL OR sales >= 0),     -- dirhams
  PRIMARY KEY (fair_id, day)
);

CREATE TABLE fair_partner (
  fair_id     INTEGER NOT NULL REFERENCES fair (id) ON DELETE CASCADE,
  partner_id  INTEGER NOT NULL REFERENCES partner (id) ON DELETE RESTRICT,
  role        TEXT NOT NULL
              CHECK (role IN ('organizer', 'co_organizer', 'funder', 'sponsor', 'guest',
                              'foreign_delegation')),
  amount      REAL CHECK (amount IS NULL OR amount >= 0),  -- dirhams
  PRIMARY KEY (fair_id, partner_id, role)
);
CREATE INDEX fair_partner_partner ON fair_partner (partner_id);

CREATE TABLE article (
  id             INTEGER PRIMARY KEY,
  source         TEXT,
  url            TEXT,
  file_name      TEXT,
  language       TEXT CHECK (language IS NULL OR language IN ('ar', 'fr', 'en')),
  title          TEXT,
  published_on   TEXT CHECK (published_on IS NULL OR date(published_on, '+0 days') = published_on),
  imported_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  raw_text       TEXT NOT NULL,
  body           TEXT NOT NULL,
  content_hash   TEXT NOT NULL UNIQUE,          -- SHA-256 of the normalized text
  review_state   TEXT NOT NULL DEFAULT 'new'
                 CHECK (review_state IN ('new', 'in_review', 'done')),
  fair_id        INTEGER REFERENCES fair (id) ON DELETE SET NULL
);
CREATE INDEX article_published ON article (published_on);
CREATE INDEX article_fair ON article (fair_id);

CREATE TABLE article_fact (
  id               INTEGER PRIMARY KEY,
  article_id       INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  kind             TEXT NOT NULL,
  value            TEXT NOT NULL,
  corrected_value  TEXT,
  span_start       INTEGER CHECK (span_start IS NULL OR span_start >= 0),  -- characters
  span_end         INTEGER CHECK (span_end IS NULL OR span_end >= span_start),
  status           TEXT NOT NULL DEFAULT 'proposed'
                   CHECK (status IN ('proposed', 'accepted', 'rejected')),
  linked_table     TEXT CHECK (linked_table IS NULL OR
                                linked_table IN ('fair', 'partner', 'cooperative',
                                                 'region', 'province')),
  linked_id        INTEGER
);
CREATE INDEX article_fact_article ON article_fact (article_id);
CREATE INDEX article_fact_kind ON article_fact (kind, status);

-- list sorting: the ORDER BY keys of TdmCooperativeList (same expressions),
-- so that the registry sorted by name or share of women is an index walk.
CREATE INDEX cooperative_sort_name_fr
  ON cooperative (coalesce(nullif(name_fr, ''), name_ar) COLLATE NOCASE);
CREATE INDEX cooperative_sort_name_ar
  ON cooperative (coalesce(nullif(name_ar, ''), name_fr) COLLATE NOCASE);
CREATE INDEX cooperative_sort_women_share
  ON cooperative ((CASE WHEN members > 0 THEN CAST(women AS REAL) / members ELSE -1 END));
-- Searches shorter than a trigram scan the folded text: this covering index
-- is a third of the table's size, so the scan reads three times less.
CREATE INDEX cooperative_search_text ON cooperative (search_text);
-- Sorting the registry by a place walks the place's names in order, then
-- each place's cooperatives by id; the names being unique is what lets
-- SQLite skip sorting.
CREATE UNIQUE INDEX region_sort_fr ON region (name_fr COLLATE NOCASE);
CREATE UNIQUE INDEX region_sort_ar ON region (name_ar);
CREATE UNIQUE INDEX province_sort_fr ON province (name_fr COLLATE NOCASE);
CREATE UNIQUE INDEX province_sort_ar ON province (name_ar);
CREATE UNIQUE INDEX sector_sort_fr ON sector (name_fr COLLATE NOCASE);
CREATE UNIQUE INDEX sector_sort_ar ON sector (name_ar);
-- dashboard: the share of women per region reads this covering index
-- instead of every row of the registry; foundations per year group on the
-- year itself, in index order (the same expression as in tdm-stats.c).
CREATE INDEX cooperative_region_members ON cooperative (region_id, members, women);
CREATE INDEX cooperative_founded_year
  ON cooperative (CAST (substr (founded_on, 1, 4) AS INTEGER));
