//! REFI-QDA: the real exports in `../shared/interop/` (skipped, saying so,
//! where that folder is absent), each quirk of real files and each hostile
//! archive in a small file made here, exports checked against the
//! standard's schema by xmllint, and the round trip.

mod common;

use common::interop;
use common::qda::*;
use std::path::Path;
use tovana::domain::Dataset;
use tovana::interchange::qda::import::Skip;
use tovana::interchange::qda::positions::Unit;
use tovana::interchange::qda::{self, Options};
use tovana::store::Store;

/// Imports `file` into a new empty store.
fn import_new(file: &Path, opts: &Options) -> (Store, qda::Summary, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(&dir.path().join("s.sqlite"), &Dataset::default()).unwrap();
    let s = qda::import(&mut store, file, opts).unwrap();
    (store, s, dir)
}

fn counts(store: &Store) -> [usize; 5] {
    let d = store.dataset().unwrap();
    [
        d.codes.len(),
        d.coders.len(),
        d.documents.len(),
        d.quotes.len(),
        d.codings.len(),
    ]
}

// Counts read off each file by hand: codes, users, text sources, the
// selections in them and their codings.

#[test]
fn atlas_ti_8_4_brings_its_codebook_and_users_and_names_the_missing_sources() {
    for name in ["atlasti-8.4-export.qdpx", "atlasti-8.4-export.qde"] {
        let Some(file) = interop(name) else { return };
        let (store, s, _dir) = import_new(&file, &Options::default());
        let d = store.dataset().unwrap();
        assert_eq!(d.codes.len(), 14, "{name}");
        assert_eq!(d.coders.len(), 3);
        assert!(d.coders.iter().any(|c| c.name == "Friedrich Markgraf"));
        // The six text sources' plain texts are not in the file: each is
        // named, with its six selections and seven codings.
        let missing: Vec<&str> = s
            .skipped
            .iter()
            .filter(|(why, _)| matches!(why, Skip::Missing(_)))
            .map(|(_, n)| n.as_str())
            .collect();
        assert_eq!(missing.len(), 6, "{missing:?}");
        assert!(missing.contains(&"Mabel.txt"));
        assert_eq!((s.selections_left_out, s.codings_left_out), (6, 7));
        // Picture, PDF, audio and video sources: skipped, named.
        let kinds = s
            .skipped
            .iter()
            .filter(|(why, _)| matches!(why, Skip::Kind(_)))
            .count();
        assert_eq!(kinds, 6);
        assert_eq!(d.quotes.len(), 0);
        // A description, a colour, and the one code without a colour given one.
        let coke = d.codes.iter().find(|c| c.name == "Coke").unwrap();
        assert_eq!(coke.description, "the breakfast of champions");
        assert_eq!(coke.colour, "#966450");
        assert_eq!(coke.guid, "7496ba52-9c8d-4396-8fab-cc438614e453");
        let milk = d.codes.iter().find(|c| c.name == "milk").unwrap();
        assert!(milk.colour.starts_with('#') && milk.colour.len() == 7);
        // The two notes nothing points at are kept as field notes.
        assert_eq!(s.notes_as_documents, 2);
        assert_eq!(s.sets.len(), 16);
    }
}

#[test]
fn maxqda_24_brings_its_307_codes_tree_and_ten_sources() {
    let Some(file) = interop("refi/maxqda24_icls_just10.qdpx") else {
        return;
    };
    let (store, s, _dir) = import_new(&file, &Options::default());
    assert_eq!(counts(&store), [307, 1, 10, 0, 0]);
    let d = store.dataset().unwrap();
    // Parents marked codable stay parents; children sit under them.
    let parent = d
        .codes
        .iter()
        .find(|c| c.name == "Additional Themes and Ideas")
        .unwrap();
    assert!(
        d.codes
            .iter()
            .filter(|c| c.parent == Some(parent.id))
            .count()
            > 3
    );
    assert_eq!(parent.colour, "#ef8256");
    // The texts are read from `sources/`, whose files are named by GUID.
    let doc = d
        .documents
        .iter()
        .find(|x| x.guid == "dfba1bb6-2213-427b-819d-35408645187d")
        .unwrap();
    assert!(doc.text.len() > 1000, "{}", doc.title);
    assert_eq!(s.sets.iter().map(|x| x.2).sum::<usize>(), 10);
    assert!(s.reading.is_none(), "no selection to read positions of");
}

