package dk.bindeled.referrals.config;

import dk.bindeled.referrals.domain.DeadlinePolicy;
import dk.bindeled.referrals.domain.PersonalDataSeal;
import dk.bindeled.referrals.domain.PersonalDataVault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReferralsConfig {

    @Bean
    PersonalDataSeal personalDataSeal(PersonalDataVault vault) {
        return new PersonalDataSeal(vault);
    }

    /** The default deadlines (bindeled.referrals.deadlines.*): five working days to answer, ten days to make contact. */
    @Bean
    DeadlinePolicy deadlinePolicy(@Value("${bindeled.referrals.deadlines.answer-working-days:5}") int answerWorkingDays,
                                  @Value("${bindeled.referrals.deadlines.contact-days:10}") int contactDays) {
        return new DeadlinePolicy(answerWorkingDays, contactDays);
    }
}
