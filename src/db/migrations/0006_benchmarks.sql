CREATE TABLE "peer_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_group_members" (
	"group_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	CONSTRAINT "peer_group_members_pk" PRIMARY KEY("group_id","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "concordances" (
	"from_framework_id" text NOT NULL,
	"to_framework_id" text NOT NULL,
	"pairs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "concordances_pk" PRIMARY KEY("from_framework_id","to_framework_id")
);
--> statement-breakpoint
ALTER TABLE "peer_groups" ADD CONSTRAINT "peer_groups_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "peer_group_members" ADD CONSTRAINT "peer_group_members_group_fk" FOREIGN KEY ("group_id") REFERENCES "public"."peer_groups"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "peer_group_members" ADD CONSTRAINT "peer_group_members_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "concordances" ADD CONSTRAINT "concordances_from_fk" FOREIGN KEY ("from_framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "concordances" ADD CONSTRAINT "concordances_to_fk" FOREIGN KEY ("to_framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "peer_groups_user_idx" ON "peer_groups" USING btree ("user_id");
--> statement-breakpoint
CREATE INDEX "evaluations_published_idx" ON "evaluations" USING btree ("framework_id","year") WHERE "status" = 'published' AND "superseded_by_id" IS NULL;
