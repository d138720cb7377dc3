//! The wrappers' committed declarations must be what the build generates
//! from the header (build/declarations/), and the library must report the
//! checksum of the prototypes they were generated from.

use smartbill_signup as _; // links the library whose export is declared below

extern "C" {
    fn smartbill_abi_checksum() -> u32;
}

const HEADER: &str = include_str!("../include/smartbill_signup.h");

fn assert_current(committed: &str, generated: &str) {
    let path = format!("{}/{committed}", env!("CARGO_MANIFEST_DIR"));
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{committed} is stale: run `SMARTBILL_UPDATE_HEADER=1 cargo build` and commit it"
    );
}

#[test]
fn python_declarations_are_current() {
    assert_current(
        "bindings/python/src/smartbill_signup/_abi.py",
        include_str!(concat!(env!("OUT_DIR"), "/_abi.py")),
    );
}

#[test]
fn csharp_declarations_are_current() {
    assert_current(
        "bindings/csharp/src/SmartbillSignup/Native.cs",
        include_str!(concat!(env!("OUT_DIR"), "/Native.cs")),
    );
}

#[test]
fn java_declarations_are_current() {
    assert_current(
        "bindings/java/src/main/java/kr/smartbill/signup/Abi.java",
        include_str!(concat!(env!("OUT_DIR"), "/Abi.java")),
    );
}

/// The number after `#define SMARTBILL_ABI_CHECKSUM` in `text`.
fn defined_checksum(text: &str, prefix: &str) -> u32 {
    text.lines()
        .find_map(|line| line.trim().strip_prefix(prefix))
        .unwrap_or_else(|| panic!("no line starting with {prefix}"))
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn library_header_and_declarations_carry_one_checksum() {
    // SAFETY: a function of no arguments that returns a constant.
    let library = unsafe { smartbill_abi_checksum() };
    assert_eq!(
        defined_checksum(HEADER, "#define SMARTBILL_ABI_CHECKSUM"),
        library
    );
    let python = include_str!("../bindings/python/src/smartbill_signup/_abi.py");
    assert_eq!(
        defined_checksum(python, "SMARTBILL_ABI_CHECKSUM ="),
        library
    );
    let csharp = include_str!("../bindings/csharp/src/SmartbillSignup/Native.cs");
    assert_eq!(
        defined_checksum(csharp, "internal const uint SMARTBILL_ABI_CHECKSUM ="),
        library
    );
}

/// Every prototype in the header is declared in each wrapper, under its own name.
#[test]
fn every_function_is_declared_in_every_wrapper() {
    let python = include_str!("../bindings/python/src/smartbill_signup/_abi.py");
    let csharp = include_str!("../bindings/csharp/src/SmartbillSignup/Native.cs");
    let java = include_str!("../bindings/java/src/main/java/kr/smartbill/signup/Abi.java");
    let mut seen = 0;
    for line in HEADER
        .lines()
        .filter(|l| !l.starts_with([' ', '*', '/', '#']))
    {
        let Some(name) = line
            .split('(')
            .next()
            .and_then(|head| head.rsplit([' ', '*']).next())
            .filter(|name| name.starts_with("smartbill_") && line.contains('('))
        else {
            continue;
        };
        assert!(
            python.contains(&format!("\"{name}\": (")),
            "_abi.py lacks {name}"
        );
        assert!(
            csharp.contains(&format!(" {name}(")),
            "Native.cs lacks {name}"
        );
        assert!(java.contains(&format!(" {name}(")), "Abi.java lacks {name}");
        seen += 1;
    }
    assert!(seen >= 48, "only {seen} prototypes found in the header");
}
