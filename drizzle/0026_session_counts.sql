CREATE TABLE "event_session_counts" (
	"org_id" uuid NOT NULL,
	"upto" bigint NOT NULL,
	"day" integer NOT NULL,
	"environment" text collate "C" NOT NULL,
	"agent_id" text collate "C",
	"prev_day" integer,
	"n" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_shared_sessions" (
	"org_id" uuid NOT NULL,
	"session_id" text collate "C" NOT NULL,
	CONSTRAINT "event_shared_sessions_org_id_session_id_pk" PRIMARY KEY("org_id","session_id")
);
--> statement-breakpoint
CREATE INDEX "event_session_counts_org_day_idx" ON "event_session_counts" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "event_session_counts_org_upto_idx" ON "event_session_counts" USING btree ("org_id","upto");--> statement-breakpoint
CREATE INDEX "event_session_rollups_org_session_idx" ON "event_session_rollups" USING btree ("org_id","session_id");