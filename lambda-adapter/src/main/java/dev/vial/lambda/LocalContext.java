package dev.vial.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * The Lambda {@link Context} of one invocation run outside Lambda (the {@code invoke} command, the API
 * Gateway emulation): a fresh request id, a deadline, and the function's {@code context.getLogger()} lines
 * sent to an slf4j logger.
 */
public final class LocalContext implements Context {

  private final String requestId = UUID.randomUUID().toString();
  private final String functionName;
  private final long deadlineMillis;
  private final Logger functionLog;

  /**
   * A context for function {@code functionName} with {@code timeout} to run; its logger writes to
   * {@code functionLog} at INFO.
   */
  public LocalContext(String functionName, Duration timeout, Logger functionLog) {
    if (functionName == null || functionName.isBlank() || timeout == null || functionLog == null) {
      throw new IllegalArgumentException("functionName, timeout and functionLog are required");
    }
    this.functionName = functionName;
    this.deadlineMillis = System.currentTimeMillis() + timeout.toMillis();
    this.functionLog = functionLog;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local/[$LATEST]" + requestId;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:local:000000000000:function:" + functionName;
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
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, deadlineMillis - System.currentTimeMillis()));
  }

  @Override
  public int getMemoryLimitInMB() {
    return (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        functionLog.info(message.strip());
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
