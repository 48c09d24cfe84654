-- User search (see UserQueries#search) at a million users.
--
-- 1. Ordered access: names that start with the text are read in order from these indexes, so
--    LIMIT 50 stops after 50 index entries instead of sorting every match. Same expression and
--    collation as the trigram indexes of V2, so PostgreSQL turns LIKE 'ab%' into an index range
--    (pg_c_utf8 orders by code point).
CREATE INDEX app_user_username_order ON app_user (lower(username COLLATE pg_c_utf8), id);
CREATE INDEX app_user_first_name_order ON app_user (lower(first_name COLLATE pg_c_utf8), id);

-- 2. One- and two-character substrings, which trigrams cannot find: every 1- and 2-character
--    gram of both names, hashed to an integer, in a stored column with a GIN index. The
--    hash may collide, so a query always re-checks the names with LIKE. hashtextextended is
--    the hash PostgreSQL keeps stable across versions for hash partitioning, so stored values
--    stay valid after an upgrade. Stored (not an expression index) so that ANALYZE keeps
--    per-gram statistics: a rare gram is read from the index, a common one by a short scan.
CREATE FUNCTION user_search_gram(gram text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (hashtextextended(gram, 0) % 2147483647)::integer;

CREATE FUNCTION user_search_grams(username text, first_name text) RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY(
    SELECT DISTINCT user_search_gram(substr(name, start, size))
      FROM unnest(ARRAY[lower(username COLLATE pg_c_utf8), lower(first_name COLLATE pg_c_utf8)]) AS name,
           generate_series(1, 2) AS size,
           generate_series(1, length(name) - size + 1) AS start
     WHERE name IS NOT NULL);

ALTER TABLE app_user
    ADD COLUMN search_grams integer[] NOT NULL
        GENERATED ALWAYS AS (user_search_grams(username, first_name)) STORED;
CREATE INDEX app_user_search_grams ON app_user USING gin (search_grams);
