package dev.vial.launcher;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.lambda.events.Trigger;
import java.util.List;

/**
 * The service events registered on the Lambda handler ({@code ServiceEvents}), as SAM event sources of
 * the function, with the resources they come from: an SQS queue (and its dead-letter queue) per queue, a
 * topic per SNS topic, a bucket per S3 bucket (named by a stack parameter: bucket names are global),
 * schedules with their expressions, EventBridge rules with their patterns. Sources that usually exist
 * already (DynamoDB and Kinesis streams, log groups) are optional stack parameters: subscribed when given.
 */
final class EventSourcesPart implements TemplatePart {

  /** AWS's advice: a queue's visibility timeout at least six times the function timeout (29 s). */
  static final int VISIBILITY_TIMEOUT = 180;

  @Override
  public void addTo(SamTemplate template) {
    List<Trigger> triggers = template.handler().triggers();
    for (Trigger trigger : triggers) {
      switch (trigger.kind()) {
        case SQS -> sqs(template, trigger);
        case SNS -> sns(template, trigger);
        case S3 -> s3(template, trigger);
        case SCHEDULE -> schedule(template, trigger, "Schedule", "Schedule");
        case SCHEDULER -> schedule(template, trigger, "ScheduleV2", "ScheduleExpression");
        case EVENTBRIDGE -> eventBridge(template, trigger);
        case DYNAMODB -> stream(template, trigger, "AWSLambdaDynamoDBExecutionRole");
        case KINESIS -> stream(template, trigger, "AWSLambdaKinesisExecutionRole");
        case CLOUDWATCH_LOGS -> logs(template, trigger);
        default -> throw new IllegalStateException("No template for " + trigger.describe());
      }
    }
  }

  private static void sqs(SamTemplate template, Trigger trigger) {
    String id = SamTemplate.camel(trigger.name());
    ObjectNode queue = resource(template, id, "AWS::SQS::Queue");
    queue.put("QueueName", trigger.name());
    queue.put("VisibilityTimeout", VISIBILITY_TIMEOUT);
    ObjectNode redrive = queue.putObject("RedrivePolicy");
    redrive.set("deadLetterTargetArn", getAtt(id + "DeadLetters", "Arn"));
    redrive.put("maxReceiveCount", 3);
    ObjectNode deadLetters = resource(template, id + "DeadLetters", "AWS::SQS::Queue");
    deadLetters.put("QueueName", trigger.name() + "-dlq");
    deadLetters.put("MessageRetentionPeriod", 1_209_600);
    ObjectNode event = event(template, id, "SQS");
    event.set("Queue", getAtt(id, "Arn"));
    event.put("BatchSize", 10);
    reportFailures(event, trigger);
  }

  private static void sns(SamTemplate template, Trigger trigger) {
    String id = SamTemplate.camel(trigger.name());
    resource(template, id, "AWS::SNS::Topic").put("TopicName", trigger.name());
    event(template, id, "SNS").set("Topic", SamTemplate.ref(id));
  }

  private static void s3(SamTemplate template, Trigger trigger) {
    String id = SamTemplate.camel(trigger.name());
    ObjectNode parameter = template.parameters().putObject(id + "Name");
    parameter.put("Type", "String");
    parameter.put("Default", trigger.name());
    parameter.put("Description", "The bucket whose objects the function answers (registered as " + trigger.name()
        + "; S3 names are global: where it is taken, deploy with your own and register that).");
    resource(template, id, "AWS::S3::Bucket").set("BucketName", SamTemplate.ref(id + "Name"));
    ObjectNode event = event(template, id, "S3");
    event.set("Bucket", SamTemplate.ref(id));
    event.putArray("Events").add("s3:ObjectCreated:*").add("s3:ObjectRemoved:*");
    if (trigger.prefix() != null || trigger.suffix() != null) {
      ArrayNode rules = event.putObject("Filter").putObject("S3Key").putArray("Rules");
      if (trigger.prefix() != null) {
        rules.addObject().put("Name", "prefix").put("Value", trigger.prefix());
      }
      if (trigger.suffix() != null) {
        rules.addObject().put("Name", "suffix").put("Value", trigger.suffix());
      }
    }
  }

  private static void schedule(SamTemplate template, Trigger trigger, String type, String expressionKey) {
    ObjectNode event = event(template, SamTemplate.camel(trigger.name()), type);
    event.put("Name", trigger.name());
    event.put(expressionKey, trigger.expression());
  }

