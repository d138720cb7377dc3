//! `page`: the signup popup page for one company, from `--set` and
//! `--from-json`, written to a file, stdout, or served once to the browser.

use crate::cli::PageArgs;
use crate::exit::{Failure, Outcome, Verdict};
use crate::serve_once::{OneShot, Served};
use crate::term;
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::form::{SignupForm, FIELDS};
use smartbill_signup_core::text::Charset;
use smartbill_signup_core::{Error, Status};
use std::io::Write;

pub fn run(args: PageArgs) -> Outcome {
    let environment = Environment::parse(&args.environment)
        .map_err(|e| Failure::input(format!("--env: {}", e.message())))?;
    let mut form = SignupForm::new(environment);
    set_options(&mut form, &args)?;
    let mut values = match &args.from_json {
        Some(path) => read_json(path)?,
        None => Vec::new(),
    };
    values.extend(args.set.iter().cloned());
    for (name, value) in &values {
        if let Err(e) = form.set(name, value) {
            return refused(&e);
        }
    }
    let page = match form.html() {
        Ok(page) => page,
        Err(e) => return refused(&e),
    };
    let charset = form.options().output_charset;
    let content_type = format!("text/html; charset={}", charset.label());
    if args.open {
        return open(&page, &content_type, &args);
    }
    match &args.out {
        Some(path) => std::fs::write(path, &page)
            .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))?,
        None => {
            if charset == Charset::Cp949 && term::stdout_is_terminal() {
                return Err(Failure::input(
                    "an EUC-KR page is not for the terminal: give --out FILE or redirect stdout",
                ));
            }
            let mut out = term::stdout();
            out.write_all(&page)?;
            out.flush()?;
        }
    }
    Ok(Verdict::Clean)
}

fn set_options(form: &mut SignupForm, args: &PageArgs) -> Result<(), Failure> {
    let mut options: Vec<(String, String)> = args.options.clone();
    if let Some(charset) = &args.charset {
        options.push(("output_charset".into(), charset.clone()));
    }
    match &args.target {
        Some(target) => options.push(("target".into(), target.clone())),
        // A page the browser opens by itself cannot open a popup (blockers
        // stop one without a click): it goes to SmartBill in its own tab.
        None if args.open => options.push(("target".into(), "_self".into())),
        None => {}
    }
    for (name, value) in options {
        form.set_option(&name, &value)
            .map_err(|e| Failure::input(e.message().to_string()))?;
    }
    Ok(())
}

/// A JSON object of parameter names and values (text or numbers as
/// written; null leaves a parameter unset).
fn read_json(path: &std::path::Path) -> Result<Vec<(String, String)>, Failure> {
    let shown = path.display();
    let text =
        std::fs::read(path).map_err(|e| Failure::input(format!("cannot read {shown}: {e}")))?;
    let body = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&text);
    let json: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| Failure::input(format!("{shown} is not valid JSON: {e}")))?;
    let serde_json::Value::Object(map) = json else {
        return Err(Failure::input(format!(
            "{shown} must hold one JSON object of parameter names and values"
        )));
    };
    let mut values = Vec::new();
    for (name, value) in map {
        let text = match value {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Null => continue,
            other => {
                return Err(Failure::input(format!(
                    "{shown}: the value of {name:?} is {}, not text",
                    kind_of(&other)
                )))
            }
        };
        values.push((name, text));
    }
    Ok(values)
}

fn kind_of(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Bool(_) => "true or false",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
        _ => "not text",
    }
}

/// A refused value or form. An unknown parameter name is a usage error
/// (exit 2); a value breaking its rule is a problem found (exit 1), said
/// with the field, its rule and its limit.
fn refused(error: &Error) -> Outcome {
    if error.status() == Status::InvalidArgument {
        return Err(Failure::input(error.message().to_string()));
    }
    term::note(&format!("{}: {}", error.status().name(), error.message()));
    if let Some(field) = error
        .field()
        .and_then(|name| FIELDS.iter().find(|f| f.name == name))
    {
        term::note(&format!(
            "  {} ({}, {}): {}{}; at most {} CP949 bytes (a Hangul syllable counts 2)",
            field.name,
            field.label,
            field.description,
            if field.required { "required; " } else { "" },
            field.rule.meaning(),
            field.max_len
        ));
    }
    Ok(Verdict::Problems)
}

fn open(page: &[u8], content_type: &str, args: &PageArgs) -> Outcome {
    let server =
        OneShot::bind().map_err(|e| Failure::input(format!("cannot listen on 127.0.0.1: {e}")))?;
    let url = server.url.clone();
    term::note(&format!(
        "serving the page once at {url} (for up to {}); opening the browser",
        crate::seconds::show(args.open_timeout)
    ));
    if let Err(e) = webbrowser::open(&url) {
        term::note(&format!(
            "could not open a browser ({e}): open {url} yourself"
        ));
    }
    match server.serve(page, content_type, args.open_timeout) {
        Ok(Served::Delivered) => {
            term::note("the browser has the page; nothing was written to disk");
            Ok(Verdict::Clean)
        }
        Ok(Served::TimedOut) => {
            term::note("no browser fetched the page in time; stopped, nothing was written to disk");
            Ok(Verdict::Problems)
        }
        Err(e) => Err(Failure::input(format!("serving the page failed: {e}"))),
    }
}
