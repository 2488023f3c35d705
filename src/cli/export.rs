//! `tovana export table|agreement|quotes|answers`: the tables over the
//! codebook, a code's quotes, and a survey's answers, as Markdown or CSV.

use super::CliError;
use crate::domain::{Code, Id, code_path};
use crate::interchange::tables::{self, Table};
use crate::lang::Lang;
use crate::store::Store;
use crate::store::coding::QuoteFilter;
use crate::store::marking::Dimension;
use crate::store::tables::DocumentSet;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableKind {
    /// Quotes per code and cohort.
    Cohorts,
    /// Quotes per code and speaker's role.
    Roles,
    /// Codes on overlapping quotes.
    Cooccurrence,
}

/// What `export report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportFormat {
    #[default]
    Html,
    #[value(alias = "markdown")]
    Md,
}

/// The report of one cohort (by label or id; the first without one) or of
/// every cohort, as HTML or Markdown, to `output` or standard output.
pub fn report(
    store: &Store,
    cohort: Option<&str>,
    all: bool,
    format: ReportFormat,
    output: Option<&std::path::Path>,
    lang: Lang,
) -> Result<(), CliError> {
    use crate::interchange::report::{self, Scope};
    let scope = if all {
        Scope::All
    } else {
        let cohorts = store.cohorts()?;
        let c = match cohort {
            Some(key) => cohorts
                .iter()
                .find(|c| c.label == key || c.id.to_string() == key)
                .ok_or_else(|| CliError::Said(lang.no_such_cohort(key)))?,
            None => cohorts
                .first()
                .ok_or_else(|| CliError::Said(lang.no_such_cohort("")))?,
        };
        Scope::Cohort(c.id)
    };
    let r = report::build(store, scope, &lang)?;
    let text = match format {
        ReportFormat::Html => report::html(&r),
        ReportFormat::Md => report::markdown(&r),
    };
    match output {
        Some(path) => super::write_atomically(path, text.as_bytes(), lang),
        None => super::files::write_stdout(&text, lang),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Markdown,
    Csv,
}

/// Where and how a table is written.
#[derive(Debug, Args)]
pub struct Output {
    /// `markdown` (a heading and a pipe table) or `csv` (UTF-8 with a
    /// byte-order mark).
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Which codings count.
#[derive(Debug, Args)]
pub struct Scope {
    /// Only this coder's codings (by name); all coders' without it.
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// A code counts its descendants' quotes too.
    #[arg(long)]
    pub children: bool,
    /// `roles` only: the columns are the values of this attribute of the
    /// respondents whose open answers the quotes are (from `import survey`),
    /// instead of speakers' roles.
    #[arg(long, value_name = "ATTRIBUTE")]
    pub attribute: Option<String>,
}

impl Scope {
    /// The coder `--by` names, if any.
    fn coder(&self, store: &Store, lang: Lang) -> Result<Option<Id>, CliError> {
        self.by
            .as_deref()
            .map(|name| coder(store, name, "--by", lang))
            .transpose()
    }
}

fn coder(store: &Store, name: &str, flag: &str, lang: Lang) -> Result<Id, CliError> {
    let coders = store.coders()?;
    coders
        .iter()
        .find(|c| c.name == name)
        .map(|c| c.id)
        .ok_or_else(|| {
            let known: Vec<&str> = coders.iter().map(|c| c.name.as_str()).collect();
            CliError::Said(lang.no_such_coder(flag, name, &known))
        })
}

/// A code by id, name or path (`parent / child`, spaces around `/` optional).
fn code(store: &Store, key: &str, lang: Lang) -> Result<Code, CliError> {
    let codes = store.codes()?;
    let squeeze = |s: &str| s.split('/').map(str::trim).collect::<Vec<_>>().join("/");
    let want = squeeze(key);
    let found: Vec<&Code> = codes
        .iter()
        .filter(|c| {
            c.id.to_string() == key || c.name == key || squeeze(&code_path(&codes, c)) == want
        })
        .collect();
    match found.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(CliError::Said(lang.no_such_code(key))),
        many => {
            let paths: Vec<String> = many.iter().map(|c| code_path(&codes, c)).collect();
            Err(CliError::Said(lang.ambiguous_code(key, &paths)))
        }
    }
}

fn write(t: &Table, out: &Output, lang: Lang) -> Result<(), CliError> {
    let text = match out.format {
        Format::Markdown => tables::markdown(t),
        Format::Csv => tables::csv(t),
    };
    match &out.output {
        Some(path) => super::write_atomically(path, text.as_bytes(), lang),
        None => super::files::write_stdout(&text, lang),
    }
}

pub fn table(
    store: &Store,
    kind: TableKind,
    scope: &Scope,
    out: &Output,
    lang: Lang,
) -> Result<(), CliError> {
    let w = lang.table_words();
    let by = scope.coder(store, lang)?;
    let roles = match &scope.attribute {
        Some(name) => {
            let known = store.quote_attributes()?;
            if kind != TableKind::Roles || !known.contains(name) {
                return Err(CliError::Said(lang.no_quote_attribute(name, &known)));
            }
            Dimension::Attribute(name.clone())
        }
        None => Dimension::Role,
    };
    let t = match kind {
        TableKind::Cohorts => tables::by_column(store, &Dimension::Cohort, by, scope.children, w)?,
        TableKind::Roles => tables::by_column(store, &roles, by, scope.children, w)?,
        TableKind::Cooccurrence => tables::cooccurrence_table(store, by, w)?,
    };
    write(&t, out, lang)
}

pub fn agreement(
    store: &Store,
    a: &str,
    b: &str,
    cohort: Option<&str>,
    all: bool,
    out: &Output,
    lang: Lang,
) -> Result<(), CliError> {
    let w = lang.table_words();
    let a = coder(store, a, "coder", lang)?;
    let b = coder(store, b, "coder", lang)?;
    let set = match cohort {
        None if all => DocumentSet::All,
        None => DocumentSet::Shared,
        Some(key) => {
            let cohorts = store.cohorts()?;
            let c = cohorts
                .iter()
                .find(|c| c.label == key || c.id.to_string() == key)
                .ok_or_else(|| CliError::Said(lang.no_such_cohort(key)))?;
            DocumentSet::Cohort(c.id)
        }
    };
    write(&tables::agreement_table(store, set, a, b, w)?, out, lang)
}

pub fn quotes(
    store: &Store,
    key: &str,
    scope: &Scope,
    out: &Output,
    lang: Lang,
) -> Result<(), CliError> {
    let w = lang.table_words();
    let c = code(store, key, lang)?;
    let by = scope.coder(store, lang)?;
    let filter = QuoteFilter {
        code: Some(c.id),
        direct: !scope.children,
        coder: by,
        ..Default::default()
    };
    write(&tables::quotes_table(store, &filter, w)?, out, lang)
}

pub fn answers(
    store: &Store,
    instrument: &str,
    by: Option<&str>,
    only: &[String],
    out: &Output,
    lang: Lang,
) -> Result<(), CliError> {
    let (id, _) = crate::interchange::survey::find_instrument(store, instrument)
        .map_err(|e| CliError::Said(lang.survey_error(&e)))?;
    let only: Vec<(&str, &str)> = only
        .iter()
        .map(|pair| {
            pair.split_once('=')
                .map(|(n, v)| (n.trim(), v.trim()))
                .ok_or_else(|| CliError::Said(lang.only_needs_a_value(pair)))
        })
        .collect::<Result<_, _>>()?;
    let t = tables::answers_table(store, id, by, &only, lang.table_words())?;
    write(&t, out, lang)
}
