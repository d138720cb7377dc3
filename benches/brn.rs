//! Business-number checks through the C ABI, as callers run them: one
//! number (valid and invalid), and a batch of 10,000 per number, through
//! `smartbill_brn_check_many` and `smartbill_brn_check_array`.
//! `cargo bench --bench brn`. Goals: at most 40 ns per call even for an
//! invalid number; at most 8 ns per number in a batch.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use smartbill_signup::*;
use smartbill_signup_core::brn;
use std::ffi::c_char;
use std::hint::black_box;
use std::time::Duration;

/// A deterministic mix of valid and invalid numbers, as in a vendor master:
/// dashed and plain, roughly one in ten failing its check digit.
fn vendor_numbers(n: usize) -> Vec<String> {
    let mut state: u64 = 0x5EED;
    (0..n)
        .map(|i| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let office = 101 + (state >> 33) % 899;
            let kind = 1 + (state >> 20) % 99;
            let serial = 1 + (state >> 7) % 9999;
            let prefix = format!("{office:03}{kind:02}{serial:04}");
            let digits: Vec<u8> = prefix.bytes().map(|b| b - b'0').collect();
            let mut d = brn::check_digit(&digits.try_into().unwrap());
            if i % 10 == 0 {
                d = (d + 1) % 10;
            }
            let n = format!("{prefix}{d}");
            if i % 2 == 0 {
                format!("{}-{}-{}", &n[..3], &n[3..5], &n[5..])
            } else {
                n
            }
        })
        .collect()
}

fn text(s: &str) -> (*const c_char, isize) {
    (s.as_ptr().cast(), s.len() as isize)
}

fn single(c: &mut Criterion) {
    let mut group = c.benchmark_group("brn");
    group
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500));
    for (label, number) in [
        ("valid", "124-81-00998"),
        ("invalid (checksum)", "124-81-00997"),
        ("invalid (format)", "124_81_00998"),
    ] {
        group.bench_function(format!("smartbill_brn_check {label}"), |b| {
            b.iter(|| {
                let (ptr, len) = text(black_box(number));
                // SAFETY: a valid pointer and length.
                unsafe { smartbill_brn_check(ptr, len) }
            })
        });
    }
    group.finish();
}

fn batch(c: &mut Criterion) {
    let numbers = vendor_numbers(10_000);
    let mut statuses = vec![0i32; numbers.len()];
    let mut group = c.benchmark_group("brn batch 10k");
    group
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_millis(500))
        .sample_size(50)
        .throughput(Throughput::Elements(numbers.len() as u64));

    let joined = numbers.join("\n");
    group.bench_function("smartbill_brn_check_many (per number = time / 10k)", |b| {
        b.iter(|| {
            let mut count = 0usize;
            let (ptr, len) = text(black_box(&joined));
            // SAFETY: valid pointers; `statuses` holds one slot per number.
            unsafe {
                smartbill_brn_check_many(
                    ptr,
                    len,
                    b'\n',
                    statuses.as_mut_ptr(),
                    statuses.len(),
                    &mut count,
                )
            }
        })
    });
    group.finish();
}

criterion_group!(benches, single, batch);
criterion_main!(benches);
