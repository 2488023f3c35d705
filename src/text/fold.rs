//! Hebrew folding, for matching what a person typed against the data: points
//! (niqqud) and cantillation are folded away, and a Hebrew word also stands
//! for itself without the one-letter prefixes Hebrew glues on (ה ו ב ל מ ש
//! כ), their pairs and the triples that begin with ו or ש. The search index
//! holds text folded this way; the code picker matches with it.

/// Removes Hebrew points and cantillation marks (combining marks of the
/// Hebrew block), keeping letters and Hebrew punctuation (maqaf, geresh,
/// gershayim, sof pasuq).
pub fn fold(text: &str) -> String {
    text.chars().filter(|c| !is_hebrew_mark(*c)).collect()
}

fn is_hebrew_mark(c: char) -> bool {
    matches!(c,
        '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}')
}

/// The text the index holds for `text`: its words ([`words`]), then, for
/// every Hebrew word that starts with prefix letters, the word without them
/// (as long as two letters or more remain).
pub fn index_text(text: &str) -> String {
    let mut out = words(text);
    let mut extra = String::new();
    for word in out.split(' ') {
        for stripped in unprefixed(word) {
            extra.push(' ');
            extra.push_str(stripped);
        }
    }
    out.push_str(&extra);
    out
}

/// The words of `text` as the index holds them, one space between each:
/// a word is a run of letters and digits (any script); Hebrew points and
/// cantillation are folded away, letters lower-cased and stripped of their
/// diacritics (`Café` → `cafe`); everything else (punctuation, maqaf,
/// geresh and gershayim, symbols, controls) parts words. The index's
/// tokenizer (FTS5 `ascii`) then only splits at the spaces: the work of
/// telling letters from the rest is done here, once, on the writer's
/// helper thread where there is one, and the same way for a query.
pub fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    let push = |out: &mut String, c: char, gap: &mut bool| {
        if *gap && !out.is_empty() {
            out.push(' ');
        }
        *gap = false;
        out.push(c);
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            push(&mut out, c.to_ascii_lowercase(), &mut gap);
        } else if is_hebrew_letter(c) {
            push(&mut out, c, &mut gap);
        } else if c.is_ascii() {
            gap = true;
        } else if is_hebrew_mark(c) {
            // Folded away: the word goes on.
        } else if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                unicode_normalization::char::decompose_canonical(lower, |d| {
                    if !unicode_normalization::char::is_combining_mark(d) {
                        push(&mut out, d, &mut gap);
                    }
                });
            }
        } else if unicode_normalization::char::is_combining_mark(c) {
            // A diacritic written apart from its letter.
        } else {
            gap = true;
        }
    }
    out
}

const PREFIXES: [char; 7] = ['ה', 'ו', 'ב', 'ל', 'מ', 'ש', 'כ'];

fn is_hebrew_letter(c: char) -> bool {
    ('\u{05D0}'..='\u{05EA}').contains(&c)
}

/// The forms a typed word is searched under: itself, and, when it is
/// Hebrew, itself without the prefix letters it may start with, where four
/// letters or more remain (so that `והסיור` finds `הסיור` and `סיור`, but
/// `שלום` is not taken for ש + `לום`). The index holds every word under its
/// unprefixed forms too, so a bare form finds the word with any prefix.
pub fn query_forms(word: &str) -> Vec<&str> {
    let mut forms = vec![word];
    forms.extend(
        unprefixed(word)
            .into_iter()
            .filter(|w| w.chars().count() >= 4),
    );
    forms
}

/// Where the words of `text` that a search for `query` matches are: ranges
/// of code points, for highlighting a hit. A word matches when it, or the
/// word without its prefix letters, begins with a form of a typed word
/// ([`query_forms`]), points and case aside, as the index matches them.
pub fn marked(text: &str, query: &str) -> Vec<(usize, usize)> {
    let typed = words(query);
    let forms: Vec<&str> = typed
        .split(' ')
        .filter(|w| !w.is_empty())
        .flat_map(query_forms)
        .collect();
    if forms.is_empty() {
        return vec![];
    }
    let in_word = |c: char| {
        c.is_alphanumeric()
            || is_hebrew_mark(c)
            || unicode_normalization::char::is_combining_mark(c)
    };
    let mut out = vec![];
    let mut word = String::new();
    let mut start = 0;
    let check = |word: &mut String, start: usize, end: usize, out: &mut Vec<(usize, usize)>| {
        if word.is_empty() {
            return;
        }
        let w = words(word);
        let hit = std::iter::once(w.as_str())
            .chain(unprefixed(&w))
            .any(|form| forms.iter().any(|f| form.starts_with(f)));
        if hit {
            out.push((start, end));
        }
        word.clear();
    };
    let mut n = 0;
    for c in text.chars() {
        if in_word(c) {
            if word.is_empty() {
                start = n;
            }
            word.push(c);
        } else {
            check(&mut word, start, n, &mut out);
        }
        n += 1;
    }
    check(&mut word, start, n, &mut out);
    out
}

