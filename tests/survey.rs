//! Survey answers row by row: the real exports in `../shared/interop/survey/`
//! (skipped, saying so, where that folder is absent), Hebrew files made here
//! in each tool's layout and each encoding, the errors that name the row and
//! the column and write nothing, every derived figure recounted from the
//! answers, the JSON round trip, and undo of what cascades.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tovana::domain::{Dataset, Id, Item, Part, QuestionKind};
use tovana::interchange::survey::{self, SurveyImportError, SurveyImported};
use tovana::interchange::{demo, from_json, to_json};
use tovana::store::Store;

/// A real export of `../shared/interop/survey/`.
fn interop(name: &str) -> Option<PathBuf> {
    common::interop(&format!("survey/{name}"))
}

struct Here {
    dir: tempfile::TempDir,
    store: Store,
}

/// The demo in a store of its own folder.
fn demo_store() -> Here {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("s.sqlite"), &demo()).unwrap();
    Here { dir, store }
}

impl Here {
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// The guessed map of `file`, written beside it.
    fn map(&self, file: &Path) -> (PathBuf, String) {
        let text = survey::map_text(file).unwrap();
        let p = self.dir.path().join(format!(
            "{}.toml",
            file.file_name().unwrap().to_string_lossy()
        ));
        std::fs::write(&p, &text).unwrap();
        (p, text)
    }

    fn import(&mut self, file: &Path, instrument: &str) -> SurveyImported {
        let (map, _) = self.map(file);
        survey::import_file(&mut self.store, file, &map, instrument).unwrap()
    }
}

/// The questions of an instrument by their column.
fn by_field(d: &Dataset, instrument: Id) -> HashMap<String, tovana::domain::Question> {
    d.questions
        .iter()
        .filter(|q| q.instrument == instrument && !q.field.is_empty())
        .map(|q| (q.field.clone(), q.clone()))
        .collect()
}

/// A question's counts per option, recounted from the dataset's answers.
fn recount(d: &Dataset, question: Id) -> (Vec<u32>, u32) {
    let q = d.questions.iter().find(|q| q.id == question).unwrap();
    let options = d
        .scales
        .iter()
        .find(|s| s.id == q.scale)
        .unwrap()
        .options
        .len();
    let mut counts = vec![0; options];
    let mut missing = 0;
    for a in d.answers.iter().filter(|a| a.question == question) {
        match a.option {
            Some(o) => counts[o as usize] += 1,
            None if a.value.is_none() => missing += 1,
            None => {}
        }
    }
    (counts, missing)
}

/// Every figure the store derives from answers, checked against a recount
/// from the answers themselves: all together, split by each attribute (the
/// segments adding up to the whole), and the counts kept by triggers.
fn check_derived(store: &Store) {
    let d = store.dataset().unwrap();
    let instruments: Vec<Id> = {
        let mut v: Vec<Id> = d.respondents.iter().map(|r| r.instrument).collect();
        v.sort();
        v.dedup();
        v
    };
    for instrument in instruments {
        let attributes = store.respondent_attributes(instrument).unwrap();
        // The kept names of each answered question are its respondents'.
        for q in d.questions.iter().filter(|q| q.instrument == instrument) {
            let names = store.attributes_of_question(q.id).unwrap();
            assert!(names.iter().all(|n| attributes.contains(n)), "{}", q.field);
        }
        let kept = store
            .answer_counts(instrument, |s| {
                d.scales.iter().find(|x| x.id == s).unwrap().options.len()
            })
            .unwrap();
        for q in d.questions.iter().filter(|q| q.instrument == instrument) {
            let options = d
                .scales
                .iter()
                .find(|s| s.id == q.scale)
                .unwrap()
                .options
                .len();
            let (counts, missing) = recount(&d, q.id);
            let all = store.answers_by(q.id, options, None).unwrap();
            if d.answers.iter().all(|a| a.question != q.id) {
                assert!(all.is_empty());
                continue;
            }
            assert_eq!(all.len(), 1);
            assert_eq!(all[0].missing, missing, "{}", q.field);
            if q.kind == QuestionKind::Numeric {
                let mut values: Vec<f64> = d
                    .answers
                    .iter()
                    .filter(|a| a.question == q.id)
                    .filter_map(|a| a.value)
                    .collect();
                values.sort_by(f64::total_cmp);
                assert_eq!(all[0].values, values);
            } else {
                assert_eq!(all[0].counts, counts, "{}", q.field);
                assert_eq!(
                    kept.get(&q.id),
                    Some(&(counts.clone(), missing)),
                    "{}",
                    q.field
                );
            }
            for a in &attributes {
                let split = store.answers_by(q.id, options, Some(a)).unwrap();
                let sum: Vec<u32> = (0..options)
                    .map(|i| split.iter().map(|s| s.counts[i]).sum())
                    .collect();
                assert_eq!(sum, all[0].counts, "{} by {a}", q.field);
                assert_eq!(split.iter().map(|s| s.missing).sum::<u32>(), missing);
                // The same, as kept beside the answers by triggers.
                if q.kind != QuestionKind::Numeric {
                    assert_eq!(
                        store.split_counts(q.id, options, a).unwrap(),
                        split,
                        "{} by {a}, kept",
                        q.field
                    );
                }
                // Each segment recounted from the respondents who carry
                // its value.
                for s in &split {
                    let who: Vec<Id> = d
                        .respondents
                        .iter()
                        .filter(|r| {
                            r.instrument == instrument
                                && r.attributes.get(a).map_or("", String::as_str) == s.label
                        })
                        .map(|r| r.id)
                        .collect();
                    let n = d
                        .answers
                        .iter()
                        .filter(|x| x.question == q.id && who.contains(&x.respondent))
                        .filter(|x| x.option.is_some() || x.value.is_some())
                        .count();
                    assert_eq!(s.n() as usize, n, "{} by {a} = {}", q.field, s.label);
                }
            }
        }
    }
}

