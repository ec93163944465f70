CREATE TABLE "event_agent_hour_rollups" (
	"org_id" uuid NOT NULL,
	"upto" bigint NOT NULL,
	"day" integer NOT NULL,
	"environment" text collate "C" NOT NULL,
	"agent_id" text collate "C" NOT NULL,
	"d" integer NOT NULL,
	"hour" integer NOT NULL,
	"n" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "event_agent_hour_rollups_org_day_idx" ON "event_agent_hour_rollups" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "event_agent_hour_rollups_org_upto_idx" ON "event_agent_hour_rollups" USING btree ("org_id","upto");