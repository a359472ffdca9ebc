package dev.vial.lambda.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S3 and SNS: asynchronous, per record, and a failure fails the invocation. */
class NotificationEventsTest {

  @Test
  void decodesTheFormUrlEncodedS3KeyOnceAndKeepsTheRawKey() {
    List<S3Record> records = new ArrayList<>();
    String answer = Events.invoke(new ServiceEvents().s3("uploads", records::add),
        Events.s3("uploads", "New+File.jpg", "a%2Bb.txt", "caf%C3%A9%2520.txt"));

    assertThat(answer).isEqualTo("null");
    assertThat(records).extracting(S3Record::key).containsExactly("New File.jpg", "a+b.txt", "café%20.txt");
    assertThat(records).extracting(S3Record::rawKey).containsExactly("New+File.jpg", "a%2Bb.txt", "caf%C3%A9%2520.txt");
    assertThat(records.get(0)).satisfies(r -> {
      assertThat(r.bucket()).isEqualTo("uploads");
      assertThat(r.eventName()).isEqualTo("ObjectCreated:Put");
      assertThat(r.size()).isEqualTo(42L);
    });
  }

  @Test
  void matchesS3PrefixAndSuffixOnTheDecodedKey() {
    List<String> images = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    ServiceEvents events = new ServiceEvents()
        .s3("uploads", "my images/", ".jpg", r -> images.add(r.key()))
        .s3("uploads", "docs/", null, r -> rest.add(r.key()));

    Events.invoke(events, Events.s3("uploads", "my+images/cat.jpg"));
    Events.invoke(events, Events.s3("uploads", "docs/a.pdf"));

    assertThat(images).containsExactly("my images/cat.jpg");
    assertThat(rest).containsExactly("docs/a.pdf");
    assertThatThrownBy(() -> Events.invoke(events, Events.s3("uploads", "my+images/cat.png")))
        .isInstanceOf(ServiceEventException.class)
        .hasMessageContaining("No registration matches S3 uploads, 1 record")
        .hasMessageContaining("S3 bucket uploads prefix my images/ suffix .jpg");
  }

  @Test
  void aFailingS3HandlerFailsTheInvocationWithItsException() {
    ServiceEvents events = new ServiceEvents().s3("uploads", r -> {
      throw new IllegalStateException("thumbnail failed for " + r.key());
    });

    assertThatThrownBy(() -> Events.invoke(events, Events.s3("uploads", "a.jpg")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("thumbnail failed for a.jpg");
  }

  @Test
  void aCheckedExceptionIsWrappedNamingTheTrigger() {
    ServiceEvents events = new ServiceEvents().s3("uploads", r -> {
      throw new java.io.IOException("disk full");
    });

    assertThatThrownBy(() -> Events.invoke(events, Events.s3("uploads", "a.jpg")))
        .isInstanceOf(ServiceEventException.class)
        .hasMessageContaining("S3 bucket uploads")
        .hasMessageContaining("disk full");
  }

  @Test
  void aMalformedKeyFailsTheInvocationClearly() {
    assertThatThrownBy(() -> Events.invoke(new ServiceEvents().s3("uploads", r -> {}), Events.s3("uploads", "100%")))
        .isInstanceOf(ServiceEventException.class)
        .hasMessageContaining("S3 record 0 cannot be read")
        .hasMessageContaining("100%");
  }

  @Test
  void readsSnsMessagesWithSubjectAndAttributes() {
    List<SnsMessage> messages = new ArrayList<>();
    Events.invoke(new ServiceEvents().sns("alerts", messages::add), Events.sns("alerts", "Disk", "{\"free\":3}"));

    SnsMessage message = messages.get(0);
    assertThat(message.topic()).isEqualTo("alerts");
    assertThat(message.subject()).isEqualTo("Disk");
    assertThat(message.message()).isEqualTo("{\"free\":3}");
    assertThat(message.json(Map.class)).containsEntry("free", 3);
    assertThat(message.messageAttributes()).containsEntry("kind", new SnsMessage.Attribute("String", "alert"));
  }

  @Test
  void aNullSubjectIsNull() {
    List<SnsMessage> messages = new ArrayList<>();
    Events.invoke(new ServiceEvents().sns("alerts", messages::add), Events.sns("alerts", null, "m"));

    assertThat(messages.get(0).subject()).isNull();
  }

  @Test
  void anSnsBatchHandlerAnswersWithItsValue() {
    ServiceEvents events = new ServiceEvents().snsBatch("alerts", list -> Map.of("count", list.size()));

    assertThat(Events.invoke(events, Events.sns("alerts", "s", "m"))).isEqualTo("{\"count\":1}");
  }
}
