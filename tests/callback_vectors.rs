//! The shared callback vectors, through the Rust API.

mod common;
use common::{input_bytes, str_field, vectors};
use serde_json::Value;
use smartbill_signup_core::callback::source::{Environment, SourceAllowList};
use smartbill_signup_core::callback::{
    self, Callback, Key, ParseOptions, Sensitivity, DEFAULT_MAX_BYTES,
};
use smartbill_signup_core::text::{encode, Charset};
use smartbill_signup_core::{Language, Result};

/// A case's body: `input`, `input_hex`, or `input_repeat` (head + unit * count + tail).
fn body_of(case: &Value) -> Vec<u8> {
    match case.get("input_repeat") {
        Some(r) => {
            let mut body = str_field(r, "head").to_string();
            body.push_str(&str_field(r, "unit").repeat(r["count"].as_u64().unwrap() as usize));
            body.push_str(str_field(r, "tail"));
            body.into_bytes()
        }
        None => input_bytes(case),
    }
}

fn parse_case(v: &Value, case: &Value) -> Result<Callback> {
    let max_bytes = case
        .get("max_bytes")
        .unwrap_or(&v["default_max_bytes"])
        .as_u64()
        .unwrap() as usize;
    callback::parse_with(&body_of(case), &ParseOptions { max_bytes })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn check_accepted(case: &Value, cb: &Callback) {
    let name = str_field(case, "name");
    for (key, want) in case["fields"].as_object().unwrap() {
        assert_eq!(cb.get(key), want.as_str(), "{name}: {key}");
        assert!(cb.has(key), "{name}: has {key}");
    }
    for key in case["absent"].as_array().unwrap() {
        let key = key.as_str().unwrap();
        assert_eq!(cb.get(key), None, "{name}: {key} should be absent");
        assert!(!cb.has(key), "{name}: {key}");
    }
    if let Some(keys) = case.get("keys") {
        let want: Vec<&str> = keys
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        assert_eq!(cb.keys().collect::<Vec<_>>(), want, "{name}");
        assert_eq!(cb.key_count(), want.len(), "{name}");
    }
    assert_eq!(
        Some(cb.com_regno_valid()),
        case["com_regno_valid"].as_bool(),
        "{name}"
    );
    if let Some(cp949) = case.get("cp949") {
        for (key, want) in cp949.as_object().unwrap() {
            let got = match encode(cb.get(key).unwrap(), Charset::Cp949) {
                Ok(bytes) => hex(&bytes),
                Err(_) => "UNENCODABLE".to_string(),
            };
            assert_eq!(got, want.as_str().unwrap(), "{name}: {key} in CP949");
        }
    }
    // The typed getters agree with get().
    assert_eq!(Some(cb.user_sbid()), cb.get("USER_SBID"), "{name}");
    assert_eq!(Some(cb.auth_code()), cb.get("AUTH_CODE"), "{name}");
    assert_eq!(Some(cb.auth_token()), cb.get("AUTH_TOKEN"), "{name}");
    assert_eq!(Some(cb.com_regno()), cb.get("COM_REGNO"), "{name}");
    assert_eq!(cb.erp_user_id(), cb.get("pID"), "{name}");
    assert_eq!(cb.reg_yn(), cb.get("regYn"), "{name}");
    assert_eq!(cb.user_email(), cb.get("USER_EMAIL"), "{name}");
}

#[test]
fn every_parse_case_matches() {
    let v = vectors("callback.json");
    let cases = v["parse"].as_array().unwrap();
    assert!(cases.len() >= 60);
    for case in cases {
        let name = str_field(case, "name");
        let expected = str_field(case, "status");
        match parse_case(&v, case) {
            Ok(cb) => {
                assert_eq!(expected, "OK", "{name}: parsed, expected {expected}");
                check_accepted(case, &cb);
            }
            Err(e) => {
                assert_eq!(e.status().name(), expected, "{name}: {}", e.message());
                assert_eq!(
                    e.field(),
                    case["field"].as_str(),
                    "{name}: field ({})",
                    e.message()
                );
                for part in case
                    .get("message_contains")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let part = part.as_str().unwrap();
                    assert!(
                        e.message().contains(part),
                        "{name}: {:?} lacks {part:?}",
                        e.message()
                    );
                }
                if let Some(korean) = case.get("message_ko").and_then(Value::as_str) {
                    assert_eq!(e.message_in(Language::Korean), korean, "{name}");
                }
            }
        }
    }
}

