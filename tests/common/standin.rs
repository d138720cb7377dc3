//! Starting the SmartBill stand-in (`smartbill-signup standin`, the
//! command-line tool's; `cargo test --workspace` builds it) as a child
//! process, and reading what it received.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// Cargo's directory of final artifacts: `CARGO_TARGET_DIR` when set (cargo
/// passes the variable on to the tests), else `target/` of the workspace.
pub fn target_dir() -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}

pub struct StandIn {
    child: Child,
    pub base: String,
}

impl StandIn {
    /// Starts the stand-in on a free loopback port with extra arguments.
    pub fn start(extra: &[&str]) -> StandIn {
        let exe = target_dir()
            .join("debug")
            .join(format!("smartbill-signup{}", std::env::consts::EXE_SUFFIX));
        let mut child = Command::new(&exe)
            .args(["standin", "--max-requests", "50", "--idle-exit", "120"])
            .args(extra)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "{}: {e} (cargo test --workspace builds it; or cargo build -p smartbill-signup-cli)",
                    exe.display()
                )
            });
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .expect("stand-in banner")
            .to_string();
        StandIn { child, base }
    }

    /// The requests the stand-in received, oldest first.
    pub fn requests(&self) -> Vec<serde_json::Value> {
        let body = get(&format!("{}/__requests", self.base));
        serde_json::from_str::<serde_json::Value>(&body)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A minimal HTTP GET over a loopback socket.
pub fn get(url: &str) -> String {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest
        .split_once('/')
        .map(|(h, p)| (h, format!("/{p}")))
        .unwrap_or((rest, "/".into()));
    let mut s = std::net::TcpStream::connect(host).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    s.read_to_end(&mut response).unwrap();
    let text = String::from_utf8(response).unwrap();
    text.split_once("\r\n\r\n").unwrap().1.to_string()
}

/// The `(name, value)` pairs the stand-in recorded for one request.
pub fn received_fields(request: &serde_json::Value) -> Vec<(String, String)> {
    request["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|kv| {
            (
                kv[0].as_str().unwrap().into(),
                kv[1].as_str().unwrap().into(),
            )
        })
        .collect()
}

/// The `(name, value)` pairs a form sends, in the guide's order.
pub fn sent_fields(form: &smartbill_signup_core::form::SignupForm) -> Vec<(String, String)> {
    form.params()
        .unwrap()
        .into_iter()
        .map(|(field, value)| (field.name.to_string(), value.into_owned()))
        .collect()
}
