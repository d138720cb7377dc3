//! Messages for people, in English and Korean, from one table.
//!
//! Every message the library writes (an error's message, a log line, a
//! description) is a [`Message`]: a kind from `messages_table.rs` with its
//! named arguments (field, limit, size, character, host, cause...). The
//! text is written only when someone reads it, in the language asked for
//! ([`Message::render`]), so keeping a message costs no formatting.
//!
//! A template is text with `{argument}` placeholders (`{{` and `}}` for
//! literal braces). In Korean a particle may follow an argument, written
//! in its form after a consonant: `{field:은}`, `{field:이}`, `{field:을}`,
//! `{field:과}`, `{field:으로}`; it becomes 은/는, 이/가, 을/를, 과/와 or
//! 으로/로 as the argument's last sound asks, or the combined form
//! (`은(는)`) when that sound is unknown (a Latin word).
//!
//! Arguments never carry a secret: the call sites pass what may be shown
//! (a key's name, never an auth code or token value; no personal data).

use crate::language::Language;

/// A message template's row, for tests and tools: its kind, argument names
/// and both texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    pub kind: &'static str,
    pub args: &'static [&'static str],
    pub en: &'static str,
    pub ko: &'static str,
}

impl Template {
    /// The text in `language`.
    pub const fn text(&self, language: Language) -> &'static str {
        match language {
            Language::English => self.en,
            Language::Korean => self.ko,
        }
    }
}

/// A form field as messages name it: `pComName (회사명)` in English,
/// `회사명(pComName)` in Korean (the guide's label without its
/// `(-포함)` hint).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub name: &'static str,
    /// The guide's Korean label, as the field table has it.
    pub label: &'static str,
}

impl Label {
    /// The Korean label without a parenthesised hint: `연락처(-포함)` is `연락처`.
    pub fn short_label(&self) -> &'static str {
        let cut = self.label.find('(').unwrap_or(self.label.len());
        self.label[..cut].trim_end()
    }
}

/// What the end of a word sounds like, for choosing a Korean particle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sound {
    /// Ends in a vowel (바이트, 2).
    Vowel,
    /// Ends in the consonant ㄹ (일, 7, 8), which takes `로` but `은`, `이`, `을`.
    Rieul,
    /// Ends in another consonant (회사명, 3, 10).
    Consonant,
    /// Not known (a Latin word, a symbol).
    Unknown,
}

/// The sound `text` ends with, read as Korean would read it: the last
/// Hangul syllable or digit, skipping closing quotes and brackets.
pub fn final_sound(text: &str) -> Sound {
    let last = text
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | ')' | ']' | '}' | '>' | '.' | ' '));
    match last {
        Some(c @ '가'..='힣') => match (c as u32 - 0xAC00) % 28 {
            0 => Sound::Vowel,
            8 => Sound::Rieul,
            _ => Sound::Consonant,
        },
        // 영 일 이 삼 사 오 육 칠 팔 구
        Some('0' | '3' | '6') => Sound::Consonant,
        Some('1' | '7' | '8') => Sound::Rieul,
        Some('2' | '4' | '5' | '9') => Sound::Vowel,
        _ => Sound::Unknown,
    }
}

/// The particles templates may use, keyed by their form after a consonant:
/// (after a consonant, after a vowel, after ㄹ, when unknown).
const PARTICLES: [(&str, &str, &str, &str); 5] = [
    ("은", "는", "은", "은(는)"),
    ("이", "가", "이", "이(가)"),
    ("을", "를", "을", "을(를)"),
    ("과", "와", "과", "과(와)"),
    ("으로", "로", "로", "(으)로"),
];

/// Whether `key` is a particle templates may write after an argument.
pub fn is_particle(key: &str) -> bool {
    PARTICLES.iter().any(|p| p.0 == key)
}

fn particle(key: &str, sound: Sound) -> &'static str {
    match PARTICLES.iter().find(|p| p.0 == key) {
        Some(&(consonant, vowel, rieul, unknown)) => match sound {
            Sound::Consonant => consonant,
            Sound::Vowel => vowel,
            Sound::Rieul => rieul,
            Sound::Unknown => unknown,
        },
        None => "",
    }
}

