//! The shared business-number vectors, through the Rust API.

mod common;
use common::{input_bytes, str_field, vectors};
use smartbill_signup_core::{brn, Language, Status};

#[test]
fn every_case_matches() {
    let v = vectors("brn.json");
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 40);
    for case in cases {
        let input = input_bytes(case);
        let expected = str_field(case, "status");
        match brn::validate_bytes(&input) {
            Ok(n) => {
                assert_eq!(expected, "OK", "{case}");
                assert_eq!(n.as_str(), str_field(case, "normalized"), "{case}");
                assert_eq!(n.formatted(), str_field(case, "formatted"), "{case}");
                assert_eq!(n.kind().name(), str_field(case, "kind"), "{case}");
            }
            Err(e) => {
                assert_eq!(e.status().name(), expected, "{case}: {}", e.message());
                assert!(!e.message().is_empty());
                if let Some(korean) = case.get("message_ko").and_then(|m| m.as_str()) {
                    assert_eq!(e.message_in(Language::Korean), korean, "{case}");
                }
            }
        }
        assert_eq!(brn::check_bytes(&input).name(), expected, "{case}");
    }
}

#[test]
fn batch_cases_match() {
    let v = vectors("brn.json");
    for case in v["batch"].as_array().unwrap() {
        let data = str_field(case, "data").as_bytes();
        let sep = str_field(case, "separator").as_bytes()[0];
        let expected: Vec<&str> = case["statuses"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert_eq!(brn::batch_len(data, sep), expected.len(), "{case}");
        let got: Vec<&str> = brn::split_batch(data, sep)
            .map(|item| brn::check_bytes(item).name())
            .collect();
        assert_eq!(got, expected, "{case}");
    }
}

#[test]
fn kind_names_are_the_vector_list() {
    let v = vectors("brn.json");
    let names: Vec<&str> = brn::Kind::ALL.iter().map(|k| k.name()).collect();
    let expected: Vec<&str> = v["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(names, expected);
}

#[test]
fn check_digit_agrees_with_exhaustive_validation() {
    // For a sample of prefixes, exactly one of the ten endings passes.
    for prefix in (101_010_001u32..101_010_001 + 50_000).step_by(997) {
        let passing = (0..10)
            .filter(|d| brn::check_bytes(format!("{prefix}{d}").as_bytes()) == Status::Ok)
            .count();
        assert_eq!(passing, 1, "{prefix}");
    }
}
