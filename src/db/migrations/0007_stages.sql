CREATE TABLE "evaluation_stages" (
	"evaluation_id" uuid PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"entered" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"deadlines" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"agreement_date" date,
	"feedback_meeting_date" date,
	"feedback_notes" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "evaluation_stages" ADD CONSTRAINT "evaluation_stages_evaluation_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE INDEX "notification_outbox_pending_idx" ON "notification_outbox" USING btree ("next_attempt_at") WHERE "notification_outbox"."sent_at" IS NULL AND "notification_outbox"."failed_at" IS NULL;
--> statement-breakpoint
ALTER TABLE "evaluation_comments" ADD COLUMN "parent_id" uuid;
--> statement-breakpoint
ALTER TABLE "evaluation_comments" ADD COLUMN "internal" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE "evaluation_comments" ADD COLUMN "resolved_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "evaluation_comments" ADD COLUMN "resolved_by" text;
--> statement-breakpoint
ALTER TABLE "evaluation_comments" ADD CONSTRAINT "evaluation_comments_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."evaluation_comments"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "evaluation_comments_parent_idx" ON "evaluation_comments" USING btree ("parent_id");
