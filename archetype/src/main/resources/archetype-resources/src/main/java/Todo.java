package ${package};

/** One todo, as {@link TodoRoutes} stores it and sends it as JSON: {@code {"id":1,"title":"Buy milk"}}. */
public record Todo(long id, String title) {}
