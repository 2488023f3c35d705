//! Answer scales a survey file's labels are recognised by, Hebrew and
//! English, each from its most negative option to its most positive.

use crate::domain::Valence::{self, Negative as N, Neutral as U, Positive as P};

/// One option of a known scale: the labels that mean it (the first is
/// the one kept), its valence, and whether it is there only when a file
/// uses it (the middle of a scale that some surveys leave out).
struct Known {
    labels: &'static [&'static str],
    valence: Valence,
    optional: bool,
}

const fn o(labels: &'static [&'static str], valence: Valence) -> Known {
    Known {
        labels,
        valence,
        optional: false,
    }
}

const fn opt(labels: &'static [&'static str], valence: Valence) -> Known {
    Known {
        labels,
        valence,
        optional: true,
    }
}

const FAMILIES: &[(&str, &[Known])] = &[
    (
        "במידה",
        &[
            o(&["בכלל לא", "כלל לא", "לא בכלל"], N),
            o(&["במידה מועטה", "במידה מעטה", "במידה קטנה", "במעט"], N),
            opt(
                &[
                    "במידה בינונית",
                    "במידה מסוימת",
                    "במידה חלקית",
                    "במידה מסויימת",
                ],
                U,
            ),
            o(&["במידה רבה", "במידה גדולה"], P),
            o(&["במידה רבה מאוד", "במידה רבה מאד", "במידה גדולה מאוד"], P),
        ],
    ),
    (
        "הסכמה",
        &[
            o(
                &[
                    "בכלל לא מסכים",
                    "כלל לא מסכים",
                    "מתנגד בהחלט",
                    "לא מסכים בכלל",
                    "בכלל לא מסכימה",
                ],
                N,
            ),
            o(&["לא מסכים", "לא מסכימה", "מתנגד"], N),
            opt(
                &[
                    "לא מסכים ולא מתנגד",
                    "מסכים חלקית",
                    "נייטרלי",
                    "ניטרלי",
                    "מסכימה חלקית",
                ],
                U,
            ),
            o(&["מסכים", "מסכימה"], P),
            o(
                &[
                    "מסכים מאוד",
                    "מסכים בהחלט",
                    "מסכימה מאוד",
                    "מסכימה בהחלט",
                    "מסכים מאד",
                ],
                P,
            ),
        ],
    ),
    (
        "שביעות רצון",
        &[
            o(&["כלל לא מרוצה", "לא מרוצה בכלל", "בכלל לא מרוצה"], N),
            o(&["לא מרוצה"], N),
            opt(&["מרוצה במידה בינונית", "בינוני", "מרוצה חלקית"], U),
            o(&["מרוצה"], P),
            o(&["מרוצה מאוד", "מרוצה מאד"], P),
        ],
    ),
    ("כן/לא", &[o(&["לא"], N), o(&["כן"], P)]),
    (
        "agreement",
        &[
            o(&["Strongly disagree", "totally disagree"], N),
            o(&["Disagree"], N),
            opt(
                &["somewhat disagree", "slightly disagree", "tend to disagree"],
                N,
            ),
            opt(
                &[
                    "Neither agree nor disagree",
                    "neutral",
                    "neither agree or disagree",
                    "undecided",
                ],
                U,
            ),
            opt(&["somewhat agree", "slightly agree", "tend to agree"], P),
            o(&["Agree"], P),
            o(&["Strongly agree", "totally agree"], P),
        ],
    ),
    (
        "extent",
        &[
            o(&["Not at all"], N),
            o(
                &[
                    "To a small extent",
                    "slightly",
                    "a little",
                    "very little",
                    "to a little extent",
                ],
                N,
            ),
            opt(
                &[
                    "To a moderate extent",
                    "somewhat",
                    "moderately",
                    "to some extent",
                ],
                U,
            ),
            o(
                &[
                    "To a large extent",
                    "to a great extent",
                    "much",
                    "a lot",
                    "quite a bit",
                ],
                P,
            ),
            o(
                &[
                    "To a very large extent",
                    "very much",
                    "to a very great extent",
                    "completely",
                    "extremely",
                ],
                P,
            ),
        ],
    ),
    (
        "satisfaction",
        &[
            o(&["Very dissatisfied", "very unsatisfied"], N),
            o(&["Dissatisfied", "unsatisfied"], N),
            opt(&["somewhat dissatisfied"], N),
            opt(&["Neither satisfied nor dissatisfied", "neutral"], U),
            opt(&["somewhat satisfied"], P),
            o(&["Satisfied"], P),
            o(&["Very satisfied"], P),
        ],
    ),
    (
        "quality",
        &[
            o(&["Poor", "very poor"], N),
            o(&["Fair"], N),
            o(&["Good"], P),
            o(&["Very good"], P),
            o(&["Excellent"], P),
        ],
    ),
    (
        "likelihood",
        &[
            o(&["Very unlikely", "extremely unlikely"], N),
            o(&["Unlikely", "somewhat unlikely"], N),
            opt(&["Neither likely nor unlikely", "neutral", "not sure"], U),
            o(&["Likely", "somewhat likely"], P),
            o(&["Very likely", "extremely likely"], P),
        ],
    ),
    ("yes/no", &[o(&["No", "n"], N), o(&["Yes", "y"], P)]),
];

