//! The words of the forms in English.

use super::En;
use crate::domain::Part;
use crate::store::authoring::Dependents;
use crate::tui::action::Action;
use crate::tui::keys::Names;
use crate::tui::strings::Forms;

fn noun(part: Part) -> &'static str {
    match part {
        Part::Program => "program",
        Part::Cohort => "cohort",
        Part::Meeting => "meeting",
        Part::Instrument => "instrument",
        Part::Finding => "finding",
        Part::Recommendation => "recommendation",
    }
}

/// "3 meetings", "1 meeting".
fn many(n: u32, one: &str, more: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {more}")
    }
}

impl Forms for En {
    fn field(&self, key: &str) -> &'static str {
        match key {
            "name" => "Name",
            "name_en" => "Name in English",
            "organisation" => "Run by",
            "description" => "Description",
            "label" => "Label",
            "start" => "Start",
            "end" => "End",
            "participants" => "Participants",
            "sectors" => "By sector",
            "notes" => "Notes",
            "kind" => "Kind",
            "date" => "Date",
            "days" => "Days",
            "meetings" => "Meetings",
            "place" => "Place",
            "subject" => "Subject",
            "title" => "Title",
            "occasions" => "Times held",
            "invited" => "Invited",
            "responded" => "Responded",
            "rate" => "Response rate %",
            "respondents" => "Respondents by sector",
            "cohort" => "Cohort",
            "area" => "Area",
            "statement" => "Statement",
            "phase" => "Phase",
            "text" => "Text",
            "source" => "Source",
            _ => "",
        }
    }

    fn form_title(&self, part: Part, new: bool) -> String {
        if new {
            format!("New {}", noun(part))
        } else {
            format!("Edit the {}", noun(part))
        }
    }

    fn form_keys(&self, k: &Names) -> String {
        let next = k.keys(Action::Down).join("/");
        let back = k.keys(Action::Up).join("/");
        format!(
            "{next} next field · {back} the one before · {} saves · {} closes",
            k.key(Action::Save),
            k.key(Action::Back)
        )
    }

    fn drop_changes(&self, k: &Names) -> String {
        format!(
            "Drop the changes? {} drops them, {} goes back to the form",
            k.key(Action::Yes),
            k.key(Action::Back)
        )
    }

    fn date_forms(&self) -> &'static str {
        "YYYY, YYYY-MM or YYYY-MM-DD"
    }

    fn not_a_count(&self) -> &'static str {
        "a whole number, 0 or more (empty if not known)"
    }

    fn not_a_percent(&self) -> &'static str {
        "a whole number from 0 to 100 (empty if not given)"
    }

    fn sector_form(&self) -> &'static str {
        "sector count, sector count"
    }

    fn not_a_sector(&self, piece: &str) -> String {
        format!("'{piece}' is not a sector followed by its count")
    }

    fn fix_fields(&self, n: usize) -> String {
        match n {
            1 => "1 field does not hold; its message says why, nothing was saved".into(),
            n => format!("{n} fields do not hold; their messages say why, nothing was saved"),
        }
    }

    fn confirm_delete_part(&self, part: Part, name: &str, d: &Dependents, k: &Names) -> String {
        let mut goes = vec![];
        let mut add = |n: u32, one: &str, more: &str| {
            if n > 0 {
                goes.push(many(n, one, more));
            }
        };
        add(d.sessions, "meeting", "meetings");
        add(d.instruments, "instrument", "instruments");
        add(
            d.questions,
            "question with its results",
            "questions with their results",
        );
        add(d.documents, "document", "documents");
        add(d.quotes, "quote", "quotes");
        add(d.codings, "coding", "codings");
        add(d.findings, "finding", "findings");
        add(d.recommendations, "recommendation", "recommendations");
        let mut text = format!("Delete the {} '{name}'?", noun(part));
        if !goes.is_empty() {
            text.push_str(&format!(" With it go {}.", goes.join(", ")));
        }
        if d.citations > 0 {
            text.push_str(&format!(
                " Findings that stay lose {} of their evidence.",
                many(d.citations, "piece", "pieces")
            ));
        }
        if d.unlinked > 0 {
            text.push_str(&format!(
                " {} stay, no longer linked to it.",
                many(d.unlinked, "document", "documents")
            ));
        }
        if d.counted_within > 0 {
            text.push_str(&format!(
                " {} counted within it will be counted on their own.",
                many(d.counted_within, "meeting", "meetings")
            ));
        }
        text.push_str(&format!(
            " {} undoes it.",
            k.in_view(crate::tui::action::ViewId::Cohorts, Action::Undo)
        ));
        text
    }

    fn needs_cohort(&self, k: &Names) -> String {
        format!(
            "there is no cohort yet: {} in Cohorts adds one",
            k.in_view(crate::tui::action::ViewId::Cohorts, Action::NewItem)
        )
    }

    fn cite_title(&self) -> &'static str {
        "Cite in which finding?"
    }

    fn new_finding_row(&self, typed: &str) -> String {
        if typed.trim().is_empty() {
            "+ a new finding".into()
        } else {
            format!("+ a new finding: \u{2068}{typed}\u{2069}")
        }
    }

    fn cited_already(&self) -> &'static str {
        "the finding cites it already"
    }

    fn nothing_to_cite(&self, k: &Names) -> String {
        format!(
            "nothing here to cite: a question, a code or a coded quote is ({} codes a passage)",
            k.in_reader(Action::PickCode)
        )
    }

    fn no_later_cohort(&self) -> &'static str {
        "no later cohort of the program yet to say what became of it"
    }

    fn fate_keys(&self, k: &Names) -> String {
        let v = crate::tui::action::ViewId::Recommendations;
        format!(
            "{}/{} cohort · {} status · {} note",
            k.in_view(v, Action::EarlierCohort),
            k.in_view(v, Action::LaterCohort),
            k.in_view(v, Action::CycleUptake),
            k.in_view(v, Action::Memo)
        )
    }

    fn fate_note_title(&self, cohort: &str) -> String {
        format!("What became of it in cohort {cohort}")
    }

    fn at_the_end(&self, up: bool) -> &'static str {
        if up {
            "first of its list already"
        } else {
            "last of its list already"
        }
    }
}
