//! What the keys do, in English: the help's lines and the footer's words.

use super::En;
use crate::tui::keys::{Help, Hint};
use crate::tui::strings::Keys;

impl Keys for En {
    fn key_help(&self, h: Help) -> &'static str {
        match h {
            Help::ListDownUp => "down, up the list",
            Help::ListPage => "a page down, up",
            Help::ListEnds => "first, last item",
            Help::In => "in: to the details or the evidence",
            Help::Back => "back",
            Help::JumpBack => "back to where the last jump left",
            Help::Views => "switch views",
            Help::Undo => "undo the last change (coding, codebook, a form), redo",
            Help::Search => "search",
            Help::ThisHelp => "this help",
            Help::Quit => "quit",
            Help::CardFocus => {
                "to the card: its meetings and instruments, to edit; or to scroll it"
            }
            Help::DetailFocus => "to the details, to scroll them",
            Help::Compare => "compare: pin this cohort, select another",
            Help::Figures => "counts or percentages",
            Help::SortTopBox => "sort by top box",
            Help::Split => "split the answers by an attribute or by cohort",
            Help::SurveyFilter => "count only the respondents with one value of an attribute",
            Help::Uptake => "next status (saved)",
            Help::FateCohort => "the cohort before, after (whose fate s and m set)",
            Help::FateNote => "a note on what became of it there",
            Help::NewItem => "new, in a form",
            Help::EditItem => "edit the selected one",
            Help::DeleteItem => "delete, after saying what goes with it",
            Help::MoveItem => "move up or down its list",
            Help::EditProgram => "the program: its name and who runs it",
            Help::NewMeeting => "a new meeting of the selected cohort",
            Help::NewInstrument => "a new instrument of the selected cohort",
            Help::Cite => "cite in a finding (picked, or a new one)",
            Help::ExportEvaluation => "write the list, with evidence or fate, to Markdown and CSV",
            Help::ExportReport => {
                "write the evaluation report of the cohort on screen (HTML to print, and Markdown)"
            }
            Help::OpenDocument => "open the document to read and code",
            Help::CycleCoder => "all coders' codings, or one's",
            Help::CellLeftRight => "a cell left, right on screen",
            Help::LineDownUp => "a line, a page down, up",
            Help::TextEnds => "the document's start, end",
            Help::Words => "next word, previous, word end",
            Help::Sentences => "previous sentence, next",
            Help::Turns => "previous speaker turn, next",
            Help::Visual => "selection: start or drop",
            Help::PickCode => "code from the book (type to filter; a new name creates)",
            Help::RepeatCode => "the last code again",
            Help::RecentCodes => "recent codes, a digit applies one",
            Help::InVivo => "in vivo: the selected words as a code",
            Help::RemoveCoding => "remove a coding under the cursor",
            Help::CodingMemo => "memo on a coding",
            Help::CloseDocument => "drop the selection, close the document",
            Help::CodeQuotes => "to the code's quotes; again opens one in context",
            Help::NewCode => "new code under this one, at the top",
            Help::EditCode => "rename, describe, memo",
            Help::Colour => "next colour",
            Help::MoveMerge => "move under another code, merge into one",
            Help::DeleteCode => "delete (after asking)",
            Help::CodeChildren => "with or without its children's quotes",
            Help::ExportCode => "export the code's quotes to Markdown and CSV",
            Help::TableCell => "a cell left, right",
            Help::CellQuotes => "to the cell's quotes; again opens one in context",
            Help::NextTable => "next table: by cohort, by role, co-occurrence, agreement",
            Help::RoleColumns => {
                "the role table's columns: speakers' roles, then each attribute of the respondents whose open answers are coded"
            }
            Help::RowChildren => "a code with or without its children's quotes",
            Help::Agreement => "agreement: choose the two coders, the documents",
            Help::ExportTable => "export the table to Markdown and CSV",
        }
    }

    fn hint(&self, h: Hint) -> &'static str {
        match h {
            Hint::Search => "search",
            Hint::Help => "help",
            Hint::Quit => "quit",
            Hint::Card => "card",
            Hint::Compare => "compare",
            Hint::Figures => "figures",
            Hint::Sort => "sort",
            Hint::Split => "split",
            Hint::Uptake => "uptake",
            Hint::Evidence => "evidence",
            Hint::Open => "open",
            Hint::Coder => "coder",
            Hint::Quotes => "quotes",
            Hint::New => "new",
            Hint::Rename => "rename",
            Hint::Move => "move",
            Hint::Merge => "merge",
            Hint::Delete => "delete",
            Hint::NextTable => "next table",
            Hint::Agreement => "agreement",
            Hint::Export => "export",
            Hint::Select => "select",
            Hint::Code => "code",
            Hint::Repeat => "again",
            Hint::Remove => "remove",
            Hint::Memo => "memo",
            Hint::Close => "close",
            Hint::Cancel => "cancel",
            Hint::Choose => "choose",
            Hint::Yes => "yes",
            Hint::No => "no",
        }
    }
}
