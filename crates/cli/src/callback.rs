//! `callback send|parse|check-source`: test an endpoint by playing
//! SmartBill, read a body as the library reads it (the secrets redacted),
//! and check a source address.

use crate::cli::{CallbackParseArgs, CallbackSendArgs, CheckSourceArgs};
use crate::exit::{Failure, Outcome, Verdict};
use crate::{proxy, term};
use smartbill_signup_core::callback::source::{self, SourceAllowList};
use smartbill_signup_core::callback::{self, Callback, Key, ParseOptions, Sensitivity};
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::http;
use smartbill_signup_core::{Message, Status};
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
            Message::CliSampleBody {}.to_string(),
        ),
    };
    // A body the library refuses is still sent (testing the endpoint's 400
    // is legitimate); the note says what the endpoint should answer.
    let expectation = match callback::parse(&body) {
        Ok(_) => None,
        Err(e) => Some(
            Message::CliRefusedBody {
                status: e.status().name(),
                cause: e.message(),
            }
            .to_string(),
        ),
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
        let posting = Message::CliPosting {
            url: args.url.clone(),
            what,
            bytes: body_len,
        };
        writeln!(out, "{posting}")?;
        if let Some(note) = &expectation {
            writeln!(out, "{}", Message::CliNote { note: note.clone() })?;
        }
        match &result {
            Ok(r) => {
                let content_type = match &r.content_type {
                    Some(t) => t.clone(),
                    None => Message::CliNoContentType {}.to_string(),
                };
                let answer = Message::CliHttpAnswer {
                    status: r.status,
                    ms: r.elapsed.as_millis() as u64,
                    content_type,
                };
                writeln!(out, "{answer}")?;
                let text = response_text(r);
                if !text.is_empty() {
                    writeln!(out, "{}", text.trim_end())?;
                }
                if !r.is_success() {
                    writeln!(out, "{}", Message::CliNotAccepted {})?;
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

/// Every key in body order with its value; a non-empty secret or personal
/// value (and any key the library does not know: the library's
/// [`Sensitivity`]) as `<redacted, N chars>`.
fn fields(cb: &Callback) -> Vec<(String, String, bool)> {
    cb.keys()
        .map(|name| {
            let value = cb.get(name).unwrap_or_default();
            if !value.is_empty() && Sensitivity::of_name(name).is_hidden() {
                let shown = Message::CliRedacted {
                    chars: value.chars().count(),
                }
                .to_string();
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

/// Prints a callback's fields, secrets and personal data redacted, and the `COM_REGNO`
/// verdict: what `callback parse` and `receive` show.
pub(crate) fn write_fields(out: &mut impl Write, cb: &Callback) -> std::io::Result<()> {
    for (key, value, _) in fields(cb) {
        let unknown = if Key::lookup(&key).is_none() {
            format!("  ({})", Message::CliUnknownKeyKept {})
        } else {
            String::new()
        };
        let value = if value.is_empty() {
            Message::CliEmptyValue {}.to_string()
        } else {
            term::printable(&value)
        };
        writeln!(out, "{:<14} {value}{unknown}", term::printable(&key))?;
    }
    match cb.com_regno_status() {
        Status::Ok => writeln!(out, "{}", Message::CliComRegnoValid {}),
        status => writeln!(
            out,
            "{}",
            Message::CliComRegnoInvalid {
                status: status.name()
            }
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
        return Err(Failure::input(
            Message::CliNotAnAddress {
                text: format!("{:?}", args.ip),
            }
            .to_string(),
        ));
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
            Message::CliNoAddresses {}.to_string()
        } else {
            listed.join(", ")
        };
        let (address, environment) = (address.to_string(), environment.name());
        let verdict = if allowed {
            Message::CliSourceAllowed {
                address,
                environment,
                list,
            }
        } else {
            Message::CliSourceNotAllowed {
                address,
                environment,
                list,
            }
        };
        writeln!(out, "{verdict}")?;
    }
    out.flush()?;
    Ok(Verdict::from_ok(allowed))
}

fn input_name(path: Option<&Path>) -> String {
    match path {
        Some(p) if p != Path::new("-") => p.display().to_string(),
        _ => Message::CliStdin {}.to_string(),
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
    result.map_err(|e| crate::brn_check::cannot_read(&name, e))?;
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

    #[test]
    fn personal_data_and_unknown_keys_are_redacted() {
        let body = SAMPLE_BODY.replacen('{', r#"{"MEMO":"note","#, 1);
        let shown = fields(&callback::parse(body.as_bytes()).unwrap());
        let value = |key: &str| shown.iter().find(|(k, _, _)| k == key).unwrap().1.clone();
        assert_eq!(value("USER_NAME"), "<redacted, 3 chars>");
        assert_eq!(value("USER_EMAIL"), "<redacted, 17 chars>");
        assert_eq!(value("COM_ADDRESS"), "<redacted, 17 chars>");
        assert_eq!(value("MEMO"), "<redacted, 4 chars>");
        assert_eq!(value("COM_NAME"), "(주)샘플상사");
        assert_eq!(value("USER_SBID"), "sample01");
    }
}
