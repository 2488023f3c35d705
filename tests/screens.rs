//! Every popup and overlay on an 80×24 screen in both languages, reached by
//! pressing keys through the key table (not by sending actions), and the
//! styles that carry meaning: the selection, the pane that has the keys,
//! a coded span.

mod common;

use common::{HEBREW, app_in, buffer, keys, render};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use tovana::interchange::demo;
use tovana::tui::Settings;
use tovana::tui::app::App;

const W: u16 = 80;
const H: u16 = 24;

fn app(settings: Settings) -> (App, tempfile::TempDir) {
    let (mut app, dir) = app_in(&demo(), settings);
    app.set_coder("דנה").unwrap();
    app.update(tovana::tui::app::Action::Resize(W, H));
    (app, dir)
}

/// Both languages, each with its name for the snapshot.
fn both() -> [(&'static str, Settings); 2] {
    [("en", Settings::default()), ("he", HEBREW)]
}

/// Opens the focus group of cohort C in the reader, by keys.
fn open_focus_group(app: &mut App) {
    keys(app, &["5"]);
    let i = app
        .documents
        .docs
        .iter()
        .position(|d| d.title.contains("קבוצת מיקוד"))
        .unwrap();
    for _ in 0..i {
        keys(app, &["j"]);
    }
    keys(app, &["Enter"]);
    assert!(app.reading());
}

/// True when the screen holds `text`, in logical order or, for
/// right-to-left text, in the visual order the app lays it out in.
fn shows(screen: &str, text: &str) -> bool {
    let reversed: String = text.chars().rev().collect();
    screen.contains(text) || screen.contains(&reversed)
}

fn snapshot(name: &str, lang: &str, app: &App) -> String {
    let screen = render(app, W, H);
    insta::assert_snapshot!(format!("{name}_{lang}_80x24"), screen);
    screen
}

#[test]
fn help_over_a_view_and_over_the_reader() {
    for (lang, settings) in both() {
        let (mut app, _dir) = app(settings);
        keys(&mut app, &["6", "?"]);
        let screen = snapshot("help_codebook", lang, &app);
        // Each key once, left to right even in Hebrew.
        assert!(screen.contains("> M"), "{screen}");
        assert!(screen.contains("↓ j ↑ k"), "{screen}");
        keys(&mut app, &["Esc"]);
        open_focus_group(&mut app);
        keys(&mut app, &["?"]);
        let top = snapshot("help_reader", lang, &app);
        // Taller than 24 lines: the help scrolls to its last keys.
        let foot = |s: &str| s.lines().nth(H as usize - 2).unwrap_or("").to_string();
        assert!(foot(&top).contains("↓ 1–"), "{top}");
        keys(&mut app, &["G"]);
        let end = render(&app, W, H);
        assert!(
            foot(&end).contains("↑ ") && !foot(&end).contains('↓'),
            "{end}"
        );
        assert!(
            app.overlay.is_some(),
            "G scrolled the help, it did not close it"
        );
        let lines: Vec<&str> = top.lines().chain(end.lines()).collect();
        for k in [
            "g Home G End",
            "( )",
            "{ }",
            "u Ctrl-r",
            "Ctrl-o",
            "q Ctrl-c",
        ] {
            assert!(lines.iter().any(|l| l.contains(k)), "{k}:\n{top}\n{end}");
        }
    }
}

#[test]
fn search_with_a_query_typed() {
    for (lang, settings) in both() {
        let (mut app, _dir) = app(settings);
        keys(&mut app, &["/", "כלים"]);
        let screen = snapshot("search", lang, &app);
        assert!(
            screen.contains("כלים") || screen.contains("םילכ"),
            "{screen}"
        );
    }
}

#[test]
fn the_code_picker_filters_as_it_is_typed() {
    for (lang, settings) in both() {
        let (mut app, _dir) = app(settings);
        open_focus_group(&mut app);
        keys(&mut app, &["w", "v", "e", "c", "ציפ"]);
        let screen = snapshot("picker", lang, &app);
        // The typed name is offered as a new code as well.
        assert!(screen.contains('+'), "{screen}");
    }
}

#[test]
fn the_chooser_of_two_coders() {
    for (lang, settings) in both() {
        let (mut app, _dir) = app(settings);
        keys(&mut app, &["7", "A"]);
        let screen = snapshot("chooser", lang, &app);
        for coder in &app.coders {
            assert!(shows(&screen, &coder.name), "{}:\n{screen}", coder.name);
        }
    }
}

#[test]
fn a_prompt_for_a_new_code() {
    for (lang, settings) in both() {
        let (mut app, _dir) = app(settings);
        keys(&mut app, &["6", "n", "קוד חדש"]);
        snapshot("prompt", lang, &app);
    }
}

#[test]
fn the_confirmation_before_a_code_is_deleted() {
    for (lang, settings) in both() {
        let (mut app, _dir) = app(settings);
        keys(&mut app, &["6", "j", "d"]);
        let screen = snapshot("confirm", lang, &app);
        assert!(screen.contains("Esc"), "{screen}");
        // n keeps the code.
        let codes = app.codes.len();
        keys(&mut app, &["n"]);
        assert_eq!(app.codes.len(), codes);
    }
}

#[test]
fn the_memo_editor_with_two_paragraphs() {
    for (lang, settings) in both() {
        let (mut app, _dir) = app(settings);
        keys(
            &mut app,
            &["6", "j", "m", "פסקה ראשונה", "Enter", "second paragraph"],
        );
        let screen = snapshot("memo", lang, &app);
        assert!(screen.contains("Ctrl-s"), "{screen}");
        keys(&mut app, &["C-s"]);
        assert!(app.modal.is_none(), "Ctrl-s saves and closes");
    }
}

/// The cells of a row that carry a modifier.
fn row_with(buf: &Buffer, y: u16, m: Modifier) -> String {
    (0..buf.area.width)
        .filter(|x| buf[(*x, y)].modifier.contains(m))
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

/// The rows below the tab bar and above the status bar that carry a
/// modifier.
fn rows_with(buf: &Buffer, m: Modifier) -> Vec<u16> {
    (1..buf.area.height - 1)
        .filter(|y| !row_with(buf, *y, m).trim().is_empty())
        .collect()
}

#[test]
fn the_selected_row_is_in_reversed_video_and_moves_with_j() {
    for (_, settings) in both() {
        let (mut app, _dir) = app(settings);
        let before = rows_with(&buffer(&app, W, H), Modifier::REVERSED);
        assert_eq!(before.len(), 1, "one selected row: {before:?}");
        keys(&mut app, &["j"]);
        let after = rows_with(&buffer(&app, W, H), Modifier::REVERSED);
        assert_eq!(after, [before[0] + 1]);
    }
}

#[test]
fn only_the_pane_that_has_the_keys_marks_its_selection() {
    for (_, settings) in both() {
        let (mut app, _dir) = app(settings);
        // A code with quotes: the first child of the first top-level code.
        keys(&mut app, &["6", "j"]);
        let buf = buffer(&app, W, H);
        let screen = common::screen(&buf);
        assert!(!screen.contains('●'), "the list has the keys:\n{screen}");
        let codebook_rows = rows_with(&buf, Modifier::REVERSED);
        keys(&mut app, &["Enter"]);
        let buf = buffer(&app, W, H);
        let screen = common::screen(&buf);
        assert!(screen.contains('●'), "the quotes have the keys:\n{screen}");
        let rows = rows_with(&buf, Modifier::REVERSED);
        assert!(
            rows.iter().any(|y| !codebook_rows.contains(y)),
            "the quote's row is marked: {rows:?} against {codebook_rows:?}"
        );
        keys(&mut app, &["Esc"]);
        let screen = render(&app, W, H);
        assert!(!screen.contains('●'), "back in the list:\n{screen}");
    }
}

#[test]
fn a_coded_span_takes_its_codes_colour_and_a_selection_its_own() {
    let (mut app, _dir) = app(Settings::default());
    open_focus_group(&mut app);
    let buf = buffer(&app, W, H);
    // The demo's focus group is coded: some cells carry a code's colour as
    // background, in black.
    let coded = (0..H)
        .flat_map(|y| (0..W).map(move |x| (x, y)))
        .filter(|p| buf[*p].fg == Color::Black && buf[*p].bg != Color::Reset)
        .count();
    assert!(coded > 0, "{}", common::screen(&buf));
    // A selection is white on blue, and grows with the motion.
    keys(&mut app, &["v", "e"]);
    let blue = |app: &App| {
        let buf = buffer(app, W, H);
        (0..H)
            .flat_map(|y| (0..W).map(move |x| (x, y)))
            .filter(|p| buf[*p].bg == Color::Blue && buf[*p].fg == Color::White)
            .count()
    };
    let one = blue(&app);
    keys(&mut app, &["e"]);
    assert!(blue(&app) > one && one > 0, "{one} then {}", blue(&app));
    // The cursor is one cell in reversed bold (the tab bar's current view
    // aside).
    let buf = buffer(&app, W, H);
    let cursor = (1..H - 1)
        .flat_map(|y| (0..W).map(move |x| (x, y)))
        .filter(|p| {
            buf[*p]
                .modifier
                .contains(Modifier::REVERSED | Modifier::BOLD)
        })
        .count();
    assert_eq!(cursor, 1);
}

#[test]
fn the_too_small_message_gives_columns_by_rows_in_hebrew_too() {
    let (app, _dir) = app(HEBREW);
    let screen = render(&app, 70, 20);
    assert!(screen.contains("70×20"), "{screen}");
    assert!(screen.contains("80×24"), "{screen}");
    assert!(!screen.contains('\u{200E}'), "marks are not drawn");
}

#[test]
fn a_path_in_a_hebrew_status_line_keeps_its_slashes_in_place() {
    let (mut app, dir) = app(HEBREW);
    app.export_dir = dir.path().to_path_buf();
    keys(&mut app, &["7", "E"]);
    let screen = render(&app, 120, 30);
    let status = screen.lines().last().unwrap().to_string();
    let md = dir
        .path()
        .join("tovana-codes-by-cohort.md")
        .display()
        .to_string()
        .replace(&dir.path().display().to_string(), "<tmp>");
    assert!(status.contains(&md), "{status}");
}

/// A screen drawn step by step (a popup opened over the text, then closed)
/// must end as the same screen drawn whole: no stale cell may stay behind
/// characters whose width the layout and the terminal could see apart.
#[test]
fn a_screen_drawn_step_by_step_ends_as_the_screen_drawn_whole() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let corpus = [
        "line\u{2028}separator and paragraph\u{2029}separator",
        "zero\u{FEFF}width no-break space",
        "family 👨\u{200D}👩\u{200D}👧 joined",
        "flags 🇮🇱🇺🇸 and keycaps 1\u{FE0F}\u{20E3} #\u{FE0F}\u{20E3}",
        "שלום\u{2028}עולם 👍🏽 כן",
    ];
    let mut d = demo();
    let doc = d
        .documents
        .iter()
        .position(|x| x.title.contains("קבוצת מיקוד"))
        .unwrap();
    let extra: String = corpus.join("\n\n");
    d.documents[doc].text = format!("{extra}\n\n{}", d.documents[doc].text);
    // The quotes of that document move with the text put before them.
    let shift = extra.chars().count() + 2;
    let id = d.documents[doc].id;
    for q in d.quotes.iter_mut().filter(|q| q.document == id) {
        q.start += shift as u32;
        q.end += shift as u32;
    }
    for settings in [Settings::default(), HEBREW] {
        let (mut app, _dir) = app_in(&d, settings);
        app.set_coder("דנה").unwrap();
        app.update(tovana::tui::app::Action::Resize(W, H));
        open_focus_group(&mut app);
        let mut step = Terminal::new(TestBackend::new(W, H)).unwrap();
        let draw = |t: &mut Terminal<TestBackend>, app: &App| {
            t.draw(|f| tovana::tui::views::draw(app, f)).unwrap();
        };
        draw(&mut step, &app);
        for k in [
            &["v", "e", "e"][..],
            &["c"],
            &["ציפ"],
            &["Esc"],
            &["Esc"],
            &["j", "j"],
        ] {
            keys(&mut app, k);
            draw(&mut step, &app);
        }
        let mut whole = Terminal::new(TestBackend::new(W, H)).unwrap();
        draw(&mut whole, &app);
        assert_eq!(
            visible(step.backend().buffer()),
            visible(whole.backend().buffer())
        );
        let screen = visible(whole.backend().buffer());
        assert!(
            !screen.contains(['\u{2028}', '\u{2029}']),
            "separators reach the terminal as spaces:\n{screen}"
        );
    }
}

/// The screen as a terminal shows it: a wide character covers the cell
/// after it, which is not read.
fn visible(buf: &Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            out.push_str(symbol);
            x += symbol.width().max(1) as u16;
        }
        out.push('\n');
    }
    out
}

