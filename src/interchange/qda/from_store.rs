//! Another store's coding work as a [`Batch`], for `tovana merge`: its
//! codes, coders, documents (going to the cohort of the same label), quotes
//! and codings, each under the GUID that store keeps.

use crate::domain::Dataset;
use crate::domain::exchange::{Batch, CohortRef, InCode, InCoder, InCoding, InDocument, InQuote};
use std::collections::HashMap;

pub fn batch_of(d: &Dataset) -> Batch {
    let code_guid: HashMap<i64, &str> = d.codes.iter().map(|c| (c.id, c.guid.as_str())).collect();
    let coder_guid: HashMap<i64, &str> = d.coders.iter().map(|c| (c.id, c.guid.as_str())).collect();
    let doc_guid: HashMap<i64, &str> = d
        .documents
        .iter()
        .map(|x| (x.id, x.guid.as_str()))
        .collect();
    let quote_guid: HashMap<i64, &str> = d.quotes.iter().map(|q| (q.id, q.guid.as_str())).collect();
    let label: HashMap<i64, &str> = d.cohorts.iter().map(|c| (c.id, c.label.as_str())).collect();
    let instrument: HashMap<i64, &str> = d
        .instruments
        .iter()
        .map(|i| (i.id, i.title.as_str()))
        .collect();
    let mut b = Batch {
        program: d
            .programs
            .first()
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        ..Batch::default()
    };
    // Parents before children.
    for (i, _) in crate::domain::code_tree(&d.codes) {
        let c = &d.codes[i];
        b.codes.push(InCode {
            guid: c.guid.clone(),
            parent: c
                .parent
                .and_then(|p| code_guid.get(&p))
                .map(|g| g.to_string()),
            name: c.name.clone(),
            colour: Some(c.colour.clone()),
            description: c.description.clone(),
            memo: c.memo.clone(),
            memo_guid: c.memo_guid.clone(),
        });
    }
    b.coders = d
        .coders
        .iter()
        .map(|c| InCoder {
            guid: c.guid.clone(),
            name: c.name.clone(),
        })
        .collect();
    b.documents = d
        .documents
        .iter()
        .map(|x| InDocument {
            guid: x.guid.clone(),
            cohort: CohortRef::Label(label.get(&x.cohort).copied().unwrap_or("").to_string()),
            kind: x.kind,
            title: x.title.clone(),
            text: x.text.clone(),
            notes: x.notes.clone(),
            notes_guid: x.notes_guid.clone(),
            attributes: x.attributes.clone(),
            instrument: x
                .instrument
                .and_then(|i| instrument.get(&i))
                .map(|t| t.to_string()),
            illustrative: x.illustrative,
        })
        .collect();
    b.quotes = d
        .quotes
        .iter()
        .filter_map(|q| {
            Some(InQuote {
                guid: q.guid.clone(),
                document: doc_guid.get(&q.document)?.to_string(),
                start: q.start,
                end: q.end,
                role: q.role.clone(),
                memo: q.memo.clone(),
                memo_guid: q.memo_guid.clone(),
            })
        })
        .collect();
    b.codings = d
        .codings
        .iter()
        .filter_map(|c| {
            Some(InCoding {
                guid: c.guid.clone(),
                quote: quote_guid.get(&c.quote)?.to_string(),
                code: code_guid.get(&c.code)?.to_string(),
                coder: coder_guid.get(&c.coder)?.to_string(),
                created: c.created.clone(),
                memo: c.memo.clone(),
                memo_guid: c.memo_guid.clone(),
            })
        })
        .collect();
    b
}
