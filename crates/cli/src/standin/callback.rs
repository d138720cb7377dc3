//! After a signup, SmartBill POSTs the new member's ID, auth code and auth
//! token to the ERP's callback URL. The stand-in does the same, in the
//! current schema, through the library's own HTTP layer.

use smartbill_signup_core::http::{self, Options};
use std::sync::atomic::{AtomicU64, Ordering};

static SIGNUPS: AtomicU64 = AtomicU64::new(1);

/// Sends the callback and says what came of it (for the page and records).
pub fn send(url: &str, fields: &[(String, String)]) -> String {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let n = SIGNUPS.fetch_add(1, Ordering::Relaxed);
    let user = if field("pID").is_empty() {
        format!("standin{n:02}")
    } else {
        field("pID")
    };
    let body = serde_json::json!({
        "USER_SBID": user,
        "USER_NAME": field("pMemName"),
        "USER_EMAIL": field("pMemEmail"),
        "USER_PHONE": field("pMemHP"),
        "COM_REGNO": field("pComRegNo"),
        "COM_NAME": field("pComName"),
        "COM_PRESIDENT": field("pComPresident"),
        "COM_ADDRESS": field("pComAddress"),
        "regYn": field("pMasterYN"),
        "AUTH_CODE": auth_code(n),
        "AUTH_TOKEN": base64(format!("standin-token-{n}:{}\n", auth_code(n)).as_bytes()),
    });
    let options = Options::with_timeout_ms(10_000).expect("positive timeout");
    match http::post(
        url,
        body.to_string().into_bytes(),
        "application/json; charset=utf-8",
        &options,
        false,
    ) {
        Ok(response) => format!("HTTP {}", response.status),
        Err(e) => format!("{}: {}", e.status(), e.message()),
    }
}

/// 32 upper-case hex digits, like SmartBill's auth codes.
fn auth_code(n: u64) -> String {
    let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5AB1_11C0_DE00_0000;
    (0..32)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            char::from_digit(((x >> 60) & 0xF) as u32, 16)
                .unwrap()
                .to_ascii_uppercase()
        })
        .collect()
}

fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
