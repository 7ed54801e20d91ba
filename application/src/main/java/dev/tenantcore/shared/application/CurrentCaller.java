package dev.tenantcore.shared.application;

/**
 * The caller of the use case running on this thread, for the audit log. Implemented by the web adapter from the
 * request and its verified credential; outside a request it is {@link Caller#SYSTEM}.
 */
public interface CurrentCaller {

    Caller caller();
}
