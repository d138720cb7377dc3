//! Generated-input test of the popup page: for any values CP949 can hold
//! (markup characters, entities, quotes, Hangul, two-byte characters before
//! ASCII, whitespace around), set in UTF-8 or CP949, the page in UTF-8 or
//! EUC-KR parses back with html5ever to exactly the values set (trimmed),
//! and the urlencoded body decodes to the same pairs.

use encoding_rs::EUC_KR;
use proptest::prelude::*;
use scraper::{Html, Selector};
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::form::SignupForm;
use smartbill_signup_core::text::{self, Charset};
use std::sync::LazyLock;

fn config(cases: u32) -> ProptestConfig {
    let mut config = ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    config
}

/// Every character CP949 holds that a value may hold (no controls).
static HELD: LazyLock<Vec<char>> = LazyLock::new(|| {
    (0x20..=0xFFFFu32)
        .filter_map(char::from_u32)
        .filter(|c| !c.is_control())
        .filter(|c| {
            let mut buf = [0u8; 4];
            !EUC_KR.encode(c.encode_utf8(&mut buf)).2
        })
        .collect()
});

fn value() -> impl Strategy<Value = String> {
    let unit = prop_oneof![
        3 => (0..HELD.len()).prop_map(|i| HELD[i].to_string()),
        3 => prop::sample::select(vec![
            "&", "<", ">", "\"", "'", "&amp;", "&#39;", "&lt;/form>", "<script>", "]]>", "·", "°", "×", "±",
            "α", "Ж", "ß", "홍", "뷁", " ", "=", "%", "+", "?", "#",
        ])
        .prop_map(String::from),
        2 => (b' '..=b'~').prop_map(|b| char::from(b).to_string()),
    ];
    let around = prop::sample::select(vec!["", " ", "\u{b}", "\u{3000}", "\t"]);
    (around.clone(), prop::collection::vec(unit, 1..30), around)
        .prop_map(|(before, units, after)| format!("{before}{}{after}", units.concat()))
}

/// The text fields and their limits, in the guide's order.
const TEXT_FIELDS: [(&str, usize); 6] = [
    ("pComName", 200),
    ("pComPresident", 100),
    ("pComBizStatus", 100),
    ("pComBizClass", 100),
    ("pComAddress", 300),
    ("pMemName", 100),
];

proptest! {
    #![proptest_config(config(150))]

    #[test]
    fn the_page_parses_back_to_exactly_the_values_set(
        values in prop::collection::vec(value(), TEXT_FIELDS.len()),
        input_cp949 in any::<bool>(),
        output_cp949 in any::<bool>(),
    ) {
        let mut form = SignupForm::new(Environment::Demo);
        form.set("pComRegNo", "124-81-00998").unwrap();
        form.set("pMIGRATIONFLAG", "TEST11").unwrap();
        if input_cp949 {
            form.set_option("input_charset", "euc-kr").unwrap();
        }
        if output_cp949 {
            form.set_option("output_charset", "euc-kr").unwrap();
        }
        let mut expected = vec![("pComRegNo".to_string(), "1248100998".to_string())];
        for ((field, limit), value) in TEXT_FIELDS.iter().zip(&values) {
            let bytes = if input_cp949 { EUC_KR.encode(value).0.into_owned() } else { value.as_bytes().to_vec() };
            form.set_bytes(field.as_bytes(), &bytes).map_err(|e| TestCaseError::fail(e.message().to_string()))?;
            let trimmed = text::trim(value);
            if text::cp949_len(trimmed).unwrap() <= *limit && !trimmed.is_empty() {
                expected.push((field.to_string(), trimmed.to_string()));
            } else if !trimmed.is_empty() {
                // Over the limit: refused as a whole, never cut.
                form.set(field, "").unwrap();
            }
            if *field == "pComAddress" {
                expected.push(("pMIGRATIONFLAG".to_string(), "TEST11".to_string()));
            }
        }
        let charset = if output_cp949 { Charset::Cp949 } else { Charset::Utf8 };
        let page_bytes = form.html().map_err(|e| TestCaseError::fail(e.message().to_string()))?;
        let page = text::decode(&page_bytes, charset, "page").unwrap();
        let doc = Html::parse_document(&page);
        let hidden: Vec<(String, String)> = doc
            .select(&Selector::parse("form > input[type=hidden]").unwrap())
            .map(|e| (e.value().attr("name").unwrap().to_string(), e.value().attr("value").unwrap().to_string()))
            .collect();
        prop_assert_eq!(&hidden, &expected);
        prop_assert_eq!(doc.select(&Selector::parse("script").unwrap()).count(), 1);

        // The body: the same pairs, percent-decoded from the output charset.
        let body = form.urlencoded().unwrap();
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect();
        if output_cp949 {
            let decoded: Vec<(String, String)> = body
                .split('&')
                .map(|pair| {
                    let (n, v) = pair.split_once('=').unwrap();
                    let raw = percent_decode(v);
                    (n.to_string(), EUC_KR.decode_without_bom_handling_and_without_replacement(&raw).unwrap().into_owned())
                })
                .collect();
            prop_assert_eq!(&decoded, &expected);
        } else {
            prop_assert_eq!(&pairs, &expected);
        }
    }
}

/// `+` and `%XX` decoded to bytes, as a server reading a form does.
fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    out
}
