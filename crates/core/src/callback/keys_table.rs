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
// (Variant, name, older guide's name or "", required, secret, width, meaning)
callback_key_table! {
    (UserSbid, "USER_SBID", "SBID", true, false, 50, "the SmartBill ID"),
    (UserName, "USER_NAME", "", false, false, 100, "the contact person's name"),
    (UserEmail, "USER_EMAIL", "Email", false, false, 100, "the contact's e-mail address"),
    (UserPhone, "USER_PHONE", "", false, false, 40, "the contact's mobile number"),
    (ComRegno, "COM_REGNO", "", true, false, 12, "the business number as SmartBill sent it"),
    (ComName, "COM_NAME", "", false, false, 200, "the company name"),
    (ComPresident, "COM_PRESIDENT", "", false, false, 100, "the representative's name"),
    (ComAddress, "COM_ADDRESS", "", false, false, 300, "the company address"),
    (RegYn, "regYn", "", false, false, 1, "whether the user is the company's administrator, Y or N (the guide's table writes regYN)"),
    (AuthCode, "AUTH_CODE", "", true, true, 32, "the Open API auth code (secret)"),
    (AuthToken, "AUTH_TOKEN", "", true, true, 512, "the Open API auth token, base64 (secret)"),
    (ErpUserId, "pID", "", false, false, 50, "the ERP's own user ID (older guide only)"),
}
