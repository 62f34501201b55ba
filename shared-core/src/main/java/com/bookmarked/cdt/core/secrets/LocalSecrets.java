package com.bookmarked.cdt.core.secrets;

import com.bookmarked.cdt.core.http.UserFacingException;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * {@code env:} and {@code file:} secrets, for local runs and for Lambdas that get their secrets
 * as environment variables. A file's trailing line break is dropped, as editors add one.
 * Injected as itself only: the {@link Secrets} bean is {@link SecretsByScheme}, which sends
 * {@code aws-sm:} references to the AWS adapter.
 */
@Singleton
@Bean(typed = LocalSecrets.class)
public class LocalSecrets implements Secrets {

    private final UnaryOperator<String> environment;

    public LocalSecrets() {
        this(System::getenv);
    }

    LocalSecrets(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public String reveal(SecretRef ref) {
        return switch (ref.scheme()) {
            case ENV -> {
                String value = environment.apply(ref.name());
                if (value == null || value.isEmpty()) {
                    throw new UserFacingException("The secret " + ref + " is not set on this server. "
                            + "Engineers: set the environment variable " + ref.name() + ".");
                }
                yield value;
            }
            case FILE -> {
                try {
                    String value = Files.readString(Path.of(ref.name()), StandardCharsets.UTF_8);
                    yield value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                            : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
                } catch (IOException | SecurityException e) {
                    // the exception text could quote the path only; still keep it out of the message
                    throw new UserFacingException("The secret " + ref + " cannot be read on this server. "
                            + "Engineers: check that the file exists and is readable.");
                }
            }
            case AWS_SM -> throw new IllegalArgumentException("aws-sm: references are read by AwsSecrets, not here: " + ref);
        };
    }
}
