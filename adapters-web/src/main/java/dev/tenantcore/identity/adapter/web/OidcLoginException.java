package dev.tenantcore.identity.adapter.web;

/**
 * Why a login through a provider ended without tokens, as its problem details say it ({@link OidcProblems}).
 * Before the provider has vouched for someone, the causes say nothing about accounts or memberships.
 */
abstract sealed class OidcLoginException extends RuntimeException
        permits OidcLoginRefusedException, OidcProviderUnavailableException {

    OidcLoginException(String message) {
        super(message, null, false, false); // an expected outcome: no stack trace to fill
    }
}
