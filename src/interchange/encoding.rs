//! Text by its byte-order mark: what the importers of other tools' files
//! share.

/// The text of `bytes` when they start with a UTF-16 byte-order mark
/// (little or big endian), without the mark: `None` when they do not,
/// `Some(None)` when what follows is not UTF-16.
pub fn utf16_by_mark(bytes: &[u8]) -> Option<Option<String>> {
    let be = match bytes {
        [0xFF, 0xFE, ..] => false,
        [0xFE, 0xFF, ..] => true,
        _ => return None,
    };
    let units: Vec<u16> = bytes[2..]
        .chunks(2)
        .map(|p| {
            let p = [p[0], *p.get(1).unwrap_or(&0)];
            if be {
                u16::from_be_bytes(p)
            } else {
                u16::from_le_bytes(p)
            }
        })
        .collect();
    Some(String::from_utf16(&units).ok())
}

/// The text of UTF-16 `bytes` written without a byte-order mark, told by
/// the zero bytes of Latin letters, digits and punctuation (every second
/// byte, odd for little endian, even for big): `None` when they do not
/// look so, or do not read as UTF-16.
pub fn utf16_unmarked(bytes: &[u8]) -> Option<String> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let zeros = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let half = bytes.len() / 2;
    // A separator or a line end in every row is enough: a tenth of the
    // units, and nearly none on the other side.
    let le = odd * 10 >= half && even * 100 <= half;
    let be = even * 10 >= half && odd * 100 <= half;
    if !(le || be) {
        return None;
    }
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| {
            if le {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        })
        .collect();
    String::from_utf16(&units).ok()
}

/// Why text in a named encoding does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// No encoding has that name.
    Unknown(String),
    /// A byte the encoding (its name) has no character for, on this line.
    NotIn(String, usize),
}

/// `bytes` read as the encoding `label` names (`windows-1255`), without a
/// byte-order mark's handling; and the encoding's own name.
pub fn decode_named(bytes: &[u8], label: &str) -> Result<(String, &'static str), Named> {
    let enc = encoding_rs::Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| Named::Unknown(label.to_string()))?;
    let (text, bad) = enc.decode_without_bom_handling(bytes);
    if bad {
        return Err(Named::NotIn(
            enc.name().to_string(),
            first_bad_line(bytes, enc),
        ));
    }
    Ok((text.into_owned(), enc.name()))
}

/// The line of the first byte `enc` cannot read.
fn first_bad_line(bytes: &[u8], enc: &'static encoding_rs::Encoding) -> usize {
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        if enc.decode_without_bom_handling(line).1 {
            return i + 1;
        }
    }
    0
}

/// The line (from 1) of the first byte of `bytes` that is not UTF-8.
pub fn first_non_utf8_line(bytes: &[u8]) -> usize {
    let valid = match std::str::from_utf8(bytes) {
        Ok(_) => bytes.len(),
        Err(e) => e.valid_up_to(),
    };
    bytes[..valid].iter().filter(|b| **b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::utf16_by_mark;

    #[test]
    fn either_order_is_read_by_its_mark_and_nothing_else_is() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "שלום 😀".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(utf16_by_mark(&le), Some(Some("שלום 😀".into())));
        assert_eq!(utf16_by_mark(&be), Some(Some("שלום 😀".into())));
        assert_eq!(utf16_by_mark("שלום".as_bytes()), None);
        // A lone high surrogate is not UTF-16.
        assert_eq!(utf16_by_mark(&[0xFF, 0xFE, 0x3D, 0xD8]), Some(None));
    }

    #[test]
    fn utf16_without_a_mark_is_told_by_its_zero_bytes() {
        let text = "id\tמגזר\n1\tרשות\n2\tממשלה\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(super::utf16_unmarked(&le).as_deref(), Some(text));
        assert_eq!(super::utf16_unmarked(&be).as_deref(), Some(text));
        assert_eq!(super::utf16_unmarked("id,שם\n1,א\n".as_bytes()), None);
    }
}
