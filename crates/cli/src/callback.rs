//! `callback send|parse|check-source`: test an endpoint by playing
//! SmartBill, read a body as the library reads it (the secrets redacted),
//! and check a source address.

use crate::cli::{CallbackParseArgs, CallbackSendArgs, CheckSourceArgs};
use crate::exit::{Failure, Outcome, Verdict};
use crate::{proxy, term};
use smartbill_signup_core::callback::source::{self, SourceAllowList};
use smartbill_signup_core::callback::{self, Callback, Key, ParseOptions};
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::http;
use smartbill_signup_core::Status;
use std::io::{Read, Write};
use std::path::Path;

/// A body in the current schema with made-up values: a valid business
/// number, a 32-character code and a base64 token that say they are samples.
pub const SAMPLE_BODY: &str = r#"{"USER_SBID":"sample01","USER_NAME":"홍길동","USER_EMAIL":"tax@example.co.kr","USER_PHONE":"010-0000-0000","COM_REGNO":"1248100998","COM_NAME":"(주)샘플상사","COM_PRESIDENT":"홍길동","COM_ADDRESS":"서울특별시 중구 세종대로 110","regYn":"Y","AUTH_CODE":"SAMPLE00000000000000000000000000","AUTH_TOKEN":"c21hcnRiaWxsLXNpZ251cCBzYW1wbGUgdG9rZW4K"}"#;

pub fn send(args: CallbackSendArgs) -> Outcome {
    let options = proxy::options(&args.network)?;
    let (body, what) = match &args.file {
        Some(path) => (read_input(Some(path))?, input_name(Some(path))),
        None => (
            SAMPLE_BODY.as_bytes().to_vec(),
            "the sample body".to_string(),
        ),
    };
    // A body the library refuses is still sent (testing the endpoint's 400
    // is legitimate); the note says what the endpoint should answer.
    let expectation = match callback::parse(&body) {
        Ok(_) => None,
        Err(e) => Some(format!(
            "the library refuses this body ({}: {}): a correct endpoint answers 4xx",
            e.status().name(),
            e.message()
        )),
    };
    let body_len = body.len();
    let result = http::post(
        &args.url,
        body,
        "application/json; charset=utf-8",
        &options,
        false,
    );
    if let Err(e) = &result {
        if e.status() == Status::InvalidArgument {
            return Err(Failure::input(format!("{:?}: {}", args.url, e.message())));
        }
    }
    let mut out = term::stdout();
    let ok = matches!(&result, Ok(r) if r.is_success());
    if args.json {
        let json = match &result {
            Ok(r) => serde_json::json!({
                "url": args.url,
                "body_bytes": body_len,
                "status": "OK",
                "http_status": r.status,
                "ms": r.elapsed.as_millis() as u64,
                "content_type": r.content_type,
                "body": response_text(r),
                "message": null,
                "note": expectation,
            }),
            Err(e) => serde_json::json!({
                "url": args.url,
                "body_bytes": body_len,
                "status": e.status().name(),
                "http_status": null,
                "ms": null,
                "content_type": null,
                "body": null,
                "message": e.message(),
                "note": expectation,
            }),
        };
        serde_json::to_writer_pretty(&mut out, &json).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        writeln!(out, "POST {} ({what}, {body_len} bytes)", args.url)?;
        if let Some(note) = &expectation {
            writeln!(out, "note: {note}")?;
        }
        match &result {
            Ok(r) => {
                let content_type = r.content_type.as_deref().unwrap_or("no Content-Type");
                writeln!(
                    out,
                    "HTTP {} in {} ms ({content_type})",
                    r.status,
                    r.elapsed.as_millis()
                )?;
                let text = response_text(r);
                if !text.is_empty() {
                    writeln!(out, "{}", text.trim_end())?;
                }
                if !r.is_success() {
                    writeln!(out, "the endpoint did not accept the callback (not 2xx)")?;
                }
            }
            Err(e) => writeln!(out, "{}: {}", e.status().name(), e.message())?,
        }
    }
    out.flush()?;
    Ok(Verdict::from_ok(ok))
}

/// The answer's body as text for showing: decoded by its declared charset,
/// control characters escaped; bytes that do not decode as `\xNN`.
fn response_text(response: &http::Response) -> String {
    match response.text() {
        Ok(text) => text
            .lines()
            .map(term::printable)
            .collect::<Vec<_>>()
            .join("\n"),
        Err(_) => term::escaped_bytes(&response.body),
    }
}

