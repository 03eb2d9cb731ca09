-- Orgraph workspace schema, version 2: the baseline as a binary image,
-- scenarios with ordered change lists, person start/end dates, department budgets, and snapshots tied to the
-- scenario and date they describe. Never edit a landed migration.

ALTER TABLE people ADD COLUMN start_date TEXT;
ALTER TABLE people ADD COLUMN end_date TEXT;

-- The baseline org as one compact binary image (see store/image.rs), in
-- chunks. Workspaces saved by version 1 keep their rows in people/teams/
-- dotted_lines/support until they are next saved.
CREATE TABLE baseline_image (
    chunk INTEGER PRIMARY KEY,
    data  BLOB NOT NULL
) STRICT;

-- The baseline (id 1) is the imported org plus its own change list. Every
-- other scenario was branched from the baseline or another scenario: its
-- first `floor` changes are a copy of what that one had applied (undo
-- stops there). `head` is how many changes are applied (undo/redo).
CREATE TABLE scenarios (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    parent     TEXT,
    floor      INTEGER NOT NULL DEFAULT 0 CHECK (floor >= 0),
    head       INTEGER NOT NULL DEFAULT 0 CHECK (head >= floor),
    -- Bumped by every write, so a process editing a stale copy is refused.
    revision   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

INSERT INTO scenarios (id, name) VALUES (1, 'baseline');

-- One typed change per row, in order (position 1, 2, ...) per scenario.
CREATE TABLE changes (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 1),
    kind        TEXT NOT NULL,
    effective   TEXT,
    payload     TEXT NOT NULL,
    made_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (scenario_id, position)
) STRICT;

-- Optional annual budget per department, for plan variance.
CREATE TABLE budgets (
    department   TEXT PRIMARY KEY,
    amount_cents INTEGER NOT NULL
) STRICT;

-- Snapshots made before version 2 describe the baseline on the day taken.
ALTER TABLE metrics_snapshots ADD COLUMN scenario_id INTEGER NOT NULL DEFAULT 1;
ALTER TABLE metrics_snapshots ADD COLUMN as_of TEXT;
UPDATE metrics_snapshots SET as_of = substr(taken_at, 1, 10);
