//! Multiple-choice cells: which options a column's cells list, and what
//! one cell lists.

use std::collections::BTreeMap;

/// The options of a column whose cells list several of them, and what
/// joins them: a cell that is one option is its label whole; the others
/// are read as labels joined by `, ` or `;`. `None` when no cell holds
/// more than one.
pub fn joined_options(distinct: &BTreeMap<&str, usize>) -> Option<(Vec<String>, String)> {
    // Qualtrics joins the codes of the choices chosen by a bare comma.
    for sep in [";", ", ", ","] {
        let several = distinct.keys().filter(|v| v.contains(sep)).count();
        if several == 0 {
            continue;
        }
        let whole: Vec<&str> = distinct
            .keys()
            .filter(|v| !v.contains(sep))
            .copied()
            .collect();
        let mut options: Vec<String> = whole.iter().map(|s| s.to_string()).collect();
        let mut uses: BTreeMap<String, usize> = BTreeMap::new();
        for v in distinct.keys() {
            for part in split_choices(v, sep, &whole) {
                *uses.entry(part.clone()).or_insert(0) += 1;
                if !options.contains(&part) {
                    options.push(part);
                }
            }
        }
        // Checkbox labels come back in cells of other combinations and
        // are short; the pieces of prose split at its commas come back, if
        // at all, only with each other.
        let reused = uses.values().filter(|n| **n >= 2).count();
        let mean = options.iter().map(|o| o.chars().count()).sum::<usize>() / options.len().max(1);
        if options.len() <= 40 && 2 * reused >= options.len() && mean <= 60 {
            return Some((options, sep.to_string()));
        }
    }
    None
}

/// The options a cell lists: the known labels it holds whole first (a
/// label may hold the separator), the rest split by it.
pub fn split_choices(cell: &str, sep: &str, known: &[&str]) -> Vec<String> {
    let mut out = vec![];
    let mut rest = cell.trim();
    'next: while !rest.is_empty() {
        let mut by_len: Vec<&&str> = known.iter().collect();
        by_len.sort_by_key(|k| std::cmp::Reverse(k.len()));
        for k in by_len {
            if let Some(after) = rest.strip_prefix(*k)
                && (after.is_empty() || after.trim_start().starts_with(sep.trim()))
            {
                out.push(k.to_string());
                rest = after
                    .trim_start()
                    .strip_prefix(sep.trim())
                    .unwrap_or(after)
                    .trim_start();
                continue 'next;
            }
        }
        match rest.split_once(sep.trim()) {
            Some((a, b)) => {
                if !a.trim().is_empty() {
                    out.push(a.trim().to_string());
                }
                rest = b.trim_start();
            }
            None => {
                out.push(rest.to_string());
                rest = "";
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_of_choices_keeps_a_label_that_holds_the_separator() {
        let known = ["I am autistic", "I know someone who is autistic, or was"];
        assert_eq!(
            split_choices(
                "I am autistic, I know someone who is autistic, or was, Other",
                ", ",
                &known
            ),
            vec![
                "I am autistic",
                "I know someone who is autistic, or was",
                "Other"
            ]
        );
        assert_eq!(split_choices("א;ב", ";", &[]), vec!["א", "ב"]);
        assert_eq!(split_choices("1,3", ",", &["1", "2"]), vec!["1", "3"]);
        let cells: BTreeMap<&str, usize> = [("1,3", 2), ("2", 1), ("1", 1), ("2,3", 1)].into();
        assert_eq!(
            joined_options(&cells),
            Some((vec!["1".into(), "2".into(), "3".into()], ",".into()))
        );
    }
}
