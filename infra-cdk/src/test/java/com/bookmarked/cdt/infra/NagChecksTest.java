package com.bookmarked.cdt.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** cdk-nag's AwsSolutions pack finds nothing that is not fixed or suppressed with a reason. */
class NagChecksTest {

    @Test
    void awsSolutionsFindsNoErrorsAndNoWarnings() {
        SynthesizedStack synth = SynthesizedStack.get();
        List<SynthesisMessage> errors = synth.annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        List<SynthesisMessage> warnings = synth.annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(java.util.stream.Stream.concat(errors.stream(), warnings.stream()).map(NagChecksTest::describe).toList()).isEmpty();
    }

    private static String describe(SynthesisMessage m) {
        String text = String.valueOf(m.getEntry().getData());
        return m.getId() + ": " + text.substring(0, Math.min(text.length(), 90));
    }
}
