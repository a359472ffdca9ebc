package dev.vial.lambda.events;

/**
 * One scheduled invocation: an EventBridge rule's {@code Scheduled Event} or an EventBridge Scheduler
 * schedule.
 *
 * @param name the rule name ({@code .../rule/NAME}) or the schedule name ({@code .../schedule/GROUP/NAME})
 * @param arn the rule's or schedule's ARN ({@code resources[0]})
 * @param time the scheduled time (ISO-8601)
 * @param id the event id
 * @param account the AWS account
 * @param region the region
 * @param scheduler whether EventBridge Scheduler sent it ({@code source: aws.scheduler}) rather than a rule
 */
public record ScheduledEvent(String name, String arn, String time, String id, String account, String region,
    boolean scheduler) {}
