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

/// The bar: `half` columns each side of a centre line that always shows
/// (`2 * half + 1` in all), negative options left of it and positive ones
/// right, or `None` when the figures hold no distribution.
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
    let cell = |c: &Option<usize>| match c {
        Some(o) => Span::styled("█", Style::new().fg(option_colour(scale, *o))),
        None => Span::raw(" "),
    };
    let mut spans: Vec<Span<'static>> = cells[..half].iter().map(cell).collect();
    spans.push(Span::styled("┃", Style::new().fg(Color::White)));
    spans.extend(cells[half..].iter().map(cell));
    Some(Line::from(spans))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ScaleOption;

    fn scale() -> Scale {
        let o = |label: &str, valence| ScaleOption {
            label: label.into(),
            valence,
        };
        Scale {
            id: Default::default(),
            name: "agree".into(),
            options: vec![
                o("no", Valence::Negative),
                o("so-so", Valence::Neutral),
                o("yes", Valence::Positive),
            ],
        }
    }

    fn cells(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn the_centre_line_shows_whatever_the_answers() {
        let s = scale();
        for counts in [vec![0, 0, 10], vec![10, 0, 0], vec![2, 6, 2], vec![3, 0, 7]] {
            let line = bar(
                &s,
                &Figures::Counts {
                    counts: counts.clone(),
                },
                10,
            )
            .unwrap();
            let text = cells(&line);
            assert_eq!(text.chars().count(), 21, "{counts:?}: {text}");
            assert_eq!(text.chars().nth(10), Some('┃'), "{counts:?}: {text}");
        }
    }

    #[test]
    fn negative_answers_stand_left_of_the_centre_and_positive_right() {
        let line = bar(
            &scale(),
            &Figures::Counts {
                counts: vec![3, 0, 7],
            },
            10,
        )
        .unwrap();
        let colours: Vec<Option<Color>> = line.spans.iter().map(|s| s.style.fg).collect();
        let (left, right) = (&colours[..10], &colours[11..]);
        assert!(left.contains(&Some(Color::LightRed)) || left.contains(&Some(Color::Red)));
        assert!(
            !right
                .iter()
                .any(|c| matches!(c, Some(Color::Red | Color::LightRed)))
        );
        assert!(
            right
                .iter()
                .any(|c| matches!(c, Some(Color::Green | Color::LightGreen)))
        );
        // 7 of 10 positive: seven of the ten right-hand cells.
        let filled = right.iter().filter(|c| c.is_some()).count();
        assert_eq!(filled, 7, "{:?}", cells(&line));
    }
}
