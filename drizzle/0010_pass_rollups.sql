CREATE TABLE "event_activity_rollups" (
	"org_id" uuid NOT NULL,
	"upto" bigint NOT NULL,
	"day" integer NOT NULL,
	"env" text collate "C" NOT NULL,
	"agent" text collate "C",
	"tool" text collate "C",
	"tags" text[] collate "C",
	"pii" boolean NOT NULL,
	"policy" text collate "C",
	"version" text collate "C",
	"credential" text collate "C",
	"n" bigint NOT NULL,
	"decisions" bigint NOT NULL,
	"allow" bigint NOT NULL,
	"deny" bigint NOT NULL,
	"alert" bigint NOT NULL,
	"hold" bigint NOT NULL,
	"issued" bigint NOT NULL,
	"ended" bigint NOT NULL,
	"grants" bigint NOT NULL,
	"rotated" timestamp with time zone,
	"first" timestamp with time zone NOT NULL,
	"last" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_personal_rollups" (
	"org_id" uuid NOT NULL,
	"upto" bigint NOT NULL,
	"day" integer NOT NULL,
	"environment" text collate "C" NOT NULL,
	"agent_id" text collate "C",
	"legal_basis" text collate "C",
	"recipient" text collate "C",
	"region" text collate "C",
	"purpose" text,
	"subject_category" text,
	"personal_data" text[] collate "C",
	"has_subjects" boolean,
	"n" bigint NOT NULL,
	"refs" bigint,
	"first" timestamp with time zone NOT NULL,
	"last" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "event_activity_rollups_org_day_idx" ON "event_activity_rollups" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "event_activity_rollups_org_upto_idx" ON "event_activity_rollups" USING btree ("org_id","upto");--> statement-breakpoint
CREATE INDEX "event_personal_rollups_org_day_idx" ON "event_personal_rollups" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "event_personal_rollups_org_upto_idx" ON "event_personal_rollups" USING btree ("org_id","upto");