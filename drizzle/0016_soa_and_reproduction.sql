CREATE TABLE "control_statements" (
	"org_id" uuid NOT NULL,
	"catalog" text NOT NULL,
	"control_id" text NOT NULL,
	"revision" integer NOT NULL,
	"applicable" boolean NOT NULL,
	"justification" text NOT NULL,
	"implementation" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "control_statements_org_id_catalog_control_id_revision_pk" PRIMARY KEY("org_id","catalog","control_id","revision")
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "reproduction" jsonb;--> statement-breakpoint
ALTER TABLE "control_statements" ADD CONSTRAINT "control_statements_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;