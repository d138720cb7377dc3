//! Building the signup page with all 15 parameters (goal: at most 5 µs per
//! page). `cargo bench --bench form`; criterion reports the median.

use criterion::{criterion_group, criterion_main, Criterion};
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::form::SignupForm;
use std::hint::black_box;

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

fn full_form(page_charset: &str) -> SignupForm {
    let mut form = SignupForm::new(Environment::Demo);
    form.set_option("output_charset", page_charset).unwrap();
    for (name, value) in FULL {
        form.set(name, value).unwrap();
    }
    form
}

fn bench_form(c: &mut Criterion) {
    let utf8 = full_form("utf-8");
    let euc_kr = full_form("euc-kr");
    c.bench_function("form/html_15_fields_utf8", |b| {
        b.iter(|| black_box(&utf8).html().unwrap())
    });
    c.bench_function("form/html_15_fields_euc_kr", |b| {
        b.iter(|| black_box(&euc_kr).html().unwrap())
    });
    c.bench_function("form/urlencoded_15_fields", |b| {
        b.iter(|| black_box(&utf8).urlencoded().unwrap())
    });
    c.bench_function("form/set_15_fields_and_html", |b| {
        b.iter(|| full_form(black_box("utf-8")).html().unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(std::time::Duration::from_secs(3));
    targets = bench_form
}
criterion_main!(benches);
