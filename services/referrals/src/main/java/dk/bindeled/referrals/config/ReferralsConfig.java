package dk.bindeled.referrals.config;

import dk.bindeled.referrals.domain.PersonalDataSeal;
import dk.bindeled.referrals.domain.PersonalDataVault;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReferralsConfig {

    @Bean
    PersonalDataSeal personalDataSeal(PersonalDataVault vault) {
        return new PersonalDataSeal(vault);
    }
}
