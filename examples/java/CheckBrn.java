// Checks the business numbers given as arguments and prints each one's
// status, formatted form and kind: the shortest Java program on the
// released jar (see the README's Install section).
//   javac -cp smartbill-signup-0.1.0.jar:jna-5.19.1.jar CheckBrn.java
//   java -cp smartbill-signup-0.1.0.jar:jna-5.19.1.jar:. CheckBrn 124-81-00998 123-45-67890
import kr.smartbill.signup.Brn;
import kr.smartbill.signup.SmartbillException;

public final class CheckBrn {
    public static void main(String[] args) {
        for (String number : args) {
            try {
                Brn.validate(number);
                System.out.printf("%-14s %-14s %s %s%n", number, "OK", Brn.format(number), Brn.kind(number));
            } catch (SmartbillException e) {
                System.out.printf("%-14s %-14s %s%n", number, e.getStatusName(), e.getMessage());
            }
        }
    }
}