// The real exports, with counts read off each file by hand.

/// A real export, the demo's store, and the map guessed for the export
/// (its layout checked); `None` where `../shared` is absent.
fn real(name: &str, layout: &str) -> Option<(Here, PathBuf, String)> {
    let file = interop(name)?;
    let h = demo_store();
    let (_, text) = h.map(&file);
    assert!(text.contains(&format!("layout = \"{layout}\"")), "{text}");
    Some((h, file, text))
}

#[test]
fn google_forms_checkboxes_become_an_item_per_option_and_long_answers_documents() {
    let Some((mut h, file, _)) = real("googleforms_sheets_autistica.csv", "google_forms") else {
        return;
    };
    let done = h.import(&file, "1");
    // 42 rows under the header; the consent and the design question are
    // yes/no, the connection to autism a checkbox of 7 options, the needs
    // an open question answered by 28.
    assert_eq!(done.tally.respondents_new, 42);
    assert_eq!(done.tally.questions_new, 2 + 7);
    assert_eq!(done.tally.documents.len(), 1);
    assert_eq!(done.tally.documents[0].2, 28);
    let d = h.store.dataset().unwrap();
    let q = by_field(&d, 1);
    let autistic = &q["Q2: Do you have a personal connection to autism? [I am autistic]"];
    assert_eq!(autistic.kind, QuestionKind::Choice);
    // 33 cells name "I am autistic", 17 the parent's option (grep -c).
    assert_eq!(recount(&d, autistic.id).0, vec![42 - 33, 33]);
    let parent = &q["Q2: Do you have a personal connection to autism? [I am a parent/ guardian of someone autistic]"];
    assert_eq!(recount(&d, parent.id).0, vec![42 - 17, 17]);
    // Each open answer is its respondent's quote.
    let doc = done.tally.documents[0].0;
    let quotes: Vec<_> = d.quotes.iter().filter(|x| x.document == doc).collect();
    assert_eq!(quotes.len(), 28);
    assert!(quotes.iter().all(|x| x.respondent.is_some()));
    check_derived(&h.store);
}

#[test]
fn qualtrics_three_header_rows_give_names_texts_and_text_entries() {
    let Some((mut h, file, text)) = real("qualtrics_3header_de.csv", "qualtrics") else {
        return;
    };
    assert!(text.contains("id = \"ResponseId\""));
    let done = h.import(&file, "2");
    assert_eq!(done.tally.respondents_new, 1);
    let d = h.store.dataset().unwrap();
    assert_eq!(d.respondents[0].key, "R_2YPOQ602ER1jkf1");
    let q = by_field(&d, 2);
    // Q1 is a choice exported as its code (2); Q2 a text entry (QID2_TEXT).
    assert_eq!(q["Q1"].wording, "This is a multiple choice question.");
    assert_eq!(recount(&d, q["Q1"].id).0, vec![0, 1]);
    assert_eq!(done.tally.documents.len(), 1);
    let doc = d
        .documents
        .iter()
        .find(|x| x.id == done.tally.documents[0].0)
        .unwrap();
    assert_eq!(doc.text, "Hello World!");
    // The metadata (IP address, location…) is not kept.
    assert!(d.respondents[0].attributes.is_empty());
}

#[test]
fn qualcoders_survey_has_a_case_id_an_empty_cell_and_crlf() {
    let Some(file) = interop("qualcoder_example_survey456.csv") else {
        return;
    };
    let mut h = demo_store();
    let done = h.import(&file, "2");
    assert_eq!(done.tally.respondents_new, 3);
    let d = h.store.dataset().unwrap();
    let keys: Vec<&str> = d.respondents.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["ID4", "ID5", "ID6"]);
    let age = &by_field(&d, 2)["Age"];
    assert_eq!(age.kind, QuestionKind::Numeric);
    let all = h.store.answers_by(age.id, 0, None).unwrap();
    assert_eq!(
        (all[0].values.clone(), all[0].missing),
        (vec![24.0, 67.0], 1)
    );
    let by_gender = h.store.answers_by(age.id, 0, Some("Gender")).unwrap();
    let labels: Vec<&str> = by_gender.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["f", "m"]);
    assert_eq!(done.tally.documents[0].2, 3);
    check_derived(&h.store);
}