/// A label as labels are compared: case, spaces, final points and the
/// Hebrew marks of the feminine or plural form (`מסכים/ה`, `(ת)`) aside.
pub fn normal(label: &str) -> String {
    let mut s = label.trim().to_lowercase();
    for mark in ["/ות", "/ים", "/ה", "/ת", "(ה)", "(ת)", "(ות)"] {
        s = s.replace(mark, "");
    }
    let s: Vec<&str> = s.split_whitespace().collect();
    s.join(" ")
        .trim_end_matches(['.', '!', ','])
        .trim()
        .to_string()
}

/// A scale guessed from the labels a column holds: its name and options
/// (label and valence, the file's own spelling kept for each option it
/// uses) and, per option, the file's labels that mean it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guessed {
    pub name: String,
    pub options: Vec<(String, Valence)>,
    pub codes: Vec<Vec<String>>,
}

/// The known scale whose options cover every one of `labels`, the one
/// whose options they use most of; `None` when no scale covers them.
pub fn recognise(labels: &[&str]) -> Option<Guessed> {
    if labels.is_empty() {
        return None;
    }
    let mut best: Option<(usize, usize, Guessed)> = None;
    for (name, options) in FAMILIES {
        let mut codes: Vec<Vec<String>> = vec![vec![]; options.len()];
        let mut covered = true;
        for l in labels {
            let n = normal(l);
            match options
                .iter()
                .position(|k| k.labels.iter().any(|x| normal(x) == n))
            {
                Some(i) => codes[i].push(l.to_string()),
                None => {
                    covered = false;
                    break;
                }
            }
        }
        if !covered {
            continue;
        }
        let used = codes.iter().filter(|c| !c.is_empty()).count();
        let kept: Vec<usize> = (0..options.len())
            .filter(|i| !options[*i].optional || !codes[*i].is_empty())
            .collect();
        let g = Guessed {
            name: name.to_string(),
            options: kept
                .iter()
                .map(|i| {
                    let label = codes[*i]
                        .first()
                        .cloned()
                        .unwrap_or_else(|| options[*i].labels[0].to_string());
                    (label, options[*i].valence)
                })
                .collect(),
            codes: kept.iter().map(|i| codes[*i].clone()).collect(),
        };
        // The scale most of whose options are used; then the shorter.
        let score = (used * 1000 / kept.len(), 1000 - kept.len());
        if best.as_ref().is_none_or(|(a, b, _)| score > (*a, *b)) {
            best = Some((score.0, score.1, g));
        }
    }
    best.map(|(_, _, g)| g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hebrew_extent_labels_make_the_reports_four_point_scale() {
        let g = recognise(&["במידה רבה", "בכלל לא", "במידה רבה מאוד", "במידה מועטה"]).unwrap();
        let labels: Vec<&str> = g.options.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            labels,
            ["בכלל לא", "במידה מועטה", "במידה רבה", "במידה רבה מאוד"]
        );
        assert_eq!(g.options[1].1, N);
        assert_eq!(g.options[2].1, P);
    }

    #[test]
    fn a_middle_option_is_kept_when_used_and_forms_of_a_word_are_one() {
        let g = recognise(&["מסכים/ה", "מסכימה", "לא מסכים ולא מתנגד", "מסכים מאוד"]).unwrap();
        assert_eq!(g.name, "הסכמה");
        assert_eq!(g.options.len(), 5);
        assert_eq!(g.options[2].1, U);
        assert_eq!(g.codes[3], vec!["מסכים/ה", "מסכימה"]);
    }

    #[test]
    fn english_scales_and_yes_no_are_told_apart() {
        assert_eq!(recognise(&["Yes", "No"]).unwrap().name, "yes/no");
        assert_eq!(recognise(&["כן", "לא"]).unwrap().name, "כן/לא");
        let g = recognise(&["Agree", "Strongly agree", "Neutral"]).unwrap();
        assert_eq!(g.name, "agreement");
        assert_eq!(g.options.len(), 5);
        assert!(recognise(&["golf", "gardening"]).is_none());
    }
}
