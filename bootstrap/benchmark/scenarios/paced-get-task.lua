-- GET /v1/tasks/{id} at a modest pace: like get-task.lua, but each connection waits args[2] milliseconds before
-- each request, so that a tenant working normally stays far under its rate limits while another floods.
local targets = {}
local pause_ms = 100

function init(args)
  for line in io.lines(args[1]) do
    local token, id = line:match("(%S+) (%S+)")
    targets[#targets + 1] = { token, id }
  end
  pause_ms = tonumber(args[2]) or pause_ms
end

function delay()
  return pause_ms
end

function request()
  local target = targets[math.random(#targets)]
  return wrk.format("GET", "/v1/tasks/" .. target[2], { ["Authorization"] = "Bearer " .. target[1] })
end
