-- Ordered access for user search (see UserQueries#search): names that start with the text
-- are read in order from these indexes, so LIMIT 50 stops after 50 index entries instead of
-- sorting every match. Same expression and collation as the trigram indexes of V2, so
-- PostgreSQL turns LIKE 'ab%' into an index range (pg_c_utf8 orders by code point).
CREATE INDEX app_user_username_order ON app_user (lower(username COLLATE pg_c_utf8), id);
CREATE INDEX app_user_first_name_order ON app_user (lower(first_name COLLATE pg_c_utf8), id);
