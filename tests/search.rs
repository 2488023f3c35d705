//! Search over the demo store: Hebrew prefixes, points ignored, results
//! grouped by kind.

use tovana::domain::Dataset;
use tovana::interchange::demo;
use tovana::store::Store;
use tovana::store::search::{HitKind, fold};

fn store_of(d: &Dataset) -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::create(&dir.path().join("s.sqlite"), d).unwrap();
    (s, dir)
}

#[test]
fn a_word_is_found_with_the_prefixes_hebrew_glues_on() {
    let (s, _dir) = store_of(&demo());
    let hits = s.search("רשות", 50).unwrap();
    let texts: Vec<&str> = hits.iter().map(|h| h.text.as_str()).collect();
    // The bare word never stands alone in these texts: every hit came through a prefix.
    for form in ["ברשות", "הרשות", "לרשות"] {
        assert!(
            texts.iter().any(|t| t.contains(form)),
            "{form} in {texts:?}"
        );
    }
    // Two and three prefix letters too.
    for text in ["עובדים שברשות קטנה", "ומהרשות הגדולה יצאו"] {
        let mut d = demo();
        d.findings[0].statement = text.into();
        let (s2, _dir2) = store_of(&d);
        let found = s2.search_kind("רשות", HitKind::Finding, 10).unwrap();
        assert!(found.iter().any(|h| h.id == 1), "{text}: {found:?}");
    }
    // A different word that merely contains the letters is not a prefixed form.
    let mut d = demo();
    d.findings[0].statement = "ברשויות".into();
    let (s3, _dir3) = store_of(&d);
    let found = s3.search_kind("רשות", HitKind::Finding, 10).unwrap();
    assert!(!found.iter().any(|h| h.id == 1), "{found:?}");
}

#[test]
fn points_are_ignored_on_both_sides() {
    let mut d = demo();
    d.findings[0].statement = "הַמִּשְׁתַּתְּפִים לָמְדוּ כֵּלִים חֲדָשִׁים".into();
    let (s, _dir) = store_of(&d);
    // A plain query finds pointed text...
    let hits = s.search_kind("כלים חדשים", HitKind::Finding, 10).unwrap();
    assert_eq!(hits.first().map(|h| h.id), Some(1), "{hits:?}");
    // ...and the hit shows the text as stored, points and all.
    assert!(hits[0].text.contains("כֵּלִים"));
    // A pointed query finds plain text.
    let hits = s.search_kind("פִּרְסוּם", HitKind::Recommendation, 10).unwrap();
    assert!(!hits.is_empty());
    assert!(fold(&hits[0].text).contains("פרסום"));
}

#[test]
fn hits_come_grouped_by_kind_and_every_word_must_match() {
    let (s, _dir) = store_of(&demo());
    let hits = s.search("כלים", 20).unwrap();
    let kinds: Vec<HitKind> = hits.iter().map(|h| h.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "grouped in the order of HitKind::ALL");
    for k in [
        HitKind::Finding,
        HitKind::Recommendation,
        HitKind::Quote,
        HitKind::Question,
    ] {
        assert!(kinds.contains(&k), "{k:?} among {kinds:?}");
    }
    let narrower = s.search("כלים דיגיטליים", 20).unwrap();
    assert!(!narrower.is_empty() && narrower.len() < hits.len());
    for h in &narrower {
        let t = fold(&h.text);
        assert!(t.contains("כלי") && t.contains("דיגיטלי"), "{}", h.text);
    }
    assert!(s.search("   ", 20).unwrap().is_empty());
    assert!(s.search("זהלאמופיעבשוםמקום", 20).unwrap().is_empty());
}

#[test]
fn sessions_and_english_terms_are_found() {
    let (s, _dir) = store_of(&demo());
    let sessions = s.search_kind("דנמרק", HitKind::Session, 5).unwrap();
    assert_eq!(sessions.len(), 1);
    let agile = s.search("agile", 20).unwrap();
    assert!(
        agile
            .iter()
            .any(|h| h.kind == HitKind::Question || h.kind == HitKind::Quote)
    );
}

