//! The app's settings, from the first place that gives each: the command
//! line, the environment, the config file, the default.
//!
//! The config file is `tovana/config` in the config folder
//! (`$XDG_CONFIG_HOME`, or `~/.config`; `~/Library/Application Support` on
//! macOS; `%APPDATA%` on Windows), or the file `TOVANA_CONFIG` names. It
//! holds `key = value` lines; `#` starts a comment:
//!
//! ```text
//! bidi = app        # or: terminal
//! lang = he         # or: en
//! coder = דנה       # who codes; asked once by the app and written here
//! blind = true      # code blind: see only your own codings and counts
//! ```

use crate::tui::{BidiMode, Lang, Settings};
use std::path::{Path, PathBuf};

/// Settings from the config file; absent keys stay `None`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FileSettings {
    pub bidi: Option<BidiMode>,
    pub lang: Option<Lang>,
    pub coder: Option<String>,
    pub blind: Option<bool>,
}

/// The settings' names, as the file writes them.
const KNOWN: &[&str] = &["bidi", "lang", "coder", "blind"];

/// Reads a config file's text; an error names the file and the line, in
/// the words of `lang`.
pub fn parse(text: &str, path: &Path, lang: Lang) -> Result<FileSettings, String> {
    let mut out = FileSettings::default();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let at = || lang.config_line(&path.display().to_string(), n + 1);
        let Some((key, value)) = line.split_once('=') else {
            return Err(lang.not_key_value(&at(), line));
        };
        let (key, value) = (key.trim(), value.trim());
        let bad = |allowed: &[&str]| lang.setting_value(&at(), key, value, allowed);
        match key {
            "bidi" => out.bidi = Some(BidiMode::parse(value).ok_or_else(|| bad(BIDI))?),
            "lang" => out.lang = Some(Lang::parse(value).ok_or_else(|| bad(LANGS))?),
            "coder" if !value.is_empty() => out.coder = Some(value.to_string()),
            "coder" => return Err(lang.coder_needs_name(&at())),
            "blind" => out.blind = Some(parse_bool(value).ok_or_else(|| bad(BOOL))?),
            other => return Err(lang.unknown_setting(&at(), other, KNOWN)),
        }
    }
    Ok(out)
}

const BIDI: &[&str] = &["app", "terminal"];
const LANGS: &[&str] = &["he", "en"];
const BOOL: &[&str] = &["true", "false"];

/// Where the config file is looked for.
pub fn config_path() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(p) = env("TOVANA_CONFIG") {
        return Some(p);
    }
    let base = if cfg!(windows) {
        env("APPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        env("XDG_CONFIG_HOME")
            .filter(|p| p.is_absolute())
            .or_else(|| env("HOME").map(|h| h.join(".config")))
    };
    base.map(|b| b.join("tovana").join("config"))
}

/// Reads the config file when there is one. A missing file is no error; one
/// that cannot be read or parsed is.
pub fn read_file(lang: Lang) -> Result<FileSettings, String> {
    let Some(path) = config_path() else {
        return Ok(FileSettings::default());
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &path, lang),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(FileSettings::default()),
        Err(e) => Err(lang.cannot_read(&path.display().to_string(), &e.to_string())),
    }
}

fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" | "on" => Some(true),
        "false" | "no" | "0" | "off" => Some(false),
        _ => None,
    }
}

/// Blind coding: the flag, else `TOVANA_BLIND`, else the config file; off
/// by default.
pub fn blind(flag: bool, lang: Lang) -> Result<bool, String> {
    if flag {
        return Ok(true);
    }
    if let Ok(v) = std::env::var("TOVANA_BLIND")
        && !v.trim().is_empty()
    {
        return parse_bool(&v).ok_or_else(|| lang.env_value("TOVANA_BLIND", &v, BOOL));
    }
    Ok(read_file(lang)?.blind.unwrap_or(false))
}

/// The coder: the flag, else `TOVANA_CODER`, else the config file.
pub fn coder(flag: Option<String>, lang: Lang) -> Result<Option<String>, String> {
    if let Some(c) = flag.filter(|c| !c.trim().is_empty()) {
        return Ok(Some(c));
    }
    if let Some(c) = std::env::var("TOVANA_CODER")
        .ok()
        .filter(|v| !v.trim().is_empty())
    {
        return Ok(Some(c));
    }
    Ok(read_file(lang)?.coder)
}

