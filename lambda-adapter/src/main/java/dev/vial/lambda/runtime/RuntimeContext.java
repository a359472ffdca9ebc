package dev.vial.lambda.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The {@link Context} of one invocation, from the event's headers and the function's environment. */
final class RuntimeContext implements Context {

  private static final LambdaLogger STDOUT_LOGGER = new LambdaLogger() {
    @Override
    public void log(String message) {
      System.out.print(message);
    }

    @Override
    public void log(byte[] message) {
      System.out.print(new String(message, StandardCharsets.UTF_8));
    }
  };

  private final Invocation invocation;
  private final Map<String, String> env;

  RuntimeContext(Invocation invocation, Map<String, String> env) {
    this.invocation = invocation;
    this.env = env;
  }

  @Override
  public String getAwsRequestId() {
    return invocation.requestId();
  }

  @Override
  public String getLogGroupName() {
    return env.get("AWS_LAMBDA_LOG_GROUP_NAME");
  }

  @Override
  public String getLogStreamName() {
    return env.get("AWS_LAMBDA_LOG_STREAM_NAME");
  }

  @Override
  public String getFunctionName() {
    return env.get("AWS_LAMBDA_FUNCTION_NAME");
  }

  @Override
  public String getFunctionVersion() {
    return env.get("AWS_LAMBDA_FUNCTION_VERSION");
  }

  @Override
  public String getInvokedFunctionArn() {
    return invocation.functionArn();
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    if (invocation.deadlineMillis() == 0) {
      return Integer.MAX_VALUE;
    }
    long remaining = invocation.deadlineMillis() - System.currentTimeMillis();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
  }

  @Override
  public int getMemoryLimitInMB() {
    String memory = env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
    try {
      return memory == null ? 0 : Integer.parseInt(memory.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public LambdaLogger getLogger() {
    return STDOUT_LOGGER;
  }
}
