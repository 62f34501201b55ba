package com.bookmarked.cdt.core.secrets;

import com.bookmarked.cdt.core.aws.AwsSecrets;
import jakarta.inject.Singleton;

/**
 * The {@link Secrets} every connector gets: {@code env:} and {@code file:} references are read
 * here ({@link LocalSecrets}), {@code aws-sm:} ones from AWS Secrets Manager ({@link AwsSecrets}).
 */
@Singleton
public class SecretsByScheme implements Secrets {

    private final LocalSecrets local;
    private final AwsSecrets aws;

    public SecretsByScheme(LocalSecrets local, AwsSecrets aws) {
        this.local = local;
        this.aws = aws;
    }

    @Override
    public String reveal(SecretRef ref) {
        return switch (ref.scheme()) {
            case ENV, FILE -> local.reveal(ref);
            case AWS_SM -> aws.reveal(ref);
        };
    }
}
