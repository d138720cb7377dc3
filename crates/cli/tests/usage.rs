//! The command line itself: `--help` on every command, one-line usage
//! errors with exit 2, the version.

mod common;

use common::run;

const COMMANDS: &[&[&str]] = &[
    &[],
    &["probe"],
    &["brn"],
    &["brn", "check"],
    &["brn", "kind"],
    &["brn", "format"],
    &["page"],
    &["callback"],
    &["callback", "send"],
    &["callback", "parse"],
    &["callback", "check-source"],
    &["standin"],
];

#[test]
fn every_command_has_help() {
    for command in COMMANDS {
        let mut args = command.to_vec();
        args.push("--help");
        let out = run(&args, None).expect(0);
        assert!(
            out.stdout.contains("Usage: smartbill-signup"),
            "{args:?}: {}",
            out.stdout
        );
        assert_eq!(out.stderr, "", "{args:?}");
        if command.len() == 2 || matches!(command, [c] if *c != "brn" && *c != "callback") {
            assert!(
                out.stdout.contains("Exit codes:"),
                "{args:?}: {}",
                out.stdout
            );
        }
    }
}

#[test]
fn usage_errors_are_one_line_and_exit_2() {
    run(&["frobnicate"], None).expect_input_error("unrecognized subcommand 'frobnicate'");
    run(&["brn", "check", "--colour"], None).expect_input_error("--colour");
    run(&["probe", "--timeout"], None).expect_input_error("--timeout");
    run(&["callback", "check-source"], None).expect_input_error("<IP>");
}

#[test]
fn a_missing_command_shows_help_and_exits_2() {
    let out = run(&[], None).expect(2);
    assert!(out.stderr.contains("Usage: smartbill-signup"));
}

#[test]
fn version() {
    let out = run(&["--version"], None).expect(0);
    assert_eq!(
        out.stdout,
        format!("smartbill-signup {}\n", env!("CARGO_PKG_VERSION"))
    );
}