#[test]
fn codes_here_read_code_then_coder_in_both_languages() {
    for (_, settings) in both() {
        let (mut app, _dir) = app(settings);
        app.update(tovana::tui::app::Action::Resize(120, 30));
        open_focus_group(&mut app);
        // To a spot the demo's coders coded.
        for _ in 0..40 {
            if !app
                .documents
                .reader
                .as_ref()
                .unwrap()
                .marks_here()
                .is_empty()
            {
                break;
            }
            keys(&mut app, &["w"]);
        }
        let screen = render(&app, 120, 30);
        let here = app.documents.reader.as_ref().unwrap().marks_here();
        assert!(!here.is_empty());
        let coder = &app
            .coders
            .iter()
            .find(|c| c.id == here[0].coder)
            .unwrap()
            .name;
        // The coder's name stands whole inside its parentheses (mirrored
        // on a right-to-left line).
        let reversed: String = coder.chars().rev().collect();
        assert!(
            screen.contains(&format!("({reversed})")) || screen.contains(&format!("){reversed}(")),
            "{screen}"
        );
    }
}

#[test]
fn the_pane_that_has_the_keys_has_its_border_marked() {
    let (mut app, _dir) = app(Settings::default());
    keys(&mut app, &["6", "j"]);
    let list = cyan_corners(&buffer(&app, W, H));
    assert_eq!(list, [(0, 1)], "the codebook list has the keys");
    keys(&mut app, &["Enter"]);
    let quotes = cyan_corners(&buffer(&app, W, H));
    assert_eq!(quotes.len(), 1);
    assert_ne!(quotes, list, "the quotes have them now");
    keys(&mut app, &["Esc"]);
    assert_eq!(cyan_corners(&buffer(&app, W, H)), list);
}

