-- Migration 20: survey answers row by row (see sql.rs).
CREATE TABLE respondent (
    id         INTEGER PRIMARY KEY,
    instrument INTEGER NOT NULL REFERENCES instrument(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    UNIQUE (instrument, key)
);
CREATE INDEX respondent_by_key ON respondent (key);

CREATE TABLE respondent_attribute (
    respondent INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (respondent, name)
) WITHOUT ROWID;
CREATE INDEX respondent_attribute_by_name ON respondent_attribute (name, value, respondent);

-- `option` is the position of the chosen option in the question's scale,
-- `value` a number; both NULL: the answer is missing.
CREATE TABLE answer (
    question   INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
    respondent INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
    option     INTEGER CHECK (option >= 0),
    value      REAL,
    PRIMARY KEY (question, respondent)
) WITHOUT ROWID;
CREATE INDEX answer_by_respondent ON answer (respondent, question);

ALTER TABLE question ADD COLUMN kind TEXT NOT NULL DEFAULT 'rating'
    CHECK (kind IN ('rating', 'choice', 'numeric'));
ALTER TABLE question ADD COLUMN field TEXT NOT NULL DEFAULT '';
CREATE INDEX question_by_field ON question (instrument, field) WHERE field <> '';
ALTER TABLE quote ADD COLUMN respondent INTEGER REFERENCES respondent(id) ON DELETE SET NULL;
CREATE INDEX quote_by_respondent ON quote (respondent) WHERE respondent IS NOT NULL;
