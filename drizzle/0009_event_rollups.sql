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
	"session_id" text collate "C",
	"counts" bigint[] NOT NULL,
	"cost" numeric,
	"personal_cost" numeric
);
--> statement-breakpoint
CREATE INDEX "event_rollups_org_day_idx" ON "event_rollups" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "event_rollups_org_upto_idx" ON "event_rollups" USING btree ("org_id","upto");