//! The command line: clap definitions and dispatch.

pub mod config;
mod export;
mod files;
mod formats;
mod import;
pub mod out;
mod progress;
mod qda;

use files::{print_counts, write_atomically};
pub use formats::{ExportFormat, ImportFormat};
use import::{import_json, import_transcript};

use crate::domain::Dataset;
use crate::interchange;
use crate::lang::Lang as Language;
use crate::store::{Store, StoreError};
use crate::tui::{BidiMode, Lang};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "tovana",
    version,
    about = "Browse and work on program-evaluation data in the terminal",
    long_about = "tovana (תובנה) opens a local store of evaluation data: cohorts, meetings, \
                  survey results, transcripts and their codes, findings and recommendations.\n\n\
                  Without a command it opens the app. Without --db the store is tovana.sqlite \
                  in the data folder, made from the built-in demo on first run."
)]
pub struct Cli {
    #[command(flatten)]
    pub db: DbArg,
    /// Who lays out right-to-left text: `app` (tovana; for terminals that do
    /// no bidi, and the default) or `terminal` (for terminals that reorder by
    /// themselves). Also TOVANA_BIDI and the config file.
    #[arg(long, global = true, value_enum, value_name = "MODE")]
    pub bidi: Option<BidiArg>,
    /// The interface's language: `he` (mirrored layout) or `en`. Default:
    /// TOVANA_LANG, the config file, then the locale.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    /// Who codes: the name every coding made in the app is recorded under.
    /// Also TOVANA_CODER and the config file; asked once when none is set.
    #[arg(long, global = true, value_name = "NAME")]
    pub coder: Option<String>,
    /// Code blind: the app shows only your own codings and counts, so that
    /// the other coders' cannot sway yours. Also TOVANA_BLIND and the config
    /// file (`blind = true`).
    #[arg(long, global = true)]
    pub blind: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BidiArg {
    App,
    Terminal,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    He,
    En,
}

#[derive(Debug, Args, Clone)]
pub struct DbArg {
    /// The store to use (an SQLite file).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new store, holding the demo data unless --empty.
    Init {
        /// Create the store with no data.
        #[arg(long)]
        empty: bool,
    },
    /// Write the store in an exchange format.
    Export {
        #[command(subcommand)]
        format: ExportFormat,
    },
    /// Read data into the store from an exchange format.
    Import {
        #[command(subcommand)]
        format: ImportFormat,
    },
    /// Count what the store holds, per entity.
    Stats,
    /// Survey files: `map FILE` prints the mapping guessed for a survey
    /// export, to check and give to `import survey --map`.
    Survey {
        #[command(subcommand)]
        command: SurveyCommand,
    },
    /// Bring another store's coding work into this one: codes, coders,
    /// documents, quotes and codings, matched by GUID (see the README).
    Merge {
        /// The other store (an SQLite file); it is only read.
        other: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Guess how to read a survey export: prints a mapping (TOML) of its
    /// columns (id, attributes, rating items and their scales, multiple
    /// choices, numbers, open answers), with what was seen in each.
    Map { file: PathBuf },
}

/// An error to show the user.
#[derive(Debug)]
pub enum CliError {
    /// Already worded, in the interface's language.
    Said(String),
    /// What the store said no to, worded when it is shown.
    Store(StoreError),
}

impl CliError {
    /// The error in the words of `lang`.
    pub fn words(&self, lang: Language) -> String {
        match self {
            CliError::Said(s) => s.clone(),
            CliError::Store(e) => lang.store_error(e),
        }
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        CliError::Store(e)
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Language::En))
    }
}

/// Runs the command line and says how it went, in the interface's language;
/// gives the exit code: 0, 1 after an error (written to standard error), or
/// 128 and the signal's number after a signal ended the app.
pub fn main(cli: Cli) -> u8 {
    let bidi = cli.bidi.map(|b| match b {
        BidiArg::App => BidiMode::App,
        BidiArg::Terminal => BidiMode::Terminal,
    });
    let lang = cli.lang.map(|l| match l {
        LangArg::He => Lang::He,
        LangArg::En => Lang::En,
    });
    // The words' language is settled as the app's is; a settings file that
    // cannot be read still lets the command say so, in the flag's or the
    // locale's language.
    let settled = config::settle(bidi, lang);
    let out = match &settled {
        Ok(s) => out::Out {
            lang: s.lang,
            bidi: s.bidi,
        },
        Err(_) => out::Out {
            lang: config::first_lang(lang),
            bidi: bidi.unwrap_or_default(),
        },
    };
    let mut signal = None;
    match dispatch(cli, settled, &out, &mut signal) {
        Ok(()) => signal.map_or(0, |s| 128 + s as u8),
        Err(e) => {
            out.fail(&e.words(out.lang));
            1
        }
    }
}

