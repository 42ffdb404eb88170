package dk.bindeled.referrals.api;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * What Bindeled knows of a resident, the minimum a referral needs. Lives only in the referrals service and only sealed
 * ({@link Sealed}); the plain values exist in memory while a request is served.
 */
public record PersonalData(String name, String phone, String email, LocalDate dateOfBirth, String preferredLanguage,
                           ContactPreference contactPreference) {

    /** How the resident wants to be contacted. */
    public enum ContactPreference { PHONE, SMS, EMAIL, DO_NOT_CONTACT }

    /** The fields a consent can name, one by one: there is no "all of it". */
    public enum Field { NAME, PHONE, EMAIL, DATE_OF_BIRTH, PREFERRED_LANGUAGE, CONTACT_PREFERENCE }

    /** Only the named fields; the others absent. */
    public PersonalData only(java.util.Collection<Field> fields) {
        return new PersonalData(fields.contains(Field.NAME) ? name : null, fields.contains(Field.PHONE) ? phone : null,
                fields.contains(Field.EMAIL) ? email : null, fields.contains(Field.DATE_OF_BIRTH) ? dateOfBirth : null,
                fields.contains(Field.PREFERRED_LANGUAGE) ? preferredLanguage : null,
                fields.contains(Field.CONTACT_PREFERENCE) ? contactPreference : null);
    }

    /** Each field that holds a value, by field: what a read shows and the access log names. */
    public Map<Field, Object> present() {
        Map<Field, Object> values = new EnumMap<>(Field.class);
        put(values, Field.NAME, name);
        put(values, Field.PHONE, phone);
        put(values, Field.EMAIL, email);
        put(values, Field.DATE_OF_BIRTH, dateOfBirth);
        put(values, Field.PREFERRED_LANGUAGE, preferredLanguage);
        put(values, Field.CONTACT_PREFERENCE, contactPreference);
        return values;
    }

    private static void put(Map<Field, Object> values, Field field, Object value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    /** Never the values in a log line. */
    @Override
    public String toString() {
        return "PersonalData[" + present().keySet() + "]";
    }
}
