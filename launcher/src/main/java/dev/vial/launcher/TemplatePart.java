package dev.vial.launcher;

/**
 * One contribution to a generated SAM template: an API in front of the function, the event sources
 * registered on the Lambda handler, a Function URL... {@link SamTemplate} runs its parts in order; a new
 * capability adds its part to {@link SamTemplate#PARTS} rather than editing the others.
 */
interface TemplatePart {

  /** Adds this part's parameters, conditions, resources, function events and outputs to {@code template}. */
  void addTo(SamTemplate template);
}
