//! The SQL of each migration, in order: what `schema::MIGRATIONS` runs.

pub(super) const V1: &str = include_str!("v1.sql");

/// Coding work: a memo on each code, codings found by coder (a coder's
/// recent codes), codings by code covering the coder and the quote (a
/// code's counts read the index alone, not the table), and the journal that undo and redo walk. Each journal
/// entry holds the images of the rows a coding or codebook action
/// changed (see `store::journal`).
pub(super) const V2: &str = r#"
ALTER TABLE code ADD COLUMN memo TEXT NOT NULL DEFAULT '';
CREATE INDEX coding_by_coder ON coding (coder, id);
DROP INDEX coding_by_code;
CREATE INDEX coding_by_code ON coding (code, coder, quote);
CREATE TABLE journal (
    id      INTEGER PRIMARY KEY,
    label   TEXT NOT NULL,
    at      TEXT NOT NULL,
    changes TEXT NOT NULL,
    undone  INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);
"#;

/// Each coder undoes their own actions: the journal says whose each one
/// is (none for entries written before, and for actions of no coder). And
/// what the store itself remembers for whoever opens it, such as the two
/// coders an agreement table compares.
pub(super) const V3: &str = r#"
ALTER TABLE journal ADD COLUMN coder INTEGER;
CREATE INDEX journal_by_coder ON journal (coder, undone, id);
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"#;

/// The quote trigger steps aside while `tovana_indexing()` is false: adding
/// a document then indexes its quotes in one pass over the text.
pub(super) const V4: &str = r#"
DROP TRIGGER quote_ai;
CREATE TRIGGER quote_ai AFTER INSERT ON quote WHEN tovana_indexing() BEGIN
    INSERT INTO search_index (rowid, body)
        SELECT new.id * 8 + 3, tovana_index_text(substr(d.text, new.start + 1, new.end - new.start))
        FROM document d WHERE d.id = new.document;
END;
"#;

/// The index again, with prefix indexes of one and two letters: a query of
/// one letter merged the lists of every word that begins with it (90 ms on
/// 200,000 quotes, against 1 ms). What it holds is copied over as it is.
pub(super) const V5: &str = r#"
CREATE TEMP TABLE search_index_copy AS SELECT rowid AS id, body FROM search_index;
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');
INSERT INTO search_index (rowid, body) SELECT id, body FROM temp.search_index_copy;
DROP TABLE temp.search_index_copy;
"#;

/// What lists need of a document that is stored after its text: its
/// length in code points and whether it is illustrative, kept by triggers
/// in a table of their own. A column stored after a long text is reached
/// only by following the text's overflow pages: the list of documents, the
/// check of quote spans on opening and every list of quotes read them here
/// instead (measuring every text took 200 ms on 2,000 transcripts).
pub(super) const V6: &str = r#"
CREATE TABLE document_info (
    document     INTEGER PRIMARY KEY,
    chars        INTEGER NOT NULL,
    illustrative INTEGER NOT NULL
);
INSERT INTO document_info SELECT id, length(text), illustrative FROM document;
CREATE TRIGGER document_info_ai AFTER INSERT ON document BEGIN
    INSERT OR REPLACE INTO document_info VALUES (new.id, length(new.text), new.illustrative);
END;
CREATE TRIGGER document_info_au AFTER UPDATE OF text ON document BEGIN
    UPDATE document_info SET chars = length(new.text) WHERE document = new.id;
END;
CREATE TRIGGER document_info_illustrative_au AFTER UPDATE OF illustrative ON document BEGIN
    UPDATE document_info SET illustrative = new.illustrative WHERE document = new.id;
END;
CREATE TRIGGER document_info_ad AFTER DELETE ON document BEGIN
    DELETE FROM document_info WHERE document = old.id;
END;
"#;

