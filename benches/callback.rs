//! SmartBill's callback through the C ABI, as a receiver runs it: parse the
//! guide's sample, read the four required keys, free (goal: at most 500 ns
//! in all); serde_json's generic parse of the same body as a yardstick.
//! `cargo bench --bench callback`.

#[path = "clock.rs"]
mod clock;

use clock::Clock;
use criterion::{criterion_group, criterion_main, Criterion};
use smartbill_signup::*;
use std::ffi::c_char;
use std::hint::black_box;
use std::ptr;
use std::time::Duration;

const GUIDE_SAMPLE: &str = r#"{
  "COM_REGNO": "1111111111",
  "AUTH_TOKEN": "cnV0Qnp1VjlrZUJus00teFZCanU3Mkr2buhRe1FTR0hdNVJ5YnZCS0pzdwhpvURBMFQ0R2hkc0FUMVJFe1V6MAo=",
  "USER_PHONE": "",
  "AUTH_CODE": "13F89DFEK99D4474A67EABE8F7258AA5",
  "COM_NAME": "",
  "USER_EMAIL": "",
  "USER_SBID": "test1",
  "COM_ADDRESS": "",
  "USER_NAME": "",
  "regYn": "",
  "COM_PRESIDENT": ""
}"#;

const KEYS: [&str; 4] = ["USER_SBID", "COM_REGNO", "AUTH_CODE", "AUTH_TOKEN"];

fn parse_get_free(body: &str, buf: &mut [u8]) -> usize {
    let mut cb: *mut SmartbillCallback = ptr::null_mut();
    let mut total = 0;
    // SAFETY: valid text and buffers; the handle is freed at the end.
    unsafe {
        let status =
            smartbill_callback_parse(body.as_ptr().cast(), body.len() as isize, 0, &mut cb);
        assert_eq!(status, 0);
        for key in KEYS {
            let mut len = 0usize;
            let key = black_box(key);
            smartbill_callback_get(
                cb,
                key.as_ptr().cast::<c_char>(),
                key.len() as isize,
                0,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut len,
            );
            total += len;
        }
        smartbill_callback_free(cb);
    }
    total
}

fn bench_callback(c: &mut Criterion<Clock>) {
    let mut buf = [0u8; 256];
    c.bench_function(
        "callback: smartbill_callback_parse (guide sample), 4 x smartbill_callback_get, free",
        |b| b.iter(|| parse_get_free(black_box(GUIDE_SAMPLE), &mut buf)),
    );
    c.bench_function("serde_json::Value of the same body (yardstick)", |b| {
        b.iter(|| {
            serde_json::from_slice::<serde_json::Value>(black_box(GUIDE_SAMPLE.as_bytes())).unwrap()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .with_measurement(Clock::from_env())
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = bench_callback
}
criterion_main!(benches);