/// Runs what the command line asks for; `signal` says which signal ended
/// the app, if one did. `settled` is the settings as read, which the app
/// and the exports need whole.
fn dispatch(
    cli: Cli,
    settled: Result<crate::tui::Settings, String>,
    out: &out::Out,
    signal: &mut Option<i32>,
) -> Result<(), CliError> {
    let lang = out.lang;
    let explicit = cli.db.db.is_some();
    let db = match cli.db.db {
        Some(p) => p,
        None => default_store_path(lang)?,
    };
    // A spinner for the imports and exports that have no bar of their own
    // (shown only past half a second, on a terminal).
    let _spinner = match &cli.command {
        Some(Command::Import {
            format:
                ImportFormat::Json { .. }
                | ImportFormat::Transcript { .. }
                | ImportFormat::Survey { .. },
        })
        | Some(Command::Merge { .. }) => Some(lang.progress_writing()),
        Some(Command::Export { format }) if !matches!(format, ExportFormat::Qdpx { .. }) => {
            Some(lang.progress_writing())
        }
        _ => None,
    }
    .map(|what| {
        let bar = progress::Progress::start(&out.for_bar(what));
        bar.stage(&out.for_bar(what), None);
        bar
    });
    match cli.command {
        None => {
            // Settle the settings before touching the store or the terminal.
            let settings = settled.map_err(CliError::Said)?;
            let coder = config::coder(cli.coder, lang).map_err(CliError::Said)?;
            let blind = config::blind(cli.blind, lang).map_err(CliError::Said)?;
            let (store, created) = open_or_create_demo(&db)?;
            let notice = created.then(|| settings.lang.new_store(&db.display().to_string()));
            let ended =
                crate::tui::run(store, notice, settings, coder.as_deref(), blind).map_err(|e| {
                    match e {
                        crate::tui::RunError::Store(e) => CliError::Store(e),
                        crate::tui::RunError::Terminal(e) => {
                            CliError::Said(lang.terminal_error(&e.to_string()))
                        }
                    }
                })?;
            if let Some(name) = ended.asked_coder {
                config::remember_coder(&name, lang)
                    .map_err(|e| CliError::Said(lang.coder_not_kept(&e)))?;
            }
            *signal = ended.signal;
            Ok(())
        }
        Some(Command::Init { empty }) => {
            let data = if empty {
                Dataset::default()
            } else {
                interchange::demo()
            };
            let store = Store::create(&db, &data)?;
            out.say(&lang.created(empty, &store.path().display().to_string()));
            print_counts(&store, out)
        }
        Some(Command::Stats) => {
            let store = Store::open(&db).map_err(|e| not_found_hint(e, explicit, lang))?;
            print_counts(&store, out)
        }
        Some(Command::Export { format }) => {
            let store = Store::open(&db).map_err(|e| not_found_hint(e, explicit, lang))?;
            // The tables' words need the settings whole.
            let lang = settled.map_err(CliError::Said)?.lang;
            match format {
                ExportFormat::Json { output } => {
                    let text = interchange::to_json(&store.dataset()?);
                    match output {
                        Some(path) => write_atomically(&path, text.as_bytes(), lang),
                        None => files::write_stdout(&text, lang),
                    }
                }
                ExportFormat::Table {
                    kind,
                    scope,
                    output,
                } => export::table(&store, kind, &scope, &output, lang),
                ExportFormat::Agreement {
                    a,
                    b,
                    cohort,
                    all,
                    output,
                } => export::agreement(&store, &a, &b, cohort.as_deref(), all, &output, lang),
                ExportFormat::Quotes {
                    code,
                    scope,
                    output,
                } => export::quotes(&store, &code, &scope, &output, lang),
                ExportFormat::Answers {
                    instrument,
                    by,
                    only,
                    output,
                } => export::answers(&store, &instrument, by.as_deref(), &only, &output, lang),
                ExportFormat::Report {
                    cohort,
                    all,
                    format,
                    output,
                } => export::report(
                    &store,
                    cohort.as_deref(),
                    all,
                    format,
                    output.as_deref(),
                    lang,
                ),
                ExportFormat::Qdpx { file } => qda::export_qdpx(&store, &file, out),
                ExportFormat::Qdc { file } => qda::export_qdc(&store, &file, out),
            }
        }
        Some(Command::Import {
            format: ImportFormat::Qdpx { file, cohort },
        }) => qda::import(&db, &file, cohort, false, out),
        Some(Command::Import {
            format: ImportFormat::Qdc { file },
        }) => qda::import(&db, &file, None, true, out),
        Some(Command::Merge { other }) => {
            let mut store = Store::open(&db).map_err(|e| not_found_hint(e, explicit, lang))?;
            qda::merge(&mut store, &other, out)
        }
        Some(Command::Import {
            format: ImportFormat::Json { file, replace },
        }) => import_json(&db, &file, replace, out),
        Some(Command::Survey {
            command: SurveyCommand::Map { file },
        }) => {
            let text = interchange::survey::map_text(&file)
                .map_err(|e| CliError::Said(lang.survey_error(&e)))?;
            files::write_stdout(&text, lang)
        }
        Some(Command::Import {
            format:
                ImportFormat::Survey {
                    file,
                    map,
                    instrument,
                },
        }) => {
            let mut store = Store::open(&db).map_err(|e| not_found_hint(e, explicit, lang))?;
            import::import_survey(&mut store, &file, &map, &instrument, out)
        }
        Some(Command::Import {
            format:
                ImportFormat::Transcript {
                    file,
                    cohort,
                    instrument,
                    title,
                    encoding,
                },
        }) => {
            let mut store = Store::open(&db).map_err(|e| not_found_hint(e, explicit, lang))?;
            import_transcript(
                &mut store,
                &file,
                &cohort,
                instrument.as_deref(),
                title,
                encoding.as_deref(),
                out,
            )
        }
    }
}

