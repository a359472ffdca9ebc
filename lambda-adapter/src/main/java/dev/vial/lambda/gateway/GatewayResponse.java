package dev.vial.lambda.gateway;

import dev.vial.Headers;

/**
 * The HTTP response a service sends its client for a function's proxy response.
 *
 * @param status the status code
 * @param headers the header fields, one {@code Set-Cookie} field per cookie
 * @param body the body, base64 already decoded
 */
public record GatewayResponse(int status, Headers headers, byte[] body) {}
