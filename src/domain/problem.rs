//! What is wrong with a dataset's field: its path, as in the JSON form,
//! and the fault, which each interface language words.

use super::{FORMAT_NAME, FORMAT_VERSION, Id};

/// A broken rule: the field's path, as in the JSON form, and what is wrong
/// with it. `Display` gives it in English; each interface language words
/// the fault itself (`Messages::fault`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub fault: Fault,
}

/// What is wrong with a field. Numbers and names are the data's own;
/// `target` names the kind of entity an id should point at (`"cohort"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// The `format` field is not tovana's.
    Format,
    /// A version of the JSON form this tovana does not read.
    Version,
    IdOutOfRange(Id),
    IdTwice(Id),
    NoSuch {
        target: &'static str,
        id: Id,
    },
    OrdinalTwice {
        program: Id,
        ordinal: u32,
    },
    MoreResponded {
        responded: u32,
        invited: u32,
    },
    /// A response rate above 100%.
    RateOver(u32),
    /// A session counted within one that is no other session of its cohort
    /// counted on its own.
    WithinElsewhere(Id),
    NoOptions,
    /// Two respondents of one instrument with the same key.
    KeyTwice {
        key: String,
        instrument: Id,
    },
    AnswerTwice {
        question: Id,
        respondent: Id,
    },
    /// An answer's option past the end of its question's scale.
    OptionOutside {
        option: u32,
        options: usize,
    },
    /// An option given to a numeric question, or a number to another.
    AnswerKind {
        numeric: bool,
    },
    ResultTwice {
        question: Id,
        segment: Id,
    },
    Nul {
        at: usize,
    },
    EndsBeforeStart {
        start: u32,
        end: u32,
    },
    PastEnd {
        end: u32,
        document: Id,
        len: usize,
    },
    Colour(String),
    OwnAncestor,
    CoderTwice(String),
    /// Not a GUID as tovana keeps one (lower case, no braces).
    BadGuid(String),
    /// Two entities of a kind under one GUID.
    GuidTwice(String),
    CodingTwice,
    /// So many values for a scale of `options` options.
    Values {
        len: usize,
        options: usize,
    },
    Over100(u32),
    MoreThanN {
        count: u32,
        n: u32,
    },
    /// Another code of the same parent (`codes[other]`) has the name.
    SiblingName {
        name: String,
        other: usize,
    },
    /// What became of a recommendation, said of a cohort that is not a
    /// later one of its program.
    NotLater(Id),
    /// What became of a recommendation, said twice of one cohort.
    FateTwice(Id),
    /// A name or a text that must be written is empty.
    Empty,
    /// An end date before the start date.
    EndsBeforeItStarts {
        start: String,
        end: String,
    },
    /// People by sector who are more than all there were.
    SectorsOver {
        sum: u32,
        of: u32,
    },
}

impl Fault {
    pub fn english(&self) -> String {
        match self {
            Fault::Format => format!("expected \"{FORMAT_NAME}\""),
            Fault::Version => format!("this tovana reads version {FORMAT_VERSION}"),
            Fault::IdOutOfRange(id) => format!("id {id} is out of range (0 to 2^60 − 1)"),
            Fault::IdTwice(id) => format!("id {id} is used twice"),
            Fault::NoSuch { target, id } => format!("no {target} has id {id}"),
            Fault::OrdinalTwice { program, ordinal } => {
                format!("two cohorts of program {program} have ordinal {ordinal}")
            }
            Fault::MoreResponded { responded, invited } => {
                format!("{responded} responded but only {invited} were invited")
            }
            Fault::RateOver(rate) => format!("a response rate of {rate}% is more than all"),
            Fault::WithinElsewhere(id) => {
                format!("session {id} is not another session of the same cohort counted on its own")
            }
            Fault::NoOptions => "a scale needs at least one option".into(),
            Fault::KeyTwice { key, instrument } => {
                format!("key {key:?} is used twice in instrument {instrument}")
            }
            Fault::AnswerTwice {
                question,
                respondent,
            } => format!("respondent {respondent} answers question {question} twice"),
            Fault::OptionOutside { option, options } => {
                format!("option {option} is outside a scale of {options} options")
            }
            Fault::AnswerKind { numeric } => if *numeric {
                "a numeric question is answered with a number, not an option"
            } else {
                "this question is answered with an option of its scale, not a number"
            }
            .into(),
            Fault::ResultTwice { question, segment } => {
                format!("question {question} has two results for segment {segment}")
            }
            Fault::Nul { at } => format!("a NUL character at position {at}"),
            Fault::EndsBeforeStart { start, end } => {
                format!("ends ({end}) before it starts ({start})")
            }
            Fault::PastEnd { end, document, len } => {
                format!("{end} is past the end of document {document} ({len} characters)")
            }
            Fault::Colour(c) => format!("'{c}' is not of the form #rrggbb"),
            Fault::OwnAncestor => "the code is its own ancestor".into(),
            Fault::CoderTwice(name) => format!("two coders are named '{name}'"),
            Fault::BadGuid(g) => {
                format!("'{g}' is not a GUID in lower case (8-4-4-4-12 hexadecimal digits)")
            }
            Fault::GuidTwice(g) => format!("another of the list has the GUID {g}"),
            Fault::CodingTwice => {
                "the same coder applied the same code to the same quote twice".into()
            }
            Fault::Values { len, options } => {
                format!("{len} values for a scale of {options} options")
            }
            Fault::Over100(v) => format!("{v} is over 100"),
            Fault::MoreThanN { count, n } => format!("{count} is more than n = {n}"),
            Fault::SiblingName { name, other } => {
                format!("'{name}' is already the name of codes[{other}] under the same parent")
            }
            Fault::NotLater(c) => {
                format!("cohort {c} is not a later cohort of the recommendation's program")
            }
            Fault::FateTwice(c) => format!("what became of it in cohort {c} is said twice"),
            Fault::Empty => "must not be empty".into(),
            Fault::EndsBeforeItStarts { start, end } => {
                format!("ends ({end}) before it starts ({start})")
            }
            Fault::SectorsOver { sum, of } => {
                format!("the sectors count {sum}, more than the {of} in all")
            }
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.fault.english())
    }
}
