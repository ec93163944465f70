CREATE TABLE "posture_changes" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "posture_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"framework" text NOT NULL,
	"check_id" text NOT NULL,
	"control_id" text NOT NULL,
	"title" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"value" double precision,
	"unit" text NOT NULL,
	"thresholds" jsonb NOT NULL,
	"tipping_seq" bigint,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posture_changes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "posture_controls" (
	"org_id" uuid NOT NULL,
	"framework" text NOT NULL,
	"check_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"control_id" text NOT NULL,
	"title" text NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"value" double precision,
	"unit" text NOT NULL,
	"thresholds" jsonb NOT NULL,
	"evidence_selector" text NOT NULL,
	"evidence_count" bigint NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "posture_controls_org_id_framework_control_id_check_id_pk" PRIMARY KEY("org_id","framework","control_id","check_id")
);
--> statement-breakpoint
CREATE TABLE "posture_frameworks" (
	"org_id" uuid NOT NULL,
	"framework" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"watermark" bigint NOT NULL,
	"score" integer,
	"grade" text,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posture_frameworks_org_id_framework_pk" PRIMARY KEY("org_id","framework")
);
--> statement-breakpoint
CREATE TABLE "posture_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"frameworks" text[] NOT NULL,
	"window_days" integer NOT NULL,
	"alert_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posture_snapshots" (
	"org_id" uuid NOT NULL,
	"framework" text NOT NULL,
	"day" date NOT NULL,
	"score" integer,
	"grade" text,
	"pass" integer NOT NULL,
	"warn" integer NOT NULL,
	"fail" integer NOT NULL,
	"not_applicable" integer NOT NULL,
	CONSTRAINT "posture_snapshots_org_id_framework_day_pk" PRIMARY KEY("org_id","framework","day")
);
--> statement-breakpoint
ALTER TABLE "posture_changes" ADD CONSTRAINT "posture_changes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posture_controls" ADD CONSTRAINT "posture_controls_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posture_frameworks" ADD CONSTRAINT "posture_frameworks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posture_settings" ADD CONSTRAINT "posture_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posture_snapshots" ADD CONSTRAINT "posture_snapshots_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;