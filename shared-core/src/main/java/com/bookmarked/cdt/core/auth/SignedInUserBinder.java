package com.bookmarked.cdt.core.auth;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Lets controllers declare a {@link SignedInUser} parameter, filled from what {@link AuthFilter} verified. */
@Singleton
public class SignedInUserBinder implements TypedRequestArgumentBinder<SignedInUser> {

    @Override
    public Argument<SignedInUser> argumentType() {
        return Argument.of(SignedInUser.class);
    }

    @Override
    public BindingResult<SignedInUser> bind(ArgumentConversionContext<SignedInUser> context, HttpRequest<?> source) {
        Optional<SignedInUser> user = source.getAttribute(SignedInUser.ATTRIBUTE, SignedInUser.class);
        return user.isPresent() ? () -> user : BindingResult.unsatisfied();
    }
}
