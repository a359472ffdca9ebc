package dev.vial.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.vial.Request;
import dev.vial.Response;

/** Translates one event source's shape: event → {@link Request}, {@link Response} → proxy response envelope. */
interface EventCodec {

  /** The request this event describes; an {@link UnsupportedEventException} when method or path is unusable. */
  Request toRequest(EventFields event, Context lambdaContext, RawEvent rawEvent);

  /** The envelope this source expects for {@code response} to {@code event}. */
  ProxyResponse toProxyResponse(Response response, EventFields event);
}
