use super::*;
use std::collections::BTreeSet;

fn has_hangul(text: &str) -> bool {
    text.chars().any(|c| ('가'..='힣').contains(&c))
}

/// A template that is nothing but placeholders and punctuation (`{host}`,
/// `{what}: {cause}`): the same in both languages by nature.
fn only_placeholders(template: &str) -> bool {
    let mut rest = String::new();
    let mut depth = 0;
    for c in template.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => rest.push(c),
            _ => {}
        }
    }
    !rest.chars().any(char::is_alphanumeric)
}

#[test]
fn every_template_has_both_languages_with_the_same_arguments() {
    let mut kinds = BTreeSet::new();
    for t in Message::TEMPLATES {
        assert!(kinds.insert(t.kind), "{} twice", t.kind);
        let declared: BTreeSet<&str> = t.args.iter().copied().collect();
        assert_eq!(
            declared.len(),
            t.args.len(),
            "{}: an argument twice",
            t.kind
        );
        for language in Language::ALL {
            let text = t.text(language);
            assert!(!text.trim().is_empty(), "{}: no {language} text", t.kind);
            let used: BTreeSet<&str> = placeholders(text).iter().map(|p| p.0).collect();
            assert_eq!(
                used, declared,
                "{} ({language}): the placeholders are not the arguments",
                t.kind
            );
        }
        for (name, particle) in placeholders(t.en) {
            assert!(
                particle.is_none(),
                "{}: particle after {name} in English",
                t.kind
            );
        }
        for (name, particle) in placeholders(t.ko) {
            if let Some(key) = particle {
                assert!(is_particle(key), "{}: {{{name}:{key}}}", t.kind);
            }
        }
        assert!(!has_hangul(t.en), "{}: Hangul in the English text", t.kind);
        if !only_placeholders(t.ko) {
            assert!(
                has_hangul(t.ko),
                "{}: the Korean text is not Korean",
                t.kind
            );
            assert_ne!(t.en, t.ko, "{}", t.kind);
        } else {
            assert!(
                only_placeholders(t.en),
                "{}: English words, no Korean ones",
                t.kind
            );
        }
    }
}

#[test]
fn korean_uses_the_terms_and_the_polite_style() {
    for t in Message::TEMPLATES {
        for (wrong, right) in [
            ("사업자 번호", "사업자등록번호"),
            ("체크섬", "검증번호"),
            ("체크 디지트", "검증번호"),
            ("콜 백", "콜백"),
            ("스마트 빌", "스마트빌"),
            ("합니다요", "합니다"),
            ("해라", "하십시오"),
            ("하세요", "하십시오"),
            ("없음", "없습니다"),
        ] {
            assert!(!t.ko.contains(wrong), "{}: {wrong} (say {right})", t.kind);
        }
        // A sentence (not a part) ends in the polite style, before any
        // closing parenthesis or trailing argument.
        if t.ko.contains("니다") || t.ko.contains("십시오") {
            let mut rest = t.ko.trim_end_matches(['.', ' ', ':']);
            loop {
                let open = match rest.chars().last() {
                    Some(')') => '(',
                    Some('}') => '{',
                    _ => break,
                };
                match rest.rfind(open) {
                    Some(i) => rest = rest[..i].trim_end_matches(['.', ' ', ':']),
                    None => break,
                }
            }
            assert!(
                rest.ends_with('다') || rest.ends_with("십시오"),
                "{}: {:?} does not end politely",
                t.kind,
                t.ko
            );
        }
    }
}

#[test]
fn every_kind_can_be_made_and_written() {
    let mut sampler = Sampler::new(
        vec!["\"124-81-00997\"".into(), "회사명".into(), String::new()],
        vec![0, 1, 7, 10, 200, u64::MAX],
    );
    let all = Message::every_kind(&mut sampler);
    assert_eq!(all.len(), Message::TEMPLATES.len());
    for (m, t) in all.iter().zip(Message::TEMPLATES) {
        assert_eq!(m.kind(), t.kind);
        assert_eq!(m.template(), t);
        for language in Language::ALL {
            let text = m.render(language);
            for name in t.args {
                assert!(!text.contains(&format!("{{{name}")), "{}: {text}", t.kind);
            }
        }
    }
}

