"""Writes SmartBill's signup popup page for a sample company to a file that
a person can open in a browser (it posts the company's data to SmartBill's
demo site, where the signup continues).

    python examples/python/signup_page.py --out signup.html
    python examples/python/signup_page.py --charset euc-kr --environment production

In an ERP the values come from the company master data, and the page is
served from the ERP's web server into a popup window; `form.html()` gives it
as text for a web framework, `form.html_bytes()` as the exact bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Dict, List, Optional

import smartbill_signup as sb

# A sample company: a valid business number, the partner code SmartBill's
# demo uses (an ERP gets its own from SmartBill), and the contact person.
SAMPLE_COMPANY: Dict[str, Optional[str]] = {
    "pComRegNo": "124-81-00998",
    "pComName": "(주)스마트빌 샘플",
    "pComPresident": "홍길동",
    "pComBizStatus": "서비스",
    "pComBizClass": "소프트웨어 개발",
    "pZipCode": "06236",
    "pComAddress": "서울특별시 강남구 테헤란로 123, 4층",
    "pMIGRATIONFLAG": "TEST11",
    "pMemName": "김담당",
    "pMemTel": "02-1111-1111",
    "pMemHP": "010-1111-1111",
    "pMemFax": None,  # no fax: left out of the page
    "pMemEmail": "kim@example.co.kr",
    "pMasterYN": "Y",
    "pID": "erp-user-01",
}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="smartbill-signup.html", help="the file to write (default %(default)s)")
    parser.add_argument("--environment", default="demo", help="demo, production or a base URL (default %(default)s)")
    parser.add_argument("--charset", default="utf-8", help="utf-8 or euc-kr (CP949) (default %(default)s)")
    parser.add_argument("--target", default="_self", help="the form's target; _self: the page is the popup itself")
    args = parser.parse_args(argv)
    try:
        with sb.SignupForm(SAMPLE_COMPANY, args.environment) as form:
            page = form.html_bytes(charset=args.charset, target=args.target)
            action = form.action_url
    except sb.SmartbillError as e:
        # Status name, the parameter and what is wrong: enough to fix the data.
        print(f"cannot build the page: {e.status_name} ({e.field}): {e.message}", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.write_bytes(page)
    print(f"wrote {out} ({len(page)} bytes, {args.charset}); it posts to {action}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
