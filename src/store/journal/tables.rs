//! Which tables the journal records, with their columns.

/// The tables undoable actions change (coding, the codebook, the parts of
/// an evaluation written by hand and what goes with them when they are
/// deleted): name, columns, and how many of the first columns make the
/// primary key. Parents come before their children: rows put back by undo
/// or redo go in that order, so that the tables kept by triggers (each
/// coding's facts, each quote's text, the search index) find what they
/// read. Tables kept by triggers are not here: they follow these.
pub(super) const TABLES: &[(&str, &[&str], usize)] = &[
    (
        "program",
        &["id", "name", "name_en", "organisation", "description"],
        1,
    ),
    (
        "cohort",
        &[
            "id",
            "program",
            "label",
            "ordinal",
            "start",
            "end",
            "participants",
            "notes",
        ],
        1,
    ),
    (
        "cohort_sector",
        &["cohort", "position", "sector", "count"],
        2,
    ),
    (
        "session",
        &[
            "id", "cohort", "ordinal", "kind", "date", "days", "meetings", "place", "subject",
            "notes", "within",
        ],
        1,
    ),
    (
        "instrument",
        &[
            "id",
            "cohort",
            "kind",
            "title",
            "date",
            "occasions",
            "invited",
            "responded",
            "rate",
            "notes",
            "ordinal",
        ],
        1,
    ),
    (
        "instrument_respondents",
        &["instrument", "position", "sector", "count"],
        2,
    ),
    ("respondent", &["id", "instrument", "key"], 1),
    ("respondent_attribute", &["respondent", "name", "value"], 2),
    (
        "question",
        &[
            "id",
            "instrument",
            "ordinal",
            "topic",
            "wording",
            "scale",
            "item",
            "notes",
            "kind",
            "field",
        ],
        1,
    ),
    ("answer", &["question", "respondent", "option", "value"], 2),
    (
        "result",
        &[
            "question", "segment", "kind", "n", "count", "percent", "notes",
        ],
        2,
    ),
    (
        "result_option",
        &["question", "segment", "position", "count", "percent"],
        3,
    ),
    (
        "document",
        &[
            "id",
            "cohort",
            "instrument",
            "kind",
            "title",
            "text",
            "illustrative",
            "notes",
            "guid",
            "notes_guid",
        ],
        1,
    ),
    ("document_attribute", &["document", "name", "value"], 2),
    ("passage", &["id", "document", "start", "end", "text"], 1),
    (
        "code",
        &[
            "id",
            "parent",
            "name",
            "colour",
            "description",
            "memo",
            "guid",
            "memo_guid",
        ],
        1,
    ),
    ("coder", &["id", "name", "guid"], 1),
    (
        "quote",
        &[
            "id",
            "document",
            "start",
            "end",
            "role",
            "guid",
            "memo",
            "memo_guid",
            "respondent",
        ],
        1,
    ),
    (
        "coding",
        &[
            "id",
            "quote",
            "code",
            "coder",
            "memo",
            "created",
            "guid",
            "memo_guid",
        ],
        1,
    ),
    (
        "finding",
        &["id", "cohort", "area", "ordinal", "statement"],
        1,
    ),
    ("finding_question", &["finding", "position", "question"], 2),
    ("finding_code", &["finding", "position", "code"], 2),
    ("finding_quote", &["finding", "position", "quote"], 2),
    (
        "recommendation",
        &["id", "cohort", "phase", "ordinal", "text", "source"],
        1,
    ),
    ("fate", &["recommendation", "cohort", "status", "note"], 2),
];
