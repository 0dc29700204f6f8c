-- Cross-file copies, from the Parquet tables that `editorial-review --export-parquet DIR` writes
-- (files, articles, paragraphs, bands). Runs unchanged in DuckDB and in Spark SQL once the four
-- tables are bound to their files, e.g.
--   DuckDB:    CREATE VIEW paragraphs AS SELECT * FROM read_parquet('DIR/paragraphs.parquet');
--   Spark SQL: CREATE TEMPORARY VIEW paragraphs USING parquet OPTIONS (path 'DIR/paragraphs.parquet');
-- (the same for files and articles). Past one machine, each machine fingerprints its share of the
-- files with the CLI, and Spark reads all their Parquet files as one table each.
--
-- One row per paragraph whose text (its hash and word count) first appeared in an EARLIER file of
-- the collection: the collection's order is files.sort_key (paths in natural order), then the
-- paragraph's position. `whole_article` is true when every paragraph of the copy's article is a
-- copy of the same earlier article: a whole article copied (what the CLI reports as one finding).
WITH occurrences AS (
  SELECT p.path, p.paragraph, p.article, p.hash, p.words, p.start_line, f.sort_key
  FROM paragraphs p
  JOIN files f ON f.path = p.path
),
ranked AS (
  SELECT o.*, ROW_NUMBER() OVER (PARTITION BY o.hash, o.words ORDER BY o.sort_key, o.paragraph) AS occurrence
  FROM occurrences o
),
originals AS (
  SELECT * FROM ranked WHERE occurrence = 1
),
copies AS (
  SELECT c.path, c.paragraph, c.article, c.start_line,
         o.path AS original_path, o.paragraph AS original_paragraph, o.article AS original_article, o.start_line AS original_start_line
  FROM ranked c
  JOIN originals o ON o.hash = c.hash AND o.words = c.words
  WHERE c.sort_key > o.sort_key
)
SELECT c.path, c.paragraph, c.article, c.start_line,
       c.original_path, c.original_paragraph, c.original_article, c.original_start_line,
       COUNT(*) OVER (PARTITION BY c.path, c.article, c.original_path, c.original_article) = a.paragraph_count AS whole_article
FROM copies c
JOIN articles a ON a.path = c.path AND a.article = c.article
ORDER BY c.path, c.paragraph;
