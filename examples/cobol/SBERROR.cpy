      * READ-LAST-ERROR: the procedure paragraph every program uses after a
      * failed call (COPY it in the PROCEDURE DIVISION). It fills
      * SB-ERROR-NAME and SB-ERROR-MESSAGE (CP949, space-padded) from
      * SB-STATUS and this thread's last error.
       READ-LAST-ERROR.
           MOVE SMARTBILL-TEXT-PAD TO SB-FLAGS
           MOVE LENGTH OF SB-ERROR-NAME TO SB-CAP
           CALL "smartbill_status_name_into" USING
               BY VALUE SB-STATUS SB-FLAGS
               BY REFERENCE SB-ERROR-NAME
               BY VALUE SIZE AUTO SB-CAP
               BY REFERENCE SB-OUT-LEN
               RETURNING SB-STATUS
           COMPUTE SB-FLAGS = SMARTBILL-TEXT-CP949 + SMARTBILL-TEXT-PAD
           MOVE LENGTH OF SB-ERROR-MESSAGE TO SB-CAP
           CALL "smartbill_last_error_into" USING
               BY VALUE SB-FLAGS
               BY REFERENCE SB-ERROR-MESSAGE
               BY VALUE SIZE AUTO SB-CAP
               BY REFERENCE SB-OUT-LEN
               RETURNING SB-STATUS
           IF SB-STATUS = SMARTBILL-ERR-BUFFER-TOO-SMALL
               MOVE "(message longer than SB-ERROR-MESSAGE)"
                 TO SB-ERROR-MESSAGE
           END-IF.
