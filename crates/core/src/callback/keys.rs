//! The callback's keys: SmartBill's current names, the older guide's names
//! mapped onto them, and case-insensitive matching.

macro_rules! callback_key_table {
    ($(($variant:ident, $name:literal, $old:literal, $required:literal, $sensitivity:ident, $width:literal, $meaning:literal)),* $(,)?) => {
        /// A key the library knows. Any other key in a body is kept by name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $(#[doc = concat!("`", $name, "`: ", $meaning, ".")] $variant,)*
        }

        impl Key {
            pub(crate) const COUNT: usize = [$($name,)*].len();

            /// Every key, in the order of the guide's table (`pID` last).
            pub const ALL: [Key; Key::COUNT] = [$(Key::$variant,)*];

            /// The canonical name, as the current guide spells it (`"regYn"`,
            /// and `"pID"` for the ERP user ID).
            pub const fn name(self) -> &'static str {
                match self { $(Key::$variant => $name,)* }
            }

            /// The older guide's name for this key, when it had another one.
            pub const fn old_name(self) -> Option<&'static str> {
                match self { $(Key::$variant => if $old.is_empty() { None } else { Some($old) },)* }
            }

            /// How the value may be shown where people read it.
            pub const fn sensitivity(self) -> Sensitivity {
                match self { $(Key::$variant => Sensitivity::$sensitivity,)* }
            }

            /// Whether a callback must carry the key.
            pub const fn is_required(self) -> bool {
                match self { $(Key::$variant => $required,)* }
            }

            /// The width of the key's fixed-length field in the COBOL
            /// copybook's callback record, in CP949 bytes.
            pub const fn fixed_width(self) -> usize {
                match self { $(Key::$variant => $width,)* }
            }
        }
    };
}

include!("keys_table.rs");

/// How a callback value may be shown where people read it: `Debug`, every
/// wrapper's default string form (through `smartbill_callback_key_flags`),
/// error messages, logs. One decision, in `keys_table.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sensitivity {
    /// Shown: what identifies a signup (`USER_SBID`, `COM_REGNO`,
    /// `COM_NAME`, `regYn`, `pID`).
    Public,
    /// Personal data (a person's name, e-mail, phone, the address), and
    /// every key the library does not know: never shown.
    Personal,
    /// A credential (`AUTH_CODE`, `AUTH_TOKEN`): never shown, never in a
    /// message.
    Secret,
}

impl Sensitivity {
    /// Whether the value must be hidden (`<redacted, N chars>`).
    pub const fn is_hidden(self) -> bool {
        !matches!(self, Sensitivity::Public)
    }

    /// The sensitivity of any key name, as [`Key::lookup`] matches it
    /// (surrounding whitespace ignored): a known key's own, `Personal` for
    /// a key the library does not know, which may hold anything.
    pub fn of_name(name: &str) -> Sensitivity {
        Key::lookup(name.trim()).map_or(Sensitivity::Personal, Key::sensitivity)
    }
}

impl Key {
    /// Whether the value is a secret: never in messages or `Debug` output.
    pub const fn is_secret(self) -> bool {
        matches!(self.sensitivity(), Sensitivity::Secret)
    }

    /// Whether the value is personal data: never in `Debug` output or a
    /// default string form.
    pub const fn is_personal(self) -> bool {
        matches!(self.sensitivity(), Sensitivity::Personal)
    }

    /// The keys a callback must carry, in the order they are checked.
    pub const REQUIRED: [Key; 4] = [Key::UserSbid, Key::ComRegno, Key::AuthCode, Key::AuthToken];

    pub(crate) const fn index(self) -> usize {
        self as usize
    }

    /// The key a name stands for, current or older spelling, ignoring ASCII
    /// case: `"user_sbid"`, `"SBID"` and `"sbid"` are all `UserSbid`,
    /// `"regYN"` is `RegYn`. `None` for a name the library does not know.
    pub fn lookup(name: &str) -> Option<Key> {
        Key::lookup_bytes(name.as_bytes())
    }

