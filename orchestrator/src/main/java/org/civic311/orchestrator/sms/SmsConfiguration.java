package org.civic311.orchestrator.sms;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Phone numbers are always read and checked; texts are sent only when a provider is configured
 * ({@code civic311.sms.twilio.enabled=true}). Without one there is no {@link SmsSender} bean and no Twilio webhook.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SmsProperties.class, TwilioSmsProperties.class})
class SmsConfiguration {

    @Bean
    PhoneNumbers phoneNumbers(SmsProperties settings) {
        return new PhoneNumbers(settings.defaultRegion());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = TwilioSmsProperties.PREFIX, name = "enabled", havingValue = "true")
    static class Twilio {

        @Bean
        SmsSender twilioSmsSender(TwilioSmsProperties settings, OptOuts optOuts, RestClient.Builder builder) {
            return new TwilioSmsSender(settings, optOuts, builder);
        }
    }
}
