// The signup parameters: the one list of SmartBill's 15 form fields, in the
// guide's order (the order of the page and the urlencoded body). The form
// model (`src/form/fields.rs`), the C ABI's `smartbill_form_field_*` and the
// header's parameter list (`build.rs`) are all generated from this file.
//
// Limits are CP949 bytes (Hangul 2, ASCII 1): SmartBill's own page says
// "150 English characters or 75 Korean characters", so it counts bytes of a
// double-byte encoding (the guide, at "영문은 150자, 한글은 75자 이하").

// Rules: (Variant, name in every language, what a value must be)
form_rule_table! {
    (Text, "text", "text CP949 can hold, on one line"),
    (BusinessNumber, "business_number", "a valid business number, dashes allowed; sent as its 10 digits (brn_check=digits accepts any 10 digits)"),
    (ZipCode, "zip_code", "5 digits"),
    (Phone, "phone", "digits and dashes, e.g. 02-1111-1111"),
    (Email, "email", "a plausible e-mail address"),
    (YesNo, "yes_no", "Y or N"),
}

// Fields: (name, max CP949 bytes, required, rule, the guide's description, in English)
form_field_table! {
    ("pComRegNo", 10, true, BusinessNumber, "사업자번호", "business registration number"),
    ("pComName", 200, false, Text, "회사명", "company name"),
    ("pComPresident", 100, false, Text, "대표자명", "representative's name"),
    ("pComBizStatus", 100, false, Text, "업태", "business type"),
    ("pComBizClass", 100, false, Text, "종목", "business item"),
    ("pZipCode", 5, false, ZipCode, "우편번호", "postal code"),
    ("pComAddress", 300, false, Text, "주소", "address"),
    ("pMIGRATIONFLAG", 50, true, Text, "회원연계코드", "partner code SmartBill assigns to the ERP"),
    ("pMemName", 100, false, Text, "이름", "contact person's name"),
    ("pMemTel", 40, false, Phone, "연락처(-포함)", "telephone"),
    ("pMemHP", 40, false, Phone, "휴대폰(-포함)", "mobile phone"),
    ("pMemFax", 40, false, Phone, "팩스(-포함)", "fax"),
    ("pMemEmail", 100, false, Email, "이메일", "e-mail address"),
    ("pMasterYN", 1, false, YesNo, "기업관리자여부", "whether the user is the company administrator"),
    ("pID", 50, false, Text, "사용자 ID", "the user's ID in the ERP"),
}