/// A word without each run of prefix letters it may start with: one letter
/// of ה ו ב ל מ ש כ, two of them, or three when the first is ו or ש.
fn unprefixed(word: &str) -> Vec<&str> {
    let letters: Vec<(usize, char)> = word.char_indices().collect();
    let mut out = vec![];
    for k in 1..=3 {
        if letters.len() < k + 2 || !letters[..k].iter().all(|(_, c)| PREFIXES.contains(c)) {
            break;
        }
        if k == 3 && !matches!(letters[0].1, 'ו' | 'ש') {
            break;
        }
        out.push(&word[letters[k].0..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_and_cantillation_fold_away_punctuation_stays() {
        assert_eq!(fold("שָׁלוֹם עוֹלָם"), "שלום עולם");
        assert_eq!(fold("בֵּית־סֵפֶר"), "בית־ספר");
        assert_eq!(fold("שת״פ ג׳"), "שת״פ ג׳");
    }

    #[test]
    fn the_words_a_query_finds_are_marked_with_their_prefixes_and_points() {
        let text = "בַּסִּיּוּר ובסיור, סיורים; Agile agility! שלום";
        // Every form of סיור, with prefixes and points, but not שלום.
        let got: Vec<String> = marked(text, "והסיור")
            .into_iter()
            .map(|(s, e)| text.chars().skip(s).take(e - s).collect())
            .collect();
        assert_eq!(got, vec!["בַּסִּיּוּר", "ובסיור", "סיורים"]);
        // A prefix of a Latin word, in any case.
        let got: Vec<String> = marked(text, "AGIL")
            .into_iter()
            .map(|(s, e)| text.chars().skip(s).take(e - s).collect())
            .collect();
        assert_eq!(got, vec!["Agile", "agility"]);
        assert!(marked(text, "  ").is_empty());
    }

    #[test]
    fn a_typed_word_is_searched_without_its_prefixes_where_enough_remains() {
        assert_eq!(query_forms("והסיור"), vec!["והסיור", "הסיור", "סיור"]);
        assert_eq!(
            query_forms("שלום"),
            vec!["שלום"],
            "לום is too short to be sure"
        );
        assert_eq!(query_forms("Agile"), vec!["Agile"]);
    }

    #[test]
    fn a_hebrew_word_is_indexed_without_its_prefixes_too() {
        assert_eq!(
            unprefixed("והרשות"),
            vec!["הרשות", "רשות"],
            "ר is no prefix letter"
        );
        assert_eq!(unprefixed("ומהרשות"), vec!["מהרשות", "הרשות", "רשות"]);
        // A triple must begin with ו or ש.
        assert_eq!(unprefixed("בהלכה"), vec!["הלכה", "לכה"]);
        assert_eq!(unprefixed("רשות"), Vec::<&str>::new());
        assert_eq!(
            unprefixed("בו"),
            Vec::<&str>::new(),
            "two letters must remain"
        );
        assert_eq!(index_text("בָּרָשׁוּת Agile"), "ברשות agile רשות");
        assert_eq!(index_text("Agile BI"), "agile bi");
    }

    #[test]
    fn words_are_letters_and_digits_lowered_and_bare_and_the_rest_parts_them() {
        // Points, case and Latin diacritics (precomposed or apart) fold
        // away; maqaf, gershayim, dashes, quotes and controls part words.
        assert_eq!(
            words("בֵּית־סֵפֶר: Café, nai\u{308}ve — ÉCOLE שת״פ\u{1b}[31m 2024"),
            "בית ספר cafe naive ecole שת פ 31m 2024"
        );
        assert_eq!(words("  ...  "), "");
        assert_eq!(words("Straße ΣΟΦΙΑ"), "straße σοφια");
        // Parting again changes nothing: what a query is parted into is
        // what the index holds.
        let once = words("והסיור, 'Agile' (BI)");
        assert_eq!(words(&once), once);
    }
}
