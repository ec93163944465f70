ALTER TABLE "schedule_runs" ADD COLUMN "export_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "schedules" ADD COLUMN "exports" jsonb;