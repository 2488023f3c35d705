//! What agreement between two coders is worked out on: the documents of a
//! set, the two coders' codings there and the quotes they coded; and the
//! pair last compared, remembered in the store.

use super::Store;
use crate::domain::{Coding, Id, Quote};
use rusqlite::params;

/// Which documents two coders are compared on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocumentSet {
    /// The documents both coders coded something in.
    #[default]
    Shared,
    All,
    Cohort(Id),
}

/// A document of a set compared for agreement: what the comparison needs
/// of it, without its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetDocument {
    pub id: Id,
    pub cohort: Id,
    /// Its length in code points.
    pub chars: usize,
}

/// The documents of a set, two coders' codings there and the quotes they
/// coded, as a comparison reads them: the codings without their memos and
/// times, the quotes without their speakers' roles.
#[derive(Debug, Clone, Default)]
pub struct AgreementSet {
    pub documents: Vec<SetDocument>,
    pub quotes: Vec<Quote>,
    pub codings: Vec<Coding>,
}

impl Store {
    /// The documents of a set, their quotes, and the codings of coders `a`
    /// and `b` on them.
    pub fn agreement_set(&self, set: DocumentSet, a: Id, b: Id) -> super::Result<AgreementSet> {
        let (shared, cohort) = match set {
            DocumentSet::Shared => (true, None),
            DocumentSet::All => (false, None),
            DocumentSet::Cohort(id) => (false, Some(id)),
        };
        // The documents, as a condition on `d`; the coders' documents are
        // found once, not per row.
        let docs = "(?1 IS NULL OR d.cohort = ?1) AND (NOT ?4 OR (
                d.id IN (SELECT document FROM coding_fact WHERE coder = ?2)
            AND d.id IN (SELECT document FROM coding_fact WHERE coder = ?3)))";
        let params = params![cohort, a, b, shared];
        let documents = self.rows(
            &format!(
                "SELECT d.id, d.cohort, x.chars
                 FROM document d JOIN document_info x ON x.document = d.id
                 WHERE {docs} ORDER BY d.id"
            ),
            params,
            |r| {
                Ok(SetDocument {
                    id: r.get(0)?,
                    cohort: r.get(1)?,
                    chars: r.get::<_, i64>(2)? as usize,
                })
            },
        )?;
        // The two coders' codings in those documents, and the spans of the
        // quotes they coded (the only quotes a comparison counts), in one
        // pass over the facts kept beside the codings, in their own order
        // (NOT INDEXED), and without what a comparison does not read (the
        // codings' memos and times, the quotes' roles). Through the index
        // of coders, the coding table and every quote of the documents read
        // apart, pages were read again and again (all 2,000 documents of
        // the 200,000-quote store: 170 ms).
        let ids = serde_json::to_string(&documents.iter().map(|d| d.id).collect::<Vec<_>>())
            .unwrap_or_else(|_| "[]".into());
        let mut codings = vec![];
        let mut quotes = vec![];
        (|| {
            // Every document: no list of them to test each coding against
            // (the list stays bound as ?1, unread).
            let within = match set {
                DocumentSet::All => "1",
                _ => "f.document IN (SELECT value FROM json_each(?1))",
            };
            let mut s = self.conn().prepare_cached(&format!(
                "SELECT f.coding, f.quote, f.code, f.coder, f.document, f.start, f.end
                 FROM coding_fact f NOT INDEXED WHERE f.coder IN (?2, ?3) AND {within}"
            ))?;
            let mut read = s.query(params![ids, a, b])?;
            while let Some(r) = read.next()? {
                let quote: Id = r.get(1)?;
                codings.push(Coding {
                    id: r.get(0)?,
                    quote,
                    code: r.get(2)?,
                    coder: r.get(3)?,
                    memo: String::new(),
                    created: String::new(),
                    ..Default::default()
                });
                quotes.push(Quote {
                    id: quote,
                    document: r.get(4)?,
                    start: r.get(5)?,
                    end: r.get(6)?,
                    role: String::new(),
                    ..Default::default()
                });
            }
            Ok(())
        })()
        .map_err(|e: rusqlite::Error| self.sqlite(e))?;
        quotes.sort_unstable_by_key(|q| q.id);
        quotes.dedup_by_key(|q| q.id);
        Ok(AgreementSet {
            documents,
            quotes,
            codings,
        })
    }
}

impl Store {
    /// The two coders last compared for agreement, if both are still coders.
    pub fn agreement_pair(&self) -> super::Result<Option<(Id, Id)>> {
        let Some(value) = self.first_row(
            "SELECT value FROM setting WHERE key = 'agreement_pair'",
            [],
            |r| r.get::<_, String>(0),
        )?
        else {
            return Ok(None);
        };
        let Some((a, b)) = value
            .split_once(',')
            .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)))
        else {
            return Ok(None);
        };
        let coders = self.coders()?;
        let known = |id: Id| coders.iter().any(|c| c.id == id);
        Ok((known(a) && known(b) && a != b).then_some((a, b)))
    }

    /// Remembers the two coders compared for agreement, for the next time
    /// the store is opened, by anyone.
    pub fn set_agreement_pair(&mut self, a: Id, b: Id) -> super::Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES ('agreement_pair', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [format!("{a},{b}")],
            )
            .map_err(|e| super::sqlite_error(&path, e))?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::store::testing::demo_store;

    #[test]
    fn the_agreement_pair_is_remembered_while_both_are_coders() {
        let mut s = demo_store();
        assert_eq!(s.agreement_pair().unwrap(), None);
        let coders = s.coders().unwrap();
        let (a, b) = (coders[0].id, coders[1].id);
        s.set_agreement_pair(b, a).unwrap();
        assert_eq!(s.agreement_pair().unwrap(), Some((b, a)));
        s.set_agreement_pair(a, 999).unwrap();
        assert_eq!(s.agreement_pair().unwrap(), None, "999 is no coder");
    }
}
