//! HTTPS: a self-signed certificate made here; a client that trusts it
//! delivers a callback; one that does not, or speaks plain HTTP, cannot.

mod common;

use common::*;
use smartbill_signup_receiver::{Receiver, ReceiverOptions, Status};
use std::time::Duration;

struct Certificate {
    _dir: tempfile::TempDir,
    cert: std::path::PathBuf,
    key: std::path::PathBuf,
    pem: String,
}

fn self_signed() -> Certificate {
    let dir = tempfile::tempdir().unwrap();
    let made =
        rcgen::generate_simple_self_signed(vec!["localhost".to_string(), "127.0.0.1".to_string()])
            .unwrap();
    let cert = dir.path().join("cert.pem");
    let key = dir.path().join("key.pem");
    let pem = made.cert.pem();
    std::fs::write(&cert, &pem).unwrap();
    std::fs::write(&key, made.signing_key.serialize_pem()).unwrap();
    Certificate {
        _dir: dir,
        cert,
        key,
        pem,
    }
}

fn client(trusting: Option<&str>) -> reqwest::blocking::Client {
    let mut builder = reqwest::blocking::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(15));
    if let Some(pem) = trusting {
        builder = builder.tls_certs_only([reqwest::Certificate::from_pem(pem.as_bytes()).unwrap()]);
    }
    builder.build().unwrap()
}

#[test]
fn a_client_that_trusts_the_certificate_delivers_over_https() {
    let certificate = self_signed();
    let dir = tempfile::tempdir().unwrap();
    let recorded = Recorded::default();
    let options = loopback_options(&dir.path().join("cb.db"))
        .tls(&certificate.cert, &certificate.key)
        .on_event(recorded.hook());
    let receiver = Receiver::start(options).unwrap();
    assert!(
        receiver.url().starts_with("https://127.0.0.1:"),
        "{}",
        receiver.url()
    );
    let url = format!("https://localhost:{}/smartbill/callback", receiver.port());

    let answer = client(Some(&certificate.pem))
        .post(&url)
        .header("content-type", "application/json")
        .body(callback_body(1))
        .send()
        .unwrap();
    assert_eq!(answer.status().as_u16(), 200);
    let record = receiver.next(Duration::ZERO).unwrap().expect("stored");
    assert_eq!(record.callback().auth_token(), SECRET_TOKEN);
    receiver.ack(record.id()).unwrap();

    // A client with the usual roots refuses the self-signed certificate...
    let refused = client(None).post(&url).body(callback_body(2)).send();
    assert!(refused.is_err(), "{refused:?}");
    // ...and plain HTTP to the TLS port gets no answer (the handshake fails).
    let plain = raw_exchange(
        receiver.local_addr(),
        &post_request("/smartbill/callback", callback_body(3).as_bytes()),
    );
    assert!(plain.is_none(), "{plain:?}");
    assert!(
        receiver.next(Duration::ZERO).unwrap().is_none(),
        "nothing else stored"
    );
    let lines = recorded.lines().join("\n");
    assert!(lines.contains("TLS handshake failed"), "{lines}");
    stop(receiver);
}

#[test]
fn bad_certificate_files_are_receiver_tls_errors() {
    let certificate = self_signed();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("cb.db");
    let garbage = dir.path().join("garbage.pem");
    std::fs::write(&garbage, "not a pem file").unwrap();
    let other = self_signed();
    for (cert, key, field) in [
        (
            dir.path().join("missing.pem"),
            certificate.key.clone(),
            "tls_cert",
        ),
        (garbage.clone(), certificate.key.clone(), "tls_cert"),
        (certificate.cert.clone(), garbage.clone(), "tls_key"),
        (certificate.cert.clone(), other.key.clone(), "tls_key"),
    ] {
        let options = ReceiverOptions::new(&store, "127.0.0.1:0".parse().unwrap()).tls(&cert, &key);
        let e = Receiver::start(options).unwrap_err();
        assert_eq!(e.status(), Status::ReceiverTls, "{}", e.message());
        assert_eq!(e.field(), Some(field), "{}", e.message());
        assert!(!e.message().contains("PRIVATE KEY-----"), "{}", e.message());
    }
}
