//! The signup form through the C ABI: `smartbill_form_new`, `_set`,
//! `_set_option`, `_validate`, `_html`, `_urlencoded`, `_action_url`, in
//! both input and both output charsets.
//!
//! Input: byte 0 chooses the environment and options set first (and
//! whether the two required parameters start filled in); then operations,
//! each an op byte, a length (2 bytes, little-endian) and that many bytes: set one of the 15
//! parameters, set by a name given as bytes (`name=value`), set an option
//! from a table, set `target` to the bytes.
//!
//! Oracle: a model of the form (values trimmed, refusals remembered until
//! the same parameter or option is set successfully, unknown names never
//! forgotten) predicts every set's status, and validate's: a remembered
//! refusal, or the first parameter that breaks its rule (short reference
//! rules below; the e-mail rule is only checked for agreement). `_html`
//! and `_urlencoded` fail exactly as `_validate`. On success the
//! urlencoded body equals a WHATWG serialization of the expected values'
//! bytes in the output charset, and the page, decoded from its charset and
//! parsed by an HTML5 parser (html5ever, through scraper), holds one form
//! whose hidden inputs are exactly the expected values.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scraper::{Html, Selector};
use smartbill_signup_core::form::{Rule, FIELDS};
use smartbill_signup_core::status::Status;
use smartbill_signup_fuzz::{
    abi, brn_reference, cp949_reference, documented, last_error, read_text, trim, TextArg,
};
use std::collections::HashMap;
use std::ptr;

const ENVIRONMENTS: [(&str, &str); 4] = [
    ("demo", "http://demo.smartbill.co.kr"),
    ("production", "http://www.smartbill.co.kr"),
    ("http://127.0.0.1:8080/p", "http://127.0.0.1:8080/p"),
    (
        "https://gw.example.com/smartbill/",
        "https://gw.example.com/smartbill",
    ),
];
const ACTION_PATH: &str = "/xMain/mb/shar_transfer/info_inpt01.aspx";

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Subject {
    Field(usize),
    Option(&'static str),
    Unknown,
}

/// An option setting and what it does (`None`: refused as a bad value or
/// an unknown name).
type OptionCase = (&'static str, &'static str, Option<fn(&mut Model)>);

const OPTIONS: [OptionCase; 24] = [
    ("input_charset", "utf-8", Some(|m| m.input_cp949 = false)),
    ("input_charset", " EUC-KR ", Some(|m| m.input_cp949 = true)),
    ("input_charset", "cp949", Some(|m| m.input_cp949 = true)),
    ("input_charset", "MS949", Some(|m| m.input_cp949 = true)),
    ("output_charset", "utf-8", Some(|m| m.output_cp949 = false)),
    ("output_charset", "euc-kr", Some(|m| m.output_cp949 = true)),
    ("page_charset", "euc-kr", Some(|m| m.output_cp949 = true)),
    ("page_charset", "UTF8", Some(|m| m.output_cp949 = false)),
    ("auto_submit", "no", Some(|m| m.auto_submit = false)),
    ("auto_submit", "YES", Some(|m| m.auto_submit = true)),
    ("auto_submit", "0", Some(|m| m.auto_submit = false)),
    ("target", "_self", Some(|m| m.target = "_self".into())),
    ("target", "_blank", Some(|m| m.target = "_blank".into())),
    (
        "target",
        "erp-Signup_1",
        Some(|m| m.target = "erp-Signup_1".into()),
    ),
    ("brn_check", "digits", Some(|m| m.brn_digits = true)),
    ("brn_check", "STRICT", Some(|m| m.brn_digits = false)),
    (" target ", " _top ", Some(|m| m.target = "_top".into())),
    ("input_charset", "latin1", None),
    ("page_charset", "", None),
    ("auto_submit", "maybe", None),
    ("target", "_evil", None),
    ("brn_check", "lax", None),
    ("colour", "red", None),
    ("Target", "_self", None),
];

fn canonical_option(name: &str) -> Option<&'static str> {
    Some(match trim(name) {
        "input_charset" => "input_charset",
        "output_charset" | "page_charset" => "output_charset",
        "auto_submit" => "auto_submit",
        "target" => "target",
        "brn_check" => "brn_check",
        _ => return None,
    })
}

struct Model {
    values: [Option<String>; 15],
    input_cp949: bool,
    output_cp949: bool,
    auto_submit: bool,
    target: String,
    brn_digits: bool,
    /// Every status refused for a subject since it was last set successfully.
    refused: HashMap<Subject, Vec<Status>>,
}

impl Model {
    fn refuse(&mut self, subject: Subject, status: Status) {
        self.refused.entry(subject).or_default().push(status);
    }