/// An argument a template can hold.
pub trait Arg {
    /// Writes the argument in `language`.
    fn write(&self, language: Language, out: &mut String);

    /// The sound the argument ends with, given what [`write`](Arg::write) wrote.
    fn sound(&self, _language: Language, written: &str) -> Sound {
        final_sound(written)
    }
}

impl Arg for String {
    fn write(&self, _: Language, out: &mut String) {
        out.push_str(self);
    }
}

impl Arg for &'static str {
    fn write(&self, _: Language, out: &mut String) {
        out.push_str(self);
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn write(&self, _: Language, out: &mut String) {
                use std::fmt::Write as _;
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64);

impl Arg for Label {
    fn write(&self, language: Language, out: &mut String) {
        match language {
            Language::English => {
                out.push_str(self.name);
                out.push_str(" (");
                out.push_str(self.label);
                out.push(')');
            }
            Language::Korean => {
                out.push_str(self.short_label());
                out.push('(');
                out.push_str(self.name);
                out.push(')');
            }
        }
    }

    fn sound(&self, language: Language, written: &str) -> Sound {
        match language {
            Language::Korean => final_sound(self.short_label()),
            Language::English => final_sound(written),
        }
    }
}

impl Arg for Box<Message> {
    fn write(&self, language: Language, out: &mut String) {
        self.render_into(language, out);
    }
}

impl<T: Arg> Arg for Option<T> {
    fn write(&self, language: Language, out: &mut String) {
        if let Some(value) = self {
            value.write(language, out);
        }
    }

    fn sound(&self, language: Language, written: &str) -> Sound {
        match self {
            Some(value) => value.sound(language, written),
            None => Sound::Unknown,
        }
    }
}

/// Writes `template` with `args` into `out`. A placeholder naming no
/// argument is written as it stands (a test keeps templates and arguments
/// in step); nothing here panics.
pub fn render(language: Language, template: &str, args: &[(&str, &dyn Arg)], out: &mut String) {
    let mut rest = template;
    while let Some(brace) = rest.find(['{', '}']) {
        out.push_str(&rest[..brace]);
        let tail = &rest[brace..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        let close = match tail.strip_prefix('{').and_then(|t| t.find('}')) {
            Some(close) => close + 1,
            None => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
                continue;
            }
        };
        let spec = &tail[1..close];
        let (name, particle_key) = match spec.split_once(':') {
            Some((name, key)) => (name, Some(key)),
            None => (spec, None),
        };
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, arg)) => {
                let start = out.len();
                arg.write(language, out);
                if let Some(key) = particle_key {
                    let sound = arg.sound(language, &out[start..]);
                    out.push_str(particle(key, sound));
                }
            }
            None => out.push_str(&tail[..=close]),
        }
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
}

/// The placeholders of a template: (argument name, particle key if any).
pub fn placeholders(template: &str) -> Vec<(&str, Option<&str>)> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(brace) = rest.find(['{', '}']) {
        let tail = &rest[brace..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            rest = &tail[2..];
            continue;
        }
        match tail.strip_prefix('{').and_then(|t| t.find('}')) {
            Some(close) => {
                let spec = &tail[1..=close];
                found.push(match spec.split_once(':') {
                    Some((name, key)) => (name, Some(key)),
                    None => (spec, None),
                });
                rest = &tail[close + 2..];
            }
            None => rest = &tail[1..],
        }
    }
    found
}

/// Where property tests and the table's own tests draw arguments from, so
/// every kind can be made with arbitrary arguments.
#[doc(hidden)]
pub struct Sampler {
    pub texts: Vec<String>,
    pub numbers: Vec<u64>,
    next: usize,
}

impl Sampler {
    pub fn new(texts: Vec<String>, numbers: Vec<u64>) -> Self {
        Sampler {
            texts,
            numbers,
            next: 0,
        }
    }

    fn step(&mut self) -> usize {
        self.next = self.next.wrapping_add(1);
        self.next
    }

    fn text(&mut self) -> String {
        let i = self.step();
        match self.texts.len() {
            0 => String::new(),
            n => self.texts[i % n].clone(),
        }
    }