    /// [`lookup`](Key::lookup) for a name given as bytes in any encoding
    /// (every spelling is ASCII).
    pub fn lookup_bytes(bytes: &[u8]) -> Option<Key> {
        let n = bytes.len();
        if !(8..=16).contains(&n) {
            return SHORT
                .iter()
                .find(|(spelling, _)| spelling.as_bytes().eq_ignore_ascii_case(bytes))
                .map(|&(_, key)| key);
        }
        // A name of 8 to 16 bytes is its first eight and its last eight
        // (overlapping when shorter than 16): two loads, upper-cased eight
        // bytes at a time, compared with each spelling's.
        let word = |start: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&bytes[start..start + 8]);
            ascii_upper(u64::from_le_bytes(w))
        };
        let (first, last) = (word(0)?, word(n - 8)?);
        LONG.iter()
            .find(|s| s.len == n && s.first == first && s.last == last)
            .map(|s| s.key)
    }
}

/// The spellings shorter than eight bytes.
const SHORT: [(&str, Key); 4] = [
    ("PID", Key::ErpUserId),
    ("SBID", Key::UserSbid),
    ("EMAIL", Key::UserEmail),
    ("REGYN", Key::RegYn),
];

/// A spelling of 8 to 16 bytes as [`Key::lookup`] compares it.
struct Long {
    len: usize,
    first: u64,
    last: u64,
    key: Key,
}

const fn long(name: &str, key: Key) -> Long {
    let b = name.as_bytes();
    Long {
        len: b.len(),
        first: upper_word(b, 0),
        last: upper_word(b, b.len() - 8),
        key,
    }
}

/// Eight bytes from `start`, upper-cased, as a little-endian word.
const fn upper_word(b: &[u8], start: usize) -> u64 {
    let mut word = 0;
    let mut i = 0;
    while i < 8 {
        word |= (b[start + i].to_ascii_uppercase() as u64) << (8 * i);
        i += 1;
    }
    word
}

/// The spellings of 8 to 16 bytes (a test checks that `SHORT` and `LONG`
/// hold exactly the key table's names and older names).
const LONG: [Long; 10] = [
    long("USER_SBID", Key::UserSbid),
    long("COM_REGNO", Key::ComRegno),
    long("AUTH_CODE", Key::AuthCode),
    long("AUTH_TOKEN", Key::AuthToken),
    long("USER_NAME", Key::UserName),
    long("USER_EMAIL", Key::UserEmail),
    long("USER_PHONE", Key::UserPhone),
    long("COM_NAME", Key::ComName),
    long("COM_PRESIDENT", Key::ComPresident),
    long("COM_ADDRESS", Key::ComAddress),
];

