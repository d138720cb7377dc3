//! Status codes: every fallible operation ends in one of these.
//!
//! The list lives in `status_table.rs` (shared with `build.rs`, which writes
//! the header's `SMARTBILL_*` constants and the COBOL copybook from it).

macro_rules! status_table {
    ($(($variant:ident, $number:literal, $name:literal, $meaning:literal, $korean:literal)),* $(,)?) => {
        /// A status code with a stable number. `Status::Ok` is 0; every other
        /// value is an error whose C constant is `SMARTBILL_ERR_<name>`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(i32)]
        pub enum Status {
            $(#[doc = $meaning] $variant = $number,)*
        }

        impl Status {
            /// Every status, in table order.
            pub const ALL: &'static [Status] = &[$(Status::$variant,)*];

            /// The name shared by every language, e.g. `"BRN_CHECKSUM"`.
            pub const fn name(self) -> &'static str {
                match self { $(Status::$variant => $name,)* }
            }

            /// The name with a trailing NUL, for the C ABI's static strings.
            pub const fn name_nul(self) -> &'static str {
                match self { $(Status::$variant => concat!($name, "\0"),)* }
            }

            /// One sentence saying what the status means, in English.
            pub const fn meaning(self) -> &'static str {
                match self { $(Status::$variant => $meaning,)* }
            }

            /// One sentence saying what the status means, in `language`:
            /// a description for an ERP's screen. The name stays the same
            /// in every language.
            pub const fn description(self, language: crate::language::Language) -> &'static str {
                match language {
                    crate::language::Language::English => self.meaning(),
                    crate::language::Language::Korean => match self { $(Status::$variant => $korean,)* },
                }
            }

            /// The status with this number, if there is one.
            pub const fn from_code(code: i32) -> Option<Status> {
                match code { $($number => Some(Status::$variant),)* _ => None }
            }

            /// The status with this name (as `name()` spells it), if there is one.
            pub fn from_name(name: &str) -> Option<Status> {
                match name { $($name => Some(Status::$variant),)* _ => None }
            }
        }
    };
}

include!("status_table.rs");

impl Status {
    /// The stable number, as returned through the C ABI.
    pub const fn code(self) -> i32 {
        self as i32
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_names_are_unique_and_round_trip() {
        let mut codes = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for &s in Status::ALL {
            assert!(codes.insert(s.code()), "duplicate number {}", s.code());
            assert!(names.insert(s.name()), "duplicate name {}", s.name());
            assert_eq!(Status::from_code(s.code()), Some(s));
            assert_eq!(Status::from_name(s.name()), Some(s));
        }
        assert_eq!(Status::Ok.code(), 0);
        assert_eq!(Status::from_code(9999), None);
    }

    #[test]
    fn every_status_has_a_description_in_both_languages() {
        use crate::language::Language;
        for &s in Status::ALL {
            let en = s.description(Language::English);
            let ko = s.description(Language::Korean);
            assert_eq!(en, s.meaning());
            assert!(en.ends_with('.') && !en.contains('\n'), "{en}");
            // One line, one sentence in the polite style (a closing
            // parenthesis may follow the verb).
            let mut end = ko.strip_suffix('.').unwrap_or(ko);
            if end.ends_with(')') {
                end = end.rsplit_once('(').map_or(end, |(before, _)| before);
            }
            let polite = end.ends_with("니다") || end.ends_with("십시오");
            assert!(
                polite && ko.ends_with('.') && !ko.contains('\n'),
                "{}: {ko}",
                s.name()
            );
            assert!(ko.chars().any(|c| ('가'..='힣').contains(&c)), "{ko}");
            assert_ne!(en, ko);
        }
    }
}