#[test]
fn at_80x24_a_long_cohort_card_scrolls_to_its_response_rates() {
    for (_, settings) in both() {
        let (mut app, _dir) = app(settings);
        // Cohort ג: its fourteen meetings push the instruments off the card.
        keys(&mut app, &["j", "j"]);
        let last = app.cohorts.instruments.last().unwrap().title.clone();
        let before = render(&app, W, H);
        assert!(!shows(&before, &last), "{before}");
        assert!(
            !before.contains('%'),
            "no response rate on screen yet:\n{before}"
        );
        keys(&mut app, &["Enter"]);
        render(&app, W, H);
        keys(&mut app, &["G"]);
        let after = render(&app, W, H);
        assert!(after.contains('%'), "a response rate shows:\n{after}");
        // Esc gives the keys back to the list: j moves the selection again.
        keys(&mut app, &["Esc", "k"]);
        assert_eq!(app.cohorts.selected, 1);
    }
}

/// The corners of the panes whose border is marked as having the keys.
fn cyan_corners(buf: &Buffer) -> Vec<(u16, u16)> {
    (0..H)
        .flat_map(|y| (0..W).map(move |x| (x, y)))
        .filter(|p| buf[*p].symbol() == "┌" && buf[*p].fg == Color::Cyan)
        .collect()
}

