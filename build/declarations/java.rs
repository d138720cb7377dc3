//! `Abi.java`: every function of the header bound by JNA direct mapping,
//! with full argument and return types, and its numeric constants. One class
//! serves 32-bit and 64-bit JVMs.

use super::{camel_case, is_output_array, wrap, GENERATED};
use crate::header::{CType, Function, Header, Kind, Number, Param};
use std::fmt::Write as _;

/// How C types become Java types, stated once in the class comment.
const RULES: &str = " * <p>Bound by direct mapping ({@code Native.register}), several times faster
 * per call than interface mapping, in one class for 32-bit and 64-bit JVMs:
 * <ul>
 * <li>{@code size_t} and {@code ptrdiff_t} are {@link Sizes.SizeT} and
 * {@link Sizes.PtrdiffT}, JNA integer types as wide as a pointer (a Java
 * {@code long} is 8 bytes on a 32-bit JVM too);
 * <li>one {@code size_t} or handle the library writes back
 * ({@code size_t *out_len}, {@code SmartbillForm **out}) is a zeroed
 * {@code long[1]}: 8 bytes hold it on every JVM, and on a 32-bit one the
 * library's 4 bytes are the low half, which is the whole value on a
 * little-endian machine ({@link Loader} refuses a big-endian 32-bit JVM);
 * arrays of {@code size_t} or {@code ptrdiff_t} are a {@code Pointer} to
 * memory laid out by the caller;
 * <li>text and buffers are {@code byte[]}, never a {@code String}, which JNA
 * would encode in the platform charset (MS949 on Korean Windows); a
 * returned static string is a {@code Pointer};
 * <li>{@code int32_t *} and {@code uint32_t *} are {@code int[]}, handles
 * ({@code SmartbillForm *}) {@code Pointer}.
 * </ul>
";

pub fn generate(header: &Header) -> String {
    let mut out = String::from(
        "package kr.smartbill.signup;\n\nimport com.sun.jna.Pointer;\n\n\
         /**\n * The C ABI of include/smartbill_signup.h: every function, with full\n \
         * argument and return types, and every numeric constant.\n *\n",
    );
    out.push_str(RULES);
    out.push_str(" *\n");
    for line in wrap(&format!("<p>{GENERATED}"), 74) {
        let _ = writeln!(out, " * {line}");
    }
    out.push_str(" */\nfinal class Abi {\n");
    for define in &header.defines {
        let (ty, value) = if i32::try_from(define.value).is_ok() {
            ("int", define.value.to_string())
        } else if u32::try_from(define.value).is_ok() {
            // A Java int holds a uint32_t as its bits; a hex literal may say so.
            ("int", format!("0x{:08x}", define.value))
        } else {
            ("long", format!("{}L", define.value))
        };
        let _ = writeln!(out, "    static final {ty} {} = {value};", define.name);
    }
    out.push_str(
        "\n    static {\n        \
         Loader.register(Abi.class, SMARTBILL_ABI_VERSION, SMARTBILL_ABI_CHECKSUM);\n    }\n\n    \
         private Abi() {}\n",
    );
    for f in &header.functions {
        let params: Vec<String> = f
            .params
            .iter()
            .map(|p| format!("{} {}", parameter(f, p), identifier(&camel_case(&p.name))))
            .collect();
        let _ = write!(
            out,
            "\n    /** {{@code {}}} */\n    static native {} {}({});\n",
            f.prototype(),
            returned(f),
            f.name,
            params.join(", ")
        );
    }
    out.push_str("}\n");
    out
}

fn returned(f: &Function) -> String {
    match &f.ret.kind {
        Kind::Void => "void".to_string(),
        Kind::Number(n) => number(*n).to_string(),
        Kind::Chars { mutable: false } | Kind::Handle { .. } => "Pointer".to_string(),
        _ => unsupported(&f.ret, f),
    }
}

fn parameter(f: &Function, p: &Param) -> String {
    match &p.ty.kind {
        Kind::Number(n) => number(*n).to_string(),
        Kind::Chars { .. } => "byte[]".to_string(),
        Kind::CharsArray => "Pointer".to_string(),
        Kind::Numbers {
            of: Number::Size,
            mutable: true,
        } if !is_output_array(p) => "long[]".to_string(),
        Kind::Numbers {
            of: Number::Size | Number::Ptrdiff,
            ..
        } => "Pointer".to_string(),
        Kind::Numbers { of, .. } => format!("{}[]", number(*of)),
        Kind::Handle { .. } => "Pointer".to_string(),
        Kind::HandleOut { .. } => "long[]".to_string(),
        Kind::Void => unsupported(&p.ty, f),
    }
}

fn number(n: Number) -> &'static str {
    match n {
        Number::I8 | Number::U8 => "byte",
        Number::I16 | Number::U16 => "short",
        Number::I32 | Number::U32 => "int",
        Number::I64 | Number::U64 => "long",
        Number::Size => "Sizes.SizeT",
        Number::Ptrdiff => "Sizes.PtrdiffT",
    }
}

/// A parameter name that is a Java keyword gets a trailing `_`.
fn identifier(name: &str) -> String {
    const KEYWORDS: &[&str] = &[
        "abstract",
        "assert",
        "boolean",
        "break",
        "byte",
        "case",
        "catch",
        "char",
        "class",
        "const",
        "continue",
        "default",
        "do",
        "double",
        "else",
        "enum",
        "extends",
        "final",
        "finally",
        "float",
        "for",
        "goto",
        "if",
        "implements",
        "import",
        "instanceof",
        "int",
        "interface",
        "long",
        "native",
        "new",
        "package",
        "private",
        "protected",
        "public",
        "return",
        "short",
        "static",
        "strictfp",
        "super",
        "switch",
        "synchronized",
        "this",
        "throw",
        "throws",
        "transient",
        "try",
        "void",
        "volatile",
        "while",
    ];
    if KEYWORDS.contains(&name) {
        format!("{name}_")
    } else {
        name.to_string()
    }
}

fn unsupported(ty: &CType, f: &Function) -> ! {
    panic!(
        "build/declarations/java.rs: no Java mapping for `{}` in {}",
        ty.c, f.name
    )
}
