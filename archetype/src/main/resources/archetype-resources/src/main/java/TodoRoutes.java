package ${package};

import static dev.vial.Responses.abort;
import static dev.vial.Responses.created;
import static dev.vial.Responses.json;

import dev.vial.Blueprint;
import dev.vial.Request;
import dev.vial.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A blueprint: one resource's routes under {@code /todos}. The todos live in memory, one list per app
 * (on Lambda: per execution environment), which shows the shape; keep real data in a database.
 */
final class TodoRoutes {

  /** The body {@code POST /todos} takes: {@code {"title":"Buy milk"}}. */
  record NewTodo(String title) {}

  private final Map<Long, Todo> todos = new ConcurrentSkipListMap<>();
  private final AtomicLong lastId = new AtomicLong();

  /** {@code GET /todos}, {@code GET /todos/{id:long}} and {@code POST /todos}. */
  Blueprint blueprint() {
    return new Blueprint("/todos")
        .get("/", req -> json(List.copyOf(todos.values())))
        .get("/{id:long}", this::find)
        .post("/", this::create);
  }

  private Response find(Request req) {
    long id = req.pathParamLong("id");
    Todo todo = todos.get(id);
    return todo == null ? abort(404, "No todo " + id) : json(todo);
  }

  private Response create(Request req) {
    NewTodo body = req.json(NewTodo.class);       // a malformed body is a 400 naming line and column
    if (body.title() == null || body.title().isBlank()) {
      return abort(400, "A todo needs a title");
    }
    Todo todo = new Todo(lastId.incrementAndGet(), body.title().strip());
    todos.put(todo.id(), todo);
    return created(req.mountPath() + "/todos/" + todo.id(), todo);
  }
}
