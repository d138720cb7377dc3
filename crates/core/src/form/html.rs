//! The popup page: a complete HTML document whose form posts the
//! parameters to SmartBill, written for old embedded browsers too (IE11's
//! WebBrowser control: plain HTML, ES3 script with `var` only).

use super::fields::Field;
use super::options::FormOptions;
use std::borrow::Cow;

/// The form's `id`, used by the auto-submit script.
pub const FORM_ID: &str = "smartbillSignupForm";

/// Writes the page as text; the caller encodes it in `options.output_charset`
/// (every character in it is one CP949 can hold).
pub(crate) fn page(
    action: &str,
    params: &[(&Field, Cow<'_, str>)],
    options: &FormOptions,
) -> String {
    let values_len: usize = params
        .iter()
        .map(|(f, v)| f.name.len() + v.len() + 48)
        .sum();
    let mut out = String::with_capacity(1024 + values_len);
    out.push_str("<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n");
    // First in <head>, so the declaration is inside the first 1024 bytes.
    out.push_str("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=");
    out.push_str(options.output_charset.label());
    out.push_str("\">\n");
    // The WebBrowser control renders in IE7 mode unless told otherwise.
    out.push_str("<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n");
    out.push_str("<title>스마트빌 회원 가입</title>\n</head>\n<body>\n");

    out.push_str("<form id=\"");
    out.push_str(FORM_ID);
    out.push_str("\" method=\"post\" action=\"");
    escape_into(&mut out, action);
    // Without accept-charset a browser posts in the page's encoding, and
    // turns what that encoding lacks into &#NNNNN; text.
    out.push_str("\" accept-charset=\"");
    out.push_str(options.output_charset.label());
    out.push_str("\" target=\"");
    escape_into(&mut out, &options.target);
    out.push_str("\">\n");
    for (field, value) in params {
        out.push_str("<input type=\"hidden\" name=\"");
        out.push_str(field.name);
        out.push_str("\" value=\"");
        escape_into(&mut out, value);
        out.push_str("\">\n");
    }
    out.push_str(if options.auto_submit {
        "<p>스마트빌 회원 가입 페이지로 이동합니다. 이동하지 않으면 아래 버튼을 눌러 주세요.</p>\n"
    } else {
        "<p>아래 버튼을 누르면 스마트빌 회원 가입 페이지로 이동합니다.</p>\n"
    });
    // No name attribute: the button itself is not posted.
    out.push_str("<input type=\"submit\" value=\"스마트빌 회원 가입 계속\">\n</form>\n");
    if options.auto_submit {
        out.push_str("<script type=\"text/javascript\">\n(function () {\n  var form = document.getElementById(\"");
        out.push_str(FORM_ID);
        out.push_str("\");\n  if (form) {\n    form.submit();\n  }\n})();\n</script>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Appends `text` escaped for a double-quoted attribute value or element
/// text: `&`, `<`, `>`, `"` and `'` become references, so no value can end
/// its attribute or start markup, and an HTML parser gives back `text`.
pub fn escape_into(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let reference = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(reference);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_breakout_character() {
        let mut out = String::new();
        escape_into(&mut out, "a\"b'c<d>e&f&amp;회사");
        assert_eq!(out, "a&quot;b&#39;c&lt;d&gt;e&amp;f&amp;amp;회사");
    }

    #[test]
    fn page_declares_its_charset_and_submits_with_es3() {
        let options = FormOptions::default();
        let html = page("http://demo.smartbill.co.kr/x", &[], &options);
        assert!(html.contains("charset=UTF-8\">"));
        assert!(html.contains("accept-charset=\"UTF-8\" target=\"_blank\""));
        assert!(html.contains("var form"));
        assert!(!html.contains("let ") && !html.contains("=>") && !html.contains("const "));
        let quiet = FormOptions {
            auto_submit: false,
            ..FormOptions::default()
        };
        assert!(!page("http://x/", &[], &quiet).contains("<script"));
    }
}
