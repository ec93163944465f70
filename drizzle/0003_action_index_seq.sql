DROP INDEX "audit_events_org_action_time_idx";--> statement-breakpoint
CREATE INDEX "audit_events_org_action_time_idx" ON "audit_events" USING btree ("org_id","action","occurred_at","seq");