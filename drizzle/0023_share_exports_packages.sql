ALTER TABLE "share_links" ALTER COLUMN "report_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "share_links" ADD COLUMN "export_id" uuid;--> statement-breakpoint
ALTER TABLE "share_links" ADD COLUMN "package_id" uuid;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_org_id_export_id_data_exports_org_id_id_fk" FOREIGN KEY ("org_id","export_id") REFERENCES "public"."data_exports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_org_id_package_id_compliance_packages_org_id_id_fk" FOREIGN KEY ("org_id","package_id") REFERENCES "public"."compliance_packages"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "share_links_export_idx" ON "share_links" USING btree ("org_id","export_id");--> statement-breakpoint
CREATE INDEX "share_links_package_idx" ON "share_links" USING btree ("org_id","package_id");--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_one_target" CHECK (num_nonnulls("share_links"."report_id", "share_links"."export_id", "share_links"."package_id") = 1);