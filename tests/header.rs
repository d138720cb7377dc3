//! The committed header must be what the build generates.

#[test]
fn header_is_current() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/smartbill_signup.h"));
    let committed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/include/smartbill_signup.h");
    let committed = std::fs::read_to_string(committed_path).unwrap();
    assert!(
        generated == committed,
        "include/smartbill_signup.h is stale: run `SMARTBILL_UPDATE_HEADER=1 cargo build` and commit it"
    );
}

#[test]
fn every_status_is_in_the_header() {
    let header = include_str!("../include/smartbill_signup.h");
    for s in smartbill_signup_core::Status::ALL {
        let constant = if s.code() == 0 {
            "SMARTBILL_OK".to_string()
        } else {
            format!("SMARTBILL_ERR_{}", s.name())
        };
        assert!(
            header.contains(&format!("#define {constant} {}\n", s.code())),
            "{constant}"
        );
    }
}

#[test]
fn readme_status_table_matches_the_table() {
    let readme = include_str!("../README.md");
    for s in smartbill_signup_core::Status::ALL {
        let row = format!("| {} | `{}` | ", s.code(), s.name());
        assert!(
            readme.contains(&row),
            "README.md lacks the row for {}",
            s.name()
        );
    }
    let rows = readme
        .lines()
        .filter(|l| {
            l.starts_with("| ")
                && l.contains(" | `")
                && l.split('|')
                    .nth(1)
                    .is_some_and(|n| n.trim().parse::<i32>().is_ok())
        })
        .count();
    assert_eq!(
        rows,
        smartbill_signup_core::Status::ALL.len(),
        "README.md has rows for statuses that do not exist"
    );
}
