//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1256 and other
//! legacy encodings, detected rather than guessed.
//!
//! Pure ASCII is always read as UTF-8. Valid UTF-8 is read as UTF-8. Text that is almost
//! valid UTF-8 (a few broken sequences among many good multi-byte ones) is read as UTF-8
//! with the broken bytes replaced and a warning. Anything else goes to `chardetng`, which
//! recognizes Windows-1256 (still common on older Iranian sites).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Why a document could not be decoded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The input has no bytes, or only white space.
    #[error("empty document")]
    Empty,
    /// The input looks like a binary file (NUL or many control bytes).
    #[error("binary data, not text ({0} NUL/control bytes in the first 8 KiB)")]
    Binary(usize),
    /// The input is larger than the configured limit.
    #[error("document too large: {size} bytes, limit {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes (at least this many).
        size: u64,
        /// The limit in force.
        limit: u64,
    },
}

/// Decoded text and how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without BOM.
    pub text: String,
    /// The encoding's WHATWG name, e.g. "UTF-8" or "windows-1256".
    pub encoding: &'static str,
    /// Problems that did not stop decoding (replaced bytes).
    pub warnings: Vec<String>,
}

/// Decodes one document.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc != UTF_16LE && enc != UTF_16BE {
            check_binary(body)?;
        }
        return finish(enc, body);
    }
    check_binary(bytes)?;
    if bytes.is_ascii() {
        return finish(UTF_8, bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => finish(UTF_8, bytes),
        Err(_) if mostly_utf8(bytes) => finish(UTF_8, bytes),
        Err(_) => {
            let mut det = chardetng::EncodingDetector::new();
            det.feed(bytes, true);
            let enc = det.guess(None, false);
            finish(enc, bytes)
        }
    }
}

/// Decodes `body` (without BOM) as `enc`, replacing invalid sequences with a warning; empty
/// text is an error. For callers that know the encoding (an HTTP header, `<meta charset>`).
pub fn decode_as(enc: &'static Encoding, body: &[u8]) -> Result<Decoded, DecodeError> {
    finish(enc, body)
}

fn finish(enc: &'static Encoding, body: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, had_errors) = enc.decode_without_bom_handling(body);
    let mut warnings = Vec::new();
    if had_errors {
        let n = text.chars().filter(|&c| c == '\u{FFFD}').count();
        warnings.push(format!("{n} invalid byte sequence(s) in {} replaced with U+FFFD", enc.name()));
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded { text: text.into_owned(), encoding: enc.name(), warnings })
}

/// Rejects input whose first 8 KiB hold NUL bytes or many C0 control bytes.
fn check_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let head = &bytes[..bytes.len().min(8192)];
    let bad = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)))
        .count();
    let nul = head.contains(&0);
    if nul || bad * 100 > head.len().max(1) {
        return Err(DecodeError::Binary(bad));
    }
    Ok(())
}

/// True when `bytes` is UTF-8 apart from a few broken sequences: at least 20 valid
/// multi-byte characters and broken sequences under 5% of the multi-byte ones.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut good_multibyte = 0usize;
    let mut bad = 0usize;
    for chunk in bytes.utf8_chunks() {
        good_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    good_multibyte >= 20 && bad * 20 <= good_multibyte
}

#[cfg(test)]
mod tests {
    use super::*;

    const PERSIAN: &str = "سخنگوی وزارت امور خارجه گفت: دیدار امروز فرصت خوبی بود.";

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode(PERSIAN.as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (PERSIAN, "UTF-8"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(PERSIAN.as_bytes());
        assert_eq!(decode(&bom).unwrap().text, PERSIAN);
    }

    #[test]
    fn utf16_with_bom() {
        for (enc, bom) in [(UTF_16LE, [0xFF, 0xFE]), (UTF_16BE, [0xFE, 0xFF])] {
            let mut bytes = bom.to_vec();
            for u in PERSIAN.encode_utf16() {
                let b = if enc == UTF_16LE { u.to_le_bytes() } else { u.to_be_bytes() };
                bytes.extend_from_slice(&b);
            }
            let d = decode(&bytes).unwrap();
            assert_eq!(d.text, PERSIAN);
            assert_eq!(d.encoding, enc.name());
        }
    }

    #[test]
    fn windows_1256_is_detected() {
        // Windows-1256 has no Persian ی (U+06CC) or ک (U+06A9): old sites wrote ي and ك.
        let arabic_letters = "سخنگوي وزارت امور خارجه گفت: ديدار امروز فرصت خوبي بود و همكاري ادامه دارد. \
                              رئيس جمهور در اين نشست از پيشرفت ها سخن گفت.";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(arabic_letters);
        assert!(!unmappable);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "windows-1256");
        assert_eq!(d.text, arabic_letters);
    }

    #[test]
    fn ascii_is_utf8() {
        let d = decode(b"Tehran, 20 June 2024 - plain ASCII text.").unwrap();
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let mut bytes = PERSIAN.as_bytes().to_vec();
        bytes.insert(10, 0xFF);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains('\u{FFFD}'));
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t \n"), Err(DecodeError::Empty));
        assert!(matches!(decode(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00"), Err(DecodeError::Binary(_))));
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R'];
        assert!(matches!(decode(&png), Err(DecodeError::Binary(_))));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = decode(&bytes);
        }

        #[test]
        fn valid_utf8_round_trips(s in "\\PC{1,200}") {
            if let Ok(d) = decode(s.as_bytes()) {
                proptest::prop_assert_eq!(d.text, s);
            }
        }
    }
}
