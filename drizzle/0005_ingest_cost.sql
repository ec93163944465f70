ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_org_id_organizations_id_fk";
--> statement-breakpoint
DROP INDEX "audit_events_data_subjects_idx";--> statement-breakpoint
ALTER TABLE "agents" ALTER COLUMN "agent_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "client_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "environment" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "environment" SET DEFAULT 'default';--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "agent_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "session_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "actor_type" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "actor_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "actor_email" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "category" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "action" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "decision" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "policy_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "policy_version" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "tool_name" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "tool_tags" SET DATA TYPE text[] COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "resource" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "severity" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "outcome" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "correlation_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "data_subjects" SET DATA TYPE text[] COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "personal_data" SET DATA TYPE text[] COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "legal_basis" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "recipient" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "region" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "environments" ALTER COLUMN "name" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "tools" ALTER COLUMN "name" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "tools" ALTER COLUMN "tags" SET DATA TYPE text[] COLLATE "C";--> statement-breakpoint
ALTER TABLE "tools" ALTER COLUMN "tags" SET DEFAULT '{}';--> statement-breakpoint
CREATE INDEX "audit_events_data_subjects_idx" ON "audit_events" USING gin ("data_subjects") WHERE "audit_events"."data_subjects" is not null;