package com.bookmarked.cdt.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the on-call engineer looks at: one dashboard, and alarms that publish to one SNS topic. */
public class Monitoring extends Construct {

    /** Per cent of API requests answered 5xx over five minutes that raises the alarm. */
    static final double API_5XX_PERCENT = 5;

    private final Topic alarms;
    private final SnsAction notify;

    public Monitoring(Construct scope, String id, HttpApi api, Map<String, Function> lambdas,
                      Map<String, Queue> runQueues, Map<String, Queue> deadLetterQueues, Optional<String> alarmEmail) {
        super(scope, id);
        alarms = Topic.Builder.create(this, "Alarms").displayName("CDT alarms").enforceSsl(true).build();
        alarmEmail.ifPresent(email -> alarms.addSubscription(new EmailSubscription(email)));
        notify = new SnsAction(alarms);
        Duration five = Duration.minutes(5);

        // --- API ---
        Metric requests = api.metricCount(MetricOptions.builder().period(five).statistic("Sum").build());
        Metric serverErrors = api.metricServerError(MetricOptions.builder().period(five).statistic("Sum").build());
        Metric clientErrors = api.metricClientError(MetricOptions.builder().period(five).statistic("Sum").build());
        MathExpression serverErrorRate = MathExpression.Builder.create()
                .expression("IF(requests > 0, 100 * errors / requests, 0)")
                .usingMetrics(Map.of("requests", requests, "errors", serverErrors))
                .label("5xx %")
                .period(five)
                .build();
        alarm("Api5xxRate", serverErrorRate, API_5XX_PERCENT, 2,
                "More than " + (int) API_5XX_PERCENT + "% of API requests failed with 5xx in two of three 5-minute periods");

        // --- Lambdas ---
        List<IMetric> errors = new ArrayList<>();
        List<IMetric> durations = new ArrayList<>();
        List<IMetric> throttles = new ArrayList<>();
        lambdas.forEach((name, fn) -> {
            String label = name.replace('/', ' ');
            Metric fnErrors = fn.metricErrors(MetricOptions.builder().period(five).statistic("Sum").label(label).build());
            errors.add(fnErrors);
            durations.add(fn.metricDuration(MetricOptions.builder().period(five).statistic("p90").label(label).build()));
            throttles.add(fn.metricThrottles(MetricOptions.builder().period(five).statistic("Sum").label(label).build()));
            String alarmId = name.endsWith("/Sweep") ? "SweepErrors" : "Errors-" + name.replace('/', '-');
            alarm(alarmId, fnErrors, 1, 1, "The Lambda " + name + " ended with an error (uncaught exception or timeout)");
            if (name.endsWith("/Worker")) {
                alarm("WorkerThrottles-" + name.replace('/', '-'),
                        fn.metricThrottles(MetricOptions.builder().period(five).statistic("Sum").build()), 1, 1,
                        "Runs of " + name + " are being throttled: Lambda concurrency is exhausted");
            }
        });

        // --- queues ---
        List<IMetric> depth = new ArrayList<>();
        List<IMetric> oldest = new ArrayList<>();
        List<IMetric> dlqDepth = new ArrayList<>();
        runQueues.forEach((module, queue) -> {
            depth.add(queue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder().period(five).statistic("Maximum").label(module).build()));
            oldest.add(queue.metricApproximateAgeOfOldestMessage(MetricOptions.builder().period(five).statistic("Maximum").label(module).build()));
        });
        deadLetterQueues.forEach((module, dlq) -> {
            Metric visible = dlq.metricApproximateNumberOfMessagesVisible(MetricOptions.builder().period(five).statistic("Maximum").label(module).build());
            dlqDepth.add(visible);
            alarm("DeadLetters-" + module, visible, 1, 1,
                    "A run message of " + module + " reached its dead-letter queue (docs/aws-run-path.md)");
        });

        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard").dashboardName("CDT").build();
        List<List<IWidget>> rows = List.of(
                List.of(TextWidget.Builder.create().markdown("# CDT\nAPI, functions and run queues. Alarms go to the SNS topic *CDT alarms*.")
                        .width(24).height(2).build()),
                List.of(graph("API requests and errors", List.of(requests, clientErrors.with(MetricOptions.builder().label("4xx").build()),
                                serverErrors.with(MetricOptions.builder().label("5xx").build()))),
                        graph("API latency (ms)", List.of(
                                api.metricLatency(MetricOptions.builder().period(five).statistic("p50").label("p50").build()),
                                api.metricLatency(MetricOptions.builder().period(five).statistic("p90").label("p90").build()),
                                api.metricLatency(MetricOptions.builder().period(five).statistic("p99").label("p99").build())))),
                List.of(graph("Lambda errors", errors), graph("Lambda duration p90 (ms)", durations), graph("Lambda throttles", throttles)),
                List.of(graph("Run queue depth", depth), graph("Oldest queued run (s)", oldest), graph("Dead-letter queue depth", dlqDepth)));
        rows.forEach(row -> dashboard.addWidgets(row.toArray(IWidget[]::new)));
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(24 / 3).height(6).build();
    }

    private void alarm(String id, IMetric metric, double threshold, int periods, String description) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(periods == 1 ? 1 : 3)
                .datapointsToAlarm(periods)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(notify);
    }

    public Topic alarms() {
        return alarms;
    }
}