#[test]
fn at_80x24_every_detail_pane_takes_the_keys_and_gives_them_back() {
    for (lang, settings) in both() {
        // Each view, and the key that gives its detail pane the keys.
        for (view, focus) in [("1", "Enter"), ("2", "Enter"), ("4", "Enter"), ("5", "l")] {
            let (mut app, _dir) = app(settings);
            keys(&mut app, &[view]);
            let list = cyan_corners(&buffer(&app, W, H));
            assert_eq!(list.len(), 1, "{lang} view {view}: the list has the keys");
            keys(&mut app, &[focus]);
            let detail = cyan_corners(&buffer(&app, W, H));
            assert_eq!(detail.len(), 1, "{lang} view {view}");
            assert_ne!(detail, list, "{lang} view {view}: the detail has them");
            // j scrolls the detail (if anything), not the list's selection.
            let before = render(&app, W, H);
            keys(&mut app, &["j"]);
            let after = render(&app, W, H);
            let list_col = |s: &str| -> Vec<String> {
                s.lines()
                    .map(|l| {
                        let cells: Vec<char> = l.chars().collect();
                        let x = list[0].0 as usize;
                        cells[x..(x + 10).min(cells.len())].iter().collect()
                    })
                    .collect()
            };
            assert_eq!(list_col(&before), list_col(&after), "{lang} view {view}");
            keys(&mut app, &["Esc"]);
            assert_eq!(
                cyan_corners(&buffer(&app, W, H)),
                list,
                "{lang} view {view}"
            );
            // And with the list's keys back, j moves the selection.
            keys(&mut app, &["j"]);
            assert_ne!(render(&app, W, H), after, "{lang} view {view}");
        }
    }
}