/// What every count over codings needs, one row per coding: its code and
/// coder, and its quote's document, cohort, role and span. Kept by
/// triggers from the tables it is read from (a coding added, removed or
/// changed; a quote's role, document or span changed; a document moved to
/// another cohort), and checked against a recount in the tests. The
/// Codebook's counts and the Tables read it instead of joining every coding
/// to its quote and document (300 ms on 100,000 codings).
pub(super) const V7: &str = r#"
CREATE TABLE coding_fact (
    coding   INTEGER PRIMARY KEY,
    code     INTEGER NOT NULL,
    coder    INTEGER NOT NULL,
    quote    INTEGER NOT NULL,
    document INTEGER NOT NULL,
    cohort   INTEGER NOT NULL,
    role     TEXT NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL
);
INSERT INTO coding_fact
    SELECT g.id, g.code, g.coder, g.quote, q.document, d.cohort, q.role, q.start, q.end
    FROM coding g JOIN quote q ON q.id = g.quote JOIN document d ON d.id = q.document;
CREATE INDEX coding_fact_by_code ON coding_fact (code, coder, cohort, role, document, start, quote);
CREATE INDEX coding_fact_by_coder ON coding_fact (coder, document);
CREATE INDEX coding_fact_by_document ON coding_fact (document);
CREATE INDEX coding_fact_by_quote ON coding_fact (quote);

CREATE TRIGGER coding_fact_ai AFTER INSERT ON coding BEGIN
    INSERT INTO coding_fact
        SELECT new.id, new.code, new.coder, new.quote, q.document, d.cohort, q.role, q.start, q.end
        FROM quote q JOIN document d ON d.id = q.document WHERE q.id = new.quote;
END;
CREATE TRIGGER coding_fact_ad AFTER DELETE ON coding BEGIN
    DELETE FROM coding_fact WHERE coding = old.id;
END;
CREATE TRIGGER coding_fact_au AFTER UPDATE ON coding BEGIN
    DELETE FROM coding_fact WHERE coding = old.id;
    INSERT INTO coding_fact
        SELECT new.id, new.code, new.coder, new.quote, q.document, d.cohort, q.role, q.start, q.end
        FROM quote q JOIN document d ON d.id = q.document WHERE q.id = new.quote;
END;
CREATE TRIGGER quote_fact_au AFTER UPDATE OF document, role, start, end ON quote BEGIN
    UPDATE coding_fact SET document = new.document, role = new.role, start = new.start,
        end = new.end, cohort = (SELECT cohort FROM document WHERE id = new.document)
    WHERE quote = new.id;
END;
CREATE TRIGGER document_fact_au AFTER UPDATE OF cohort ON document BEGIN
    UPDATE coding_fact SET cohort = new.cohort WHERE document = new.id;
END;
"#;

/// Each quote's text, kept by triggers (a quote added, moved or removed,
/// its document's text changed): a list of quotes read each one's text with
/// `substr` from its whole document, 50 documents' pages for a page of a
/// code's quotes. Adding a document fills it in one pass over the text, as
/// the search index (see `search::index_quotes`).
pub(super) const V8: &str = r#"
CREATE TABLE quote_text (
    quote INTEGER PRIMARY KEY,
    text  TEXT NOT NULL
);
INSERT INTO quote_text
    SELECT q.id, substr(d.text, q.start + 1, q.end - q.start)
    FROM quote q JOIN document d ON d.id = q.document;
CREATE TRIGGER quote_text_ai AFTER INSERT ON quote WHEN tovana_indexing() BEGIN
    INSERT OR REPLACE INTO quote_text
        SELECT new.id, substr(d.text, new.start + 1, new.end - new.start)
        FROM document d WHERE d.id = new.document;
END;
CREATE TRIGGER quote_text_au AFTER UPDATE OF document, start, end ON quote BEGIN
    INSERT OR REPLACE INTO quote_text
        SELECT new.id, substr(d.text, new.start + 1, new.end - new.start)
        FROM document d WHERE d.id = new.document;
END;
CREATE TRIGGER quote_text_ad AFTER DELETE ON quote BEGIN
    DELETE FROM quote_text WHERE quote = old.id;
END;
CREATE TRIGGER document_quote_text_au AFTER UPDATE OF text ON document BEGIN
    INSERT OR REPLACE INTO quote_text
        SELECT q.id, substr(new.text, q.start + 1, q.end - q.start)
        FROM quote q WHERE q.document = new.id;
