//! Generated-input tests of the callback reader against serde_json: on every
//! body the reader accepts, serde_json accepts it too and each value is
//! serde_json's (trimmed, as documented; numbers kept as written, so they
//! are compared by value); whatever serde_json refuses, the reader refuses,
//! except what it documents on purpose (a leading BOM; numbers too large for
//! serde_json's f64, which the reader keeps as written). Nothing panics.

use proptest::prelude::*;
use serde_json::Value;
use smartbill_signup_core::callback;
use smartbill_signup_core::text::trim;
use smartbill_signup_core::Status;

fn config(cases: u32) -> ProptestConfig {
    let mut config = ProptestConfig {
        // Failures are reported with their minimal input; no files are written.
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    config
}

/// JSON whitespace, and now and then something that is not.
fn ws() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::collection::vec(prop::sample::select(vec![" ", "\t", "\n", "\r", ""]), 0..3)
            .prop_map(|w| w.concat()),
        1 => prop::sample::select(vec!["\u{b}", "\u{c}", "\u{a0}", "\u{3000}", "\u{feff}"]).prop_map(String::from),
    ]
}

/// A string as JSON text, each character written raw or escaped at random.
fn json_string(text: String) -> impl Strategy<Value = String> {
    let n = text.chars().count();
    prop::collection::vec(0u8..4, n).prop_map(move |choices| {
        let mut out = String::from("\"");
        for (c, choice) in text.chars().zip(choices) {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if (c as u32) < 0x20 || choice == 0 => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        out.push_str(&format!("\\u{unit:04x}"));
                    }
                }
                '/' if choice == 1 => out.push_str("\\/"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    })
}

fn string_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 ._-]{0,12}",
        1 => any::<String>(),
        1 => prop::sample::select(vec![" x ", "\u{b}v\u{3000}", "\u{85}", "3·1", "25°C", "홍길동", "😀", ""])
            .prop_map(String::from),
    ]
}

/// JSON numbers, valid ones mostly.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "-?(0|[1-9][0-9]{0,12})(\\.[0-9]{1,4})?([eE][+-]?[0-9]{1,3})?",
        1 => prop::sample::select(vec!["01", "1.", ".5", "-", "1e", "+1", "0x1", "1e999", "-1e400", "NaN"])
            .prop_map(String::from),
    ]
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => string_text().prop_flat_map(json_string),
        2 => number(),
        1 => Just("null".to_string()),
        1 => prop::sample::select(vec!["true", "false", "[]", "{}", "[1]", "{\"a\":1}", "nul", "\"open"])
            .prop_map(String::from),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => prop::sample::select(vec![
            "COM_NAME", "com_name", "USER_NAME", "SBID", "Email", "regYN", "pID", "X_EXTRA", "x_extra",
            " COM_ADDRESS", "\u{b}COM_PRESIDENT", "USER_PHONE\u{3000}",
        ])
        .prop_map(String::from),
        1 => string_text(),
    ]
    .prop_flat_map(json_string)
}

/// A callback body: the four required keys and random members, in random
/// order and spacing; sometimes broken afterwards.
fn body() -> impl Strategy<Value = String> {
    let required = vec![
        ("\"USER_SBID\"".to_string(), "\"test1\"".to_string()),
        ("\"COM_REGNO\"".to_string(), "\"1248100998\"".to_string()),
        (
            "\"AUTH_CODE\"".to_string(),
            "\"13F89DFEK99D4474A67EABE8F7258AA5\"".to_string(),
        ),
        ("\"AUTH_TOKEN\"".to_string(), "\"MAo=\"".to_string()),
    ];
    let members = prop::collection::vec((key(), value()), 0..5);
    (
        members,
        prop::collection::vec(ws(), 24),
        any::<prop::sample::Index>(),
        mutation(),
    )
        .prop_map(move |(extra, ws, at, mutate)| {
            let mut all = required.clone();
            let at = at.index(all.len() + 1);
            for (i, member) in extra.into_iter().enumerate() {
                all.insert((at + i).min(all.len()), member);
            }
            let mut w = ws.into_iter().cycle();
            let mut out = w.next().unwrap_or_default();
            out.push('{');
            for (i, (k, v)) in all.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&w.next().unwrap_or_default());
                out.push_str(k);
                out.push_str(&w.next().unwrap_or_default());
                out.push(':');
                out.push_str(&w.next().unwrap_or_default());
                out.push_str(v);
                out.push_str(&w.next().unwrap_or_default());
            }
            out.push('}');
            out.push_str(&w.next().unwrap_or_default());
            mutate.apply(out)
        })
}

