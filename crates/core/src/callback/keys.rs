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
        // Upper-case into a small buffer and match: one pass, no allocation.
        const LONGEST: usize = "COM_PRESIDENT".len();
        let bytes = name.as_bytes();
        if bytes.len() > LONGEST {
            return None;
        }
        let mut upper = [0u8; LONGEST];
        for (u, b) in upper.iter_mut().zip(bytes) {
            *u = b.to_ascii_uppercase();
        }
        Some(match &upper[..bytes.len()] {
            b"USER_SBID" | b"SBID" => Key::UserSbid,
            b"USER_NAME" => Key::UserName,
            b"USER_EMAIL" | b"EMAIL" => Key::UserEmail,
            b"USER_PHONE" => Key::UserPhone,
            b"COM_REGNO" => Key::ComRegno,
            b"COM_NAME" => Key::ComName,
            b"COM_PRESIDENT" => Key::ComPresident,
            b"COM_ADDRESS" => Key::ComAddress,
            b"REGYN" => Key::RegYn,
            b"AUTH_CODE" => Key::AuthCode,
            b"AUTH_TOKEN" => Key::AuthToken,
            b"PID" => Key::ErpUserId,
            _ => return None,
        })
    }
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
