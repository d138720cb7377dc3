//! Generates `smartbill_signup.h` with cbindgen (plus the checksum of its
//! prototypes, `build/header.rs`), the COBOL copybook `SMARTBILL.cpy`
//! (`build/copybook.rs`) and the wrappers' declarations
//! (`build/declarations/`) into OUT_DIR; `tests/header.rs`,
//! `tests/copybook.rs` and `tests/declarations.rs` compare them with the
//! committed files. With `SMARTBILL_UPDATE_HEADER=1` it also rewrites the
//! committed files. The status constants come from the same
//! `crates/core/src/status_table.rs` the library uses, the signup parameter list from
//! `crates/core/src/form_fields_table.rs`, the callback keys from
//! `crates/core/src/callback/keys_table.rs`.

#[path = "build/copybook.rs"]
mod copybook;
#[path = "build/declarations/mod.rs"]
mod declarations;
#[path = "build/header.rs"]
mod header;
#[path = "build/windows_resource.rs"]
mod windows_resource;

use std::fmt::Write as _;
use std::path::PathBuf;

struct StatusRow {
    number: i32,
    name: &'static str,
    meaning: &'static str,
}

macro_rules! status_table {
    ($(($variant:ident, $number:literal, $name:literal, $meaning:literal, $korean:literal)),* $(,)?) => {
        const STATUS_ROWS: &[StatusRow] = &[$(StatusRow { number: $number, name: $name, meaning: $meaning },)*];
    };
}
include!("crates/core/src/status_table.rs");

struct RuleRow {
    variant: &'static str,
    name: &'static str,
    meaning: &'static str,
}

struct FieldRow {
    name: &'static str,
    max_len: usize,
    required: bool,
    rule: &'static str,
    label: &'static str,
    description: &'static str,
}

macro_rules! form_rule_table {
    ($(($variant:ident, $name:literal, $meaning:literal)),* $(,)?) => {
        const RULE_ROWS: &[RuleRow] = &[$(RuleRow { variant: stringify!($variant), name: $name, meaning: $meaning },)*];
    };
}

macro_rules! form_field_table {
    ($(($name:literal, $max:literal, $required:literal, $personal:literal, $rule:ident, $label:literal, $english:literal)),* $(,)?) => {
        const FIELD_ROWS: &[FieldRow] = &[$(FieldRow {
            name: $name, max_len: $max, required: $required, rule: stringify!($rule), label: $label, description: $english,
        },)*];
    };
}
include!("crates/core/src/form_fields_table.rs");

struct KeyRow {
    name: &'static str,
    secret: bool,
    personal: bool,
    width: usize,
    meaning: &'static str,
}

macro_rules! callback_key_table {
    ($(($variant:ident, $name:literal, $old:literal, $required:literal, $sensitivity:ident, $width:literal, $meaning:literal)),* $(,)?) => {
        const KEY_ROWS: &[KeyRow] = &[$(KeyRow {
            name: $name,
            secret: matches!(stringify!($sensitivity).as_bytes(), b"Secret"),
            personal: matches!(stringify!($sensitivity).as_bytes(), b"Personal"),
            width: $width,
            meaning: $meaning,
        },)*];
    };
}
include!("crates/core/src/callback/keys_table.rs");

fn rule_of(variant: &str) -> &'static RuleRow {
    RULE_ROWS
        .iter()
        .find(|r| r.variant == variant)
        .expect("every field's rule is in the rule table")
}

