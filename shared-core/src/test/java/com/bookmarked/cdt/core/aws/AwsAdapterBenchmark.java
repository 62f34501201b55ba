package com.bookmarked.cdt.core.aws;

import com.bookmarked.cdt.core.run.RunDispatcher;
import com.bookmarked.cdt.core.secrets.SecretRef;
import com.bookmarked.cdt.core.secrets.Secrets;
import com.bookmarked.cdt.core.testing.FakeAws;
import io.micronaut.context.ApplicationContext;

import java.util.Arrays;
import java.util.UUID;

/**
 * What the AWS adapters cost a function: the first SQS send and the first Secrets Manager read
 * in a fresh JVM (client building, SDK class loading, signing), then warm sends and cached reads.
 * AWS is WireMock on 127.0.0.1, so the figures are CDT's and the SDK's overhead, not network time.
 *
 * <pre>./mvnw -q -pl shared-core test-compile exec:java@aws-bench</pre>
 */
public final class AwsAdapterBenchmark {

    private AwsAdapterBenchmark() {
    }

    public static void main(String[] args) {
        try (FakeAws aws = FakeAws.start()) {
            aws.acceptSendMessage();
            aws.secret("cdt/bench/classlink", "{\"token\":\"bench-token\"}");
            long t0 = System.nanoTime();
            try (ApplicationContext ctx = ApplicationContext.builder().properties(aws.micronautProperties())
                    .singletons(aws.credentials()).start()) {
                long tCtx = System.nanoTime();
                RunDispatcher dispatcher = ctx.getBean(RunDispatcher.class);
                long t1 = System.nanoTime();
                dispatcher.dispatch(UUID.randomUUID());
                long t2 = System.nanoTime();
                Secrets secrets = ctx.getBean(Secrets.class);
                SecretRef ref = SecretRef.parse("aws-sm:cdt/bench/classlink:token");
                secrets.reveal(ref);
                long t3 = System.nanoTime();

                int n = 300;
                long[] sends = new long[n];
                for (int i = 0; i < n; i++) {
                    long s = System.nanoTime();
                    dispatcher.dispatch(UUID.randomUUID());
                    sends[i] = System.nanoTime() - s;
                }
                long[] cached = new long[10_000];
                for (int i = 0; i < cached.length; i++) {
                    long s = System.nanoTime();
                    secrets.reveal(ref);
                    cached[i] = System.nanoTime() - s;
                }
                System.out.printf("Micronaut context start (no database):          %.1f ms%n", (tCtx - t0) / 1e6);
                System.out.printf("SQS dispatcher bean (SqsClient built):          %.1f ms%n", (t1 - tCtx) / 1e6);
                System.out.printf("first SendMessage:                              %.1f ms%n", (t2 - t1) / 1e6);
                System.out.printf("first GetSecretValue (client built on use):     %.1f ms%n", (t3 - t2) / 1e6);
                System.out.printf("warm SendMessage, %d: p50 %.2f ms, p99 %.2f ms%n", n, pct(sends, 50), pct(sends, 99));
                System.out.printf("cached secret read, %d: p50 %.2f us%n", cached.length, pct(cached, 50) * 1000);
                System.out.printf("GetSecretValue calls made: %d (one; the rest came from the cache)%n",
                        aws.getSecretValueRequests().size());
            }
        }
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }
}
