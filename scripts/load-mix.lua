-- wrk script for scripts/load-test.sh: cycles through a mix of the echo app's endpoints,
-- including POST bodies (4 KiB binary, a JSON document). Every one answers 2xx.
local requests = {}
local n = 0

function init(args)
  local blob = string.rep("0123456789abcdef", 256)
  local doc = '{"id":"o-1","items":[{"name":"pen","quantity":2},{"name":"ink","quantity":1}],"note":"caf\\u00e9"}'
  requests = {
    wrk.format("GET", "/"),
    wrk.format("GET", "/users/42"),
    wrk.format("GET", "/echo/a/b?x=1&tag=a&tag=b"),
    wrk.format("POST", "/echo/upload", { ["Content-Type"] = "application/octet-stream" }, blob),
    wrk.format("POST", "/json", { ["Content-Type"] = "application/json" }, doc),
    wrk.format("GET", "/unicode"),
    wrk.format("PUT", "/echo/form", { ["Content-Type"] = "application/x-www-form-urlencoded" }, "a=1&b=two+words"),
  }
end

function request()
  n = n + 1
  return requests[(n % #requests) + 1]
end
