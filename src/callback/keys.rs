//! The callback's keys: SmartBill's current names, the older guide's names
//! mapped onto them, and case-insensitive matching.

/// A key the library knows. Any other key in a body is kept by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    /// `USER_SBID` (older guide: `SBID`): the SmartBill ID. Required.
    UserSbid,
    /// `USER_NAME`: the contact person's name.
    UserName,
    /// `USER_EMAIL` (older guide: `Email`).
    UserEmail,
    /// `USER_PHONE`: the contact's mobile number.
    UserPhone,
    /// `COM_REGNO`: the business number. Required.
    ComRegno,
    /// `COM_NAME`: the company name.
    ComName,
    /// `COM_PRESIDENT`: the representative's name.
    ComPresident,
    /// `COM_ADDRESS`: the company address.
    ComAddress,
    /// `regYn` (the guide's table writes `regYN`): whether the user is the
    /// company's administrator.
    RegYn,
    /// `AUTH_CODE`: the Open API auth code. Required; secret.
    AuthCode,
    /// `AUTH_TOKEN`: the Open API auth token. Required; secret.
    AuthToken,
    /// `pID` (older guide only): the ERP's own user ID.
    ErpUserId,
}

impl Key {
    pub(crate) const COUNT: usize = 12;

    /// Every key, in the order of the guide's table (`pID` last).
    pub const ALL: [Key; Key::COUNT] = [
        Key::UserSbid,
        Key::UserName,
        Key::UserEmail,
        Key::UserPhone,
        Key::ComRegno,
        Key::ComName,
        Key::ComPresident,
        Key::ComAddress,
        Key::RegYn,
        Key::AuthCode,
        Key::AuthToken,
        Key::ErpUserId,
    ];

    /// The keys a callback must carry, in the order they are checked.
    pub const REQUIRED: [Key; 4] = [Key::UserSbid, Key::ComRegno, Key::AuthCode, Key::AuthToken];

    /// The canonical name, as the current guide spells it (`"regYn"`, and
    /// `"pID"` for the ERP user ID).
    pub const fn name(self) -> &'static str {
        match self {
            Key::UserSbid => "USER_SBID",
            Key::UserName => "USER_NAME",
            Key::UserEmail => "USER_EMAIL",
            Key::UserPhone => "USER_PHONE",
            Key::ComRegno => "COM_REGNO",
            Key::ComName => "COM_NAME",
            Key::ComPresident => "COM_PRESIDENT",
            Key::ComAddress => "COM_ADDRESS",
            Key::RegYn => "regYn",
            Key::AuthCode => "AUTH_CODE",
            Key::AuthToken => "AUTH_TOKEN",
            Key::ErpUserId => "pID",
        }
    }

    /// The older guide's name for this key, when it had another one.
    pub const fn old_name(self) -> Option<&'static str> {
        match self {
            Key::UserSbid => Some("SBID"),
            Key::UserEmail => Some("Email"),
            _ => None,
        }
    }

    /// Whether the value is a secret: never in messages or `Debug` output.
    pub const fn is_secret(self) -> bool {
        matches!(self, Key::AuthCode | Key::AuthToken)
    }

    pub const fn is_required(self) -> bool {
        matches!(
            self,
            Key::UserSbid | Key::ComRegno | Key::AuthCode | Key::AuthToken
        )
    }

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
