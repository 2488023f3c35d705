//! A survey result as a diverging stacked bar.

use crate::analysis::{bar_shares, diverging};
use crate::domain::{Figures, Scale, Valence};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

/// The colour of an answer option: reds for negative options (darker the
/// further from the centre), grey for neutral, greens for positive.
pub fn option_colour(scale: &Scale, option: usize) -> Color {
    let valence = scale.options[option].valence;
    let same: Vec<usize> = (0..scale.options.len())
        .filter(|&i| scale.options[i].valence == valence)
        .collect();
    let rank = same.iter().position(|&i| i == option).unwrap_or(0);
    match valence {
        // The first negative option is the most negative.
        Valence::Negative if rank == 0 && same.len() > 1 => Color::Red,
        Valence::Negative => Color::LightRed,
        Valence::Neutral => Color::Gray,
        // The last positive option is the most positive.
        Valence::Positive if rank + 1 == same.len() && same.len() > 1 => Color::Green,
        Valence::Positive => Color::LightGreen,
    }
}

/// The bar, `2 * half` columns with a centre mark, or `None` when the
/// figures hold no distribution.
pub fn bar(scale: &Scale, figures: &Figures, half: usize) -> Option<Line<'static>> {
    let shares = bar_shares(figures, scale.options.len())?;
    let valences: Vec<Valence> = scale.options.iter().map(|o| o.valence).collect();
    let parts = diverging(&shares, &valences, half);
    let mut cells: Vec<Option<usize>> = vec![None; 2 * half];
    for p in parts {
        for k in 0..p.len as i32 {
            let col = half as i32 + p.start + k;
            if (0..2 * half as i32).contains(&col) {
                cells[col as usize] = Some(p.option);
            }
        }
    }
    let mut spans = vec![];
    for (i, c) in cells.iter().enumerate() {
        let span = match c {
            Some(o) => Span::styled("█", Style::new().fg(option_colour(scale, *o))),
            None if i == half => Span::styled("│", Style::new().fg(Color::DarkGray)),
            None => Span::raw(" "),
        };
        spans.push(span);
    }
    Some(Line::from(spans))
}
