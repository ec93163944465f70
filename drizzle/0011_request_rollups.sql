CREATE TABLE "event_answer_rollups" (
	"org_id" uuid NOT NULL,
	"upto" bigint NOT NULL,
	"day" integer NOT NULL,
	"kind" text collate "C" NOT NULL,
	"seq" bigint NOT NULL,
	"first_answer_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_answer_rollups_org_id_seq_kind_upto_pk" PRIMARY KEY("org_id","seq","kind","upto")
);
--> statement-breakpoint
CREATE TABLE "event_request_rollups" (
	"org_id" uuid NOT NULL,
	"upto" bigint NOT NULL,
	"day" integer NOT NULL,
	"kind" text collate "C" NOT NULL,
	"seq" bigint NOT NULL,
	"environment" text collate "C" NOT NULL,
	"agent_id" text collate "C",
	"correlation_id" text collate "C",
	"occurred_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone,
	"first_answer_at" timestamp with time zone,
	CONSTRAINT "event_request_rollups_org_id_seq_kind_pk" PRIMARY KEY("org_id","seq","kind")
);
--> statement-breakpoint
CREATE TABLE "event_subject_rollups" (
	"org_id" uuid NOT NULL,
	"upto" bigint NOT NULL,
	"day" integer NOT NULL,
	"environment" text collate "C" NOT NULL,
	"agent_id" text collate "C",
	"subject" text collate "C" NOT NULL,
	"n" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "event_answer_rollups_org_day_idx" ON "event_answer_rollups" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "event_answer_rollups_org_upto_idx" ON "event_answer_rollups" USING btree ("org_id","upto");--> statement-breakpoint
CREATE INDEX "event_request_rollups_org_day_idx" ON "event_request_rollups" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "event_request_rollups_org_upto_idx" ON "event_request_rollups" USING btree ("org_id","upto");--> statement-breakpoint
CREATE INDEX "event_request_rollups_org_correlation_idx" ON "event_request_rollups" USING btree ("org_id","correlation_id") WHERE "event_request_rollups"."correlation_id" is not null;--> statement-breakpoint
CREATE INDEX "event_subject_rollups_org_day_idx" ON "event_subject_rollups" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "event_subject_rollups_org_upto_idx" ON "event_subject_rollups" USING btree ("org_id","upto");