#[test]
fn qc_1_3_2_reads_bare_paths_whole_lines_and_several_codings_on_a_selection() {
    let Some(file) = interop("refi/qc132_demo.qdpx") else {
        return;
    };
    let (store, s, _dir) = import_new(&file, &Options::default());
    assert_eq!(counts(&store), [262, 1, 2, 158, 205]);
    let d = store.dataset().unwrap();
    // `line:N` selections end exclusive after their `\n`: each quote is
    // whole lines.
    let reading = s.reading.unwrap().reading;
    assert!(!reading.end_inclusive);
    for q in &d.quotes {
        let doc = d.documents.iter().find(|x| x.id == q.document).unwrap();
        let text = q.text_in(&doc.text).unwrap();
        assert!(text.ends_with('\n'), "{text:?}");
        let before = tovana::domain::char_slice(&doc.text, 0, q.start as usize).unwrap();
        assert!(before.is_empty() || before.ends_with('\n'));
    }
    // Sources without a name are called after their files.
    let mut titles: Vec<&str> = d.documents.iter().map(|x| x.title.as_str()).collect();
    titles.sort();
    assert_eq!(titles, ["admin-1", "board_2017"]);
    // No creatingUser: the codings are the file's one user's.
    assert!(d.codings.iter().all(|c| c.coder == d.coders[0].id));
    let mut per_quote = std::collections::HashMap::new();
    for c in &d.codings {
        *per_quote.entry(c.quote).or_insert(0) += 1;
    }
    assert!(per_quote.values().any(|n| *n > 1));
}

#[test]
fn taguette_1_4_1_codebook_comes_in_flat_without_colours() {
    let Some(file) = interop("refi/taguette141_codebook.qdc") else {
        return;
    };
    let opts = Options {
        codebook: true,
        ..Options::default()
    };
    let (store, _s, _dir) = import_new(&file, &opts);
    let d = store.dataset().unwrap();
    assert_eq!(d.codes.len(), 3);
    assert!(d.codes.iter().all(|c| c.parent.is_none()));
    let names: Vec<&str> = d.codes.iter().map(|c| c.name.as_str()).collect();
    assert!(names.contains(&"xsd:element name"), "{names:?}");
    // Upper-case uuid5 GUIDs are kept in lower case.
    assert!(
        d.codes
            .iter()
            .any(|c| c.guid == "098ac082-a9c7-50f4-9728-48730081a95e")
    );
}

#[test]
fn the_real_files_exports_validate_against_the_schema() {
    for name in [
        "atlasti-8.4-export.qdpx",
        "refi/maxqda24_icls_just10.qdpx",
        "refi/qc132_demo.qdpx",
    ] {
        let Some(file) = interop(name) else { return };
        let (store, _, dir) = import_new(&file, &Options::default());
        let out = dir.path().join("out.qdpx");
        qda::export_project(&store.dataset().unwrap(), "x", &out).unwrap();
        validate_qdpx(&out);
        let qdc = dir.path().join("out.qdc");
        qda::export_codebook(&store.dataset().unwrap(), &qdc).unwrap();
        validate_qdc(&qdc);
    }
}

// The quirks of real files, each in a file made here.

fn one_source(text_entry: &str, bytes: &[u8], selections: &[(u64, u64)]) -> Vec<(String, Vec<u8>)> {
    let sel: String = selections
        .iter()
        .enumerate()
        .map(|(i, (s, e))| {
            format!(
                r#"<PlainTextSelection guid="{}" startPosition="{s}" endPosition="{e}"><Coding guid="{}"><CodeRef targetGUID="{CODE}"/></Coding></PlainTextSelection>"#,
                guid(10 + i),
                guid(100 + i)
            )
        })
        .collect();
    let qde = project(&format!(
        r#"<TextSource guid="{DOC}" name="t.txt" plainTextPath="internal://{text_entry}">{sel}</TextSource>"#
    ));
    vec![
        ("project.qde".into(), qde.into_bytes()),
        (format!("sources/{text_entry}"), bytes.to_vec()),
    ]
}

