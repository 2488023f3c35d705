//! The bottom line: on one side what just happened (or the store and its
//! size), on the other the footer, the main keys of where the user stands.

use super::Ctx;
use crate::lang::Lang;
use crate::text::{self, Direction};
use crate::tui::action::Overlay;
use crate::tui::keys::{self, Context, FOOTER, Hint, Place};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// One key of the footer: its label and the word beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FooterKey {
    pub key: String,
    pub hint: Hint,
    pub word: &'static str,
}

/// The footer's keys where the user stands: over a popup or the search, its
/// own way out; else the reader's or the view's own main keys, then search,
/// help and quit. Read from the key table, so a letter is the one that does
/// the thing there.
pub fn footer(lang: Lang, place: Place) -> Vec<FooterKey> {
    let contexts = match place.overlay {
        Some(Overlay::Typing) => vec![Context::Typing],
        Some(Overlay::Choosing) => vec![Context::Choosing],
        Some(Overlay::Confirming) => vec![Context::Confirming],
        Some(Overlay::Search) => vec![Context::Search],
        Some(Overlay::Help) | None if place.reading => vec![Context::Reader, Context::Global],
        Some(Overlay::Help) | None => vec![Context::View(place.view), Context::Global],
    };
    // Under the help, the keys of the view it covers.
    let place = Place {
        overlay: place.overlay.filter(|o| *o != Overlay::Help),
        ..place
    };
    contexts
        .into_iter()
        .flat_map(|context| FOOTER.iter().filter(move |(c, _, _)| *c == context))
        .filter_map(|&(_, action, hint)| {
            let key = keys::label(action, place);
            (!key.is_empty()).then(|| FooterKey {
                key,
                hint,
                word: lang.hint(hint),
            })
        })
        .collect()
}

/// When a key gives up its place on a narrow line: the view's own keys
/// first (from the last), then search; help, quit and a popup's way out
/// never.
fn dropped_at(hint: Hint) -> Option<u8> {
    match hint {
        Hint::Help | Hint::Quit | Hint::Cancel | Hint::Choose | Hint::Yes | Hint::No => None,
        Hint::Search => Some(1),
        _ => Some(0),
    }
}

/// The columns the footer takes.
fn footer_width(pieces: &[FooterKey]) -> usize {
    pieces
        .iter()
        .map(|p| text::width(&p.key) + 1 + text::width(p.word) + 2)
        .sum::<usize>()
        + 1
}

/// The footer's keys that fit in `room` columns, dropped in the order
/// [`dropped_at`] gives.
fn fitting(pieces: &[FooterKey], room: usize) -> Vec<FooterKey> {
    let mut kept = pieces.to_vec();
    while footer_width(&kept) > room {
        let next = kept
            .iter()
            .enumerate()
            .filter_map(|(i, p)| dropped_at(p.hint).map(|rank| (rank, std::cmp::Reverse(i))))
            .min();
        match next {
            Some((_, std::cmp::Reverse(i))) => {
                kept.remove(i);
            }
            None => break,
        }
    }
    kept
}

/// The footer laid out: each key left to right as on the keyboard, each word
/// in the interface's direction, the pieces in the interface's reading
/// order (right to left in Hebrew).
fn footer_line(cx: &Ctx, pieces: &[FooterKey]) -> Line<'static> {
    let lang = cx.settings.lang;
    let prose = cx.prose();
    let mut laid: Vec<Vec<Span<'static>>> = pieces
        .iter()
        .map(|FooterKey { key, word, .. }| {
            let key = prose.inline(key, text::width(key), Some(Direction::Ltr), Style::new());
            let key = key.style(Style::new().fg(Color::Yellow));
            let word = prose.inline(
                word,
                text::width(word),
                Some(lang.direction()),
                Style::new(),
            );
            let (first, second) = if lang.mirrored() {
                (word, key)
            } else {
                (key, word)
            };
            let mut spans = first.spans;
            spans.push(Span::raw(" "));
            spans.extend(second.spans);
            spans
        })
        .collect();
    if lang.mirrored() {
        laid.reverse();
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, piece) in laid.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.extend(piece);
    }
    spans.push(Span::raw(" "));
    Line::from(spans)
}

/// The store's pieces for `room` columns: its path and summary; else its
/// file's name and summary; else the summary; else the name alone; else
/// nothing.
fn store_pieces(cx: &Ctx, room: usize) -> Vec<Line<'static>> {
    let lang = cx.settings.lang;
    let prose = cx.prose();
    let summary = lang.store_summary(cx.counts.cohorts, cx.counts.quotes, cx.counts.findings);
    let full = cx.store_path.display().to_string();
    let name = cx
        .store_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| full.clone());
    let ltr = |t: &str, w| prose.inline(t, w, Some(Direction::Ltr), Style::new());
    if text::width(&summary) + 2 > room {
        return if text::width(&name) + 2 > room {
            vec![]
        } else {
            vec![Line::raw(" "), ltr(&name, room)]
        };
    }
    let dir = Some(lang.direction());
    let summary = prose.inline(&format!("{summary} "), room, dir, Style::new());
    let left = room.saturating_sub(summary.width() + 4);
    match [full, name].into_iter().find(|p| text::width(p) <= left) {
        Some(path) => vec![Line::raw(" "), ltr(&path, left), Line::raw(" · "), summary],
        None => vec![Line::raw(" "), summary],
    }
}

