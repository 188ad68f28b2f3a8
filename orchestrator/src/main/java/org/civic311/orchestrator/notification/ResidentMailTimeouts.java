package org.civic311.orchestrator.notification;

import java.util.Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the residents' mail sender, which Spring Boot builds from {@code spring.mail.*} without any timeout, the
 * timeouts of {@code civic311.notifications.smtp}. A timeout set under {@code spring.mail.properties} is kept.
 */
@Component
class ResidentMailTimeouts implements BeanPostProcessor {

    // Read when the sender is built, not when this post-processor is: settings bind like any other bean.
    private final ObjectProvider<NotificationProperties> settings;

    ResidentMailTimeouts(ObjectProvider<NotificationProperties> settings) {
        this.settings = settings;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JavaMailSenderImpl sender) {
            NotificationProperties.Smtp smtp = settings.getObject().smtp();
            String protocol = "mail." + (sender.getProtocol() == null ? "smtp" : sender.getProtocol());
            Properties mail = sender.getJavaMailProperties();
            mail.putIfAbsent(protocol + ".connectiontimeout", Long.toString(smtp.connectTimeout().toMillis()));
            mail.putIfAbsent(protocol + ".timeout", Long.toString(smtp.readTimeout().toMillis()));
            mail.putIfAbsent(protocol + ".writetimeout", Long.toString(smtp.writeTimeout().toMillis()));
        }
        return bean;
    }
}
