//! A real browser posts our page: headless Chromium opens a generated page
//! whose values hold Korean, quotes and markup, its auto-submit posts to the
//! local stand-in, and the stand-in must have received every value exactly,
//! for the UTF-8 page and for the EUC-KR page.
//!
//! Needs Chromium (`chromium` or `chromium-browser` on PATH, or
//! `SMARTBILL_CHROMIUM`). `scripts/test.sh` installs it and sets
//! `SMARTBILL_REQUIRE_BROWSER=1`, which turns a missing browser into a failure;
//! elsewhere the test says it was skipped.

mod common;
use common::standin::{received_fields, sent_fields, StandIn};
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::form::SignupForm;
use std::path::PathBuf;
use std::process::Command;

const VALUES: &[(&str, &str)] = &[
    ("pComRegNo", "1248100998"),
    (
        "pComName",
        "(주)스마트 \"Q\" & <b>'x'</b> </form><script>alert(1)</script>",
    ),
    ("pComPresident", "홍길동 &amp; &#39;"),
    ("pComAddress", "서울시 뷁구 \"><input name=pID value=evil>"),
    ("pMIGRATIONFLAG", "TEST11"),
    ("pMemName", "김 <!-- 주석 -->"),
    ("pMemEmail", "test@test.com"),
    ("pID", "사용자ID+%20&x=y"),
];

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("SMARTBILL_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH")?
                .to_str()?
                .split(':')
                .map(|dir| PathBuf::from(dir).join(name))
                .find(|p| p.is_file())
        })
}

/// Opens `page` in headless Chromium and lets its script run for a while.
fn open_in_browser(browser: &PathBuf, page: &std::path::Path) {
    let profile = tempdir("chromium-profile");
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--virtual-time-budget=8000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_dir_all(profile);
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smartbill-e2e-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn chromium_posts_every_value_exactly() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var("SMARTBILL_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "Chromium is required (SMARTBILL_REQUIRE_BROWSER=1) but was not found"
        );
        eprintln!("skipped: no Chromium on PATH");
        return;
    };
    let standin = StandIn::start(&[]);
    let dir = tempdir("pages");
    for (charset, expected_charset) in [("utf-8", "UTF-8"), ("euc-kr", "EUC-KR")] {
        let mut form = SignupForm::new(Environment::parse(&standin.base).unwrap());
        for (name, value) in VALUES {
            form.set(name, value).unwrap();
        }
        form.set_option("target", "_self").unwrap();
        form.set_option("output_charset", charset).unwrap();
        let page = dir.join(format!("signup-{charset}.html"));
        std::fs::write(&page, form.html().unwrap()).unwrap();
        let before = standin.requests().len();
        open_in_browser(&browser, &page);
        let requests = standin.requests();
        assert_eq!(
            requests.len(),
            before + 1,
            "the browser posted once ({charset})"
        );
        let got = &requests[before];
        assert_eq!(got["charset"], expected_charset, "{got}");
        let fields = received_fields(got);
        // Exactly the set values, in the guide's order.
        let expected = sent_fields(&form);
        assert_eq!(fields, expected, "{charset} page");
        for (name, value) in VALUES {
            assert!(
                fields.iter().any(|(k, v)| k == name && v == value),
                "{name} arrived intact ({charset})"
            );
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}
