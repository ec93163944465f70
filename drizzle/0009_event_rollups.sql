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
CREATE TABLE "event_rollup_batches" (
	"org_id" uuid NOT NULL,
	"upto" bigint NOT NULL,
	"definition" text NOT NULL,
	"events" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_rollup_batches_org_id_upto_pk" PRIMARY KEY("org_id","upto")
);
--> statement-breakpoint
CREATE TABLE "event_rollups" (
	"org_id" uuid NOT NULL,
	"upto" bigint NOT NULL,
	"day" integer NOT NULL,
	"environment" text collate "C" NOT NULL,
	"agent_id" text collate "C",
	"counts" bigint[] NOT NULL,
	"cost" numeric,
	"personal_cost" numeric
);
--> statement-breakpoint
CREATE TABLE "event_session_rollups" (
	"org_id" uuid NOT NULL,
	"upto" bigint NOT NULL,
	"day" integer NOT NULL,
	"environment" text collate "C" NOT NULL,
	"agent_id" text collate "C",
	"session_id" text collate "C"
);
--> statement-breakpoint
CREATE INDEX "event_activity_rollups_org_day_idx" ON "event_activity_rollups" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "event_activity_rollups_org_upto_idx" ON "event_activity_rollups" USING btree ("org_id","upto");--> statement-breakpoint
CREATE INDEX "event_personal_rollups_org_day_idx" ON "event_personal_rollups" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "event_personal_rollups_org_upto_idx" ON "event_personal_rollups" USING btree ("org_id","upto");--> statement-breakpoint
CREATE INDEX "event_rollups_org_day_idx" ON "event_rollups" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "event_rollups_org_upto_idx" ON "event_rollups" USING btree ("org_id","upto");--> statement-breakpoint
CREATE INDEX "event_session_rollups_org_day_idx" ON "event_session_rollups" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "event_session_rollups_org_upto_idx" ON "event_session_rollups" USING btree ("org_id","upto");