//! The app without a terminal: actions in, state and rendered screens out.
//! `TestBackend` does no bidi, so the snapshots show exactly the cells a
//! terminal would receive.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tovana::domain::Dataset;
use tovana::interchange::demo;
use tovana::store::Store;
use tovana::tui::app::{Action, App};
use tovana::tui::{BidiMode, Lang, Settings, views};

fn app_in(data: &Dataset, settings: Settings) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("t.sqlite"), data).unwrap();
    (App::new(store, None, settings).unwrap(), dir)
}

fn app_with(data: &Dataset) -> (App, tempfile::TempDir) {
    app_in(data, Settings::default())
}

const HEBREW: Settings = Settings {
    bidi: BidiMode::App,
    lang: Lang::He,
};

/// The screen as text, one line per row, the store's temporary path masked.
fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| views::draw(app, f)).unwrap();
    let text = screen(terminal.backend().buffer());
    // The temporary folder's name changes from run to run (its length does not).
    let dir = app.store().path().parent().unwrap().display().to_string();
    text.replace(&dir, "<tmp>")
}

fn screen(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn the_cohort_list_and_card_of_the_demo() {
    let (mut app, _dir) = app_with(&demo());
    insta::assert_snapshot!("cohorts_first", render(&app, 100, 30));
    assert!(app.update(Action::Last));
    assert_eq!(app.selected_cohort().unwrap().label, "ג");
    // The card was loaded when the selection moved: cohort C's sessions.
    assert_eq!(app.detail.sessions.len(), 14);
    insta::assert_snapshot!("cohorts_last", render(&app, 100, 30));
}

#[test]
fn the_first_key_clears_a_status_message() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("t.sqlite"), &demo()).unwrap();
    let mut app = App::new(
        store,
        Some("new store from the demo".into()),
        Settings::default(),
    )
    .unwrap();
    assert!(render(&app, 100, 30).contains("new store from the demo"));
    assert!(
        app.update(Action::Up),
        "nothing moved, but the message went"
    );
    assert!(!render(&app, 100, 30).contains("new store from the demo"));
    assert!(!app.update(Action::Up));
}

#[test]
fn moving_past_either_end_changes_nothing() {
    let (mut app, _dir) = app_with(&demo());
    assert!(!app.update(Action::Up), "already at the first cohort");
    assert!(app.update(Action::Down));
    assert!(app.update(Action::Down));
    assert!(!app.update(Action::Down), "already at the last cohort");
    assert_eq!(app.selected, 2);
    assert!(app.update(Action::First));
    assert_eq!(app.selected, 0);
}

#[test]
fn help_lists_the_keys_and_closes_again() {
    let (mut app, _dir) = app_with(&demo());
    assert!(app.update(Action::ToggleHelp));
    let screen = render(&app, 100, 30);
    assert!(screen.contains("Keys"), "{screen}");
    assert!(screen.contains("quit"), "{screen}");
    // Movement keys do nothing while help is open; Esc closes it.
    assert!(!app.update(Action::Down));
    assert_eq!(app.selected, 0);
    assert!(app.update(Action::Back));
    assert!(!render(&app, 100, 30).contains("Keys"));
    assert!(app.update(Action::Quit));
    assert!(app.quit);
}

#[test]
fn an_empty_store_says_what_to_do_next() {
    let (app, _dir) = app_with(&Dataset::default());
    let text = render(&app, 80, 24);
    assert!(text.contains("tovana import json"), "{text}");
    insta::assert_snapshot!("cohorts_empty", text);
}

#[test]
fn a_terminal_too_small_gets_a_message_not_a_mangled_layout() {
    let (app, _dir) = app_with(&demo());
    let text = render(&app, 40, 8);
    assert!(text.contains("40×8"), "{text}");
    assert!(text.contains("60×12"), "{text}");
}

#[test]
fn control_characters_from_the_store_never_reach_the_screen() {
    let mut d = demo();
    d.cohorts[0].notes = "before\u{1b}[2Jafter\u{7}\u{202e}reversed".into();
    let (app, _dir) = app_with(&d);
    let mut terminal = Terminal::new(TestBackend::new(100, 40)).unwrap();
    terminal.draw(|f| views::draw(&app, f)).unwrap();
    let text = screen(terminal.backend().buffer());
    assert!(text.contains("before"), "{text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(!text.contains('\u{202e}'));
}

#[test]
fn the_hebrew_interface_is_mirrored_and_reads_right_to_left() {
    let (mut app, _dir) = app_in(&demo(), HEBREW);
    let screen = render(&app, 100, 30);
    // The list is on the right: its first row ends with the marker at the border.
    let first_row = screen.lines().nth(1).unwrap();
    assert!(first_row.trim_end().ends_with("◀│"), "{first_row}");
    // Interface words and data arrive in visual order.
    assert!(screen.contains("37 :םיפתתשמ"), "{screen}");
    assert!(screen.contains("ימוקמ ןוטלש"), "{screen}");
    insta::assert_snapshot!("cohorts_first_he", screen);
    assert!(app.update(Action::ToggleHelp));
    insta::assert_snapshot!("help_he", render(&app, 100, 30));
}

#[test]
fn terminal_mode_hands_over_logical_order() {
    let settings = Settings {
        bidi: BidiMode::Terminal,
        lang: Lang::En,
    };
    let (app, _dir) = app_in(&demo(), settings);
    let screen = render(&app, 100, 30);
    assert!(screen.contains("שלטון מקומי"), "{screen}");
    assert!(!screen.contains("ימוקמ ןוטלש"), "{screen}");
}

/// A pane of Hebrew findings, as the findings view will hold them: each
/// statement a right-to-left paragraph, wrapped and reordered.
fn findings_pane(width: u16, height: u16) -> String {
    use ratatui::style::Style;
    use ratatui::widgets::{Block, Paragraph};
    use tovana::text::LayoutCache;
    use tovana::tui::widgets::Prose;
    let cache = LayoutCache::default();
    let prose = Prose {
        cache: &cache,
        order: tovana::text::Order::Visual,
    };
    let d = demo();
    let inner = width.saturating_sub(2) as usize;
    let mut lines = vec![];
    for f in d.findings.iter().take(4) {
        lines.extend(prose.lines(
            &format!("{}. {}", f.ordinal, f.statement),
            inner,
            None,
            Style::new(),
        ));
        lines.push(ratatui::text::Line::from(""));
    }
    let title = prose.inline(" ממצאים ", inner, None, Style::new());
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| {
            let block = Block::bordered()
                .title(title)
                .title_alignment(ratatui::layout::Alignment::Right);
            f.render_widget(Paragraph::new(lines).block(block), f.area())
        })
        .unwrap();
    screen(terminal.backend().buffer())
}

#[test]
fn a_pane_of_hebrew_findings_at_two_sizes() {
    let narrow = findings_pane(60, 24);
    let wide = findings_pane(120, 16);
    // Right-aligned: every text row ends at the right border.
    for row in narrow
        .lines()
        .skip(1)
        .filter(|r| r.chars().any(|c| ('א'..='ת').contains(&c)))
    {
        assert!(!row.ends_with(" │"), "{row}");
    }
    insta::assert_snapshot!("findings_pane_60x24", narrow);
    insta::assert_snapshot!("findings_pane_120x16", wide);
}
