-- Orgraph workspace schema, version 1. Never edit a landed migration; add a
-- new numbered file instead.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE teams (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('stream-aligned', 'platform', 'enabling', 'architecture')),
    lead_id    TEXT,
    department TEXT
) STRICT;

-- rowid order is the people's stable order.
CREATE TABLE people (
    id         TEXT NOT NULL UNIQUE,
    manager_id TEXT,
    name       TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',
    level      TEXT NOT NULL DEFAULT '',
    location   TEXT NOT NULL DEFAULT '',
    cost_cents INTEGER,
    status     TEXT NOT NULL CHECK (status IN ('active', 'open', 'planned', 'departing')),
    team_id    TEXT
) STRICT;

CREATE TABLE dotted_lines (
    manager_id TEXT NOT NULL,
    report_id  TEXT NOT NULL,
    PRIMARY KEY (manager_id, report_id)
) STRICT;

CREATE TABLE support (
    person_id TEXT NOT NULL,
    team_id   TEXT NOT NULL,
    PRIMARY KEY (person_id, team_id)
) STRICT;

-- Validation warnings kept with the workspace.
CREATE TABLE findings (
    severity TEXT NOT NULL,
    code     TEXT NOT NULL,
    message  TEXT NOT NULL,
    file     TEXT NOT NULL,
    row      INTEGER,
    col      TEXT
) STRICT;

-- One row per metrics recompute after an edit: the summary figures as
-- columns (for trend queries) plus every aggregate as JSON.
CREATE TABLE metrics_snapshots (
    id               INTEGER PRIMARY KEY,
    taken_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    reason           TEXT NOT NULL,
    view             TEXT NOT NULL,
    people           INTEGER NOT NULL,
    managers         INTEGER NOT NULL,
    ics              INTEGER NOT NULL,
    roots            INTEGER NOT NULL,
    layers           INTEGER NOT NULL,
    span_min         INTEGER NOT NULL,
    span_median      REAL NOT NULL,
    span_mean        REAL NOT NULL,
    span_max         INTEGER NOT NULL,
    band_min         INTEGER NOT NULL,
    band_max         INTEGER NOT NULL,
    band_narrow      INTEGER NOT NULL,
    band_in_band     INTEGER NOT NULL,
    band_wide        INTEGER NOT NULL,
    single_report    INTEGER NOT NULL,
    manager_ic_ratio REAL,
    coverage_ratio   REAL,
    cost_cents       INTEGER NOT NULL,
    json             TEXT NOT NULL
) STRICT;
