package dev.vial.testkit;

import dev.vial.lambda.gateway.BinaryBodies;
import dev.vial.lambda.gateway.GatewayEnvelopes;
import dev.vial.lambda.gateway.GatewayEvents;
import dev.vial.lambda.gateway.GatewayKind;
import dev.vial.lambda.gateway.GatewayRequest;
import dev.vial.lambda.gateway.GatewayResponse;

/**
 * The test kit's Lambda transports on top of the adapter's {@link GatewayEvents} and
 * {@link GatewayEnvelopes}, which build events and read envelopes as each AWS service does (the local
 * gateway emulation uses the same code). This class only maps a {@link Transport} to a service and a
 * stage.
 */
final class LambdaEvents {

  static final String NAMED_STAGE = "dev";
  static final String REST_STAGE = "prod";

  private LambdaEvents() {}

  static byte[] write(TestRequest request, Transport transport) {
    GatewayRequest call = new GatewayRequest(request.method(), request.rawPath(), request.rawQuery(),
        request.headers(), request.body());
    // REST bodies: non-textual types are base64, as with a binary-media-types list naming them.
    return GatewayEvents.write(call, kind(transport), stage(transport), BinaryBodies.nonTextual());
  }

  static TestResponse read(byte[] envelope, Transport transport, TestRequest request) {
    GatewayResponse response = GatewayEnvelopes.read(envelope, kind(transport), request.method());
    return new TestResponse(response.status(), response.headers(), response.body());
  }

  private static GatewayKind kind(Transport transport) {
    return switch (transport) {
      case REST_V1 -> GatewayKind.REST;
      case HTTP_API_V1 -> GatewayKind.HTTP_API_V1;
      case HTTP_API_V2, HTTP_API_V2_DEFAULT_STAGE -> GatewayKind.HTTP_API;
      case FUNCTION_URL -> GatewayKind.FUNCTION_URL;
      case ALB -> GatewayKind.ALB;
      case ALB_MULTI_VALUE -> GatewayKind.ALB_MULTI_VALUE;
      default -> throw new IllegalArgumentException(transport + " is not a Lambda event shape");
    };
  }

  private static String stage(Transport transport) {
    return switch (transport) {
      case REST_V1 -> REST_STAGE;
      case HTTP_API_V2 -> NAMED_STAGE;
      default -> "$default";
    };
  }
}
