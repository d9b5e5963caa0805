ALTER TABLE "frameworks" ADD COLUMN "merged_variants" jsonb DEFAULT '[]'::jsonb NOT NULL;
