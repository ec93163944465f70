CREATE TABLE "event_request_days" (
	"org_id" uuid NOT NULL,
	"upto" bigint NOT NULL,
	"day" integer NOT NULL,
	"kind" text collate "C" NOT NULL,
	"environment" text collate "C" NOT NULL,
	"agent_id" text collate "C",
	"requests" bigint NOT NULL,
	"late" bigint NOT NULL,
	"times" bigint[] NOT NULL,
	"removed" bigint[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX "event_request_days_org_day_idx" ON "event_request_days" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "event_request_days_org_upto_idx" ON "event_request_days" USING btree ("org_id","upto");