/// Adds `coder = NAME` to the config file (made if missing), so that the
/// app asks only once.
pub fn remember_coder(name: &str, lang: Lang) -> Result<(), String> {
    let Some(path) = config_path() else {
        return Err(lang.no_config_folder().into());
    };
    let cannot =
        |p: &Path, e: std::io::Error| lang.cannot_write(&p.display().to_string(), &e.to_string());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| cannot(dir, e))?;
    }
    let mut text = std::fs::read_to_string(&path).unwrap_or_default();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    // A name holds no line break or comment sign, or the file would not read back.
    let name: String = name
        .chars()
        .filter(|c| !c.is_control() && *c != '#')
        .collect();
    text.push_str(&format!("coder = {}\n", name.trim()));
    std::fs::write(&path, text).map_err(|e| cannot(&path, e))
}

/// The language of the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`).
pub fn locale_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .map(|v| Lang::from_locale(&v))
        .next()
        .unwrap_or_default()
}

fn from_env(key: &str) -> Option<String> {
    std::env::var(key).ok().filter(|v| !v.trim().is_empty())
}

/// The language to word the settings' own errors in, before they are
/// settled: the flag, else `TOVANA_LANG` when it reads, else the locale's.
pub fn first_lang(lang_flag: Option<Lang>) -> Lang {
    lang_flag
        .or_else(|| from_env("TOVANA_LANG").and_then(|v| Lang::parse(&v)))
        .unwrap_or_else(locale_lang)
}

/// Settles the settings: the flag, else the environment variable
/// (`TOVANA_BIDI`, `TOVANA_LANG`), else the config file, else the default
/// (bidi `app`; the locale's language). Errors are worded in
/// [`first_lang`]'s language.
pub fn settle(bidi_flag: Option<BidiMode>, lang_flag: Option<Lang>) -> Result<Settings, String> {
    let words = first_lang(lang_flag);
    let file = read_file(words)?;
    let bidi = match (bidi_flag, from_env("TOVANA_BIDI")) {
        (Some(b), _) => b,
        (None, Some(v)) => {
            BidiMode::parse(&v).ok_or_else(|| words.env_value("TOVANA_BIDI", &v, BIDI))?
        }
        (None, None) => file.bidi.unwrap_or_default(),
    };
    let lang = match (lang_flag, from_env("TOVANA_LANG")) {
        (Some(l), _) => l,
        (None, Some(v)) => {
            Lang::parse(&v).ok_or_else(|| words.env_value("TOVANA_LANG", &v, LANGS))?
        }
        (None, None) => file.lang.unwrap_or_else(locale_lang),
    };
    Ok(Settings { bidi, lang })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_file_sets_what_it_names() {
        let p = Path::new("/x/config");
        assert_eq!(
            parse("# mine\nbidi = terminal\n\nlang=he # Hebrew\n", p, Lang::En),
            Ok(FileSettings {
                bidi: Some(BidiMode::Terminal),
                lang: Some(Lang::He),
                coder: None,
                blind: None,
            })
        );
        assert_eq!(
            parse("blind = yes\n", p, Lang::En).unwrap().blind,
            Some(true)
        );
        assert!(
            parse("blind = maybe\n", p, Lang::En)
                .unwrap_err()
                .contains("line 1")
        );
        assert_eq!(parse("", p, Lang::En), Ok(FileSettings::default()));
        assert_eq!(
            parse("coder = דנה כהן\n", p, Lang::En)
                .unwrap()
                .coder
                .as_deref(),
            Some("דנה כהן")
        );
        assert!(
            parse("coder =", p, Lang::En)
                .unwrap_err()
                .contains("line 1")
        );
    }

    #[test]
    fn a_bad_line_is_named_by_file_and_number() {
        let p = Path::new("/x/config");
        let err = parse("lang = he\nbidi = sideways\n", p, Lang::En).unwrap_err();
        assert_eq!(
            err,
            "/x/config, line 2: bidi is `app` or `terminal`, not `sideways`"
        );
        let err = parse("colour = red", p, Lang::En).unwrap_err();
        assert!(
            err.contains("line 1") && err.contains("unknown setting `colour`"),
            "{err}"
        );
        let err = parse("just words", p, Lang::En).unwrap_err();
        assert!(err.contains("expected `key = value`"), "{err}");
    }

    #[test]
    fn a_bad_line_is_named_in_hebrew_when_the_words_are_hebrew() {
        let p = Path::new("/x/config");
        let err = parse("lang = he\nbidi = sideways\n", p, Lang::He).unwrap_err();
        assert!(err.contains("שורה 2"), "{err}");
        assert!(
            err.contains("\u{2066}app\u{2069} או \u{2066}terminal\u{2069}"),
            "{err}"
        );
        assert!(err.contains("\u{2068}sideways\u{2069}"), "{err}");
        let err = parse("colour = red", p, Lang::He).unwrap_err();
        assert!(
            err.contains("הגדרה לא מוכרת") && err.contains("שורה 1"),
            "{err}"
        );
    }
}