#[derive(Clone, Debug)]
enum Mutation {
    None,
    Delete(prop::sample::Index),
    Insert(prop::sample::Index, char),
    Truncate(prop::sample::Index),
    Append(String),
}

impl Mutation {
    fn apply(&self, text: String) -> String {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        match self {
            Mutation::None => text,
            Mutation::Delete(at) => {
                let i = boundaries[at.index(boundaries.len())];
                let mut t = text;
                if i < t.len() {
                    t.remove(i);
                }
                t
            }
            Mutation::Insert(at, c) => {
                let mut t = text;
                t.insert(boundaries[at.index(boundaries.len())], *c);
                t
            }
            Mutation::Truncate(at) => text[..boundaries[at.index(boundaries.len())]].to_string(),
            Mutation::Append(tail) => text + tail,
        }
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let significant = prop::sample::select(vec![
        '{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '-', ' ', '\n', '\u{1}',
    ]);
    prop_oneof![
        4 => Just(Mutation::None),
        1 => any::<prop::sample::Index>().prop_map(Mutation::Delete),
        1 => (any::<prop::sample::Index>(), significant).prop_map(|(a, c)| Mutation::Insert(a, c)),
        1 => any::<prop::sample::Index>().prop_map(Mutation::Truncate),
        1 => prop::sample::select(vec!["{}", ",", "x", "\"", " \n"]).prop_map(|s| Mutation::Append(s.to_string())),
    ]
}

/// serde_json's refusals the reader documents as accepted: numbers out of
/// f64's range (kept as written).
fn documented_difference(error: &serde_json::Error) -> bool {
    error.to_string().contains("number out of range")
}

fn check(body: &[u8]) -> Result<(), TestCaseError> {
    let ours = callback::parse(body);
    // A leading BOM is the reader's documented allowance: serde_json reads
    // the rest.
    let theirs =
        serde_json::from_slice::<Value>(body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body));
    match (&ours, &theirs) {
        (Ok(cb), Ok(Value::Object(map))) => {
            let mut with_value = 0;
            for (k, v) in map {
                let got = cb.get(k);
                match v {
                    Value::String(s) => {
                        prop_assert_eq!(got, Some(trim(s)), "key {:?}", k);
                        with_value += 1;
                    }
                    Value::Number(n) => {
                        let kept = got.ok_or_else(|| TestCaseError::fail(format!("{k:?} lost")))?;
                        let reread: Value = serde_json::from_str(kept)
                            .map_err(|e| TestCaseError::fail(e.to_string()))?;
                        prop_assert_eq!(reread.as_f64(), n.as_f64(), "key {:?}: {:?}", k, kept);
                        with_value += 1;
                    }
                    Value::Null => prop_assert_eq!(got, None),
                    other => prop_assert!(false, "the reader accepted {:?}", other),
                }
            }
            prop_assert_eq!(cb.key_count(), with_value);
        }
        (Ok(_), Ok(other)) => prop_assert!(false, "the reader accepted a non-object {:?}", other),
        (Ok(_), Err(e)) => prop_assert!(
            documented_difference(e),
            "serde_json refused ({}), the reader accepted",
            e
        ),
        (Err(e), _) => {
            prop_assert!(
                matches!(
                    e.status(),
                    Status::CallbackJson
                        | Status::CallbackShape
                        | Status::CallbackMissing
                        | Status::CallbackTooLarge
                        | Status::InvalidText
                ),
                "{:?}",
                e
            );
            prop_assert!(!e.message().is_empty());
            // Never a secret in a message.
            prop_assert!(!e.message().contains("13F89DFEK99D4474A67EABE8F7258AA5"));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(1500))]

    #[test]
    fn the_reader_agrees_with_serde_json(body in body()) {
        check(body.as_bytes())?;
        // A leading BOM is accepted on purpose: the same answer as without.
        let with_bom = format!("\u{feff}{body}");
        prop_assume!(!body.starts_with('\u{feff}'));
        prop_assert_eq!(
            callback::parse(with_bom.as_bytes()).map(|cb| format!("{cb:?}")).map_err(|e| e.status()),
            callback::parse(body.as_bytes()).map(|cb| format!("{cb:?}")).map_err(|e| e.status())
        );
    }

    #[test]
    fn any_bytes_are_refused_or_read_like_serde_json(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        check(&bytes)?;
    }

    #[test]
    fn any_text_is_refused_or_read_like_serde_json(text in any::<String>()) {
        check(text.as_bytes())?;
    }
}
