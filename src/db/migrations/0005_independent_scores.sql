CREATE TABLE "independent_score_sheets" (
	"evaluation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "independent_score_sheets_pk" PRIMARY KEY("evaluation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "agreed_scores" (
	"evaluation_id" uuid NOT NULL,
	"subarea_id" text NOT NULL,
	"value" double precision NOT NULL,
	"reason" text NOT NULL,
	"agreed_by" text NOT NULL,
	"agreed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreed_scores_pk" PRIMARY KEY("evaluation_id","subarea_id")
);
--> statement-breakpoint
ALTER TABLE "independent_score_sheets" ADD CONSTRAINT "independent_score_sheets_evaluation_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "independent_score_sheets" ADD CONSTRAINT "independent_score_sheets_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "agreed_scores" ADD CONSTRAINT "agreed_scores_evaluation_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "independent_score_sheets_user_idx" ON "independent_score_sheets" USING btree ("user_id");
