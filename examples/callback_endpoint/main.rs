//! A SmartBill callback endpoint, framework-free: check the source address,
//! parse, store the record durably, and only then answer 200.
//!
//! `cargo run --example callback_endpoint` plays a few requests through the
//! handler and prints the answers. In a real server, call `handle` from your
//! framework's route with the TCP peer address and the raw body.

mod handler;

use handler::handle;
use smartbill_signup_core::callback::source::{Environment, SourceAllowList};
use std::net::IpAddr;

fn main() {
    let mut allow = SourceAllowList::new(&Environment::Demo);
    // More SmartBill servers come from configuration, not a new release.
    allow
        .add_list(&std::env::var("SMARTBILL_EXTRA_IPS").unwrap_or_default())
        .expect("SMARTBILL_EXTRA_IPS");
    let store = std::env::temp_dir().join("smartbill-callbacks.tsv");
    let sample = br#"{"COM_REGNO":"1111111111","AUTH_TOKEN":"dG9rZW4=","AUTH_CODE":"13F89DFEK99D4474A67EABE8F7258AA5","USER_SBID":"test1"}"#;
    let smartbill: IpAddr = "58.181.27.5".parse().unwrap();
    let stranger: IpAddr = "203.0.113.9".parse().unwrap();
    let requests: [(&str, IpAddr, &[u8]); 4] = [
        ("the guide's sample", smartbill, sample),
        ("from an unknown address", stranger, sample),
        (
            "without AUTH_TOKEN",
            smartbill,
            br#"{"USER_SBID":"test1","COM_REGNO":"1248100998","AUTH_CODE":"x"}"#,
        ),
        ("broken JSON", smartbill, br#"{"USER_SBID":"test1""#),
    ];
    for (what, peer, body) in requests {
        println!("{what}: {}", handle(&allow, peer, body, &store));
    }
}