/// The header's list of signup parameters, for `smartbill_form_set`.
fn form_field_docs() -> String {
    let mut out = String::from(
        "\n/*\n * Signup parameters: the names smartbill_form_set() takes, in SmartBill's\n \
         * order, which is the order of the page and of the urlencoded body. Limits\n \
         * are CP949 bytes: a Hangul syllable counts 2, ASCII 1. Generated from\n \
         * crates/core/src/form_fields_table.rs; smartbill_form_field_*() give the same table\n \
         * at run time.\n *\n",
    );
    let _ = writeln!(
        out,
        " *   {:<16}{:>4}  {:<9} {:<16} meaning",
        "name", "max", "required", "rule"
    );
    for f in FIELD_ROWS {
        let required = if f.required { "required" } else { "optional" };
        let _ = writeln!(
            out,
            " *   {:<16}{:>4}  {:<9} {:<16} {} ({})",
            f.name,
            f.max_len,
            required,
            rule_of(f.rule).name,
            f.description,
            f.label
        );
    }
    out.push_str(" *\n * Rules:\n");
    for r in RULE_ROWS {
        let _ = writeln!(out, " *   {:<16} {}", r.name, r.meaning);
    }
    out.push_str(" */");
    out
}

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
         * language. Generated from crates/core/src/status_table.rs.\n */\n",
    );
    for row in STATUS_ROWS {
        let _ = writeln!(out, "/** {} */", row.meaning);
        let _ = writeln!(out, "#define {} {}", constant_name(row.name), row.number);
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=crates/core/src/status_table.rs");
    println!("cargo:rerun-if-changed=crates/core/src/form_fields_table.rs");
    println!("cargo:rerun-if-changed=crates/core/src/callback/keys_table.rs");
    println!("cargo:rerun-if-changed=build");
    // The library keeps thread-locals and an HTTP runtime thread; unloading it
    // (dlclose from JNA, a plugin host) while they live crashes
    // (rust-lang/rust#59629). On ELF systems, mark it never to be unloaded.
    if std::env::var("CARGO_CFG_TARGET_OS")
        .is_ok_and(|os| os == "linux" || os == "android" || os.ends_with("bsd"))
    {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-z,nodelete");
        // The shipped library records its ABI generation as its SONAME
        // (libsmartbill_signup.so.0), so programs linked against it find the
        // right file after an upgrade. Only the release build for packages
        // sets it (scripts/lib.sh): programs linked against target/debug
        // need no .so.0 link.
        if let Some(soname) = std::env::var_os("SMARTBILL_SONAME") {
            let soname = soname.to_str().expect("SMARTBILL_SONAME is ASCII");
            println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,{soname}");
        }
    }
    println!("cargo:rerun-if-env-changed=SMARTBILL_SONAME");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-env-changed=SMARTBILL_UPDATE_HEADER");

    let crate_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml"))
        .expect("cbindgen.toml is readable");
    let bindings = cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .with_after_include(status_defines() + &form_field_docs())
        .generate()
        .expect("cbindgen could not generate the header");
    let mut cbindgen_output = Vec::new();
    bindings.write(&mut cbindgen_output);
    let text =
        header::with_checksum(&String::from_utf8(cbindgen_output).expect("cbindgen writes UTF-8"));
    let parsed = header::Header::parse(&text);
    // The value smartbill_abi_checksum() returns (src/errors.rs).
    let checksum = format!("{:#010x}", parsed.checksum());
    windows_resource::emit(parsed.functions.iter().map(|f| f.name.as_str()), &out_dir);

    let outputs = [
        ("include/smartbill_signup.h", text),
        (
            "include/SMARTBILL.cpy",
            copybook::generate(&parsed, FIELD_ROWS, KEY_ROWS),
        ),
        (
            declarations::PYTHON_PATH,
            declarations::python::generate(&parsed),
        ),
        (
            declarations::CSHARP_PATH,
            declarations::csharp::generate(&parsed),
        ),
        (
            declarations::JAVA_PATH,
            declarations::java::generate(&parsed),
        ),
    ];
    std::fs::write(out_dir.join("abi_checksum.rs"), checksum)
        .expect("could not write abi_checksum.rs");
    let update = std::env::var_os("SMARTBILL_UPDATE_HEADER").is_some_and(|v| v == "1");
    for (committed, content) in outputs {
        let file_name = committed.rsplit('/').next().unwrap();
        std::fs::write(out_dir.join(file_name), &content)
            .unwrap_or_else(|e| panic!("could not write {file_name} into OUT_DIR: {e}"));
        if update {
            std::fs::write(crate_dir.join(committed), &content)
                .unwrap_or_else(|e| panic!("could not update {committed}: {e}"));
        }
    }
}
