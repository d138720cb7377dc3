//! HTTPS: a rustls server configuration from PEM files, with the same
//! crypto provider (aws-lc-rs) the library's HTTP client uses.

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::ServerConfig;
use smartbill_signup_core::{Error, Message, Result, Status};
use std::path::Path;
use std::sync::Arc;

pub(crate) fn server_config(cert_path: &Path, key_path: &Path) -> Result<Arc<ServerConfig>> {
    let cert_pem = read(cert_path, "tls_cert")?;
    let certs = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| {
            tls_error(
                "tls_cert",
                cert_path,
                Message::TlsNotPem {
                    cause: e.to_string(),
                },
            )
        })?;
    if certs.is_empty() {
        return Err(tls_error(
            "tls_cert",
            cert_path,
            Message::TlsNoCertificate {},
        ));
    }
    let key_pem = read(key_path, "tls_key")?;
    // The error never quotes the file: it holds the private key.
    let key = PrivateKeyDer::from_pem_slice(&key_pem)
        .map_err(|_| tls_error("tls_key", key_path, Message::TlsNoKey {}))?;
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| {
            Error::new(
                Status::ReceiverTls,
                Message::TlsSetup {
                    cause: e.to_string(),
                },
            )
        })?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| {
            tls_error(
                "tls_key",
                key_path,
                Message::TlsKeyMismatch {
                    cert: cert_path.display().to_string(),
                    cause: e.to_string(),
                },
            )
        })?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

fn read(path: &Path, field: &'static str) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        tls_error(
            field,
            path,
            Message::TlsUnreadable {
                cause: e.to_string(),
            },
        )
    })
}

fn tls_error(field: &'static str, path: &Path, why: Message) -> Error {
    Error::new(
        Status::ReceiverTls,
        Message::TlsFile {
            field,
            path: path.display().to_string(),
            why: Box::new(why),
        },
    )
    .with_field(field)
}