#[test]
fn limesurvey_responses_read_with_their_structure() {
    let Some((mut h, file, _)) = real("limesurvey2_293446_responses.lsr", "lime_survey") else {
        return;
    };
    let done = h.import(&file, "5");
    // Four responses; the teaching items answered as codes whose labels
    // the .lss gives ("voll" is "trifft voll zu").
    assert_eq!(done.tally.respondents_new, 4);
    let d = h.store.dataset().unwrap();
    let q = by_field(&d, 5);
    let inhalt = &q["lehrkompetenz[inhalt]"];
    assert_eq!(
        inhalt.wording,
        "...kann die Inhalte verständlich darstellen."
    );
    let scale = d.scales.iter().find(|s| s.id == inhalt.scale).unwrap();
    assert_eq!(scale.options[0].label, "trifft voll zu");
    // Responses 1 and 2 said voll and garni; 3 and 4 left it.
    let (counts, missing) = recount(&d, inhalt.id);
    assert_eq!(counts.iter().sum::<u32>() + missing, 4);
    assert_eq!(counts[0], 1);
    let garni = scale
        .options
        .iter()
        .position(|o| o.label == "trifft gar nicht zu")
        .unwrap();
    assert_eq!(counts[garni], 1);
    // A multiple choice (type M): each option a yes/no item.
    let anwesenheit = &q["engagementArt[anwesenheit]"];
    assert_eq!(anwesenheit.kind, QuestionKind::Choice);
    assert_eq!(recount(&d, anwesenheit.id).0[1], 2);
    check_derived(&h.store);
}

// Hebrew files in each tool's layout and encoding, made here.

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

#[test]
fn google_forms_in_hebrew_with_a_mark_crlf_and_checkboxes_joined_by_semicolons() {
    let mut h = demo_store();
    let text = "\u{feff}חותמת זמן,מזהה,מגזר,באיזו מידה רכשת ידע חדש?,מה לקחת?\r\n\
                2017/09/01 10:00:00,1,רשות מקומית,במידה רבה,קשרים;הסיור\r\n\
                2017/09/01 10:05:00,2,רשות מקומית,במידה רבה מאוד,הסיור\r\n\
                2017/09/01 10:07:00,3,ממשלה,במידה מועטה,\"כלים\r\n\"\r\n\
                2017/09/01 10:09:00,4,אשכול,בכלל לא,קשרים;כלים\r\n";
    let file = h.file("gf.csv", text.as_bytes());
    let (_, map) = h.map(&file);
    assert!(map.contains("layout = \"google_forms\""));
    assert!(map.contains("separator = \";\""), "{map}");
    let done = h.import(&file, "2");
    assert_eq!(done.tally.respondents_new, 4);
    let d = h.store.dataset().unwrap();
    let q = by_field(&d, 2);
    let knowledge = &q["באיזו מידה רכשת ידע חדש?"];
    // The report's four options, from "not at all" to "very much".
    assert_eq!(recount(&d, knowledge.id).0, vec![1, 1, 1, 1]);
    assert_eq!(recount(&d, q["מה לקחת? [הסיור]"].id).0, vec![2, 2]);
    assert_eq!(recount(&d, q["מה לקחת? [כלים]"].id).0, vec![2, 2]);
    let by = h.store.answers_by(knowledge.id, 4, Some("מגזר")).unwrap();
    let local = by.iter().find(|s| s.label == "רשות מקומית").unwrap();
    assert_eq!(local.counts, vec![0, 0, 1, 1]);
    check_derived(&h.store);
}

#[test]
fn qualtrics_legacy_export_with_a_mark_a_trailing_comma_in_windows_1255() {
    let mut h = demo_store();
    let text = "V1,V2,V3,Q1,Q2\n\
                ResponseID,ResponseSet,סוג רשות,עד כמה אתה מסכים: התוכנית שינתה את דרכי,ותק\n\
                R_1,Default,מקומית,מסכים,3\n\
                R_2,Default,מרכזית,מסכים מאוד,12\n\
                R_3,Default,מקומית,לא מסכים,7\n";
    let with_commas: String = text.lines().map(|l| format!("{l},\r\n")).collect();
    let (bytes, _, bad) = encoding_rs::WINDOWS_1255.encode(&with_commas);
    assert!(!bad);
    let file = h.file("legacy.csv", &bytes);
    let (_, map) = h.map(&file);
    assert!(map.contains("layout = \"qualtrics_legacy\""), "{map}");
    assert!(map.contains("encoding = \"windows-1255\""));
    assert!(map.contains("id = \"ResponseID\""));
    let done = h.import(&file, "2");
    assert_eq!(done.tally.respondents_new, 3);
    let d = h.store.dataset().unwrap();
    let q = by_field(&d, 2);
    assert_eq!(q["Q1"].wording, "עד כמה אתה מסכים: התוכנית שינתה את דרכי");
    let scale = d.scales.iter().find(|s| s.id == q["Q1"].scale).unwrap();
    assert_eq!(scale.name, "הסכמה");
    assert_eq!(q["Q2"].kind, QuestionKind::Numeric);
    check_derived(&h.store);
}

