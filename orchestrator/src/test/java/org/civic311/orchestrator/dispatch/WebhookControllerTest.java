package org.civic311.orchestrator.dispatch;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Only a caller holding the system's secret can make Civic311 ask that system for news. */
@WebMvcTest(WebhookController.class)
@EnableConfigurationProperties(WebhookProperties.class)
@TestPropertySource(properties = "civic311.webhooks.cityworks.secret=s3cret-from-the-vault")
class WebhookControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    DepartmentSystems systems;
    @MockitoBean
    DepartmentUpdatePoll poll;

    @BeforeEach
    void cityworksIsConnected() {
        when(systems.names()).thenReturn(Set.of("cityworks", "email"));
    }

    @Test
    void theRightSecretMakesCivic311AskTheSystemAtOnce() throws Exception {
        http.perform(post("/webhooks/cityworks").header("Authorization", "Bearer s3cret-from-the-vault"))
                .andExpect(status().isNoContent());

        verify(poll).nudge("cityworks");
    }

    @Test
    void aMissingOrWrongSecretIsRefusedAndAsksNothing() throws Exception {
        http.perform(post("/webhooks/cityworks")).andExpect(status().isUnauthorized());
        http.perform(post("/webhooks/cityworks").header("Authorization", "Bearer guessed"))
                .andExpect(status().isUnauthorized());

        verify(poll, never()).nudge(anyString());
    }

    @Test
    void aSystemWithoutAConfiguredWebhookHasNone() throws Exception {
        http.perform(post("/webhooks/email").header("Authorization", "Bearer s3cret-from-the-vault"))
                .andExpect(status().isNotFound());
        http.perform(post("/webhooks/accela").header("Authorization", "Bearer s3cret-from-the-vault"))
                .andExpect(status().isNotFound());

        verify(poll, never()).nudge(anyString());
    }
}
