-- How many (day, agent, session) groups a period holds, so the planner sizes the one pass of a
-- report (src/reports/metrics.ts, measureEvents) as the few-thousand-group hash aggregate it is.
-- Without it PostgreSQL multiplies the columns' distinct counts, expects a group per event and
-- sorts the whole period to disk instead. The expression must stay the query's own.
CREATE STATISTICS IF NOT EXISTS "audit_events_day_agent_session" (ndistinct)
  ON (floor(date_part('epoch', "occurred_at") / 86400)::int), "agent_id", "session_id" FROM "audit_events";
