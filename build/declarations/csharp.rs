//! `Native.cs`: every function of the header as a P/Invoke `extern`, and its
//! numeric constants. The same assembly runs in 32-bit and 64-bit processes.

use super::{camel_case, is_output_array, wrap, GENERATED};
use crate::header::{CType, Function, Header, Kind, Number, Param};
use std::fmt::Write as _;

/// How C types become C# types, stated once at the top of the file.
const RULES: &str = "\
// How C types become C# types:
// - CallingConvention.Cdecl always: the library is plain C, and 32-bit
//   Windows would otherwise assume stdcall and corrupt the stack.
// - ptrdiff_t is IntPtr and size_t is UIntPtr: pointer-sized in 32-bit and
//   64-bit processes alike.
// - const char * and char * arguments are byte[] (UTF-8 or CP949 bytes with
//   an explicit length, or a caller-owned buffer): UnmanagedType.LPUTF8Str
//   is missing before .NET Framework 4.7. A returned const char * is an
//   IntPtr to a static string.
// - A pointer to one number the library writes is `out`; an array is T[]
//   ([Out] when the library fills it).
// - SmartbillForm * is a FormHandle (a SafeHandle, Handles.cs) and
//   SmartbillForm ** an `out FormHandle`; a _free function takes the raw
//   IntPtr that ReleaseHandle passes.
";

pub fn generate(header: &Header) -> String {
    let mut out = String::from(
        "// The C ABI of include/smartbill_signup.h for P/Invoke: every function and\n\
         // numeric constant, with full argument and return types.\n//\n",
    );
    for line in wrap(GENERATED, 74) {
        let _ = writeln!(out, "// {line}");
    }
    out.push_str("//\n");
    out.push_str(RULES);
    out.push_str(
        "using System;\nusing System.Runtime.InteropServices;\n\n\
         namespace SmartbillSignup\n{\n    internal static class Native\n    {\n        \
         // Mono and .NET Framework both map this to smartbill_signup.dll,\n        \
         // libsmartbill_signup.so or libsmartbill_signup.dylib.\n        \
         internal const string Lib = \"smartbill_signup\";\n\n",
    );
    for define in &header.defines {
        // The checksum is a uint32_t whatever its value (as an int it would
        // change type with the prototypes).
        let ty = if define.name == "SMARTBILL_ABI_CHECKSUM" {
            "uint"
        } else if i32::try_from(define.value).is_ok() {
            "int"
        } else if u32::try_from(define.value).is_ok() {
            "uint"
        } else {
            "long"
        };
        let _ = writeln!(
            out,
            "        internal const {ty} {} = {};",
            define.name, define.value
        );
    }
    for f in &header.functions {
        let params: Vec<String> = f
            .params
            .iter()
            .map(|p| format!("{} {}", parameter(f, p), identifier(&camel_case(&p.name))))
            .collect();
        let _ = write!(
            out,
            "\n        // {}\n        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]\n        \
             internal static extern {} {}({});\n",
            f.prototype(),
            returned(f),
            f.name,
            params.join(", ")
        );
    }
    out.push_str("    }\n}\n");
    out
}

fn returned(f: &Function) -> String {
    match &f.ret.kind {
        Kind::Void => "void".to_string(),
        Kind::Number(n) => number(*n).to_string(),
        Kind::Chars { mutable: false } => "IntPtr".to_string(),
        _ => unsupported(&f.ret, f),
    }
}

fn parameter(f: &Function, p: &Param) -> String {
    match &p.ty.kind {
        Kind::Number(n) => number(*n).to_string(),
        Kind::Chars { .. } => "byte[]".to_string(),
        Kind::CharsArray => "IntPtr[]".to_string(),
        Kind::Numbers { of, mutable: false } => format!("{}[]", number(*of)),
        Kind::Numbers { of, mutable: true } if is_output_array(p) => {
            format!("[Out] {}[]", number(*of))
        }
        Kind::Numbers { of, mutable: true } => format!("out {}", number(*of)),
        Kind::Handle { .. } if f.name.ends_with("_free") => "IntPtr".to_string(),
        Kind::Handle { name, .. } => safe_handle(name),
        Kind::HandleOut { name } => format!("out {}", safe_handle(name)),
        Kind::Void => unsupported(&p.ty, f),
    }
}

/// `SmartbillHttpOptions` is `HttpOptionsHandle` (Handles.cs).
fn safe_handle(c_name: &str) -> String {
    format!("{}Handle", c_name.trim_start_matches("Smartbill"))
}

fn number(n: Number) -> &'static str {
    match n {
        Number::I8 => "sbyte",
        Number::U8 => "byte",
        Number::I16 => "short",
        Number::U16 => "ushort",
        Number::I32 => "int",
        Number::U32 => "uint",
        Number::I64 => "long",
        Number::U64 => "ulong",
        Number::Size => "UIntPtr",
        Number::Ptrdiff => "IntPtr",
    }
}

/// A parameter name that is a C# keyword gets `@`.
fn identifier(name: &str) -> String {
    const KEYWORDS: &[&str] = &[
        "abstract",
        "as",
        "base",
        "bool",
        "break",
        "byte",
        "case",
        "catch",
        "char",
        "checked",
        "class",
        "const",
        "continue",
        "decimal",
        "default",
        "delegate",
        "do",
        "double",
        "else",
        "enum",
        "event",
        "explicit",
        "extern",
        "false",
        "finally",
        "fixed",
        "float",
        "for",
        "foreach",
        "goto",
        "if",
        "implicit",
        "in",
        "int",
        "interface",
        "internal",
        "is",
        "lock",
        "long",
        "namespace",
        "new",
        "null",
        "object",
        "operator",
        "out",
        "override",
        "params",
        "private",
        "protected",
        "public",
        "readonly",
        "ref",
        "return",
        "sbyte",
        "sealed",
        "short",
        "sizeof",
        "stackalloc",
        "static",
        "string",
        "struct",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "uint",
        "ulong",
        "unchecked",
        "unsafe",
        "ushort",
        "using",
        "virtual",
        "void",
        "volatile",
        "while",
    ];
    if KEYWORDS.contains(&name) {
        format!("@{name}")
    } else {
        name.to_string()
    }
}

fn unsupported(ty: &CType, f: &Function) -> ! {
    panic!(
        "build/declarations/csharp.rs: no C# mapping for `{}` in {}",
        ty.c, f.name
    )
}