    fn number(&mut self) -> u64 {
        let i = self.step();
        match self.numbers.len() {
            0 => 0,
            n => self.numbers[i % n],
        }
    }
}

/// A value of an argument type drawn from a [`Sampler`].
#[doc(hidden)]
pub trait Sample {
    fn sample(sampler: &mut Sampler) -> Self;
}

impl Sample for String {
    fn sample(sampler: &mut Sampler) -> Self {
        sampler.text()
    }
}

impl Sample for &'static str {
    fn sample(sampler: &mut Sampler) -> Self {
        const WORDS: [&str; 5] = ["", "BRN_CHECKSUM", "pComName", "회사명", "U+0041 'A'"];
        WORDS[sampler.step() % WORDS.len()]
    }
}

macro_rules! number_samples {
    ($($t:ty),*) => {$(
        impl Sample for $t {
            fn sample(sampler: &mut Sampler) -> Self {
                sampler.number() as $t
            }
        }
    )*};
}
number_samples!(u8, u16, u32, u64, usize, i32, i64);

impl Sample for Label {
    fn sample(sampler: &mut Sampler) -> Self {
        let fields = crate::form::FIELDS;
        let field = &fields[sampler.step() % fields.len()];
        field.label_arg()
    }
}

impl Sample for Box<Message> {
    fn sample(sampler: &mut Sampler) -> Self {
        Box::new(Message::Host {
            host: sampler.text(),
        })
    }
}

impl<T: Sample> Sample for Option<T> {
    fn sample(sampler: &mut Sampler) -> Self {
        if sampler.step() % 3 == 0 {
            None
        } else {
            Some(T::sample(sampler))
        }
    }
}

macro_rules! message_table {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident { $($arg:ident : $ty:ty),* $(,)? }
            en: $en:literal,
            ko: $ko:literal;
    )*) => {
        /// A message: its kind and arguments. The text is written by
        /// [`render`](Message::render) in the language asked for.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum Message {
            $(
                $(#[doc = $doc])*
                #[doc = concat!("\n\nEnglish: \"", $en, "\"\n\nKorean: \"", $ko, "\"")]
                $variant { $($arg: $ty),* },
            )*
        }

        impl Message {
            /// Every template, in table order.
            pub const TEMPLATES: &'static [Template] = &[
                $(Template {
                    kind: stringify!($variant),
                    args: &[$(stringify!($arg)),*],
                    en: $en,
                    ko: $ko,
                },)*
            ];

            /// The kind's name (the variant), e.g. `"BrnCheckDigit"`.
            pub fn kind(&self) -> &'static str {
                match self {
                    $(Message::$variant { .. } => stringify!($variant),)*
                }
            }

            /// Writes the message in `language` into `out`.
            pub fn render_into(&self, language: Language, out: &mut String) {
                match self {
                    $(Message::$variant { $($arg),* } => {
                        let template = match language {
                            Language::English => $en,
                            Language::Korean => $ko,
                        };
                        render(language, template, &[$((stringify!($arg), $arg as &dyn Arg)),*], out)
                    })*
                }
            }

            /// One message of every kind, with arguments drawn from
            /// `sampler`: for property tests.
            #[doc(hidden)]
            pub fn every_kind(sampler: &mut Sampler) -> Vec<Message> {
                let _ = &sampler;
                vec![$(Message::$variant { $($arg: <$ty as Sample>::sample(sampler)),* },)*]
            }
        }
    };
}

include!("messages_table.rs");

impl Message {
    /// The message written in `language`.
    pub fn render(&self, language: Language) -> String {
        let mut out = String::new();
        self.render_into(language, &mut out);
        out
    }

    /// The template of this message's kind.
    pub fn template(&self) -> &'static Template {
        let kind = self.kind();
        Message::TEMPLATES
            .iter()
            .find(|t| t.kind == kind)
            .unwrap_or(&Message::TEMPLATES[0])
    }
}

impl std::fmt::Display for Message {
    /// The message in the calling thread's language ([`crate::language::current`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(crate::language::current()))
    }
}

#[cfg(test)]
mod tests;
