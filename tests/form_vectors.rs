//! The shared signup-form vectors through the Rust API, and the page parsed
//! back with a spec-compliant HTML parser (html5ever, through scraper).

mod common;
use common::{input_bytes, str_field, vectors};
use scraper::{Html, Selector};
use serde_json::Value;
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::form::{SignupForm, FIELDS, FORM_ID};
use smartbill_signup_core::text::{self, Charset};
use smartbill_signup_core::Language;

fn status_of(result: &smartbill_signup_core::Result<impl Sized>) -> &'static str {
    result.as_ref().map_or_else(|e| e.status().name(), |_| "OK")
}

/// Builds the case's form, checking every step's status.
fn run_steps(case: &Value) -> SignupForm {
    let environment = case["environment"].as_str().unwrap_or("demo");
    let mut form = SignupForm::new(Environment::parse(environment).unwrap());
    for step in case["steps"].as_array().unwrap() {
        let times = step["repeat"].as_u64().unwrap_or(1) as usize;
        let value = input_bytes(step).repeat(times);
        // Text is a string, whatever input_charset says; input_hex is bytes
        // in the input charset.
        let text = step["input"].as_str().map(|t| t.repeat(times));
        let result = match (step["set"].as_str(), text) {
            (Some(name), Some(text)) => form.set(name, &text),
            (Some(name), None) => form.set_bytes(name.as_bytes(), &value),
            (None, _) => form.set_option_bytes(str_field(step, "option").as_bytes(), &value),
        };
        let expected = step["status"].as_str().unwrap_or("OK");
        assert_eq!(
            status_of(&result),
            expected,
            "step {step} of {}",
            case["note"]
        );
    }
    form
}

fn strings(case: &Value, key: &str) -> Vec<String> {
    case[key].as_array().map_or_else(Vec::new, |a| {
        a.iter().map(|s| s.as_str().unwrap().to_string()).collect()
    })
}

/// Splits a urlencoded body into its pairs, decoding the values' bytes in `charset`.
fn decode_body(body: &str, charset: Charset) -> Vec<(String, String)> {
    let decode = |part: &str| {
        let mut bytes = Vec::new();
        let raw = part.as_bytes();
        let mut i = 0;
        while i < raw.len() {
            match raw[i] {
                b'+' => bytes.push(b' '),
                b'%' => {
                    bytes.push(u8::from_str_radix(&part[i + 1..i + 3], 16).unwrap());
                    i += 2;
                }
                b => bytes.push(b),
            }
            i += 1;
        }
        text::decode(&bytes, charset, "body").unwrap().into_owned()
    };
    body.split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap();
            (decode(name), decode(value))
        })
        .collect()
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