    fn accept(&mut self, subject: Subject) {
        self.refused.remove(&subject);
    }

    fn decode(&self, bytes: &[u8]) -> Option<String> {
        if self.input_cp949 {
            cp949_reference::decode(bytes)
        } else {
            std::str::from_utf8(bytes).ok().map(str::to_string)
        }
    }

    /// What `smartbill_form_set(name, value)` must return, applied to the model.
    fn set(&mut self, name: &[u8], value: &[u8]) -> Status {
        let Some(name) = self.decode(name) else {
            self.refuse(Subject::Unknown, Status::InvalidText);
            return Status::InvalidText;
        };
        let Some(index) = FIELDS.iter().position(|f| f.name == trim(&name)) else {
            self.refuse(Subject::Unknown, Status::InvalidArgument);
            return Status::InvalidArgument;
        };
        let subject = Subject::Field(index);
        self.values[index] = None;
        let Some(value) = self.decode(value) else {
            self.refuse(subject, Status::InvalidText);
            return Status::InvalidText;
        };
        let value = trim(&value);
        if !value.is_empty() {
            if cp949_reference::encode(value).is_err() {
                self.refuse(subject, Status::FieldUnencodable);
                return Status::FieldUnencodable;
            }
            self.values[index] = Some(value.to_string());
        }
        self.accept(subject);
        Status::Ok
    }

    /// What `smartbill_form_set_option("target", value)` must return.
    fn set_target(&mut self, value: &[u8]) -> Status {
        let subject = Subject::Option("target");
        let Ok(value) = std::str::from_utf8(value) else {
            self.refuse(subject, Status::InvalidText);
            return Status::InvalidText;
        };
        let value = trim(value);
        let keyword = matches!(value, "_blank" | "_self" | "_parent" | "_top");
        let window_name = !value.is_empty()
            && value.len() <= 64
            && !value.starts_with('_')
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if keyword || window_name {
            self.target = value.to_string();
            self.accept(subject);
            Status::Ok
        } else {
            self.refuse(subject, Status::InvalidArgument);
            Status::InvalidArgument
        }
    }

    fn set_option(&mut self, (name, _, effect): &OptionCase) -> Status {
        let subject = canonical_option(name).map_or(Subject::Unknown, Subject::Option);
        match effect {
            Some(apply) => {
                apply(self);
                self.accept(subject);
                Status::Ok
            }
            None => {
                self.refuse(subject, Status::InvalidArgument);
                Status::InvalidArgument
            }
        }
    }

    /// The first parameter that breaks its rule, or the values to send.
    /// `actual` is the library's answer, used only for the e-mail rule,
    /// which is not modelled: an e-mail refused as FIELD_FORMAT is taken
    /// as the answer, otherwise the address is taken as plausible.
    fn expected(
        &self,
        actual: (Status, &str),
    ) -> Result<Vec<(&'static str, String)>, (Status, &'static str)> {
        let mut sent = Vec::new();
        for (field, value) in FIELDS.iter().zip(&self.values) {
            let Some(value) = value else {
                if field.required {
                    return Err((Status::FieldRequired, field.name));
                }
                continue;
            };
            let format = Err((Status::FieldFormat, field.name));
            if value.chars().any(char::is_control) {
                return format;
            }
            let ok = match field.rule {
                Rule::Text => true,
                Rule::BusinessNumber => {
                    let digits = if self.brn_digits {
                        let d: String = value.chars().filter(|&c| c != '-' && c != ' ').collect();
                        (d.len() == 10 && d.bytes().all(|b| b.is_ascii_digit())).then_some(d)
                    } else {
                        brn_reference::check(value.as_bytes())
                            .ok()
                            .map(|d| String::from_utf8(d.to_vec()).unwrap())
                    };
                    match digits {
                        Some(d) => {
                            sent.push((field.name, d));
                            continue;
                        }
                        None => false,
                    }
                }
                Rule::ZipCode => value.len() == 5 && value.bytes().all(|b| b.is_ascii_digit()),
                Rule::Phone => {
                    let b = value.as_bytes();
                    b[0].is_ascii_digit()
                        && b[b.len() - 1].is_ascii_digit()
                        && b.iter().all(|&c| c.is_ascii_digit() || c == b'-')
                        && !value.contains("--")
                }
                Rule::Email => actual != (Status::FieldFormat, field.name),
                Rule::YesNo => value == "Y" || value == "N",
            };
            if !ok {
                return format;
            }
            if cp949_reference::encode(value).unwrap().len() > field.max_len {
                return Err((Status::FieldTooLong, field.name));
            }
            sent.push((field.name, value.clone()));
        }
        Ok(sent)
    }
}

