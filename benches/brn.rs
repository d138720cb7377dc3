//! Business-number checks: one number, and a batch of 10,000 per number.
//! `cargo bench --bench brn`. Goal: at most 15 ns per number in the batch.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use smartbill_signup_core::{brn, Status};
use std::hint::black_box;

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

fn bench(c: &mut Criterion) {
    let numbers = vendor_numbers(10_000);
    let mut group = c.benchmark_group("brn");
    group.bench_function("check one (validate, with message on error)", |b| {
        b.iter(|| brn::validate(black_box("124-81-00998")).is_ok())
    });
    group.bench_function("check one (status only)", |b| {
        b.iter(|| brn::check_bytes(black_box(b"124-81-00998")))
    });
    let batch = numbers.join("\n");
    group.throughput(Throughput::Elements(numbers.len() as u64));
    group.bench_function("check_batch 10k (per element = time / 10k)", |b| {
        b.iter_batched_ref(
            || vec![Status::Ok; numbers.len()],
            |out| brn::check_batch(black_box(batch.as_bytes()), b'\n', out),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
