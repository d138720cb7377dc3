//! Reads the header cbindgen generated: its numeric `#define`s and opaque
//! handle types (with their doc comments) and its function prototypes. The
//! copybook and every wrapper's declarations are written from what this
//! finds, and the prototypes' checksum (`SMARTBILL_ABI_CHECKSUM`, inserted
//! here) lets a wrapper refuse a library whose prototypes differ from its own.

/// A numeric `#define SMARTBILL_*`.
pub struct Define {
    pub name: String,
    pub value: i64,
    pub doc: String,
}

/// An exported function (its doc comment stays in the header).
pub struct Function {
    pub name: String,
    pub ret: CType,
    pub params: Vec<Param>,
}

pub struct Param {
    pub name: String,
    pub ty: CType,
}

/// A C type as the header spells it (`c`, normalized: `const char *`,
/// `SmartbillForm **`) and what it is.
pub struct CType {
    pub c: String,
    pub kind: Kind,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Number {
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    I64,
    U64,
    /// `size_t`: unsigned, as wide as a pointer.
    Size,
    /// `ptrdiff_t`: signed, as wide as a pointer.
    Ptrdiff,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Kind {
    Void,
    Number(Number),
    /// `const char *` (text in, or a static string out) or `char *` (a
    /// caller-owned output buffer).
    Chars {
        mutable: bool,
    },
    /// `const char *const *`: an array of text pointers.
    CharsArray,
    /// `T *` or `const T *` for a number `T`: one value the library writes
    /// back, or an array.
    Numbers {
        of: Number,
        mutable: bool,
    },
    /// `SmartbillForm *`, `const SmartbillForm *`: an opaque handle.
    Handle {
        name: String,
        mutable: bool,
    },
    /// `SmartbillForm **`: where a new handle is written.
    HandleOut {
        name: String,
    },
}

/// An opaque type: `typedef struct SmartbillForm SmartbillForm;`.
pub struct Handle {
    pub name: String,
    pub doc: String,
}

pub struct Header {
    pub defines: Vec<Define>,
    pub handles: Vec<Handle>,
    pub functions: Vec<Function>,
}

impl Function {
    /// The prototype without parameter names, which do not change the ABI:
    /// `int32_t smartbill_brn_check(const char *, ptrdiff_t)`.
    pub fn signature(&self) -> String {
        let params: Vec<&str> = self.params.iter().map(|p| p.ty.c.as_str()).collect();
        format!("{} {}({})", self.ret.c, self.name, params.join(", "))
    }

    /// The prototype as C declares it, on one line.
    pub fn prototype(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|p| {
                format!(
                    "{}{}{}",
                    p.ty.c,
                    if p.ty.c.ends_with('*') { "" } else { " " },
                    p.name
                )
            })
            .collect();
        let params = if params.is_empty() {
            "void".to_string()
        } else {
            params.join(", ")
        };
        let gap = if self.ret.c.ends_with('*') { "" } else { " " };
        format!("{}{gap}{}({params})", self.ret.c, self.name)
    }
}

impl Header {
    pub fn parse(text: &str) -> Header {
        let mut header = Header {
            defines: Vec::new(),
            handles: Vec::new(),
            functions: Vec::new(),
        };
        let mut doc = String::new();
        let mut in_doc = false;
        let mut statement: Option<String> = None;
        for line in text.lines() {
            let trimmed = line.trim();
            if let Some(partial) = statement.as_mut() {
                partial.push(' ');
                partial.push_str(trimmed);
                if trimmed.ends_with(';') {
                    doc.clear();
                    let function = parse_function(partial, &header.handles);
                    header.functions.push(function);
                    statement = None;
                }
                continue;
            }
            if trimmed.starts_with("/**") {
                doc.clear();
                let rest = trimmed.trim_start_matches("/**").trim_end_matches("*/");
                doc.push_str(rest.trim());
                in_doc = !trimmed.ends_with("*/");
                continue;
            }
            if in_doc {
                if trimmed.starts_with("*/") {
                    in_doc = false;
                } else {
                    let text = trimmed.trim_start_matches('*').trim();
                    if !doc.is_empty() && !text.is_empty() {
                        doc.push(' ');
                    }
                    doc.push_str(text);
                }
                continue;
            }
            if let Some(define) = trimmed.strip_prefix("#define SMARTBILL_") {
                let mut parts = define.split_whitespace();
                if let (Some(name), Some(value), None) = (parts.next(), parts.next(), parts.next())
                {
                    if let Ok(value) = value.parse::<i64>() {
                        let name = format!("SMARTBILL_{name}");
                        header.defines.push(Define {
                            name,
                            value,
                            doc: std::mem::take(&mut doc),
                        });
                    }
                }
            } else if let Some(typedef) = trimmed.strip_prefix("typedef struct ") {
                let name = typedef
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string();
                header.handles.push(Handle {
                    name,
                    doc: std::mem::take(&mut doc),
                });
            } else if starts_prototype(line) {
                if trimmed.ends_with(';') {
                    doc.clear();
                    header
                        .functions
                        .push(parse_function(trimmed, &header.handles));
                } else {
                    statement = Some(trimmed.to_string());
                }
            }
        }
        assert!(statement.is_none(), "the header ends inside a prototype");
        assert!(
            !header.functions.is_empty(),
            "no prototypes found in the header"
        );
        header
    }

