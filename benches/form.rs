//! The signup form through the C ABI, as a caller runs it: a form from
//! `smartbill_form_new` through 15 `smartbill_form_set` calls and
//! `smartbill_form_html` to `smartbill_form_free` (goal: at most 1.5 µs in
//! all). `cargo bench --bench form`; criterion reports the median.

#[path = "clock.rs"]
mod clock;

use clock::Clock;
use criterion::{criterion_group, criterion_main, Criterion};
use smartbill_signup::*;
use std::ffi::c_char;
use std::hint::black_box;
use std::ptr;
use std::time::Duration;

/// The guide's sample, with a valid business number and a hostile name.
const FULL: [(&str, &str); 15] = [
    ("pComRegNo", "124-81-00998"),
    ("pComName", "(주)스마트빌 \"테스트\" <회사> & Co"),
    ("pComPresident", "대표자명"),
    ("pComBizStatus", "서비스업"),
    ("pComBizClass", "소프트웨어 개발 및 공급"),
    ("pZipCode", "06236"),
    (
        "pComAddress",
        "서울특별시 강남구 테헤란로 123, 4층 (역삼동)",
    ),
    ("pMIGRATIONFLAG", "TEST11"),
    ("pMemName", "홍길동"),
    ("pMemTel", "02-1111-1111"),
    ("pMemHP", "010-1111-1111"),
    ("pMemFax", "02-2222-2222"),
    ("pMemEmail", "test@test.com"),
    ("pMasterYN", "Y"),
    ("pID", "erp-user-01"),
];

fn text(s: &str) -> (*const c_char, isize) {
    (s.as_ptr().cast(), s.len() as isize)
}

/// new, the option (if any), 15 sets, the page into `page`, free; returns
/// the page's length.
fn whole_form(option: Option<(&str, &str)>, page: &mut [u8]) -> usize {
    let mut form: *mut SmartbillForm = ptr::null_mut();
    let mut len = 0usize;
    // SAFETY: valid text and pointers; the form is freed at the end.
    unsafe {
        let (env, env_len) = text("demo");
        assert_eq!(smartbill_form_new(env, env_len, &mut form), 0);
        if let Some((name, value)) = option {
            let (n, nl) = text(name);
            let (v, vl) = text(value);
            smartbill_form_set_option(form, n, nl, v, vl);
        }
        for (name, value) in FULL {
            let (n, nl) = text(black_box(name));
            let (v, vl) = text(black_box(value));
            smartbill_form_set(form, n, nl, v, vl);
        }
        let status = smartbill_form_html(form, page.as_mut_ptr().cast(), page.len(), &mut len);
        assert_eq!(status, 0);
        smartbill_form_free(form);
    }
    len
}

fn bench_form(c: &mut Criterion<Clock>) {
    let mut page = vec![0u8; 16 * 1024];
    c.bench_function(
        "form: new, 15 x smartbill_form_set, smartbill_form_html (UTF-8), free",
        |b| b.iter(|| whole_form(None, &mut page)),
    );
    c.bench_function(
        "form: new, output_charset=euc-kr, 15 x smartbill_form_set, smartbill_form_html (EUC-KR), free",
        |b| b.iter(|| whole_form(Some(("output_charset", "euc-kr")), &mut page)),
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .with_measurement(Clock::from_env())
        .sample_size(50)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = bench_form
}
criterion_main!(benches);
