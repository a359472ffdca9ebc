package dev.vial.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.lambda.LambdaHandler;
import dev.vial.lambda.events.ServiceEvents;
import org.junit.jupiter.api.Test;

/** The handler's service-event table becomes the function's event sources (SAM's event source types). */
class EventSourcesPartTest {

  static final class ShopLambda extends LambdaHandler {
    ShopLambda() {
      super(SamTemplateTest.app(), new ServiceEvents()
          .sqsBatch("orders", batch -> null)
          .sqs("audit", msg -> { })
          .sns("alerts", msg -> { })
          .s3("uploads", "in/", ".csv", rec -> { })
          .schedule("nightly", "cron(0 3 * * ? *)", event -> null)
          .scheduler("hourly", "rate(1 hour)", event -> null)
          .eventBridge("shop.orders", "OrderPlaced", event -> null)
          .kinesis("clicks", rec -> { })
          .dynamodb("carts", rec -> { })
          .logs("/aws/lambda/other", event -> null));
    }
  }

  private final ObjectNode template = SamTemplate.tree(SamTemplateTest.app(), new ShopLambda(),
      TemplateOptions.defaults("x.jar"));
  private final JsonNode events = template.at("/Resources/ShopFunction/Properties/Events");

  @Test
  void subscribesQueuesWithADeadLetterQueueAndBatchItemFailuresWhereTheHandlerReportsThem() {
    assertThat(events.at("/Orders/Type").asText()).isEqualTo("SQS");
    assertThat(events.at("/Orders/Properties/Queue/Fn::GetAtt").toString()).isEqualTo("[\"Orders\",\"Arn\"]");
    assertThat(events.at("/Orders/Properties/FunctionResponseTypes").toString())
        .isEqualTo("[\"ReportBatchItemFailures\"]");
    JsonNode queue = template.at("/Resources/Orders");
    assertThat(queue.get("Type").asText()).isEqualTo("AWS::SQS::Queue");
    assertThat(queue.at("/Properties/QueueName").asText()).isEqualTo("orders");
    assertThat(queue.at("/Properties/VisibilityTimeout").asInt()).isGreaterThanOrEqualTo(6 * 29);
    assertThat(queue.at("/Properties/RedrivePolicy/deadLetterTargetArn/Fn::GetAtt/0").asText())
        .isEqualTo("OrdersDeadLetters");
    assertThat(template.at("/Resources/OrdersDeadLetters/Properties/QueueName").asText()).isEqualTo("orders-dlq");
  }

  @Test
  void subscribesTopicsBucketsSchedulesAndRulesWithTheirFilters() {
    assertThat(events.at("/Alerts/Type").asText()).isEqualTo("SNS");
    assertThat(events.at("/Uploads/Type").asText()).isEqualTo("S3");
    assertThat(events.at("/Uploads/Properties/Filter/S3Key/Rules").toString())
        .isEqualTo("[{\"Name\":\"prefix\",\"Value\":\"in/\"},{\"Name\":\"suffix\",\"Value\":\".csv\"}]");
    assertThat(template.at("/Parameters/UploadsName/Default").asText()).isEqualTo("uploads");
    assertThat(events.at("/Nightly/Properties/Schedule").asText()).isEqualTo("cron(0 3 * * ? *)");
    assertThat(events.at("/Hourly/Type").asText()).isEqualTo("ScheduleV2");
    assertThat(events.at("/Hourly/Properties/ScheduleExpression").asText()).isEqualTo("rate(1 hour)");
    assertThat(events.at("/ShopOrdersEvents/Properties/Pattern").toString())
        .isEqualTo("{\"source\":[\"shop.orders\"],\"detail-type\":[\"OrderPlaced\"]}");
  }

  @Test
  void subscribesExistingStreamsAndLogGroupsOnlyWhenTheirParameterIsGiven() {
    assertThat(template.at("/Parameters/ClicksStreamArn/Default").asText()).isEmpty();
    JsonNode mapping = template.at("/Resources/ClicksMapping");
    assertThat(mapping.get("Type").asText()).isEqualTo("AWS::Lambda::EventSourceMapping");
    assertThat(mapping.get("Condition").asText()).isEqualTo("ClicksStreamArnGiven");
    assertThat(mapping.at("/Properties/FunctionName/Ref").asText()).isEqualTo("ShopFunctionAliaslive");
    assertThat(template.at("/Resources/ShopFunction/Properties/Policies").toString())
        .isEqualTo("[\"AWSLambdaKinesisExecutionRole\",\"AWSLambdaDynamoDBExecutionRole\"]");
    assertThat(template.at("/Resources/AwsLambdaOtherSubscription/Condition").asText())
        .isEqualTo("AwsLambdaOtherLogGroupGiven");
    assertThat(template.at("/Resources/AwsLambdaOtherLogsPermission/Properties/Principal").asText())
        .isEqualTo("logs.amazonaws.com");
  }

  @Test
  void addsNothingForAHandlerWithoutServiceEvents() {
    ObjectNode plain = SamTemplate.tree(SamTemplateTest.app(), new SamTemplateTest.OrdersLambda(),
        TemplateOptions.defaults("x.jar"));

    assertThat(plain.at("/Resources/OrdersFunction/Properties").has("Events")).isFalse();
  }
}
