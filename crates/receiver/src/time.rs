//! Wall-clock times as stored (Unix milliseconds) and shown (RFC 3339, UTC).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Now, in milliseconds since the Unix epoch.
pub(crate) fn now_ms() -> i64 {
    to_ms(SystemTime::now())
}

pub(crate) fn to_ms(time: SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_millis()).unwrap_or(i64::MAX),
    }
}

pub(crate) fn from_ms(ms: i64) -> SystemTime {
    if ms >= 0 {
        UNIX_EPOCH + Duration::from_millis(ms as u64)
    } else {
        UNIX_EPOCH - Duration::from_millis(ms.unsigned_abs())
    }
}

pub(crate) fn duration_ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// `unix_ms` as RFC 3339 in UTC with milliseconds, e.g.
/// `2024-05-01T09:30:00.250Z`.
///
/// ```
/// assert_eq!(smartbill_signup_receiver::rfc3339_utc(0), "1970-01-01T00:00:00.000Z");
/// assert_eq!(smartbill_signup_receiver::rfc3339_utc(1_714_555_800_250), "2024-05-01T09:30:00.250Z");
/// ```
pub fn rfc3339_utc(unix_ms: i64) -> String {
    let secs = unix_ms.div_euclid(1000);
    let millis = unix_ms.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_dates() {
        assert_eq!(rfc3339_utc(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(rfc3339_utc(4_107_542_399_999), "2100-02-28T23:59:59.999Z");
        assert_eq!(rfc3339_utc(-1), "1969-12-31T23:59:59.999Z");
    }

    proptest! {
        /// Consecutive days are consecutive dates, and the milliseconds
        /// survive the SystemTime round trip.
        #[test]
        fn dates_advance_by_one_day(days in -100_000i64..100_000) {
            let (y1, m1, d1) = civil_from_days(days);
            let (y2, m2, d2) = civil_from_days(days + 1);
            let next_is_day_after = (y2, m2, d2) == (y1, m1, d1 + 1)
                || (d2 == 1 && ((m2 == m1 + 1 && y2 == y1) || (m1 == 12 && m2 == 1 && y2 == y1 + 1)));
            prop_assert!(next_is_day_after, "{:?} -> {:?}", (y1, m1, d1), (y2, m2, d2));
            let ms = days * 86_400_000 + 12_345;
            prop_assert_eq!(to_ms(from_ms(ms)), ms);
        }
    }
}
