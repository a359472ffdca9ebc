/**
 * Vial's own client of the AWS Lambda Runtime API: a small HTTP/1.1 client on a plain socket and the loop
 * that serves invocations with a {@link dev.vial.lambda.LambdaHandler}, buffered or, behind a
 * {@code RESPONSE_STREAM} Function URL, streamed ({@link dev.vial.lambda.runtime.RuntimeLoop}).
 */
package dev.vial.lambda.runtime;
