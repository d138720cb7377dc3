//! The whole simple-signup flow, offline, against the local SmartBill
//! stand-in: check business numbers, write the popup page, probe the path,
//! submit the form, receive SmartBill's callback at our own endpoint, check
//! who sent it, parse it and store it.
//!
//! `cargo build --release -p smartbill-signup-cli` (the stand-in is its
//! `standin` command), then `cargo run --release --example quickstart`.
//! Files go to `target/quickstart/`.

#[path = "../callback_endpoint/handler.rs"]
mod handler;
#[path = "../support/tiny_http.rs"]
mod tiny_http;

use smartbill_signup_core::callback::source::SourceAllowList;
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::form::SignupForm;
use smartbill_signup_core::{brn, callback, http};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const COMPANY: &[(&str, &str)] = &[
    ("pComRegNo", "124-81-00998"),
    ("pMIGRATIONFLAG", "TEST11"),
    ("pComName", "(주)스마트 상사 \"본점\""),
    ("pComPresident", "홍길동"),
    ("pComBizStatus", "도소매"),
    ("pComBizClass", "전자상거래"),
    ("pZipCode", "06164"),
    ("pComAddress", "서울특별시 강남구 테헤란로 521"),
    ("pMemName", "김담당"),
    ("pMemTel", "02-1111-1111"),
    ("pMemHP", "010-1111-1111"),
    ("pMemEmail", "tax@example.co.kr"),
    ("pMasterYN", "Y"),
    ("pID", "erp-user-01"),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/quickstart");
    std::fs::create_dir_all(&out_dir)?;

    println!("== 1. Business numbers (사업자등록번호)");
    for number in ["124-81-00998", "116 82 00276", "123-45-67890", "0000000000"] {
        match brn::validate(number) {
            Ok(n) => println!("  {number:<14} OK   {} {}", n.formatted(), n.kind().name()),
            Err(e) => println!("  {number:<14} {}  {}", e.status(), e.message()),
        }
    }

    println!("\n== 2. Our callback endpoint, and the SmartBill stand-in that will call it");
    let endpoint = TcpListener::bind("127.0.0.1:0")?;
    let callback_url = format!("http://{}/smartbill/callback", endpoint.local_addr()?);
    let (mut standin, base) = start_standin(&callback_url)?;
    println!("  endpoint  {callback_url}\n  stand-in  {base}");
    let store = out_dir.join("callbacks.tsv");
    let _ = std::fs::remove_file(&store);
    let environment = Environment::parse(&base)?;
    let mut allow = SourceAllowList::new(&environment);
    // A stand-in has no fixed SmartBill address: allow loopback explicitly.
    allow.add_list("127.0.0.1")?;
    let endpoint_thread = {
        let store = store.clone();
        std::thread::spawn(move || serve_one_callback(endpoint, &allow, &store))
    };

    println!("\n== 3. The popup page");
    let demo_page = out_dir.join("signup-demo.html");
    std::fs::write(&demo_page, company_form(Environment::Demo)?.html()?)?;
    println!(
        "  {} (posts to SmartBill's demo server; open it in a browser)",
        demo_page.display()
    );
    let form = company_form(environment)?;
    let standin_page = out_dir.join("signup-standin.html");
    std::fs::write(&standin_page, form.html()?)?;
    println!("  {} (posts to the stand-in)", standin_page.display());
    println!("  body: {}", form.urlencoded()?);

    println!("\n== 4. The firewall check");
    let options = http::Options::with_timeout_ms(5_000)?;
    let probe = http::probe_environment(&base, &options)?;
    println!(
        "  stand-in reachable: HTTP {} in {} ms",
        probe.status,
        probe.elapsed.as_millis()
    );

    println!("\n== 5. Submit the form server-side; SmartBill then calls us back");
    let response = http::submit(&form, &options)?;
    println!(
        "  HTTP {}, {} bytes in {} ms",
        response.status,
        response.body.len(),
        response.elapsed.as_millis()
    );
    let (answered, body) = endpoint_thread.join().expect("endpoint thread")?;
    println!("  our endpoint answered HTTP {answered} to the callback");
    let stored = std::fs::read_to_string(&store)?;
    let parsed = callback::parse(&body)?;
    println!(
        "  stored in {}: {} record(s)",
        store.display(),
        stored.lines().count()
    );
    println!("  parsed: {parsed:?}");

    let _ = standin.kill();
    let _ = standin.wait();
    if answered != 200 {
        return Err(format!("the callback was answered with {answered}").into());
    }
    println!("\nquickstart: the whole flow worked");
    Ok(())
}

fn company_form(environment: Environment) -> smartbill_signup_core::Result<SignupForm> {
    let mut form = SignupForm::new(environment);
    for (name, value) in COMPANY {
        form.set(name, value)?;
    }
    Ok(form)
}

/// Starts the stand-in, `smartbill-signup standin`, from the directory
/// above this example's (`target/<profile>/`).
fn start_standin(callback_url: &str) -> std::io::Result<(Child, String)> {
    let examples = std::env::current_exe()?;
    let profile = examples
        .parent()
        .and_then(Path::parent)
        .ok_or_else(|| std::io::Error::other("no target directory above the example"))?;
    let exe: PathBuf = profile.join(format!("smartbill-signup{}", std::env::consts::EXE_SUFFIX));
    let mut child = Command::new(&exe)
        .args([
            "standin",
            "--callback-url",
            callback_url,
            "--max-requests",
            "5",
            "--idle-exit",
            "60",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!(
                    "{}: {e} (cargo build -p smartbill-signup-cli)",
                    exe.display()
                ),
            )
        })?;
    let mut banner = String::new();
    BufReader::new(child.stdout.take().expect("piped")).read_line(&mut banner)?;
    let base = banner
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_default()
        .to_string();
    Ok((child, base))
}

/// Serves one callback request with the shared handler; returns the answer
/// and the body, so the quickstart can show what was parsed.
fn serve_one_callback(
    listener: TcpListener,
    allow: &SourceAllowList,
    store: &Path,
) -> std::io::Result<(u16, Vec<u8>)> {
    listener.set_nonblocking(false)?;
    let (mut stream, peer) = listener.accept()?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let request = tiny_http::read_request(&mut stream).map_err(|error| {
        tiny_http::write_refusal(&mut stream, &error);
        std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{error:?}"))
    })?;
    let status = handler::handle(allow, peer.ip(), &request.body, store);
    let line = match status {
        200 => "200 OK",
        403 => "403 Forbidden",
        413 => "413 Payload Too Large",
        500 => "500 Internal Server Error",
        _ => "400 Bad Request",
    };
    tiny_http::write_response(&mut stream, line, "text/plain; charset=utf-8", b"");
    Ok((status, request.body))
}
