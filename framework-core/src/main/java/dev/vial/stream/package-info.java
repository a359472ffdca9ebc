/**
 * Streaming response bodies and Server-Sent Events: {@link dev.vial.stream.Sse} for handlers, and
 * {@link dev.vial.stream.StreamWriter}, which front doors use to send a streaming response or collect it.
 */
package dev.vial.stream;
