package dev.vial.lambda.runtime;

/**
 * One event from {@code /runtime/invocation/next}.
 *
 * @param requestId {@code Lambda-Runtime-Aws-Request-Id}
 * @param deadlineMillis {@code Lambda-Runtime-Deadline-Ms}, epoch milliseconds (0 when absent)
 * @param functionArn {@code Lambda-Runtime-Invoked-Function-Arn}, or {@code null}
 * @param traceId {@code Lambda-Runtime-Trace-Id}, or {@code null}
 * @param payload the event bytes
 */
record Invocation(String requestId, long deadlineMillis, String functionArn, String traceId, byte[] payload) {}