#[test]
fn survey_monkey_in_utf16_with_tabs_and_an_option_a_column() {
    let mut h = demo_store();
    let text = "Respondent ID\tCollector ID\tStart Date\tמגזר\tמה לקחת מהתוכנית?\t\t\tהערות\n\
                \t\t\tResponse\tקשרים\tכלים\tהסיור\tOpen-Ended Response\n\
                101\t9\t2020-09-01\tרשות\tקשרים\t\tהסיור\tהיה מצוין\n\
                102\t9\t2020-09-01\tממשלה\t\tכלים\t\t\n\
                103\t9\t2020-09-02\tרשות\t\t\t\tנהניתי מאוד מהמפגשים\n";
    let file = h.file("monkey.tsv", &utf16le(text));
    let (_, map) = h.map(&file);
    assert!(map.contains("layout = \"survey_monkey\""), "{map}");
    let done = h.import(&file, "5");
    assert_eq!(done.tally.respondents_new, 3);
    let d = h.store.dataset().unwrap();
    let q = by_field(&d, 5);
    let ties = &q["מה לקחת מהתוכנית? / קשרים"];
    assert_eq!(ties.kind, QuestionKind::Choice);
    assert_eq!(ties.topic, "מה לקחת מהתוכנית?");
    // Respondent 103 chose nothing: missing, not "not chosen".
    assert_eq!(recount(&d, ties.id), (vec![1, 1], 1));
    assert_eq!(done.tally.documents[0].2, 2);
    check_derived(&h.store);
}

#[test]
fn utf16_without_a_byte_order_mark_is_read_too() {
    let mut h = demo_store();
    let text = "id\tsector\tHow much did you learn?\nA\tlocal\tMuch\nB\tcentral\tNot at all\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let file = h.file("plain16.txt", &bytes);
    let (_, map) = h.map(&file);
    assert!(map.contains("encoding = \"utf-16\""), "{map}");
    let done = h.import(&file, "2");
    assert_eq!((done.tally.respondents_new, done.tally.answers), (2, 2));
}

#[test]
fn limesurvey_csv_and_kobo_with_semicolons_and_group_paths() {
    let mut h = demo_store();
    let lime = "id;submitdate;lastpage;startlanguage;token;Q1[SQ001];Q1[SQ002];Q2\n\
                1;2020-09-01;3;he;t1;במידה רבה;בכלל לא;4\n\
                2;2020-09-01;3;he;t2;במידה מועטה;במידה רבה מאוד;5\n";
    let file = h.file("lime.csv", lime.as_bytes());
    let (_, map) = h.map(&file);
    assert!(map.contains("layout = \"lime_survey\""), "{map}");
    assert!(map.contains("delimiter = \";\""));
    let done = h.import(&file, "5");
    assert_eq!(done.tally.respondents_new, 2);
    let d = h.store.dataset().unwrap();
    let q = by_field(&d, 5);
    assert_eq!(q["Q1[SQ001]"].topic, "Q1");
    assert_eq!(q["Q1[SQ001]"].wording, "SQ001");
    let kobo = "start;end;פרטים/מגזר;פרטים/ותק;שאלון/ידע;שאלון/כלים;שאלון/כלים/crm;\
                שאלון/כלים/gis;_uuid;_submission_time\n\
                a;b;רשות;4;במידה רבה;crm gis;1;1;u-1;x\n\
                a;b;אשכול;9;בכלל לא;gis;0;1;u-2;x\n";
    let file = h.file("kobo.csv", kobo.as_bytes());
    let (_, map) = h.map(&file);
    assert!(map.contains("layout = \"kobo\""), "{map}");
    assert!(map.contains("id = \"_uuid\""));
    let done = h.import(&file, "1");
    assert_eq!(done.tally.respondents_new, 2);
    let d = h.store.dataset().unwrap();
    let q = by_field(&d, 1);
    assert_eq!(q["שאלון/ידע"].topic, "שאלון");
    assert_eq!(q["שאלון/ידע"].wording, "ידע");
    // A select_multiple: its options are the columns below it, 1 or 0.
    let crm = &q["שאלון/כלים/crm"];
    assert_eq!(
        (crm.kind, crm.topic.as_str()),
        (QuestionKind::Choice, "שאלון/כלים")
    );
    assert_eq!(recount(&d, crm.id).0, vec![1, 1]);
    assert_eq!(recount(&d, q["שאלון/כלים/gis"].id).0, vec![0, 2]);
    assert!(!q.contains_key("שאלון/כלים"));
    let r = d.respondents.iter().find(|r| r.key == "u-1").unwrap();
    assert_eq!(
        r.attributes.get("פרטים/מגזר").map(String::as_str),
        Some("רשות")
    );
    check_derived(&h.store);
}

// Errors name the row and the column, and nothing is written.

