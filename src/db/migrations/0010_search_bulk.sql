-- Cheaper index maintenance for bulk fills (imports of whole archives): the per-evaluation word set is
-- merged from the passages' tsvectors (positions stripped) instead of unnesting and sorting every word,
-- and the term list is fed from those word sets instead of from every passage.
CREATE AGGREGATE "search_tsvector_agg"(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');
--> statement-breakpoint
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
  )
  INSERT INTO search_documents (evaluation_id, kind, area_number, subarea_id, item, text, example_name, example_code, framework_id, year, municipality_code, municipality_name, county_code)
  SELECT * FROM docs WHERE btrim(text) <> '' OR coalesce(example_name, '') <> '';
$$;
--> statement-breakpoint
-- One row per indexed evaluation with every word of its passages (no positions), and those words in the
-- term list (parts of compounds, å/ä/ö typed as a/o).
CREATE OR REPLACE FUNCTION "search_summarise"(p_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_evaluations WHERE evaluation_id = ANY(p_ids);
  INSERT INTO search_evaluations (evaluation_id, framework_id, year, municipality_code, county_code, tsv)
  SELECT d.evaluation_id, min(d.framework_id), min(d.year), min(d.municipality_code), min(d.county_code), search_tsvector_agg(strip(d.tsv))
  FROM search_documents d
  WHERE d.evaluation_id = ANY(p_ids)
  GROUP BY d.evaluation_id;
  INSERT INTO search_terms (term, folded)
  SELECT DISTINCT w, search_fold(w) FROM search_evaluations e, unnest(tsvector_to_array(e.tsv)) w
  WHERE e.evaluation_id = ANY(p_ids)
  ON CONFLICT (term) DO NOTHING;
$$;