/// Eight bytes upper-cased (ASCII letters only), or `None` when a byte is
/// not ASCII (no key has one).
#[inline]
fn ascii_upper(word: u64) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    if word & HIGHS != 0 {
        return None;
    }
    // With seven-bit bytes, adding (0x80 - c) sets a byte's high bit
    // exactly when the byte is at least c; no carry crosses bytes.
    let at_least_a = word + ONES * (0x80 - u64::from(b'a'));
    let above_z = word + ONES * (0x80 - u64::from(b'z') - 1);
    let lower = at_least_a & !above_z & HIGHS;
    Some(word - (lower >> 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_any_case() {
        for k in Key::ALL {
            assert_eq!(Key::lookup(k.name()), Some(k));
            assert_eq!(Key::lookup(&k.name().to_ascii_lowercase()), Some(k));
            assert_eq!(Key::lookup(&k.name().to_ascii_uppercase()), Some(k));
            assert_eq!(Key::ALL[k.index()], k);
        }
    }

    #[test]
    fn every_older_name_is_looked_up() {
        for k in Key::ALL {
            if let Some(old) = k.old_name() {
                assert_eq!(Key::lookup(old), Some(k));
                assert_eq!(Key::lookup(&old.to_ascii_uppercase()), Some(k));
            }
        }
    }

    #[test]
    fn upper_casing_eight_bytes_at_once_is_ascii_upper_casing() {
        for b in 0u8..0x80 {
            let word = u64::from_le_bytes([b, b'a', b'z', b'A', b'Z', b'_', b'`', b'{']);
            let expected = u64::from_le_bytes([
                b.to_ascii_uppercase(),
                b'A',
                b'Z',
                b'A',
                b'Z',
                b'_',
                b'`',
                b'{',
            ]);
            assert_eq!(ascii_upper(word), Some(expected), "{b:#x}");
        }
        assert_eq!(
            ascii_upper(u64::from_le_bytes([b'a', 0x80, 0, 0, 0, 0, 0, 0])),
            None
        );
    }

    #[test]
    fn the_spellings_are_the_key_tables() {
        let mut table: Vec<(String, Key)> = Key::ALL
            .into_iter()
            .flat_map(|k| {
                [Some(k.name()), k.old_name()]
                    .into_iter()
                    .flatten()
                    .map(move |n| (n.to_ascii_uppercase(), k))
            })
            .collect();
        let mut ours: Vec<(String, Key)> = SHORT
            .iter()
            .map(|&(n, k)| (n.to_string(), k))
            .chain(LONG.iter().map(|l| {
                let bytes: Vec<u8> = (0..l.len)
                    .map(|i| {
                        if i < 8 {
                            (l.first >> (8 * i)) as u8
                        } else {
                            (l.last >> (8 * (i + 8 - l.len))) as u8
                        }
                    })
                    .collect();
                (String::from_utf8(bytes).unwrap(), l.key)
            }))
            .collect();
        table.sort_by(|a, b| a.0.cmp(&b.0));
        ours.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(ours, table);
        assert!(SHORT.iter().all(|(n, _)| n.len() < 8));
    }

    #[test]
    fn lookup_agrees_with_plain_case_folding_on_every_one_byte_change() {
        let reference = |name: &str| {
            Key::ALL.into_iter().find(|k| {
                k.name().eq_ignore_ascii_case(name)
                    || k.old_name().is_some_and(|o| o.eq_ignore_ascii_case(name))
            })
        };
        for key in Key::ALL {
            for spelling in [Some(key.name()), key.old_name()].into_iter().flatten() {
                for at in 0..spelling.len() {
                    for b in 0u8..0x80 {
                        let mut bytes = spelling.as_bytes().to_vec();
                        bytes[at] = b;
                        let name = String::from_utf8(bytes.clone()).unwrap();
                        assert_eq!(Key::lookup(&name), reference(&name), "{name:?}");
                        bytes.insert(at, b);
                        let longer = String::from_utf8(bytes).unwrap();
                        assert_eq!(Key::lookup(&longer), reference(&longer), "{longer:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn only_exact_spellings_match() {
        for name in [
            "USER_SBID\u{7f}",
            "USER\u{7f}SBID",
            "USER`SBID",
            "user_sbi",
            "AUTH_CODE_",
            "",
            "ID",
            "P\u{130}D",
        ] {
            assert_eq!(Key::lookup(name), None, "{name:?}");
        }
    }

    #[test]
    fn older_names_map_to_current_ones() {
        assert_eq!(Key::lookup("SBID"), Some(Key::UserSbid));
        assert_eq!(Key::lookup("Email"), Some(Key::UserEmail));
        assert_eq!(Key::lookup("regYN"), Some(Key::RegYn));
        assert_eq!(Key::lookup("pID"), Some(Key::ErpUserId));
        assert_eq!(Key::lookup("USER_SBID "), None);
        assert_eq!(Key::lookup("EXTRA"), None);
    }

    #[test]
    fn required_and_secret() {
        let required: Vec<Key> = Key::ALL.into_iter().filter(|k| k.is_required()).collect();
        assert_eq!(required, Key::REQUIRED);
        let secret: Vec<Key> = Key::ALL.into_iter().filter(|k| k.is_secret()).collect();
        assert_eq!(secret, [Key::AuthCode, Key::AuthToken]);
    }

    #[test]
    fn personal_keys_are_the_people_and_the_address() {
        let personal: Vec<Key> = Key::ALL.into_iter().filter(|k| k.is_personal()).collect();
        assert_eq!(
            personal,
            [
                Key::UserName,
                Key::UserEmail,
                Key::UserPhone,
                Key::ComPresident,
                Key::ComAddress
            ]
        );
        for k in Key::ALL {
            assert!(!(k.is_secret() && k.is_personal()), "{k:?}");
            assert_eq!(
                k.sensitivity().is_hidden(),
                k.is_secret() || k.is_personal()
            );
        }
    }

    #[test]
    fn every_spelling_has_its_key_sensitivity_and_unknown_keys_are_personal() {
        assert_eq!(Sensitivity::of_name("Email"), Sensitivity::Personal);
        assert_eq!(Sensitivity::of_name(" auth_token "), Sensitivity::Secret);
        assert_eq!(Sensitivity::of_name("SBID"), Sensitivity::Public);
        assert_eq!(Sensitivity::of_name("ERP_MEMO"), Sensitivity::Personal);
        assert_eq!(Sensitivity::of_name(""), Sensitivity::Personal);
    }
}
