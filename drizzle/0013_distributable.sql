-- Every primary key and unique constraint begins with the organisation, so each per-organisation
-- table can be sharded by org_id on Citus (src/db/distribution.ts); nothing else changes.
CREATE TABLE "share_link_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"link_id" uuid NOT NULL
);
--> statement-breakpoint
INSERT INTO "share_link_tokens" ("token_hash", "org_id", "link_id") SELECT "token_hash", "org_id", "id" FROM "share_links";--> statement-breakpoint
ALTER TABLE "share_link_tokens" ADD CONSTRAINT "share_link_tokens_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_runs" ADD COLUMN "org_id" uuid;--> statement-breakpoint
UPDATE "schedule_runs" r SET "org_id" = s."org_id" FROM "schedules" s WHERE s."id" = r."schedule_id";--> statement-breakpoint
ALTER TABLE "schedule_runs" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "findings" DROP CONSTRAINT "findings_report_id_reports_id_fk";--> statement-breakpoint
ALTER TABLE "report_artifacts" DROP CONSTRAINT "report_artifacts_report_id_reports_id_fk";--> statement-breakpoint
ALTER TABLE "schedule_runs" DROP CONSTRAINT "schedule_runs_schedule_id_schedules_id_fk";--> statement-breakpoint
ALTER TABLE "share_links" DROP CONSTRAINT "share_links_report_id_reports_id_fk";--> statement-breakpoint
ALTER TABLE "event_batches" DROP CONSTRAINT "event_batches_batch_id_unique";--> statement-breakpoint
DROP INDEX "schedules_org_idx";--> statement-breakpoint
DROP INDEX "share_links_token_idx";--> statement-breakpoint
DROP INDEX "signing_keys_org_idx";--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_pkey";--> statement-breakpoint
ALTER TABLE "findings" DROP CONSTRAINT "findings_pkey";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_pkey";--> statement-breakpoint
ALTER TABLE "reports" DROP CONSTRAINT "reports_pkey";--> statement-breakpoint
ALTER TABLE "schedules" DROP CONSTRAINT "schedules_pkey";--> statement-breakpoint
ALTER TABLE "share_links" DROP CONSTRAINT "share_links_pkey";--> statement-breakpoint
ALTER TABLE "signing_keys" DROP CONSTRAINT "signing_keys_pkey";--> statement-breakpoint
ALTER TABLE "report_artifacts" DROP CONSTRAINT "report_artifacts_report_id_format_pk";--> statement-breakpoint
ALTER TABLE "schedule_runs" DROP CONSTRAINT "schedule_runs_schedule_id_due_at_pk";--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_org_id_seq_pk" PRIMARY KEY("org_id","seq");--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_org_id_id_pk" PRIMARY KEY("org_id","id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_id_pk" PRIMARY KEY("org_id","id");--> statement-breakpoint
ALTER TABLE "report_artifacts" ADD CONSTRAINT "report_artifacts_org_id_report_id_format_pk" PRIMARY KEY("org_id","report_id","format");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_org_id_id_pk" PRIMARY KEY("org_id","id");--> statement-breakpoint
ALTER TABLE "schedule_runs" ADD CONSTRAINT "schedule_runs_org_id_schedule_id_due_at_pk" PRIMARY KEY("org_id","schedule_id","due_at");--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_org_id_id_pk" PRIMARY KEY("org_id","id");--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_org_id_id_pk" PRIMARY KEY("org_id","id");--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_org_id_id_pk" PRIMARY KEY("org_id","id");--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_org_id_report_id_reports_org_id_id_fk" FOREIGN KEY ("org_id","report_id") REFERENCES "public"."reports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_artifacts" ADD CONSTRAINT "report_artifacts_org_id_report_id_reports_org_id_id_fk" FOREIGN KEY ("org_id","report_id") REFERENCES "public"."reports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_runs" ADD CONSTRAINT "schedule_runs_org_id_schedule_id_schedules_org_id_id_fk" FOREIGN KEY ("org_id","schedule_id") REFERENCES "public"."schedules"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_org_id_report_id_reports_org_id_id_fk" FOREIGN KEY ("org_id","report_id") REFERENCES "public"."reports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_batches_org_batch_idx" ON "event_batches" USING btree ("org_id","batch_id");--> statement-breakpoint
ALTER TABLE "share_links" DROP COLUMN "token_hash";