#[test]
fn the_index_follows_changes_to_the_data() {
    let (mut s, _dir) = store_of(&demo());
    let mut d = s.dataset().unwrap();
    d.findings[0].statement = "ממצא חדש לגמרי על תצפיות".into();
    s.replace_all(&d).unwrap();
    assert_eq!(
        s.search_kind("לגמרי", HitKind::Finding, 5).unwrap().len(),
        1
    );
    d.findings.remove(0);
    s.replace_all(&d).unwrap();
    assert!(
        s.search_kind("לגמרי", HitKind::Finding, 5)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_query_matching_more_than_is_ranked_says_so_and_still_answers() {
    let size = tovana::synth::Size {
        long_documents: false,
        ..tovana::synth::Size::of_quotes(3_000)
    };
    let (s, _dir) = store_of(&tovana::synth::generate(5, size));
    // One letter: nearly every quote holds a word that begins with it.
    let (hits, more) = s.search_first("ו", 8).unwrap();
    assert!(more, "more than {} matches", tovana::store::search::RANKED);
    assert!(!hits.is_empty());
    for kind in HitKind::ALL {
        assert!(hits.iter().filter(|h| h.kind == kind).count() <= 8);
    }
    // A word few texts hold: every match ranked, none left out.
    let (hits, more) = s.search_first("Tallinn", 50).unwrap();
    assert!(!more);
    assert_eq!(
        hits.iter().filter(|h| h.kind == HitKind::Session).count(),
        size.cohorts.min(50),
        "one study tour per cohort"
    );
}

#[test]
fn a_store_from_version_4_is_searched_and_measured_the_same_after_upgrading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let before = {
        let s = Store::create(&path, &demo()).unwrap();
        s.search("רשות", 50).unwrap()
    };
    assert!(!before.is_empty());
    // The index as version 4 made it, and the version said. (The index
    // keeps no copy of its text since version 21: each row's words are read
    // back from its vocabulary.)
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        // (No tovana function is registered here, as in the sqlite3 shell:
        // the schema must still let a table be altered.)
        c.execute_batch(
            "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search_index, instance);
             CREATE TEMP TABLE k AS SELECT doc AS id, group_concat(term, ' ' ORDER BY offset) AS body
                 FROM temp.v GROUP BY doc;
             DROP TABLE temp.v;
             DROP TABLE search_index;
             CREATE VIRTUAL TABLE search_index USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
             INSERT INTO search_index (rowid, body) SELECT id, body FROM temp.k;
             DROP INDEX quote_by_end; DROP INDEX quote_malformed; DROP INDEX document_by_cohort;
             DROP INDEX quote_by_respondent; ALTER TABLE quote DROP COLUMN respondent;
             DROP INDEX question_by_field; ALTER TABLE question DROP COLUMN field;
             ALTER TABLE question DROP COLUMN kind;
             DROP TRIGGER respondent_index_ai; DROP TRIGGER respondent_index_ad;
             DROP TRIGGER respondent_index_au; DROP TRIGGER respondent_attribute_index_ai;
             DROP TRIGGER respondent_attribute_index_ad; DROP TRIGGER respondent_attribute_index_au;
             DROP TABLE respondent_index;
             DROP TABLE answer_split; DROP TABLE answer_count;
             DROP TABLE answer; DROP TABLE respondent_attribute; DROP TABLE respondent;
             DROP TRIGGER code_search_ai; DROP TRIGGER code_search_ad; DROP TRIGGER code_search_au;
             DROP INDEX code_by_guid; DROP INDEX coder_by_guid; DROP INDEX document_by_guid;
             DROP INDEX quote_by_guid; DROP INDEX coding_by_guid;
             DROP TRIGGER code_guid_ai; DROP TRIGGER coder_guid_ai; DROP TRIGGER document_guid_ai;
             DROP TRIGGER quote_guid_ai; DROP TRIGGER coding_guid_ai;
             ALTER TABLE code DROP COLUMN guid; ALTER TABLE code DROP COLUMN memo_guid;
             ALTER TABLE coder DROP COLUMN guid;
             ALTER TABLE document DROP COLUMN guid; ALTER TABLE document DROP COLUMN notes_guid;
             ALTER TABLE quote DROP COLUMN guid; ALTER TABLE quote DROP COLUMN memo;
             ALTER TABLE quote DROP COLUMN memo_guid;
             ALTER TABLE coding DROP COLUMN guid; ALTER TABLE coding DROP COLUMN memo_guid;
             DROP TABLE document_attribute;
             DROP TRIGGER document_search_ai; DROP TRIGGER document_search_ad;
             DROP TRIGGER document_search_au;
             DELETE FROM temp.k WHERE id % 8 IN (0, 6, 7);
             DELETE FROM search_index WHERE rowid % 8 IN (0, 6, 7);
             DROP TRIGGER passage_search_ai; DROP TRIGGER passage_search_ad; DROP TABLE passage;
             DROP TRIGGER quote_text_ai; DROP TRIGGER quote_text_au; DROP TRIGGER quote_text_ad;
             DROP TRIGGER document_quote_text_au; DROP TABLE quote_text;
             DROP TRIGGER coding_fact_ai; DROP TRIGGER coding_fact_ad; DROP TRIGGER coding_fact_au;
             DROP TRIGGER quote_fact_au; DROP TRIGGER document_fact_au; DROP TABLE coding_fact;
             DROP TRIGGER document_info_ai; DROP TRIGGER document_info_au;
             DROP TRIGGER document_info_ad; DROP TRIGGER document_info_illustrative_au;
             DROP TABLE document_info;
             ALTER TABLE instrument DROP COLUMN rate;
             ALTER TABLE instrument DROP COLUMN ordinal;
             ALTER TABLE session DROP COLUMN within;
             DROP TABLE finding_quote;
             DROP TRIGGER recommendation_ai; DROP TRIGGER recommendation_au;
             ALTER TABLE recommendation ADD COLUMN uptake TEXT NOT NULL DEFAULT 'unknown';
             ALTER TABLE recommendation ADD COLUMN uptake_note TEXT NOT NULL DEFAULT '';
             UPDATE recommendation SET
                 uptake = COALESCE((SELECT status FROM fate WHERE recommendation = recommendation.id), 'unknown'),
                 uptake_note = COALESCE((SELECT note FROM fate WHERE recommendation = recommendation.id), '');
             DROP TABLE fate;
             CREATE TRIGGER recommendation_ai AFTER INSERT ON recommendation BEGIN SELECT 1; END;
             CREATE TRIGGER recommendation_au AFTER UPDATE ON recommendation BEGIN SELECT 1; END;
             PRAGMA user_version = 4;",
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.search("רשות", 50).unwrap(), before);
    // Version 7 made a fact of every coding; version 19 gave every code a
    // GUID of its own (a new one, in a store that had none).
    let without_guids = |mut rows: Vec<(tovana::domain::Code, _)>| {
        for (c, _) in &mut rows {
            assert_eq!(c.guid.len(), 36, "{c:?}");
            c.guid.clear();
        }
        rows
    };
    assert_eq!(without_guids(s.codebook(None).unwrap()), {
        let fresh = tempfile::tempdir().unwrap();
        without_guids(
            Store::create(&fresh.path().join("f.sqlite"), &demo())
                .unwrap()
                .codebook(None)
                .unwrap(),
        )
    });
    // Version 6 measured every document once.
    let rows = s.document_rows().unwrap();
    let data = demo();
    for d in &data.documents {
        let row = rows.iter().find(|r| r.id == d.id).unwrap();
        assert_eq!(row.chars, d.text.chars().count(), "{}", d.title);
    }
    drop(s);
    let sql: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'search_index'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(sql.contains("prefix"), "{sql}");
}

#[test]
fn codes_and_documents_are_found_by_their_names_descriptions_and_titles() {
    let mut d = demo();
    d.codes[0].description = "עבודה עם מחלקת הרווחה".into();
    d.codes[1].memo = "לבדוק שוב מול הצוות".into();
    d.documents[0].title = "קבוצת המיקוד בחיפה".into();
    let (mut s, _dir) = store_of(&d);
    let found = |s: &Store, q: &str, kind: HitKind| -> Vec<i64> {
        s.search(q, 20)
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.id)
            .collect()
    };
    // A word of the description, with a prefix the text does not have.
    assert_eq!(found(&s, "והרווחה", HitKind::Code), vec![d.codes[0].id]);
    assert_eq!(found(&s, "הצוות לבדוק", HitKind::Code), vec![d.codes[1].id]);
    assert_eq!(
        found(&s, "בחיפה", HitKind::Document),
        vec![d.documents[0].id]
    );
    // By its name; and the index follows a rename.
    let name = d.codes[2].name.clone();
    assert!(found(&s, &name, HitKind::Code).contains(&d.codes[2].id));
    s.rename_code(d.codes[2].id, "שם חדש לגמרי").unwrap();
    assert!(!found(&s, &name, HitKind::Code).contains(&d.codes[2].id));
    assert_eq!(found(&s, "לגמרי", HitKind::Code), vec![d.codes[2].id]);
}

