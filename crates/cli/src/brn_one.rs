//! `brn kind NUMBER` and `brn format NUMBER`: one number through the core's
//! scanner. A number that is not valid is a problem found (exit 1), said
//! with its status name and the core's message.

use crate::cli::BrnOneArgs;
use crate::exit::{Outcome, Verdict};
use crate::term;
use smartbill_signup_core::brn::{self, Brn};
use std::io::Write;

pub fn kind(args: BrnOneArgs) -> Outcome {
    one(args, |number| number.kind().name().to_string())
}

pub fn format(args: BrnOneArgs) -> Outcome {
    one(args, |number| number.formatted())
}

fn one(args: BrnOneArgs, answer: impl Fn(&Brn) -> String) -> Outcome {
    let result = brn::validate(&args.number);
    let mut out = term::stdout();
    if args.json {
        let object = match &result {
            Ok(number) => serde_json::json!({
                "input": args.number,
                "status": "OK",
                "number": number.formatted(),
                "kind": number.kind().name(),
                "message": null,
            }),
            Err(e) => serde_json::json!({
                "input": args.number,
                "status": e.status().name(),
                "number": null,
                "kind": null,
                "message": e.message(),
            }),
        };
        serde_json::to_writer(&mut out, &object).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        match &result {
            Ok(number) => writeln!(out, "{}", answer(number))?,
            Err(e) => term::note(&format!("{}: {}", e.status().name(), e.message())),
        }
    }
    out.flush()?;
    Ok(Verdict::from_ok(result.is_ok()))
}
