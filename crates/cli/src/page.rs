//! `page`: the signup popup page for one company, from `--set` and
//! `--from-json`, written to a file, stdout, or served once to the browser.

use crate::cli::PageArgs;
use crate::exit::{Failure, Outcome, Verdict};
use crate::serve_once::{OneShot, Served};
use crate::term;
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::form::Rule;
use smartbill_signup_core::form::{SignupForm, FIELDS};
use smartbill_signup_core::language::{self, Language};
use smartbill_signup_core::text::Charset;
use smartbill_signup_core::{Error, Message, Status};
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
        Some(path) => std::fs::write(path, &page).map_err(|e| {
            Failure::input(
                Message::CliCannotWriteFile {
                    name: path.display().to_string(),
                    cause: e.to_string(),
                }
                .to_string(),
            )
        })?,
        None => {
            if charset == Charset::Cp949 && term::stdout_is_terminal() {
                return Err(Failure::input(
                    Message::CliEucKrNotForTerminal {}.to_string(),
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
    let shown = path.display().to_string();
    let text = std::fs::read(path).map_err(|e| crate::brn_check::cannot_read(&shown, e))?;
    let body = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&text);
    let json: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
        Failure::input(
            Message::CliNotJson {
                name: shown.clone(),
                cause: e.to_string(),
            }
            .to_string(),
        )
    })?;
    let serde_json::Value::Object(map) = json else {
        return Err(Failure::input(
            Message::CliNotJsonObject { name: shown }.to_string(),
        ));
    };
    let mut values = Vec::new();
    for (name, value) in map {
        let text = match value {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Null => continue,
            other => {
                return Err(Failure::input(
                    Message::CliJsonValueNotText {
                        name: shown,
                        key: format!("{name:?}"),
                        kind: Box::new(kind_of(&other)),
                    }
                    .to_string(),
                ))
            }
        };
        values.push((name, text));
    }
    Ok(values)
}

fn kind_of(value: &serde_json::Value) -> Message {
    match value {
        serde_json::Value::Bool(_) => Message::CliJsonBool {},
        serde_json::Value::Array(_) => Message::CliJsonArray {},
        _ => Message::CliJsonObject {},
    }
}

/// What a parameter's value must look like, in the chosen language.
fn rule_message(rule: Rule) -> Message {
    match rule {
        Rule::Text => Message::CliRuleText {},
        Rule::BusinessNumber => Message::CliRuleBusinessNumber {},
        Rule::ZipCode => Message::CliRuleZipCode {},
        Rule::Phone => Message::CliRulePhone {},
        Rule::Email => Message::CliRuleEmail {},
        Rule::YesNo => Message::CliRuleYesNo {},
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
        // English adds the guide's description in English; Korean names the
        // field as its messages do, 사업자번호(pComRegNo).
        let named = match language::current() {
            Language::English => format!("{} ({}, {})", field.name, field.label, field.description),
            Language::Korean => format!("{}({})", field.label_arg().short_label(), field.name),
        };
        let hint = Message::CliFieldHint {
            field: named,
            required: field.required.then(|| Box::new(Message::CliRequired {})),
            rule: Box::new(rule_message(field.rule)),
            max: field.max_len,
        };
        term::note(&format!("  {hint}"));
    }
    Ok(Verdict::Problems)
}

fn open(page: &[u8], content_type: &str, args: &PageArgs) -> Outcome {
    let server = OneShot::bind().map_err(|e| {
        Failure::input(
            Message::CliCannotListen {
                cause: e.to_string(),
            }
            .to_string(),
        )
    })?;
    let url = server.url.clone();
    term::note(
        &Message::CliServingPage {
            url: url.clone(),
            wait: crate::seconds::show(args.open_timeout),
        }
        .to_string(),
    );
    if let Err(e) = webbrowser::open(&url) {
        term::note(
            &Message::CliNoBrowser {
                cause: e.to_string(),
                url: url.clone(),
            }
            .to_string(),
        );
    }
    match server.serve(page, content_type, args.open_timeout) {
        Ok(Served::Delivered) => {
            term::note(&Message::CliPageDelivered {}.to_string());
            Ok(Verdict::Clean)
        }
        Ok(Served::TimedOut) => {
            term::note(&Message::CliPageNotFetched {}.to_string());
            Ok(Verdict::Problems)
        }
        Err(e) => Err(Failure::input(
            Message::CliServingFailed {
                cause: e.to_string(),
            }
            .to_string(),
        )),
    }
}