fn open_or_create_demo(db: &Path) -> Result<(Store, bool), CliError> {
    if db.exists() {
        Ok((Store::open(db)?, false))
    } else {
        Ok((Store::create(db, &interchange::demo())?, true))
    }
}

fn not_found_hint(e: StoreError, explicit: bool, lang: Language) -> CliError {
    match e {
        StoreError::NotFound(p) if !explicit => {
            CliError::Said(lang.no_store_yet(&p.display().to_string()))
        }
        StoreError::NotFound(p) => CliError::Said(lang.no_such_store(&p.display().to_string())),
        e => e.into(),
    }
}

/// `tovana.sqlite` in the platform's data folder: `$XDG_DATA_HOME/tovana`
/// (or `~/.local/share/tovana`) on Linux and other Unix systems,
/// `~/Library/Application Support/tovana` on macOS, `%APPDATA%\tovana` on
/// Windows.
pub fn default_store_path(lang: Language) -> Result<PathBuf, CliError> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        env("APPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        env("XDG_DATA_HOME")
            .filter(|p| p.is_absolute())
            .or_else(|| env("HOME").map(|h| h.join(".local/share")))
    };
    base.map(|b| b.join("tovana").join("tovana.sqlite"))
        .ok_or_else(|| CliError::Said(lang.no_data_folder().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn db_is_accepted_before_or_after_the_command() {
        let a = Cli::try_parse_from(["tovana", "--db", "x.sqlite", "stats"]).unwrap();
        let b = Cli::try_parse_from(["tovana", "stats", "--db", "x.sqlite"]).unwrap();
        assert_eq!(a.db.db, b.db.db);
        let c = Cli::try_parse_from(["tovana", "import", "json", "f.json", "--replace"]).unwrap();
        assert!(matches!(
            c.command,
            Some(Command::Import {
                format: ImportFormat::Json { replace: true, .. }
            })
        ));
    }
}
