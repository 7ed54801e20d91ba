-- PATCH /v1/tasks/{id}: rename a task, without If-Match, read from the targets file ("token id" per line).
-- The service updates with a version check, so two concurrent PATCHes of one task would end in 409. Each wrk thread
-- therefore takes its own share of the targets and walks it in order: requests in flight at the same time touch
-- different tasks as long as a share holds many more tasks than a thread has connections.
--
--   wrk -t<threads> ... -s update-task.lua <url> -- <targets file> <threads>
local targets = {}
local next_index = 0
local renamed = 0
local threads_started = 0

function setup(thread)
  thread:set("share", threads_started)
  threads_started = threads_started + 1
end

function init(args)
  local threads = tonumber(args[2] or "1")
  local line_number = 0
  for line in io.lines(args[1]) do
    if line_number % threads == share then
      local token, id = line:match("(%S+) (%S+)")
      targets[#targets + 1] = { token, id }
    end
    line_number = line_number + 1
  end
  next_index = math.random(#targets) - 1
end

function request()
  local target = targets[next_index + 1]
  next_index = (next_index + 1) % #targets
  renamed = renamed + 1
  return wrk.format("PATCH", "/v1/tasks/" .. target[2],
    { ["Authorization"] = "Bearer " .. target[1], ["Content-Type"] = "application/json" },
    '{"title":"renamed ' .. renamed .. '"}')
end
