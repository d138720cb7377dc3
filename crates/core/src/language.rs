//! The language messages are written in: English or Korean.
//!
//! A process default (English unless [`set_default`] says otherwise) and a
//! per-thread choice ([`set_thread`]) that overrides it for the calling
//! thread only. [`current`] is what a message made on this thread is
//! written in. Status names (`BRN_CHECKSUM`) are the same in every
//! language; only the sentences change.
//!
//! The thread's choice lives in a thread-local that may already be gone
//! while the thread exits (a pthread key destructor, an `atexit` handler):
//! then the process default applies, and setting a choice is ignored.
//! Nothing here panics.

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language messages can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English, the default.
    #[default]
    English,
    /// Korean (한국어), in the plain polite style ERPs use (…입니다, …하십시오).
    Korean,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 2] = [Language::English, Language::Korean];

    /// The code every API takes and gives: `"en"` or `"ko"`.
    pub const fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Korean => "ko",
        }
    }

    /// [`code`](Self::code) with a trailing NUL, for the C ABI's static strings.
    pub const fn code_nul(self) -> &'static str {
        match self {
            Language::English => "en\0",
            Language::Korean => "ko\0",
        }
    }

    /// The language a code or tag names: `en`, `ko`, a tag such as
    /// `ko-KR` or a POSIX locale such as `ko_KR.UTF-8` (the part before
    /// `-`, `_`, `.` or `@` counts), or the words `english`, `korean`,
    /// `한국어`; any case, surrounding whitespace ignored. `None` for
    /// anything else, the empty text included.
    pub fn parse(text: &str) -> Option<Language> {
        let text = crate::text::trim(text);
        let primary = text.split(['-', '_', '.', '@']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") || primary.eq_ignore_ascii_case("english") {
            Some(Language::English)
        } else if primary.eq_ignore_ascii_case("ko")
            || primary.eq_ignore_ascii_case("korean")
            || primary == "한국어"
        {
            Some(Language::Korean)
        } else {
            None
        }
    }

    /// The language for a locale as the environment spells it (`LANG`,
    /// `LC_ALL`, `LC_MESSAGES`, a Windows UI language such as `ko-KR`):
    /// Korean for a Korean locale, English for any other.
    pub fn from_locale(locale: &str) -> Language {
        match Language::parse(locale) {
            Some(Language::Korean) => Language::Korean,
            _ => Language::English,
        }
    }

    const fn to_byte(self) -> u8 {
        match self {
            Language::English => 1,
            Language::Korean => 2,
        }
    }

    const fn from_byte(byte: u8) -> Option<Language> {
        match byte {
            1 => Some(Language::English),
            2 => Some(Language::Korean),
            _ => None,
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The process default; 0 is never stored (English until set).
static DEFAULT: AtomicU8 = AtomicU8::new(1);

thread_local! {
    // 0: this thread follows the process default.
    static THREAD: Cell<u8> = const { Cell::new(0) };
}

/// The language of messages made on the calling thread: its own choice if
/// it made one, else the process default.
#[inline]
pub fn current() -> Language {
    THREAD
        .try_with(Cell::get)
        .ok()
        .and_then(Language::from_byte)
        .unwrap_or_else(default)
}

/// The calling thread's own choice, `None` when it follows the default.
pub fn thread_choice() -> Option<Language> {
    THREAD
        .try_with(Cell::get)
        .ok()
        .and_then(Language::from_byte)
}

/// Sets the calling thread's language; `None` makes it follow the process
/// default again. Other threads are not affected.
pub fn set_thread(language: Option<Language>) {
    let byte = language.map_or(0, Language::to_byte);
    let _ = THREAD.try_with(|slot| slot.set(byte));
}

/// The process default: English unless [`set_default`] changed it.
pub fn default() -> Language {
    Language::from_byte(DEFAULT.load(Ordering::Relaxed)).unwrap_or_default()
}

/// Sets the process default, which every thread without its own choice
/// follows.
pub fn set_default(language: Language) {
    DEFAULT.store(language.to_byte(), Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_tags_and_locales() {
        for (text, want) in [
            ("en", Some(Language::English)),
            ("ko", Some(Language::Korean)),
            (" KO ", Some(Language::Korean)),
            ("ko-KR", Some(Language::Korean)),
            ("ko_KR.UTF-8", Some(Language::Korean)),
            ("ko_KR.eucKR", Some(Language::Korean)),
            ("Korean", Some(Language::Korean)),
            ("한국어", Some(Language::Korean)),
            ("en_US.UTF-8", Some(Language::English)),
            ("english", Some(Language::English)),
            ("", None),
            ("C", None),
            ("kor", None),
            ("fr", None),
        ] {
            assert_eq!(Language::parse(text), want, "{text:?}");
        }
        assert_eq!(Language::from_locale("ko_KR.UTF-8"), Language::Korean);
        assert_eq!(Language::from_locale("C.UTF-8"), Language::English);
        assert_eq!(Language::from_locale("POSIX"), Language::English);
        for l in Language::ALL {
            assert_eq!(Language::parse(l.code()), Some(l));
            assert_eq!(l.code_nul().trim_end_matches('\0'), l.code());
        }
    }

    #[test]
    fn a_thread_choice_overrides_the_default_on_that_thread_only() {
        assert_eq!(thread_choice(), None);
        set_thread(Some(Language::Korean));
        assert_eq!(current(), Language::Korean);
        let other = std::thread::spawn(current).join().unwrap();
        assert_eq!(other, default());
        set_thread(None);
        assert_eq!(thread_choice(), None);
        assert_eq!(current(), default());
    }
}
