ALTER TABLE "frameworks" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;
