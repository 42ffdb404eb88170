package dk.bindeled.partner.domain;

/**
 * The Danish business register number: eight digits whose weighted sum (weights 2,7,6,5,4,3,2,1) is
 * divisible by eleven.
 */
public final class Cvr {

    private static final int[] WEIGHTS = {2, 7, 6, 5, 4, 3, 2, 1};

    private Cvr() {
    }

    public static boolean isValid(String cvr) {
        if (cvr == null || !cvr.matches("\\d{8}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (cvr.charAt(i) - '0') * WEIGHTS[i];
        }
        return sum % 11 == 0;
    }
}
