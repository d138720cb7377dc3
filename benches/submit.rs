//! One server-side submit to the local stand-in, against `curl` posting the
//! same body, alternating in one run; medians. `cargo bench --bench submit`
//! (needs `cargo build --release -p smartbill-signup-cli`, whose `standin`
//! command is the stand-in, and curl).

use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::form::SignupForm;
use smartbill_signup_core::http::{self, Options, ProxyMode};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const ROUNDS: usize = 200;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    // Cargo's directory of final artifacts: CARGO_TARGET_DIR when set, else target/.
    let exe = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(std::env::var_os("CARGO_TARGET_DIR").unwrap_or_else(|| "target".into()))
        .join("release/smartbill-signup");
    let mut standin = Command::new(exe)
        .args(["standin", "--max-requests", "100000", "--idle-exit", "60"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("cargo build --release -p smartbill-signup-cli first");
    let mut banner = String::new();
    BufReader::new(standin.stdout.take().unwrap())
        .read_line(&mut banner)
        .unwrap();
    let base = banner
        .trim()
        .trim_start_matches("listening on ")
        .to_string();

    let mut form = SignupForm::new(Environment::parse(&base).unwrap());
    for (name, value) in [
        ("pComRegNo", "124-81-00998"),
        ("pMIGRATIONFLAG", "TEST11"),
        ("pComName", "(주)스마트 상사"),
        ("pComAddress", "서울특별시 강남구 테헤란로 521"),
        ("pMemEmail", "tax@example.co.kr"),
    ] {
        form.set(name, value).unwrap();
    }
    let body = form.urlencoded().unwrap();
    let action = form.environment().action_url();
    let mut options = Options::with_timeout_ms(5_000).unwrap();
    options.proxy = ProxyMode::Off;
    http::submit(&form, &options).unwrap(); // warm the client

    let (mut library, mut curl_process, mut curl_reported) = (vec![], vec![], vec![]);
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let response = http::submit(&form, &options).unwrap();
        library.push(started.elapsed());
        assert_eq!(response.status, 200);

        let started = Instant::now();
        let out = Command::new("curl")
            .args([
                "-s",
                "-o",
                "/dev/null",
                "--noproxy",
                "*",
                "-w",
                "%{http_code} %{time_total}",
            ])
            .args([
                "-H",
                "Content-Type: application/x-www-form-urlencoded; charset=utf-8",
            ])
            .args(["--data-binary", &body, &action])
            .output()
            .expect("curl");
        curl_process.push(started.elapsed());
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let (code, seconds) = text.split_once(' ').unwrap();
        assert_eq!(code, "200");
        curl_reported.push(Duration::from_secs_f64(seconds.parse().unwrap()));
    }
    let _ = standin.kill();
    let _ = standin.wait();
    println!("submit to the stand-in, {ROUNDS} rounds alternating, medians:");
    println!(
        "  smartbill_signup http::submit   {:>9.3} ms",
        median(library).as_secs_f64() * 1e3
    );
    println!(
        "  curl, whole process             {:>9.3} ms",
        median(curl_process).as_secs_f64() * 1e3
    );
    println!(
        "  curl, its own time_total        {:>9.3} ms",
        median(curl_reported).as_secs_f64() * 1e3
    );
}
