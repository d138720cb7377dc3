//! The committed COBOL copybook must be what the build generates, and must
//! agree with the header and the library's tables.

use smartbill_signup_core::brn::Kind;
use smartbill_signup_core::callback::Key;
use smartbill_signup_core::form::FIELDS;
use smartbill_signup_core::Status;

const COMMITTED: &str = include_str!("../include/SMARTBILL.cpy");
const HEADER: &str = include_str!("../include/smartbill_signup.h");

#[test]
fn copybook_is_current() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/SMARTBILL.cpy"));
    assert!(
        generated == COMMITTED,
        "include/SMARTBILL.cpy is stale: run `SMARTBILL_UPDATE_HEADER=1 cargo build` and commit it"
    );
}

/// The value of level-78 constant `name`, if the copybook defines it.
fn constant(name: &str) -> Option<i64> {
    COMMITTED.lines().find_map(|line| {
        let mut words = line.split_whitespace();
        match (words.next(), words.next(), words.next(), words.next()) {
            (Some("78"), Some(n), Some("VALUE"), Some(v)) if n == name => {
                v.trim_end_matches('.').parse().ok()
            }
            _ => None,
        }
    })
}

/// The width `n` of `PIC X(n)` field `name`.
fn width(name: &str) -> usize {
    COMMITTED
        .lines()
        .find_map(|line| {
            let mut words = line.split_whitespace();
            match (words.next(), words.next(), words.next(), words.next()) {
                (Some("05"), Some(n), Some("PIC"), Some(pic)) if n == name => pic
                    .trim_start_matches("X(")
                    .trim_end_matches(").")
                    .parse()
                    .ok(),
                _ => None,
            }
        })
        .unwrap_or_else(|| panic!("no field {name}"))
}

#[test]
fn every_numeric_header_constant_is_in_the_copybook() {
    let mut seen = 0;
    for line in HEADER.lines() {
        let mut words = line.split_whitespace();
        let (Some("#define"), Some(name), Some(value), None) =
            (words.next(), words.next(), words.next(), words.next())
        else {
            continue;
        };
        let (true, Ok(value)) = (name.starts_with("SMARTBILL_"), value.parse::<i64>()) else {
            continue;
        };
        let cobol = name.replace('_', "-");
        assert_eq!(constant(&cobol), Some(value), "{cobol}");
        seen += 1;
    }
    assert!(seen > Status::ALL.len(), "only {seen} constants found");
}

#[test]
fn every_status_is_a_constant() {
    for s in Status::ALL {
        let name = if s.code() == 0 {
            "SMARTBILL-OK".to_string()
        } else {
            format!("SMARTBILL-ERR-{}", s.name().replace('_', "-"))
        };
        assert_eq!(constant(&name), Some(i64::from(s.code())), "{name}");
        assert!(s.name().len() <= width("SB-ERROR-NAME"), "{}", s.name());
    }
}

#[test]
fn records_are_as_wide_as_the_library_says() {
    for f in FIELDS {
        assert_eq!(width(&format!("SB-{}", f.name)), f.max_len, "{}", f.name);
    }
    for k in Key::ALL {
        let name = format!("SB-CB-{}", k.name().replace('_', "-"));
        assert_eq!(width(&name), k.fixed_width(), "{name}");
    }
    for k in Kind::ALL {
        assert!(k.name().len() <= width("SB-BRN-KIND"), "{}", k.name());
    }
    assert_eq!(width("SB-BRN-DIGITS"), 10);
    assert_eq!(width("SB-BRN-FORMATTED"), 12);
}
