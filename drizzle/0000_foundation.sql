CREATE TABLE "agents" (
	"org_id" uuid NOT NULL,
	"agent_id" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agents_org_id_agent_id_pk" PRIMARY KEY("org_id","agent_id")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid NOT NULL,
	"client_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"environment" text DEFAULT 'default' NOT NULL,
	"agent_id" text,
	"session_id" text,
	"actor_type" text,
	"actor_id" text,
	"actor_email" text,
	"category" text NOT NULL,
	"action" text NOT NULL,
	"decision" text,
	"policy_id" text,
	"policy_version" text,
	"tool_name" text,
	"tool_tags" text[],
	"resource" text,
	"severity" text,
	"outcome" text,
	"correlation_id" text,
	"data_subjects" text[],
	"personal_data" text[],
	"legal_basis" text,
	"recipient" text,
	"region" text,
	"ttl_seconds" integer,
	"cost_usd" numeric(20, 8),
	"attributes" jsonb
);
--> statement-breakpoint
CREATE TABLE "environments" (
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "environments_org_id_name_pk" PRIMARY KEY("org_id","name")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"framework" text NOT NULL,
	"control_id" text NOT NULL,
	"control_title" text NOT NULL,
	"section" text NOT NULL,
	"status" text NOT NULL,
	"severity" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"recommendation" text,
	"metric" text,
	"value" double precision,
	"evidence_selector" text,
	"evidence_count" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"progress_stage" text DEFAULT 'queued' NOT NULL,
	"progress_message" text DEFAULT 'Waiting for a worker' NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"environment" text,
	"agent_ids" text[] DEFAULT '{}' NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"score" integer,
	"grade" text,
	"summary" text,
	"content" jsonb,
	"content_sha256" text,
	"watermark" bigint,
	"event_count" bigint,
	"sample_seed" text NOT NULL,
	"framework_version" text,
	"generator_version" text,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_version_id" uuid,
	"lineage_id" uuid NOT NULL,
	"error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tools" (
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tools_org_id_name_pk" PRIMARY KEY("org_id","name")
);
--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environments" ADD CONSTRAINT "environments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tools" ADD CONSTRAINT "tools_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_idx" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_org_idx" ON "api_keys" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "audit_events_org_time_idx" ON "audit_events" USING btree ("org_id","occurred_at","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_org_client_id_idx" ON "audit_events" USING btree ("org_id","client_id") WHERE "audit_events"."client_id" is not null;--> statement-breakpoint
CREATE INDEX "audit_events_org_correlation_idx" ON "audit_events" USING btree ("org_id","correlation_id") WHERE "audit_events"."correlation_id" is not null;--> statement-breakpoint
CREATE INDEX "audit_events_data_subjects_idx" ON "audit_events" USING gin ("data_subjects");--> statement-breakpoint
CREATE INDEX "findings_report_idx" ON "findings" USING btree ("report_id","ordinal");--> statement-breakpoint
CREATE INDEX "reports_org_created_idx" ON "reports" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "reports_lineage_idx" ON "reports" USING btree ("lineage_id","version");