       IDENTIFICATION DIVISION.
       PROGRAM-ID. SBRECV.
      *=================================================================
      * Step 4 of the vendor batch: the callback receiver. Starts the
      * library's receiver (an HTTP endpoint on background threads of
      * this process) with the options in RECVPARM, plays SmartBill's
      * side against it for each body RECVPARM lists (the library's own
      * sender, as a support engineer checks an installation), and
      * stops it. Every callback answered 200 was committed to the
      * store before the answer: SBDRAIN takes them from there.
      *
      * Files (GnuCOBOL maps each name to the path in DD_<name>):
      *   RECVPARM in   "OPTION  " name (cols 9-32) value (cols 33-288):
      *                 the receiver's options (store, host, port, ...);
      *                 "SEND    " path (cols 9-288): a body to deliver
      *   RECVRPT  out  one line per step
      * RETURN-CODE: 0 every body answered 200, 4 some refused (the
      * report says how), 16 cannot run.
      *=================================================================
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT PARM-FILE ASSIGN TO "RECVPARM"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS WS-PARM-FS.
           SELECT REPORT-FILE ASSIGN TO "RECVRPT"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS WS-REPORT-FS.
       DATA DIVISION.
       FILE SECTION.
       FD  PARM-FILE.
       01  PARM-LINE.
           05  PARM-VERB                PIC X(8).
           05  PARM-NAME                PIC X(24).
           05  PARM-VALUE               PIC X(256).
       01  PARM-SEND-LINE.
           05  FILLER                   PIC X(8).
           05  PARM-PATH                PIC X(280).
       FD  REPORT-FILE.
       01  REPORT-LINE                  PIC X(400).
       WORKING-STORAGE SECTION.
       COPY SMARTBILL.
       01  WS-PARM-FS                   PIC XX.
       01  WS-REPORT-FS                 PIC XX.
       01  WS-ABI                       USAGE BINARY-LONG UNSIGNED.
       01  WS-EOF                       PIC X VALUE "N".
           88  END-OF-PARM              VALUE "Y".
       01  WS-OPTIONS                   USAGE POINTER.
       01  WS-HTTP-OPTIONS              USAGE POINTER.
       01  WS-RESPONSE                  USAGE POINTER.
       01  WS-HTTP-STATUS               USAGE BINARY-LONG.
       01  WS-RECORDS                   USAGE BINARY-DOUBLE UNSIGNED.
       01  WS-PENDING                   USAGE BINARY-DOUBLE UNSIGNED.
       01  WS-REFUSED                   USAGE BINARY-LONG VALUE 0.
       01  WS-SHOW-NUMBER               PIC Z(8)9.
       01  WS-SHOW-RECORDS              PIC Z(8)9.
       01  WS-URL                       PIC X(200).
       01  WS-ANSWER                    PIC X(300).
       01  WS-OPTION-TEXT               PIC X(16).
       01  WS-OPTION-VALUE              PIC X(16).
      * The body to send; SmartBill's are a few hundred bytes.
       01  WS-BODY                      PIC X(65536).
       01  WS-BODY-PATH                 PIC X(280).
      * Byte-stream file routines (CBL_OPEN_FILE and friends).
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
           OPEN INPUT PARM-FILE
           OPEN OUTPUT REPORT-FILE
           IF WS-PARM-FS NOT = "00"
               DISPLAY "SBRECV: cannot open RECVPARM"
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
           CALL "smartbill_receiver_options_new" USING
               BY REFERENCE WS-OPTIONS
               RETURNING SB-STATUS
           SET SB-RECEIVER TO NULL
           PERFORM PREPARE-SENDER
           PERFORM UNTIL END-OF-PARM
               READ PARM-FILE
                   AT END SET END-OF-PARM TO TRUE
                   NOT AT END PERFORM OBEY-LINE
               END-READ
           END-PERFORM
           CLOSE PARM-FILE
           IF SB-RECEIVER = NULL
               PERFORM START-RECEIVER
           END-IF
           PERFORM STOP-RECEIVER
           CALL "smartbill_receiver_options_free" USING
               BY VALUE WS-OPTIONS
               RETURNING OMITTED
           CALL "smartbill_http_options_free" USING
               BY VALUE WS-HTTP-OPTIONS
               RETURNING OMITTED
           CLOSE REPORT-FILE
           IF WS-REFUSED > 0
               MOVE 4 TO RETURN-CODE
           ELSE
               MOVE 0 TO RETURN-CODE
           END-IF
           STOP RUN.

       CHECK-LIBRARY.
           CALL "smartbill_abi_version" RETURNING WS-ABI
           IF WS-ABI NOT = SMARTBILL-ABI-VERSION
               DISPLAY "SBRECV: library ABI " WS-ABI
                       ", copybook " SMARTBILL-ABI-VERSION
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF.

      * The sender goes direct: no proxy between this job and its own
      * receiver.
       PREPARE-SENDER.
           CALL "smartbill_http_options_new" USING
               BY REFERENCE WS-HTTP-OPTIONS
               RETURNING SB-STATUS
           MOVE "proxy" TO WS-OPTION-TEXT
           MOVE "off" TO WS-OPTION-VALUE
           MOVE LENGTH OF WS-OPTION-TEXT TO SB-NAME-LEN
           MOVE LENGTH OF WS-OPTION-VALUE TO SB-TEXT-LEN
           CALL "smartbill_http_options_set" USING
               BY VALUE WS-HTTP-OPTIONS
               BY REFERENCE WS-OPTION-TEXT
               BY VALUE SIZE AUTO SB-NAME-LEN
               BY REFERENCE WS-OPTION-VALUE
               BY VALUE SIZE AUTO SB-TEXT-LEN
               RETURNING SB-STATUS.

       OBEY-LINE.
           EVALUATE PARM-VERB
               WHEN "OPTION"
                   PERFORM SET-OPTION
               WHEN "SEND"
                   IF SB-RECEIVER = NULL
                       PERFORM START-RECEIVER
                   END-IF
                   PERFORM SEND-BODY
               WHEN OTHER
                   CONTINUE
           END-EVALUATE.

      * The fields keep their padding: the library trims it.
       SET-OPTION.
           MOVE LENGTH OF PARM-NAME TO SB-NAME-LEN
           MOVE LENGTH OF PARM-VALUE TO SB-TEXT-LEN
           CALL "smartbill_receiver_options_set" USING
               BY VALUE WS-OPTIONS
               BY REFERENCE PARM-NAME
               BY VALUE SIZE AUTO SB-NAME-LEN
               BY REFERENCE PARM-VALUE
               BY VALUE SIZE AUTO SB-TEXT-LEN
               RETURNING SB-STATUS
           IF SB-STATUS NOT = SMARTBILL-OK
               PERFORM READ-LAST-ERROR
               MOVE SPACES TO REPORT-LINE
               STRING "OPTION REFUSED " DELIMITED BY SIZE
                      SB-ERROR-NAME DELIMITED BY SPACE
                      ": " SB-ERROR-MESSAGE DELIMITED BY SIZE
                   INTO REPORT-LINE
               WRITE REPORT-LINE
               CLOSE REPORT-FILE
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF.

       START-RECEIVER.
           CALL "smartbill_receiver_start" USING
               BY VALUE WS-OPTIONS
               BY REFERENCE SB-RECEIVER
               RETURNING SB-STATUS
           MOVE SPACES TO REPORT-LINE
           IF SB-STATUS NOT = SMARTBILL-OK
               PERFORM READ-LAST-ERROR
               STRING "RECEIVER NOT STARTED " DELIMITED BY SIZE
                      SB-ERROR-NAME DELIMITED BY SPACE
                      ": " SB-ERROR-MESSAGE DELIMITED BY SIZE
                   INTO REPORT-LINE
               WRITE REPORT-LINE
               CLOSE REPORT-FILE
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
      * The URL (with the port the system chose) is for the sender;
      * the report leaves it out so that it reads the same every run.
           MOVE SMARTBILL-TEXT-PAD TO SB-FLAGS
           MOVE LENGTH OF WS-URL TO SB-CAP
           CALL "smartbill_receiver_url" USING
               BY VALUE SB-RECEIVER SB-FLAGS
               BY REFERENCE WS-URL
               BY VALUE SIZE AUTO SB-CAP
               BY REFERENCE SB-OUT-LEN
               RETURNING SB-STATUS
           MOVE "RECEIVER STARTED" TO REPORT-LINE
           WRITE REPORT-LINE.

      * Reads the file named in PARM-PATH and POSTs it to the receiver.
       SEND-BODY.
           MOVE PARM-PATH TO WS-BODY-PATH
           PERFORM READ-BODY
           MOVE LENGTH OF WS-URL TO SB-NAME-LEN
           MOVE 10000 TO SB-TIMEOUT-MS
           CALL "smartbill_http_send_callback" USING
               BY REFERENCE WS-URL
               BY VALUE SIZE AUTO SB-NAME-LEN
               BY REFERENCE WS-BODY
               BY VALUE SIZE AUTO SB-TEXT-LEN
               BY VALUE WS-HTTP-OPTIONS SB-TIMEOUT-MS
               BY REFERENCE WS-RESPONSE
               RETURNING SB-STATUS
           MOVE SPACES TO REPORT-LINE
           IF SB-STATUS NOT = SMARTBILL-OK
               ADD 1 TO WS-REFUSED
               PERFORM READ-LAST-ERROR
               STRING "SENT " DELIMITED BY SIZE
                      WS-BODY-PATH DELIMITED BY SPACE
                      ": NOT DELIVERED " DELIMITED BY SIZE
                      SB-ERROR-NAME DELIMITED BY SPACE
                   INTO REPORT-LINE
               WRITE REPORT-LINE
           ELSE
               CALL "smartbill_response_status" USING
                   BY VALUE WS-RESPONSE
                   BY REFERENCE WS-HTTP-STATUS
                   RETURNING SB-STATUS
               COMPUTE SB-FLAGS =
                   SMARTBILL-TEXT-CP949 + SMARTBILL-TEXT-PAD
               MOVE LENGTH OF WS-ANSWER TO SB-CAP
               MOVE SPACES TO WS-ANSWER
               CALL "smartbill_response_body" USING
                   BY VALUE WS-RESPONSE SB-FLAGS
                   BY REFERENCE WS-ANSWER
                   BY VALUE SIZE AUTO SB-CAP
                   BY REFERENCE SB-OUT-LEN
                   RETURNING SB-STATUS
               CALL "smartbill_response_free" USING
                   BY VALUE WS-RESPONSE
                   RETURNING OMITTED
               IF WS-HTTP-STATUS NOT = 200
                   ADD 1 TO WS-REFUSED
               END-IF
               MOVE WS-HTTP-STATUS TO WS-SHOW-NUMBER
      * The answer's last character is its newline.
               INSPECT WS-ANSWER REPLACING ALL X"0A" BY SPACE
               STRING "SENT " DELIMITED BY SIZE
                      WS-BODY-PATH DELIMITED BY SPACE
                      ": HTTP " FUNCTION TRIM(WS-SHOW-NUMBER) " "
                      FUNCTION TRIM(WS-ANSWER)
                      DELIMITED BY SIZE INTO REPORT-LINE
               WRITE REPORT-LINE
           END-IF.

       STOP-RECEIVER.
           MOVE 5000 TO SB-TIMEOUT-MS
           CALL "smartbill_receiver_stop" USING
               BY VALUE SB-RECEIVER SB-TIMEOUT-MS
               RETURNING SB-STATUS
           CALL "smartbill_receiver_counts" USING
               BY VALUE SB-RECEIVER
               BY REFERENCE WS-RECORDS WS-PENDING
               RETURNING SB-STATUS
           MOVE WS-RECORDS TO WS-SHOW-RECORDS
           MOVE WS-PENDING TO WS-SHOW-NUMBER
           MOVE SPACES TO REPORT-LINE
           STRING "RECEIVER STOPPED; THE STORE HOLDS "
                  FUNCTION TRIM(WS-SHOW-RECORDS) " RECORDS, "
                  FUNCTION TRIM(WS-SHOW-NUMBER) " PENDING"
               DELIMITED BY SIZE INTO REPORT-LINE
           WRITE REPORT-LINE
           CALL "smartbill_receiver_free" USING
               BY VALUE SB-RECEIVER
               RETURNING OMITTED.

      * The whole file WS-BODY-PATH into WS-BODY, its length into
      * SB-TEXT-LEN. Flag 128 asks CBL_READ_FILE for the file's size.
       READ-BODY.
           MOVE 1 TO WS-FILE-ACCESS
           MOVE 0 TO WS-FILE-DENY WS-FILE-DEVICE
           CALL "CBL_OPEN_FILE" USING WS-BODY-PATH WS-FILE-ACCESS
               WS-FILE-DENY WS-FILE-DEVICE WS-FILE-HANDLE
               RETURNING WS-FILE-RESULT
           IF WS-FILE-RESULT NOT = 0
               DISPLAY "SBRECV: cannot open " WS-BODY-PATH
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
           MOVE 128 TO WS-FILE-FLAGS
           MOVE 0 TO WS-FILE-OFFSET WS-FILE-COUNT
           CALL "CBL_READ_FILE" USING WS-FILE-HANDLE WS-FILE-OFFSET
               WS-FILE-COUNT WS-FILE-FLAGS WS-BODY
               RETURNING WS-FILE-RESULT
           IF WS-FILE-OFFSET > LENGTH OF WS-BODY
               DISPLAY "SBRECV: a body is larger than WS-BODY"
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
           MOVE WS-FILE-OFFSET TO WS-FILE-COUNT SB-TEXT-LEN
           MOVE 0 TO WS-FILE-OFFSET WS-FILE-FLAGS
           IF WS-FILE-COUNT > 0
               CALL "CBL_READ_FILE" USING WS-FILE-HANDLE
                   WS-FILE-OFFSET WS-FILE-COUNT WS-FILE-FLAGS WS-BODY
                   RETURNING WS-FILE-RESULT
           END-IF
           CALL "CBL_CLOSE_FILE" USING WS-FILE-HANDLE
               RETURNING OMITTED
           IF WS-FILE-RESULT NOT = 0
               DISPLAY "SBRECV: cannot read " WS-BODY-PATH
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF.

       COPY SBERROR.
