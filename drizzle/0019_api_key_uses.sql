CREATE TABLE "api_key_uses" (
	"org_id" uuid NOT NULL,
	"key_id" uuid NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	CONSTRAINT "api_key_uses_org_id_key_id_pk" PRIMARY KEY("org_id","key_id")
);
--> statement-breakpoint
ALTER TABLE "api_key_uses" ADD CONSTRAINT "api_key_uses_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key_uses" ADD CONSTRAINT "api_key_uses_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Keys used before keep when they were last used.
INSERT INTO "api_key_uses" ("org_id", "key_id", "last_used_at") SELECT "org_id", "id", "last_used_at" FROM "api_keys" WHERE "last_used_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" DROP COLUMN "last_used_at";