//! Helpers shared by the Rust integration tests: loading the vectors.
#![allow(dead_code)]

pub mod servers;
pub mod standin;

use serde_json::Value;

pub fn vectors(name: &str) -> Value {
    let path = format!("{}/tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A case's input bytes: `input` as UTF-8 text, or `input_hex` as raw bytes.
pub fn input_bytes(case: &Value) -> Vec<u8> {
    if let Some(hex) = case.get("input_hex").and_then(Value::as_str) {
        (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect()
    } else {
        case["input"].as_str().expect("input").as_bytes().to_vec()
    }
}

pub fn str_field<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {case}"))
}
