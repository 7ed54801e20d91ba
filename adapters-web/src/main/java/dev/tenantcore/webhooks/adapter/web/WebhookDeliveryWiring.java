package dev.tenantcore.webhooks.adapter.web;

import dev.tenantcore.jobs.application.JobHandler;
import dev.tenantcore.jobs.application.JobQueue;
import dev.tenantcore.webhooks.application.DeliverWebhookJob;
import dev.tenantcore.webhooks.application.DueDeliveries;
import dev.tenantcore.webhooks.application.SecretCipher;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The delivery job's handler, registered where its sender and signer are. */
@Factory
final class WebhookDeliveryWiring {

    @Singleton
    JobHandler deliverWebhooks(DueDeliveries deliveries, HttpWebhookSender sender, HmacWebhookSigner signer,
            SecretCipher cipher, JobQueue jobs, Clock clock) {
        return new DeliverWebhookJob(deliveries, sender, signer, cipher, jobs, clock);
    }
}
