//! The signup parameters and their rules, generated from
//! `src/form_fields_table.rs` (shared with `build.rs`).

macro_rules! form_rule_table {
    ($(($variant:ident, $name:literal, $meaning:literal)),* $(,)?) => {
        /// What a parameter's value must look like (besides fitting its limit).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Rule {
            $(#[doc = $meaning] $variant,)*
        }

        impl Rule {
            /// The name every language uses, e.g. `"business_number"`.
            pub const fn name(self) -> &'static str {
                match self { $(Rule::$variant => $name,)* }
            }

            /// The name with a trailing NUL, for the C ABI's static strings.
            pub const fn name_nul(self) -> &'static str {
                match self { $(Rule::$variant => concat!($name, "\0"),)* }
            }

            /// What a value must be, for messages and docs.
            pub const fn meaning(self) -> &'static str {
                match self { $(Rule::$variant => $meaning,)* }
            }
        }
    };
}

macro_rules! form_field_table {
    ($(($name:literal, $max:literal, $required:literal, $personal:literal, $rule:ident, $label:literal, $english:literal)),* $(,)?) => {
        /// The 15 parameters in the guide's order.
        pub const FIELDS: &[Field] = &[$(Field {
            name: $name,
            name_nul: concat!($name, "\0"),
            max_len: $max,
            required: $required,
            personal: $personal,
            rule: Rule::$rule,
            label: $label,
            description: $english,
        },)*];
    };
}

include!("../form_fields_table.rs");

/// One signup parameter.
#[derive(Debug, PartialEq, Eq)]
pub struct Field {
    /// SmartBill's name, e.g. `"pComRegNo"`.
    pub name: &'static str,
    /// `name` with a trailing NUL, for the C ABI.
    pub name_nul: &'static str,
    /// The limit in CP949 bytes.
    pub max_len: usize,
    pub required: bool,
    /// Personal data: never quoted in messages, redacted in `Debug`.
    pub personal: bool,
    pub rule: Rule,
    /// The guide's (Korean) description, e.g. `"사업자번호"`.
    pub label: &'static str,
    /// The same in English.
    pub description: &'static str,
}

impl Field {
    /// The field as messages name it: `pComName (회사명)`, `회사명(pComName)`.
    pub const fn label_arg(&self) -> crate::message::Label {
        crate::message::Label {
            name: self.name,
            label: self.label,
        }
    }
}

/// The position of a parameter in [`FIELDS`], by its exact name.
pub fn index_of(name: &str) -> Option<usize> {
    index_of_bytes(name.as_bytes())
}

/// [`index_of`] for a name given as bytes (every name is ASCII).
pub fn index_of_bytes(name: &[u8]) -> Option<usize> {
    FIELDS.iter().position(|f| f.name.as_bytes() == name)
}

/// The parameter whose name differs from `name` only in case, for a
/// "did you mean" hint.
pub fn case_insensitive_match(name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.name.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_has_fifteen_parameters_two_required() {
        assert_eq!(FIELDS.len(), 15);
        assert_eq!(FIELDS[0].name, "pComRegNo");
        assert_eq!(FIELDS[14].name, "pID");
        let required: Vec<&str> = FIELDS
            .iter()
            .filter(|f| f.required)
            .map(|f| f.name)
            .collect();
        assert_eq!(required, ["pComRegNo", "pMIGRATIONFLAG"]);
        assert_eq!(index_of("pMIGRATIONFLAG"), Some(7));
        assert_eq!(index_of("pcomregno"), None);
        assert_eq!(
            case_insensitive_match("pcomregno").map(|f| f.name),
            Some("pComRegNo")
        );
        for f in FIELDS {
            assert_eq!(&f.name_nul[..f.name.len()], f.name);
            assert!(f.name_nul.ends_with('\0'));
        }
    }
}