/// The quotes' texts after importing `entries`.
fn quotes_of(entries: Vec<(String, Vec<u8>)>) -> (Vec<String>, qda::Summary) {
    let dir = tempfile::tempdir().unwrap();
    let file = zip_file(dir.path(), &entries);
    let (store, s, _d) = import_new(&file, &Options::default());
    let d = store.dataset().unwrap();
    let doc = &d.documents[0];
    let texts = d
        .quotes
        .iter()
        .map(|q| q.text_in(&doc.text).unwrap().to_string())
        .collect();
    (texts, s)
}

#[test]
fn nvivo_positions_in_utf16_units_are_told_by_a_character_outside_the_bmp() {
    // "😀 שלום עולם 🎉 סוף": the emoji count 2 in UTF-16.
    let text = "😀 שלום עולם 🎉 סוף";
    let (quotes, s) = quotes_of(one_source("a.txt", text.as_bytes(), &[(3, 7), (16, 19)]));
    assert_eq!(quotes, ["שלום", "סוף"]);
    let r = s.reading.unwrap();
    assert_eq!(r.reading.unit, Unit::Utf16);
    assert!(r.unit_told);
    // The same words in code points read as the standard's.
    let (quotes, s) = quotes_of(one_source("a.txt", text.as_bytes(), &[(2, 6), (14, 17)]));
    assert_eq!(quotes, ["שלום", "סוף"]);
    assert_eq!(s.reading.unwrap().reading.unit, Unit::CodePoints);
}

#[test]
fn taguette_positions_in_utf8_bytes_are_read_as_bytes() {
    let text = "שלום עולם";
    let (quotes, s) = quotes_of(one_source("a.txt", text.as_bytes(), &[(0, 8), (9, 17)]));
    assert_eq!(quotes, ["שלום", "עולם"]);
    assert_eq!(s.reading.unwrap().reading.unit, Unit::Utf8);
}

#[test]
fn crlf_counted_as_two_or_as_one_and_kept_as_one_line_break() {
    let text = "first line\r\nsecond line\r\nthird";
    let (quotes, s) = quotes_of(one_source("a.txt", text.as_bytes(), &[(12, 18), (25, 30)]));
    assert_eq!(quotes, ["second", "third"]);
    assert!(s.reading.unwrap().reading.crlf_two);
    let (quotes, s) = quotes_of(one_source("a.txt", text.as_bytes(), &[(11, 17), (23, 28)]));
    assert_eq!(quotes, ["second", "third"]);
    assert!(!s.reading.unwrap().reading.crlf_two);
}

#[test]
fn a_byte_order_mark_counted_or_not_and_dropped_from_the_text() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice("alpha beta gamma".as_bytes());
    let (quotes, s) = quotes_of(one_source("a.txt", &bytes, &[(0, 5), (6, 10)]));
    assert_eq!(quotes, ["alpha", "beta"]);
    assert!(!s.reading.unwrap().reading.bom_counted);
    let (quotes, s) = quotes_of(one_source("a.txt", &bytes, &[(1, 6), (7, 11)]));
    assert_eq!(quotes, ["alpha", "beta"]);
    assert!(s.reading.unwrap().reading.bom_counted);
}

#[test]
fn end_positions_written_inclusive_are_told_by_words_cut_short() {
    let text = "alpha beta gamma delta";
    let (quotes, s) = quotes_of(one_source(
        "a.txt",
        text.as_bytes(),
        &[(0, 4), (6, 9), (11, 15)],
    ));
    assert_eq!(quotes, ["alpha", "beta", "gamma"]);
    let r = s.reading.unwrap();
    assert!(r.reading.end_inclusive && r.end_told);
}

#[test]
fn a_utf16_source_file_with_a_byte_order_mark_is_read() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "שלום עולם".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let (quotes, _) = quotes_of(one_source("a.txt", &bytes, &[(5, 9)]));
    assert_eq!(quotes, ["עולם"]);
}