END;
"#;

/// Codes and documents in the search index: a code by its name,
/// description and memo (rowid `id * 8 + 6`), a document by its title and
/// notes (`id * 8 + 7`).
pub(super) const V9: &str = r#"
INSERT INTO search_index (rowid, body)
    SELECT id * 8 + 6, tovana_index_text(name || ' ' || description || ' ' || memo) FROM code;
INSERT INTO search_index (rowid, body)
    SELECT id * 8 + 7, tovana_index_text(title || ' ' || notes) FROM document;
CREATE TRIGGER code_search_ai AFTER INSERT ON code BEGIN
    INSERT INTO search_index (rowid, body)
        VALUES (new.id * 8 + 6, tovana_index_text(new.name || ' ' || new.description || ' ' || new.memo));
END;
CREATE TRIGGER code_search_ad AFTER DELETE ON code BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
END;
CREATE TRIGGER code_search_au AFTER UPDATE OF name, description, memo ON code BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
    INSERT INTO search_index (rowid, body)
        VALUES (new.id * 8 + 6, tovana_index_text(new.name || ' ' || new.description || ' ' || new.memo));
END;
CREATE TRIGGER document_search_ai AFTER INSERT ON document BEGIN
    INSERT INTO search_index (rowid, body)
        VALUES (new.id * 8 + 7, tovana_index_text(new.title || ' ' || new.notes));
END;
CREATE TRIGGER document_search_ad AFTER DELETE ON document BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 7;
END;
CREATE TRIGGER document_search_au AFTER UPDATE OF title, notes ON document BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 7;
    INSERT INTO search_index (rowid, body)
        VALUES (new.id * 8 + 7, tovana_index_text(new.title || ' ' || new.notes));
END;
"#;

/// What the check of quote spans on opening reads: each document's quotes
/// by their end, and a partial index of the quotes whose span is empty or
/// negative (empty in a sound store). And the documents by cohort, which a
/// query that needs only a document's id and cohort reads instead of the
/// documents' long rows.
pub(super) const V10: &str = r#"
CREATE INDEX quote_by_end ON quote (document, end);
CREATE INDEX quote_malformed ON quote (id) WHERE start < 0 OR end <= start;
CREATE INDEX document_by_cohort ON document (cohort);
"#;

/// Bulk writes at scale. The search index keeps up to 64 MB of new terms in
/// memory before it writes them out, instead of 1 MB: written out in
/// fewer, larger pieces, the index has less merging to do (the 200,000
/// quotes' index, built in the sqlite3 shell, took 15.7 s, and 10.6 s so;
/// an ordinary write holds a few kilobytes, whatever the limit). And each coding's facts may be filled
/// in by the writer in one statement (`tovana_indexing()` false) rather
/// than by the trigger once per coding.
pub(super) const V11: &str = r#"
INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 67108864);
DROP TRIGGER coding_fact_ai;
CREATE TRIGGER coding_fact_ai AFTER INSERT ON coding WHEN tovana_indexing() BEGIN
    INSERT INTO coding_fact
        SELECT new.id, new.code, new.coder, new.quote, q.document, d.cohort, q.role, q.start, q.end
        FROM quote q JOIN document d ON d.id = q.document WHERE q.id = new.quote;
END;
"#;

/// A document's text outside its quotes, as passages of a line or less
/// (see `store::passages`), searched as rowid `id * 8`. Existing documents'
/// passages are worked out by the migration's step in Rust. And a whole
/// store's writer may index documents and codes itself, after the rows,
/// with `tovana_indexing()` false: a row whose trigger wrote to the index
/// made FTS5 write out its new terms at the next row's savepoint, one
/// document at a time.
pub(super) const V12: &str = r#"
CREATE TABLE passage (
    id       INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL
);
CREATE INDEX passage_by_document ON passage (document, start);
CREATE TRIGGER passage_search_ai AFTER INSERT ON passage WHEN tovana_indexing() BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8, tovana_index_text(new.text));
END;
CREATE TRIGGER passage_search_ad AFTER DELETE ON passage BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8;
END;
DROP TRIGGER document_search_ai;
CREATE TRIGGER document_search_ai AFTER INSERT ON document WHEN tovana_indexing() BEGIN
    INSERT INTO search_index (rowid, body)
        VALUES (new.id * 8 + 7, tovana_index_text(new.title || ' ' || new.notes));
