// The callback's keys: the one list of the keys SmartBill's callback body
// carries, in the order of the guide's table (`pID`, from the older guide,
// last). `src/callback/keys.rs` turns it into the `Key` enum; `build.rs`
// turns it into the COBOL copybook's callback record (`SB-CALLBACK`).
//
// `width` is the fixed-length field (CP949 bytes) that the copybook's record
// gives the value. The guide sets no limits, so the company and contact
// fields take the signup form's limits; a longer value is refused with
// BUFFER_TOO_SMALL when copied into the field, never cut.
//
// `sensitivity` is how the value may be shown where people read it (`Debug`,
// every wrapper's default string form, messages, logs): `Public` values are
// shown; `Personal` ones (the contact's and representative's name, e-mail,
// phone, the address) and `Secret` ones (the Open API credentials) never
// are, and secrets are kept out of error messages too. A key the library
// does not know counts as `Personal`: it may hold anything.
//
// (Variant, name, older guide's name or "", required, sensitivity, width, meaning)
callback_key_table! {
    (UserSbid, "USER_SBID", "SBID", true, Public, 50, "the SmartBill ID"),
    (UserName, "USER_NAME", "", false, Personal, 100, "the contact person's name"),
    (UserEmail, "USER_EMAIL", "Email", false, Personal, 100, "the contact's e-mail address"),
    (UserPhone, "USER_PHONE", "", false, Personal, 40, "the contact's mobile number"),
    (ComRegno, "COM_REGNO", "", true, Public, 12, "the business number as SmartBill sent it"),
    (ComName, "COM_NAME", "", false, Public, 200, "the company name"),
    (ComPresident, "COM_PRESIDENT", "", false, Personal, 100, "the representative's name"),
    (ComAddress, "COM_ADDRESS", "", false, Personal, 300, "the company address"),
    (RegYn, "regYn", "", false, Public, 1, "whether the user is the company's administrator, Y or N (the guide's table writes regYN)"),
    (AuthCode, "AUTH_CODE", "", true, Secret, 32, "the Open API auth code (secret)"),
    (AuthToken, "AUTH_TOKEN", "", true, Secret, 512, "the Open API auth token, base64 (secret)"),
    (ErpUserId, "pID", "", false, Public, 50, "the ERP's own user ID (older guide only)"),
}
