package dev.vial.lambda.events;

/**
 * One entry of the table: what it matches and who handles it.
 *
 * @param trigger what AWS sends and Vial matches
 * @param mode how the handler is called
 * @param handler a {@link RecordHandler}, {@link BatchHandler} or {@link EventHandler}, as {@code mode} says
 */
record Registration(Trigger trigger, Mode mode, Object handler) {

  /** How a registration's handler is called. */
  enum Mode {
    /** {@link RecordHandler}, once per record. */
    RECORD,
    /** {@link BatchHandler}, once with every record. */
    BATCH,
    /** {@link EventHandler}, once with the event. */
    EVENT
  }

  /** Whether this S3 registration's key filters accept the decoded {@code key}. */
  boolean acceptsKey(String key) {
    return (trigger.prefix() == null || key.startsWith(trigger.prefix()))
        && (trigger.suffix() == null || key.endsWith(trigger.suffix()));
  }
}