END;
DROP TRIGGER code_search_ai;
CREATE TRIGGER code_search_ai AFTER INSERT ON code WHEN tovana_indexing() BEGIN
    INSERT INTO search_index (rowid, body)
        VALUES (new.id * 8 + 6, tovana_index_text(new.name || ' ' || new.description || ' ' || new.memo));
END;
"#;

/// Findings and recommendations, like codes and documents, may be indexed
/// by a whole store's writer after their rows (`tovana_indexing()`
/// false): each one's trigger made FTS5 write its new terms out at the
/// next row's savepoint (the 600 of the 200,000-quote store took 1.4 s).
pub(super) const V13: &str = r#"
DROP TRIGGER finding_ai;
CREATE TRIGGER finding_ai AFTER INSERT ON finding WHEN tovana_indexing() BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1, tovana_index_text(new.area || ' ' || new.statement));
END;
DROP TRIGGER recommendation_ai;
CREATE TRIGGER recommendation_ai AFTER INSERT ON recommendation WHEN tovana_indexing() BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 2, tovana_index_text(new.text || ' ' || new.uptake_note));
END;
"#;

/// The response rate a source gives, kept as given: a report may give
/// respondents and a rate but not who was asked, and a rate worked out
/// from a guessed number is not the report's.
pub(super) const V14: &str = r#"
ALTER TABLE instrument ADD COLUMN rate INTEGER CHECK (rate IS NULL OR rate BETWEEN 0 AND 100);
"#;

/// Particular quotes a finding cites, beside its questions and codes; a
/// quote removed takes its citation with it.
pub(super) const V16: &str = r#"
CREATE TABLE finding_quote (
    finding  INTEGER NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    quote    INTEGER NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
    PRIMARY KEY (finding, position)
) WITHOUT ROWID;
CREATE INDEX finding_quote_by_quote ON finding_quote (quote);
"#;

/// What became of a recommendation, per later cohort of its program: the
/// one status a recommendation had becomes the next cohort's (nothing for
/// "unknown" without a note, and nothing for a cohort with none after it);
/// a recommendation is searched by its text and these notes.
pub(super) const V17: &str = r#"
CREATE TABLE fate (
    recommendation INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
    cohort         INTEGER NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
    status         TEXT NOT NULL CHECK (status IN ('taken_up', 'partly', 'not', 'unknown')),
    note           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (recommendation, cohort)
) WITHOUT ROWID;
CREATE INDEX fate_by_cohort ON fate (cohort);
INSERT INTO fate (recommendation, cohort, status, note)
    SELECT r.id, (SELECT n.id FROM cohort n
                  WHERE n.program = c.program AND n.ordinal > c.ordinal
                  ORDER BY n.ordinal LIMIT 1), r.uptake, r.uptake_note
    FROM recommendation r JOIN cohort c ON c.id = r.cohort
    WHERE (r.uptake <> 'unknown' OR r.uptake_note <> '')
      AND EXISTS (SELECT 1 FROM cohort n WHERE n.program = c.program AND n.ordinal > c.ordinal);
DROP TRIGGER recommendation_ai;
DROP TRIGGER recommendation_au;
ALTER TABLE recommendation DROP COLUMN uptake_note;
ALTER TABLE recommendation DROP COLUMN uptake;
CREATE TRIGGER recommendation_ai AFTER INSERT ON recommendation WHEN tovana_indexing() BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 2, tovana_index_text(new.text));
END;
CREATE TRIGGER recommendation_au AFTER UPDATE OF text ON recommendation BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
    INSERT INTO search_index (rowid, body)
        SELECT new.id * 8 + 2, tovana_index_text(new.text || ' ' ||
            COALESCE((SELECT group_concat(note, ' ') FROM fate WHERE recommendation = new.id), ''));