#[test]
fn korean_messages_round_trip_through_cp949() {
    use crate::text::{decode, encode, Charset};
    let mut sampler = Sampler::new(
        vec![
            "\"(주)스마트빌\"".into(),
            "124-81-00997".into(),
            "뷁".into(),
        ],
        vec![0, 3, 12, 202],
    );
    for message in Message::every_kind(&mut sampler) {
        for language in Language::ALL {
            let text = message.render(language);
            let bytes = encode(&text, Charset::Cp949)
                .unwrap_or_else(|c| panic!("{}: {c:?} is not in CP949", message.kind()));
            assert_eq!(decode(&bytes, Charset::Cp949, "m").unwrap(), text);
        }
    }
    for &status in crate::status::Status::ALL {
        for language in Language::ALL {
            let text = status.description(language);
            assert!(encode(text, Charset::Cp949).is_ok(), "{text}");
        }
    }
}

#[test]
fn arguments_and_particles() {
    let field = Label {
        name: "pComName",
        label: "회사명",
    };
    let m = Message::FieldTooLong {
        field,
        size: 250,
        limit: 200,
    };
    assert_eq!(
        m.render(Language::English),
        "pComName (회사명) is 250 bytes in CP949, over its limit of 200 (a Hangul syllable counts 2 bytes); it is never cut, shorten it"
    );
    assert_eq!(
        m.render(Language::Korean),
        "회사명(pComName)은 CP949로 250바이트여서 한도 200바이트를 넘습니다(한글 한 글자는 2바이트입니다). 자르지 않으니 줄여서 입력하십시오"
    );
    let tel = Label {
        name: "pMemTel",
        label: "연락처(-포함)",
    };
    assert_eq!(tel.short_label(), "연락처");
    let m = Message::FieldRequired { field: tel };
    assert!(m.render(Language::Korean).starts_with("연락처(pMemTel)는 "));
    assert!(m
        .render(Language::English)
        .starts_with("pMemTel (연락처(-포함)) is"));
    // Digits are read as Korean numbers; Latin words take both forms.
    for (status, want) in [(500u16, "500으로"), (404, "404로"), (301, "301로")] {
        let m = Message::AnsweredStatus {
            host: "http://x".into(),
            status,
        };
        assert!(m.render(Language::Korean).contains(want), "{status}");
    }
    let m = Message::NullArgument { name: "buf".into() };
    assert_eq!(m.render(Language::Korean), "buf이(가) NULL입니다");
    let m = Message::CallbackKeyAbsent {
        key: "AUTH_TOKEN",
        older: None,
    };
    assert_eq!(
        m.render(Language::Korean),
        "필수 키 AUTH_TOKEN이(가) 없습니다"
    );
}

#[test]
fn sounds() {
    assert_eq!(final_sound("회사명"), Sound::Consonant);
    assert_eq!(final_sound("바이트"), Sound::Vowel);
    assert_eq!(final_sound("\"서울\""), Sound::Rieul);
    assert_eq!(final_sound("10"), Sound::Consonant);
    assert_eq!(final_sound("2"), Sound::Vowel);
    assert_eq!(final_sound("7"), Sound::Rieul);
    assert_eq!(final_sound("abc"), Sound::Unknown);
    assert_eq!(final_sound(""), Sound::Unknown);
}

#[test]
fn rendering_never_panics_on_odd_templates() {
    let args: [(&str, &dyn Arg); 1] = [("a", &"x")];
    for template in [
        "{",
        "}",
        "{a",
        "{{a}}",
        "{b}",
        "{a:없음}",
        "a}b{",
        "{:}",
        "{a}{a:은}",
    ] {
        let mut out = String::new();
        render(Language::Korean, template, &args, &mut out);
    }
    let mut out = String::new();
    render(Language::English, "{{a}} {a} {b}", &args, &mut out);
    assert_eq!(out, "{a} x {b}");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_template_renders_for_any_arguments_in_both_languages(
            texts in proptest::collection::vec(any::<String>(), 0..6),
            numbers in proptest::collection::vec(any::<u64>(), 0..6),
        ) {
            let mut sampler = Sampler::new(texts.clone(), numbers);
            for message in Message::every_kind(&mut sampler) {
                for language in Language::ALL {
                    let text = message.render(language);
                    // Nothing of the template is lost: without arguments
                    // of its own, every message has some text.
                    if !only_placeholders(message.template().text(language)) {
                        prop_assert!(!text.is_empty(), "{}", message.kind());
                    }
                }
            }
        }
    }
}
