-- Orgraph workspace schema, version 3: each row of the baseline image
-- carries the CRC-32 of its bytes, checked on every load, so a damaged
-- file is reported as damaged instead of opening with wrong names. Rows
-- written before this version have none (NULL) until the next save.
-- Never edit a landed migration.

ALTER TABLE baseline_image ADD COLUMN crc32 INTEGER;
