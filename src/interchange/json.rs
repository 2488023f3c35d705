//! The JSON form of a whole store. The format is documented in the README
//! ("The JSON form"). Export is canonical: the same store always gives the
//! same bytes, so export → import → export is the identity.

use crate::domain::{Dataset, FORMAT_NAME, FORMAT_VERSION};
use std::fmt;

/// Why a JSON document could not be read as a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// The path of the field at fault, e.g. `cohorts[1].start`; empty for the
    /// document as a whole.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}, column {}: ", self.line, self.column)?;
        }
        if !self.path.is_empty() && self.path != "." {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for JsonError {}

/// The canonical text of a dataset: pretty-printed, two-space indent, fields
/// in their documented order, one trailing newline.
pub fn to_json(data: &Dataset) -> String {
    let mut s = serde_json::to_string_pretty(data).expect("a dataset always serialises");
    s.push('\n');
    s
}

/// Reads a dataset from JSON text. The error names the field's path.
pub fn from_json(text: &str) -> Result<Dataset, JsonError> {
    // A sound file is read once. Only a file that does not read, or whose
    // header or unrecoverable figures need a closer look, is read again for
    // the message (each pass over the 200,000-quote store's 124 MB took
    // about 100 ms, and there were three).
    match serde_json::from_str::<Dataset>(text) {
        Ok(data) if data.version == 1 => from_version_1(text),
        Err(_) if version_of(text) == Some(1) => from_version_1(text),
        // Versions 3 and 4 only added fields, each optional.
        Ok(mut data) if (data.version == 2 || data.version == 3) && data.format == FORMAT_NAME => {
            data.version = FORMAT_VERSION;
            Ok(data)
        }
        Ok(data) => {
            if data.format != FORMAT_NAME || data.version != FORMAT_VERSION {
                check_header(text)?;
            }
            if data
                .results
                .iter()
                .any(|r| r.figures == crate::domain::Figures::NotRecoverable)
            {
                check_unrecoverable(text)?;
            }
            Ok(data)
        }
        Err(_) => {
            check_header(text)?;
            check_unrecoverable(text)?;
            let mut data = read_with_path(text)?;
            if data.version == 2 || data.version == 3 {
                data.version = FORMAT_VERSION;
            }
            Ok(data)
        }
    }
}

/// The version a document says it is in, when it says.
fn version_of(text: &str) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct Version {
        version: Option<serde_json::Value>,
    }
    serde_json::from_str::<Version>(text)
        .ok()?
        .version?
        .as_u64()
}

