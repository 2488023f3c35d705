//! Another tool's project in a real terminal: a small NVivo-like project
//! (positions in UTF-16 units, a cohort case and a region case) imported
//! into a new store from the shell, with the progress of it, then browsed:
//! the codebook holds its tree, the document's card shows what came with
//! it, and the reader shows the quote where the tool put it.

mod common;

use common::tmux::{Tmux, assert_terminal_restored, binary, quit};

const PROJECT: &str = r##"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="north focus group" origin="NVivo 14">
 <Users><User guid="00000000-0000-4000-8000-000000000001" name="Dana"/></Users>
 <CodeBook><Codes><Code guid="00000000-0000-4000-8000-0000000000c0" name="cooperation" isCodable="false" color="#3366CC"><Code guid="00000000-0000-4000-8000-0000000000c1" name="between towns" isCodable="true"/></Code></Codes></CodeBook>
 <Variables><Variable guid="00000000-0000-4000-8000-000000000041" name="cohort" typeOfVariable="Text"/><Variable guid="00000000-0000-4000-8000-000000000042" name="region" typeOfVariable="Text"/></Variables>
 <Cases>
  <Case guid="00000000-0000-4000-8000-000000000051" name="C"><VariableValue><VariableRef targetGUID="00000000-0000-4000-8000-000000000041"/><TextValue>North</TextValue></VariableValue><SourceRef targetGUID="00000000-0000-4000-8000-0000000000d0"/></Case>
  <Case guid="00000000-0000-4000-8000-000000000052" name="site 4"><VariableValue><VariableRef targetGUID="00000000-0000-4000-8000-000000000042"/><TextValue>Galilee</TextValue></VariableValue><SourceRef targetGUID="00000000-0000-4000-8000-0000000000d0"/></Case>
 </Cases>
 <Sources><TextSource guid="00000000-0000-4000-8000-0000000000d0" name="focus group north"><PlainTextContent>Moderator: how did you work with other towns? 😀
Rep: we met every month with the next town.</PlainTextContent>
  <PlainTextSelection guid="00000000-0000-4000-8000-000000000061" startPosition="54" endPosition="92" creatingUser="00000000-0000-4000-8000-000000000001"><Coding guid="00000000-0000-4000-8000-000000000071" creatingUser="00000000-0000-4000-8000-000000000001"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000c1"/></Coding></PlainTextSelection>
 </TextSource></Sources>
</Project>"##;

#[test]
fn a_project_from_another_tool_is_imported_from_the_shell_and_browsed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("north.qde");
    std::fs::write(&file, PROJECT).unwrap();
    let db = dir.path().join("new.sqlite");
    let t = Tmux::start(120, 36, dir.path());
    t.type_line(&format!(
        "{} --lang en --db {} import qdpx {}; echo IMPORTED:$?",
        binary(),
        db.display(),
        file.display()
    ));
    let screen = t.wait_for("IMPORTED:0");
    assert!(
        screen.contains("added: 2 codes, 1 coder, 1 cohort, 1 document, 1 quote, 1 coding"),
        "{screen}"
    );
    assert!(
        screen.contains("positions read as UTF-16 code units"),
        "{screen}"
    );
    t.type_line("clear");
    t.run_app_with(&db, "", "--lang en --coder Dana");
    t.wait_for("Cohorts");
    // The codebook: the category and its code, with its one coding.
    t.keys(&["6"]);
    let screen = t.wait_for("between towns");
    assert!(screen.contains("cooperation"), "{screen}");
    // Its quote, cut where the tool's UTF-16 positions put it.
    t.keys(&["G"]);
    let screen = t.wait_for("1 quote ");
    let line = screen
        .lines()
        .find(|l| l.contains("next town."))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        line.contains("· we met every month with the next town."),
        "{line}"
    );
    // The document's card: its cohort and what came with it.
    t.keys(&["5"]);
    let screen = t.wait_for("focus group north");
    assert!(
        screen.contains("Brought with it from another tool"),
        "{screen}"
    );
    assert!(screen.contains("case: site 4"), "{screen}");
    assert!(screen.contains("region: Galilee"), "{screen}");
    assert!(screen.contains("cohort North"), "{screen}");
    // The reader: the text, the quote coded where the tool put it.
    t.keys(&["Enter"]);
    let screen = t.wait_for("we met every month");
    assert!(screen.contains("Moderator: how did you work"), "{screen}");
    quit(&t);
    assert_terminal_restored(&t);
}
