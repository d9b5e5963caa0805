CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"area_number" integer,
	"subarea_id" text,
	"item" integer,
	"text" text NOT NULL,
	"example_name" text,
	"example_code" text,
	"framework_id" text NOT NULL,
	"year" integer NOT NULL,
	"municipality_code" text NOT NULL,
	"municipality_name" text NOT NULL,
	"county_code" text NOT NULL,
	"kind_rank" smallint GENERATED ALWAYS AS (CASE "kind" WHEN 'good-example' THEN 0 WHEN 'strength' THEN 1 WHEN 'narrative' THEN 2 WHEN 'improvement' THEN 3 WHEN 'area-summary' THEN 4 ELSE 5 END) STORED,
	"tsv" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('swedish'::regconfig, coalesce("example_name", '')), 'A') || setweight(to_tsvector('swedish'::regconfig, "text"), 'B') || setweight(to_tsvector('swedish'::regconfig, "municipality_name"), 'D')) STORED
);
--> statement-breakpoint
CREATE TABLE "search_evaluations" (
	"evaluation_id" uuid PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"year" integer NOT NULL,
	"municipality_code" text NOT NULL,
	"county_code" text NOT NULL,
	"tsv" tsvector NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"folded" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_evaluations" ADD CONSTRAINT "search_evaluations_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv") WITH (gin_pending_list_limit = 256);--> statement-breakpoint
CREATE INDEX "search_evaluations_tsv_idx" ON "search_evaluations" USING gin ("tsv") WITH (fastupdate = off);--> statement-breakpoint
CREATE INDEX "search_documents_evaluation_idx" ON "search_documents" USING btree ("evaluation_id","area_number");--> statement-breakpoint
CREATE INDEX "search_documents_order_idx" ON "search_documents" USING btree ("kind_rank","year" DESC,"id");--> statement-breakpoint
CREATE INDEX "search_documents_filter_idx" ON "search_documents" USING btree ("framework_id","area_number","subarea_id");--> statement-breakpoint
CREATE INDEX "search_terms_folded_trgm_idx" ON "search_terms" USING gin ("folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_terms_folded_idx" ON "search_terms" USING btree ("folded");--> statement-breakpoint
CREATE OR REPLACE FUNCTION "search_fold"(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(lower(t), 'åäöæøéèêëüúùáàâíìîóòôç', 'aaoaoeeeeuuuaaaiiioooc')
$$;
--> statement-breakpoint
-- Rebuilds the search passages of one evaluation (one area, or all when p_area is null) from its
-- current texts. Only current published evaluations (not superseded by a correction) are indexed.
CREATE OR REPLACE FUNCTION "search_reindex"(p_id uuid, p_area integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('kompass.search_deferred', true) = 'on' THEN
    RETURN;
  END IF;
  IF p_area IS NULL THEN
    DELETE FROM search_documents WHERE evaluation_id = p_id;
  ELSE
    DELETE FROM search_documents WHERE evaluation_id = p_id AND area_number = p_area;
  END IF;
  PERFORM search_insert_documents(ARRAY[p_id], p_area);
  PERFORM search_summarise(ARRAY[p_id]);
END;
$$;
--> statement-breakpoint
-- Inserts the passages of the given evaluations (all areas, or one), and their words into the term list.
CREATE OR REPLACE FUNCTION "search_insert_documents"(p_ids uuid[], p_area integer) RETURNS void LANGUAGE sql AS $$
  WITH e AS (
    SELECT e.id, e.framework_id, e.year, e.municipality_code, m.name AS municipality_name, m.county_code, e.summary
    FROM evaluations e JOIN municipalities m ON m.code = e.municipality_code
    WHERE e.id = ANY(p_ids) AND e.status = 'published' AND e.superseded_by_id IS NULL
  ),
  a AS (
    SELECT e.id, e.framework_id, e.year, e.municipality_code, e.municipality_name, e.county_code, t.area_number, t.summary, t.narratives, t.strengths, t.improvements, t.good_examples
    FROM e JOIN area_texts t ON t.evaluation_id = e.id
    WHERE p_area IS NULL OR t.area_number = p_area
  ),
  docs AS (
    SELECT e.id, 'summary' AS kind, NULL::integer AS area_number, NULL::text AS subarea_id, NULL::integer AS item, e.summary AS text, NULL::text AS example_name, NULL::text AS example_code, e.framework_id, e.year, e.municipality_code, e.municipality_name, e.county_code
    FROM e WHERE p_area IS NULL
    UNION ALL
    SELECT a.id, 'area-summary', a.area_number, NULL, NULL, a.summary, NULL, NULL, a.framework_id, a.year, a.municipality_code, a.municipality_name, a.county_code FROM a
    UNION ALL
    SELECT a.id, 'narrative', a.area_number, n.key, NULL, n.value, NULL, NULL, a.framework_id, a.year, a.municipality_code, a.municipality_name, a.county_code FROM a, jsonb_each_text(a.narratives) n
    UNION ALL
    SELECT a.id, 'strength', a.area_number, NULL, s.ord::integer, s.value, NULL, NULL, a.framework_id, a.year, a.municipality_code, a.municipality_name, a.county_code FROM a, jsonb_array_elements_text(a.strengths) WITH ORDINALITY s(value, ord)
    UNION ALL
    SELECT a.id, 'improvement', a.area_number, NULL, s.ord::integer, s.value, NULL, NULL, a.framework_id, a.year, a.municipality_code, a.municipality_name, a.county_code FROM a, jsonb_array_elements_text(a.improvements) WITH ORDINALITY s(value, ord)
    UNION ALL
    SELECT a.id, 'good-example', a.area_number, g.value->>'subareaId', g.ord::integer, coalesce(g.value->>'text', ''), g.value->>'name', g.value->>'municipalityCode', a.framework_id, a.year, a.municipality_code, a.municipality_name, a.county_code FROM a, jsonb_array_elements(a.good_examples) WITH ORDINALITY g(value, ord)
  ),
  ins AS (
    INSERT INTO search_documents (evaluation_id, kind, area_number, subarea_id, item, text, example_name, example_code, framework_id, year, municipality_code, municipality_name, county_code)
    SELECT * FROM docs WHERE btrim(text) <> '' OR coalesce(example_name, '') <> ''
    RETURNING tsv
  )
  INSERT INTO search_terms (term, folded)
  SELECT DISTINCT w.lexeme, search_fold(w.lexeme) FROM ins, unnest(ins.tsv) w
  ON CONFLICT (term) DO NOTHING;
$$;
--> statement-breakpoint
-- One row per indexed evaluation with every word of its passages (no positions): tells quickly how
-- many evaluations a query matches, before passages are ranked.
CREATE OR REPLACE FUNCTION "search_summarise"(p_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_evaluations WHERE evaluation_id = ANY(p_ids);
  INSERT INTO search_evaluations (evaluation_id, framework_id, year, municipality_code, county_code, tsv)
  SELECT d.evaluation_id, min(d.framework_id), min(d.year), min(d.municipality_code), min(d.county_code), array_to_tsvector(array_agg(DISTINCT w.lexeme))
  FROM search_documents d, unnest(d.tsv) w
  WHERE d.evaluation_id = ANY(p_ids)
  GROUP BY d.evaluation_id;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "search_evaluation_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_reindex(NEW.id, NULL);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "search_area_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_documents WHERE evaluation_id = OLD.evaluation_id AND area_number = OLD.area_number;
    -- When the whole evaluation is being deleted, its search rows go with it (cascade).
    IF EXISTS (SELECT 1 FROM evaluations WHERE id = OLD.evaluation_id) THEN
      PERFORM search_summarise(ARRAY[OLD.evaluation_id]);
    END IF;
    RETURN NULL;
  END IF;
  PERFORM search_reindex(NEW.evaluation_id, NEW.area_number);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "search_evaluation_inserted" AFTER INSERT ON "evaluations" FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION "search_evaluation_changed"();
--> statement-breakpoint
CREATE TRIGGER "search_evaluation_updated" AFTER UPDATE ON "evaluations" FOR EACH ROW
  WHEN ((OLD.status, OLD.superseded_by_id, OLD.summary, OLD.year, OLD.framework_id, OLD.municipality_code) IS DISTINCT FROM (NEW.status, NEW.superseded_by_id, NEW.summary, NEW.year, NEW.framework_id, NEW.municipality_code))
  EXECUTE FUNCTION "search_evaluation_changed"();
--> statement-breakpoint
CREATE TRIGGER "search_area_inserted" AFTER INSERT ON "area_texts" FOR EACH ROW EXECUTE FUNCTION "search_area_changed"();
--> statement-breakpoint
CREATE TRIGGER "search_area_updated" AFTER UPDATE ON "area_texts" FOR EACH ROW
  WHEN ((OLD.summary, OLD.narratives, OLD.strengths, OLD.improvements, OLD.good_examples) IS DISTINCT FROM (NEW.summary, NEW.narratives, NEW.strengths, NEW.improvements, NEW.good_examples))
  EXECUTE FUNCTION "search_area_changed"();
--> statement-breakpoint
CREATE TRIGGER "search_area_deleted" AFTER DELETE ON "area_texts" FOR EACH ROW EXECUTE FUNCTION "search_area_changed"();