fn refused(h: &mut Here, file: &Path, map: &str) -> String {
    let before = h.store.counts().unwrap();
    let m = h.dir.path().join("edited.toml");
    std::fs::write(&m, map).unwrap();
    let e = survey::import_file(&mut h.store, file, &m, "2").unwrap_err();
    assert_eq!(h.store.counts().unwrap(), before, "nothing written");
    e.to_string()
}

#[test]
fn values_the_map_does_not_read_are_listed_with_their_counts_and_nothing_is_written() {
    let mut h = demo_store();
    let text = "מזהה,ידע\n1,במידה רבה\n2,אולי\n3,אולי\n4,לא יודע\n";
    let file = h.file("odd.csv", text.as_bytes());
    let map = "[source]\nlayout = \"plain\"\nid = \"מזהה\"\n\n\
               [[scale]]\nname = \"במידה\"\noptions = [\n\
               { label = \"בכלל לא\", valence = \"negative\" },\n\
               { label = \"במידה רבה\", valence = \"positive\" },\n]\n\n\
               [[column]]\nname = \"ידע\"\nas = \"rating\"\nscale = \"במידה\"\n";
    let e = refused(&mut h, &file, map);
    assert!(e.contains("\"אולי\" ×2 (first on line 3)"), "{e}");
    assert!(e.contains("\"לא יודע\" ×1 (first on line 5)"), "{e}");
    assert!(e.contains("nothing written"));
    // Told that "לא יודע" means no answer, the same file reads.
    let read = map.replace(
        "id = \"מזהה\"\n",
        "id = \"מזהה\"\nmissing = [\"לא יודע\"]\n",
    );
    let read = read.replace(
        "{ label = \"בכלל לא\", valence = \"negative\" }",
        "{ label = \"בכלל לא\", valence = \"negative\", codes = [\"אולי\"] }",
    );
    let m = h.dir.path().join("fixed.toml");
    std::fs::write(&m, read).unwrap();
    let done = survey::import_file(&mut h.store, &file, &m, "2").unwrap();
    assert_eq!((done.tally.answers, done.tally.missing), (3, 1));
}

#[test]
fn a_repeated_or_empty_id_and_a_column_the_file_lacks_are_named() {
    let mut h = demo_store();
    let file = h.file("ids.csv", "id,גיל\nA,3\nB,4\nA,5\n".as_bytes());
    let base = "[source]\nlayout = \"plain\"\nid = \"id\"\n\n[[column]]\nname = \"גיל\"\nas = \"numeric\"\n";
    let e = refused(&mut h, &file, base);
    assert!(
        e.contains("line 4: column \"id\": id \"A\" is already on line 2"),
        "{e}"
    );
    let file2 = h.file("empty.csv", "id,גיל\nA,3\n,4\n".as_bytes());
    let e = refused(&mut h, &file2, base);
    assert!(e.contains("line 3: column \"id\": no id"), "{e}");
    let e = refused(
        &mut h,
        &file2,
        &base.replace("name = \"גיל\"", "name = \"ותק\""),
    );
    assert!(
        e.contains("column \"ותק\": the file has no such column"),
        "{e}"
    );
    let e = refused(&mut h, &file2, "[source]\nlayout = \"plain\"\nidd = 1\n");
    assert!(e.contains("idd"), "{e}");
    let e = refused(&mut h, &file, &base.replace("numeric", "rating"));
    assert!(e.contains("a rating column needs `scale`"), "{e}");
}

#[test]
fn an_unknown_instrument_is_named_with_those_there_are() {
    let mut h = demo_store();
    let file = h.file("x.csv", b"id,a\n1,2\n");
    let (map, _) = h.map(&file);
    let e = survey::import_file(&mut h.store, &file, &map, "no such").unwrap_err();
    assert!(matches!(e, SurveyImportError::NoInstrument { .. }));
    assert!(e.to_string().contains("שאלון בסוף התוכנית (2)"), "{e}");
}

// Identity, linking, the JSON form and undo.

fn mid_and_end(h: &Here) -> (PathBuf, PathBuf) {
    let mid = "מזהה,מגזר,ידע\nA1,רשות,במידה רבה\nA2,ממשלה,במידה מועטה\nA3,רשות,בכלל לא\n";
    let end = "מזהה,מגזר,ידע\nA1,רשות,במידה רבה מאוד\nA3,רשות,במידה רבה\nA4,אשכול,במידה רבה\n";
    (
        h.file("mid.csv", mid.as_bytes()),
        h.file("end.csv", end.as_bytes()),
    )
}

#[test]
fn the_same_respondent_in_two_instruments_is_linked_and_an_import_again_updates() {
    let mut h = demo_store();
    let (mid, end) = mid_and_end(&h);
    h.import(&mid, "1");
    let done = h.import(&end, "2");
    assert_eq!(done.linked.len(), 1);
    assert_eq!(done.linked[0].1, 2, "A1 and A3 answered both");
    assert!(done.linked[0].0.contains("שאלון באמצע התוכנית"));
    let again = h.import(&end, "2");
    assert_eq!(again.tally.respondents_new, 0);
    assert_eq!(again.tally.respondents_again, 3);
    assert_eq!(again.tally.questions_again, 1);
    let d = h.store.dataset().unwrap();
    assert_eq!(d.respondents.len(), 6);
    assert_eq!(d.answers.len(), 6);
    check_derived(&h.store);
}