/// Parses the page and checks its form against the expected parameters.
fn check_page(form: &SignupForm, page: &str, expected: &[(String, String)], note: &str) {
    let options = form.options();
    let doc = Html::parse_document(page);
    let forms = select(&doc, "form");
    assert_eq!(forms.len(), 1, "{note}: one form");
    let f = forms[0].value();
    assert_eq!(f.id(), Some(FORM_ID));
    assert_eq!(f.attr("method"), Some("post"), "{note}");
    assert_eq!(
        f.attr("action"),
        Some(form.environment().action_url().as_str()),
        "{note}"
    );
    assert_eq!(
        f.attr("accept-charset"),
        Some(options.output_charset.label()),
        "{note}"
    );
    assert_eq!(f.attr("target"), Some(options.target.as_str()), "{note}");

    let hidden: Vec<(String, String)> = select(&doc, "form > input[type=hidden]")
        .iter()
        .map(|e| {
            (
                e.value().attr("name").unwrap().to_string(),
                e.value().attr("value").unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(hidden, expected, "{note}: hidden inputs round-trip exactly");
    assert_eq!(
        select(&doc, "input").len(),
        expected.len() + 1,
        "{note}: nothing but the inputs and the button"
    );

    let buttons = select(&doc, "form > input[type=submit]");
    assert_eq!(buttons.len(), 1, "{note}: a visible submit button");
    assert_eq!(
        buttons[0].value().attr("name"),
        None,
        "{note}: the button is not posted"
    );

    let scripts = select(&doc, "script");
    if options.auto_submit {
        assert_eq!(scripts.len(), 1, "{note}: exactly our script");
        let script = scripts[0].text().collect::<String>();
        assert!(
            script.contains(&format!("document.getElementById(\"{FORM_ID}\")")),
            "{note}"
        );
        for es5_plus in ["let ", "const ", "=>", "`"] {
            assert!(!script.contains(es5_plus), "{note}: ES3 only");
        }
    } else {
        assert!(scripts.is_empty(), "{note}: no script");
    }
}

/// The trimmed text values a case sets `field` to, when `field` is one of
/// the vectors' `personal_fields` (values of 3 characters or more: shorter
/// ones may appear in any message by chance).
fn personal_values(v: &Value, case: &Value, field: &str) -> Vec<String> {
    if !strings(v, "personal_fields").iter().any(|f| f == field) {
        return Vec::new();
    }
    case["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|step| step["set"].as_str() == Some(field))
        .filter_map(|step| step["input"].as_str())
        .map(|text| text.trim().to_string())
        .filter(|text| text.chars().count() >= 3)
        .collect()
}

#[test]
fn every_case_matches() {
    let v = vectors("form.json");
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 100);
    for case in cases {
        let note = str_field(case, "note");
        let form = run_steps(case);
        let expected = str_field(case, "status");
        let results = [
            form.validate().map(|_| Vec::new()),
            form.html(),
            form.urlencoded().map(String::into_bytes),
        ];
        for result in &results {
            assert_eq!(
                status_of(result),
                expected,
                "{note}: {:?}",
                result.as_ref().err()
            );
        }
        if expected != "OK" {
            let error = form.validate().unwrap_err();
            assert_eq!(error.field(), Some(str_field(case, "field")), "{note}");
            for part in strings(case, "message_contains") {
                assert!(
                    error.message().contains(&part),
                    "{note}: {:?} lacks {part:?}",
                    error.message()
                );
            }
            for value in personal_values(&v, case, error.field().unwrap()) {
                assert!(
                    !error.message().contains(&value),
                    "{note}: {:?} quotes personal data",
                    error.message()
                );
            }
            if let Some(korean) = case.get("message_ko").and_then(Value::as_str) {
                assert_eq!(error.message_in(Language::Korean), korean, "{note}");
            }
            continue;
        }
        let body = form.urlencoded().unwrap();
        assert_eq!(body, str_field(case, "urlencoded"), "{note}");

        let bytes = form.html().unwrap();
        let charset = form.options().output_charset;
        let page = text::decode(&bytes, charset, "page").unwrap();
        let declared = format!("charset={}\"", charset.label());
        let head = &bytes[..bytes.len().min(1024)];
        assert!(
            head.windows(declared.len())
                .any(|w| w == declared.as_bytes()),
            "{note}: charset declared early"
        );
        for part in strings(case, "html_contains") {
            assert!(page.contains(&part), "{note}: page lacks {part:?}");
        }
        for part in strings(case, "html_excludes") {
            assert!(!page.contains(&part), "{note}: page has {part:?}");
        }
        for hex in strings(case, "html_contains_hex") {
            let want = input_bytes(&serde_json::json!({ "input_hex": hex }));
            assert!(
                bytes.windows(want.len()).any(|w| w == want),
                "{note}: page bytes lack {hex}"
            );
        }
        check_page(&form, &page, &decode_body(&body, charset), note);
    }
}

#[test]
fn environments_match() {
    let v = vectors("form.json");
    for case in v["environments"].as_array().unwrap() {
        let input = str_field(case, "environment");
        match Environment::parse(input) {
            Ok(env) => {
                assert_eq!(str_field(case, "status"), "OK", "{input}");
                assert_eq!(env.action_url(), str_field(case, "action_url"), "{input}");
            }
            Err(e) => {
                assert_eq!(e.status().name(), str_field(case, "status"), "{input}");
                assert_eq!(e.field(), Some(str_field(case, "field")), "{input}");
            }
        }
    }
}

#[test]
fn every_parameter_has_vectors_for_its_rule() {
    // A field nobody tests would be a rule without a vector.
    let v = vectors("form.json");
    let text = v.to_string();
    for field in FIELDS {
        assert!(
            text.contains(&format!("\"set\":\"{}\"", field.name)),
            "{} has no vector",
            field.name
        );
    }
    for status in [
        "FIELD_REQUIRED",
        "FIELD_TOO_LONG",
        "FIELD_FORMAT",
        "FIELD_UNENCODABLE",
        "INVALID_ARGUMENT",
        "INVALID_TEXT",
    ] {
        assert!(
            text.contains(&format!("\"status\":\"{status}\"")),
            "{status} has no vector"
        );
    }
}

#[test]
fn header_lists_every_parameter_with_its_limit() {
    let header = include_str!("../include/smartbill_signup.h");
    for field in FIELDS {
        let row = format!(
            " *   {:<16}{:>4}  {:<9} {:<16} ",
            field.name,
            field.max_len,
            if field.required {
                "required"
            } else {
                "optional"
            },
            field.rule.name()
        );
        assert!(header.contains(&row), "header lacks {row:?}");
    }
}
