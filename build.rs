//! Generates `smartbill_signup.h` with cbindgen into OUT_DIR (the
//! `header_is_current` test compares it with the committed
//! `include/smartbill_signup.h`). With `SMARTBILL_UPDATE_HEADER=1` it also
//! rewrites the committed header. The status constants come from the same
//! `src/status_table.rs` the library uses.

use std::fmt::Write as _;
use std::path::PathBuf;

struct StatusRow {
    number: i32,
    name: &'static str,
    meaning: &'static str,
}

macro_rules! status_table {
    ($(($variant:ident, $number:literal, $name:literal, $meaning:literal)),* $(,)?) => {
        const STATUS_ROWS: &[StatusRow] = &[$(StatusRow { number: $number, name: $name, meaning: $meaning },)*];
    };
}
include!("src/status_table.rs");

fn constant_name(name: &str) -> String {
    if name == "OK" {
        "SMARTBILL_OK".to_string()
    } else {
        format!("SMARTBILL_ERR_{name}")
    }
}

fn status_defines() -> String {
    let mut out = String::from(
        "/*\n * Status codes. Every fallible function returns one of these as int32_t.\n \
         * Numbers are stable and never reused; smartbill_status_name() returns the\n \
         * name after the SMARTBILL_ERR_ prefix (\"BRN_CHECKSUM\"), the same in every\n \
         * language. Generated from src/status_table.rs.\n */\n",
    );
    for row in STATUS_ROWS {
        let _ = writeln!(out, "/** {} */", row.meaning);
        let _ = writeln!(out, "#define {} {}", constant_name(row.name), row.number);
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-env-changed=SMARTBILL_UPDATE_HEADER");

    let crate_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml"))
        .expect("cbindgen.toml is readable");
    let bindings = cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .with_after_include(status_defines())
        .generate()
        .expect("cbindgen could not generate the header");
    let generated = out_dir.join("smartbill_signup.h");
    bindings.write_to_file(&generated);

    if std::env::var_os("SMARTBILL_UPDATE_HEADER").is_some_and(|v| v == "1") {
        std::fs::copy(&generated, crate_dir.join("include/smartbill_signup.h"))
            .expect("could not update include/smartbill_signup.h");
    }
}
