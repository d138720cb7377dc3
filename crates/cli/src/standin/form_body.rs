//! Decoding an `application/x-www-form-urlencoded` body in the charset it
//! was sent in: the `charset` parameter of its Content-Type, else UTF-8 if
//! the bytes are valid UTF-8, else CP949 (browsers post a form in its page's
//! encoding and do not say which).

/// The decoded parameters, in order, and the charset used.
pub struct Decoded {
    pub fields: Vec<(String, String)>,
    pub charset: &'static str,
}

pub fn decode(body: &[u8], content_type: Option<&str>) -> Result<Decoded, String> {
    let declared = content_type.and_then(|ct| {
        ct.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| v.trim().trim_matches('"').to_string())
        })
    });
    let pairs: Vec<(Vec<u8>, Vec<u8>)> = body
        .split(|&b| b == b'&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut kv = p.splitn(2, |&b| b == b'=');
            (
                percent_decode(kv.next().unwrap_or(b"")),
                percent_decode(kv.next().unwrap_or(b"")),
            )
        })
        .collect();
    let encoding = match declared {
        Some(label) => encoding_rs::Encoding::for_label(label.as_bytes())
            .ok_or(format!("unknown charset {label}"))?,
        None => {
            let all_utf8 = pairs
                .iter()
                .all(|(k, v)| std::str::from_utf8(k).is_ok() && std::str::from_utf8(v).is_ok());
            if all_utf8 {
                encoding_rs::UTF_8
            } else {
                encoding_rs::EUC_KR
            }
        }
    };
    let text = |bytes: &[u8]| {
        encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|c| c.into_owned())
            .ok_or_else(|| format!("a parameter is not valid {}", encoding.name()))
    };
    let fields = pairs
        .iter()
        .map(|(k, v)| Ok((text(k)?, text(v)?)))
        .collect::<Result<_, String>>()?;
    Ok(Decoded {
        fields,
        charset: encoding.name(),
    })
}

fn percent_decode(input: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                input.get(i + 1).and_then(|&b| hex(b)),
                input.get(i + 2).and_then(|&b| hex(b)),
            ) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}
