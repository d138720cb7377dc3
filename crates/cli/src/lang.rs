//! The language of everything this tool prints (`--lang ko|en`): the
//! flag, else the environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, in
//! POSIX order), else on Windows the user's UI language; English otherwise.
//! It becomes the process default of the core's messages, so the library's
//! errors and this tool's own sentences (from the same message table) come
//! out in one language. `--help` and clap's usage errors stay English.

use smartbill_signup_core::language::{self, Language};
use std::ffi::OsString;

/// The language `--lang` names among `args` (`--lang ko`, `--lang=ko`),
/// else the environment's. Read before clap parses the command line, so
/// that its value checks (`--timeout`) already speak the language; clap
/// checks the flag's value itself afterwards.
pub fn choose(args: &[OsString]) -> Language {
    flag(args).unwrap_or_else(|| from_environment(|name| std::env::var(name).ok()))
}

/// Makes `language` the language of every message the process writes.
pub fn apply(language: Language) {
    language::set_default(language);
}

fn flag(args: &[OsString]) -> Option<Language> {
    let mut found = None;
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        let arg = arg.to_string_lossy();
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            found = iter
                .next()
                .and_then(|v| Language::parse(&v.to_string_lossy()));
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            found = Language::parse(value);
        }
    }
    found
}

/// The locale variables in POSIX order: the first one set and not empty
/// decides. None set: the Windows UI language where there is one.
pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = var(name).filter(|v| !v.trim().is_empty()) {
            return Language::from_locale(&value);
        }
    }
    system_language()
}

#[cfg(windows)]
fn system_language() -> Language {
    // kernel32, present on every Windows: the user's UI language as a LANGID,
    // whose low 10 bits are the primary language (0x12: Korean).
    #[link(name = "kernel32")]
    extern "system" {
        fn GetUserDefaultUILanguage() -> u16;
    }
    // SAFETY: no arguments, no pointers; it only reads the user's setting.
    let id = unsafe { GetUserDefaultUILanguage() };
    if id & 0x3ff == 0x12 {
        Language::Korean
    } else {
        Language::English
    }
}

#[cfg(not(windows))]
fn system_language() -> Language {
    Language::English
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_flag_wins_and_the_last_one_counts() {
        assert_eq!(
            flag(&args(&["x", "--lang", "ko", "brn"])),
            Some(Language::Korean)
        );
        assert_eq!(
            flag(&args(&["x", "brn", "--lang=en"])),
            Some(Language::English)
        );
        assert_eq!(
            flag(&args(&["x", "--lang=ko", "--lang", "en"])),
            Some(Language::English)
        );
        assert_eq!(flag(&args(&["x", "--", "--lang", "ko"])), None);
        assert_eq!(flag(&args(&["x", "--lang", "fr"])), None);
        assert_eq!(flag(&args(&["x", "--lang"])), None);
    }

    #[test]
    fn locale_variables_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            from_environment(env(&[("LANG", "ko_KR.UTF-8")])),
            Language::Korean
        );
        assert_eq!(
            from_environment(env(&[("LANG", "ko_KR.eucKR")])),
            Language::Korean
        );
        assert_eq!(
            from_environment(env(&[("LC_ALL", "C"), ("LANG", "ko_KR.UTF-8")])),
            Language::English
        );
        assert_eq!(
            from_environment(env(&[
                ("LC_MESSAGES", "ko_KR.UTF-8"),
                ("LANG", "en_US.UTF-8")
            ])),
            Language::Korean
        );
        assert_eq!(
            from_environment(env(&[("LC_ALL", ""), ("LANG", "ko_KR.UTF-8")])),
            Language::Korean
        );
        assert_eq!(
            from_environment(env(&[("LANG", "en_US.UTF-8")])),
            Language::English
        );
    }
}
