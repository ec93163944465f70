CREATE TABLE "compliance_packages" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"progress_stage" text DEFAULT 'queued' NOT NULL,
	"progress_message" text DEFAULT 'Waiting for a worker' NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"environment" text,
	"agent_ids" text[] DEFAULT '{}' NOT NULL,
	"frameworks" text[] NOT NULL,
	"export_kinds" text[] DEFAULT '{}' NOT NULL,
	"export_format" text DEFAULT 'csv' NOT NULL,
	"report_ids" uuid[] NOT NULL,
	"export_ids" uuid[] DEFAULT '{}' NOT NULL,
	"manifest" text,
	"signature" text,
	"signature_key_id" text,
	"pdf_sha256" text,
	"pdf_size_bytes" bigint,
	"pdf_page_count" integer,
	"zip_sha256" text,
	"zip_size_bytes" bigint,
	"schedule_id" uuid,
	"error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "compliance_packages_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "package_files" (
	"org_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"file" text NOT NULL,
	"part" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "package_files_org_id_package_id_file_part_pk" PRIMARY KEY("org_id","package_id","file","part")
);
--> statement-breakpoint
ALTER TABLE "compliance_packages" ADD CONSTRAINT "compliance_packages_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_files" ADD CONSTRAINT "package_files_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_packages_org_created_idx" ON "compliance_packages" USING btree ("org_id","created_at","id");