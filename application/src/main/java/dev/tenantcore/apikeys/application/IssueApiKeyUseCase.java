package dev.tenantcore.apikeys.application;

import dev.tenantcore.apikeys.domain.IssuedApiKey;

public interface IssueApiKeyUseCase {
    IssuedApiKey issue(IssueApiKeyCommand command);
}
