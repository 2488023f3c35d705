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

-- How many answered each option of a question (-1: missing; -2: a number
-- given), kept by triggers, so that a list of questions shows each one's
-- figure without counting its answers. A writer of many answers sets the
-- triggers aside (`tovana_indexing()` false) and counts them once after.
CREATE TABLE answer_count (
    question INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
    option   INTEGER NOT NULL,
    count    INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (question, option)
) WITHOUT ROWID;
CREATE TRIGGER answer_count_ai AFTER INSERT ON answer WHEN tovana_indexing() BEGIN
    INSERT INTO answer_count (question, option, count)
        VALUES (new.question, COALESCE(new.option, CASE WHEN new.value IS NULL THEN -1 ELSE -2 END), 1)
        ON CONFLICT (question, option) DO UPDATE SET count = count + 1;
END;
CREATE TRIGGER answer_count_ad AFTER DELETE ON answer WHEN tovana_indexing() BEGIN
    UPDATE answer_count SET count = count - 1
        WHERE question = old.question
          AND option = COALESCE(old.option, CASE WHEN old.value IS NULL THEN -1 ELSE -2 END);
    DELETE FROM answer_count WHERE question = old.question AND count = 0;
END;
CREATE TRIGGER answer_count_au AFTER UPDATE ON answer WHEN tovana_indexing() BEGIN
    UPDATE answer_count SET count = count - 1
        WHERE question = old.question
          AND option = COALESCE(old.option, CASE WHEN old.value IS NULL THEN -1 ELSE -2 END);
    DELETE FROM answer_count WHERE question = old.question AND count = 0;
    INSERT INTO answer_count (question, option, count)
        VALUES (new.question, COALESCE(new.option, CASE WHEN new.value IS NULL THEN -1 ELSE -2 END), 1)
        ON CONFLICT (question, option) DO UPDATE SET count = count + 1;
END;

-- The same counts per value of each attribute of the respondents (the
-- Survey view's split), kept by triggers on the answers and on the
-- attributes; those without the attribute are the rest of answer_count.
CREATE TABLE answer_split (
    question INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    value    TEXT NOT NULL,
    option   INTEGER NOT NULL,
    count    INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (question, name, value, option)
) WITHOUT ROWID;
CREATE TRIGGER answer_split_ai AFTER INSERT ON answer WHEN tovana_indexing() BEGIN
    INSERT INTO answer_split (question, name, value, option, count)
        SELECT new.question, ra.name, ra.value,
               COALESCE(new.option, CASE WHEN new.value IS NULL THEN -1 ELSE -2 END), 1
        FROM respondent_attribute ra WHERE ra.respondent = new.respondent
        ON CONFLICT (question, name, value, option) DO UPDATE SET count = count + 1;
END;
CREATE TRIGGER answer_split_ad AFTER DELETE ON answer WHEN tovana_indexing() BEGIN
    UPDATE answer_split SET count = count - 1
        WHERE question = old.question
          AND option = COALESCE(old.option, CASE WHEN old.value IS NULL THEN -1 ELSE -2 END)
          AND (name, value) IN
              (SELECT name, value FROM respondent_attribute WHERE respondent = old.respondent);
    DELETE FROM answer_split WHERE question = old.question AND count = 0;
END;
CREATE TRIGGER answer_split_au AFTER UPDATE ON answer WHEN tovana_indexing() BEGIN
    UPDATE answer_split SET count = count - 1
        WHERE question = old.question
          AND option = COALESCE(old.option, CASE WHEN old.value IS NULL THEN -1 ELSE -2 END)
          AND (name, value) IN
              (SELECT name, value FROM respondent_attribute WHERE respondent = old.respondent);
    DELETE FROM answer_split WHERE question = old.question AND count = 0;
    INSERT INTO answer_split (question, name, value, option, count)
        SELECT new.question, ra.name, ra.value,
               COALESCE(new.option, CASE WHEN new.value IS NULL THEN -1 ELSE -2 END), 1
        FROM respondent_attribute ra WHERE ra.respondent = new.respondent
        ON CONFLICT (question, name, value, option) DO UPDATE SET count = count + 1;
END;
CREATE TRIGGER attribute_split_ai AFTER INSERT ON respondent_attribute WHEN tovana_indexing() BEGIN
    INSERT INTO answer_split (question, name, value, option, count)
        SELECT a.question, new.name, new.value,
               COALESCE(a.option, CASE WHEN a.value IS NULL THEN -1 ELSE -2 END), count(*)
        FROM answer a WHERE a.respondent = new.respondent GROUP BY 1, 4
        ON CONFLICT (question, name, value, option) DO UPDATE SET count = count + excluded.count;
END;
CREATE TRIGGER attribute_split_ad AFTER DELETE ON respondent_attribute WHEN tovana_indexing() BEGIN
    UPDATE answer_split SET count = count - (
            SELECT count(*) FROM answer a
            WHERE a.respondent = old.respondent AND a.question = answer_split.question
              AND COALESCE(a.option, CASE WHEN a.value IS NULL THEN -1 ELSE -2 END) = answer_split.option)
        WHERE name = old.name AND value = old.value
          AND question IN (SELECT question FROM answer WHERE respondent = old.respondent);
    DELETE FROM answer_split WHERE name = old.name AND value = old.value AND count = 0;
END;
CREATE TRIGGER attribute_split_au AFTER UPDATE ON respondent_attribute WHEN tovana_indexing() BEGIN
    UPDATE answer_split SET count = count - (
            SELECT count(*) FROM answer a
            WHERE a.respondent = old.respondent AND a.question = answer_split.question
              AND COALESCE(a.option, CASE WHEN a.value IS NULL THEN -1 ELSE -2 END) = answer_split.option)
        WHERE name = old.name AND value = old.value
          AND question IN (SELECT question FROM answer WHERE respondent = old.respondent);
    DELETE FROM answer_split WHERE name = old.name AND value = old.value AND count = 0;
    INSERT INTO answer_split (question, name, value, option, count)
        SELECT a.question, new.name, new.value,
               COALESCE(a.option, CASE WHEN a.value IS NULL THEN -1 ELSE -2 END), count(*)
        FROM answer a WHERE a.respondent = new.respondent GROUP BY 1, 4
        ON CONFLICT (question, name, value, option) DO UPDATE SET count = count + excluded.count;
END;
