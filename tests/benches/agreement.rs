//! Agreement of two coders over 1,000 documents: percent agreement and
//! Cohen's kappa per code and overall, at character and quote level.
//! Prints figures. Run: `cargo bench --bench agreement`.

use std::time::Instant;
use tovana::analysis::agreement::report;
use tovana::domain::{Coding, Document, DocumentKind, Quote};

fn main() {
    // 1,000 documents of 5,000 characters; per document 60 quotes, each
    // coded by coder 1 and, with some shifts and misses, by coder 2, with
    // 20 codes.
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut next = |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n
    };
    let text: String = "אבגדה ".repeat(5000 / 6);
    let len = text.chars().count() as u32;
    let (mut documents, mut quotes, mut codings) = (vec![], vec![], vec![]);
    for d in 0..1000i64 {
        documents.push(Document {
            id: d,
            cohort: 1,
            instrument: None,
            kind: DocumentKind::Transcript,
            title: String::new(),
            text: text.clone(),
            illustrative: true,
            notes: String::new(),
            ..Default::default()
        });
        for _ in 0..60 {
            let start = next(len as u64 - 200) as u32;
            let id = quotes.len() as i64;
            quotes.push(Quote {
                id,
                document: d,
                start,
                end: start + 20 + next(150) as u32,
                role: String::new(),
                ..Default::default()
            });
            let code = next(20) as i64;
            let coding = |coder: i64, code: i64, id: usize| Coding {
                id: id as i64,
                quote: quotes.len() as i64 - 1,
                code,
                coder,
                memo: String::new(),
                created: String::new(),
                ..Default::default()
            };
            codings.push(coding(1, code, codings.len()));
            if next(6) != 0 {
                let other = if next(5) == 0 { next(20) as i64 } else { code };
                codings.push(coding(2, other, codings.len()));
            }
        }
    }
    let lengths: Vec<(i64, usize)> = documents
        .iter()
        .map(|d| (d.id, d.text.chars().count()))
        .collect();
    let mut times = vec![];
    let mut r = None;
    for _ in 0..5 {
        let t = Instant::now();
        r = Some(report(&lengths, &quotes, &codings, 1, 2));
        times.push(t.elapsed());
    }
    times.sort();
    let r = r.unwrap();
    println!(
        "1,000 documents × 5,000 characters, {} quotes, {} codings, {} codes",
        quotes.len(),
        codings.len(),
        r.codes.len()
    );
    println!(
        "agreement report (per code and overall, characters and quotes): median {:.1} ms (5 runs)",
        times[2].as_secs_f64() * 1e3
    );
    println!(
        "overall: characters κ = {:.3}, quotes κ = {:.3}",
        r.characters.kappa().unwrap_or(f64::NAN),
        r.quotes.kappa().unwrap_or(f64::NAN)
    );
}
