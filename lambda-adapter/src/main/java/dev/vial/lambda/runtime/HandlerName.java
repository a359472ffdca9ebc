package dev.vial.lambda.runtime;

import dev.vial.lambda.LambdaHandler;
import java.lang.reflect.Constructor;

/**
 * The function's handler as Lambda names it in {@code _HANDLER}: {@code package.Class::method} or
 * {@code package.Class} (AWS's Java runtime reads the same two forms). For Vial the class must extend
 * {@link LambdaHandler} and the method, if named, must be {@code handleRequest}.
 *
 * @param className the fully qualified class name
 */
record HandlerName(String className) {

  /** Parses {@code handler}; a malformed name is an {@link IllegalArgumentException} that says what is expected. */
  static HandlerName parse(String handler) {
    if (handler == null || handler.isBlank()) {
      throw new IllegalArgumentException("_HANDLER is not set; expected package.Class::handleRequest");
    }
    String text = handler.trim();
    int separator = text.indexOf("::");
    String className = separator < 0 ? text : text.substring(0, separator);
    String method = separator < 0 ? "handleRequest" : text.substring(separator + 2);
    if (className.isEmpty() || !isJavaName(className)) {
      throw new IllegalArgumentException("_HANDLER '" + handler + "' does not name a class; expected package.Class::handleRequest");
    }
    if (!method.equals("handleRequest")) {
      throw new IllegalArgumentException("_HANDLER '" + handler + "' names method '" + method
          + "'; Vial's runtime calls a LambdaHandler's handleRequest");
    }
    return new HandlerName(className);
  }

  /** Loads the class and creates the handler with its public no-argument constructor, as Lambda does. */
  LambdaHandler instantiate(ClassLoader loader) throws ReflectiveOperationException {
    Class<?> type = Class.forName(className, true, loader);
    if (!LambdaHandler.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException("Handler class " + className + " does not extend " + LambdaHandler.class.getName());
    }
    Constructor<?> constructor = type.getConstructor();
    return (LambdaHandler) constructor.newInstance();
  }

  private static boolean isJavaName(String name) {
    boolean partStart = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.' || c == '$') {
        if (partStart) {
          return false;
        }
        partStart = true;
      } else if (partStart ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
        partStart = false;
      } else {
        return false;
      }
    }
    return !partStart;
  }
}
