ALTER TABLE "findings" ADD COLUMN "evidence_agent" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "approval_sla_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "hold_sla_minutes" integer DEFAULT 240 NOT NULL;