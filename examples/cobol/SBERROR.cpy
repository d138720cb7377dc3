      * READ-LAST-ERROR: the procedure paragraph every program uses after a
      * failed call (COPY it in the PROCEDURE DIVISION). It fills
      * SB-ERROR-NAME and SB-ERROR-MESSAGE (CP949, space-padded) from
      * SB-STATUS and this thread's last error. Its own calls use the
      * SB-ERROR-READ-* fields, so SB-CALL is left as the failed call left
      * it: SB-STATUS can still be tested afterwards, and SB-OUT-LEN still
      * holds the size a BUFFER-TOO-SMALL call needed.
       READ-LAST-ERROR.
           MOVE SMARTBILL-TEXT-PAD TO SB-ERROR-READ-FLAGS
           MOVE LENGTH OF SB-ERROR-NAME TO SB-ERROR-READ-CAP
           CALL "smartbill_status_name_into" USING
               BY VALUE SB-STATUS SB-ERROR-READ-FLAGS
               BY REFERENCE SB-ERROR-NAME
               BY VALUE SIZE AUTO SB-ERROR-READ-CAP
               BY REFERENCE SB-ERROR-READ-LEN
               RETURNING SB-ERROR-READ-STATUS
           COMPUTE SB-ERROR-READ-FLAGS =
               SMARTBILL-TEXT-CP949 + SMARTBILL-TEXT-PAD
           MOVE LENGTH OF SB-ERROR-MESSAGE TO SB-ERROR-READ-CAP
           CALL "smartbill_last_error_into" USING
               BY VALUE SB-ERROR-READ-FLAGS
               BY REFERENCE SB-ERROR-MESSAGE
               BY VALUE SIZE AUTO SB-ERROR-READ-CAP
               BY REFERENCE SB-ERROR-READ-LEN
               RETURNING SB-ERROR-READ-STATUS
           IF SB-ERROR-READ-STATUS = SMARTBILL-ERR-BUFFER-TOO-SMALL
               MOVE "(message longer than SB-ERROR-MESSAGE)"
                 TO SB-ERROR-MESSAGE
           END-IF.
