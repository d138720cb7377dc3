//! `--timeout SECONDS` and friends: a positive number of seconds, decimals
//! allowed (`0.5`), at most an hour.

use smartbill_signup_core::Message;
use std::time::Duration;

const MAX_SECONDS: f64 = 3600.0;

pub fn parse(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text.trim().parse().map_err(|_| {
        Message::CliNotSeconds {
            text: format!("{text:?}"),
        }
        .to_string()
    })?;
    if !seconds.is_finite() || seconds <= 0.0 {
        return Err(Message::CliTimeNotPositive {
            text: format!("{text:?}"),
        }
        .to_string());
    }
    if seconds > MAX_SECONDS {
        return Err(Message::CliTimeTooLong {
            text: format!("{text:?}"),
            max: MAX_SECONDS as u64,
        }
        .to_string());
    }
    // At least a millisecond: the core's timeouts count milliseconds.
    Ok(Duration::from_secs_f64(seconds).max(Duration::from_millis(1)))
}

/// The duration in whole milliseconds, at least 1, as the core takes it.
pub fn millis(duration: Duration) -> u32 {
    duration.as_millis().clamp(1, u32::MAX as u128) as u32
}

/// `5 s`, `0.5 s`.
pub fn show(duration: Duration) -> String {
    let seconds = duration.as_secs_f64();
    if seconds.fract() == 0.0 {
        format!("{seconds:.0} s")
    } else {
        format!("{seconds} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds() {
        assert_eq!(parse("2").unwrap(), Duration::from_secs(2));
        assert_eq!(parse("0.25").unwrap(), Duration::from_millis(250));
        for bad in ["0", "-1", "NaN", "inf", "ten", "3601", ""] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert_eq!(millis(Duration::from_micros(10)), 1);
    }
}
