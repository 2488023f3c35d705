-- Migration 21: the index parts words itself; respondents searched (see sql.rs).
CREATE TEMP TABLE search_index_copy AS SELECT rowid AS id, body FROM search_index;
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5 (
    body, tokenize = 'ascii', prefix = '1 2', content = '', contentless_delete = 1);
INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 67108864);
INSERT INTO search_index (rowid, body)
    SELECT id, tovana_words(body) FROM temp.search_index_copy ORDER BY id;
DROP TABLE temp.search_index_copy;

CREATE VIRTUAL TABLE respondent_index USING fts5 (
    body, tokenize = 'ascii', prefix = '1 2', content = '', contentless_delete = 1);
-- What the index holds of a respondent: their id in the file and the
-- values of their attributes (written out in each trigger rather than as
-- a view: a view naming tovana's functions would stop the sqlite3 shell
-- from altering any table of the store).
CREATE TRIGGER respondent_index_ai AFTER INSERT ON respondent WHEN tovana_indexing() BEGIN
    INSERT INTO respondent_index (rowid, body) VALUES (new.id, tovana_index_text(new.key));
END;
CREATE TRIGGER respondent_index_ad AFTER DELETE ON respondent BEGIN
    DELETE FROM respondent_index WHERE rowid = old.id;
END;
CREATE TRIGGER respondent_index_au AFTER UPDATE OF key ON respondent WHEN tovana_indexing() BEGIN
    DELETE FROM respondent_index WHERE rowid = old.id;
    INSERT INTO respondent_index (rowid, body)
        SELECT r.id, tovana_index_text(r.key || ' ' || COALESCE(
            (SELECT group_concat(value, ' ') FROM respondent_attribute WHERE respondent = r.id), '')) FROM respondent r WHERE r.id = new.id;
END;
CREATE TRIGGER respondent_attribute_index_ai AFTER INSERT ON respondent_attribute
WHEN tovana_indexing() BEGIN
    DELETE FROM respondent_index WHERE rowid = new.respondent;
    INSERT INTO respondent_index (rowid, body)
        SELECT r.id, tovana_index_text(r.key || ' ' || COALESCE(
            (SELECT group_concat(value, ' ') FROM respondent_attribute WHERE respondent = r.id), '')) FROM respondent r WHERE r.id = new.respondent;
END;
CREATE TRIGGER respondent_attribute_index_ad AFTER DELETE ON respondent_attribute
WHEN tovana_indexing() BEGIN
    DELETE FROM respondent_index WHERE rowid = old.respondent;
    INSERT INTO respondent_index (rowid, body)
        SELECT r.id, tovana_index_text(r.key || ' ' || COALESCE(
            (SELECT group_concat(value, ' ') FROM respondent_attribute WHERE respondent = r.id), '')) FROM respondent r WHERE r.id = old.respondent;
END;
CREATE TRIGGER respondent_attribute_index_au AFTER UPDATE ON respondent_attribute
WHEN tovana_indexing() BEGIN
    DELETE FROM respondent_index WHERE rowid IN (old.respondent, new.respondent);
    INSERT INTO respondent_index (rowid, body)
        SELECT r.id, tovana_index_text(r.key || ' ' || COALESCE(
            (SELECT group_concat(value, ' ') FROM respondent_attribute WHERE respondent = r.id), '')) FROM respondent r WHERE r.id IN (old.respondent, new.respondent);
END;
INSERT INTO respondent_index (rowid, body) SELECT r.id, tovana_index_text(r.key || ' ' || COALESCE(
            (SELECT group_concat(value, ' ') FROM respondent_attribute WHERE respondent = r.id), '')) FROM respondent r ORDER BY r.id;
