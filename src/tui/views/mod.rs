//! Views: one module each, holding the view's state and its [`View`]
//! impl: load, invalidate, update from an action with a narrow [`Env`], and
//! draw from read-only state ([`Ctx`], which holds no store).

pub mod codebook;
pub mod cohorts;
pub mod documents;
pub mod findings;
mod help;
pub mod quotes;
pub mod recommendations;
pub mod search;
pub mod survey;
pub mod tables;

/// The popups' old place, kept for callers that name it.
pub use crate::tui::popups as modal;

pub use super::action::ViewId;
use super::action::{Action, Outcome, Overlay};
use super::widgets::{Ctx, status_bar};
use crate::domain::Id;
use crate::lang::Lang;
use crate::store::{Store, StoreError};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// What a view's load and update may use besides its own state. Drawing
/// gets a [`Ctx`] instead, which holds no store.
pub struct Env<'a> {
    pub store: &'a mut Store,
    /// Whose codings are shown: all coders, or one.
    pub shown_coder: Option<Id>,
    pub lang: Lang,
}

/// The contract every view keeps.
pub trait View {
    /// Reads what the view shows, when it is not read yet (a view shows
    /// what it read until it is invalidated).
    fn load(&mut self, env: &Env) -> Result<(), StoreError>;
    /// Marks what it shows as stale: read again when next shown.
    fn invalidate(&mut self);
    /// True for a view whose contents change with the codebook or the
    /// codings: invalidated after every coding or codebook edit.
    fn shows_codes(&self) -> bool {
        false
    }
    /// An action for the view (when no popup, overlay or the coding
    /// workflow took it); what it asks of the app.
    fn update(&mut self, action: Action, env: &mut Env) -> Outcome;
    /// Draws from the view's state and the read-only context.
    fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect);
    /// Where the user stands in the view (what is selected, what has the
    /// keys, how far a pane is scrolled, the document open and where in
    /// it): kept when a jump leaves the view, to come back to.
    fn place(&self) -> Option<Place> {
        None
    }
    /// Goes back to a place [`View::place`] gave. What is no longer there
    /// (a deleted finding) leaves the selection as it is.
    fn return_to(&mut self, _place: &Place, _env: &Env) -> Result<(), StoreError> {
        Ok(())
    }
}

/// A view's own record of where the user stood in it (each view knows its
/// own kind).
pub type Place = Box<dyn std::any::Any>;

/// The place in a list-and-detail view: the selected item, by id, and the
/// detail pane's keys and scroll.
pub struct ItemPlace {
    pub item: Option<crate::domain::Id>,
    pub detail: crate::tui::widgets::detail::Detail,
}

impl ItemPlace {
    pub fn boxed(
        item: Option<crate::domain::Id>,
        detail: &crate::tui::widgets::detail::Detail,
    ) -> Option<Place> {
        Some(Box::new(ItemPlace {
            item,
            detail: detail.clone(),
        }))
    }

    /// The item place a view gave, if `place` is one.
    pub fn of(place: &Place) -> Option<&ItemPlace> {
        place.downcast_ref()
    }
}

/// The smallest terminal the layouts are made for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The tab bar, the view's area and the status bar, on a screen of `area`.
pub fn screen_areas(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// What a whole frame is drawn from: the read-only context, the current
/// view, what is open over it. The app gives it (`tui/app`); views need not
/// know the app.
pub trait Screen {
    fn ctx(&self) -> Ctx<'_>;
    fn current(&self) -> ViewId;
    fn current_view(&self) -> &dyn View;
    fn overlay(&self) -> Option<Overlay>;
    fn search(&self) -> &search::SearchState;
    fn modal(&self) -> Option<&crate::tui::popups::Modal>;
}

/// Draws a whole frame: the tab bar, the current view, the status bar, and
/// the overlay or popup open over them.
pub fn draw(app: &impl Screen, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(&app.ctx(), frame, area);
        return;
    }
    let cx = app.ctx();
    let [tabs, main, status] = screen_areas(area);
    tab_bar(app.current(), &cx, frame, tabs);
    app.current_view().draw(&cx, frame, main);
    status_bar(&cx, frame, status);
    match app.overlay() {
        Some(Overlay::Help) => help::draw(&cx, frame, main),
        Some(Overlay::Search) => search::draw(app.search(), &cx, frame, main),
        _ => {}
    }
    if let Some(m) = app.modal() {
        crate::tui::popups::draw(&cx, m, frame, main);
    }
}

/// The views by digit, the current one highlighted; mirrored in Hebrew.
fn tab_bar(current: ViewId, cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let prose = cx.prose();
    let mut tabs: Vec<Span> = vec![];
    let mut views: Vec<ViewId> = ViewId::ALL.to_vec();
    if lang.mirrored() {
        views.reverse();
    }
    // Full names when they fit, else short ones.
    let full: usize = views
        .iter()
        .map(|v| format!(" {} {}  ", v.digit(), lang.view_name(*v)).width())
        .sum();
    let short = full > area.width as usize;
    for v in views {
        let style = if v == current {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().fg(Color::Gray)
        };
        let name = if short {
            lang.view_short(v)
        } else {
            lang.view_name(v)
        };
        let label = prose.inline(
            &format!(" {} {name} ", v.digit()),
            40,
            Some(lang.direction()),
            style,
        );
        tabs.extend(label.spans);
        tabs.push(Span::raw(" "));
    }
    let used: usize = tabs.iter().map(|s| s.width()).sum();
    if lang.mirrored() {
        tabs.insert(
            0,
            Span::raw(" ".repeat((area.width as usize).saturating_sub(used))),
        );
    }
    frame.render_widget(Paragraph::new(Line::from(tabs)), area);
}

fn too_small(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let prose = cx.prose();
    let lines: Vec<Line> = lang
        .too_small(
            area.width,
            area.height,
            MIN_WIDTH,
            MIN_HEIGHT,
            &cx.key_names(),
        )
        .iter()
        .flat_map(|l| prose.lines(l, area.width as usize, Some(lang.direction()), Style::new()))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