#[test]
fn respondents_and_answers_cross_the_json_form_whole() {
    let mut h = demo_store();
    let (mid, _) = mid_and_end(&h);
    h.import(&mid, "1");
    let file = h.file(
        "open.csv",
        "id,מגזר,מה למדת?\n1,רשות,למדתי לעבוד עם ספקים\n2,ממשלה,\n3,רשות,את הקשרים\n".as_bytes(),
    );
    h.import(&file, "2");
    let d = h.store.dataset().unwrap();
    assert!(d.quotes.iter().filter(|q| q.respondent.is_some()).count() == 2);
    let text = to_json(&d);
    let back = from_json(&text).unwrap();
    assert_eq!(back, d);
    let dir = tempfile::tempdir().unwrap();
    let other = Store::create(&dir.path().join("o.sqlite"), &back).unwrap();
    assert_eq!(other.dataset().unwrap(), d);
    check_derived(&other);
    // A version 3 file (no answers) still reads.
    let v3 = to_json(&demo()).replacen("\"version\": 4", "\"version\": 3", 1);
    assert!(from_json(&v3).is_ok());
}

#[test]
fn an_instrument_deleted_takes_its_answers_and_undo_brings_them_back_counted() {
    let mut h = demo_store();
    let (mid, _) = mid_and_end(&h);
    h.import(&mid, "1");
    let before = h.store.dataset().unwrap();
    h.store
        .delete_item(Item {
            part: Part::Instrument,
            id: 1,
        })
        .unwrap();
    let gone = h.store.dataset().unwrap();
    assert!(gone.respondents.is_empty() && gone.answers.is_empty());
    h.store.undo().unwrap().unwrap();
    assert_eq!(h.store.dataset().unwrap(), before);
    check_derived(&h.store);
}

#[test]
fn open_answers_take_their_role_from_an_attribute_the_map_names_again() {
    use tovana::interchange::tables::{Words, by_column};
    use tovana::store::marking::Dimension;
    let mut h = demo_store();
    let file = h.file(
        "open.csv",
        "id,מגזר,ותק,מה למדת מהתוכנית?\n\
         1,רשות,חדש,למדתי לעבוד עם ספקים ולבקש מהם יותר\n\
         2,ממשלה,ותיק,את הקשרים עם אנשים מרשויות אחרות\n\
         3,רשות,ותיק,שהתושב צריך לעמוד במרכז של כל שירות\n"
            .as_bytes(),
    );
    let (map, text) = h.map(&file);
    assert!(text.contains("role = \"מגזר\""), "{text}");
    let first = survey::import_file(&mut h.store, &file, &map, "2").unwrap();
    let (doc, _, quotes) = first.tally.documents[0].clone();
    assert_eq!(quotes, 3);
    // A coder codes the first answer.
    let d = h.store.dataset().unwrap();
    let q = d.quotes.iter().find(|q| q.document == doc).unwrap().clone();
    let code = d.codes[0].id;
    let coder = h.store.coder_named("דנה").unwrap();
    h.store
        .apply_code(doc, q.start as usize, q.end as usize, code, coder)
        .unwrap();
    let roles = |h: &Here| {
        let mut r: Vec<String> = h
            .store
            .dataset()
            .unwrap()
            .quotes
            .iter()
            .filter(|q| q.document == doc)
            .map(|q| q.role.clone())
            .collect();
        r.sort();
        r
    };
    assert_eq!(roles(&h), ["ממשלה", "רשות", "רשות"]);
    // The same file again, its map's role now seniority: the document is
    // kept with its coding, its quotes' roles follow.
    std::fs::write(&map, text.replace("role = \"מגזר\"", "role = \"ותק\"")).unwrap();
    let again = survey::import_file(&mut h.store, &file, &map, "2").unwrap();
    assert_eq!(again.tally.documents_kept.len(), 1);
    assert_eq!(again.tally.roles_changed, 3);
    assert_eq!(roles(&h), ["ותיק", "ותיק", "חדש"]);
    let table = by_column(&h.store, &Dimension::Role, None, false, &Words::EN).unwrap();
    assert!(
        table.columns.iter().any(|c| c == "חדש"),
        "{:?}",
        table.columns
    );
    let d = h.store.dataset().unwrap();
    assert!(
        d.codings
            .iter()
            .any(|c| c.quote == q.id && c.coder == coder)
    );
}

