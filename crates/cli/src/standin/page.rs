//! The pages the stand-in answers with.

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn landing() -> String {
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>SmartBill stand-in</title></head>\
     <body><p>SmartBill stand-in: POST the signup form here.</p></body></html>"
        .to_string()
}

/// The signup page SmartBill would show, pre-filled with what arrived.
pub fn received(fields: &[(String, String)], charset: &str, callback: Option<&str>) -> String {
    let rows: String = fields
        .iter()
        .map(|(k, v)| {
            format!(
                "<tr><th>{}</th><td id=\"{}\">{}</td></tr>\n",
                escape(k),
                escape(k),
                escape(v)
            )
        })
        .collect();
    let callback = callback
        .map(|c| format!("<p id=\"callback\">callback: {}</p>", escape(c)))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>스마트빌 이관 고객 회원 가입 (stand-in)</title></head>\n\
         <body><h1>스마트빌 이관 고객 회원 가입 (stand-in)</h1>\n\
         <p>Received {} parameters, decoded as {}.</p>\n<table>\n{rows}</table>\n{callback}\n</body></html>\n",
        fields.len(),
        escape(charset)
    )
}
