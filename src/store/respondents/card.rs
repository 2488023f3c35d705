//! One respondent whole, as a search hit opens them: their attributes,
//! each answer they gave (or left), their open answers, and the other
//! instruments where the same id answered.

use crate::domain::Id;
use crate::store::Store;
use rusqlite::OptionalExtension;

/// An answer as the respondent gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    /// An option of the question's scale, by its label.
    Option(String),
    Number(f64),
    Missing,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CardAnswer {
    pub question: Id,
    pub wording: String,
    pub given: Given,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub id: Id,
    /// The respondent's id in the file.
    pub key: String,
    pub instrument: Id,
    pub instrument_title: String,
    pub cohort_label: String,
    pub attributes: Vec<(String, String)>,
    /// In the questions' order.
    pub answers: Vec<CardAnswer>,
    /// Open answers: the question's document title, the quote and its text.
    pub open: Vec<(String, Id, String)>,
    /// The same id in other instruments: the instrument, its title and
    /// cohort, and the respondent there.
    pub elsewhere: Vec<(Id, String, String, Id)>,
}

impl Store {
    /// The respondent `id` whole; `None` when there is no such respondent.
    pub fn respondent_card(&self, id: Id) -> crate::store::Result<Option<Card>> {
        let head = self
            .conn()
            .query_row(
                "SELECT r.key, r.instrument, i.title, c.label FROM respondent r
                 JOIN instrument i ON i.id = r.instrument JOIN cohort c ON c.id = i.cohort
                 WHERE r.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(|e| self.sqlite(e))?;
        let Some((key, instrument, instrument_title, cohort_label)) = head else {
            return Ok(None);
        };
        let attributes = self.rows(
            "SELECT name, value FROM respondent_attribute WHERE respondent = ?1 ORDER BY name",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let answers = self.rows(
            "SELECT q.id, q.wording, o.label, a.value FROM answer a
             JOIN question q ON q.id = a.question
             LEFT JOIN scale_option o ON o.scale = q.scale AND o.position = a.option
             WHERE a.respondent = ?1 ORDER BY q.ordinal, q.id",
            [id],
            |r| {
                let given = match (r.get::<_, Option<String>>(2)?, r.get::<_, Option<f64>>(3)?) {
                    (Some(label), _) => Given::Option(label),
                    (None, Some(n)) => Given::Number(n),
                    (None, None) => Given::Missing,
                };
                Ok(CardAnswer {
                    question: r.get(0)?,
                    wording: r.get(1)?,
                    given,
                })
            },
        )?;
        let open = self.rows(
            "SELECT d.title, q.id, t.text FROM quote q JOIN document d ON d.id = q.document
             JOIN quote_text t ON t.quote = q.id
             WHERE q.respondent = ?1 ORDER BY d.id, q.start",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let elsewhere = self.rows(
            "SELECT o.instrument, i.title, c.label, o.id FROM respondent o
             JOIN instrument i ON i.id = o.instrument JOIN cohort c ON c.id = i.cohort
             WHERE o.key = ?1 AND o.instrument <> ?2 ORDER BY c.ordinal, i.ordinal, i.id",
            rusqlite::params![key, instrument],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        Ok(Some(Card {
            id,
            key,
            instrument,
            instrument_title,
            cohort_label,
            attributes,
            answers,
            open,
            elsewhere,
        }))
    }
}
