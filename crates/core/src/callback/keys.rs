//! The callback's keys: SmartBill's current names, the older guide's names
//! mapped onto them, and case-insensitive matching.

macro_rules! callback_key_table {
    ($(($variant:ident, $name:literal, $old:literal, $required:literal, $secret:literal, $width:literal, $meaning:literal)),* $(,)?) => {
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

            /// Whether the value is a secret: never in messages or `Debug` output.
            pub const fn is_secret(self) -> bool {
                match self { $(Key::$variant => $secret,)* }
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

impl Key {
    /// The keys a callback must carry, in the order they are checked.
    pub const REQUIRED: [Key; 4] = [Key::UserSbid, Key::ComRegno, Key::AuthCode, Key::AuthToken];

    pub(crate) const fn index(self) -> usize {
        self as usize
    }

    /// The key a name stands for, current or older spelling, ignoring ASCII
    /// case: `"user_sbid"`, `"SBID"` and `"sbid"` are all `UserSbid`,
    /// `"regYN"` is `RegYn`. `None` for a name the library does not know.
    pub fn lookup(name: &str) -> Option<Key> {
        // Every spelling is ASCII and at most 16 bytes: the name, upper-cased
        // eight bytes at a time, is compared with each spelling as two words.
        let bytes = name.as_bytes();
        if bytes.len() > 16 || bytes.len() < 3 {
            return None;
        }
        let mut padded = [0u8; 16];
        padded[..bytes.len()].copy_from_slice(bytes);
        let (a, b) = padded.split_at(8);
        let word = |half: &[u8]| {
            let mut w = [0u8; 8];
            w.copy_from_slice(half);
            ascii_upper(u64::from_le_bytes(w))
        };
        let folded = (word(a)?, word(b)?);
        SPELLINGS
            .iter()
            .find(|(spelling, _)| *spelling == folded)
            .map(|&(_, key)| key)
    }
}

/// Every spelling a key may have (current and older names), upper-cased
/// and zero-padded to two little-endian words, as [`Key::lookup`] compares
/// them; built from the key table.
static SPELLINGS: std::sync::LazyLock<Vec<((u64, u64), Key)>> = std::sync::LazyLock::new(|| {
    Key::ALL
        .into_iter()
        .flat_map(|key| {
            [Some(key.name()), key.old_name()]
                .into_iter()
                .flatten()
                .map(move |n| (n, key))
        })
        .filter_map(|(name, key)| {
            let mut padded = [0u8; 16];
            padded
                .get_mut(..name.len())?
                .copy_from_slice(name.as_bytes());
            let upper = padded.map(|b| b.to_ascii_uppercase());
            let (a, b) = upper.split_at(8);
            let word = |half: &[u8]| {
                let mut w = [0u8; 8];
                w.copy_from_slice(half);
                u64::from_le_bytes(w)
            };
            Some(((word(a), word(b)), key))
        })
        .collect()
});

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
}