    /// FNV-1a (32-bit) of every prototype's [`Function::signature`], sorted
    /// by name and joined by newlines: it changes when a function is added,
    /// removed or given another argument or return type, and only then.
    pub fn checksum(&self) -> u32 {
        let mut signatures: Vec<String> = self.functions.iter().map(Function::signature).collect();
        signatures.sort();
        signatures
            .join("\n")
            .bytes()
            .fold(0x811c_9dc5, |hash: u32, byte| {
                (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
            })
    }
}

/// The header with `SMARTBILL_ABI_CHECKSUM` defined after `SMARTBILL_ABI_VERSION`.
pub fn with_checksum(text: &str) -> String {
    let checksum = Header::parse(text).checksum();
    let anchor = "#define SMARTBILL_ABI_VERSION ";
    let start = text
        .find(anchor)
        .expect("the header defines SMARTBILL_ABI_VERSION");
    let end = start + text[start..].find('\n').expect("a line ends the define") + 1;
    format!(
        "{}\n/**\n * The checksum of this header's function prototypes (FNV-1a, 32-bit, of\n \
         * their types, see build/header.rs). Wrappers generated from this header\n \
         * carry it and refuse a library whose smartbill_abi_checksum() differs.\n \
         */\n#define SMARTBILL_ABI_CHECKSUM {checksum}\n{}",
        &text[..end],
        &text[end..]
    )
}

/// Whether `line` starts a declaration such as `int32_t smartbill_brn_check(`.
fn starts_prototype(line: &str) -> bool {
    if line.starts_with(|c: char| c.is_whitespace() || c == '#') {
        return false;
    }
    line.find("smartbill_").is_some_and(|at| {
        let rest = &line[at..];
        let name_end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
        name_end.is_some_and(|end| rest[end..].starts_with('('))
    })
}

/// `int32_t smartbill_brn_check(const char *brn, ptrdiff_t brn_len);`
fn parse_function(statement: &str, handles: &[Handle]) -> Function {
    let open = statement
        .find('(')
        .expect("a prototype has a parameter list");
    let close = statement
        .rfind(')')
        .expect("a prototype's parameter list closes");
    let (ret, name) = split_name(&statement[..open]);
    let params = statement[open + 1..close].trim();
    let params = if params == "void" {
        Vec::new()
    } else {
        params
            .split(',')
            .map(|param| {
                let (ty, name) = split_name(param);
                Param {
                    ty: c_type(&ty, &name, handles),
                    name,
                }
            })
            .collect()
    };
    Function {
        ret: c_type(&ret, &name, handles),
        name,
        params,
    }
}

/// Splits `const char *name` into the normalized type `const char *` and `name`.
fn split_name(declaration: &str) -> (String, String) {
    let spaced = declaration.replace('*', " * ");
    let mut tokens: Vec<&str> = spaced.split_whitespace().collect();
    let name = tokens
        .pop()
        .expect("a declaration names something")
        .to_string();
    (tokens.join(" ").replace("* ", "*"), name)
}

fn c_type(c: &str, what: &str, handles: &[Handle]) -> CType {
    let spaced = c.replace('*', " * ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let kind = match tokens.as_slice() {
        ["void"] => Kind::Void,
        [base] => Kind::Number(number(base).unwrap_or_else(|| unsupported(c, what))),
        ["const", "char", "*"] => Kind::Chars { mutable: false },
        ["char", "*"] => Kind::Chars { mutable: true },
        ["const", "char", "*", "const", "*"] => Kind::CharsArray,
        [base, "*"] | ["const", base, "*"] if handles.iter().any(|h| h.name == *base) => {
            Kind::Handle {
                name: base.to_string(),
                mutable: tokens[0] != "const",
            }
        }
        [base, "*", "*"] if handles.iter().any(|h| h.name == *base) => Kind::HandleOut {
            name: base.to_string(),
        },
        [base, "*"] | ["const", base, "*"] => Kind::Numbers {
            of: number(base).unwrap_or_else(|| unsupported(c, what)),
            mutable: tokens[0] != "const",
        },
        _ => unsupported(c, what),
    };
    CType {
        c: c.to_string(),
        kind,
    }
}

/// The first sentence of a doc comment.
pub fn first_sentence(doc: &str) -> &str {
    match doc.find(". ") {
        Some(end) => &doc[..=end],
        None => doc,
    }
}

fn number(c: &str) -> Option<Number> {
    Some(match c {
        "int8_t" => Number::I8,
        "uint8_t" => Number::U8,
        "int16_t" => Number::I16,
        "uint16_t" => Number::U16,
        "int32_t" => Number::I32,
        "uint32_t" => Number::U32,
        "int64_t" => Number::I64,
        "uint64_t" => Number::U64,
        "size_t" => Number::Size,
        "ptrdiff_t" => Number::Ptrdiff,
        _ => return None,
    })
}

fn unsupported(c: &str, what: &str) -> ! {
    panic!(
        "build/header.rs: `{c}` (in or of {what}) has no mapping in the wrapper declarations; \
         use a type the C ABI conventions use, or teach build/header.rs and build/declarations/ it"
    )
}
