//! `_abi.py`: the header's constants, opaque types and prototypes for
//! ctypes. `_native.py` (hand-written) loads the library, checks its
//! versions and sets each function's `argtypes` and `restype` from
//! `PROTOTYPES`.

use super::{wrap, GENERATED};
use crate::header::{first_sentence, CType, Header, Kind, Number};
use std::fmt::Write as _;

pub fn generate(header: &Header) -> String {
    let mut out = String::from(
        "\"\"\"The C ABI of smartbill_signup.h for ctypes: its numeric constants, its\n\
         opaque types and every function's prototype (restype and argtypes).\n\n",
    );
    for line in wrap(GENERATED, 76) {
        let _ = writeln!(out, "{line}");
    }
    out.push_str(
        "\"\"\"\n\nfrom __future__ import annotations\n\nimport ctypes\n\
         from typing import Dict, List, Optional, Tuple\n\n",
    );
    for define in &header.defines {
        let _ = writeln!(out, "{} = {}", define.name, define.value);
    }
    for handle in &header.handles {
        let _ = write!(
            out,
            "\n\nclass {}(ctypes.Structure):\n    \"\"\"{}\"\"\"\n",
            handle.name,
            first_sentence(&handle.doc).replace('`', "")
        );
    }
    out.push_str(
        "\n\n# Each function's (restype, argtypes), as the header declares it.\n\
         PROTOTYPES: Dict[str, Tuple[Optional[type], List[type]]] = {\n",
    );
    for f in &header.functions {
        let args: Vec<String> = f.params.iter().map(|p| ctypes(&p.ty)).collect();
        let _ = writeln!(out, "    # {}", f.prototype());
        let one_line = format!(
            "    \"{}\": ({}, [{}]),",
            f.name,
            ctypes(&f.ret),
            args.join(", ")
        );
        if one_line.len() <= 120 {
            let _ = writeln!(out, "{one_line}");
        } else {
            let _ = writeln!(
                out,
                "    \"{}\": (\n        {},\n        [",
                f.name,
                ctypes(&f.ret)
            );
            for arg in args {
                let _ = writeln!(out, "            {arg},");
            }
            out.push_str("        ],\n    ),\n");
        }
    }
    out.push_str("}\n");
    out
}

fn ctypes(ty: &CType) -> String {
    match &ty.kind {
        Kind::Void => "None".to_string(),
        Kind::Number(n) => number(*n).to_string(),
        Kind::Chars { mutable: false } => "ctypes.c_char_p".to_string(),
        Kind::Chars { mutable: true } => "ctypes.POINTER(ctypes.c_char)".to_string(),
        Kind::CharsArray => "ctypes.POINTER(ctypes.c_char_p)".to_string(),
        Kind::Numbers { of, .. } => format!("ctypes.POINTER({})", number(*of)),
        Kind::Handle { name, .. } => format!("ctypes.POINTER({name})"),
        Kind::HandleOut { name } => format!("ctypes.POINTER(ctypes.POINTER({name}))"),
    }
}

fn number(n: Number) -> &'static str {
    match n {
        Number::I8 => "ctypes.c_int8",
        Number::U8 => "ctypes.c_uint8",
        Number::I16 => "ctypes.c_int16",
        Number::U16 => "ctypes.c_uint16",
        Number::I32 => "ctypes.c_int32",
        Number::U32 => "ctypes.c_uint32",
        Number::I64 => "ctypes.c_int64",
        Number::U64 => "ctypes.c_uint64",
        Number::Size => "ctypes.c_size_t",
        // ctypes' c_ssize_t is as wide as a pointer everywhere, like ptrdiff_t.
        Number::Ptrdiff => "ctypes.c_ssize_t",
    }
}
