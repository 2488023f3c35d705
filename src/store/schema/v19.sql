-- Migration 19: GUIDs, a quote's memo, a document's attributes (see sql.rs).
ALTER TABLE code ADD COLUMN guid TEXT;
ALTER TABLE code ADD COLUMN memo_guid TEXT;
ALTER TABLE coder ADD COLUMN guid TEXT;
ALTER TABLE document ADD COLUMN guid TEXT;
ALTER TABLE document ADD COLUMN notes_guid TEXT;
ALTER TABLE quote ADD COLUMN guid TEXT;
ALTER TABLE quote ADD COLUMN memo TEXT NOT NULL DEFAULT '';
ALTER TABLE quote ADD COLUMN memo_guid TEXT;
ALTER TABLE coding ADD COLUMN guid TEXT;
ALTER TABLE coding ADD COLUMN memo_guid TEXT;

DROP TRIGGER quote_au;
CREATE TRIGGER quote_au AFTER UPDATE OF document, start, end ON quote BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
    INSERT INTO search_index (rowid, body)
        SELECT new.id * 8 + 3, tovana_index_text(substr(d.text, new.start + 1, new.end - new.start))
        FROM document d WHERE d.id = new.document;
END;
DROP TRIGGER coding_fact_au;
CREATE TRIGGER coding_fact_au AFTER UPDATE OF quote, code, coder ON coding BEGIN
    DELETE FROM coding_fact WHERE coding = old.id;
    INSERT INTO coding_fact
        SELECT new.id, new.code, new.coder, new.quote, q.document, d.cohort, q.role, q.start, q.end
        FROM quote q JOIN document d ON d.id = q.document WHERE q.id = new.quote;
END;

UPDATE code SET guid = tovana_new_guid();
UPDATE coder SET guid = tovana_new_guid();
UPDATE document SET guid = tovana_new_guid();
UPDATE quote SET guid = tovana_new_guid();
UPDATE coding SET guid = tovana_new_guid();
CREATE UNIQUE INDEX code_by_guid ON code (guid);
CREATE UNIQUE INDEX coder_by_guid ON coder (guid);
CREATE UNIQUE INDEX document_by_guid ON document (guid);
CREATE UNIQUE INDEX quote_by_guid ON quote (guid);
CREATE UNIQUE INDEX coding_by_guid ON coding (guid);

CREATE TRIGGER code_guid_ai AFTER INSERT ON code WHEN new.guid IS NULL BEGIN
    UPDATE code SET guid = tovana_new_guid() WHERE id = new.id;
END;
CREATE TRIGGER coder_guid_ai AFTER INSERT ON coder WHEN new.guid IS NULL BEGIN
    UPDATE coder SET guid = tovana_new_guid() WHERE id = new.id;
END;
CREATE TRIGGER document_guid_ai AFTER INSERT ON document WHEN new.guid IS NULL BEGIN
    UPDATE document SET guid = tovana_new_guid() WHERE id = new.id;
END;
CREATE TRIGGER quote_guid_ai AFTER INSERT ON quote WHEN new.guid IS NULL BEGIN
    UPDATE quote SET guid = tovana_new_guid() WHERE id = new.id;
END;
CREATE TRIGGER coding_guid_ai AFTER INSERT ON coding WHEN new.guid IS NULL BEGIN
    UPDATE coding SET guid = tovana_new_guid() WHERE id = new.id;
END;

CREATE TABLE document_attribute (
    document INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (document, name)
) WITHOUT ROWID;
