CREATE TABLE "share_link_address_failures" (
	"org_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"address" text NOT NULL,
	"failures" integer NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "share_link_address_failures_org_id_link_id_address_pk" PRIMARY KEY("org_id","link_id","address")
);
--> statement-breakpoint
ALTER TABLE "share_link_address_failures" ADD CONSTRAINT "share_link_address_failures_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_link_address_failures" ADD CONSTRAINT "share_link_address_failures_org_id_link_id_share_links_org_id_id_fk" FOREIGN KEY ("org_id","link_id") REFERENCES "public"."share_links"("org_id","id") ON DELETE cascade ON UPDATE no action;