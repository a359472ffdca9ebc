package dev.vial;

import dev.vial.routing.PathTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compiled filters and error handlers that apply to one group's routes: the group's own plus those
 * of every enclosing group. Built once when the app compiles its routes; read-only afterwards.
 */
final class Scope {

  record Before(String pathPrefix, BeforeFilter filter) {}

  record After(String pathPrefix, AfterFilter filter) {}

  final String prefix;
  final Scope parent;
  /** Outermost group first: the app's filters run before a blueprint's. */
  final Before[] befores;
  /** Innermost group first: a blueprint's after filters run before the app's. */
  final After[] afters;
  private final Map<Class<? extends Throwable>, ExceptionHandler<? super Throwable>> exceptionHandlers;
  private final Map<Integer, ExceptionHandler<? super HttpException>> statusHandlers;

  Scope(String prefix, Scope parent, RouteGroup<?> group) {
    this.prefix = prefix;
    this.parent = parent;
    this.exceptionHandlers = Map.copyOf(group.exceptionHandlers);
    this.statusHandlers = Map.copyOf(group.statusHandlers);
    List<Before> allBefores = new ArrayList<>();
    List<After> allAfters = new ArrayList<>();
    if (parent != null) {
      allBefores.addAll(List.of(parent.befores));
    }
    for (RouteGroup.ScopedBefore before : group.befores) {
      allBefores.add(new Before(absolute(before.pathPrefix()), before.filter()));
    }
    for (RouteGroup.ScopedAfter after : group.afters) {
      allAfters.add(new After(absolute(after.pathPrefix()), after.filter()));
    }
    if (parent != null) {
      allAfters.addAll(List.of(parent.afters));
    }
    this.befores = allBefores.toArray(new Before[0]);
    this.afters = allAfters.toArray(new After[0]);
  }

  /** Whether a filter scoped to {@code pathPrefix} ({@code null}: everything) covers {@code path}. */
  static boolean covers(String pathPrefix, String path) {
    if (pathPrefix == null || pathPrefix.isEmpty()) {
      return true;
    }
    return path.startsWith(pathPrefix)
        && (path.length() == pathPrefix.length() || path.charAt(pathPrefix.length()) == '/');
  }

  /** The handler for {@code error}'s class, most specific class first, this scope before its parents. */
  ExceptionHandler<? super Throwable> exceptionHandler(Throwable error) {
    Class<?> stop = error instanceof HttpException ? HttpException.class.getSuperclass() : Object.class;
    for (Class<?> type = error.getClass(); type != null && type != stop; type = type.getSuperclass()) {
      for (Scope scope = this; scope != null; scope = scope.parent) {
        ExceptionHandler<? super Throwable> handler = scope.exceptionHandlers.get(type);
        if (handler != null) {
          return handler;
        }
      }
    }
    return null;
  }

  /** The handler for HTTP errors with {@code status}, this scope before its parents. */
  ExceptionHandler<? super HttpException> statusHandler(int status) {
    for (Scope scope = this; scope != null; scope = scope.parent) {
      ExceptionHandler<? super HttpException> handler = scope.statusHandlers.get(status);
      if (handler != null) {
        return handler;
      }
    }
    return null;
  }

  /** The filter path made absolute; {@code null} or {@code ""} (written {@code "/"}) covers the whole group. */
  private String absolute(String pathPrefix) {
    if (pathPrefix == null || pathPrefix.isEmpty()) {
      return prefix.isEmpty() ? null : prefix;
    }
    return PathTemplate.join(prefix, pathPrefix);
  }
}