/// WHATWG application/x-www-form-urlencoded serialization of bytes.
fn serialize(bytes: &[u8], out: &mut String) {
    for &b in bytes {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
}

fn last_error_field() -> String {
    let (_, field) = read_text(false, |buf, cap, len| unsafe {
        abi::smartbill_last_error_field(buf, cap, len)
    });
    String::from_utf8(field).unwrap()
}

fn check_page(page: &[u8], model: &Model, action: &str, sent: &[(&str, String)]) {
    let page = if model.output_cp949 {
        cp949_reference::decode(page).expect("the EUC-KR page is valid CP949")
    } else {
        String::from_utf8(page.to_vec()).expect("the UTF-8 page is valid UTF-8")
    };
    let label = if model.output_cp949 {
        "EUC-KR"
    } else {
        "UTF-8"
    };
    let doc = Html::parse_document(&page);
    let select = |css: &str| {
        doc.select(&Selector::parse(css).unwrap())
            .collect::<Vec<_>>()
    };
    let forms = select("form");
    assert_eq!(forms.len(), 1, "one form");
    let form = forms[0].value();
    assert_eq!(form.attr("method"), Some("post"));
    assert_eq!(form.attr("action"), Some(action));
    assert_eq!(form.attr("accept-charset"), Some(label));
    assert_eq!(form.attr("target"), Some(model.target.as_str()));
    let hidden: Vec<(&str, &str)> = select("form input[type=hidden]")
        .iter()
        .map(|e| {
            (
                e.value().attr("name").unwrap_or(""),
                e.value().attr("value").unwrap_or(""),
            )
        })
        .collect();
    let want: Vec<(&str, &str)> = sent.iter().map(|(n, v)| (*n, v.as_str())).collect();
    assert_eq!(hidden, want, "the page's hidden inputs");
    assert_eq!(
        select("input").len(),
        sent.len() + 1,
        "the inputs: hidden ones and the button"
    );
    assert_eq!(
        select("script").len(),
        usize::from(model.auto_submit),
        "auto_submit"
    );
    let meta = select("meta[http-equiv=Content-Type]");
    assert_eq!(meta.len(), 1);
    assert_eq!(
        meta[0].value().attr("content"),
        Some(format!("text/html; charset={label}").as_str())
    );
}

fuzz_target!(|input: &[u8]| {
    let Some((header, mut ops)) = input.split_first() else {
        return;
    };
    let nul = header & 0x20 != 0;
    let (environment, base) = ENVIRONMENTS[usize::from(header >> 6)];
    let action = format!("{base}{ACTION_PATH}");
    let mut form: *mut abi::SmartbillForm = ptr::null_mut();
    let env = TextArg::new(environment.as_bytes(), nul);
    let code = unsafe { abi::smartbill_form_new(env.ptr(), env.len(), &mut form) };
    documented(code, &[Status::Ok], "smartbill_form_new");

    let mut model = Model {
        values: Default::default(),
        input_cp949: false,
        output_cp949: false,
        auto_submit: true,
        target: "_blank".to_string(),
        brn_digits: false,
        refused: HashMap::new(),
    };
    let set = |model: &mut Model, name: &[u8], value: &[u8]| {
        let expected = model.set(name, value);
        let (name, value) = (TextArg::new(name, nul), TextArg::new(value, nul));
        let code = unsafe {
            abi::smartbill_form_set(form, name.ptr(), name.len(), value.ptr(), value.len())
        };
        let got = documented(
            code,
            &[
                Status::Ok,
                Status::InvalidArgument,
                Status::InvalidText,
                Status::FieldUnencodable,
            ],
            "smartbill_form_set",
        );
        assert_eq!(got, expected, "smartbill_form_set: {}", last_error());
    };
    let set_option = |model: &mut Model, case: &OptionCase| {
        let expected = model.set_option(case);
        let (name, value) = (
            TextArg::new(case.0.as_bytes(), nul),
            TextArg::new(case.1.as_bytes(), nul),
        );
        let code = unsafe {
            abi::smartbill_form_set_option(form, name.ptr(), name.len(), value.ptr(), value.len())
        };
        let got = documented(
            code,
            &[Status::Ok, Status::InvalidArgument],
            "smartbill_form_set_option",
        );
        assert_eq!(
            got,
            expected,
            "smartbill_form_set_option({:?}, {:?}): {}",
            case.0,
            case.1,
            last_error()
        );
    };

    if header & 0x02 != 0 {
        set_option(&mut model, &OPTIONS[1]);
    }
    if header & 0x04 != 0 {
        set_option(&mut model, &OPTIONS[5]);
    }
    if header & 0x08 != 0 {
        set_option(&mut model, &OPTIONS[8]);
    }
    if header & 0x10 != 0 {
        set_option(&mut model, &OPTIONS[14]);
    }
    if header & 0x01 != 0 {
        set(&mut model, b"pComRegNo", b"124-81-00998");
        set(&mut model, b"pMIGRATIONFLAG", b"TEST11");
    }

    while let &[op, len_low, len_high, ref rest @ ..] = ops {
        let len = usize::from(u16::from_le_bytes([len_low, len_high])).min(rest.len());
        let (payload, next) = rest.split_at(len);
        ops = next;
        match op % 24 {
            i @ 0..=14 => set(&mut model, FIELDS[usize::from(i)].name.as_bytes(), payload),
            15 => {
                let at = payload
                    .iter()
                    .position(|&b| b == b'=')
                    .unwrap_or(payload.len());
                set(
                    &mut model,
                    &payload[..at],
                    payload.get(at + 1..).unwrap_or(&[]),
                );
            }
            16 => set_option(
                &mut model,
                &OPTIONS[usize::from(payload.first().copied().unwrap_or(0)) % OPTIONS.len()],
            ),
            17 => {
                let expected = model.set_target(payload);
                let value = TextArg::new(payload, nul);
                let code = unsafe {
                    abi::smartbill_form_set_option(
                        form,
                        c"target".as_ptr(),
                        -1,
                        value.ptr(),
                        value.len(),
                    )
                };
                let got = documented(
                    code,
                    &[Status::Ok, Status::InvalidArgument, Status::InvalidText],
                    "smartbill_form_set_option(target)",
                );
                assert_eq!(got, expected, "target {payload:?}: {}", last_error());
            }
            _ => {
                // A parameter name with surrounding spaces.
                let Some((&which, value)) = payload.split_first() else {
                    continue;
                };
                let name = format!(" {}\t", FIELDS[usize::from(which) % FIELDS.len()].name);
                set(&mut model, name.as_bytes(), value);
            }
        }
    }

    let (code, url) = read_text(false, |buf, cap, len| unsafe {
        abi::smartbill_form_action_url(form, buf, cap, len)
    });
    documented(code, &[Status::Ok], "smartbill_form_action_url");
    assert_eq!(url, action.as_bytes());

    let validate_statuses = [
        Status::Ok,
        Status::InvalidArgument,
        Status::InvalidText,
        Status::FieldUnencodable,
        Status::FieldRequired,
        Status::FieldFormat,
        Status::FieldTooLong,
    ];
    let status = documented(
        unsafe { abi::smartbill_form_validate(form) },
        &validate_statuses,
        "smartbill_form_validate",
    );
    let field = if status == Status::Ok {
        String::new()
    } else {
        last_error_field()
    };
    let (html_code, page) = read_text(false, |buf, cap, len| unsafe {
        abi::smartbill_form_html(form, buf, cap, len)
    });
    let (body_code, body) = read_text(false, |buf, cap, len| unsafe {
        abi::smartbill_form_urlencoded(form, buf, cap, len)
    });
    assert_eq!(
        html_code,
        status.code(),
        "smartbill_form_html fails as validate"
    );
    assert_eq!(
        body_code,
        status.code(),
        "smartbill_form_urlencoded fails as validate"
    );
    if status != Status::Ok {
        assert_eq!(
            last_error_field(),
            field,
            "the same field from validate, html and urlencoded"
        );
    }

    if !model.refused.is_empty() {
        let possible: Vec<Status> = model.refused.values().flatten().copied().collect();
        assert!(
            possible.contains(&status),
            "validate says {} ({}), a remembered refusal was one of {:?}",
            status.name(),
            last_error(),
            possible.iter().map(|s| s.name()).collect::<Vec<_>>()
        );
    } else {
        match model.expected((status, field.as_str())) {
            Err((want, want_field)) => {
                assert_eq!(
                    (status, field.as_str()),
                    (want, want_field),
                    "validate: {}",
                    last_error()
                );
            }
            Ok(sent) => {
                assert_eq!(status, Status::Ok, "validate: {}", last_error());
                let mut want = String::new();
                for (i, (name, value)) in sent.iter().enumerate() {
                    if i > 0 {
                        want.push('&');
                    }
                    want.push_str(name);
                    want.push('=');
                    let bytes = if model.output_cp949 {
                        cp949_reference::encode(value).unwrap()
                    } else {
                        value.as_bytes().to_vec()
                    };
                    serialize(&bytes, &mut want);
                }
                assert_eq!(
                    String::from_utf8(body).unwrap(),
                    want,
                    "the urlencoded body"
                );
                check_page(&page, &model, &action, &sent);
            }
        }
    }
    unsafe { abi::smartbill_form_free(form) };
});
