package dev.tenantcore.identity.application;

import dev.tenantcore.identity.domain.ExternalLogin;
import java.util.List;

public interface ListExternalLoginsUseCase {

    /** The calling user's links, oldest first. Needs a user's access token. */
    List<ExternalLogin> list();
}