/// Reads version 1 of the form: a recommendation's one status and note
/// (`uptake`, `uptake_note`) become what became of it in the next cohort of
/// its program. "Unknown" says nothing of a cohort: without a note, or
/// with no cohort after its own, it is dropped; a judged status with no
/// cohort after its own is refused, by its field.
fn from_version_1(text: &str) -> Result<Dataset, JsonError> {
    use serde_json::{Value, json};
    let mut v: Value = serde_json::from_str(text).map_err(|e| JsonError {
        path: String::new(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let cohorts: Vec<(i64, i64, i64)> = v["cohorts"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| {
            Some((
                c["id"].as_i64()?,
                c["program"].as_i64()?,
                c["ordinal"].as_i64()?,
            ))
        })
        .collect();
    if let Some(recs) = v["recommendations"].as_array_mut() {
        for (i, r) in recs.iter_mut().enumerate() {
            let Some(obj) = r.as_object_mut() else {
                continue;
            };
            let status = obj.remove("uptake");
            let note = obj.remove("uptake_note");
            let status = status.as_ref().and_then(Value::as_str).unwrap_or("unknown");
            let note = note.as_ref().and_then(Value::as_str).unwrap_or("");
            if status == "unknown" && note.is_empty() {
                continue;
            }
            let own = obj["cohort"].as_i64();
            let own = cohorts.iter().find(|c| Some(c.0) == own);
            let next = own.and_then(|own| {
                cohorts
                    .iter()
                    .filter(|c| c.1 == own.1 && c.2 > own.2)
                    .min_by_key(|c| c.2)
            });
            let Some(next) = next else {
                // "Unknown" of a cohort with none after it says nothing of
                // any cohort; a status that was judged is not dropped.
                if status == "unknown" {
                    continue;
                }
                return Err(header_error(
                    "version 1 of the form says what became of it, but its cohort has no later \
                     cohort to say it of"
                        .into(),
                    &format!("recommendations[{i}].uptake"),
                ));
            };
            obj.insert(
                "fate".into(),
                json!([{ "cohort": next.0, "status": status, "note": note }]),
            );
        }
    }
    v["version"] = json!(FORMAT_VERSION);
    let upgraded = serde_json::to_string(&v).expect("a JSON value always serialises");
    from_json(&upgraded)
}

fn header_error(message: String, path: &str) -> JsonError {
    JsonError {
        path: path.into(),
        line: 0,
        column: 0,
        message,
    }
}

/// The header first, so that a file of another kind or version gets a
/// message about that rather than about its first odd field.
fn check_header(text: &str) -> Result<(), JsonError> {
    #[derive(serde::Deserialize)]
    struct Header {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    if let Ok(h) = serde_json::from_str::<Header>(text) {
        match h.format.as_ref().and_then(|v| v.as_str()) {
            Some(FORMAT_NAME) => {}
            Some(other) => {
                return Err(header_error(
                    format!(
                        "this is a \"{other}\" document, not a tovana store (\"format\": \"{FORMAT_NAME}\")"
                    ),
                    "format",
                ));
            }
            None => {
                return Err(header_error(
                    format!(
                        "missing \"format\": \"{FORMAT_NAME}\"; this does not look like a tovana export"
                    ),
                    "format",
                ));
            }
        }
        if let Some(v) = h.version.as_ref().and_then(|v| v.as_u64())
            && v != u64::from(FORMAT_VERSION)
            && v != 2
            && v != 3
        {
            return Err(header_error(
                format!("version {v} of the JSON form; this tovana reads version {FORMAT_VERSION}"),
                "version",
            ));
        }
    }
    Ok(())
}

/// A result whose figures are not recoverable holds nothing else: serde
/// lets fields beside such a tag pass, so they are looked for here.
fn check_unrecoverable(text: &str) -> Result<(), JsonError> {
    #[derive(serde::Deserialize)]
    struct Results {
        #[serde(default)]
        results: Vec<RawResult>,
    }
    #[derive(serde::Deserialize)]
    struct RawResult {
        figures: Option<serde_json::Map<String, serde_json::Value>>,
    }
    if let Ok(r) = serde_json::from_str::<Results>(text) {
        for (i, res) in r.results.iter().enumerate() {
            let Some(f) = &res.figures else { continue };
            if f.get("kind").and_then(|k| k.as_str()) == Some("not_recoverable")
                && let Some(extra) = f.keys().find(|k| *k != "kind")
            {
                return Err(header_error(
                    format!("unknown field `{extra}`: figures that are not recoverable hold none"),
                    &format!("results[{i}].figures.{extra}"),
                ));
            }
        }
    }
    Ok(())
}

/// The data read again with the path of the field where it breaks.
fn read_with_path(text: &str) -> Result<Dataset, JsonError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let data: Dataset = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        JsonError {
            path,
            line: inner.line(),
            column: inner.column(),
            message: strip_position(&inner.to_string()),
        }
    })?;
    de.end().map_err(|e| JsonError {
        path: String::new(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    Ok(data)
}

/// serde_json appends " at line L column C"; the error carries those apart.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_reads_the_same_as_the_lower_modules_tests_read_it() {
        assert_eq!(
            from_json(crate::interchange::DEMO_JSON).unwrap(),
            crate::domain::testing::demo()
        );
    }

    #[test]
    fn an_empty_dataset_round_trips() {
        let text = to_json(&Dataset::default());
        assert!(text.ends_with("}\n"));
        assert_eq!(from_json(&text).unwrap(), Dataset::default());
        assert_eq!(to_json(&from_json(&text).unwrap()), text);
    }

    #[test]
    fn a_bad_field_is_named_by_its_path() {
        let mut v: serde_json::Value = serde_json::from_str(&to_json(&Dataset::default())).unwrap();
        v["cohorts"] = serde_json::json!([
            {"id": 1, "program": 1, "label": "א", "ordinal": 1},
            {"id": 2, "program": 1, "label": "ב", "ordinal": 2, "start": "2018-13"}
        ]);
        let err = from_json(&v.to_string()).unwrap_err();
        assert_eq!(err.path, "cohorts[1].start");
        assert!(err.message.contains("2018-13"), "{err}");
    }

    #[test]
    fn an_unknown_field_and_broken_syntax_are_reported() {
        let mut v: serde_json::Value = serde_json::from_str(&to_json(&Dataset::default())).unwrap();
        v["programs"] = serde_json::json!([{"id": 1, "name": "x", "nmae_en": "y"}]);
        let err = from_json(&v.to_string()).unwrap_err();
        assert_eq!(err.path, "programs[0].nmae_en");
        let err = from_json("{\"format\": \"tovana\",\n \"version\": 1,\n").unwrap_err();
        assert_eq!(err.line, 3, "{err}");
    }

    #[test]
    fn another_format_or_version_is_refused_by_name() {
        let err = from_json(r#"{"format": "qualcoder", "version": 1}"#).unwrap_err();
        assert_eq!(err.path, "format");
        let err = from_json(r#"{"format": "tovana", "version": 7}"#).unwrap_err();
        assert_eq!(err.path, "version");
        assert!(err.message.contains("version 7"));
        let err = from_json(r#"[1, 2]"#).unwrap_err();
        assert!(!err.message.is_empty());
        // A whole store's file that reads but names another format or
        // version is refused the same way.
        for (field, value, path) in [
            ("format", serde_json::json!("qualcoder"), "format"),
            ("version", serde_json::json!(7), "version"),
        ] {
            let mut v: serde_json::Value =
                serde_json::from_str(crate::interchange::DEMO_JSON).unwrap();
            v[field] = value;
            let err = from_json(&v.to_string()).unwrap_err();
            assert_eq!(err.path, path, "{err}");
        }
        assert!(from_json(crate::interchange::DEMO_JSON).is_ok());
    }

    #[test]
    fn figures_not_recoverable_take_no_other_field() {
        let mut v: serde_json::Value = serde_json::from_str(crate::interchange::DEMO_JSON).unwrap();
        let results = v["results"].as_array_mut().unwrap();
        let i = results
            .iter()
            .position(|r| r["figures"]["kind"] == "not_recoverable")
            .unwrap();
        results[i]["figures"]["counts"] = serde_json::json!([1, 2]);
        let err = from_json(&v.to_string()).unwrap_err();
        assert_eq!(err.path, format!("results[{i}].figures.counts"));
    }

    #[test]
    fn an_id_too_large_for_the_store_is_named() {
        let mut d = crate::domain::testing::demo();
        d.codes[0].id = 1 << 60;
        let problems = d.validate();
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("codes[0].id") && p.contains("out of range")),
            "{problems:?}"
        );
    }
}
