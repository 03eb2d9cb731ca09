-- Orgraph workspace schema: managers the imported file names but does not
-- contain. One row per person whose manager reference matched nobody in
-- the file, with the reference as written, so the chart and the exports
-- keep that team together under a "Not in file" placeholder. Replaced with
-- the baseline; a workspace without rows has no placeholders.
-- Never edit a landed migration.

CREATE TABLE absent_managers (
    person_id TEXT PRIMARY KEY,
    reference TEXT NOT NULL
) STRICT;