#[test]
fn at_80x24_a_questions_figures_scroll_to_their_end() {
    for (lang, settings) in both() {
        let (mut app, _dir) = app(settings);
        keys(&mut app, &["2"]);
        // The first question whose figures do not fit says so at its foot.
        let mut found = false;
        for _ in 0..app.survey.order.len() {
            if render(&app, W, H).contains('↓') {
                found = true;
                break;
            }
            keys(&mut app, &["j"]);
        }
        assert!(found, "{lang}: some question's figures overflow at 80×24");
        let row = app.survey.selected_row().unwrap().clone();
        let last_line_of_detail = {
            keys(&mut app, &["Enter", "G"]);
            render(&app, W, H)
        };
        assert!(
            last_line_of_detail.contains('↑'),
            "{lang}\n{last_line_of_detail}"
        );
        assert!(
            !last_line_of_detail.contains('↓'),
            "{lang}\n{last_line_of_detail}"
        );
        // Still the same question.
        assert_eq!(
            app.survey.selected_row().unwrap().question.id,
            row.question.id
        );
    }
}

#[test]
fn at_80x24_the_comparison_shows_its_response_rates_whole() {
    for (_, settings) in both() {
        let (mut app, _dir) = app(settings);
        // Cohort א pinned, cohort ג beside it.
        keys(&mut app, &["c", "j", "j"]);
        let screen = render(&app, W, H);
        assert!(screen.contains("(71%)"), "{screen}");
        assert!(screen.contains("(90%)"), "{screen}");
    }
}

#[test]
fn the_tables_rows_show_the_code_tree_on_the_interfaces_side() {
    for (lang, settings) in both() {
        let (mut app, _dir) = app(settings);
        keys(&mut app, &["7"]);
        let t = &app.tables.table;
        let parent = t.rows.iter().position(|r| r.depth == 0).unwrap();
        let child = t.rows.iter().position(|r| r.depth == 1).unwrap();
        let screen = render(&app, W, H);
        // Where each label's line starts (or ends, mirrored) its text.
        let edge = |row: usize| -> usize {
            let label: String = t.label(row).chars().take(6).collect();
            let reversed: String = label.chars().rev().collect();
            let line = screen
                .lines()
                .find(|l| l.contains(&label) || l.contains(&reversed))
                .unwrap_or_else(|| panic!("{lang}: row {row} on screen:\n{screen}"));
            let cells: Vec<char> = line.chars().collect();
            let text = |c: &char| !c.is_whitespace() && *c != '│';
            if lang == "he" {
                cells.len() - 1 - cells.iter().rposition(text).unwrap()
            } else {
                cells.iter().position(text).unwrap()
            }
        };
        assert_eq!(edge(child), edge(parent) + 2, "{lang}:\n{screen}");
    }
}

#[test]
fn at_80x24_a_top_box_figure_is_never_broken_across_lines() {
    for (lang, settings) in both() {
        let (mut app, _dir) = app(settings);
        keys(&mut app, &["2"]);
        for _ in 0..8 {
            let screen = render(&app, W, H);
            for line in screen.lines() {
                // A figure's parentheses open and close on the same line.
                assert_eq!(
                    line.matches('(').count(),
                    line.matches(')').count(),
                    "{lang}: {line}\n{screen}"
                );
            }
            keys(&mut app, &["j"]);
        }
    }
}

#[test]
fn at_80x24_the_selected_question_stays_in_view_down_the_whole_list() {
    let (mut app, _dir) = app(Settings::default());
    keys(&mut app, &["2"]);
    let n = app.survey.order.len();
    assert!(
        n > H as usize,
        "more questions than rows: the list must scroll"
    );
    let marker_row = |screen: &str| {
        let rows: Vec<usize> = screen
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains('▶'))
            .map(|(y, _)| y)
            .collect();
        assert_eq!(rows.len(), 1, "one selected row:\n{screen}");
        rows[0]
    };
    let mut last = 0;
    for step in 0..n {
        let screen = render(&app, W, H);
        let y = marker_row(&screen);
        assert!(
            (2..H as usize - 2).contains(&y),
            "step {step}: row {y}\n{screen}"
        );
        assert!(
            y >= last,
            "step {step}: the selection went up the screen\n{screen}"
        );
        last = y;
        keys(&mut app, &["j"]);
    }
    // Down at the last question, its row is the list's last.
    assert_eq!(last, H as usize - 3);
}

#[test]
fn uptake_is_said_to_be_the_stores_judgement_where_it_is_shown() {
    for (name, settings) in both() {
        let (mut app, _dir) = app(settings);
        keys(&mut app, &["4"]);
        let screen = render(&app, 160, 48);
        let (short, whole) = match name {
            "en" => ("uptake as judged here", "Uptake is judged in this store"),
            _ => ("יישום לפי הערכת המאגר", "היישום מוערך במאגר הזה"),
        };
        assert!(shows(&screen, short), "{name}: the list's title\n{screen}");
        assert!(shows(&screen, whole), "{name}: under the status\n{screen}");
    }
}
