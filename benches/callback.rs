//! Parsing SmartBill's callback: the guide's sample (goal: at most 2 µs per
//! body), with serde_json's generic `Value` parse of the same body as a
//! yardstick, and the source-address check.

use criterion::{criterion_group, criterion_main, Criterion};
use smartbill_signup_core::callback::{self, source};
use std::hint::black_box;

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

fn parse(c: &mut Criterion) {
    c.bench_function("callback_parse_guide_sample", |b| {
        b.iter(|| callback::parse(black_box(GUIDE_SAMPLE.as_bytes())).unwrap())
    });
    c.bench_function("serde_json_value_guide_sample", |b| {
        b.iter(|| {
            serde_json::from_slice::<serde_json::Value>(black_box(GUIDE_SAMPLE.as_bytes())).unwrap()
        })
    });
    c.bench_function("callback_source_allowed", |b| {
        b.iter(|| {
            source::source_allowed(
                &source::Environment::Production,
                black_box("::ffff:183.111.188.210"),
            )
        })
    });
}

criterion_group!(benches, parse);
criterion_main!(benches);
