CREATE TABLE "custom_frameworks" (
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_frameworks_org_id_type_pk" PRIMARY KEY("org_id","type")
);
--> statement-breakpoint
CREATE TABLE "event_batches" (
	"org_id" uuid NOT NULL,
	"link_no" bigint NOT NULL,
	"batch_id" uuid NOT NULL,
	"event_count" integer NOT NULL,
	"seq_floor" bigint NOT NULL,
	"batch_hash" "bytea" NOT NULL,
	"head" "bytea" NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_batches_org_id_link_no_pk" PRIMARY KEY("org_id","link_no"),
	CONSTRAINT "event_batches_batch_id_unique" UNIQUE("batch_id")
);
--> statement-breakpoint
CREATE TABLE "event_chain_heads" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"link_no" bigint NOT NULL,
	"head" "bytea" NOT NULL
);
--> statement-breakpoint
DROP INDEX "audit_events_config_changes_idx";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" "bytea";--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "evidence_head" bigint[];--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "notify" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "chain_link" bigint;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "chain_head" text;--> statement-breakpoint
ALTER TABLE "custom_frameworks" ADD CONSTRAINT "custom_frameworks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_batches" ADD CONSTRAINT "event_batches_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_chain_heads" ADD CONSTRAINT "event_chain_heads_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_unattributed_idx" ON "audit_events" USING btree ("org_id","occurred_at","seq") WHERE "audit_events"."actor_id" is null;--> statement-breakpoint
CREATE INDEX "audit_events_config_changes_idx" ON "audit_events" USING btree ("org_id","occurred_at","seq") WHERE ("audit_events"."category" = 'config_change' or "audit_events"."action" in ('policy.updated', 'dlp_rule.updated', 'secret.rotated'));