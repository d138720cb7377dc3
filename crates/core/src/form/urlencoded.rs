//! The `application/x-www-form-urlencoded` body, as a browser would post
//! the page's form: WHATWG serialization (space as `+`, bytes outside
//! `A-Za-z0-9*-._` percent-encoded) of the values' bytes in the chosen
//! charset.

use super::fields::Field;
use crate::error::Result;
use crate::text::Charset;
use std::borrow::Cow;
use url::form_urlencoded::byte_serialize;

/// The body for `params`, in their order. The result is ASCII whatever the
/// charset: CP949 values appear as their percent-encoded bytes.
pub(crate) fn body(params: &[(&Field, Cow<'_, str>)], charset: Charset) -> Result<String> {
    let mut out = String::with_capacity(
        params
            .iter()
            .map(|(f, v)| f.name.len() + 3 * v.len() + 2)
            .sum(),
    );
    for (i, (field, value)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.extend(byte_serialize(field.name.as_bytes()));
        out.push('=');
        let bytes = super::encode_output(value, charset, field.name)?;
        out.extend(byte_serialize(&bytes));
    }
    Ok(out)
}