#[test]
fn secrets_never_appear_in_messages_or_debug_output() {
    let v = vectors("callback.json");
    let secrets: Vec<&str> = v["secrets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let personal: Vec<&str> = v["personal"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let mut outputs = Vec::new();
    for case in v["parse"].as_array().unwrap() {
        match parse_case(&v, case) {
            Ok(cb) => {
                let shown = format!("{cb:?}");
                for value in case
                    .get("shown")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let value = value.as_str().unwrap();
                    assert!(shown.contains(value), "{shown} lacks the public {value}");
                }
                outputs.push(shown);
                outputs.push(format!("{cb:#?}"));
            }
            Err(e) => {
                outputs.push(e.message().to_string());
                outputs.push(format!("{e:?}"));
            }
        }
    }
    for output in &outputs {
        for secret in &secrets {
            // No eight characters in a row from a secret, let alone all of it.
            for window in secret.as_bytes().windows(8) {
                let window = std::str::from_utf8(window).unwrap();
                assert!(
                    !output.contains(window),
                    "{output:?} shows part of a secret ({window})"
                );
            }
        }
    }
    for output in &outputs {
        for value in &personal {
            assert!(
                !output.contains(value),
                "{output:?} shows the personal {value:?}"
            );
        }
    }
    assert!(outputs.iter().any(|o| o.contains("<redacted, 88 chars>")));
    // USER_NAME "김민준" and the unknown ERP_NOTE, redacted like secrets.
    assert!(outputs
        .iter()
        .any(|o| o.contains("USER_NAME: <redacted, 3 chars>")));
    assert!(outputs
        .iter()
        .any(|o| o.contains("ERP_NOTE: <redacted, 17 chars>")));
}

#[test]
fn every_key_flags_case_matches() {
    let v = vectors("callback.json");
    let cases = v["key_flags"].as_array().unwrap();
    assert!(cases.len() >= 15);
    for case in cases {
        let name = str_field(case, "key");
        let known = Key::lookup(name.trim());
        assert_eq!(Some(known.is_some()), case["known"].as_bool(), "{name}");
        assert_eq!(
            Some(known.is_some_and(Key::is_required)),
            case["required"].as_bool(),
            "{name}"
        );
        let sensitivity = match Sensitivity::of_name(name) {
            Sensitivity::Public => "public",
            Sensitivity::Personal => "personal",
            Sensitivity::Secret => "secret",
        };
        assert_eq!(sensitivity, str_field(case, "sensitivity"), "{name}");
    }
}

#[test]
fn default_limit_is_the_vectors() {
    assert_eq!(DEFAULT_MAX_BYTES as u64, v_default());
    assert_eq!(ParseOptions::default().max_bytes, DEFAULT_MAX_BYTES);
}

fn v_default() -> u64 {
    vectors("callback.json")["default_max_bytes"]
        .as_u64()
        .unwrap()
}

#[test]
fn every_source_case_matches() {
    let v = vectors("callback.json");
    let cases = v["source"].as_array().unwrap();
    assert!(cases.len() >= 20);
    for case in cases {
        let note = str_field(case, "note");
        let result = Environment::parse(str_field(case, "environment")).and_then(|env| {
            let mut list = SourceAllowList::new(&env);
            list.add_list(str_field(case, "extra_ips"))?;
            Ok(list.allows(str_field(case, "ip")))
        });
        match result {
            Ok(allowed) => {
                assert_eq!(str_field(case, "status"), "OK", "{note}");
                assert_eq!(Some(allowed), case["allowed"].as_bool(), "{note}");
            }
            Err(e) => assert_eq!(
                e.status().name(),
                str_field(case, "status"),
                "{note}: {}",
                e.message()
            ),
        }
    }
}
