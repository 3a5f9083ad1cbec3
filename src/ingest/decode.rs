//! Bytes to text: UTF-8 when valid, else Latin-1, and the checks that keep binaries out.
//!
//! [`decode`] is the only place that looks at raw bytes. Parsers get a `String` and never see an
//! encoding question. Real corpora are "UTF-8 except for one byte" (Reuters `reut2-017.sgm` has a
//! lone 0xFC, BBC `sport/199.txt` a lone 0xA3): failing such a file would lose a thousand stories
//! for one character, so invalid UTF-8 is read as Latin-1 with a warning instead.

use super::SkipReason;

/// How much of the start of a file the binary check looks at. Binary formats show themselves in the
/// first few kilobytes (headers, NUL padding), and looking further would cost time on big files.
const SNIFF: usize = 8 * 1024;

/// Share of control characters (in the sniffed prefix) above which a file is binary. Text has almost
/// none besides tab/newline/carriage return/form feed; compressed or image data has about 12%
/// (32 of 256 byte values), so a tenth separates them well.
const MAX_CONTROL_SHARE: f64 = 0.10;

/// A file's text and, when the bytes were not UTF-8, a warning for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decodes a file's bytes.
///
/// - A UTF-8 byte-order mark is dropped; a UTF-16 BOM means UTF-16 (which would otherwise look
///   binary because of its NUL bytes).
/// - Valid UTF-8 is taken as is; anything else is read as Latin-1 (every byte becomes U+0000..U+00FF,
///   so this cannot fail) and `warning` names the first bad byte and its offset in the file.
/// - `Empty` for no bytes or only whitespace; `Binary` for a NUL byte or more than 10% control
///   characters in the first 8 KiB.
pub fn decode(bytes: &[u8]) -> Result<Decoded, SkipReason> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(SkipReason::Empty);
    }
    if let Some(text) = decode_utf16(bytes) {
        return non_empty(Decoded {
            text,
            warning: None,
        });
    }
    let (body, bom_len) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    if looks_binary(body) {
        return Err(SkipReason::Binary);
    }
    let decoded = match std::str::from_utf8(body) {
        Ok(text) => Decoded {
            text: text.to_owned(),
            warning: None,
        },
        Err(err) => {
            let offset = err.valid_up_to();
            let bad = body.get(offset).copied().unwrap_or(0);
            Decoded {
                text: latin1(body),
                warning: Some(format!(
                    "not valid UTF-8 (first bad byte 0x{bad:02X} at offset {}); read as Latin-1",
                    offset + bom_len
                )),
            }
        }
    };
    non_empty(decoded)
}

/// Latin-1: each byte is the code point of the same value.
pub fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Whitespace-only after decoding (a lone BOM, non-breaking spaces) is as empty as zero bytes.
fn non_empty(decoded: Decoded) -> Result<Decoded, SkipReason> {
    if decoded.text.trim().is_empty() {
        Err(SkipReason::Empty)
    } else {
        Ok(decoded)
    }
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF)];
    if head.is_empty() {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    // Tab, LF, CR and form feed are ordinary in text; ESC shows up in terminal captures.
    let control = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)) || b == 0x7F)
        .count();
    control as f64 > head.len() as f64 * MAX_CONTROL_SHARE
}

/// UTF-16 with a byte-order mark (Windows editors write it). Returns `None` without a BOM, and for
/// an odd length or unpaired surrogates, which then go through the usual binary check.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (rest, big_endian) = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (rest, false)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (rest, true)
    } else {
        return None;
    };
    if rest.len() % 2 != 0 {
        return None;
    }
    let units = rest.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let got = decode("Café £5 — ok".as_bytes()).unwrap();
        assert_eq!(got.text, "Café £5 — ok");
        assert_eq!(got.warning, None);
    }

    #[test]
    fn bom_is_stripped() {
        let got = decode(b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!(got.text, "Hello");
    }

    #[test]
    fn latin1_fallback_names_the_first_bad_byte() {
        let got = decode(b"growth.\xfc rest \xe9").unwrap();
        assert_eq!(got.text, "growth.\u{fc} rest \u{e9}");
        assert_eq!(
            got.warning.as_deref(),
            Some("not valid UTF-8 (first bad byte 0xFC at offset 7); read as Latin-1")
        );
        // The offset is into the file, BOM included.
        let got = decode(b"\xEF\xBB\xBFab\xa3").unwrap();
        assert_eq!(got.text, "ab\u{a3}");
        assert!(got.warning.unwrap().contains("0xA3 at offset 5"));
    }

    #[test]
    fn latin1_maps_every_byte() {
        let all: Vec<u8> = (0..=255).collect();
        let text = latin1(&all);
        assert_eq!(text.chars().count(), 256);
        assert!(text.chars().zip(0u32..).all(|(c, i)| c as u32 == i));
    }

    #[test]
    fn truncated_utf8_at_end_is_latin1() {
        let mut bytes = "abc é".as_bytes().to_vec();
        bytes.pop();
        let got = decode(&bytes).unwrap();
        assert_eq!(got.text, "abc \u{c3}");
        assert!(got.warning.is_some());
    }

    #[test]
    fn empty_and_whitespace() {
        assert_eq!(decode(b""), Err(SkipReason::Empty));
        assert_eq!(decode(b" \n\r\n\t "), Err(SkipReason::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(SkipReason::Empty));
        assert_eq!(
            decode("\u{a0}\u{3000}\n".as_bytes()),
            Err(SkipReason::Empty)
        );
    }

    #[test]
    fn binary_detection() {
        assert_eq!(decode(b"PK\x03\x04\0\0abc"), Err(SkipReason::Binary));
        let noisy: Vec<u8> = (0..1000u32)
            .map(|i| if i % 5 == 0 { 1 } else { b'a' })
            .collect();
        assert_eq!(decode(&noisy), Err(SkipReason::Binary));
        // A NUL after the sniffed prefix is not looked for: big text files stay cheap to check.
        let mut late = vec![b'a'; SNIFF + 10];
        late.push(0);
        assert!(decode(&late).is_ok());
        // A few stray control characters (Reuters has raw ones in places) do not make a file binary.
        let mut text =
            b"A headline\n\nBody text with a \x05 control byte and \x1b escape.".to_vec();
        text.extend_from_slice(&[b'x'; 200]);
        assert!(decode(&text).is_ok());
    }

    #[test]
    fn random_bytes_never_panic() {
        // A tiny xorshift so the test needs no extra crate and stays deterministic.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for len in [1usize, 2, 3, 7, 100, 9000] {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state >> 24) as u8
                })
                .collect();
            let _ = decode(&bytes);
        }
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for unit in "Hi £".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "Hi £");
        let mut be = vec![0xFE, 0xFF];
        for unit in "Hi".encode_utf16() {
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().text, "Hi");
        // Odd length: not UTF-16 after all, and the NULs make it binary.
        assert_eq!(
            decode(&[0xFF, 0xFE, b'H', 0, b'i']),
            Err(SkipReason::Binary)
        );
    }
}