/// The bottom line: what just happened, or the store and its size; the keys
/// at the far end. In Hebrew the line is mirrored. A message keeps the room
/// it needs and the footer gives up its view's keys for it; the store's
/// summary gives way to the keys.
pub fn status_bar(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let style = Style::new().bg(Color::DarkGray).fg(Color::White);
    let width = area.width as usize;
    let dir = Some(lang.direction());
    let prose = cx.prose();
    let all = footer(lang, cx.place);
    let pieces = match cx.status {
        Some(msg) => fitting(&all, width.saturating_sub(text::width(msg) + 3)),
        None => fitting(&all, width.saturating_sub(1)),
    };
    let keys = footer_line(cx, &pieces);
    let room = width.saturating_sub(keys.width() + 1);
    // Each piece is laid out alone and the pieces placed in reading order, so
    // a file path (left to right) keeps its shape inside a Hebrew line.
    let pieces: Vec<Line> = match cx.status {
        Some(msg) => vec![prose.inline(&format!(" {msg} "), room, dir, Style::new())],
        None => store_pieces(cx, room),
    };
    let mut message: Vec<Span> = vec![];
    let ordered: Box<dyn Iterator<Item = Line>> = if lang.mirrored() {
        Box::new(pieces.into_iter().rev())
    } else {
        Box::new(pieces.into_iter())
    };
    for piece in ordered {
        message.extend(piece.spans);
    }
    let used: usize = message.iter().map(|s| s.width()).sum();
    let gap = Span::raw(" ".repeat(width.saturating_sub(used + keys.width())));
    let spans: Vec<Span> = if lang.mirrored() {
        keys.spans.into_iter().chain([gap]).chain(message).collect()
    } else {
        message.into_iter().chain([gap]).chain(keys.spans).collect()
    };
    frame.render_widget(Paragraph::new(Line::from(spans)).style(style), area);
}

/// The bottom line while a write waits for another program's: `message`
/// alone, on the side where messages stand, in the colour of a warning.
/// Drawn without the app (which is busy writing), from the settings only.
pub fn waiting_bar(
    settings: crate::tui::settings::Settings,
    message: &str,
    frame: &mut Frame,
    area: Rect,
) {
    let cache = crate::text::LayoutCache::new(1);
    let prose = super::prose::Prose {
        cache: &cache,
        order: settings.bidi.order(),
    };
    let lang = settings.lang;
    let line = prose.inline(
        &format!(" {message} "),
        area.width as usize,
        Some(lang.direction()),
        Style::new(),
    );
    let line = if lang.mirrored() {
        line.right_aligned()
    } else {
        line
    };
    let style = Style::new().bg(Color::Yellow).fg(Color::Black);
    // Over the last frame: its bottom line goes first.
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Paragraph::new(line).style(style), area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::ViewId;

    fn place(view: ViewId) -> Place {
        Place {
            view,
            overlay: None,
            reading: false,
        }
    }

    fn keys_of(lang: Lang, p: Place) -> Vec<String> {
        footer(lang, p)
            .into_iter()
            .map(|k| format!("{} {}", k.key, k.word))
            .collect()
    }

    #[test]
    fn the_footer_reads_its_keys_from_the_table() {
        let p = place(ViewId::Cohorts);
        assert_eq!(
            keys_of(Lang::En, p),
            [
                "Enter card",
                "c compare",
                "n new",
                "/ search",
                "? help",
                "q quit"
            ]
        );
        assert_eq!(
            keys_of(Lang::He, place(ViewId::Survey))[3..],
            ["/ חיפוש", "? עזרה", "q יציאה"]
        );
        let helped = Place {
            overlay: Some(Overlay::Help),
            ..p
        };
        assert_eq!(footer(Lang::En, helped), footer(Lang::En, p));
    }

    #[test]
    fn over_a_popup_the_footer_names_its_way_out() {
        let over = |overlay| Place {
            overlay: Some(overlay),
            ..place(ViewId::Codebook)
        };
        assert_eq!(keys_of(Lang::En, over(Overlay::Typing)), ["Esc cancel"]);
        assert_eq!(
            keys_of(Lang::En, over(Overlay::Confirming)),
            ["y yes", "n no"]
        );
        assert_eq!(
            keys_of(Lang::En, over(Overlay::Search)),
            ["Enter open", "Esc close"]
        );
    }

    #[test]
    fn each_view_and_the_reader_name_their_own_keys() {
        let codebook = keys_of(Lang::En, place(ViewId::Codebook));
        assert!(codebook.contains(&"n new".to_string()), "{codebook:?}");
        assert!(codebook.contains(&"M merge".to_string()), "{codebook:?}");
        let tables = keys_of(Lang::En, place(ViewId::Tables));
        assert!(tables.contains(&"t next table".to_string()), "{tables:?}");
        let reading = Place {
            reading: true,
            ..place(ViewId::Documents)
        };
        let reader = keys_of(Lang::En, reading);
        assert_eq!(reader[..2], ["v select", "c code"]);
        assert!(reader.contains(&"Esc close".to_string()), "{reader:?}");
        // The Documents view's own Enter is not the reader's.
        assert!(!reader.iter().any(|k| k.starts_with("Enter")), "{reader:?}");
    }

    #[test]
    fn a_narrow_line_drops_the_views_keys_first_and_keeps_help_and_quit() {
        let all = footer(Lang::En, place(ViewId::Codebook));
        let words = |room| -> Vec<&str> { fitting(&all, room).iter().map(|k| k.word).collect() };
        let narrow = words(44);
        assert_eq!(narrow[narrow.len() - 2..], ["help", "quit"]);
        assert_eq!(
            narrow[0], "quotes",
            "the first of the view's keys stays longest"
        );
        assert!(footer_width(&fitting(&all, 44)) <= 44);
        assert_eq!(words(5), ["help", "quit"]);
        assert_eq!(words(200).len(), all.len());
    }
}
