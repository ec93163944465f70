ALTER TABLE "schedule_runs" ADD COLUMN "package_id" uuid;--> statement-breakpoint
ALTER TABLE "schedules" ADD COLUMN "package" jsonb;