//! The mapping of a survey file: how to read it, which column identifies
//! the respondent, and what each column is. `tovana survey map` writes a
//! guess of it as TOML for the evaluator to check; `tovana import survey
//! --map` reads it back.

use super::layout::Layout;
use crate::domain::Valence;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Map {
    pub source: Source,
    #[serde(default, rename = "scale")]
    pub scales: Vec<MapScale>,
    #[serde(default, rename = "column")]
    pub columns: Vec<MapColumn>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub layout: Layout,
    /// `utf-8`, `utf-16` or another encoding's name (`windows-1255`).
    #[serde(default)]
    pub encoding: Option<String>,
    /// `,`, `;` or `\t`; found from the file when not given.
    #[serde(default)]
    pub delimiter: Option<String>,
    /// The column whose value identifies a respondent; without one, a
    /// respondent is known by their row (`row 2`…) and cannot be linked
    /// to another instrument.
    #[serde(default)]
    pub id: Option<String>,
    /// The attribute an open answer's quote takes as its speaker's role.
    #[serde(default)]
    pub role: Option<String>,
    /// Values that mean no answer in any column (an empty cell always does).
    #[serde(default)]
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapScale {
    pub name: String,
    pub options: Vec<MapOption>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapOption {
    pub label: String,
    pub valence: Valence,
    /// What the file writes for it besides its label: numeric codes,
    /// other spellings.
    #[serde(default)]
    pub codes: Vec<String>,
}

/// What a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Treat {
    /// An attribute of the respondent (sector, kind of government, years
    /// in the job): what answers can be split by.
    Attribute,
    /// An item answered on a scale.
    Rating,
    /// A multiple-choice question whose cell lists the options chosen,
    /// joined by `separator`: a yes/no item per option.
    Multiple,
    /// One option of a multiple-choice question, a column each: chosen
    /// when the cell holds anything but `0`, `N`, `No`, `false` or `לא`.
    Option,
    /// A number.
    Numeric,
    /// An open answer: a quote to code.
    Open,
    /// Left out.
    Ignore,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapColumn {
    /// The column's name as `tovana survey map` lists it (unique in the
    /// file).
    pub name: String,
    #[serde(rename = "as")]
    pub treat: Treat,
    /// The question's wording (an option column: the option's label; an
    /// attribute: its name). The file's text when not given.
    #[serde(default)]
    pub text: Option<String>,
    /// The topic the question is listed under (a multiple-choice or
    /// option column: the question itself).
    #[serde(default)]
    pub topic: Option<String>,
    /// A rating item's scale, by name.
    #[serde(default)]
    pub scale: Option<String>,
    /// A multiple-choice cell's options, in order.
    #[serde(default)]
    pub options: Vec<String>,
    /// The codes a multiple-choice cell lists instead of the options'
    /// labels (Qualtrics' numeric export: `1,3`), one per option in the
    /// options' order; a cell may hold either.
    #[serde(default)]
    pub codes: Vec<String>,
    /// What joins a multiple-choice cell's options (`, ` when not given).
    #[serde(default)]
    pub separator: Option<String>,
}

impl Map {
    pub fn from_toml(text: &str) -> Result<Map, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The delimiter the map names, as a byte.
    pub fn delimiter(&self) -> Result<Option<u8>, String> {
        match self.source.delimiter.as_deref() {
            None | Some("") => Ok(None),
            Some(",") => Ok(Some(b',')),
            Some(";") => Ok(Some(b';')),
            Some("\t") | Some("\\t") | Some("tab") => Ok(Some(b'\t')),
            Some(other) => Err(format!("delimiter {other:?}: one of \",\", \";\", \"\\t\"")),
        }
    }

    /// The map as TOML, with a comment over each part saying what it may
    /// hold; `notes` become comments over a column (what the guess saw).
    pub fn to_toml(&self, heading: &[String], notes: &[Vec<String>]) -> String {
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        let list = |v: &[String]| {
            let items: Vec<String> = v.iter().map(|s| q(s)).collect();
            format!("[{}]", items.join(", "))
        };
        let mut out = String::new();
        for h in heading {
            out.push_str(&format!("# {h}\n"));
        }
        out.push_str(
            "#\n# Check each column's `as`: attribute, rating, multiple, option, numeric, open \
             or ignore.\n# A rating column needs a `scale` whose options (with their codes) \
             cover every value it holds.\n\n[source]\n",
        );
        let s = &self.source;
        out.push_str(&format!(
            "layout = {}\n",
            q(&serde_json::to_value(s.layout)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default())
        ));
        if let Some(e) = &s.encoding {
            out.push_str(&format!("encoding = {}\n", q(e)));
        }
        if let Some(d) = &s.delimiter {
            out.push_str(&format!("delimiter = {}\n", q(d)));
        }
        match &s.id {
            Some(id) => out.push_str(&format!("id = {}\n", q(id))),
            None => out.push_str(
                "# id = \"...\"  # no column identifies respondents: each is known by its row\n",
            ),
        }
        match &s.role {
            Some(r) => out.push_str(&format!("role = {}\n", q(r))),
            None => out.push_str("# role = \"...\"  # the attribute open answers take as role\n"),
        }
        if !s.missing.is_empty() {
            out.push_str(&format!("missing = {}\n", list(&s.missing)));
        }
        for sc in &self.scales {
            out.push_str(&format!(
                "\n[[scale]]\nname = {}\noptions = [\n",
                q(&sc.name)
            ));
            for o in &sc.options {
                let codes = if o.codes.is_empty() {
                    String::new()
                } else {
                    format!(", codes = {}", list(&o.codes))
                };
                out.push_str(&format!(
                    "  {{ label = {}, valence = {}{codes} }},\n",
                    q(&o.label),
                    q(o.valence.key())
                ));
            }
            out.push_str("]\n");
        }
        for (i, c) in self.columns.iter().enumerate() {
            out.push('\n');
            for n in notes.get(i).map(Vec::as_slice).unwrap_or(&[]) {
                out.push_str(&format!("# {n}\n"));
            }
            out.push_str(&format!(
                "[[column]]\nname = {}\nas = {}\n",
                q(&c.name),
                q(treat_key(c.treat))
            ));
            if let Some(t) = &c.text {
                out.push_str(&format!("text = {}\n", q(t)));
            }
            if let Some(t) = &c.topic {
                out.push_str(&format!("topic = {}\n", q(t)));
            }
            if let Some(sc) = &c.scale {
                out.push_str(&format!("scale = {}\n", q(sc)));
            }
            if !c.options.is_empty() {
                out.push_str(&format!("options = {}\n", list(&c.options)));
            }
            if !c.codes.is_empty() {
                out.push_str(&format!("codes = {}\n", list(&c.codes)));
            }
            if let Some(sep) = &c.separator {
                out.push_str(&format!("separator = {}\n", q(sep)));
            }
        }
        out
    }
}

pub fn treat_key(t: Treat) -> &'static str {
    match t {
        Treat::Attribute => "attribute",
        Treat::Rating => "rating",
        Treat::Multiple => "multiple",
        Treat::Option => "option",
        Treat::Numeric => "numeric",
        Treat::Open => "open",
        Treat::Ignore => "ignore",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_written_reads_back_the_same() {
        let map = Map {
            source: Source {
                layout: Layout::Qualtrics,
                encoding: Some("utf-8".into()),
                delimiter: Some(";".into()),
                id: Some("ResponseId".into()),
                role: Some("מגזר".into()),
                missing: vec!["-99".into()],
            },
            scales: vec![MapScale {
                name: "במידה \"רבה\"".into(),
                options: vec![
                    MapOption {
                        label: "בכלל לא".into(),
                        valence: Valence::Negative,
                        codes: vec!["1".into()],
                    },
                    MapOption {
                        label: "במידה רבה".into(),
                        valence: Valence::Positive,
                        codes: vec![],
                    },
                ],
            }],
            columns: vec![
                MapColumn {
                    name: "Q1".into(),
                    treat: Treat::Rating,
                    text: Some("שאלה\nבשתי שורות".into()),
                    topic: Some("כלים".into()),
                    scale: Some("במידה \"רבה\"".into()),
                    options: vec![],
                    codes: vec![],
                    separator: None,
                },
                MapColumn {
                    name: "Q2".into(),
                    treat: Treat::Multiple,
                    text: None,
                    topic: None,
                    scale: None,
                    options: vec!["a, b".into(), "c".into()],
                    codes: vec!["1".into(), "2".into()],
                    separator: Some(";".into()),
                },
            ],
        };
        let text = map.to_toml(&["heading".into()], &[vec!["seen: 3 values".into()]]);
        assert_eq!(Map::from_toml(&text).unwrap(), map, "{text}");
        assert!(text.contains("# seen: 3 values"));
    }

    #[test]
    fn an_unknown_key_is_named() {
        let e = Map::from_toml("[source]\nlayout = \"plain\"\nidd = \"x\"\n").unwrap_err();
        assert!(e.contains("idd"), "{e}");
    }
}
