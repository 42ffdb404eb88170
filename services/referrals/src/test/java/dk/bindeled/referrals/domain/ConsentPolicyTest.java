package dk.bindeled.referrals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.referrals.api.Consent;
import dk.bindeled.referrals.api.PersonalData.Field;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static Consent consent(String id, String recipient, LocalDate givenOn, LocalDate expiresOn) {
        return new Consent(id, "Henvisning", recipient, List.of(Field.NAME), Consent.LegalBasis.CONSENT, null, Consent.GivenBy.RESIDENT,
                "mette", givenOn, expiresOn);
    }

    @Test
    void aConsentHoldsFromTheDayItIsGivenToItsLastDayForItsRecipientUntilRevoked() {
        Consent c = consent("c1", "b", TODAY, TODAY.plusDays(30));
        assertThat(ConsentPolicy.allows(c, false, "b", TODAY)).isTrue();
        assertThat(ConsentPolicy.allows(c, false, "b", TODAY.plusDays(30))).isTrue();
        assertThat(ConsentPolicy.allows(c, false, "b", TODAY.plusDays(31))).isFalse();
        assertThat(ConsentPolicy.allows(c, false, "b", TODAY.minusDays(1))).isFalse();
        assertThat(ConsentPolicy.allows(c, false, "c", TODAY)).isFalse();
        assertThat(ConsentPolicy.allows(c, true, "b", TODAY)).isFalse();
    }

    @Test
    void theNewestConsentThatHoldsIsTheOneUsed() {
        List<Consent> consents = List.of(consent("old", "b", TODAY.minusYears(1), null), consent("new", "b", TODAY, null));
        assertThat(ConsentPolicy.valid(consents, Set.of(), "b", TODAY)).map(Consent::consentId).contains("new");
        assertThat(ConsentPolicy.valid(consents, Set.of("new"), "b", TODAY)).map(Consent::consentId).contains("old");
        assertThat(ConsentPolicy.valid(consents, Set.of("new", "old"), "b", TODAY)).isEmpty();
    }

    @Test
    void whatAConsentMustSayIsNamedFieldByField() {
        Consent empty = new Consent("c", " ", null, List.of(), null, null, null, "mette", null, null);
        assertThat(ConsentPolicy.problems(empty)).extracting(InvalidInputException::field)
                .containsExactly("purpose", "recipient", "sharedData", "basis", "givenOn");
        Consent backwards = new Consent("c", "p", "b", List.of(Field.NAME), Consent.LegalBasis.CONSENT, null, Consent.GivenBy.NONE, "m",
                TODAY, TODAY.minusDays(1));
        assertThat(ConsentPolicy.problems(backwards)).extracting(InvalidInputException::field).containsExactly("givenBy", "expiresOn");
    }
}
