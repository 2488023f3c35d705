//! tovana (תובנה, "insight"): program-evaluation data in the terminal.
//!
//! # The map of the code
//!
//! One crate, one binary (`main.rs` calls [`cli`]). The modules, and the
//! direction their imports go (an arrow points at what is used):
//!
//! ```text
//! cli ─┬─► tui ──────────┬─► analysis ─┐
//!      │                 ├─► text      │
//!      ├─► interchange ──┤             ├─► domain
//!      └─────────────────┴─► store ────┘
//! ```
//!
//! | module | owns | knows nothing of |
//! | --- | --- | --- |
//! | [`domain`] | the field's plain types (cohorts, sessions, instruments, questions, documents, quotes, codes, codings, coders, findings, recommendations, journal acts), dates, the code tree, validation of a dataset; what another tool or store brings, by GUID (`domain::exchange`: the batch, the tally of a merge, its conflicts and the rule for memos) | SQL, terminals |
//! | [`store`] | the SQLite file: schema and migrations, the invariants checked on opening, typed reads and writes (one file per aggregate; lists of quotes by filter and page in `store::quotes`), full-text search, the journal behind undo (each entry its coder's), what triggers keep for reads at scale (each coding's facts in `coding_fact`, each quote's text in `quote_text`, each document's length and illustrative flag in `document_info`; each document's text outside its quotes as passages in `store::passages`); every write one transaction, into the file that was opened; a new store built in a file of its own and renamed into place when whole, an import into it included (`store/create.rs`); a batch merged by GUID in one transaction, each rule the same whichever side merges into which (`store/exchange/`); survey answers row by row, a file at a time, and their counts per option and per attribute value kept by triggers (`store::respondents`) | ratatui, crossterm |
//! | [`analysis`] | pure figures from domain values: survey percentages and top box, a numeric item's mean, median and distribution, cohort comparison, co-occurrence, agreement between coders | SQL, terminals |
//! | [`text`] | right-to-left text for a terminal: sanitising, paragraph direction, wrapping, visual order, mirroring, widths, cursor motions (`text::cursor`) and where words, sentences and turns are (`text::marks`); a long text cut into parts and laid out a window at a time (`text::parts`); Hebrew folding for matching | SQL, the domain |
//! | [`interchange`] | what crosses the store's border: the JSON form; REFI-QDA projects and codebooks (`interchange::qda`: archives read within limits, the XML read in one pass, how a file counts positions decided from it, the project made a batch, a store written as a project); survey exports row by row (`interchange::survey`: the file's encoding, delimiter and records, each tool's layout, LimeSurvey's own files, known scale labels, the map guessed and read as TOML, the batch the store writes); transcripts (plain text in any encoding, Word); the tables and the files they are written to as Markdown and CSV (a survey's answers among them); the evaluation report (`interchange::report`: read from the store into sections and blocks, written as one self-contained HTML page with SVG bars or as Markdown, its words through the `Say` trait the interface's languages implement) | terminals |
//! | [`tui`] | the app: actions, keys, state and routing, views, popups, widgets, the terminal's set-up and restore | SQL strings |
//! | [`synth`] | made-up stores of any size from a seed, for the scale benchmark and the tests at scale (vocabulary, program side, qualitative side, a file each) | SQL, terminals (it uses `domain` only) |
//! | [`cli`] | clap definitions, the config file, dispatch to the above, what is printed (`cli/out.rs`: the interface's language, Hebrew laid out for a terminal) | — |
//!
//! Two arrows beyond the drawing are deliberate: `tui → interchange` (the
//! Tables view shows the very `interchange::tables::Table` it and the command
//! line export, and `E` writes it through `interchange::files`) and
//! `interchange → analysis` (tables are built from its figures). One arrow
//! between peers remains: `store → text`, for Hebrew folding
//! (`text::fold`), which the full-text index applies to what it holds as the
//! picker and the search box apply it to what is typed. No module imports
//! one above it, tests included: the unit tests of `store` and `analysis`
//! read the demo through `domain` (test-only), and the checks of the store's
//! tables against `analysis` are integration tests (`tests/store_tables.rs`).
//! Data is cleaned where it enters (a coder's name in `App::set_coder`), not
//! in the store's queries; no view writes a file.
//!
//! # Inside the app
//!
//! - [`tui::action`] is a leaf: `Action` (everything a key can ask for),
//!   `ViewId`, `Target` (where a jump goes), `Outcome` (what an update
//!   reports), `Overlay`. Every other `tui` module may import it; it imports
//!   no view.
//! - [`tui::keys`] is keys as data: one table (`tui/keys/table.rs`) of
//!   every binding (context, keys, what it does, help id). Dispatch, the `?`
//!   help, the footer and key letters in messages all read it; the same file
//!   lists, in `FOOTER`, which of them the bottom line names where the user
//!   stands (drawn by `tui/widgets/status.rs`). A key is
//!   looked up in a stack of contexts (a popup's; or the reader's, the
//!   view's, every view's), first match wins (`keys/mod.rs`); the help of a
//!   place and the keys messages name are `keys/help.rs`.
//! - [`tui::app`] holds `App`, the whole state, and `App::update`, the one
//!   place state changes; it routes an action to the open popup, overlay or
//!   the current view (`tui/app/mod.rs`). Routing to the views (a view by
//!   id, its `Env`, switching, jumping, loading) is `tui/app/routing.rs`; the
//!   coding workflow (the reader's keys, what popups answer, undo)
//!   `tui/app/coding.rs`; applying a code to the reader's target
//!   `tui/app/applying.rs`; codebook edits and exports `tui/app/codebook.rs`.
//! - [`tui::views`]: one module per view, each with its state and its
//!   `View` impl (load, invalidate, update from an action with a narrow
//!   `Env` — the store, whose codings are shown, the language — and draw
//!   from the view's own state and a read-only `widgets::Ctx`, which holds
//!   no store). `views::draw` composes a frame from anything that is a
//!   `Screen` (the app is one), so views do not know `App`. A view that grew
//!   is a folder: `documents/` (list; `reader.rs`), `survey/` (questions;
//!   `list.rs`, each question's place without its text, and the wordings
//!   near the selection; `results.rs`, which Findings draws too;
//!   `reading.rs`, which results and wordings it keeps read; `answers.rs`,
//!   the selected question's answers row by row under its split, and
//!   `answered.rs`, how they are drawn), `cohorts/` (list and
//!   comparison; `card.rs`), `tables/` (keys; `grid.rs`). A view also says
//!   where the user stands in it (`View::place`) and goes back there
//!   (`View::return_to`): the app keeps a place on its trail at each jump,
//!   and `Esc` or `Ctrl-o` goes back along it.
//! - [`tui::popups`] holds the popups, one file each (picker, chooser,
//!   prompt, memo editor, confirm). Each takes a key and answers with a
//!   `Reply` (still open, cancelled, or what was picked, chosen, written or
//!   confirmed); the app acts on the answer. (`views::modal` is the popups'
//!   old name, re-exported.)
//! - [`tui::widgets`] are the pieces several views draw (panes, prose laid
//!   out by [`text`], a line of data pieces held as isolates, a detail pane
//!   that takes the keys and scrolls, bars, colours, the status bar) and
//!   `Ctx`, what drawing
//!   may read; [`tui::terminal`] is the one place that enters and leaves the
//!   terminal; [`tui::settings`] holds the bidi mode and `Settings`.
//!   [`tui::memory`] gives the allocator's free memory back after a
//!   heavy piece of work (`App::update` calls it).
//! - Inside `tui` the imports form no circle: `action` and `settings` are
//!   leaves; `keys → action`; `widgets → keys, action, settings`; `popups →
//!   widgets`; `views → popups, widgets, keys`; `strings → views, popups,
//!   keys` (for the kinds it names); `app → views, popups`; the event loop in
//!   `tui/mod.rs` uses `app`, `keys` and `views`.
//! - [`lang::Lang`], the interface's language, sits at the top of the crate
//!   so that `cli`, `interchange` and `tui` can all use it.
//! - [`tui::strings`]: every text the user reads, the app's and the command
//!   line's, behind one trait (`Strings`, the views' words) and its
//!   supertraits (`Coding`: reader, documents, codebook, tables, popups,
//!   undo; `Keys`: help lines and footer words; `Messages`: what the command
//!   line prints; `Refusals`: why something was not done), one folder per
//!   language (`en/`, `he/`) with a file per trait; `Lang` derefs to its
//!   strings (`lang.cohort(label)`, `lang.store_error(&e)`). Layers below
//!   `tui` say what went wrong as data, not sentences: `domain::Problem`
//!   (a field's `Fault`), `store::Refusal` (in `StoreError::Refused`),
//!   `interchange::transcript::ImportError`; their `english()` is what
//!   `Display` and logs give, and each language words them in `Refusals`.
//!   Messages that name keys take them
//!   from the key table (`keys::Names`). The English table words are
//!   `interchange::tables::Words::EN` and the English act words
//!   `domain::Act::english`, because `interchange` and the store's messages
//!   use them below `tui`.
//!
//! # Where a new piece goes
//!
//! - **A view**: a module in `tui/views/` with its state and `impl View`; a
//!   `ViewId` variant in `tui/action.rs`; its field in `App` (`tui/app/mod.rs`) and its arm in
//!   `App::view_state` and `App::view_and_env` (`tui/app/routing.rs`); its
//!   keys as rows of
//!   `tui/keys/table.rs` (context `View(..)`) with their help ids in
//!   `tui/keys/ids.rs`; its words (name, help lines, messages) as methods of
//!   `Strings` or `Keys` (`tui/strings/mod.rs`) given in `en/` and `he/`; its
//!   queries in a `store` file.
//! - **An importer**: a module in `interchange/` that reads the file and
//!   writes through `store` in one transaction (as
//!   `interchange::transcript::import_file`), and its subcommand: the clap
//!   definition in `cli/mod.rs`, and in `cli/import.rs` the call and what is
//!   printed of what was written (its words a `Messages` method, in
//!   `tui/strings/{en,he}/messages.rs`). One that brings coding work from
//!   another tool makes a `domain::exchange::Batch` and hands it to
//!   `Store::merge_batch`, as `interchange::qda::import` does (its words in
//!   `Exchange`, `tui/strings/{en,he}/exchange.rs`; its progress through
//!   `cli/progress.rs`).
//! - **A reader key**: an `Action` variant (`tui/action.rs`), a row of
//!   context `Reader` in `tui/keys/table.rs` (a new help id in
//!   `tui/keys/ids.rs` and its words in `Keys::key_help`, in
//!   `tui/strings/{en,he}/keys.rs`, if it needs its own line), a row of
//!   `FOOTER` and a `Hint` with its word in `Keys::hint` if the bottom line
//!   should name it,
//!   and its handling in `App::reader_update` (`tui/app/coding.rs`).
//! - **An interface language**: a `Lang` variant (with its parse name,
//!   direction and mark) in `lang.rs`, one new folder `tui/strings/xx/`
//!   that implements `Strings`, `Coding`, `Keys`, `Messages` and `Refusals` (its table
//!   words and act names included; the compiler lists every method it
//!   lacks), and its arm in the `Deref` of `tui/strings/mod.rs`.

pub mod analysis;
pub mod cli;
pub mod domain;
pub mod interchange;
pub mod lang;
pub mod store;
pub mod synth;
pub mod text;
pub mod tui;
