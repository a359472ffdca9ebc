package dev.vial.launcher;

import dev.vial.App;
import dev.vial.lambda.LambdaHandler;
import java.util.function.Supplier;

/**
 * What a command may build: the app (fresh on every call) and the app's Lambda handler, as its
 * {@code main} declared them.
 *
 * @param app builds the app
 * @param lambdaHandler builds the Lambda handler class Lambda would instantiate
 */
record AppSource(Supplier<App> app, Supplier<? extends LambdaHandler> lambdaHandler) {}