#[test]
fn a_limesurvey_archive_reads_as_its_two_files_do() {
    let (Some(lss), Some(lsr)) = (
        interop("limesurvey2_293446.lss"),
        interop("limesurvey2_293446_responses.lsr"),
    ) else {
        return;
    };
    let mut h = demo_store();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, path) in [("survey_293446.lss", &lss), ("responses_293446.lsr", &lsr)] {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, &std::fs::read(path).unwrap()).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    let lsa = h.file("survey_293446.lsa", &bytes);
    let (_, from_archive) = h.map(&lsa);
    let (_, from_files) = h.map(&lsr);
    let body = |t: &str| t.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&from_archive), body(&from_files));
    let done = h.import(&lsa, "5");
    assert_eq!(done.tally.respondents_new, 4);
    // Responses alone, with no structure beside them, are refused by name.
    let alone = h.file("alone_responses.lsr", &std::fs::read(&lsr).unwrap());
    std::fs::remove_file(h.dir.path().join("survey_293446.lsa")).unwrap();
    let e = survey::map_text(&alone).unwrap_err().to_string();
    assert!(e.contains("need the survey's structure (.lss)"), "{e}");
}

#[test]
fn a_split_by_a_numeric_attribute_is_shown_in_bands() {
    use tovana::interchange::tables::{Words, answers_table};
    let mut h = demo_store();
    let mut text = String::from("id,ותק,ידע\n");
    for n in 1..=30 {
        let label = if n % 3 == 0 {
            "בכלל לא"
        } else {
            "במידה רבה"
        };
        text.push_str(&format!("R{n},{n},{label}\n"));
    }
    let file = h.file("years.csv", text.as_bytes());
    let (map, guessed) = h.map(&file);
    // Years guessed a number; as an attribute, they split in bands.
    let text = guessed.replacen(
        "name = \"ותק\"\nas = \"numeric\"",
        "name = \"ותק\"\nas = \"attribute\"",
        1,
    );
    std::fs::write(&map, text).unwrap();
    survey::import_file(&mut h.store, &file, &map, "2").unwrap();
    let t = answers_table(&h.store, 2, Some("ותק"), &[], &Words::EN).unwrap();
    let bands: Vec<&str> = t.rows.iter().map(|r| r.cells[1].text.as_str()).collect();
    assert_eq!(bands, ["1–5", "6–10", "11–15", "16–20", "21–25", "26–30"]);
    // Each band of five holds one or two "not at all" (every third).
    let n: Vec<&str> = t.rows.iter().map(|r| r.cells[2].text.as_str()).collect();
    assert_eq!(n, ["5"; 6]);
    check_derived(&h.store);
}

/// The respondents a search for `typed` finds, by their id in the file.
fn respondents_found(store: &Store, typed: &str) -> Vec<String> {
    let hits = store.search(typed, 50).unwrap();
    let mut keys: Vec<String> = hits
        .iter()
        .filter(|h| h.kind == tovana::domain::HitKind::Respondent)
        .map(|h| {
            store
                .respondent_card(h.id)
                .unwrap()
                .expect("a hit's respondent")
                .key
        })
        .collect();
    keys.sort();
    keys
}

#[test]
fn respondents_are_found_by_id_and_attribute_and_open_whole() {
    let mut h = demo_store();
    let (mid, end) = mid_and_end(&h);
    h.import(&mid, "1");
    h.import(&end, "2");
    // By id, with the file's punctuation: A1 answered both instruments.
    assert_eq!(respondents_found(&h.store, "A1"), vec!["A1", "A1"]);
    // By an attribute's value, its prefixes aside (ברשות finds רשות).
    assert_eq!(
        respondents_found(&h.store, "ברשות"),
        vec!["A1", "A1", "A3", "A3"]
    );
    assert_eq!(respondents_found(&h.store, "אשכול"), vec!["A4"]);
    // A hit's text says who, where, and with what.
    let hit = h
        .store
        .search("אשכול", 10)
        .unwrap()
        .into_iter()
        .find(|h| h.kind == tovana::domain::HitKind::Respondent)
        .unwrap();
    assert!(hit.text.starts_with("A4 · "), "{}", hit.text);
    assert!(hit.text.contains("מגזר: אשכול"), "{}", hit.text);
    // The card: attributes, each answer as its label, and where else the
    // same id answered.
    let a1 = h
        .store
        .search("A1", 10)
        .unwrap()
        .into_iter()
        .find(|x| x.kind == tovana::domain::HitKind::Respondent)
        .unwrap();
    let card = h.store.respondent_card(a1.id).unwrap().unwrap();
    assert_eq!(card.attributes, vec![("מגזר".into(), "רשות".into())]);
    assert_eq!(card.answers.len(), 1);
    let label = match &card.answers[0].given {
        tovana::store::respondents::Given::Option(l) => l.clone(),
        other => panic!("{other:?}"),
    };
    assert!(label.starts_with("במידה רבה"), "{label}");
    assert_eq!(card.elsewhere.len(), 1, "A1 answered the other one too");
    // Another value written by an import again is found instead.
    let changed = h.file(
        "end2.csv",
        "מזהה,מגזר,ידע\nA4,מועצה אזורית,במידה רבה\n".as_bytes(),
    );
    h.import(&changed, "2");
    assert!(respondents_found(&h.store, "אשכול").is_empty());
    assert_eq!(respondents_found(&h.store, "אזורית"), vec!["A4"]);
    // Through the JSON form and back, as found as before.
    let d = h.store.dataset().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let other = Store::create(&dir.path().join("o.sqlite"), &d).unwrap();
    assert_eq!(respondents_found(&other, "אזורית"), vec!["A4"]);
    // An instrument deleted takes its respondents out of the search; undo
    // brings them back.
    h.store
        .delete_item(Item {
            part: Part::Instrument,
            id: 2,
        })
        .unwrap();
    assert!(respondents_found(&h.store, "אזורית").is_empty());
    assert_eq!(respondents_found(&h.store, "A1"), vec!["A1"]);
    h.store.undo().unwrap().unwrap();
    assert_eq!(respondents_found(&h.store, "אזורית"), vec!["A4"]);
}

