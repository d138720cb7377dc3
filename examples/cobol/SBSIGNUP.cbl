       IDENTIFICATION DIVISION.
       PROGRAM-ID. SBSIGNUP.
      *=================================================================
      * Step 2 of the vendor batch: builds SmartBill's signup page for
      * one vendor from its CP949 master record. The page is the HTML
      * the ERP opens in the customer's browser: a form that posts the
      * vendor's data to SmartBill.
      *
      * Files (GnuCOBOL maps each name to the path in DD_<name>):
      *   SIGNPARM  in   one control record: vendor, environment,
      *                  partner code (pMIGRATIONFLAG), pMasterYN, pID
      *   VENDMAST  in   vendor master, VENDOR.cpy records, CP949
      *   SIGNPAGE  out  the page (bytes; UTF-8 HTML, as SmartBill's
      *                  service expects)
      *   SIGNRPT   out  what happened, CP949
      * RETURN-CODE: 0 page written, 8 refused (the report says why),
      * 16 cannot run.
      *=================================================================
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT PARM-FILE ASSIGN TO "SIGNPARM"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS WS-PARM-FS.
           SELECT VENDOR-FILE ASSIGN TO "VENDMAST"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS WS-VENDOR-FS.
           SELECT REPORT-FILE ASSIGN TO "SIGNRPT"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS WS-REPORT-FS.
       DATA DIVISION.
       FILE SECTION.
       FD  PARM-FILE.
       01  PARM-RECORD.
           05  PARM-VENDOR-ID           PIC X(8).
      * demo, production, or a base URL.
           05  PARM-ENVIRONMENT         PIC X(60).
           05  PARM-PARTNER-CODE        PIC X(50).
           05  PARM-MASTER-YN           PIC X(1).
           05  PARM-USER-ID             PIC X(50).
       FD  VENDOR-FILE.
       COPY VENDOR.
       FD  REPORT-FILE.
       01  REPORT-LINE                  PIC X(640).
       WORKING-STORAGE SECTION.
       COPY SMARTBILL.
       01  WS-PARM-FS                   PIC XX.
       01  WS-VENDOR-FS                 PIC XX.
       01  WS-REPORT-FS                 PIC XX.
       01  WS-FOUND                     PIC X VALUE "N".
           88  VENDOR-FOUND             VALUE "Y".
           88  VENDOR-MISSING           VALUE "E".
       01  WS-REFUSED                   PIC X VALUE "N".
           88  REFUSED                  VALUE "Y".
       01  WS-ABI                       USAGE BINARY-LONG UNSIGNED.
       01  WS-I                         USAGE BINARY-LONG.
       01  WS-OPTION                    PIC X(16).
       01  WS-OPTION-VALUE              PIC X(16).
       01  WS-ACTION-URL                PIC X(300).
       01  WS-ACTION-URL-LEN            USAGE BINARY-LONG.
      * The page; SmartBill's are a few KiB.
       01  WS-PAGE                      PIC X(65536).
       01  WS-SHOW-BYTES                PIC Z(8)9.
      * Byte-stream file routines (CBL_CREATE_FILE and friends).
       01  WS-FILE-NAME                 PIC X(8) VALUE "SIGNPAGE".
       01  WS-FILE-HANDLE               PIC X(4).
       01  WS-FILE-ACCESS               USAGE BINARY-CHAR UNSIGNED.
       01  WS-FILE-DENY                 USAGE BINARY-CHAR UNSIGNED.
       01  WS-FILE-DEVICE               USAGE BINARY-CHAR UNSIGNED.
       01  WS-FILE-FLAGS                USAGE BINARY-CHAR UNSIGNED.
       01  WS-FILE-OFFSET               PIC X(8) COMP-X.
       01  WS-FILE-COUNT                PIC X(4) COMP-X.
       01  WS-FILE-RESULT               USAGE BINARY-LONG.

       PROCEDURE DIVISION.
       MAIN.
           PERFORM CHECK-LIBRARY
           OPEN OUTPUT REPORT-FILE
           PERFORM READ-PARM
           PERFORM FIND-VENDOR
           MOVE SPACES TO REPORT-LINE
           STRING "SMARTBILL SIGNUP PAGE FOR " PARM-VENDOR-ID " "
                  VM-COMPANY-NAME
               DELIMITED BY SIZE INTO REPORT-LINE
           WRITE REPORT-LINE
           PERFORM FILL-SIGNUP-RECORD
           IF NOT REFUSED
               PERFORM BUILD-FORM
           END-IF
           IF NOT REFUSED
               PERFORM WRITE-PAGE
           END-IF
           CALL "smartbill_form_free" USING BY VALUE SB-FORM
               RETURNING OMITTED
           CLOSE REPORT-FILE
           IF REFUSED
               MOVE 8 TO RETURN-CODE
           ELSE
               MOVE 0 TO RETURN-CODE
           END-IF
           STOP RUN.

       CHECK-LIBRARY.
           CALL "smartbill_abi_version" RETURNING WS-ABI
           IF WS-ABI NOT = SMARTBILL-ABI-VERSION
               DISPLAY "SBSIGNUP: library ABI " WS-ABI
                       ", copybook " SMARTBILL-ABI-VERSION
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF.

       READ-PARM.
           OPEN INPUT PARM-FILE
           IF WS-PARM-FS NOT = "00"
               DISPLAY "SBSIGNUP: cannot open SIGNPARM, status "
                       WS-PARM-FS
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
           READ PARM-FILE
               AT END
                   DISPLAY "SBSIGNUP: SIGNPARM is empty"
                   MOVE 16 TO RETURN-CODE
                   STOP RUN
           END-READ
           CLOSE PARM-FILE.

       FIND-VENDOR.
           OPEN INPUT VENDOR-FILE
           IF WS-VENDOR-FS NOT = "00"
               DISPLAY "SBSIGNUP: cannot open VENDMAST, status "
                       WS-VENDOR-FS
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
           PERFORM UNTIL VENDOR-FOUND OR VENDOR-MISSING
               READ VENDOR-FILE
                   AT END SET VENDOR-MISSING TO TRUE
                   NOT AT END
                       IF VM-VENDOR-ID = PARM-VENDOR-ID
                           SET VENDOR-FOUND TO TRUE
                       END-IF
               END-READ
           END-PERFORM
           CLOSE VENDOR-FILE
           IF VENDOR-MISSING
               DISPLAY "SBSIGNUP: vendor " PARM-VENDOR-ID
                       " is not in VENDMAST"
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF.

      * The vendor's fields into the copybook's signup record. The
      * number goes in as its 10 digits: the vendor keyed it with
      * dashes, and moving "124-81-00998" into PIC X(10) would cut it.
       FILL-SIGNUP-RECORD.
           MOVE SPACES TO SB-SIGNUP
           MOVE LENGTH OF VM-BRN TO SB-TEXT-LEN
           MOVE LENGTH OF SB-pComRegNo TO SB-CAP
           CALL "smartbill_brn_normalize" USING
               BY REFERENCE VM-BRN
               BY VALUE SIZE AUTO SB-TEXT-LEN
               BY REFERENCE SB-pComRegNo
               BY VALUE SIZE AUTO SB-CAP
               BY REFERENCE SB-OUT-LEN
               RETURNING SB-STATUS
           IF SB-STATUS NOT = SMARTBILL-OK
               PERFORM REPORT-REFUSAL
           END-IF
           MOVE VM-COMPANY-NAME   TO SB-pComName
           MOVE VM-PRESIDENT      TO SB-pComPresident
           MOVE VM-BIZ-STATUS     TO SB-pComBizStatus
           MOVE VM-BIZ-CLASS      TO SB-pComBizClass
           MOVE VM-ZIP-CODE       TO SB-pZipCode
           MOVE VM-ADDRESS        TO SB-pComAddress
           MOVE PARM-PARTNER-CODE TO SB-pMIGRATIONFLAG
           MOVE VM-CONTACT-NAME   TO SB-pMemName
           MOVE VM-TEL            TO SB-pMemTel
           MOVE VM-MOBILE         TO SB-pMemHP
           MOVE VM-EMAIL          TO SB-pMemEmail
           MOVE PARM-MASTER-YN    TO SB-pMasterYN
           MOVE PARM-USER-ID      TO SB-pID.

      * A form for the environment, told that values come in CP949,
      * then every parameter of SB-SIGNUP in one loop: each field is
      * passed with its width (the library trims the padding; a blank
      * field is simply not sent).
       BUILD-FORM.
           MOVE FUNCTION LENGTH(FUNCTION TRIM(PARM-ENVIRONMENT))
             TO SB-TEXT-LEN
           CALL "smartbill_form_new" USING
               BY REFERENCE PARM-ENVIRONMENT
               BY VALUE SIZE AUTO SB-TEXT-LEN
               BY REFERENCE SB-FORM
               RETURNING SB-STATUS
           IF SB-STATUS NOT = SMARTBILL-OK
               PERFORM REPORT-REFUSAL
               EXIT PARAGRAPH
           END-IF
           MOVE "input_charset" TO WS-OPTION
           MOVE "euc-kr" TO WS-OPTION-VALUE
           MOVE LENGTH OF WS-OPTION TO SB-NAME-LEN
           MOVE LENGTH OF WS-OPTION-VALUE TO SB-TEXT-LEN
           CALL "smartbill_form_set_option" USING
               BY VALUE SB-FORM
               BY REFERENCE WS-OPTION
               BY VALUE SIZE AUTO SB-NAME-LEN
               BY REFERENCE WS-OPTION-VALUE
               BY VALUE SIZE AUTO SB-TEXT-LEN
               RETURNING SB-STATUS
           IF SB-STATUS NOT = SMARTBILL-OK
               PERFORM REPORT-REFUSAL
           END-IF
           PERFORM VARYING WS-I FROM 1 BY 1
                   UNTIL WS-I > SB-SIGNUP-FIELD-COUNT
               MOVE SB-SIGNUP-FIELD-NAME(WS-I) TO SB-NAME
               MOVE LENGTH OF SB-NAME TO SB-NAME-LEN
               MOVE SB-SIGNUP-FIELD-WIDTH(WS-I) TO SB-TEXT-LEN
               CALL "smartbill_form_set" USING
                   BY VALUE SB-FORM
                   BY REFERENCE SB-NAME
                   BY VALUE SIZE AUTO SB-NAME-LEN
                   BY REFERENCE SB-SIGNUP(SB-SIGNUP-FIELD-OFFSET(WS-I):
                                          SB-SIGNUP-FIELD-WIDTH(WS-I))
                   BY VALUE SIZE AUTO SB-TEXT-LEN
                   RETURNING SB-STATUS
               IF SB-STATUS NOT = SMARTBILL-OK
                   PERFORM REPORT-REFUSAL
               END-IF
           END-PERFORM.

      * The page into WS-PAGE, then its SB-OUT-LEN bytes into SIGNPAGE.
      * smartbill_form_html checks the whole form first: a refusal names
      * the parameter (with its Korean label) and the rule.
       WRITE-PAGE.
           MOVE LENGTH OF WS-PAGE TO SB-CAP
           CALL "smartbill_form_html" USING
               BY VALUE SB-FORM
               BY REFERENCE WS-PAGE
               BY VALUE SIZE AUTO SB-CAP
               BY REFERENCE SB-OUT-LEN
               RETURNING SB-STATUS
           IF SB-STATUS NOT = SMARTBILL-OK
               PERFORM REPORT-REFUSAL
               EXIT PARAGRAPH
           END-IF
           MOVE SB-OUT-LEN TO WS-FILE-COUNT WS-SHOW-BYTES
           MOVE 2 TO WS-FILE-ACCESS
           MOVE 0 TO WS-FILE-DENY WS-FILE-DEVICE WS-FILE-FLAGS
                     WS-FILE-OFFSET
           CALL "CBL_CREATE_FILE" USING WS-FILE-NAME WS-FILE-ACCESS
               WS-FILE-DENY WS-FILE-DEVICE WS-FILE-HANDLE
               RETURNING WS-FILE-RESULT
           IF WS-FILE-RESULT = 0
               CALL "CBL_WRITE_FILE" USING WS-FILE-HANDLE
                   WS-FILE-OFFSET WS-FILE-COUNT WS-FILE-FLAGS WS-PAGE
                   RETURNING WS-FILE-RESULT
               CALL "CBL_CLOSE_FILE" USING WS-FILE-HANDLE
                   RETURNING OMITTED
           END-IF
           IF WS-FILE-RESULT NOT = 0
               DISPLAY "SBSIGNUP: cannot write SIGNPAGE"
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
           MOVE LENGTH OF WS-ACTION-URL TO SB-CAP
           CALL "smartbill_form_action_url" USING
               BY VALUE SB-FORM
               BY REFERENCE WS-ACTION-URL
               BY VALUE SIZE AUTO SB-CAP
               BY REFERENCE SB-OUT-LEN
               RETURNING SB-STATUS
           MOVE SB-OUT-LEN TO WS-ACTION-URL-LEN
           MOVE SPACES TO REPORT-LINE
           STRING "PAGE WRITTEN: " FUNCTION TRIM(WS-SHOW-BYTES)
                  " BYTES, POSTS TO "
                  WS-ACTION-URL(1:WS-ACTION-URL-LEN)
               DELIMITED BY SIZE INTO REPORT-LINE
           WRITE REPORT-LINE.

      * "REFUSED FIELD_FORMAT: pZipCode (...) must be 5 digits ...".
       REPORT-REFUSAL.
           SET REFUSED TO TRUE
           PERFORM READ-LAST-ERROR
           MOVE SPACES TO REPORT-LINE
           STRING "REFUSED " DELIMITED BY SIZE
                  SB-ERROR-NAME DELIMITED BY SPACE
                  ": " SB-ERROR-MESSAGE DELIMITED BY SIZE
               INTO REPORT-LINE
           WRITE REPORT-LINE.

       COPY SBERROR.
