//! Which columns are the survey tool's own, and which identifies the
//! respondent.

use super::layout::Column;
use super::scales::normal;

/// Columns the tools add about the response rather than the respondent's
/// answers, and personal data, left out unless the evaluator says.
pub const METADATA: &[&str] = &[
    // Qualtrics
    "startdate",
    "enddate",
    "status",
    "ipaddress",
    "progress",
    "duration (in seconds)",
    "finished",
    "recordeddate",
    "recipientlastname",
    "recipientfirstname",
    "recipientemail",
    "externalreference",
    "externaldatareference",
    "locationlatitude",
    "locationlongitude",
    "distributionchannel",
    "userlanguage",
    "responseset",
    "name",
    "emailaddress",
    "ipaddress",
    // Google Forms
    "timestamp",
    "חותמת זמן",
    "email address",
    "כתובת אימייל",
    "score",
    "ניקוד",
    // LimeSurvey
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "datestamp",
    "ipaddr",
    "refurl",
    // SurveyMonkey
    "collector id",
    "start date",
    "end date",
    "ip address",
    "email address",
    "first name",
    "last name",
    "custom data 1",
    // KoboToolbox
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "_tags",
    "_index",
    "__version__",
    "_version_",
    "meta/instanceid",
    "_attachments",
    "_geolocation",
];

pub const ID_NAMES: &[&str] = &[
    "id",
    "responseid",
    "response id",
    "respondent id",
    "respondentid",
    "respondent",
    "respondent number",
    "משיב",
    "משיב/ה",
    "case",
    "case id",
    "caseid",
    "token",
    "_uuid",
    "_id",
    "participant",
    "participant id",
    "מזהה",
    "מספר משיב",
    "מזהה משיב",
    "ת.ז.",
    "מספר",
];

/// The column that identifies respondents: one named as ids are, every
/// value there and none twice; else the first such column whose name
/// says `id`.
pub fn find_id(rows: &[(usize, Vec<String>)], columns: &[Column]) -> Option<usize> {
    let unique = |c: usize| {
        let mut seen = std::collections::HashSet::new();
        rows.iter().all(|(_, r)| {
            r.get(c)
                .map(|v| v.trim())
                .is_some_and(|v| !v.is_empty() && seen.insert(v))
        })
    };
    let named = |c: &Column| ID_NAMES.contains(&normal(&c.name).as_str());
    (0..columns.len())
        .find(|c| named(&columns[*c]) && unique(*c))
        .or_else(|| {
            (0..columns.len()).find(|c| {
                let n = normal(&columns[*c].name);
                (n.ends_with(" id") || n.ends_with("_id") || n.ends_with("id")) && unique(*c)
            })
        })
        .or_else(|| {
            // Else the first of the first columns, not the tool's own,
            // whose values are short codes, every one there and none twice.
            (0..columns.len().min(4)).find(|c| {
                !METADATA.contains(&normal(&columns[*c].name).as_str())
                    && unique(*c)
                    && rows.iter().all(|(_, r)| {
                        r.get(*c).is_some_and(|v| {
                            let v = v.trim();
                            v.chars().count() <= 40 && !v.contains(char::is_whitespace)
                        })
                    })
            })
        })
}