pub fn parse(args: CallbackParseArgs) -> Outcome {
    let body = read_input(args.input.as_deref())?;
    let options = ParseOptions {
        max_bytes: args.max_bytes,
    };
    let mut out = term::stdout();
    let result = callback::parse_with(&body, &options);
    match (&result, args.json) {
        (Ok(cb), false) => write_fields(&mut out, cb)?,
        (Ok(cb), true) => {
            let json = serde_json::json!({
                "status": "OK",
                "fields": fields_json(cb),
                "com_regno_status": cb.com_regno_status().name(),
            });
            serde_json::to_writer_pretty(&mut out, &json).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        (Err(e), false) => {
            let field = e.field().map(|f| format!(" [{f}]")).unwrap_or_default();
            term::note(&format!("{}{field}: {}", e.status().name(), e.message()));
        }
        (Err(e), true) => {
            let json = serde_json::json!({
                "status": e.status().name(),
                "field": e.field(),
                "message": e.message(),
            });
            serde_json::to_writer_pretty(&mut out, &json).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(Verdict::from_ok(result.is_ok()))
}

/// Every key in body order with its value, the secrets as
/// `<redacted, N chars>`.
fn fields(cb: &Callback) -> Vec<(String, String, bool)> {
    cb.keys()
        .map(|name| {
            let value = cb.get(name).unwrap_or_default();
            if Key::lookup(name).is_some_and(Key::is_secret) {
                let shown = format!("<redacted, {} chars>", value.chars().count());
                (name.to_string(), shown, true)
            } else {
                (name.to_string(), value.to_string(), false)
            }
        })
        .collect()
}

/// [`fields`] as JSON: `[{"key", "value", "redacted"}]`.
pub(crate) fn fields_json(cb: &Callback) -> serde_json::Value {
    fields(cb)
        .into_iter()
        .map(|(key, value, redacted)| {
            serde_json::json!({"key": key, "value": value, "redacted": redacted})
        })
        .collect()
}

/// Prints a callback's fields, the secrets redacted, and the `COM_REGNO`
/// verdict: what `callback parse` and `receive` show.
pub(crate) fn write_fields(out: &mut impl Write, cb: &Callback) -> std::io::Result<()> {
    for (key, value, _) in fields(cb) {
        let unknown = if Key::lookup(&key).is_none() {
            "  (a key the library does not know; kept)"
        } else {
            ""
        };
        let value = if value.is_empty() {
            "(empty)".to_string()
        } else {
            term::printable(&value)
        };
        writeln!(out, "{:<14} {value}{unknown}", term::printable(&key))?;
    }
    match cb.com_regno_status() {
        Status::Ok => writeln!(out, "COM_REGNO is a valid business number"),
        status => writeln!(
            out,
            "COM_REGNO fails the business-number check ({}): store the callback and flag it",
            status.name()
        ),
    }
}

pub fn check_source(args: CheckSourceArgs) -> Outcome {
    let environment = Environment::parse(&args.environment)
        .map_err(|e| Failure::input(format!("--env: {}", e.message())))?;
    let mut allow = SourceAllowList::new(&environment);
    if let Some(extra) = &args.extra {
        allow
            .add_list(extra)
            .map_err(|e| Failure::input(format!("--extra: {}", e.message())))?;
    }
    let Some(address) = source::parse_address(&args.ip) else {
        return Err(Failure::input(format!(
            "{:?} is not an IPv4 or IPv6 address",
            args.ip
        )));
    };
    let allowed = allow.allows_addr(address);
    let listed: Vec<String> = allow.addresses().iter().map(|a| a.to_string()).collect();
    let mut out = term::stdout();
    if args.json {
        let json = serde_json::json!({
            "ip": address.to_string(),
            "environment": environment.name(),
            "allowed": allowed,
            "allowed_addresses": listed,
        });
        serde_json::to_writer_pretty(&mut out, &json).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        let list = if listed.is_empty() {
            "none".to_string()
        } else {
            listed.join(", ")
        };
        let verdict = if allowed { "allowed" } else { "NOT allowed" };
        writeln!(
            out,
            "{verdict}: {address} for {} callbacks (allowed: {list})",
            environment.name()
        )?;
    }
    out.flush()?;
    Ok(Verdict::from_ok(allowed))
}

fn input_name(path: Option<&Path>) -> String {
    match path {
        Some(p) if p != Path::new("-") => p.display().to_string(),
        _ => "stdin".to_string(),
    }
}

/// A whole file, or stdin for `-` or nothing. Unreadable is an input error.
fn read_input(path: Option<&Path>) -> Result<Vec<u8>, Failure> {
    let name = input_name(path);
    let mut data = Vec::new();
    let result = match path {
        Some(p) if p != Path::new("-") => {
            std::fs::File::open(p).and_then(|mut f| f.read_to_end(&mut data))
        }
        _ => std::io::stdin().lock().read_to_end(&mut data),
    };
    result.map_err(|e| Failure::input(format!("cannot read {name}: {e}")))?;
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_a_valid_callback() {
        let cb = callback::parse(SAMPLE_BODY.as_bytes()).unwrap();
        assert!(cb.com_regno_valid());
        assert_eq!(cb.auth_code().len(), 32);
        let shown = fields(&cb);
        let code = shown.iter().find(|(k, _, _)| k == "AUTH_CODE").unwrap();
        assert_eq!(code.1, "<redacted, 32 chars>");
        assert!(!shown.iter().any(|(_, v, _)| v.contains("SAMPLE000")));
    }
}
