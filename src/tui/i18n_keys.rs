//! The interface's words for keys: each line of the help, and the footer's
//! short words. The keys themselves come from the table in `keys`.

use super::keys::Help;
use crate::lang::Lang;

impl Lang {
    /// What the keys of a help line do.
    pub fn key_help(self, h: Help) -> &'static str {
        match h {
            Help::ListDownUp => self.pick("למטה, למעלה ברשימה", "down, up the list"),
            Help::ListPage => self.pick("עמוד למטה, למעלה", "a page down, up"),
            Help::ListEnds => self.pick("לראש הרשימה, לסופה", "first, last item"),
            Help::In => self.pick(
                "פנימה: לפרטים או לראיה",
                "in: to the details or the evidence",
            ),
            Help::Back => self.pick("חזרה", "back"),
            Help::Views => self.pick("מעבר בין התצוגות", "switch views"),
            Help::Undo => self.pick("ביטול פעולת קידוד, שחזור", "undo a coding action, redo"),
            Help::Search => self.pick("חיפוש", "search"),
            Help::ThisHelp => self.pick("העזרה הזאת", "this help"),
            Help::Quit => self.pick("יציאה", "quit"),
            Help::Compare => self.pick(
                "השוואה: נעיצת המחזור, בחירת מחזור אחר",
                "compare: pin this cohort, select another",
            ),
            Help::Figures => self.pick("מספרים או אחוזים", "counts or percentages"),
            Help::SortTopBox => self.pick("מיון לפי השיעור העליון", "sort by top box"),
            Help::Uptake => self.pick("שינוי הסטטוס (נשמר)", "next status (saved)"),
            Help::OpenDocument => self.pick(
                "פתיחת המסמך לקריאה ולקידוד",
                "open the document to read and code",
            ),
            Help::CycleCoder => self.pick(
                "קידודים של כל המקודדים או של אחד",
                "all coders' codings, or one's",
            ),
            Help::CellLeftRight => {
                self.pick("תו שמאלה, ימינה על המסך", "a cell left, right on screen")
            }
            Help::LineDownUp => self.pick("שורה, עמוד למטה, למעלה", "a line, a page down, up"),
            Help::TextEnds => self.pick("לתחילת המסמך, לסופו", "the document's start, end"),
            Help::Words => self.pick(
                "מילה הבאה, הקודמת, סוף מילה",
                "next word, previous, word end",
            ),
            Help::Sentences => self.pick("משפט קודם, הבא", "previous sentence, next"),
            Help::Turns => self.pick("תור דיבור קודם, הבא", "previous speaker turn, next"),
            Help::Visual => self.pick("בחירה: התחלה או ביטול", "selection: start or drop"),
            Help::PickCode => self.pick(
                "קוד מתוך הספר (סינון בהקלדה; שם חדש יוצר)",
                "code from the book (type to filter; a new name creates)",
            ),
            Help::RepeatCode => self.pick("הקוד האחרון שוב", "the last code again"),
            Help::RecentCodes => self.pick(
                "קודים אחרונים, לבחירה בספרה",
                "recent codes, a digit applies one",
            ),
            Help::InVivo => self.pick(
                "קוד מהמילים הנבחרות (in vivo)",
                "in vivo: the selected words as a code",
            ),
            Help::RemoveCoding => {
                self.pick("הסרת קידוד מתחת לסמן", "remove a coding under the cursor")
            }
            Help::CodingMemo => self.pick("תזכיר על קידוד", "memo on a coding"),
            Help::CloseDocument => self.pick(
                "ביטול הבחירה, סגירת המסמך",
                "drop the selection, close the document",
            ),
            Help::CodeQuotes => self.pick(
                "לציטוטי הקוד; שוב פותח ציטוט בהקשר",
                "to the code's quotes; again opens one in context",
            ),
            Help::NewCode => self.pick(
                "קוד חדש תחת הנבחר, ברמה העליונה",
                "new code under this one, at the top",
            ),
            Help::EditCode => self.pick("שינוי שם, תיאור, תזכיר", "rename, describe, memo"),
            Help::Colour => self.pick("הצבע הבא", "next colour"),
            Help::MoveMerge => self.pick(
                "העברה תחת קוד אחר, מיזוג לתוכו",
                "move under another code, merge into one",
            ),
            Help::DeleteCode => self.pick("מחיקה (אחרי אישור)", "delete (after asking)"),
            Help::CodeChildren => self.pick(
                "עם ציטוטי הקודים שתחתיו או בלעדיהם",
                "with or without its children's quotes",
            ),
            Help::ExportCode => self.pick(
                "ייצוא ציטוטי הקוד ל־Markdown ול־CSV",
                "export the code's quotes to Markdown and CSV",
            ),
            Help::TableCell => self.pick("תא שמאלה, ימינה", "a cell left, right"),
            Help::CellQuotes => self.pick(
                "לציטוטי התא; שוב פותח ציטוט בהקשר",
                "to the cell's quotes; again opens one in context",
            ),
            Help::NextTable => self.pick(
                "הטבלה הבאה: לפי מחזור, לפי תפקיד, חפיפה, הסכמה",
                "next table: by cohort, by role, co-occurrence, agreement",
            ),
            Help::RowChildren => self.pick(
                "קוד עם ציטוטי קודי המשנה או בלעדיהם",
                "a code with or without its children's quotes",
            ),
            Help::Agreement => self.pick(
                "הסכמה: בחירת שני המקודדים, המסמכים",
                "agreement: choose the two coders, the documents",
            ),
            Help::ExportTable => self.pick(
                "ייצוא הטבלה ל־Markdown ול־CSV",
                "export the table to Markdown and CSV",
            ),
        }
    }

    /// The footer's word for the search key.
    pub fn hint_search(self) -> &'static str {
        self.pick("חיפוש", "search")
    }

    pub fn hint_help(self) -> &'static str {
        self.pick("עזרה", "help")
    }

    pub fn hint_quit(self) -> &'static str {
        self.pick("יציאה", "quit")
    }
}