#[test]
fn sources_with_a_capital_s_an_inner_file_named_otherwise_and_guids_in_braces() {
    let qde = project(&format!(
        r#"<TextSource guid="{{{}}}" name="t" plainTextPath="internal://X.TXT"><PlainTextSelection guid="{}" startPosition="0" endPosition="5"><Coding guid="{}"><CodeRef targetGUID="{{{}}}"/></Coding></PlainTextSelection></TextSource>"#,
        DOC.to_uppercase(),
        guid(7).to_uppercase(),
        guid(8),
        CODE.to_uppercase()
    ));
    let entries = vec![
        ("My Project.qde".to_string(), qde.into_bytes()),
        ("Sources/X.TXT".to_string(), b"hello world".to_vec()),
    ];
    let (quotes, _) = quotes_of(entries);
    assert_eq!(quotes, ["hello"]);
}

#[test]
fn a_project_with_no_sources_at_all_brings_its_codebook_and_users() {
    let dir = tempfile::tempdir().unwrap();
    let file = zip_file(
        dir.path(),
        &[("project.qde".into(), project("").into_bytes())],
    );
    let (store, s, _d) = import_new(&file, &Options::default());
    assert_eq!(counts(&store), [2, 2, 0, 0, 0]);
    assert!(s.skipped.is_empty());
}

#[test]
fn an_empty_plain_text_with_the_text_only_in_a_docx_is_skipped_and_named() {
    let qde = project(&format!(
        r#"<TextSource guid="{DOC}" name="Interview 3" richTextPath="internal://{DOC}.docx"><PlainTextContent></PlainTextContent></TextSource>"#
    ));
    let dir = tempfile::tempdir().unwrap();
    let file = zip_file(dir.path(), &[("project.qde".into(), qde.into_bytes())]);
    let (store, s, _d) = import_new(&file, &Options::default());
    assert_eq!(counts(&store)[2], 0);
    assert!(
        matches!(&s.skipped[..], [(Skip::OnlyRich(p), n)] if p.ends_with(".docx") && n == "Interview 3")
    );
}

#[test]
fn colours_missing_or_written_otherwise_are_read() {
    let qde = project_with_codes(
        r##"<Code guid="00000000-0000-4000-8000-000000000031" name="short" isCodable="true" color="#F08"/>
            <Code guid="00000000-0000-4000-8000-000000000032" name="none" isCodable="false"/>
            <Code guid="00000000-0000-4000-8000-000000000033" name="odd" isCodable="true" color="teal"/>"##,
        "",
    );
    let dir = tempfile::tempdir().unwrap();
    let file = zip_file(dir.path(), &[("project.qde".into(), qde.into_bytes())]);
    let (store, _s, _d) = import_new(&file, &Options::default());
    let d = store.dataset().unwrap();
    let colour = |n: &str| d.codes.iter().find(|c| c.name == n).unwrap().colour.clone();
    assert_eq!(colour("short"), "#ff0088");
    for n in ["none", "odd"] {
        let c = colour(n);
        assert!(c.len() == 7 && c.starts_with('#'), "{n}: {c}");
    }
}

