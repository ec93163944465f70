-- Two conditions that many report selectors share, stored with each event when it is written
-- (src/reports/selectors.ts, PERSONAL and PII_TOOL). Re-evaluated in each count of a report's one
-- pass, the array tests cost more than the rest of the pass. One statement: one table rewrite.
ALTER TABLE "audit_events"
  ADD COLUMN "personal" boolean GENERATED ALWAYS AS (coalesce(cardinality(data_subjects), 0) > 0 or coalesce(cardinality(personal_data), 0) > 0) STORED NOT NULL,
  ADD COLUMN "pii_tool" boolean GENERATED ALWAYS AS (coalesce(tool_tags @> '{pii}'::text[], false)) STORED NOT NULL;