  private static void eventBridge(SamTemplate template, Trigger trigger) {
    ObjectNode pattern = event(template, SamTemplate.camel(trigger.source()) + "Events", "EventBridgeRule")
        .putObject("Pattern");
    pattern.putArray("source").add(trigger.source());
    if (trigger.detailType() != null) {
      pattern.putArray("detail-type").add(trigger.detailType());
    }
  }

  /**
   * A DynamoDB or Kinesis stream usually exists already: its ARN is a stack parameter, and the mapping
   * (with the managed policy that lets the function read the stream) exists only when one is given, so the
   * stack deploys without it.
   */
  private static void stream(SamTemplate template, Trigger trigger, String policy) {
    String id = SamTemplate.camel(trigger.name());
    String condition = optionalParameter(template, id + "StreamArn",
        "The ARN of the stream of the " + trigger.describe() + " (empty: no subscription).");
    ObjectNode mapping = conditionalResource(template, id + "Mapping", "AWS::Lambda::EventSourceMapping", condition);
    mapping.set("FunctionName", SamTemplate.ref(template.aliasLogicalId()));
    mapping.set("EventSourceArn", SamTemplate.ref(id + "StreamArn"));
    mapping.put("StartingPosition", "LATEST");
    mapping.put("BatchSize", 100);
    reportFailures(mapping, trigger);
    addPolicy(template, policy);
  }

  /** A log group usually exists already: named by a stack parameter, subscribed only when one is given. */
  private static void logs(SamTemplate template, Trigger trigger) {
    String id = SamTemplate.camel(trigger.name());
    String condition = optionalParameter(template, id + "LogGroup",
        "The log group of the " + trigger.describe() + " (empty: no subscription).");
    ObjectNode permission = conditionalResource(template, id + "LogsPermission", "AWS::Lambda::Permission", condition);
    permission.put("Action", "lambda:InvokeFunction");
    permission.set("FunctionName", SamTemplate.ref(template.aliasLogicalId()));
    permission.put("Principal", "logs.amazonaws.com");
    ObjectNode filter = conditionalResource(template, id + "Subscription", "AWS::Logs::SubscriptionFilter", condition);
    filter.set("LogGroupName", SamTemplate.ref(id + "LogGroup"));
    filter.put("FilterPattern", "");
    filter.set("DestinationArn", SamTemplate.ref(template.aliasLogicalId()));
    ((ObjectNode) template.resources().get(id + "Subscription")).putArray("DependsOn").add(id + "LogsPermission");
  }

  private static String optionalParameter(SamTemplate template, String name, String description) {
    ObjectNode parameter = template.parameters().putObject(name);
    parameter.put("Type", "String");
    parameter.put("Default", "");
    parameter.put("Description", description);
    String condition = name + "Given";
    ArrayNode equals = template.conditions().putObject(condition).putArray("Fn::Not").addObject()
        .putArray("Fn::Equals");
    equals.add(SamTemplate.ref(name)).add("");
    return condition;
  }

  private static ObjectNode conditionalResource(SamTemplate template, String id, String type, String condition) {
    ObjectNode resource = template.resources().putObject(id);
    resource.put("Type", type);
    resource.put("Condition", condition);
    return resource.putObject("Properties");
  }

  /** An AWS managed policy on the function (SAM's {@code Policies} takes their names). */
  private static void addPolicy(SamTemplate template, String policy) {
    ObjectNode properties = (ObjectNode) template.resources().get(template.logicalId("Function")).get("Properties");
    ArrayNode policies = properties.has("Policies") ? (ArrayNode) properties.get("Policies")
        : properties.putArray("Policies");
    for (var existing : policies) {
      if (existing.asText().equals(policy)) {
        return;
      }
    }
    policies.add(policy);
  }

  private static void reportFailures(ObjectNode event, Trigger trigger) {
    if (trigger.reportsBatchItemFailures()) {
      // Without it AWS ignores the function's {"batchItemFailures": [...]} and retries the whole batch.
      event.putArray("FunctionResponseTypes").add("ReportBatchItemFailures");
    }
  }

  private static ObjectNode resource(SamTemplate template, String id, String type) {
    ObjectNode resource = template.resources().putObject(id);
    resource.put("Type", type);
    return resource.putObject("Properties");
  }

  private static ObjectNode event(SamTemplate template, String id, String type) {
    ObjectNode event = template.functionEvents().putObject(id);
    event.put("Type", type);
    return event.putObject("Properties");
  }

  private static ObjectNode getAtt(String id, String attribute) {
    ObjectNode getAtt = SamTemplate.object();
    getAtt.putArray("Fn::GetAtt").add(id).add(attribute);
    return getAtt;
  }
}
