//! CP949 as encoding_rs's EUC-KR (the WHATWG encoding, which is CP949),
//! used directly: the library's text in and out must agree with it.

use encoding_rs::EUC_KR;

/// Decodes CP949 strictly; `None` when the bytes are malformed.
pub fn decode(bytes: &[u8]) -> Option<String> {
    EUC_KR
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
}

/// Encodes into CP949, or returns the first character CP949 cannot hold.
pub fn encode(text: &str) -> Result<Vec<u8>, char> {
    let mut out = Vec::with_capacity(text.len() * 2);
    for c in text.chars() {
        let mut utf8 = [0u8; 4];
        let (bytes, _, unmappable) = EUC_KR.encode(c.encode_utf8(&mut utf8));
        if unmappable {
            return Err(c);
        }
        out.extend_from_slice(&bytes);
    }
    Ok(out)
}

/// Encodes into CP949 writing `?` for each character CP949 cannot hold.
pub fn encode_lossy(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 2);
    for c in text.chars() {
        let mut utf8 = [0u8; 4];
        match encode(c.encode_utf8(&mut utf8)) {
            Ok(bytes) => out.extend_from_slice(&bytes),
            Err(_) => out.push(b'?'),
        }
    }
    out
}