END;
CREATE TRIGGER fate_ai AFTER INSERT ON fate WHEN tovana_indexing() BEGIN
    DELETE FROM search_index WHERE rowid = new.recommendation * 8 + 2;
    INSERT INTO search_index (rowid, body)
        SELECT r.id * 8 + 2, tovana_index_text(r.text || ' ' ||
            COALESCE((SELECT group_concat(note, ' ') FROM fate WHERE recommendation = r.id), ''))
        FROM recommendation r WHERE r.id = new.recommendation;
END;
CREATE TRIGGER fate_au AFTER UPDATE ON fate BEGIN
    DELETE FROM search_index WHERE rowid = new.recommendation * 8 + 2;
    INSERT INTO search_index (rowid, body)
        SELECT r.id * 8 + 2, tovana_index_text(r.text || ' ' ||
            COALESCE((SELECT group_concat(note, ' ') FROM fate WHERE recommendation = r.id), ''))
        FROM recommendation r WHERE r.id = new.recommendation;
END;
CREATE TRIGGER fate_ad AFTER DELETE ON fate BEGIN
    DELETE FROM search_index WHERE rowid = old.recommendation * 8 + 2;
    INSERT INTO search_index (rowid, body)
        SELECT r.id * 8 + 2, tovana_index_text(r.text || ' ' ||
            COALESCE((SELECT group_concat(note, ' ') FROM fate WHERE recommendation = r.id), ''))
        FROM recommendation r WHERE r.id = old.recommendation;
END;
"#;

/// Instruments keep an order of their own among their cohort's, as
/// meetings and findings do: first the order of their ids.
pub(super) const V18: &str = r#"
ALTER TABLE instrument ADD COLUMN ordinal INTEGER NOT NULL DEFAULT 0;
UPDATE instrument SET ordinal =
    (SELECT count(*) FROM instrument o WHERE o.cohort = instrument.cohort AND o.id <= instrument.id);
"#;

/// A session counted inside another of its cohort (a study tour among the
/// program's nine meetings): listed, not counted twice.
pub(super) const V15: &str = r#"
ALTER TABLE session ADD COLUMN within INTEGER REFERENCES session(id) ON DELETE SET NULL;
"#;

/// What crosses to other coding tools gets a GUID kept with it (codes,
/// coders, documents, quotes, codings, and each memo that was given one of
/// its own); a quote may carry a memo; a document keeps attributes that
/// came with it and have no column of their own. The triggers that
/// re-index a quote or refresh a coding's facts on any update now fire
/// only on the columns they read, so that writing a GUID costs nothing more.
/// A row written without a GUID is given one by `tovana_new_guid()`
/// (`store::search::register_functions`).
pub(super) const V19: &str = include_str!("v19.sql");

/// Survey answers row by row: who answered an instrument (by the source's
/// id column, so that the same key in two instruments is one person) with
/// their attributes, and each answer (an option of the question's scale, a
/// number, or missing). A question says how it is answered (`kind`) and
/// which column of the file it came from (`field`); a quote may be a
/// respondent's open answer.
pub(super) const V20: &str = include_str!("v20.sql");

/// The index again, its words parted by tovana rather than by FTS5
/// (`text::fold::words`: letters lower-cased, points and diacritics folded
/// away, everything else a space) so that FTS5's `ascii` tokenizer has
/// only spaces to find; and without a copy of what it indexes
/// (`content = ''`): every hit's text is read from its own table. Building
/// the 200,000-quote store's index took 4.6 s of its 8.2 s import, two of
/// them in the `unicode61` tokenizer's per-character tables. What it held
/// is parted anew by `tovana_words`.
///
/// Respondents are searched too, by their id in the file and the values
/// of their attributes, in an index of their own (rowid: the respondent's
/// id) kept by triggers; a writer of many respondents sets the triggers
/// aside (`tovana_indexing()` false) and indexes them once after
/// (`store::respondents::index`).
pub(super) const V21: &str = include_str!("v21.sql");
