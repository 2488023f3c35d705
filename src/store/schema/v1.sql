-- The first schema: the program, its cohorts and meetings, instruments
-- and their results, documents and quotes, the codebook and its codings,
-- findings and recommendations. Later migrations (sql.rs) build on it.
CREATE TABLE program (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    name_en      TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE cohort (
    id           INTEGER PRIMARY KEY,
    program      INTEGER NOT NULL REFERENCES program(id),
    label        TEXT NOT NULL,
    ordinal      INTEGER NOT NULL,
    start        TEXT,
    end          TEXT,
    participants INTEGER CHECK (participants >= 0),
    notes        TEXT NOT NULL DEFAULT '',
    UNIQUE (program, ordinal)
);

CREATE TABLE cohort_sector (
    cohort   INTEGER NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    sector   TEXT NOT NULL,
    count    INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (cohort, position)
) WITHOUT ROWID;

CREATE TABLE session (
    id       INTEGER PRIMARY KEY,
    cohort   INTEGER NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
    ordinal  INTEGER NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN
                 ('in_person', 'online', 'study_tour', 'closing', 'alumni_network', 'other')),
    date     TEXT,
    days     INTEGER CHECK (days >= 0),
    meetings INTEGER CHECK (meetings >= 0),
    place    TEXT NOT NULL DEFAULT '',
    subject  TEXT NOT NULL DEFAULT '',
    notes    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_by_cohort ON session (cohort, ordinal);

CREATE TABLE instrument (
    id        INTEGER PRIMARY KEY,
    cohort    INTEGER NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('questionnaire', 'interview', 'observation', 'focus_group')),
    title     TEXT NOT NULL,
    date      TEXT,
    occasions INTEGER CHECK (occasions >= 0),
    invited   INTEGER CHECK (invited >= 0),
    responded INTEGER CHECK (responded >= 0),
    notes     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX instrument_by_cohort ON instrument (cohort);

CREATE TABLE instrument_respondents (
    instrument INTEGER NOT NULL REFERENCES instrument(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    sector     TEXT NOT NULL,
    count      INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (instrument, position)
) WITHOUT ROWID;

CREATE TABLE segment (
    id          INTEGER PRIMARY KEY,
    label       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE scale (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE scale_option (
    scale    INTEGER NOT NULL REFERENCES scale(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label    TEXT NOT NULL,
    valence  TEXT NOT NULL CHECK (valence IN ('negative', 'neutral', 'positive')),
    PRIMARY KEY (scale, position)
) WITHOUT ROWID;

CREATE TABLE question (
    id         INTEGER PRIMARY KEY,
    instrument INTEGER NOT NULL REFERENCES instrument(id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    topic      TEXT NOT NULL,
    wording    TEXT NOT NULL,
    scale      INTEGER NOT NULL REFERENCES scale(id),
    item       TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX question_by_instrument ON question (instrument, ordinal);
CREATE INDEX question_by_item ON question (item) WHERE item <> '';

-- What is known of one segment's answers to one question. `kind` says how
-- much: 'counts' (per option, in result_option), 'top_box' (n and count),
-- 'percentages' (per option as printed, in result_option), 'reported_share'
-- (percent), 'not_recoverable' (nothing but the item itself).
CREATE TABLE result (
    question INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
    segment  INTEGER NOT NULL REFERENCES segment(id),
    kind     TEXT NOT NULL CHECK (kind IN
                 ('counts', 'top_box', 'percentages', 'reported_share', 'not_recoverable')),
    n        INTEGER CHECK (n >= 0),
    count    INTEGER CHECK (count >= 0),
    percent  INTEGER CHECK (percent BETWEEN 0 AND 100),
    notes    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (question, segment)
) WITHOUT ROWID;

CREATE TABLE result_option (
    question INTEGER NOT NULL,
    segment  INTEGER NOT NULL,
    position INTEGER NOT NULL,
    count    INTEGER CHECK (count >= 0),
    percent  INTEGER CHECK (percent BETWEEN 0 AND 100),
    PRIMARY KEY (question, segment, position),
    FOREIGN KEY (question, segment) REFERENCES result (question, segment) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE document (
    id           INTEGER PRIMARY KEY,
    cohort       INTEGER NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
    instrument   INTEGER REFERENCES instrument(id) ON DELETE SET NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('transcript', 'open_ended', 'field_notes')),
    title        TEXT NOT NULL,
    text         TEXT NOT NULL,
    illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
    notes        TEXT NOT NULL DEFAULT ''
);

-- A span of a document in Unicode code points, end exclusive.
CREATE TABLE quote (
    id       INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    start    INTEGER NOT NULL CHECK (start >= 0),
    end      INTEGER NOT NULL,
    role     TEXT NOT NULL DEFAULT '',
    CHECK (end >= start)
);
CREATE INDEX quote_by_document ON quote (document, start);

CREATE TABLE code (
    id          INTEGER PRIMARY KEY,
    parent      INTEGER REFERENCES code(id),
    name        TEXT NOT NULL,
    colour      TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX code_by_parent ON code (parent);

CREATE TABLE coder (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE coding (
    id      INTEGER PRIMARY KEY,
    quote   INTEGER NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
    code    INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE,
    coder   INTEGER NOT NULL REFERENCES coder(id),
    memo    TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    UNIQUE (quote, code, coder)
);
CREATE INDEX coding_by_code ON coding (code);

CREATE TABLE finding (
    id        INTEGER PRIMARY KEY,
    cohort    INTEGER NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
    area      TEXT NOT NULL,
    ordinal   INTEGER NOT NULL,
    statement TEXT NOT NULL
);
CREATE INDEX finding_by_cohort ON finding (cohort, ordinal);

CREATE TABLE finding_question (
    finding  INTEGER NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
    PRIMARY KEY (finding, position)
) WITHOUT ROWID;

CREATE TABLE finding_code (
    finding  INTEGER NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code     INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE,
    PRIMARY KEY (finding, position)
) WITHOUT ROWID;

CREATE TABLE recommendation (
    id          INTEGER PRIMARY KEY,
    cohort      INTEGER NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
    phase       TEXT NOT NULL CHECK (phase IN ('before', 'during', 'links', 'other')),
    ordinal     INTEGER NOT NULL,
    text        TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '',
    uptake      TEXT NOT NULL CHECK (uptake IN ('taken_up', 'partly', 'not', 'unknown')),
    uptake_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX recommendation_by_cohort ON recommendation (cohort, phase, ordinal);

-- Full-text index over the prose. A row's rowid encodes what it indexes:
-- rowid = id * 8 + kind, kind 1 finding, 2 recommendation, 3 quote,
-- 4 question, 5 session. Triggers keep it in step with the tables. The
-- indexed text is folded by tovana_index_text() (Hebrew points and cantillation
-- removed), a function every connection of tovana registers: writes to
-- these tables from a connection without it fail rather than index badly.
CREATE VIRTUAL TABLE search_index USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER finding_ai AFTER INSERT ON finding BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1, tovana_index_text(new.area || ' ' || new.statement));
END;
CREATE TRIGGER finding_ad AFTER DELETE ON finding BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;
CREATE TRIGGER finding_au AFTER UPDATE ON finding BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 1, tovana_index_text(new.area || ' ' || new.statement));
END;

CREATE TRIGGER recommendation_ai AFTER INSERT ON recommendation BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 2, tovana_index_text(new.text || ' ' || new.uptake_note));
END;
CREATE TRIGGER recommendation_ad AFTER DELETE ON recommendation BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;
CREATE TRIGGER recommendation_au AFTER UPDATE ON recommendation BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 2, tovana_index_text(new.text || ' ' || new.uptake_note));
END;

CREATE TRIGGER quote_ai AFTER INSERT ON quote BEGIN
    INSERT INTO search_index (rowid, body)
        SELECT new.id * 8 + 3, tovana_index_text(substr(d.text, new.start + 1, new.end - new.start))
        FROM document d WHERE d.id = new.document;
END;
CREATE TRIGGER quote_ad AFTER DELETE ON quote BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;
CREATE TRIGGER quote_au AFTER UPDATE ON quote BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
    INSERT INTO search_index (rowid, body)
        SELECT new.id * 8 + 3, tovana_index_text(substr(d.text, new.start + 1, new.end - new.start))
        FROM document d WHERE d.id = new.document;
END;
CREATE TRIGGER document_text_au AFTER UPDATE OF text ON document BEGIN
    DELETE FROM search_index WHERE rowid IN (SELECT id * 8 + 3 FROM quote WHERE document = new.id);
    INSERT INTO search_index (rowid, body)
        SELECT q.id * 8 + 3, tovana_index_text(substr(new.text, q.start + 1, q.end - q.start))
        FROM quote q WHERE q.document = new.id;
END;

CREATE TRIGGER question_ai AFTER INSERT ON question BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 4, tovana_index_text(new.topic || ' ' || new.wording));
END;
CREATE TRIGGER question_ad AFTER DELETE ON question BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
END;
CREATE TRIGGER question_au AFTER UPDATE ON question BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 8 + 4, tovana_index_text(new.topic || ' ' || new.wording));
END;

CREATE TRIGGER session_ai AFTER INSERT ON session BEGIN
    INSERT INTO search_index (rowid, body)
        VALUES (new.id * 8 + 5, tovana_index_text(new.subject || ' ' || new.place || ' ' || new.notes));
END;
CREATE TRIGGER session_ad AFTER DELETE ON session BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
END;
CREATE TRIGGER session_au AFTER UPDATE ON session BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
    INSERT INTO search_index (rowid, body)
        VALUES (new.id * 8 + 5, tovana_index_text(new.subject || ' ' || new.place || ' ' || new.notes));
END;
