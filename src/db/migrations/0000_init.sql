CREATE TABLE "area_texts" (
	"evaluation_id" uuid NOT NULL,
	"area_number" integer NOT NULL,
	"stated_score" double precision,
	"summary" text DEFAULT '' NOT NULL,
	"narratives" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"strengths" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"improvements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"good_examples" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "area_texts_evaluation_id_area_number_pk" PRIMARY KEY("evaluation_id","area_number")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"framework_id" text NOT NULL,
	"year" integer NOT NULL,
	"month" integer,
	"report_date" date,
	"period_start" date,
	"period_end" date,
	"ordinal" integer,
	"interviews" integer,
	"interviews_approx" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"stated_total" double precision,
	"key_facts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" jsonb DEFAULT '{"kind":"manual"}'::jsonb NOT NULL,
	"source_hash" text,
	"supersedes_id" uuid,
	"superseded_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "evaluators" (
	"evaluation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "evaluators_evaluation_id_position_pk" PRIMARY KEY("evaluation_id","position")
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"origin" text NOT NULL,
	"needs_review" boolean DEFAULT false NOT NULL,
	"about" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"areas" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"county_code" text NOT NULL,
	"county_name" text NOT NULL,
	"kind" text NOT NULL,
	"search_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subarea_scores" (
	"evaluation_id" uuid NOT NULL,
	"subarea_id" text NOT NULL,
	"points" double precision NOT NULL,
	CONSTRAINT "subarea_scores_evaluation_id_subarea_id_pk" PRIMARY KEY("evaluation_id","subarea_id")
);
--> statement-breakpoint
ALTER TABLE "area_texts" ADD CONSTRAINT "area_texts_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluators" ADD CONSTRAINT "evaluators_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subarea_scores" ADD CONSTRAINT "subarea_scores_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluations_municipality_idx" ON "evaluations" USING btree ("municipality_code","year");--> statement-breakpoint
CREATE INDEX "evaluations_framework_idx" ON "evaluations" USING btree ("framework_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_source_hash_idx" ON "evaluations" USING btree ("source_hash");