/// A transcript of a preface, two turns with their labels and a closing
/// line, added as the transcript importer adds one: each turn a quote with
/// its role.
fn with_transcript() -> (Store, tempfile::TempDir, i64, &'static str) {
    let (mut s, dir) = store_of(&demo());
    let text = "פתח דבר על הקבוצה בעיריית אופקים\n\nמנחה: ברוכים הבאים לסיכום\n\nדנה: הלמידה עזרה לי\n\nסוף המפגש בשעה מאוחרת";
    let span = |part: &str| {
        let at = text.find(part).unwrap();
        let start = text[..at].chars().count() as u32;
        (start, start + part.chars().count() as u32)
    };
    let turn = |part: &str, role: &str| {
        let (s, e) = span(part);
        (s, e, role.to_string())
    };
    let doc = s
        .add_document(&tovana::store::documents::NewDocument {
            cohort: 1,
            instrument: None,
            kind: tovana::domain::DocumentKind::Transcript,
            title: "קבוצה של הצוות",
            text,
            quotes: vec![
                turn("ברוכים הבאים לסיכום", "מנחה"),
                turn("הלמידה עזרה לי", "דנה"),
            ],
        })
        .unwrap();
    (s, dir, doc, text)
}

#[test]
fn text_outside_quotes_is_found_as_passages_and_speaker_labels_are_not() {
    let (s, _dir, doc, text) = with_transcript();
    let check = |s: &Store, after: &str| {
        let found = s.search_kind("אופקים", HitKind::Passage, 10).unwrap();
        assert_eq!(found.len(), 1, "{after}: {found:?}");
        assert_eq!(found[0].text, "פתח דבר על הקבוצה בעיריית אופקים", "{after}");
        // Through a prefix too, and the last line; it opens where it is.
        let last = s.search_kind("והמפגש", HitKind::Passage, 10).unwrap();
        assert_eq!(last.len(), 1, "{after}: {last:?}");
        let (at_doc, start) = s.passage_place(last[0].id).unwrap();
        assert_eq!(at_doc, doc, "{after}");
        let from: String = text.chars().skip(start).collect();
        assert_eq!(from, "סוף המפגש בשעה מאוחרת", "{after}");
        // A turn's words are its quote's, not a passage's; its label is
        // the quote's role, not text.
        assert!(
            s.search_kind("ברוכים", HitKind::Passage, 10)
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            s.search_kind("ברוכים", HitKind::Quote, 10).unwrap().len(),
            1
        );
        // (The demo's own focus group has the moderator's questions, which
        // nobody quoted, as passages: they are found.)
        for role in ["מנחה", "דנה"] {
            let hits = s.search_kind(role, HitKind::Passage, 500).unwrap();
            let here: Vec<_> = hits
                .iter()
                .filter(|h| s.passage_place(h.id).unwrap().0 == doc)
                .collect();
            assert!(here.is_empty(), "{after}: {role}: {here:?}");
        }
        let questions = s.search_kind("מנחה", HitKind::Passage, 50).unwrap();
        assert!(
            questions.iter().any(|h| h.text.contains("הקורונה")),
            "{after}"
        );
    };
    check(&s, "added as a transcript");
    // Written again as a whole store (an import of its JSON).
    let data = s.dataset().unwrap();
    let (again, _dir2) = store_of(&data);
    // Ids of passages may differ; what is found may not.
    let doc2 = again
        .document_rows()
        .unwrap()
        .iter()
        .find(|r| r.title == "קבוצה של הצוות")
        .unwrap()
        .id;
    assert_eq!(doc2, doc);
    check(&again, "imported as JSON");
}

#[test]
fn case_latin_diacritics_and_punctuation_are_matched_as_the_index_parts_them() {
    let mut d = demo();
    d.findings[0].statement = "סדנה ב־École Polytechnique על שת״פ ו־Power-BI".into();
    let (s, _dir) = store_of(&d);
    let found = |q: &str| {
        s.search_kind(q, HitKind::Finding, 10)
            .unwrap()
            .iter()
            .any(|h| h.id == 1)
    };
    // Case and the accent aside, either way round.
    assert!(found("ecole"));
    assert!(found("ÉCOLE"));
    assert!(found("polytechnique"));
    // Maqaf and hyphen part words: the word after them is found, and so
    // are both parts typed with the hyphen.
    assert!(found("power-bi"));
    assert!(found("bi"));
    // Gershayim part an acronym as they did: typed whole, it is found.
    assert!(found("שת״פ"));
    // A word that is not there is not.
    assert!(!found("ecoles"));
    // Whatever is typed, nothing of it is FTS5 syntax.
    for odd in ["\"", "*", "(a", "NEAR(", "a:b", "^x", "'", "-"] {
        assert!(s.search(odd, 10).is_ok(), "{odd}");
    }
}