#[test]
fn inline_text_cases_and_notes_become_cohorts_roles_attributes_and_memos() {
    let qde = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="a tool">
 <Users><User guid="{U1}" name="Dana"/></Users>
 <CodeBook><Codes><Code guid="{CODE}" name="k" isCodable="true"><NoteRef targetGUID="{N1}"/></Code></Codes></CodeBook>
 <Variables><Variable guid="{V1}" name="cohort" typeOfVariable="Text"/><Variable guid="{V2}" name="town" typeOfVariable="Text"/><Variable guid="{V3}" name="role" typeOfVariable="Text"/></Variables>
 <Cases>
  <Case guid="{C1}" name="C"><VariableValue><VariableRef targetGUID="{V1}"/><TextValue>ג</TextValue></VariableValue><SourceRef targetGUID="{DOC}"/></Case>
  <Case guid="{C2}" name="north"><VariableValue><VariableRef targetGUID="{V2}"/><TextValue>עכו</TextValue></VariableValue><SourceRef targetGUID="{DOC}"/></Case>
  <Case guid="{C3}" name="r"><VariableValue><VariableRef targetGUID="{V3}"/><TextValue>מנחה</TextValue></VariableValue><SelectionRef targetGUID="{S1}"/></Case>
 </Cases>
 <Sources><TextSource guid="{DOC}" name="שיחה"><Description>מבוא</Description><PlainTextContent>שלום לכולם, נתחיל</PlainTextContent>
  <PlainTextSelection guid="{S1}" startPosition="0" endPosition="4" creatingUser="{U1}"><Description>פתיחה</Description><Coding guid="{G1}" creatingUser="{U1}" creationDateTime="2024-05-01T10:00:00Z"><CodeRef targetGUID="{CODE}"/><NoteRef targetGUID="{N2}"/></Coding></PlainTextSelection>
 </TextSource></Sources>
 <Notes><Note guid="{N1}" name="about k"><PlainTextContent>what k gathers</PlainTextContent></Note><Note guid="{N2}"><PlainTextContent>why here</PlainTextContent></Note></Notes>
</Project>"#,
        U1 = guid(1),
        V1 = guid(41),
        V2 = guid(42),
        V3 = guid(43),
        C1 = guid(51),
        C2 = guid(52),
        C3 = guid(53),
        S1 = guid(61),
        G1 = guid(71),
        N1 = guid(81),
        N2 = guid(82),
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.qde");
    std::fs::write(&file, qde).unwrap();
    let (store, s, _d) = import_new(&file, &Options::default());
    let d = store.dataset().unwrap();
    assert_eq!(d.cohorts.len(), 1);
    assert_eq!(d.cohorts[0].label, "ג");
    let doc = &d.documents[0];
    assert_eq!(doc.cohort, d.cohorts[0].id);
    assert_eq!(doc.text, "שלום לכולם, נתחיל");
    assert_eq!(doc.notes, "מבוא");
    assert_eq!(
        doc.attributes.get("case").map(String::as_str),
        Some("north")
    );
    assert_eq!(doc.attributes.get("town").map(String::as_str), Some("עכו"));
    let q = &d.quotes[0];
    assert_eq!((q.role.as_str(), q.memo.as_str()), ("מנחה", "פתיחה"));
    assert_eq!(d.codes[0].memo, "what k gathers");
    assert_eq!(d.codes[0].memo_guid, guid(81), "a memo's own GUID is kept");
    assert_eq!(d.codings[0].memo, "why here");
    assert_eq!(d.codings[0].created, "2024-05-01T10:00:00Z");
    assert_eq!(d.coders[0].name, "Dana");
    assert_eq!(s.notes_as_documents, 0);
}

// Hostile archives and XML: refused with a message, nothing written.

fn refused(entries: &[(String, Vec<u8>)], opts: &Options) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = zip_file(dir.path(), entries);
    refused_file(&file, opts)
}

fn refused_file(file: &Path, opts: &Options) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut store =
        Store::create(&dir.path().join("s.sqlite"), &tovana::interchange::demo()).unwrap();
    let before = store.dataset().unwrap();
    let e = qda::import(&mut store, file, opts).unwrap_err();
    assert_eq!(store.dataset().unwrap(), before, "nothing is written");
    e.to_string()
}

fn with_source(extra: (String, Vec<u8>)) -> Vec<(String, Vec<u8>)> {
    let mut v = one_source("a.txt", b"hello world", &[(0, 5)]);
    v.push(extra);
    v
}

#[test]
fn an_entry_that_climbs_out_or_is_absolute_is_refused() {
    let e = refused(
        &with_source(("../evil.txt".into(), b"x".to_vec())),
        &Options::default(),
    );
    assert!(e.contains("climbs out") && e.contains("../evil.txt"), "{e}");
    let e = refused(
        &with_source(("/etc/evil".into(), b"x".to_vec())),
        &Options::default(),
    );
    assert!(e.contains("absolute"), "{e}");
}

