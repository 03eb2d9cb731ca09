-- Orgraph workspace schema, version 4: what the workspace knows about its
-- scenarios and baseline beyond their contents. Never edit a landed
-- migration.

-- Each scenario's count of applied changes that no longer apply to the
-- baseline, so the scenario list can flag every affected scenario without
-- checking each one (a check costs about a third of a second at a million
-- people). NULL means unknown: not worked out since the baseline changed.
ALTER TABLE scenarios ADD COLUMN conflicts INTEGER CHECK (conflicts >= 0);

-- A workspace seeded with the generated demo org carries the setting
-- 'baseline-origin' = 'demo' until its baseline is first replaced, so its
-- first import replaces the demo rather than compare with it. Workspaces
-- seeded before this version are recognised by their history: a demo seed
-- and no import since.
INSERT INTO settings (key, value)
SELECT 'baseline-origin', 'demo'
WHERE EXISTS (SELECT 1 FROM metrics_snapshots WHERE reason = 'seed demo org')
  AND NOT EXISTS (SELECT 1 FROM metrics_snapshots WHERE reason LIKE 'import %');

-- A new baseline (an import, a save) is written as new image rows: every
-- conflict count was worked out against the previous one, so none is known
-- any more (an import then checks every scenario and writes them again),
-- and the baseline is no longer the demo.
CREATE TRIGGER baseline_replaced AFTER INSERT ON baseline_image
BEGIN
    UPDATE scenarios SET conflicts = NULL WHERE conflicts IS NOT NULL;
    DELETE FROM settings WHERE key = 'baseline-origin';
END;