#[test]
fn a_respondents_card_holds_missing_answers_numbers_and_open_answers() {
    let mut h = demo_store();
    let file = h.file(
        "card.csv",
        "id,מגזר,ותק,ידע,מה למדת?\nR1,רשות,12,במידה רבה,לעבוד עם ספקים\nR2,ממשלה,3,,\n\
         R3,רשות,7,בכלל לא,לנהל פרויקט דיגיטלי מההתחלה עד הסוף\n"
            .as_bytes(),
    );
    h.import(&file, "2");
    let id = |key: &str| {
        h.store
            .search(key, 10)
            .unwrap()
            .into_iter()
            .find(|x| x.kind == tovana::domain::HitKind::Respondent)
            .unwrap()
            .id
    };
    use tovana::store::respondents::Given;
    let r1 = h.store.respondent_card(id("R1")).unwrap().unwrap();
    let given: Vec<&Given> = r1.answers.iter().map(|a| &a.given).collect();
    assert!(given.contains(&&Given::Number(12.0)), "{given:?}");
    assert!(
        given.contains(&&Given::Option("במידה רבה".into())),
        "{given:?}"
    );
    assert_eq!(r1.open.len(), 1);
    assert_eq!(r1.open[0].2, "לעבוד עם ספקים");
    let r2 = h.store.respondent_card(id("R2")).unwrap().unwrap();
    assert!(
        r2.answers.iter().any(|a| a.given == Given::Missing),
        "{:?}",
        r2.answers
    );
    assert!(r2.open.is_empty(), "an empty open answer is no quote");
    assert!(h.store.respondent_card(999_999).unwrap().is_none());
}

#[test]
fn qualtrics_choices_exported_as_codes_are_named_in_the_map_and_counted_per_option() {
    let mut h = demo_store();
    // Qualtrics' numeric export: three header rows, the choices chosen as
    // their codes joined by a bare comma.
    let text = "ResponseId,Q1,Q2\n\
                Response ID,Sector,Which tools do you use? - Selected Choice\n\
                {\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID1\"},{\"ImportId\":\"QID2\"}\n\
                R_1,local,\"1,3\"\n\
                R_2,central,2\n\
                R_3,local,\"1,2,3\"\n\
                R_4,local,\n";
    let file = h.file("codes.csv", text.as_bytes());
    let (_, guessed) = h.map(&file);
    assert!(
        guessed.contains("codes = [\"1\", \"2\", \"3\"]"),
        "{guessed}"
    );
    assert!(guessed.contains("write each option's label"), "{guessed}");
    let named = guessed.replacen(
        "options = [\"1\", \"2\", \"3\"]",
        "options = [\"Excel\", \"Power BI\", \"Monday\"]",
        1,
    );
    let m = h.dir.path().join("named.toml");
    std::fs::write(&m, &named).unwrap();
    survey::import_file(&mut h.store, &file, &m, "2").unwrap();
    let d = h.store.dataset().unwrap();
    let q = by_field(&d, 2);
    let chosen = |option: &str| {
        let id = q
            .values()
            .find(|x| x.wording == option)
            .unwrap_or_else(|| panic!("{option} in {q:?}"))
            .id;
        let on = d
            .answers
            .iter()
            .filter(|a| a.question == id && a.option == Some(1))
            .count();
        let missing = d
            .answers
            .iter()
            .filter(|a| a.question == id && a.option.is_none())
            .count();
        (on, missing)
    };
    // Recounted from the file by hand: Excel R_1, R_3; Power BI R_2, R_3;
    // Monday R_1, R_3; R_4 left it.
    assert_eq!(chosen("Excel"), (2, 1));
    assert_eq!(chosen("Power BI"), (2, 1));
    assert_eq!(chosen("Monday"), (2, 1));
    check_derived(&h.store);
    // Codes and options that do not pair up are named, nothing written.
    let wrong = named.replacen("codes = [\"1\", \"2\", \"3\"]", "codes = [\"1\", \"2\"]", 1);
    let e = refused(&mut h, &file, &wrong);
    assert!(e.contains("2 codes for 3 options"), "{e}");
    assert!(e.contains("Q2"), "{e}");
}