#[test]
fn an_entry_or_all_of_them_past_the_limit_and_a_zip_bomb_are_refused() {
    let small = Options {
        limits: qda::archive::Limits {
            entry: 3000,
            ..Default::default()
        },
        ..Options::default()
    };
    let e = refused(&one_source("a.txt", &vec![b'a'; 5000], &[(0, 5)]), &small);
    assert!(e.contains("a.txt") && e.contains("holds more than"), "{e}");
    let total = Options {
        limits: qda::archive::Limits {
            total: 4000,
            ..Default::default()
        },
        ..Options::default()
    };
    let e = refused(&one_source("a.txt", &vec![b'a'; 5000], &[(0, 5)]), &total);
    assert!(e.contains("in all"), "{e}");
    // 20 MB of one letter compresses about a thousand times.
    let e = refused(
        &one_source("a.txt", &vec![b'a'; 20 << 20], &[(0, 5)]),
        &Options::default(),
    );
    assert!(e.contains("expands"), "{e}");
}

#[test]
fn a_dtd_an_entity_a_wrong_namespace_and_positions_past_the_end_are_refused() {
    let doctype = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x \"boom\">]>{}",
        project("").trim_start_matches("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
    );
    let e = refused(
        &[("project.qde".into(), doctype.into_bytes())],
        &Options::default(),
    );
    assert!(e.contains("DOCTYPE"), "{e}");
    let entity = project("").replace("name=\"p\"", "name=\"&x;\"");
    let e = refused(
        &[("project.qde".into(), entity.into_bytes())],
        &Options::default(),
    );
    assert!(e.contains("entity") && e.contains('x'), "{e}");
    let other = project("").replace("urn:QDA-XML:project:1.0", "urn:example:other");
    let e = refused(
        &[("project.qde".into(), other.into_bytes())],
        &Options::default(),
    );
    assert!(
        e.contains("namespace") && e.contains("urn:example:other"),
        "{e}"
    );
    let e = refused(
        &one_source("a.txt", b"hello world", &[(0, 5), (6, 400)]),
        &Options::default(),
    );
    assert!(e.contains(&guid(11)) && e.contains("1 selection"), "{e}");
    let e = refused(&[("notes.txt".into(), b"x".to_vec())], &Options::default());
    assert!(e.contains("no .qde"), "{e}");
}

#[test]
fn a_cohort_must_be_named_for_documents_without_a_case_in_a_store_of_several() {
    let dir = tempfile::tempdir().unwrap();
    let file = zip_file(dir.path(), &one_source("a.txt", b"hello world", &[(0, 5)]));
    let e = refused_file(&file, &Options::default());
    assert!(e.contains("--cohort"), "{e}");
    let e = refused_file(
        &file,
        &Options {
            cohort: Some("Z".into()),
            ..Options::default()
        },
    );
    assert!(e.contains("no such cohort") && e.contains("ג"), "{e}");
    // Named, it goes there.
    let mut store =
        Store::create(&dir.path().join("s.sqlite"), &tovana::interchange::demo()).unwrap();
    let opts = Options {
        cohort: Some("ג".into()),
        ..Options::default()
    };
    qda::import(&mut store, &file, &opts).unwrap();
    let d = store.dataset().unwrap();
    let doc = d.documents.iter().find(|x| x.guid == DOC).unwrap();
    let c = d.cohorts.iter().find(|c| c.id == doc.cohort).unwrap();
    assert_eq!(c.label, "ג");
}

#[test]
fn nvivo_for_windows_utf16_units_crlf_as_two_and_an_uncounted_byte_order_mark_together() {
    // The text as NVivo for Windows writes it: a byte-order mark, CRLF line
    // ends, an emoji; positions in UTF-16 units, \r\n counted 2, the mark not.
    let body = "מנחה: מה לקחתם? 😀\r\nנציגה: את הסיור\r\nנציג: והקשרים";
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(body.as_bytes());
    let units = |s: &str| s.encode_utf16().count() as u64;
    let at = |word: &str| units(&body[..body.find(word).unwrap()]);
    let spans = [
        (at("את הסיור"), at("את הסיור") + units("את הסיור")),
        (at("והקשרים"), at("והקשרים") + units("והקשרים")),
    ];
    let (quotes, s) = quotes_of(one_source("a.txt", &bytes, &spans));
    assert_eq!(quotes, ["את הסיור", "והקשרים"]);
    let r = s.reading.unwrap().reading;
    assert_eq!(r.unit, Unit::Utf16);
    assert!(r.crlf_two && !r.bom_counted && !r.end_inclusive, "{r:?}");
}
