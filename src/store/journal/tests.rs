//! Tests of `journal`.

use crate::domain::Act;
use crate::store::testing::{code_id, demo_store};

#[test]
fn a_merge_undone_and_redone_gives_back_each_state() {
    let mut s = demo_store();
    let from = code_id(&s, "יותר כלים דיגיטליים והתנסות");
    let into = code_id(&s, "תחומי ידע נוספים");
    let before = s.dataset().unwrap();
    s.merge_codes(from, into).unwrap();
    let merged = s.dataset().unwrap();
    assert_ne!(merged, before);
    let step = s.undo().unwrap().unwrap();
    assert!(matches!(step.act, crate::domain::Act::MergeCode { .. }));
    assert_eq!(s.dataset().unwrap(), before);
    assert_eq!(s.redo().unwrap().unwrap().id, step.id);
    assert_eq!(s.dataset().unwrap(), merged);
    assert_eq!(s.redo().unwrap(), None);
}

#[test]
fn a_delete_with_its_cascaded_codings_comes_back_whole() {
    let mut s = demo_store();
    let child = code_id(&s, "חיבור בין רשויות");
    let before = s.dataset().unwrap();
    s.delete_code(child).unwrap();
    assert!(s.dataset().unwrap().codings.len() < before.codings.len());
    s.undo().unwrap().unwrap();
    assert_eq!(s.dataset().unwrap(), before);
    assert_eq!(s.undo().unwrap(), None);
}

#[test]
fn a_new_action_drops_what_could_be_redone() {
    let mut s = demo_store();
    let a = s.create_code("ראשון", None, "#101010").unwrap();
    s.rename_code(a, "שני").unwrap();
    assert_eq!(
        s.undo().unwrap().unwrap().act.english(),
        "rename code 'ראשון' to 'שני'"
    );
    assert_eq!(
        s.journal_heads().unwrap(),
        (
            Some(Act::CreateCode {
                code: "ראשון".into()
            }),
            Some(Act::RenameCode {
                code: "ראשון".into(),
                to: "שני".into()
            })
        )
    );
    s.set_code_colour(a, "#202020").unwrap();
    assert_eq!(s.redo().unwrap(), None);
    let d = s.dataset().unwrap();
    let c = d.codes.iter().find(|c| c.id == a).unwrap();
    assert_eq!((c.name.as_str(), c.colour.as_str()), ("ראשון", "#202020"));
}

#[test]
fn an_undo_over_rows_changed_outside_the_journal_is_refused_whole() {
    let mut s = demo_store();
    let a = s.create_code("קוד", None, "#101010").unwrap();
    // Changed behind the journal's back.
    s.conn()
        .execute("UPDATE code SET name = 'אחר' WHERE id = ?1", [a])
        .unwrap();
    let before = s.dataset().unwrap();
    let err = s.undo().unwrap_err();
    assert!(err.to_string().contains("cannot undo"), "{err}");
    assert_eq!(s.dataset().unwrap(), before);
    assert!(s.journal_heads().unwrap().0.is_some());
}

#[test]
fn each_coder_undoes_and_removes_only_their_own() {
    let mut s = demo_store();
    let a = s.coder_named("א").unwrap();
    let b = s.coder_named("ב").unwrap();
    let code = s.codes().unwrap()[0].id;
    s.act_as(Some(a));
    let mine = s.apply_code(1, 0, 5, code, a).unwrap();
    // The other coder has nothing to undo, and cannot remove or
    // annotate the coding.
    s.act_as(Some(b));
    assert_eq!(s.undo().unwrap(), None);
    let refused = s.remove_coding(mine.coding).unwrap_err().to_string();
    assert!(refused.contains("א's"), "{refused}");
    assert!(s.set_coding_memo(mine.coding, "x").is_err());
    let theirs = s.apply_code(1, 10, 15, code, b).unwrap();
    // Each undo takes back its own coder's newest action.
    s.act_as(Some(a));
    let step = s.undo().unwrap().unwrap();
    assert_eq!(
        step.act,
        Act::ApplyCode {
            code: s.code_name(code).unwrap()
        }
    );
    let left: Vec<crate::domain::Id> = s.marks(1, None).unwrap().iter().map(|m| m.coding).collect();
    assert!(!left.contains(&mine.coding));
    assert!(left.contains(&theirs.coding), "the other coder's stays");
    // A's new action leaves B's redo alone, and B's undo still works.
    s.act_as(Some(b));
    assert!(s.undo().unwrap().is_some());
    s.act_as(Some(a));
    s.apply_code(1, 20, 25, code, a).unwrap();
    s.act_as(Some(b));
    assert!(
        s.redo().unwrap().is_some(),
        "B's undone coding can be redone"
    );
}

#[test]
fn rows_put_back_go_parents_first_and_rows_taken_away_children_first_run_by_run() {
    use super::{Change, TABLES, in_table_order};
    let at = |t: &str| TABLES.iter().position(|(n, _, _)| *n == t).unwrap();
    let row = || Some(serde_json::Map::new());
    let put = |t: &str| Change {
        table: at(t),
        before: None,
        after: row(),
    };
    let take = |t: &str| Change {
        table: at(t),
        before: row(),
        after: None,
    };
    let mut changes = vec![
        put("coding"),
        put("quote"),
        put("document"),
        take("cohort"),
        take("coding"),
        put("finding_question"),
        put("finding"),
    ];
    in_table_order(&mut changes);
    let got: Vec<(&str, bool)> = changes
        .iter()
        .map(|c| (TABLES[c.table].0, c.after.is_some()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("document", true),
            ("quote", true),
            ("coding", true),
            ("coding", false),
            ("cohort", false),
            ("finding", true),
            ("finding_question", true),
        ]
    );
}
